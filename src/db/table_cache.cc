// Copyright (c) the rocksdb-cleanroom authors.
//
// TableCache: cache entries are
//   key   = fixed64(file number)
//   value = TableReader* (owned by the entry; deleted by its deleter)
//   charge = 1
// in an LRU cache of capacity max_open_files - 10 (or effectively unbounded
// for -1) that charges no metadata, so the capacity counts open files.
// Opening a file happens outside the cache's locks; a striped mutex keyed
// by file number keeps two threads from opening the same file at once.

#include "db/table_cache.h"

#include <utility>

#include "db/filename.h"
#include "env/random_access_file_reader.h"
#include "port/mutex.h"
#include "rocksdb/env.h"
#include "rocksdb/statistics.h"
#include "rocksdb/table.h"
#include "table/get_context.h"
#include "table/table_reader.h"
#include "util/arena.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Large enough never to evict: a DB cannot have this many live files.
constexpr size_t kInfiniteCapacity = 0x400000;

void DeleteTableReader(const Slice& /*key*/, void* value) {
  delete static_cast<TableReader*>(value);
}

void ReleaseCacheHandle(void* cache, void* handle) {
  static_cast<Cache*>(cache)->Release(static_cast<Cache::Handle*>(handle));
}

// The cache key of a file: its number, fixed64. buf holds 8 bytes.
Slice CacheKey(uint64_t file_number, char* buf) {
  EncodeFixed64(buf, file_number);
  return Slice(buf, sizeof(uint64_t));
}

}  // namespace

TableCache::TableCache(const std::string& dbname, const DBOptions* db_options,
                       const FileOptions& file_options, FileSystem* fs,
                       int max_open_files)
    : dbname_(dbname),
      db_options_(db_options),
      file_options_(file_options),
      fs_(fs) {
  const size_t capacity =
      max_open_files < 0
          ? kInfiniteCapacity
          : static_cast<size_t>(max_open_files > 10 ? max_open_files - 10 : 1);
  LRUCacheOptions opts(capacity, db_options->table_cache_numshardbits,
                       /*strict_capacity_limit=*/false,
                       /*high_pri_pool_ratio=*/0.0, nullptr,
                       kDefaultToAdaptiveMutex, kDontChargeCacheMetadata);
  cache_ = NewLRUCache(opts);
}

TableCache::~TableCache() = default;

Status TableCache::OpenTable(const ColumnFamilyOptions& cf,
                             const InternalKeyComparator& icmp,
                             const FileMetaData& meta, int level,
                             std::unique_ptr<TableReader>* reader) {
  if (cf.table_factory == nullptr) {
    return Status::InvalidArgument("no table factory for table file");
  }
  const std::string& dir =
      meta.path_id < db_options_->db_paths.size()
          ? db_options_->db_paths[meta.path_id].path
          : (db_options_->db_paths.empty() ? dbname_
                                           : db_options_->db_paths[0].path);
  std::string fname = TableFileName(dir, meta.number);
  std::unique_ptr<FSRandomAccessFile> file;
  IOStatus io = fs_->NewRandomAccessFile(fname, file_options_, &file, nullptr);
  if (!io.ok()) {
    // Files copied from LevelDB keep their ".ldb" suffix.
    const std::string ldb_name =
        MakeFileName(dir, meta.number, kLevelDbTableFileSuffix);
    IOStatus ldb_io =
        fs_->NewRandomAccessFile(ldb_name, file_options_, &file, nullptr);
    if (!ldb_io.ok()) return std::move(io);
    fname = ldb_name;
  }
  if (db_options_->advise_random_on_open) {
    file->Hint(FSRandomAccessFile::kRandom);
  }
  SystemClock* clock = db_options_->env != nullptr
                           ? db_options_->env->GetSystemClock().get()
                           : nullptr;
  std::unique_ptr<RandomAccessFileReader> file_reader(
      new RandomAccessFileReader(std::move(file), fname, clock,
                                 db_options_->statistics.get(),
                                 db_options_->rate_limiter.get()));
  TableReaderOptions tro;
  tro.internal_comparator = &icmp;
  tro.prefix_extractor = cf.prefix_extractor.get();
  tro.cf_options = &cf;
  tro.statistics = db_options_->statistics.get();
  tro.info_log = db_options_->info_log.get();
  tro.clock = clock;
  tro.level = level;
  tro.file_number = meta.number;
  tro.largest_seqno = meta.largest_seqno;
  return cf.table_factory->NewTableReader(
      ReadOptions(), tro, std::move(file_reader), meta.file_size, reader,
      /*prefetch_index_and_filter_in_cache=*/
      true);
}

Status TableCache::FindTable(const ReadOptions& /*ro*/,
                             const ColumnFamilyOptions& cf,
                             const InternalKeyComparator& icmp,
                             const FileMetaData& meta, Cache::Handle** handle,
                             int level, bool no_io) {
  char buf[sizeof(uint64_t)];
  const Slice key = CacheKey(meta.number, buf);
  *handle = cache_->Lookup(key);
  if (*handle != nullptr) return Status::OK();
  if (no_io) {
    return Status::Incomplete("Table not found in table_cache, no_io is set");
  }
  port::MutexLock lock(&open_locks_[meta.number % kOpenLockStripes]);
  // Another thread may have opened it while this one waited.
  *handle = cache_->Lookup(key);
  if (*handle != nullptr) return Status::OK();
  std::unique_ptr<TableReader> reader;
  Status s = OpenTable(cf, icmp, meta, level, &reader);
  if (!s.ok()) {
    // Not cached: a later read retries (the error may be transient).
    if (db_options_->statistics != nullptr) {
      db_options_->statistics->recordTick(NO_FILE_ERRORS, 1);
    }
    return s;
  }
  if (db_options_->statistics != nullptr) {
    db_options_->statistics->recordTick(NO_FILE_OPENS, 1);
  }
  s = cache_->Insert(key, reader.get(), 1, &DeleteTableReader, handle);
  if (s.ok()) reader.release();  // now owned by the cache entry
  return s;
}

TableReader* TableCache::GetTableReader(Cache::Handle* handle) const {
  return static_cast<TableReader*>(cache_->Value(handle));
}

void TableCache::ReleaseHandle(Cache::Handle* handle) {
  cache_->Release(handle);
}

Status TableCache::Get(const ReadOptions& ro, const ColumnFamilyOptions& cf,
                       const InternalKeyComparator& icmp,
                       const FileMetaData& meta, const Slice& internal_key,
                       GetContext* get_context, int level) {
  Cache::Handle* handle = nullptr;
  Status s = FindTable(ro, cf, icmp, meta, &handle, level,
                       /*no_io=*/ro.read_tier == kBlockCacheTier);
  if (!s.ok()) return s;
  s = GetTableReader(handle)->Get(ro, internal_key, get_context,
                                  cf.prefix_extractor.get());
  ReleaseHandle(handle);
  return s;
}

InternalIterator* TableCache::NewIterator(
    const ReadOptions& ro, const ColumnFamilyOptions& cf,
    const InternalKeyComparator& icmp, const FileMetaData& meta, Arena* arena,
    int level, TableReaderCaller caller, InternalIterator** range_del_iter) {
  if (range_del_iter != nullptr) *range_del_iter = nullptr;
  Cache::Handle* handle = nullptr;
  Status s = FindTable(ro, cf, icmp, meta, &handle, level,
                       ro.read_tier == kBlockCacheTier);
  if (!s.ok()) return NewErrorInternalIterator(s, arena);
  TableReader* reader = GetTableReader(handle);
  InternalIterator* iter = reader->NewIterator(
      ro, cf.prefix_extractor.get(), arena, /*skip_filters=*/false, caller);
  if (range_del_iter != nullptr && !ro.ignore_range_deletions) {
    InternalIterator* tombstones = reader->NewRangeTombstoneIterator(ro);
    if (tombstones != nullptr && cache_->Ref(handle)) {
      // The tombstone iterator keeps the table open on its own.
      tombstones->RegisterCleanup(&ReleaseCacheHandle, cache_.get(), handle);
      *range_del_iter = tombstones;
    } else {
      delete tombstones;
    }
  }
  iter->RegisterCleanup(&ReleaseCacheHandle, cache_.get(), handle);
  return iter;
}

Status TableCache::GetTableProperties(
    const ColumnFamilyOptions& cf, const InternalKeyComparator& icmp,
    const FileMetaData& meta, std::shared_ptr<const TableProperties>* props,
    int level, bool no_io) {
  Cache::Handle* handle = nullptr;
  Status s = FindTable(ReadOptions(), cf, icmp, meta, &handle, level, no_io);
  if (!s.ok()) return s;
  *props = GetTableReader(handle)->GetTableProperties();
  ReleaseHandle(handle);
  return Status::OK();
}

void TableCache::Evict(uint64_t file_number) {
  char buf[sizeof(uint64_t)];
  cache_->Erase(CacheKey(file_number, buf));
}

size_t TableCache::GetMemoryUsageByTableReaders() {
  size_t total = 0;
  cache_->ApplyToAllEntries(
      [&total](const Slice& /*key*/, void* value, size_t /*charge*/,
               Cache::DeleterFn /*deleter*/) {
        total += static_cast<TableReader*>(value)->ApproximateMemoryUsage();
      },
      Cache::ApplyToAllEntriesOptions());
  return total;
}

size_t TableCache::NumOpenTables() const { return cache_->GetUsage(); }

}  // namespace ROCKSDB_NAMESPACE
