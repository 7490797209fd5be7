#!/usr/bin/env bash
# End-to-end runs of `regionstat moran | geary | general-g` on spData's columbus.shp with the
# GeoDa weights file columbus.gal (ids in POLYID). Expected figures come from R spdep on the same
# data and weights:
#   nb <- read.gal("columbus.gal", region.id = columbus$POLYID)
#   moran.test(CRIME, nb2listw(nb))                    z = 5.342713639, I = 0.4857709137
#   moran.test(CRIME with POLYID 3, 17 NA, na.omit)    I = 0.51118923099
#   geary.test(CRIME, nb2listw(nb))                    C = 0.54780337717
#   globalG.test(CRIME, nb2listw(nb, style = "B"))     G = 0.1227242454
# Usage: bash global_cli.sh REGIONSTAT SOURCE_DIR
set -u
BIN=$1
SRC=$2
SPDATA=/usr/lib/R/site-library/spData
SHP=$SPDATA/shapes/columbus.shp
GAL=$SPDATA/weights/columbus.gal
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
W=(--weights "$GAL" --id POLYID -q)

[ -f "$SHP" ] || { echo "SKIP: spData is not installed"; exit 77; }
if ! "$BIN" moran "$SHP" --field CRIME "${W[@]}" --permutations 0 > "$TMP/probe.txt" 2> "$TMP/probe.err"; then
  cat "$TMP/probe.err"; fail "moran on columbus"
fi

# A panel layer: three 'years' (copies of CRIME, INC, HOVAL), a constant, a text field and a
# field with two NULLs.
command -v ogr2ogr > /dev/null || { echo "SKIP: ogr2ogr (gdal-bin) is needed to build the test layer"; exit 77; }
ogr2ogr -f GPKG "$TMP/panel.gpkg" "$SHP" -nln panel -dialect sqlite -sql \
  "SELECT *, CRIME AS gdp_2001, INC AS gdp_2002, HOVAL AS gdp_2003, 7.5 AS flat, 'x' || POLYID AS label,
          CASE WHEN POLYID IN (3, 17) THEN NULL ELSE CRIME END AS crime_na FROM columbus" \
  || fail "ogr2ogr could not build the panel layer"
L=$TMP/panel.gpkg

json_check() {  # json_check FILE PYTHON-EXPRESSION-ON-d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1" \
    || { cat "$1"; fail "$3"; }
}

# --json for one field: the keys and the values of spdep.
"$BIN" moran "$SHP" --field CRIME "${W[@]}" --json > "$TMP/m.json" || fail "moran --json"
for key in statistic expected variance_normality z_normality p_normality variance_randomization z_randomization \
           p_randomization p_permutation permutations seed n field weights z_permutation_se p_permutation_se_one_sided; do
  json_check "$TMP/m.json" "'$key' in d" "moran --json lacks '$key'"
done
json_check "$TMP/m.json" "abs(d['statistic'] - 0.4857709137) < 1e-9 and abs(d['z_randomization'] - 5.342713639) < 1e-8" "moran values differ from spdep"
json_check "$TMP/m.json" "d['n'] == 49 and d['permutations'] == 999 and d['seed'] == 12345 and d['field'] == 'CRIME'" "moran run description"
json_check "$TMP/m.json" "0 < d['p_permutation'] <= 0.002" "moran permutation p"

# Same seed, 1 or 2 threads: identical output.
"$BIN" moran "$SHP" --field CRIME "${W[@]}" --json --threads 1 > "$TMP/t1.json" || fail "threads 1"
"$BIN" moran "$SHP" --field CRIME "${W[@]}" --json --threads 2 > "$TMP/t2.json" || fail "threads 2"
# (the wall-clock "seconds" of the steps aside)
python3 -c 'import json, sys; a, b = (json.load(open(f)) for f in sys.argv[1:]); a.pop("seconds"); b.pop("seconds"); sys.exit(a != b)' \
  "$TMP/t1.json" "$TMP/t2.json" || fail "results differ between 1 and 2 threads"

"$BIN" geary "$SHP" --field CRIME "${W[@]}" --json > "$TMP/g.json" || fail "geary --json"
json_check "$TMP/g.json" "abs(d['statistic'] - 0.54780337717) < 1e-9 and d['expected'] == 1 and d['z_randomization'] > 0" "geary values"
"$BIN" general-g "$SHP" --field CRIME "${W[@]}" --json > "$TMP/gg.json" || fail "general-g --json"
json_check "$TMP/gg.json" "abs(d['statistic'] - 0.1227242454) < 1e-9 and d['z_normality'] is None" "general-g values"

# General G refuses row-standardised weights (usage error, exit 2) with a clear message.
"$BIN" general-g "$SHP" --field CRIME "${W[@]}" --transform W 2> "$TMP/err.txt"; rc=$?
[ $rc -eq 2 ] || fail "general-g with W weights: exit $rc, expected 2"
grep -q "binary (B)" "$TMP/err.txt" || fail "general-g W message: $(cat "$TMP/err.txt")"

# Panel: one row per year, CSV table and HTML report with inline SVG.
"$BIN" moran "$L" --field 'gdp_*' "${W[@]}" --output-csv "$TMP/table.csv" --report "$TMP/report.html" > "$TMP/panel.txt" \
  || fail "moran panel"
for y in 2001 2002 2003; do grep -q "^gdp_$y " "$TMP/panel.txt" || fail "panel table lacks gdp_$y: $(cat "$TMP/panel.txt")"; done
[ "$(wc -l < "$TMP/table.csv")" -eq 4 ] || fail "CSV table should have a header and 3 rows"
grep -q "<svg" "$TMP/report.html" || fail "report has no SVG scatterplot"
grep -Eqi "<script|https?://[^\"]*\.(js|css)" "$TMP/report.html" && fail "report uses external resources"
"$BIN" moran "$L" --field 'gdp_*' "${W[@]}" --json > "$TMP/panel.json" || fail "moran panel --json"
json_check "$TMP/panel.json" "len(d['results']) == 3 and [r['field'] for r in d['results']] == ['gdp_2001','gdp_2002','gdp_2003']" "panel json"
# An existing output is not replaced without --overwrite.
"$BIN" moran "$L" --field gdp_2001 "${W[@]}" --output-csv "$TMP/table.csv" 2> /dev/null && fail "CSV replaced without --overwrite"

# Missing values: excluded with a counted warning, weights restricted (spdep na.omit).
"$BIN" moran "$L" --field crime_na --weights "$GAL" --id POLYID --permutations 0 --json > "$TMP/na.json" 2> "$TMP/na.err" \
  || fail "moran with NULLs"
grep -q "2 unit(s) excluded" "$TMP/na.err" || fail "no counted warning: $(cat "$TMP/na.err")"
json_check "$TMP/na.json" "d['n'] == 47 and d['excluded_missing'] == 2 and abs(d['statistic'] - 0.51118923099) < 1e-9" "moran with NULLs"

# Bivariate Moran.
"$BIN" moran "$L" --field gdp_2001 --field2 gdp_2002 "${W[@]}" --json > "$TMP/bv.json" || fail "bivariate"
json_check "$TMP/bv.json" "d['field2'] == 'gdp_2002' and d['expected'] == 0 and d['z_randomization'] is None and d['p_permutation'] > 0" "bivariate"

# Text field and zero variance: data errors (exit 1) naming the field.
"$BIN" moran "$L" --field label "${W[@]}" 2> "$TMP/err.txt"; rc=$?
[ $rc -eq 1 ] || fail "text field: exit $rc, expected 1"
grep -q "'label'.*not numeric" "$TMP/err.txt" || fail "text field message: $(cat "$TMP/err.txt")"
"$BIN" moran "$L" --field flat "${W[@]}" 2> "$TMP/err.txt"; rc=$?
[ $rc -eq 1 ] || fail "zero variance: exit $rc, expected 1"
grep -q "'flat' has zero variance" "$TMP/err.txt" || fail "zero variance message: $(cat "$TMP/err.txt")"

# The weights file as a file parameter (QGIS shows it as a file picker): same figures as spdep.
"$BIN" moran "$SHP" --field CRIME --weights-file "$GAL" --id POLYID -q --json > "$TMP/wf.json" \
  || fail "moran --weights-file"
json_check "$TMP/wf.json" "abs(d['statistic'] - 0.4857709137) < 1e-9" "--weights-file gives another I"
"$BIN" moran "$SHP" --field CRIME --weights-file "$GAL" --weights rook --id POLYID -q 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "--weights with --weights-file: exit $rc, expected 2"
"$BIN" moran "$SHP" --field CRIME --weights-file "$SHP" --id POLYID -q 2> "$TMP/err.txt"; rc=$?
[ $rc -eq 2 ] || fail "--weights-file of a shapefile: exit $rc, expected 2"
grep -q "must be a .gal or .gwt file" "$TMP/err.txt" || fail "--weights-file message: $(cat "$TMP/err.txt")"

# The China provinces sample with queen contiguity: one row per year.
CHINA=$SRC/sample_layers/china_provinces.gpkg
"$BIN" moran "$CHINA" --field 'gdp_*' -q > "$TMP/china.txt" 2> "$TMP/china.err" \
  || { cat "$TMP/china.err"; fail "moran on the China sample"; }
grep -q "gdp_2011" "$TMP/china.txt" || fail "China panel lacks gdp_2011: $(cat "$TMP/china.txt")"
echo "global_cli: all checks passed"
