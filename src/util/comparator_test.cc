// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in comparators. The separator/successor tables were printed by
// RocksDB 7.8.3's comparators for the same inputs (hex on both sides).
#include "rocksdb/comparator.h"

#include <gtest/gtest.h>

#include <string>

#include "rocksdb/convenience.h"
#include "util/coding.h"
#include "util/comparators.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string Unhex(const std::string& hex) {
  std::string out;
  EXPECT_TRUE(Slice(hex).DecodeHex(&out)) << hex;
  return out;
}

struct SepCase {
  const char* start;
  const char* limit;
  const char* expected;
};

void CheckSeparators(const Comparator* cmp, const SepCase* cases, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    std::string start = Unhex(cases[i].start);
    cmp->FindShortestSeparator(&start, Unhex(cases[i].limit));
    EXPECT_EQ(cases[i].expected, Slice(start).ToString(true))
        << cmp->Name() << " " << cases[i].start << " " << cases[i].limit;
  }
}

TEST(ComparatorTest, BytewiseSeparators) {
  const SepCase cases[] = {
      {"616263", "616264", "616263"},
      {"616263", "616265", "616264"},
      {"616263", "61627A", "616264"},
      {"616263646566", "61627A7A7A7A", "616264"},
      {"616263", "616263", "616263"},
      {"616264", "616263", "616264"},
      {"61", "62", "61"},
      {"61", "63", "62"},
      {"6162", "616263", "6162"},
      {"616263", "6162", "616263"},
      {"", "61", ""},
      {"61", "", "61"},
      {"61FFFF", "62", "61FFFF"},
      {"61FF01", "62", "61FF02"},
      {"6162633178797A", "61626333", "61626332"},
      {"6162633178797A", "61626332", "6162633179"},
      {"6162633178797A", "6162633261", "61626332"},
      {"FEFF", "FF", "FEFF"},
      {"6131", "62", "6132"},
      {"6178797A", "62", "6179"},
      {"6178797A", "6278797A", "62"},
      {"61", "6278797A", "62"},
      {"78797A31", "787A", "78797B"},
      {"636465", "616263", "636465"},
      {"01FFFF", "02", "01FFFF"},
      {"61FF", "62", "61FF"},
      {"61FEFF", "62", "61FF"},
      {"616263", "61626400", "616264"},
      {"6162FFFE05", "6163", "6162FFFF"},
  };
  CheckSeparators(BytewiseComparator(), cases, sizeof(cases) / sizeof(*cases));
}

TEST(ComparatorTest, ReverseSeparators) {
  const SepCase cases[] = {
      {"616263", "616265", "616263"},
      {"61", "63", "61"},
      {"636465", "616263", "63"},
      {"6378797A", "61", "63"},
      {"6361", "6362", "6361"},
      {"7A7A7A", "7A61", "7A7A"},
      {"7A7A7A31", "7A7A", "7A7A7A31"},
      {"6278797A", "617A7A7A", "62"},
      {"010000", "00FF", "01"},
      {"62", "61", "62"},
      {"61626364", "616262", "616263"},
      {"616264", "6162637A", "616264"},
      {"", "61", ""},
  };
  CheckSeparators(ReverseBytewiseComparator(), cases,
                  sizeof(cases) / sizeof(*cases));
}

TEST(ComparatorTest, ShortSuccessor) {
  struct Case {
    const char* key;
    const char* bytewise;
  };
  const Case cases[] = {
      {"", ""},         {"61", "62"},   {"616263", "62"}, {"FFFF", "FFFF"},
      {"FF01", "FF02"}, {"01FF", "02"}, {"FF", "FF"},     {"7A7A7A", "7B"},
  };
  for (const Case& c : cases) {
    std::string key = Unhex(c.key);
    BytewiseComparator()->FindShortSuccessor(&key);
    EXPECT_EQ(c.bytewise, Slice(key).ToString(true)) << c.key;
    key = Unhex(c.key);
    ReverseBytewiseComparator()->FindShortSuccessor(&key);
    EXPECT_EQ(c.key, Slice(key).ToString(true)) << c.key;  // unchanged
  }
}

TEST(ComparatorTest, ImmediateSuccessor) {
  const Comparator* b = BytewiseComparator();
  auto imm = [&](const char* s, const char* t) {
    return b->IsSameLengthImmediateSuccessor(Unhex(s), Unhex(t));
  };
  EXPECT_TRUE(imm("61", "62"));
  EXPECT_TRUE(imm("6162", "6163"));
  EXPECT_TRUE(imm("61FF", "6200"));
  EXPECT_TRUE(imm("61FFFF", "620000"));
  EXPECT_FALSE(imm("6162", "6164"));
  EXPECT_FALSE(imm("61", "6162"));
  EXPECT_FALSE(imm("62", "61"));
  EXPECT_FALSE(imm("6200", "61FF"));
  EXPECT_FALSE(imm("", ""));
  EXPECT_FALSE(imm("FF", "00"));
  EXPECT_FALSE(
      ReverseBytewiseComparator()->IsSameLengthImmediateSuccessor("a", "b"));
}

TEST(ComparatorTest, OrderingAndProperties) {
  const Comparator* b = BytewiseComparator();
  const Comparator* r = ReverseBytewiseComparator();
  EXPECT_STREQ("leveldb.BytewiseComparator", b->Name());
  EXPECT_STREQ("rocksdb.ReverseBytewiseComparator", r->Name());
  EXPECT_EQ(b, BytewiseComparator());  // a singleton
  EXPECT_LT(b->Compare("a", "b"), 0);
  EXPECT_LT(b->Compare("ab", "abc"), 0);
  EXPECT_GT(r->Compare("a", "b"), 0);
  EXPECT_GT(r->Compare("", "a"), 0);
  EXPECT_EQ(0, r->Compare("a", "a"));
  EXPECT_TRUE(b->Equal("x", "x"));
  EXPECT_TRUE(r->Equal("x", "x"));
  EXPECT_FALSE(b->CanKeysWithDifferentByteContentsBeEqual());
  EXPECT_FALSE(r->CanKeysWithDifferentByteContentsBeEqual());
  EXPECT_EQ(b, b->GetRootComparator());
  EXPECT_EQ(0u, b->timestamp_size());
  EXPECT_EQ("leveldb.BytewiseComparator", b->GetId());
  EXPECT_TRUE(b->IsInstanceOf("leveldb.BytewiseComparator"));
  EXPECT_FALSE(b->IsInstanceOf("BytewiseComparator"));
  EXPECT_FALSE(r->IsInstanceOf("leveldb.BytewiseComparator"));
  EXPECT_STREQ("Comparator", Comparator::Type());
}

// The defaults of the Comparator base class.
class LengthComparator : public Comparator {
 public:
  const char* Name() const override { return "test.Length"; }
  int Compare(const Slice& a, const Slice& b) const override {
    return static_cast<int>(a.size()) - static_cast<int>(b.size());
  }
  void FindShortestSeparator(std::string*, const Slice&) const override {}
  void FindShortSuccessor(std::string*) const override {}
};

TEST(ComparatorTest, BaseClassDefaults) {
  LengthComparator c;
  EXPECT_TRUE(c.Equal("ab", "xy"));  // via Compare
  EXPECT_FALSE(c.IsSameLengthImmediateSuccessor("a", "b"));
  EXPECT_TRUE(c.CanKeysWithDifferentByteContentsBeEqual());
  EXPECT_EQ(&c, c.GetRootComparator());
  EXPECT_EQ(0, c.CompareTimestamp("1", "2"));
  EXPECT_EQ(0, c.CompareWithoutTimestamp("ab", "cd"));
  EXPECT_TRUE(c.EqualWithoutTimestamp("ab", "cd"));
  LengthComparator copy(c);
  EXPECT_EQ(0u, copy.timestamp_size());
}

std::string KeyWithTs(const std::string& user_key, uint64_t ts) {
  std::string k = user_key;
  PutFixed64(&k, ts);
  return k;
}

TEST(ComparatorTest, U64TimestampComparator) {
  const Comparator* c = BytewiseComparatorWithU64Ts();
  EXPECT_STREQ("leveldb.BytewiseComparator.u64ts", c->Name());
  EXPECT_EQ(8u, c->timestamp_size());
  // Values observed from 7.8.3's comparator of the same name.
  EXPECT_GT(c->Compare(KeyWithTs("a", 1), KeyWithTs("a", 2)), 0);
  EXPECT_LT(c->Compare(KeyWithTs("a", 2), KeyWithTs("b", 1)), 0);
  EXPECT_LT(c->Compare(KeyWithTs("a", 256), KeyWithTs("a", 1)), 0);
  EXPECT_EQ(0, c->Compare(KeyWithTs("a", 5), KeyWithTs("a", 5)));
  EXPECT_EQ(0,
            c->CompareWithoutTimestamp(KeyWithTs("a", 1), KeyWithTs("a", 2)));
  EXPECT_LT(c->CompareWithoutTimestamp(KeyWithTs("a", 1), true, "b", false), 0);
  EXPECT_LT(c->CompareTimestamp(KeyWithTs("", 1), KeyWithTs("", 2)), 0);
  EXPECT_GT(c->CompareTimestamp(KeyWithTs("", 256), KeyWithTs("", 2)), 0);
  EXPECT_FALSE(c->Equal(KeyWithTs("a", 1), KeyWithTs("a", 2)));
  EXPECT_TRUE(c->EqualWithoutTimestamp(KeyWithTs("a", 1), KeyWithTs("a", 2)));
  std::string k = KeyWithTs("abc", 7);
  c->FindShortestSeparator(&k, KeyWithTs("abz", 1));
  EXPECT_EQ(KeyWithTs("abc", 7), k);
  c->FindShortSuccessor(&k);
  EXPECT_EQ(KeyWithTs("abc", 7), k);
}

TEST(ComparatorTest, CreateFromString) {
  ConfigOptions opts;
  struct Case {
    const char* id;
    const Comparator* expected;
  };
  const Case cases[] = {
      {"leveldb.BytewiseComparator", BytewiseComparator()},
      {"rocksdb.ReverseBytewiseComparator", ReverseBytewiseComparator()},
      {"leveldb.BytewiseComparator.u64ts", BytewiseComparatorWithU64Ts()},
      {"id=leveldb.BytewiseComparator;x=1", BytewiseComparator()},
      {"", nullptr},
      // Unknown names leave the current comparator in place.
      {"BytewiseComparator", ReverseBytewiseComparator()},
      {"nonexist", ReverseBytewiseComparator()},
      {"rocksdb.ReverseBytewiseComparator.u64ts", ReverseBytewiseComparator()},
      {"bogus=1", ReverseBytewiseComparator()},
  };
  for (const Case& c : cases) {
    const Comparator* result = ReverseBytewiseComparator();
    EXPECT_TRUE(Comparator::CreateFromString(opts, c.id, &result).ok()) << c.id;
    EXPECT_EQ(c.expected, result) << c.id;
  }
  opts.ignore_unsupported_options = false;
  const Comparator* result = nullptr;
  Status s = Comparator::CreateFromString(opts, "nonexist", &result);
  EXPECT_EQ("Not implemented: Could not load Comparator: nonexist",
            s.ToString());
  EXPECT_EQ(nullptr, result);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
