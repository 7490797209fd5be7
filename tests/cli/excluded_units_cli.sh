#!/usr/bin/env bash
# A unit without geometry is left out of the analysis, exactly as if it were not in the layer:
# Moran's I, LISA and Gi* of the sample provinces with Beijing's geometry set to NULL equal those
# of the layer without Beijing (it used to stay as an island whose value entered the mean and
# the variance, n 31 instead of 30); its results are NULL and the warning names it.
# Usage: bash excluded_units_cli.sh <regionstat-binary> <source-dir>
set -u
rs="$1"
SRC="$2"
source "$SRC/tests/cli/cli_support.sh"
PROVINCES="$SRC/sample_layers/china_provinces.gpkg"
same() { if [[ "$2" == "$3" ]]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }

ogr2ogr "$tmp/null_geometry.gpkg" "$PROVINCES" -nln p
ogrinfo -q "$tmp/null_geometry.gpkg" -dialect sqlite -sql "UPDATE p SET geom = NULL WHERE adcode = 110000" > /dev/null
ogr2ogr "$tmp/without.gpkg" "$PROVINCES" -nln p -where "adcode <> 110000"

for layer in null_geometry without; do
  run "moran_$layer" 0 moran "$tmp/$layer.gpkg" --id adcode --field gdp_2011 --permutations 0 --json
  run "lisa_$layer" 0 lisa "$tmp/$layer.gpkg" --id adcode --field gdp_2011 --permutations 99 -o "$tmp/lisa_$layer.gpkg"
  run "hotspot_$layer" 0 hotspot "$tmp/$layer.gpkg" --id adcode --field gdp_2011 -o "$tmp/hot_$layer.gpkg"
done
has moran_null_geometry err "empty geometry excluded: '110000'"
moran() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['n'], repr(j['statistic']), repr(j['p_randomization']))" "$1"; }
same "n without Beijing's geometry" "$(moran "$tmp/moran_null_geometry.out" | cut -d' ' -f1)" "30"
same "Moran's I without Beijing's geometry = without Beijing" "$(moran "$tmp/moran_null_geometry.out")" "$(moran "$tmp/moran_without.out")"
values() {  # FILE FIELDS: the fields of every unit but Beijing, by adcode (33 rows and a header)
  local layer
  layer=$(basename "$1" .gpkg)
  ogr2ogr -q -f CSV /vsistdout/ "$1" -sql "SELECT adcode, $2 FROM \"$layer\" WHERE adcode <> 110000 ORDER BY adcode"
}
same "rows compared" "$(values "$tmp/lisa_without.gpkg" "LISA_CL" | wc -l)" "34"
same "LISA without Beijing's geometry = without Beijing" \
  "$(values "$tmp/lisa_null_geometry.gpkg" "LMiIndex, LMiZScore, LMiPValue, LISA_CL")" \
  "$(values "$tmp/lisa_without.gpkg" "LMiIndex, LMiZScore, LMiPValue, LISA_CL")"
same "Gi* without Beijing's geometry = without Beijing" \
  "$(values "$tmp/hot_null_geometry.gpkg" "GiZScore, Gi_Bin")" "$(values "$tmp/hot_without.gpkg" "GiZScore, Gi_Bin")"
same "Beijing's LISA is NULL" "$(ogr2ogr -q -f CSV /vsistdout/ "$tmp/lisa_null_geometry.gpkg" \
  -sql "SELECT LMiIndex IS NULL AND LISA_CL IS NULL FROM lisa_null_geometry WHERE adcode = 110000" | tail -1 | tr -d '"')" "1"

# A warning repeated for every year of a panel is printed once, naming the units and the years.
for command in moran lisa; do
  run "panel_$command" 0 "$command" "$PROVINCES" --id adcode --field 'gdp_*' --permutations 0
  same "$command: one warning for the excluded units" "$(grep -c "unit(s) excluded" "$tmp/panel_$command.err")" "1"
  has "panel_$command" err "field 'gdp_{year}': 3 unit(s) excluded (3 NULL): 710000, 810000, 820000 (years: 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011)"
done

cli_summary excluded_units_cli
