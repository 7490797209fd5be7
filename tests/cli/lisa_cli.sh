#!/usr/bin/env bash
# End-to-end: `regionstat lisa` (and `local-geary`) on the China provinces sample: fields and
# types, input fields kept, NULL units, the island, thread-independence, the GeoPackage style,
# refusals, bivariate, the 2002-2011 panel and Shapefile names.
# Usage: bash lisa_cli.sh REGIONSTAT SOURCE_DIR
set -uo pipefail
RS="$1"
SRC="$2"
IN="$SRC/sample_layers/china_provinces.gpkg"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$IN" ] || fail "sample layer $IN is missing"
csv() { ogr2ogr -f CSV /vsistdout/ "$1" "$(basename "${1%.*}")" 2>/dev/null; }

# 1. One field with 999 permutations: fields, types, kept input fields, NULLs, Hainan.
"$RS" lisa "$IN" --field gdp_2011 --id name_en -o "$TMP/lisa.gpkg" -q > "$TMP/lisa.txt" 2> "$TMP/lisa.err" \
  || fail "lisa run failed: $(cat "$TMP/lisa.err")"
grep -q "999 conditional permutations" "$TMP/lisa.txt" || fail "summary does not say which inference: $(cat "$TMP/lisa.txt")"
grep -q "3 unit(s) excluded (3 NULL)" "$TMP/lisa.err" || fail "no counted warning for the NULL units"
info="$(ogrinfo -so "$TMP/lisa.gpkg" lisa)"
for f in "LMiIndex: Real" "LMiZScore: Real" "LMiPValue: Real" "COType: String" "LISA_CL: Integer" \
         "Quadrant: String" "NNeighbors: Integer"; do
  grep -q "$f" <<< "$info" || fail "output lacks field '$f'"
done
for f in $(ogrinfo -so "$IN" china_provinces | sed -n 's/^\([A-Za-z0-9_]*\): .*/\1/p'); do
  grep -q "^$f: " <<< "$info" || fail "input field $f not kept"
done
csv "$TMP/lisa.gpkg" > "$TMP/lisa.csv"
python3 - "$TMP/lisa.csv" <<'PY' || fail "values of lisa.gpkg"
import csv, sys
rows = {r["name_en"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
assert len(rows) == 34, len(rows)
for name in ("Hong Kong", "Macao", "Taiwan"):
    for f in ("LMiIndex", "LMiZScore", "LMiPValue", "COType", "LISA_CL", "Quadrant", "NNeighbors"):
        assert rows[name][f] == "", (name, f, rows[name][f])
h = rows["Hainan"]
assert h["LMiIndex"] == "" and h["LMiPValue"] == "" and h["Quadrant"] == "", h
assert h["LISA_CL"] == "6" and h["NNeighbors"] == "0", h
codes = {"HH": "1", "LL": "2", "LH": "3", "HL": "4"}
for name, r in rows.items():
    if r["LMiIndex"] == "":
        continue
    p = float(r["LMiPValue"])
    assert 0.001 <= p <= 0.5 + 1e-12, (name, p)        # folded pseudo p of 999 permutations
    assert r["Quadrant"] in codes, (name, r["Quadrant"])  # every unit has a quadrant
    if p < 0.05:
        assert r["COType"] == r["Quadrant"] and r["LISA_CL"] == codes[r["Quadrant"]], r
    else:
        assert r["COType"] == "" and r["LISA_CL"] == "0", r
    # The quadrant is the sign of I_i: HH/LL positive, LH/HL negative.
    assert (float(r["LMiIndex"]) > 0) == (r["Quadrant"] in ("HH", "LL")), r
PY

# 2. Style in layer_styles, categorised on LISA_CL.
grep -q 'attr="LISA_CL"' <<< "$(ogrinfo -q -sql "SELECT styleQML FROM layer_styles WHERE f_table_name = 'lisa'" "$TMP/lisa.gpkg")" \
  || fail "no default style on LISA_CL"

# 3. Analytical inference with --permutations 0 is said so.
"$RS" lisa "$IN" --field gdp_2011 --permutations 0 -o "$TMP/an.gpkg" -q > "$TMP/an.txt" || fail "analytical run"
grep -q "analytical" "$TMP/an.txt" || fail "summary does not say analytical"

# 4. Same seed, same output for --threads 1 and 2.
"$RS" lisa "$IN" --field gdp_2011 --seed 99 --threads 1 -o "$TMP/t1.gpkg" -q > /dev/null || fail "threads 1"
"$RS" lisa "$IN" --field gdp_2011 --seed 99 --threads 2 -o "$TMP/t2.gpkg" -q > /dev/null || fail "threads 2"
cmp -s <(csv "$TMP/t1.gpkg") <(csv "$TMP/t2.gpkg") || fail "results differ between --threads 1 and 2"

# 5. Refusals: existing output, text field (exit 1), constant field (exit 1).
"$RS" lisa "$IN" --field gdp_2011 -o "$TMP/lisa.gpkg" -q > /dev/null 2>&1 && fail "overwrote without --overwrite"
"$RS" lisa "$IN" --field name_zh -o "$TMP/x.gpkg" -q > /dev/null 2>&1
rc=$?; [ $rc -eq 1 ] || fail "text field: exit $rc, expected 1"
ogr2ogr -f GPKG "$TMP/const.gpkg" "$IN" -nln const -sql "SELECT *, 1.0 AS flat FROM china_provinces" 2>/dev/null \
  || fail "cannot make the constant-field layer"
"$RS" lisa "$TMP/const.gpkg" --field flat -o "$TMP/y.gpkg" -q > /dev/null 2> "$TMP/const.err"
rc=$?; [ $rc -eq 1 ] || fail "constant field: exit $rc, expected 1"
grep -q "variance is zero" "$TMP/const.err" || fail "constant field error unclear: $(cat "$TMP/const.err")"

# 6. Bivariate.
"$RS" lisa "$IN" --field gdp_2011 --field2 tertiary_2011 -o "$TMP/bi.gpkg" -q > "$TMP/bi.txt" || fail "bivariate run"
grep -q "against the lag of 'tertiary_2011'" "$TMP/bi.txt" || fail "bivariate summary"

# 7. Panel: ten yearly field sets, a ten-row table with Moran's I; Shapefile names within 10.
"$RS" lisa "$IN" --field 'gdp_*' --permutations 99 -o "$TMP/panel.gpkg" -q > "$TMP/panel.txt" || fail "panel run"
rows=$(grep -cE '^ +gdp_20(0[2-9]|1[01]) ' "$TMP/panel.txt")
[ "$rows" -eq 10 ] || fail "panel table has $rows rows: $(cat "$TMP/panel.txt")"
pinfo="$(ogrinfo -so "$TMP/panel.gpkg" panel)"
for y in 2002 2003 2004 2005 2006 2007 2008 2009 2010 2011; do
  for f in LMiI LMiZ LMiP COT LisCL Quad NNb; do
    grep -q "^${f}_$y: " <<< "$pinfo" || fail "panel output lacks ${f}_$y"
  done
done
"$RS" lisa "$IN" --field 'gdp_*' --permutations 99 --adjust fdr -o "$TMP/panel.shp" -q > /dev/null || fail "shapefile panel"
long=$(ogrinfo -so "$TMP/panel.shp" panel | sed -n 's/^\([^ :]*\): .*/\1/p' | awk 'length($0) > 10')
[ -z "$long" ] || fail "Shapefile names longer than 10: $long"
grep -q "^LMiPA_2011: Real" <<< "$(ogrinfo -so "$TMP/panel.shp" panel)" || fail "LMiPA_2011 (FDR) missing"
grep -q 'attr="LisCL_2011"' "$TMP/panel.qml" || fail "panel .qml not on LisCL_2011"

# 8. Local Geary writes its fields and style.
"$RS" local-geary "$IN" --field gdp_2011 --permutations 99 -o "$TMP/lc.gpkg" -q > /dev/null || fail "local-geary run"
linfo="$(ogrinfo -so "$TMP/lc.gpkg" lc)"
for f in "LCIndex: Real" "LCPValue: Real" "LC_CL: Integer" "NNeighbors: Integer"; do
  grep -q "$f" <<< "$linfo" || fail "local-geary output lacks '$f'"
done

# 9. Conventions of the peers: the help names the p rule and the spdep call of LMiZScore; the
#    former tie rule stays available by name; --json without -o prints the summary and writes
#    nothing; local Geary with --permutations 0 gives C_i alone.
help="$("$RS" lisa --help)"
grep -q "folded-ties" <<< "$help" || fail "lisa --help does not offer --p-rule folded-ties"
grep -q "min(c_ge, P - c_ge) (GeoDa, esda)" <<< "$help" || fail "lisa --help does not state the folded rule"
grep -q "localmoran(x, listw) with its default mlvar=TRUE" <<< "$help" || fail "lisa --help does not name the spdep call of LMiZScore"
"$RS" lisa "$IN" --field gdp_2011 --permutations 99 --p-rule folded-ties -q > "$TMP/ties.txt" \
  || fail "--p-rule folded-ties refused"
grep -q "folded-ties pseudo p" "$TMP/ties.txt" || fail "summary does not name the folded-ties rule: $(cat "$TMP/ties.txt")"
"$RS" lisa "$IN" --field gdp_2011 --permutations 99 -q > "$TMP/default.txt" || fail "lisa without -o"
grep -q "99 conditional permutations (seed [0-9]*, folded pseudo p)" "$TMP/default.txt" \
  || fail "default rule is not named folded: $(cat "$TMP/default.txt")"
mkdir "$TMP/json" && cd "$TMP/json" || fail "mkdir"
for cmd in lisa hotspot local-geary; do
  "$RS" $cmd "$IN" --field gdp_2011 --permutations 99 --json -q > "$TMP/$cmd.json" 2> "$TMP/$cmd.err" \
    || fail "$cmd --json without -o: $(cat "$TMP/$cmd.err")"
  python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert s['output'] is None and s['years'][0]['n'] == 31, s" \
    "$TMP/$cmd.json" || fail "$cmd --json summary"
done
[ -z "$(ls -A "$TMP/json")" ] || fail "a summary-only run wrote files: $(ls "$TMP/json")"
cd - > /dev/null || fail "cd back"
"$RS" local-geary "$IN" --field gdp_2011 --permutations 0 -o "$TMP/lc0.gpkg" -q > /dev/null || fail "local-geary --permutations 0"
l0="$(ogrinfo -so "$TMP/lc0.gpkg" lc0)"
grep -q "LCIndex: Real" <<< "$l0" || fail "local-geary --permutations 0 lacks LCIndex"
! grep -q "LC_CL" <<< "$l0" || fail "local-geary --permutations 0 should write no clusters"

echo "lisa_cli: all checks passed"
