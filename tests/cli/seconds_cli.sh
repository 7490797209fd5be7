#!/usr/bin/env bash
# End-to-end: every command's --json summary has "seconds", the wall-clock seconds of each of
# its steps (read, weights, statistic, write, ...), so that a run can be profiled without a
# debugger. Each command runs on the sample layers with the options that make it do the steps
# named here; the check is that those steps are there and that every value is a non-negative
# number (never how large it is: tests do not assert timings).
#   bash tests/cli/seconds_cli.sh BUILD/regionstat SOURCE_DIR
set -uo pipefail
rs=${1:?usage: seconds_cli.sh REGIONSTAT SOURCE_DIR}
src=${2:?usage: seconds_cli.sh REGIONSTAT SOURCE_DIR}
prov="$src/sample_layers/china_provinces.gpkg"
cities="$src/sample_layers/china_cities.gpkg"
# $tmp, the counters, run and has.
source "$(dirname "${BASH_SOURCE[0]}")/cli_support.sh"

# steps NAME STEP...: the --json summary in $tmp/NAME.out has "seconds" with at least these
# steps, and every step it lists is a finite number >= 0.
steps() {
  local name=$1
  shift
  local problem
  problem=$(python3 - "$tmp/$name.out" "$@" <<'PY'
import json, math, sys
try:
    summary = json.load(open(sys.argv[1]))
except ValueError as e:
    sys.exit("not JSON: %s" % e)
seconds = summary.get("seconds")
if not isinstance(seconds, dict):
    sys.exit("no \"seconds\" object in the summary")
missing = [s for s in sys.argv[2:] if s not in seconds]
if missing:
    sys.exit("\"seconds\" lacks %s (has %s)" % (", ".join(missing), ", ".join(seconds)))
for step, value in seconds.items():
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        sys.exit("seconds[%r] = %r is not a non-negative number" % (step, value))
PY
  ) 2>&1 && ok || fail "$name: $problem"
}

# --- global statistics: moran, geary, general-g (one implementation, three commands) -------------
run moran 0 moran "$prov" --id adcode --field gdp_2011 --permutations 99 --output-csv "$tmp/moran.csv" --json -q
steps moran read weights statistic write
run moran_panel 0 moran "$prov" --id adcode --field 'gdp_*' --permutations 9 --json -q
steps moran_panel read weights statistic
run geary 0 geary "$prov" --field gdp_2011 --permutations 99 --json -q
steps geary read weights statistic
run general_g 0 general-g "$prov" --field gdp_2011 --transform B --permutations 99 --json -q
steps general_g read weights statistic

# --- local statistics ----------------------------------------------------------------------------
run lisa 0 lisa "$prov" --field gdp_2011 --permutations 99 -o "$tmp/lisa.gpkg" --json -q
steps lisa read weights statistic write
run hotspot 0 hotspot "$prov" --field gdp_2011 -o "$tmp/hotspot.gpkg" --json -q
steps hotspot read weights statistic write
run local_geary 0 local-geary "$prov" --field gdp_2011 --permutations 99 -o "$tmp/local_geary.gpkg" --json -q
steps local_geary read weights statistic write

# --- table commands (one shared driver) ----------------------------------------------------------
run inequality 0 inequality "$prov" --field 'gdp_*' --json -q
steps inequality read statistic
run growth 0 growth "$prov" --field 'gdp_*' -o "$tmp/growth.gpkg" --json -q
steps growth read statistic write

# --- centres of gravity ---------------------------------------------------------------------------
run centre 0 centre "$prov" --weight gdp_2011 --type mean -o "$tmp/centre.gpkg" --json -q
steps centre read points statistic write
run ellipse 0 ellipse "$prov" --weight gdp_2011 -o "$tmp/ellipse.gpkg" --json -q
steps ellipse read points statistic write
run migration 0 migration "$prov" --weight 'gdp_*' -o "$tmp/migration.gpkg" --table "$tmp/moves.csv" --json -q
steps migration read points statistic write
run gravity 0 gravity "$cities" --where "province_zh = '河南'" --id name --mass pop -o "$tmp/links.gpkg" --json -q
steps gravity read points distances statistic write
run influence 0 influence "$prov" --centres "$cities" --centres-id name --centres-where "capital IN (1, 2)" --mass pop \
  -o "$tmp/influence.gpkg" --zones-output "$tmp/zones.gpkg" --json -q
steps influence read points statistic write zones
run primacy 0 primacy "$cities" --size pop --group province_zh --table "$tmp/primacy.csv" --json -q
steps primacy read statistic write

# --- data preparation -----------------------------------------------------------------------------
run info 0 info "$prov" --json
steps info read describe
run convert 0 convert "$prov" -o "$tmp/converted.gpkg" --json -q
steps convert convert
run to_long 0 join "$prov" --to-long --layer-key name_zh --fields 'gdp_*' -o "$tmp/long.csv" --json -q
steps to_long read reshape write
run join 0 join "$prov" "$tmp/long.csv" --layer-key name_zh --table-key name_zh --year year --prefix j_ \
  -o "$tmp/joined.gpkg" --json -q
steps join read join write

# run: its own steps, and each command it ran keeps its own seconds in its summary.
mkdir -p "$tmp/recipe"
cp "$prov" "$tmp/recipe/prov.gpkg"
cat >"$tmp/recipe/recipe.toml" <<'EOF'
inputs = ["prov.gpkg"]
output_dir = "out"
[[steps]]
run = "lisa"
field = "gdp_2011"
permutations = 9
output = "{stem}_lisa.gpkg"
EOF
run recipe_dry 0 run "$tmp/recipe/recipe.toml" --dry-run --json -q
steps recipe_dry plan
run recipe 0 run "$tmp/recipe/recipe.toml" --json -q
steps recipe plan inputs
python3 -c 'import json, sys; sys.exit(0 if "read" in json.load(open(sys.argv[1]))["inputs"][0]["results"][0]["summary"]["seconds"] else 1)' \
  "$tmp/recipe.out" && ok || fail "recipe: the lisa step's summary lacks its seconds"

# --- maps and reports -----------------------------------------------------------------------------
run report 0 report --results "$tmp/moran.out" -o "$tmp/report.html" --json -q
steps report compose write
# map renders with QGIS: checked only where QGIS's Python is installed.
if /usr/bin/python3 -c 'import qgis.core' 2>/dev/null; then
  export QT_QPA_PLATFORM=offscreen
  export XDG_RUNTIME_DIR="$tmp/xdg"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
  run map 0 map "$prov" --field gdp_2011 --pixels 1200x900 -o "$tmp/map.png" --json -q
  steps map read render write
else
  echo "map: QGIS's Python is not installed; its seconds are not checked"
fi

cli_summary seconds_cli
