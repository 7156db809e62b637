// Copyright (c) the rocksdb-cleanroom authors.
//
// BackupEngine: incremental backups of a DB into a backup directory, and
// restore from them. BackupEngineOptions configures it; BackupInfo
// describes one backup; BackupEngineReadOnly opens a backup directory for
// listing, verifying and restoring only.
#pragma once

#ifndef ROCKSDB_LITE

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/env.h"
#include "rocksdb/io_status.h"
#include "rocksdb/metadata.h"
#include "rocksdb/options.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Name of the DB's default file checksum function.
constexpr char kDbFileChecksumFuncName[] = "FileChecksumCrc32c";
// Name of the checksum the backup engine records for backed-up files.
constexpr char kBackupFileChecksumFuncName[] = "crc32c";

struct BackupEngineOptions {
  // Directory holding the backups (required). Must differ from the DB
  // directory; dbname + "/backups" is a good choice.
  std::string backup_dir;

  // Env for backup file I/O; nullptr: the DB's Env. Not owned.
  Env* backup_env;

  // true: table and blob files are stored once and shared between backups,
  // so a new backup copies only new files. false: each backup is
  // self-contained. Default: true.
  bool share_table_files;

  // Where progress and errors are logged; nullptr: nowhere. Not owned.
  Logger* info_log;

  // true: files are synced, so backups and restores survive a machine
  // crash. false: faster; only earlier, already synced backups are safe.
  // Default: true.
  bool sync;

  // true: delete every existing backup when opening. Default: false.
  bool destroy_old_data;

  // false: WAL files are not backed up (useful when only the WAL is
  // persistent and table files live in memory). Default: true.
  bool backup_log_files;

  // Write rate limit in bytes/second while backing up; 0: unlimited. Reads
  // are limited only through backup_rate_limiter (mode kAllIo).
  // Default: 0.
  uint64_t backup_rate_limit;

  // Rate limiter for backups; overrides backup_rate_limit when set.
  // Default: nullptr.
  std::shared_ptr<RateLimiter> backup_rate_limiter{nullptr};

  // Write rate limit in bytes/second while restoring; 0: unlimited.
  // Default: 0.
  uint64_t restore_rate_limit;

  // Rate limiter for restores; overrides restore_rate_limit when set.
  // Default: nullptr.
  std::shared_ptr<RateLimiter> restore_rate_limiter{nullptr};

  // With share_table_files: name shared table/blob files so that different
  // files with the same file number never collide (see
  // share_files_with_checksum_naming). false is deprecated: backups of
  // diverging DB histories can then lose data. Default: true.
  bool share_files_with_checksum;

  // Threads copying files during backup and restore. Default: 1.
  int max_background_operations;

  // The backup progress callback runs each time this many more bytes have
  // been copied. Default: 4 MiB.
  uint64_t callback_trigger_interval_size;

  // BackupEngineReadOnly loads at most this many of the newest good
  // backups. Ignored (unlimited) by the writable BackupEngine, which must
  // see every backup to account for shared files. Default: INT_MAX.
  int max_valid_backups_to_open;

  // Naming schemes for files in the shared_checksum directory (used when
  // both share_table_files and share_files_with_checksum are true): a
  // scheme in the low 16 bits, optional flags in the high bits. Numeric
  // values are part of the API and of existing backups; never renumber.
  enum ShareFilesNaming : uint32_t {
    // <number>_<crc32c>_<size>.sst / .blob. The original scheme: needs the
    // whole file read to name it, and the triple can collide at scale.
    // Only for compatibility with old backups.
    kLegacyCrc32cAndFileSize = 1U,

    // <number>_s<db_session_id>.sst: unique and known before reading the
    // file. Blob files, and table files without a session id, fall back to
    // kLegacyCrc32cAndFileSize.
    kUseDbSessionId = 2U,

    kMaskNoNamingFlags = 0xffffU,

    // Also put _<size> before the extension when the scheme lacks it, for
    // tools that parse the size out of the name.
    kFlagIncludeFileSize = 1U << 31,

    kMaskNamingFlags = ~kMaskNoNamingFlags,
  };

  // Naming for shared table/blob files (see ShareFilesNaming). Can be
  // changed between runs: backups with mixed names stay readable, though a
  // file may then be stored twice under both names.
  // Default: kUseDbSessionId | kFlagIncludeFileSize.
  ShareFilesNaming share_files_with_checksum_naming;

  // Major version of the backup meta files written. 1: readable by very old
  // releases; 2: needs 6.19+, required to record file temperatures.
  int schema_version = 1;

  // Experimental, with schema_version >= 2: which file temperature wins
  // when the FileSystem and the manifest disagree (both known). false: the
  // manifest; true: the FileSystem. A known temperature always beats
  // UNKNOWN.
  bool current_temperatures_override_manifest = false;

  // Logs the main options to `logger` at INFO level.
  void Dump(Logger* logger) const;

  explicit BackupEngineOptions(
      const std::string& _backup_dir, Env* _backup_env = nullptr,
      bool _share_table_files = true, Logger* _info_log = nullptr,
      bool _sync = true, bool _destroy_old_data = false,
      bool _backup_log_files = true, uint64_t _backup_rate_limit = 0,
      uint64_t _restore_rate_limit = 0, int _max_background_operations = 1,
      uint64_t _callback_trigger_interval_size = 4 * 1024 * 1024,
      int _max_valid_backups_to_open = INT_MAX,
      ShareFilesNaming _share_files_with_checksum_naming =
          static_cast<ShareFilesNaming>(kUseDbSessionId | kFlagIncludeFileSize))
      : backup_dir(_backup_dir),
        backup_env(_backup_env),
        share_table_files(_share_table_files),
        info_log(_info_log),
        sync(_sync),
        destroy_old_data(_destroy_old_data),
        backup_log_files(_backup_log_files),
        backup_rate_limit(_backup_rate_limit),
        restore_rate_limit(_restore_rate_limit),
        share_files_with_checksum(true),
        max_background_operations(_max_background_operations),
        callback_trigger_interval_size(_callback_trigger_interval_size),
        max_valid_backups_to_open(_max_valid_backups_to_open),
        share_files_with_checksum_naming(_share_files_with_checksum_naming) {}
};

// Bitwise and/or that keep the ShareFilesNaming type.
inline BackupEngineOptions::ShareFilesNaming operator&(
    BackupEngineOptions::ShareFilesNaming lhs,
    BackupEngineOptions::ShareFilesNaming rhs) {
  return static_cast<BackupEngineOptions::ShareFilesNaming>(
      static_cast<uint32_t>(lhs) & static_cast<uint32_t>(rhs));
}

inline BackupEngineOptions::ShareFilesNaming operator|(
    BackupEngineOptions::ShareFilesNaming lhs,
    BackupEngineOptions::ShareFilesNaming rhs) {
  return static_cast<BackupEngineOptions::ShareFilesNaming>(
      static_cast<uint32_t>(lhs) | static_cast<uint32_t>(rhs));
}

struct CreateBackupOptions {
  // Flush memtables before backing up (always done with 2PC). Use it when
  // the WAL is disabled, or unflushed data is lost from the backup.
  bool flush_before_backup = false;

  // Called about every callback_trigger_interval_size bytes copied. Must
  // not throw.
  std::function<void()> progress_callback = []() {};

  // true: lower the copy threads' CPU priority to
  // background_thread_cpu_priority (it is never raised above kNormal).
  bool decrease_background_thread_cpu_priority = false;
  CpuPriority background_thread_cpu_priority = CpuPriority::kNormal;
};

struct RestoreOptions {
  // true: keep the WAL files already in wal_dir and move archived WAL
  // files back into it (pair with backup_log_files=false to persist
  // in-memory DBs). Default: false.
  bool keep_log_files;

  explicit RestoreOptions(bool _keep_log_files = false)
      : keep_log_files(_keep_log_files) {}
};

using BackupID = uint32_t;

using BackupFileInfo = FileStorageInfo;

struct BackupInfo {
  BackupID backup_id = 0U;
  // Creation time (seconds, from the Env clock).
  int64_t timestamp = 0;

  // Sum of the backed-up file sizes (no meta file, no filesystem overhead).
  uint64_t size = 0U;

  // Files in this backup (some possibly shared), meta file excluded.
  uint32_t number_files = 0U;

  // Application metadata given at backup time.
  std::string app_metadata;

  // Per-file details; filled only with include_file_details=true.
  std::vector<BackupFileInfo> file_details;

  // With include_file_details=true: a DB path (in the backup Env) from
  // which this backup can be opened read-only; also use it as wal_dir.
  std::string name_for_open;

  // With include_file_details=true: the Env to open name_for_open with
  // (it maps shared files into that directory). Shared so that it outlives
  // the BackupEngine as long as anyone holds it.
  std::shared_ptr<Env> env_for_open;

  BackupInfo() {}

  BackupInfo(BackupID _backup_id, int64_t _timestamp, uint64_t _size,
             uint32_t _number_files, const std::string& _app_metadata)
      : backup_id(_backup_id),
        timestamp(_timestamp),
        size(_size),
        number_files(_number_files),
        app_metadata(_app_metadata) {}
};

// Counts of successful and failed backups.
class BackupStatistics {
 public:
  BackupStatistics() {
    number_success_backup = 0;
    number_fail_backup = 0;
  }

  BackupStatistics(uint32_t _number_success_backup,
                   uint32_t _number_fail_backup)
      : number_success_backup(_number_success_backup),
        number_fail_backup(_number_fail_backup) {}

  ~BackupStatistics() {}

  void IncrementNumberSuccessBackup();
  void IncrementNumberFailBackup();

  uint32_t GetNumberSuccessBackup() const;
  uint32_t GetNumberFailBackup() const;

  // "# success backup: <n>, # fail backup: <m>"
  std::string ToString() const;

 private:
  uint32_t number_success_backup;
  uint32_t number_fail_backup;
};

// The read-only operations of a backup engine. Restoring counts as a read:
// it writes only to the DB directories given.
class BackupEngineReadOnlyBase {
 public:
  virtual ~BackupEngineReadOnlyBase() {}

  // The newest good backup; NotFound if there is none.
  // include_file_details fills file_details, name_for_open, env_for_open.
  virtual Status GetLatestBackupInfo(
      BackupInfo* backup_info, bool include_file_details = false) const = 0;

  // Backup `backup_id`; NotFound if it does not exist, Corruption if it is
  // known to be corrupt.
  virtual Status GetBackupInfo(BackupID backup_id, BackupInfo* backup_info,
                               bool include_file_details = false) const = 0;

  // Every non-corrupt backup.
  virtual void GetBackupInfo(std::vector<BackupInfo>* backup_infos,
                             bool include_file_details = false) const = 0;

  // Ids of the corrupt backups. Beware: any write through a BackupEngine
  // may garbage-collect files needed to repair them by hand.
  virtual void GetCorruptedBackups(
      std::vector<BackupID>* corrupt_backup_ids) const = 0;

  // Restores backup `backup_id` into db_dir and wal_dir.
  virtual IOStatus RestoreDBFromBackup(const RestoreOptions& options,
                                       BackupID backup_id,
                                       const std::string& db_dir,
                                       const std::string& wal_dir) const = 0;

  // Older argument order.
  virtual IOStatus RestoreDBFromBackup(
      BackupID backup_id, const std::string& db_dir, const std::string& wal_dir,
      const RestoreOptions& options = RestoreOptions()) const {
    return RestoreDBFromBackup(options, backup_id, db_dir, wal_dir);
  }

  // Restores the newest non-corrupt backup.
  virtual IOStatus RestoreDBFromLatestBackup(
      const RestoreOptions& options, const std::string& db_dir,
      const std::string& wal_dir) const = 0;

  // Older argument order.
  virtual IOStatus RestoreDBFromLatestBackup(
      const std::string& db_dir, const std::string& wal_dir,
      const RestoreOptions& options = RestoreOptions()) const {
    return RestoreDBFromLatestBackup(options, db_dir, wal_dir);
  }

  // Checks that every file of the backup exists with the expected size
  // and, if verify_with_checksum, the expected checksum. Expectations come
  // from the backup's creation (if made by this engine) or from Open time.
  virtual IOStatus VerifyBackup(BackupID backup_id,
                                bool verify_with_checksum = false) const = 0;
};

// The append operations of a backup engine: they add backups or clean up,
// never remove a good backup.
class BackupEngineAppendOnlyBase {
 public:
  virtual ~BackupEngineAppendOnlyBase() {}

  // Backs up `db` with `app_metadata` attached; stores the new id in
  // *new_backup_id when it is not null.
  virtual IOStatus CreateNewBackupWithMetadata(
      const CreateBackupOptions& options, DB* db,
      const std::string& app_metadata, BackupID* new_backup_id = nullptr) = 0;

  // Older form.
  virtual IOStatus CreateNewBackupWithMetadata(
      DB* db, const std::string& app_metadata, bool flush_before_backup = false,
      std::function<void()> progress_callback = []() {}) {
    CreateBackupOptions options;
    options.flush_before_backup = flush_before_backup;
    options.progress_callback = progress_callback;
    return CreateNewBackupWithMetadata(options, db, app_metadata);
  }

  // Backs up `db` as the new latest backup; stores its id in
  // *new_backup_id when not null. NotSupported if the DB's table files
  // span several directories (db_paths / cf_paths).
  virtual IOStatus CreateNewBackup(const CreateBackupOptions& options, DB* db,
                                   BackupID* new_backup_id = nullptr) {
    return CreateNewBackupWithMetadata(options, db, "", new_backup_id);
  }

  // Older form.
  virtual IOStatus CreateNewBackup(
      DB* db, bool flush_before_backup = false,
      std::function<void()> progress_callback = []() {}) {
    CreateBackupOptions options;
    options.flush_before_backup = flush_before_backup;
    options.progress_callback = progress_callback;
    return CreateNewBackup(options, db);
  }

  // Asks a running CreateNewBackup (on another thread) to stop; returns at
  // once. That call then returns Incomplete; its leftovers are removed by
  // the next CreateNewBackup or GarbageCollect.
  virtual void StopBackup() = 0;

  // Deletes files left by interrupted backup creation or deletion. Keeps
  // corrupt backups, but may delete files needed to repair them by hand.
  // Only files the engine itself manages are considered. Counts as an
  // append: it can disturb another engine appending to the same directory.
  virtual IOStatus GarbageCollect() = 0;
};

// A writable backup engine (not meant to be subclassed by applications).
//
// Thread safety: one engine may be used from several threads. Reads run
// concurrently with each other; appends and writes (PurgeOldBackups,
// DeleteBackup) exclude every other operation.
//
// Several engines on one backup_dir: Open and reads of one engine are safe
// against Open, reads and appends of another (reads see the state at Open
// time; an append is atomic w.r.t. another's Open). Anything else, in
// particular writes (including Open with destroy_old_data), is unspecified
// but memory safe.
class BackupEngine : public BackupEngineReadOnlyBase,
                     public BackupEngineAppendOnlyBase {
 public:
  virtual ~BackupEngine() {}

  // Opens (creating if needed) the backup directory options.backup_dir for
  // the DB living in `db_env`. Use the same options for a directory every
  // time. On failure *backup_engine_ptr is null; the caller owns it.
  static IOStatus Open(const BackupEngineOptions& options, Env* db_env,
                       BackupEngine** backup_engine_ptr);

  // Older argument order.
  static IOStatus Open(Env* db_env, const BackupEngineOptions& options,
                       BackupEngine** backup_engine_ptr) {
    return BackupEngine::Open(options, db_env, backup_engine_ptr);
  }

  // Deletes all but the newest num_backups_to_keep backups.
  virtual IOStatus PurgeOldBackups(uint32_t num_backups_to_keep) = 0;

  // Deletes one backup. An interrupted deletion is finished by the next
  // DeleteBackup, PurgeOldBackups or GarbageCollect.
  virtual IOStatus DeleteBackup(BackupID backup_id) = 0;
};

// A backup engine limited to reads (listing, verifying, restoring). Not
// meant to be subclassed by applications.
class BackupEngineReadOnly : public BackupEngineReadOnlyBase {
 public:
  virtual ~BackupEngineReadOnly() {}

  // Opens an existing backup directory. On failure *backup_engine_ptr is
  // null; the caller owns it.
  static IOStatus Open(const BackupEngineOptions& options, Env* db_env,
                       BackupEngineReadOnly** backup_engine_ptr);
  // Older argument order.
  static IOStatus Open(Env* db_env, const BackupEngineOptions& options,
                       BackupEngineReadOnly** backup_engine_ptr) {
    return BackupEngineReadOnly::Open(options, db_env, backup_engine_ptr);
  }
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // ROCKSDB_LITE
