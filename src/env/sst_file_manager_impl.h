// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileManagerImpl: the object NewSstFileManager() returns. It keeps the
// size of every table/blob file the DBs report (OnAddFile/OnDeleteFile),
// checks the space limit, and deletes files for them. Deletion is not
// rate-limited yet: ScheduleFileDeletion() deletes at once, whatever the
// configured rate; the rate and trash ratio are stored and reported.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "port/mutex.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/sst_file_manager.h"
#include "rocksdb/statistics.h"

namespace ROCKSDB_NAMESPACE {

class SstFileManagerImpl : public SstFileManager {
 public:
  // `fs` must not be null; `logger` and `env` may be.
  SstFileManagerImpl(Env* env, std::shared_ptr<FileSystem> fs,
                     std::shared_ptr<Logger> logger, int64_t rate_bytes_per_sec,
                     double max_trash_db_ratio,
                     uint64_t bytes_max_delete_chunk);
  ~SstFileManagerImpl() override;

  // SstFileManager.
  void SetMaxAllowedSpaceUsage(uint64_t max_allowed_space) override;
  void SetCompactionBufferSize(uint64_t compaction_buffer_size) override;
  bool IsMaxAllowedSpaceReached() override;
  bool IsMaxAllowedSpaceReachedIncludingCompactions() override;
  uint64_t GetTotalSize() override;
  std::unordered_map<std::string, uint64_t> GetTrackedFiles() override;
  int64_t GetDeleteRateBytesPerSecond() override;
  void SetDeleteRateBytesPerSecond(int64_t delete_rate) override;
  double GetMaxTrashDBRatio() override;
  void SetMaxTrashDBRatio(double ratio) override;
  uint64_t GetTotalTrashSize() override;
  void SetStatisticsPtr(const std::shared_ptr<Statistics>& stats) override;

  // Engine side. Starts tracking `path`, asking the FileSystem for its size.
  Status OnAddFile(const std::string& path);
  // Starts tracking `path` with a known size (replaces any older entry).
  void OnAddFile(const std::string& path, uint64_t file_size);
  // Stops tracking `path`; unknown paths are ignored.
  void OnDeleteFile(const std::string& path);
  // Tracks `new_path` in place of `old_path`.
  void OnMoveFile(const std::string& old_path, const std::string& new_path);

  // Deletes `path` (now, see the file comment) and stops tracking it.
  // `dir_to_sync` is accepted for interface compatibility and unused.
  Status ScheduleFileDeletion(const std::string& path,
                              const std::string& dir_to_sync);

  // Space running compactions expect to write, counted by
  // IsMaxAllowedSpaceReachedIncludingCompactions().
  void ReserveCompactionSpace(uint64_t bytes);
  void ReleaseCompactionSpace(uint64_t bytes);
  uint64_t GetCompactionBufferSize();

  // Deletes leftover "*.trash" files in `trash_dir` (see NewSstFileManager).
  Status DeleteTrashIn(const std::string& trash_dir);

 private:
  // Constant after construction.
  // Kept for paced deletion and logging, which have not landed.
  [[maybe_unused]] Env* const env_;
  const std::shared_ptr<FileSystem> fs_;
  [[maybe_unused]] const std::shared_ptr<Logger> logger_;
  [[maybe_unused]] const uint64_t bytes_max_delete_chunk_;

  port::Mutex mu_;
  std::unordered_map<std::string, uint64_t> tracked_files_ GUARDED_BY(mu_);
  uint64_t total_size_ GUARDED_BY(mu_) = 0;
  uint64_t max_allowed_space_ GUARDED_BY(mu_) = 0;
  uint64_t compaction_buffer_size_ GUARDED_BY(mu_) = 0;
  uint64_t reserved_compaction_bytes_ GUARDED_BY(mu_) = 0;
  int64_t delete_rate_bytes_per_sec_ GUARDED_BY(mu_);
  double max_trash_db_ratio_ GUARDED_BY(mu_);
  std::shared_ptr<Statistics> stats_ GUARDED_BY(mu_);
};

}  // namespace ROCKSDB_NAMESPACE
