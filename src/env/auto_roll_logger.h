// Copyright (c) the rocksdb-cleanroom authors.
//
// AutoRollLogger: the info LOG used when max_log_file_size or
// log_file_time_to_roll is set. It writes through an EnvLogger on
// "<dir>/<log_name>" and, before each message, rolls that file when it has
// reached max_log_file_size bytes or (checked once every
// kCheckTimeEveryNRecords messages) is log_file_time_to_roll seconds old.
// Rolling renames the file to "<log_name>.old.<now micros>", opens a fresh
// one, writes every header line logged so far (LogHeader) into it again,
// and deletes the oldest old files so that at most keep_log_file_num - 1
// remain (the live file counts as one). Behaviour observed on RocksDB 7.8.3.
// Thread-safe.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/env.h"
#include "rocksdb/status.h"
#include "rocksdb/system_clock.h"

namespace ROCKSDB_NAMESPACE {

class AutoRollLogger : public Logger {
 public:
  // Creates "<dir>/<log_name>" (truncating it; callers rename a previous
  // one first) and trims old files. `env` must outlive the logger; `clock`
  // times the rolls and names old files. A zero max_log_file_size or
  // log_file_time_to_roll disables that trigger. Check GetStatus().
  AutoRollLogger(Env* env, std::shared_ptr<SystemClock> clock, std::string dir,
                 std::string log_name, size_t max_log_file_size,
                 size_t log_file_time_to_roll, size_t keep_log_file_num,
                 InfoLogLevel level = InfoLogLevel::INFO_LEVEL);
  ~AutoRollLogger() override;

  // The result of the last attempt to open the live file.
  Status GetStatus() const;

  using Logger::Logv;
  void Logv(const char* format, va_list ap) override;
  void LogHeader(const char* format, va_list ap) override;
  size_t GetLogFileSize() const override;
  void Flush() override;

  // How many messages pass between two clock reads for the time trigger.
  static constexpr uint64_t kCheckTimeEveryNRecords = 100;

 protected:
  Status CloseImpl() override;

 private:
  // Rolls first if a trigger fires, then writes the formatted `line`.
  void WriteLocked(const std::string& line) REQUIRES(mu_);
  bool ShouldRollLocked() REQUIRES(mu_);
  // Renames the live file away, opens a new one, rewrites the headers and
  // trims old files. Failures leave inner_ null (messages are dropped until
  // a later open succeeds) and are kept in status_.
  void RollLocked() REQUIRES(mu_);
  void OpenLocked() REQUIRES(mu_);

  // Constant after construction.
  Env* const env_;
  const std::shared_ptr<SystemClock> clock_;
  const std::string dir_;
  const std::string log_name_;
  const std::string fname_;
  const size_t max_log_file_size_;
  const uint64_t time_to_roll_micros_;
  const size_t keep_log_file_num_;

  mutable port::Mutex mu_;
  std::shared_ptr<Logger> inner_ GUARDED_BY(mu_);  // null if open failed
  Status status_ GUARDED_BY(mu_);
  uint64_t file_created_micros_ GUARDED_BY(mu_) = 0;
  uint64_t records_since_time_check_ GUARDED_BY(mu_) = 0;
  std::vector<std::string> headers_ GUARDED_BY(mu_);
  bool closed_inner_ GUARDED_BY(mu_) = false;
};

// The name a rolled info LOG gets: "<log_path>.old.<micros>".
std::string OldInfoLogFileName(const std::string& log_path, uint64_t micros);

// Deletes the oldest "<log_name>.old.<micros>" files in `dir` so that at
// most keep_log_file_num - 1 remain (none when it is 0 or 1). Files are
// ordered by their micros suffix. Best effort: returns the first error.
Status TrimOldInfoLogFiles(Env* env, const std::string& dir,
                           const std::string& log_name,
                           size_t keep_log_file_num);

}  // namespace ROCKSDB_NAMESPACE
