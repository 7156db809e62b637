// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchWithIndex behaviour. Every expected value below was observed
// with RocksDB 7.8.3 running the same operations (with a real DB where we
// use test::FakeDB and test::VectorIterator).

#include "rocksdb/utilities/write_batch_with_index.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/options.h"
#include "utilities/utilities_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

const char* TypeName(WriteType type) {
  static const char* const kNames[] = {"Put",      "Merge", "Del", "SDel",
                                       "DelRange", "Log",   "XID", "Unk"};
  return kNames[type];
}

// "[Type key=value] ..." for every entry of the iterator, in order.
std::string Dump(WBWIIterator* raw) {
  std::unique_ptr<WBWIIterator> it(raw);
  std::string out;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    WriteEntry e = it->Entry();
    out += std::string("[") + TypeName(e.type) + " " + e.key.ToString() + "=" +
           e.value.ToString() + "]";
  }
  EXPECT_TRUE(it->status().ok());
  return out;
}

std::string Get(WriteBatchWithIndex* batch, ColumnFamilyHandle* cf,
                const std::string& key) {
  std::string value;
  Status s = batch->GetFromBatch(cf, DBOptions(), key, &value);
  return s.ok() ? "OK " + value : s.ToString();
}

// key=value pairs of an Iterator, forward or backward.
std::string Scan(Iterator* it, bool forward) {
  std::string out;
  if (forward) {
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out += it->key().ToString() + "=" + it->value().ToString() + " ";
    }
  } else {
    for (it->SeekToLast(); it->Valid(); it->Prev()) {
      out += it->key().ToString() + "=" + it->value().ToString() + " ";
    }
  }
  return out + it->status().ToString();
}

std::string At(Iterator* it) {
  return it->Valid() ? it->key().ToString() + "=" + it->value().ToString()
                     : "invalid";
}

// The batch used by several tests: writes to the default family.
void FillSample(WriteBatchWithIndex* b) {
  b->Put("b", "1");
  b->Put("a", "1");
  b->Put("b", "2");
  b->Delete("c");
  b->Merge("d", "m1");
  b->Merge("d", "m2");
  b->SingleDelete("e");
  b->PutLogData("blob");
  b->Put("e", "x");
}

TEST(WriteBatchWithIndexTest, IteratorKeepsEveryUpdate) {
  WriteBatchWithIndex b;
  FillSample(&b);
  EXPECT_EQ(b.GetWriteBatch()->Count(), 8u);
  EXPECT_EQ(b.GetDataSize(), 56u);
  EXPECT_EQ(Dump(b.NewIterator()),
            "[Put a=1][Put b=1][Put b=2][Del c=][Merge d=m1][Merge d=m2]"
            "[SDel e=][Put e=x]");

  std::unique_ptr<WBWIIterator> it(b.NewIterator());
  it->Seek("b");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->Entry().value.ToString(), "1");
  it->SeekForPrev("b");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->Entry().value.ToString(), "2");
  it->SeekToLast();
  EXPECT_EQ(it->Entry().value.ToString(), "x");
  it->Prev();
  EXPECT_EQ(it->Entry().type, kSingleDeleteRecord);
  it->Seek("f");
  EXPECT_FALSE(it->Valid());
  it->SeekForPrev("0");
  EXPECT_FALSE(it->Valid());
}

TEST(WriteBatchWithIndexTest, OverwriteKeyReplacesNewestNonMerge) {
  WriteBatchWithIndex b(BytewiseComparator(), 0, true);
  FillSample(&b);
  EXPECT_EQ(b.GetWriteBatch()->Count(), 8u);
  EXPECT_EQ(Dump(b.NewIterator()),
            "[Put a=1][Put b=2][Del c=][Merge d=m1][Merge d=m2][Put e=x]");
  std::unique_ptr<WBWIIterator> it(b.NewIterator());
  it->SeekToLast();
  it->Prev();
  EXPECT_EQ(it->Entry().value.ToString(), "m2");

  WriteBatchWithIndex c(BytewiseComparator(), 0, true);
  c.Put("p", "1");
  c.Merge("p", "m");
  c.Put("p", "2");
  c.Merge("p", "m2");
  c.Merge("p", "m3");
  c.Delete("p");
  c.Merge("p", "m4");
  c.Put("p", "3");
  EXPECT_EQ(Dump(c.NewIterator()),
            "[Put p=1][Put p=2][Merge p=m2][Del p=][Put p=3]");

  WriteBatchWithIndex d(BytewiseComparator(), 0, true);
  d.Merge("p", "m");
  d.Merge("p", "m2");
  d.Delete("p");
  d.SingleDelete("p");
  d.Put("q", "1");
  d.Delete("q");
  d.Merge("r", "1");
  d.Put("r", "2");
  EXPECT_EQ(Dump(d.NewIterator()), "[Merge p=m][SDel p=][Del q=][Put r=2]");
}

TEST(WriteBatchWithIndexTest, GetFromBatch) {
  for (bool overwrite : {false, true}) {
    WriteBatchWithIndex b(BytewiseComparator(), 0, overwrite);
    FillSample(&b);
    EXPECT_EQ(Get(&b, nullptr, "a"), "OK 1");
    EXPECT_EQ(Get(&b, nullptr, "b"), "OK 2");
    EXPECT_EQ(Get(&b, nullptr, "c"), "NotFound: ");
    EXPECT_EQ(Get(&b, nullptr, "d"), "Merge in progress: ");
    EXPECT_EQ(Get(&b, nullptr, "e"), "OK x");
    EXPECT_EQ(Get(&b, nullptr, "z"), "NotFound: ");
    b.Merge("a", "m");
    EXPECT_EQ(Get(&b, nullptr, "a"),
              "Invalid argument: Must provide a column_family");
  }
  WriteBatchWithIndex b;
  b.Delete("x");
  b.Merge("x", "m");
  EXPECT_EQ(Get(&b, nullptr, "x"),
            "Invalid argument: Must provide a column_family");
  b.Put("y", "p");
  b.Delete("y");
  EXPECT_EQ(Get(&b, nullptr, "y"), "NotFound: ");
  b.SingleDelete("y");
  b.Put("y", "again");
  EXPECT_EQ(Get(&b, nullptr, "y"), "OK again");
}

TEST(WriteBatchWithIndexTest, GetFromBatchWithColumnFamilies) {
  auto merge = std::make_shared<test::AppendMergeOperator>();
  test::FakeColumnFamilyHandle cf(0, "default", BytewiseComparator(), merge);
  test::FakeColumnFamilyHandle plain(1, "nm", BytewiseComparator(), nullptr);
  WriteBatchWithIndex b;
  b.Put(&cf, "b", "1");
  b.Merge(&cf, "b", "2");
  b.Merge(&cf, "a", "m");
  b.Delete(&cf, "c");
  b.Merge(&cf, "c", "after");
  EXPECT_EQ(Get(&b, &cf, "a"), "Merge in progress: ");
  EXPECT_EQ(Get(&b, &cf, "b"), "OK 1,2");
  EXPECT_EQ(Get(&b, &cf, "c"), "OK after");
  b.Merge(&cf, "b", "fail");
  EXPECT_TRUE(Get(&b, &cf, "b").find("Corruption") == 0);

  b.Put(&plain, "a", "1");
  b.Merge(&plain, "a", "2");
  b.Merge(&plain, "b", "2");
  EXPECT_EQ(Get(&b, &plain, "a"),
            "Invalid argument: Merge_operator must be set for column_family");
  EXPECT_EQ(Get(&b, &plain, "b"), "Merge in progress: ");
  // Families are separate: "a" of family 1 is not "a" of family 0.
  EXPECT_EQ(Get(&b, &plain, "c"), "NotFound: ");
}

TEST(WriteBatchWithIndexTest, ColumnFamilyComparators) {
  test::FakeColumnFamilyHandle rev(2, "rev", ReverseBytewiseComparator(),
                                   nullptr);
  test::FakeColumnFamilyHandle cf(0, "default", BytewiseComparator(), nullptr);
  WriteBatchWithIndex b;
  b.Put(&rev, "a", "1");
  b.Put(&rev, "c", "1");
  b.Put(&rev, "b", "1");
  b.Merge(&cf, "a", "m");
  b.Put(&cf, "b", "1");
  EXPECT_EQ(Dump(b.NewIterator(&rev)), "[Put c=1][Put b=1][Put a=1]");
  EXPECT_EQ(Dump(b.NewIterator(&cf)), "[Merge a=m][Put b=1]");
  EXPECT_EQ(Dump(b.NewIterator()), "[Merge a=m][Put b=1]");
  test::FakeColumnFamilyHandle empty(7, "empty", BytewiseComparator(), nullptr);
  EXPECT_EQ(Dump(b.NewIterator(&empty)), "");
}

TEST(WriteBatchWithIndexTest, IteratorSeesLaterWrites) {
  WriteBatchWithIndex b;
  std::unique_ptr<WBWIIterator> it(b.NewIterator());
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  b.Put("k", "v");
  it->SeekToFirst();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->Entry().key.ToString(), "k");
}

TEST(WriteBatchWithIndexTest, SavePoints) {
  for (bool overwrite : {false, true}) {
    WriteBatchWithIndex b(BytewiseComparator(), 0, overwrite);
    FillSample(&b);
    EXPECT_TRUE(b.RollbackToSavePoint().IsNotFound());
    EXPECT_EQ(b.GetWriteBatch()->Count(), 8u);  // unchanged
    EXPECT_TRUE(b.PopSavePoint().IsNotFound());

    b.SetSavePoint();
    b.Put("a", "after");
    b.Put("q", "q");
    b.Delete("e");
    ASSERT_TRUE(b.RollbackToSavePoint().ok());
    EXPECT_EQ(b.GetWriteBatch()->Count(), 8u);
    EXPECT_EQ(Get(&b, nullptr, "a"), "OK 1");
    EXPECT_EQ(Get(&b, nullptr, "q"), "NotFound: ");
    EXPECT_EQ(Get(&b, nullptr, "e"), "OK x");
    EXPECT_TRUE(b.RollbackToSavePoint().IsNotFound());
  }
  WriteBatchWithIndex b;
  b.Put("x", "1");
  b.SetSavePoint();
  b.SetSavePoint();
  EXPECT_TRUE(b.PopSavePoint().ok());
  b.Put("z", "1");
  ASSERT_TRUE(b.RollbackToSavePoint().ok());
  EXPECT_EQ(b.GetWriteBatch()->Count(), 1u);
  EXPECT_EQ(Dump(b.NewIterator()), "[Put x=1]");
}

TEST(WriteBatchWithIndexTest, RefusedAndUnsupportedWrites) {
  WriteBatchWithIndex b;
  const std::string null_cf =
      "Invalid argument: column family handle cannot be nullptr";
  EXPECT_EQ(b.Put(nullptr, "k", "ts", "v").ToString(), null_cf);
  EXPECT_EQ(b.Delete(nullptr, "k", "ts").ToString(), null_cf);
  EXPECT_EQ(b.SingleDelete(nullptr, "k", "ts").ToString(), null_cf);
  EXPECT_EQ(b.PutEntity(nullptr, "k", WideColumns()).ToString(),
            "Invalid argument: Cannot call this method without a column "
            "family handle");
  test::FakeColumnFamilyHandle cf(0, "default", BytewiseComparator(), nullptr);
  EXPECT_TRUE(b.PutEntity(&cf, "k", WideColumns()).IsNotSupported());
  EXPECT_EQ(b.DeleteRange("a", "b").ToString(),
            "Not implemented: DeleteRange unsupported in WriteBatchWithIndex");
  EXPECT_TRUE(b.Merge(&cf, "k", "ts", "v").IsNotSupported());
  EXPECT_EQ(b.GetWriteBatch()->Count(), 0u);
  EXPECT_EQ(Dump(b.NewIterator()), "");
}

TEST(WriteBatchWithIndexTest, SlicePartsWritesAreIndexed) {
  WriteBatchWithIndex b;
  Slice key_parts[2] = {"ke", "y"};
  Slice value_parts[2] = {"va", "lue"};
  ASSERT_TRUE(b.Put(SliceParts(key_parts, 2), SliceParts(value_parts, 2)).ok());
  EXPECT_EQ(Get(&b, nullptr, "key"), "OK value");
  ASSERT_TRUE(b.Delete(SliceParts(key_parts, 2)).ok());
  EXPECT_EQ(Get(&b, nullptr, "key"), "NotFound: ");
  EXPECT_EQ(Dump(b.NewIterator()), "[Put key=value][Del key=]");
}

TEST(WriteBatchWithIndexTest, ClearAndMaxBytes) {
  WriteBatchWithIndex b;
  FillSample(&b);
  b.Clear();
  EXPECT_EQ(b.GetWriteBatch()->Count(), 0u);
  EXPECT_EQ(b.GetDataSize(), 12u);
  EXPECT_EQ(Dump(b.NewIterator()), "");
  b.SetMaxBytes(30);
  Status s = b.Put("aaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbb");
  EXPECT_EQ(s.ToString(), "Operation aborted: Memory limit reached");
  EXPECT_EQ(b.GetWriteBatch()->Count(), 0u);
  EXPECT_EQ(Dump(b.NewIterator()), "");
  ASSERT_TRUE(b.Put("k", "v").ok());
  EXPECT_EQ(Dump(b.NewIterator()), "[Put k=v]");
}

TEST(WriteBatchWithIndexTest, MoveKeepsContents) {
  WriteBatchWithIndex b;
  b.Delete("x");
  b.Merge("x", "m");
  b.Put("y", "p");
  WriteBatchWithIndex moved(std::move(b));
  EXPECT_EQ(moved.GetWriteBatch()->Count(), 3u);
  WriteBatchWithIndex assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.GetWriteBatch()->Count(), 3u);
  EXPECT_EQ(Get(&assigned, nullptr, "y"), "OK p");
}

class WriteBatchWithIndexDBTest : public testing::Test {
 protected:
  WriteBatchWithIndexDBTest() {
    for (const char* k : {"a", "c", "e"}) {
      db_.Put(WriteOptions(), k, std::string("db") + k);
    }
    cf_ = db_.DefaultColumnFamily();
  }

  std::string GetBoth(WriteBatchWithIndex* b, const std::string& key) {
    std::string value;
    Status s = b->GetFromBatchAndDB(&db_, ReadOptions(), key, &value);
    PinnableSlice pinned;
    Status s2 = b->GetFromBatchAndDB(&db_, ReadOptions(), key, &pinned);
    EXPECT_EQ(s.ToString(), s2.ToString());
    if (s.ok()) {
      EXPECT_EQ(value, pinned.ToString());
    }
    return s.ok() ? "OK " + value : s.ToString();
  }

  test::FakeDB db_;
  ColumnFamilyHandle* cf_;
};

TEST_F(WriteBatchWithIndexDBTest, GetFromBatchAndDB) {
  WriteBatchWithIndex b;
  b.Put(cf_, "b", "1");
  b.Merge(cf_, "b", "2");
  b.Merge(cf_, "a", "m");
  b.Delete(cf_, "c");
  b.Merge(cf_, "d", "md");
  EXPECT_EQ(GetBoth(&b, "a"), "OK dba,m");
  EXPECT_EQ(GetBoth(&b, "b"), "OK 1,2");
  EXPECT_EQ(GetBoth(&b, "c"), "NotFound: ");
  EXPECT_EQ(GetBoth(&b, "d"), "OK md");
  EXPECT_EQ(GetBoth(&b, "e"), "OK dbe");
  EXPECT_EQ(GetBoth(&b, "z"), "NotFound: ");

  test::FakeColumnFamilyHandle plain(1, "nm", BytewiseComparator(), nullptr);
  b.Merge(&plain, "b", "2");
  std::string value;
  EXPECT_EQ(
      b.GetFromBatchAndDB(&db_, ReadOptions(), &plain, "b", &value).ToString(),
      "Invalid argument: Merge_operator must be set for column_family");
}

TEST_F(WriteBatchWithIndexDBTest, MultiGetFromBatchAndDB) {
  WriteBatchWithIndex b(BytewiseComparator(), 0, true);
  b.Put(cf_, "b", "1");
  b.Merge(cf_, "a", "m");
  b.Delete(cf_, "c");
  Slice keys[4] = {"a", "b", "c", "z"};
  PinnableSlice values[4];
  Status statuses[4];
  b.MultiGetFromBatchAndDB(&db_, ReadOptions(), cf_, 4, keys, values, statuses,
                           false);
  EXPECT_EQ(values[0].ToString(), "dba,m");
  EXPECT_EQ(values[1].ToString(), "1");
  EXPECT_TRUE(statuses[2].IsNotFound());
  EXPECT_TRUE(statuses[3].IsNotFound());
}

TEST_F(WriteBatchWithIndexDBTest, IteratorWithBase) {
  WriteBatchWithIndex b;
  b.Put(cf_, "b", "1");
  b.Merge(cf_, "b", "2");
  b.Merge(cf_, "a", "m");
  b.Delete(cf_, "c");
  b.Merge(cf_, "d", "md");
  std::unique_ptr<Iterator> it(
      b.NewIteratorWithBase(cf_, db_.NewIterator(ReadOptions(), cf_)));
  EXPECT_EQ(Scan(it.get(), true), "a=dba,m b=1,2 d=md e=dbe OK");

  WriteBatchWithIndex ob(BytewiseComparator(), 0, true);
  ob.Put(cf_, "b", "1");
  ob.Merge(cf_, "a", "m");
  ob.Delete(cf_, "c");
  ob.Put(cf_, "f", "F");
  it.reset(ob.NewIteratorWithBase(cf_, db_.NewIterator(ReadOptions(), cf_)));
  EXPECT_EQ(Scan(it.get(), true), "a=dba,m b=1 e=dbe f=F OK");
  EXPECT_EQ(Scan(it.get(), false), "f=F e=dbe b=1 a=dba,m OK");
}

TEST_F(WriteBatchWithIndexDBTest, IteratorWithBaseNeedsMergeOperator) {
  WriteBatchWithIndex b;
  b.Merge("a", "m");
  std::unique_ptr<Iterator> it(
      b.NewIteratorWithBase(db_.NewIterator(ReadOptions(), cf_)));
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().IsInvalidArgument());

  test::FakeColumnFamilyHandle plain(1, "nm", BytewiseComparator(), nullptr);
  WriteBatchWithIndex p;
  p.Put(&plain, "k", "v");
  it.reset(p.NewIteratorWithBase(
      &plain, new test::VectorIterator({}, BytewiseComparator())));
  EXPECT_EQ(Scan(it.get(), true), "k=v OK");  // no merge, no operator needed
}

// Moves in both directions, with and without an upper bound. Bounds follow
// RocksDB 7.8.3: the upper bound stops forward iteration only, the lower
// bound is left to the base iterator.
TEST_F(WriteBatchWithIndexDBTest, IteratorWithBaseMovesAndBounds) {
  for (const char* k : {"g", "i"}) {
    db_.Put(WriteOptions(), k, std::string("db") + k);
  }
  for (bool overwrite : {false, true}) {
    for (bool bounded : {false, true}) {
      SCOPED_TRACE(std::to_string(overwrite) + std::to_string(bounded));
      WriteBatchWithIndex b(BytewiseComparator(), 0, overwrite);
      b.Put(cf_, "b", "B");
      b.Delete(cf_, "c");
      b.Merge(cf_, "e", "m1");
      b.Merge(cf_, "e", "m2");
      b.Put(cf_, "f", "F");
      b.Merge(cf_, "f", "fm");
      b.Delete(cf_, "h");
      b.Delete(cf_, "i");
      b.Put(cf_, "i", "I");
      b.Merge(cf_, "j", "jm");
      b.Delete(cf_, "a");
      b.Merge(cf_, "a", "am");
      Slice upper("h");
      ReadOptions ro;
      ro.iterate_upper_bound = bounded ? &upper : nullptr;
      // The DB iterator would honour the bound itself; ours is unbounded,
      // which only makes the check stricter.
      std::unique_ptr<Iterator> it(
          b.NewIteratorWithBase(cf_, db_.NewIterator(ro, cf_), &ro));
      it->SeekToFirst();
      EXPECT_EQ(At(it.get()), "a=am");
      it->Next();
      EXPECT_EQ(At(it.get()), "b=B");
      it->Next();
      EXPECT_EQ(At(it.get()), "e=dbe,m1,m2");
      it->Prev();
      EXPECT_EQ(At(it.get()), "b=B");
      it->Prev();
      EXPECT_EQ(At(it.get()), "a=am");
      it->Prev();
      EXPECT_EQ(At(it.get()), "invalid");
      it->SeekToLast();
      EXPECT_EQ(At(it.get()), "j=jm");
      it->Prev();
      EXPECT_EQ(At(it.get()), "i=I");
      it->Seek("d");
      EXPECT_EQ(At(it.get()), "e=dbe,m1,m2");
      it->Seek("dd");
      EXPECT_EQ(At(it.get()), "e=dbe,m1,m2");
      it->SeekForPrev("g");
      EXPECT_EQ(At(it.get()), "g=dbg");
      it->SeekForPrev("gg");
      EXPECT_EQ(At(it.get()), "g=dbg");
      it->SeekForPrev("z");
      EXPECT_EQ(At(it.get()), "j=jm");
      it->Seek("0");
      EXPECT_EQ(At(it.get()), "a=am");
      it->Seek("z");
      EXPECT_EQ(At(it.get()), "invalid");
      it->SeekForPrev("0");
      EXPECT_EQ(At(it.get()), "invalid");
      EXPECT_EQ(Scan(it.get(), true),
                bounded ? "a=am b=B e=dbe,m1,m2 f=F,fm g=dbg OK"
                        : "a=am b=B e=dbe,m1,m2 f=F,fm g=dbg i=I j=jm OK");
      EXPECT_EQ(Scan(it.get(), false),
                "j=jm i=I g=dbg f=F,fm e=dbe,m1,m2 b=B a=am OK");
    }
  }
}

}  // namespace

// Outside the anonymous namespace: the class gtest generates is a friend of
// WriteBatchWithIndex (for the private SubBatchCnt()).
TEST(WriteBatchWithIndex, SubBatchCnt) {
  WriteBatchWithIndex plain;
  EXPECT_EQ(plain.SubBatchCnt(), 1u);
  plain.Put("a", "1");
  plain.Put("a", "2");
  EXPECT_EQ(plain.SubBatchCnt(), 1u);  // only overwrite mode splits

  WriteBatchWithIndex b(BytewiseComparator(), 0, true);
  b.Put("a", "1");
  b.Put("b", "1");
  b.Put("a", "2");
  EXPECT_EQ(b.SubBatchCnt(), 2u);
  b.Put("b", "2");  // not in the current sub-batch {a}
  EXPECT_EQ(b.SubBatchCnt(), 2u);
  b.Delete("c");
  b.Delete("c");
  EXPECT_EQ(b.SubBatchCnt(), 3u);

  WriteBatchWithIndex x(BytewiseComparator(), 0, true);
  x.Put("a", "1");
  x.SetSavePoint();
  x.Put("a", "2");
  x.Put("a", "3");
  EXPECT_EQ(x.SubBatchCnt(), 3u);
  ASSERT_TRUE(x.RollbackToSavePoint().ok());
  EXPECT_EQ(x.SubBatchCnt(), 1u);
  x.Merge("a", "m");
  x.Merge("a", "m");
  EXPECT_EQ(x.SubBatchCnt(), 3u);
}

}  // namespace ROCKSDB_NAMESPACE
