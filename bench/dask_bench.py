#!/usr/bin/env python3
"""The Dask half of bench/dask_bench.sh: LISA of LATTICE through regionstat_dask, its timings,
and the comparison with OUT/single.gpkg when the single-process run wrote it.

Usage: dask_bench.py LATTICE OUT WORKERS TILES PERMUTATIONS [SCHEDULER]
"""
import os
import sys
import time

import numpy as np
from distributed import Client, LocalCluster
from osgeo import ogr

import regionstat_dask

ogr.UseExceptions()
COMPARED = ("LMiIndex", "LMiPValue", "LISA_CL")


def fields(path):
    """The compared fields as float arrays (NaN where NULL), in feature order."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    layer.SetIgnoredFields([n for n in names if n not in COMPARED] + ["OGR_GEOMETRY"])
    parts = {k: [] for k in COMPARED}
    for batch in layer.GetArrowStreamAsNumPy():
        for k in COMPARED:
            parts[k].append(np.ma.filled(np.ma.asarray(batch[k]).astype(float), np.nan))
    return {k: np.concatenate(v) for k, v in parts.items()}


def main():
    lattice, out, workers, tiles, permutations = sys.argv[1:6]
    scheduler = sys.argv[6] if len(sys.argv) > 6 else ""
    start = time.perf_counter()
    if scheduler:
        cluster, client = None, Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    started = time.perf_counter() - start
    start = time.perf_counter()
    summary = regionstat_dask.lisa(client, lattice, "value", os.path.join(out, "dask.gpkg"), tiles=int(tiles),
                                   permutations=int(permutations), seed=7)
    total = time.perf_counter() - start
    client.close()
    if cluster:
        cluster.close()
    tile = summary["tile_seconds"]
    passes = ", ".join(f"{k} {v:.1f} s" for k, v in summary["seconds"].items())
    print(f"dask ({workers} workers): {total:.1f} s for {summary['units']} units in {summary['tiles']} tiles "
          f"(cluster start {started:.1f} s); passes: {passes}; tile seconds min {min(tile):.1f} "
          f"median {np.median(tile):.1f} max {max(tile):.1f}; features read {summary['features_read']} "
          f"({summary['features_read'] / summary['units']:.3f} per unit)")

    single = os.path.join(out, "single.gpkg")
    if os.path.exists(single):
        a, b = fields(single), fields(os.path.join(out, "dask.gpkg"))
        same = all(np.array_equal(a[k], b[k], equal_nan=True) for k in COMPARED)
        print(f"dask output equals the single-process output ({', '.join(COMPARED)}): {same}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
