// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableAllocator: the Allocator of one memtable. A small inline block
// serves the first allocations (an empty memtable costs no arena block),
// then an Arena of memtable blocks. Safe for concurrent allocation (a short
// spin lock), so concurrent memtable inserts can share it. Memory growth is
// charged to an optional WriteBufferManager, released when the allocator
// is destroyed. Memory lives until the allocator is destroyed.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

#include "memtable/allocator.h"
#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {

class WriteBufferManager;

class MemTableAllocator : public Allocator {
 public:
  // Bytes of the inline block.
  static constexpr size_t kInlineSize = 2048;

  // block_size: size of arena blocks (see Arena). write_buffer_manager may
  // be null and must outlive the allocator.
  MemTableAllocator(size_t block_size,
                    WriteBufferManager* write_buffer_manager);
  ~MemTableAllocator() override;

  MemTableAllocator(const MemTableAllocator&) = delete;
  MemTableAllocator& operator=(const MemTableAllocator&) = delete;

  char* Allocate(size_t bytes) override;
  // huge_page_size and logger are accepted and ignored: blocks come from
  // the heap.
  char* AllocateAligned(size_t bytes, size_t huge_page_size = 0,
                        Logger* logger = nullptr) override;
  size_t BlockSize() const override { return arena_.BlockSize(); }

  // Bytes taken from the system: the inline block plus every arena block
  // (with its bookkeeping). Lock-free.
  size_t MemoryUsage() const {
    return memory_usage_.load(std::memory_order_relaxed);
  }

  // Bytes still free in the arena block being carved (0 before the first
  // arena block). Lock-free; a hint for flush decisions.
  size_t AllocatedAndUnused() const {
    return unused_.load(std::memory_order_relaxed);
  }

  // The memtable stopped accepting writes: its memory no longer counts as
  // mutable for the write buffer manager. Idempotent.
  void DoneAllocating();

 private:
  // A test-and-set lock: critical sections are a few instructions long.
  // After a short spin a waiter yields, in case the holder was preempted.
  class SpinLock {
   public:
    void lock() {
      int spins = 0;
      while (flag_.test_and_set(std::memory_order_acquire)) {
        if (++spins > 64) {
          std::this_thread::yield();
        }
      }
    }
    void unlock() { flag_.clear(std::memory_order_release); }

   private:
    std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
  };

  // Serves from the inline block when it has room; else null.
  // REQUIRES: lock_ held.
  char* AllocateInline(size_t bytes, bool aligned);
  // Publishes the arena's counters; returns the growth to charge to the
  // write buffer manager (the caller does so after unlocking).
  // REQUIRES: lock_ held.
  size_t AfterArenaAllocation();
  // Charges bytes to the write buffer manager. REQUIRES: lock_ not held.
  void Charge(size_t bytes);

  SpinLock lock_;
  alignas(alignof(std::max_align_t)) char inline_block_[kInlineSize];
  size_t inline_used_ = 0;  // guarded by lock_
  Arena arena_;             // guarded by lock_
  std::atomic<size_t> memory_usage_;
  std::atomic<size_t> unused_{0};

  WriteBufferManager* const write_buffer_manager_;
  size_t reserved_ = 0;  // bytes charged to the manager; guarded by lock_
  bool done_allocating_ = false;  // guarded by lock_
};

}  // namespace ROCKSDB_NAMESPACE
