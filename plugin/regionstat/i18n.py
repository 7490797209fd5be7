"""Translations: every text the user reads goes through QCoreApplication.translate with the
context 'RegionStat'; the .qm for the QGIS locale (Settings > Options > General) is installed
once. The .ts sources are in plugin/i18n/ of the repository (update_ts.py regenerates them)."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = 'RegionStat'
_translator = None


def tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale():
    """The locale QGIS uses for its interface (QGIS stores it in locale/userLocale)."""
    value = QgsSettings().value('locale/userLocale', '')
    return str(value) if value else QLocale().name()


def translation_name(locale):
    """regionstat_zh_Hans for zh-Hans, zh_CN, zh_SG; None for English or a missing language."""
    code = locale.replace('-', '_')
    if code.startswith('zh'):
        traditional = any(t in code for t in ('Hant', 'TW', 'HK', 'MO'))
        return None if traditional else 'regionstat_zh_Hans'
    return 'regionstat_' + code.split('_')[0] if code else None


def install_translator():
    global _translator
    if _translator is not None:
        return
    name = translation_name(qgis_locale())
    if not name:
        return
    path = os.path.join(os.path.dirname(__file__), 'i18n', name + '.qm')
    translator = QTranslator()
    if os.path.exists(path) and translator.load(path):
        QCoreApplication.installTranslator(translator)
        _translator = translator
