// Copyright (c) the rocksdb-cleanroom authors.
//
// Per-thread benchmark accounting and the result line:
//
//   fillrandom   :       5.717 micros/op 174908 ops/sec 5.717 seconds
//   1000000 operations;   19.3 MB/s          (one line in the output)
//
// micros/op is the threads' summed busy time per operation, ops/sec and
// seconds use the wall time from the first thread's start to the last
// one's finish, MB/s counts key + value bytes moved. Progress goes to stderr
// as "... finished N ops" at RocksDB's schedule (every 100 ops up to 1000,
// then 500, 1000, 5000, 10000, 50000 and 100000).
#pragma once

#include <cstdint>
#include <string>

#include "histogram.h"
#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

// Kinds of operations with a histogram of their own, in print order.
enum class OpType { kRead = 0, kWrite, kDelete, kSeek, kMerge, kUpdate };
constexpr int kNumOpTypes = 6;

// Microseconds on a monotonic clock.
uint64_t NowMicros();

// Not thread-safe: each thread owns one, and they are merged afterwards.
class Stats {
 public:
  // `histogram`: time every operation (costs a clock read per call to
  // FinishedOps); `progress`: print progress lines to stderr.
  Stats(bool histogram, bool progress);

  void Start();
  void Stop();
  // Records `n` operations of kind `type` done since the previous call.
  void FinishedOps(int64_t n, OpType type);
  void AddBytes(int64_t n) { bytes_ += n; }
  // Text printed after the numbers, e.g. "(632 of 1000 found)\n".
  void AddMessage(const std::string& msg);

  // Folds another thread's counts into this one; this thread's message
  // wins when both have one.
  void Merge(const Stats& other);

  int64_t done() const { return done_; }
  // Prints the result line (and histograms) to stdout.
  void Report(const std::string& name) const;

 private:
  bool histogram_;
  bool progress_;
  uint64_t start_ = 0;
  uint64_t finish_ = 0;
  uint64_t last_op_finish_ = 0;
  double busy_seconds_ = 0;
  int64_t done_ = 0;
  int64_t bytes_ = 0;
  int64_t next_report_ = 100;
  std::string message_;
  LatencyHistogram hist_[kNumOpTypes];
};

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
