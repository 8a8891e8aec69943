#!/usr/bin/env bash
# contractcheck lints itself: clang-tidy-19 with .clang-tidy and our own rules loaded as a plugin,
# over the project's sources (after scripts/setup.sh has built build/).
set -euo pipefail
cd "$(dirname "$0")/.."
run-clang-tidy-19 -p build -quiet -load "$PWD/build/tool/libcontractcheck-tidy.so" \
  -j "$(nproc)" "$PWD/(framework|engine|rules|tool|tests)/"
