"""RegionStat's local statistics (LISA, Gi*/Gi) on a Dask cluster, equal bit for bit to
`regionstat lisa` / `regionstat hotspot` on one machine (docs/distributed.md).

    from distributed import Client
    import regionstat_dask
    with Client("tcp://scheduler:8786") as client:
        summary = regionstat_dask.lisa(client, "grid.gpkg", "value", "grid_lisa.gpkg",
                                       tiles=64, permutations=999, seed=7)

The C++ core does every computation through the `_regionstat` module (built next to the
`regionstat` command, in the build's python/ folder); this package only partitions the layer,
moves arrays between the driver and the workers and gathers the results. Both must be
importable on the driver and on every worker.
"""
from .driver import hotspot, lisa, run

__all__ = ["lisa", "hotspot", "run"]
