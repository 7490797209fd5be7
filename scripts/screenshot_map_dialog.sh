#!/usr/bin/env bash
# Screenshot of the QGIS dialog of RegionStat's map algorithm (regionstat:map), filled in for the
# 2002-2011 LISA small multiples of the sample layer, under a virtual X server:
#   bash scripts/screenshot_map_dialog.sh [BUILD_DIR] [OUTPUT.png]   (default build, docs/qgis_map_dialog.png)
# Needs the build (BUILD_DIR/regionstat and BUILD_DIR/qgis_plugin) and qgis, python3-qgis, xvfb,
# xauth. Uses a private QGIS profile.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=$(realpath -m "${1:-build}")
png=$(realpath -m "${2:-docs/qgis_map_dialog.png}")
sample=$root/sample_layers/china_provinces.gpkg
[[ -x $build/regionstat && -d $build/qgis_plugin/regionstat ]] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/regionstat-screenshot.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/runtime" "$work/profiles" && chmod 700 "$work/runtime"
"$build/regionstat" lisa "$sample" --id adcode --field 'gdp_*' -o "$work/lisa_gdp.gpkg" --quiet

cat > "$work/startup.py" <<PY
import qgis.utils
import processing
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

qgis.utils.loadPlugin('regionstat')
qgis.utils.startPlugin('regionstat')
layer = QgsVectorLayer('$work/lisa_gdp.gpkg|layername=lisa_gdp', 'LISA clusters of GDP 2002-2011', 'ogr')
assert layer.isValid(), 'cannot open the LISA result'
QgsProject.instance().addMapLayer(layer)
fields = ['LisCL_{}'.format(year) for year in range(2002, 2012)]
dialog = processing.createAlgorithmDialog('regionstat:map', {
    'INPUT': layer, 'FIELD': fields, 'TITLE': 'LISA clusters of GDP, 2002-2011', 'LANG': 0,
    'PAGE': 0, 'ORIENTATION': 0, 'DPI': 300, 'OUTPUT': '/tmp/lisa_2002_2011.png'})
dialog.resize(1100, 760)
dialog.show()

def grab():
    dialog.grab().save('$png')
    print('saved $png', flush=True)
    QTimer.singleShot(500, lambda: QgsApplication.exit(0))

QTimer.singleShot(5000, grab)
PY

source "$root/scripts/qgis_under_xvfb.sh"
run_qgis_under_xvfb "$build/qgis_plugin" 1400x900
