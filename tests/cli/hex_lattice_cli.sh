#!/usr/bin/env bash
# The hexagon lattice of the benchmarks (bench/make_hex_lattice.cpp) against first principles,
# and `regionstat weights` on it: in the odd-r offset layout the neighbours of cell (r, c) are
# (r, c +- 1) and, in the rows above and below, (r +- 1, c - 1) and (r +- 1, c) for an even r,
# (r +- 1, c) and (r +- 1, c + 1) for an odd r; an interior cell has 6, and hexagons never touch
# at a vertex only, so queen and rook contiguity are both that set. RegionStat finds them only if
# the generator gives the cells on either side of an edge bit-identical vertices. Every cell is a
# regular hexagon of 1 km^2 (shoelace area of the written rings).
#   bash tests/cli/hex_lattice_cli.sh BUILD/regionstat SOURCE_DIR
# Skipped (77) when the benchmark drivers are not built (-DREGIONSTAT_BUILD_BENCH=OFF).
set -uo pipefail
rs=${1:?usage: hex_lattice_cli.sh REGIONSTAT SOURCE_DIR}
generator="$(dirname "$rs")/bench/regionstat_bench_hex_lattice"
if [[ ! -x "$generator" ]]; then
  echo "SKIP: $generator is not built"
  exit 77
fi
# $tmp, the counters, run and has.
source "$(dirname "${BASH_SOURCE[0]}")/cli_support.sh"

# expected_links ROWS COLS GAL: the GAL's neighbour sets (ids = row * COLS + col) are those of
# the offset rule above; prints what differs.
expected_links() {
  python3 - "$@" <<'PY'
import sys
rows, cols, gal = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
expected = {}
for r in range(rows):
    for c in range(cols):
        if r % 2 == 0:
            cand = [(r, c - 1), (r, c + 1), (r - 1, c - 1), (r - 1, c), (r + 1, c - 1), (r + 1, c)]
        else:
            cand = [(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c), (r + 1, c + 1)]
        expected[r * cols + c] = {rr * cols + cc for rr, cc in cand if 0 <= rr < rows and 0 <= cc < cols}
lines = open(gal).read().split("\n")[1:]
found = {}
k = 0
while k + 1 < len(lines) and lines[k].strip():
    unit, count = (int(t) for t in lines[k].split())
    found[unit] = {int(t) for t in lines[k + 1].split()}
    if len(found[unit]) != count:
        sys.exit("unit %d: count %d but %d ids" % (unit, count, len(found[unit])))
    k += 2
if found != expected:
    bad = [u for u in expected if found.get(u) != expected[u]]
    sys.exit("neighbours differ for %d unit(s), e.g. %d: found %s, expected %s"
             % (len(bad), bad[0], sorted(found.get(bad[0], [])), sorted(expected[bad[0]])))
interior = [len(v) for u, v in expected.items() if 0 < u // cols < rows - 1 and 0 < u % cols < cols - 1]
if interior and set(interior) != {6}:
    sys.exit("an interior cell does not have 6 neighbours")
PY
}

for size in "3 3" "5 4"; do
  read -r rows cols <<<"$size"
  name="hex_${rows}x${cols}"
  if "$generator" "$rows" "$cols" "$tmp/$name.gpkg" 2>"$tmp/$name.gen.err"; then ok; else
    fail "$name: the generator failed: $(cat "$tmp/$name.gen.err")"
    continue
  fi
  run "${name}_info" 0 info "$tmp/$name.gpkg" --id id
  has "${name}_info" out "features: $((rows * cols))"
  has "${name}_info" out "EPSG:3035"
  for method in queen rook; do
    run "${name}_$method" 0 weights "$tmp/$name.gpkg" --id id --method "$method" -o "$tmp/${name}_$method.gal" -q
    problem=$(expected_links "$rows" "$cols" "$tmp/${name}_$method.gal" 2>&1) && ok || fail "$name $method: $problem"
  done
  # Areas: regular hexagons of 1 km^2, from the rings as written.
  ogr2ogr -f CSV "$tmp/$name.csv" "$tmp/$name.gpkg" -lco GEOMETRY=AS_WKT 2>/dev/null
  problem=$(python3 - "$tmp/$name.csv" "$((rows * cols))" <<'PY' 2>&1
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
if len(rows) != int(sys.argv[2]):
    sys.exit("%d rows, expected %s" % (len(rows), sys.argv[2]))
for row in rows:
    pts = [tuple(map(float, p.split())) for p in re.findall(r"[-0-9.e]+ [-0-9.e]+", row["WKT"])]
    if len(pts) != 7 or pts[0] != pts[-1]:
        sys.exit("cell %s: not a closed ring of 6 vertices" % row["id"])
    area = 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:]))
    if abs(area - 1e6) > 1e-3:
        sys.exit("cell %s: area %.6f m2, expected 1 km2 (counter-clockwise)" % (row["id"], area))
PY
  ) && ok || fail "$name areas: $problem"
done

cli_summary hex_lattice_cli
