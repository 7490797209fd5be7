"""The Processing provider `regionstat`: one algorithm per algorithm the C++ core registers."""
import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .i18n import install_translator, tr

ICON = os.path.join(os.path.dirname(__file__), 'icon.svg')


def core_module():
    """The compiled core, or None with the reason logged (e.g. built for another Python)."""
    try:
        from . import _regionstat
        return _regionstat
    except ImportError as error:
        QgsMessageLog.logMessage(
            tr('The RegionStat core module could not be loaded ({}). The plugin contains it for '
               'Python 3.11 on 64-bit Linux; build it from the source for other systems.').format(error),
            'RegionStat', Qgis.Critical)
        return None


class RegionStatProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        install_translator()

    def id(self):
        return 'regionstat'

    def name(self):
        return 'RegionStat'

    def longName(self):  # noqa: N802
        module = core_module()
        version = getattr(module, '__version__', '') if module else ''
        return 'RegionStat ' + version if version else 'RegionStat'

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802
        return ICON

    def loadAlgorithms(self):  # noqa: N802
        module = core_module()
        if module is None:
            return
        from .algorithm import RegionStatAlgorithm
        for description in module.algorithms():
            self.addAlgorithm(RegionStatAlgorithm(description))
