// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBufferManager: a memory budget for memtables shared by one or more
// DBs and column families (DBOptions::write_buffer_manager). Memtables
// report their allocations here; when the budget runs low a DB flushes its
// largest memtable, and, with allow_stall, writers block until memory is
// freed. The memory may also be charged to a block cache so that one cache
// capacity bounds both.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <mutex>
#include <vector>

#include "rocksdb/cache.h"

namespace ROCKSDB_NAMESPACE {

class CacheReservationManager;

// How a DB blocks its writers while the WriteBufferManager stalls, and how
// it is woken up again. Implemented by the DB.
class StallInterface {
 public:
  virtual ~StallInterface() {}

  // Blocks the calling writer until Signal().
  virtual void Block() = 0;

  // Wakes writers blocked in Block().
  virtual void Signal() = 0;
};

// Thread-safe.
class WriteBufferManager final {
 public:
  // _buffer_size: the memtable memory budget in bytes; 0 disables the
  // budget (memory is still tracked when charged to a cache).
  // cache: when not null, memtable memory is charged to it with dummy
  // entries, which count against its capacity.
  // allow_stall: stall writes of every DB sharing this manager once memory
  // use reaches buffer_size, until flushes free memory.
  explicit WriteBufferManager(size_t _buffer_size,
                              std::shared_ptr<Cache> cache = {},
                              bool allow_stall = false);
  WriteBufferManager(const WriteBufferManager&) = delete;
  WriteBufferManager& operator=(const WriteBufferManager&) = delete;

  // Releases the cache charges. Stalled writers must be gone.
  ~WriteBufferManager();

  // True when a budget is set.
  bool enabled() const { return buffer_size() > 0; }

  // True when memory is charged to a block cache.
  bool cost_to_cache() const { return cache_ != nullptr; }

  // Bytes of memtable memory reported, mutable or not yet freed.
  size_t memory_usage() const {
    return memory_used_.load(std::memory_order_relaxed);
  }

  // Bytes held by memtables still accepting writes.
  size_t mutable_memtable_memory_usage() const {
    return memory_active_.load(std::memory_order_relaxed);
  }

  // Bytes currently charged to the cache (a multiple of the dummy entry
  // size); 0 without a cache.
  size_t dummy_entries_in_cache_usage() const;

  // The budget in bytes.
  size_t buffer_size() const {
    return buffer_size_.load(std::memory_order_relaxed);
  }

  // Changes the budget (0 disables it) and wakes stalled writers if the new
  // budget allows.
  void SetBufferSize(size_t new_size);

  // True when a DB should flush a memtable to stay within the budget:
  // mutable memory passed 7/8 of the budget, or all memory reached the
  // budget while at least half of it is still mutable.
  bool ShouldFlush() const;

  // True when writers should stall (allow_stall only): a stall is in
  // progress or memory use reached the budget.
  bool ShouldStall() const;

  // True while writers are stalled.
  bool IsStallActive() const {
    return stall_active_.load(std::memory_order_relaxed);
  }

  // True when memory use reached the budget.
  bool IsStallThresholdExceeded() const {
    return memory_usage() >= buffer_size();
  }

  // A memtable allocated mem bytes.
  void ReserveMem(size_t mem);

  // mem bytes of a memtable stopped being mutable (it became immutable and
  // will be freed by its flush).
  void ScheduleFreeMem(size_t mem);

  // mem bytes were released (a flushed memtable was destroyed).
  void FreeMem(size_t mem);

  // Enqueues wbm_stall and blocks it while the stall lasts. Returns at once
  // when the stall already ended.
  void BeginWriteStall(StallInterface* wbm_stall);

  // Ends the stall and signals every queued writer once memory use is back
  // under the budget (or the budget or stalling is disabled).
  void MaybeEndWriteStall();

  // Removes wbm_stall from the queue (its DB is closing) and signals it.
  void RemoveDBFromQueue(StallInterface* wbm_stall);

 private:
  // Grows or shrinks the cache charge to cover memory_used_.
  void UpdateCacheCharge();

  std::atomic<size_t> buffer_size_;
  std::atomic<size_t> mutable_limit_;
  std::atomic<size_t> memory_used_;
  std::atomic<size_t> memory_active_;

  // Cache charged with dummy entries, one handle per entry held.
  std::shared_ptr<Cache> cache_;
  std::mutex cache_mu_;
  std::vector<Cache::Handle*> dummy_handles_;  // guarded by cache_mu_
  std::atomic<size_t> dummy_usage_;

  // Writers blocked by a stall, in arrival order.
  std::list<StallInterface*> queue_;  // guarded by mu_
  std::mutex mu_;
  bool allow_stall_;
  std::atomic<bool> stall_active_;
};

}  // namespace ROCKSDB_NAMESPACE
