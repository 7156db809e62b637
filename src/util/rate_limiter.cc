// Copyright (c) the rocksdb-cleanroom authors.
//
// RateLimiter::RequestToken and the token-bucket GenericRateLimiter behind
// NewGenericRateLimiter().
//
// Tokens (bytes) are added once per refill period, refill_bytes_ at a time,
// and never pile up beyond one refill. A request that cannot be served at
// once joins the FIFO queue of its priority. One waiting thread at a time is
// the "leader": it sleeps until the next refill time, adds the tokens and
// hands them out, queue by queue, to the requests at the head (IO_USER
// first, then IO_HIGH, IO_MID, IO_LOW; with probability 1/fairness the last
// three are served lowest first so that low priorities never starve). A
// request larger than the tokens at hand takes what there is and stays at
// the head until the rest arrives. The leader then passes leadership to a
// thread still waiting.
//
// A period is "drained" (NUMBER_RATE_LIMITER_DRAINS, once per period) when
// some request could not be served from its tokens.
//
// With auto_tuned, every kTuneWindow periods the rate moves by 5% towards
// demand (up when most periods were drained, down when few were),
// staying within [max_rate / 20, max_rate]; it starts at max_rate / 2.

#include "rocksdb/rate_limiter.h"

#include <algorithm>
#include <chrono>
#include <deque>

#include "port/mutex.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {

size_t RateLimiter::RequestToken(size_t bytes, size_t alignment,
                                 Env::IOPriority io_priority, Statistics* stats,
                                 RateLimiter::OpType op_type) {
  if (!IsRateLimited(op_type)) return bytes;
  bytes = std::min(bytes, static_cast<size_t>(GetSingleBurstBytes()));
  if (alignment > 0) {
    // Whole aligned units only, but never less than one unit.
    bytes = std::max(alignment, bytes - bytes % alignment);
  }
  Request(static_cast<int64_t>(bytes), io_priority, stats, op_type);
  return bytes;
}

namespace {

constexpr int kNumPriorities = Env::IO_TOTAL;
constexpr int64_t kTuneWindow = 100;  // refills between auto-tune steps

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class GenericRateLimiter : public RateLimiter {
 public:
  GenericRateLimiter(int64_t rate_bytes_per_sec, int64_t refill_period_us,
                     int32_t fairness, Mode mode, bool auto_tuned)
      : RateLimiter(mode),
        refill_period_us_(std::max<int64_t>(refill_period_us, 1)),
        fairness_(std::max<int32_t>(fairness, 1)),
        auto_tuned_(auto_tuned),
        rnd_(0x5eed),
        next_refill_us_(NowMicros()) {
    max_rate_ = std::max<int64_t>(rate_bytes_per_sec, 1);
    SetRateLocked(auto_tuned_ ? std::max<int64_t>(max_rate_ / 2, 1)
                              : max_rate_);
  }

  ~GenericRateLimiter() override {
    port::MutexLock l(&mu_);
    stop_ = true;
    for (auto& queue : queues_) {
      for (Waiter* w : queue) w->cv.Signal();
    }
    while (num_waiting_ > 0) WaitLocked(&exit_cv_);
  }

  void SetBytesPerSecond(int64_t bytes_per_second) override {
    if (bytes_per_second <= 0) return;
    port::MutexLock l(&mu_);
    if (auto_tuned_) max_rate_ = bytes_per_second;
    SetRateLocked(bytes_per_second);
  }

  using RateLimiter::Request;
  void Request(const int64_t bytes, const Env::IOPriority pri,
               Statistics* stats) override;

  int64_t GetSingleBurstBytes() const override {
    port::MutexLock l(&mu_);
    return burst_bytes_;
  }

  int64_t GetTotalBytesThrough(
      const Env::IOPriority pri = Env::IO_TOTAL) const override {
    port::MutexLock l(&mu_);
    return SumOrOne(total_bytes_through_, pri);
  }

  int64_t GetTotalRequests(
      const Env::IOPriority pri = Env::IO_TOTAL) const override {
    port::MutexLock l(&mu_);
    return SumOrOne(total_requests_, pri);
  }

  Status GetTotalPendingRequests(
      int64_t* total_pending_requests,
      const Env::IOPriority pri = Env::IO_TOTAL) const override {
    if (total_pending_requests == nullptr) {
      return Status::InvalidArgument("total_pending_requests is null");
    }
    port::MutexLock l(&mu_);
    int64_t n = 0;
    for (int p = 0; p < kNumPriorities; p++) {
      if (pri == Env::IO_TOTAL || pri == p) {
        n += static_cast<int64_t>(queues_[p].size());
      }
    }
    *total_pending_requests = n;
    return Status::OK();
  }

  int64_t GetBytesPerSecond() const override {
    port::MutexLock l(&mu_);
    return rate_;
  }

 private:
  struct Waiter {
    Waiter(int64_t b, port::Mutex* mu) : bytes(b), remaining(b), cv(mu) {}
    const int64_t bytes;
    int64_t remaining;
    bool granted = false;
    port::CondVar cv;
  };

  static int64_t SumOrOne(const int64_t (&counts)[kNumPriorities],
                          Env::IOPriority pri) {
    if (pri >= 0 && pri < kNumPriorities) return counts[pri];
    int64_t total = 0;
    for (int64_t c : counts) total += c;
    return total;
  }

  void SetRateLocked(int64_t rate) REQUIRES(mu_) {
    rate_ = rate;
    // What one refill adds: the largest single grant. It can round to 0
    // for tiny rates; the bucket then still gets one byte per refill.
    burst_bytes_ = rate_ * refill_period_us_ / 1000000;
    refill_bytes_ = std::max<int64_t>(burst_bytes_, 1);
  }

  // port::CondVar's own REQUIRES names its private mutex pointer, which
  // clang cannot match with mu_; these wrappers state the real contract.
  // REQUIRES: cv is bound to mu_.
  void WaitLocked(port::CondVar* cv) REQUIRES(mu_) NO_THREAD_SAFETY_ANALYSIS {
    cv->Wait();
  }
  void TimedWaitLocked(port::CondVar* cv, int64_t micros)
      REQUIRES(mu_) NO_THREAD_SAFETY_ANALYSIS {
    cv->TimedWait(std::chrono::microseconds(micros));
  }

  bool AnyWaiting() const REQUIRES(mu_) {
    for (const auto& queue : queues_) {
      if (!queue.empty()) return true;
    }
    return false;
  }

  // Begins a refill period: adds tokens and closes the previous period's
  // bookkeeping.
  void StartPeriod(int64_t now) REQUIRES(mu_);
  // Notes (once per period) that the period ran out of tokens.
  void MarkDrained(Statistics* stats) REQUIRES(mu_);
  void RefillAndGrant(int64_t now, Statistics* stats) REQUIRES(mu_);
  // Serves the head requests of queue `pri` from available_.
  void GrantFrom(int pri) REQUIRES(mu_);
  // Completes the head request of queue `pri` and wakes its thread.
  void Grant(int pri) REQUIRES(mu_);
  void AutoTune() REQUIRES(mu_);
  void WakeNextLeader() REQUIRES(mu_);

  // Constant after construction.
  const int64_t refill_period_us_;
  const int32_t fairness_;
  const bool auto_tuned_;

  mutable port::Mutex mu_;
  port::CondVar exit_cv_{&mu_};
  Random rnd_ GUARDED_BY(mu_);
  int64_t max_rate_ GUARDED_BY(mu_) = 0;
  int64_t rate_ GUARDED_BY(mu_) = 0;
  int64_t burst_bytes_ GUARDED_BY(mu_) = 0;
  int64_t refill_bytes_ GUARDED_BY(mu_) = 1;
  int64_t available_ GUARDED_BY(mu_) = 0;
  int64_t next_refill_us_ GUARDED_BY(mu_);
  bool leader_exists_ GUARDED_BY(mu_) = false;
  bool stop_ GUARDED_BY(mu_) = false;
  int num_waiting_ GUARDED_BY(mu_) = 0;
  std::deque<Waiter*> queues_[kNumPriorities] GUARDED_BY(mu_);
  int64_t total_bytes_through_[kNumPriorities] GUARDED_BY(mu_) = {};
  int64_t total_requests_[kNumPriorities] GUARDED_BY(mu_) = {};
  bool drained_this_period_ GUARDED_BY(mu_) = false;
  // Auto-tuning: refill periods in the current window, and the drained ones.
  int64_t window_refills_ GUARDED_BY(mu_) = 0;
  int64_t window_drains_ GUARDED_BY(mu_) = 0;
};

void GenericRateLimiter::Request(const int64_t bytes_in,
                                 const Env::IOPriority pri_in,
                                 Statistics* stats) {
  // IO_TOTAL (or garbage) is not a real priority; charge it as IO_LOW.
  const int pri =
      (pri_in >= 0 && pri_in < kNumPriorities) ? pri_in : Env::IO_LOW;
  const int64_t bytes = std::max<int64_t>(bytes_in, 0);
  port::MutexLock l(&mu_);
  if (stop_) return;
  total_requests_[pri]++;

  if (!AnyWaiting()) {
    const int64_t now = NowMicros();
    if (now >= next_refill_us_) StartPeriod(now);
    if (available_ >= bytes) {
      available_ -= bytes;
      total_bytes_through_[pri] += bytes;
      return;
    }
  }

  // The bucket cannot serve this request now.
  MarkDrained(stats);
  Waiter w(bytes, &mu_);
  queues_[pri].push_back(&w);
  num_waiting_++;
  while (!w.granted && !stop_) {
    if (leader_exists_) {
      WaitLocked(&w.cv);
      continue;
    }
    leader_exists_ = true;
    int64_t now = NowMicros();
    if (now < next_refill_us_) {
      TimedWaitLocked(&w.cv, next_refill_us_ - now);
      now = NowMicros();
    }
    if (now >= next_refill_us_ && !stop_) RefillAndGrant(now, stats);
    leader_exists_ = false;
    if (w.granted) WakeNextLeader();
  }
  if (!w.granted) {
    // Woken by the destructor: leave the queue without the tokens.
    auto& queue = queues_[pri];
    queue.erase(std::find(queue.begin(), queue.end(), &w));
  }
  num_waiting_--;
  if (stop_ && num_waiting_ == 0) exit_cv_.SignalAll();
}

void GenericRateLimiter::StartPeriod(int64_t now) {
  next_refill_us_ = now + refill_period_us_;
  available_ = std::min(available_ + refill_bytes_, refill_bytes_);
  if (auto_tuned_) {
    window_refills_++;
    if (drained_this_period_) window_drains_++;
    if (window_refills_ >= kTuneWindow) AutoTune();
  }
  drained_this_period_ = false;
}

void GenericRateLimiter::MarkDrained(Statistics* stats) {
  if (drained_this_period_) return;
  drained_this_period_ = true;
  if (stats != nullptr) stats->recordTick(NUMBER_RATE_LIMITER_DRAINS, 1);
}

void GenericRateLimiter::RefillAndGrant(int64_t now, Statistics* stats) {
  StartPeriod(now);

  GrantFrom(Env::IO_USER);
  if (rnd_.OneIn(fairness_)) {
    GrantFrom(Env::IO_LOW);
    GrantFrom(Env::IO_MID);
    GrantFrom(Env::IO_HIGH);
  } else {
    GrantFrom(Env::IO_HIGH);
    GrantFrom(Env::IO_MID);
    GrantFrom(Env::IO_LOW);
  }
  // Requests still waiting: this period's tokens are all spoken for.
  if (AnyWaiting()) MarkDrained(stats);
}

void GenericRateLimiter::GrantFrom(int pri) {
  auto& queue = queues_[pri];
  while (!queue.empty() && available_ > 0) {
    Waiter* w = queue.front();
    if (w->remaining > available_) {
      w->remaining -= available_;
      available_ = 0;
      return;
    }
    available_ -= w->remaining;
    Grant(pri);
  }
  // Zero-byte requests queued behind others are free once they reach the
  // head.
  while (!queue.empty() && queue.front()->remaining == 0) Grant(pri);
}

void GenericRateLimiter::Grant(int pri) {
  Waiter* w = queues_[pri].front();
  queues_[pri].pop_front();
  w->remaining = 0;
  w->granted = true;
  total_bytes_through_[pri] += w->bytes;
  w->cv.Signal();
}

void GenericRateLimiter::AutoTune() {
  const int64_t drained_pct = window_drains_ * 100 / window_refills_;
  window_refills_ = 0;
  window_drains_ = 0;
  int64_t rate = rate_;
  if (drained_pct > 90) {
    rate = rate + std::max<int64_t>(rate / 20, 1);
  } else if (drained_pct < 50) {
    rate = rate - std::max<int64_t>(rate / 20, 1);
  }
  const int64_t floor = std::max<int64_t>(max_rate_ / 20, 1);
  SetRateLocked(std::min(std::max(rate, floor), max_rate_));
}

void GenericRateLimiter::WakeNextLeader() {
  for (int pri = kNumPriorities - 1; pri >= 0; pri--) {
    if (!queues_[pri].empty()) {
      queues_[pri].front()->cv.Signal();
      return;
    }
  }
}

}  // namespace

RateLimiter* NewGenericRateLimiter(int64_t rate_bytes_per_sec,
                                   int64_t refill_period_us, int32_t fairness,
                                   RateLimiter::Mode mode, bool auto_tuned) {
  return new GenericRateLimiter(rate_bytes_per_sec, refill_period_us, fairness,
                                mode, auto_tuned);
}

}  // namespace ROCKSDB_NAMESPACE
