// Copyright (c) the rocksdb-cleanroom authors.
//
// String helpers, option-string parsing and the random generators.
#include "util/string_util.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <unordered_map>

#include "rocksdb/version.h"
#include "util/options_map.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(StringUtilTest, Numbers) {
  EXPECT_EQ("0", NumberToString(0));
  EXPECT_EQ("18446744073709551615", NumberToString(~0ull));
  std::string s = "x";
  AppendNumberTo(&s, 42);
  EXPECT_EQ("x42", s);
}

TEST(StringUtilTest, Escape) {
  EXPECT_EQ("abc", EscapeString("abc"));
  EXPECT_EQ("a\\x00b\\xff\\x0a", EscapeString(Slice("a\0b\xff\n", 5)));
}

TEST(StringUtilTest, ConsumeDecimalNumber) {
  Slice in("12345abc");
  uint64_t v = 0;
  ASSERT_TRUE(ConsumeDecimalNumber(&in, &v));
  EXPECT_EQ(12345u, v);
  EXPECT_EQ("abc", in.ToString());
  EXPECT_FALSE(ConsumeDecimalNumber(&in, &v));
  Slice max("18446744073709551615");
  ASSERT_TRUE(ConsumeDecimalNumber(&max, &v));
  EXPECT_EQ(~0ull, v);
  Slice over("18446744073709551616");
  EXPECT_FALSE(ConsumeDecimalNumber(&over, &v));
}

TEST(StringUtilTest, SplitTrimAffixes) {
  EXPECT_EQ((std::vector<std::string>{"a", "", "b"}), StringSplit("a,,b", ','));
  EXPECT_TRUE(StringSplit("", ',').empty());
  EXPECT_EQ((std::vector<std::string>{"a", ""}), StringSplit("a,", ','));
  EXPECT_EQ("a b", TrimString("  a b\t\n"));
  EXPECT_EQ("", TrimString("   "));
  EXPECT_TRUE(StartsWith("rocksdb.x", "rocksdb."));
  EXPECT_FALSE(StartsWith("rock", "rocksdb."));
  EXPECT_TRUE(EndsWith("file.sst", ".sst"));
  EXPECT_FALSE(EndsWith("sst", ".sst"));
}

TEST(StringUtilTest, Formatting) {
  EXPECT_EQ("01FF", ToHex("\x01\xff", 2));
  EXPECT_EQ("7 x", StringPrintf("%d %s", 7, "x"));
  const std::string big(1000, 'z');
  EXPECT_EQ(big + "!", StringPrintf("%s!", big.c_str()));
  std::string s = "a";
  StringAppendF(&s, "%03d", 5);
  EXPECT_EQ("a005", s);
  EXPECT_EQ("512B", BytesToHumanString(512));
  EXPECT_EQ("1.50KB", BytesToHumanString(1536));
  EXPECT_EQ("2.00MB", BytesToHumanString(2u << 20));
}

TEST(StringUtilTest, VersionStrings) {
  // Formats observed from 7.8.3.
  EXPECT_EQ("7.8.3", GetRocksVersionAsString());
  EXPECT_EQ("7.8", GetRocksVersionAsString(false));
  EXPECT_EQ("prog (RocksDB) 7.8.3", GetRocksBuildInfoAsString("prog"));
  const std::string verbose = GetRocksBuildInfoAsString("prog", true);
  EXPECT_NE(std::string::npos, verbose.find("\n    rocksdb_build_date: "));
  EXPECT_NE(std::string::npos, verbose.find("\n    rocksdb_build_git_sha: "));
  EXPECT_EQ(2u, GetRocksBuildProperties().size());
}

TEST(OptionsMapTest, Parses) {
  std::unordered_map<std::string, std::string> m;
  ASSERT_TRUE(ParseOptionsMap(" a = 1 ; b={x=1;y={z=2}} ;c=", &m).ok());
  EXPECT_EQ(3u, m.size());
  EXPECT_EQ("1", m["a"]);
  EXPECT_EQ("x=1;y={z=2}", m["b"]);
  EXPECT_EQ("", m["c"]);
  ASSERT_TRUE(ParseOptionsMap("{id=X;a=1}", &m).ok());
  EXPECT_EQ("X", m["id"]);
  ASSERT_TRUE(ParseOptionsMap("a=1;a=2;", &m).ok());
  EXPECT_EQ("2", m["a"]);
  ASSERT_TRUE(ParseOptionsMap("", &m).ok());
  EXPECT_TRUE(m.empty());
}

TEST(OptionsMapTest, Rejects) {
  std::unordered_map<std::string, std::string> m;
  for (const char* bad :
       {"a=1;;b=2", "x;a=1", "a", "=1", "a={1", "a=1}", "a={x}}"}) {
    EXPECT_TRUE(ParseOptionsMap(bad, &m).IsInvalidArgument()) << bad;
  }
}

TEST(RandomTest, RangesAndDeterminism) {
  Random a(42), b(42);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.Next(), b.Next());
  Random zero(0);  // a degenerate seed still produces numbers
  std::set<uint32_t> seen;
  for (int i = 0; i < 100; ++i) {
    const uint32_t v = zero.Next();
    ASSERT_GE(v, 1u);
    ASSERT_LT(v, 2147483647u);
    seen.insert(v);
  }
  EXPECT_GT(seen.size(), 90u);
  Random r(301);
  int ones = 0;
  for (int i = 0; i < 10000; ++i) {
    ASSERT_LT(r.Uniform(10), 10u);
    ASSERT_LT(r.Skewed(5), 32u);
    ones += r.OneIn(2) ? 1 : 0;
  }
  EXPECT_GT(ones, 4500);
  EXPECT_LT(ones, 5500);
  EXPECT_EQ(5u, RandomString(&r, 5).size());

  Random64 r64(7), r64b(7);
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(r64.Next(), r64b.Next());
    ASSERT_LT(r64.Uniform(1000), 1000u);
    r64b.Uniform(1000);
    ASSERT_LT(r64.Skewed(10), 1024u);
    r64b.Skewed(10);
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
