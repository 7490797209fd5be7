#!/usr/bin/env python3
"""Partitioned LISA and Gi* on a Dask LocalCluster equal the single-process commands bit for bit.

A 100k-cell lattice of squares (shared vertices: queen neighbours across corners) with a
spatially autocorrelated value, some NULL values (excluded units, holes in the weights), a
feature without geometry (left out) and an isolated cell (an island) is written to a GeoPackage; `regionstat lisa` and
`regionstat hotspot` run on it in one process, then the same analyses run through
regionstat_dask on two worker processes in several tiles. Every field of every feature must be
equal (==, floats included), as must the fields' names and types.

Usage: test_dask_lisa.py BUILD_DIR SOURCE_DIR REGIONSTAT   (exit 77: Dask or the module missing)
"""
import os
import subprocess
import sys
import tempfile

BUILD, SOURCE, REGIONSTAT = sys.argv[1:4]
sys.path[:0] = [os.path.join(BUILD, "python"), os.path.join(SOURCE, "python")]
# The workers are new processes: they find the module and the package the same way.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [os.path.join(BUILD, "python"), os.path.join(SOURCE, "python"), os.environ.get("PYTHONPATH", "")])

try:
    import distributed  # noqa: F401
    import numpy as np
    from osgeo import gdal, ogr, osr
except ImportError as e:
    print(f"skipped: {e} (Debian: python3-distributed python3-dask python3-gdal)")
    sys.exit(77)
try:
    import _regionstat  # noqa: F401
except ImportError as e:
    print(f"skipped: the _regionstat module is not built in {BUILD}/python ({e})")
    sys.exit(77)
import regionstat_dask  # noqa: E402

ogr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # GDAL's notes on reading the outputs back
SIDE = 316  # 99 856 cells
CELL = 100.0


def make_lattice(path):
    """Squares of CELL m; value: a smooth surface plus noise (seeded), positive for Gi."""
    rng = np.random.default_rng(20240601)
    rows, cols = np.mgrid[0:SIDE, 0:SIDE]
    value = 10 + 3 * np.sin(cols / 17.0) + 2 * np.cos(rows / 23.0) + rng.normal(0, 1.0, (SIDE, SIDE))
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3857)
    layer = ds.CreateLayer("lattice", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for r in range(SIDE):
        for c in range(SIDE):
            f = ogr.Feature(defn)
            k = r * SIDE + c
            if k % 997 != 13:  # about a hundred NULL values: excluded units
                f.SetField("value", float(value[r, c]))
            x0, y0 = c * CELL, r * CELL
            f.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON(({x0} {y0},{x0 + CELL} {y0},{x0 + CELL} {y0 + CELL},{x0} {y0 + CELL},{x0} {y0}))"))
            layer.CreateFeature(f)
    f = ogr.Feature(defn)  # a unit without geometry: left out of the analysis
    f.SetField("value", 11.5)
    layer.CreateFeature(f)
    f = ogr.Feature(defn)  # a cell away from the lattice: an island
    f.SetField("value", 9.25)
    x0 = y0 = (SIDE + 10) * CELL
    f.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({x0} {y0},{x0 + CELL} {y0},{x0 + CELL} {y0 + CELL},{x0} {y0 + CELL},{x0} {y0}))"))
    layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def read_fields(path):
    """fids and {field: (type, values, null mask)} of the first layer, in fid order."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    types = {defn.GetFieldDefn(k).GetName(): defn.GetFieldDefn(k).GetTypeName() for k in range(defn.GetFieldCount())}
    layer.SetIgnoredFields(["OGR_GEOMETRY"])
    batches = list(layer.GetArrowStreamAsNumPy())
    fid_key = layer.GetFIDColumn() or "OGC_FID"
    fids = np.concatenate([b[fid_key] for b in batches])
    fields = {}
    for name, kind in types.items():
        parts = [np.ma.asarray(b[name]) for b in batches]
        mask = np.concatenate([np.ma.getmaskarray(a) for a in parts])
        data = np.concatenate([np.ma.getdata(a).astype(object if a.dtype.kind == "S" else a.dtype) for a in parts])
        fields[name] = (kind, data, mask)
    return fids, fields


def compare(single_path, dask_path, expected_fields):
    fids_a, a = read_fields(single_path)
    fids_b, b = read_fields(dask_path)
    assert np.array_equal(fids_a, fids_b), "different features"
    assert list(a) == list(b), f"different fields: {list(a)} vs {list(b)}"
    for name in expected_fields:
        assert name in a, f"field {name} missing from the single-process output"
    for name, (kind, values, null) in a.items():
        kind_b, values_b, null_b = b[name]
        assert kind == kind_b, f"{name}: type {kind} vs {kind_b}"
        # Exactly equal: the same NULLs, and the same value (==, no tolerance) everywhere else.
        differ = np.nonzero((null != null_b) | (~null & (values != values_b)))[0]
        assert len(differ) == 0, (f"{name}: {len(differ)} feature(s) differ, first fid {fids_a[differ[0]]}: "
                                  f"{values[differ[0]]!r} (null {null[differ[0]]}) vs "
                                  f"{values_b[differ[0]]!r} (null {null_b[differ[0]]})")
    return {name: [None if n else v for v, n in zip(values, null)] for name, (_, values, null) in a.items()}


def single(command, lattice, output, options):
    subprocess.run([REGIONSTAT, command, lattice, "--field", "value", "-o", output, "--quiet"] + options,
                   check=True, stdout=subprocess.DEVNULL)


def main():
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        lattice = os.path.join(tmp, "lattice.gpkg")
        make_lattice(lattice)
        lisa_options = ["--permutations", "99", "--seed", "7", "--moments", "--adjust", "fdr"]
        hot_options = ["--permutations", "99", "--seed", "7", "--adjust", "fdr"]
        single("lisa", lattice, os.path.join(tmp, "lisa_single.gpkg"), lisa_options)
        single("hotspot", lattice, os.path.join(tmp, "hot_single.gpkg"), hot_options)
        single("hotspot", lattice, os.path.join(tmp, "gi_single.gpkg"),
               ["--gi", "--permutations", "0", "--classes", "natural-breaks"])

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            lisa = regionstat_dask.lisa(client, lattice, "value", os.path.join(tmp, "lisa_dask.gpkg"), tiles=7,
                                        permutations=99, seed=7, moments=True, adjust="fdr")
            hot = regionstat_dask.hotspot(client, lattice, "value", os.path.join(tmp, "hot_dask.gpkg"), tiles=5,
                                          permutations=99, seed=7, adjust="fdr")
            gi = regionstat_dask.hotspot(client, lattice, "value", os.path.join(tmp, "gi_dask.gpkg"), tiles=4,
                                         gi=True, permutations=0, classes="natural-breaks")
            # Another seed draws other neighbours: the comparison must see it.
            regionstat_dask.lisa(client, lattice, "value", os.path.join(tmp, "lisa_seed8.gpkg"), tiles=3,
                                 permutations=99, seed=8, moments=True, adjust="fdr")
        for run in (lisa, hot, gi):
            assert run["tiles"] > 1 and run["features_read"] > run["units"], run  # tiles with halos
            print(f"{run['command']}: {run['units']} units in {run['tiles']} tiles, "
                  f"{run['features_read']} features read, seconds {run['seconds']}")

        fields = compare(os.path.join(tmp, "lisa_single.gpkg"), os.path.join(tmp, "lisa_dask.gpkg"),
                         ["LMiIndex", "LMiZScore", "LMiPValue", "LMiPAdj", "LMiExpect", "LMiVar", "COType",
                          "LISA_CL", "Quadrant", "NNeighbors"])
        # The lattice has clusters, isolated and excluded units: the comparison covered them.
        clusters = fields["LISA_CL"]
        assert clusters.count(1) > 100 and clusters.count(2) > 100, "no HH/LL clusters on the lattice"
        assert clusters.count(6) == 1 and clusters.count(None) > 50, (clusters.count(6), clusters.count(None))
        neighbours = fields["NNeighbors"]
        assert max(n for n in neighbours if n is not None) == 8
        try:
            compare(os.path.join(tmp, "lisa_single.gpkg"), os.path.join(tmp, "lisa_seed8.gpkg"), [])
        except AssertionError as e:
            assert "LMiZScore" in str(e), e  # LMiIndex is the same, the permutation z is not
        else:
            raise AssertionError("a run with another seed compared equal")
        compare(os.path.join(tmp, "hot_single.gpkg"), os.path.join(tmp, "hot_dask.gpkg"),
                ["GiValue", "GiZScore", "GiPValue", "GiPAdj", "Gi_Bin", "NNeighbors", "HotCold", "HotCold_en",
                 "HotCold_zh"])
        compare(os.path.join(tmp, "gi_single.gpkg"), os.path.join(tmp, "gi_dask.gpkg"),
                ["GiValue", "GiZScore", "GiPValue", "Gi_Bin", "HotCold"])
    print("ok: partitioned LISA, Gi* and Gi equal the single-process runs")


if __name__ == "__main__":
    main()
