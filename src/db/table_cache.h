// Copyright (c) the rocksdb-cleanroom authors.
//
// TableCache: the open TableReaders of a DB, kept in an LRU Cache keyed by
// file number so that at most max_open_files - 10 table files are open at
// once (all of them when max_open_files is -1). Every read of a table file
// (Get, iterators, properties) goes through here.
//
// Thread safety: all methods may be called concurrently without the DB
// mutex; they do file I/O when a table must be opened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "db/version_edit.h"
#include "port/mutex.h"
#include "rocksdb/cache.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "table/table_reader_caller.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class Arena;
class GetContext;
class InternalIterator;
class TableReader;

class TableCache {
 public:
  // dbname: directory of the table files. db_options (statistics, info_log,
  // clock) and fs must outlive the cache. max_open_files as in DBOptions:
  // -1 keeps every opened table; otherwise the cache holds up to
  // max_open_files - 10 readers (the DB clips max_open_files to >= 20).
  TableCache(const std::string& dbname, const DBOptions* db_options,
             const FileOptions& file_options, FileSystem* fs,
             int max_open_files);
  ~TableCache();

  TableCache(const TableCache&) = delete;
  TableCache& operator=(const TableCache&) = delete;

  // Finds the reader of meta's file, opening it (with cf.table_factory,
  // compared by icmp) when it is not cached. On success *handle is a
  // reference the caller must give back with ReleaseHandle. With no_io, a
  // table that is not open yet is not opened: Status::Incomplete.
  // icmp must outlive the cache entry (use the column family's).
  Status FindTable(const ReadOptions& ro, const ColumnFamilyOptions& cf,
                   const InternalKeyComparator& icmp, const FileMetaData& meta,
                   Cache::Handle** handle, int level, bool no_io = false);

  // The reader behind a handle of FindTable; lives as long as the handle.
  TableReader* GetTableReader(Cache::Handle* handle) const;
  void ReleaseHandle(Cache::Handle* handle);

  // Looks up internal_key (user key + read sequence) in meta's file,
  // feeding the entries it finds to get_context. With
  // ro.read_tier == kBlockCacheTier nothing is read from disk: a table
  // that is not open, or a block that is not cached, gives Incomplete.
  Status Get(const ReadOptions& ro, const ColumnFamilyOptions& cf,
             const InternalKeyComparator& icmp, const FileMetaData& meta,
             const Slice& internal_key, GetContext* get_context, int level);

  // An iterator over the point entries of meta's file; it holds the table
  // open until destroyed. Placed in arena when non-null (destroy with
  // DestroyInternalIterator(it, true)). Errors give an error iterator,
  // never null. range_del_iter, when non-null, receives the file's range
  // tombstone iterator (heap-allocated, owned by the caller; null when
  // the file has none).
  InternalIterator* NewIterator(const ReadOptions& ro,
                                const ColumnFamilyOptions& cf,
                                const InternalKeyComparator& icmp,
                                const FileMetaData& meta, Arena* arena,
                                int level, TableReaderCaller caller,
                                InternalIterator** range_del_iter = nullptr);

  // The properties of meta's file (opening it unless no_io: then
  // Incomplete when it is not open).
  Status GetTableProperties(const ColumnFamilyOptions& cf,
                            const InternalKeyComparator& icmp,
                            const FileMetaData& meta,
                            std::shared_ptr<const TableProperties>* props,
                            int level = -1, bool no_io = false);

  // Forgets the reader of a file (call when the file is deleted). Handles
  // still held keep their reader alive until released.
  void Evict(uint64_t file_number);

  // Sum of TableReader::ApproximateMemoryUsage over the open tables.
  size_t GetMemoryUsageByTableReaders();

  // Number of tables open (cached) right now.
  size_t NumOpenTables() const;

  Cache* cache() const { return cache_.get(); }

 private:
  Status OpenTable(const ColumnFamilyOptions& cf,
                   const InternalKeyComparator& icmp, const FileMetaData& meta,
                   int level, std::unique_ptr<TableReader>* reader);

  static constexpr size_t kOpenLockStripes = 16;

  const std::string dbname_;
  const DBOptions* const db_options_;
  const FileOptions file_options_;
  FileSystem* const fs_;
  std::shared_ptr<Cache> cache_;
  // Serializes opens of the same file (striped by file number).
  port::Mutex open_locks_[kOpenLockStripes];
};

}  // namespace ROCKSDB_NAMESPACE
