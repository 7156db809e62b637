// Copyright (c) the rocksdb-cleanroom authors.
//
// How a block-based table reader gets its blocks: through the block cache
// when it has one (uncompressed blocks, keyed by a per-reader prefix and
// the block offset), else straight from the file. Records the block cache
// tickers of include/rocksdb/statistics.h and the PerfContext counters.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "rocksdb/cache.h"
#include "rocksdb/cleanable.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"
#include "table/block.h"
#include "table/filter_bits.h"
#include "table/format.h"

namespace ROCKSDB_NAMESPACE {

class RandomAccessFileReader;
class Statistics;
struct GetContextStats;

// What a block is used for: selects tickers and cache priority.
enum class BlockKind { kData, kIndex, kFilter };

// A value obtained through TableBlockSource: either owned here or a
// referenced block cache entry (released on Reset/destruction). Move-only.
template <class T>
class CachableEntry {
 public:
  CachableEntry() = default;
  ~CachableEntry() { Reset(); }

  CachableEntry(CachableEntry&& other) noexcept { *this = std::move(other); }
  CachableEntry& operator=(CachableEntry&& other) noexcept {
    if (this != &other) {
      Reset();
      value_ = other.value_;
      cache_ = other.cache_;
      handle_ = other.handle_;
      owned_ = std::move(other.owned_);
      other.value_ = nullptr;
      other.cache_ = nullptr;
      other.handle_ = nullptr;
    }
    return *this;
  }
  CachableEntry(const CachableEntry&) = delete;
  CachableEntry& operator=(const CachableEntry&) = delete;

  void SetOwned(std::unique_ptr<T>&& value) {
    Reset();
    owned_ = std::move(value);
    value_ = owned_.get();
  }
  // Takes over one reference to handle, whose value is a T.
  void SetCached(Cache* cache, Cache::Handle* handle) {
    Reset();
    cache_ = cache;
    handle_ = handle;
    value_ = static_cast<T*>(cache->Value(handle));
  }
  void Reset() {
    if (handle_ != nullptr) cache_->Release(handle_);
    cache_ = nullptr;
    handle_ = nullptr;
    owned_.reset();
    value_ = nullptr;
  }

  T* get() const { return value_; }
  T* operator->() const { return value_; }
  bool IsEmpty() const { return value_ == nullptr; }
  bool IsCached() const { return handle_ != nullptr; }
  Cache* cache() const { return cache_; }
  Cache::Handle* handle() const { return handle_; }

  // Moves the release of this entry (cache reference or owned value) to
  // the cleanups of c; the entry becomes empty.
  void TransferTo(Cleanable* c) {
    if (handle_ != nullptr) {
      c->RegisterCleanup(&ReleaseHandle, cache_, handle_);
    } else if (owned_ != nullptr) {
      c->RegisterCleanup(&DeleteValue, owned_.release(), nullptr);
    }
    cache_ = nullptr;
    handle_ = nullptr;
    value_ = nullptr;
  }

  // For a cached entry: takes one more reference and registers its release
  // on c, so that c keeps the value alive on its own. False (nothing done)
  // for an owned or empty entry.
  bool PinOn(Cleanable* c) const {
    if (handle_ == nullptr || !cache_->Ref(handle_)) return false;
    c->RegisterCleanup(&ReleaseHandle, cache_, handle_);
    return true;
  }

 private:
  static void ReleaseHandle(void* cache, void* handle) {
    static_cast<Cache*>(cache)->Release(static_cast<Cache::Handle*>(handle));
  }
  static void DeleteValue(void* value, void*) { delete static_cast<T*>(value); }

  T* value_ = nullptr;
  Cache* cache_ = nullptr;
  Cache::Handle* handle_ = nullptr;
  std::unique_ptr<T> owned_;
};

// A full filter block with its reader, as kept by a table or the cache.
struct ParsedFullFilter {
  explicit ParsedFullFilter(BlockContents&& c)
      : contents(std::move(c)), reader(NewFilterBitsReader(contents.data)) {}
  size_t ApproximateMemoryUsage() const {
    return contents.ApproximateMemoryUsage() + sizeof(*this);
  }

  BlockContents contents;
  std::unique_ptr<FilterBitsReader> reader;  // reads contents; never null
};

// The block source of one open table. Thread-safe (immutable after
// construction; the cache and file are thread-safe).
class TableBlockSource {
 public:
  // file must outlive the source; cache and stats may be null. high_pri_meta:
  // index and filter blocks go into the cache with high priority.
  TableBlockSource(const RandomAccessFileReader* file, const Footer& footer,
                   std::shared_ptr<Cache> cache, Statistics* stats,
                   bool high_pri_meta);

  TableBlockSource(const TableBlockSource&) = delete;
  TableBlockSource& operator=(const TableBlockSource&) = delete;

  // Gets the block at handle. With use_cache and a block cache: a cached
  // copy if there is one, else reads it and (when ro.fill_cache) inserts
  // it. Without: reads it into an owned Block. With ro.read_tier ==
  // kBlockCacheTier a block not in the cache gives Status::Incomplete.
  // ctx_stats (may be null) receives the cache counters too. Errors name
  // the file and offset.
  Status GetBlock(const ReadOptions& ro, const BlockHandle& handle,
                  BlockKind kind, bool use_cache, CachableEntry<Block>* out,
                  GetContextStats* ctx_stats = nullptr) const;

  // The same for a full filter block.
  Status GetFilter(const ReadOptions& ro, const BlockHandle& handle,
                   bool use_cache, CachableEntry<ParsedFullFilter>* out,
                   GetContextStats* ctx_stats = nullptr) const;

  // Reads the block at handle from the file, bypassing the cache.
  Status ReadBlock(const ReadOptions& ro, const BlockHandle& handle,
                   BlockKind kind, BlockContents* contents) const;

  const RandomAccessFileReader* file() const { return file_; }
  const Footer& footer() const { return footer_; }
  Cache* cache() const { return cache_.get(); }
  Statistics* statistics() const { return stats_; }

 private:
  // The cache key of the block at offset: this reader's prefix . varint64.
  std::string CacheKey(uint64_t offset) const;
  void RecordTick(uint32_t ticker, uint64_t n = 1) const;
  void RecordHit(BlockKind kind, size_t charge, GetContextStats* cs) const;
  void RecordMiss(BlockKind kind, GetContextStats* cs) const;
  void RecordAdd(BlockKind kind, size_t charge, GetContextStats* cs) const;

  // Shared lookup / read / insert path; T is Block or ParsedFullFilter.
  template <class T>
  Status Get(const ReadOptions& ro, const BlockHandle& handle, BlockKind kind,
             bool use_cache, CachableEntry<T>* out, GetContextStats* cs) const;

  const RandomAccessFileReader* const file_;
  const Footer footer_;
  const std::shared_ptr<Cache> cache_;
  Statistics* const stats_;
  const bool high_pri_meta_;
  std::string cache_key_prefix_;
};

}  // namespace ROCKSDB_NAMESPACE
