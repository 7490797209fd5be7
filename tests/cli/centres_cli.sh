#!/bin/bash
# End-to-end: centre, ellipse, migration, gravity, influence and primacy on the sample layers.
# Usage: centres_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
CITIES="$SRC/sample_layers/china_cities.gpkg"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# centre --type mean gives the standard distance (ArcGIS Standard Distance) in km.
"$RS" centre "$PROV" --weight gdp_2011 --type mean -o "$TMP/mean.gpkg" -q > "$TMP/mean.txt" 2>/dev/null \
  || fail "centre --type mean"
grep -q "standard distance [0-9.]* km" "$TMP/mean.txt" || fail "centre --type mean prints no standard distance: $(cat "$TMP/mean.txt")"
grep -q "std_distance: Real" <<< "$(ogrinfo -so "$TMP/mean.gpkg" mean)" || fail "centre output lacks std_distance"

# centre: mean, median and central feature, per group, written as points.
"$RS" centre "$PROV" --weight gdp_2011 --type median --group region3 -o "$TMP/centres.gpkg" -q >/dev/null 2>&1 \
  || fail "centre --type median"
[ "$(ogrinfo -q -sql 'select count(*) as n from centres' "$TMP/centres.gpkg" | grep -o 'n (Integer) = [0-9]*')" = "n (Integer) = 3" ] \
  || fail "centre should write 3 group centres"

# ellipse --json names its units and has the documented keys.
"$RS" ellipse "$PROV" --weight gdp_2011 --std 2 --json -q -o "$TMP/ellipse.gpkg" >"$TMP/ellipse.json" 2>/dev/null \
  || fail "ellipse"
for key in center_x center_y semi_major semi_minor rotation_deg flattening area perimeter length_unit area_unit; do
  grep -q "\"$key\"" "$TMP/ellipse.json" || fail "ellipse --json lacks $key"
done
grep -q '"length_unit": "km"' "$TMP/ellipse.json" || fail "ellipse lengths should be in km"
python3 - "$TMP/ellipse.json" <<'PY' || fail "ellipse identities"
import json, math, sys
s = json.load(open(sys.argv[1]))
a, b = s["semi_major"], s["semi_minor"]
assert abs(s["area"] - math.pi * a * b) < 1e-6 * s["area"]
assert abs(s["flattening"] - (a - b) / a) < 1e-12
assert 0 <= s["rotation_deg"] < 180
PY
# An existing output is not replaced without --overwrite (exit 1), nothing else written.
"$RS" ellipse "$PROV" --weight gdp_2011 -o "$TMP/ellipse.gpkg" -q 2>/dev/null; [ $? -eq 1 ] || fail "ellipse should refuse to overwrite"
# A bad convention is a usage error (exit 2).
"$RS" ellipse "$PROV" --convention nope -q 2>/dev/null; [ $? -eq 2 ] || fail "bad --convention should exit 2"

# migration: three layers in one GeoPackage and a CSV table.
"$RS" migration "$PROV" --weight 'gdp_*' -o "$TMP/migration.gpkg" --table "$TMP/moves.csv" -q >"$TMP/migration.txt" 2>/dev/null \
  || fail "migration"
for layer in centres trajectory ellipses; do
  ogrinfo -so "$TMP/migration.gpkg" "$layer" >/dev/null 2>&1 || fail "migration lacks layer $layer"
done
[ "$(wc -l <"$TMP/moves.csv")" -eq 11 ] || fail "migration table should have a header and 10 years"
grep -q "net move 2002-2011" "$TMP/migration.txt" || fail "migration report lacks the net move"

# gravity on the Henan cities, with --where, --top and a centres layer.
"$RS" gravity "$CITIES" --where "province_zh = '河南' AND pop > 400000" --id name --mass 'sqrt(pop * pop)' \
  --top 2 -o "$TMP/links.gpkg" --centres-output "$TMP/gcentres.gpkg" -q >"$TMP/gravity.txt" 2>/dev/null || fail "gravity"
ogrinfo -q "$TMP/links.gpkg" links | grep -q "distance_km (Real)" || ogrinfo "$TMP/links.gpkg" -al -so | grep -q distance_km \
  || fail "gravity links lack distance_km"
grep -q "Zhengzhou" "$TMP/gravity.txt" || fail "gravity report lacks Zhengzhou"
# A mass expression with an unknown function is a usage error.
"$RS" gravity "$CITIES" --mass 'system(pop)' -q 2>/dev/null; [ $? -eq 2 ] || fail "bad mass expression should exit 2"

# influence: provinces attracted by the four municipalities; Huff probabilities sum to 1.
"$RS" influence "$PROV" --centres "$CITIES" --centres-id name --centres-where "capital IN (1, 2)" --mass pop \
  -o "$TMP/influence.gpkg" --zones-output "$TMP/zones.gpkg" --json -q >"$TMP/influence.json" 2>/dev/null || fail "influence"
ogrinfo -q -sql "select max(abs(P_Beijing + P_Shanghai + P_Tianjin + P_Chongqing - 1)) as e from influence" "$TMP/influence.gpkg" \
  | grep -Eq "e \(Real\) = [0-9.]+e-1[0-9]|e \(Real\) = 0$|e \(Real\) = 0\.0+$|e \(Real\) = [0-9.]+e-16" || fail "Huff probabilities should sum to 1"
grep -q '"reilly"' "$TMP/influence.json" || fail "influence lacks Reilly breaking points"

# primacy per province.
"$RS" primacy "$CITIES" --size pop --group province_zh --id name --where "province_zh IN ('河南', '湖北')" --json -q \
  >"$TMP/primacy.json" 2>/dev/null || fail "primacy"
grep -q '"largest": "Zhengzhou"' "$TMP/primacy.json" || fail "primacy: Zhengzhou should be Henan's largest city"

echo "centres_cli: all passed"
