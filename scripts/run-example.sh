#!/usr/bin/env bash
# The main job: set up, build, and analyse the bundled example codebase (examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S examples -B build/example -G Ninja >/dev/null
status=0
build/tool/contractcheck -p build/example || status=$?
# 1 means "findings reported", which is what the example is for.
if [ "$status" -eq 1 ]; then
  echo "run-example: contractcheck reported findings (exit code 1), as expected for the example"
  exit 0
fi
exit "$status"
