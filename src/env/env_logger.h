// Copyright (c) the rocksdb-cleanroom authors.
//
// EnvLogger: the info LOG file logger returned by Env::NewLogger(). Each
// message becomes one line
//
//   2026/11/27-19:40:52.123456 <thread id> <message>
//
// (local time with microseconds, the decimal kernel thread id, and the
// message with "[WARN] "-style prefixes added by Logger::Logv). A newline is
// appended unless the message ends with one; a line longer than 64 KiB is
// cut. Thread-safe. Starts at ERROR_LEVEL like RocksDB's; callers set the
// level they want.
#pragma once

#include <memory>
#include <string>

#include "port/mutex.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/system_clock.h"

namespace ROCKSDB_NAMESPACE {

class EnvLogger : public Logger {
 public:
  // Writes through `file` (owned); `clock` supplies timestamps.
  EnvLogger(std::unique_ptr<FSWritableFile> file, std::string fname,
            std::shared_ptr<SystemClock> clock,
            InfoLogLevel level = InfoLogLevel::ERROR_LEVEL);
  ~EnvLogger() override;

  using Logger::Logv;
  void Logv(const char* format, va_list ap) override;
  size_t GetLogFileSize() const override;
  void Flush() override;

  // Formats one log line (without I/O); exposed for tests.
  static std::string FormatLine(uint64_t now_micros, uint64_t thread_id,
                                const char* format, va_list ap);

  // Longest line written, newline included.
  static constexpr size_t kMaxLineBytes = 65536;

 protected:
  Status CloseImpl() override;

 private:
  const std::string fname_;
  const std::shared_ptr<SystemClock> clock_;

  mutable port::Mutex mu_;
  std::unique_ptr<FSWritableFile> file_ GUARDED_BY(mu_);  // null once closed
  size_t size_ GUARDED_BY(mu_) = 0;
};

}  // namespace ROCKSDB_NAMESPACE
