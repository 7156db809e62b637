// Copyright (c) the rocksdb-cleanroom authors.
//
// Replaying a serialized WriteBatch: WriteBatch::Iterate() and the
// content-flag scan behind the Has*() methods. Record decoding lives in
// write_batch_record.cc.
//
// Iterate() contract, as observed on RocksDB 7.8.3:
//  - Handler::Continue() is asked before each record; false ends the
//    iteration with OK (no count check).
//  - A data callback returning TryAgain makes the same record be offered
//    again (after another Continue()); a second TryAgain in a row is
//    returned to the caller (RocksDB asserts there; we never loop forever).
//  - Any other non-OK callback status ends the iteration and is returned.
//  - Malformed input gives Corruption; a count that differs from the
//    header gives Corruption("WriteBatch has wrong count").
//  - Prepare markers of a transaction write policy other than the one the
//    handler declares (WriteAfterCommit/WriteBeforePrepare) give
//    NotSupported, after the marker callback ran.

#include "db/write_batch_internal.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr char kPolicyHint[] =
    " If it is not due to corruption, the WAL must be emptied before changing "
    "the WritePolicy.";

Status PolicyMismatch(const char* what) {
  return Status::NotSupported(std::string(what) + kPolicyHint);
}

}  // namespace

WriteBatch::Handler::~Handler() = default;

void WriteBatch::Handler::LogData(const Slice& /*blob*/) {}

bool WriteBatch::Handler::Continue() { return true; }

Status WriteBatch::Iterate(Handler* handler) const {
  if (rep_.size() < WriteBatchInternal::kHeader) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  return WriteBatchInternal::Iterate(this, handler, WriteBatchInternal::kHeader,
                                     rep_.size());
}

Status WriteBatchInternal::Iterate(const WriteBatch* batch,
                                   WriteBatch::Handler* handler, size_t begin,
                                   size_t end) {
  using OptionState = WriteBatch::Handler::OptionState;
  const std::string& rep = batch->rep_;
  if (begin < kHeader || begin > end || end > rep.size()) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  Slice input(rep.data() + begin, end - begin);
  const bool whole_batch = (begin == kHeader && end == rep.size());

  WriteBatchRecord record;
  Status s;
  uint32_t found = 0;
  bool empty_batch = true;  // nothing since the start or the last marker
  bool retrying = false;    // the last callback asked for TryAgain
  bool handler_continue = true;
  while ((!input.empty() || retrying) &&
         (handler_continue = handler->Continue())) {
    if (!retrying) {
      s = ReadWriteBatchRecord(&input, &record);
      if (!s.ok()) return s;
    }
    const uint32_t cf = record.column_family;
    switch (record.op) {
      case WriteBatchOp::kPut:
        s = handler->PutCF(cf, record.key, record.value);
        break;
      case WriteBatchOp::kDelete:
        s = handler->DeleteCF(cf, record.key);
        break;
      case WriteBatchOp::kSingleDelete:
        s = handler->SingleDeleteCF(cf, record.key);
        break;
      case WriteBatchOp::kDeleteRange:
        s = handler->DeleteRangeCF(cf, record.key, record.value);
        break;
      case WriteBatchOp::kMerge:
        s = handler->MergeCF(cf, record.key, record.value);
        break;
      case WriteBatchOp::kPutEntity:
        s = handler->PutEntityCF(cf, record.key, record.value);
        break;
      case WriteBatchOp::kBlobIndex:
        s = handler->PutBlobIndexCF(cf, record.key, record.value);
        break;
      case WriteBatchOp::kLogData:
        handler->LogData(record.key);
        s = Status::OK();
        empty_batch = false;
        break;
      case WriteBatchOp::kBeginPrepare: {
        const bool unprepared = record.tag == WriteBatchTag::kBeginUnprepareXID;
        s = handler->MarkBeginPrepare(unprepared);
        if (!s.ok()) return s;
        empty_batch = false;
        const OptionState after_commit = handler->WriteAfterCommit();
        const OptionState before_prepare = handler->WriteBeforePrepare();
        if (record.tag == WriteBatchTag::kBeginPrepareXID) {
          if (after_commit == OptionState::kDisabled) {
            return PolicyMismatch(
                "WriteCommitted txn tag when write_after_commit_ is disabled "
                "(in WritePrepared/WriteUnprepared mode).");
          }
          if (before_prepare == OptionState::kEnabled) {
            return PolicyMismatch(
                "WriteCommitted txn tag when write_before_prepare_ is enabled "
                "(in WriteUnprepared mode).");
          }
        } else if (record.tag == WriteBatchTag::kBeginPersistedPrepareXID) {
          if (after_commit == OptionState::kEnabled) {
            return PolicyMismatch(
                "WritePrepared/WriteUnprepared txn tag when "
                "write_after_commit_ is enabled (in default WriteCommitted "
                "mode).");
          }
        } else {
          if (after_commit == OptionState::kEnabled) {
            return PolicyMismatch(
                "WriteUnprepared txn tag when write_after_commit_ is enabled "
                "(in default WriteCommitted mode).");
          }
          if (before_prepare == OptionState::kDisabled) {
            return PolicyMismatch(
                "WriteUnprepared txn tag when write_before_prepare_ is "
                "disabled (in WriteCommitted/WritePrepared mode).");
          }
        }
        break;
      }
      case WriteBatchOp::kEndPrepare:
        s = handler->MarkEndPrepare(record.key);
        empty_batch = true;
        break;
      case WriteBatchOp::kCommit:
        s = handler->MarkCommit(record.key);
        empty_batch = true;
        break;
      case WriteBatchOp::kCommitWithTimestamp:
        s = handler->MarkCommitWithTimestamp(record.key, record.value);
        empty_batch = true;
        break;
      case WriteBatchOp::kRollback:
        s = handler->MarkRollback(record.key);
        empty_batch = true;
        break;
      case WriteBatchOp::kNoop:
        s = handler->MarkNoop(empty_batch);
        empty_batch = true;
        break;
    }
    if (record.IsCounted()) {
      if (s.IsTryAgain()) {
        if (retrying) return s;
        retrying = true;
        continue;
      }
      if (!s.ok()) return s;
      empty_batch = false;
      ++found;
    } else if (!s.ok()) {
      return s;
    }
    retrying = false;
  }
  if (!s.ok()) return s;  // TryAgain left pending when Continue() said stop
  if (handler_continue && whole_batch && found != Count(batch)) {
    return Status::Corruption("WriteBatch has wrong count");
  }
  return Status::OK();
}

uint32_t WriteBatch::ComputeContentFlags() const {
  uint32_t flags = 0;
  if (rep_.size() < WriteBatchInternal::kHeader) return flags;
  Slice input(rep_.data() + WriteBatchInternal::kHeader,
              rep_.size() - WriteBatchInternal::kHeader);
  WriteBatchRecord record;
  while (!input.empty()) {
    if (!ReadWriteBatchRecord(&input, &record).ok()) {
      break;  // flags of the well-formed prefix; Iterate() reports the error
    }
    switch (record.op) {
      case WriteBatchOp::kPut:
        flags |= kContentHasPut;
        break;
      case WriteBatchOp::kDelete:
        flags |= kContentHasDelete;
        break;
      case WriteBatchOp::kSingleDelete:
        flags |= kContentHasSingleDelete;
        break;
      case WriteBatchOp::kDeleteRange:
        flags |= kContentHasDeleteRange;
        break;
      case WriteBatchOp::kMerge:
        flags |= kContentHasMerge;
        break;
      case WriteBatchOp::kPutEntity:
        flags |= kContentHasPutEntity;
        break;
      case WriteBatchOp::kBlobIndex:
        flags |= kContentHasBlobIndex;
        break;
      case WriteBatchOp::kBeginPrepare:
        flags |= kContentHasBeginPrepare;
        if (record.tag == WriteBatchTag::kBeginUnprepareXID) {
          flags |= kContentHasBeginUnprepare;
        }
        break;
      case WriteBatchOp::kEndPrepare:
        flags |= kContentHasEndPrepare;
        break;
      case WriteBatchOp::kCommit:
      case WriteBatchOp::kCommitWithTimestamp:
        flags |= kContentHasCommit;
        break;
      case WriteBatchOp::kRollback:
        flags |= kContentHasRollback;
        break;
      case WriteBatchOp::kLogData:
      case WriteBatchOp::kNoop:
        break;
    }
  }
  return flags;
}

Status WriteBatch::VerifyChecksum() const {
  if (prot_info_ == nullptr) return Status::OK();
  if (rep_.size() < WriteBatchInternal::kHeader) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  const std::vector<uint64_t>& entries = prot_info_->entries;
  Slice input(rep_.data() + WriteBatchInternal::kHeader,
              rep_.size() - WriteBatchInternal::kHeader);
  WriteBatchRecord record;
  size_t index = 0;
  while (index < entries.size() && !input.empty()) {
    Status s = ReadWriteBatchRecord(&input, &record);
    if (!s.ok()) return s;
    if (!record.IsCounted()) continue;
    if (entries[index] !=
        WriteBatchInternal::RecordChecksum(record.op, record.column_family,
                                           record.key, record.value)) {
      return Status::Corruption("ProtectionInfo mismatch");
    }
    ++index;
  }
  if (index != entries.size()) {
    return Status::Corruption("ProtectionInfo mismatch");
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
