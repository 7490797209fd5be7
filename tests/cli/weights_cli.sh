#!/usr/bin/env bash
# End-to-end tests of `regionstat weights`: distance weights written as GWT/GAL, the --json
# summary, --min-threshold, refusals and exit codes.
# Usage: bash weights_cli.sh <regionstat-binary> <source-dir>
set -u
BIN="$1"
SRC="$2"
SPDATA=/usr/lib/R/site-library/spData
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# json FILE EXPRESSION: evaluates a Python expression on the parsed JSON `j`.
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

expect_eq() {  # what actual expected
  if [ "$2" != "$3" ]; then fail "$1: got '$2', expected '$3'"; fi
}

if [ ! -d "$SPDATA" ]; then echo "SKIP: no spData at $SPDATA"; exit 77; fi
COLUMBUS="$SPDATA/shapes/columbus.shp"
BALTIM="$SPDATA/shapes/baltim.shp"

# 1. kNN (k=6) as GWT and GAL.
"$BIN" weights "$COLUMBUS" --id POLYID --method knn --k 6 -o "$TMP/knn6.gwt" --quiet > "$TMP/out.txt" 2>&1 \
  || fail "knn to GWT exited $?: $(cat "$TMP/out.txt")"
expect_eq "GWT header" "$(head -1 "$TMP/knn6.gwt")" "0 49 columbus POLYID"
expect_eq "GWT links" "$(($(wc -l < "$TMP/knn6.gwt") - 1))" "294"
"$BIN" weights "$COLUMBUS" --id POLYID --method knn --k 6 -o "$TMP/knn6.gal" --quiet > /dev/null 2>&1 \
  || fail "knn to GAL failed"
expect_eq "GAL header" "$(head -1 "$TMP/knn6.gal")" "0 49 columbus POLYID"
expect_eq "GAL unit lines" "$(awk 'NR > 1 && NR % 2 == 0 && $2 != 6' "$TMP/knn6.gal" | wc -l)" "0"

# 2. The --json summary.
"$BIN" weights "$COLUMBUS" --id POLYID --method knn --k 6 --json > "$TMP/knn.json" 2> "$TMP/err.txt" \
  || fail "knn --json failed: $(cat "$TMP/err.txt")"
# units; links; min/mean/max neighbours; islands and their ids; components (one python3 call).
expect_eq "summary" "$(json "$TMP/knn.json" \
  'j["units"], j["links"], j["min_neighbours"], j["mean_neighbours"], j["max_neighbours"], j["islands"], j["island_ids"], j["components"]')" \
  "49 294 6 6.0 6 0 [] 1"

# 3. A band with an island (spdep dnearneigh(0, 20): station 102, 2 components, 6974 links),
#    and --min-threshold (spdep max(unlist(nbdists(knearneigh(k=1)))) = 21.319005605327842).
"$BIN" weights "$BALTIM" --id STATION --method band --distance 20 --min-threshold --json > "$TMP/band.json" 2> "$TMP/err.txt" \
  || fail "band --min-threshold failed: $(cat "$TMP/err.txt")"
expect_eq "band summary" "$(json "$TMP/band.json" \
  'j["islands"], j["island_ids"], j["components"], j["links"], "%.12f" % j["min_threshold_distance"]')" \
  "1 ['102'] 2 6974 21.319005605328"
"$BIN" weights "$BALTIM" --id STATION --method band --distance 21.319005605328 --json > "$TMP/band2.json" 2>/dev/null \
  || fail "band at the threshold failed"
expect_eq "no island at the threshold" "$(json "$TMP/band2.json" 'j["islands"]')" "0"

# 4. Geographic layer: great-circle km between the China provinces' centroids.
CHINA="$SRC/sample_layers/china_provinces.gpkg"
"$BIN" weights "$CHINA" --id adcode --method band --distance 500km --json > "$TMP/cn.json" 2> "$TMP/err.txt" \
  || fail "China band failed: $(cat "$TMP/err.txt")"
expect_eq "China band 500 km links (spdep dnearneigh)" "$(json "$TMP/cn.json" 'j["links"]')" \
  "$(($(wc -l < "$SRC/tests/reference/distance_china_band500.csv") - 1))"
"$BIN" weights "$CHINA" --id adcode --method kernel --kernel gaussian --k 6 -o "$TMP/kernel.gwt" --quiet > /dev/null 2>&1 \
  || fail "kernel to GWT failed"
expect_eq "kernel links (k + diagonal)" "$(($(wc -l < "$TMP/kernel.gwt") - 1))" "$((34 * 7))"

# 5. An existing output is not replaced without --overwrite (exit 1, as for every output), and is left as it was.
before=$(md5sum < "$TMP/knn6.gal")
"$BIN" weights "$COLUMBUS" --id POLYID --method knn --k 4 -o "$TMP/knn6.gal" > /dev/null 2> "$TMP/err.txt"
rc=$?
expect_eq "overwrite refused: exit code" "$rc" "1"
grep -q -- "--overwrite" "$TMP/err.txt" || fail "overwrite message: $(cat "$TMP/err.txt")"
expect_eq "file unchanged" "$(md5sum < "$TMP/knn6.gal")" "$before"
"$BIN" weights "$COLUMBUS" --id POLYID --method knn --k 4 -o "$TMP/knn6.gal" --overwrite --quiet > /dev/null 2>&1 \
  || fail "--overwrite failed"
expect_eq "overwritten" "$(sed -n 2p "$TMP/knn6.gal" | awk '{print $2}')" "4"

# 6. A bad --method is a usage error (exit 2).
"$BIN" weights "$COLUMBUS" --method bogus > /dev/null 2> "$TMP/err.txt"
expect_eq "bad method: exit code" "$?" "2"
grep -q "bogus" "$TMP/err.txt" || fail "bad method message: $(cat "$TMP/err.txt")"

# 7. Contiguity on a point layer is a data error (exit 1) that says why.
"$BIN" weights "$BALTIM" --method queen -o "$TMP/queen.gal" > /dev/null 2> "$TMP/err.txt"
expect_eq "queen on points: exit code" "$?" "1"
grep -q "point" "$TMP/err.txt" || fail "queen on points message: $(cat "$TMP/err.txt")"
[ -e "$TMP/queen.gal" ] && fail "queen on points left an output"

# 8. A distance in km on a layer without CRS is refused (exit 2), naming the layer.
"$BIN" weights "$COLUMBUS" --method band --distance 2km > /dev/null 2> "$TMP/err.txt"
expect_eq "km without CRS: exit code" "$?" "2"
grep -q "columbus.shp" "$TMP/err.txt" || fail "km without CRS message: $(cat "$TMP/err.txt")"

if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
echo "weights_cli: all passed"
