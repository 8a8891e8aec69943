#!/usr/bin/env bash
# Set up, build, and run every test (unit, CLI, fixtures through the CLI and clang-tidy-19).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
cd build
ctest --output-on-failure -j "$(nproc)"
