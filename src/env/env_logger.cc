// Copyright (c) the rocksdb-cleanroom authors.

#include "env/env_logger.h"

#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

namespace ROCKSDB_NAMESPACE {

EnvLogger::EnvLogger(std::unique_ptr<FSWritableFile> file, std::string fname,
                     std::shared_ptr<SystemClock> clock, InfoLogLevel level)
    : Logger(level),
      fname_(std::move(fname)),
      clock_(std::move(clock)),
      file_(std::move(file)) {}

EnvLogger::~EnvLogger() {
  if (!closed_) {
    closed_ = true;
    CloseImpl().PermitUncheckedError();  // nobody left to report to
  }
}

std::string EnvLogger::FormatLine(uint64_t now_micros, uint64_t thread_id,
                                  const char* format, va_list ap) {
  time_t seconds = static_cast<time_t>(now_micros / 1000000);
  struct tm t;
  localtime_r(&seconds, &t);
  char prefix[96];
  int plen = snprintf(
      prefix, sizeof(prefix), "%04d/%02d/%02d-%02d:%02d:%02d.%06d %llu ",
      t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
      static_cast<int>(now_micros % 1000000),
      static_cast<unsigned long long>(thread_id));
  std::string line(prefix, static_cast<size_t>(plen));

  // Room for the message, leaving one byte for the newline.
  size_t room = kMaxLineBytes - 1 - line.size();
  char small[512];
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(small, sizeof(small), format, copy);
  va_end(copy);
  if (n < 0) n = 0;
  size_t msg_len = static_cast<size_t>(n);
  if (msg_len < sizeof(small)) {
    line.append(small, msg_len);
  } else {
    std::vector<char> big(std::min(msg_len, room) + 1);
    va_copy(copy, ap);
    vsnprintf(big.data(), big.size(), format, copy);
    va_end(copy);
    line.append(big.data(), big.size() - 1);
  }
  if (line.size() > kMaxLineBytes - 1) line.resize(kMaxLineBytes - 1);
  if (line.back() != '\n') line.push_back('\n');
  return line;
}

void EnvLogger::Logv(const char* format, va_list ap) {
  uint64_t tid = static_cast<uint64_t>(::syscall(SYS_gettid));
  std::string line = FormatLine(clock_->NowMicros(), tid, format, ap);
  port::MutexLock l(&mu_);
  if (file_ == nullptr) return;  // closed
  // A logger has no way to report a failed write; the line is dropped.
  IOStatus s = file_->Append(line, IOOptions(), nullptr);
  if (s.ok()) size_ += line.size();
}

size_t EnvLogger::GetLogFileSize() const {
  port::MutexLock l(&mu_);
  return size_;
}

void EnvLogger::Flush() {
  port::MutexLock l(&mu_);
  if (file_ != nullptr) {
    file_->Flush(IOOptions(), nullptr).PermitUncheckedError();
  }
}

Status EnvLogger::CloseImpl() {
  port::MutexLock l(&mu_);
  if (file_ == nullptr) return Status::OK();
  IOStatus s = file_->Close(IOOptions(), nullptr);
  file_.reset();
  return std::move(s);
}

}  // namespace ROCKSDB_NAMESPACE
