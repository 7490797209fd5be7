#!/usr/bin/env bash
# Writes a synthetic lattice of SIDE x SIDE unit squares (default 1000 x 1000 = one million
# polygons) as a GeoPackage, for benchmarks; not committed (about 250 MB). Each square has a
# field `value`: a smooth surface (so there are real clusters) plus deterministic noise.
# Usage: bash bench/make_synthetic_grid.sh [SIDE] [OUTPUT]   (default 1000 /tmp/grid_1000.gpkg)
set -euo pipefail
SIDE="${1:-1000}"
OUT="${2:-/tmp/grid_${SIDE}.gpkg}"
CSV="$(mktemp --suffix=.csv)"
trap 'rm -f "$CSV"' EXIT
awk -v n="$SIDE" 'BEGIN {
  srand(20181231)
  print "id,value,WKT"
  for (r = 0; r < n; r++)
    for (c = 0; c < n; c++)
      printf "%d,%.6f,\"POLYGON ((%d %d,%d %d,%d %d,%d %d,%d %d))\"\n", r * n + c,
             sin(c / 40.0) + cos(r / 55.0) + rand(), c, r, c + 1, r, c + 1, r + 1, c, r + 1, c, r
}' > "$CSV"
rm -f "$OUT"
ogr2ogr -f GPKG "$OUT" "$CSV" -nln grid -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
  -oo AUTODETECT_TYPE=YES -a_srs EPSG:3857 -nlt POLYGON -gt 100000
echo "wrote $OUT: $((SIDE * SIDE)) squares" >&2
