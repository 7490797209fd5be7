#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs the main job on the sample layer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
./build/regionstat weights sample_layers/china_provinces.gpkg --id adcode --method queen
