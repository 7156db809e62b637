// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl::Open. The steps, in order (read-only opens skip those marked *):
//   1. check the options (db_impl_options.h) and sanitize them;
//   2. create the DB and WAL directories*, open the info LOG;
//   3. take LOCK*;
//   4. CURRENT missing: create_if_missing makes a new DB (IDENTITY,
//      MANIFEST-000001, CURRENT), else InvalidArgument; CURRENT present:
//      error_if_exists gives InvalidArgument;
//   5. recover the MANIFEST (VersionSet::Recover) and IDENTITY;
//   6. open the table cache; replay the WALs into memtables
//      (db_impl_recovery.cc). A read-write open flushes what was replayed
//      to level-0 tables* (unless avoid_flush_during_recovery and no
//      memtable filled up: then the memtable and the old WALs stay),
//      starts a new WAL*, records the tables and the log number in a new
//      MANIFEST* and deletes what became obsolete*;
//   7. start the background threads*, write OPTIONS-NNNNNN* and delete
//      older OPTIONS files and info logs*.

#include <algorithm>
#include <cinttypes>

#include "db/db_impl.h"
#include "db/db_impl_options.h"
#include "db/filename.h"
#include "db/options_file.h"
#include "db/table_cache.h"
#include "db/version_set.h"
#include "memtable/memtable.h"
#include "rocksdb/version.h"
#include "util/not_implemented.h"
#include "util/random.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Options that only tune speed or memory and that we accept without acting
// on them: one INFO line each, written with the options dump at Open.
// Column family ones are named only when set to a value that would have an
// effect in RocksDB; the ReadOptions ones are not known at Open, so they are
// named once in any case.
void LogIgnoredOptions(Logger* log, const ColumnFamilyOptions& cf) {
  if (cf.memtable_prefix_bloom_size_ratio > 0) {
    Info(log,
         "Options.memtable_prefix_bloom_size_ratio: %f is accepted but "
         "ignored (performance only): no memtable Bloom filter is built",
         cf.memtable_prefix_bloom_size_ratio);
  }
  if (cf.memtable_whole_key_filtering) {
    Info(log,
         "Options.memtable_whole_key_filtering: 1 is accepted but ignored "
         "(performance only): no memtable Bloom filter is built");
  }
  Info(log,
       "ReadOptions::readahead_size, "
       "ReadOptions::background_purge_on_iterator_cleanup and "
       "ReadOptions::async_io are accepted but ignored (performance only): "
       "reads are synchronous, without readahead, and iterator cleanup "
       "schedules no background purge");
}

// RocksDB's session ids: 20 characters of [0-9A-Z].
std::string NewSessionId(Env* env) {
  const std::string unique = env->GenerateUniqueId();
  uint64_t seed = env->NowNanos();
  for (char c : unique) {
    seed = seed * 131 + static_cast<unsigned char>(c);
  }
  Random64 rnd(seed);
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string id;
  uint64_t bits = rnd.Next();
  for (int i = 0; i < 20; ++i) {
    if (i == 10) bits = rnd.Next();
    id.push_back(kDigits[bits % 36]);
    bits /= 36;
  }
  return id;
}

Status FailOpen(const Status& s, std::vector<ColumnFamilyHandle*>* handles,
                DB** dbptr) {
  if (handles != nullptr) handles->clear();
  if (dbptr != nullptr) *dbptr = nullptr;
  return s;
}

}  // namespace

Status DBImpl::Open(const DBOptions& db_options, const std::string& dbname,
                    const std::vector<ColumnFamilyDescriptor>& column_families,
                    std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
                    bool read_only, bool error_if_wal_file_exists) {
  if (dbptr == nullptr) {
    return Status::InvalidArgument("dbptr is nullptr");
  }
  FailOpen(Status::OK(), handles, dbptr);
  Status s = ValidateOpenOptions(db_options, column_families);
  if (!s.ok()) {
    return s;
  }
  ColumnFamilyOptions default_cf;
  for (const ColumnFamilyDescriptor& cf : column_families) {
    if (cf.name == kDefaultColumnFamilyName) {
      default_cf = cf.options;
    }
  }
  const DBOptions sanitized = SanitizeDBOptions(dbname, db_options);
  std::unique_ptr<DBImpl> impl(new DBImpl(
      sanitized, dbname, SanitizeCFOptions(sanitized, default_cf), read_only));
  s = impl->OpenImpl(column_families, error_if_wal_file_exists);
  if (!s.ok()) {
    return FailOpen(s, handles, dbptr);
  }
  if (handles != nullptr) {
    for (const ColumnFamilyDescriptor& cf : column_families) {
      handles->push_back(new ColumnFamilyHandleImpl(impl.get(), 0, cf.name,
                                                    impl->cf_options_));
    }
  }
  *dbptr = impl.release();
  return Status::OK();
}

Status DBImpl::OpenImpl(
    const std::vector<ColumnFamilyDescriptor>& column_families,
    bool /*error_if_wal_file_exists*/) {
  // RocksDB 7.8.3 opens a read-only DB with non-empty WALs even when
  // error_if_wal_file_exists is set (observed), so the flag changes nothing.
  Status s;
  if (!read_only_) {
    s = CreateDirectories();
    if (!s.ok()) return s;
  }
  if (db_options_.info_log == nullptr) {
    std::shared_ptr<Logger> logger;
    // Like RocksDB, a DB whose LOG cannot be created runs without one.
    if (CreateLoggerFromOptions(dbname_, db_options_, &logger).ok()) {
      db_options_.info_log = logger;
    }
  }
  if (!read_only_) {
    s = env_->LockFile(LockFileName(dbname_), &db_lock_);
    if (!s.ok()) return s;
  }
  versions_.reset(new VersionSet(dbname_, &db_options_, fs_.get()));
  if (!read_only_) {
    s = env_->FileExists(CurrentFileName(dbname_));
    if (s.IsNotFound()) {
      if (!db_options_.create_if_missing) {
        return Status::InvalidArgument(
            CurrentFileName(dbname_),
            "does not exist (create_if_missing is false)");
      }
      s = NewDB();
    } else if (s.ok() && db_options_.error_if_exists) {
      return Status::InvalidArgument(dbname_,
                                     "exists (error_if_exists is true)");
    }
    if (!s.ok()) return s;
  }
  s = versions_->Recover(column_families, read_only_, &db_id_);
  if (!s.ok()) return s;
  for (const ColumnFamilyDescriptor& cf : column_families) {
    if (cf.name != kDefaultColumnFamilyName) {
      return NotImplemented("DB::Open with column families other than default");
    }
  }
  s = RecoverIdentity();
  if (!s.ok()) return s;
  db_session_id_ = NewSessionId(env_);

  table_cache_.reset(new TableCache(dbname_, &db_options_,
                                    FileOptions(db_options_), fs_.get(),
                                    db_options_.max_open_files));
  std::vector<uint64_t> wals;
  s = ListWals(&wals);
  if (!s.ok()) return s;
  s = RecoverWals(wals);
  if (!s.ok()) return s;
  if (read_only_) return Status::OK();

  StartBackgroundThreads();
  DeleteObsoleteFiles(NextJobId());
  LogOptions();
  s = WriteOptionsFile(options_file_number_);
  if (!s.ok() && db_options_.fail_if_options_file_error) {
    return s;
  }
  DeleteOldOptionsFiles();
  DeleteOldInfoLogs();
  if (db_options_.max_open_files == -1) {
    // Like RocksDB, a DB that keeps every table open opens them now.
    std::shared_ptr<MemTableSet> mems;
    Version* current = nullptr;
    AcquireReadView(&mems, &current);
    for (int level = 0; level < current->num_levels(); ++level) {
      for (const FileMetaData* f : current->files(level)) {
        Cache::Handle* handle = nullptr;
        if (table_cache_
                ->FindTable(ReadOptions(), cf_options_, icmp_, *f, &handle,
                            level)
                .ok()) {
          table_cache_->ReleaseHandle(handle);
        }
      }
    }
    ReleaseReadView(current);
  }
  return Status::OK();
}

Status DBImpl::RecoverWals(const std::vector<uint64_t>& wals) {
  const SequenceNumber manifest_seq = versions_->LastSequence();
  InstallMemTables(NewMemTable(manifest_seq), {});
  SequenceNumber max_seq = manifest_seq;
  VersionEdit edit;
  Status s = ReplayWals(wals, &max_seq, &edit);
  if (!s.ok()) return s;
  last_allocated_sequence_ = max_seq;
  versions_->SetLastAllocatedSequence(max_seq);
  versions_->SetLastPublishedSequence(max_seq);
  last_sequence_.store(max_seq, std::memory_order_release);
  if (read_only_) {
    versions_->SetLastSequence(max_seq);
    return Status::OK();
  }

  // RocksDB flushes the replayed data unless avoid_flush_during_recovery,
  // which it ignores once a memtable had to be flushed anyway.
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  const bool flush =
      !wals.empty() &&
      (recovery_flushed_ || !db_options_.avoid_flush_during_recovery);
  if (flush && !tables->mem->IsEmpty()) {
    s = WriteLevel0TableForRecovery(tables->mem, &edit);
    if (!s.ok()) return s;
  }
  if (flush) {
    // Every replayed WAL is now in tables.
    edit.SetLogNumber(wals.back() + 1);
    // As RocksDB, the MANIFEST records the newest sequence number that
    // reached a table, not the newest replayed: entries a flush drops
    // (e.g. a SingleDelete cancelling its Put) do not count, which the
    // next open reports as the latest sequence number.
    SequenceNumber flushed = versions_->LastSequence();
    for (const auto& level_file : edit.GetNewFiles()) {
      flushed = std::max(flushed, level_file.second.largest_seqno);
    }
    versions_->SetLastSequence(flushed);
  }
  log_number_ = versions_->NewFileNumber();
  options_file_number_ = versions_->NewFileNumber();
  s = CreateWal(log_number_, &log_);
  log_empty_ = true;
  if (s.ok()) {
    port::MutexLock l(&mutex_);
    s = versions_->LogAndApply(&edit, &mutex_, db_dir_.get());
  }
  if (!s.ok()) {
    DropNewWal();
    return s;
  }
  if (flush) {
    InstallMemTables(NewMemTable(max_seq), {});
  } else if (!wals.empty()) {
    // The replayed WALs stay live until the memtable holding their data
    // is flushed.
    port::MutexLock l(&mutex_);
    for (uint64_t number : wals) {
      LiveWal old;
      old.number = number;
      old_wals_.push_back(std::move(old));
    }
  }
  return Status::OK();
}

void DBImpl::StartBackgroundThreads() {
  // RocksDB's split of max_background_jobs: a quarter for flushes (at
  // least one), the rest for compactions, unless the per-kind limits are
  // set.
  int flushes = db_options_.max_background_flushes;
  int compactions = db_options_.max_background_compactions;
  if (flushes == -1 && compactions == -1) {
    flushes = std::max(1, db_options_.max_background_jobs / 4);
    compactions = std::max(1, db_options_.max_background_jobs - flushes);
  }
  if (flushes <= 0) flushes = 1;
  if (compactions <= 0) compactions = 1;
  env_->IncBackgroundThreadsIfNeeded(flushes, Env::Priority::HIGH);
  env_->IncBackgroundThreadsIfNeeded(compactions, Env::Priority::LOW);
}

void DBImpl::DropNewWal() {
  // The old WALs still hold everything: the new one is only a partial copy.
  if (log_ != nullptr) {
    log_->Close().PermitUncheckedError();
    log_.reset();
    env_->DeleteFile(LogFileName(db_options_.wal_dir, log_number_))
        .PermitUncheckedError();
  }
}

Status DBImpl::CreateDirectories() {
  Status s = env_->CreateDirIfMissing(dbname_);
  if (!s.ok()) return s;
  if (db_options_.wal_dir != dbname_) {
    s = env_->CreateDirIfMissing(db_options_.wal_dir);
    if (!s.ok()) return s;
  }
  IOStatus io = fs_->NewDirectory(dbname_, IOOptions(), &db_dir_, nullptr);
  if (!io.ok()) return io;
  if (db_options_.wal_dir != dbname_) {
    io =
        fs_->NewDirectory(db_options_.wal_dir, IOOptions(), &wal_dir_, nullptr);
    if (!io.ok()) return io;
  }
  return Status::OK();
}

Status DBImpl::NewDB() {
  const std::string db_id = env_->GenerateUniqueId();
  Status s = SetIdentityFile(env_, dbname_, db_id);
  if (!s.ok()) return s;
  return versions_->CreateNewDB(cf_options_.comparator, db_id, db_dir_.get());
}

Status DBImpl::RecoverIdentity() {
  std::string from_manifest = db_id_;
  Status s = GetIdentityFromFile(env_, dbname_, &db_id_);
  if (s.ok()) {
    return s;
  }
  if (read_only_) {
    // A read-only open changes nothing; the MANIFEST's id (if any) serves.
    db_id_ = from_manifest;
    return Status::OK();
  }
  // IDENTITY is missing or unreadable: RocksDB writes a new one.
  db_id_ = from_manifest.empty() ? env_->GenerateUniqueId() : from_manifest;
  return SetIdentityFile(env_, dbname_, db_id_);
}

Status DBImpl::ListWals(std::vector<uint64_t>* numbers) {
  numbers->clear();
  std::vector<std::string> children;
  Status s = env_->GetChildren(db_options_.wal_dir, &children);
  if (!s.ok()) return s;
  const uint64_t min_log = versions_->MinLogNumberToRecover();
  for (const std::string& name : children) {
    uint64_t number = 0;
    FileType type;
    if (ParseFileName(name, &number, &type) && type == kWalFile) {
      // A WAL number is never handed out again, even an obsolete one.
      versions_->MarkFileNumberUsed(number);
      if (number >= min_log) {
        numbers->push_back(number);
      }
    }
  }
  std::sort(numbers->begin(), numbers->end());
  return Status::OK();
}

Status DBImpl::WriteOptionsFile(uint64_t number) {
  options_file_number_ = number;
  const std::string text =
      RenderOptionsFile(db_options_, {kDefaultColumnFamilyName}, {cf_options_});
  return WriteOptionsFileAtomically(
      env_, text, TempOptionsFileName(dbname_, number),
      OptionsFileName(dbname_, number), db_options_.use_fsync);
}

void DBImpl::LogOptions() {
  Logger* log = db_options_.info_log.get();
  if (log == nullptr) return;
  Header(log, "RocksDB version: %d.%d.%d", ROCKSDB_MAJOR, ROCKSDB_MINOR,
         ROCKSDB_PATCH);
  Header(log, "DB SUMMARY");
  Header(log, "DB Session ID:  %s", db_session_id_.c_str());
  GetOptions(DefaultColumnFamily()).Dump(log);
  LogIgnoredOptions(log, cf_options_);
  Info(log, "DB opened: %s, log number %" PRIu64 ", last sequence %" PRIu64,
       dbname_.c_str(), log_number_, GetLatestSequenceNumber());
}

}  // namespace ROCKSDB_NAMESPACE
