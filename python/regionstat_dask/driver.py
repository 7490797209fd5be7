"""The driver of a partitioned run: global pass, tiles on the workers, final pass.

Passes (docs/distributed.md):
  1. global (driver): the feature ids and the analysed field of the whole layer (no geometry),
     the units with a value and a geometry in layer order, their standardised values through the core
     (`_regionstat.local_standardised`), and the tiles: the units' bounding boxes (from the
     GeoPackage's R-tree) cut into columns and rows of equal counts by the boxes' centres;
  2. tiles (workers): `_regionstat.tile` reads a tile's units with their halo (every feature whose
     box meets the tile's extent), builds the weights and computes the statistic of the tile's
     own units, with the value vector scattered once to every worker;
  3. final (driver): the tiles' arrays in layer order -> `_regionstat.finish` (multiple testing,
     classes, the command's fields, the output layer).
"""
import math
import time

import numpy as np
from osgeo import ogr

ogr.UseExceptions()

# Arrays the tile pass returns per unit and the final pass reads.
RESULT_ARRAYS = ("statistic", "expected", "variance", "z", "p_analytical", "p_permutation",
                 "z_permutation", "standardised", "lag", "g_value", "neighbours")


def _core():
    import _regionstat  # the build's python/ folder (or the QGIS plugin's) on sys.path
    return _regionstat


def _as_texts(arguments):
    """The command's arguments as the core takes them: name -> str or list of str."""
    out = {}
    for name, value in arguments.items():
        if value is None:
            continue
        name = name.replace("-", "_")
        if isinstance(value, bool):
            out[name] = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            out[name] = [str(v) for v in value]
        else:
            out[name] = str(value)
    return out


class _Source:
    """The input GeoPackage layer: its table, feature-id column and R-tree."""

    def __init__(self, path, layer_name):
        self.path = path
        ds = ogr.Open(path)
        if ds is None or ds.GetDriver().GetName() != "GPKG":
            raise ValueError(f"'{path}': a partitioned run reads a GeoPackage (its R-tree finds the "
                             "halos); convert the layer first (regionstat convert, ogr2ogr)")
        layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if layer is None:
            raise ValueError(f"'{path}' has no layer '{layer_name}'")
        self.layer = layer.GetName()
        self.fid_column = layer.GetFIDColumn() or "fid"
        geometry = layer.GetGeometryColumn()
        if not geometry:
            raise ValueError(f"'{path}': layer '{self.layer}' has no geometry to build contiguity from")
        self.rtree = f"rtree_{self.layer}_{geometry}"
        names = [layer.GetLayerDefn().GetFieldDefn(k).GetName()
                 for k in range(layer.GetLayerDefn().GetFieldCount())]
        self.fields = names

    def values(self, field):
        """Feature ids in reading order and the field as float64, NaN where NULL."""
        if field not in self.fields:
            raise ValueError(f"'{self.path}' has no field '{field}' (fields: {', '.join(self.fields)})")
        ds = ogr.Open(self.path)
        layer = ds.GetLayerByName(self.layer)
        defn = layer.GetLayerDefn()
        kind = defn.GetFieldDefn(defn.GetFieldIndex(field)).GetType()
        if kind not in (ogr.OFTReal, ogr.OFTInteger, ogr.OFTInteger64):
            raise ValueError(f"field '{field}' of '{self.path}' is not numeric")
        layer.SetIgnoredFields([f for f in self.fields if f != field] + ["OGR_GEOMETRY", "OGR_STYLE"])
        fids, values = [], []
        for batch in layer.GetArrowStreamAsNumPy():
            fid_key = [k for k in batch if k != field][0]
            fids.append(np.asarray(batch[fid_key], dtype=np.int64))
            v = batch[field]
            values.append(np.ma.filled(np.ma.asarray(v).astype(np.float64), np.nan))
        if not fids:
            return np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(fids), np.concatenate(values)

    def boxes(self):
        """Feature id and bounding box of every feature with a geometry (the R-tree's rows)."""
        ds = ogr.Open(self.path)
        sql = ds.ExecuteSQL(f'SELECT id, minx, maxx, miny, maxy FROM "{self.rtree}"')
        parts = {k: [] for k in ("id", "minx", "maxx", "miny", "maxy")}
        try:
            for batch in sql.GetArrowStreamAsNumPy():
                for k in parts:
                    parts[k].append(np.asarray(batch[k]))
        finally:
            ds.ReleaseResultSet(sql)
        return {k: (np.concatenate(v) if v else np.zeros(0)) for k, v in parts.items()}

    def where(self, extent):
        """Attribute filter selecting the features whose box meets `extent`."""
        x0, y0, x1, y1 = (repr(float(v)) for v in extent)
        return (f'"{self.fid_column}" IN (SELECT id FROM "{self.rtree}" WHERE maxx >= {x0} AND '
                f'minx <= {x1} AND maxy >= {y0} AND miny <= {y1})')


def _split(order_key, count):
    """Positions sorted by key, cut into `count` runs of equal size."""
    order = np.argsort(order_key, kind="stable")
    return [part for part in np.array_split(order, count) if len(part)]


def plan_tiles(boxes, tiles, margin):
    """Tiles: (feature ids of the own units, extent with margin). Columns by the boxes' centre x,
    then rows by centre y, each of about the same number of units."""
    n = len(boxes["id"])
    if n == 0:
        return []
    tiles = max(1, min(int(tiles), n))
    columns = max(1, int(round(math.sqrt(tiles))))
    rows = max(1, int(math.ceil(tiles / columns)))
    cx = (boxes["minx"] + boxes["maxx"]) / 2
    cy = (boxes["miny"] + boxes["maxy"]) / 2
    plan = []
    for column in _split(cx, columns):
        for part in _split(cy[column], rows):
            members = column[part]
            extent = (boxes["minx"][members].min() - margin, boxes["miny"][members].min() - margin,
                      boxes["maxx"][members].max() + margin, boxes["maxy"][members].max() + margin)
            plan.append((np.sort(boxes["id"][members]).astype(np.int64), extent))
    return plan


def _tile_task(command, arguments, where, valid_fids, own_units, x, z, threads):
    """Runs on a worker: one tile through the core."""
    start = time.perf_counter()
    out = _core().tile(command, arguments, where, valid_fids, own_units, x, z, threads)
    out["seconds"] = time.perf_counter() - start
    return out


def run(command, arguments, client=None, tiles=None, threads=1):
    """A partitioned run of `command` ("lisa" or "hotspot") with the command's arguments (input,
    field, output, weights, transform, permutations, seed, p_rule, alpha, adjust, moments, gi,
    classes, ...; names as `regionstat COMMAND --help` spells them, dashes or underscores).
    client: a distributed.Client (None: the tiles run one after the other here, for checks).
    tiles: how many tiles at least (columns x rows around it; default 4 per worker thread).
    threads: the core's threads per tile (Dask's worker threads already run tiles side by side).
    Returns a summary: units, tiles, features read (own and halo), seconds per pass."""
    core = _core()
    args = _as_texts(arguments)
    options = core.partitioned_options(command, args, True)  # before any work, as the command
    seconds = {}
    t = time.perf_counter()

    # 1. Global pass.
    source = _Source(args["input"], args.get("layer"))
    field = args["field"] if isinstance(args["field"], str) else args["field"][0]
    fids, x_all = source.values(field)
    if len(fids) > 1 and np.any(np.diff(fids) <= 0):
        raise ValueError(f"'{source.path}': feature ids do not increase in reading order")
    boxes = source.boxes()
    # The units of the analysis: a value and a geometry (features without one have no box in the
    # R-tree and are left out, as the command leaves them out; a geometry the reader cannot
    # repair is found by the tile that reads it, which stops the run).
    valid = np.isfinite(x_all) & np.isin(fids, boxes["id"])
    valid_fids = fids[valid]
    x = np.ascontiguousarray(x_all[valid])
    z = core.local_standardised(x, True)
    plan = plan_tiles(boxes, tiles or 4 * _threads(client), options["halo_margin"])
    seconds["global"] = time.perf_counter() - t
    t = time.perf_counter()

    # 2. Tiles. The value vectors go once to every worker; a tile carries its own units only.
    tasks = []
    for own_fids, extent in plan:
        # Own units with a value, as indices among the layer's units with a value.
        own_units = np.searchsorted(valid_fids, own_fids[np.isin(own_fids, valid_fids)])
        tasks.append((source.where(extent), own_units.astype(np.int64)))
    x_arg = x if command == "hotspot" else np.zeros(0)
    if client is None:
        results = [_tile_task(command, args, where, valid_fids, own, x_arg, z, threads)
                   for where, own in tasks]
    else:
        shared = client.scatter([valid_fids, x_arg, z], broadcast=True)
        # A tile's own units (8 bytes each) go as data, not inside the task graph.
        owns = client.scatter([own for _, own in tasks])
        futures = [client.submit(_tile_task, command, args, where, shared[0], own, shared[1], shared[2],
                                 threads, pure=False) for (where, _), own in zip(tasks, owns)]
        results = client.gather(futures)
    seconds["tiles"] = time.perf_counter() - t
    t = time.perf_counter()

    # 3. Final pass: every unit with a value gets its tile's row.
    m = len(valid_fids)
    gathered = {name: np.full(m, np.nan) for name in RESULT_ARRAYS}
    gathered["neighbours"] = np.zeros(m, np.int64)
    done = np.zeros(m, bool)
    for (_, own), result in zip(tasks, results):
        if done[own].any():
            raise RuntimeError("a unit was computed by two tiles")
        done[own] = True
        for name in RESULT_ARRAYS:
            gathered[name][own] = result[name]
    if not done.all():
        raise RuntimeError(f"{int((~done).sum())} unit(s) with a value were in no tile")
    feature_index = np.nonzero(valid)[0].astype(np.int64)
    path = core.finish(command, args, gathered, feature_index, len(fids))
    seconds["final"] = time.perf_counter() - t
    return {
        "command": command,
        "output": path,
        "features": int(len(fids)),
        "units": int(m),
        "tiles": len(tasks),
        "features_read": int(sum(r["read"] for r in results)),
        "tile_seconds": [float(r["seconds"]) for r in results],
        "seconds": seconds,
        "options": options,
    }


def _threads(client):
    if client is None:
        return 1
    return max(1, sum(client.nthreads().values()))


def lisa(client, input, field, output, tiles=None, threads=1, **options):
    """`regionstat lisa INPUT --field FIELD -o OUTPUT [options]` on the cluster of `client`."""
    return run("lisa", dict(options, input=input, field=field, output=output), client, tiles, threads)


def hotspot(client, input, field, output, tiles=None, threads=1, **options):
    """`regionstat hotspot INPUT --field FIELD -o OUTPUT [options]` on the cluster of `client`."""
    return run("hotspot", dict(options, input=input, field=field, output=output), client, tiles, threads)
