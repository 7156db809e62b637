// Copyright (c) the rocksdb-cleanroom authors.
//
// Reading batches back: Iterate() callbacks and their defaults, malformed
// input (messages as RocksDB 7.8.3 prints them), Continue(), TryAgain,
// transaction markers and WriteBatchInternal helpers. Ends with a mutation
// fuzz test that must never crash (run it under ASan/UBSan).

#include <gtest/gtest.h>

#include <functional>

#include "db/write_batch_internal.h"
#include "db/write_batch_test_util.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::FakeColumnFamily;
using test::FromHex;
using test::Header;
using test::Replay;
using test::ToHex;

std::string ReplayBytes(const std::string& rep) {
  return Replay(WriteBatch(rep));
}

TEST(WriteBatchIterateTest, EveryRecordKind) {
  FakeColumnFamily cf1(1);
  WriteBatch b;
  b.Put("a", "1");
  b.Delete(&cf1, "b");
  b.SingleDelete("c");
  b.DeleteRange(&cf1, "d", "e");
  b.Merge("f", "g");
  b.PutEntity(&cf1, "h", {{"n", "v"}});
  b.PutLogData("L");
  EXPECT_EQ(
      "OK|Put(0,61,31)Delete(1,62)SingleDelete(0,63)DeleteRange(1,64,65)"
      "Merge(0,66,67)PutEntity(1,68,0101016E0176)LogData(4C)",
      Replay(b));
}

TEST(WriteBatchIterateTest, MarkersAndBlobIndex) {
  // BeginPrepare, Put, EndPrepare "xy", Commit "x", Rollback "r",
  // BeginPersistedPrepare, BeginUnprepare, CommitWithTimestamp, blob index.
  std::string rep = Header(0, 2) + FromHex(
                                       "0901016b01760a0278790b01780c0172121315"
                                       "0274730178"
                                       "100201780179");
  EXPECT_EQ(
      "OK|BeginPrepare(0)Put(0,6B,76)EndPrepare(7879)Commit(78)Rollback(72)"
      "BeginPrepare(0)BeginPrepare(1)CommitTs(78,7473)BlobIndex(2,78,79)",
      ReplayBytes(rep));
}

TEST(WriteBatchIterateTest, NoopReportsWhetherTheBatchIsEmptySoFar) {
  struct Case {
    const char* records;
    const char* trace;
  } cases[] = {
      {"0d", "Noop(1)"},
      {"01016b01760d", "Put(0,6B,76)Noop(0)"},
      {"0301780d", "LogData(78)Noop(0)"},
      {"090d0a0178", "BeginPrepare(0)Noop(0)EndPrepare(78)"},
      {"090a01780d0d", "BeginPrepare(0)EndPrepare(78)Noop(1)Noop(1)"},
      {"0b01780d", "Commit(78)Noop(1)"},
      {"0c01780d", "Rollback(78)Noop(1)"},
  };
  for (const Case& c : cases) {
    const std::string records = FromHex(c.records);
    const uint32_t count = records[0] == 0x01 ? 1 : 0;
    EXPECT_EQ(std::string("OK|") + c.trace,
              ReplayBytes(Header(0, count) + records))
        << c.records;
  }
}

TEST(WriteBatchIterateTest, DefaultHandlerCallbacks) {
  FakeColumnFamily cf1(1);
  // Legacy callbacks get the default family's records.
  class Legacy : public WriteBatch::Handler {
   public:
    std::string trace;
    void Put(const Slice& k, const Slice& v) override {
      trace += "Put(" + k.ToString() + "," + v.ToString() + ")";
    }
    void Delete(const Slice& k) override {
      trace += "Delete(" + k.ToString() + ")";
    }
    void SingleDelete(const Slice& k) override {
      trace += "SingleDelete(" + k.ToString() + ")";
    }
    void Merge(const Slice& k, const Slice& v) override {
      trace += "Merge(" + k.ToString() + "," + v.ToString() + ")";
    }
    void LogData(const Slice& b) override {
      trace += "Log(" + b.ToString() + ")";
    }
  };
  WriteBatch b;
  b.Put("a", "1");
  b.PutLogData("L");
  b.Delete("b");
  b.SingleDelete("c");
  b.Merge("d", "e");
  Legacy legacy;
  ASSERT_TRUE(b.Iterate(&legacy).ok());
  EXPECT_EQ("Put(a,1)Log(L)Delete(b)SingleDelete(c)Merge(d,e)", legacy.trace);

  struct Case {
    std::function<void(WriteBatch*)> op;
    const char* status;
  } cases[] = {
      {[&](WriteBatch* w) { w->Put(&cf1, "k", "v"); },
       "Invalid argument: non-default column family and PutCF not "
       "implemented"},
      {[&](WriteBatch* w) { w->Delete(&cf1, "k"); },
       "Invalid argument: non-default column family and DeleteCF not "
       "implemented"},
      {[&](WriteBatch* w) { w->SingleDelete(&cf1, "k"); },
       "Invalid argument: non-default column family and SingleDeleteCF not "
       "implemented"},
      {[&](WriteBatch* w) { w->Merge(&cf1, "k", "v"); },
       "Invalid argument: non-default column family and MergeCF not "
       "implemented"},
      {[](WriteBatch* w) { w->DeleteRange("a", "b"); },
       "Invalid argument: DeleteRangeCF not implemented"},
      {[&](WriteBatch* w) { w->PutEntity(&cf1, "k", {}); },
       "Not implemented: PutEntityCF not implemented"},
  };
  for (const Case& c : cases) {
    WriteBatch w;
    c.op(&w);
    Legacy handler;
    EXPECT_EQ(c.status, w.Iterate(&handler).ToString());
    WriteBatch::Handler bare;
    EXPECT_EQ(c.status, w.Iterate(&bare).ToString());
  }

  // The first failing record stops the iteration.
  WriteBatch mixed;
  mixed.Put("a", "b");
  mixed.Put(&cf1, "k", "v");
  mixed.Put("c", "d");
  Legacy handler;
  EXPECT_TRUE(mixed.Iterate(&handler).IsInvalidArgument());
  EXPECT_EQ("Put(a,b)", handler.trace);
}

TEST(WriteBatchIterateTest, DefaultMarkerCallbacksRefuse) {
  struct Case {
    const char* records;
    const char* status;
  } cases[] = {
      {"09", "Invalid argument: MarkBeginPrepare() handler not defined."},
      {"0a0178", "Invalid argument: MarkEndPrepare() handler not defined."},
      {"0d", "Invalid argument: MarkNoop() handler not defined."},
      {"0c0178",
       "Invalid argument: MarkRollbackPrepare() handler not defined."},
      {"0b0178", "Invalid argument: MarkCommit() handler not defined."},
      {"1501740178",
       "Invalid argument: MarkCommitWithTimestamp() handler not defined."},
  };
  for (const Case& c : cases) {
    WriteBatch b(Header(0, 0) + FromHex(c.records));
    WriteBatch::Handler bare;
    EXPECT_EQ(c.status, b.Iterate(&bare).ToString());
  }
  WriteBatch::Handler bare;
  EXPECT_EQ("Invalid argument: PutBlobIndexCF not implemented",
            WriteBatch(Header(0, 1) + FromHex("1101780179"))
                .Iterate(&bare)
                .ToString());
}

TEST(WriteBatchIterateTest, MalformedInputIsCorruption) {
  struct Case {
    std::string rep;
    const char* status;
  } cases[] = {
      {"", "Corruption: malformed WriteBatch (too small)"},
      {std::string(11, '\0'), "Corruption: malformed WriteBatch (too small)"},
      {Header(5, 2), "Corruption: WriteBatch has wrong count"},
      {Header(0, 1) + FromHex("7f016b0176"),
       "Corruption: unknown WriteBatch tag"},
      {Header(0, 1) + FromHex("18016b0176"),
       "Corruption: unknown WriteBatch tag"},
      {Header(0, 1) + FromHex("14016b0176"),
       "Corruption: unknown WriteBatch tag"},
      {Header(0, 1) + FromHex("01056b"), "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("01016b0576"), "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("01016b"), "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("0580"), "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("0501016b"), "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("01ffffffffff01"),
       "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("05ffffffffff01"),
       "Corruption: bad WriteBatch Put"},
      {Header(0, 1) + FromHex("00056b"), "Corruption: bad WriteBatch Delete"},
      {Header(0, 1) + FromHex("0401"), "Corruption: bad WriteBatch Delete"},
      {Header(0, 1) + FromHex("07056b"), "Corruption: bad WriteBatch Delete"},
      {Header(0, 1) + FromHex("0801"), "Corruption: bad WriteBatch Delete"},
      {Header(0, 1) + FromHex("02016b"), "Corruption: bad WriteBatch Merge"},
      {Header(0, 1) + FromHex("0601016b"), "Corruption: bad WriteBatch Merge"},
      {Header(0, 1) + FromHex("0f016b"),
       "Corruption: bad WriteBatch DeleteRange"},
      {Header(0, 1) + FromHex("0e01016b"),
       "Corruption: bad WriteBatch DeleteRange"},
      {Header(0, 1) + FromHex("16016b"),
       "Corruption: bad WriteBatch PutEntity"},
      {Header(0, 1) + FromHex("1701016b"),
       "Corruption: bad WriteBatch PutEntity"},
      {Header(0, 1) + FromHex("11016b"),
       "Corruption: bad WriteBatch BlobIndex"},
      {Header(0, 1) + FromHex("1001016b"),
       "Corruption: bad WriteBatch BlobIndex"},
      {Header(0, 0) + FromHex("03056b"), "Corruption: bad WriteBatch Blob"},
      {Header(0, 0) + FromHex("0a0578"), "Corruption: bad EndPrepare XID"},
      {Header(0, 0) + FromHex("0b0578"), "Corruption: bad Commit XID"},
      {Header(0, 0) + FromHex("1501740578"), "Corruption: bad Commit XID"},
      {Header(0, 0) + FromHex("0c0578"), "Corruption: bad Rollback XID"},
      {Header(0, 1) + FromHex("01016b017600"),
       "Corruption: bad WriteBatch Delete"},
  };
  for (const Case& c : cases) {
    WriteBatch b(c.rep);
    test::TraceHandler handler;
    EXPECT_EQ(c.status, b.Iterate(&handler).ToString()) << ToHex(c.rep);
  }
}

TEST(WriteBatchIterateTest, CountIsCheckedAfterTheLastRecord) {
  EXPECT_EQ("Corruption: WriteBatch has wrong count|Put(0,6B,76)",
            ReplayBytes(Header(0, 2) + FromHex("01016b0176")));
  EXPECT_EQ("Corruption: WriteBatch has wrong count|Put(0,6B,76)Put(0,6B,76)",
            ReplayBytes(Header(0, 1) + FromHex("01016b017601016b0176")));
  EXPECT_EQ("OK|LogData(78)", ReplayBytes(Header(0, 0) + FromHex("030178")));
  // A CF tag naming family 0 is accepted.
  EXPECT_EQ("OK|Put(0,6B,76)",
            ReplayBytes(Header(0, 1) + FromHex("0500016b0176")));
}

class StopAfter : public test::TraceHandler {
 public:
  explicit StopAfter(int n) : left_(n) {}
  bool Continue() override {
    trace += "?";
    return left_-- > 0;
  }

 private:
  int left_;
};

TEST(WriteBatchIterateTest, ContinueStopsEarlyWithoutCountCheck) {
  WriteBatch b;
  b.Put("a", "1");
  b.PutLogData("L");
  b.Put("c", "3");
  const char* expected[] = {"?", "?Put(0,61,31)?", "?Put(0,61,31)?LogData(4C)?",
                            "?Put(0,61,31)?LogData(4C)?Put(0,63,33)"};
  for (int n = 0; n < 4; ++n) {
    StopAfter handler(n);
    EXPECT_TRUE(b.Iterate(&handler).ok());
    EXPECT_EQ(expected[n], handler.trace);
  }
  WriteBatch wrong(Header(0, 5) + FromHex("01016b017601016b0176"));
  StopAfter handler(1);
  EXPECT_TRUE(wrong.Iterate(&handler).ok());
}

// Returns TryAgain the first `failures` times it sees key "try".
class Retrying : public test::TraceHandler {
 public:
  explicit Retrying(int failures) : failures_(failures) {}
  Status PutCF(uint32_t cf, const Slice& k, const Slice& v) override {
    TraceHandler::PutCF(cf, k, v);
    if (k == Slice("try") && failures_-- > 0) return Status::TryAgain("x");
    return Status::OK();
  }

 private:
  int failures_;
};

TEST(WriteBatchIterateTest, TryAgainRetriesTheRecordOnce) {
  WriteBatch b;
  b.Put("a", "1");
  b.Put("try", "2");
  Retrying once(1);
  ASSERT_TRUE(b.Iterate(&once).ok());
  EXPECT_EQ("Put(0,61,31)Put(0,747279,32)Put(0,747279,32)", once.trace);

  // RocksDB asserts on a second TryAgain in a row; we return it.
  Retrying twice(2);
  EXPECT_TRUE(b.Iterate(&twice).IsTryAgain());

  // Continue() is asked before the retry; stopping returns the TryAgain.
  class StopOnRetry : public Retrying {
   public:
    StopOnRetry() : Retrying(1) {}
    bool Continue() override { return calls_++ < 2; }
    int calls_ = 0;
  } stop;
  EXPECT_TRUE(b.Iterate(&stop).IsTryAgain());
}

TEST(WriteBatchIterateTest, WritePolicyChecks) {
  using State = int;  // 0 unknown, 1 disabled, 2 enabled
  class Policy : public test::TraceHandler {
   public:
    Policy(State after_commit, State before_prepare)
        : after_commit_(after_commit), before_prepare_(before_prepare) {}
    OptionState WriteAfterCommit() const override {
      return static_cast<OptionState>(after_commit_);
    }
    OptionState WriteBeforePrepare() const override {
      return static_cast<OptionState>(before_prepare_);
    }

   private:
    State after_commit_, before_prepare_;
  };
  const std::string kHint =
      " If it is not due to corruption, the WAL must be emptied before "
      "changing the WritePolicy.";
  const std::string wc_wac =
      "Not implemented: WriteCommitted txn tag when write_after_commit_ is "
      "disabled (in WritePrepared/WriteUnprepared mode)." +
      kHint;
  const std::string wc_wbp =
      "Not implemented: WriteCommitted txn tag when write_before_prepare_ is "
      "enabled (in WriteUnprepared mode)." +
      kHint;
  const std::string wp_wac =
      "Not implemented: WritePrepared/WriteUnprepared txn tag when "
      "write_after_commit_ is enabled (in default WriteCommitted mode)." +
      kHint;
  const std::string wu_wac =
      "Not implemented: WriteUnprepared txn tag when write_after_commit_ is "
      "enabled (in default WriteCommitted mode)." +
      kHint;
  const std::string wu_wbp =
      "Not implemented: WriteUnprepared txn tag when write_before_prepare_ is "
      "disabled (in WriteCommitted/WritePrepared mode)." +
      kHint;
  struct Case {
    const char* tag;
    State wac, wbp;
    std::string status;
  } cases[] = {
      {"09", 0, 0, "OK"},   {"09", 1, 0, wc_wac}, {"09", 1, 2, wc_wac},
      {"09", 0, 2, wc_wbp}, {"09", 2, 1, "OK"},   {"12", 2, 0, wp_wac},
      {"12", 1, 2, "OK"},   {"12", 0, 0, "OK"},   {"13", 2, 1, wu_wac},
      {"13", 0, 1, wu_wbp}, {"13", 1, 2, "OK"},   {"13", 0, 0, "OK"},
  };
  for (const Case& c : cases) {
    WriteBatch b(Header(0, 1) + FromHex(std::string(c.tag) + "01016b0176"));
    Policy handler(c.wac, c.wbp);
    EXPECT_EQ(c.status, b.Iterate(&handler).ToString()) << c.tag;
    EXPECT_EQ(0u, handler.trace.find("BeginPrepare"));  // called first
  }
}

TEST(WriteBatchIterateTest, InternalHeaderAndAppend) {
  WriteBatch a;
  a.Put("a", "1");
  WriteBatchInternal::SetSequence(&a, 0x1122334455667788ull);
  EXPECT_EQ(0x1122334455667788ull, WriteBatchInternal::Sequence(&a));
  EXPECT_EQ("887766554433221101000000", ToHex(a.Data()).substr(0, 24));

  WriteBatch b;
  b.Delete("b");
  b.MarkWalTerminationPoint();
  b.Merge("c", "d");
  ASSERT_TRUE(WriteBatchInternal::Append(&a, &b, /*wal_only=*/true).ok());
  EXPECT_EQ(2u, a.Count());
  EXPECT_EQ("OK|Put(0,61,31)Delete(0,62)", Replay(a));
  ASSERT_TRUE(WriteBatchInternal::Append(&a, &b).ok());
  EXPECT_EQ(4u, a.Count());
  EXPECT_TRUE(a.HasMerge());
  EXPECT_EQ(WriteBatchInternal::AppendedByteSize(17, 15), 20u);

  WriteBatch c;
  EXPECT_TRUE(
      WriteBatchInternal::SetContents(&c, Slice("short")).IsCorruption());
  ASSERT_TRUE(WriteBatchInternal::SetContents(&c, a.Data()).ok());
  EXPECT_EQ(a.Data(), c.Data());
  EXPECT_TRUE(c.HasDelete());

  // Checksums follow replaced contents and appends.
  WriteBatch protected_batch(0, 0, 8, 0);
  ASSERT_TRUE(WriteBatchInternal::SetContents(&protected_batch, a.Data()).ok());
  ASSERT_TRUE(WriteBatchInternal::Append(&protected_batch, &b).ok());
  EXPECT_EQ(6u, protected_batch.Count());
  EXPECT_TRUE(protected_batch.VerifyChecksum().ok());
}

TEST(WriteBatchIterateTest, InternalMarkers) {
  WriteBatch b;
  EXPECT_TRUE(WriteBatchInternal::MarkEndPrepare(&b, "x").IsInvalidArgument());
  ASSERT_TRUE(WriteBatchInternal::InsertNoop(&b).ok());
  b.Put("k", "v");
  ASSERT_TRUE(WriteBatchInternal::MarkEndPrepare(&b, "xid").ok());
  EXPECT_EQ("OK|BeginPrepare(0)Put(0,6B,76)EndPrepare(786964)", Replay(b));
  EXPECT_TRUE(b.HasBeginPrepare() && b.HasEndPrepare());

  WriteBatch u;
  WriteBatchInternal::InsertNoop(&u);
  ASSERT_TRUE(WriteBatchInternal::MarkEndPrepare(&u, "x", false, true).ok());
  ASSERT_TRUE(WriteBatchInternal::MarkCommit(&u, "x").ok());
  ASSERT_TRUE(WriteBatchInternal::MarkCommitWithTimestamp(&u, "x", "ts").ok());
  ASSERT_TRUE(WriteBatchInternal::MarkRollback(&u, "y").ok());
  ASSERT_TRUE(WriteBatchInternal::PutBlobIndex(&u, 3, "k", "i").ok());
  EXPECT_EQ(
      "OK|BeginPrepare(1)EndPrepare(78)Commit(78)CommitTs(78,7473)"
      "Rollback(79)BlobIndex(3,6B,69)",
      Replay(u));
  EXPECT_EQ(0x1e0u | 0x800u | 0x400u, WriteBatchInternal::GetContentFlags(&u));
}

TEST(WriteBatchIterateTest, IterateARange) {
  WriteBatch b;
  b.Put("a", "1");
  const size_t mid = b.GetDataSize();
  b.Put("b", "2");
  test::TraceHandler handler;
  ASSERT_TRUE(
      WriteBatchInternal::Iterate(&b, &handler, mid, b.GetDataSize()).ok());
  EXPECT_EQ("Put(0,62,32)", handler.trace);
  EXPECT_TRUE(WriteBatchInternal::Iterate(&b, &handler, 3, 4).IsCorruption());
}

// Random damage to valid batches: Iterate and the other parsers return a
// Status and never crash or read out of bounds.
TEST(WriteBatchIterateTest, MutatedBatchesNeverCrash) {
  FakeColumnFamily cf(7);
  Random rnd(301);
  for (int iter = 0; iter < 2000; ++iter) {
    WriteBatch b;
    for (int i = 0; i < 4; ++i) {
      const std::string k(rnd.Uniform(5), 'k'), v(rnd.Uniform(200), 'v');
      switch (rnd.Uniform(6)) {
        case 0:
          b.Put(&cf, k, v);
          break;
        case 1:
          b.Delete(k);
          break;
        case 2:
          b.DeleteRange(&cf, k, v);
          break;
        case 3:
          b.Merge(k, v);
          break;
        case 4:
          b.PutLogData(v);
          break;
        default:
          b.PutEntity(&cf, k, {{k, v}});
          break;
      }
    }
    std::string rep = b.Data();
    const int damage = 1 + static_cast<int>(rnd.Uniform(3));
    for (int d = 0; d < damage && !rep.empty(); ++d) {
      const size_t pos = rnd.Uniform(static_cast<int>(rep.size()));
      switch (rnd.Uniform(3)) {
        case 0:
          rep[pos] = static_cast<char>(rnd.Uniform(256));
          break;
        case 1:
          rep.resize(pos);
          break;
        default:
          rep.insert(pos, 1, static_cast<char>(rnd.Uniform(256)));
      }
    }
    WriteBatch damaged(rep);
    test::TraceHandler handler;
    Status s = damaged.Iterate(&handler);
    (void)s;
    (void)damaged.HasPut();
    (void)damaged.UpdateTimestamps("TS", [](uint32_t) { return 2; });
    WriteBatch copy(damaged);
    copy.Put("x", "y");
    (void)copy.Iterate(&handler);
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
