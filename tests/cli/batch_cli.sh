#!/bin/bash
# End-to-end: `regionstat convert` on a folder and `regionstat run RECIPE` - a bad input among
# good ones, idempotence with --overwrite, refusal without it, --dry-run, GBK Shapefiles to
# CGCS2000, and Ctrl-C in the middle of a batch leaving nothing half written.
# Usage: batch_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
PROV="$SRC/sample_layers/china_provinces.gpkg"
CITIES="$SRC/sample_layers/china_cities.gpkg"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ogr2ogr >/dev/null && command -v ogrinfo >/dev/null || { echo "SKIP: ogr2ogr/ogrinfo missing"; exit 77; }
staging_left() { find "$1" -name '.regionstat-*' | grep -q .; }

# Three good Shapefiles and GeoPackages, and one of each truncated to half its size.
mkdir -p "$TMP/shp" "$TMP/gpkg"
for n in a b c d; do
  ogr2ogr "$TMP/shp/prov_$n.shp" "$PROV" 2>/dev/null || fail "ogr2ogr could not make the inputs"
  cp "$PROV" "$TMP/gpkg/prov_$n.gpkg"
done
truncate -s $(( $(stat -c %s "$TMP/shp/prov_d.shp") / 2 )) "$TMP/shp/prov_d.shp"
truncate -s $(( $(stat -c %s "$TMP/gpkg/prov_d.gpkg") / 2 )) "$TMP/gpkg/prov_d.gpkg"
md5_before=$(cat "$TMP"/shp/* | md5sum)

# convert: three outputs, one reported failure, exit 1; the inputs are untouched.
"$RS" convert "$TMP/shp" -o "$TMP/conv" -q >"$TMP/convert.out" 2>"$TMP/convert.err"
[ $? -eq 1 ] || fail "convert with a truncated input should exit 1"
[ "$(ls "$TMP/conv" | wc -l)" -eq 3 ] || fail "convert should write 3 outputs, wrote: $(ls "$TMP/conv")"
[ "$(grep -c 'FAILED' "$TMP/convert.err")" -eq 1 ] || fail "convert should report exactly one failure"
grep -q 'prov_d.shp.*FAILED' "$TMP/convert.err" || fail "the failure should name prov_d.shp"
staging_left "$TMP/conv" && fail "convert left a staging folder"
[ "$(cat "$TMP"/shp/* | md5sum)" = "$md5_before" ] || fail "convert changed its inputs"
# Again without --overwrite: refused before anything is written (exit 1); with it, replaced.
"$RS" convert "$TMP/shp/prov_a.shp" -o "$TMP/conv" -q 2>"$TMP/refused.err"; [ $? -eq 1 ] || fail "convert should refuse to overwrite"
grep -q "already exists; use --overwrite" "$TMP/refused.err" || fail "the refusal should say --overwrite"
"$RS" convert "$TMP/shp/prov_a.shp" -o "$TMP/conv" --overwrite -q >/dev/null 2>&1 || fail "convert --overwrite"

# Several inputs as separate arguments (convert INPUT... -o OUT).
"$RS" convert "$TMP/shp/prov_a.shp" "$TMP/shp/prov_b.shp" -o "$TMP/two" -q >/dev/null 2>"$TMP/two.err" \
  || fail "convert of two inputs given as two arguments: $(cat "$TMP/two.err")"
[ "$(ls "$TMP/two" | wc -l)" -eq 2 ] || fail "convert of two inputs should write 2 outputs, wrote: $(ls "$TMP/two")"

# GBK Shapefile without .cpg -> GeoPackage in a CGCS2000 Gauss-Kruger zone, Chinese names intact.
mkdir -p "$TMP/gbk"
ogr2ogr -lco ENCODING=GBK "$TMP/gbk/prov_gbk.shp" "$PROV" 2>/dev/null && rm -f "$TMP/gbk/prov_gbk.cpg"
"$RS" convert "$TMP/gbk/prov_gbk.shp" -o "$TMP/gk.gpkg" --encoding GBK --t-srs EPSG:4527 -q >/dev/null 2>&1 \
  || fail "convert GBK Shapefile to EPSG:4527"
ogrinfo -q "$TMP/gk.gpkg" prov_gbk -where "adcode = 110000" | grep -q "name_zh (String) = 北京" \
  || fail "GBK names should arrive in UTF-8"
ogrinfo -so "$TMP/gk.gpkg" prov_gbk | grep -q 'Gauss-Kruger zone 39' || fail "output should be in EPSG:4527"
# Beijing's easting in zone 39 (central meridian 117 E) carries the zone number: 39 xxx xxx m.
ogrinfo -q "$TMP/gk.gpkg" prov_gbk -where "adcode = 110000" | grep -Eq 'POLYGON \(\(\(39[0-9]{6}' \
  || fail "zone 39 eastings should start with 39"

# Several inputs (comma-separated) into one GeoPackage, one layer per input.
"$RS" convert "$PROV,$CITIES" -o "$TMP/both.gpkg" -q >/dev/null 2>&1 || fail "convert two inputs into one GeoPackage"
[ "$(ogrinfo -q "$TMP/both.gpkg" | wc -l)" -eq 2 ] || fail "both.gpkg should hold 2 layers"

# run: the same four GeoPackages through a recipe, two at a time.
cat >"$TMP/batch.toml" <<'EOF'
inputs = ["gpkg/*.gpkg"]
output_dir = "out"
[[steps]]
run = "lisa"
field = "gdp_2011"
permutations = 99
output = "lisa/{stem}_lisa.gpkg"
EOF
"$RS" run "$TMP/batch.toml" --jobs 2 -q >"$TMP/run.out" 2>"$TMP/run.err"
[ $? -eq 1 ] || fail "run with a truncated input should exit 1"
[ "$(ls "$TMP/out/lisa" | wc -l)" -eq 3 ] || fail "run should write 3 outputs, wrote: $(ls "$TMP/out/lisa")"
grep -Eq 'prov_d.gpkg +0/1 +0 +0 +lisa: ' "$TMP/run.err" || fail "the summary should show prov_d failing in lisa"
grep -q "3 input(s) done, 1 failed" "$TMP/run.err" || fail "the summary should count 3 done, 1 failed"
staging_left "$TMP/out" && fail "run left a staging folder"

# Idempotent with --overwrite, refused without it (the outputs unchanged), on the good inputs.
cat >"$TMP/good.toml" <<'EOF'
inputs = ["gpkg/prov_[abc].gpkg"]
output_dir = "good"
years = [2010, 2011]
[[steps]]
run = "hotspot"
field = "gdp_{year}"
permutations = 99
output = "{stem}_gi_{year}.gpkg"
EOF
"$RS" run "$TMP/good.toml" -q >/dev/null 2>&1 || fail "run on good inputs"
[ "$(ls "$TMP/good" | wc -l)" -eq 6 ] || fail "3 inputs x 2 years should give 6 outputs"
dump() { for f in "$TMP"/good/*.gpkg; do ogrinfo -q -al "$f"; done | md5sum; }
first=$(dump)
md5_files=$(cat "$TMP"/good/*.gpkg | md5sum)
"$RS" run "$TMP/good.toml" -q >/dev/null 2>"$TMP/again.err"; [ $? -eq 1 ] || fail "run again without --overwrite should exit 1"
grep -q "already exists; use --overwrite" "$TMP/again.err" || fail "the refusal should say --overwrite"
[ "$(cat "$TMP"/good/*.gpkg | md5sum)" = "$md5_files" ] || fail "a refused run changed the outputs"
"$RS" run "$TMP/good.toml" --overwrite --jobs 2 -q >/dev/null 2>&1 || fail "run --overwrite"
[ "$(dump)" = "$first" ] || fail "run --overwrite should give the same outputs"
[ "$(ls "$TMP/good" | wc -l)" -eq 6 ] || fail "run --overwrite should leave 6 outputs"

# --dry-run prints the commands and writes nothing.
"$RS" run "$TMP/good.toml" --dry-run --output-dir "$TMP/dry" >"$TMP/dry.out" 2>/dev/null || fail "run --dry-run"
[ -e "$TMP/dry" ] && fail "--dry-run wrote something"
[ "$(grep -c 'regionstat hotspot' "$TMP/dry.out")" -eq 6 ] || fail "--dry-run should list 6 commands"
grep -q -- "--field gdp_2010" "$TMP/dry.out" || fail "--dry-run should fill {year}"

# A recipe mistake is a usage error (exit 2) before anything runs.
printf 'inputs = ["gpkg/prov_a.gpkg"]\n[[steps]]\nrun = "lisa"\nfeild = "gdp_2011"\n' >"$TMP/typo.toml"
"$RS" run "$TMP/typo.toml" -q 2>"$TMP/typo.err"; [ $? -eq 2 ] || fail "an unknown option should exit 2"
grep -q "no option 'feild'" "$TMP/typo.err" || fail "the error should name the option"

# The sample recipe of docs/: join the long GRP table, LISA and hot spots per year, migration.
if "$RS" --help 2>/dev/null | grep -Eq '^ +join '; then
  "$RS" run "$SRC/docs/recipes/china_gdp.toml" --output-dir "$TMP/sample" --jobs 2 -q >/dev/null 2>"$TMP/sample.err" \
    || fail "the sample recipe: $(cat "$TMP/sample.err")"
  [ "$(ls "$TMP/sample/lisa" | wc -l)" -eq 10 ] || fail "the sample recipe should write 10 LISA layers"
  [ "$(ls "$TMP/sample/hotspots" | wc -l)" -eq 10 ] || fail "the sample recipe should write 10 hot-spot layers"
  # The joined grp_2011 is the layer's gdp_2011: the 2011 centre is the README's (114.83616 E, 33.15901 N).
  grep -Eq '^2011,grp_2011,114\.8361[0-9]*,33\.1590' "$TMP/sample/china_provinces_migration.csv" \
    || fail "the sample recipe's 2011 centre should be the README's"
else
  echo "note: no join command in this build; the sample recipe is not run"
fi

# Ctrl-C mid-batch: a long LISA (99,999 permutations on 892 cities) on two inputs; SIGINT after
# 2 s leaves no output and no staging folder, and exits 130.
mkdir -p "$TMP/big"
cp "$CITIES" "$TMP/big/cities_1.gpkg"
cp "$CITIES" "$TMP/big/cities_2.gpkg"
cat >"$TMP/big.toml" <<'EOF'
inputs = ["big/*.gpkg"]
output_dir = "bigout"
[[steps]]
run = "lisa"
field = "pop"
weights = "knn:8"
permutations = 99999
threads = 1
output = "{stem}_lisa.gpkg"
EOF
"$RS" run "$TMP/big.toml" -q >/dev/null 2>"$TMP/int.err" &
pid=$!
sleep 2
kill -INT $pid
wait $pid
rc=$?
[ $rc -eq 130 ] || fail "an interrupted run should exit 130, not $rc"
[ -z "$(ls -A "$TMP/bigout" 2>/dev/null)" ] || fail "an interrupted run left: $(ls -A "$TMP/bigout")"

echo "batch_cli: all passed"
