// Copyright (c) the rocksdb-cleanroom authors.

#include "env/auto_roll_logger.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

// Formats a message once so it can be stored (headers) and written later.
std::string FormatMessage(const char* format, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (n <= 0) return std::string();
  std::string out(static_cast<size_t>(n) + 1, '\0');
  va_copy(copy, ap);
  vsnprintf(&out[0], out.size(), format, copy);
  va_end(copy);
  out.resize(static_cast<size_t>(n));
  return out;
}

// Calls the level-less Logv() of `logger`, which takes a va_list.
void WriteRaw(Logger* logger, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  logger->Logv(format, ap);
  va_end(ap);
}

// Parses the micros of "<log_name>.old.<micros>"; false for other names.
bool ParseOldLogMicros(const std::string& file, const std::string& log_name,
                       uint64_t* micros) {
  const std::string prefix = log_name + ".old.";
  if (file.size() <= prefix.size() || file.compare(0, prefix.size(), prefix)) {
    return false;
  }
  uint64_t v = 0;
  for (size_t i = prefix.size(); i < file.size(); ++i) {
    if (file[i] < '0' || file[i] > '9') return false;
    v = v * 10 + static_cast<uint64_t>(file[i] - '0');
  }
  *micros = v;
  return true;
}

}  // namespace

std::string OldInfoLogFileName(const std::string& log_path, uint64_t micros) {
  return log_path + ".old." + std::to_string(micros);
}

Status TrimOldInfoLogFiles(Env* env, const std::string& dir,
                           const std::string& log_name,
                           size_t keep_log_file_num) {
  std::vector<std::string> children;
  Status s = env->GetChildren(dir, &children);
  if (!s.ok()) return s;
  std::vector<std::pair<uint64_t, std::string>> old_files;
  for (const std::string& c : children) {
    uint64_t micros = 0;
    if (ParseOldLogMicros(c, log_name, &micros)) {
      old_files.emplace_back(micros, c);
    }
  }
  const size_t keep_old = keep_log_file_num > 0 ? keep_log_file_num - 1 : 0;
  if (old_files.size() <= keep_old) return Status::OK();
  std::sort(old_files.begin(), old_files.end());
  Status first_error;
  for (size_t i = 0; i + keep_old < old_files.size(); ++i) {
    Status d = env->DeleteFile(dir + "/" + old_files[i].second);
    if (!d.ok() && first_error.ok()) first_error = d;
  }
  return first_error;
}

AutoRollLogger::AutoRollLogger(Env* env, std::shared_ptr<SystemClock> clock,
                               std::string dir, std::string log_name,
                               size_t max_log_file_size,
                               size_t log_file_time_to_roll,
                               size_t keep_log_file_num, InfoLogLevel level)
    : Logger(level),
      env_(env),
      clock_(std::move(clock)),
      dir_(std::move(dir)),
      log_name_(std::move(log_name)),
      fname_(dir_ + "/" + log_name_),
      max_log_file_size_(max_log_file_size),
      time_to_roll_micros_(static_cast<uint64_t>(log_file_time_to_roll) *
                           1000000),
      keep_log_file_num_(keep_log_file_num) {
  port::MutexLock l(&mu_);
  OpenLocked();
  // Old files beyond the limit may predate this logger; a failure to
  // delete them is not worth failing the open for.
  TrimOldInfoLogFiles(env_, dir_, log_name_, keep_log_file_num_)
      .PermitUncheckedError();
}

AutoRollLogger::~AutoRollLogger() {
  if (!closed_) {
    closed_ = true;
    CloseImpl().PermitUncheckedError();  // nobody left to report to
  }
}

Status AutoRollLogger::GetStatus() const {
  port::MutexLock l(&mu_);
  return status_;
}

void AutoRollLogger::OpenLocked() {
  file_created_micros_ = clock_->NowMicros();
  records_since_time_check_ = 0;
  status_ = env_->NewLogger(fname_, &inner_);
  if (!status_.ok()) {
    inner_.reset();
    return;
  }
  // Headers go in at INFO level, as when they were first logged.
  if (InfoLogLevel::INFO_LEVEL >= GetInfoLogLevel()) {
    for (const std::string& h : headers_)
      WriteRaw(inner_.get(), "%s", h.c_str());
  }
}

bool AutoRollLogger::ShouldRollLocked() {
  if (inner_ == nullptr) return true;  // retry a failed open
  if (max_log_file_size_ > 0 &&
      inner_->GetLogFileSize() >= max_log_file_size_) {
    return true;
  }
  if (time_to_roll_micros_ > 0 &&
      ++records_since_time_check_ > kCheckTimeEveryNRecords) {
    records_since_time_check_ = 0;
    const uint64_t now = clock_->NowMicros();
    return now >= file_created_micros_ &&
           now - file_created_micros_ >= time_to_roll_micros_;
  }
  return false;
}

void AutoRollLogger::RollLocked() {
  if (inner_ != nullptr) {
    inner_->Close().PermitUncheckedError();  // the file is done either way
    inner_.reset();
  }
  if (env_->FileExists(fname_).ok()) {
    // Distinct names even if the clock has not moved since the last roll.
    uint64_t micros = clock_->NowMicros();
    while (env_->FileExists(OldInfoLogFileName(fname_, micros)).ok()) {
      ++micros;
    }
    // A failed rename means the next open overwrites the old contents.
    env_->RenameFile(fname_, OldInfoLogFileName(fname_, micros))
        .PermitUncheckedError();
  }
  OpenLocked();
  TrimOldInfoLogFiles(env_, dir_, log_name_, keep_log_file_num_)
      .PermitUncheckedError();  // best effort, retried at the next roll
}

void AutoRollLogger::WriteLocked(const std::string& line) {
  if (closed_inner_) return;
  if (ShouldRollLocked()) RollLocked();
  if (inner_ != nullptr) WriteRaw(inner_.get(), "%s", line.c_str());
}

void AutoRollLogger::Logv(const char* format, va_list ap) {
  std::string line = FormatMessage(format, ap);
  port::MutexLock l(&mu_);
  WriteLocked(line);
}

void AutoRollLogger::LogHeader(const char* format, va_list ap) {
  std::string line = FormatMessage(format, ap);
  port::MutexLock l(&mu_);
  headers_.push_back(line);
  if (InfoLogLevel::INFO_LEVEL >= GetInfoLogLevel()) WriteLocked(line);
}

size_t AutoRollLogger::GetLogFileSize() const {
  port::MutexLock l(&mu_);
  return inner_ != nullptr ? inner_->GetLogFileSize() : 0;
}

void AutoRollLogger::Flush() {
  port::MutexLock l(&mu_);
  if (inner_ != nullptr) inner_->Flush();
}

Status AutoRollLogger::CloseImpl() {
  port::MutexLock l(&mu_);
  closed_inner_ = true;
  if (inner_ == nullptr) return Status::OK();
  Status s = inner_->Close();
  inner_.reset();
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
