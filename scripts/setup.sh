#!/usr/bin/env bash
# Installs what contractcheck needs on Debian 12 (as root, or with sudo) and builds it in build/:
# the tool and the clang-tidy module, what the example run and an install need.
#   scripts/setup.sh --tests              also what the test suite needs, and builds the tests
#   scripts/setup.sh --install [PREFIX]   also installs contractcheck into PREFIX (/usr/local)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/setup.sh [--tests] [--install [PREFIX]]" >&2; exit 2; }
tests=0
install_prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tests) tests=1; shift ;;
    --install)
      install_prefix=/usr/local
      shift
      if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then install_prefix="$1"; shift; fi ;;
    *) usage ;;
  esac
done

packages=(cmake ninja-build g++ ccache git python3
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19 libclang-rt-19-dev
  libyaml-cpp-dev nlohmann-json3-dev)
# The suite's own: GoogleTest, the real pre-commit, Neovim and clangd-19 beside it, Qt 5 (and
# pkg-config, which finds it) for the Qt fixtures and the library crash corpus,
# dpkg-buildflags for Debian's flags, lintian for the .deb, chromium with its driver
# and selenium for the HTML report's browser test (npm, for the SARIF Multitool, below).
# Debian's Bazel and the rules it packages, nginx-light for an HTTP remote cache: the Bazel
# aspect's test (tests/bazel/bazel_test.py).
test_packages=(libgtest-dev libgmock-dev python3-jsonschema pre-commit neovim clangd-19 qtbase5-dev pkg-config dpkg-dev
  lintian chromium chromium-driver python3-selenium
  bazel-bootstrap bazel-rules-cc bazel-rules-java bazel-skylib bazel-platforms nginx-light)
[ "$tests" -eq 0 ] || packages+=("${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Microsoft's SARIF Multitool, the validator GitHub's code-scanning rules come from, for the SARIF
# test: from npm into build/tools, nothing committed. npm no longer runs its install script, which
# only marks the binary executable.
multitool=build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ "$tests" -eq 1 ] && [ ! -x "$multitool" ]; then
  if ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  mkdir -p build/tools
  npm install --prefix build/tools --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0 >/dev/null
  chmod u+x "$multitool"
fi

if [ "$tests" -eq 1 ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" -DBUILD_TESTING=ON >/dev/null
  cmake --build build
else
  # The test suite is most of the build (its targets outnumber the tool's); the test command
  # builds it.
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" -DBUILD_TESTING=OFF >/dev/null
  cmake --build build --target contractcheck ContractCheckTidyModule
fi
if [ -n "$install_prefix" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || [ -w "$install_prefix" ] || sudo="sudo"
  $sudo cmake --install build --prefix "$install_prefix" >/dev/null
  echo "setup: installed contractcheck into $install_prefix ($install_prefix/bin/contractcheck)"
fi
