# Counted checks for the CLI scripts that keep going after a failure and report a tally
# (info_cli.sh, join_cli.sh). Sourced, not run: tests/CMakeLists.txt leaves it out of the tests.
# The script sets rs (the regionstat binary) first; this makes $tmp (removed on exit), the
# counters and the checks, and cli_summary NAME ends the script with the tally as its status.

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

# run NAME EXPECTED_EXIT ARGS...: runs regionstat, keeps stdout/stderr in $tmp/NAME.{out,err}.
run() {
  local name=$1 expected=$2
  shift 2
  "$rs" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  local code=$?
  if [[ $code -ne $expected ]]; then
    fail "$name: exit $code, expected $expected ($*)"
    sed 's/^/    /' "$tmp/$name.err"
    return 1
  fi
  ok
}

# has NAME out|err TEXT: the output contains TEXT (fixed string).
has() {
  if grep -qF -- "$3" "$tmp/$1.$2"; then ok; else
    fail "$1: std$2 lacks '$3'"
    sed 's/^/    /' "$tmp/$1.$2"
  fi
}

# cli_summary NAME: prints the tally; the status is 0 only when nothing failed.
cli_summary() {
  echo "$1: $passed passed, $failed failed"
  [[ $failed -eq 0 ]]
}
