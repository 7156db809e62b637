// Copyright (c) the rocksdb-cleanroom authors.
//
// Latency histogram printed by --histogram=1, in the text layout RocksDB's
// db_bench prints (buckets 1, 2, then x1.5 rounded down to two leading
// digits: 1 2 3 4 6 10 15 22 34 51 76 110 170 ...). db_bench keeps its own
// copy instead of using the engine's so that the same source builds against
// any RocksDB library (public API only).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

class LatencyHistogram {
 public:
  LatencyHistogram();

  void Add(uint64_t micros);
  void Merge(const LatencyHistogram& other);

  uint64_t count() const { return count_; }
  double Average() const;
  double StandardDeviation() const;
  // Linear interpolation inside the bucket holding the p-th percentile,
  // clamped to [min, max].
  double Percentile(double p) const;

  // Summary lines, a dashed rule, then one line per non-empty bucket.
  std::string ToString() const;

 private:
  static const std::vector<uint64_t>& Limits();

  uint64_t min_;
  uint64_t max_ = 0;
  uint64_t count_ = 0;
  uint64_t sum_ = 0;
  double sum_squares_ = 0;
  std::vector<uint64_t> buckets_;
};

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
