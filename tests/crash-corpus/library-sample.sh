#!/usr/bin/env bash
# The suite's sample of the library corpus (make_library_corpus.py): libstdc++ 12 instantiated in
# C++20, gMock/gtest, nlohmann/json in C++20, Qt 5 classes with their moc output, and old-style
# connects on every signal of Qt's QObject classes, generated from the headers installed on this
# machine and run through both front ends by run.sh. Nothing is vendored; a part that cannot be
# generated here fails the test instead of shrinking it.
#
#   tests/crash-corpus/library-sample.sh BUILD_DIR OUT_DIR
set -euo pipefail
[ $# -eq 2 ] || { sed -n "2,8p" "$0"; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
build=$1 out=$2
wanted=(std_use_cxx20.cpp gmock_gtest.cpp nlohmann_json_cxx20.cpp qt_moc_classes.cpp qt_connects.cpp)
rm -rf "$out"
mkdir -p "$out"
only="^($(IFS='|'; echo "${wanted[*]//./\\.}"))\$"
NO_BOOST=1 ONLY=$only python3 "$here/make_library_corpus.py" "$out/inputs"
made=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$out/inputs/compile_commands.json")
if [ "$made" -ne "${#wanted[@]}" ]; then
  echo "generated $made of ${#wanted[@]} translation units (${wanted[*]}): see the lines above" >&2
  exit 1
fi
exec "$here/run.sh" -d -b "$build" -o "$out/logs" "$out/inputs"
