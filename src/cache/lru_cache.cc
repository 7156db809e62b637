// Copyright (c) the rocksdb-cleanroom authors.
//
// Sharded LRU cache; the list/pool layout and entry states are drawn in
// lru_cache.h.

#include "cache/lru_cache.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "util/hash.h"

namespace ROCKSDB_NAMESPACE {
namespace lru_cache {

size_t MetadataCharge(size_t key_length) {
  // RocksDB charges malloc_usable_size() of a handle of 72 bytes minus the
  // one-byte key placeholder plus the key. glibc hands out chunks of
  // 16k + 8 usable bytes, at least 24.
  const size_t requested = 71 + key_length;
  const size_t usable = ((requested + 8 + 15) & ~size_t{15}) - 8;
  return usable < 24 ? 24 : usable;
}

// ---- HandleTable ----

HandleTable::HandleTable() : buckets_(16, nullptr) {}

LRUHandle** HandleTable::FindSlot(const Slice& key, uint32_t hash) {
  LRUHandle** slot = &buckets_[hash & (buckets_.size() - 1)];
  while (*slot != nullptr && ((*slot)->hash != hash || (*slot)->key() != key)) {
    slot = &(*slot)->next_hash;
  }
  return slot;
}

LRUHandle* HandleTable::Lookup(const Slice& key, uint32_t hash) {
  return *FindSlot(key, hash);
}

LRUHandle* HandleTable::Insert(LRUHandle* h) {
  LRUHandle** slot = FindSlot(h->key(), h->hash);
  LRUHandle* old = *slot;
  h->next_hash = old == nullptr ? nullptr : old->next_hash;
  *slot = h;
  if (old == nullptr) {
    ++elements_;
    if (elements_ > buckets_.size()) Grow();
  }
  return old;
}

LRUHandle* HandleTable::Remove(const Slice& key, uint32_t hash) {
  LRUHandle** slot = FindSlot(key, hash);
  LRUHandle* found = *slot;
  if (found != nullptr) {
    *slot = found->next_hash;
    --elements_;
  }
  return found;
}

void HandleTable::Grow() {
  std::vector<LRUHandle*> bigger(buckets_.size() * 2, nullptr);
  const size_t mask = bigger.size() - 1;
  for (LRUHandle* h : buckets_) {
    while (h != nullptr) {
      LRUHandle* next = h->next_hash;
      LRUHandle** head = &bigger[h->hash & mask];
      h->next_hash = *head;
      *head = h;
      h = next;
    }
  }
  buckets_.swap(bigger);
}

// ---- LRUCacheShard ----

namespace {

LRUHandle* NewHandle(const Slice& key, uint32_t hash, void* value,
                     size_t charge, Cache::DeleterFn deleter,
                     Cache::Priority priority,
                     CacheMetadataChargePolicy policy) {
  void* mem = std::malloc(sizeof(LRUHandle) - 1 + key.size());
  LRUHandle* e = new (mem) LRUHandle;
  e->value = value;
  e->deleter = deleter;
  e->next_hash = e->next = e->prev = nullptr;
  e->charge = charge;
  e->total_charge =
      charge +
      (policy == kFullChargeCacheMetadata ? MetadataCharge(key.size()) : 0);
  e->key_length = key.size();
  e->refs = 0;
  e->hash = hash;
  e->priority = priority;
  e->pool = Pool::kBottom;
  e->in_cache = false;
  e->has_hit = false;
  if (!key.empty()) std::memcpy(e->key_data, key.data(), key.size());
  return e;
}

// Frees the handle memory only; the value stays the caller's.
void FreeHandleOnly(LRUHandle* e) {
  e->~LRUHandle();
  std::free(e);
}

}  // namespace

LRUCacheShard::LRUCacheShard() {
  std::memset(&lru_, 0, sizeof(lru_));
  lru_.next = lru_.prev = &lru_;
}

LRUCacheShard::~LRUCacheShard() {
  if (disowned_) return;  // deliberately leaked, see DisownData()
  std::vector<LRUHandle*> all;
  {
    port::MutexLock lock(&mu_);
    table_.ForEach([&all](LRUHandle* h) { all.push_back(h); });
  }
  // Entries still referenced by a caller at this point are a caller bug;
  // they are freed all the same so that nothing leaks.
  FreeAll(all);
}

void LRUCacheShard::FreeAll(const std::vector<LRUHandle*>& handles) {
  for (LRUHandle* e : handles) {
    if (e->deleter != nullptr) e->deleter(e->key(), e->value);
    FreeHandleOnly(e);
  }
}

void LRUCacheShard::Configure(size_t capacity, bool strict_capacity_limit,
                              double high_pri_pool_ratio,
                              double low_pri_pool_ratio,
                              CacheMetadataChargePolicy policy) {
  port::MutexLock lock(&mu_);
  capacity_ = capacity;
  strict_capacity_limit_ = strict_capacity_limit;
  high_pri_pool_ratio_ = high_pri_pool_ratio;
  low_pri_pool_ratio_ = low_pri_pool_ratio;
  policy_ = policy;
  UpdatePoolCapacities();
}

void LRUCacheShard::UpdatePoolCapacities() {
  high_pool_capacity_ = static_cast<size_t>(static_cast<double>(capacity_) *
                                            high_pri_pool_ratio_);
  low_pool_capacity_ =
      static_cast<size_t>(static_cast<double>(capacity_) * low_pri_pool_ratio_);
}

void LRUCacheShard::LRUInsert(LRUHandle* e) {
  LRUHandle* after;  // e goes right after this element
  if (high_pri_pool_ratio_ > 0 &&
      (e->priority == Cache::Priority::HIGH || e->has_hit)) {
    after = lru_.prev;
    e->pool = Pool::kHigh;
    high_pool_usage_ += e->total_charge;
  } else if (low_pri_pool_ratio_ > 0 &&
             (e->priority != Cache::Priority::BOTTOM || e->has_hit)) {
    after = low_end_;
    low_end_ = e;
    e->pool = Pool::kLow;
    low_pool_usage_ += e->total_charge;
  } else {
    after = bottom_end_;
    if (low_end_ == bottom_end_) low_end_ = e;
    bottom_end_ = e;
    e->pool = Pool::kBottom;
  }
  e->prev = after;
  e->next = after->next;
  after->next->prev = e;
  after->next = e;
  MaintainPoolSizes();
}

void LRUCacheShard::LRURemove(LRUHandle* e) {
  if (e == bottom_end_) bottom_end_ = e->prev;
  if (e == low_end_) low_end_ = e->prev;
  e->prev->next = e->next;
  e->next->prev = e->prev;
  e->next = e->prev = nullptr;
  if (e->pool == Pool::kHigh) {
    high_pool_usage_ -= e->total_charge;
  } else if (e->pool == Pool::kLow) {
    low_pool_usage_ -= e->total_charge;
  }
}

void LRUCacheShard::MaintainPoolSizes() {
  // Demoting an entry only moves a boundary: the oldest entry of a pool is
  // adjacent to the newest entry of the pool below.
  while (high_pool_usage_ > high_pool_capacity_ && low_end_->next != &lru_) {
    LRUHandle* oldest_high = low_end_->next;
    low_end_ = oldest_high;
    oldest_high->pool = Pool::kLow;
    high_pool_usage_ -= oldest_high->total_charge;
    low_pool_usage_ += oldest_high->total_charge;
  }
  while (low_pool_usage_ > low_pool_capacity_ && bottom_end_ != low_end_) {
    LRUHandle* oldest_low = bottom_end_->next;
    bottom_end_ = oldest_low;
    oldest_low->pool = Pool::kBottom;
    low_pool_usage_ -= oldest_low->total_charge;
  }
}

void LRUCacheShard::Unlink(LRUHandle* e) {
  LRURemove(e);
  table_.Remove(e->key(), e->hash);
  e->in_cache = false;
  usage_ -= e->total_charge;
}

void LRUCacheShard::EvictFor(size_t charge, std::vector<LRUHandle*>* freed) {
  while (usage_ + charge > capacity_ && lru_.next != &lru_) {
    LRUHandle* oldest = lru_.next;
    Unlink(oldest);
    freed->push_back(oldest);
  }
}

void LRUCacheShard::AddRef(LRUHandle* e) {
  if (e->refs == 0) pinned_usage_ += e->total_charge;
  ++e->refs;
}

Status LRUCacheShard::Insert(const Slice& key, uint32_t hash, void* value,
                             size_t charge, Cache::DeleterFn deleter,
                             Cache::Handle** handle, Cache::Priority priority) {
  std::vector<LRUHandle*> freed;
  Status s;
  {
    port::MutexLock lock(&mu_);
    LRUHandle* e =
        NewHandle(key, hash, value, charge, deleter, priority, policy_);
    EvictFor(e->total_charge, &freed);
    if (usage_ + e->total_charge > capacity_ &&
        (strict_capacity_limit_ || handle == nullptr)) {
      if (handle == nullptr) {
        // Inserted and evicted at once: the value is disposed of.
        freed.push_back(e);
      } else {
        // The caller keeps ownership of the value on failure.
        FreeHandleOnly(e);
        *handle = nullptr;
        s = Status::MemoryLimit("Insert failed due to LRU cache being full.");
      }
    } else {
      e->in_cache = true;
      usage_ += e->total_charge;
      LRUHandle* old = table_.Insert(e);
      if (old != nullptr) {
        old->in_cache = false;
        if (old->refs == 0) {
          LRURemove(old);
          usage_ -= old->total_charge;
          freed.push_back(old);
        }
      }
      if (handle == nullptr) {
        LRUInsert(e);
      } else {
        AddRef(e);
        *handle = reinterpret_cast<Cache::Handle*>(e);
      }
    }
  }
  FreeAll(freed);
  return s;
}

Cache::Handle* LRUCacheShard::Lookup(const Slice& key, uint32_t hash) {
  port::MutexLock lock(&mu_);
  LRUHandle* e = table_.Lookup(key, hash);
  if (e == nullptr) return nullptr;
  if (e->refs == 0) LRURemove(e);
  AddRef(e);
  e->has_hit = true;
  return reinterpret_cast<Cache::Handle*>(e);
}

bool LRUCacheShard::Ref(LRUHandle* e) {
  port::MutexLock lock(&mu_);
  if (e->refs == 0 && e->in_cache) LRURemove(e);
  AddRef(e);
  return true;
}

bool LRUCacheShard::Release(LRUHandle* e, bool /*useful*/,
                            bool erase_if_last_ref) {
  bool freed = false;
  {
    port::MutexLock lock(&mu_);
    if (e->refs == 0) return false;  // API misuse; ignore
    --e->refs;
    if (e->refs > 0) return false;
    pinned_usage_ -= e->total_charge;
    if (e->in_cache) {
      if (erase_if_last_ref || usage_ > capacity_) {
        table_.Remove(e->key(), e->hash);
        e->in_cache = false;
      } else {
        LRUInsert(e);
      }
    }
    if (!e->in_cache) {
      usage_ -= e->total_charge;
      freed = true;
    }
  }
  if (freed) FreeAll({e});
  return freed;
}

void LRUCacheShard::Erase(const Slice& key, uint32_t hash) {
  LRUHandle* dead = nullptr;
  {
    port::MutexLock lock(&mu_);
    LRUHandle* e = table_.Remove(key, hash);
    if (e == nullptr) return;
    e->in_cache = false;
    if (e->refs == 0) {
      LRURemove(e);
      usage_ -= e->total_charge;
      dead = e;
    }
  }
  if (dead != nullptr) FreeAll({dead});
}

void LRUCacheShard::SetCapacity(size_t capacity) {
  std::vector<LRUHandle*> freed;
  {
    port::MutexLock lock(&mu_);
    capacity_ = capacity;
    UpdatePoolCapacities();
    MaintainPoolSizes();
    EvictFor(0, &freed);
  }
  FreeAll(freed);
}

void LRUCacheShard::SetStrictCapacityLimit(bool strict) {
  port::MutexLock lock(&mu_);
  strict_capacity_limit_ = strict;
}

void LRUCacheShard::EraseUnRefEntries() {
  std::vector<LRUHandle*> freed;
  {
    port::MutexLock lock(&mu_);
    while (lru_.next != &lru_) {
      LRUHandle* e = lru_.next;
      Unlink(e);
      freed.push_back(e);
    }
  }
  FreeAll(freed);
}

void LRUCacheShard::ApplyToAllEntries(
    const std::function<void(const Slice&, void*, size_t, Cache::DeleterFn)>&
        callback) {
  port::MutexLock lock(&mu_);
  table_.ForEach([&callback](LRUHandle* h) {
    callback(h->key(), h->value, h->charge, h->deleter);
  });
}

size_t LRUCacheShard::GetUsage() const {
  port::MutexLock lock(&mu_);
  return usage_;
}

size_t LRUCacheShard::GetPinnedUsage() const {
  port::MutexLock lock(&mu_);
  return pinned_usage_;
}

size_t LRUCacheShard::GetOccupancyCount() const {
  port::MutexLock lock(&mu_);
  return table_.elements();
}

size_t LRUCacheShard::GetTableAddressCount() const {
  port::MutexLock lock(&mu_);
  return table_.buckets();
}

}  // namespace lru_cache

// ---- LRUCache ----

using lru_cache::LRUCacheShard;
using lru_cache::LRUHandle;

int DefaultShardBits(size_t capacity, size_t min_shard_size) {
  int bits = 0;
  size_t shards = capacity / min_shard_size;
  while (bits < 6 && (shards >>= 1) != 0) ++bits;
  return bits;
}

LRUCache::LRUCache(const LRUCacheOptions& options, int num_shard_bits,
                   Personality personality)
    : Cache(options.memory_allocator),
      personality_(personality),
      num_shard_bits_(num_shard_bits),
      high_pri_pool_ratio_(options.high_pri_pool_ratio),
      low_pri_pool_ratio_(options.low_pri_pool_ratio),
      shards_(new LRUCacheShard[size_t{1} << num_shard_bits]),
      capacity_(options.capacity),
      strict_capacity_limit_(options.strict_capacity_limit) {
  const size_t per_shard = PerShardCapacity(options.capacity);
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].Configure(
        per_shard, options.strict_capacity_limit, options.high_pri_pool_ratio,
        options.low_pri_pool_ratio, options.metadata_charge_policy);
  }
}

LRUCache::~LRUCache() = default;

uint32_t LRUCache::HashKey(const Slice& key) {
  return Hash32(key.data(), key.size(), 0x6c7275u);
}

LRUCacheShard& LRUCache::ShardFor(uint32_t hash) const {
  const uint32_t index =
      num_shard_bits_ == 0 ? 0 : hash >> (32 - num_shard_bits_);
  return shards_[index];
}

size_t LRUCache::PerShardCapacity(size_t capacity) const {
  const size_t n = size_t{1} << num_shard_bits_;
  return capacity / n + (capacity % n != 0 ? 1 : 0);
}

Status LRUCache::Insert(const Slice& key, void* value, size_t charge,
                        DeleterFn deleter, Handle** handle, Priority priority) {
  const uint32_t hash = HashKey(key);
  return ShardFor(hash).Insert(key, hash, value, charge, deleter, handle,
                               priority);
}

Cache::Handle* LRUCache::Lookup(const Slice& key, Statistics* /*stats*/) {
  const uint32_t hash = HashKey(key);
  return ShardFor(hash).Lookup(key, hash);
}

bool LRUCache::Ref(Handle* handle) {
  LRUHandle* e = reinterpret_cast<LRUHandle*>(handle);
  return ShardFor(e->hash).Ref(e);
}

bool LRUCache::Release(Handle* handle, bool erase_if_last_ref) {
  return Release(handle, /*useful=*/true, erase_if_last_ref);
}

bool LRUCache::Release(Handle* handle, bool useful, bool erase_if_last_ref) {
  if (handle == nullptr) return false;
  LRUHandle* e = reinterpret_cast<LRUHandle*>(handle);
  return ShardFor(e->hash).Release(e, useful, erase_if_last_ref);
}

void* LRUCache::Value(Handle* handle) {
  return reinterpret_cast<LRUHandle*>(handle)->value;
}

void LRUCache::Erase(const Slice& key) {
  const uint32_t hash = HashKey(key);
  ShardFor(hash).Erase(key, hash);
}

uint64_t LRUCache::NewId() { return last_id_.fetch_add(1) + 1; }

void LRUCache::SetCapacity(size_t capacity) {
  capacity_.store(capacity);
  const size_t per_shard = PerShardCapacity(capacity);
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].SetCapacity(per_shard);
  }
}

void LRUCache::SetStrictCapacityLimit(bool strict_capacity_limit) {
  strict_capacity_limit_.store(strict_capacity_limit);
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].SetStrictCapacityLimit(strict_capacity_limit);
  }
}

bool LRUCache::HasStrictCapacityLimit() const {
  return strict_capacity_limit_.load();
}

size_t LRUCache::GetCapacity() const { return capacity_.load(); }

size_t LRUCache::GetUsage() const {
  size_t total = 0;
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    total += shards_[i].GetUsage();
  }
  return total;
}

size_t LRUCache::GetOccupancyCount() const {
  if (personality_ == Personality::kLRU) {
    // RocksDB 7.8.3's LRUCache answers with the pinned usage here (observed);
    // applications comparing against it see the same number.
    return GetPinnedUsage();
  }
  size_t total = 0;
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    total += shards_[i].GetOccupancyCount();
  }
  return total;
}

size_t LRUCache::GetTableAddressCount() const {
  size_t total = 0;
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    total += shards_[i].GetTableAddressCount();
  }
  return total;
}

size_t LRUCache::GetUsage(Handle* handle) const {
  // RocksDB 7.8.3 reports the bare charge here, metadata excluded.
  return reinterpret_cast<const LRUHandle*>(handle)->charge;
}

size_t LRUCache::GetPinnedUsage() const {
  size_t total = 0;
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    total += shards_[i].GetPinnedUsage();
  }
  return total;
}

size_t LRUCache::GetCharge(Handle* handle) const {
  return reinterpret_cast<const LRUHandle*>(handle)->charge;
}

Cache::DeleterFn LRUCache::GetDeleter(Handle* handle) const {
  return reinterpret_cast<const LRUHandle*>(handle)->deleter;
}

void LRUCache::DisownData() {
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].DisownData();
  }
}

void LRUCache::ApplyToAllEntries(
    const std::function<void(const Slice& key, void* value, size_t charge,
                             DeleterFn deleter)>& callback,
    const ApplyToAllEntriesOptions& /*opts*/) {
  // Each shard is visited under its own lock in one go.
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].ApplyToAllEntries(callback);
  }
}

void LRUCache::EraseUnRefEntries() {
  for (size_t i = 0; i < (size_t{1} << num_shard_bits_); ++i) {
    shards_[i].EraseUnRefEntries();
  }
}

std::string LRUCache::GetPrintableOptions() const {
  char buf[256];
  std::string out;
  std::snprintf(buf, sizeof(buf), "    capacity : %zu\n", GetCapacity());
  out += buf;
  std::snprintf(buf, sizeof(buf), "    num_shard_bits : %d\n", num_shard_bits_);
  out += buf;
  std::snprintf(buf, sizeof(buf), "    strict_capacity_limit : %d\n",
                HasStrictCapacityLimit() ? 1 : 0);
  out += buf;
  MemoryAllocator* allocator = memory_allocator();
  std::snprintf(buf, sizeof(buf), "    memory_allocator : %s\n",
                allocator != nullptr ? allocator->Name() : "None");
  out += buf;
  if (personality_ == Personality::kLRU) {
    std::snprintf(buf, sizeof(buf), "    high_pri_pool_ratio: %.3lf\n",
                  high_pri_pool_ratio_);
    out += buf;
    std::snprintf(buf, sizeof(buf), "    low_pri_pool_ratio: %.3lf\n",
                  low_pri_pool_ratio_);
    out += buf;
  }
  return out;
}

}  // namespace ROCKSDB_NAMESPACE
