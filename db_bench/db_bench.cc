// Copyright (c) the rocksdb-cleanroom authors.
//
// db_bench: RocksDB's benchmark tool, rewritten against the public API
// only. The same source is built twice (db_bench/CMakeLists.txt): db_bench
// links our engine, db_bench_rocksdb links Debian's librocksdb, so that
// tools/bench.sh can report every figure as a ratio measured in one run.
// Flags, output lines, keys and values follow RocksDB 7.8's db_bench as
// observed from outside; docs/bench.md describes what was checked.

#include <cstdio>
#include <utility>

#include "benchmark.h"
#include "flags.h"
#include "options_from_flags.h"

int main(int argc, char** argv) {
  gflags::SetUsageMessage(std::string("\nUSAGE:\n") + argv[0] +
                          " [OPTIONS]...");
  // Unknown flags are an error naming the flag (gflags' default).
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  ROCKSDB_NAMESPACE::db_bench::BenchOptions options;
  ROCKSDB_NAMESPACE::Status s =
      ROCKSDB_NAMESPACE::db_bench::OptionsFromFlags(&options);
  if (!s.ok()) {
    fprintf(stderr, "%s\n", s.getState() != nullptr ? s.getState() : "error");
    return 1;
  }
  ROCKSDB_NAMESPACE::db_bench::Benchmark benchmark(std::move(options));
  return benchmark.Run();
}
