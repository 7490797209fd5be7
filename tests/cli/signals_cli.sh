#!/usr/bin/env bash
# A run stopped by a signal leaves nothing and exits with the shell's 128 + signal: SIGINT 130,
# SIGTERM 143, SIGHUP 129 (a closed terminal or an ssh session that drops), during the
# permutations of a long LISA; and a GAL/GWT output that exists is refused like any other output
# (exit 1, the same message), unless --overwrite.
# Usage: bash signals_cli.sh <regionstat-binary> <source-dir>
set -u
rs="$1"
SRC="$2"
source "$SRC/tests/cli/cli_support.sh"
CITIES="$SRC/sample_layers/china_cities.gpkg"
same() { if [[ "$2" == "$3" ]]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }

for signal in INT TERM HUP; do
  mkdir -p "$tmp/$signal"
  "$rs" lisa "$CITIES" --field pop --weights knn:k=8 --permutations 9999999 --threads 1 -q \
    -o "$tmp/$signal/lisa.gpkg" > /dev/null 2> "$tmp/$signal.err" &
  pid=$!
  sleep 1.5
  kill -"$signal" $pid
  wait $pid
  code=$?
  case $signal in INT) expected=130 ;; TERM) expected=143 ;; HUP) expected=129 ;; esac
  same "SIG$signal: exit status" "$code" "$expected"
  same "SIG$signal: nothing left in the output folder" "$(ls -A "$tmp/$signal")" ""
  if grep -q "interrupted (SIG$signal)" "$tmp/$signal.err"; then ok; else fail "SIG$signal: $(cat "$tmp/$signal.err")"; fi
done

run gal 0 weights "$CITIES" --weights knn:k=4 -o "$tmp/knn.gal"
run gal_again 1 weights "$CITIES" --weights knn:k=4 -o "$tmp/knn.gal"
has gal_again err "already exists; use --overwrite to replace it"
run lisa_gal 0 lisa "$CITIES" --field pop --weights knn:k=4 --permutations 0 -o "$tmp/lisa.gpkg"
run lisa_again 1 lisa "$CITIES" --field pop --weights knn:k=4 --permutations 0 -o "$tmp/lisa.gpkg"
has lisa_again err "already exists; use --overwrite to replace it"
run gal_overwrite 0 weights "$CITIES" --weights knn:k=5 -o "$tmp/knn.gal" --overwrite

cli_summary signals_cli
