// Copyright (c) the rocksdb-cleanroom authors.
//
// DBIter over hand-built internal entries. Expected results come from
// RocksDB 7.8.3 (the same histories written through its DB API and read
// back with its iterator), including how many internal keys each step
// examines (max_skippable_internal_keys), and from a brute-force model in
// the randomized test.

#include "db/db_iter.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/range_del_aggregator.h"
#include "db/wide_column_serialization.h"
#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/statistics.h"
#include "table/internal_iterator_test_util.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::IKey;
using test::KVVector;
using test::VectorIterator;

// "[first,second,..." like the operator the expectations were taken with;
// an operand "FAIL" makes the merge fail.
class ConcatOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice& /*key*/, const Slice* existing, const Slice& value,
             std::string* new_value, Logger* /*logger*/) const override {
    if (value == Slice("FAIL")) return false;
    *new_value = existing != nullptr
                     ? existing->ToString() + "," + value.ToString()
                     : "[" + value.ToString();
    return true;
  }
  const char* Name() const override { return "Concat"; }
};

// Builds histories the way a DB would store them: each call takes the next
// sequence number.
class History {
 public:
  History& Put(const std::string& k, const std::string& v) {
    return Add(k, kTypeValue, v);
  }
  History& Merge(const std::string& k, const std::string& v) {
    return Add(k, kTypeMerge, v);
  }
  History& Delete(const std::string& k) { return Add(k, kTypeDeletion, ""); }
  History& SingleDelete(const std::string& k) {
    return Add(k, kTypeSingleDeletion, "");
  }
  History& DeleteRange(const std::string& b, const std::string& e) {
    tombstones.emplace_back(IKey(b, ++seq, kTypeRangeDeletion), e);
    return *this;
  }
  History& Add(const std::string& k, ValueType t, const std::string& v) {
    entries.emplace_back(IKey(k, ++seq, t), v);
    return *this;
  }

  KVVector entries;
  KVVector tombstones;
  SequenceNumber seq = 0;
};

class DBIterTest : public ::testing::Test {
 public:
  DBIterTest() : icmp_(BytewiseComparator()) {
    merge_operator_ = std::make_shared<ConcatOperator>();
  }

  // A DBIter reading h at `seq` (latest when 0).
  std::unique_ptr<DBIter> NewIter(const History& h, SequenceNumber seq = 0,
                                  const ReadOptions& ro = ReadOptions()) {
    if (seq == 0) seq = h.seq;
    DBIterSource source;
    source.iter = new VectorIterator(h.entries, &icmp_);
    source.sequence = seq;
    source.version_number = 42;
    if (!h.tombstones.empty()) {
      source.range_del.reset(new RangeDelAggregator(&icmp_, seq));
      EXPECT_TRUE(source.range_del
                      ->AddTombstones(std::unique_ptr<InternalIterator>(
                          new VectorIterator(h.tombstones, &icmp_)))
                      .ok());
    }
    DBIterOptions options;
    options.user_comparator = BytewiseComparator();
    options.merge_operator = merge_operator_.get();
    options.prefix_extractor = prefix_extractor_.get();
    options.statistics = statistics_.get();
    return std::make_unique<DBIter>(ro, options, std::move(source));
  }

  std::unique_ptr<DBIter> NewIterForTest(const History& h, SequenceNumber seq,
                                         const ReadOptions& ro) {
    return NewIter(h, seq, ro);
  }

  static std::string At(Iterator* it) {
    if (!it->Valid()) {
      return it->status().ok() ? "END" : it->status().ToString();
    }
    return it->key().ToString() + "=" + it->value().ToString();
  }
  static std::string InternalKeyProp(Iterator* it) {
    std::string v;
    EXPECT_TRUE(it->GetProperty("rocksdb.iterator.internal-key", &v).ok());
    return v;
  }
  static std::string Forward(Iterator* it) {
    std::string out;
    for (it->SeekToFirst(); it->Valid(); it->Next()) out += At(it) + " ";
    return out + At(it);
  }
  static std::string Backward(Iterator* it) {
    std::string out;
    for (it->SeekToLast(); it->Valid(); it->Prev()) out += At(it) + " ";
    return out + At(it);
  }

  InternalKeyComparator icmp_;
  std::shared_ptr<MergeOperator> merge_operator_;
  std::shared_ptr<const SliceTransform> prefix_extractor_;
  std::shared_ptr<Statistics> statistics_;
};

TEST_F(DBIterTest, EmptySource) {
  History h;
  auto it = NewIter(h, 1);
  EXPECT_EQ(Forward(it.get()), "END");
  EXPECT_EQ(Backward(it.get()), "END");
  it->Seek("a");
  EXPECT_EQ(At(it.get()), "END");
}

TEST_F(DBIterTest, NewestVisibleVersionWins) {
  History h;
  h.Put("a", "a1").Put("b", "b1").Put("a", "a2").Put("c", "c1").Put("b", "b2");
  EXPECT_EQ(Forward(NewIter(h).get()), "a=a2 b=b2 c=c1 END");
  EXPECT_EQ(Backward(NewIter(h).get()), "c=c1 b=b2 a=a2 END");
  // At sequence 3 the writes 4 and 5 are hidden.
  EXPECT_EQ(Forward(NewIter(h, 3).get()), "a=a2 b=b1 END");
  EXPECT_EQ(Backward(NewIter(h, 3).get()), "b=b1 a=a2 END");
  EXPECT_EQ(Forward(NewIter(h, 1).get()), "a=a1 END");
}

TEST_F(DBIterTest, DeletionsHideOlderEntries) {
  History h;
  h.Put("a", "1").Put("b", "2").Delete("b").Put("c", "3").SingleDelete("c");
  h.Delete("d").Put("d", "4").Put("e", "5").Delete("e");
  EXPECT_EQ(Forward(NewIter(h).get()), "a=1 d=4 END");
  EXPECT_EQ(Backward(NewIter(h).get()), "d=4 a=1 END");
  // Before the deletions.
  EXPECT_EQ(Forward(NewIter(h, 4).get()), "a=1 c=3 END");
}

// Observed: RocksDB 7.8.3 with the same writes and operator.
TEST_F(DBIterTest, MergesBothDirections) {
  History h;
  h.Merge("a", "1").Merge("a", "2");
  h.Put("b", "B").Merge("b", "3");
  h.Merge("c", "4").Delete("c");
  h.Delete("d").Merge("d", "5");
  h.Merge("e", "6").SingleDelete("e");
  h.Put("f", "F").Delete("f").Merge("f", "7").Merge("f", "8");
  const SequenceNumber snapshot = h.seq;
  h.Merge("a", "9").Delete("b");
  EXPECT_EQ(Forward(NewIter(h, snapshot).get()),
            "a=[1,2 b=B,3 d=[5 f=[7,8 END");
  EXPECT_EQ(Backward(NewIter(h, snapshot).get()),
            "f=[7,8 d=[5 b=B,3 a=[1,2 END");
  EXPECT_EQ(Forward(NewIter(h).get()), "a=[1,2,9 d=[5 f=[7,8 END");
  EXPECT_EQ(Backward(NewIter(h).get()), "f=[7,8 d=[5 a=[1,2,9 END");
}

TEST_F(DBIterTest, MergeFailureIsCorruption) {
  History h;
  h.Put("a", "A").Merge("b", "FAIL").Put("c", "C");
  auto it = NewIter(h);
  it->SeekToFirst();
  EXPECT_EQ(At(it.get()), "a=A");
  it->Next();
  EXPECT_EQ(At(it.get()), "Corruption: Error: Could not perform merge.");
  it->SeekToLast();
  EXPECT_EQ(At(it.get()), "c=C");
  it->Prev();
  EXPECT_EQ(At(it.get()), "Corruption: Error: Could not perform merge.");
  it->Seek("c");  // a seek clears the error
  EXPECT_EQ(At(it.get()), "c=C");
}

TEST_F(DBIterTest, MergeWithoutOperator) {
  merge_operator_.reset();
  History h;
  h.Put("a", "A").Merge("b", "1").Put("c", "C");
  auto it = NewIter(h);
  it->SeekToFirst();
  it->Next();
  EXPECT_EQ(At(it.get()), "Invalid argument: merge_operator_ must be set.");
  EXPECT_EQ(InternalKeyProp(it.get()), "b");
  it->Seek("c");
  EXPECT_EQ(At(it.get()), "c=C");
  it->Prev();
  EXPECT_EQ(At(it.get()), "Invalid argument: merge_operator_ must be set.");
}

TEST_F(DBIterTest, ManyOperandsBackwardUseTheSeekPath) {
  History h;
  h.Put("a", "A").Put("b", "base");
  std::string expected = "base";
  for (int i = 0; i < 30; ++i) {
    h.Merge("b", std::to_string(i));
    expected += "," + std::to_string(i);
  }
  h.Put("c", "C");
  EXPECT_EQ(Backward(NewIter(h).get()), "c=C b=" + expected + " a=A END");
  EXPECT_EQ(Forward(NewIter(h).get()), "a=A b=" + expected + " c=C END");
}

TEST_F(DBIterTest, ManyVersionsAreSkippedBySeeking) {
  History h;
  h.Put("a", "A");
  for (int i = 0; i < 100; ++i) h.Put("b", "v" + std::to_string(i));
  h.Put("c", "C");
  DBIterSource source;
  auto* vec = new VectorIterator(h.entries, &icmp_);
  source.iter = vec;
  source.sequence = h.seq;
  DBIterOptions options;
  options.user_comparator = BytewiseComparator();
  DBIter it(ReadOptions(), options, std::move(source));
  it.Seek("b");
  EXPECT_EQ(At(&it), "b=v99");
  const int steps_before = vec->steps;
  it.Next();
  EXPECT_EQ(At(&it), "c=C");
  // 9 entries stepped over, then one seek past the rest.
  EXPECT_LE(vec->steps - steps_before, 10);
  it.Prev();
  EXPECT_EQ(At(&it), "b=v99");
  it.Prev();
  EXPECT_EQ(At(&it), "a=A");
  it.Next();
  EXPECT_EQ(At(&it), "b=v99");
}

TEST_F(DBIterTest, DirectionChanges) {
  History h;
  h.Put("a", "1").Put("b", "2").Merge("b", "x").Put("c", "3").Delete("d");
  h.Put("e", "5");
  merge_operator_ = std::make_shared<ConcatOperator>();
  auto it = NewIter(h);
  it->Seek("b");
  EXPECT_EQ(At(it.get()), "b=2,x");
  it->Prev();
  EXPECT_EQ(At(it.get()), "a=1");
  it->Next();
  EXPECT_EQ(At(it.get()), "b=2,x");
  it->Next();
  EXPECT_EQ(At(it.get()), "c=3");
  it->Next();
  EXPECT_EQ(At(it.get()), "e=5");
  it->Prev();
  EXPECT_EQ(At(it.get()), "c=3");
  it->Prev();
  EXPECT_EQ(At(it.get()), "b=2,x");
  it->Next();
  EXPECT_EQ(At(it.get()), "c=3");
  it->SeekForPrev("d");
  EXPECT_EQ(At(it.get()), "c=3");
  it->Next();
  EXPECT_EQ(At(it.get()), "e=5");
  it->Next();
  EXPECT_EQ(At(it.get()), "END");
}

// Observed with iterate_lower_bound "b" and iterate_upper_bound "d".
TEST_F(DBIterTest, Bounds) {
  History h;
  for (const char* k : {"a", "b", "c", "d", "e"}) h.Put(k, k);
  Slice lo("b"), hi("d");
  ReadOptions ro;
  ro.iterate_lower_bound = &lo;
  ro.iterate_upper_bound = &hi;
  auto it = NewIter(h, 0, ro);
  struct Case {
    const char* op;
    const char* target;
    const char* expected;
    const char* internal_key;
  };
  const Case cases[] = {
      {"first", "", "b=b", "b"}, {"last", "", "c=c", "c"},
      {"seek", "a", "b=b", "b"}, {"seek", "d", "END", "d"},
      {"seek", "x", "END", "x"}, {"seek", "c", "c=c", "c"},
      {"sfp", "e", "c=c", "c"},  {"sfp", "d", "c=c", "c"},
      {"sfp", "cc", "c=c", "c"}, {"sfp", "a", "END", "a"},
      {"sfp", "b", "b=b", "b"},
  };
  for (const Case& c : cases) {
    const std::string op = c.op;
    if (op == "first") it->SeekToFirst();
    if (op == "last") it->SeekToLast();
    if (op == "seek") it->Seek(c.target);
    if (op == "sfp") it->SeekForPrev(c.target);
    EXPECT_EQ(At(it.get()), c.expected) << op << " " << c.target;
    EXPECT_EQ(InternalKeyProp(it.get()), c.internal_key)
        << op << " " << c.target;
  }
  it->Seek("c");
  it->Next();
  EXPECT_EQ(At(it.get()), "END");
  EXPECT_EQ(InternalKeyProp(it.get()), "c");  // "d" was never examined
  it->Seek("c");
  it->Prev();
  EXPECT_EQ(At(it.get()), "b=b");
  it->Prev();
  EXPECT_EQ(At(it.get()), "END");
  EXPECT_EQ(InternalKeyProp(it.get()), "a");
  it->Seek("b");
  it->Next();
  EXPECT_EQ(At(it.get()), "c=c");
  it->Prev();
  EXPECT_EQ(At(it.get()), "b=b");

  // A lower bound above the upper bound: nothing.
  Slice lo2("x");
  ro.iterate_lower_bound = &lo2;
  auto it2 = NewIter(h, 0, ro);
  EXPECT_EQ(Forward(it2.get()), "END");
  EXPECT_EQ(Backward(it2.get()), "END");
  it2->Seek("c");
  EXPECT_EQ(At(it2.get()), "END");
}

// Observed with NewFixedPrefixTransform(2).
TEST_F(DBIterTest, PrefixSameAsStart) {
  History h;
  for (const char* k : {"aa1", "aa2", "ab1", "ab2", "bb1"}) h.Put(k, k);
  ReadOptions ro;
  ro.prefix_same_as_start = true;
  // Without a prefix extractor the flag does nothing.
  EXPECT_EQ(Forward(NewIter(h, 0, ro).get()),
            "aa1=aa1 aa2=aa2 ab1=ab1 ab2=ab2 bb1=bb1 END");
  prefix_extractor_.reset(NewFixedPrefixTransform(2));
  for (bool total_order : {false, true}) {
    ro.total_order_seek = total_order;
    auto it = NewIter(h, 0, ro);
    EXPECT_EQ(Forward(it.get()), "aa1=aa1 aa2=aa2 END");
    EXPECT_EQ(Backward(it.get()), "bb1=bb1 END");
    it->SeekForPrev("ab3");
    EXPECT_EQ(At(it.get()), "ab2=ab2");
    it->Prev();
    EXPECT_EQ(At(it.get()), "ab1=ab1");
    it->Prev();
    EXPECT_EQ(At(it.get()), "END");
    it->Seek("ab1");
    it->Prev();
    EXPECT_EQ(At(it.get()), "END");
    // The prefix is the seek target's.
    it->Seek("ac");
    EXPECT_EQ(At(it.get()), "END");
    EXPECT_EQ(InternalKeyProp(it.get()), "ac");
    it->SeekForPrev("ac");
    EXPECT_EQ(At(it.get()), "END");
    EXPECT_EQ(InternalKeyProp(it.get()), "ab2");
  }
}

TEST_F(DBIterTest, RangeDeletionsAndMerges) {
  // Observed: a=A b=[3 c=[4 d=[2,5 e=[6 in both directions.
  History h;
  h.Put("a", "A").Merge("b", "1").Put("c", "C").Merge("d", "2");
  h.DeleteRange("b", "d");
  h.Merge("b", "3").Merge("c", "4").Merge("d", "5").Put("e", "E");
  h.DeleteRange("e", "f");
  h.Merge("e", "6");
  EXPECT_EQ(Forward(NewIter(h).get()), "a=A b=[3 c=[4 d=[2,5 e=[6 END");
  EXPECT_EQ(Backward(NewIter(h).get()), "e=[6 d=[2,5 c=[4 b=[3 a=A END");
  // Before the first tombstone.
  EXPECT_EQ(Forward(NewIter(h, 4).get()), "a=A b=[1 c=C d=[2 END");
  // Between: b and c are gone.
  EXPECT_EQ(Forward(NewIter(h, 5).get()), "a=A d=[2 END");
  EXPECT_EQ(Backward(NewIter(h, 5).get()), "d=[2 a=A END");
}

TEST_F(DBIterTest, WideColumnEntities) {
  History h;
  std::string entity;
  ASSERT_TRUE(WideColumnSerialization::Serialize(
                  {{kDefaultWideColumnName, "dflt"}, {"x", "X"}}, &entity)
                  .ok());
  std::string no_default;
  ASSERT_TRUE(
      WideColumnSerialization::Serialize({{"x", "X"}}, &no_default).ok());
  h.Add("k1", kTypeWideColumnEntity, entity);
  h.Add("k2", kTypeWideColumnEntity, no_default);
  h.Put("k3", "plain");
  auto it = NewIter(h);
  it->SeekToFirst();
  EXPECT_EQ(At(it.get()), "k1=dflt");
  ASSERT_EQ(it->columns().size(), 2u);
  EXPECT_EQ(it->columns()[1].name(), "x");
  it->Next();
  EXPECT_EQ(At(it.get()), "k2=");
  EXPECT_EQ(it->columns().size(), 1u);
  it->Next();
  EXPECT_EQ(At(it.get()), "k3=plain");
  ASSERT_EQ(it->columns().size(), 1u);
  EXPECT_EQ(it->columns()[0].name(), kDefaultWideColumnName);
  EXPECT_EQ(Backward(it.get()), "k3=plain k2= k1=dflt END");
}

TEST_F(DBIterTest, Properties) {
  History h;
  h.Put("a", "1").Put("b", "2");
  for (bool pin : {false, true}) {
    ReadOptions ro;
    ro.pin_data = pin;
    auto it = NewIter(h, 0, ro);
    std::string v;
    ASSERT_TRUE(it->GetProperty("rocksdb.iterator.is-key-pinned", &v).ok());
    EXPECT_EQ(v, "Iterator is not valid.");
    ASSERT_TRUE(it->GetProperty("rocksdb.iterator.internal-key", &v).ok());
    EXPECT_EQ(v, "");
    ASSERT_TRUE(
        it->GetProperty("rocksdb.iterator.super-version-number", &v).ok());
    EXPECT_EQ(v, "42");
    EXPECT_TRUE(
        it->GetProperty("rocksdb.iterator.foo", &v).IsInvalidArgument());
    EXPECT_TRUE(it->GetProperty("rocksdb.iterator.is-key-pinned", nullptr)
                    .IsInvalidArgument());
    it->Seek("a");
    ASSERT_TRUE(it->GetProperty("rocksdb.iterator.is-key-pinned", &v).ok());
    EXPECT_EQ(v, pin ? "1" : "0");
    const Slice first = it->key();
    it->Next();
    it->Next();
    EXPECT_FALSE(it->Valid());
    ASSERT_TRUE(it->GetProperty("rocksdb.iterator.internal-key", &v).ok());
    EXPECT_EQ(v, "b");
    if (pin) {
      EXPECT_EQ(first.ToString(), "a");  // still readable
    }
  }
}

TEST_F(DBIterTest, RefreshRebuildsTheSource) {
  History h1;
  h1.Put("a", "1");
  History h2;
  h2.Put("a", "1").Put("b", "2");
  auto make = [this](const History& h) {
    DBIterSource s;
    s.iter = new VectorIterator(h.entries, &icmp_);
    s.sequence = h.seq;
    return s;
  };
  DBIterOptions options;
  options.user_comparator = BytewiseComparator();
  int calls = 0;
  DBIter it(ReadOptions(), options, make(h1), [&](DBIterSource* fresh) {
    ++calls;
    *fresh = make(h2);
    return Status::OK();
  });
  it.SeekToFirst();
  EXPECT_EQ(Forward(&it), "a=1 END");
  ASSERT_TRUE(it.Refresh().ok());
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(it.Valid());
  EXPECT_EQ(Forward(&it), "a=1 b=2 END");

  DBIter plain(ReadOptions(), options, make(h1));
  EXPECT_TRUE(plain.Refresh().IsNotSupported());
}

TEST_F(DBIterTest, StatisticsCountSteps) {
  statistics_ = CreateDBStatistics();
  History h;
  h.Put("a", "1").Put("b", "2").Put("c", "3");
  {
    auto it = NewIter(h);
    EXPECT_EQ(Forward(it.get()), "a=1 b=2 c=3 END");
    it->Seek("b");
    it->Prev();
    it->Prev();
  }
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_SEEK), 2u);
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_SEEK_FOUND), 2u);
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_NEXT), 3u);
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_NEXT_FOUND), 2u);
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_PREV), 2u);
  EXPECT_EQ(statistics_->getTickerCount(NUMBER_DB_PREV_FOUND), 1u);
  EXPECT_EQ(statistics_->getTickerCount(NO_ITERATOR_DELETED), 1u);
}

// ---- max_skippable_internal_keys: counts observed from RocksDB 7.8.3 ----

// Observed: "a", n deleted keys b0.. (Put then Delete), "c"; Next from "a"
// and Prev from "c" (after SeekToLast) stop with Incomplete at key
// internal-key, or reach the next live key.
TEST_F(DBIterTest, MaxSkippableOverDeletedKeys) {
  struct Case {
    int n, m;
    const char* next;  // result of Seek("a"); Next()
    const char* prev;  // result of SeekToLast(); Prev()
  };
  const Case cases[] = {
      {0, 1, "c", "a"},   {1, 1, "b0", "b0"}, {1, 2, "c", "a"},
      {2, 1, "b0", "b1"}, {2, 2, "b1", "b0"}, {2, 3, "b1", "b0"},
      {3, 1, "b0", "b2"}, {3, 2, "b1", "b1"}, {3, 3, "b1", "b1"},
      {4, 1, "b0", "b3"}, {4, 2, "b1", "b2"}, {4, 3, "b1", "b2"},
  };
  for (const Case& c : cases) {
    History h;
    h.Put("a", "A");
    for (int i = 0; i < c.n; ++i) {
      h.Put("b" + std::to_string(i), "x").Delete("b" + std::to_string(i));
    }
    h.Put("c", "C");
    ReadOptions ro;
    ro.max_skippable_internal_keys = c.m;
    auto it = NewIter(h, 0, ro);
    it->Seek("a");
    it->Next();
    auto outcome = [&]() -> std::string {
      if (it->Valid()) return it->key().ToString();
      EXPECT_EQ(it->status().ToString(),
                "Result incomplete: Too many internal keys skipped.");
      return InternalKeyProp(it.get());
    };
    EXPECT_EQ(outcome(), c.next) << "n=" << c.n << " m=" << c.m;
    it->SeekToLast();
    EXPECT_EQ(At(it.get()), "c=C");
    it->Prev();
    EXPECT_EQ(outcome(), c.prev) << "n=" << c.n << " m=" << c.m;
    it->SeekForPrev("b9");
    EXPECT_EQ(outcome(), c.prev) << "n=" << c.n << " m=" << c.m;
  }
}

// Observed: a, b written 3 times, c, then (hidden by the read sequence)
// bb, bc, bd.
TEST_F(DBIterTest, MaxSkippableOverHiddenEntries) {
  History h;
  h.Put("a", "A").Put("b", "1").Put("b", "2").Put("b", "3").Put("c", "C");
  const SequenceNumber snapshot = h.seq;
  h.Put("bb", "h1").Put("bc", "h2").Put("bd", "h3");
  const char* expected_next[] = {"b", "bb", "bc", "bd"};
  const char* expected_prev[] = {"bc", "bb", "b", "b"};
  for (int m = 1; m <= 4; ++m) {
    ReadOptions ro;
    ro.max_skippable_internal_keys = m;
    auto it = NewIter(h, snapshot, ro);
    it->Seek("a");
    it->Next();
    EXPECT_EQ(At(it.get()), "b=3");
    it->Next();
    EXPECT_TRUE(it->status().IsIncomplete());
    EXPECT_EQ(InternalKeyProp(it.get()), expected_next[m - 1]) << m;
    it->SeekToLast();
    it->Prev();
    EXPECT_TRUE(it->status().IsIncomplete());
    EXPECT_EQ(InternalKeyProp(it.get()), expected_prev[m - 1]) << m;
  }
}

// The smallest max_skippable_internal_keys with which an operation
// succeeds, for "a", then V entries of "b" (kind 0: Puts; 1: a Put then
// Merges; 2: Merges), then "c".
class MaxSkippableTable : public DBIterTest {
 protected:
  int MinLimit(int kind, int v, int op) {
    for (int m = 1; m < 60; ++m) {
      History h;
      h.Put("a", "A");
      if (kind == 1) h.Put("b", "base");
      for (int i = 0; i < v; ++i) {
        if (kind == 0) {
          h.Put("b", "v" + std::to_string(i));
        } else {
          h.Merge("b", std::to_string(i));
        }
      }
      h.Put("c", "C");
      ReadOptions ro;
      ro.max_skippable_internal_keys = m;
      auto it = NewIter(h, 0, ro);
      Run(it.get(), op);
      if (it->status().ok()) return m;
    }
    return -1;
  }
  static void Run(Iterator* it, int op) {
    switch (op) {
      case 0:  // seek b, prev
        it->Seek("b");
        if (it->Valid()) it->Prev();
        break;
      case 1:  // seek c, prev, next
        it->Seek("c");
        if (it->Valid()) it->Prev();
        if (it->Valid()) it->Next();
        break;
      case 2:  // seek a, next
        it->Seek("a");
        if (it->Valid()) it->Next();
        break;
      case 3:  // seek b, next
        it->Seek("b");
        if (it->Valid()) it->Next();
        break;
      case 4:  // last, prev
        it->SeekToLast();
        if (it->Valid()) it->Prev();
        break;
      case 5:  // last, prev, prev
        it->SeekToLast();
        if (it->Valid()) it->Prev();
        if (it->Valid()) it->Prev();
        break;
      default:  // seek for prev b
        it->SeekForPrev("b");
        break;
    }
  }
};

TEST_F(MaxSkippableTable, MatchesRocksDB) {
  struct Row {
    int kind, v;
    int min[7];
  };
  const Row rows[] = {
      {0, 1, {1, 1, 1, 1, 1, 1, 1}},      {0, 2, {1, 2, 1, 1, 1, 1, 1}},
      {0, 3, {1, 3, 1, 2, 2, 2, 2}},      {0, 7, {1, 7, 1, 6, 6, 6, 6}},
      {0, 8, {1, 8, 1, 7, 7, 7, 7}},      {0, 9, {1, 10, 1, 8, 9, 9, 9}},
      {0, 10, {1, 10, 1, 9, 9, 9, 9}},    {0, 20, {1, 10, 1, 9, 9, 9, 9}},
      {1, 1, {3, 2, 1, 1, 1, 1, 1}},      {1, 2, {4, 3, 1, 1, 2, 2, 2}},
      {1, 3, {5, 4, 1, 1, 3, 3, 3}},      {1, 7, {9, 8, 1, 1, 7, 7, 7}},
      {1, 8, {9, 18, 1, 1, 17, 17, 17}},  {1, 20, {9, 18, 1, 1, 17, 17, 17}},
      {2, 1, {2, 1, 1, 1, 1, 1, 1}},      {2, 2, {3, 2, 1, 1, 1, 1, 1}},
      {2, 3, {4, 3, 1, 1, 2, 2, 2}},      {2, 7, {8, 7, 1, 1, 6, 6, 6}},
      {2, 8, {9, 8, 1, 1, 7, 7, 7}},      {2, 9, {9, 18, 1, 1, 17, 17, 17}},
      {2, 20, {9, 18, 1, 1, 17, 17, 17}},
  };
  for (const Row& r : rows) {
    for (int op = 0; op < 7; ++op) {
      EXPECT_EQ(MinLimit(r.kind, r.v, op), r.min[op])
          << "kind " << r.kind << " V " << r.v << " op " << op;
    }
  }
}

// Observed: V newer versions of "b" hidden by the read sequence, over
// a base version; Seek("a") Next, and Seek("c") Prev.
TEST_F(MaxSkippableTable, HiddenVersionsMatchRocksDB) {
  struct Row {
    int v, fwd, bwd;
  };
  const Row rows[] = {{8, 8, 9}, {9, 9, 10}, {10, 10, 10}, {30, 10, 10}};
  for (const Row& r : rows) {
    int found[2] = {-1, -1};
    for (int m = 1; m < 40; ++m) {
      History h;
      h.Put("a", "A").Put("b", "base").Put("c", "C");
      const SequenceNumber snapshot = h.seq;
      for (int i = 0; i < r.v; ++i) h.Put("b", "v" + std::to_string(i));
      ReadOptions ro;
      ro.max_skippable_internal_keys = m;
      auto it = NewIter(h, snapshot, ro);
      it->Seek("a");
      it->Next();
      if (found[0] < 0 && it->status().ok()) {
        EXPECT_EQ(At(it.get()), "b=base");
        found[0] = m;
      }
      it->Seek("c");
      it->Prev();
      if (found[1] < 0 && it->status().ok()) {
        EXPECT_EQ(At(it.get()), "b=base");
        found[1] = m;
      }
    }
    EXPECT_EQ(found[0], r.fwd) << "V " << r.v;
    EXPECT_EQ(found[1], r.bwd) << "V " << r.v;
  }
}

// ---- Differences RocksDB 7.8.3 showed under differential testing ----------

// The smallest max_skippable_internal_keys with which `ops` end OK.
int MinSkippable(DBIterTest* t, const History& h, SequenceNumber seq,
                 const std::function<void(Iterator*)>& ops) {
  for (int m = 1; m < 60; ++m) {
    ReadOptions ro;
    ro.max_skippable_internal_keys = m;
    auto it = t->NewIterForTest(h, seq, ro);
    ops(it.get());
    if (it->status().ok()) return m;
  }
  return -1;
}

TEST_F(DBIterTest, PrefixComesFromTheTargetBeforeBounds) {
  prefix_extractor_.reset(NewFixedPrefixTransform(1));
  History h;
  h.Put("a1", "x").Put("b7", "x").Put("c5", "x");
  Slice lo("c2"), hi("c0");
  ReadOptions ro;
  ro.prefix_same_as_start = true;
  ro.iterate_lower_bound = &lo;
  auto it = NewIter(h, 0, ro);
  it->Seek("a9");  // clamped to c2, but the prefix stays "a"
  EXPECT_EQ(At(it.get()), "END");
  EXPECT_EQ(InternalKeyProp(it.get()), "c2");
  ro.iterate_lower_bound = nullptr;
  ro.iterate_upper_bound = &hi;
  auto it2 = NewIter(h, 0, ro);
  it2->SeekForPrev("c9");  // clamped below c0, prefix "c"
  EXPECT_EQ(At(it2.get()), "END");
  EXPECT_EQ(InternalKeyProp(it2.get()), "b7");
  it2->SeekToLast();  // as SeekForPrev(upper bound): prefix "c"
  EXPECT_EQ(At(it2.get()), "END");
  EXPECT_EQ(InternalKeyProp(it2.get()), "b7");
}

// Observed with keys b, c, an upper bound, and a tombstone [a, bb).
TEST_F(DBIterTest, SeekToFirstExaminesTheFirstEntry) {
  History h;
  h.Put("b", "1").Put("c", "2");
  Slice bb("bb"), a("a");
  ReadOptions ro;
  ro.iterate_upper_bound = &a;
  auto it = NewIter(h, 0, ro);
  it->SeekToFirst();
  EXPECT_EQ(At(it.get()), "END");
  EXPECT_EQ(InternalKeyProp(it.get()), "b");
  h.DeleteRange("a", "bb");
  it = NewIter(h, 0, ro);
  it->SeekToFirst();
  EXPECT_EQ(InternalKeyProp(it.get()), "b");  // past the bound: not skipped
  ro.iterate_upper_bound = &bb;
  it = NewIter(h, 0, ro);
  it->SeekToFirst();
  EXPECT_EQ(At(it.get()), "END");
  EXPECT_EQ(InternalKeyProp(it.get()), "c");  // b is covered
}

TEST_F(DBIterTest, CoveredEntriesAreNotCounted) {
  History h;
  for (int i = 0; i < 6; ++i) h.Put("a9", "old");
  h.DeleteRange("a0", "b0");
  for (int i = 0; i < 5; ++i) h.Put("a9", "new" + std::to_string(i));
  h.Put("b1", "B");
  auto sfp = [](Iterator* it) { it->SeekForPrev("a9"); };
  EXPECT_EQ(MinSkippable(this, h, h.seq, sfp), 4);
  // A change of direction counts the entry it starts from.
  auto seek_prev = [](Iterator* it) {
    it->Seek("b1");
    it->Prev();
  };
  EXPECT_EQ(MinSkippable(this, h, h.seq, seek_prev), 5);
}

TEST_F(DBIterTest, ChangeOfDirectionAfterAMergeAtTheEnd) {
  History h;
  h.Put("a1", "A").Merge("b1", "1").Merge("b1", "2").Merge("b1", "3");
  auto seek_prev = [](Iterator* it) {
    it->Seek("b1");
    EXPECT_EQ(it->value().ToString(), "[1,2,3");
    it->Prev();
  };
  EXPECT_EQ(MinSkippable(this, h, h.seq, seek_prev), 1);
  h.Put("c1", "C");  // now the merge leaves iter_ on c1: stepped back over
  EXPECT_EQ(MinSkippable(this, h, h.seq, seek_prev), 4);
  prefix_extractor_.reset(NewFixedPrefixTransform(1));
  EXPECT_EQ(MinSkippable(this, h, h.seq, seek_prev), 1);  // prefix mode
}

TEST_F(DBIterTest, PrefixModeAfterSeekToFirstStopsReseeking) {
  History h;
  h.Put("a1", "A");
  for (int i = 0; i < 20; ++i) h.Put("b1", "v" + std::to_string(i));
  h.Put("c1", "C");
  auto first = [](Iterator* it) {
    it->SeekToFirst();
    it->Next();
    it->Next();
  };
  auto seek = [](Iterator* it) {
    it->Seek("a1");
    it->Next();
    it->Next();
  };
  EXPECT_EQ(MinSkippable(this, h, h.seq, first), 9);
  prefix_extractor_.reset(NewFixedPrefixTransform(1));
  EXPECT_EQ(MinSkippable(this, h, h.seq, first), 19);
  EXPECT_EQ(MinSkippable(this, h, h.seq, seek), 9);
}

// ---- Randomized against a brute-force model --------------------------------

// What a reader at `seq` sees: user key -> value.
std::map<std::string, std::string> Model(const History& h, SequenceNumber seq,
                                         const InternalKeyComparator& icmp) {
  std::map<std::string, std::vector<std::pair<ParsedInternalKey, std::string>>>
      by_key;
  for (const auto& e : h.entries) {
    ParsedInternalKey p;
    EXPECT_TRUE(ParseInternalKey(e.first, &p, true).ok());
    if (p.sequence <= seq)
      by_key[p.user_key.ToString()].emplace_back(p, e.second);
  }
  auto covered = [&](const std::string& k, SequenceNumber s) {
    for (const auto& t : h.tombstones) {
      ParsedInternalKey p;
      EXPECT_TRUE(ParseInternalKey(t.first, &p, true).ok());
      if (p.sequence <= seq && p.sequence > s && p.user_key.compare(k) <= 0 &&
          Slice(k).compare(t.second) < 0) {
        return true;
      }
    }
    return false;
  };
  std::map<std::string, std::string> out;
  for (auto& kv : by_key) {
    auto& list = kv.second;
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.first.sequence > b.first.sequence;
    });
    std::vector<std::string> operands;  // newest first
    bool has_value = false;
    std::string base;
    bool ended = false;
    for (const auto& e : list) {
      const bool deleted = e.first.type == kTypeDeletion ||
                           e.first.type == kTypeSingleDeletion ||
                           covered(kv.first, e.first.sequence);
      if (deleted) {
        ended = true;
        break;
      }
      if (e.first.type == kTypeValue) {
        has_value = true;
        base = e.second;
        ended = true;
        break;
      }
      operands.push_back(e.second);
    }
    (void)ended;
    if (operands.empty()) {
      if (has_value) out[kv.first] = base;
      continue;
    }
    std::string v = has_value ? base : std::string();
    bool first = !has_value;
    for (auto it = operands.rbegin(); it != operands.rend(); ++it) {
      v = first ? "[" + *it : v + "," + *it;
      first = false;
    }
    out[kv.first] = v;
  }
  (void)icmp;
  return out;
}

TEST_F(DBIterTest, RandomizedAgainstModel) {
  Random rnd(1234);
  for (int round = 0; round < 300; ++round) {
    History h;
    const int n = static_cast<int>(rnd.Uniform(60));
    auto key = [&]() {
      return std::string(1, static_cast<char>('a' + rnd.Uniform(10)));
    };
    for (int i = 0; i < n; ++i) {
      switch (rnd.Uniform(10)) {
        case 0:
          h.Delete(key());
          break;
        case 1:
          h.SingleDelete(key());
          break;
        case 2:
        case 3:
        case 4:
          h.Merge(key(), std::to_string(i));
          break;
        case 5:
          if (rnd.OneIn(3)) {
            std::string b = key(), e = key();
            if (b > e) std::swap(b, e);
            h.DeleteRange(b, e);
            break;
          }
          h.Put(key(), "v" + std::to_string(i));
          break;
        default:
          h.Put(key(), "v" + std::to_string(i));
          break;
      }
    }
    const SequenceNumber seq = h.seq == 0 ? 1 : 1 + rnd.Uniform(h.seq);
    std::string lo = key(), hi = key();
    Slice lo_slice(lo), hi_slice(hi);
    ReadOptions ro;
    if (rnd.OneIn(3)) ro.iterate_lower_bound = &lo_slice;
    if (rnd.OneIn(3)) ro.iterate_upper_bound = &hi_slice;
    std::map<std::string, std::string> model = Model(h, seq, icmp_);
    std::vector<std::pair<std::string, std::string>> visible;
    for (const auto& kv : model) {
      if (ro.iterate_lower_bound != nullptr && kv.first < lo) continue;
      if (ro.iterate_upper_bound != nullptr && kv.first >= hi) continue;
      visible.push_back(kv);
    }
    auto it = NewIter(h, seq, ro);
    size_t pos = visible.size();
    for (int op = 0; op < 60; ++op) {
      const std::string target = key();
      auto lower = [&](const std::string& t) {
        size_t i = 0;
        while (i < visible.size() && visible[i].first < t) ++i;
        return i;
      };
      switch (rnd.Uniform(6)) {
        case 0:
          it->SeekToFirst();
          pos = 0;
          break;
        case 1:
          it->SeekToLast();
          pos = visible.empty() ? 0 : visible.size() - 1;
          break;
        case 2:
          it->Seek(target);
          pos = lower(target);
          break;
        case 3: {
          it->SeekForPrev(target);
          size_t i = lower(target);
          if (i < visible.size() && visible[i].first == target) {
            pos = i;
          } else {
            pos = i == 0 ? visible.size() : i - 1;
          }
          break;
        }
        case 4:
          if (pos < visible.size()) {
            it->Next();
            ++pos;
          }
          break;
        default:
          if (pos < visible.size()) {
            it->Prev();
            pos = pos == 0 ? visible.size() : pos - 1;
          }
          break;
      }
      ASSERT_TRUE(it->status().ok()) << it->status().ToString();
      ASSERT_EQ(it->Valid(), pos < visible.size())
          << "round " << round << " op " << op;
      if (pos < visible.size()) {
        ASSERT_EQ(At(it.get()), visible[pos].first + "=" + visible[pos].second)
            << "round " << round << " op " << op;
      }
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
