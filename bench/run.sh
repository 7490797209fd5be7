#!/usr/bin/env bash
# The RegionStat benchmark: whole commands as users run them, and their steps, against R spdep
# run in the same invocation, printed as one table: phase | size | RegionStat | peer | ratio.
#
#   bash bench/run.sh                                  # communes and the 100,000-cell lattice
#   SIZES="communes 100k 1m" bash bench/run.sh         # and one million cells (no peer there)
#   SIZES=10m bash bench/run.sh                        # ten million cells (RegionStat only)
#
# Environment: BUILD (build dir with regionstat and bench/regionstat_bench_hex_lattice; default
# build), THREADS (2: RegionStat --threads and spdep's set.coresOption), NSIM (999 permutations),
# SIZES (communes 100k 1m 10m; default "communes 100k"), SPDEP_1M=1 (also run spdep at 1M: tens
# of minutes), WORK (/tmp/regionstat_bench: inputs are made there once and reused), COMMUNES
# (../shared/data/communes_fr_2018.geojson.gz).
#
# Data. communes: the 35,357 French communes converted once to a GeoPackage in Lambert-93
# (EPSG:2154) with their area in km^2 as the analysed field (area_km2). 100k, 1m, 10m: hexagon
# lattices of 250 x 400, 1000 x 1000 and 2500 x 4000 cells of 1 km^2 written by
# bench/make_hex_lattice.cpp (shared vertices bit-identical), field `value` (a smooth surface plus
# noise, so there are clusters).
#
# What is compared (see bench/README.md). RegionStat times are wall clock of the process
# (`/usr/bin/time`, which also gives the peak memory), or a step of it from the "seconds" of its
# --json summary. spdep (bench/spdep_bench.R) times each step alone: st_read, poly2nb,
# write.nb.gal, localmoran_perm(nsim = NSIM) and localG on the weights RegionStat wrote (the
# GAL file: identical weights on both sides; poly2nb's links are checked identical to them),
# st_write of the LISA layer to a GeoPackage. The peer cell of a "whole command" row adds up the
# steps a script runs for the same job; R's start-up and package loading are left out (in the
# peer's favour). ratio = peer / RegionStat.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
BUILD="${BUILD:-build}"
RS="${RS:-$BUILD/regionstat}"
GEN="${GEN:-$BUILD/bench/regionstat_bench_hex_lattice}"
THREADS="${THREADS:-2}"
NSIM="${NSIM:-999}"
SIZES="${SIZES:-communes 100k}"
WORK="${WORK:-/tmp/regionstat_bench}"
COMMUNES="${COMMUNES:-$root/../shared/data/communes_fr_2018.geojson.gz}"
mkdir -p "$WORK"
[ -x "$RS" ] || { echo "build RegionStat first: $RS not found (BUILD=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian package 'time')" >&2; exit 2; }

# timed NAME CMD...: runs CMD, stdout in $WORK/NAME.json, stderr in $WORK/NAME.err; sets WALL
# (seconds) and PEAK (MB of maximum resident memory).
timed() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  if ! /usr/bin/time -f "%M" -o "$WORK/$name.mem" "$@" >"$WORK/$name.json" 2>"$WORK/$name.err"; then
    echo "FAILED: $*" >&2
    cat "$WORK/$name.err" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  PEAK=$(awk 'END { printf "%.0f", $1 / 1024 }' "$WORK/$name.mem")
}
# step NAME STEP: seconds of STEP in the "seconds" of $WORK/NAME.json, "-" if it has none.
step() {
  python3 -c 'import json, sys
s = json.load(open(sys.argv[1])).get("seconds", {})
print("%.2f" % s[sys.argv[2]] if sys.argv[2] in s else "-")' "$WORK/$1.json" "$2"
}
# peer KEY...: the sum of those keys of the last spdep run, "-" without one.
peer() {
  [ -s "$WORK/spdep.txt" ] || { echo "-"; return; }
  awk -v keys="$*" 'BEGIN { n = split(keys, k, " "); for (i = 1; i <= n; ++i) want[k[i]] = 1 }
    ($1 in want) { sum += $2; ++found } END { if (found == n) printf "%.2f", sum; else print "-" }' "$WORK/spdep.txt"
}
rows=()
last_phase=""
# row PHASE SIZE REGIONSTAT PEER_SECONDS PEER_STEPS: a table row in seconds, the ratio
# peer / RegionStat when both exist. Without a peer, a phase already in the table is not repeated.
row() {
  local phase=$1 size=$2 ours=$3 theirs=$4 what=$5 ratio="-" peer_cell="-"
  if [[ "$theirs" == "-" && "$last_phase" == "$phase|$size" ]]; then return; fi
  last_phase="$phase|$size"
  if [[ "$ours" != "-" && "$theirs" != "-" ]]; then
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')
    peer_cell="$theirs s ($what)"
  fi
  rows+=("$phase|$size|$ours$([[ "$ours" == "-" ]] || echo " s")|$peer_cell|$ratio")
  echo "  $phase ($size): RegionStat $ours, peer $peer_cell, ratio $ratio" >&2
}
notes=()

# --- inputs --------------------------------------------------------------------------------------
communes_gpkg() {
  local out="$WORK/communes.gpkg"
  if [ ! -f "$out" ]; then
    echo "making $out" >&2
    rm -f "$WORK/communes_l93.gpkg" "$WORK/communes_tmp.gpkg"
    ogr2ogr -f GPKG "$WORK/communes_l93.gpkg" "/vsigzip/$COMMUNES" -t_srs EPSG:2154 -nln communes -nlt PROMOTE_TO_MULTI
    ogr2ogr -f GPKG "$WORK/communes_tmp.gpkg" "$WORK/communes_l93.gpkg" -nln communes -dialect OGRSQL \
      -sql "SELECT *, OGR_GEOM_AREA / 1000000.0 AS area_km2 FROM communes"
    mv "$WORK/communes_tmp.gpkg" "$out"
    rm -f "$WORK/communes_l93.gpkg"
  fi
  echo "$out"
}
lattice_gpkg() {  # lattice_gpkg ROWS COLS
  local out="$WORK/hex_$1x$2.gpkg"
  [ -x "$GEN" ] || { echo "build the lattice generator first: $GEN not found" >&2; exit 2; }
  [ -f "$out" ] || "$GEN" "$1" "$2" "$out" >&2
  echo "$out"
}

# --- one data set --------------------------------------------------------------------------------
# bench_set LABEL LAYER FIELD WITH_PEER
bench_set() {
  local label=$1 layer=$2 field=$3 with_peer=$4
  local out="$WORK/$label"
  echo "== $label: $layer" >&2
  timed "${label}_weights" "$RS" weights "$layer" --method queen -o "$out.gal" --overwrite -q --json
  local w_wall=$WALL w_peak=$PEAK w_build
  w_build=$(step "${label}_weights" weights)
  timed "${label}_lisa" "$RS" lisa "$layer" --field "$field" --permutations "$NSIM" --threads "$THREADS" \
    -o "$out.lisa.gpkg" --overwrite -q --json
  local l_wall=$WALL l_peak=$PEAK l_read l_weights l_stat l_write
  l_read=$(step "${label}_lisa" read)
  l_weights=$(step "${label}_lisa" weights)
  l_stat=$(step "${label}_lisa" statistic)
  l_write=$(step "${label}_lisa" write)
  timed "${label}_hotspot" "$RS" hotspot "$layer" --field "$field" --threads "$THREADS" -o "$out.gi.gpkg" \
    --overwrite -q --json
  local g_wall=$WALL g_peak=$PEAK g_stat
  g_stat=$(step "${label}_hotspot" statistic)
  rm -f "$WORK/spdep.txt"
  if [ "$with_peer" = 1 ]; then
    echo "  spdep ..." >&2
    Rscript bench/spdep_bench.R "$layer" "$field" "$out.gal" "$NSIM" "$THREADS" "$WORK" >"$WORK/spdep.txt" 2>"$WORK/spdep.err" ||
      { cat "$WORK/spdep.err" >&2; exit 1; }
    local same
    same=$(awk '$1 == "links_identical" { print $2 }' "$WORK/spdep.txt")
    notes+=("$label: queen links of RegionStat and poly2nb $([ "$same" = TRUE ] && echo identical || echo DIFFERENT) ($(awk '$1 == "links" { print $2 }' "$WORK/spdep.txt") directed links)")
  fi
  local size
  size=$(python3 -c 'import json, sys; print("{:,}".format(json.load(open(sys.argv[1]))["units"]))' "$WORK/${label}_weights.json")
  size="$label ($size)"
  row "read" "$size" "$l_read" "$(peer read)" "st_read"
  row "weights queen (build)" "$size" "$l_weights" "$(peer poly2nb)" "poly2nb"
  row "weights queen (whole command)" "$size" "$w_wall" "$(peer poly2nb)" "poly2nb"
  row "weights queen (whole command)" "$size" "$w_wall" "$(peer read poly2nb write_gal)" "st_read+poly2nb+write.nb.gal"
  row "statistic lisa $NSIM perm" "$size" "$l_stat" "$(peer localmoran_perm)" "localmoran_perm"
  row "write gpkg+index" "$size" "$l_write" "$(peer write_gpkg)" "st_write"
  row "lisa $NSIM perm (whole command)" "$size" "$l_wall" "$(peer localmoran_perm)" "localmoran_perm"
  row "lisa $NSIM perm (whole command)" "$size" "$l_wall" "$(peer read poly2nb localmoran_perm write_gpkg)" \
    "st_read+poly2nb+localmoran_perm+st_write"
  row "statistic hotspot Gi*" "$size" "$g_stat" "$(peer localG)" "localG"
  row "hotspot Gi* (whole command)" "$size" "$g_wall" "$(peer read poly2nb localG write_gpkg)" "st_read+poly2nb+localG+st_write"
  rows+=("peak memory weights / lisa / hotspot|$size|$w_peak / $l_peak / $g_peak MB|-|-")
  [ "$w_build" = "-" ] || notes+=("$label: weights command steps $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["seconds"])' "$WORK/${label}_weights.json")")
  notes+=("$label: lisa command steps $(python3 -c 'import json, sys; print({k: round(v, 2) for k, v in json.load(open(sys.argv[1]))["seconds"].items()})' "$WORK/${label}_lisa.json")")
}

for size in $SIZES; do
  case "$size" in
    communes) bench_set communes "$(communes_gpkg)" area_km2 1 ;;
    100k) bench_set hex100k "$(lattice_gpkg 250 400)" value 1 ;;
    1m) bench_set hex1m "$(lattice_gpkg 1000 1000)" value "${SPDEP_1M:-0}" ;;
    10m) bench_set hex10m "$(lattice_gpkg 2500 4000)" value 0 ;;
    *) echo "unknown size '$size' (communes, 100k, 1m, 10m)" >&2; exit 2 ;;
  esac
done

{
  echo
  echo "RegionStat $("$RS" --version 2>/dev/null | head -1) vs R spdep $(Rscript -e 'cat(as.character(packageVersion("spdep")))' 2>/dev/null);" \
    "$(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GB, load $(cut -d' ' -f1-3 /proc/loadavg); RegionStat --threads $THREADS," \
    "spdep set.coresOption($THREADS) (localmoran_perm forks $THREADS processes; poly2nb, localG and I/O are single-threaded)"
  # A Markdown table, aligned.
  printf '%s\n' "${rows[@]}" | awk 'BEGIN { print "phase|size|RegionStat|peer|ratio"; print "---|---|---:|---:|---:" } { print }' |
    column -t -s'|' -o ' | ' | sed 's/^/| /; s/$/ |/'
  echo "peer: spdep steps timed alone in one R session (start-up and library loading not counted);" \
    "local statistics on the GAL RegionStat wrote; the peer's st_write is that of the LISA layer." \
    "RegionStat: wall clock of the command (process start to exit) or a step from its --json" \
    "\"seconds\". ratio = peer / RegionStat."
  printf 'note: %s\n' "${notes[@]}"
} | tee "$WORK/table.txt"
