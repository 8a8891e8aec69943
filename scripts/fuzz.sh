#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-19, ASan+UBSan) in build-fuzz/ and runs each for a given
# time, two at a time, seeding the corpora from the fixtures and tests/fuzz/seeds.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=600] [TARGET...]
# Corpora grow in build-fuzz/corpus/<target>; crashes land in build-fuzz/artifacts/<target>/ and
# each must become a regression test (tests/unit/FuzzRegressionTest.cpp) before it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(ConfigFuzzer CompilationDatabaseFuzzer BaselineFuzzer NolintFuzzer)
jobs="${FUZZ_PARALLEL:-2}"

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCONTRACTCHECK_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz --target "${targets[@]}"

seed() { # seed TARGET FILES...
  local dir="build-fuzz/corpus/$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"; done
  return 0
}
shopt -s globstar nullglob
seed ConfigFuzzer fixtures/**/*.yaml fixtures/**/.contractcheck.yaml examples/**/.contractcheck.yaml \
  tests/fuzz/seeds/config/*
seed CompilationDatabaseFuzzer tests/fuzz/seeds/compile-database/* build/compile_commands.json \
  examples/build/compile_commands.json
seed BaselineFuzzer tests/fuzz/seeds/baseline/*
seed NolintFuzzer fixtures/**/*.cpp fixtures/**/*.h tests/fuzz/seeds/nolint/*

run() { # run TARGET: fuzz for $seconds, then print the figures
  local t="$1" log="build-fuzz/$1.log"
  mkdir -p "build-fuzz/artifacts/$t"
  # ASan's leak check would flag yaml-cpp's and LLVM's process-lifetime caches, not our bugs.
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-fuzz/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t/" \
    "build-fuzz/corpus/$t" >"$log" 2>&1 || true
  local execs crashes corpus
  execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  crashes=$(find "build-fuzz/artifacts/$t" -type f | wc -l)
  corpus=$(find "build-fuzz/corpus/$t" -type f | wc -l)
  echo "$t: ${seconds}s, ${execs} executions, corpus ${corpus} files, ${crashes} crash artifacts (log: $log)"
}

running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait
found=$(find build-fuzz/artifacts -type f | wc -l)
((found == 0)) || { echo "fuzz: $found crash artifacts under build-fuzz/artifacts"; exit 1; }
