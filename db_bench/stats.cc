// Copyright (c) the rocksdb-cleanroom authors.

#include "stats.h"

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

const char* const kOpTypeNames[kNumOpTypes] = {"read", "write", "delete",
                                               "seek", "merge", "update"};

// The next progress milestone after `done`.
int64_t NextReport(int64_t next) {
  if (next < 1000) return next + 100;
  if (next < 5000) return next + 500;
  if (next < 10000) return next + 1000;
  if (next < 50000) return next + 5000;
  if (next < 100000) return next + 10000;
  if (next < 500000) return next + 50000;
  return next + 100000;
}

}  // namespace

uint64_t NowMicros() {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

Stats::Stats(bool histogram, bool progress)
    : histogram_(histogram), progress_(progress) {}

void Stats::Start() {
  start_ = NowMicros();
  finish_ = start_;
  last_op_finish_ = start_;
}

void Stats::Stop() {
  finish_ = NowMicros();
  busy_seconds_ = static_cast<double>(finish_ - start_) * 1e-6;
}

void Stats::FinishedOps(int64_t n, OpType type) {
  if (histogram_) {
    const uint64_t now = NowMicros();
    hist_[static_cast<int>(type)].Add(now - last_op_finish_);
    last_op_finish_ = now;
  }
  done_ += n;
  if (progress_ && done_ >= next_report_) {
    while (next_report_ <= done_) next_report_ = NextReport(next_report_);
    fprintf(stderr, "... finished %" PRId64 " ops%30s\r", done_, "");
    fflush(stderr);
  }
}

void Stats::AddMessage(const std::string& msg) {
  if (!message_.empty()) message_ += " ";
  message_ += msg;
}

void Stats::Merge(const Stats& other) {
  for (int i = 0; i < kNumOpTypes; i++) hist_[i].Merge(other.hist_[i]);
  done_ += other.done_;
  bytes_ += other.bytes_;
  busy_seconds_ += other.busy_seconds_;
  start_ = std::min(start_, other.start_);
  finish_ = std::max(finish_, other.finish_);
  if (message_.empty()) message_ = other.message_;
}

void Stats::Report(const std::string& name) const {
  const int64_t done = std::max<int64_t>(done_, 1);
  double elapsed = static_cast<double>(finish_ - start_) * 1e-6;
  if (elapsed <= 0) elapsed = 1e-6;
  std::string extra;
  if (bytes_ > 0) {
    char rate[40];
    snprintf(rate, sizeof(rate), " %6.1f MB/s",
             static_cast<double>(bytes_) / 1048576.0 / elapsed);
    extra = rate;
  }
  if (!message_.empty()) extra += " " + message_;
  fprintf(stdout,
          "%-12s : %11.3f micros/op %" PRId64 " ops/sec %.3f seconds %" PRId64
          " operations;%s\n",
          name.c_str(), busy_seconds_ * 1e6 / done,
          static_cast<int64_t>(done / elapsed), elapsed, done_, extra.c_str());
  if (histogram_) {
    for (int i = 0; i < kNumOpTypes; i++) {
      if (hist_[i].count() == 0) continue;
      fprintf(stdout, "Microseconds per %s:\n%s\n", kOpTypeNames[i],
              hist_[i].ToString().c_str());
    }
  }
  fflush(stdout);
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
