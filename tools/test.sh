#!/usr/bin/env bash
# The default test run (the README's test command; .ci/run calls it):
#  1. installs the Debian packages it needs,
#  2. builds everything with g++ in Debug with ASan + UBSan and runs ctest
#     (unit tests, differential tests against Debian's RocksDB, header and
#     layering checks, the install test),
#  3. compiles the engine with clang-14 -Wthread-safety -Werror.
# Budget: under 40 minutes on a 2-core machine, build included.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
tools/install_deps.sh

cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug \
  -DROCKSDB_SANITIZE=address,undefined
cmake --build build/asan -j"$jobs"
ctest --test-dir build/asan -j"$jobs" --output-on-failure --timeout 1200

cmake -S . -B build/tsa -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DROCKSDB_THREAD_SAFETY=ON -DROCKSDB_BUILD_TESTS=OFF \
  -DROCKSDB_BUILD_COMPAT_TESTS=OFF -DROCKSDB_BUILD_DB_BENCH=OFF \
  -DROCKSDB_BUILD_SHARED=OFF
cmake --build build/tsa --target rocksdb -j"$jobs"
echo "all tests passed"
