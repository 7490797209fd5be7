#!/usr/bin/env bash
# Runs one QGIS test (tests/qgis/test_*.py) headless, with the system Python QGIS embeds:
#   bash tests/qgis/run.sh SCRIPT BUILD_DIR SOURCE_DIR REGIONSTAT_BINARY
# Exit 77 (ctest: skipped) only when QGIS itself is not installed.
set -euo pipefail
script=$1 build=$2 source=$3 cli=$4

if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null || [[ ! -x /usr/bin/qgis_process.bin ]]; then
  echo "QGIS (qgis, python3-qgis) is not installed: skipping $(basename "$script")"
  exit 77
fi
if [[ ! -d "$build/qgis_plugin/regionstat" ]]; then
  echo "the plugin is not built: run cmake --build $build --target qgis_plugin" >&2
  exit 1
fi

# A private home, settings profile and runtime directory: tests never touch the user's QGIS.
work=$(mktemp -d /tmp/regionstat-qgis-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/home/.config"
export XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache"
export QT_QPA_PLATFORM=offscreen QGIS_PLUGINPATH="$build/qgis_plugin" PYTHONDONTWRITEBYTECODE=1
export REGIONSTAT_BUILD_DIR="$build" REGIONSTAT_SOURCE_DIR="$source" REGIONSTAT_CLI="$cli"
export REGIONSTAT_TEST_TMP="$work"
cd "$work"
/usr/bin/python3 "$script"
