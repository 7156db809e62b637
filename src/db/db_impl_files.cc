// Copyright (c) the rocksdb-cleanroom authors.
//
// File housekeeping: deleting the WALs an open has made obsolete, keeping
// the newest two OPTIONS files and keep_log_file_num info logs, and
// DestroyDB. Deletions are best effort: a file that cannot be deleted now
// is found again by a later open.

#include <algorithm>

#include "db/db_impl.h"
#include "db/filename.h"
#include "env/auto_roll_logger.h"

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

void DBImpl::DeleteObsoleteFiles(const std::vector<uint64_t>& obsolete_wals) {
  for (uint64_t number : obsolete_wals) {
    if (number >= log_number_) continue;
    const std::string fname = LogFileName(db_options_.wal_dir, number);
    Status s = env_->DeleteFile(fname);
    Info(db_options_.info_log.get(), "Delete obsolete WAL %s: %s",
         fname.c_str(), s.ToString().c_str());
  }
  // Temporary files are leftovers of an interrupted atomic replace.
  for (const auto& file : ListFiles(env_, dbname_, kTempFile)) {
    env_->DeleteFile(dbname_ + "/" + file.second).PermitUncheckedError();
  }
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
