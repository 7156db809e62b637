// Copyright (c) the rocksdb-cleanroom authors.
//
// Status copy/move and ToString. The text form is
//   "<code text>" + "<subcode text>" + [": " if both a subcode and a
//   message] + "<message>"
// where the code text of an error ends in ": " and OK prints "OK" alone,
// matching RocksDB 7.8.3 byte for byte (see status_test.cc).
#include "rocksdb/status.h"

#include <cstring>

namespace ROCKSDB_NAMESPACE {

namespace {

const char* CodeText(Status::Code code) {
  switch (code) {
    case Status::kOk:
      return "OK";
    case Status::kNotFound:
      return "NotFound: ";
    case Status::kCorruption:
      return "Corruption: ";
    case Status::kNotSupported:
      return "Not implemented: ";
    case Status::kInvalidArgument:
      return "Invalid argument: ";
    case Status::kIOError:
      return "IO error: ";
    case Status::kMergeInProgress:
      return "Merge in progress: ";
    case Status::kIncomplete:
      return "Result incomplete: ";
    case Status::kShutdownInProgress:
      return "Shutdown in progress: ";
    case Status::kTimedOut:
      return "Operation timed out: ";
    case Status::kAborted:
      return "Operation aborted: ";
    case Status::kBusy:
      return "Resource busy: ";
    case Status::kExpired:
      return "Operation expired: ";
    case Status::kTryAgain:
      return "Operation failed. Try again.: ";
    case Status::kCompactionTooLarge:
      return "Compaction too large: ";
    case Status::kColumnFamilyDropped:
      return "Column family dropped: ";
    case Status::kMaxCode:
      break;
  }
  return nullptr;
}

const char* SubCodeText(Status::SubCode subcode) {
  switch (subcode) {
    case Status::kNone:
      return "";
    case Status::kMutexTimeout:
      return "Timeout Acquiring Mutex";
    case Status::kLockTimeout:
      return "Timeout waiting to lock key";
    case Status::kLockLimit:
      return "Failed to acquire lock due to max_num_locks limit";
    case Status::kNoSpace:
      return "No space left on device";
    case Status::kDeadlock:
      return "Deadlock";
    case Status::kStaleFile:
      return "Stale file handle";
    case Status::kMemoryLimit:
      return "Memory limit reached";
    case Status::kSpaceLimit:
      return "Space limit reached";
    case Status::kPathNotFound:
      return "No such file or directory";
    case Status::KMergeOperandsInsufficientCapacity:
      return "Insufficient capacity for merge operands";
    case Status::kManualCompactionPaused:
      return "Manual compaction paused";
    case Status::kOverwritten:
      return " (overwritten)";
    case Status::kTxnNotPrepared:
      return "Txn not prepared";
    case Status::kIOFenced:
      return "IO fenced off";
    case Status::kMaxSubCode:
      break;
  }
  return nullptr;
}

}  // namespace

Status::Status(Code _code, SubCode _subcode, const Slice& msg,
               const Slice& msg2, Severity sev)
    : code_(_code),
      subcode_(_subcode),
      sev_(sev),
      retryable_(false),
      data_loss_(false),
      scope_(0) {
  const size_t len1 = msg.size();
  const size_t len2 = msg2.size();
  const size_t total = len1 + (len2 > 0 ? len2 + 2 : 0);
  char* buf = new char[total + 1];
  memcpy(buf, msg.data(), len1);
  if (len2 > 0) {
    buf[len1] = ':';
    buf[len1 + 1] = ' ';
    memcpy(buf + len1 + 2, msg2.data(), len2);
  }
  buf[total] = '\0';
  state_.reset(buf);
}

Status::Status(const Status& s)
    : code_(s.code_),
      subcode_(s.subcode_),
      sev_(s.sev_),
      retryable_(s.retryable_),
      data_loss_(s.data_loss_),
      scope_(s.scope_),
      state_(s.state_ == nullptr ? nullptr : CopyState(s.state_.get())) {}

Status::Status(const Status& s, Severity sev) : Status(s) { sev_ = sev; }

Status& Status::operator=(const Status& s) {
  if (this != &s) {
    code_ = s.code_;
    subcode_ = s.subcode_;
    sev_ = s.sev_;
    retryable_ = s.retryable_;
    data_loss_ = s.data_loss_;
    scope_ = s.scope_;
    state_ = s.state_ == nullptr ? nullptr : CopyState(s.state_.get());
  }
  return *this;
}

Status::Status(Status&& s) noexcept : Status() { *this = std::move(s); }

Status& Status::operator=(Status&& s) noexcept {
  if (this != &s) {
    code_ = s.code_;
    subcode_ = s.subcode_;
    sev_ = s.sev_;
    retryable_ = s.retryable_;
    data_loss_ = s.data_loss_;
    scope_ = s.scope_;
    state_ = std::move(s.state_);
    // The source becomes OK.
    s.code_ = kOk;
    s.subcode_ = kNone;
    s.sev_ = kNoError;
    s.retryable_ = false;
    s.data_loss_ = false;
    s.scope_ = 0;
  }
  return *this;
}

bool Status::operator==(const Status& rhs) const { return code_ == rhs.code_; }

bool Status::operator!=(const Status& rhs) const { return !(*this == rhs); }

std::unique_ptr<const char[]> Status::CopyState(const char* s) {
  const size_t n = strlen(s) + 1;
  char* copy = new char[n];
  memcpy(copy, s, n);
  return std::unique_ptr<const char[]>(copy);
}

std::string Status::ToString() const {
  const char* code_text = CodeText(code_);
  std::string result;
  if (code_text == nullptr) {
    result = "Unknown code(" + std::to_string(static_cast<int>(code_)) + "): ";
  } else {
    result = code_text;
  }
  if (code_ == kOk) return result;

  if (subcode_ != kNone) {
    const char* sub_text = SubCodeText(subcode_);
    if (sub_text == nullptr) {
      result +=
          "Unknown subcode(" + std::to_string(static_cast<int>(subcode_)) + ")";
    } else {
      result += sub_text;
    }
  }
  if (state_ != nullptr) {
    if (subcode_ != kNone) result += ": ";
    result += state_.get();
  }
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
