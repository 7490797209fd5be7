#!/bin/bash
# End-to-end: a write that fills the disk fails (exit 1) and leaves no output, also for GeoJSON,
# whose GDAL driver reports no error of its own. Needs root to mount a 12 kB tmpfs (else skipped).
# Usage: full_disk_cli.sh REGIONSTAT SOURCE_DIR
set -u
RS="$1"
SRC="$2"
DISK=$(mktemp -d)
mount -t tmpfs -o size=12k tmpfs "$DISK" 2>/dev/null || { rmdir "$DISK"; echo "SKIP: cannot mount a tmpfs"; exit 77; }
trap 'umount "$DISK"; rmdir "$DISK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

for out in provinces.geojson provinces.gpkg provinces.csv; do
  lco=()
  [ "$out" = provinces.csv ] && lco=(--lco GEOMETRY=AS_WKT)  # the boundaries make it larger than the disk
  "$RS" entropy "$SRC/sample_layers/china_provinces.gpkg" --indicators gdp_2011,secondary_2011 \
      -o "$DISK/$out" "${lco[@]}" -q >/dev/null 2>"$DISK.err"
  status=$?
  [ $status -eq 1 ] || fail "$out on a full disk: exit $status, expected 1"
  grep -q "$DISK/$out" "$DISK.err" || fail "$out: the error does not name the output: $(cat "$DISK.err")"
  [ -z "$(ls -A "$DISK")" ] || fail "$out: left files on the full disk: $(ls -A "$DISK")"
done
rm -f "$DISK.err"
echo "full disk: 3 formats refused, nothing left"
