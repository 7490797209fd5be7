# Sourced by the screenshot scripts: runs QGIS under a virtual X server with a private profile
# and the startup script $work/startup.py (which saves the screenshot $png and quits).
#   run_qgis_under_xvfb PLUGIN_DIR SCREEN   e.g. run_qgis_under_xvfb build/qgis_plugin 1400x900
# Needs $work (with runtime/ and profiles/) and $png; exits 1 with QGIS's log when no screenshot.
run_qgis_under_xvfb() {
  local plugins=$1 screen=$2
  XDG_RUNTIME_DIR="$work/runtime" QGIS_PLUGINPATH="$plugins" timeout 300 xvfb-run -a -s "-screen 0 ${screen}x24" \
    qgis --profiles-path "$work/profiles" --nologo --noversioncheck --code "$work/startup.py" \
    >"$work/qgis.log" 2>&1 || true
  if [[ ! -s $png ]]; then
    echo "QGIS did not save the screenshot; its log:" >&2
    tail -30 "$work/qgis.log" >&2
    exit 1
  fi
  echo "wrote $png"
}
