#!/usr/bin/env bash
# The tables that gravity, influence, primacy, run and moran lay out by hand stay aligned on the
# terminal when the names are Chinese (two columns a character, three bytes in UTF-8): every row
# of a table ends its columns at the same display column. printf's %-20s padded by bytes, which
# shifted a three-character name such as 黑龙江 against the two-character ones.
#   bash tests/cli/aligned_tables_cli.sh BUILD/regionstat SOURCE_DIR
set -uo pipefail
rs=${1:?usage: aligned_tables_cli.sh REGIONSTAT SOURCE_DIR}
src=${2:?usage: aligned_tables_cli.sh REGIONSTAT SOURCE_DIR}
prov="$src/sample_layers/china_provinces.gpkg"
cities="$src/sample_layers/china_cities.gpkg"
# $tmp, the counters, run and has.
source "$(dirname "${BASH_SOURCE[0]}")/cli_support.sh"

# aligned NAME HEADER COLUMNS...: in $tmp/NAME.out, the rows after the line containing HEADER (up
# to a blank line or one indented less than the header) end their whitespace-separated columns COLUMNS (0 = the first; "sN": start
# column N, for left-aligned text) at the same display column (East Asian wide and fullwidth
# characters count two).
aligned() {
  local name=$1 header=$2
  shift 2
  if /usr/bin/python3 - "$tmp/$name.out" "$header" "$@" <<'EOF'; then ok; else fail "$name: the table after '$header' is not aligned"; sed 's/^/    /' "$tmp/$name.out"; fi
import re, sys, unicodedata
path, header, columns = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = open(path, encoding="utf-8").read().split("\n")
start = next(k for k, line in enumerate(lines) if header in line)
indent = lambda line: len(line) - len(line.lstrip(" "))
rows = []
for line in lines[start + 1:]:
    if not line.strip() or indent(line) < indent(lines[start]):
        break
    rows.append(line)
width = lambda text: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
def position(row, column):
    cells = list(re.finditer(r"\S+", row))
    if column.startswith("s"):
        return width(row[:cells[int(column[1:])].start()])
    return width(row[:cells[int(column)].end()])
positions = {tuple(position(row, c) for c in columns) for row in rows}
sys.exit(0 if len(rows) >= 2 and len(positions) == 1 else 1)
EOF
}

# gravity: 黑龙江 and 内蒙古 among two-character names, in both tables.
run gravity 0 gravity "$prov" --id name_zh --mass gdp_2011 -q \
  --where "name_zh IN ('北京', '河北', '黑龙江', '内蒙古', '浙江')"
aligned gravity "total linkage" 1 2
aligned gravity "strongest links:" 1 3 5

# influence: the centres' table and Reilly's breaking points.
run influence 0 influence "$prov" --id name_zh --centres "$cities" --centres-id name_zh \
  --centres-where "name_zh IN ('北京', '乌鲁木齐', '哈尔滨', '成都')" --mass pop -o "$tmp/zones.gpkg"
aligned influence "centre   " 1
aligned influence "Reilly breaking points" 1 5 8

# primacy: Chinese group names and largest cities.
run primacy 0 primacy "$cities" --id name_zh --size pop --group province_zh \
  --where "province_zh IN ('黑龙江', '新疆', '四川', '内蒙古') AND name_zh <> '' AND name_zh NOT IN ('朝阳', '梨树')"
aligned primacy "first_share" 1 3 4 5

# run: a recipe's summary with a Chinese file name among the inputs.
mkdir -p "$tmp/inputs"
cp "$prov" "$tmp/inputs/各省份.gpkg"
cp "$prov" "$tmp/inputs/provinces.gpkg"
printf 'inputs = ["inputs/*.gpkg"]\noutput_dir = "out"\n[[steps]]\nrun = "centre"\noutput = "{stem}_centre.gpkg"\n' \
  >"$tmp/recipe.toml"
run recipe 0 run "$tmp/recipe.toml" -q
grep -v "input(s) done" "$tmp/recipe.out" >"$tmp/recipe_table.out"  # the count below the table
aligned recipe_table "steps done" s1 s2 s3

# moran: a panel with a Chinese field name (the table of geary and general-g is the same code).
if command -v ogr2ogr >/dev/null; then
  ogr2ogr -f GPKG "$tmp/zh_fields.gpkg" "$prov" -nln provinces \
    -sql 'SELECT geom, gdp_2010 AS "地区生产总值_2010", gdp_2011 FROM china_provinces' \
    && ok || fail "ogr2ogr could not make the layer with a Chinese field name"
  run moran 0 moran "$tmp/zh_fields.gpkg" --field 地区生产总值_2010 --field gdp_2011 --permutations 99 -q
  grep -v "^z, p" "$tmp/moran.out" >"$tmp/moran_table.out"  # the note below the table
  aligned moran_table "p (perm.)" 1 2 3 4 5 6 7
  # lisa, hotspot, local-geary: the table of the local statistics (text_table), one row per field,
  # right-aligned under the rule of dashes.
  for command in lisa hotspot local-geary; do
    run "zh_$command" 0 "$command" "$tmp/zh_fields.gpkg" --field 地区生产总值_2010 --field gdp_2011 --permutations 99 -q
    if /usr/bin/python3 - "$tmp/zh_$command.out" <<'EOF'; then ok; else fail "$command: the table with a Chinese field name is not aligned"; sed 's/^/    /' "$tmp/zh_$command.out"; fi
import re, sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
ends = lambda line: [width(line[:m.end()]) for m in re.finditer(r"\S+", line)]
rule = next(k for k, line in enumerate(lines) if re.fullmatch(r"(\s+-+)+", line))
assert all(ends(lines[rule + r]) == ends(lines[rule]) for r in (1, 2)), lines[rule:rule + 3]
EOF
  done
else
  echo "note: no ogr2ogr; the tables with a Chinese field name are not checked"
fi

cli_summary aligned_tables_cli
