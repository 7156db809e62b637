// Copyright (c) the rocksdb-cleanroom authors.
//
// RateLimiter: a shared budget of I/O bytes per second that flush and
// compaction (and optionally reads) draw from, and NewGenericRateLimiter(),
// the built-in token-bucket implementation.
#pragma once

#include "rocksdb/env.h"
#include "rocksdb/statistics.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Implementations must be thread-safe and must not throw.
class RateLimiter {
 public:
  enum class OpType {
    kRead,
    kWrite,
  };

  // Which kinds of I/O are charged against the limit.
  enum class Mode {
    kReadsOnly,
    kWritesOnly,
    kAllIo,
  };

  explicit RateLimiter(Mode mode = Mode::kWritesOnly) : mode_(mode) {}

  virtual ~RateLimiter() {}

  // Changes the rate. REQUIRES: bytes_per_second > 0.
  virtual void SetBytesPerSecond(int64_t bytes_per_second) = 0;

  // Deprecated form of Request(); subclasses should override one of the
  // overloads below. Blocks until `bytes` tokens are granted.
  // REQUIRES: 0 <= bytes <= GetSingleBurstBytes().
  virtual void Request(const int64_t /*bytes*/, const Env::IOPriority /*pri*/) {
  }

  // Blocks until `bytes` tokens are granted, and may record statistics.
  // The default ignores `stats` and calls the two-argument form.
  // REQUIRES: 0 <= bytes <= GetSingleBurstBytes().
  virtual void Request(const int64_t bytes, const Env::IOPriority pri,
                       Statistics* /* stats */) {
    Request(bytes, pri);
  }

  // As above, but returns at once when this limiter does not charge
  // operations of `op_type` (see Mode).
  // REQUIRES: 0 <= bytes <= GetSingleBurstBytes().
  virtual void Request(const int64_t bytes, const Env::IOPriority pri,
                       Statistics* stats, OpType op_type) {
    if (IsRateLimited(op_type)) {
      Request(bytes, pri, stats);
    }
  }

  // Grants up to `bytes` tokens (capped at GetSingleBurstBytes() and rounded
  // down to a multiple of `alignment`, but at least `alignment`), blocking
  // as needed; returns the number granted, which may be less than asked.
  virtual size_t RequestToken(size_t bytes, size_t alignment,
                              Env::IOPriority io_priority, Statistics* stats,
                              RateLimiter::OpType op_type);

  // Largest request that can be granted at once.
  virtual int64_t GetSingleBurstBytes() const = 0;

  // Bytes granted so far at priority `pri` (all priorities for IO_TOTAL).
  virtual int64_t GetTotalBytesThrough(
      const Env::IOPriority pri = Env::IO_TOTAL) const = 0;

  // Requests granted so far at priority `pri`.
  virtual int64_t GetTotalRequests(
      const Env::IOPriority pri = Env::IO_TOTAL) const = 0;

  // Requests currently waiting at priority `pri`. Optional: the default
  // returns NotSupported. REQUIRES: total_pending_requests != nullptr.
  virtual Status GetTotalPendingRequests(
      int64_t* total_pending_requests,
      const Env::IOPriority pri = Env::IO_TOTAL) const {
    (void)total_pending_requests;
    (void)pri;
    return Status::NotSupported();
  }

  virtual int64_t GetBytesPerSecond() const = 0;

  // Whether operations of `op_type` are charged under this limiter's Mode.
  virtual bool IsRateLimited(OpType op_type) {
    if ((mode_ == RateLimiter::Mode::kWritesOnly &&
         op_type == RateLimiter::OpType::kRead) ||
        (mode_ == RateLimiter::Mode::kReadsOnly &&
         op_type == RateLimiter::OpType::kWrite)) {
      return false;
    }
    return true;
  }

 protected:
  Mode GetMode() { return mode_; }

 private:
  const Mode mode_;
};

// Returns a new token-bucket rate limiter; the caller owns it and may share
// it between DBs (usually through a shared_ptr in DBOptions::rate_limiter).
//   rate_bytes_per_sec: the budget, in bytes per second.
//   refill_period_us: how often tokens are added; each refill adds
//     rate_bytes_per_sec * refill_period_us / 1e6 bytes, which is also the
//     largest single burst.
//   fairness: a waiting lower-priority request is served ahead of higher
//     priorities with probability 1/fairness, so it cannot starve.
//   mode: which operations are charged.
//   auto_tuned: let the rate float between rate_bytes_per_sec / 20 and
//     rate_bytes_per_sec following recent demand.
extern RateLimiter* NewGenericRateLimiter(
    int64_t rate_bytes_per_sec, int64_t refill_period_us = 100 * 1000,
    int32_t fairness = 10,
    RateLimiter::Mode mode = RateLimiter::Mode::kWritesOnly,
    bool auto_tuned = false);

}  // namespace ROCKSDB_NAMESPACE
