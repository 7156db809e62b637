// Copyright (c) the rocksdb-cleanroom authors.
//
// The write path: every write kind, batches, sequence numbers, WriteOptions
// rules, merges with and without an operator, group commit under threads,
// memtable switches and WAL rotation, SyncWAL/FlushWAL/manual_wal_flush,
// snapshots, MultiGet and the memtable properties.

#include <atomic>
#include <thread>

#include "db/db_test_util.h"
#include "rocksdb/merge_operator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class DBWriteTest : public test::DBTestBase {};

// Concatenates operands with ','.
class ConcatOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice& /*key*/, const Slice* existing, const Slice& value,
             std::string* new_value, Logger* /*logger*/) const override {
    *new_value = existing != nullptr ? existing->ToString() + "," : "";
    new_value->append(value.data(), value.size());
    return true;
  }
  const char* Name() const override { return "ConcatOperator"; }
};

TEST_F(DBWriteTest, PutGetDeleteSingleDelete) {
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("b", "2"));
  ASSERT_OK(Put("a", "3"));
  EXPECT_EQ("3", Get("a"));
  EXPECT_EQ("2", Get("b"));
  EXPECT_EQ("NOT_FOUND", Get("c"));
  ASSERT_OK(Delete("a"));
  EXPECT_EQ("NOT_FOUND", Get("a"));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "b"));
  EXPECT_EQ("NOT_FOUND", Get("b"));
  ASSERT_OK(Delete("never-written"));
  EXPECT_EQ(6u, db_->GetLatestSequenceNumber());
  ASSERT_OK(Put("", "empty key"));
  EXPECT_EQ("empty key", Get(""));
  ASSERT_OK(Put("big", std::string(1 << 20, 'x')));
  EXPECT_EQ(std::string(1 << 20, 'x'), Get("big"));
}

TEST_F(DBWriteTest, BatchesTakeOneSequencePerEntry) {
  Open();
  WriteBatch batch;
  batch.Put("a", "1");
  batch.Delete("b");
  batch.Put("c", "3");
  batch.PutLogData("not counted");
  ASSERT_OK(db_->Write(WriteOptions(), &batch));
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
  WriteBatch empty;
  ASSERT_OK(db_->Write(WriteOptions(), &empty));
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ("3", Get("c"));
  Reopen();
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
  EXPECT_EQ("1", Get("a"));
}

TEST_F(DBWriteTest, WriteOptionRules) {
  Open();
  WriteOptions wo;
  wo.sync = true;
  wo.disableWAL = true;
  EXPECT_EQ("Invalid argument: Sync writes has to enable WAL.",
            Put("k", "v", wo).ToString());
  EXPECT_EQ("Invalid argument: Batch is nullptr!",
            db_->Write(WriteOptions(), nullptr).ToString());
  for (auto set : {+[](WriteOptions* w) { w->no_slowdown = true; },
                   +[](WriteOptions* w) { w->low_pri = true; },
                   +[](WriteOptions* w) { w->sync = true; },
                   +[](WriteOptions* w) { w->protection_bytes_per_key = 8; }}) {
    WriteOptions w;
    set(&w);
    EXPECT_OK(Put("k", "v", w));
  }
  EXPECT_EQ(
      "Invalid argument: cannot call this method on column family default "
      "that does not enable timestamp",
      db_->Put(WriteOptions(), "k", "ts", "v").ToString());
}

TEST_F(DBWriteTest, DisableWalDataSurvivesACleanClose) {
  // RocksDB flushes at Close when disableWAL left data no WAL holds.
  options_.merge_operator = std::make_shared<ConcatOperator>();
  Open();
  ASSERT_OK(Put("logged", "1"));
  WriteOptions no_wal;
  no_wal.disableWAL = true;
  ASSERT_OK(Put("unlogged", "2", no_wal));
  ASSERT_OK(db_->Merge(no_wal, "merged", "a"));
  ASSERT_OK(db_->Merge(WriteOptions(), "merged", "b"));
  ASSERT_OK(db_->Delete(no_wal, "logged"));
  ASSERT_OK(db_->DeleteRange(no_wal, db_->DefaultColumnFamily(), "x", "y"));
  EXPECT_EQ("2", Get("unlogged"));
  ASSERT_OK(Put("logged2", "3"));
  Reopen();
  EXPECT_EQ("NOT_FOUND", Get("logged"));
  EXPECT_EQ("2", Get("unlogged"));
  EXPECT_EQ("3", Get("logged2"));
  EXPECT_EQ("a,b", Get("merged"));
  EXPECT_EQ(7u, db_->GetLatestSequenceNumber());
  EXPECT_EQ(1u, WalFiles().size());
  // With avoid_flush_during_shutdown the unlogged write is lost.
  options_.avoid_flush_during_shutdown = true;
  Reopen();
  ASSERT_OK(Put("unlogged2", "4", no_wal));
  Reopen();
  EXPECT_EQ("NOT_FOUND", Get("unlogged2"));
  EXPECT_EQ("2", Get("unlogged"));
}

TEST_F(DBWriteTest, SequenceAfterCloseFollowsRocksDBFlushRules) {
  // Values printed by RocksDB 7.8.3 for the same operations: after the
  // flush at Close, the last sequence is the newest entry the flush kept
  // (entries a SingleDelete cancelled do not count), or what the MANIFEST
  // had before.
  WriteOptions no_wal;
  no_wal.disableWAL = true;
  Open();
  ASSERT_OK(Put("k", "1", no_wal));
  ASSERT_OK(Put("x", "1"));
  ASSERT_OK(Put("y", "1"));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "y"));
  Reopen();
  EXPECT_EQ(2u, db_->GetLatestSequenceNumber());  // "y" cancelled: x at 2
  Close();
  ASSERT_OK(DestroyDB(dbname_, options_));

  Open();
  ASSERT_OK(Put("k", "1", no_wal));
  ASSERT_OK(Put("k", "2"));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "k"));
  Reopen();
  EXPECT_EQ(0u, db_->GetLatestSequenceNumber());
  EXPECT_EQ("NOT_FOUND", Get("k"));
  Close();
  ASSERT_OK(DestroyDB(dbname_, options_));

  Open();
  for (const char* k : {"a", "b", "c"}) ASSERT_OK(Put(k, "1"));
  Reopen();
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
  ASSERT_OK(Put("d", "1"));
  ASSERT_OK(Put("e", "1"));
  ASSERT_OK(Put("k", "1", no_wal));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "k"));
  Reopen();
  EXPECT_EQ(5u, db_->GetLatestSequenceNumber());
  ASSERT_OK(Put("k", "1", no_wal));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "k"));
  Reopen();
  EXPECT_EQ(5u, db_->GetLatestSequenceNumber());
  EXPECT_EQ("1", Get("e"));
}

TEST_F(DBWriteTest, MergeWithoutOperator) {
  Open();
  EXPECT_EQ("Not implemented: Provide a merge_operator when opening DB",
            db_->Merge(WriteOptions(), "m", "x").ToString());
  ASSERT_OK(Put("a", "1"));
  // A batch with a merge: the records before it are applied, the write
  // fails and every later write returns the same error (RocksDB 7.8.3).
  WriteBatch batch;
  batch.Put("b", "2");
  batch.Merge("m", "x");
  const std::string kError =
      "Invalid argument: Merge requires `ColumnFamilyOptions::merge_operator "
      "!= nullptr`";
  EXPECT_EQ(kError, db_->Write(WriteOptions(), &batch).ToString());
  EXPECT_EQ("2", Get("b"));
  EXPECT_EQ("NOT_FOUND", Get("m"));
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
  EXPECT_EQ(kError, Put("c", "3").ToString());
  EXPECT_EQ(kError, db_->Resume().ToString());
  EXPECT_EQ(1u, IntProperty("rocksdb.background-errors"));
}

TEST_F(DBWriteTest, MergeWithOperator) {
  options_.merge_operator = std::make_shared<ConcatOperator>();
  Open();
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "a"));
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "b"));
  EXPECT_EQ("a,b", Get("m"));
  ASSERT_OK(Put("p", "base"));
  ASSERT_OK(db_->Merge(WriteOptions(), "p", "x"));
  EXPECT_EQ("base,x", Get("p"));
  ASSERT_OK(Delete("p"));
  ASSERT_OK(db_->Merge(WriteOptions(), "p", "y"));
  EXPECT_EQ("y", Get("p"));
  Reopen();
  EXPECT_EQ("a,b", Get("m"));
  EXPECT_EQ("y", Get("p"));
}

TEST_F(DBWriteTest, SnapshotsAndMultiGet) {
  Open();
  ASSERT_OK(Put("x", "1"));
  const Snapshot* snap = db_->GetSnapshot();
  EXPECT_EQ(1u, snap->GetSequenceNumber());
  ASSERT_OK(Put("x", "2"));
  ASSERT_OK(Delete("y"));
  EXPECT_EQ("1", Get("x", snap));
  EXPECT_EQ("2", Get("x"));
  EXPECT_EQ(1u, IntProperty("rocksdb.num-snapshots"));
  EXPECT_EQ(1u, IntProperty("rocksdb.oldest-snapshot-sequence"));
  std::vector<std::string> values;
  std::vector<Status> statuses = db_->MultiGet(
      ReadOptions(), {Slice("x"), Slice("y"), Slice("z")}, &values);
  ASSERT_EQ(3u, statuses.size());
  EXPECT_OK(statuses[0]);
  EXPECT_EQ("2", values[0]);
  EXPECT_TRUE(statuses[1].IsNotFound());
  EXPECT_TRUE(statuses[2].IsNotFound());
  db_->ReleaseSnapshot(snap);
  EXPECT_EQ(0u, IntProperty("rocksdb.num-snapshots"));
}

TEST_F(DBWriteTest, MemTableProperties) {
  Open();
  EXPECT_GT(IntProperty("rocksdb.cur-size-all-mem-tables"), 0u);
  EXPECT_EQ(0u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ(0u, IntProperty("rocksdb.estimate-num-keys"));
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("b", "2"));
  ASSERT_OK(Delete("c"));
  EXPECT_EQ(3u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ(1u, IntProperty("rocksdb.num-deletes-active-mem-table"));
  EXPECT_EQ(1u, IntProperty("rocksdb.estimate-num-keys"));
  EXPECT_EQ(0u, IntProperty("rocksdb.num-immutable-mem-table"));
  std::string text;
  ASSERT_TRUE(db_->GetProperty("rocksdb.num-entries-active-mem-table", &text));
  EXPECT_EQ("3", text);
  EXPECT_FALSE(db_->GetProperty("rocksdb.no-such-property", &text));
  ASSERT_TRUE(db_->GetProperty("rocksdb.num-files-at-level0", &text));
  EXPECT_EQ("0", text);
}

TEST_F(DBWriteTest, FullMemTablesStayInMemoryAndRotateTheWal) {
  // Until min_write_buffer_number_to_merge memtables wait, none is flushed.
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 100;
  options_.min_write_buffer_number_to_merge = 99;
  Open();
  const std::string value(1000, 'v');
  for (int i = 0; i < 300; ++i) {
    ASSERT_OK(Put("key" + std::to_string(i), value));
  }
  const uint64_t immutables = IntProperty("rocksdb.num-immutable-mem-table");
  EXPECT_GE(immutables, 3u);
  EXPECT_EQ(immutables + 1, WalFiles().size());
  EXPECT_GE(IntProperty("rocksdb.cur-size-all-mem-tables"), 300u * 1000);
  EXPECT_GT(IntProperty("rocksdb.cur-size-all-mem-tables"),
            IntProperty("rocksdb.cur-size-active-mem-table"));
  EXPECT_EQ(300u, IntProperty("rocksdb.estimate-num-keys"));
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(value, Get("key" + std::to_string(i))) << i;
  }
  Reopen();
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(value, Get("key" + std::to_string(i))) << i;
  }
  EXPECT_EQ(300u, db_->GetLatestSequenceNumber());
}

TEST_F(DBWriteTest, ConcurrentWritersAreGrouped) {
  for (bool concurrent : {true, false}) {
    options_.allow_concurrent_memtable_write = concurrent;
    Open();
    constexpr int kThreads = 4;
    constexpr int kPerThread = 500;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          WriteOptions wo;
          wo.sync = (i % 100 == 0);
          WriteBatch batch;
          batch.Put("t" + std::to_string(t) + "-" + std::to_string(i), "v");
          batch.Put("last" + std::to_string(t), std::to_string(i));
          if (!db_->Write(wo, &batch).ok()) ++failures;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(0, failures.load());
    EXPECT_EQ(uint64_t{2} * kThreads * kPerThread,
              db_->GetLatestSequenceNumber());
    Reopen();
    for (int t = 0; t < kThreads; ++t) {
      EXPECT_EQ(std::to_string(kPerThread - 1),
                Get("last" + std::to_string(t)));
      for (int i = 0; i < kPerThread; ++i) {
        ASSERT_EQ("v", Get("t" + std::to_string(t) + "-" + std::to_string(i)));
      }
    }
    Close();
    ASSERT_OK(DestroyDB(dbname_, options_));
  }
}

TEST_F(DBWriteTest, ZstdCompressedWal) {
  options_.wal_compression = kZSTD;
  Open();
  const std::string value(10000, 'z');
  for (int i = 0; i < 20; ++i) ASSERT_OK(Put("k" + std::to_string(i), value));
  Close();
  const std::vector<std::string> wals = WalFiles();
  ASSERT_EQ(1u, wals.size());
  EXPECT_LT(test::ReadWholeFile(WalPath(wals[0])).size(), 20u * 10000 / 10);
  options_.wal_compression = kNoCompression;
  Open();
  for (int i = 0; i < 20; ++i) ASSERT_EQ(value, Get("k" + std::to_string(i)));
}

TEST_F(DBWriteTest, SyncAndFlushWal) {
  Open();
  ASSERT_OK(Put("a", "1"));
  EXPECT_OK(db_->SyncWAL());
  EXPECT_OK(db_->FlushWAL(false));
  EXPECT_OK(db_->FlushWAL(true));
  WriteOptions sync;
  sync.sync = true;
  ASSERT_OK(Put("b", "2", sync));
  WriteBatch empty;
  ASSERT_OK(db_->Write(sync, &empty));
}

TEST_F(DBWriteTest, ManualWalFlushKeepsRecordsBufferedUntilFlushWal) {
  options_.manual_wal_flush = true;
  Open();
  ASSERT_OK(Put("a", "1"));
  const std::vector<std::string> wals = WalFiles();
  ASSERT_EQ(1u, wals.size());
  EXPECT_EQ(0u, test::ReadWholeFile(WalPath(wals[0])).size());
  ASSERT_OK(db_->FlushWAL(false));
  EXPECT_GT(test::ReadWholeFile(WalPath(wals[0])).size(), 0u);
  ASSERT_OK(Put("b", "2"));
  // Close hands buffered records to the file, as RocksDB does.
  Reopen();
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ("2", Get("b"));
}

// Keys and values are length-prefixed with a varint32 in the WAL, so each
// is limited to 4 GiB - 1 bytes, with RocksDB's messages. The limit is
// checked before any byte is read, so a Slice claiming 4 GiB over a small
// buffer exercises it without allocating 4 GiB.
TEST_F(DBWriteTest, KeyAndValueSizeLimits) {
  Open();
  const char small[1] = {'x'};
  const Slice huge(small, size_t{1} << 32);
  EXPECT_EQ("Invalid argument: key is too large",
            db_->Put(WriteOptions(), huge, "v").ToString());
  EXPECT_EQ("Invalid argument: value is too large",
            db_->Put(WriteOptions(), "k", huge).ToString());
  EXPECT_EQ("Invalid argument: key is too large",
            db_->Delete(WriteOptions(), huge).ToString());
  // Nothing was written: the sequence did not move.
  EXPECT_EQ(0u, db_->GetLatestSequenceNumber());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
