"""RegionStat: spatial statistics for regional development, as a QGIS Processing provider."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .regionstat_plugin import RegionStatPlugin
    return RegionStatPlugin(iface)
