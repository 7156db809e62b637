// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl construction, Close, the simple accessors, and the methods whose
// features arrive with later issues (column families, flush, compaction,
// table files, ingestion): those answer NotImplemented.

#include "db/db_impl.h"

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
  {
    port::MutexLock l(&mutex_);
    if (closed_) {
      return Status::OK();
    }
    closed_ = true;
  }
  Status result;
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
    for (LiveWal& wal : old_wals_) {
      if (wal.writer != nullptr) {
        wal.writer->Close().PermitUncheckedError();
        wal.writer.reset();
      }
    }
    Status c = log_->Close();
    if (!c.ok() && result.ok()) {
      result = c;
    }
    log_.reset();
    // Like RocksDB's flush at shutdown: data written with disableWAL is
    // kept (see db_impl_persist.cc).
    if (result.ok() && has_unpersisted_data_ &&
        !db_options_.avoid_flush_during_shutdown && GetBackgroundError().ok()) {
      result = PersistMemTablesToNewWal();
    }
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

Status DBImpl::Resume() {
  // Nothing is recoverable yet: a background error stays until reopen.
  return GetBackgroundError();
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

void DBImpl::SetBackgroundError(const Status& s) {
  port::MutexLock l(&mutex_);
  if (bg_error_.ok()) {
    bg_error_ = s;
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

Status DBImpl::PauseBackgroundWork() {
  // There is no background work yet, so there is nothing to pause.
  return Status::OK();
}

Status DBImpl::ContinueBackgroundWork() { return Status::OK(); }

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

Status DBImpl::Flush(const FlushOptions& /*options*/,
                     ColumnFamilyHandle* /*column_family*/) {
  if (read_only_) {
    return Status::NotSupported("Not supported operation in read only mode.");
  }
  return NotImplemented("DB::Flush");
}

Status DBImpl::Flush(const FlushOptions& /*options*/,
                     const std::vector<ColumnFamilyHandle*>& /*cfs*/) {
  if (read_only_) {
    return Status::NotSupported("Not supported operation in read only mode.");
  }
  return NotImplemented("DB::Flush");
}

Status DBImpl::DisableFileDeletions() {
  return NotImplemented("DB::DisableFileDeletions");
}

Status DBImpl::EnableFileDeletions(bool /*force*/) {
  return NotImplemented("DB::EnableFileDeletions");
}

Status DBImpl::IncreaseFullHistoryTsLow(ColumnFamilyHandle* /*column_family*/,
                                        std::string /*ts_low*/) {
  return NotImplemented("DB::IncreaseFullHistoryTsLow");
}

Status DBImpl::GetFullHistoryTsLow(ColumnFamilyHandle* /*column_family*/,
                                   std::string* /*ts_low*/) {
  return NotImplemented("DB::GetFullHistoryTsLow");
}

Status DBImpl::GetCreationTimeOfOldestFile(uint64_t* /*creation_time*/) {
  return NotImplemented("DB::GetCreationTimeOfOldestFile");
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

void DBImpl::GetLiveFilesMetaData(std::vector<LiveFileMetaData>* metadata) {
  // No table files exist yet.
  metadata->clear();
}

Status DBImpl::GetLiveFilesChecksumInfo(FileChecksumList* /*checksum_list*/) {
  return NotImplemented("DB::GetLiveFilesChecksumInfo");
}

Status DBImpl::GetLiveFilesStorageInfo(
    const LiveFilesStorageInfoOptions& /*opts*/,
    std::vector<LiveFileStorageInfo>* /*files*/) {
  return NotImplemented("DB::GetLiveFilesStorageInfo");
}

void DBImpl::GetColumnFamilyMetaData(ColumnFamilyHandle* /*column_family*/,
                                     ColumnFamilyMetaData* metadata) {
  *metadata = ColumnFamilyMetaData();
  metadata->name = kDefaultColumnFamilyName;
  for (int i = 0; i < cf_options_.num_levels; ++i) {
    metadata->levels.emplace_back(i, 0, std::vector<SstFileMetaData>());
  }
}

Status DBImpl::GetLiveFiles(std::vector<std::string>& /*files*/,
                            uint64_t* /*manifest_file_size*/,
                            bool /*flush_memtable*/) {
  return NotImplemented("DB::GetLiveFiles");
}

Status DBImpl::GetSortedWalFiles(VectorLogPtr& /*files*/) {
  return NotImplemented("DB::GetSortedWalFiles");
}

Status DBImpl::GetCurrentWalFile(
    std::unique_ptr<LogFile>* /*current_log_file*/) {
  return NotImplemented("DB::GetCurrentWalFile");
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

Status DBImpl::VerifyChecksum(const ReadOptions& /*read_options*/) {
  // Memtables hold no checksummed data and there are no table files yet.
  return Status::OK();
}

Status DBImpl::GetPropertiesOfAllTables(ColumnFamilyHandle* /*column_family*/,
                                        TablePropertiesCollection* props) {
  props->clear();
  return Status::OK();
}

Status DBImpl::GetPropertiesOfTablesInRange(
    ColumnFamilyHandle* /*column_family*/, const Range* /*range*/,
    std::size_t /*n*/, TablePropertiesCollection* props) {
  props->clear();
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
