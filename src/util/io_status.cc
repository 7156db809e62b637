// Copyright (c) the rocksdb-cleanroom authors.
//
// IOStatus copy/move. Unlike Status, copies reset the severity to kNoError,
// and a moved-from IOStatus keeps its retryable/data-loss flags (only code,
// subcode, scope and message are cleared), as RocksDB 7.8.3 does.
#include "rocksdb/io_status.h"

namespace ROCKSDB_NAMESPACE {

IOStatus::IOStatus(Code _code, SubCode _subcode, const Slice& msg,
                   const Slice& msg2)
    : Status(_code, _subcode, msg, msg2) {
  scope_ = kIOErrorScopeFileSystem;
}

IOStatus::IOStatus(const IOStatus& s) : Status(s.code_, s.subcode_) {
  retryable_ = s.retryable_;
  data_loss_ = s.data_loss_;
  scope_ = s.scope_;
  state_ = s.state_ == nullptr ? nullptr : CopyState(s.state_.get());
}

IOStatus& IOStatus::operator=(const IOStatus& s) {
  if (this != &s) {
    code_ = s.code_;
    subcode_ = s.subcode_;
    retryable_ = s.retryable_;
    data_loss_ = s.data_loss_;
    scope_ = s.scope_;
    state_ = s.state_ == nullptr ? nullptr : CopyState(s.state_.get());
  }
  return *this;
}

IOStatus::IOStatus(IOStatus&& s) noexcept : IOStatus() { *this = std::move(s); }

IOStatus& IOStatus::operator=(IOStatus&& s) noexcept {
  if (this != &s) {
    code_ = s.code_;
    subcode_ = s.subcode_;
    retryable_ = s.retryable_;
    data_loss_ = s.data_loss_;
    scope_ = s.scope_;
    state_ = std::move(s.state_);
    s.code_ = kOk;
    s.subcode_ = kNone;
    s.scope_ = kIOErrorScopeFileSystem;
  }
  return *this;
}

bool IOStatus::operator==(const IOStatus& rhs) const {
  return code_ == rhs.code_;
}

bool IOStatus::operator!=(const IOStatus& rhs) const { return !(*this == rhs); }

}  // namespace ROCKSDB_NAMESPACE
