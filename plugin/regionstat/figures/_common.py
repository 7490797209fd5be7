"""What the figure scripts share: reporting a failure, loading matplotlib and the data, saving.

The scripts are run as `python3 SCRIPT DATA.json OUTPUT FORMAT` from any working directory
(analysis/figure.cpp); each puts its own folder on sys.path to import this module. A failure is
one line on stderr, which the caller shows, and exit status 1.
"""
import json
import os
import sys


def fail(message):
    print(os.path.basename(sys.argv[0]) + ": " + message, file=sys.stderr)
    sys.exit(1)


def import_pyplot():
    """matplotlib (headless), its pyplot and font_manager; a failure when it is not installed."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        fail("matplotlib is missing: apt-get install python3-matplotlib")
    return matplotlib, plt, font_manager


def use_cjk_font(plt, font_manager):
    """Sets a CJK font (Debian fonts-noto-cjk) first, so Chinese labels draw; returns its name,
    or None when there is none. matplotlib names a .ttc collection after its first face (Noto
    Sans CJK JP), which holds the Chinese glyphs as well: SC when listed, else any Noto Sans CJK."""
    names = sorted({f.name for f in font_manager.fontManager.ttflist if f.name.startswith("Noto Sans CJK")})
    cjk = "Noto Sans CJK SC" if "Noto Sans CJK SC" in names else (names[0] if names else None)
    if cjk:
        plt.rcParams["font.family"] = [cjk, "DejaVu Sans"]
    return cjk


def read_data(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(fig, output, fmt, **options):
    try:
        fig.savefig(output, format=fmt, dpi=150, **options)
    except Exception as error:  # noqa: BLE001 - a full disk, a bad path: the message goes to the caller
        fail("cannot write %s: %s" % (output, error))
