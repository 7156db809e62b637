// Copyright (c) the rocksdb-cleanroom authors.
//
// FlushJob: one flush of immutable memtables into one level-0 table file.
// The DB picks the memtables and the file number under its mutex, then
// runs the job without it:
//   NotifyBegin  listeners' OnFlushBegin
//   Run          merged memtable iterators -> BuildTable, with RocksDB's
//                LOG lines, EVENT_LOG records and statistics
//   (the DB installs the result: VersionEdit + read view)
//   NotifyCompleted  listeners' OnFlushCompleted
// Recovery (DBImpl::WriteLevel0TableForRecovery) only calls Run, with
// FlushJobOptions::for_recovery.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/builder.h"
#include "db/version_edit.h"
#include "rocksdb/db.h"
#include "rocksdb/listener.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class MemTable;

// What a job needs from the DB. Pointers are not owned and must outlive
// the job.
struct FlushJobOptions {
  std::string dbname;
  const DBOptions* db_options = nullptr;
  const ColumnFamilyOptions* cf_options = nullptr;
  const InternalKeyComparator* icmp = nullptr;
  FileSystem* fs = nullptr;
  uint32_t column_family_id = 0;
  std::string column_family_name;
  int job_id = 0;
  FlushReason flush_reason = FlushReason::kOthers;
  // Recovery writes tables with TableFileCreationReason::kRecovery, no
  // file creation time and no flush LOG lines of its own.
  bool for_recovery = false;
  std::vector<SequenceNumber> snapshots;  // ascending
  std::string db_id;
  std::string db_session_id;
  // Whether the memtables waiting for this flush stopped or slowed writes
  // (reported to listeners).
  bool triggered_writes_slowdown = false;
  bool triggered_writes_stop = false;
};

class FlushJob {
 public:
  // mems: the memtables to flush, oldest first (referenced by the caller
  // for the job's lifetime). file_number: the new table's number.
  FlushJob(const FlushJobOptions& options, std::vector<MemTable*> mems,
           uint64_t file_number);

  FlushJob(const FlushJob&) = delete;
  FlushJob& operator=(const FlushJob&) = delete;

  // Tells the listeners the flush starts. db is what they receive.
  void NotifyBegin(DB* db);
  // Writes the table. Call without the DB mutex.
  Status Run();
  // Tells the listeners the flush (and its installation) completed.
  void NotifyCompleted(DB* db);

  // The table written; file_size 0 when nothing survived (no file).
  const FileMetaData& meta() const { return meta_; }
  const TableProperties& table_properties() const { return props_; }
  const std::vector<MemTable*>& mems() const { return mems_; }

 private:
  FlushJobInfo MakeInfo(bool completed) const;
  void LogStarted() const;

  const FlushJobOptions options_;
  const std::vector<MemTable*> mems_;
  FileMetaData meta_;
  TableProperties props_;
  TableBuildStats stats_;
};

// The compression a level-0 table gets with these options.
CompressionType Level0Compression(const ColumnFamilyOptions& cf_options);

}  // namespace ROCKSDB_NAMESPACE
