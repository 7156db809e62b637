// Copyright (c) the rocksdb-cleanroom authors.
//
// Flushes. A memtable switch (write path, Flush, Close, Resume) leaves an
// immutable memtable and calls MaybeScheduleFlush, which queues one job on
// the HIGH pool (LOW when HIGH has no thread) when a flush is due: enough
// unflushed memtables (min_write_buffer_number_to_merge) or one asked for
// explicitly (force_flush_up_to_id_). One job runs at a time:
//
//   mutex held:   pick every unflushed memtable (oldest first), mark them
//                 in progress, take a file number (kept in pending_outputs_)
//   mutex free:   FlushJob::Run writes the level-0 table (listeners first)
//   mutex held:   LogAndApply {AddFile, LogNumber} + {MinLogNumberToKeep},
//                 drop the memtables from the read view, recompute stalls
//   mutex free:   OnFlushCompleted, delete the WALs and files now obsolete
//
// A failure rolls the memtables back to "unflushed" and becomes the sticky
// background error; Resume() clears it and flushes everything again.

#include <algorithm>
#include <cinttypes>

#include "db/db_impl.h"
#include "db/db_impl_options.h"
#include "db/flush_job.h"
#include "db/table_cache.h"
#include "db/version_set.h"
#include "memtable/memtable.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

Status DBImpl::Flush(const FlushOptions& options,
                     ColumnFamilyHandle* column_family) {
  if (read_only_) {
    return Status::NotSupported("Not supported operation in read only mode.");
  }
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  Logger* log = db_options_.info_log.get();
  const char* cf = column_family->GetName().c_str();
  Info(log, "[%s] Manual flush start.", cf);
  s = FlushMemTable(FlushReason::kManualFlush, options.wait,
                    options.allow_write_stall);
  Info(log, "[%s] Manual flush finished, status: %s", cf, s.ToString().c_str());
  return s;
}

Status DBImpl::Flush(const FlushOptions& options,
                     const std::vector<ColumnFamilyHandle*>& column_families) {
  if (read_only_) {
    return Status::NotSupported("Not supported operation in read only mode.");
  }
  for (ColumnFamilyHandle* cf : column_families) {
    if (cf != nullptr && cf->GetID() != 0) {
      return NotImplemented("DB::Flush of several column families");
    }
  }
  if (column_families.empty()) return Status::OK();
  return Flush(options, column_families.front());
}

Status DBImpl::FlushMemTable(FlushReason reason, bool wait,
                             bool allow_write_stall) {
  if (!allow_write_stall) {
    // Wait until one more immutable memtable would not stall writes.
    port::MutexLock l(&mutex_);
    const int limit = cf_options_.max_write_buffer_number;
    while (bg_error_.ok() && !shutting_down_.load(std::memory_order_acquire) &&
           bg_work_paused_ == 0 && !memtables_->imm.empty()) {
      const int after = static_cast<int>(memtables_->imm.size()) + 1;
      if (after < limit && !(limit > 3 && after >= limit - 1)) break;
      force_flush_up_to_id_ =
          std::max(force_flush_up_to_id_, memtables_->imm.front()->GetID());
      MaybeScheduleFlush();
      bg_cv_.Wait();
    }
  }
  Status s;
  WriteThread::Writer w;
  write_thread_.EnterUnbatched(&w);
  s = GetBackgroundError();
  if (s.ok() && !CurrentMemTables()->mem->IsEmpty()) {
    s = SwitchMemTable(reason);
  }
  write_thread_.ExitUnbatched(&w);
  if (!s.ok()) return s;

  port::MutexLock l(&mutex_);
  if (memtables_->imm.empty()) return Status::OK();
  const uint64_t flush_id = memtables_->imm.front()->GetID();
  if (flush_id > force_flush_up_to_id_) {
    force_flush_up_to_id_ = flush_id;
    pending_flush_reason_ = reason;
  }
  MaybeScheduleFlush();
  if (!wait) return Status::OK();
  return WaitForFlushMemTables(flush_id);
}

Status DBImpl::WaitForFlushMemTables(uint64_t memtable_id) {
  while (true) {
    if (!bg_error_.ok()) return bg_error_;
    // Done once the job that flushed it has also deleted the files the
    // flush made obsolete.
    if (completed_flush_up_to_id_ >= memtable_id) return Status::OK();
    if (shutting_down_.load(std::memory_order_acquire)) {
      return Status::ShutdownInProgress();
    }
    if (bg_work_paused_ > 0 && bg_flush_scheduled_ == 0) {
      // Nothing will flush until ContinueBackgroundWork.
      return Status::Incomplete("Background work is paused");
    }
    bg_cv_.Wait();
  }
}

bool DBImpl::FlushDue() const {
  // The oldest memtable no flush works on, and how many there are.
  int waiting = 0;
  uint64_t oldest = 0;
  for (MemTable* m : memtables_->imm) {
    if (!m->IsFlushInProgress()) {
      ++waiting;
      oldest = m->GetID();
    }
  }
  if (waiting == 0) return false;
  return waiting >= cf_options_.min_write_buffer_number_to_merge ||
         oldest <= force_flush_up_to_id_;
}

void DBImpl::MaybeScheduleFlush() {
  if (read_only_ || shutting_down_.load(std::memory_order_acquire) ||
      bg_work_paused_ > 0 || !bg_error_.ok() || bg_flush_scheduled_ > 0 ||
      !FlushDue()) {
    return;
  }
  ++bg_flush_scheduled_;
  const Env::Priority pri = env_->GetBackgroundThreads(Env::Priority::HIGH) > 0
                                ? Env::Priority::HIGH
                                : Env::Priority::LOW;
  env_->Schedule(&DBImpl::BGWorkFlush, this, pri, this,
                 &DBImpl::UnscheduleFlushCallback);
}

void DBImpl::BGWorkFlush(void* db) {
  static_cast<DBImpl*>(db)->BackgroundCallFlush();
}

void DBImpl::UnscheduleFlushCallback(void* db) {
  DBImpl* impl = static_cast<DBImpl*>(db);
  port::MutexLock l(&impl->mutex_);
  --impl->bg_flush_scheduled_;
  impl->bg_cv_.SignalAll();
}

void DBImpl::BackgroundCallFlush() {
  port::MutexLock l(&mutex_);
  if (!shutting_down_.load(std::memory_order_acquire) && bg_error_.ok() &&
      bg_work_paused_ == 0) {
    BackgroundFlush(pending_flush_reason_).PermitUncheckedError();
  }
  --bg_flush_scheduled_;
  MaybeScheduleFlush();
  bg_cv_.SignalAll();
}

std::vector<SequenceNumber> DBImpl::SnapshotSequences() const {
  std::vector<SequenceNumber> seqs;
  for (const SnapshotImpl* snap : snapshots_) {
    seqs.push_back(snap->GetSequenceNumber());
  }
  std::sort(seqs.begin(), seqs.end());
  seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
  return seqs;
}

Status DBImpl::BackgroundFlush(FlushReason reason) {
  if (!FlushDue()) return Status::OK();
  std::shared_ptr<MemTableSet> hold = memtables_;
  std::vector<MemTable*> mems;  // oldest first
  for (auto it = hold->imm.rbegin(); it != hold->imm.rend(); ++it) {
    if (!(*it)->IsFlushInProgress()) {
      (*it)->SetFlushInProgress(true);
      mems.push_back(*it);
    }
  }
  // (mems stay alive only as long as `hold`.)
  const uint64_t newest_id = mems.back()->GetID();
  if (newest_id > force_flush_up_to_id_) {
    reason = FlushReason::kWriteBufferFull;
  }
  ++num_running_flushes_;
  const uint64_t file_number = versions_->NewFileNumber();
  pending_outputs_.insert(file_number);

  FlushJobOptions options;
  options.dbname = dbname_;
  options.db_options = &db_options_;
  options.cf_options = &cf_options_;
  options.icmp = &icmp_;
  options.fs = fs_.get();
  options.column_family_name = kDefaultColumnFamilyName;
  options.job_id = NextJobId();
  options.flush_reason = reason;
  options.snapshots = SnapshotSequences();
  options.db_id = db_id_;
  options.db_session_id = db_session_id_;
  options.triggered_writes_slowdown =
      write_stall_ == WriteStallCondition::kDelayed;
  options.triggered_writes_stop = write_stall_ == WriteStallCondition::kStopped;
  FlushJob job(options, mems, file_number);

  mutex_.Unlock();
  job.NotifyBegin(this);
  Status s = job.Run();
  if (s.ok() && job.meta().file_size > 0) {
    // Like RocksDB, open the new table once: this checks it and warms the
    // table cache for the first reads.
    Cache::Handle* handle = nullptr;
    s = table_cache_->FindTable(ReadOptions(), cf_options_, icmp_, job.meta(),
                                &handle, /*level=*/0);
    if (s.ok()) table_cache_->ReleaseHandle(handle);
    // The MANIFEST may only name the table once its directory entry is
    // durable: otherwise a power loss could leave it referencing nothing.
    if (s.ok() && db_dir_ != nullptr) {
      s = db_dir_->FsyncWithDirOptions(
          IOOptions(), nullptr,
          DirFsyncOptions(DirFsyncOptions::kNewFileSynced));
    }
  }
  mutex_.Lock();

  if (s.ok() && shutting_down_.load(std::memory_order_acquire) &&
      reason != FlushReason::kShutDown) {
    // Close does not wait for the installation of an interrupted flush:
    // the WALs still hold the data. RocksDB reports it the same way.
    s = Status::ShutdownInProgress(
        "Database shutdown or Column family drop during flush");
  }
  if (s.ok()) {
    s = InstallFlushResult(mems, &job.meta());
  }
  if (!s.ok()) {
    for (MemTable* m : mems) m->SetFlushInProgress(false);
    if (!s.IsShutdownInProgress()) {
      SetBackgroundErrorLocked(s);
    }
  }
  pending_outputs_.erase(pending_outputs_.find(file_number));
  --num_running_flushes_;
  mutex_.Unlock();
  if (s.ok()) job.NotifyCompleted(this);
  hold.reset();
  if (!s.ok() && !s.IsShutdownInProgress()) {
    for (const auto& listener : db_options_.listeners) {
      Status error = s;
      listener->OnBackgroundError(BackgroundErrorReason::kFlush, &error);
    }
  }
  NotifyStallChanges();
  DeleteObsoleteFiles(options.job_id);
  mutex_.Lock();
  if (s.ok()) {
    completed_flush_up_to_id_ = std::max(completed_flush_up_to_id_, newest_id);
  }
  return s;
}

Status DBImpl::InstallFlushResult(const std::vector<MemTable*>& mems,
                                  const FileMetaData* meta) {
  Logger* log = db_options_.info_log.get();
  const uint64_t log_number = mems.back()->GetNextLogNumber();
  VersionEdit edit;
  if (meta->file_size > 0) {
    edit.AddFile(0, *meta);
    // The MANIFEST records the newest sequence number in a table file.
    versions_->SetLastSequence(
        std::max(versions_->LastSequence(), meta->largest_seqno));
  }
  edit.SetLogNumber(std::max(log_number, versions_->LogNumber(0)));
  VersionEdit min_log;
  min_log.SetMinLogNumberToKeep(edit.GetLogNumber());
  Info(log, "[%s] Level-0 commit table #%" PRIu64 " started",
       kDefaultColumnFamilyName.c_str(), meta->number);
  Status s = versions_->LogAndApply({&edit, &min_log}, &mutex_, db_dir_.get());
  if (!s.ok()) return s;

  std::vector<MemTable*> remaining;
  for (MemTable* m : memtables_->imm) {
    if (std::find(mems.begin(), mems.end(), m) == mems.end()) {
      remaining.push_back(m);
    }
  }
  for (MemTable* m : mems) {
    m->SetFlushInProgress(false);
    m->SetFlushCompleted(true);
    m->MarkFlushed();
    Info(log,
         "[%s] Level-0 commit table #%" PRIu64 ": memtable #%" PRIu64 " done",
         kDefaultColumnFamilyName.c_str(), meta->number, m->GetID());
  }
  InstallMemTablesLocked(memtables_->mem, remaining);
  RecalculateWriteStall();

  Version* current = versions_->current();
  std::string lsm = "[";
  std::string files = "files[";
  for (int level = 0; level < current->num_levels(); ++level) {
    const std::string n = std::to_string(current->NumLevelFiles(level));
    lsm += (level > 0 ? ", " : "") + n;
    files += (level > 0 ? " " : "") + n;
  }
  Info(log,
       "EVENT_LOG_v1 {\"time_micros\": %" PRIu64
       ", \"event\": \"flush_finished\", \"output_compression\": \"%s\", "
       "\"lsm_state\": %s], \"immutable_memtables\": %zu}",
       env_->NowMicros(),
       CompressionTypeShortName(Level0Compression(cf_options_)).c_str(),
       lsm.c_str(), remaining.size());
  Info(log, "[%s] Level summary: %s]", kDefaultColumnFamilyName.c_str(),
       files.c_str());
  return Status::OK();
}

Status DBImpl::Resume() {
  {
    port::MutexLock l(&mutex_);
    if (bg_error_.ok()) return Status::OK();
    if (!bg_error_recoverable_) return bg_error_;
    if (shutting_down_.load(std::memory_order_acquire)) {
      return Status::ShutdownInProgress();
    }
    Info(db_options_.info_log.get(), "Resuming DB after background error: %s",
         bg_error_.ToString().c_str());
    bg_error_ = Status::OK();
  }
  // Everything unflushed goes to a table now: that retries the failed
  // flush and leaves the WAL that may have failed behind.
  Status s = FlushMemTable(FlushReason::kErrorRecovery, /*wait=*/true,
                           /*allow_write_stall=*/true);
  if (s.ok()) {
    DeleteObsoleteFiles(NextJobId());
    Info(db_options_.info_log.get(), "Successfully resumed DB");
  }
  return s;
}

Status DBImpl::PauseBackgroundWork() {
  port::MutexLock l(&mutex_);
  ++bg_work_paused_;
  while (num_running_flushes_ > 0) {
    bg_cv_.Wait();
  }
  return Status::OK();
}

Status DBImpl::ContinueBackgroundWork() {
  port::MutexLock l(&mutex_);
  if (bg_work_paused_ == 0) {
    return Status::InvalidArgument();
  }
  if (--bg_work_paused_ == 0) {
    MaybeScheduleFlush();
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
