#!/usr/bin/env bash
# Benchmark of the local statistics against R spdep, in one run:
#   1. French communes (35,357 polygons, ../shared/data/communes_fr_2018.geojson.gz), queen
#      contiguity, field area_km2 (computed in Lambert-93): RegionStat `lisa --permutations 999`
#      and `hotspot` (Gi*) against spdep localmoran_perm(nsim = 999) and localG on the same
#      weights (the GAL file RegionStat writes, read by spdep's read.gal).
#   2. A synthetic lattice of one million squares (bench/make_synthetic_grid.sh, /tmp, not
#      committed): RegionStat lisa (999 permutations) and hotspot. spdep is skipped there unless
#      SPDEP_GRID=1 (its localmoran_perm would take far longer than the rest of the run together).
# RegionStat is timed twice: the whole command (read, weights, statistic, write) and the
# statistic alone (the "seconds" of its --json summary); spdep times are the statistic alone,
# weights prebuilt. Both ratios are printed.
# Usage: bash bench/local_bench.sh   (env: RS=build/regionstat, THREADS=2, GRID_SIDE=1000,
#        COMMUNES=path.geojson.gz, SPDEP_GRID=0|1)
set -euo pipefail
cd "$(dirname "$0")/.."
RS="${RS:-build/regionstat}"
THREADS="${THREADS:-2}"
GRID_SIDE="${GRID_SIDE:-1000}"
COMMUNES="${COMMUNES:-../shared/data/communes_fr_2018.geojson.gz}"
WORK="${WORK:-/tmp/regionstat_bench}"
mkdir -p "$WORK"
[ -x "$RS" ] || { echo "build RegionStat first (bash scripts/build.sh): $RS not found" >&2; exit 1; }

now() { date +%s.%N; }
# seconds CMD...: runs CMD quietly and prints its wall-clock seconds; its --json summary (with
# the seconds of each step) is kept in $WORK/last.json.
seconds() {
  local start end
  start=$(now)
  "$@" > "$WORK/last.json" 2> "$WORK/last.err" || { cat "$WORK/last.err" >&2; return 1; }
  end=$(now)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
# Seconds of the statistic alone (permutations included) in the last run's --json summary.
statistic_seconds() { python3 -c 'import json, sys; print("%.2f" % json.load(open(sys.argv[1]))["seconds"]["statistic"])' "$WORK/last.json"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
results=()
report() { results+=("$(printf "%-56s %s" "$1" "$2")"); echo "  $1: $2" >&2; }

echo "== French communes" >&2
if [ ! -f "$WORK/communes.gpkg" ]; then
  rm -f "$WORK/communes_l93.gpkg" "$WORK/communes_tmp.gpkg"
  ogr2ogr -f GPKG "$WORK/communes_l93.gpkg" "/vsigzip/$COMMUNES" -t_srs EPSG:2154 -nln communes \
    -nlt PROMOTE_TO_MULTI
  ogr2ogr -f GPKG "$WORK/communes_tmp.gpkg" "$WORK/communes_l93.gpkg" -nln communes -dialect OGRSQL \
    -sql "SELECT *, OGR_GEOM_AREA / 1000000.0 AS area_km2 FROM communes"
  mv "$WORK/communes_tmp.gpkg" "$WORK/communes.gpkg"
  rm -f "$WORK/communes_l93.gpkg"
fi
C="$WORK/communes.gpkg"
t_w=$(seconds "$RS" weights "$C" --method queen -o "$WORK/communes.gal" --overwrite -q)
report "regionstat weights queen (communes)" "$t_w s"
t_lisa=$(seconds "$RS" lisa "$C" --field area_km2 --permutations 999 --threads "$THREADS" -o "$WORK/c_lisa.gpkg" --overwrite -q --json)
s_lisa=$(statistic_seconds)
report "regionstat lisa 999 perm, $THREADS threads: command" "$t_lisa s"
report "regionstat lisa 999 perm, $THREADS threads: statistic" "$s_lisa s"
t_lisa1=$(seconds "$RS" lisa "$C" --field area_km2 --permutations 999 --threads 1 -o "$WORK/c_lisa1.gpkg" --overwrite -q --json)
s_lisa1=$(statistic_seconds)
report "regionstat lisa 999 perm, 1 thread: command" "$t_lisa1 s"
report "regionstat lisa 999 perm, 1 thread: statistic" "$s_lisa1 s"
t_gi=$(seconds "$RS" hotspot "$C" --field area_km2 --threads "$THREADS" -o "$WORK/c_gi.gpkg" --overwrite -q --json)
s_gi=$(statistic_seconds)
report "regionstat hotspot Gi*: command" "$t_gi s"
report "regionstat hotspot Gi*: statistic" "$s_gi s"

Rscript bench/local_bench.R "$C" area_km2 "$WORK/communes.gal" 999 > "$WORK/spdep.txt"
cat "$WORK/spdep.txt" >&2
s_perm=$(awk '/localmoran_perm_seconds/ {print $3}' "$WORK/spdep.txt")
s_g=$(awk '/localG_seconds/ {print $3}' "$WORK/spdep.txt")
report "spdep localmoran_perm nsim=999" "$s_perm s"
report "spdep localG (include.self)" "$s_g s"
report "spdep / regionstat LISA 999, statistic" "$(ratio "$s_perm" "$s_lisa")x"
report "spdep / regionstat LISA 999, 1 thread, statistic" "$(ratio "$s_perm" "$s_lisa1")x"
report "spdep / regionstat LISA 999, whole command" "$(ratio "$s_perm" "$t_lisa")x"
report "spdep / regionstat Gi*, statistic" "$(ratio "$s_g" "$s_gi")x"

echo "== Synthetic lattice ${GRID_SIDE}x${GRID_SIDE}" >&2
G="/tmp/grid_${GRID_SIDE}.gpkg"
[ -f "$G" ] || bash bench/make_synthetic_grid.sh "$GRID_SIDE" "$G"
steps() { python3 -c 'import json, sys; print(", ".join("%s %.1f" % kv for kv in json.load(open(sys.argv[1]))["seconds"].items()))' "$WORK/last.json"; }
t_glisa=$(seconds "$RS" lisa "$G" --field value --permutations 999 --threads "$THREADS" -o "$WORK/g_lisa.gpkg" --overwrite -q --json)
report "regionstat lisa 999 perm, $((GRID_SIDE * GRID_SIDE)) units: command" "$t_glisa s"
report "  steps (s)" "$(steps)"
t_ggi=$(seconds "$RS" hotspot "$G" --field value --threads "$THREADS" -o "$WORK/g_gi.gpkg" --overwrite -q --json)
report "regionstat hotspot Gi*, $((GRID_SIDE * GRID_SIDE)) units: command" "$t_ggi s"
report "  steps (s)" "$(steps)"
if [ "${SPDEP_GRID:-0}" = 1 ]; then
  "$RS" weights "$G" --method queen -o "$WORK/grid.gal" --overwrite -q
  Rscript bench/local_bench.R "$G" value "$WORK/grid.gal" 999 > "$WORK/spdep_grid.txt"
  report "spdep localmoran_perm, lattice" "$(awk '/localmoran_perm_seconds/ {print $3}' "$WORK/spdep_grid.txt") s"
  report "spdep localG, lattice" "$(awk '/localG_seconds/ {print $3}' "$WORK/spdep_grid.txt") s"
else
  report "spdep on the lattice" "skipped"
fi

echo
echo "Local statistics benchmark ($(nproc) cores, RegionStat --threads $THREADS)"
printf '%s\n' "${results[@]}"
