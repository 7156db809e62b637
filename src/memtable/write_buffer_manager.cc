// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBufferManager: atomic counters of memtable memory, an optional charge
// of that memory to a block cache, and a queue of writers stalled while the
// budget is exceeded.
//
// Cache charging: the memory is covered by dummy cache entries of
// kDummyEntrySize bytes each (no value, only a charge, held pinned), so the
// cache's usage reflects memtables. The charge is rounded up to whole
// entries and shrinks lazily: entries are released only when usage falls
// below 3/4 of what they cover, to avoid churning the cache on small frees.
#include "rocksdb/write_buffer_manager.h"

#include <string>

#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr size_t kDummyEntrySize = 256 * 1024;

// The dummy entries carry no value; nothing to delete.
void NoopDeleter(const Slice& /*key*/, void* /*value*/) {}

}  // namespace

WriteBufferManager::WriteBufferManager(size_t _buffer_size,
                                       std::shared_ptr<Cache> cache,
                                       bool allow_stall)
    : buffer_size_(_buffer_size),
      mutable_limit_(_buffer_size * 7 / 8),
      memory_used_(0),
      memory_active_(0),
      cache_(std::move(cache)),
      dummy_usage_(0),
      allow_stall_(allow_stall),
      stall_active_(false) {}

WriteBufferManager::~WriteBufferManager() {
  std::lock_guard<std::mutex> lock(cache_mu_);
  for (Cache::Handle* handle : dummy_handles_) {
    cache_->Release(handle, /*erase_if_last_ref=*/true);
  }
  dummy_handles_.clear();
}

size_t WriteBufferManager::dummy_entries_in_cache_usage() const {
  return dummy_usage_.load(std::memory_order_relaxed);
}

void WriteBufferManager::SetBufferSize(size_t new_size) {
  buffer_size_.store(new_size, std::memory_order_relaxed);
  mutable_limit_.store(new_size * 7 / 8, std::memory_order_relaxed);
  // A larger budget (or none) may end a stall.
  MaybeEndWriteStall();
}

bool WriteBufferManager::ShouldFlush() const {
  if (!enabled()) {
    return false;
  }
  const size_t mutable_used = mutable_memtable_memory_usage();
  if (mutable_used > mutable_limit_.load(std::memory_order_relaxed)) {
    return true;
  }
  // Over budget in total: flushing only helps if a good part of the memory
  // is still mutable; otherwise the flushes already running will free it.
  const size_t budget = buffer_size();
  return memory_usage() >= budget && mutable_used >= budget / 2;
}

bool WriteBufferManager::ShouldStall() const {
  if (!allow_stall_ || !enabled()) {
    return false;
  }
  return IsStallActive() || IsStallThresholdExceeded();
}

// Without a budget and without a cache nothing is tracked; mutable memory
// is tracked only with a budget (as in RocksDB).
void WriteBufferManager::ReserveMem(size_t mem) {
  if (cache_ != nullptr || enabled()) {
    memory_used_.fetch_add(mem, std::memory_order_relaxed);
  }
  if (enabled()) {
    memory_active_.fetch_add(mem, std::memory_order_relaxed);
  }
  if (cache_ != nullptr) {
    UpdateCacheCharge();
  }
}

void WriteBufferManager::ScheduleFreeMem(size_t mem) {
  if (enabled()) {
    memory_active_.fetch_sub(mem, std::memory_order_relaxed);
  }
}

void WriteBufferManager::FreeMem(size_t mem) {
  if (cache_ != nullptr || enabled()) {
    memory_used_.fetch_sub(mem, std::memory_order_relaxed);
  }
  if (cache_ != nullptr) {
    UpdateCacheCharge();
  }
  MaybeEndWriteStall();
}

void WriteBufferManager::UpdateCacheCharge() {
  std::lock_guard<std::mutex> lock(cache_mu_);
  const size_t used = memory_used_.load(std::memory_order_relaxed);
  // Grow: add entries until they cover the memory in use.
  while (dummy_handles_.size() * kDummyEntrySize < used) {
    // Keys only need to be distinct within the cache; NewId() guarantees it.
    std::string key = "wbm_dummy_" + std::to_string(cache_->NewId());
    Cache::Handle* handle = nullptr;
    Status s =
        cache_->Insert(key, nullptr, kDummyEntrySize, &NoopDeleter, &handle);
    if (!s.ok() || handle == nullptr) {
      // A strict cache refused the charge; the memory is still tracked by
      // our own counters, only the cache does not see it.
      break;
    }
    dummy_handles_.push_back(handle);
  }
  // Shrink lazily: only once usage fell below 3/4 of the charge, and then
  // down to the fewest entries covering it.
  if (used < dummy_handles_.size() * kDummyEntrySize / 4 * 3) {
    while (!dummy_handles_.empty() &&
           (dummy_handles_.size() - 1) * kDummyEntrySize >= used) {
      cache_->Release(dummy_handles_.back(), /*erase_if_last_ref=*/true);
      dummy_handles_.pop_back();
    }
  }
  dummy_usage_.store(dummy_handles_.size() * kDummyEntrySize,
                     std::memory_order_relaxed);
}

void WriteBufferManager::BeginWriteStall(StallInterface* wbm_stall) {
  if (wbm_stall == nullptr) {
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    // Re-check under the lock: memory may have been freed meanwhile.
    if (ShouldStall()) {
      stall_active_.store(true, std::memory_order_relaxed);
      queue_.push_back(wbm_stall);
      wbm_stall = nullptr;
    }
  }
  if (wbm_stall == nullptr) {
    return;
  }
  // Not stalled after all: make sure the caller does not wait forever.
  wbm_stall->Signal();
}

void WriteBufferManager::MaybeEndWriteStall() {
  if (enabled() && allow_stall_ && IsStallThresholdExceeded()) {
    return;
  }
  std::list<StallInterface*> to_signal;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stall_active_.load(std::memory_order_relaxed)) {
      return;
    }
    stall_active_.store(false, std::memory_order_relaxed);
    to_signal.swap(queue_);
  }
  // Signal outside the lock: Signal() may take the DB's own locks.
  for (StallInterface* stalled : to_signal) {
    stalled->Signal();
  }
}

void WriteBufferManager::RemoveDBFromQueue(StallInterface* wbm_stall) {
  if (wbm_stall == nullptr) {
    return;
  }
  bool found = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = queue_.begin(); it != queue_.end();) {
      if (*it == wbm_stall) {
        it = queue_.erase(it);
        found = true;
      } else {
        ++it;
      }
    }
  }
  // Wake it so the closing DB's writer does not stay blocked.
  if (found) {
    wbm_stall->Signal();
  }
}

}  // namespace ROCKSDB_NAMESPACE
