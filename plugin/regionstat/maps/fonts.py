"""The font of every text of a figure, and a known-glyph probe before rendering: a Chinese
legend in a font without CJK glyphs would print tofu boxes, so that is an error instead."""
from qgis.PyQt.QtGui import QFont, QFontDatabase, QFontMetrics

from .styles import MapError

# Noto Sans CJK (Debian fonts-noto-cjk) covers Latin and Chinese in one family, so English and
# Chinese figures look alike.
CJK_FAMILY = 'Noto Sans CJK SC'


def figure_font_family():
    """Noto Sans CJK SC where installed, else the application's default family."""
    if CJK_FAMILY in QFontDatabase().families():
        return CJK_FAMILY
    return QFont().family()


def require_glyphs(family, texts):
    """Raises MapError naming the characters that neither `family` nor the fonts Qt falls back
    to can draw: those would print as tofu boxes."""
    metrics = QFontMetrics(QFont(family))
    missing = sorted({c for t in texts for c in t if not c.isspace() and not metrics.inFontUcs4(ord(c))})
    if missing:
        raise MapError("the font '{}' has no glyph for {}; install a CJK font: apt-get install "
                       "fonts-noto-cjk".format(family, ''.join(missing[:20])))
