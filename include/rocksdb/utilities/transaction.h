// Copyright (c) the rocksdb-cleanroom authors.
//
// Transaction: a unit of work over a TransactionDB or OptimisticTransactionDB
// whose writes are buffered (in a WriteBatchWithIndex) and become visible
// atomically on Commit(). Also the small types shared by the transaction
// headers: TransactionName, TransactionID, TxnTimestamp, Endpoint and
// TransactionNotifier.
#pragma once

#ifndef ROCKSDB_LITE

#include <atomic>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Iterator;
class TransactionDB;
class WriteBatchWithIndex;

using TransactionName = std::string;

using TransactionID = uint64_t;

using TxnTimestamp = uint64_t;

// "No timestamp": the largest TxnTimestamp.
constexpr TxnTimestamp kMaxTxnTimestamp =
    std::numeric_limits<TxnTimestamp>::max();

// One end of a key range used by range locking. An Endpoint is a key prefix
// plus a flag: with inf_suffix=false it stands for the prefix itself (below
// every longer key sharing it); with inf_suffix=true it stands for a point
// just above every key that starts with the prefix. So the pair
// {P, false} .. {P, true} covers exactly the keys with prefix P, provided the
// comparator orders keys lexicographically (as the bytewise comparators do).
// The Endpoint does not own the bytes `slice` points to.
class Endpoint {
 public:
  Slice slice;

  // True: the endpoint lies after every key that has `slice` as a prefix.
  bool inf_suffix;

  explicit Endpoint(const Slice& slice_arg, bool inf_suffix_arg = false)
      : slice(slice_arg), inf_suffix(inf_suffix_arg) {}

  explicit Endpoint(const char* s, bool inf_suffix_arg = false)
      : slice(s), inf_suffix(inf_suffix_arg) {}

  Endpoint(const char* s, size_t size, bool inf_suffix_arg = false)
      : slice(s, size), inf_suffix(inf_suffix_arg) {}

  Endpoint() : inf_suffix(false) {}
};

// Callback for SetSnapshotOnNextOperation(): told when the deferred
// snapshot is actually taken.
class TransactionNotifier {
 public:
  virtual ~TransactionNotifier() {}

  // Called with the snapshot just taken. The transaction keeps ownership;
  // the snapshot lives as long as the transaction holds it.
  virtual void SnapshotCreated(const Snapshot* newSnapshot) = 0;
};

// A transaction: Put/Merge/Delete are buffered and conflict-checked (by
// locks for TransactionDB, at commit for OptimisticTransactionDB); reads see
// the buffered writes on top of the DB. Created by
// [Optimistic]TransactionDB::BeginTransaction(); the caller owns it.
// Not thread-safe: callers synchronize access to one Transaction.
class Transaction {
 public:
  Transaction(const Transaction&) = delete;
  void operator=(const Transaction&) = delete;

  virtual ~Transaction() {}

  // Takes a snapshot now. Keys written or read with GetForUpdate() after
  // this call must not have been changed by others since the snapshot
  // (instead of since their first access), or the write/commit fails.
  // Does not change what Get() reads. May be called again to move the
  // snapshot forward.
  virtual void SetSnapshot() = 0;

  // Like SetSnapshot(), but the snapshot is taken just before the next
  // write or GetForUpdate() (for write-committed transactions, possibly at
  // Commit). `notifier`, if set, is told when that happens.
  virtual void SetSnapshotOnNextOperation(
      std::shared_ptr<TransactionNotifier> notifier = nullptr) = 0;

  // The snapshot taken by the last SetSnapshot(), or nullptr. Valid until
  // the next SetSnapshot*/ClearSnapshot() or the transaction's deletion.
  virtual const Snapshot* GetSnapshot() const = 0;

  // The current snapshot as a shared pointer that may outlive the
  // transaction.
  virtual std::shared_ptr<const Snapshot> GetTimestampedSnapshot() const = 0;

  // Drops the current snapshot and any pending SetSnapshotOnNextOperation().
  // Keys already written keep their earlier conflict checks.
  virtual void ClearSnapshot() = 0;

  // First phase of two-phase commit.
  virtual Status Prepare() = 0;

  // Atomically applies every buffered write. Besides DB::Write() errors,
  // an optimistic transaction can fail with Busy (conflict) or TryAgain
  // (not enough memtable history to check); a pessimistic one with Expired
  // (TransactionOptions::expiration passed) or TxnNotPrepared (Prepare()
  // required but not called).
  virtual Status Commit() = 0;

  // Commit() with a commit timestamp `ts` (kMaxTxnTimestamp: use the one
  // given to SetCommitTimestamp()), then, if `snapshot` is not null, stores
  // there a snapshot taken right after this commit became visible (null if
  // that failed even though the commit succeeded). `notifier` (nullable) is
  // told when the snapshot is taken. Only write-committed transactions
  // support it; others return the error of SetCommitTimestamp()/Commit().
  Status CommitAndTryCreateSnapshot(
      std::shared_ptr<TransactionNotifier> notifier =
          std::shared_ptr<TransactionNotifier>(),
      TxnTimestamp ts = kMaxTxnTimestamp,
      std::shared_ptr<const Snapshot>* snapshot = nullptr);

  // Discards every buffered write.
  virtual Status Rollback() = 0;

  // Pushes a save point; RollbackToSavePoint() returns to it.
  virtual void SetSavePoint() = 0;

  // Undoes the Put/Merge/Delete/PutLogData calls made since the latest save
  // point and pops it. NotFound if there is no save point.
  virtual Status RollbackToSavePoint() = 0;

  // Pops the latest save point without undoing anything. NotFound if there
  // is none.
  virtual Status PopSavePoint() = 0;

  // DB::Get() that also sees this transaction's buffered writes. Returns
  // MergeInProgress if the newest buffered write to `key` is a Merge that
  // cannot be resolved. options.snapshot selects the DB version read; the
  // buffered writes are always visible.
  virtual Status Get(const ReadOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     std::string* value) = 0;

  // PinnableSlice form; by default reads into the slice's own buffer.
  virtual Status Get(const ReadOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     PinnableSlice* pinnable_val) {
    auto s = Get(options, column_family, key, pinnable_val->GetSelf());
    pinnable_val->PinSelf();
    return s;
  }

  virtual Status Get(const ReadOptions& options, const Slice& key,
                     std::string* value) = 0;
  virtual Status Get(const ReadOptions& options, const Slice& key,
                     PinnableSlice* pinnable_val) {
    auto s = Get(options, key, pinnable_val->GetSelf());
    pinnable_val->PinSelf();
    return s;
  }

  virtual std::vector<Status> MultiGet(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_family,
      const std::vector<Slice>& keys, std::vector<std::string>* values) = 0;

  virtual std::vector<Status> MultiGet(const ReadOptions& options,
                                       const std::vector<Slice>& keys,
                                       std::vector<std::string>* values) = 0;

  // Batched MultiGet over one column family. The default issues one Get()
  // per key; implementations may do better.
  virtual void MultiGet(const ReadOptions& options,
                        ColumnFamilyHandle* column_family,
                        const size_t num_keys, const Slice* keys,
                        PinnableSlice* values, Status* statuses,
                        const bool /*sorted_input*/ = false) {
    for (size_t i = 0; i < num_keys; ++i) {
      statuses[i] = Get(options, column_family, keys[i], &values[i]);
    }
  }

  // Get() that also makes the transaction own `key`: the commit fails (or,
  // pessimistic, the lock is refused) if someone else writes the key after
  // this read (or after the snapshot, when one is set and do_validate is
  // true). With do_validate=false options.snapshot should be null. With
  // value == nullptr nothing is read but the key is still tracked.
  // Pessimistic errors: Busy (conflict), TimedOut (lock wait), TryAgain
  // (memtable history too short), MergeInProgress, or any read error.
  virtual Status GetForUpdate(const ReadOptions& options,
                              ColumnFamilyHandle* column_family,
                              const Slice& key, std::string* value,
                              bool exclusive = true,
                              const bool do_validate = true) = 0;

  // PinnableSlice form; a null pinnable_val only tracks the key.
  virtual Status GetForUpdate(const ReadOptions& options,
                              ColumnFamilyHandle* column_family,
                              const Slice& key, PinnableSlice* pinnable_val,
                              bool exclusive = true,
                              const bool do_validate = true) {
    if (pinnable_val == nullptr) {
      std::string* null_str = nullptr;
      return GetForUpdate(options, column_family, key, null_str, exclusive,
                          do_validate);
    }
    auto s = GetForUpdate(options, column_family, key, pinnable_val->GetSelf(),
                          exclusive, do_validate);
    pinnable_val->PinSelf();
    return s;
  }

  // Locks the key range [start_endpoint, end_endpoint]. Only the range lock
  // manager supports it.
  virtual Status GetRangeLock(ColumnFamilyHandle*, const Endpoint&,
                              const Endpoint&) {
    return Status::NotSupported();
  }

  virtual Status GetForUpdate(const ReadOptions& options, const Slice& key,
                              std::string* value, bool exclusive = true,
                              const bool do_validate = true) = 0;

  virtual std::vector<Status> MultiGetForUpdate(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_family,
      const std::vector<Slice>& keys, std::vector<std::string>* values) = 0;

  virtual std::vector<Status> MultiGetForUpdate(
      const ReadOptions& options, const std::vector<Slice>& keys,
      std::vector<std::string>* values) = 0;

  // An iterator over the DB (version chosen by read_options.snapshot)
  // overlaid with this transaction's buffered writes. Caller owns it; it is
  // invalidated by Commit(), Rollback() and RollbackToSavePoint().
  virtual Iterator* GetIterator(const ReadOptions& read_options) = 0;

  virtual Iterator* GetIterator(const ReadOptions& read_options,
                                ColumnFamilyHandle* column_family) = 0;

  // Buffered writes with conflict checking. assume_tracked=true promises
  // the key is already tracked (same save point, same exclusivity), which
  // skips snapshot validation; an error is returned if it is not.
  // Optimistic transactions always return OK here; pessimistic ones may
  // return Busy, TimedOut, TryAgain or other errors.
  virtual Status Put(ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& value, const bool assume_tracked = false) = 0;
  virtual Status Put(const Slice& key, const Slice& value) = 0;
  virtual Status Put(ColumnFamilyHandle* column_family, const SliceParts& key,
                     const SliceParts& value,
                     const bool assume_tracked = false) = 0;
  virtual Status Put(const SliceParts& key, const SliceParts& value) = 0;

  virtual Status Merge(ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& value,
                       const bool assume_tracked = false) = 0;
  virtual Status Merge(const Slice& key, const Slice& value) = 0;

  virtual Status Delete(ColumnFamilyHandle* column_family, const Slice& key,
                        const bool assume_tracked = false) = 0;
  virtual Status Delete(const Slice& key) = 0;
  virtual Status Delete(ColumnFamilyHandle* column_family,
                        const SliceParts& key,
                        const bool assume_tracked = false) = 0;
  virtual Status Delete(const SliceParts& key) = 0;

  virtual Status SingleDelete(ColumnFamilyHandle* column_family,
                              const Slice& key,
                              const bool assume_tracked = false) = 0;
  virtual Status SingleDelete(const Slice& key) = 0;
  virtual Status SingleDelete(ColumnFamilyHandle* column_family,
                              const SliceParts& key,
                              const bool assume_tracked = false) = 0;
  virtual Status SingleDelete(const SliceParts& key) = 0;

  // Buffered writes without conflict tracking: applied only if the
  // transaction commits, but never cause a conflict failure. Pessimistic
  // transactions still take the locks and may return Busy.
  virtual Status PutUntracked(ColumnFamilyHandle* column_family,
                              const Slice& key, const Slice& value) = 0;
  virtual Status PutUntracked(const Slice& key, const Slice& value) = 0;
  virtual Status PutUntracked(ColumnFamilyHandle* column_family,
                              const SliceParts& key,
                              const SliceParts& value) = 0;
  virtual Status PutUntracked(const SliceParts& key,
                              const SliceParts& value) = 0;

  virtual Status MergeUntracked(ColumnFamilyHandle* column_family,
                                const Slice& key, const Slice& value) = 0;
  virtual Status MergeUntracked(const Slice& key, const Slice& value) = 0;

  virtual Status DeleteUntracked(ColumnFamilyHandle* column_family,
                                 const Slice& key) = 0;

  virtual Status DeleteUntracked(const Slice& key) = 0;
  virtual Status DeleteUntracked(ColumnFamilyHandle* column_family,
                                 const SliceParts& key) = 0;
  virtual Status DeleteUntracked(const SliceParts& key) = 0;
  virtual Status SingleDeleteUntracked(ColumnFamilyHandle* column_family,
                                       const Slice& key) = 0;

  virtual Status SingleDeleteUntracked(const Slice& key) = 0;

  // Adds a blob to the WAL record only (see WriteBatch::PutLogData).
  virtual void PutLogData(const Slice& blob) = 0;

  // Stops (and restarts) indexing of later writes. Writes made while
  // indexing is off are invisible to Get/GetForUpdate/GetIterator in an
  // unspecified way; useful only when the caller never reads them back.
  virtual void DisableIndexing() = 0;
  virtual void EnableIndexing() = 0;

  // Number of distinct keys tracked (locked, or to be validated at commit).
  virtual uint64_t GetNumKeys() const = 0;

  // Number of buffered Puts, Deletes and Merges so far.
  virtual uint64_t GetNumPuts() const = 0;
  virtual uint64_t GetNumDeletes() const = 0;
  virtual uint64_t GetNumMerges() const = 0;

  // Milliseconds since the transaction began.
  virtual uint64_t GetElapsedTime() const = 0;

  // The batch holding the buffered writes; owned by the transaction. Read
  // it, but write only through the Transaction methods.
  virtual WriteBatchWithIndex* GetWriteBatch() = 0;

  // Changes this transaction's lock timeout (ms); no effect on optimistic
  // transactions.
  virtual void SetLockTimeout(int64_t timeout) = 0;

  // The WriteOptions Commit() will use; owned by the transaction.
  virtual WriteOptions* GetWriteOptions() = 0;

  virtual void SetWriteOptions(const WriteOptions& write_options) = 0;

  // Cancels one earlier GetForUpdate()/MultiGetForUpdate() of `key`: after
  // as many calls as reads, the key is no longer conflict-checked (and a
  // pessimistic lock may be released). No effect if the key was written,
  // or if a save point was set after the read.
  virtual void UndoGetForUpdate(ColumnFamilyHandle* column_family,
                                const Slice& key) = 0;
  virtual void UndoGetForUpdate(const Slice& key) = 0;

  // Replays `src_batch` into this transaction.
  virtual Status RebuildFromWriteBatch(WriteBatch* src_batch) = 0;

  // A batch written at commit time without any concurrency control; owned
  // by the transaction. Write-prepared/unprepared transactions allow it only
  // with use_only_the_last_commit_time_batch_for_recovery.
  virtual WriteBatch* GetCommitTimeWriteBatch() = 0;

  // WAL number holding this transaction's prepare record (2PC).
  virtual void SetLogNumber(uint64_t log) { log_number_ = log; }

  virtual uint64_t GetLogNumber() const { return log_number_; }

  virtual Status SetName(const TransactionName& name) = 0;

  virtual TransactionName GetName() const { return name_; }

  virtual TransactionID GetID() const { return 0; }

  virtual bool IsDeadlockDetect() const { return false; }

  // Transactions this one waits for, with the contended key and its column
  // family id. Only lock-based transactions implement it.
  virtual std::vector<TransactionID> GetWaitingTxns(
      uint32_t* /*column_family_id*/, std::string* /*key*/) const {
    return std::vector<TransactionID>();
  }

  // Numeric values are part of the API; never renumber.
  enum TransactionState {
    STARTED = 0,
    AWAITING_PREPARE = 1,
    PREPARED = 2,
    AWAITING_COMMIT = 3,
    COMMITTED = 4,
    COMMITED = COMMITTED,  // historical spelling
    AWAITING_ROLLBACK = 5,
    ROLLEDBACK = 6,
    LOCKS_STOLEN = 7,
  };

  TransactionState GetState() const { return txn_state_; }
  void SetState(TransactionState state) { txn_state_ = state; }

  // Experimental: an id the implementation may assign (0 if none); not
  // guaranteed stable across restarts.
  uint64_t GetId() { return id_; }

  // User-defined timestamp hooks; unsupported unless overridden.
  virtual Status SetReadTimestampForValidation(TxnTimestamp /*ts*/) {
    return Status::NotSupported("timestamp not supported");
  }

  virtual Status SetCommitTimestamp(TxnTimestamp /*ts*/) {
    return Status::NotSupported("timestamp not supported");
  }

  virtual TxnTimestamp GetCommitTimestamp() const { return kMaxTxnTimestamp; }

 protected:
  explicit Transaction(const TransactionDB* /*db*/)
      : log_number_(0), txn_state_(STARTED) {}
  Transaction() : log_number_(0), txn_state_(STARTED) {}

  // WAL holding the prepare record (two-phase commit).
  uint64_t log_number_;
  TransactionName name_;

  std::atomic<TransactionState> txn_state_;

  uint64_t id_ = 0;
  // REQUIRES: no id assigned yet.
  virtual void SetId(uint64_t id) { id_ = id; }

  virtual uint64_t GetLastLogNumber() const { return log_number_; }

 private:
  friend class PessimisticTransactionDB;
  friend class WriteUnpreparedTxnDB;
  friend class TransactionTest_TwoPhaseLogRollingTest_Test;
  friend class TransactionTest_TwoPhaseLogRollingTest2_Test;
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // ROCKSDB_LITE
