#!/usr/bin/env bash
# Installs what contractcheck needs on Debian 12 (as root, or with sudo) and builds it in build/.
#   scripts/setup.sh --install [PREFIX]   also installs contractcheck into PREFIX (/usr/local)
set -euo pipefail
cd "$(dirname "$0")/.."

install_prefix=""
case "${1:-}" in
  "") ;;
  --install) install_prefix="${2:-/usr/local}" ;;
  *) echo "usage: scripts/setup.sh [--install [PREFIX]]" >&2; exit 2 ;;
esac

packages=(cmake ninja-build g++ ccache git python3 python3-jsonschema pre-commit
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19 libclang-rt-19-dev
  libyaml-cpp-dev nlohmann-json3-dev libgtest-dev libgmock-dev neovim qtbase5-dev lintian
  bazel-bootstrap bazel-rules-cc bazel-rules-java bazel-skylib bazel-platforms nginx-light)
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
if [ ! -x "$multitool" ]; then
  if ! command -v npm >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  mkdir -p build/tools
  npm install --prefix build/tools --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool@5.7.0 >/dev/null
  chmod u+x "$multitool"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-Release}" >/dev/null
cmake --build build
if [ -n "$install_prefix" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || [ -w "$install_prefix" ] || sudo="sudo"
  $sudo cmake --install build --prefix "$install_prefix" >/dev/null
  echo "setup: installed contractcheck into $install_prefix ($install_prefix/bin/contractcheck)"
fi
