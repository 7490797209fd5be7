#!/usr/bin/env bash
# End-to-end: `regionstat hotspot` on the China provinces sample (gdp_2011 and the 2002-2011
# panel): fields and types, input fields kept, NULL units, the island, thread-independence,
# the GeoPackage style, refusals, and Shapefile names.
# Usage: bash hotspot_cli.sh REGIONSTAT SOURCE_DIR
set -uo pipefail
RS="$1"
SRC="$2"
IN="$SRC/sample_layers/china_provinces.gpkg"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$IN" ] || fail "sample layer $IN is missing"

# csv OUT: the result layer (named as the file) as CSV on stdout, for python checks.
csv() { ogr2ogr -f CSV /vsistdout/ "$1" "$(basename "${1%.*}")" 2>/dev/null; }

# 1. One field: fields, types, kept input fields, NULLs, Hainan.
"$RS" hotspot "$IN" --field gdp_2011 --id name_en -o "$TMP/gi.gpkg" -q > "$TMP/gi.txt" 2> "$TMP/gi.err" \
  || fail "hotspot run failed: $(cat "$TMP/gi.err")"
grep -q "hot spots, 9" "$TMP/gi.txt" || fail "summary lists no hot spots: $(cat "$TMP/gi.txt")"
grep -q "3 unit(s) excluded (3 NULL)" "$TMP/gi.err" || fail "no counted warning for the NULL units: $(cat "$TMP/gi.err")"
info="$(ogrinfo -so "$TMP/gi.gpkg" gi)"
for f in "GiValue: Real" "GiZScore: Real" "GiPValue: Real" "Gi_Bin: Integer" "NNeighbors: Integer" "HotCold: Integer" \
         "HotCold_en: String" "HotCold_zh: String"; do
  grep -q "$f" <<< "$info" || fail "output lacks field '$f'"
done
for f in $(ogrinfo -so "$IN" china_provinces | sed -n 's/^\([A-Za-z0-9_]*\): .*/\1/p'); do
  grep -q "^$f: " <<< "$info" || fail "input field $f not kept"
done
csv "$TMP/gi.gpkg" > "$TMP/gi.csv"
python3 - "$TMP/gi.csv" <<'PY' || fail "values of gi.gpkg"
import csv, sys
rows = {r["name_en"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
assert len(rows) == 34, len(rows)
for name in ("Hong Kong", "Macao", "Taiwan"):
    r = rows[name]
    for f in ("GiZScore", "GiPValue", "Gi_Bin", "NNeighbors", "HotCold", "HotCold_en", "HotCold_zh"):
        assert r[f] == "", (name, f, r[f])
h = rows["Hainan"]
assert h["GiZScore"] == "" and h["Gi_Bin"] == "" and h["NNeighbors"] == "0", h
assert h["HotCold_en"] == "Isolated" and h["HotCold_zh"] == "孤立单元", h
valid = [r for n, r in rows.items() if r["GiZScore"] != ""]
assert len(valid) == 30, len(valid)
for r in valid:
    z, p, b = float(r["GiZScore"]), float(r["GiPValue"]), int(r["Gi_Bin"])
    level = 3 if p < 0.01 else 2 if p < 0.05 else 1 if p < 0.10 else 0
    assert b == (level if z > 0 else -level), r
    assert r["HotCold_en"] and r["HotCold_zh"], r
assert int(rows["Jiangsu"]["Gi_Bin"]) > 0, rows["Jiangsu"]  # the Yangtze delta is the hot spot
PY

# 2. The GeoPackage holds a default QGIS style on Gi_Bin.
grep -q "f_table_name (String) = gi" <<< "$(ogrinfo -q -sql "SELECT f_table_name, useAsDefault FROM layer_styles" "$TMP/gi.gpkg")" \
  || fail "no layer_styles row for layer gi"
grep -q 'attr="if(&quot;Gi_Bin&quot; IS NULL AND &quot;NNeighbors&quot; = 0, &apos;none&apos;, &quot;Gi_Bin&quot;)"' <<< "$(ogrinfo -q -sql "SELECT styleQML FROM layer_styles" "$TMP/gi.gpkg")" \
  || fail "the style is not categorised on Gi_Bin"

# 2b. QGIS (when installed) opens the layer with that style as its default.
if /usr/bin/python3 -c "import qgis.core" 2> /dev/null; then
  # (PyQGIS may crash on exit: judge by what it printed, not by its exit status)
  styled=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 - "$TMP/gi.gpkg" 2> /dev/null <<'PY' || true
import sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(sys.argv[1] + "|layername=gi", "gi", "ogr")
assert layer.isValid()
renderer = layer.renderer()
assert renderer.type() == "categorizedSymbol", renderer.type()
# On Gi_Bin, with the units without neighbours (NNeighbors 0) apart from those without data.
assert renderer.classAttribute() == "if(\"Gi_Bin\" IS NULL AND \"NNeighbors\" = 0, 'none', \"Gi_Bin\")", renderer.classAttribute()
colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
assert colours["3"] == "#d62f27" and colours["-3"] == "#2166ac" and colours["0"] == "#f7f7f7", colours
print("styled")
PY
)
  [ "$styled" = styled ] || fail "QGIS does not open gi.gpkg styled on Gi_Bin"
fi

# 3. An existing output is not replaced without --overwrite; with it, it is.
before="$(md5sum < "$TMP/gi.gpkg")"
"$RS" hotspot "$IN" --field gdp_2011 -o "$TMP/gi.gpkg" -q > /dev/null 2>&1 && fail "overwrote without --overwrite"
[ "$before" = "$(md5sum < "$TMP/gi.gpkg")" ] || fail "the refused run changed the output"
"$RS" hotspot "$IN" --field gdp_2010 -o "$TMP/gi.gpkg" -q --overwrite > /dev/null 2>&1 || fail "--overwrite refused"

# 4. A text field is a data error (exit 1) naming the field; nothing written.
"$RS" hotspot "$IN" --field name_en -o "$TMP/text.gpkg" -q > /dev/null 2> "$TMP/text.err"
rc=$?
[ $rc -eq 1 ] || fail "text field: exit $rc, expected 1"
grep -q "name_en" "$TMP/text.err" || fail "the error does not name the field: $(cat "$TMP/text.err")"
[ ! -e "$TMP/text.gpkg" ] || fail "output written despite the error"

# 5. Permutation p-values: same seed, same output for 1 and 2 threads.
"$RS" hotspot "$IN" --field gdp_2011 --permutations 499 --seed 42 --threads 1 -o "$TMP/t1.gpkg" -q > /dev/null || fail "threads 1"
"$RS" hotspot "$IN" --field gdp_2011 --permutations 499 --seed 42 --threads 2 -o "$TMP/t2.gpkg" -q > /dev/null || fail "threads 2"
cmp -s <(csv "$TMP/t1.gpkg") <(csv "$TMP/t2.gpkg") || fail "results differ between --threads 1 and 2"

# 6. Panel: gdp_* gives ten yearly field sets and a ten-row table.
"$RS" hotspot "$IN" --field 'gdp_*' -o "$TMP/panel.gpkg" -q > "$TMP/panel.txt" || fail "panel run failed"
rows=$(grep -cE '^ +gdp_20(0[2-9]|1[01]) ' "$TMP/panel.txt")
[ "$rows" -eq 10 ] || fail "panel table has $rows rows, expected 10: $(cat "$TMP/panel.txt")"
pinfo="$(ogrinfo -so "$TMP/panel.gpkg" panel)"
for y in 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011; do
  for f in GiZ GiP GiBin NNb HC HCen HCzh; do
    grep -q "^${f}_$y: " <<< "$pinfo" || fail "panel output lacks ${f}_$y"
  done
done
grep -q 'attr="if(&quot;GiBin_2011&quot; IS NULL AND &quot;NNb_2011&quot; = 0' <<< "$(ogrinfo -q -sql "SELECT styleQML FROM layer_styles" "$TMP/panel.gpkg")" \
  || fail "the panel style is not on the last year (GiBin_2011)"

# 7. Shapefile: every field name fits 10 characters; the style is a .qml beside it.
"$RS" hotspot "$IN" --field 'gdp_*' -o "$TMP/panel.shp" -q > "$TMP/shp.txt" || fail "shapefile panel run failed"
long=$(ogrinfo -so "$TMP/panel.shp" panel | sed -n 's/^\([^ :]*\): .*/\1/p' | awk 'length($0) > 10')
[ -z "$long" ] || fail "Shapefile field names longer than 10 characters: $long"
[ -f "$TMP/panel.qml" ] || fail "no panel.qml beside the Shapefile"
"$RS" hotspot "$IN" --field gdp_2011 -o "$TMP/one.shp" -q > /dev/null || fail "shapefile run failed"
grep -q "^HotCold_en: String" <<< "$(ogrinfo -so "$TMP/one.shp" one)" || fail "HotCold_en missing in the Shapefile"

# 8. Natural breaks: five classes on HotCold, style on HotCold.
"$RS" hotspot "$IN" --field gdp_2011 --classes natural-breaks -o "$TMP/nb.gpkg" -q > /dev/null || fail "natural breaks run"
grep -q 'attr="if(&quot;HotCold&quot; IS NULL' <<< "$(ogrinfo -q -sql "SELECT styleQML FROM layer_styles" "$TMP/nb.gpkg")" || fail "natural-breaks style"
n=$(ogrinfo -q -sql "SELECT DISTINCT HotCold FROM nb WHERE HotCold IS NOT NULL" "$TMP/nb.gpkg" | grep -c "HotCold (Integer")
[ "$n" -eq 5 ] || fail "natural breaks gave $n classes, expected 5"

echo "hotspot_cli: all checks passed"
