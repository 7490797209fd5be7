"""RegionStat: spatial statistics for regional development, as a QGIS Processing provider."""
import os

# The core draws its figures with the scripts shipped in this folder (analysis/figure.cpp).
os.environ.setdefault('REGIONSTAT_FIGURES_DIR', os.path.join(os.path.dirname(__file__), 'figures'))


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .regionstat_plugin import RegionStatPlugin
    return RegionStatPlugin(iface)
