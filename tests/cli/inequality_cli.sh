#!/bin/bash
# End-to-end: `inequality` (Theil, Gini, CV, sd of logs, Dagum, beta convergence) and `kde` on the
# sample provinces and the shared tables, checked against the committed reference values
# (tests/reference/*_expected.csv) and the published Dagum table of the seed.
# Usage: inequality_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
REF="$SRC/tests/reference"
SHARED="$SRC/../shared/data"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$SHARED/seed/ai_dagum_gini_2011_2022.csv" ] || { echo "skipped: no $SHARED (a clone without ../shared)"; exit 77; }
command -v ogrinfo >/dev/null || { echo "skipped: no ogrinfo"; exit 77; }

# One field with a group: every JSON key of the issue, values as the reference script's.
"$RS" inequality "$PROV" --field gdp_2011 --group region3 --json -q >"$TMP/one.json" 2>/dev/null \
  || fail "inequality --field gdp_2011 --group region3"
python3 - "$TMP/one.json" "$REF/inequality_expected.csv" "$REF/dagum_expected.csv" <<'PY' || fail "inequality values (one field)"
import csv, json, sys
s = json.load(open(sys.argv[1]))
ref = {(r["year"], r["grouping"], r["statistic"], r["group"]): float(r["value"]) for r in csv.DictReader(open(sys.argv[2]))}
dag = {(r["year"], r["grouping"], r["statistic"], r["group"]): float(r["value"]) for r in csv.DictReader(open(sys.argv[3]))}
def close(a, b, what):
    assert abs(a - b) <= 1e-10 * max(1, abs(b)), f"{what}: {a} != {b}"
assert s["field"] == "gdp_2011" and s["n"] == 31, s["n"]
for k in ("T", "between", "within", "groups"):
    assert k in s["theil"], "theil lacks " + k
close(s["theil"]["T"], ref[("2011", "region3", "theil_T", "")], "T")
close(s["theil"]["between"], ref[("2011", "region3", "theil_between", "")], "between")
close(s["theil"]["within"], ref[("2011", "region3", "theil_within", "")], "within")
for g in ("East", "Central", "West"):
    close(s["theil"]["groups"][g]["T"], ref[("2011", "region3", "theil_group_T", g)], "T_" + g)
    close(s["theil"]["groups"][g]["contribution_pct"], 100 * ref[("2011", "region3", "theil_group_contribution", g)], "contrib " + g)
close(s["gini"], ref[("2011", "", "gini", "")], "gini")
close(s["cv"], ref[("2011", "", "cv_sample", "")], "cv")
close(s["sd_log"], ref[("2011", "", "sd_log_sample", "")], "sd_log")
d = s["dagum"]
for k in ("G", "within", "net_between", "transvariation", "groups", "pairs"):
    assert k in d, "dagum lacks " + k
close(d["G"], dag[("2011", "region3", "G", "")], "G")
close(d["within"], dag[("2011", "region3", "Gw", "")], "G_w")
close(d["net_between"], dag[("2011", "region3", "Gnb", "")], "G_nb")
close(d["transvariation"], dag[("2011", "region3", "Gt", "")], "G_t")
close(d["groups"]["West"], dag[("2011", "region3", "Gjj", "West")], "G_jj West")
for p in d["pairs"]:
    assert set(p) >= {"a", "b", "G_jh", "D_jh"}, p
    close(p["G_jh"], dag[("2011", "region3", "Gjh", p["a"] + "|" + p["b"])], "G_jh")
    close(p["D_jh"], dag[("2011", "region3", "Djh", p["a"] + "|" + p["b"])], "D_jh")
assert abs(d["within_pct"] + d["net_between_pct"] + d["transvariation_pct"] - 100) < 1e-9
PY

# A panel: `results` per year, the published Dagum table of the AI paper, the CSV table.
"$RS" inequality "$PROV" --field 'ai_*' --group region3 --json -q --output-csv "$TMP/ai.csv" >"$TMP/ai.json" 2>/dev/null \
  || fail "inequality --field 'ai_*'"
python3 - "$TMP/ai.json" "$SHARED/seed/ai_dagum_gini_2011_2022.csv" "$TMP/ai.csv" <<'PY' || fail "inequality panel vs the published Dagum table"
import csv, json, sys
s = json.load(open(sys.argv[1]))
res = {r["year"]: r for r in s["results"]}
assert sorted(res) == ["2011", "2015", "2019", "2022"], sorted(res)
pub = {r["year"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
pair = lambda d, a, b: next(p for p in d["pairs"] if {p["a"], p["b"]} == {a, b})
for y, r in res.items():
    d, p = r["dagum"], pub[y]
    assert r["field"] == "ai_" + y
    assert abs(d["G"] - float(p["G"])) <= 0.0055, (y, d["G"])
    assert abs(d["groups"]["East"] - float(p["Gw_east"])) <= 0.0055
    assert abs(pair(d, "East", "West")["G_jh"] - float(p["Gb_east_west"])) <= 0.0055
    assert abs(d["within_pct"] - float(p["contrib_within_pct"])) <= 0.006, (y, d["within_pct"])
    assert abs(d["net_between_pct"] - float(p["contrib_between_pct"])) <= 0.006
    assert abs(d["transvariation_pct"] - float(p["contrib_transvariation_pct"])) <= 0.006
rows = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
assert [r["field"] for r in rows] == ["ai_2011", "ai_2015", "ai_2019", "ai_2022"]
for col in ("theil_T", "theil_between", "theil_within", "gini", "cv", "sd_log", "dagum_G", "Gjj_East", "Gw_pct", "Gnb_pct", "Gt_pct"):
    assert col in rows[0], "table lacks " + col
PY

# Beta convergence over the panel, as R's lm() (tests/reference/convergence_reference.R), and the
# per-unit fields written back.
"$RS" inequality "$PROV" --field 'gdp_*' --convergence --json -q -o "$TMP/ineq.gpkg" >"$TMP/conv.json" 2>/dev/null \
  || fail "inequality --convergence"
python3 - "$TMP/conv.json" "$REF/convergence_expected.csv" <<'PY' || fail "beta convergence vs R lm()"
import csv, json, sys
c = json.load(open(sys.argv[1]))["convergence"]
r = next(r for r in csv.DictReader(open(sys.argv[2])) if r["field"] == "gdp")
assert c["years"] == 9 and c["n"] == 31
for k, rk in (("beta", "beta"), ("se", "se_beta"), ("t", "t"), ("p", "p"), ("r_squared", "r_squared"), ("speed", "speed"), ("half_life", "half_life")):
    assert abs(c[k] - float(r[rk])) <= 1e-9 * max(1, abs(float(r[rk]))), (k, c[k], r[rk])
PY
fields=$(ogrinfo -so "$TMP/ineq.gpkg" ineq 2>/dev/null)
for f in Shr_2002 ThT_2011 GrowthRate; do
  grep -q "^$f: Real" <<<"$fields" || fail "inequality -o lacks field $f"
done
# The shares of a year sum to 1 and the Theil terms to T.
ogrinfo -q -sql "select sum(Shr_2011) as s from ineq" "$TMP/ineq.gpkg" | grep -Eq "s \(Real\) = (1|0\.99999999999[0-9]*|1\.0000000000[0-9]*)$" \
  || fail "the shares of 2011 should sum to 1"

# A long table (one row per province and year) gives the same beta.
"$RS" inequality "$SHARED/china_province_economy_2002_2011.csv" --year year --id name_zh --field 'gdp_*' --convergence --json -q \
  >"$TMP/long.json" 2>/dev/null || fail "inequality on a long table"
python3 - "$TMP/long.json" "$TMP/conv.json" <<'PY' || fail "long table and wide layer disagree"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert abs(a["convergence"]["beta"] - b["convergence"]["beta"]) < 1e-12
assert len(a["results"]) == 10
PY

# Weighted Theil: the secondary industry weighted by GDP, as the reference script.
"$RS" inequality "$PROV" --field secondary_2011 --weight gdp_2011 --group region3 --json -q >"$TMP/w.json" 2>/dev/null \
  || fail "inequality --weight"
python3 - "$TMP/w.json" "$REF/inequality_expected.csv" <<'PY' || fail "weighted Theil"
import csv, json, sys
t = json.load(open(sys.argv[1]))["theil"]
ref = {(r["year"], r["grouping"], r["statistic"], r["group"]): float(r["value"]) for r in csv.DictReader(open(sys.argv[2]))}
assert t["weighted"] is True
for k in ("T", "between", "within"):
    assert abs(t[k] - ref[("2011", "region3", "wtheil_" + k, "")]) < 1e-10, k
PY

# Bad input: the message names the field at fault.
"$RS" inequality "$PROV" --field no_such_field -q >/dev/null 2>"$TMP/err1.txt"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } || fail "a missing field should exit 1 or 2 (got $rc)"
grep -q "no_such_field" "$TMP/err1.txt" || fail "the error should name the missing field: $(cat "$TMP/err1.txt")"
"$RS" inequality "$PROV" --field name_en -q >/dev/null 2>"$TMP/err2.txt"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } || fail "a text field should exit 1 or 2 (got $rc)"
grep -q "name_en" "$TMP/err2.txt" || fail "the error should name the text field: $(cat "$TMP/err2.txt")"
"$RS" inequality "$PROV" --field gdp_2011 --group no_region -q >/dev/null 2>"$TMP/err3.txt"; rc=$?
[ $rc -eq 1 ] && grep -q "no_region" "$TMP/err3.txt" || fail "a missing group field should exit 1 naming it: $(cat "$TMP/err3.txt")"
"$RS" inequality "$PROV" --field gdp_2011 --convergence -q >/dev/null 2>"$TMP/err4.txt"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--convergence" "$TMP/err4.txt" || fail "--convergence on one field should exit 2: $(cat "$TMP/err4.txt")"

# kde: the bandwidth of R's bw.nrd0 / bw.nrd, the exact density, the curves CSV.
"$RS" kde "$PROV" --field ai_2011 --points 64 --json -q >"$TMP/kde.json" 2>/dev/null || fail "kde"
"$RS" kde "$PROV" --field ai_2011 --bandwidth scott --points 64 --json -q >"$TMP/kde_scott.json" 2>/dev/null || fail "kde --bandwidth scott"
python3 - "$TMP/kde.json" "$TMP/kde_scott.json" "$REF/kde_expected.csv" <<'PY' || fail "kde vs R"
import csv, json, sys
rows = [r for r in csv.DictReader(open(sys.argv[3])) if r["dataset"] == "ai_index_2011"]
for path, rule in ((sys.argv[1], "silverman"), (sys.argv[2], "scott")):
    s = json.load(open(path))
    mine = [r for r in rows if r["rule"] == rule]
    assert abs(s["bandwidth"] - float(mine[0]["bandwidth"])) < 1e-12, (rule, s["bandwidth"])
    c = s["curves"][0]
    assert len(c["x"]) == 64
    for r in mine:
        k = int(r["k"])
        assert abs(c["x"][k] - float(r["x"])) < 1e-9 and abs(c["density"][k] - float(r["density"])) < 1e-10 * float(r["density"]) + 1e-300
PY
"$RS" kde "$PROV" --field 'gdp_*' --group region3 --bandwidth 500 --points 20 --output-csv "$TMP/curves.csv" -q >/dev/null 2>&1 \
  || fail "kde --group --output-csv"
[ "$(head -1 "$TMP/curves.csv" | tr -d '\r')" = "field,group,x,density" ] || fail "kde CSV header: $(head -1 "$TMP/curves.csv")"
# 10 years x (all units + 3 groups) x 20 points, plus the header.
[ "$(wc -l <"$TMP/curves.csv")" -eq 801 ] || fail "kde CSV should have 801 lines, has $(wc -l <"$TMP/curves.csv")"
"$RS" kde "$PROV" --field ai_2011 --bandwidth wide -q >/dev/null 2>"$TMP/err5.txt"; rc=$?
[ $rc -eq 2 ] && grep -q -- "--bandwidth" "$TMP/err5.txt" || fail "a bad --bandwidth should exit 2 naming it"
"$RS" kde "$PROV" --field name_en -q >/dev/null 2>"$TMP/err6.txt"; rc=$?
{ [ $rc -eq 1 ] || [ $rc -eq 2 ]; } && grep -q "name_en" "$TMP/err6.txt" || fail "kde on a text field should fail naming it"

# The figure (matplotlib): one curve per year, and the 3-D view as SVG.
if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  "$RS" kde "$PROV" --field 'ai_*' --group region3 --figure "$TMP/kde.png" -q >/dev/null 2>"$TMP/fig.txt" \
    || fail "kde --figure: $(cat "$TMP/fig.txt")"
  [ "$(head -c 4 "$TMP/kde.png" | tail -c 3)" = "PNG" ] || fail "kde --figure should write a PNG"
  "$RS" kde "$PROV" --field 'ai_*' --figure "$TMP/kde.svg" --figure-style 3d -q >/dev/null 2>&1 || fail "kde --figure-style 3d"
  grep -q "<svg" "$TMP/kde.svg" || fail "kde --figure .svg should write SVG"
  "$RS" kde "$PROV" --field 'ai_*' --figure "$TMP/kde.png" -q >/dev/null 2>&1; [ $? -eq 1 ] || fail "kde --figure should refuse to overwrite"
fi

echo "inequality_cli: all passed"
