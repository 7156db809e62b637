// Copyright (c) the rocksdb-cleanroom authors.
//
// File housekeeping: deleting the WALs and table files nothing needs any
// more (or archiving the WALs, with WAL_ttl_seconds / WAL_size_limit_MB),
// DisableFileDeletions, keeping the newest two OPTIONS files and
// keep_log_file_num info logs, and DestroyDB. Deletions are best effort: a
// file that cannot be deleted now is found again by the next scan (every
// scan lists the directories, like RocksDB's full scans).
//
// What is obsolete:
//   WAL n      n < the MANIFEST's log number (MinLogNumberToRecover) and
//              not being synced right now;
//   table n    listed by neither the current Version nor a Version a read
//              view holds, and below every file number being written.

#include <algorithm>
#include <cinttypes>
#include <limits>

#include "db/db_impl.h"
#include "db/filename.h"
#include "db/table_cache.h"
#include "db/version_set.h"
#include "env/auto_roll_logger.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The numbers of the files of `type` in dir, ascending, with their names.
std::vector<std::pair<uint64_t, std::string>> ListFiles(
    Env* env, const std::string& dir, FileType wanted,
    const Slice& info_log_prefix = Slice("LOG")) {
  std::vector<std::pair<uint64_t, std::string>> result;
  std::vector<std::string> children;
  if (!env->GetChildren(dir, &children).ok()) {
    return result;
  }
  for (const std::string& name : children) {
    uint64_t number = 0;
    FileType type;
    if (ParseFileName(name, &number, info_log_prefix, &type) &&
        type == wanted) {
      result.emplace_back(number, name);
    }
  }
  std::sort(result.begin(), result.end());
  return result;
}

}  // namespace

void DBImpl::FindObsoleteFiles(
    uint64_t* min_log, std::set<uint64_t>* busy_wals,
    std::vector<std::unique_ptr<log::Writer>>* writers,
    std::set<uint64_t>* live_tables, uint64_t* min_pending_output) {
  *min_log = versions_->MinLogNumberToRecover();
  while (!old_wals_.empty() && old_wals_.front().number < *min_log &&
         !old_wals_.front().getting_synced) {
    if (old_wals_.front().writer != nullptr) {
      writers->push_back(std::move(old_wals_.front().writer));
    }
    old_wals_.pop_front();
  }
  for (const LiveWal& wal : old_wals_) busy_wals->insert(wal.number);
  auto add = [live_tables](const Version* v) {
    for (int level = 0; level < v->num_levels(); ++level) {
      for (const FileMetaData* f : v->files(level)) {
        live_tables->insert(f->number);
      }
    }
  };
  add(versions_->current());
  for (const auto& held : held_versions_) add(held.first);
  *min_pending_output = pending_outputs_.empty()
                            ? std::numeric_limits<uint64_t>::max()
                            : *pending_outputs_.begin();
}

void DBImpl::DeleteObsoleteFiles(int job_id) {
  uint64_t min_log = 0;
  uint64_t min_pending = 0;
  std::set<uint64_t> busy_wals;
  std::set<uint64_t> live_tables;
  std::vector<std::unique_ptr<log::Writer>> writers;
  {
    port::MutexLock l(&mutex_);
    if (disable_delete_obsolete_files_ > 0 || versions_ == nullptr) return;
    FindObsoleteFiles(&min_log, &busy_wals, &writers, &live_tables,
                      &min_pending);
  }
  // Unsynced data of an obsolete WAL is not needed any more.
  for (auto& writer : writers) writer->Close().PermitUncheckedError();
  writers.clear();

  for (const auto& file : ListFiles(env_, db_options_.wal_dir, kWalFile)) {
    if (file.first < min_log && busy_wals.count(file.first) == 0) {
      RemoveWal(file.first, job_id);
    }
  }
  Logger* log = db_options_.info_log.get();
  for (const auto& file : ListFiles(env_, dbname_, kTableFile)) {
    if (live_tables.count(file.first) != 0 || file.first >= min_pending) {
      continue;
    }
    const std::string fname = dbname_ + "/" + file.second;
    table_cache_->Evict(file.first);
    Status s = env_->DeleteFile(fname);
    Info(log, "[JOB %d] Delete %s type=%d #%" PRIu64 " -- %s", job_id,
         fname.c_str(), static_cast<int>(kTableFile), file.first,
         s.ToString().c_str());
    for (const auto& listener : db_options_.listeners) {
      TableFileDeletionInfo info;
      info.db_name = dbname_;
      info.file_path = fname;
      info.job_id = job_id;
      info.status = s;
      listener->OnTableFileDeleted(info);
    }
  }
  // Temporary files are leftovers of an interrupted atomic replace.
  for (const auto& file : ListFiles(env_, dbname_, kTempFile)) {
    env_->DeleteFile(dbname_ + "/" + file.second).PermitUncheckedError();
  }
  PurgeArchivedWals();
}

void DBImpl::RemoveWal(uint64_t number, int job_id) {
  const std::string fname = LogFileName(db_options_.wal_dir, number);
  Logger* log = db_options_.info_log.get();
  Status s;
  if (db_options_.WAL_ttl_seconds > 0 || db_options_.WAL_size_limit_MB > 0) {
    // Kept in the archive for GetUpdatesSince readers until purged.
    env_->CreateDirIfMissing(ArchivalDirectory(db_options_.wal_dir))
        .PermitUncheckedError();
    const std::string archived =
        ArchivedLogFileName(db_options_.wal_dir, number);
    s = env_->RenameFile(fname, archived);
    Info(log, "[JOB %d] Move log file %s to %s -- %s", job_id, fname.c_str(),
         archived.c_str(), s.ToString().c_str());
    return;
  }
  s = env_->DeleteFile(fname);
  Info(log, "[JOB %d] Delete %s type=%d #%" PRIu64 " -- %s", job_id,
       fname.c_str(), static_cast<int>(kWalFile), number, s.ToString().c_str());
}

void DBImpl::PurgeArchivedWals() {
  const uint64_t ttl = db_options_.WAL_ttl_seconds;
  const uint64_t limit = db_options_.WAL_size_limit_MB << 20;
  if (ttl == 0 && limit == 0) return;
  const std::string dir = ArchivalDirectory(db_options_.wal_dir);
  int64_t now = 0;
  if (!env_->GetCurrentTime(&now).ok()) return;
  struct Archived {
    std::string path;
    uint64_t size;
  };
  std::vector<Archived> kept;  // oldest first
  uint64_t total = 0;
  for (const auto& file : ListFiles(env_, dir, kWalFile)) {
    const std::string path = dir + "/" + file.second;
    uint64_t mtime = 0;
    uint64_t size = 0;
    if (ttl > 0 && env_->GetFileModificationTime(path, &mtime).ok() &&
        mtime + ttl < static_cast<uint64_t>(now)) {
      env_->DeleteFile(path).PermitUncheckedError();
      continue;
    }
    if (!env_->GetFileSize(path, &size).ok()) continue;
    kept.push_back(Archived{path, size});
    total += size;
  }
  for (size_t i = 0; limit > 0 && total > limit && i < kept.size(); ++i) {
    if (env_->DeleteFile(kept[i].path).ok()) total -= kept[i].size;
  }
}

Status DBImpl::DisableFileDeletions() {
  port::MutexLock l(&mutex_);
  ++disable_delete_obsolete_files_;
  if (disable_delete_obsolete_files_ == 1) {
    Info(db_options_.info_log.get(), "File Deletions Disabled");
  } else {
    Warn(db_options_.info_log.get(),
         "File Deletions Disabled, but already disabled. Counter: %d",
         disable_delete_obsolete_files_);
  }
  return Status::OK();
}

Status DBImpl::EnableFileDeletions(bool force) {
  bool enabled = false;
  {
    port::MutexLock l(&mutex_);
    if (force) {
      disable_delete_obsolete_files_ = 0;
    } else if (disable_delete_obsolete_files_ > 0) {
      --disable_delete_obsolete_files_;
    }
    enabled = disable_delete_obsolete_files_ == 0;
    if (enabled) {
      Info(db_options_.info_log.get(), "File Deletions Enabled");
    } else {
      Warn(db_options_.info_log.get(),
           "File Deletions Enable, but not really enabled. Counter: %d",
           disable_delete_obsolete_files_);
    }
  }
  if (enabled && !read_only_) DeleteObsoleteFiles(NextJobId());
  return Status::OK();
}

void DBImpl::DeleteOldOptionsFiles() {
  auto files = ListFiles(env_, dbname_, kOptionsFile);
  constexpr size_t kKeep = 2;
  for (size_t i = 0; i + kKeep < files.size(); ++i) {
    env_->DeleteFile(dbname_ + "/" + files[i].second).PermitUncheckedError();
  }
}

void DBImpl::DeleteOldInfoLogs() {
  std::string dir = dbname_;
  std::string prefix = "LOG";
  if (!db_options_.db_log_dir.empty()) {
    std::string absolute;
    if (!env_->GetAbsolutePath(dbname_, &absolute).ok()) return;
    dir = db_options_.db_log_dir;
    prefix = InfoLogPrefix(true, absolute);
  }
  // keep_log_file_num counts the live LOG too; a failed delete is retried
  // at the next open.
  TrimOldInfoLogFiles(env_, dir, prefix, db_options_.keep_log_file_num)
      .PermitUncheckedError();
}

Status DestroyDB(
    const std::string& dbname, const Options& options,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/) {
  Env* env = options.env != nullptr ? options.env : Env::Default();
  std::vector<std::string> children;
  if (!env->GetChildren(dbname, &children).ok()) {
    // Nothing there: nothing to destroy (RocksDB answers OK too).
    return Status::OK();
  }
  FileLock* lock = nullptr;
  Status result = env->LockFile(LockFileName(dbname), &lock);
  if (!result.ok()) {
    return result;
  }
  const std::string wal_dir =
      options.wal_dir.empty() ? dbname : options.wal_dir;
  for (const std::string& name : children) {
    uint64_t number = 0;
    FileType type;
    if (ParseFileName(name, &number, &type) && type != kDBLockFile) {
      Status s = env->DeleteFile(dbname + "/" + name);
      if (!s.ok() && result.ok()) result = s;
    }
  }
  const std::string archive = ArchivalDirectory(wal_dir);
  std::vector<std::string> archived;
  if (env->GetChildren(archive, &archived).ok()) {
    for (const std::string& name : archived) {
      uint64_t number = 0;
      FileType type;
      if (ParseFileName(name, &number, &type) && type == kWalFile) {
        Status s = env->DeleteFile(archive + "/" + name);
        if (!s.ok() && result.ok()) result = s;
      }
    }
    env->DeleteDir(archive).PermitUncheckedError();
  }
  if (wal_dir != dbname) {
    std::vector<std::string> wal_children;
    if (env->GetChildren(wal_dir, &wal_children).ok()) {
      for (const std::string& name : wal_children) {
        uint64_t number = 0;
        FileType type;
        if (ParseFileName(name, &number, &type) && type == kWalFile) {
          Status s = env->DeleteFile(wal_dir + "/" + name);
          if (!s.ok() && result.ok()) result = s;
        }
      }
    }
  }
  env->UnlockFile(lock).PermitUncheckedError();
  env->DeleteFile(LockFileName(dbname)).PermitUncheckedError();
  // Directories holding files we do not know stay, as in RocksDB.
  env->DeleteDir(dbname).PermitUncheckedError();
  if (wal_dir != dbname) {
    env->DeleteDir(wal_dir).PermitUncheckedError();
  }
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
