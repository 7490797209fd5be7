#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the main job on the sample layer: the Getis-Ord Gi*
# hot spots of provincial GDP in 2011 (queen contiguity), printed as a summary and written as a
# GeoPackage that QGIS opens already styled (china_gdp_hotspots.gpkg). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/regionstat hotspot sample_layers/china_provinces.gpkg --field gdp_2011 --id name_en \
  --weights queen -o china_gdp_hotspots.gpkg --overwrite
