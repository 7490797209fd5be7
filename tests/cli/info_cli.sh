#!/usr/bin/env bash
# End-to-end tests of `regionstat info` and of the command's exit codes
# (0 ok, 1 data error, 2 usage error).
#   bash tests/cli/info_cli.sh BUILD/regionstat SOURCE_DIR
set -uo pipefail
rs=${1:?usage: info_cli.sh REGIONSTAT SOURCE_DIR}
src=${2:?usage: info_cli.sh REGIONSTAT SOURCE_DIR}
data="$src/tests/data"
# $tmp, the counters, run and has.
source "$(dirname "${BASH_SOURCE[0]}")/cli_support.sh"

# --- the sample layer ------------------------------------------------------------------------
run provinces 0 info "$src/sample_layers/china_provinces.gpkg"
has provinces out "layer: china_provinces"
has provinces out "features: 34"
has provinces out "geometry: Multi Polygon"
has provinces out "EPSG:4326"
has provinces out "great-circle km"
has provinces out "adcode (Integer)"
has provinces out "name_zh (String)"
has provinces out "gdp_2011 (Real), 3 NULL"
has provinces out "uri_mean (Real), 4 NULL"
has provinces out "invalid geometries: 0"

run provinces_json 0 info "$src/sample_layers/china_provinces.gpkg" --id adcode --json
if /usr/bin/python3 -m json.tool "$tmp/provinces_json.out" >/dev/null 2>"$tmp/json.err"; then ok; else
  fail "--json output does not parse: $(cat "$tmp/json.err")"
fi
if /usr/bin/python3 - "$tmp/provinces_json.out" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
assert s["features"] == 34, s["features"]
assert s["layer"] == "china_provinces"
assert s["geographic"] is True
fields = {f["name"]: f for f in s["fields"]}
assert fields["adcode"]["type"] == "Integer" and fields["adcode"]["nulls"] == 0
assert fields["ai_2022"]["nulls"] == 3 and fields["uri_mean"]["nulls"] == 4
assert s["empty_geometries"] == [] and s["invalid_geometries"] == []
EOF
then ok; else fail "--json summary of china_provinces.gpkg has unexpected values"; fi

# --- formats and options ---------------------------------------------------------------------
run two_layers 0 info "$data/two_layers.gpkg"
has two_layers out "layers: units capitals"
has two_layers out "layer: units"
has two_layers out "features: 4"

run layer_option 0 info "$data/two_layers.gpkg" --layer capitals
has layer_option out "layer: capitals"
has layer_option out "features: 3"
has layer_option out "geometry: Point"

run unknown_layer 1 info "$data/two_layers.gpkg" --layer provinces
has unknown_layer err "no layer 'provinces'"

run gbk 0 info "$data/units_gbk.shp" --encoding GBK --id code
has gbk out "ESRI Shapefile"
has gbk out "founded (Date)"

run csv 0 info "$data/capitals.csv" --crs EPSG:4326 --id name
has csv out "geometry: Point"
has csv out "EPSG:4326"

run gzip 0 info "/vsigzip/$data/units.geojson.gz" --id code
has gzip out "features: 4"
has gzip out "big (Integer64)"

run problems 0 info "$data/geometry_problems.geojson" --id code
has problems out "empty geometries: 2"
has problems out "invalid geometries: 2 (bowtie, flat)"
has problems err "repaired: 'bowtie'"
has problems err "excluded: 'null', 'empty'"

# --- errors ----------------------------------------------------------------------------------
run missing 1 info "$tmp/no_such_layer.gpkg"
has missing err "$tmp/no_such_layer.gpkg': no such file or directory"

run bad_id 1 info "$data/units.geojson" --id adcode
has bad_id err "'adcode'"

run duplicate_id 1 info "$data/units.geojson" --id dup
has duplicate_id err "'dup' has duplicate values 'x'"

run empty_id 1 info "$data/units.geojson" --id blank
has empty_id err "'blank' is empty"

run unknown_option 2 info "$data/units.geojson" --no-such-option
run no_input 2 info
run no_command 2
run unknown_command 2 frobnicate

run help 0 info --help
has help out "--layer"
has help out "--encoding"

cli_summary info_cli
