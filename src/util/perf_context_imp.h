// Copyright (c) the rocksdb-cleanroom authors.
//
// Engine-side helpers for updating the calling thread's PerfContext:
//   PERF_COUNTER_ADD(metric, n)   adds n when the PerfLevel counts.
//   PERF_TIMER_GUARD(metric)      times the rest of the scope into metric
//                                 (nanoseconds) when the level times.
//   PerfStepTimer                 the timer behind it, usable directly.
#pragma once

#include <chrono>
#include <cstdint>

#include "rocksdb/perf_context.h"
#include "rocksdb/perf_level.h"

namespace ROCKSDB_NAMESPACE {

// Adds the elapsed wall time to *metric. Does nothing unless the thread's
// PerfLevel is at least `min_level` when Start() is called.
// REQUIRES: *metric outlives the timer.
class PerfStepTimer {
 public:
  explicit PerfStepTimer(uint64_t* metric,
                         PerfLevel min_level = kEnableTimeExceptForMutex)
      : metric_(metric), min_level_(min_level) {}
  ~PerfStepTimer() { Stop(); }
  PerfStepTimer(const PerfStepTimer&) = delete;
  PerfStepTimer& operator=(const PerfStepTimer&) = delete;

  void Start() {
    running_ = GetPerfLevel() >= min_level_;
    if (running_) start_ = Now();
  }
  // Adds the time since Start() (or the last Measure()) and keeps running.
  void Measure() {
    if (!running_) return;
    const uint64_t now = Now();
    *metric_ += now - start_;
    start_ = now;
  }
  void Stop() {
    Measure();
    running_ = false;
  }

 private:
  static uint64_t Now() {
    return static_cast<uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count());
  }

  uint64_t* const metric_;
  const PerfLevel min_level_;
  bool running_ = false;
  uint64_t start_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE

#define PERF_COUNTER_ADD(metric, value)                         \
  do {                                                          \
    if (ROCKSDB_NAMESPACE::GetPerfLevel() >=                    \
        ROCKSDB_NAMESPACE::kEnableCount) {                      \
      ROCKSDB_NAMESPACE::get_perf_context()->metric += (value); \
    }                                                           \
  } while (0)

#define PERF_TIMER_GUARD(metric)                             \
  ROCKSDB_NAMESPACE::PerfStepTimer perf_step_timer_##metric( \
      &(ROCKSDB_NAMESPACE::get_perf_context()->metric));     \
  perf_step_timer_##metric.Start()
