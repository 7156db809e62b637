// Copyright (c) the rocksdb-cleanroom authors.
//
// The Transaction base class: its inline defaults and the non-virtual
// CommitAndTryCreateSnapshot(), driven through a scripted Transaction that
// implements every pure virtual (which also proves the interface is
// implementable as declared).

#include "rocksdb/utilities/transaction.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/utilities/transaction_db.h"
#include "rocksdb/utilities/write_batch_with_index.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class FakeSnapshot : public Snapshot {
 public:
  explicit FakeSnapshot(uint64_t ts) : ts_(ts) {}
  SequenceNumber GetSequenceNumber() const override { return 1; }
  int64_t GetUnixTime() const override { return 0; }
  uint64_t GetTimestamp() const override { return ts_; }

 private:
  const uint64_t ts_;
};

// A transaction over a map. With `timestamps` it behaves like a
// write-committed transaction: a commit timestamp can be set, and a
// snapshot requested with SetSnapshotOnNextOperation() is taken at commit,
// tagged with that timestamp.
class ScriptedTxn : public Transaction {
 public:
  explicit ScriptedTxn(bool timestamps) : timestamps_(timestamps) {}

  std::map<std::string, std::string> data;
  int commits = 0;
  bool snapshot_requested = false;
  std::shared_ptr<TransactionNotifier> notifier;

  Status SetCommitTimestamp(TxnTimestamp ts) override {
    if (!timestamps_) {
      return Transaction::SetCommitTimestamp(ts);
    }
    commit_ts_ = ts;
    return Status::OK();
  }
  TxnTimestamp GetCommitTimestamp() const override { return commit_ts_; }

  void SetSnapshot() override {}
  void SetSnapshotOnNextOperation(
      std::shared_ptr<TransactionNotifier> n) override {
    snapshot_requested = true;
    notifier = n;
  }
  const Snapshot* GetSnapshot() const override { return snapshot_.get(); }
  std::shared_ptr<const Snapshot> GetTimestampedSnapshot() const override {
    return snapshot_;
  }
  void ClearSnapshot() override { snapshot_.reset(); }
  Status Prepare() override { return Status::OK(); }
  Status Commit() override {
    commits++;
    SetState(COMMITTED);
    if (snapshot_requested && commit_ts_ != kMaxTxnTimestamp) {
      snapshot_ = std::make_shared<FakeSnapshot>(commit_ts_);
    }
    return Status::OK();
  }
  Status Rollback() override { return Status::OK(); }
  void SetSavePoint() override {}
  Status RollbackToSavePoint() override { return Status::NotFound(); }
  Status PopSavePoint() override { return Status::NotFound(); }

  using Transaction::Get;
  Status Get(const ReadOptions&, ColumnFamilyHandle*, const Slice& key,
             std::string* value) override {
    auto it = data.find(key.ToString());
    if (it == data.end()) {
      return Status::NotFound();
    }
    *value = it->second;
    return Status::OK();
  }
  Status Get(const ReadOptions& o, const Slice& key,
             std::string* value) override {
    return Get(o, nullptr, key, value);
  }
  using Transaction::MultiGet;
  std::vector<Status> MultiGet(const ReadOptions&,
                               const std::vector<ColumnFamilyHandle*>&,
                               const std::vector<Slice>&,
                               std::vector<std::string>*) override {
    return {};
  }
  std::vector<Status> MultiGet(const ReadOptions&, const std::vector<Slice>&,
                               std::vector<std::string>*) override {
    return {};
  }
  using Transaction::GetForUpdate;
  Status GetForUpdate(const ReadOptions& o, ColumnFamilyHandle* cf,
                      const Slice& key, std::string* value, bool,
                      const bool) override {
    tracked++;
    return value == nullptr ? Status::OK() : Get(o, cf, key, value);
  }
  Status GetForUpdate(const ReadOptions& o, const Slice& key,
                      std::string* value, bool exclusive,
                      const bool do_validate) override {
    return GetForUpdate(o, nullptr, key, value, exclusive, do_validate);
  }
  std::vector<Status> MultiGetForUpdate(const ReadOptions&,
                                        const std::vector<ColumnFamilyHandle*>&,
                                        const std::vector<Slice>&,
                                        std::vector<std::string>*) override {
    return {};
  }
  std::vector<Status> MultiGetForUpdate(const ReadOptions&,
                                        const std::vector<Slice>&,
                                        std::vector<std::string>*) override {
    return {};
  }
  Iterator* GetIterator(const ReadOptions&) override { return nullptr; }
  Iterator* GetIterator(const ReadOptions&, ColumnFamilyHandle*) override {
    return nullptr;
  }
  Status Put(ColumnFamilyHandle*, const Slice& k, const Slice& v,
             const bool) override {
    data[k.ToString()] = v.ToString();
    return Status::OK();
  }
  Status Put(const Slice& k, const Slice& v) override {
    return Put(nullptr, k, v, false);
  }
  Status Put(ColumnFamilyHandle*, const SliceParts&, const SliceParts&,
             const bool) override {
    return Status::OK();
  }
  Status Put(const SliceParts&, const SliceParts&) override {
    return Status::OK();
  }
  Status Merge(ColumnFamilyHandle*, const Slice&, const Slice&,
               const bool) override {
    return Status::OK();
  }
  Status Merge(const Slice&, const Slice&) override { return Status::OK(); }
  Status Delete(ColumnFamilyHandle*, const Slice&, const bool) override {
    return Status::OK();
  }
  Status Delete(const Slice&) override { return Status::OK(); }
  Status Delete(ColumnFamilyHandle*, const SliceParts&, const bool) override {
    return Status::OK();
  }
  Status Delete(const SliceParts&) override { return Status::OK(); }
  Status SingleDelete(ColumnFamilyHandle*, const Slice&, const bool) override {
    return Status::OK();
  }
  Status SingleDelete(const Slice&) override { return Status::OK(); }
  Status SingleDelete(ColumnFamilyHandle*, const SliceParts&,
                      const bool) override {
    return Status::OK();
  }
  Status SingleDelete(const SliceParts&) override { return Status::OK(); }
  Status PutUntracked(ColumnFamilyHandle*, const Slice&,
                      const Slice&) override {
    return Status::OK();
  }
  Status PutUntracked(const Slice&, const Slice&) override {
    return Status::OK();
  }
  Status PutUntracked(ColumnFamilyHandle*, const SliceParts&,
                      const SliceParts&) override {
    return Status::OK();
  }
  Status PutUntracked(const SliceParts&, const SliceParts&) override {
    return Status::OK();
  }
  Status MergeUntracked(ColumnFamilyHandle*, const Slice&,
                        const Slice&) override {
    return Status::OK();
  }
  Status MergeUntracked(const Slice&, const Slice&) override {
    return Status::OK();
  }
  Status DeleteUntracked(ColumnFamilyHandle*, const Slice&) override {
    return Status::OK();
  }
  Status DeleteUntracked(const Slice&) override { return Status::OK(); }
  Status DeleteUntracked(ColumnFamilyHandle*, const SliceParts&) override {
    return Status::OK();
  }
  Status DeleteUntracked(const SliceParts&) override { return Status::OK(); }
  Status SingleDeleteUntracked(ColumnFamilyHandle*, const Slice&) override {
    return Status::OK();
  }
  Status SingleDeleteUntracked(const Slice&) override { return Status::OK(); }
  void PutLogData(const Slice&) override {}
  void DisableIndexing() override {}
  void EnableIndexing() override {}
  uint64_t GetNumKeys() const override { return data.size(); }
  uint64_t GetNumPuts() const override { return 0; }
  uint64_t GetNumDeletes() const override { return 0; }
  uint64_t GetNumMerges() const override { return 0; }
  uint64_t GetElapsedTime() const override { return 0; }
  WriteBatchWithIndex* GetWriteBatch() override { return &batch_; }
  void SetLockTimeout(int64_t) override {}
  WriteOptions* GetWriteOptions() override { return &write_options_; }
  void SetWriteOptions(const WriteOptions& o) override { write_options_ = o; }
  void UndoGetForUpdate(ColumnFamilyHandle*, const Slice&) override {}
  void UndoGetForUpdate(const Slice&) override {}
  Status RebuildFromWriteBatch(WriteBatch*) override { return Status::OK(); }
  WriteBatch* GetCommitTimeWriteBatch() override {
    return batch_.GetWriteBatch();
  }
  Status SetName(const TransactionName& name) override {
    name_ = name;
    return Status::OK();
  }

  int tracked = 0;

 private:
  const bool timestamps_;
  TxnTimestamp commit_ts_ = kMaxTxnTimestamp;
  std::shared_ptr<const Snapshot> snapshot_;
  WriteBatchWithIndex batch_;
  WriteOptions write_options_;
};

TEST(TransactionTest, BaseDefaults) {
  ScriptedTxn txn(false);
  EXPECT_EQ(txn.GetState(), Transaction::STARTED);
  EXPECT_EQ(txn.GetID(), 0u);
  EXPECT_EQ(txn.GetId(), 0u);
  EXPECT_EQ(txn.GetName(), "");
  EXPECT_EQ(txn.GetLogNumber(), 0u);
  EXPECT_FALSE(txn.IsDeadlockDetect());
  EXPECT_EQ(txn.GetCommitTimestamp(), kMaxTxnTimestamp);
  uint32_t cf_id = 0;
  std::string key;
  EXPECT_TRUE(txn.GetWaitingTxns(&cf_id, &key).empty());
  EXPECT_TRUE(
      txn.GetRangeLock(nullptr, Endpoint("a"), Endpoint("b")).IsNotSupported());
  Status s = txn.SetReadTimestampForValidation(1);
  EXPECT_EQ(s.ToString(), "Not implemented: timestamp not supported");
  EXPECT_TRUE(txn.SetCommitTimestamp(1).IsNotSupported());

  txn.SetLogNumber(9);
  EXPECT_EQ(txn.GetLogNumber(), 9u);
  ASSERT_TRUE(txn.SetName("xid").ok());
  EXPECT_EQ(txn.GetName(), "xid");
  txn.SetState(Transaction::PREPARED);
  EXPECT_EQ(txn.GetState(), Transaction::PREPARED);

  EXPECT_EQ(Transaction::STARTED, 0);
  EXPECT_EQ(Transaction::AWAITING_PREPARE, 1);
  EXPECT_EQ(Transaction::PREPARED, 2);
  EXPECT_EQ(Transaction::AWAITING_COMMIT, 3);
  EXPECT_EQ(Transaction::COMMITTED, 4);
  EXPECT_EQ(Transaction::COMMITED, 4);
  EXPECT_EQ(Transaction::AWAITING_ROLLBACK, 5);
  EXPECT_EQ(Transaction::ROLLEDBACK, 6);
  EXPECT_EQ(Transaction::LOCKS_STOLEN, 7);
}

TEST(TransactionTest, PinnableDefaultsForwardToStringForms) {
  ScriptedTxn txn(false);
  ASSERT_TRUE(txn.Put("k", "v").ok());
  PinnableSlice value;
  ASSERT_TRUE(txn.Get(ReadOptions(), nullptr, "k", &value).ok());
  EXPECT_EQ(value.ToString(), "v");
  PinnableSlice value2;
  ASSERT_TRUE(txn.Get(ReadOptions(), "k", &value2).ok());
  EXPECT_EQ(value2.ToString(), "v");

  PinnableSlice locked;
  ASSERT_TRUE(txn.GetForUpdate(ReadOptions(), nullptr, "k", &locked).ok());
  EXPECT_EQ(locked.ToString(), "v");
  PinnableSlice* no_value = nullptr;
  ASSERT_TRUE(txn.GetForUpdate(ReadOptions(), nullptr, "k", no_value).ok());
  EXPECT_EQ(txn.tracked, 2);

  Slice keys[2] = {"k", "missing"};
  PinnableSlice values[2];
  Status statuses[2];
  txn.MultiGet(ReadOptions(), nullptr, 2, keys, values, statuses);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(values[0].ToString(), "v");
  EXPECT_TRUE(statuses[1].IsNotFound());
}

// Expected results observed with RocksDB 7.8.3 transactions.
TEST(TransactionTest, CommitAndTryCreateSnapshotNeedsTimestamp) {
  ScriptedTxn txn(true);
  std::shared_ptr<const Snapshot> snapshot;
  Status s =
      txn.CommitAndTryCreateSnapshot(nullptr, kMaxTxnTimestamp, &snapshot);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.ToString(), "Invalid argument: Commit timestamp unset");
  EXPECT_EQ(txn.commits, 0);
  EXPECT_EQ(txn.GetState(), Transaction::STARTED);
  EXPECT_EQ(snapshot, nullptr);
}

TEST(TransactionTest, CommitAndTryCreateSnapshotUnsupported) {
  ScriptedTxn txn(false);
  std::shared_ptr<const Snapshot> snapshot;
  Status s = txn.CommitAndTryCreateSnapshot(nullptr, 10, &snapshot);
  EXPECT_EQ(s.ToString(), "Not implemented: timestamp not supported");
  EXPECT_EQ(txn.commits, 0);
  EXPECT_EQ(snapshot, nullptr);
}

TEST(TransactionTest, CommitAndTryCreateSnapshot) {
  ScriptedTxn txn(true);
  std::shared_ptr<const Snapshot> snapshot;
  ASSERT_TRUE(txn.CommitAndTryCreateSnapshot(nullptr, 10, &snapshot).ok());
  EXPECT_EQ(txn.commits, 1);
  EXPECT_TRUE(txn.snapshot_requested);
  ASSERT_NE(snapshot, nullptr);
  EXPECT_EQ(snapshot->GetTimestamp(), 10u);

  // A timestamp given earlier through SetCommitTimestamp() is used.
  ScriptedTxn txn2(true);
  ASSERT_TRUE(txn2.SetCommitTimestamp(20).ok());
  ASSERT_TRUE(
      txn2.CommitAndTryCreateSnapshot(nullptr, kMaxTxnTimestamp, &snapshot)
          .ok());
  ASSERT_NE(snapshot, nullptr);
  EXPECT_EQ(snapshot->GetTimestamp(), 20u);

  // No output pointer: commits all the same.
  ScriptedTxn txn3(true);
  ASSERT_TRUE(txn3.CommitAndTryCreateSnapshot(nullptr, 30).ok());
  EXPECT_EQ(txn3.commits, 1);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
