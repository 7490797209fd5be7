#!/usr/bin/env bash
# Screenshot of QGIS with a styled LISA result of the sample layer (2011 GDP of China's
# provinces), the RegionStat provider in the Processing toolbox, under a virtual X server:
#   bash scripts/screenshot_qgis.sh [OUTPUT.png]     (default docs/qgis_lisa.png)
# Needs the build (scripts/build.sh: build/regionstat and build/qgis_plugin) and the packages
# qgis, python3-qgis, xvfb and xauth (scripts/setup.sh --tests). Uses a private QGIS profile.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
png=$(realpath -m "${1:-docs/qgis_lisa.png}")
sample=$root/sample_layers/china_provinces.gpkg
[[ -x build/regionstat && -d build/qgis_plugin/regionstat ]] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
[[ -f $sample ]] || { echo "missing $sample" >&2; exit 1; }

work=$(mktemp -d /tmp/regionstat-screenshot.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/runtime" "$work/profiles" && chmod 700 "$work/runtime"

# The LISA result, styled by the core (the QML is stored in the GeoPackage's layer_styles).
build/regionstat lisa "$sample" --field gdp_2011 -o "$work/lisa_gdp_2011.gpkg" --quiet

cat > "$work/startup.py" <<PY
import qgis.utils
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

qgis.utils.loadPlugin('regionstat')
qgis.utils.startPlugin('regionstat')
window = iface.mainWindow()
window.resize(1500, 900)
window.showMaximized()
layer = QgsVectorLayer('$work/lisa_gdp_2011.gpkg|layername=lisa_gdp_2011', 'LISA clusters of GDP 2011 (queen, 999 permutations)', 'ogr')
assert layer.isValid(), 'cannot open the LISA result'
QgsProject.instance().addMapLayer(layer)
canvas = iface.mapCanvas()
canvas.setExtent(layer.extent().buffered(1.0))
# The Processing toolbox, filtered to RegionStat, beside the map.
from qgis.PyQt.QtWidgets import QDockWidget, QLineEdit
for dock in window.findChildren(QDockWidget):
    if dock.objectName() == 'ProcessingToolbox':
        dock.show()
        for edit in dock.findChildren(QLineEdit):
            edit.setText('regionstat')

def save():
    canvas.refreshAllLayers()
    def grab():
        window.grab().save('$png')
        canvas.saveAsImage('$work/canvas.png')
        print('saved $png', flush=True)
        QTimer.singleShot(500, lambda: QgsApplication.exit(0))
    canvas.mapCanvasRefreshed.connect(lambda: QTimer.singleShot(1500, grab))
    canvas.refresh()

QTimer.singleShot(4000, save)
PY

source "$root/scripts/qgis_under_xvfb.sh"
run_qgis_under_xvfb "$root/build/qgis_plugin" 1500x900
