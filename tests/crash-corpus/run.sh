#!/usr/bin/env bash
# Runs every contractcheck rule, through the CLI and through clang-tidy, over a directory of C++
# inputs (e.g. clang's own clang/test/SemaCXX, CXX, SemaTemplate and Parser) and reports crashes:
# a signal, an assertion, a sanitizer report, or a crash the CLI contained. Inputs with errors are
# expected (rules run on ASTs with errors in clang-tidy); only crashes count.
#
#   tests/crash-corpus/run.sh [-b BUILD_DIR] [-o OUT_DIR] [-j JOBS] [-t SECONDS] [-m MEGABYTES] [-x REGEX] [-n|-c] DIR
#
# Each file's compile command comes from its lit `// RUN:` line (make_compdb.py). The rules run
# with config/.contractcheck.yaml (clang-tidy: config/clang-tidy.in), which configures every
# optional part. -n skips clang-tidy, -c the CLI. Every process is limited to -m megabytes of
# address space (default 6000) and each clang-tidy run to -t seconds (default 120): running out
# of either is reported too. -x leaves out the files whose path matches a (Python) regex. Exit 0 when nothing crashed, 1 otherwise; the crashing files
# are listed on stdout and OUT_DIR keeps every log.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$here/../../build
out=
jobs=2
timeout=120
tidy=1
cli_run=1
memory=6000
exclude=
while getopts "b:o:j:t:m:x:nc" opt; do
  case $opt in
    b) build=$OPTARG ;;
    o) out=$OPTARG ;;
    j) jobs=$OPTARG ;;
    t) timeout=$OPTARG ;;
    m) memory=$OPTARG ;;
    x) exclude=$OPTARG ;;
    n) tidy=0 ;;
    c) cli_run=0 ;;
    *) sed -n "2,14p" "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -d "$1" ] || { sed -n "2,14p" "$0"; exit 2; }
input=$(cd "$1" && pwd)
build=$(cd "$build" && pwd)
out=${out:-$(mktemp -d -t crash-corpus.XXXXXX)}
mkdir -p "$out/tidy"
out=$(cd "$out" && pwd)
cli=$build/tool/contractcheck
module=$(find "$build/tool" -maxdepth 2 -name "*tidy*.so" | head -n1)
clang_tidy=${CLANG_TIDY:-clang-tidy-19}
[ -x "$cli" ] && [ -n "$module" ] || { echo "no contractcheck or tidy module under $build" >&2; exit 2; }

[ "$memory" -gt 0 ] && ulimit -v $((memory * 1024))
python3 "$here/make_compdb.py" "$input" "$out" "$exclude" || exit 2
sed "s|@CONFIG_DIR@|$here/config|g" "$here/config/clang-tidy.in" >"$out/.clang-tidy"
mapfile -t files < <(python3 -c 'import json,sys; [print(e["file"]) for e in json.load(open(sys.argv[1]))]' \
                     "$out/compile_commands.json")

# Lines that mean a crash in either front end's output.
crash_marks='Stack dump:|PLEASE submit a bug report|Assertion .* failed|runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|UndefinedBehaviorSanitizer|terminate called|Segmentation fault'
crashed=0

if [ "$cli_run" -eq 1 ]; then
echo "CLI over ${#files[@]} translation units..." >&2
nice "$cli" -p "$out" -j "$jobs" --no-cache --config "$here/config/.contractcheck.yaml" --format json \
  >"$out/cli.json" 2>"$out/cli.stderr"
rc=$?
echo "$rc" >"$out/cli.rc"
python3 - "$out/cli.json" >"$out/cli.summary" <<'PY'
import collections, json, sys
try:
    report = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"no JSON report ({e})"); sys.exit()
summary = report.get("summary", {})
failures = report.get("failures", [])
statuses = collections.Counter(f.get("status", "?") for f in failures)
print(f"translation units: {summary.get('translation_units')}, analysed: {summary.get('analyzed')}, "
      f"failed: {dict(statuses)}, findings: {summary.get('findings')}")
for f in failures:
    if f.get("status") == "crash":
        print("crash:", f.get("file"))
PY
cat "$out/cli.summary" >&2
if [ "$rc" -ge 128 ] || [ "$rc" -eq 134 ] || grep -Eq "$crash_marks" "$out/cli.stderr" ||
   grep -q '^crash:' "$out/cli.summary"; then
  echo "CLI: exit $rc; crashes:"; grep '^crash:' "$out/cli.summary"; grep -E "$crash_marks" "$out/cli.stderr" | head -n 20
  crashed=1
fi
fi

if [ "$tidy" -eq 1 ]; then
  echo "clang-tidy over ${#files[@]} files..." >&2
  export clang_tidy module out timeout crash_marks
  printf '%s\0' "${files[@]}" | nice xargs -0 -P "$jobs" -n 1 bash -c '
    f=$1; log=$out/tidy/$(echo "$f" | md5sum | cut -c1-16).log
    timeout -k 5 "$timeout" "$clang_tidy" -load "$module" --config-file="$out/.clang-tidy" -p "$out" "$f" >"$log" 2>&1
    rc=$?
    if [ $rc -ge 124 ] || grep -Eq "$crash_marks" "$log"; then echo "$rc $f $log"; fi
  ' _ >"$out/tidy.crashes"
  while read -r rc f log; do
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "clang-tidy: timeout ($timeout s): $f"; crashed=1; continue; fi
    echo "clang-tidy: exit $rc: $f ($log)"
    crashed=1
  done <"$out/tidy.crashes"
fi
echo "logs in $out" >&2
exit $crashed
