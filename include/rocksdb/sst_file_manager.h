// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileManager: tracks the table and blob files of one or more DBs,
// enforces an optional space limit and paces file deletion.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/file_system.h"
#include "rocksdb/statistics.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Env;
class Logger;

// Obtained from NewSstFileManager() only (not meant to be subclassed by
// applications). Every method is thread-safe.
class SstFileManager {
 public:
  virtual ~SstFileManager() {}

  // Writes fail once tracked files exceed this many bytes; 0 (the default)
  // means no limit.
  virtual void SetMaxAllowedSpaceUsage(uint64_t max_allowed_space) = 0;

  // Free space each compaction must leave on the disk at its peak, so that
  // flushes and logging can go on.
  virtual void SetCompactionBufferSize(uint64_t compaction_buffer_size) = 0;

  // True if the tracked files exceed the space limit.
  virtual bool IsMaxAllowedSpaceReached() = 0;

  // True if the tracked files plus the estimated output of running
  // compactions exceed the space limit.
  virtual bool IsMaxAllowedSpaceReachedIncludingCompactions() = 0;

  // Total bytes of tracked files.
  virtual uint64_t GetTotalSize() = 0;

  // Path -> size of every tracked file (a copy).
  virtual std::unordered_map<std::string, uint64_t> GetTrackedFiles() = 0;

  // Deletion pace in bytes per second; 0 means delete at once.
  virtual int64_t GetDeleteRateBytesPerSecond() = 0;
  virtual void SetDeleteRateBytesPerSecond(int64_t delete_rate) = 0;

  // Above this trash-to-DB size ratio, files are deleted at once instead of
  // being paced.
  virtual double GetMaxTrashDBRatio() = 0;
  virtual void SetMaxTrashDBRatio(double ratio) = 0;

  // Bytes of files waiting in the trash.
  virtual uint64_t GetTotalTrashSize() = 0;

  // Where FILES_MARKED_TRASH / FILES_DELETED_IMMEDIATELY are recorded.
  virtual void SetStatisticsPtr(const std::shared_ptr<Statistics>& stats) = 0;
};

// Returns a new SstFileManager, owned by the caller, that may be shared by
// several DBs (through DBOptions::sst_file_manager).
//   env, fs: where files are deleted; info_log (optional): error log.
//   trash_dir: deprecated, ignored.
//   rate_bytes_per_sec: deletion pace; 0 deletes at once. Also paces WAL
//     deletion.
//   delete_existing_trash: deprecated, ignored.
//   status (optional): receives any setup error.
//   max_trash_db_ratio: see SetMaxTrashDBRatio().
//   bytes_max_delete_chunk: files larger than this are truncated chunk by
//     chunk while being deleted; 0 deletes them whole.
extern SstFileManager* NewSstFileManager(
    Env* env, std::shared_ptr<FileSystem> fs,
    std::shared_ptr<Logger> info_log = nullptr,
    const std::string& trash_dir = "", int64_t rate_bytes_per_sec = 0,
    bool delete_existing_trash = true, Status* status = nullptr,
    double max_trash_db_ratio = 0.25,
    uint64_t bytes_max_delete_chunk = 64 * 1024 * 1024);

// As above, using env's own FileSystem.
extern SstFileManager* NewSstFileManager(
    Env* env, std::shared_ptr<Logger> info_log = nullptr,
    std::string trash_dir = "", int64_t rate_bytes_per_sec = 0,
    bool delete_existing_trash = true, Status* status = nullptr,
    double max_trash_db_ratio = 0.25,
    uint64_t bytes_max_delete_chunk = 64 * 1024 * 1024);

}  // namespace ROCKSDB_NAMESPACE
