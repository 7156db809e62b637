// Copyright (c) the rocksdb-cleanroom authors.
//
// Runs the --benchmarks list against one database, in order:
//
//   destroy the DB (unless --use_existing_db), open it
//   for each name: [destroy + reopen if it is a fill] run it, report it
//   print statistics (with --statistics)
//
// A benchmark the engine cannot run (DB::Open or one of its calls returns
// NotSupported) prints "<name>: NotSupported" and the run goes on; any other
// error prints the status and ends the process with exit code 1.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "options_from_flags.h"
#include "rocksdb/db.h"
#include "rocksdb/rate_limiter.h"
#include "workloads.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

class Benchmark {
 public:
  // REQUIRES: flags parsed and valid (OptionsFromFlags() succeeded).
  explicit Benchmark(BenchOptions options);
  ~Benchmark();

  Benchmark(const Benchmark&) = delete;
  Benchmark& operator=(const Benchmark&) = delete;

  // Returns the process exit code.
  int Run();

 private:
  void PrintHeader() const;
  void Open();
  void Close();
  void DestroyAndReopen();
  // Runs one benchmark name; false ends the run with exit code 1.
  bool RunOne(const std::string& name);
  // Runs `fn` in `threads` threads and prints the result line of the first
  // `reporting` of them, followed by `note`.
  bool RunThreads(const std::string& name, WorkloadFn fn, int threads,
                  int reporting, const std::string& note);
  bool Compact(const std::string& name);
  bool WaitForCompaction(const std::string& name);
  bool PrintStats(const std::string& name);
  // Prints "<name>: NotSupported" for NotSupported and returns true; prints
  // the error and returns false for anything else that is not OK.
  bool Outcome(const std::string& name, const Status& s);
  void SetUpContext();

  BenchOptions bench_options_;
  std::string db_path_;
  DB* db_ = nullptr;
  Status open_status_;
  std::unique_ptr<RateLimiter> write_limiter_;
  WorkloadContext ctx_;
  uint64_t seed_base_ = 0;
  // Threads started so far in this process; each gets seed_base_ + count.
  uint64_t thread_count_ = 0;
};

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
