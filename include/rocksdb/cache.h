// Copyright (c) the rocksdb-cleanroom authors.
//
// Cache: a thread-safe, charge-bounded map from keys to opaque values, used
// as the block cache. Also the options and factories of the built-in caches
// (sharded LRU, hyper clock, compressed secondary) and the roles that block
// cache entries are classified under.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/compression_type.h"
#include "rocksdb/memory_allocator.h"
#include "rocksdb/slice.h"
#include "rocksdb/statistics.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Cache;
struct ConfigOptions;
class SecondaryCache;

// Default of LRUCacheOptions::use_adaptive_mutex (false on this build).
extern const bool kDefaultToAdaptiveMutex;

// Whether a cache's own per-entry bookkeeping counts against its capacity.
enum CacheMetadataChargePolicy {
  // Only the charge given to Insert() counts.
  kDontChargeCacheMetadata,
  // The charge plus the approximate size of the entry's metadata counts.
  kFullChargeCacheMetadata
};
const CacheMetadataChargePolicy kDefaultCacheMetadataChargePolicy =
    kFullChargeCacheMetadata;

// Options common to caches that split their key space into shards by hash.
struct ShardedCacheOptions {
  // Total capacity, in the unit of the entries' charges (usually bytes).
  size_t capacity = 0;

  // The cache has 2^num_shard_bits shards; a negative value lets the
  // implementation pick from the capacity.
  int num_shard_bits = -1;

  // When true, Insert() fails with Status::MemoryLimit if the new entry does
  // not fit beside the entries that are currently referenced. When false,
  // Insert() always succeeds and the cache may exceed its capacity.
  bool strict_capacity_limit = false;

  // Allocator for cached blocks; nullptr means the system allocator.
  std::shared_ptr<MemoryAllocator> memory_allocator;

  CacheMetadataChargePolicy metadata_charge_policy =
      kDefaultCacheMetadataChargePolicy;

  ShardedCacheOptions() {}
  ShardedCacheOptions(
      size_t _capacity, int _num_shard_bits, bool _strict_capacity_limit,
      std::shared_ptr<MemoryAllocator> _memory_allocator = nullptr,
      CacheMetadataChargePolicy _metadata_charge_policy =
          kDefaultCacheMetadataChargePolicy)
      : capacity(_capacity),
        num_shard_bits(_num_shard_bits),
        strict_capacity_limit(_strict_capacity_limit),
        memory_allocator(std::move(_memory_allocator)),
        metadata_charge_policy(_metadata_charge_policy) {}
};

struct LRUCacheOptions : public ShardedCacheOptions {
  // Fractions of the capacity reserved for the high- and low-priority LRU
  // pools, each in [0, 1] with a sum of at most 1. Unreferenced entries are
  // placed in the highest pool their priority (or an earlier hit) allows
  // and overflow into lower pools; the bottom pool is always present and is
  // evicted first.
  double high_pri_pool_ratio = 0.5;
  double low_pri_pool_ratio = 0.0;

  // Use adaptive (spinning) mutexes for the shards where available.
  bool use_adaptive_mutex = kDefaultToAdaptiveMutex;

  // Optional second tier that evicted entries are demoted to.
  std::shared_ptr<SecondaryCache> secondary_cache;

  LRUCacheOptions() {}
  LRUCacheOptions(size_t _capacity, int _num_shard_bits,
                  bool _strict_capacity_limit, double _high_pri_pool_ratio,
                  std::shared_ptr<MemoryAllocator> _memory_allocator = nullptr,
                  bool _use_adaptive_mutex = kDefaultToAdaptiveMutex,
                  CacheMetadataChargePolicy _metadata_charge_policy =
                      kDefaultCacheMetadataChargePolicy,
                  double _low_pri_pool_ratio = 0.0)
      : ShardedCacheOptions(_capacity, _num_shard_bits, _strict_capacity_limit,
                            std::move(_memory_allocator),
                            _metadata_charge_policy),
        high_pri_pool_ratio(_high_pri_pool_ratio),
        low_pri_pool_ratio(_low_pri_pool_ratio),
        use_adaptive_mutex(_use_adaptive_mutex) {}
};

// Returns a new sharded LRU cache holding `capacity` in total, split evenly
// over the shards. num_shard_bits = -1 picks the shard count from the
// capacity (shards of at least 512KB, at most 64 shards).
extern std::shared_ptr<Cache> NewLRUCache(
    size_t capacity, int num_shard_bits = -1,
    bool strict_capacity_limit = false, double high_pri_pool_ratio = 0.5,
    std::shared_ptr<MemoryAllocator> memory_allocator = nullptr,
    bool use_adaptive_mutex = kDefaultToAdaptiveMutex,
    CacheMetadataChargePolicy metadata_charge_policy =
        kDefaultCacheMetadataChargePolicy,
    double low_pri_pool_ratio = 0.0);

extern std::shared_ptr<Cache> NewLRUCache(const LRUCacheOptions& cache_opts);

// EXPERIMENTAL. Options of a secondary cache that keeps compressed copies of
// entries in an LRU cache. The inherited secondary_cache field is unused.
struct CompressedSecondaryCacheOptions : LRUCacheOptions {
  CompressionType compression_type = CompressionType::kLZ4Compression;

  // 1: the uncompressed size is not stored; 2: it is stored as a varint32
  // in front of the compressed data.
  uint32_t compress_format_version = 2;

  // Split compressed values into chunks sized for allocator bins.
  bool enable_custom_split_merge = false;

  CompressedSecondaryCacheOptions() {}
  CompressedSecondaryCacheOptions(
      size_t _capacity, int _num_shard_bits, bool _strict_capacity_limit,
      double _high_pri_pool_ratio, double _low_pri_pool_ratio = 0.0,
      std::shared_ptr<MemoryAllocator> _memory_allocator = nullptr,
      bool _use_adaptive_mutex = kDefaultToAdaptiveMutex,
      CacheMetadataChargePolicy _metadata_charge_policy =
          kDefaultCacheMetadataChargePolicy,
      CompressionType _compression_type = CompressionType::kLZ4Compression,
      uint32_t _compress_format_version = 2,
      bool _enable_custom_split_merge = false)
      : LRUCacheOptions(_capacity, _num_shard_bits, _strict_capacity_limit,
                        _high_pri_pool_ratio, std::move(_memory_allocator),
                        _use_adaptive_mutex, _metadata_charge_policy,
                        _low_pri_pool_ratio),
        compression_type(_compression_type),
        compress_format_version(_compress_format_version),
        enable_custom_split_merge(_enable_custom_split_merge) {}
};

// EXPERIMENTAL. Returns a new compressed secondary cache.
extern std::shared_ptr<SecondaryCache> NewCompressedSecondaryCache(
    size_t capacity, int num_shard_bits = -1,
    bool strict_capacity_limit = false, double high_pri_pool_ratio = 0.5,
    double low_pri_pool_ratio = 0.0,
    std::shared_ptr<MemoryAllocator> memory_allocator = nullptr,
    bool use_adaptive_mutex = kDefaultToAdaptiveMutex,
    CacheMetadataChargePolicy metadata_charge_policy =
        kDefaultCacheMetadataChargePolicy,
    CompressionType compression_type = CompressionType::kLZ4Compression,
    uint32_t compress_format_version = 2,
    bool enable_custom_split_merge = false);

extern std::shared_ptr<SecondaryCache> NewCompressedSecondaryCache(
    const CompressedSecondaryCacheOptions& opts);

// EXPERIMENTAL. Options of the lock-free "hyper clock" cache.
struct HyperClockCacheOptions : public ShardedCacheOptions {
  // Expected average charge of an entry; it sizes the fixed hash table.
  // Erring low costs some metadata space, erring high can leave capacity
  // unused. The larger of block_size and metadata_block_size is a sensible
  // choice for a block cache.
  size_t estimated_entry_charge;

  HyperClockCacheOptions(
      size_t _capacity, size_t _estimated_entry_charge,
      int _num_shard_bits = -1, bool _strict_capacity_limit = false,
      std::shared_ptr<MemoryAllocator> _memory_allocator = nullptr,
      CacheMetadataChargePolicy _metadata_charge_policy =
          kDefaultCacheMetadataChargePolicy)
      : ShardedCacheOptions(_capacity, _num_shard_bits, _strict_capacity_limit,
                            std::move(_memory_allocator),
                            _metadata_charge_policy),
        estimated_entry_charge(_estimated_entry_charge) {}

  // Returns a new cache configured by these options.
  std::shared_ptr<Cache> MakeSharedCache() const;
};

// DEPRECATED. Returns a new LRU cache (the old clock cache is gone).
extern std::shared_ptr<Cache> NewClockCache(
    size_t capacity, int num_shard_bits = -1,
    bool strict_capacity_limit = false,
    CacheMetadataChargePolicy metadata_charge_policy =
        kDefaultCacheMetadataChargePolicy);

class Cache {
 public:
  // Eviction preference: HIGH is used for index/filter blocks when
  // cache_index_and_filter_blocks_with_high_priority is set, LOW for other
  // table blocks, BOTTOM for blob values. Lower priorities go first.
  enum class Priority { HIGH, LOW, BOTTOM };

  // Callbacks that let a secondary cache persist an entry. They are plain
  // function pointers so that they add nothing to per-entry metadata, and
  // must not throw.

  // Size in bytes of the persistable form of `obj`.
  using SizeCallback = size_t (*)(void* obj);

  // Copies `length` bytes of the persistable form of `from_obj`, starting at
  // `from_offset`, to `out`. May be called several times for one object.
  using SaveToCallback = Status (*)(void* from_obj, size_t from_offset,
                                    size_t length, void* out);

  // Destroys an entry's value. The cache owns (and frees) the key copy, the
  // caller's deleter owns the value.
  using DeleterFn = void (*)(const Slice& key, void* value);

  // The callbacks for one kind of object. Must outlive the cache.
  struct CacheItemHelper {
    SizeCallback size_cb;
    SaveToCallback saveto_cb;
    DeleterFn del_cb;

    CacheItemHelper() : size_cb(nullptr), saveto_cb(nullptr), del_cb(nullptr) {}
    CacheItemHelper(SizeCallback _size_cb, SaveToCallback _saveto_cb,
                    DeleterFn _del_cb)
        : size_cb(_size_cb), saveto_cb(_saveto_cb), del_cb(_del_cb) {}
  };

  // Rebuilds an object from the `size` bytes at `buf` (which it must copy,
  // not keep), returning it in *out_obj and its charge in *charge.
  using CreateCallback = std::function<Status(const void* buf, size_t size,
                                              void** out_obj, size_t* charge)>;

  Cache(std::shared_ptr<MemoryAllocator> allocator = nullptr)
      : memory_allocator_(std::move(allocator)) {}
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  // Creates a cache from a string: either a bare capacity ("1M", meaning
  // NewLRUCache(1 << 20)) or "name=value" pairs of LRUCacheOptions
  // ("capacity=1M;num_shard_bits=4"). InvalidArgument on a bad option.
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& value,
                                 std::shared_ptr<Cache>* result);

  // Runs the deleter of every entry still in the cache.
  virtual ~Cache() {}

  // Opaque reference to an entry.
  struct Handle {};

  // The implementation's name, e.g. "LRUCache".
  virtual const char* Name() const = 0;

  // Maps key to value with `charge` against the capacity, in this cache only
  // (no secondary tier). With a strict capacity limit and no room, returns
  // Status::MemoryLimit. If `handle` is non-null it receives a reference
  // the caller must Release(); on failure the caller still owns `value`.
  // If `handle` is null the entry starts unreferenced, and on failure the
  // cache calls `deleter` on the value itself. The cache copies the key.
  virtual Status Insert(const Slice& key, void* value, size_t charge,
                        DeleterFn deleter, Handle** handle = nullptr,
                        Priority priority = Priority::LOW) = 0;

  // Returns a referenced handle for key, or nullptr when absent. The caller
  // must Release() it. `stats` may receive hit/miss tickers.
  virtual Handle* Lookup(const Slice& key, Statistics* stats = nullptr) = 0;

  // Adds a reference to an entry that is still in the cache; false if it is
  // no longer there.
  // REQUIRES: handle came from this cache.
  virtual bool Ref(Handle* handle) = 0;

  // Drops one reference. With erase_if_last_ref, an entry whose last
  // reference this was is also erased (and its deleter run). Returns true if
  // the entry was erased.
  // REQUIRES: handle came from this cache and is not released yet.
  virtual bool Release(Handle* handle, bool erase_if_last_ref = false) = 0;

  // The value of a referenced entry.
  // REQUIRES: handle came from this cache and is not released yet.
  virtual void* Value(Handle* handle) = 0;

  // Removes key from the cache; the entry itself is destroyed once no
  // handle refers to it any more.
  virtual void Erase(const Slice& key) = 0;

  // Returns a new id, unique within this cache, that clients can prefix
  // their keys with to share one cache.
  virtual uint64_t NewId() = 0;

  // Changes the capacity; when shrinking, unreferenced entries are evicted
  // until usage fits (as far as possible).
  virtual void SetCapacity(size_t capacity) = 0;

  virtual void SetStrictCapacityLimit(bool strict_capacity_limit) = 0;

  virtual bool HasStrictCapacityLimit() const = 0;

  virtual size_t GetCapacity() const = 0;

  // Total charge of the entries held (referenced or not).
  virtual size_t GetUsage() const = 0;

  // Number of entries in the table; SIZE_MAX if the cache cannot tell.
  virtual size_t GetOccupancyCount() const { return SIZE_MAX; }

  // Number of hash table slots; 0 if the cache cannot tell.
  virtual size_t GetTableAddressCount() const { return 0; }

  // Charge (including metadata, per the charge policy) of one entry.
  virtual size_t GetUsage(Handle* handle) const = 0;

  // Total charge of the entries that are currently referenced.
  virtual size_t GetPinnedUsage() const = 0;

  // The charge given when the entry was inserted.
  virtual size_t GetCharge(Handle* handle) const = 0;

  // The deleter given when the entry was inserted (useful to check an
  // entry's type).
  virtual DeleterFn GetDeleter(Handle* handle) const = 0;

  // Makes the destructor leak the entries instead of freeing them, to speed
  // up process exit. The cache is unusable afterwards.
  virtual void DisownData() {}

  struct ApplyToAllEntriesOptions {
    // How many entries to visit per lock acquisition, on average.
    size_t average_entries_per_lock = 256;
  };

  // Calls `callback` on every entry. Thread-safe, but concurrent changes may
  // or may not be seen.
  virtual void ApplyToAllEntries(
      const std::function<void(const Slice& key, void* value, size_t charge,
                               DeleterFn deleter)>& callback,
      const ApplyToAllEntriesOptions& opts) = 0;

  // DEPRECATED form of ApplyToAllEntries().
  virtual void ApplyToAllCacheEntries(void (*callback)(void* value,
                                                       size_t charge),
                                      bool /*thread_safe*/) {
    ApplyToAllEntries([callback](const Slice&, void* value, size_t charge,
                                 DeleterFn) { callback(value, charge); },
                      {});
  }

  // Removes every unreferenced entry.
  virtual void EraseUnRefEntries() = 0;

  virtual std::string GetPrintableOptions() const { return ""; }

  MemoryAllocator* memory_allocator() const { return memory_allocator_.get(); }

  // EXPERIMENTAL: the secondary-cache aware Insert/Lookup/Release. Keys
  // must be stable across restarts and hosts for a persistent secondary
  // cache to be useful.

  // Like Insert() above, with the deleter taken from `helper` (which must
  // outlive the cache). `value` must not be nullptr. The entry may also be
  // offered to the secondary cache.
  virtual Status Insert(const Slice& key, void* value,
                        const CacheItemHelper* helper, size_t charge,
                        Handle** handle = nullptr,
                        Priority priority = Priority::LOW) {
    if (helper == nullptr) {
      return Status::InvalidArgument();
    }
    return Insert(key, value, charge, helper->del_cb, handle, priority);
  }

  // Looks key up in this cache and, given a helper, in the secondary cache,
  // promoting a secondary hit built with `create_cb`. With wait=false the
  // handle may be pending: only Value(), IsReady(), Wait() and WaitAll()
  // may be used on it until a Wait() completes, after which Value() ==
  // nullptr means the lookup failed.
  virtual Handle* Lookup(const Slice& key, const CacheItemHelper* /*helper_cb*/,
                         const CreateCallback& /*create_cb*/,
                         Priority /*priority*/, bool /*wait*/,
                         Statistics* stats = nullptr) {
    return Lookup(key, stats);
  }

  // Release() that also says whether the entry was useful (a hit).
  virtual bool Release(Handle* handle, bool /*useful*/,
                       bool erase_if_last_ref) {
    return Release(handle, erase_if_last_ref);
  }

  // Whether a handle from Lookup() can be waited on without blocking.
  virtual bool IsReady(Handle* /*handle*/) { return true; }

  // Completes a pending handle; no effect on others.
  virtual void Wait(Handle* /*handle*/) {}

  // Completes every pending handle in `handles`.
  virtual void WaitAll(std::vector<Handle*>& /*handles*/) {}

 private:
  std::shared_ptr<MemoryAllocator> memory_allocator_;
};

// What a block cache entry holds. kMisc must stay last (it defines
// kNumCacheEntryRoles).
enum class CacheEntryRole {
  // Data block of a block-based table.
  kDataBlock,
  // Full or partitioned filter block.
  kFilterBlock,
  // Top-level block of a partitioned filter.
  kFilterMetaBlock,
  // Obsolete: the removed block-based filter.
  kDeprecatedFilterBlock,
  // Index block.
  kIndexBlock,
  // Any other block-based table block.
  kOtherBlock,
  // WriteBufferManager's reservation for memtables.
  kWriteBuffer,
  // Reservation for the compression dictionary training buffer.
  kCompressionDictionaryBuildingBuffer,
  // Reservation for Bloom/Ribbon filter construction.
  kFilterConstruction,
  // Reservation for a table reader's memory.
  kBlockBasedTableReader,
  // Reservation for file metadata.
  kFileMetadata,
  // Blob value (blob cache shared with the block cache).
  kBlobValue,
  // Reservation for a separate blob cache.
  kBlobCache,
  // Everything else; not for large amounts.
  kMisc,
};
constexpr uint32_t kNumCacheEntryRoles =
    static_cast<uint32_t>(CacheEntryRole::kMisc) + 1;

// Lowercase, hyphen-separated name of a role, e.g. "data-block".
const std::string& GetCacheEntryRoleName(CacheEntryRole);

// Keys of the map returned by GetMapProperty() for
// DB::Properties::kBlockCacheEntryStats.
struct BlockCacheEntryStatsMapKeys {
  static const std::string& CacheId();
  static const std::string& CacheCapacityBytes();
  static const std::string& LastCollectionDurationSeconds();
  static const std::string& LastCollectionAgeSeconds();

  static std::string EntryCount(CacheEntryRole);
  static std::string UsedBytes(CacheEntryRole);
  static std::string UsedPercent(CacheEntryRole);
};

}  // namespace ROCKSDB_NAMESPACE
