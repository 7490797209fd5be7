#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs every test (unit, reference, command line, QGIS).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
bash scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)"
