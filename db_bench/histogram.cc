// Copyright (c) the rocksdb-cleanroom authors.

#include "histogram.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <limits>

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

const std::vector<uint64_t>& LatencyHistogram::Limits() {
  static const std::vector<uint64_t>* const kLimits = [] {
    auto* limits = new std::vector<uint64_t>{1, 2};
    const double kMax =
        static_cast<double>(std::numeric_limits<uint64_t>::max());
    for (double v = 2.0 * 1.5; v < kMax; v *= 1.5) {
      // Keep two leading decimal digits (three while they read 10x).
      uint64_t x = static_cast<uint64_t>(v);
      uint64_t scale = 1;
      while (x / 10 > 10) {
        x /= 10;
        scale *= 10;
      }
      limits->push_back(x * scale);
    }
    return limits;
  }();
  return *kLimits;
}

LatencyHistogram::LatencyHistogram()
    : min_(Limits().back()), buckets_(Limits().size(), 0) {}

void LatencyHistogram::Add(uint64_t micros) {
  const std::vector<uint64_t>& limits = Limits();
  size_t b =
      std::lower_bound(limits.begin(), limits.end(), micros) - limits.begin();
  if (b == limits.size()) b--;
  buckets_[b]++;
  min_ = std::min(min_, micros);
  max_ = std::max(max_, micros);
  count_++;
  sum_ += micros;
  sum_squares_ += static_cast<double>(micros) * static_cast<double>(micros);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  for (size_t i = 0; i < buckets_.size(); i++) buckets_[i] += other.buckets_[i];
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
  sum_squares_ += other.sum_squares_;
}

double LatencyHistogram::Average() const {
  return count_ == 0 ? 0.0 : static_cast<double>(sum_) / count_;
}

double LatencyHistogram::StandardDeviation() const {
  if (count_ == 0) return 0.0;
  const double n = static_cast<double>(count_);
  const double s = static_cast<double>(sum_);
  const double variance = (sum_squares_ * n - s * s) / (n * n);
  return variance > 0 ? std::sqrt(variance) : 0.0;
}

double LatencyHistogram::Percentile(double p) const {
  if (count_ == 0) return 0.0;
  const std::vector<uint64_t>& limits = Limits();
  const double threshold = static_cast<double>(count_) * p / 100.0;
  uint64_t cumulative = 0;
  for (size_t b = 0; b < buckets_.size(); b++) {
    cumulative += buckets_[b];
    if (static_cast<double>(cumulative) < threshold) continue;
    const double left = b == 0 ? 0.0 : static_cast<double>(limits[b - 1]);
    const double right = static_cast<double>(limits[b]);
    const double before = static_cast<double>(cumulative - buckets_[b]);
    const double fraction =
        buckets_[b] == 0 ? 0.0 : (threshold - before) / buckets_[b];
    double r = left + (right - left) * fraction;
    r = std::max(r, static_cast<double>(min_));
    return std::min(r, static_cast<double>(max_));
  }
  return static_cast<double>(max_);
}

std::string LatencyHistogram::ToString() const {
  char line[200];
  std::string out;
  snprintf(line, sizeof(line),
           "Count: %" PRIu64 " Average: %.4f  StdDev: %.2f\n", count_,
           Average(), StandardDeviation());
  out += line;
  snprintf(line, sizeof(line),
           "Min: %" PRIu64 "  Median: %.4f  Max: %" PRIu64 "\n",
           count_ == 0 ? 0 : min_, Percentile(50), max_);
  out += line;
  snprintf(line, sizeof(line),
           "Percentiles: P50: %.2f P75: %.2f P99: %.2f P99.9: %.2f P99.99: "
           "%.2f\n",
           Percentile(50), Percentile(75), Percentile(99), Percentile(99.9),
           Percentile(99.99));
  out += line;
  out += std::string(54, '-') + "\n";
  const std::vector<uint64_t>& limits = Limits();
  uint64_t cumulative = 0;
  for (size_t b = 0; b < buckets_.size(); b++) {
    if (buckets_[b] == 0) continue;
    cumulative += buckets_[b];
    const double share = 100.0 * buckets_[b] / count_;
    snprintf(line, sizeof(line),
             "%c %7" PRIu64 ", %7" PRIu64 " ] %8" PRIu64 " %7.3f%% %7.3f%% ",
             b == 0 ? '[' : '(', b == 0 ? 0 : limits[b - 1], limits[b],
             buckets_[b], share, 100.0 * cumulative / count_);
    out += line;
    // A '#' for every 5% of the samples, rounded to nearest.
    out.append(static_cast<size_t>(share / 5.0 + 0.5), '#');
    out += "\n";
  }
  return out;
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
