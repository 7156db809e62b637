// Copyright (c) the rocksdb-cleanroom authors.
//
// TableBuilder: the write side of one table file, and the options a
// TableFactory needs to start one (TableBuilderOptions). A builder receives
// internal keys in increasing order and writes the finished table through
// a WritableFileWriter it does not own.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/compression_type.h"
#include "rocksdb/io_status.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "rocksdb/types.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

// What the creator of a table file passes to TableFactory::NewTableBuilder.
// Pointers are not owned and must outlive the builder.
struct TableBuilderOptions {
  const InternalKeyComparator* internal_comparator = nullptr;  // required
  // Gives prefix_extractor, merge_operator and
  // table_properties_collector_factories. May be null (then none of them).
  const ColumnFamilyOptions* cf_options = nullptr;
  const DBOptions* db_options = nullptr;  // may be null (SstFileWriter)
  // Already chosen for the output level by the caller.
  CompressionType compression_type = kSnappyCompression;
  CompressionOptions compression_opts;
  // TablePropertiesCollectorFactory::Context::kUnknownColumnFamily for
  // files made outside a DB.
  uint32_t column_family_id = 0;
  std::string column_family_name;
  int level_at_creation = -1;
  bool is_bottommost = false;
  // Unix seconds; recorded in the properties block as given.
  uint64_t creation_time = 0;
  uint64_t oldest_key_time = 0;
  uint64_t file_creation_time = 0;
  std::string db_id;
  std::string db_session_id;
  std::string db_host_id;
  uint64_t cur_file_num = 0;  // "rocksdb.original.file.number"
  TableFileCreationReason reason = TableFileCreationReason::kFlush;
  // Write no filter block even when the table options name a policy.
  bool skip_filters = false;
  // Collectors the engine itself adds (SstFileWriter's): called like the
  // column family's, but not listed in "rocksdb.property.collectors".
  std::vector<std::shared_ptr<TablePropertiesCollectorFactory>>
      internal_collector_factories;
};

// Builds one table. Call grammar: Add* (Finish | Abandon). The first
// failure sticks: later Adds are ignored and status() reports it.
class TableBuilder {
 public:
  virtual ~TableBuilder() {}

  // Adds one entry. Keys are internal keys in increasing internal-key
  // order; range tombstones (type kTypeRangeDeletion, value = end user key)
  // may come interleaved or after the point keys and go to their own
  // block in the order given.
  virtual void Add(const Slice& key, const Slice& value) = 0;

  virtual Status status() const = 0;
  virtual IOStatus io_status() const = 0;

  // Writes the remaining blocks, the meta blocks and the footer. Does not
  // Sync or Close the file. REQUIRES: neither Finish nor Abandon called.
  virtual Status Finish() = 0;

  // Gives up on the table: nothing more is written. The caller deletes
  // the file. REQUIRES: neither Finish nor Abandon called.
  virtual void Abandon() = 0;

  // Entries added so far (point entries and range tombstones).
  virtual uint64_t NumEntries() const = 0;
  // True while nothing (point or range tombstone) has been added.
  virtual bool IsEmpty() const = 0;
  // Bytes written to the file so far (the whole file after Finish).
  virtual uint64_t FileSize() const = 0;
  // FileSize plus what is buffered but not yet written.
  virtual uint64_t EstimatedFileSize() const { return FileSize(); }

  // The table's properties; complete after a successful Finish.
  virtual TableProperties GetTableProperties() const = 0;

  // Whole-file checksum of the writer's checksum generator (empty / the
  // unknown name when there is none); valid after the file is closed.
  virtual std::string GetFileChecksum() const = 0;
  virtual const char* GetFileChecksumFuncName() const = 0;

  // True if a properties collector asked for this file to be compacted.
  virtual bool NeedCompact() const { return false; }
};

}  // namespace ROCKSDB_NAMESPACE
