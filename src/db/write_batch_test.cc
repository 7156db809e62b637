// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatch construction: the exact bytes of every update (vectors
// observed from RocksDB 7.8.3), counts, content flags, save points,
// max_bytes, copies, timestamps and per-record checksums.

#include "rocksdb/write_batch.h"

#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "db/write_batch_internal.h"
#include "db/write_batch_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::FakeColumnFamily;
using test::FromHex;
using test::Header;
using test::Replay;
using test::ToHex;

const std::string kEmptyHex = "000000000000000000000000";

std::string Flags(const WriteBatch& b) {
  std::string f;
  f += b.HasPut() ? "P" : "-";
  f += b.HasPutEntity() ? "E" : "-";
  f += b.HasDelete() ? "D" : "-";
  f += b.HasSingleDelete() ? "S" : "-";
  f += b.HasDeleteRange() ? "R" : "-";
  f += b.HasMerge() ? "M" : "-";
  f += b.HasBeginPrepare() ? "b" : "-";
  f += b.HasEndPrepare() ? "e" : "-";
  f += b.HasCommit() ? "c" : "-";
  f += b.HasRollback() ? "r" : "-";
  return f;
}

uint32_t RawFlags(WriteBatch* b) {
  b->MarkWalTerminationPoint();
  return b->GetWalTerminationPoint().content_flags;
}

TEST(WriteBatchTest, EmptyBatchIsAZeroHeader) {
  WriteBatch b;
  EXPECT_EQ(kEmptyHex, ToHex(b.Data()));
  EXPECT_EQ(12u, b.GetDataSize());
  EXPECT_EQ(0u, b.Count());
  EXPECT_EQ("----------", Flags(b));
  EXPECT_EQ("OK|", Replay(b));
  WriteBatch reserved(100);
  EXPECT_EQ(12u, reserved.GetDataSize());
}

TEST(WriteBatchTest, PutBytesForDefaultAndOtherFamilies) {
  FakeColumnFamily cf0(0), cf1(1), cf300(300);
  WriteBatch b;
  ASSERT_TRUE(b.Put("a", "1").ok());
  ASSERT_TRUE(b.Put(&cf0, "b", "2").ok());
  ASSERT_TRUE(b.Put(&cf1, "c", "3").ok());
  ASSERT_TRUE(b.Put(&cf300, "d", "4").ok());
  EXPECT_EQ(
      "000000000000000004000000"
      "0101610131"
      "0101620132"
      "050101630133"
      "05ac0201640134",
      ToHex(b.Data()));
  EXPECT_EQ(4u, b.Count());
  EXPECT_EQ("P---------", Flags(b));
}

TEST(WriteBatchTest, SpecWorkedExample) {
  // ROCKSDB_FORMAT_SPEC.md 3.3, first record of samples/03_*/000004.log.
  FakeColumnFamily cf1(1);
  WriteBatch b;
  b.Put("a", "1");
  b.Delete("b");
  b.SingleDelete("c");
  b.Merge("d", "x");
  b.DeleteRange("e", "f");
  b.PutLogData("blob");
  b.Put(&cf1, "k", "v");
  b.Delete(&cf1, "k2");
  b.SingleDelete(&cf1, "k3");
  b.Merge(&cf1, "k4", "m");
  b.DeleteRange(&cf1, "r1", "r2");
  WriteBatchInternal::SetSequence(&b, 1);
  EXPECT_EQ(
      "01000000000000000a000000"
      "0101610131"
      "000162"
      "070163"
      "0201640178"
      "0f01650166"
      "0304626c6f62"
      "0501016b0176"
      "0401026b32"
      "0801026b33"
      "0601026b34016d"
      "0e01027231027232",
      ToHex(b.Data()));
  EXPECT_EQ(70u, b.GetDataSize());
  EXPECT_EQ(10u, b.Count());
  EXPECT_EQ(1u, WriteBatchInternal::Sequence(&b));
  EXPECT_EQ("P-DSRM----", Flags(b));
}

TEST(WriteBatchTest, SlicePartsAreConcatenated) {
  FakeColumnFamily cf1(1);
  Slice key[2] = {"ab", "cd"};
  Slice value[3] = {"x", "", "yz"};
  WriteBatch b;
  ASSERT_TRUE(b.Put(SliceParts(key, 2), SliceParts(value, 3)).ok());
  ASSERT_TRUE(b.Delete(SliceParts(key, 2)).ok());
  ASSERT_TRUE(b.SingleDelete(&cf1, SliceParts(key, 2)).ok());
  ASSERT_TRUE(
      b.DeleteRange(&cf1, SliceParts(key, 1), SliceParts(value, 3)).ok());
  ASSERT_TRUE(b.Merge(SliceParts(key, 2), SliceParts(value, 3)).ok());
  EXPECT_EQ(
      "000000000000000005000000"
      "0104616263640378797a"
      "000461626364"
      "08010461626364"
      "0e010261620378797a"
      "0204616263640378797a",
      ToHex(b.Data()));
  EXPECT_EQ(5u, b.Count());
}

TEST(WriteBatchTest, PutEntitySortsColumnsAndNeedsAHandle) {
  FakeColumnFamily cf0(0), cf1(1);
  WriteBatch b;
  WideColumns columns{{"c1", "v1"}, {"", "dv"}, {"a", "zz"}};
  ASSERT_TRUE(b.PutEntity(&cf0, "k", columns).ok());
  EXPECT_EQ(
      "000000000000000001000000"
      "16016b11010300020161020263310264767a7a7631",
      ToHex(b.Data()));
  ASSERT_TRUE(b.PutEntity(&cf1, "k2", WideColumns{}).ok());
  EXPECT_EQ("1701026b32020100", ToHex(b.Data()).substr(24 + 42));
  EXPECT_EQ("-E--------", Flags(b));
  EXPECT_EQ(2u, b.Count());

  EXPECT_EQ(
      "Invalid argument: Cannot call this method without a column family "
      "handle",
      b.PutEntity(nullptr, "k3", columns).ToString());
  EXPECT_EQ("Corruption: Wide columns out of order",
            b.PutEntity(&cf0, "k", {{"a", "1"}, {"a", "2"}}).ToString());
  EXPECT_EQ(2u, b.Count());
}

TEST(WriteBatchTest, PutEntityLargeSizesUseVarints) {
  FakeColumnFamily cf0(0);
  WriteBatch b;
  std::string name(200, 'n'), value(300, 'v');
  ASSERT_TRUE(b.PutEntity(&cf0, "k", {{name, value}, {"b", ""}}).ok());
  EXPECT_EQ(
      "16016bfd03"
      "0102"
      "016200"
      "c801" +
          ToHex(name) + "ac02" + ToHex(value),
      ToHex(b.Data()).substr(24));
}

TEST(WriteBatchTest, LogDataIsNotCounted) {
  WriteBatch b;
  ASSERT_TRUE(b.PutLogData("blob").ok());
  EXPECT_EQ(kEmptyHex + "0304626c6f62", ToHex(b.Data()));
  EXPECT_EQ(0u, b.Count());
  EXPECT_EQ("----------", Flags(b));
  EXPECT_EQ("OK|LogData(626C6F62)", Replay(b));
}

TEST(WriteBatchTest, RawContentFlagValues) {
  // SavePoint::content_flags exposes the flag bits; they match RocksDB.
  FakeColumnFamily cf1(1);
  struct Case {
    std::function<void(WriteBatch*)> op;
    uint32_t flags;
  } cases[] = {
      {[](WriteBatch* b) { b->Put("a", "b"); }, 0x2},
      {[](WriteBatch* b) { b->Delete("a"); }, 0x4},
      {[](WriteBatch* b) { b->SingleDelete("a"); }, 0x8},
      {[](WriteBatch* b) { b->Merge("a", "b"); }, 0x10},
      {[](WriteBatch* b) { b->DeleteRange("a", "b"); }, 0x200},
      {[&](WriteBatch* b) { b->PutEntity(&cf1, "a", {}); }, 0x1000},
      {[](WriteBatch* b) { b->PutLogData("a"); }, 0x0},
  };
  for (const Case& c : cases) {
    WriteBatch b;
    c.op(&b);
    EXPECT_EQ(c.flags, RawFlags(&b));
  }
}

TEST(WriteBatchTest, FlagsOfABatchBuiltFromBytesAreComputedLazily) {
  WriteBatch b(Header(0, 1) + FromHex("01016b0176"));
  EXPECT_EQ(0x1u, RawFlags(&b));  // deferred
  EXPECT_TRUE(b.HasPut());
  EXPECT_EQ(0x2u, RawFlags(&b));

  WriteBatch c(Header(0, 1) + FromHex("01016b0176"));
  c.Delete("x");
  EXPECT_EQ(0x5u, RawFlags(&c));  // deferred | delete
  EXPECT_EQ("P-D-------", Flags(c));
  EXPECT_EQ(0x6u, RawFlags(&c));

  WriteBatch markers(Header(0, 0) + FromHex("090a01780b01780c0178"));
  EXPECT_EQ("------becr", Flags(markers));
  EXPECT_EQ(0x1e0u, RawFlags(&markers));
  WriteBatch unprepare(Header(0, 0) + FromHex("13"));
  EXPECT_EQ(0x820u, (unprepare.HasPut(), RawFlags(&unprepare)));
  WriteBatch commit_ts(Header(0, 0) + FromHex("1501740178"));
  EXPECT_EQ("--------c-", Flags(commit_ts));
  WriteBatch blob(Header(0, 1) + FromHex("11016b0176"));
  EXPECT_EQ(0x400u, (blob.HasPut(), RawFlags(&blob)));
  // A malformed tail does not hide the flags of the records before it.
  WriteBatch bad(Header(0, 2) + FromHex("01016b01767f"));
  EXPECT_EQ("P---------", Flags(bad));
}

TEST(WriteBatchTest, SavePoints) {
  WriteBatch b;
  EXPECT_EQ("NotFound: ", b.RollbackToSavePoint().ToString());
  EXPECT_EQ("NotFound: ", b.PopSavePoint().ToString());

  b.Put("a", "1");
  b.SetSavePoint();
  b.Delete("b");
  b.SetSavePoint();
  b.Merge("c", "d");
  b.PutLogData("L");
  EXPECT_EQ("P-D--M----", Flags(b));

  ASSERT_TRUE(b.RollbackToSavePoint().ok());
  EXPECT_EQ(
      "000000000000000002000000"
      "0101610131"
      "000162",
      ToHex(b.Data()));
  EXPECT_EQ(2u, b.Count());
  EXPECT_EQ("P-D-------", Flags(b));

  ASSERT_TRUE(b.RollbackToSavePoint().ok());
  EXPECT_EQ(
      "000000000000000001000000"
      "0101610131",
      ToHex(b.Data()));
  EXPECT_EQ("P---------", Flags(b));
  EXPECT_TRUE(b.RollbackToSavePoint().IsNotFound());
  EXPECT_EQ(1u, b.Count());
}

TEST(WriteBatchTest, PopSavePointKeepsTheUpdates) {
  WriteBatch b;
  b.Put("a", "1");
  b.SetSavePoint();
  b.Put("b", "2");
  ASSERT_TRUE(b.PopSavePoint().ok());
  EXPECT_EQ(2u, b.Count());
  EXPECT_TRUE(b.RollbackToSavePoint().IsNotFound());
  EXPECT_EQ(2u, b.Count());
}

TEST(WriteBatchTest, ClearDropsSavePointsAndWalTerminationPoint) {
  WriteBatch b;
  WriteBatchInternal::SetSequence(&b, 77);
  b.SetSavePoint();
  b.Put("a", "1");
  b.MarkWalTerminationPoint();
  EXPECT_EQ(17u, b.GetWalTerminationPoint().size);
  EXPECT_EQ(1, b.GetWalTerminationPoint().count);
  b.Clear();
  EXPECT_EQ(kEmptyHex, ToHex(b.Data()));  // the sequence is reset too
  EXPECT_TRUE(b.GetWalTerminationPoint().is_cleared());
  EXPECT_TRUE(b.RollbackToSavePoint().IsNotFound());
}

TEST(WriteBatchTest, RollbackLeavesWalTerminationPointAlone) {
  WriteBatch b;
  b.Put("a", "1");
  b.SetSavePoint();
  b.Put("b", "2");
  b.MarkWalTerminationPoint();
  ASSERT_TRUE(b.RollbackToSavePoint().ok());
  EXPECT_EQ(22u, b.GetWalTerminationPoint().size);
  EXPECT_EQ(2, b.GetWalTerminationPoint().count);
}

TEST(WriteBatchTest, CopiesCarrySavePoints) {
  WriteBatch b;
  b.Put("a", "1");
  b.SetSavePoint();
  b.Put("b", "2");
  b.MarkWalTerminationPoint();
  const std::string one =
      "000000000000000001000000"
      "0101610131";

  WriteBatch copy(b);
  EXPECT_EQ(b.Data(), copy.Data());
  EXPECT_EQ(22u, copy.GetWalTerminationPoint().size);
  ASSERT_TRUE(copy.RollbackToSavePoint().ok());
  EXPECT_EQ(one, ToHex(copy.Data()));
  EXPECT_EQ(2u, b.Count());  // the source keeps its own save point

  WriteBatch assigned;
  assigned = b;
  ASSERT_TRUE(assigned.RollbackToSavePoint().ok());
  EXPECT_EQ(one, ToHex(assigned.Data()));

  WriteBatch moved(std::move(b));
  ASSERT_TRUE(moved.RollbackToSavePoint().ok());
  EXPECT_EQ(one, ToHex(moved.Data()));

  WriteBatch move_assigned;
  move_assigned = std::move(moved);
  EXPECT_EQ(one, ToHex(move_assigned.Data()));
}

TEST(WriteBatchTest, MaxBytesRejectsUpdatesThatDoNotFit) {
  WriteBatch b(0, 20);
  ASSERT_TRUE(b.Put("a", "1").ok());
  EXPECT_EQ(17u, b.GetDataSize());
  const std::string before = b.Data();
  for (Status s : {b.Put("bbbbbbbbb", "1"), b.PutLogData("xxxxxxxxxxxxxxx"),
                   b.Delete("abcdefgh"), b.Merge("abc", "defgh")}) {
    EXPECT_TRUE(s.IsMemoryLimit());
    EXPECT_EQ("Operation aborted: Memory limit reached", s.ToString());
  }
  EXPECT_EQ(before, b.Data());
  EXPECT_EQ(1u, b.Count());
  EXPECT_EQ("P---------", Flags(b));
  b.SetMaxBytes(0);
  EXPECT_TRUE(b.Put("bbbbbbbbb", "1").ok());
  EXPECT_EQ(2u, b.Count());

  WriteBatch tiny(0, 5);
  EXPECT_TRUE(tiny.Put("a", "b").IsMemoryLimit());
  EXPECT_EQ(kEmptyHex, ToHex(tiny.Data()));
}

TEST(WriteBatchTest, TimestampOverloads) {
  test::TimestampComparator ts8(8);
  FakeColumnFamily cf_ts(1, &ts8), cf0_ts(0, &ts8), plain(3);
  WriteBatch b;
  EXPECT_EQ("Invalid argument: timestamp disabled",
            b.Put(&plain, "k", "ts", "v").ToString());
  EXPECT_EQ("Invalid argument: column family handle cannot be null",
            b.Put(nullptr, "k", "ts", "v").ToString());
  EXPECT_EQ("Invalid argument: timestamp size mismatch",
            b.Put(&cf_ts, "k", "123", "v").ToString());
  EXPECT_EQ("Invalid argument: timestamp disabled",
            b.Delete(&plain, "k", "ts").ToString());
  EXPECT_EQ("Invalid argument: timestamp disabled",
            b.SingleDelete(&plain, "k", "ts").ToString());
  EXPECT_EQ("Invalid argument: timestamp disabled",
            b.DeleteRange(&plain, "k", "l", "ts").ToString());
  EXPECT_EQ("Not implemented: Merge does not support user-defined timestamp",
            b.Merge(&cf_ts, "k", "12345678", "v").ToString());
  EXPECT_EQ(kEmptyHex, ToHex(b.Data()));

  ASSERT_TRUE(b.Put(&cf_ts, "k", "12345678", "v").ok());
  ASSERT_TRUE(b.Put(&cf_ts, "k", "v").ok());  // zero placeholder
  ASSERT_TRUE(b.DeleteRange(&cf_ts, "a", "b", "abcdefgh").ok());
  ASSERT_TRUE(b.Put(&cf0_ts, "k", "12345678", "v").ok());
  EXPECT_EQ(
      "000000000000000004000000"
      "0501096b31323334353637380176"
      "0501096b00000000000000000176"
      "0e010961616263646566676809626162636465666768"
      "01096b31323334353637380176",
      ToHex(b.Data()));

  const std::string ts_family_error =
      "Invalid argument: Cannot call this method on column family enabling "
      "timestamp";
  Slice parts[2] = {"p", "12345678"};
  EXPECT_EQ(ts_family_error, b.Merge(&cf_ts, "k", "v").ToString());
  EXPECT_EQ(
      ts_family_error,
      b.Put(&cf_ts, SliceParts(parts, 2), SliceParts(parts, 1)).ToString());
  EXPECT_EQ(ts_family_error, b.Delete(&cf_ts, SliceParts(parts, 2)).ToString());
  EXPECT_EQ(ts_family_error, b.PutEntity(&cf_ts, "e", {}).ToString());
  EXPECT_EQ(4u, b.Count());
}

TEST(WriteBatchTest, DefaultFamilyTimestampSize) {
  WriteBatch b(0, 0, 0, 8);
  ASSERT_TRUE(b.Put("k", "v").ok());
  ASSERT_TRUE(b.Delete("d").ok());
  EXPECT_FALSE(b.Merge("m", "x").ok());
  EXPECT_EQ(
      "000000000000000002000000"
      "01096b00000000000000000176"
      "0009640000000000000000",
      ToHex(b.Data()));
}

TEST(WriteBatchTest, UpdateTimestamps) {
  test::TimestampComparator ts8(8), ts4(4);
  FakeColumnFamily cf8(1, &ts8), cf4(2, &ts4), plain(3);
  auto sizes = [](uint32_t cf) -> size_t {
    return cf == 1 ? 8 : cf == 2 ? 4 : 0;
  };
  WriteBatch b;
  b.Put(&cf8, "k", "v");
  b.DeleteRange(&cf8, "a", "b");
  b.Put(&plain, "x", "y");
  b.PutLogData("log");
  ASSERT_TRUE(b.UpdateTimestamps("TTTTTTTT", sizes).ok());
  EXPECT_EQ(
      "000000000000000003000000"
      "0501096b54545454545454540176"
      "0e010961545454545454545409625454545454545454"
      "050301780179"
      "03036c6f67",
      ToHex(b.Data()));

  // A size mismatch fails after updating the records before it.
  b.Put(&cf4, "z", "w");
  b.Put(&cf8, "q", "w");
  EXPECT_EQ("Invalid argument: timestamp size mismatch",
            b.UpdateTimestamps("UUUUUUUU", sizes).ToString());
  EXPECT_NE(std::string::npos, ToHex(b.Data()).find("5555555555555555"));
  EXPECT_EQ("NotFound: ", b.UpdateTimestamps("VVVVVVVV", [](uint32_t) {
                             return std::numeric_limits<size_t>::max();
                           }).ToString());
}

TEST(WriteBatchTest, UpdateTimestampsEdgeCases) {
  FakeColumnFamily cf1(1);
  WriteBatch entity;
  entity.PutEntity(&cf1, "e", {});
  EXPECT_EQ(
      "Not implemented: PutEntityCF not implemented",
      entity.UpdateTimestamps("T", [](uint32_t) { return 1; }).ToString());

  WriteBatch plain;
  plain.Put("k", "v");
  ASSERT_TRUE(plain.UpdateTimestamps("TT", [](uint32_t) { return 0; }).ok());
  EXPECT_EQ(
      "000000000000000001000000"
      "01016b0176",
      ToHex(plain.Data()));
  // Deliberate divergence: a key shorter than the timestamp is refused.
  WriteBatch short_key;
  short_key.Put("", "v");
  EXPECT_TRUE(short_key.UpdateTimestamps("TT", [](uint32_t) { return 2; })
                  .IsInvalidArgument());
  EXPECT_EQ(
      "000000000000000001000000"
      "01000176",
      ToHex(short_key.Data()));

  WriteBatch wrong_count(Header(0, 2) + FromHex("01016b0176"));
  EXPECT_EQ(
      "Corruption: WriteBatch has wrong count",
      wrong_count.UpdateTimestamps("T", [](uint32_t) { return 1; }).ToString());
  WriteBatch too_small(std::string(3, '\0'));
  EXPECT_EQ(
      "Corruption: malformed WriteBatch (too small)",
      too_small.UpdateTimestamps("T", [](uint32_t) { return 1; }).ToString());
}

// Lets a test damage the bytes behind a batch's checksums.
class DamagedBatch : public WriteBatch {
 public:
  using WriteBatch::WriteBatch;
  void Poke(size_t i, char c) { rep_[i] = c; }
};

TEST(WriteBatchTest, ProtectionInfo) {
  EXPECT_EQ(0u, WriteBatch().GetProtectionBytesPerKey());
  EXPECT_TRUE(WriteBatch().VerifyChecksum().ok());
  WriteBatch b(0, 0, 8, 0);
  EXPECT_EQ(8u, b.GetProtectionBytesPerKey());
  b.Put("a", "b");
  b.Delete("c");
  b.SetSavePoint();
  b.Merge("m", "n");
  ASSERT_TRUE(b.RollbackToSavePoint().ok());
  EXPECT_TRUE(b.VerifyChecksum().ok());
  EXPECT_EQ(WriteBatch().Data().size() + 5 + 3, b.GetDataSize());
  WriteBatch copy(b);
  EXPECT_EQ(8u, copy.GetProtectionBytesPerKey());
  EXPECT_TRUE(copy.VerifyChecksum().ok());
  b.Clear();
  EXPECT_EQ(8u, b.GetProtectionBytesPerKey());
  EXPECT_EQ(0u, WriteBatch(std::string(12, '\0')).GetProtectionBytesPerKey());
  // Unsupported sizes leave protection off instead of aborting.
  EXPECT_EQ(0u, WriteBatch(0, 0, 4, 0).GetProtectionBytesPerKey());
}

TEST(WriteBatchTest, VerifyChecksumFindsDamage) {
  test::TimestampComparator ts8(8);
  FakeColumnFamily cf1(1), cf_ts(5, &ts8);
  struct Case {
    size_t offset;
    char byte;
    bool detected;
  } cases[] = {
      {15, 'X', true},     // key byte
      {12, '\x02', true},  // Put turned into Merge
      {0, 'X', false},     // the sequence is not protected
  };
  for (const Case& c : cases) {
    DamagedBatch b(0, 0, 8, 0);
    b.Put("key", "value");
    b.Poke(c.offset, c.byte);
    EXPECT_EQ(c.detected ? "Corruption: ProtectionInfo mismatch" : "OK",
              b.VerifyChecksum().ToString());
  }
  DamagedBatch cf(0, 0, 8, 0);
  cf.Put(&cf1, "key", "value");
  cf.Poke(13, '\x04');
  EXPECT_TRUE(cf.VerifyChecksum().IsCorruption());

  WriteBatch ts(0, 0, 8, 0);
  ts.Put(&cf_ts, "k", "v");
  ASSERT_TRUE(ts.UpdateTimestamps("12345678", [](uint32_t c) {
                  return c == 5 ? 8 : 0;
                }).ok());
  EXPECT_TRUE(ts.VerifyChecksum().ok());
}

TEST(WriteBatchTest, ShortRepsNeverCrash) {
  WriteBatch b(std::string("abc"));
  EXPECT_EQ(3u, b.GetDataSize());
  EXPECT_EQ(0u, b.Count());
  EXPECT_EQ("----------", Flags(b));
  EXPECT_TRUE(b.Put("k", "v").ok());
  EXPECT_EQ("61626301016b0176", ToHex(b.Data()));
  EXPECT_EQ(0u, b.Count());
  b.Clear();
  EXPECT_EQ(kEmptyHex, ToHex(b.Data()));
}

TEST(WriteBatchTest, GatherDefaultsOfTheBaseClass) {
  // WriteBatchBase's SliceParts overloads join the parts.
  class Recorder : public WriteBatch {
   public:
    using WriteBatch::Put;
    Status Put(ColumnFamilyHandle* cf, const SliceParts& key,
               const SliceParts& value) override {
      return WriteBatchBase::Put(cf, key, value);
    }
  };
  Recorder r;
  Slice key[2] = {"ab", "c"};
  Slice value[2] = {"", "v"};
  ASSERT_TRUE(r.Put(SliceParts(key, 2), SliceParts(value, 2)).ok());
  EXPECT_EQ("OK|Put(0,616263,76)", Replay(r));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
