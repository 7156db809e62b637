#!/usr/bin/env bash
# The db_bench comparison (docs/bench.md explains the report):
#  1. installs the Debian packages it needs (tools/install_deps.sh),
#  2. builds db_bench (our engine) and db_bench_rocksdb (the same source
#     against Debian's librocksdb) in Release in build/release,
#  3. runs tools/bench/compare.py: the standard suite, ours / RocksDB /
#     /usr/bin/db_bench interleaved, every step a fresh process on a fresh
#     database, and writes out/bench/<timestamp>/{table.txt,results.csv,
#     ratios.png,logs/}.
#
# Usage: tools/bench.sh [--quick] [--reps N] [--num N] [other compare.py flags]
#        tools/bench.sh --micro [Google Benchmark flags]   (micro-benchmarks)
#   --quick   100k keys, fillsync 1,000 writes, one repetition (minutes)
#   default   1M keys, fillsync 10,000 writes, 3 repetitions
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

micro=0
if [ "${1:-}" = "--micro" ]; then
  micro=1
  shift
fi

tools/install_deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release \
  -DROCKSDB_BUILD_TESTS=OFF -DROCKSDB_BUILD_COMPAT_TESTS=OFF \
  -DROCKSDB_BUILD_DB_BENCH=ON >/dev/null

if [ "$micro" = 1 ]; then
  cmake --build build/release --target micro_bench -j"$jobs"
  exec build/release/db_bench/micro/micro_bench "$@"
fi

cmake --build build/release --target db_bench db_bench_rocksdb -j"$jobs"
out="out/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
exec /usr/bin/python3 tools/bench/compare.py \
  --ours build/release/db_bench/db_bench \
  --rocksdb build/release/db_bench/db_bench_rocksdb \
  --debian /usr/bin/db_bench \
  --out "$out" "$@"
