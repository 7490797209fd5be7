#!/usr/bin/env bash
# Makes the small layer fixtures of tests/layer_io_test.cpp and tests/cli/*.sh.
#
#   bash tests/data/make_fixtures.sh        (from anywhere; writes into tests/data/)
#
# Needs ogr2ogr (Debian gdal-bin), iconv and python3 (standard library only). The fixtures are
# committed; rerun this script only to change them. Every layer is in WGS84.
#
#   units.geojson         2x2 grid of 1-degree squares (A1 A2 / B1 B2) with typed attributes:
#                         code (unique), name (Chinese), pop (Integer), big (Integer64),
#                         gdp (Real), founded (Date), dup (a duplicate 'x'), blank (one empty
#                         string, one NULL), mixed (numbers, a NULL and 'n/a'), label (text only)
#   units.geojson.gz      the same, gzipped, for /vsigzip/
#   two_layers.gpkg       layers 'units' (the grid) and 'capitals' (3 points)
#   units_utf8.shp        the grid as a Shapefile in UTF-8 with its .cpg
#   units_gbk.shp         the grid as a Shapefile in GBK (CP936) WITHOUT .cpg, and no code page
#                         in the .dbf header either: read it with encoding GBK
#   capitals.csv          3 points as a CSV with lon/lat columns, Chinese names
#   geometry_problems.geojson
#                         ok (a square), bowtie (self-intersecting, repairable), null (no
#                         geometry), empty (an empty polygon), flat (a zero-area ring: repaired
#                         to nothing, so excluded)
set -euo pipefail
cd "$(dirname "$0")"

rm -f units.geojson units.geojson.gz two_layers.gpkg capitals.csv geometry_problems.geojson
rm -f units_utf8.* units_gbk.*

cat > units.geojson <<'EOF'
{
"type": "FeatureCollection",
"name": "units",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },
"features": [
{ "type": "Feature", "properties": { "code": "A1", "name": "北京", "pop": 100, "big": 5000000001, "gdp": 1.5, "founded": "2001-02-03", "dup": "x", "blank": "a", "mixed": "1.5", "label": "甲" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [100, 30], [101, 30], [101, 31], [100, 31], [100, 30] ] ] } },
{ "type": "Feature", "properties": { "code": "A2", "name": "天津", "pop": 200, "big": 5000000002, "gdp": 2.25, "founded": "2002-03-04", "dup": "y", "blank": "", "mixed": null, "label": "乙" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [101, 30], [102, 30], [102, 31], [101, 31], [101, 30] ] ] } },
{ "type": "Feature", "properties": { "code": "B1", "name": "内蒙古", "pop": 300, "big": 5000000003, "gdp": -3.125, "founded": "2003-04-05", "dup": "x", "blank": null, "mixed": "n/a", "label": "丙" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [100, 31], [101, 31], [101, 32], [100, 32], [100, 31] ] ] } },
{ "type": "Feature", "properties": { "code": "B2", "name": "黑龙江", "pop": null, "big": 5000000004, "gdp": 4.0, "founded": "2004-05-06", "dup": "z", "blank": "d", "mixed": "4", "label": "丁" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [101, 31], [102, 31], [102, 32], [101, 32], [101, 31] ] ] } }
]
}
EOF
gzip -9 -n -c units.geojson > units.geojson.gz

cat > capitals.csv <<'EOF'
name,lon,lat,pop
北京,116.40,39.93,7602069
上海,121.47,31.23,15017783
广州,113.25,23.12,3158125
EOF

ogr2ogr -f GPKG two_layers.gpkg units.geojson -nln units
ogr2ogr -f GPKG -update two_layers.gpkg capitals.csv -nln capitals -a_srs EPSG:4326 \
  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo AUTODETECT_TYPE=YES

# Shapefiles: the Date and Integer64 fields are kept; dBase stores them as D and N(19).
ogr2ogr -f "ESRI Shapefile" units_utf8.shp units.geojson -lco ENCODING=UTF-8
ogr2ogr -f "ESRI Shapefile" units_gbk.shp units.geojson -lco ENCODING=CP936
rm -f units_gbk.cpg
# Clear the language driver id (byte 29 of the .dbf header), as in Shapefiles written by tools
# that know nothing of code pages: only the user can then say the text is GBK.
python3 - <<'EOF'
with open("units_gbk.dbf", "r+b") as f:
    f.seek(29)
    f.write(b"\x00")
with open("units_gbk.dbf", "rb") as f:
    raw = f.read()
assert "北京".encode("gbk") in raw and "北京".encode("utf-8") not in raw, "not GBK"
EOF

cat > geometry_problems.geojson <<'EOF'
{
"type": "FeatureCollection",
"name": "geometry_problems",
"crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:OGC:1.3:CRS84" } },
"features": [
{ "type": "Feature", "properties": { "code": "ok" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [0, 0], [1, 0], [1, 1], [0, 1], [0, 0] ] ] } },
{ "type": "Feature", "properties": { "code": "bowtie" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [1, 0], [3, 2], [3, 0], [1, 2], [1, 0] ] ] } },
{ "type": "Feature", "properties": { "code": "null" }, "geometry": null },
{ "type": "Feature", "properties": { "code": "empty" },
  "geometry": { "type": "Polygon", "coordinates": [ ] } },
{ "type": "Feature", "properties": { "code": "flat" },
  "geometry": { "type": "Polygon", "coordinates": [ [ [5, 0], [6, 0], [7, 0], [5, 0] ] ] } }
]
}
EOF

ls -l units.geojson units.geojson.gz two_layers.gpkg capitals.csv geometry_problems.geojson \
  units_utf8.* units_gbk.*
