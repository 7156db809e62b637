// Copyright (c) the rocksdb-cleanroom authors.
//
// NewRangeLockManager(): until range locking lands, a handle that keeps
// its settings and reports an idle lock manager (no locks, no deadlocks,
// zero counters). It has no LockManager to give a TransactionDB, which
// cannot be opened yet anyway.

#include <utility>

#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/utilities/transaction_db.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// RocksDB 7.8.3's default lock memory budget (observed): 64 MiB.
constexpr size_t kDefaultMaxLockMemory = size_t{64} << 20;

class IdleRangeLockManagerHandle : public RangeLockManagerHandle {
 public:
  explicit IdleRangeLockManagerHandle(
      std::shared_ptr<TransactionDBMutexFactory> mutex_factory)
      : mutex_factory_(std::move(mutex_factory)) {}

  LockManager* getLockManager() override { return nullptr; }

  int SetMaxLockMemory(size_t max_lock_memory) override {
    port::MutexLock l(&mu_);
    // No lock is ever held, so any budget fits.
    max_lock_memory_ = max_lock_memory;
    return 0;
  }

  size_t GetMaxLockMemory() override {
    port::MutexLock l(&mu_);
    return max_lock_memory_;
  }

  void SetEscalationBarrierFunc(EscalationBarrierFunc func) override {
    port::MutexLock l(&mu_);
    barrier_func_ = std::move(func);
  }

  RangeLockStatus GetRangeLockStatusData() override {
    return RangeLockStatus();
  }

  Counters GetStatus() override {
    Counters counters;
    counters.escalation_count = 0;
    counters.lock_wait_count = 0;
    counters.current_lock_memory = 0;
    return counters;
  }

  std::vector<RangeDeadlockPath> GetRangeDeadlockInfoBuffer() override {
    return std::vector<RangeDeadlockPath>();
  }

  void SetRangeDeadlockInfoBufferSize(uint32_t target_size) override {
    port::MutexLock l(&mu_);
    deadlock_buffer_size_ = target_size;
  }

 private:
  // Constant after construction.
  const std::shared_ptr<TransactionDBMutexFactory> mutex_factory_;

  port::Mutex mu_;
  size_t max_lock_memory_ GUARDED_BY(mu_) = kDefaultMaxLockMemory;
  EscalationBarrierFunc barrier_func_ GUARDED_BY(mu_);
  uint32_t deadlock_buffer_size_ GUARDED_BY(mu_) = kInitialMaxDeadlocks;
};

}  // namespace

RangeLockManagerHandle* NewRangeLockManager(
    std::shared_ptr<TransactionDBMutexFactory> mutex_factory) {
  return new IdleRangeLockManagerHandle(std::move(mutex_factory));
}

}  // namespace ROCKSDB_NAMESPACE
