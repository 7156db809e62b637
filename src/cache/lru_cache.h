// Copyright (c) the rocksdb-cleanroom authors.
//
// The sharded LRU cache behind NewLRUCache().
//
// Each shard is a mutex-protected hash table of LRUHandles plus one LRU list
// holding the shard's unreferenced entries, split into three pools:
//
//   oldest ............................................. newest
//   sentinel.next -> [ bottom pool ][ low pool ][ high pool ] <- sentinel.prev
//                                 ^            ^
//                           bottom_end_    low_end_
//
// Eviction takes the oldest entry. An entry enters the pool its priority
// (or an earlier hit) allows; a pool over its share of the capacity spills
// its oldest entries into the pool below by moving a boundary pointer.
//
// Entry states (refs = handles held by callers, in_cache = reachable by
// Lookup):
//   in_cache, refs == 0  -> on the LRU list, evictable
//   in_cache, refs > 0   -> pinned, not on the list
//   !in_cache, refs > 0  -> erased or replaced, freed on the last Release
// Usage counts every live entry; pinned usage counts those with refs > 0.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/cache.h"

namespace ROCKSDB_NAMESPACE {
namespace lru_cache {

// Which part of the LRU list an unreferenced entry sits in.
enum class Pool : uint8_t { kBottom, kLow, kHigh };

// One cache entry; the key bytes follow the struct in the same allocation.
struct LRUHandle {
  void* value;
  Cache::DeleterFn deleter;
  LRUHandle* next_hash;  // bucket chain
  LRUHandle* next;       // LRU list (only while refs == 0 and in_cache)
  LRUHandle* prev;
  size_t charge;        // as given to Insert()
  size_t total_charge;  // charge plus metadata, per the charge policy
  size_t key_length;
  uint32_t refs;
  uint32_t hash;
  Cache::Priority priority;
  Pool pool;
  bool in_cache;
  bool has_hit;
  char key_data[1];

  Slice key() const { return Slice(key_data, key_length); }
};

// Metadata charge RocksDB accounts for an entry with a key of `key_length`
// bytes under kFullChargeCacheMetadata (the usable size of its handle
// allocation under glibc malloc).
size_t MetadataCharge(size_t key_length);

// Chained hash table of handles, keyed by (key, hash). Doubles its bucket
// array when it holds more entries than buckets. Not thread-safe.
class HandleTable {
 public:
  HandleTable();
  ~HandleTable() = default;

  LRUHandle* Lookup(const Slice& key, uint32_t hash);
  // Inserts h; returns the entry with the same key it replaced, or nullptr.
  LRUHandle* Insert(LRUHandle* h);
  // Removes and returns the entry for key, or nullptr.
  LRUHandle* Remove(const Slice& key, uint32_t hash);

  template <typename F>
  void ForEach(F&& f) const {
    for (LRUHandle* head : buckets_) {
      for (LRUHandle* h = head; h != nullptr; h = h->next_hash) f(h);
    }
  }

  size_t elements() const { return elements_; }
  size_t buckets() const { return buckets_.size(); }

 private:
  LRUHandle** FindSlot(const Slice& key, uint32_t hash);
  void Grow();

  std::vector<LRUHandle*> buckets_;  // size is a power of two
  size_t elements_ = 0;
};

// One shard: a table and an LRU list under one mutex. Entries freed by an
// operation have their deleters run after the mutex is released.
class LRUCacheShard {
 public:
  LRUCacheShard();
  ~LRUCacheShard();
  LRUCacheShard(const LRUCacheShard&) = delete;
  LRUCacheShard& operator=(const LRUCacheShard&) = delete;

  void Configure(size_t capacity, bool strict_capacity_limit,
                 double high_pri_pool_ratio, double low_pri_pool_ratio,
                 CacheMetadataChargePolicy policy);

  Status Insert(const Slice& key, uint32_t hash, void* value, size_t charge,
                Cache::DeleterFn deleter, Cache::Handle** handle,
                Cache::Priority priority);
  Cache::Handle* Lookup(const Slice& key, uint32_t hash);
  bool Ref(LRUHandle* h);
  bool Release(LRUHandle* h, bool useful, bool erase_if_last_ref);
  void Erase(const Slice& key, uint32_t hash);
  void SetCapacity(size_t capacity);
  void SetStrictCapacityLimit(bool strict);
  void EraseUnRefEntries();
  void ApplyToAllEntries(const std::function<void(const Slice&, void*, size_t,
                                                  Cache::DeleterFn)>& callback);

  size_t GetUsage() const;
  size_t GetPinnedUsage() const;
  size_t GetOccupancyCount() const;
  size_t GetTableAddressCount() const;

  // Makes the destructor leak entries instead of freeing them.
  void DisownData() { disowned_ = true; }

 private:
  // Calls the deleters of, and frees, entries that are out of the cache and
  // unreferenced. Called without the mutex.
  static void FreeAll(const std::vector<LRUHandle*>& handles);

  void LRUInsert(LRUHandle* e) REQUIRES(mu_);
  void LRURemove(LRUHandle* e) REQUIRES(mu_);
  void MaintainPoolSizes() REQUIRES(mu_);
  // Evicts the oldest unreferenced entries until `charge` more fits or the
  // list is empty; the victims are appended to *freed.
  void EvictFor(size_t charge, std::vector<LRUHandle*>* freed) REQUIRES(mu_);
  // Takes an unreferenced entry out of the table and the list.
  void Unlink(LRUHandle* e) REQUIRES(mu_);
  void UpdatePoolCapacities() REQUIRES(mu_);
  void AddRef(LRUHandle* e) REQUIRES(mu_);

  mutable port::Mutex mu_;
  HandleTable table_ GUARDED_BY(mu_);
  LRUHandle lru_ GUARDED_BY(mu_);  // sentinel; key_data unused
  LRUHandle* bottom_end_ GUARDED_BY(mu_) = &lru_;
  LRUHandle* low_end_ GUARDED_BY(mu_) = &lru_;

  size_t capacity_ GUARDED_BY(mu_) = 0;
  size_t usage_ GUARDED_BY(mu_) = 0;
  size_t pinned_usage_ GUARDED_BY(mu_) = 0;
  size_t high_pool_usage_ GUARDED_BY(mu_) = 0;
  size_t low_pool_usage_ GUARDED_BY(mu_) = 0;
  size_t high_pool_capacity_ GUARDED_BY(mu_) = 0;
  size_t low_pool_capacity_ GUARDED_BY(mu_) = 0;
  double high_pri_pool_ratio_ GUARDED_BY(mu_) = 0;
  double low_pri_pool_ratio_ GUARDED_BY(mu_) = 0;
  bool strict_capacity_limit_ GUARDED_BY(mu_) = false;
  CacheMetadataChargePolicy policy_ GUARDED_BY(mu_) = kDontChargeCacheMetadata;
  bool disowned_ = false;
};

}  // namespace lru_cache

// The sharded LRU cache. Also serves HyperClockCacheOptions::MakeSharedCache()
// (no lock-free table yet), under that cache's name and printed options.
class LRUCache : public Cache {
 public:
  // Which RocksDB cache this instance stands for.
  enum class Personality { kLRU, kHyperClock };

  // REQUIRES: 0 <= num_shard_bits < 20 and valid pool ratios (checked by
  // NewLRUCache()).
  LRUCache(const LRUCacheOptions& options, int num_shard_bits,
           Personality personality = Personality::kLRU);
  ~LRUCache() override;

  const char* Name() const override {
    return personality_ == Personality::kLRU ? "LRUCache" : "HyperClockCache";
  }

  using Cache::Insert;
  Status Insert(const Slice& key, void* value, size_t charge, DeleterFn deleter,
                Handle** handle = nullptr,
                Priority priority = Priority::LOW) override;
  using Cache::Lookup;
  Handle* Lookup(const Slice& key, Statistics* stats = nullptr) override;
  bool Ref(Handle* handle) override;
  using Cache::Release;
  bool Release(Handle* handle, bool erase_if_last_ref = false) override;
  bool Release(Handle* handle, bool useful, bool erase_if_last_ref) override;
  void* Value(Handle* handle) override;
  void Erase(const Slice& key) override;
  uint64_t NewId() override;
  void SetCapacity(size_t capacity) override;
  void SetStrictCapacityLimit(bool strict_capacity_limit) override;
  bool HasStrictCapacityLimit() const override;
  size_t GetCapacity() const override;
  size_t GetUsage() const override;
  size_t GetOccupancyCount() const override;
  size_t GetTableAddressCount() const override;
  size_t GetUsage(Handle* handle) const override;
  size_t GetPinnedUsage() const override;
  size_t GetCharge(Handle* handle) const override;
  DeleterFn GetDeleter(Handle* handle) const override;
  void DisownData() override;
  void ApplyToAllEntries(
      const std::function<void(const Slice& key, void* value, size_t charge,
                               DeleterFn deleter)>& callback,
      const ApplyToAllEntriesOptions& opts) override;
  void EraseUnRefEntries() override;
  std::string GetPrintableOptions() const override;

  int num_shard_bits() const { return num_shard_bits_; }

 private:
  static uint32_t HashKey(const Slice& key);
  lru_cache::LRUCacheShard& ShardFor(uint32_t hash) const;
  size_t PerShardCapacity(size_t capacity) const;

  // Constant after construction.
  const Personality personality_;
  const int num_shard_bits_;
  const double high_pri_pool_ratio_;
  const double low_pri_pool_ratio_;
  std::unique_ptr<lru_cache::LRUCacheShard[]> shards_;

  std::atomic<size_t> capacity_;
  std::atomic<bool> strict_capacity_limit_;
  std::atomic<uint64_t> last_id_{0};
};

// Shard bits chosen for num_shard_bits = -1: as many as keep every shard at
// least `min_shard_size` bytes, at most 6.
int DefaultShardBits(size_t capacity, size_t min_shard_size);

}  // namespace ROCKSDB_NAMESPACE
