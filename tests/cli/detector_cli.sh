#!/bin/bash
# End-to-end: the geographic detector on the provinces layer and on a seed CSV table.
# Usage: detector_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
REF="$SRC/tests/reference"
SEED="$SRC/../shared/data/seed"
[ -f "$SEED/china_province_regions.csv" ] || { echo "skipped: $SEED absent" >&2; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# AI index 2019 explained by region groups and the AI index 2011 in 4 equal intervals: the same
# run as tests/reference/geodetector_reference.R (factor ai2011_eq4 there), so the JSON must
# carry the q, p, interaction types, risk t and ecological F of its CSVs.
"$RS" detector "$PROV" --field ai_2019 --factors region3,region4,north_south,coastal,ai_2011 \
  --discretize 'ai_2011=equal:4' --json -q >"$TMP/d.json" 2>"$TMP/d.err" || { cat "$TMP/d.err"; fail "detector --json"; }
python3 - "$TMP/d.json" "$REF" <<'PY' || fail "detector JSON against the R reference"
import csv, json, sys
s = json.load(open(sys.argv[1]))
ref = sys.argv[2]
for key in ("factor", "interaction", "risk", "ecological"):
    assert key in s and s[key], key
name = {"ai2011_eq4": "ai_2011"}
factor = {r["factor"]: r for r in s["factor"]}
for row in csv.DictReader(open(ref + "/geodetector_factor.csv")):
    if row["y"] != "ai_2019" or row["factor"] not in ("region3", "region4", "north_south", "coastal", "ai2011_eq4"):
        continue
    got = factor[name.get(row["factor"], row["factor"])]
    assert abs(got["q"] - float(row["q"])) < 1e-9, (row, got)
    assert abs(got["p"] - float(row["p"])) < 1e-9, (row, got)
    assert got["strata"] == int(row["strata"])
    assert set(got) >= {"factor", "q", "p", "strata"}
ranks = [r["rank"] for r in s["factor"]]
assert ranks == sorted(ranks) and ranks[0] == 1
inter = {(r["a"], r["b"]): r for r in s["interaction"]}
n = 0
for row in csv.DictReader(open(ref + "/geodetector_interaction.csv")):
    a, b = name.get(row["a"], row["a"]), name.get(row["b"], row["b"])
    if row["y"] != "ai_2019" or (a, b) not in inter:
        continue
    got = inter[(a, b)]
    assert abs(got["q"] - float(row["q_ab"])) < 1e-9 and got["type"] == row["type"], (row, got)
    assert got["type_zh"] in ("非线性减弱", "单因子非线性减弱", "双因子增强", "独立", "非线性增强")
    n += 1
assert n == 10, n
risk = {(r["factor"], r["a"], r["b"]): r for r in s["risk"]}
for row in csv.DictReader(open(ref + "/geodetector_risk.csv")):
    if row["y"] != "ai_2019" or row["factor"] != "region3":
        continue
    got = risk[("region3", row["a"], row["b"])]
    assert abs(got["t"] - float(row["t"])) < 1e-9 and abs(got["df"] - float(row["df"])) < 1e-9, (row, got)
    assert set(got) >= {"factor", "a", "b", "mean_a", "mean_b", "t", "df", "p"}
eco = {(r["a"], r["b"]): r for r in s["ecological"]}
for row in csv.DictReader(open(ref + "/geodetector_ecological.csv")):
    a, b = name.get(row["a"], row["a"]), name.get(row["b"], row["b"])
    if row["y"] == "ai_2019" and (a, b) in eco:
        assert abs(eco[(a, b)]["F"] - float(row["F"])) < 1e-9 * max(1, float(row["F"]))
        assert abs(eco[(a, b)]["p"] - float(row["p"])) < 1e-9
PY
grep -q "left out" "$TMP/d.err" || fail "the 3 provinces without AI index should be reported as left out"

# Text output: the ranked factor table, the interaction matrix with Chinese types, risk means;
# --output-csv writes the factor table; -o --write-strata writes the classes.
"$RS" detector "$PROV" --field ai_2019 --factors region3,coastal,ai_2011 --discretize 'ai_2011=quantile:4' \
  --output-csv "$TMP/factor.csv" -o "$TMP/out.gpkg" --write-strata -q >"$TMP/d.txt" 2>/dev/null || fail "detector text"
grep -q "Interaction matrix" "$TMP/d.txt" || fail "no interaction matrix printed"
grep -q "增强\|减弱" "$TMP/d.txt" || fail "no Chinese interaction types printed"
grep -q "mean of Y per stratum" "$TMP/d.txt" || fail "no risk means printed"
head -1 "$TMP/factor.csv" | grep -q "factor,q,p,rank" || fail "--output-csv should hold the factor table"
[ "$(wc -l <"$TMP/factor.csv")" -eq 4 ] || fail "--output-csv: header + 3 factors expected"
ogrinfo -so "$TMP/out.gpkg" -al | grep -q "ai_2011_cls: Integer" || fail "--write-strata should add ai_2011_cls"

# A panel: one row per year per factor.
"$RS" detector "$PROV" --field 'gdp_*' --factors region3,coastal --json -q >"$TMP/p.json" 2>/dev/null || fail "detector panel"
python3 - "$TMP/p.json" <<'PY' || fail "panel rows"
import json, sys
s = json.load(open(sys.argv[1]))
years = sorted({r["year"] for r in s["factor"]})
assert years == [str(y) for y in range(2002, 2012)], years
assert len(s["factor"]) == 20 and len(s["interaction"]) == 10
PY

# OPGD: every method x k in 3..5 reported, the best has the largest q.
"$RS" detector "$PROV" --field ai_2019 --factors ai_2011,region3 --discretize 'ai_2011=opgd:3-5' --json -q \
  >"$TMP/o.json" 2>/dev/null || fail "detector opgd"
python3 - "$TMP/o.json" <<'PY' || fail "opgd candidates"
import json, sys
s = json.load(open(sys.argv[1]))
d = s["discretization"][0]
assert len(d["candidates"]) == 15, len(d["candidates"])
ok = [c for c in d["candidates"] if not c["rejected"]]
best = [c for c in d["candidates"] if c["best"]][0]
assert best["q"] == max(c["q"] for c in ok)
assert d["method"] == best["method"] and d["classes"] == best["k"]
assert abs([r for r in s["factor"] if r["factor"] == "ai_2011"][0]["q"] - best["q"]) < 1e-12
PY

# A CSV table (no geometry): the seed's urban-rural integration index by region groups.
python3 - "$SEED" "$TMP/uri.csv" <<'PY' || fail "join seed tables"
import csv, sys
seed, out = sys.argv[1], sys.argv[2]
regions = {r["name_zh"]: r for r in csv.DictReader(open(seed + "/china_province_regions.csv", encoding="utf-8"))}
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["name_zh", "composite", "economic_dynamics", "region4", "coastal"])
    for r in csv.DictReader(open(seed + "/china_urban_rural_integration_2009_2018_mean.csv", encoding="utf-8")):
        g = regions[r["name_zh"]]
        w.writerow([r["name_zh"], r["composite"], r["economic_dynamics"], g["region4"], g["coastal"]])
PY
"$RS" detector "$TMP/uri.csv" --id name_zh --field composite --factors region4,coastal,economic_dynamics \
  --discretize 'natural:3' --json -q >"$TMP/u.json" 2>/dev/null || fail "detector on a CSV"
python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert len(s['factor'])==3 and len(s['interaction'])==3" "$TMP/u.json" \
  || fail "detector on a CSV: rows"

# The heat map of the interaction matrix (matplotlib).
if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  "$RS" detector "$PROV" --field ai_2019 --factors region3,region4,coastal --figure "$TMP/im.svg" -q >/dev/null 2>&1 \
    || fail "detector --figure"
  grep -q "<svg" "$TMP/im.svg" || fail "the figure is not an SVG"
fi

# Bad input: a missing field, a text field as Y, a bad --discretize, a text factor to discretise.
"$RS" detector "$PROV" --field nope --factors region3 -q 2>"$TMP/e1"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "nope" "$TMP/e1" || fail "missing field: exit $rc, $(cat "$TMP/e1")"
"$RS" detector "$PROV" --field name_en --factors region3 -q 2>"$TMP/e2"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "name_en" "$TMP/e2" || fail "text Y: exit $rc, $(cat "$TMP/e2")"
"$RS" detector "$PROV" --field ai_2019 --factors ai_2011 --discretize 'jenks:4' -q 2>"$TMP/e3"; rc=$?
[ $rc -eq 2 ] && grep -q "jenks" "$TMP/e3" || fail "bad --discretize: exit $rc, $(cat "$TMP/e3")"
"$RS" detector "$PROV" --field ai_2019 --factors region3 --discretize 'region3=quantile:3' -q 2>"$TMP/e4"; rc=$?
[ $rc -eq 2 ] && grep -q "region3" "$TMP/e4" || fail "discretising a text factor: exit $rc, $(cat "$TMP/e4")"
exit 0
