"""The plugin object QGIS loads: it only registers the Processing provider."""
from qgis.core import QgsApplication

from .i18n import install_translator


class RegionStatPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        install_translator()

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from .provider import RegionStatProvider
        self.provider = RegionStatProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
