#!/usr/bin/env bash
# LISA on a synthetic lattice through Dask (python/regionstat_dask) and through the
# single-process command, with the seconds of each pass and a check that both wrote the same
# LMiIndex, LMiPValue and LISA_CL (docs/distributed.md).
# Usage: bash bench/dask_bench.sh BUILD_DIR [SIDE] [WORKERS] [TILES] [PERMUTATIONS]
#   SIDE x SIDE unit squares (default 1000: 1 M; 3163: 10 M), a LocalCluster of WORKERS
#   single-threaded worker processes (default 2) and TILES tiles (default 8 per worker).
#   SCHEDULER=tcp://host:8786 uses a running cluster instead (the lattice must then be on
#   storage every worker sees: LATTICE=/shared/grid.gpkg). SINGLE=0 skips the single-process run.
set -euo pipefail
BUILD="$(cd "${1:?usage: dask_bench.sh BUILD_DIR [SIDE] [WORKERS] [TILES] [PERMUTATIONS]}" && pwd)"
SIDE="${2:-1000}"
WORKERS="${3:-2}"
TILES="${4:-$((8 * WORKERS))}"
PERMUTATIONS="${5:-999}"
HERE="$(cd "$(dirname "$0")" && pwd)"
SOURCE="$(dirname "$HERE")"
LATTICE="${LATTICE:-/tmp/grid_${SIDE}.gpkg}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
[[ -f "$LATTICE" ]] || bash "$HERE/make_synthetic_grid.sh" "$SIDE" "$LATTICE"

if [[ "${SINGLE:-1}" != 0 ]]; then
  start=$(date +%s.%N)
  "$BUILD/regionstat" lisa "$LATTICE" --field value --permutations "$PERMUTATIONS" --seed 7 \
    --threads "$WORKERS" -o "$OUT/single.gpkg" --quiet --json > "$OUT/single.json"
  end=$(date +%s.%N)
  /usr/bin/python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('single process (%s threads): %.1f s' % (sys.argv[4], float(sys.argv[3]) - float(sys.argv[2])), 'steps', s.get('seconds'))" \
    "$OUT/single.json" "$start" "$end" "$WORKERS"
fi

# A script file, not stdin: Dask's worker processes re-import the main module.
PYTHONPATH="$BUILD/python:$SOURCE/python${PYTHONPATH:+:$PYTHONPATH}" /usr/bin/python3 "$HERE/dask_bench.py" \
  "$LATTICE" "$OUT" "$WORKERS" "$TILES" "$PERMUTATIONS" "${SCHEDULER:-}"
