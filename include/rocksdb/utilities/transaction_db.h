// Copyright (c) the rocksdb-cleanroom authors.
//
// TransactionDB: a DB with pessimistic (lock-based) transactions. Holds the
// options (TransactionDBOptions, TransactionOptions), the lock and deadlock
// reporting types, and the lock manager handles (point and range locking).
#pragma once

#ifndef ROCKSDB_LITE

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/utilities/stackable_db.h"
#include "rocksdb/utilities/transaction.h"

namespace ROCKSDB_NAMESPACE {

class TransactionDBMutexFactory;

// When transaction data reaches the DB. Numeric values never change.
enum TxnDBWritePolicy {
  WRITE_COMMITTED = 0,  // at commit only
  WRITE_PREPARED,       // at prepare (2PC first phase)
  WRITE_UNPREPARED      // before prepare, as the batch grows
};

constexpr uint32_t kInitialMaxDeadlocks = 5;

class LockManager;
struct RangeLockInfo;

// Gives a TransactionDB its lock manager. Obtain one from a factory such as
// NewRangeLockManager(), keep it to tune that manager, and pass it in
// TransactionDBOptions::lock_mgr_handle.
class LockManagerHandle {
 public:
  // The lock manager the TransactionDB will use; owned by the handle.
  virtual LockManager* getLockManager() = 0;

  virtual ~LockManagerHandle() {}
};

// An Endpoint that owns its key bytes.
struct EndpointWithString {
  std::string slice;
  bool inf_suffix;
};

// One waiter in a range-lock deadlock cycle.
struct RangeDeadlockInfo {
  TransactionID m_txn_id;
  uint32_t m_cf_id;
  bool m_exclusive;

  EndpointWithString m_start;
  EndpointWithString m_end;
};

// A range-lock deadlock cycle as detected at `deadlock_time`.
struct RangeDeadlockPath {
  std::vector<RangeDeadlockInfo> path;
  bool limit_exceeded;
  int64_t deadlock_time;

  explicit RangeDeadlockPath(std::vector<RangeDeadlockInfo> path_entry,
                             const int64_t& dl_time)
      : path(path_entry), limit_exceeded(false), deadlock_time(dl_time) {}

  // No path: either nothing recorded, or detection gave up (limit).
  explicit RangeDeadlockPath(const int64_t& dl_time = 0, bool limit = false)
      : path(0), limit_exceeded(limit), deadlock_time(dl_time) {}

  bool empty() { return path.empty() && !limit_exceeded; }
};

// Controls a range lock manager from the application.
class RangeLockManagerHandle : public LockManagerHandle {
 public:
  // Caps the memory used for locks. Returns 0 on success, EDOM if more
  // than `max_lock_memory` is already in use.
  virtual int SetMaxLockMemory(size_t max_lock_memory) = 0;
  virtual size_t GetMaxLockMemory() = 0;

  using RangeLockStatus =
      std::unordered_multimap<ColumnFamilyId, RangeLockInfo>;

  // Called with endpoints a < b; true means lock escalation must not merge
  // locks across the gap between them. May run on any locking thread; must
  // not throw.
  using EscalationBarrierFunc =
      std::function<bool(const Endpoint& a, const Endpoint& b)>;

  virtual void SetEscalationBarrierFunc(EscalationBarrierFunc func) = 0;

  virtual RangeLockStatus GetRangeLockStatusData() = 0;

  class Counters {
   public:
    // Lock escalations so far, over all column families.
    uint64_t escalation_count;

    // Lock requests that had to wait for a conflicting lock (whatever the
    // outcome of the wait).
    uint64_t lock_wait_count;

    // Bytes now used by locks, over all column families.
    uint64_t current_lock_memory;
  };

  virtual Counters GetStatus() = 0;

  // The most recent range-lock deadlocks, and how many to keep.
  virtual std::vector<RangeDeadlockPath> GetRangeDeadlockInfoBuffer() = 0;
  virtual void SetRangeDeadlockInfoBufferSize(uint32_t target_size) = 0;

  virtual ~RangeLockManagerHandle() {}
};

// Creates a range lock manager; the caller owns the result. Pass it (as a
// shared_ptr) in TransactionDBOptions::lock_mgr_handle to open a DB with
// range locking, and keep it to tune the manager afterwards.
// `mutex_factory` may be null (default mutexes).
RangeLockManagerHandle* NewRangeLockManager(
    std::shared_ptr<TransactionDBMutexFactory> mutex_factory);

struct TransactionDBOptions {
  // Most keys lockable at once per column family; writes and GetForUpdate
  // fail beyond it. Not positive: unlimited.
  int64_t max_num_locks = -1;

  // How many recent deadlocks to remember for GetDeadlockInfoBuffer().
  uint32_t max_num_deadlocks = kInitialMaxDeadlocks;

  // Lock table shards per column family (each with its own mutex).
  size_t num_stripes = 16;

  // Default lock wait (ms) for transactions whose
  // TransactionOptions::lock_timeout is negative. 0: never wait;
  // negative: wait forever (risks deadlock).
  int64_t transaction_lock_timeout = 1000;

  // Lock wait (ms) for plain DB writes (Put/Merge/Delete/Write outside a
  // transaction). 0: never wait; negative: wait forever, which can deadlock
  // against transactions unless they all have short expirations.
  int64_t default_lock_timeout = 1000;

  // Mutex/condvar implementation for key locking; null: the default one.
  std::shared_ptr<TransactionDBMutexFactory> custom_mutex_factory;

  // When transaction data is written to the DB.
  TxnDBWritePolicy write_policy = TxnDBWritePolicy::WRITE_COMMITTED;

  // Write-prepared only: do not undo merge operands on rollback (a MyRocks
  // workaround; temporary).
  bool rollback_merge_operands = false;

  // Lock manager to use; null: the default point lock manager.
  std::shared_ptr<LockManagerHandle> lock_mgr_handle;

  // Allows skipping concurrency control unless TransactionOptions or
  // TransactionDBWriteOptimizations ask for it (e.g. when the DB is used
  // only to order writes, with DBOptions::unordered_write).
  bool skip_concurrency_control = false;

  // Write-unprepared only: a transaction batch larger than this many bytes
  // is flushed into the DB early. 0 or less: no limit.
  int64_t default_write_batch_flush_threshold = 0;

  // Write-prepared/unprepared only: decides how rollback removes a key
  // (true: SingleDelete, false or empty: Delete). Must be thread-safe and
  // must not throw.
  std::function<bool(TransactionDB* /*db*/,
                     ColumnFamilyHandle* /*column_family*/,
                     const Slice& /*key*/)>
      rollback_deletion_type_callback;

 private:
  // log2 of the write-prepared snapshot cache size (128 entries).
  size_t wp_snapshot_cache_bits = static_cast<size_t>(7);
  // log2 of the write-prepared commit cache size (8M entries).
  size_t wp_commit_cache_bits = static_cast<size_t>(23);

  // Testing: give unnamed transactions generated names.
  bool autogenerate_name = false;

  friend class WritePreparedTxnDB;
  friend class WriteUnpreparedTxn;
  friend class WritePreparedTransactionTestBase;
  friend class TransactionTestBase;
  friend class MySQLStyleTransactionTest;
  friend class StressTest;
};

struct TransactionOptions {
  // true: BeginTransaction() calls SetSnapshot().
  bool set_snapshot = false;

  // true: check for deadlocks before waiting on a lock; a detected deadlock
  // returns Busy (retry the transaction).
  bool deadlock_detect = false;

  // Write-prepared/unprepared only: promises that the commit-time batch is
  // the application's latest state, in one sub-batch (no duplicate keys),
  // so its memtable insert can wait until memtable switch or recovery.
  bool use_only_the_last_commit_time_batch_for_recovery = false;

  // Note: the comparator must treat keys as equal only if they are
  // byte-identical.

  // Lock wait in ms. 0: never wait; negative: use
  // TransactionDBOptions::transaction_lock_timeout.
  int64_t lock_timeout = -1;

  // Lifetime limit in ms: an older transaction cannot commit. Negative: no
  // limit (a forgotten transaction then holds its locks forever).
  int64_t expiration = -1;

  // Most wait-for edges followed by deadlock detection.
  int64_t deadlock_detect_depth = 50;

  // Byte limit of the transaction's write batch. 0: none.
  size_t max_write_batch_size = 0;

  // Skip concurrency control, when the application knows this transaction
  // cannot conflict (or during recovery of prepared transactions that are
  // resolved before new ones start).
  bool skip_concurrency_control = false;

  // true: Commit() without Prepare() is allowed.
  bool skip_prepare = true;

  // Overrides TransactionDBOptions::default_write_batch_flush_threshold;
  // negative: use that default.
  int64_t write_batch_flush_threshold = -1;
};

// Hints for TransactionDB::Write() outside transactions; an implementation
// may ignore them.
struct TransactionDBWriteOptimizations {
  // The caller guarantees the batch conflicts with no running transaction.
  bool skip_concurrency_control = false;
  // The caller guarantees no <column family, key> repeats in the batch.
  bool skip_duplicate_key_check = false;
};

// A locked key and its holders.
struct KeyLockInfo {
  std::string key;
  std::vector<TransactionID> ids;
  bool exclusive;
};

// A locked key range and its holders.
struct RangeLockInfo {
  EndpointWithString start;
  EndpointWithString end;
  std::vector<TransactionID> ids;
  bool exclusive;
};

// One waiter in a point-lock deadlock cycle.
struct DeadlockInfo {
  TransactionID m_txn_id;
  uint32_t m_cf_id;
  bool m_exclusive;
  std::string m_waiting_key;
};

// A point-lock deadlock cycle as detected at `deadlock_time`.
struct DeadlockPath {
  std::vector<DeadlockInfo> path;
  bool limit_exceeded;
  int64_t deadlock_time;

  explicit DeadlockPath(std::vector<DeadlockInfo> path_entry,
                        const int64_t& dl_time)
      : path(path_entry), limit_exceeded(false), deadlock_time(dl_time) {}

  // No path: either nothing recorded, or detection gave up (limit).
  explicit DeadlockPath(const int64_t& dl_time = 0, bool limit = false)
      : path(0), limit_exceeded(limit), deadlock_time(dl_time) {}

  bool empty() { return path.empty() && !limit_exceeded; }
};

class TransactionDB : public StackableDB {
 public:
  // Write() with hints. The default ignores the hints.
  using StackableDB::Write;
  virtual Status Write(const WriteOptions& opts,
                       const TransactionDBWriteOptimizations&,
                       WriteBatch* updates) {
    return Write(opts, updates);
  }

  // DeleteRange is not transactional: use Write() with
  // skip_concurrency_control (plus skip_duplicate_key_check for the
  // prepared/unprepared policies) for ranges known not to conflict.
  using StackableDB::DeleteRange;
  virtual Status DeleteRange(const WriteOptions&, ColumnFamilyHandle*,
                             const Slice&, const Slice&) override {
    return Status::NotSupported();
  }

  // Opens a TransactionDB like DB::Open() (PrepareWrap + DB::Open +
  // WrapDB). On failure *dbptr is null. The caller owns *dbptr.
  static Status Open(const Options& options,
                     const TransactionDBOptions& txn_db_options,
                     const std::string& dbname, TransactionDB** dbptr);

  static Status Open(const DBOptions& db_options,
                     const TransactionDBOptions& txn_db_options,
                     const std::string& dbname,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles,
                     TransactionDB** dbptr);

  // Adjusts options before DB::Open() so the DB can later be wrapped:
  // enables allow_2pc, turns off automatic compaction in every column
  // family (their indexes go to compaction_enabled_cf_indices, to be turned
  // back on by WrapDB) and keeps memtable history for conflict checks.
  // Modifies its arguments in place.
  static void PrepareWrap(DBOptions* db_options,
                          std::vector<ColumnFamilyDescriptor>* column_families,
                          std::vector<size_t>* compaction_enabled_cf_indices);

  // Wraps an open DB. On success *dbptr owns `db`. On failure *dbptr is
  // null and `db` may or may not have been deleted (set to null if so).
  static Status WrapDB(DB* db, const TransactionDBOptions& txn_db_options,
                       const std::vector<size_t>& compaction_enabled_cf_indices,
                       const std::vector<ColumnFamilyHandle*>& handles,
                       TransactionDB** dbptr);

  // WrapDB() for a StackableDB; same ownership rules.
  static Status WrapStackableDB(
      StackableDB* db, const TransactionDBOptions& txn_db_options,
      const std::vector<size_t>& compaction_enabled_cf_indices,
      const std::vector<ColumnFamilyHandle*>& handles, TransactionDB** dbptr);

  // The wrapped DB is deleted by ~StackableDB.
  ~TransactionDB() override {}

  // Starts a transaction; the caller owns (deletes) it. A non-null old_txn
  // is reused and returned instead of allocating a new one.
  virtual Transaction* BeginTransaction(
      const WriteOptions& write_options,
      const TransactionOptions& txn_options = TransactionOptions(),
      Transaction* old_txn = nullptr) = 0;

  virtual Transaction* GetTransactionByName(const TransactionName& name) = 0;
  virtual void GetAllPreparedTransactions(std::vector<Transaction*>* trans) = 0;

  // Every lock held, keyed by column family id.
  virtual std::unordered_multimap<uint32_t, KeyLockInfo>
  GetLockStatusData() = 0;

  virtual std::vector<DeadlockPath> GetDeadlockInfoBuffer() = 0;
  virtual void SetDeadlockInfoBufferSize(uint32_t target_size) = 0;

  // Takes a snapshot tagged with `ts` and remembers the pair.
  // REQUIRES: no writes in flight.
  virtual std::pair<Status, std::shared_ptr<const Snapshot>>
  CreateTimestampedSnapshot(TxnTimestamp ts) = 0;

  // The newest timestamped snapshot, or null.
  std::shared_ptr<const Snapshot> GetLatestTimestampedSnapshot() const {
    return GetTimestampedSnapshot(kMaxTxnTimestamp);
  }

  // The snapshot tagged `ts` (kMaxTxnTimestamp: the newest), or null.
  virtual std::shared_ptr<const Snapshot> GetTimestampedSnapshot(
      TxnTimestamp ts) const = 0;

  // Forgets the timestamped snapshots with timestamp <= ts.
  virtual void ReleaseTimestampedSnapshotsOlderThan(TxnTimestamp ts) = 0;

  // Every timestamped snapshot.
  Status GetAllTimestampedSnapshots(
      std::vector<std::shared_ptr<const Snapshot>>& timestamped_snapshots)
      const {
    return GetTimestampedSnapshots(/*ts_lb=*/0, /*ts_ub=*/kMaxTxnTimestamp,
                                   timestamped_snapshots);
  }

  // Replaces `timestamped_snapshots` with the snapshots whose timestamp is
  // in [ts_lb, ts_ub).
  virtual Status GetTimestampedSnapshots(
      TxnTimestamp ts_lb, TxnTimestamp ts_ub,
      std::vector<std::shared_ptr<const Snapshot>>& timestamped_snapshots)
      const = 0;

 protected:
  // Takes ownership of `db`. Use Open() to create one.
  explicit TransactionDB(DB* db) : StackableDB(db) {}
  TransactionDB(const TransactionDB&) = delete;
  void operator=(const TransactionDB&) = delete;
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // ROCKSDB_LITE
