// Copyright (c) the rocksdb-cleanroom authors.
//
// Bucket layout: limits 1 and 2, then each limit grows by a factor of 1.5
// (computed on the unrounded value) and is rounded down to its two leading
// decimal digits (three when they would be "10"), e.g.
//   1 2 3 4 6 10 15 22 34 51 76 110 170 250 380 ... 9200e15 13000e15
// 109 limits in all, the last one below UINT64_MAX.
//
// Percentile(p): walk the buckets until the cumulative count reaches
// count * p / 100, then interpolate linearly inside that bucket between its
// lower and upper limit.

#include "util/histogram.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace ROCKSDB_NAMESPACE {

namespace {

// Keeps the two leading decimal digits of v (three for 100..109).
uint64_t RoundDownToLeadingDigits(uint64_t v) {
  uint64_t scale = 1;
  while (v / 10 > 10) {
    v /= 10;
    scale *= 10;
  }
  return v * scale;
}

uint64_t DoubleBits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof(bits));
  return bits;
}

double BitsDouble(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof(d));
  return d;
}

}  // namespace

HistogramBuckets::HistogramBuckets() {
  limits_.push_back(1);
  limits_.push_back(2);
  const double kMax = static_cast<double>(std::numeric_limits<uint64_t>::max());
  double v = 2.0;
  while (true) {
    v *= 1.5;
    if (v >= kMax) break;
    limits_.push_back(RoundDownToLeadingDigits(static_cast<uint64_t>(v)));
  }
}

const HistogramBuckets& HistogramBuckets::Get() {
  static const HistogramBuckets* const kInstance = new HistogramBuckets();
  return *kInstance;
}

size_t HistogramBuckets::IndexOf(uint64_t value) const {
  auto it = std::lower_bound(limits_.begin(), limits_.end(), value);
  if (it == limits_.end()) return limits_.size() - 1;
  return static_cast<size_t>(it - limits_.begin());
}

// ---------------------------------------------------------------- Histogram

Histogram::Histogram() : buckets_(HistogramBuckets::Get().size(), 0) {
  Clear();
}

void Histogram::Clear() {
  min_ = HistogramBuckets::Get().LastLimit();
  max_ = 0;
  count_ = 0;
  sum_ = 0;
  sum_squares_ = 0;
  std::fill(buckets_.begin(), buckets_.end(), 0);
}

void Histogram::Add(uint64_t value) {
  buckets_[HistogramBuckets::Get().IndexOf(value)]++;
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
  count_++;
  sum_ += value;
  sum_squares_ += static_cast<double>(value) * static_cast<double>(value);
}

void Histogram::Merge(const Histogram& other) {
  for (size_t i = 0; i < buckets_.size(); i++) buckets_[i] += other.buckets_[i];
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  count_ += other.count_;
  sum_ += other.sum_;
  sum_squares_ += other.sum_squares_;
}

double Histogram::Percentile(double p) const {
  if (count_ == 0) return 0.0;
  const HistogramBuckets& limits = HistogramBuckets::Get();
  const double threshold = static_cast<double>(count_) * (p / 100.0);
  uint64_t cumulative = 0;
  for (size_t b = 0; b < buckets_.size(); b++) {
    cumulative += buckets_[b];
    if (static_cast<double>(cumulative) < threshold) continue;
    const double left = b == 0 ? 0.0 : static_cast<double>(limits.Limit(b - 1));
    const double right = static_cast<double>(limits.Limit(b));
    const uint64_t before = cumulative - buckets_[b];
    double fraction = 0.0;
    if (buckets_[b] != 0) {
      fraction = (threshold - static_cast<double>(before)) /
                 static_cast<double>(buckets_[b]);
    }
    double r = left + (right - left) * fraction;
    r = std::max(r, static_cast<double>(min_));
    r = std::min(r, static_cast<double>(max_));
    return r;
  }
  return static_cast<double>(max_);
}

double Histogram::Average() const {
  if (count_ == 0) return 0.0;
  return static_cast<double>(sum_) / static_cast<double>(count_);
}

double Histogram::StandardDeviation() const {
  if (count_ == 0) return 0.0;
  const double n = static_cast<double>(count_);
  const double s = static_cast<double>(sum_);
  const double variance = (sum_squares_ * n - s * s) / (n * n);
  return variance > 0 ? std::sqrt(variance) : 0.0;
}

std::string Histogram::ToString() const {
  std::string out;
  char line[256];
  snprintf(line, sizeof(line),
           "Count: %" PRIu64 " Average: %.4f  StdDev: %.2f\n", count_,
           Average(), StandardDeviation());
  out.append(line);
  snprintf(line, sizeof(line),
           "Min: %" PRIu64 "  Median: %.4f  Max: %" PRIu64 "\n",
           count_ == 0 ? 0 : min_, Median(), max_);
  out.append(line);
  snprintf(line, sizeof(line),
           "Percentiles: P50: %.2f P75: %.2f P99: %.2f P99.9: %.2f "
           "P99.99: %.2f\n",
           Percentile(50), Percentile(75), Percentile(99), Percentile(99.9),
           Percentile(99.99));
  out.append(line);
  out.append(54, '-');
  out.push_back('\n');
  if (count_ == 0) return out;

  const HistogramBuckets& limits = HistogramBuckets::Get();
  const double total = static_cast<double>(count_);
  uint64_t cumulative = 0;
  for (size_t b = 0; b < buckets_.size(); b++) {
    if (buckets_[b] == 0) continue;
    cumulative += buckets_[b];
    const double share = static_cast<double>(buckets_[b]) / total;
    snprintf(line, sizeof(line),
             "%c %7" PRIu64 ", %7" PRIu64 " ] %8" PRIu64 " %7.3f%% %7.3f%% ",
             b == 0 ? '[' : '(', b == 0 ? 0 : limits.Limit(b - 1),
             limits.Limit(b), buckets_[b], 100.0 * share,
             100.0 * static_cast<double>(cumulative) / total);
    out.append(line);
    // One '#' per 5% of the samples, rounded.
    out.append(static_cast<size_t>(20.0 * share + 0.5), '#');
    out.push_back('\n');
  }
  return out;
}

void Histogram::Data(HistogramData* data) const {
  data->median = Median();
  data->percentile95 = Percentile(95);
  data->percentile99 = Percentile(99);
  data->average = Average();
  data->standard_deviation = StandardDeviation();
  data->max = static_cast<double>(max_);
  data->count = count_;
  data->sum = sum_;
  data->min = static_cast<double>(min_);
}

// ------------------------------------------------------ ConcurrentHistogram

ConcurrentHistogram::ConcurrentHistogram()
    : buckets_(new std::atomic<uint64_t>[HistogramBuckets::Get().size()]) {
  Clear();
}

void ConcurrentHistogram::Add(uint64_t value) {
  // All updates are relaxed: each field is a standalone counter and readers
  // only need eventually consistent totals.
  buckets_[HistogramBuckets::Get().IndexOf(value)].fetch_add(
      1, std::memory_order_relaxed);
  uint64_t cur = min_.load(std::memory_order_relaxed);
  while (value < cur &&
         !min_.compare_exchange_weak(cur, value, std::memory_order_relaxed)) {
  }
  cur = max_.load(std::memory_order_relaxed);
  while (value > cur &&
         !max_.compare_exchange_weak(cur, value, std::memory_order_relaxed)) {
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
  const double square = static_cast<double>(value) * static_cast<double>(value);
  uint64_t bits = sum_squares_bits_.load(std::memory_order_relaxed);
  while (!sum_squares_bits_.compare_exchange_weak(
      bits, DoubleBits(BitsDouble(bits) + square), std::memory_order_relaxed)) {
  }
}

void ConcurrentHistogram::Clear() {
  min_.store(HistogramBuckets::Get().LastLimit(), std::memory_order_relaxed);
  max_.store(0, std::memory_order_relaxed);
  count_.store(0, std::memory_order_relaxed);
  sum_.store(0, std::memory_order_relaxed);
  sum_squares_bits_.store(DoubleBits(0.0), std::memory_order_relaxed);
  for (size_t i = 0; i < HistogramBuckets::Get().size(); i++) {
    buckets_[i].store(0, std::memory_order_relaxed);
  }
}

void ConcurrentHistogram::MergeInto(Histogram* out) const {
  for (size_t i = 0; i < out->buckets_.size(); i++) {
    out->buckets_[i] += buckets_[i].load(std::memory_order_relaxed);
  }
  out->min_ = std::min(out->min_, min_.load(std::memory_order_relaxed));
  out->max_ = std::max(out->max_, max_.load(std::memory_order_relaxed));
  out->count_ += count_.load(std::memory_order_relaxed);
  out->sum_ += sum_.load(std::memory_order_relaxed);
  out->sum_squares_ +=
      BitsDouble(sum_squares_bits_.load(std::memory_order_relaxed));
}

}  // namespace ROCKSDB_NAMESPACE
