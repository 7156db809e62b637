#!/usr/bin/env bash
# Installs the Debian packages the project needs. Idempotent: does nothing
# (and needs no network) when everything is already installed.
set -euo pipefail
packages=(
  build-essential cmake pkg-config binutils
  clang clang-14 libclang-rt-14-dev          # thread-safety analysis, libFuzzer
  libgtest-dev libgmock-dev googletest libbenchmark-dev libgflags-dev
  libsnappy-dev liblz4-dev libzstd-dev zlib1g-dev libbz2-dev libxxhash-dev
  librocksdb-dev rocksdb-tools              # the oracle and benchmark baseline
  gnuplot-nox                               # the db_bench ratio chart
)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
