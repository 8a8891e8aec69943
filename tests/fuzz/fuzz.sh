#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz with clang-19 (-fsanitize=fuzzer,address,undefined)
# and runs each for a given time on a copy of its committed seeds (tests/fuzz/seeds/<seed dir>).
#
#   tests/fuzz/fuzz.sh [-o OUT_DIR] [-t SECONDS] [TARGET...]     (default: every target, 60 s)
#
# The parsers of data files, .proto and Python and the check of contract declarations
# (DataDocumentFuzzer, ProtoEnumFuzzer, PythonEnumFuzzer, ContractDeclarationFuzzer) are compiled
# here from their few sources; the parsers that need the engine
# (ConfigFuzzer, CompilationDatabaseFuzzer, BaselineFuzzer, NolintFuzzer, StoredJsonFuzzer: the
# result store's readers) are built by CMake with
# -DCONTRACTCHECK_FUZZ=ON in OUT_DIR/cmake, which instruments the whole build (slow the first
# time). New inputs that raise coverage stay in OUT_DIR/corpus/<target>; a crash, leak or timeout
# is written to OUT_DIR/findings/<target>/ and makes the script exit 1. Copy a finding into the
# seeds (and a unit test) once it is fixed: the fuzz-replay ctests run the seeds on every test run.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${FUZZ_OUT:-$ROOT/build-fuzz}
SECONDS_PER_TARGET=60
while getopts "o:t:" Opt; do
  case $Opt in
    o) OUT=$OPTARG ;;
    t) SECONDS_PER_TARGET=$OPTARG ;;
    *) echo "usage: $0 [-o OUT_DIR] [-t SECONDS] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

CXX=${FUZZ_CXX:-clang++-19}
command -v "$CXX" >/dev/null || { echo "fuzz.sh: $CXX not found (apt-get install clang-19)" >&2; exit 2; }
LAUNCHER=$(command -v ccache || true)

# target name -> its sources (beside tests/fuzz/<Target>.cpp); include dirs are shared.
declare -A SOURCES=(
  [DataDocumentFuzzer]="framework/DataDocument.cpp framework/InputFile.cpp framework/DataKeyPath.cpp framework/JsonDocumentParser.cpp framework/JsonPointer.cpp framework/YamlDocumentParser.cpp framework/YamlDocuments.cpp"
  [ProtoEnumFuzzer]="rules/schema-sync/ProtoEnumParser.cpp rules/schema-sync/SourceText.cpp"
  [PythonEnumFuzzer]="rules/schema-sync/PythonEnumParser.cpp rules/schema-sync/PythonTokenizer.cpp rules/schema-sync/SourceText.cpp"
  [ContractDeclarationFuzzer]="rules/declared-service/ContractDeclaration.cpp"
)
# Targets whose oracle is Clang's own lexer: compiled against LLVM's headers, linked with its
# (uninstrumented) shared libraries.
LLVM_CONFIG=${LLVM_CONFIG:-llvm-config-19}
declare -A EXTRA_FLAGS=(
  [ContractDeclarationFuzzer]="-I$($LLVM_CONFIG --includedir 2>/dev/null || echo /usr/lib/llvm-19/include)"
)
declare -A EXTRA_LIBS=(
  [ContractDeclarationFuzzer]="-L$($LLVM_CONFIG --libdir 2>/dev/null || echo /usr/lib/llvm-19/lib) -Wl,-rpath,$($LLVM_CONFIG --libdir 2>/dev/null || echo /usr/lib/llvm-19/lib) -lclang-cpp -lLLVM"
)
# Built by CMake (tests/fuzz/CMakeLists.txt), linked with the engine.
ENGINE_TARGETS=(ConfigFuzzer CompilationDatabaseFuzzer BaselineFuzzer NolintFuzzer StoredJsonFuzzer)
declare -A SEEDS=(
  [DataDocumentFuzzer]=data-document
  [ProtoEnumFuzzer]=proto-enum
  [PythonEnumFuzzer]=python-enum
  [ContractDeclarationFuzzer]=contract-declaration
  [ConfigFuzzer]=config
  [CompilationDatabaseFuzzer]=compile-database
  [BaselineFuzzer]=baseline
  [NolintFuzzer]=nolint
  [StoredJsonFuzzer]=stored-json
)
LIBS=(-lyaml-cpp)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=($(printf '%s\n' "${!SEEDS[@]}" | sort))

is_engine_target() {
  local E
  for E in "${ENGINE_TARGETS[@]}"; do [ "$E" = "$1" ] && return 0; done
  return 1
}

mkdir -p "$OUT/bin"
Status=0
for T in "${TARGETS[@]}"; do
  [ -n "${SEEDS[$T]+x}" ] || { echo "fuzz.sh: unknown target $T (known: ${!SEEDS[*]})" >&2; exit 2; }
  Bin=$OUT/bin/$T
  echo "== building $T"
  if is_engine_target "$T"; then
    cmake -S "$ROOT" -B "$OUT/cmake" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER="$CXX" -DCONTRACTCHECK_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$OUT/cmake" --target "$T"
    Bin=$OUT/cmake/tests/fuzz/$T
  else
    Srcs=("$ROOT/tests/fuzz/$T.cpp")
    for S in ${SOURCES[$T]}; do Srcs+=("$ROOT/$S"); done
    # One compile per source so that ccache can reuse what did not change.
    Objs=()
    for S in "${Srcs[@]}"; do
      O=$OUT/obj/$T/$(basename "$S" .cpp).o
      mkdir -p "$(dirname "$O")"
      $LAUNCHER "$CXX" -std=c++20 -g -O1 -fno-omit-frame-pointer \
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
        -I"$ROOT/framework" -I"$ROOT" -I"$ROOT/rules/schema-sync" ${EXTRA_FLAGS[$T]:-} -c "$S" -o "$O"
      Objs+=("$O")
    done
    "$CXX" -fsanitize=fuzzer,address,undefined "${Objs[@]}" "${LIBS[@]}" ${EXTRA_LIBS[$T]:-} -o "$Bin"
  fi

  Corpus=$OUT/corpus/$T
  Findings=$OUT/findings/$T
  mkdir -p "$Corpus" "$Findings"
  cp -n "$ROOT/tests/fuzz/seeds/${SEEDS[$T]}"/* "$Corpus"/ 2>/dev/null || true
  # The fixtures are realistic inputs of the configuration and NOLINT parsers too.
  case $T in
    ConfigFuzzer) find "$ROOT/fixtures" "$ROOT/examples" -name '*.yaml' -exec cp -n {} "$Corpus"/ \; ;;
    NolintFuzzer) find "$ROOT/fixtures" -name '*.cpp' -exec cp -n {} "$Corpus"/ \; ;;
  esac
  echo "== running $T for ${SECONDS_PER_TARGET}s"
  # ASan's leak check would flag LLVM's process-lifetime caches in the engine targets.
  Leaks=1
  is_engine_target "$T" && Leaks=0
  if ! ASAN_OPTIONS=detect_leaks=$Leaks "$Bin" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$Findings/" -print_final_stats=1 "$Corpus" 2>"$OUT/$T.log"; then
    Status=1
    echo "fuzz.sh: $T FOUND A PROBLEM, see $OUT/$T.log and $Findings/" >&2
  fi
  grep -E "^stat::number_of_executed_units|^Done [0-9]+ runs|^#[0-9]+ +DONE" "$OUT/$T.log" || true
done
exit $Status
