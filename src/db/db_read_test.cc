// Copyright (c) the rocksdb-cleanroom authors.
//
// The DB read path over table files: Get, MultiGet (all forms), snapshots,
// merges and range deletions across memtables and level-0 files,
// KeyMayExist, the table cache under a small max_open_files, statistics
// tickers, PinnableSlice pinning and corruption reporting. Expected values
// and ticker counts were observed on RocksDB 7.8.3.

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "db/db_test_util.h"
#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/statistics.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class AppendOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing != nullptr ? existing->ToString() + "," : "";
    new_value->append(value.data(), value.size());
    return true;
  }
  const char* Name() const override { return "AppendOperator"; }
};

class DBReadTest : public test::DBTestBase {
 protected:
  DBReadTest() {
    stats_ = CreateDBStatistics();
    options_.statistics = stats_;
    BlockBasedTableOptions table;
    table.filter_policy.reset(NewBloomFilterPolicy(10));
    options_.table_factory.reset(NewBlockBasedTableFactory(table));
  }

  Status Flush() { return db_->Flush(FlushOptions()); }
  uint64_t Ticks(Tickers t) { return stats_->getAndResetTickerCount(t); }
  void ResetStats() { ASSERT_OK(stats_->Reset()); }
  int NumLevel0Files() {
    std::string value;
    EXPECT_TRUE(db_->GetProperty("rocksdb.num-files-at-level0", &value));
    return std::atoi(value.c_str());
  }

  std::shared_ptr<Statistics> stats_;
};

TEST_F(DBReadTest, GetAcrossMemtableAndLevelZero) {
  Open();
  ASSERT_OK(Put("a", "1111"));
  ASSERT_OK(Put("b", "22"));
  ASSERT_OK(Put("d", "old"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("d", "new"));
  ASSERT_OK(Delete("a"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("c", "333"));
  ASSERT_OK(Delete("b"));
  EXPECT_EQ(2, NumLevel0Files());

  ResetStats();
  EXPECT_EQ("333", Get("c"));  // memtable
  EXPECT_EQ(1u, Ticks(MEMTABLE_HIT));
  EXPECT_EQ(1u, Ticks(NUMBER_KEYS_READ));
  EXPECT_EQ(3u, Ticks(BYTES_READ));
  EXPECT_EQ("NOT_FOUND", Get("b"));  // deleted in the memtable
  EXPECT_EQ(1u, Ticks(MEMTABLE_HIT));
  EXPECT_EQ(0u, Ticks(BYTES_READ));
  EXPECT_EQ("new", Get("d"));  // newest level-0 file
  EXPECT_EQ(1u, Ticks(MEMTABLE_MISS));
  EXPECT_EQ(1u, Ticks(GET_HIT_L0));
  EXPECT_EQ("NOT_FOUND", Get("a"));  // deleted in the newer file
  EXPECT_EQ(0u, Ticks(GET_HIT_L0));
  EXPECT_EQ("NOT_FOUND", Get("zz"));
  EXPECT_EQ(4u, Ticks(NUMBER_KEYS_READ));
  HistogramData get_hist;
  stats_->histogramData(DB_GET, &get_hist);
  EXPECT_EQ(5u, get_hist.count);

  Reopen();
  EXPECT_EQ("NOT_FOUND", Get("a"));
  EXPECT_EQ("NOT_FOUND", Get("b"));
  EXPECT_EQ("333", Get("c"));
  EXPECT_EQ("new", Get("d"));
}

TEST_F(DBReadTest, TableValuesArePinnedNotCopied) {
  Open();
  ASSERT_OK(Put("a", "from a table"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("m", "from the memtable"));
  PinnableSlice value;
  ASSERT_OK(db_->Get(ReadOptions(), db_->DefaultColumnFamily(), "a", &value));
  EXPECT_EQ("from a table", value.ToString());
  EXPECT_TRUE(value.IsPinned());
  value.Reset();
  ASSERT_OK(db_->Get(ReadOptions(), db_->DefaultColumnFamily(), "m", &value));
  EXPECT_EQ("from the memtable", value.ToString());
  EXPECT_FALSE(value.IsPinned());
  // A pinned value outlives a later flush and more writes.
  value.Reset();
  ASSERT_OK(db_->Get(ReadOptions(), db_->DefaultColumnFamily(), "a", &value));
  ASSERT_OK(Put("a", "newer"));
  ASSERT_OK(Flush());
  EXPECT_EQ("from a table", value.ToString());
}

TEST_F(DBReadTest, MultiGetForms) {
  Open();
  ASSERT_OK(Put("a", "1111"));
  ASSERT_OK(Put("b", "22"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("c", "333"));
  ASSERT_OK(Delete("b"));
  const std::vector<Slice> keys = {"a", "b", "c", "zz"};

  ResetStats();
  std::vector<std::string> values;
  std::vector<Status> statuses = db_->MultiGet(ReadOptions(), keys, &values);
  ASSERT_EQ(4u, statuses.size());
  EXPECT_OK(statuses[0]);
  EXPECT_TRUE(statuses[1].IsNotFound());
  EXPECT_OK(statuses[2]);
  EXPECT_TRUE(statuses[3].IsNotFound());
  EXPECT_EQ("1111", values[0]);
  EXPECT_EQ("333", values[2]);
  // RocksDB's counts for this call.
  EXPECT_EQ(2u, Ticks(MEMTABLE_HIT));
  EXPECT_EQ(2u, Ticks(MEMTABLE_MISS));
  EXPECT_EQ(1u, Ticks(GET_HIT_L0));
  EXPECT_EQ(1u, Ticks(NUMBER_MULTIGET_CALLS));
  EXPECT_EQ(4u, Ticks(NUMBER_MULTIGET_KEYS_READ));
  EXPECT_EQ(7u, Ticks(NUMBER_MULTIGET_BYTES_READ));
  EXPECT_EQ(2u, Ticks(NUMBER_MULTIGET_KEYS_FOUND));
  EXPECT_EQ(0u, Ticks(NUMBER_KEYS_READ));
  HistogramData hist;
  stats_->histogramData(DB_MULTIGET, &hist);
  EXPECT_EQ(1u, hist.count);

  PinnableSlice pinned[4];
  Status batched[4];
  db_->MultiGet(ReadOptions(), db_->DefaultColumnFamily(), 4, keys.data(),
                pinned, batched);
  EXPECT_OK(batched[0]);
  EXPECT_TRUE(batched[1].IsNotFound());
  EXPECT_EQ("1111", pinned[0].ToString());
  EXPECT_TRUE(pinned[0].IsPinned());
  EXPECT_EQ("333", pinned[2].ToString());
  EXPECT_TRUE(batched[3].IsNotFound());

  ColumnFamilyHandle* cfs[4];
  for (auto& cf : cfs) cf = db_->DefaultColumnFamily();
  PinnableSlice pinned2[4];
  Status batched2[4];
  db_->MultiGet(ReadOptions(), 4, cfs, keys.data(), pinned2, batched2);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(batched[i].ToString(), batched2[i].ToString());
    EXPECT_EQ(pinned[i].ToString(), pinned2[i].ToString());
  }
}

TEST_F(DBReadTest, SnapshotsSeeOlderVersionsInTables) {
  Open();
  ASSERT_OK(Put("k", "v1"));
  const Snapshot* s1 = db_->GetSnapshot();
  ASSERT_OK(Put("k", "v2"));
  ASSERT_OK(Flush());
  const Snapshot* s2 = db_->GetSnapshot();
  ASSERT_OK(Delete("k"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("k", "v3"));
  EXPECT_EQ("v1", Get("k", s1));
  EXPECT_EQ("v2", Get("k", s2));
  EXPECT_EQ("v3", Get("k"));
  std::vector<std::string> values;
  ReadOptions ro;
  ro.snapshot = s1;
  std::vector<Status> st = db_->MultiGet(ro, {"k"}, &values);
  EXPECT_OK(st[0]);
  EXPECT_EQ("v1", values[0]);
  db_->ReleaseSnapshot(s1);
  db_->ReleaseSnapshot(s2);
}

TEST_F(DBReadTest, MergeOperandsSpanMemtableAndTables) {
  options_.merge_operator = std::make_shared<AppendOperator>();
  Open();
  ASSERT_OK(Put("k", "base"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(WriteOptions(), "k", "x"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(WriteOptions(), "k", "y"));
  EXPECT_EQ("base,x,y", Get("k"));
  // Operands only, over a deletion in a table.
  ASSERT_OK(Put("j", "gone"));
  ASSERT_OK(Delete("j"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(WriteOptions(), "j", "z"));
  EXPECT_EQ("z", Get("j"));
  // Operands with nothing below them at all.
  ASSERT_OK(db_->Merge(WriteOptions(), "n", "1"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(WriteOptions(), "n", "2"));
  EXPECT_EQ("1,2", Get("n"));
  Reopen();
  EXPECT_EQ("base,x,y", Get("k"));
  EXPECT_EQ("1,2", Get("n"));
}

TEST_F(DBReadTest, RangeDeletionsCoverOlderTables) {
  Open();
  for (char c = 'a'; c <= 'h'; ++c) ASSERT_OK(Put(std::string(1, c), "v"));
  ASSERT_OK(Flush());
  ASSERT_OK(
      db_->DeleteRange(WriteOptions(), db_->DefaultColumnFamily(), "b", "d"));
  EXPECT_EQ("v", Get("a"));
  EXPECT_EQ("NOT_FOUND", Get("b"));  // tombstone in the memtable
  EXPECT_EQ("NOT_FOUND", Get("c"));
  EXPECT_EQ("v", Get("d"));
  ASSERT_OK(Flush());
  ASSERT_OK(
      db_->DeleteRange(WriteOptions(), db_->DefaultColumnFamily(), "f", "g"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("c", "back"));
  EXPECT_EQ("NOT_FOUND", Get("b"));  // tombstone in a table
  EXPECT_EQ("back", Get("c"));
  EXPECT_EQ("NOT_FOUND", Get("f"));
  EXPECT_EQ("v", Get("g"));
  std::vector<std::string> values;
  std::vector<Status> st =
      db_->MultiGet(ReadOptions(), {"a", "b", "f", "g"}, &values);
  EXPECT_OK(st[0]);
  EXPECT_TRUE(st[1].IsNotFound());
  EXPECT_TRUE(st[2].IsNotFound());
  EXPECT_OK(st[3]);
}

// ReadOptions::ignore_range_deletions in Get, MultiGet and KeyMayExist:
// tombstones in memtables and tables hide nothing. A flush (and a
// compaction) still drops the entries a tombstone covers when no snapshot
// needs them, so then even the ignoring read finds nothing. Observed on
// RocksDB 7.8.3.
class DBIgnoreRangeDeletionsTest : public DBReadTest {
 protected:
  DBIgnoreRangeDeletionsTest() { ignore_.ignore_range_deletions = true; }

  // "<status of a normal Get>|<ignoring Get>|<ignoring MultiGet of a, c>|
  // <ignoring KeyMayExist of a>", values in brackets.
  std::string Reads() {
    auto show = [](const Status& s, const std::string& v) {
      return s.ok() ? "[" + v + "]" : s.ToString();
    };
    std::string v;
    std::string out = show(db_->Get(ReadOptions(), "a", &v), v);
    out += "|" + show(db_->Get(ignore_, "a", &v), v);
    std::vector<std::string> values;
    std::vector<Status> st = db_->MultiGet(ignore_, {"a", "c"}, &values);
    out += "|" + show(st[0], values[0]) + "," + show(st[1], values[1]);
    std::string kv;
    bool found = false;
    const bool may =
        db_->KeyMayExist(ignore_, db_->DefaultColumnFamily(), "a", &kv, &found);
    out +=
        "|" + std::string(may ? "may" : "no") + (found ? "[" + kv + "]" : "");
    return out;
  }
  Status DeleteAToD() {
    return db_->DeleteRange(WriteOptions(), db_->DefaultColumnFamily(), "a",
                            "d");
  }

  ReadOptions ignore_;
};

TEST_F(DBIgnoreRangeDeletionsTest, TombstoneInMemtable) {
  Open();
  ASSERT_OK(Put("a", "va"));
  ASSERT_OK(Put("c", "vc"));
  ASSERT_OK(DeleteAToD());
  EXPECT_EQ("NotFound: |[va]|[va],[vc]|may[va]", Reads());
  std::string kv;
  bool found = false;
  EXPECT_FALSE(db_->KeyMayExist(ReadOptions(), db_->DefaultColumnFamily(), "a",
                                &kv, &found));
}

TEST_F(DBIgnoreRangeDeletionsTest, TombstoneFlushedWithCoveredKeys) {
  Open();
  ASSERT_OK(Put("a", "va"));
  ASSERT_OK(Put("c", "vc"));
  ASSERT_OK(DeleteAToD());
  ASSERT_OK(Flush());  // the covered puts are dropped
  EXPECT_EQ("NotFound: |NotFound: |NotFound: ,NotFound: |no[]", Reads());
}

TEST_F(DBIgnoreRangeDeletionsTest, TombstoneOverOlderTable) {
  Open();
  ASSERT_OK(Put("a", "va"));
  ASSERT_OK(Put("c", "vc"));
  ASSERT_OK(Flush());
  ASSERT_OK(DeleteAToD());
  EXPECT_EQ("NotFound: |[va]|[va],[vc]|may[va]", Reads());
  ASSERT_OK(Flush());  // now the tombstone is in a table of its own
  EXPECT_EQ(2, NumLevel0Files());
  EXPECT_EQ("NotFound: |[va]|[va],[vc]|may[va]", Reads());
}

TEST_F(DBIgnoreRangeDeletionsTest, SnapshotKeepsCoveredKeysInTable) {
  Open();
  ASSERT_OK(Put("a", "va"));
  ASSERT_OK(Put("c", "vc"));
  const Snapshot* snapshot = db_->GetSnapshot();
  ASSERT_OK(DeleteAToD());
  ASSERT_OK(Flush());  // one table holds the puts and the tombstone
  EXPECT_EQ("NotFound: |[va]|[va],[vc]|may[va]", Reads());
  ASSERT_OK(Put("a", "va2"));
  ASSERT_OK(Delete("c"));
  EXPECT_EQ("[va2]|[va2]|[va2],NotFound: |may[va2]", Reads());
  db_->ReleaseSnapshot(snapshot);
}

TEST_F(DBReadTest, IgnoredPerformanceOptionsAreLogged) {
  options_.memtable_prefix_bloom_size_ratio = 0.1;
  options_.memtable_whole_key_filtering = true;
  Open();
  std::string log = test::ReadWholeFile(dbname_ + "/LOG");
  EXPECT_NE(std::string::npos,
            log.find("Options.memtable_prefix_bloom_size_ratio: 0.100000 is "
                     "accepted but ignored (performance only)"));
  EXPECT_NE(std::string::npos,
            log.find("Options.memtable_whole_key_filtering: 1 is accepted "
                     "but ignored (performance only)"));
  EXPECT_NE(std::string::npos,
            log.find("ReadOptions::async_io are accepted but ignored "
                     "(performance only)"));
  Close();
  options_.memtable_prefix_bloom_size_ratio = 0;
  options_.memtable_whole_key_filtering = false;
  Open();  // at their defaults they are not named
  log = test::ReadWholeFile(dbname_ + "/LOG");
  EXPECT_EQ(std::string::npos, log.find("Options.memtable_prefix_bloom_size_"
                                        "ratio: 0.000000 is accepted"));
  EXPECT_EQ(std::string::npos,
            log.find("Options.memtable_whole_key_filtering: 1 is accepted"));
}

TEST_F(DBReadTest, KeyMayExist) {
  Open();
  ASSERT_OK(Put("a", "1111"));
  ASSERT_OK(Put("b", "22"));
  ASSERT_OK(Delete("b"));
  ASSERT_OK(Flush());
  Close();
  Open();  // table blocks not cached yet
  std::string value = "x";
  bool value_found = false;
  // In a table whose data block is not cached: may exist, no value.
  EXPECT_TRUE(db_->KeyMayExist(ReadOptions(), "a", &value, &value_found));
  EXPECT_FALSE(value_found);
  // The same with a Get that may not do I/O.
  ReadOptions no_io;
  no_io.read_tier = kBlockCacheTier;
  PinnableSlice pinned;
  Status s = db_->Get(no_io, db_->DefaultColumnFamily(), "a", &pinned);
  EXPECT_TRUE(s.IsIncomplete()) << s.ToString();
  EXPECT_EQ("1111", Get("a"));  // now cached
  value_found = false;
  EXPECT_TRUE(db_->KeyMayExist(ReadOptions(), "a", &value, &value_found));
  EXPECT_TRUE(value_found);
  EXPECT_EQ("1111", value);
  // Outside every table's key range and not in the memtable: absent.
  value_found = false;
  EXPECT_FALSE(db_->KeyMayExist(ReadOptions(), "zz", &value, &value_found));
  EXPECT_TRUE(value_found);  // set at the start, as RocksDB does
  EXPECT_EQ("", value);
  // In the memtable.
  ASSERT_OK(Put("m", "mm"));
  EXPECT_TRUE(db_->KeyMayExist(ReadOptions(), "m", &value, &value_found));
  EXPECT_TRUE(value_found);
  EXPECT_EQ("mm", value);
  ASSERT_OK(Delete("m"));
  EXPECT_FALSE(db_->KeyMayExist(ReadOptions(), "m", &value, &value_found));
  EXPECT_TRUE(db_->KeyMayExist(ReadOptions(), "a", &value));
}

TEST_F(DBReadTest, TableCacheEvictsWithFewOpenFiles) {
  options_.max_open_files = 20;  // ten tables open at most
  options_.disable_auto_compactions = true;
  options_.level0_slowdown_writes_trigger = 1000;
  options_.level0_stop_writes_trigger = 1000;
  Open();
  for (int f = 0; f < 30; ++f) {
    for (int i = 0; i < 10; ++i) {
      ASSERT_OK(Put("k" + std::to_string(f * 10 + i), "v" + std::to_string(f)));
    }
    ASSERT_OK(Put("shared", "s" + std::to_string(f)));
    ASSERT_OK(Flush());
  }
  EXPECT_EQ(30, NumLevel0Files());
  for (int round = 0; round < 2; ++round) {
    for (int f = 0; f < 30; ++f) {
      for (int i = 0; i < 10; ++i) {
        EXPECT_EQ("v" + std::to_string(f),
                  Get("k" + std::to_string(f * 10 + i)));
      }
    }
    EXPECT_EQ("s29", Get("shared"));
  }
  // Every file was opened again after eviction at least once.
  EXPECT_GT(Ticks(NO_FILE_OPENS), 30u);
  Reopen();
  EXPECT_EQ("v7", Get("k77"));
}

TEST_F(DBReadTest, CorruptedTableBlockIsReported) {
  options_.table_factory.reset(NewBlockBasedTableFactory());
  Open();
  ASSERT_OK(Put("a", std::string(100, 'a')));
  ASSERT_OK(Put("b", std::string(100, 'b')));
  ASSERT_OK(Flush());
  Close();
  std::vector<std::string> tables = test::FilesWith(dbname_, "", ".sst");
  ASSERT_EQ(1u, tables.size());
  const std::string path = dbname_ + "/" + tables[0];
  std::string contents = test::ReadWholeFile(path);
  contents[10] ^= 0x55;  // inside the first (only) data block
  test::WriteWholeFile(path, contents);
  Open();
  std::string value;
  Status s = db_->Get(ReadOptions(), "a", &value);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(std::string::npos, s.ToString().find(tables[0])) << s.ToString();
  // Without checksum verification the damaged bytes are read as they are.
  ReadOptions ro;
  ro.verify_checksums = false;
  s = db_->Get(ro, "b", &value);
  EXPECT_FALSE(s.IsCorruption() &&
               s.ToString().find("checksum") != std::string::npos)
      << s.ToString();
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
