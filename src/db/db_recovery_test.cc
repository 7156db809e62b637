// Copyright (c) the rocksdb-cleanroom authors.
//
// WAL recovery at open in the four WALRecoveryModes. Each case writes
// three 124-byte records (Put k0/k1/k2 with 100-byte values) to one WAL,
// damages the file, reopens, and compares the status and the surviving
// keys with what RocksDB 7.8.3 gave for the same bytes.

#include "db/db_test_util.h"
#include "rocksdb/merge_operator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr size_t kRecord = 124;  // 7-byte header + 117-byte batch

struct Damage {
  const char* name;
  void (*apply)(std::string* wal);
  // Per mode (TCT, ABS, PIT, SKIP): the expected Status text, and the keys
  // that survive when the open succeeds.
  const char* expected[4];
};

const char* kModeNames[] = {"TCT", "ABS", "PIT", "SKIP"};

const Damage kDamages[] = {
    {"intact", [](std::string*) {}, {"012", "012", "012", "012"}},
    {"torn last record",
     [](std::string* w) { w->resize(w->size() - 10); },
     {"01", "Corruption: truncated record body", "01", "01"}},
    {"torn last header",
     [](std::string* w) { w->resize(2 * kRecord + 5); },
     {"01", "Corruption: truncated header", "01", "01"}},
    {"zero-filled tail",
     [](std::string* w) { w->append(100, '\0'); },
     {"012", "012", "012", "012"}},
    {"zero-filled tail past a block",
     [](std::string* w) { w->append(40000, '\0'); },
     {"012", "012", "012", "012"}},
    {"bit flip in the middle record",
     [](std::string* w) { (*w)[kRecord + 50] ^= 1; },
     {"Corruption: checksum mismatch", "Corruption: checksum mismatch", "0",
      "0"}},
    {"bit flip in the last record",
     [](std::string* w) { (*w)[2 * kRecord + 50] ^= 1; },
     {"Corruption: checksum mismatch", "Corruption: checksum mismatch", "01",
      "01"}},
    {"middle record length too large",
     [](std::string* w) { (*w)[kRecord + 5] = 10; },
     {"0", "Corruption: truncated record body", "0", "0"}},
    {"garbage tail",
     [](std::string* w) { w->append("garbagegarbagegarbage"); },
     {"012", "Corruption: truncated record body", "012", "012"}},
    {"empty WAL", [](std::string* w) { w->clear(); }, {"", "", "", ""}},
};

class DBRecoveryTest : public test::DBTestBase {
 protected:
  // Writes the three records and returns the WAL's path.
  std::string WriteThreeRecords() {
    Options options = options_;
    EXPECT_OK(TryOpen(options));
    for (int i = 0; i < 3; ++i) {
      EXPECT_OK(Put("k" + std::to_string(i), std::string(100, 'a' + i)));
    }
    Close();
    std::vector<std::string> wals = WalFiles();
    EXPECT_EQ(1u, wals.size());
    return WalPath(wals.back());
  }

  // "012"-style list of the keys present.
  std::string SurvivingKeys() {
    std::string keys;
    for (int i = 0; i < 3; ++i) {
      if (Get("k" + std::to_string(i)) != "NOT_FOUND") {
        keys += std::to_string(i);
      }
    }
    return keys;
  }
};

TEST_F(DBRecoveryTest, DamagedWalInEveryMode) {
  for (const Damage& damage : kDamages) {
    for (int mode = 0; mode < 4; ++mode) {
      SCOPED_TRACE(std::string(damage.name) + " / " + kModeNames[mode]);
      Close();
      ASSERT_OK(DestroyDB(dbname_, options_));
      const std::string wal = WriteThreeRecords();
      std::string bytes = test::ReadWholeFile(wal);
      ASSERT_EQ(3 * kRecord, bytes.size());
      damage.apply(&bytes);
      test::WriteWholeFile(wal, bytes);

      Options options = options_;
      options.wal_recovery_mode = static_cast<WALRecoveryMode>(mode);
      Status s = TryOpen(options);
      const std::string expected = damage.expected[mode];
      if (expected.compare(0, 11, "Corruption:") == 0) {
        EXPECT_EQ(expected, s.ToString());
        EXPECT_EQ(nullptr, db_);
        // A failed open changes nothing: the damaged WAL is still there.
        EXPECT_EQ(bytes, test::ReadWholeFile(wal));
        continue;
      }
      ASSERT_OK(s);
      EXPECT_EQ(expected, SurvivingKeys());
      EXPECT_EQ(expected.size(), db_->GetLatestSequenceNumber());
      // The next open sees the same state, and new writes survive it even
      // after a point-in-time stop.
      ASSERT_OK(Put("after", "x"));
      Close();
      ASSERT_OK(TryOpen(options));
      EXPECT_EQ(expected, SurvivingKeys());
      EXPECT_EQ("x", Get("after"));
      EXPECT_EQ(expected.size() + 1, db_->GetLatestSequenceNumber());
    }
  }
}

TEST_F(DBRecoveryTest, PointInTimeStopDropsLaterWals) {
  // Enough writes to rotate the WAL a few times (no flush: the memtables
  // all wait for more), then a corrupt second record in the oldest WAL:
  // only the first write survives.
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 100;
  options_.min_write_buffer_number_to_merge = 99;
  Open();
  for (int i = 0; i < 1000; ++i) {
    ASSERT_OK(Put("key" + std::to_string(1000 + i), std::string(100, 'v')));
  }
  Close();
  std::vector<std::string> wals = WalFiles();
  ASSERT_GE(wals.size(), 2u);
  const std::string oldest = WalPath(wals.front());
  std::string bytes = test::ReadWholeFile(oldest);
  bytes[kRecord + 60] ^= 1;  // the second record (7-byte keys: 129 bytes)
  test::WriteWholeFile(oldest, bytes);
  for (WALRecoveryMode mode : {WALRecoveryMode::kTolerateCorruptedTailRecords,
                               WALRecoveryMode::kAbsoluteConsistency}) {
    Options options = options_;
    options.wal_recovery_mode = mode;
    EXPECT_EQ("Corruption: checksum mismatch", TryOpen(options).ToString());
  }
  Open();
  EXPECT_EQ(std::string(100, 'v'), Get("key1000"));
  EXPECT_EQ("NOT_FOUND", Get("key1001"));
  EXPECT_EQ("NOT_FOUND", Get("key1999"));
  EXPECT_EQ(1u, db_->GetLatestSequenceNumber());
  EXPECT_EQ(1u, WalFiles().size());
}

TEST_F(DBRecoveryTest, CopiesOfReplayedRecordsAreNotAppliedTwice) {
  // A WAL repeating records of an older one (as an interrupted copy would):
  // the copies must not be replayed again. Without the flush at open the
  // memtable shows what was applied.
  options_.avoid_flush_during_recovery = true;
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("a", "2"));
  Close();
  std::vector<std::string> wals = WalFiles();
  ASSERT_EQ(1u, wals.size());
  const std::string bytes = test::ReadWholeFile(WalPath(wals[0]));
  test::WriteWholeFile(dbname_ + "/999999.log", bytes);
  Open();
  EXPECT_EQ("2", Get("a"));
  EXPECT_EQ(2u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ(2u, db_->GetLatestSequenceNumber());
  ASSERT_OK(Put("a", "3"));
  Reopen();
  EXPECT_EQ("3", Get("a"));
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
}

TEST_F(DBRecoveryTest, ReopenCyclesKeepOneWal) {
  for (int i = 0; i < 20; ++i) {
    Open();
    ASSERT_OK(Put("k" + std::to_string(i), std::to_string(i)));
    Close();
  }
  Open();
  EXPECT_EQ(1u, WalFiles().size());
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(std::to_string(i), Get("k" + std::to_string(i)));
  }
  EXPECT_EQ(20u, db_->GetLatestSequenceNumber());
}

TEST_F(DBRecoveryTest, MergeWithoutOperatorStopsPointInTimeReplay) {
  // Written with an operator, reopened without one: RocksDB 7.8.3 stops
  // replay at the first merge and opens (point-in-time mode).
  Open();
  WriteBatch batch;
  batch.Put("a", "1");
  ASSERT_OK(db_->Write(WriteOptions(), &batch));
  Close();
  // Forge a merge record by writing through a DB that has an operator.
  Options with_operator = options_;
  struct Op : public AssociativeMergeOperator {
    bool Merge(const Slice&, const Slice*, const Slice& v, std::string* n,
               Logger*) const override {
      *n = v.ToString();
      return true;
    }
    const char* Name() const override { return "Op"; }
  };
  with_operator.merge_operator = std::make_shared<Op>();
  Open(with_operator);
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "x"));
  ASSERT_OK(Put("b", "2"));
  Close();
  Open();
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ("NOT_FOUND", Get("m"));
  EXPECT_EQ("NOT_FOUND", Get("b"));
  EXPECT_EQ(1u, db_->GetLatestSequenceNumber());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
