// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableAllocator: inline block first, then the arena; every arena
// allocation republishes the lock-free counters and charges the
// WriteBufferManager with the growth of the arena's memory.
#include "memtable/memtable_allocator.h"

#include <cstdint>
#include <mutex>

#include "rocksdb/write_buffer_manager.h"

namespace ROCKSDB_NAMESPACE {

MemTableAllocator::MemTableAllocator(size_t block_size,
                                     WriteBufferManager* write_buffer_manager)
    : arena_(block_size),
      memory_usage_(kInlineSize),
      write_buffer_manager_(write_buffer_manager) {}

MemTableAllocator::~MemTableAllocator() {
  DoneAllocating();
  if (write_buffer_manager_ != nullptr && reserved_ > 0) {
    write_buffer_manager_->FreeMem(reserved_);
  }
}

char* MemTableAllocator::AllocateInline(size_t bytes, bool aligned) {
  size_t start = inline_used_;
  if (aligned) {
    const size_t unit = Arena::kAlignUnit;
    start = (start + unit - 1) / unit * unit;
  }
  if (start > kInlineSize || kInlineSize - start < bytes) {
    return nullptr;
  }
  inline_used_ = start + bytes;
  return inline_block_ + start;
}

char* MemTableAllocator::Allocate(size_t bytes) {
  char* result;
  size_t growth = 0;
  {
    std::lock_guard<SpinLock> guard(lock_);
    result = AllocateInline(bytes, /*aligned=*/false);
    if (result == nullptr) {
      result = arena_.Allocate(bytes);
      growth = AfterArenaAllocation();
    }
  }
  Charge(growth);
  return result;
}

char* MemTableAllocator::AllocateAligned(size_t bytes,
                                         size_t /*huge_page_size*/,
                                         Logger* /*logger*/) {
  char* result;
  size_t growth = 0;
  {
    std::lock_guard<SpinLock> guard(lock_);
    result = AllocateInline(bytes, /*aligned=*/true);
    if (result == nullptr) {
      result = arena_.AllocateAligned(bytes);
      growth = AfterArenaAllocation();
    }
  }
  Charge(growth);
  return result;
}

size_t MemTableAllocator::AfterArenaAllocation() {
  const size_t usage = kInlineSize + arena_.MemoryUsage();
  unused_.store(arena_.AllocatedAndUnused(), std::memory_order_relaxed);
  const size_t before =
      memory_usage_.exchange(usage, std::memory_order_relaxed);
  if (usage <= before || write_buffer_manager_ == nullptr || done_allocating_ ||
      !(write_buffer_manager_->enabled() ||
        write_buffer_manager_->cost_to_cache())) {
    return 0;
  }
  reserved_ += usage - before;
  return usage - before;
}

// Outside the spin lock: charging a cache may take the cache's locks.
void MemTableAllocator::Charge(size_t bytes) {
  if (bytes > 0) {
    write_buffer_manager_->ReserveMem(bytes);
  }
}

void MemTableAllocator::DoneAllocating() {
  size_t reserved;
  {
    std::lock_guard<SpinLock> guard(lock_);
    if (done_allocating_) {
      return;
    }
    done_allocating_ = true;
    reserved = reserved_;
  }
  if (write_buffer_manager_ != nullptr && reserved > 0) {
    write_buffer_manager_->ScheduleFreeMem(reserved);
  }
}

}  // namespace ROCKSDB_NAMESPACE
