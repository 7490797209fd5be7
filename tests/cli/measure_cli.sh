#!/usr/bin/env bash
# How distances are measured, and weights given as a spec or a file:
#  - a Web Mercator (EPSG:3857) layer is measured on its ellipsoid: gravity distances equal PROJ's
#    `geod` (Zhengzhou-Xinxiang 65.8 km, not the 80.6 km of map units), distance weights and the
#    mean centre equal those of the same points in lon/lat; a Lambert-93 layer stays planar;
#  - `weights --weights SPEC` builds what the method options build, summarises a GAL file, and
#    refuses a spec mixed with method options; --min-threshold on a metre CRS is in km;
#  - GWT rows whose weights are all 0 are islands (LISA_CL 6), negative weights are reported.
# Usage: bash measure_cli.sh <regionstat-binary> <source-dir>
set -u
rs="$1"
SRC="$2"
source "$SRC/tests/cli/cli_support.sh"
TMP=$tmp
CITIES="$SRC/sample_layers/china_cities.gpkg"
HENAN="province_zh = '河南' AND pop > 400000"

ogr2ogr "$TMP/henan_ll.gpkg" "$CITIES" -where "$HENAN" -nln henan
ogr2ogr "$TMP/henan_wm.gpkg" "$CITIES" -where "$HENAN" -nln henan -t_srs EPSG:3857

# value FILE WHERE FIELD: one attribute of the first feature of the file's first layer matching WHERE.
value() {
  local layer
  layer=$(ogrinfo -q -ro "$1" | sed -n '1s/^1: \([^ ]*\).*/\1/p')
  ogrinfo -q -ro "$1" "$layer" -where "$2" | sed -n "s/^  $3 ([A-Za-z0-9]*) = //p" | head -1
}
near() {  # what actual expected tolerance
  if python3 -c "import sys; a, b, t = map(float, sys.argv[1:]); sys.exit(0 if abs(a - b) <= t else 1)" "$2" "$3" "$4"; then
    ok
  else
    fail "$1: got $2, expected $3 (within $4)"
  fi
}
same() { if [[ "$2" == "$3" ]]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }

# 1. Gravity distance Zhengzhou-Xinxiang on EPSG:3857 = geodesic on WGS 84 (PROJ geod).
run gravity_wm 0 gravity "$TMP/henan_wm.gpkg" --id name --mass pop -o "$TMP/g_wm.gpkg"
has gravity_wm out "stretches lengths by up to"
pair="(origin = 'Zhengzhou' AND destination = 'Xinxiang') OR (origin = 'Xinxiang' AND destination = 'Zhengzhou')"
lonlat=$(ogrinfo -q -ro "$TMP/henan_ll.gpkg" -al -where "name IN ('Zhengzhou', 'Xinxiang')" |
         sed -n 's/^  \(lon\|lat\) (Real) = //p' | tr '\n' ' ')
read -r lon1 lat1 lon2 lat2 <<< "$lonlat"
expected=$(echo "$lat1 $lon1 $lat2 $lon2" | geod +ellps=WGS84 -I +units=km -f %.9f -F %.9f | awk '{print $3}')
near "Zhengzhou-Xinxiang km from EPSG:3857" "$(value "$TMP/g_wm.gpkg" "$pair" distance_km)" "$expected" 1e-6

# 2. Distance weights and the mean centre: EPSG:3857 = lon/lat.
run band_ll 0 weights "$TMP/henan_ll.gpkg" --id name --weights band:100km --min-threshold --json
run band_wm 0 weights "$TMP/henan_wm.gpkg" --id name --weights band:100km --min-threshold --json
summary() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['links'], j['island_ids'], round(j['min_threshold_distance'], 6), j['min_threshold_unit'])" "$1"; }
same "band weights and threshold, EPSG:3857 vs lon/lat" "$(summary "$TMP/band_wm.out")" "$(summary "$TMP/band_ll.out")"
run centre_ll 0 centre "$TMP/henan_ll.gpkg" --weight pop -o "$TMP/c_ll.gpkg"
run centre_wm 0 centre "$TMP/henan_wm.gpkg" --weight pop -o "$TMP/c_wm.gpkg"
centre_ll() { ogr2ogr -q -f CSV /vsistdout/ "$1" -t_srs EPSG:4326 -lco GEOMETRY=AS_XY | sed -n 2p | cut -d, -f1,2; }
read -r a b <<< "$(centre_ll "$TMP/c_wm.gpkg" | tr ',' ' ')"
read -r c d <<< "$(centre_ll "$TMP/c_ll.gpkg" | tr ',' ' ')"
near "centre lon, EPSG:3857 vs lon/lat" "$a" "$c" 1e-7
near "centre lat, EPSG:3857 vs lon/lat" "$b" "$d" 1e-7
near "standard distance, EPSG:3857 vs lon/lat" "$(value "$TMP/c_wm.gpkg" "1=1" std_distance)" \
  "$(value "$TMP/c_ll.gpkg" "1=1" std_distance)" 1e-6

# --projection layer keeps Web Mercator's own (stretched) units, and is refused on lon/lat.
run centre_wm_layer 0 centre "$TMP/henan_wm.gpkg" --weight pop --projection layer -o "$TMP/c_wm_layer.gpkg"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 1.15 * float(sys.argv[2]) else 1)" \
  "$(value "$TMP/c_wm_layer.gpkg" "1=1" std_distance)" "$(value "$TMP/c_wm.gpkg" "1=1" std_distance)" \
  && ok || fail "--projection layer on EPSG:3857 should measure in map units (stretched over 15 % at 34 N)"
run centre_ll_layer 2 centre "$TMP/henan_ll.gpkg" --weight pop --projection layer
has centre_ll_layer err "needs a projected layer"

# 3. A projection made for the region stays planar (Lambert-93 on French points).
ogr2ogr "$TMP/l93.gpkg" "$CITIES" -where "$HENAN" -nln henan -t_srs "+proj=tmerc +lon_0=114 +k=1 +x_0=500000 +units=m +ellps=GRS80"
run weights_tm 0 weights "$TMP/l93.gpkg" --id name --method knn --k 2 --min-threshold --json
has weights_tm out '"min_threshold_unit": "km"'
grep -q "stretches lengths" "$TMP/weights_tm.err" && fail "a transverse Mercator zone was measured on the ellipsoid" || ok

# 4. weights --weights SPEC = the method options; a GAL file is summarised; mixing is refused.
run knn_options 0 weights "$TMP/henan_ll.gpkg" --id name --method knn --k 3 -o "$TMP/knn_options.gal"
run knn_spec 0 weights "$TMP/henan_ll.gpkg" --id name --weights knn:k=3 -o "$TMP/knn_spec.gal"
same "GAL from the spec = GAL from the options" "$(cat "$TMP/knn_spec.gal")" "$(cat "$TMP/knn_options.gal")"
run gal_summary 0 weights "$TMP/henan_ll.gpkg" --id name --weights "$TMP/knn_spec.gal" --json
has gal_summary out '"links": 33'
run spec_and_options 2 weights "$TMP/henan_ll.gpkg" --id name --weights knn:k=3 --k 4
has spec_and_options err "--k belongs"

# 5. GWT rows of zero weights are islands; negative weights are reported.
{
  echo "0 11 henan name"
  ogrinfo -q -ro "$TMP/henan_ll.gpkg" -al | sed -n 's/^  name (String) = //p' > "$TMP/names.txt"
  mapfile -t names < "$TMP/names.txt"
  for ((i = 0; i < 11; i++)); do
    j=$(((i + 1) % 11))
    w=1
    [ "${names[$i]}" = "Kaifeng" ] && w=0
    [ "${names[$i]}" = "Luoyang" ] && w=-0.5
    echo "${names[$i]} ${names[$j]} $w"
  done
} > "$TMP/ring.gwt"
run lisa_gwt 0 lisa "$TMP/henan_ll.gpkg" --id name --field pop \
  --weights "$TMP/ring.gwt" --permutations 0 -o "$TMP/lisa.gpkg"
has lisa_gwt err "negative weights (Luoyang)"
has lisa_gwt err "all weigh 0 (Kaifeng)"
same "unit of zero weights is an island" "$(value "$TMP/lisa.gpkg" "name = 'Kaifeng'" LISA_CL)" "6"

cli_summary measure_cli
