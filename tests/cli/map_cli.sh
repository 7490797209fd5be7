#!/bin/bash
# End-to-end: `regionstat map` argument and output checks (no QGIS needed: they fail before QGIS
# starts, or QGIS's Python is made missing on purpose), and `regionstat report` of a Moran run.
# The figures themselves are tested in QGIS by tests/qgis/test_maps.py.
# Usage: map_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Usage errors exit 2 and name the option.
"$RS" map "$PROV" --field gdp_2011 -o "$TMP/map.jpg" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--output must end in .png, .pdf or .svg" "$TMP/err" || fail "map -o .jpg: exit $rc: $(cat "$TMP/err")"
"$RS" map "$PROV" --field gdp_2011 --pixels 2400by1600 -o "$TMP/map.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--pixels expects WIDTHxHEIGHT" "$TMP/err" || fail "map --pixels 2400by1600: exit $rc: $(cat "$TMP/err")"
"$RS" map "$PROV" --field gdp_2011 --style rainbow -o "$TMP/map.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--style must be" "$TMP/err" || fail "map --style rainbow: exit $rc: $(cat "$TMP/err")"
# A field the layer lacks is a data error naming it.
"$RS" map "$PROV" --field gdp_1999 -o "$TMP/map.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "gdp_1999" "$TMP/err" || fail "map --field gdp_1999: exit $rc: $(cat "$TMP/err")"

# Without QGIS's Python the command says what to install, and writes nothing.
REGIONSTAT_QGIS_PYTHON="$TMP/no-python" "$RS" map "$PROV" --field gdp_2011 -o "$TMP/map.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "apt-get install qgis python3-qgis" "$TMP/err" || fail "map without QGIS: exit $rc: $(cat "$TMP/err")"
[ -z "$(ls -A "$TMP" | grep -v '^err$')" ] || fail "map without QGIS left files: $(ls -A "$TMP")"

# An existing figure is not replaced without --overwrite.
echo "keep" > "$TMP/old.png"
"$RS" map "$PROV" --field gdp_2011 -o "$TMP/old.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "overwrite" "$TMP/err" && [ "$(cat "$TMP/old.png")" = keep ] || fail "map replaced an existing figure: exit $rc"

# report: the JSON of a Moran run becomes a table of the years with where it comes from.
"$RS" moran "$PROV" --id adcode --field 'gdp_*' --json -q > "$TMP/moran.json" 2>/dev/null || fail "moran --json"
echo "figure" > "$TMP/figure.png"
"$RS" report --results "$TMP/moran.json" --figures "$TMP/figure.png" --title "GDP 2002-2011" -o "$TMP/report.html" -q \
  >/dev/null 2>"$TMP/err" || fail "report: $(cat "$TMP/err")"
for text in "GDP 2002-2011" "queen contiguity, W" "12345" "folded" "gdp_2002" "gdp_2011" "z_permutation" \
            'src="report_files/figure.png"'; do
  grep -qF "$text" "$TMP/report.html" || fail "report.html lacks $text"
done
[ "$(grep -o '<tr><td>gdp_20[0-9][0-9]' "$TMP/report.html" | wc -l)" -eq 10 ] || fail "report: the Moran table should have 10 years"
cmp -s "$TMP/figure.png" "$TMP/report_files/figure.png" || fail "report did not copy the figure into report_files/"
"$RS" report --results "$TMP/moran.json" -o "$TMP/report.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "overwrite" "$TMP/err" || fail "report replaced an existing report: exit $rc"
"$RS" report -o "$TMP/empty.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] || fail "report without results or figures: exit $rc"
echo '[1, 2]' > "$TMP/not_summary.json"
"$RS" report --results "$TMP/not_summary.json" -o "$TMP/bad.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "not_summary.json" "$TMP/err" || fail "report of a non-summary JSON: exit $rc: $(cat "$TMP/err")"
echo "map_cli: all checks passed"
