// Copyright (c) the rocksdb-cleanroom authors.
//
// BuildTable: writes memtable contents to one table file, the part shared
// by background flushes and the flushes of recovery. The entries go
// through a FlushIterator (db/flush_iterator.h) into the column family's
// TableFactory builder; the range tombstones are fragmented and written
// after them. The file is synced and closed; an empty result is deleted.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "db/version_edit.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/listener.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

// Where and how BuildTable writes. Pointers are not owned and must outlive
// the call.
struct TableBuildOptions {
  std::string dbname;  // directory of the table file (and of the DB)
  const DBOptions* db_options = nullptr;            // required
  const ColumnFamilyOptions* cf_options = nullptr;  // required
  const InternalKeyComparator* icmp = nullptr;      // required
  FileSystem* fs = nullptr;                         // required
  uint32_t column_family_id = 0;
  std::string column_family_name;
  TableFileCreationReason reason = TableFileCreationReason::kFlush;
  int job_id = 0;
  // Live snapshots, ascending: entries they see are kept.
  std::vector<SequenceNumber> snapshots;
  CompressionType compression = kSnappyCompression;
  CompressionOptions compression_opts;
  // Unix seconds recorded in the table properties and the FileMetaData
  // (0 = unknown).
  uint64_t creation_time = 0;
  uint64_t oldest_key_time = 0;
  uint64_t file_creation_time = 0;
  std::string db_id;
  std::string db_session_id;
  Env::IOPriority io_priority = Env::IO_HIGH;
};

// Counts of one BuildTable call, for logs and statistics.
struct TableBuildStats {
  uint64_t num_input_entries = 0;    // point entries read
  uint64_t num_output_entries = 0;   // point entries written
  uint64_t num_range_deletions = 0;  // tombstone fragments written
};

// Writes the point entries of `iter` (internal key order; not owned) and
// the range tombstones of `range_del_iters` (stored form, each sorted as
// stored; taken over) to table file meta->number in options.dbname.
// On success: meta gets file_size, smallest/largest (range tombstones
// included, the end of one as its kMaxSequenceNumber sentinel), the
// sequence number range, times and file checksum; *props (may be null)
// the table properties. When nothing survives, no file remains and
// meta->file_size is 0. On failure the file is deleted.
// Listeners hear OnTableFileCreationStarted and OnTableFileCreated.
Status BuildTable(
    const TableBuildOptions& options, InternalIterator* iter,
    std::vector<std::unique_ptr<InternalIterator>> range_del_iters,
    FileMetaData* meta, TableProperties* props,
    TableBuildStats* stats = nullptr);

}  // namespace ROCKSDB_NAMESPACE
