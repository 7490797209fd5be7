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

# --results must be a command's JSON summary: the file is named before QGIS starts.
echo '[1, 2]' > "$TMP/not_summary.json"
"$RS" map "$PROV" --field gdp_2011 --results "$TMP/not_summary.json" -o "$TMP/map.png" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "not_summary.json' is not the JSON summary" "$TMP/err" || fail "map --results [1, 2]: exit $rc: $(cat "$TMP/err")"
rm -f "$TMP/not_summary.json"

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
# Each result says which data, weights, inference and seed produced it: the sample layer has 34
# provinces, 3 without GDP (Taiwan, Hong Kong, Macao), and Hainan (460000) has no neighbour.
"$RS" lisa "$PROV" --id adcode --field gdp_2010,gdp_2011 --weights rook --permutations 99 --seed 3 --json -q \
  -o "$TMP/lisa.gpkg" > "$TMP/lisa.json" 2>/dev/null || fail "lisa --json"
"$RS" report --results "$TMP/moran.json,$TMP/lisa.json" -o "$TMP/provenance.html" -q >/dev/null 2>"$TMP/err" \
  || fail "report of moran and lisa: $(cat "$TMP/err")"
for text in "<th>Data</th><td>$PROV; fields gdp_2002 ... gdp_2011 (10); years 2002-2011</td>" \
            "<th>Weights</th><td>queen contiguity, row-standardised (W); 31 units analysed (3 with missing values excluded); 1 without neighbours (island): 460000</td>" \
            "<th>Inference</th><td>analytical (normality, randomisation) and 999 random permutations; p rule folded</td>" \
            "<th>Seed</th><td>12345</td>" \
            "<th>Data</th><td>$PROV; fields gdp_2010, gdp_2011; years 2010-2011</td>" \
            "<th>Weights</th><td>rook contiguity, row-standardised (W); 31 units analysed" \
            "<th>Inference</th><td>99 conditional permutations (seed 3, folded pseudo p); significant where p &lt; 0.05</td>" \
            "<th>Seed</th><td>3</td>"; do
  grep -qF "$text" "$TMP/provenance.html" || fail "report.html lacks $text"
done
# The Moran report of `moran --report` says the same of its run.
"$RS" moran "$PROV" --layer china_provinces --id adcode --field gdp_2005 --weights rook --permutations 499 --seed 7 \
  --p-rule greater --report "$TMP/moran.html" -q >/dev/null 2>"$TMP/err" || fail "moran --report: $(cat "$TMP/err")"
for text in "Data: $PROV, layer china_provinces; field gdp_2005; year 2005" \
            "Weights: rook contiguity, row-standardised (W); 31 units analysed (3 with missing values excluded); 1 without neighbours (island): 460000" \
            "Inference: analytical (normality, randomisation) and 499 random permutations; p rule greater" \
            "Seed: 7"; do
  grep -qF "$text" "$TMP/moran.html" || fail "moran.html lacks $text"
done
"$RS" report --results "$TMP/moran.json" -o "$TMP/report.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "overwrite" "$TMP/err" || fail "report replaced an existing report: exit $rc"
"$RS" report -o "$TMP/empty.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 2 ] || fail "report without results or figures: exit $rc"
echo '[1, 2]' > "$TMP/not_summary.json"
"$RS" report --results "$TMP/not_summary.json" -o "$TMP/bad.html" -q 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "not_summary.json" "$TMP/err" || fail "report of a non-summary JSON: exit $rc: $(cat "$TMP/err")"
echo "map_cli: all checks passed"
