// Copyright (c) the rocksdb-cleanroom authors.
//
// Histograms of uint64_t samples (latencies, sizes) over a fixed set of
// roughly geometric buckets, the layout RocksDB reports.
//
//   HistogramBuckets     the shared, immutable bucket limits.
//   Histogram            a plain value type: add samples, merge, query
//                        percentiles, format. Not thread-safe.
//   ConcurrentHistogram  lock-free Add() for hot paths; Snapshot() copies
//                        it into a Histogram for querying.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/statistics.h"

namespace ROCKSDB_NAMESPACE {

// Bucket i holds samples in (Limit(i - 1), Limit(i)]; bucket 0 holds
// [0, Limit(0)] and the last bucket also holds everything above its limit.
class HistogramBuckets {
 public:
  // The process-wide instance.
  static const HistogramBuckets& Get();

  size_t size() const { return limits_.size(); }
  uint64_t Limit(size_t i) const { return limits_[i]; }
  uint64_t LastLimit() const { return limits_.back(); }
  // Index of the bucket holding `value`.
  size_t IndexOf(uint64_t value) const;

 private:
  HistogramBuckets();
  std::vector<uint64_t> limits_;
};

class Histogram {
 public:
  Histogram();

  void Clear();
  void Add(uint64_t value);
  void Merge(const Histogram& other);

  uint64_t count() const { return count_; }
  uint64_t sum() const { return sum_; }
  // The smallest sample; HistogramBuckets::LastLimit() while empty.
  uint64_t min() const { return min_; }
  // The largest sample; 0 while empty.
  uint64_t max() const { return max_; }
  uint64_t bucket(size_t i) const { return buckets_[i]; }

  // Estimated value below which `p` percent of the samples fall,
  // interpolated inside the bucket and clamped to [min, max]; 0 if empty.
  double Percentile(double p) const;
  double Median() const { return Percentile(50.0); }
  double Average() const;
  double StandardDeviation() const;

  // Multi-line report: summary, percentiles, then one line per non-empty
  // bucket with a bar of '#'.
  std::string ToString() const;
  void Data(HistogramData* data) const;

 private:
  friend class ConcurrentHistogram;

  uint64_t min_;
  uint64_t max_;
  uint64_t count_;
  uint64_t sum_;
  double sum_squares_;
  std::vector<uint64_t> buckets_;
};

// Thread-safe sample sink. Add() is lock-free; the fields are updated
// independently (relaxed), so a Snapshot() taken during concurrent Add()s
// may be off by the in-flight samples, never corrupted.
class ConcurrentHistogram {
 public:
  ConcurrentHistogram();
  ConcurrentHistogram(const ConcurrentHistogram&) = delete;
  ConcurrentHistogram& operator=(const ConcurrentHistogram&) = delete;

  void Add(uint64_t value);
  // Not atomic with respect to concurrent Add()s.
  void Clear();
  // Merges the current contents into *out.
  void MergeInto(Histogram* out) const;

 private:
  std::atomic<uint64_t> min_;
  std::atomic<uint64_t> max_;
  std::atomic<uint64_t> count_;
  std::atomic<uint64_t> sum_;
  // A double kept as its bit pattern so that it can be updated with CAS.
  std::atomic<uint64_t> sum_squares_bits_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;
};

}  // namespace ROCKSDB_NAMESPACE
