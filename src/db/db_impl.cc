// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl construction, Close, read views, the simple accessors, and the
// methods whose features arrive with later issues (column families,
// compaction, ingestion): those answer NotImplemented.

#include "db/db_impl.h"

#include "db/table_cache.h"
#include "db/version_set.h"
#include "memtable/memtable.h"
#include "rocksdb/write_buffer_manager.h"
#include "util/not_implemented.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

Status ColumnFamilyHandleImpl::GetDescriptor(ColumnFamilyDescriptor* desc) {
  *desc = ColumnFamilyDescriptor(name_, options_);
  return Status::OK();
}

MemTableSet::~MemTableSet() {
  if (mem != nullptr && mem->Unref()) {
    delete mem;
  }
  for (MemTable* m : imm) {
    if (m->Unref()) {
      delete m;
    }
  }
}

DBImpl::DBImpl(const DBOptions& options, const std::string& dbname,
               const ColumnFamilyOptions& cf_options, bool read_only)
    : dbname_(dbname),
      db_options_(options),
      cf_options_(cf_options),
      read_only_(read_only),
      env_(options.env),
      fs_(options.env->GetFileSystem()),
      icmp_(cf_options.comparator),
      write_thread_(options.max_write_batch_group_size_bytes,
                    options.enable_write_thread_adaptive_yield
                        ? options.write_thread_max_yield_usec
                        : 0) {
  default_cf_handle_.reset(new ColumnFamilyHandleImpl(
      this, 0, kDefaultColumnFamilyName, cf_options_));
  write_buffer_manager_ = db_options_.write_buffer_manager.get();
}

DBImpl::~DBImpl() { CloseImpl().PermitUncheckedError(); }

Status DBImpl::Close() { return CloseImpl(); }

Status DBImpl::CloseImpl() {
  bool has_unpersisted_data = false;
  {
    port::MutexLock l(&mutex_);
    if (closed_) {
      return Status::OK();
    }
    closed_ = true;
    has_unpersisted_data = has_unpersisted_data_ && bg_error_.ok();
  }
  Status result;
  // Like RocksDB: data written with disableWAL is in no WAL, so it is
  // flushed now unless the options say not to.
  if (!read_only_ && versions_ != nullptr && log_ != nullptr &&
      has_unpersisted_data && !db_options_.avoid_flush_during_shutdown) {
    result = FlushMemTable(FlushReason::kShutDown, /*wait=*/true,
                           /*allow_write_stall=*/true);
  }
  ShutdownBackgroundWork();

  // Wait for the writes in flight, then make what they wrote durable:
  // buffered WAL data (manual_wal_flush) reaches the file and every WAL
  // holding unsynced records is synced.
  WriteThread::Writer w;
  write_thread_.EnterUnbatched(&w);
  if (log_ != nullptr) {
    Status s = log_->WriteBuffer();
    if (s.ok()) {
      s = SyncAllWals();
    }
    if (!s.ok() && result.ok()) {
      result = s;
    }
    std::deque<LiveWal> old;
    {
      port::MutexLock l(&mutex_);
      old.swap(old_wals_);
    }
    for (LiveWal& wal : old) {
      if (wal.writer != nullptr) {
        wal.writer->Close().PermitUncheckedError();
      }
    }
    Status c = log_->Close();
    if (!c.ok() && result.ok()) {
      result = c;
    }
    log_.reset();
  }
  write_thread_.ExitUnbatched(&w);

  if (versions_ != nullptr) {
    Status s = versions_->Close();
    if (!s.ok() && result.ok()) {
      result = s;
    }
  }
  {
    port::MutexLock l(&mutex_);
    memtables_.reset();
    for (const SnapshotImpl* snap : snapshots_) {
      delete snap;
    }
    snapshots_.clear();
  }
  if (db_lock_ != nullptr) {
    Status s = env_->UnlockFile(db_lock_);
    db_lock_ = nullptr;
    if (!s.ok() && result.ok()) {
      result = s;
    }
  }
  if (db_options_.info_log != nullptr) {
    db_options_.info_log->Flush();
  }
  return result;
}

void DBImpl::ShutdownBackgroundWork() {
  shutting_down_.store(true, std::memory_order_release);
  // Queued jobs are dropped (their data is in the WALs); a running flush
  // finishes and installs its table.
  env_->UnSchedule(this, Env::Priority::HIGH);
  port::MutexLock l(&mutex_);
  while (bg_flush_scheduled_ > 0) {
    bg_cv_.Wait();
  }
}

void DBImpl::AcquireReadView(std::shared_ptr<MemTableSet>* mems,
                             Version** current) {
  port::MutexLock l(&mutex_);
  *mems = memtables_;
  Version* v = versions_ != nullptr ? versions_->current() : nullptr;
  if (v != nullptr) {
    v->Ref();
    ++held_versions_[v];
  }
  *current = v;
}

void DBImpl::ReleaseReadView(Version* current) {
  if (current == nullptr) return;
  bool purge = false;
  {
    port::MutexLock l(&mutex_);
    auto it = held_versions_.find(current);
    if (it != held_versions_.end() && --it->second == 0) {
      held_versions_.erase(it);
      // An older Version may be the last to list some table files.
      Version* live = versions_->current();
      if (current != live) {
        std::set<uint64_t> still_live;
        for (Version* v : {live}) {
          for (int level = 0; level < v->num_levels(); ++level) {
            for (const FileMetaData* f : v->files(level)) {
              still_live.insert(f->number);
            }
          }
        }
        for (const auto& held : held_versions_) {
          for (int level = 0; level < held.first->num_levels(); ++level) {
            for (const FileMetaData* f : held.first->files(level)) {
              still_live.insert(f->number);
            }
          }
        }
        for (int level = 0; !purge && level < current->num_levels(); ++level) {
          for (const FileMetaData* f : current->files(level)) {
            if (still_live.count(f->number) == 0) {
              purge = true;
              break;
            }
          }
        }
      }
    }
    current->Unref();
  }
  if (purge && !read_only_) {
    DeleteObsoleteFiles(NextJobId());
  }
}

Options DBImpl::GetOptions(ColumnFamilyHandle* /*column_family*/) const {
  return Options(db_options_, cf_options_);
}

Status DBImpl::CheckColumnFamily(ColumnFamilyHandle* column_family) const {
  if (column_family == nullptr) {
    return Status::InvalidArgument("column family handle is nullptr");
  }
  if (column_family->GetID() != 0) {
    return NotImplemented("DB: column families other than default");
  }
  return Status::OK();
}

Status DBImpl::DestroyColumnFamilyHandle(ColumnFamilyHandle* column_family) {
  if (column_family == default_cf_handle_.get()) {
    return Status::InvalidArgument(
        "Cannot destroy the handle returned by DefaultColumnFamily()");
  }
  delete column_family;
  return Status::OK();
}

Status DBImpl::GetDbIdentity(std::string& identity) const {
  identity = db_id_;
  return Status::OK();
}

Status DBImpl::GetDbSessionId(std::string& session_id) const {
  session_id = db_session_id_;
  return Status::OK();
}

void DBImpl::SetBackgroundError(const Status& s, bool recoverable) {
  port::MutexLock l(&mutex_);
  SetBackgroundErrorLocked(s, recoverable);
}

void DBImpl::SetBackgroundErrorLocked(const Status& s, bool recoverable) {
  if (bg_error_.ok() && !s.ok()) {
    bg_error_ = s;
    bg_error_recoverable_ = recoverable;
    Error(db_options_.info_log.get(), "Background error: %s",
          s.ToString().c_str());
    bg_cv_.SignalAll();
  }
}

Status DBImpl::GetBackgroundError() const {
  port::MutexLock l(&mutex_);
  return bg_error_;
}

// ---- Features of later issues.

Status DBImpl::CreateColumnFamily(const ColumnFamilyOptions& /*options*/,
                                  const std::string& /*column_family_name*/,
                                  ColumnFamilyHandle** handle) {
  if (handle != nullptr) *handle = nullptr;
  return NotImplemented("DB::CreateColumnFamily");
}

Status DBImpl::CreateColumnFamilies(
    const ColumnFamilyOptions& /*options*/,
    const std::vector<std::string>& /*column_family_names*/,
    std::vector<ColumnFamilyHandle*>* handles) {
  if (handles != nullptr) handles->clear();
  return NotImplemented("DB::CreateColumnFamilies");
}

Status DBImpl::CreateColumnFamilies(
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* handles) {
  if (handles != nullptr) handles->clear();
  return NotImplemented("DB::CreateColumnFamilies");
}

Status DBImpl::DropColumnFamily(ColumnFamilyHandle* column_family) {
  if (column_family != nullptr && column_family->GetID() == 0) {
    return Status::InvalidArgument("Can't drop default column family");
  }
  return NotImplemented("DB::DropColumnFamily");
}

Status DBImpl::DropColumnFamilies(
    const std::vector<ColumnFamilyHandle*>& /*column_families*/) {
  return NotImplemented("DB::DropColumnFamilies");
}

Status DBImpl::CompactRange(const CompactRangeOptions& /*options*/,
                            ColumnFamilyHandle* /*column_family*/,
                            const Slice* /*begin*/, const Slice* /*end*/) {
  return NotImplemented("DB::CompactRange");
}

Status DBImpl::SetDBOptions(
    const std::unordered_map<std::string, std::string>& /*options*/) {
  return NotImplemented("DB::SetDBOptions");
}

Status DBImpl::CompactFiles(
    const CompactionOptions& /*compact_options*/,
    ColumnFamilyHandle* /*column_family*/,
    const std::vector<std::string>& /*input_file_names*/,
    const int /*output_level*/, const int /*output_path_id*/,
    std::vector<std::string>* const /*output_file_names*/,
    CompactionJobInfo* /*compaction_job_info*/) {
  return NotImplemented("DB::CompactFiles");
}

Status DBImpl::EnableAutoCompaction(
    const std::vector<ColumnFamilyHandle*>& /*column_family_handles*/) {
  return NotImplemented("DB::EnableAutoCompaction");
}

int DBImpl::NumberLevels(ColumnFamilyHandle* /*column_family*/) {
  return cf_options_.num_levels;
}

int DBImpl::MaxMemCompactionLevel(ColumnFamilyHandle* /*column_family*/) {
  return 0;
}

int DBImpl::Level0StopWriteTrigger(ColumnFamilyHandle* /*column_family*/) {
  return cf_options_.level0_stop_writes_trigger;
}

Status DBImpl::IncreaseFullHistoryTsLow(ColumnFamilyHandle* /*column_family*/,
                                        std::string /*ts_low*/) {
  return NotImplemented("DB::IncreaseFullHistoryTsLow");
}

Status DBImpl::GetFullHistoryTsLow(ColumnFamilyHandle* /*column_family*/,
                                   std::string* /*ts_low*/) {
  return NotImplemented("DB::GetFullHistoryTsLow");
}

Status DBImpl::GetUpdatesSince(
    SequenceNumber /*seq_number*/,
    std::unique_ptr<TransactionLogIterator>* /*iter*/,
    const TransactionLogIterator::ReadOptions& /*read_options*/) {
  return NotImplemented("DB::GetUpdatesSince");
}

Status DBImpl::DeleteFile(std::string /*name*/) {
  return NotImplemented("DB::DeleteFile");
}

Status DBImpl::IngestExternalFile(
    ColumnFamilyHandle* /*column_family*/,
    const std::vector<std::string>& /*external_files*/,
    const IngestExternalFileOptions& /*ingestion_options*/) {
  return NotImplemented("DB::IngestExternalFile");
}

Status DBImpl::IngestExternalFiles(
    const std::vector<IngestExternalFileArg>& /*args*/) {
  return NotImplemented("DB::IngestExternalFiles");
}

Status DBImpl::CreateColumnFamilyWithImport(
    const ColumnFamilyOptions& /*options*/,
    const std::string& /*column_family_name*/,
    const ImportColumnFamilyOptions& /*import_options*/,
    const ExportImportFilesMetaData& /*metadata*/,
    ColumnFamilyHandle** handle) {
  if (handle != nullptr) *handle = nullptr;
  return NotImplemented("DB::CreateColumnFamilyWithImport");
}

}  // namespace ROCKSDB_NAMESPACE
