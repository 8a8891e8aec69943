#!/usr/bin/env bash
# Runs every contractcheck rule, through the CLI and through clang-tidy, over a directory of C++
# inputs (e.g. clang's own clang/test/SemaCXX, CXX, SemaTemplate and Parser) and reports crashes:
# a signal, an assertion, a sanitizer report, or a crash the CLI contained. Inputs with errors are
# expected (rules run on ASTs with errors in clang-tidy); only crashes count.
#
#   tests/crash-corpus/run.sh [-b BUILD_DIR] [-o OUT_DIR] [-j JOBS] [-t SECONDS] [-m MEGABYTES] [-x REGEX] [-s N] [-n|-c] [-d] DIR
#
# Each file's compile command comes from its lit `// RUN:` line (make_compdb.py); with -d, from
# DIR's own compile_commands.json (make_library_corpus.py writes one). The rules run
# with config/.contractcheck.yaml (clang-tidy: config/clang-tidy.in), which configures every
# optional part. -n skips clang-tidy, -c the CLI. Every process is limited to -m megabytes of
# address space (default 6000) and each clang-tidy run to -t seconds (default 120): running out
# of either is reported too. -x leaves out the files whose path matches a (Python) regex; -s N
# keeps every Nth of the rest (a sample: the opt-in ctest crash-corpus-sample). Exit 0 when
# nothing crashed, 1 otherwise; the crashing files are listed on stdout and OUT_DIR keeps every
# log.
#
# A build configured with -DCONTRACTCHECK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++-19 is instrumented
# with ASan and UBSan; given one with -b, the script sees it and runs it checked (see below).
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
own_compdb=0
sample=1
while getopts "b:o:j:t:m:x:s:ncd" opt; do
  case $opt in
    b) build=$OPTARG ;;
    o) out=$OPTARG ;;
    j) jobs=$OPTARG ;;
    t) timeout=$OPTARG ;;
    m) memory=$OPTARG ;;
    x) exclude=$OPTARG ;;
    s) sample=$OPTARG ;;
    n) tidy=0 ;;
    c) cli_run=0 ;;
    d) own_compdb=1 ;;
    *) sed -n "2,17p" "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] && [ -d "$1" ] || { sed -n "2,17p" "$0"; exit 2; }
input=$(cd "$1" && pwd)
build=$(cd "$build" && pwd)
out=${out:-$(mktemp -d -t crash-corpus.XXXXXX)}
mkdir -p "$out/tidy"
out=$(cd "$out" && pwd)
cli=$build/tool/contractcheck
module=$(find "$build/tool" -maxdepth 2 -name "*tidy*.so" | head -n1)
clang_tidy=${CLANG_TIDY:-clang-tidy-19}
[ -x "$cli" ] && [ -n "$module" ] || { echo "no contractcheck or tidy module under $build" >&2; exit 2; }

# An instrumented build (ASan + UBSan): the CLI carries the runtime, the module needs it preloaded
# into the uninstrumented clang-tidy. ASan reserves terabytes of address space for its shadow, so
# -m cannot apply. Leaks are not reported: Clang frees nothing at exit on purpose (-disable-free).
# Manual poisoning is ignored: LLVM's BumpPtrAllocator poisons a new slab in header code that our
# instrumented code inlines (IdentifierTable::get), and the uninstrumented libclang-cpp then hands
# out the rest of that slab without unpoisoning it, a use-after-poison that is not one.
preload=
if nm "$cli" 2>/dev/null | grep ' __asan_init$' >/dev/null; then  # not -q: nm's SIGPIPE fails the pipe
  echo "instrumented build (ASan + UBSan): no memory limit" >&2
  memory=0
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allow_user_poisoning=0:verify_asan_link_order=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
  preload=$(clang-19 -print-file-name=libclang_rt.asan-x86_64.so)
fi
[ "$memory" -gt 0 ] && ulimit -v $((memory * 1024))
if [ "$own_compdb" -eq 1 ]; then
  python3 - "$input/compile_commands.json" "$out/compile_commands.json" "$exclude" <<'PY' || exit 2
import json, re, sys
entries = [e for e in json.load(open(sys.argv[1])) if not (sys.argv[3] and re.search(sys.argv[3], e["file"]))]
json.dump(entries, open(sys.argv[2], "w"), indent=1)
PY
else
  python3 "$here/make_compdb.py" "$input" "$out" "$exclude" || exit 2
fi
if [ "$sample" -gt 1 ]; then
  python3 - "$out/compile_commands.json" "$sample" <<'PY' || exit 2
import json, sys
entries = json.load(open(sys.argv[1]))
json.dump(entries[::int(sys.argv[2])], open(sys.argv[1], "w"), indent=1)
PY
fi
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
  # clang-tidy ignores a module it cannot load, and runs no check: every file would pass.
  if ! env ${preload:+LD_PRELOAD=$preload} "$clang_tidy" -load "$module" --config-file="$out/.clang-tidy" \
       --list-checks 2>&1 | grep 'contract-' >/dev/null; then
    echo "clang-tidy does not load $module:" >&2
    env ${preload:+LD_PRELOAD=$preload} "$clang_tidy" -load "$module" --list-checks 2>&1 | head -n 3 >&2
    exit 2
  fi
  echo "clang-tidy over ${#files[@]} files..." >&2
  export clang_tidy module out timeout crash_marks preload
  printf '%s\0' "${files[@]}" | nice xargs -0 -P "$jobs" -n 1 bash -c '
    f=$1; log=$out/tidy/$(echo "$f" | md5sum | cut -c1-16).log
    timeout -k 5 "$timeout" env ${preload:+LD_PRELOAD=$preload} "$clang_tidy" -load "$module" --config-file="$out/.clang-tidy" -p "$out" "$f" >"$log" 2>&1
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
