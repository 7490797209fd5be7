#!/bin/bash
# End-to-end: markov (plain, --spatial, --lisa) on the provinces' GDP panel and on the AI index
# as a long table; values against tests/reference/markov_reference.json (an independent script).
# Usage: markov_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
REF="$SRC/tests/reference/markov_reference.json"
AI="$SRC/../shared/data/seed/china_ai_index_2011_2022.csv"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$PROV" ] || { echo "skipped: $PROV absent" >&2; exit 77; }
command -v ogrinfo >/dev/null || { echo "skipped: ogrinfo absent" >&2; exit 77; }

# Plain and spatial Markov chain, 5 pooled quantile classes, queen weights: the reference's
# case gdp_pooled_5; per-unit classes and lag classes written per year.
"$RS" markov "$PROV" --field 'gdp_*' --spatial --lisa --json -q -o "$TMP/markov.gpkg" >"$TMP/markov.json" 2>/dev/null \
  || fail "markov --spatial --lisa"
/usr/bin/python3 - "$TMP/markov.json" "$REF" <<'PY' || fail "markov values differ from the reference"
import json, math, sys
s = json.load(open(sys.argv[1]))
ref = json.load(open(sys.argv[2]))
case = next(c for c in ref["cases"] if c["name"] == "gdp_pooled_5")
for key in ["transitions", "probabilities", "steady_state", "mfpt", "row_totals", "spatial", "lisa", "cutoffs"]:
    assert key in s, key
assert s["classes"] == 5 and s["units"] == 31 and s["excluded"] == 3
assert s["transitions"] == case["transitions"]
assert s["cutoffs"] == case["cutoffs"][0]
for a, b in zip(sum(s["probabilities"], []), sum(case["probabilities"], [])):
    assert abs(a - b) < 1e-12
assert s["steady_state"] == case["steady_states"][0]
assert s["mfpt"][0][0] is None and abs(s["mfpt"][0][1] - case["mfpt"][0][1]) < 1e-9
sp = s["spatial"]
for key in ["transitions", "probabilities", "Q", "Q_p", "LR", "LR_p", "dof"]:
    assert key in sp, key
assert sp["transitions"] == case["spatial"]["transitions"]
assert sp["dof"] == case["spatial"]["dof"]
for key in ["Q", "LR"]:
    assert abs(sp[key] - case["spatial"][key]) < 1e-10 * case["spatial"][key], key
for key in ["Q_p", "LR_p"]:
    assert abs(sp[key] - case["spatial"][key]) < 1e-10, key
# The conditional counts pool to the plain ones.
pooled = [[sum(m[i][j] for m in sp["transitions"]) for j in range(5)] for i in range(5)]
assert pooled == s["transitions"]
lisa = s["lisa"]
assert lisa["transitions"] == ref["lisa"]["gdp"]["chain"]["transitions"]
counts = [[p["counts"][t] for t in ["0", "I", "II", "III"]] for p in lisa["periods"]]
assert counts == ref["lisa"]["gdp"]["type_counts"]
assert abs(sum(lisa["periods"][0]["shares"].values()) - 1) < 1e-12
PY
INFO=$(ogrinfo -so "$TMP/markov.gpkg" markov 2>/dev/null)
for field in MKC_2002 MKC_2011 MKL_2002 MKQ_2011 MKT_2003 MKT_2011; do
  grep -q "^$field:" <<< "$INFO" || fail "markov output lacks $field"
done
grep -q "^MKT_2002:" <<< "$INFO" && fail "no transition type ends in the first year"
# Beijing (fid 1) is in the top class in 2011; Taiwan (no GDP) has NULL classes.
[ "$(ogrinfo -q -sql 'select MKC_2011 from markov where fid = 1' "$TMP/markov.gpkg" | grep -o 'MKC_2011 (Integer[0-9]*) = [0-9]*')" = "MKC_2011 (Integer64) = 5" ] \
  || fail "Beijing should be in class 5 in 2011"
ogrinfo -q -sql "select MKC_2011 from markov where name_en = 'Taiwan'" "$TMP/markov.gpkg" | grep -q "MKC_2011 (Integer[0-9]*) = (null)" \
  || fail "Taiwan should have a NULL class"

# Relative values, per-year classes, user breaks: the printed table has n_i per row.
"$RS" markov "$PROV" --field 'gdp_*' --relative --breaks 0.5,0.8,1,1.5 >"$TMP/breaks.txt" 2>/dev/null || fail "markov --breaks values"
grep -q "n_i" "$TMP/breaks.txt" || fail "markov table lacks n_i"
"$RS" markov "$PROV" --field 'gdp_*' --breaks per-year --json -q >"$TMP/per_year.json" 2>/dev/null || fail "markov --breaks per-year"
/usr/bin/python3 - "$TMP/per_year.json" "$REF" <<'PY' || fail "markov per-year values differ from the reference"
import json, sys
s = json.load(open(sys.argv[1]))
case = next(c for c in json.load(open(sys.argv[2]))["cases"] if c["name"] == "gdp_per_year_5")
assert s["breaks"] == "per-year" and s["transitions"] == case["transitions"]
PY

# The AI index as a long table (one row per province and year): ties, 4 years.
if [ -f "$AI" ]; then
  "$RS" markov "$AI" --year year --id name_zh --field 'ai_index_*' --classes 3 --json -q -o "$TMP/ai.csv" \
    >"$TMP/ai.json" 2>/dev/null || fail "markov on a long table"
  /usr/bin/python3 - "$TMP/ai.json" "$REF" <<'PY' || fail "markov long-table values differ from the reference"
import json, sys
s = json.load(open(sys.argv[1]))
case = next(c for c in json.load(open(sys.argv[2]))["cases"] if c["name"] == "ai_pooled_3")
assert s["years"] == ["2011", "2015", "2019", "2022"]
assert s["transitions"] == case["transitions"], (s["transitions"], case["transitions"])
PY
  head -1 "$TMP/ai.csv" | grep -q "MK_Class" || fail "long-table output lacks MK_Class: $(head -1 "$TMP/ai.csv")"
fi

# Bad input: a missing field (exit 2 or 1, naming it), a text field, one year only, bad breaks.
"$RS" markov "$PROV" --field 'nope_*' -q 2>"$TMP/err1.txt"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "nope" "$TMP/err1.txt" || fail "missing field: exit $rc, $(cat "$TMP/err1.txt")"
"$RS" markov "$PROV" --field name_en,name_zh -q 2>"$TMP/err2.txt"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "name_en" "$TMP/err2.txt" || fail "text field: exit $rc, $(cat "$TMP/err2.txt")"
"$RS" markov "$PROV" --field gdp_2011 -q 2>"$TMP/err3.txt"; [ $? -eq 2 ] || fail "one field should exit 2"
"$RS" markov "$PROV" --field 'gdp_*' --breaks 3,2 -q 2>"$TMP/err4.txt"; [ $? -eq 2 ] || fail "decreasing breaks should exit 2"
grep -q -- "--breaks" "$TMP/err4.txt" || fail "the breaks error should name --breaks"
exit 0
