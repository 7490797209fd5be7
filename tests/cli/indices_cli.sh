#!/bin/bash
# End-to-end: entropy, topsis, coupling, decoupling and growth on the provinces' economy (a long
# table, one row per province and year) and on small tables; the entropy and TOPSIS numbers are
# compared with the base-R reference values of tests/reference/composite_index_reference.R.
# Usage: indices_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
DATA="$SRC/../shared/data"
ECON="$DATA/china_province_economy_2002_2011.csv"
REF="$SRC/tests/reference"
[ -f "$ECON" ] || { echo "skipped: $ECON absent" >&2; exit 77; }
command -v python3 >/dev/null || { echo "skipped: python3 absent" >&2; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
LONG=(--id name_zh --year year)

# entropy per year on the long table: the 2011 weights and entropies equal R's.
"$RS" entropy "$ECON" "${LONG[@]}" --indicators 'gdp_*,primary_*,secondary_*,tertiary_*' --negative 'primary_*' \
  --json -q -o "$TMP/ew.csv" >"$TMP/ew.json" 2>"$TMP/ew.err" || { cat "$TMP/ew.err" >&2; fail "entropy per year"; }
python3 - "$TMP/ew.json" "$REF/composite_index_weights.csv" <<'PY' || fail "entropy 2011 weights differ from R"
import csv, json, sys
s = json.load(open(sys.argv[1]))
ref = {r["indicator"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["case"] == "year2011"}
for ind, r in ref.items():
    assert abs(s["weights"][ind + "_2011"] - float(r["weight"])) < 1e-10, ind
    assert abs(s["entropy"][ind + "_2011"] - float(r["entropy"])) < 1e-10, ind
assert len(s["years"]) == 10
PY
head -1 "$TMP/ew.csv" | grep -q "EW_Score" || fail "entropy output lacks EW_Score"
[ "$(wc -l <"$TMP/ew.csv")" -eq 311 ] || fail "entropy output should keep the 310 long rows"

# entropy pooled over the panel: one set of weights keyed by indicator, equal to R's.
"$RS" entropy "$ECON" "${LONG[@]}" --indicators 'gdp_*,primary_*,secondary_*,tertiary_*' --negative primary \
  --standardise pooled --json -q >"$TMP/ewp.json" 2>/dev/null || fail "entropy pooled"
python3 - "$TMP/ewp.json" "$REF/composite_index_weights.csv" <<'PY' || fail "pooled weights differ from R"
import csv, json, sys
s = json.load(open(sys.argv[1]))
ref = {r["indicator"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["case"] == "pooled"}
assert s["standardise"] == "pooled"
for ind, r in ref.items():
    assert abs(s["weights"][ind] - float(r["weight"])) < 1e-10, ind
    assert abs(s["entropy"][ind] - float(r["entropy"])) < 1e-10, ind
PY

# layered entropy on 2011 (a wide table of one year): dimension weights equal R's, one score per dimension.
python3 - "$ECON" "$TMP/y2011.csv" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["year"] == "2011"]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name_zh", "gdp", "primary", "secondary", "tertiary", "label"])
    for r in rows:
        w.writerow([r["name_zh"], r["gdp"], r["primary"], r["secondary"], r["tertiary"], "x"])
PY
"$RS" entropy "$TMP/y2011.csv" --id name_zh --indicators gdp,primary,secondary,tertiary --negative primary \
  --dimensions 'scale=gdp,primary;structure=secondary,tertiary' --json -q -o "$TMP/layered.csv" \
  >"$TMP/layered.json" 2>/dev/null || fail "entropy layered"
python3 - "$TMP/layered.json" "$TMP/layered.csv" "$REF/composite_index_weights.csv" <<'PY' || fail "layered entropy"
import csv, json, sys
s = json.load(open(sys.argv[1]))
ref = {r["indicator"]: float(r["weight"]) for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")) if r["case"] == "layered_between"}
for d in ("scale", "structure"):
    assert abs(s["dimension_weights"][d] - ref[d]) < 1e-10, d
assert abs(sum(s["weights"].values()) - 1) < 1e-12
header = next(csv.reader(open(sys.argv[2], encoding="utf-8")))
for f in ("EW_Score", "EW_scale", "EW_structure"):
    assert f in header, f
PY

# topsis with entropy weights: the 2011 closeness and ranks equal R's.
"$RS" topsis "$TMP/y2011.csv" --id name_zh --indicators gdp,primary,secondary,tertiary --negative primary \
  --json -q -o "$TMP/topsis.csv" >"$TMP/topsis.json" 2>/dev/null || fail "topsis"
python3 - "$TMP/topsis.json" "$TMP/topsis.csv" "$REF/composite_index_scores.csv" <<'PY' || fail "topsis closeness differs from R"
import csv, json, sys
s = json.load(open(sys.argv[1]))
assert set(s["weights"]) == {"gdp", "primary", "secondary", "tertiary"}
ref = {r["name_zh"]: r for r in csv.DictReader(open(sys.argv[3], encoding="utf-8")) if r["case"] == "year2011"}
n = 0
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    e = ref[r["name_zh"]]
    assert abs(float(r["TOPSIS_C"]) - float(e["closeness"])) < 1e-10, r["name_zh"]
    assert abs(float(r["TOPSIS_Dp"]) - float(e["d_plus"])) < 1e-10
    assert abs(float(r["TOPSIS_Dm"]) - float(e["d_minus"])) < 1e-10
    assert int(r["TOPSIS_Rk"]) == int(e["rank"])
    n += 1
assert n == 31
PY
"$RS" topsis "$TMP/y2011.csv" --indicators gdp,primary --weights 1,2,3 -q 2>/dev/null; [ $? -eq 2 ] \
  || fail "topsis with 3 weights for 2 indicators should exit 2"

# coupling: hand values, classes and names, both variants.
printf 'unit,u1,u2\nA,0.7,0.7\nB,0.2,0.8\nC,0.05,0.1\nD,,0.5\n' >"$TMP/systems.csv"
"$RS" coupling "$TMP/systems.csv" --id unit --systems u1,u2 --json -q -o "$TMP/cc.csv" >"$TMP/cc.json" 2>/dev/null || fail "coupling"
python3 - "$TMP/cc.csv" "$TMP/cc.json" <<'PY' || fail "coupling values"
import csv, json, math, sys
rows = {r["unit"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
a = rows["A"]
assert abs(float(a["CC_C"]) - 1) < 1e-12 and abs(float(a["CC_D"]) - math.sqrt(0.7)) < 1e-12
assert a["CC_Class"] == "9" and a["CC_zh"] == "良好协调" and a["CC_en"] == "good coordination"
b = rows["B"]
c = 2 * math.sqrt(0.16) / 1.0
assert abs(float(b["CC_C"]) - c) < 1e-12 and abs(float(b["CC_D"]) - math.sqrt(c * 0.5)) < 1e-12
assert rows["D"]["CC_D"] == "" and rows["D"]["CC_Class"] == ""
s = json.load(open(sys.argv[2]))
assert s["variant"] == "standard" and sum(s["class_counts"]["all"]) == 3
PY
"$RS" coupling "$TMP/systems.csv" --id unit --systems u1,u2 --variant half --json -q >"$TMP/cch.json" 2>/dev/null \
  || fail "coupling --variant half"
grep -q '"variant": "half"' "$TMP/cch.json" || fail "coupling half variant not reported"
printf 'unit,u1,u2\nA,7,0.7\n' >"$TMP/bad_systems.csv"
"$RS" coupling "$TMP/bad_systems.csv" --systems u1,u2 -q 2>"$TMP/cc.err"; [ $? -eq 1 ] || fail "an index above 1 should exit 1"
grep -q "u1" "$TMP/cc.err" || fail "the error should name the field u1"

# decoupling: one row per Tapio state, and the degenerate dA = 0.
cat >"$TMP/tapio.csv" <<'CSV'
unit,co2_2010,co2_2015,gdp_2010,gdp_2015
strong,100,90,100,110
weak,100,104,100,110
expansive,100,110,100,110
expneg,100,130,100,110
recdec,100,70,100,90
reccoup,100,90,100,90
weakneg,100,96,100,90
strongneg,100,110,100,90
flat,100,110,100,100
CSV
"$RS" decoupling "$TMP/tapio.csv" --id unit --pressure co2_2010,co2_2015 --driver gdp_2010,gdp_2015 --json -q \
  -o "$TMP/tapio_out.csv" >"$TMP/tapio.json" 2>/dev/null || fail "decoupling"
python3 - "$TMP/tapio_out.csv" <<'PY' || fail "decoupling states"
import csv, sys
want = {"strong": "强脱钩", "weak": "弱脱钩", "expansive": "增长连结", "expneg": "扩张负脱钩", "recdec": "衰退脱钩",
        "reccoup": "衰退连结", "weakneg": "弱负脱钩", "strongneg": "强负脱钩", "flat": "驱动无变化"}
rows = {r["unit"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
for unit, zh in want.items():
    assert rows[unit]["Tapio_zh"] == zh, (unit, rows[unit]["Tapio_zh"])
assert abs(float(rows["weak"]["Tapio_e"]) - 0.4) < 1e-12
assert rows["flat"]["Tapio_e"] == ""
assert rows["strong"]["Tapio_en"] == "strong decoupling"
PY

# growth on the long table: CAGR 2002-2011 (k = 9) and ranks in every year.
"$RS" growth "$ECON" "${LONG[@]}" --field 'gdp_*' --json -q -o "$TMP/growth.csv" >"$TMP/growth.json" 2>/dev/null || fail "growth"
python3 - "$ECON" "$TMP/growth.csv" <<'PY' || fail "growth values"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
gdp = {(r["name_zh"], r["year"]): float(r["gdp"]) for r in rows}
out = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
for r in out:
    g = 100 * ((gdp[(r["name_zh"], "2011")] / gdp[(r["name_zh"], "2002")]) ** (1 / 9) - 1)
    assert abs(float(r["CAGR"]) - g) < 1e-9, r["name_zh"]
gd = [r for r in out if r["name_zh"] == "广东" and r["year"] == "2011"][0]
assert gd["Rank"] == "1"
PY

# Rank differences as printed (Wang Jiating et al. 2025, Table 6): ranks of the printed ranks
# (ascending) against the per-capita GDP ranks give the printed differences and 超前/同步/滞后.
RANKS="$DATA/seed/ai_gdp_rank_consistency_2022.csv"
if [ -f "$RANKS" ]; then
  "$RS" growth "$RANKS" --id name_zh --field ai_rank_2022 --order ascending --rank-against gdp_per_capita_rank_2022 \
    --json -q -o "$TMP/ranks.csv" >"$TMP/ranks.json" 2>/dev/null || fail "growth --rank-against"
  python3 - "$TMP/ranks.csv" "$TMP/ranks.json" <<'PY' || fail "rank differences differ from the printed table"
import csv, json, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    assert r["RankDiff"] == r["rank_diff"], r["name_zh"]
    assert r["RankGap_zh"] == r["type"], r["name_zh"]
gaps = json.load(open(sys.argv[2]))["rank_gaps"]["ai_rank_2022"]
assert (gaps["ahead"], gaps["in_step"], gaps["lagging"]) == (15, 2, 14), gaps
PY
fi

# Bad input: a missing field (exit 1 or 2, naming it) and a text field as an indicator.
"$RS" entropy "$TMP/y2011.csv" --indicators gdp,nosuchfield -q 2>"$TMP/missing.err"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } || fail "a missing field should exit 1 or 2 (got $rc)"
grep -q "nosuchfield" "$TMP/missing.err" || fail "the error should name the missing field"
"$RS" entropy "$TMP/y2011.csv" --indicators gdp,label -q 2>"$TMP/text.err"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } || fail "a text indicator should exit 1 or 2 (got $rc)"
grep -q "label" "$TMP/text.err" || fail "the error should name the text field"
echo "indices CLI: all checks passed"
