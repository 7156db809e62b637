// Copyright (c) the rocksdb-cleanroom authors.
//
// TableBlockSource: block cache lookup, file read, cache insert.
//
//   cache key = varint64(cache->NewId() taken when the table opened)
//               . varint64(block offset)
// Cached values are uncompressed Blocks (data, index) or ParsedFullFilters,
// charged their approximate memory usage.

#include "table/block_cache_access.h"

#include "env/random_access_file_reader.h"
#include "rocksdb/statistics.h"
#include "table/get_context.h"
#include "util/coding.h"
#include "util/perf_context_imp.h"

namespace ROCKSDB_NAMESPACE {

namespace {

template <class T>
void DeleteCachedValue(const Slice& /*key*/, void* value) {
  delete static_cast<T*>(value);
}

// Builds the in-memory form of a block from its contents.
template <class T>
std::unique_ptr<T> MakeValue(BlockContents&& contents);

template <>
std::unique_ptr<Block> MakeValue<Block>(BlockContents&& contents) {
  return std::unique_ptr<Block>(new Block(std::move(contents)));
}

template <>
std::unique_ptr<ParsedFullFilter> MakeValue<ParsedFullFilter>(
    BlockContents&& contents) {
  return std::unique_ptr<ParsedFullFilter>(
      new ParsedFullFilter(std::move(contents)));
}

struct KindTickers {
  uint32_t hit, miss, add, bytes_insert;
};

KindTickers TickersOf(BlockKind kind) {
  switch (kind) {
    case BlockKind::kIndex:
      return {BLOCK_CACHE_INDEX_HIT, BLOCK_CACHE_INDEX_MISS,
              BLOCK_CACHE_INDEX_ADD, BLOCK_CACHE_INDEX_BYTES_INSERT};
    case BlockKind::kFilter:
      return {BLOCK_CACHE_FILTER_HIT, BLOCK_CACHE_FILTER_MISS,
              BLOCK_CACHE_FILTER_ADD, BLOCK_CACHE_FILTER_BYTES_INSERT};
    case BlockKind::kData:
    default:
      return {BLOCK_CACHE_DATA_HIT, BLOCK_CACHE_DATA_MISS, BLOCK_CACHE_DATA_ADD,
              BLOCK_CACHE_DATA_BYTES_INSERT};
  }
}

}  // namespace

TableBlockSource::TableBlockSource(const RandomAccessFileReader* file,
                                   const Footer& footer,
                                   std::shared_ptr<Cache> cache,
                                   Statistics* stats, bool high_pri_meta)
    : file_(file),
      footer_(footer),
      cache_(std::move(cache)),
      stats_(stats),
      high_pri_meta_(high_pri_meta) {
  if (cache_ != nullptr) {
    PutVarint64(&cache_key_prefix_, cache_->NewId());
  }
}

std::string TableBlockSource::CacheKey(uint64_t offset) const {
  std::string key = cache_key_prefix_;
  PutVarint64(&key, offset);
  return key;
}

void TableBlockSource::RecordTick(uint32_t ticker, uint64_t n) const {
  if (stats_ != nullptr) stats_->recordTick(ticker, n);
}

void TableBlockSource::RecordHit(BlockKind kind, size_t charge,
                                 GetContextStats* cs) const {
  RecordTick(BLOCK_CACHE_HIT);
  RecordTick(TickersOf(kind).hit);
  RecordTick(BLOCK_CACHE_BYTES_READ, charge);
  PERF_COUNTER_ADD(block_cache_hit_count, 1);
  if (kind == BlockKind::kIndex) {
    PERF_COUNTER_ADD(block_cache_index_hit_count, 1);
  } else if (kind == BlockKind::kFilter) {
    PERF_COUNTER_ADD(block_cache_filter_hit_count, 1);
  }
  if (cs != nullptr) {
    cs->num_cache_hit++;
    cs->num_cache_bytes_read += charge;
    if (kind == BlockKind::kIndex) cs->num_cache_index_hit++;
    if (kind == BlockKind::kFilter) cs->num_cache_filter_hit++;
    if (kind == BlockKind::kData) cs->num_cache_data_hit++;
  }
}

void TableBlockSource::RecordMiss(BlockKind kind, GetContextStats* cs) const {
  RecordTick(BLOCK_CACHE_MISS);
  RecordTick(TickersOf(kind).miss);
  if (cs != nullptr) {
    cs->num_cache_miss++;
    if (kind == BlockKind::kIndex) cs->num_cache_index_miss++;
    if (kind == BlockKind::kFilter) cs->num_cache_filter_miss++;
    if (kind == BlockKind::kData) cs->num_cache_data_miss++;
  }
}

void TableBlockSource::RecordAdd(BlockKind kind, size_t charge,
                                 GetContextStats* cs) const {
  RecordTick(BLOCK_CACHE_ADD);
  RecordTick(TickersOf(kind).add);
  RecordTick(TickersOf(kind).bytes_insert, charge);
  RecordTick(BLOCK_CACHE_BYTES_WRITE, charge);
  if (cs != nullptr) {
    cs->num_cache_add++;
    cs->num_cache_bytes_write += charge;
  }
}

Status TableBlockSource::ReadBlock(const ReadOptions& ro,
                                   const BlockHandle& handle, BlockKind kind,
                                   BlockContents* contents) const {
  PERF_COUNTER_ADD(block_read_count, 1);
  PERF_COUNTER_ADD(block_read_byte, handle.size() + kBlockTrailerSize);
  if (kind == BlockKind::kIndex) {
    PERF_COUNTER_ADD(index_block_read_count, 1);
  } else if (kind == BlockKind::kFilter) {
    PERF_COUNTER_ADD(filter_block_read_count, 1);
  }
  PERF_TIMER_GUARD(block_read_time);
  return ReadBlockContents(file_, footer_, ro, handle, contents);
}

template <class T>
Status TableBlockSource::Get(const ReadOptions& ro, const BlockHandle& handle,
                             BlockKind kind, bool use_cache,
                             CachableEntry<T>* out, GetContextStats* cs) const {
  Cache* cache = use_cache ? cache_.get() : nullptr;
  std::string key;
  if (cache != nullptr) {
    key = CacheKey(handle.offset());
    Cache::Handle* h = cache->Lookup(key);
    if (h != nullptr) {
      RecordHit(kind, cache->GetCharge(h), cs);
      out->SetCached(cache, h);
      return Status::OK();
    }
    RecordMiss(kind, cs);
  }
  if (ro.read_tier == kBlockCacheTier) {
    return Status::Incomplete("no blocking io");
  }
  BlockContents contents;
  Status s = ReadBlock(ro, handle, kind, &contents);
  if (!s.ok()) return s;
  std::unique_ptr<T> value = MakeValue<T>(std::move(contents));
  if (cache != nullptr && ro.fill_cache) {
    const size_t charge = value->ApproximateMemoryUsage();
    const Cache::Priority pri = kind != BlockKind::kData && high_pri_meta_
                                    ? Cache::Priority::HIGH
                                    : Cache::Priority::LOW;
    Cache::Handle* h = nullptr;
    Status insert =
        cache->Insert(key, value.get(), charge, &DeleteCachedValue<T>, &h, pri);
    if (insert.ok()) {
      value.release();  // the cache owns it now
      RecordAdd(kind, charge, cs);
      out->SetCached(cache, h);
      return Status::OK();
    }
    // A full cache with a strict limit: keep the block to ourselves.
    RecordTick(BLOCK_CACHE_ADD_FAILURES);
  }
  out->SetOwned(std::move(value));
  return Status::OK();
}

Status TableBlockSource::GetBlock(const ReadOptions& ro,
                                  const BlockHandle& handle, BlockKind kind,
                                  bool use_cache, CachableEntry<Block>* out,
                                  GetContextStats* ctx_stats) const {
  return Get(ro, handle, kind, use_cache, out, ctx_stats);
}

Status TableBlockSource::GetFilter(const ReadOptions& ro,
                                   const BlockHandle& handle, bool use_cache,
                                   CachableEntry<ParsedFullFilter>* out,
                                   GetContextStats* ctx_stats) const {
  return Get(ro, handle, BlockKind::kFilter, use_cache, out, ctx_stats);
}

}  // namespace ROCKSDB_NAMESPACE
