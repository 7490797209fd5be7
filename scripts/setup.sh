#!/usr/bin/env bash
# Installs what RegionStat needs from Debian 12 packages (run as root, or with sudo available).
#   scripts/setup.sh            build dependencies (compiler, GDAL, GEOS, PROJ, Eigen, Boost, ...)
#   scripts/setup.sh --tests    + GoogleTest, R spdep/sf/spData (reference data), QGIS (plugin tests)
# Packages already installed are not touched, so a second run takes a second.
set -euo pipefail

packages=(build-essential cmake pkg-config libgdal-dev libsqlite3-dev gdal-bin libgeos-dev libproj-dev proj-bin
          libeigen3-dev libboost-dev libcli11-dev nlohmann-json3-dev
          pybind11-dev python3-dev python3-numpy libtomlplusplus-dev
          python3-matplotlib fonts-noto-cjk  # figures (matplotlib), Chinese text in figures and maps
          qttools5-dev-tools)  # lrelease: translations of the QGIS plugin
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(libgtest-dev libgmock-dev r-cran-spdep r-cran-sf r-cran-spdata
             qgis python3-qgis qgis-providers xvfb xauth poppler-utils
             r-cran-classint python3-scipy python3-mpmath  # the reference scripts in tests/reference/
             python3-gdal python3-dask python3-distributed)  # partitioned runs (docs/distributed.md)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  echo "installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
