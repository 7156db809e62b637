// Copyright (c) the rocksdb-cleanroom authors.
//
// WAL replay at open. WALs are read in number order; each logical record
// is a WriteBatch applied to the memtable at its own sequence number.
// What a reported problem (a corrupt record, a batch that cannot be
// applied) does depends on wal_recovery_mode, as in RocksDB 7.8.3:
//   kTolerateCorruptedTailRecords, kAbsoluteConsistency: the open fails
//     with the reported status (the log reader decides what counts as a
//     tolerated tail in each mode, see wal/log_reader.h);
//   kPointInTimeRecovery: replay stops before the first problem, later
//     records and later WALs are ignored, the open succeeds;
//   kSkipAnyCorruptedRecords: the problem is skipped, replay goes on.
// A batch whose entries all have sequence numbers at or below what was
// already replayed is skipped (a copy of records already applied).
//
// A read-write open flushes a memtable that fills up during the replay to
// a level-0 table right away (RocksDB's WriteLevel0TableForRecovery); the
// tables are recorded in the open's VersionEdit. A read-only open keeps
// full memtables as immutable ones.

#include <cinttypes>

#include "db/db_impl.h"
#include "db/filename.h"
#include "db/flush_job.h"
#include "db/memtable_inserter.h"
#include "db/version_set.h"
#include "db/write_batch_internal.h"
#include "env/file_reader.h"
#include "memtable/memtable.h"
#include "wal/log_reader.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Keeps the first corruption the reader reports, except in skip mode,
// where corruptions are only logged.
class ReplayReporter : public log::Reader::Reporter {
 public:
  ReplayReporter(Logger* info_log, const std::string& fname,
                 WALRecoveryMode mode, Status* status)
      : info_log_(info_log), fname_(fname), mode_(mode), status_(status) {}

  void Corruption(size_t bytes, const Status& s) override {
    Warn(info_log_, "%s: dropping %zu bytes; %s", fname_.c_str(), bytes,
         s.ToString().c_str());
    if (mode_ != WALRecoveryMode::kSkipAnyCorruptedRecords && status_->ok()) {
      *status_ = s;
    }
  }

 private:
  Logger* const info_log_;
  const std::string fname_;
  const WALRecoveryMode mode_;
  Status* const status_;
};

}  // namespace

Status DBImpl::ReplayWals(const std::vector<uint64_t>& wal_numbers,
                          SequenceNumber* max_sequence, VersionEdit* edit) {
  const WALRecoveryMode mode = db_options_.wal_recovery_mode;
  Logger* info_log = db_options_.info_log.get();
  bool any_record = false;
  // Largest sequence number replayed so far (valid once any_record).
  SequenceNumber replayed = 0;
  for (uint64_t number : wal_numbers) {
    const std::string fname = LogFileName(db_options_.wal_dir, number);
    std::unique_ptr<FSSequentialFile> file;
    IOStatus io = fs_->NewSequentialFile(fname, FileOptions(), &file, nullptr);
    if (!io.ok()) {
      // The WAL disappeared after the directory listing: nothing to replay.
      if (io.IsPathNotFound() || io.IsNotFound()) continue;
      return io;
    }
    std::unique_ptr<SequentialFileReader> reader_file(
        new SequentialFileReader(std::move(file), fname));
    Status status;
    ReplayReporter reporter(info_log, fname, mode, &status);
    log::Reader reader(db_options_.info_log, std::move(reader_file), &reporter,
                       /*checksum=*/true, number);
    Info(info_log, "Recovering log #%" PRIu64 " mode %d", number,
         static_cast<int>(mode));

    Slice record;
    std::string scratch;
    WriteBatch batch;
    while (status.ok() && reader.ReadRecord(&record, &scratch, mode)) {
      // A problem reported while reading on to this record ends the
      // replay before it (the reader may skip a damaged block and return a
      // later record in the same call).
      if (!status.ok()) break;
      if (record.size() < WriteBatchInternal::kHeader) {
        reporter.Corruption(record.size(),
                            Status::Corruption("log record too small"));
        continue;
      }
      Status s = WriteBatchInternal::SetContents(&batch, record);
      const SequenceNumber first = WriteBatchInternal::Sequence(&batch);
      const uint32_t count = WriteBatchInternal::Count(&batch);
      if (s.ok() && count > 0 && any_record && first + count - 1 <= replayed) {
        continue;  // an earlier open's copy of records already replayed
      }
      SequenceNumber next_sequence = first;
      if (s.ok()) {
        bool flush_failed = false;
        s = ApplyRecoveredBatch(&batch, edit, &flush_failed, &next_sequence);
        if (flush_failed) {
          return s;  // a failed recovery flush is not a damaged record
        }
      }
      if (!s.ok()) {
        // A batch that cannot be applied counts as a corrupt record.
        reporter.Corruption(record.size(), s);
        continue;
      }
      any_record = true;
      if (count > 0) {
        replayed = std::max(replayed, first + count - 1);
        // As RocksDB: records that took no sequence number (an empty
        // DeleteRange at the end) do not count.
        if (next_sequence > first) {
          *max_sequence = std::max(*max_sequence, next_sequence - 1);
        } else if (first > 0) {
          *max_sequence = std::max(*max_sequence, first - 1);
        }
      }
    }
    if (!status.ok()) {
      if (status.IsNotSupported() ||
          mode != WALRecoveryMode::kPointInTimeRecovery) {
        return status;
      }
      // Point-in-time: everything after the first problem is dropped.
      Warn(info_log, "Point-in-time recovery stops in log #%" PRIu64 ": %s",
           number, status.ToString().c_str());
      break;
    }
  }
  return Status::OK();
}

Status DBImpl::ApplyRecoveredBatch(WriteBatch* batch, VersionEdit* edit,
                                   bool* flush_failed,
                                   SequenceNumber* next_sequence) {
  // Recovery applies a batch whole or not at all.
  // Records of other column families are skipped: Recover() has already
  // refused a MANIFEST with families the caller did not open.
  Status s =
      MemTableInserter::Check(batch, cf_options_.merge_operator != nullptr,
                              /*ignore_missing_column_families=*/true);
  if (!s.ok()) return s;
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  s = MemTableInserter::Insert(
      batch, tables->mem, WriteBatchInternal::Sequence(batch), false,
      /*ignore_missing_column_families=*/true, next_sequence);
  if (!s.ok()) return s;
  if (!tables->mem->ShouldFlush()) return Status::OK();
  const SequenceNumber next =
      WriteBatchInternal::Sequence(batch) + WriteBatchInternal::Count(batch);
  MemTable* full = tables->mem;
  if (read_only_) {
    // Keep replaying into a fresh memtable.
    port::MutexLock l(&mutex_);
    full->MarkImmutable();
    std::vector<MemTable*> imm;
    imm.push_back(full);
    imm.insert(imm.end(), tables->imm.begin(), tables->imm.end());
    InstallMemTablesLocked(NewMemTable(next - 1), imm);
    return Status::OK();
  }
  s = WriteLevel0TableForRecovery(full, edit);
  if (!s.ok()) {
    *flush_failed = true;
    return s;
  }
  InstallMemTables(NewMemTable(next - 1), {});
  return Status::OK();
}

Status DBImpl::WriteLevel0TableForRecovery(MemTable* mem, VersionEdit* edit) {
  recovery_flushed_ = true;
  FlushJobOptions options;
  options.dbname = dbname_;
  options.db_options = &db_options_;
  options.cf_options = &cf_options_;
  options.icmp = &icmp_;
  options.fs = fs_.get();
  options.column_family_name = kDefaultColumnFamilyName;
  options.job_id = 1;  // RocksDB's recovery is job 1
  options.flush_reason = FlushReason::kOthers;
  options.for_recovery = true;
  options.db_id = db_id_;
  options.db_session_id = db_session_id_;
  {
    port::MutexLock l(&mutex_);
    mem->MarkImmutable();
  }
  FlushJob job(options, {mem}, versions_->NewFileNumber());
  Status s = job.Run();
  if (s.ok() && job.meta().file_size > 0) {
    edit->AddFile(0, job.meta());
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
