#!/usr/bin/env bash
# The project configures on a machine that has libedit's headers (libedit-dev, common on
# developers' machines): LLVM 19's CMake package then runs find_package(LibEdit), whose
# check_include_file compiles a C file, which fails unless the project enables C.
#
#   tests/scripts/configure-with-libedit.sh SOURCE_DIR WORK_DIR
#
# A histedit.h of its own stands in for the package, so the test needs nothing installed.
set -euo pipefail

src=$1
work=$2
rm -rf "$work"
mkdir -p "$work/include"
trap 'rm -rf "$work"' EXIT
printf '#define LIBEDIT_MAJOR 2\n#define LIBEDIT_MINOR 11\n' >"$work/include/histedit.h"

if ! cmake -S "$src" -B "$work/build" -G Ninja -DBUILD_TESTING=OFF \
     -DLibEdit_INCLUDE_DIRS="$work/include" -DLibEdit_LIBRARIES=edit >"$work/log" 2>&1; then
  cat "$work/log" >&2
  echo "configure-with-libedit: the project does not configure where libedit's headers exist" >&2
  exit 1
fi
grep -q 'Looking for histedit.h' "$work/log" || {
  cat "$work/log" >&2
  echo "configure-with-libedit: LLVM's package did not look for libedit; the test proves nothing" >&2
  exit 1
}
