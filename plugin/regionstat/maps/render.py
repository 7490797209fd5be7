"""Command-line entry of the map renderer, run by `regionstat map` with QGIS's Python:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 render.py SPEC.json

SPEC.json holds the settings of a FigureSpec (figure.py). Prints what was made as JSON on stdout;
on failure prints the reason on stderr and exits 1 (3 when QGIS itself cannot be started)."""
import json
import os
import sys


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: render.py SPEC.json\n')
        return 2
    try:
        from qgis.core import QgsApplication
    except ImportError as error:
        sys.stderr.write('QGIS Python bindings are missing ({}): apt-get install qgis python3-qgis\n'.format(error))
        return 3
    # The package is imported from the plugin folder this script lives in (plugin or source tree).
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    from regionstat.maps import FigureSpec, render_figure
    from regionstat.maps.styles import MapError

    os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
    QgsApplication.setPrefixPath('/usr', True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        with open(argv[1], encoding='utf-8') as f:
            spec = FigureSpec.from_dict(json.load(f))
        summary = render_figure(spec)
    except (MapError, OSError, ValueError, TypeError) as error:
        sys.stderr.write('{}\n'.format(error))
        return 1
    finally:
        app.exitQgis()
    sys.stdout.write(json.dumps(summary, ensure_ascii=False) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
