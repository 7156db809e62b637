// Copyright (c) the rocksdb-cleanroom authors.
//
// FlushJob: the memtables' point entries are merged (newest memtable
// first) into one internal iterator, their range tombstone iterators are
// handed over as they are, and BuildTable writes the table. The LOG lines
// and EVENT_LOG_v1 records follow RocksDB 7.8.3's wording (observed in
// its LOG files), so that tools grepping LOG files keep working.

#include "db/flush_job.h"

#include <cinttypes>
#include <memory>

#include "db/filename.h"
#include "memtable/memtable.h"
#include "rocksdb/env.h"
#include "rocksdb/statistics.h"
#include "rocksdb/system_clock.h"
#include "table/merging_iterator.h"

namespace ROCKSDB_NAMESPACE {

namespace {

const char* FlushReasonString(FlushReason reason) {
  switch (reason) {
    case FlushReason::kOthers:
      return "Other Reasons";
    case FlushReason::kGetLiveFiles:
      return "Get Live Files";
    case FlushReason::kShutDown:
      return "Shut down";
    case FlushReason::kExternalFileIngestion:
      return "External File Ingestion";
    case FlushReason::kManualCompaction:
      return "Manual Compaction";
    case FlushReason::kWriteBufferManager:
      return "Write Buffer Manager";
    case FlushReason::kWriteBufferFull:
      return "Write Buffer Full";
    case FlushReason::kTest:
      return "Test";
    case FlushReason::kDeleteFiles:
      return "Delete Files";
    case FlushReason::kAutoCompaction:
      return "Auto Compaction";
    case FlushReason::kManualFlush:
      return "Manual Flush";
    case FlushReason::kErrorRecovery:
      return "Error Recovery";
    case FlushReason::kErrorRecoveryRetryFlush:
      return "Error Recovery Retry Flush";
    case FlushReason::kWalFull:
      return "WAL Full";
  }
  return "Invalid";
}

uint64_t NowSeconds(Env* env) {
  int64_t now = 0;
  if (!env->GetCurrentTime(&now).ok() || now < 0) return 0;
  return static_cast<uint64_t>(now);
}

}  // namespace

CompressionType Level0Compression(const ColumnFamilyOptions& cf_options) {
  if (!cf_options.compression_per_level.empty()) {
    return cf_options.compression_per_level[0];
  }
  return cf_options.compression;
}

FlushJob::FlushJob(const FlushJobOptions& options, std::vector<MemTable*> mems,
                   uint64_t file_number)
    : options_(options), mems_(std::move(mems)) {
  meta_.number = file_number;
}

FlushJobInfo FlushJob::MakeInfo(bool completed) const {
  FlushJobInfo info;
  info.cf_id = options_.column_family_id;
  info.cf_name = options_.column_family_name;
  // Before the table exists RocksDB reports file number 0 and an empty
  // sequence range (observed).
  info.file_number = completed ? meta_.number : 0;
  info.file_path = MakeTableFileName(options_.dbname, info.file_number);
  info.oldest_blob_file_number = kInvalidBlobFileNumber;
  info.thread_id = options_.db_options->env->GetThreadID();
  info.job_id = options_.job_id;
  info.triggered_writes_slowdown = options_.triggered_writes_slowdown;
  info.triggered_writes_stop = options_.triggered_writes_stop;
  info.smallest_seqno = completed ? meta_.smallest_seqno : kMaxSequenceNumber;
  info.largest_seqno = completed ? meta_.largest_seqno : 0;
  if (completed) info.table_properties = props_;
  info.flush_reason = options_.flush_reason;
  info.blob_compression_type = kNoCompression;
  return info;
}

void FlushJob::NotifyBegin(DB* db) {
  if (options_.db_options->listeners.empty()) return;
  const FlushJobInfo info = MakeInfo(false);
  for (const auto& listener : options_.db_options->listeners) {
    listener->OnFlushBegin(db, info);
  }
}

void FlushJob::NotifyCompleted(DB* db) {
  if (options_.db_options->listeners.empty()) return;
  const FlushJobInfo info = MakeInfo(true);
  for (const auto& listener : options_.db_options->listeners) {
    listener->OnFlushCompleted(db, info);
  }
}

void FlushJob::LogStarted() const {
  Logger* log = options_.db_options->info_log.get();
  if (log == nullptr) return;
  const char* cf = options_.column_family_name.c_str();
  Info(log, "[%s] [JOB %d] Flushing memtable with next log file: %" PRIu64, cf,
       options_.job_id, mems_.back()->GetNextLogNumber());
  uint64_t entries = 0, deletes = 0, data_size = 0, memory = 0;
  for (MemTable* m : mems_) {
    entries += m->num_entries();
    deletes += m->num_deletes();
    data_size += m->get_data_size();
    memory += m->ApproximateMemoryUsage();
  }
  Info(log,
       "EVENT_LOG_v1 {\"time_micros\": %" PRIu64
       ", \"job\": %d, \"event\": \"flush_started\", \"num_memtables\": %zu"
       ", \"num_entries\": %" PRIu64 ", \"num_deletes\": %" PRIu64
       ", \"total_data_size\": %" PRIu64 ", \"memory_usage\": %" PRIu64
       ", \"flush_reason\": \"%s\"}",
       options_.db_options->env->NowMicros(), options_.job_id, mems_.size(),
       entries, deletes, data_size, memory,
       FlushReasonString(options_.flush_reason));
  Info(log, "[%s] [JOB %d] Level-0 flush table #%" PRIu64 ": started", cf,
       options_.job_id, meta_.number);
}

Status FlushJob::Run() {
  const DBOptions& db_options = *options_.db_options;
  Env* env = db_options.env;
  Logger* log = db_options.info_log.get();
  const char* cf = options_.column_family_name.c_str();
  const uint64_t start_micros = env->NowMicros();
  const uint64_t start_cpu = env->NowCPUNanos();
  if (options_.for_recovery) {
    Debug(log,
          "[%s] [WriteLevel0TableForRecovery] Level-0 table #%" PRIu64
          ": started",
          cf, meta_.number);
  } else {
    LogStarted();
  }

  // Newest memtable first, so equal keys (none expected) favour it.
  std::vector<InternalIterator*> children;
  std::vector<std::unique_ptr<InternalIterator>> range_dels;
  for (auto it = mems_.rbegin(); it != mems_.rend(); ++it) {
    children.push_back((*it)->NewIterator());
    if ((*it)->num_range_deletes() > 0) {
      range_dels.emplace_back((*it)->NewRangeTombstoneIterator());
    }
  }
  std::unique_ptr<InternalIterator> iter(NewMergingIterator(
      options_.icmp, children.data(), static_cast<int>(children.size())));

  TableBuildOptions build;
  build.dbname = options_.dbname;
  build.db_options = options_.db_options;
  build.cf_options = options_.cf_options;
  build.icmp = options_.icmp;
  build.fs = options_.fs;
  build.column_family_id = options_.column_family_id;
  build.column_family_name = options_.column_family_name;
  build.reason = options_.for_recovery ? TableFileCreationReason::kRecovery
                                       : TableFileCreationReason::kFlush;
  build.job_id = options_.job_id;
  build.snapshots = options_.snapshots;
  build.compression = Level0Compression(*options_.cf_options);
  build.compression_opts = options_.cf_options->compression_opts;
  const uint64_t now = NowSeconds(env);
  build.creation_time = now;
  build.oldest_key_time = now;
  // RocksDB records no creation time for the tables of recovery.
  build.file_creation_time = options_.for_recovery ? 0 : now;
  build.db_id = options_.db_id;
  build.db_session_id = options_.db_session_id;
  Status s = BuildTable(build, iter.get(), std::move(range_dels), &meta_,
                        &props_, &stats_);
  iter.reset();

  const uint64_t micros = env->NowMicros() - start_micros;
  const uint64_t cpu_micros = (env->NowCPUNanos() - start_cpu) / 1000;
  if (s.ok()) {
    Info(log,
         "EVENT_LOG_v1 {\"time_micros\": %" PRIu64
         ", \"cf_name\": \"%s\", \"job\": %d, \"event\": "
         "\"table_file_creation\", \"file_number\": %" PRIu64
         ", \"file_size\": %" PRIu64 ", \"smallest_seqno\": %" PRIu64
         ", \"largest_seqno\": %" PRIu64
         ", \"table_properties\": {\"num_entries\": %" PRIu64
         ", \"num_deletions\": %" PRIu64 ", \"num_range_deletions\": %" PRIu64
         ", \"compression\": \"%s\"}}",
         env->NowMicros(), cf, options_.job_id, meta_.number, meta_.file_size,
         meta_.file_size > 0 ? meta_.smallest_seqno : 0, meta_.largest_seqno,
         props_.num_entries, props_.num_deletions, props_.num_range_deletions,
         props_.compression_name.c_str());
  }
  if (options_.for_recovery) {
    Debug(log,
          "[%s] [WriteLevel0TableForRecovery] Level-0 table #%" PRIu64
          ": %" PRIu64 " bytes %s",
          cf, meta_.number, meta_.file_size, s.ToString().c_str());
  } else {
    Info(log,
         "[%s] [JOB %d] Flush lasted %" PRIu64 " microseconds, and %" PRIu64
         " cpu microseconds.",
         cf, options_.job_id, micros, cpu_micros);
    Info(log,
         "[%s] [JOB %d] Level-0 flush table #%" PRIu64 ": %" PRIu64 " bytes %s",
         cf, options_.job_id, meta_.number, meta_.file_size,
         s.ToString().c_str());
  }
  Statistics* stats = db_options.statistics.get();
  if (stats != nullptr && s.ok()) {
    stats->recordTick(FLUSH_WRITE_BYTES, meta_.file_size);
    if (!options_.for_recovery) {
      stats->reportTimeToHistogram(FLUSH_TIME, micros);
    }
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
