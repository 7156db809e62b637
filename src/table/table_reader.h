// Copyright (c) the rocksdb-cleanroom authors.
//
// TableReader: the read side of one immutable table file (point lookups,
// iteration, range tombstones, size estimates), and the options a
// TableFactory needs to open one (TableReaderOptions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "rocksdb/types.h"
#include "table/table_reader_caller.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Arena;
class GetContext;
class Logger;
class SliceTransform;
class Statistics;
class SystemClock;

// What the opener of a table passes to TableFactory::NewTableReader. None
// of the pointers is owned. statistics, info_log and clock must outlive
// the reader; internal_comparator (copied) and cf_options are only used
// while opening; prefix_extractor must outlive the reader unless it is
// cf_options->prefix_extractor (then the reader shares it).
struct TableReaderOptions {
  const InternalKeyComparator* internal_comparator = nullptr;  // required
  const SliceTransform* prefix_extractor = nullptr;
  const ColumnFamilyOptions* cf_options = nullptr;  // may be null
  Statistics* statistics = nullptr;
  Logger* info_log = nullptr;
  SystemClock* clock = nullptr;
  // Never read the filter (lookups then always read data blocks).
  bool skip_filters = false;
  // The reader outlives every cache it inserts into (no unref on close).
  bool immortal = false;
  // LSM level of the file; -1 when unknown (SstFileReader, tools).
  int level = -1;
  // For messages and cache keys; 0 when unknown.
  uint64_t file_number = 0;
  // Largest sequence number of the file per the MANIFEST: the global
  // sequence number of an ingested file whose properties do not give it.
  SequenceNumber largest_seqno = 0;
  bool force_direct_prefetch = false;
};

// Thread-safe: any number of threads may call the const-like methods
// (Get, NewIterator, ...) at the same time.
class TableReader {
 public:
  virtual ~TableReader() {}

  // An iterator over the point entries (internal keys in the comparator's
  // order). With an arena the iterator lives there: destroy it with
  // DestroyInternalIterator(it, true); else the caller deletes it. The
  // reader must outlive the iterator. Never null (errors go to status()).
  virtual InternalIterator* NewIterator(
      const ReadOptions& ro, const SliceTransform* prefix_extractor,
      Arena* arena = nullptr, bool skip_filters = false,
      TableReaderCaller caller = TableReaderCaller::kUncategorized) = 0;

  // The range tombstones of the file as stored (key: begin internal key
  // with kTypeRangeDeletion, value: end user key); null when the file has
  // none. The caller deletes it; the reader must outlive it.
  virtual InternalIterator* NewRangeTombstoneIterator(
      const ReadOptions& ro) = 0;

  // Looks up key (an internal key: user key, read sequence,
  // kValueTypeForSeek), feeding every entry of that user key with a
  // sequence <= the read sequence to get_context, newest first, until it
  // says stop. Checks the filter first unless skip_filters. Raises
  // *get_context->max_covering_tombstone_seq() for this file's range
  // tombstones; when that is non-zero and no entry here decided the key,
  // the key is deleted (GetContext kDeleted, or the pending merge runs over
  // no value), as MemTable::Get does. With ro.read_tier == kBlockCacheTier
  // a block that would need I/O gives Status::Incomplete.
  virtual Status Get(const ReadOptions& ro, const Slice& key,
                     GetContext* get_context,
                     const SliceTransform* prefix_extractor,
                     bool skip_filters = false) = 0;

  // False only when the filter proves user_key absent (no I/O beyond the
  // filter itself).
  virtual bool KeyMayMatch(const ReadOptions& /*ro*/,
                           const Slice& /*user_key*/) {
    return true;
  }
  // False only when the filter proves that no key with user_key's prefix
  // (by the reader's prefix extractor) is in the file.
  virtual bool PrefixMayMatch(const ReadOptions& /*ro*/,
                              const Slice& /*user_key*/) {
    return true;
  }

  // Approximate file offset where the data of key (an internal key) starts.
  virtual uint64_t ApproximateOffsetOf(const Slice& key,
                                       TableReaderCaller caller) = 0;
  // Approximate bytes of data between two internal keys (start <= end).
  virtual uint64_t ApproximateSize(const Slice& start, const Slice& end,
                                   TableReaderCaller caller) = 0;

  // Never null once the reader is open.
  virtual std::shared_ptr<const TableProperties> GetTableProperties() const = 0;

  // Memory held by the reader itself (not by the block cache).
  virtual size_t ApproximateMemoryUsage() const = 0;

  // Reads every block and checks its checksum.
  virtual Status VerifyChecksum(const ReadOptions& ro,
                                TableReaderCaller caller) = 0;

  // The file is about to be read by a compaction.
  virtual void SetupForCompaction() {}
};

}  // namespace ROCKSDB_NAMESPACE
