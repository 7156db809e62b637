// Copyright (c) the rocksdb-cleanroom authors.
//
// The one non-virtual piece of Transaction: CommitAndTryCreateSnapshot(),
// written in terms of the virtual interface.

#include "rocksdb/utilities/transaction.h"

namespace ROCKSDB_NAMESPACE {

// The order follows RocksDB 7.8.3's observable behaviour: without a usable
// commit timestamp nothing is committed (InvalidArgument "Commit timestamp
// unset"); a transaction type without timestamp support fails in
// SetCommitTimestamp() before committing. The implementation takes the
// timestamped snapshot at commit when a commit timestamp is set and a
// snapshot was requested with SetSnapshotOnNextOperation().
Status Transaction::CommitAndTryCreateSnapshot(
    std::shared_ptr<TransactionNotifier> notifier, TxnTimestamp ts,
    std::shared_ptr<const Snapshot>* snapshot) {
  if (ts == kMaxTxnTimestamp) {
    ts = GetCommitTimestamp();
    if (ts == kMaxTxnTimestamp) {
      return Status::InvalidArgument("Commit timestamp unset");
    }
  } else {
    Status s = SetCommitTimestamp(ts);
    if (!s.ok()) {
      return s;
    }
  }
  SetSnapshotOnNextOperation(notifier);
  Status s = Commit();
  if (!s.ok()) {
    return s;
  }
  if (snapshot != nullptr) {
    *snapshot = GetTimestampedSnapshot();
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
