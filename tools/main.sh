#!/usr/bin/env bash
# The main job (the README's first command). Until the db_bench suite lands
# it builds the library in Release and runs the example program.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
tools/install_deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release \
  -DROCKSDB_BUILD_TESTS=OFF -DROCKSDB_BUILD_COMPAT_TESTS=OFF
cmake --build build/release --target simple_example -j"$jobs"
build/release/examples/simple_example "${1:-/tmp/rocksdb_cleanroom_example}"
