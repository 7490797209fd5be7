#!/usr/bin/env bash
# Queen contiguity of the French communes: regionstat against R spdep's poly2nb, on the same
# data in one run. Checks that the link sets are equal and prints both times and the ratio.
#
#   bench/contiguity_bench.sh [BUILD_DIR] [LAYER] [RUNS]
#
# BUILD_DIR defaults to ./build (with regionstat_bench_contiguity built), LAYER to the communes
# in ../shared/data, RUNS (regionstat builds, median taken) to 5. Times exclude reading the
# layer. Run by hand from the repository root; not part of ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
layer=${2:-/vsigzip/$root/../shared/data/communes_fr_2018.geojson.gz}
runs=${3:-5}
driver=$build/bench/regionstat_bench_contiguity
[ -x "$driver" ] || { echo "build $driver first (cmake --build $build --target regionstat_bench_contiguity)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "layer: $layer"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$driver" "$layer" "$runs" "$work/ours.csv" 2>/dev/null | tee "$work/ours.txt"
Rscript "$root/bench/contiguity_bench.R" "$layer" "$work/spdep.csv" 2>/dev/null | tee "$work/spdep.txt"

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
ours=$(value queen_s "$work/ours.txt")
spdep=$(value spdep_s "$work/spdep.txt")

if cmp -s <(sort "$work/ours.csv") <(sort "$work/spdep.csv"); then
  same="identical ($(($(wc -l < "$work/ours.csv") - 1)) undirected links)"
else
  same="DIFFERENT"
fi
echo
echo "link sets: $same"
awk -v o="$ours" -v s="$spdep" 'BEGIN {
  printf "regionstat queen (median of runs): %.3f s\n", o
  printf "spdep poly2nb queen:               %.3f s\n", s
  printf "ratio spdep / regionstat:          %.1f x\n", s / o
}'
[ "$same" != "DIFFERENT" ]
