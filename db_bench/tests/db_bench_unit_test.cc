// Copyright (c) the rocksdb-cleanroom authors.
//
// Unit tests of db_bench's pieces. The expected values were observed on
// /usr/bin/db_bench: its histogram text for a known set of samples, and the
// keys and values `ldb scan --hex` shows in a database it wrote.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "histogram.h"
#include "key_value.h"
#include "stats.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {
namespace {

std::string Hex(const Slice& s) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// The bucket counts of a histogram RocksDB's db_bench printed for 500
// batched writes (min 6, max 2705).
LatencyHistogram ObservedHistogram() {
  LatencyHistogram h;
  h.Add(6);
  for (int i = 0; i < 121; i++) h.Add(8);
  for (int i = 0; i < 332; i++) h.Add(12);
  for (int i = 0; i < 42; i++) h.Add(20);
  h.Add(30);
  h.Add(60);
  h.Add(100);
  h.Add(2705);
  return h;
}

TEST(LatencyHistogramTest, PercentilesMatchRocksDB) {
  LatencyHistogram h = ObservedHistogram();
  EXPECT_EQ(500u, h.count());
  // RocksDB printed: Median 11.9277, P75 13.81, P99 21.83, P99.9 2400.00,
  // P99.99 2705.00.
  EXPECT_NEAR(11.9277, h.Percentile(50), 1e-4);
  EXPECT_NEAR(13.81, h.Percentile(75), 5e-3);
  EXPECT_NEAR(21.83, h.Percentile(99), 5e-3);
  EXPECT_NEAR(2400.0, h.Percentile(99.9), 1e-9);
  EXPECT_NEAR(2705.0, h.Percentile(99.99), 1e-9);
}

TEST(LatencyHistogramTest, TextLayout) {
  const std::string text = ObservedHistogram().ToString();
  EXPECT_NE(std::string::npos,
            text.find("Min: 6  Median: 11.9277  Max: 2705\n"));
  EXPECT_NE(std::string::npos,
            text.find("(       4,       6 ]        1   0.200%   0.200% \n"));
  EXPECT_NE(std::string::npos,
            text.find("(       6,      10 ]      121  24.200%  24.400% "
                      "#####\n"));
  EXPECT_NE(std::string::npos,
            text.find("(      10,      15 ]      332  66.400%  90.800% "
                      "#############\n"));
  EXPECT_NE(std::string::npos,
            text.find("(    1900,    2900 ]        1   0.200% 100.000% \n"));
  EXPECT_NE(std::string::npos, text.find(std::string(54, '-') + "\n"));
}

TEST(LatencyHistogramTest, MergeAndEmpty) {
  LatencyHistogram a, b;
  EXPECT_EQ(0.0, a.Percentile(50));
  EXPECT_NE(std::string::npos, a.ToString().find("Count: 0 "));
  a.Add(1);
  b.Add(3);
  b.Add(5);
  a.Merge(b);
  EXPECT_EQ(3u, a.count());
  EXPECT_DOUBLE_EQ(3.0, a.Average());
}

TEST(KeyEncoderTest, BigEndianNumberThenZeros) {
  KeyEncoder keys(16);
  EXPECT_EQ("00000000000000013030303030303030", Hex(keys.Encode(1)));
  EXPECT_EQ("000000000002961A3030303030303030", Hex(keys.Encode(0x2961A)));
  // A missing key: the same bytes plus '.'.
  EXPECT_EQ("000000000000000D30303030303030302E", Hex(keys.EncodeMissing(13)));
  EXPECT_EQ(17u, keys.EncodeMissing(13).size());
}

TEST(KeyEncoderTest, ShortAndLongKeys) {
  KeyEncoder short_keys(4);
  EXPECT_EQ("00000001", Hex(short_keys.Encode(1)));
  EXPECT_EQ("01020304", Hex(short_keys.Encode(0x0A0B01020304ull)));
  KeyEncoder long_keys(10);
  EXPECT_EQ("00000000000000013030", Hex(long_keys.Encode(1)));
}

TEST(ValueGeneratorTest, SameBytesAsRocksDB) {
  ValueGenerator values(0.5, 100);
  // The first values /usr/bin/db_bench writes, whatever the seed.
  const Slice v0 = values.Generate(100);
  EXPECT_EQ("5E7B56687A22212F25774D5A3B276120", Hex(v0).substr(0, 32));
  // Half random, then the random half again.
  EXPECT_EQ(v0.ToString().substr(0, 50), v0.ToString().substr(50, 50));
  EXPECT_EQ("624F7B5C5E61543F", Hex(values.Generate(100)).substr(0, 16));
  EXPECT_EQ("7E407E543474706F", Hex(values.Generate(100)).substr(0, 16));
}

TEST(ValueGeneratorTest, RatioAndWrap) {
  ValueGenerator values(0.3, 150);
  const std::string v = values.Generate(100).ToString();
  EXPECT_EQ(v.substr(0, 30), v.substr(30, 30));
  EXPECT_EQ(v.substr(0, 10), v.substr(90, 10));
  for (char c : v) {
    EXPECT_GE(c, ' ');
    EXPECT_LE(c, '~');
  }
  // The buffer is 10486 pieces of 100 bytes; the 10487th value starts over.
  ValueGenerator wrap(0.5, 100);
  const std::string first = wrap.Generate(100).ToString();
  for (int i = 1; i < 10486; i++) wrap.Generate(100);
  EXPECT_EQ(first, wrap.Generate(100).ToString());
}

TEST(KeyRandomTest, SeededAndUniform) {
  KeyRandom a(42), b(42), c(43);
  EXPECT_EQ(a.Next(), b.Next());
  EXPECT_NE(a.Next(), c.Next());
  KeyRandom r(7);
  int hits[10] = {};
  for (int i = 0; i < 100000; i++) hits[r.Uniform(10)]++;
  for (int h : hits) EXPECT_NEAR(10000, h, 500);
}

TEST(StatsTest, ResultLineOfMergedThreads) {
  Stats a(false, false), b(false, false);
  a.Start();
  b.Start();
  a.FinishedOps(10, OpType::kRead);
  b.FinishedOps(5, OpType::kRead);
  a.AddBytes(1160);
  a.AddMessage("(1 of 10 found)\n");
  b.AddMessage("(2 of 5 found)\n");
  a.Stop();
  b.Stop();
  a.Merge(b);
  EXPECT_EQ(15, a.done());
  testing::internal::CaptureStdout();
  a.Report("readrandom");
  const std::string line = testing::internal::GetCapturedStdout();
  // The first thread's message wins, as in RocksDB's db_bench.
  EXPECT_TRUE(std::regex_match(
      line,
      std::regex("readrandom   : +[0-9]+\\.[0-9]{3} micros/op [0-9]+ ops/sec "
                 "[0-9]+\\.[0-9]{3} seconds 15 operations; +[0-9.]+ MB/s "
                 "\\(1 of 10 found\\)\n\n")))
      << line;
}

TEST(StatsTest, NoBytesNoRate) {
  Stats s(false, false);
  s.Start();
  s.FinishedOps(3, OpType::kDelete);
  s.Stop();
  testing::internal::CaptureStdout();
  s.Report("deleterandom");
  const std::string line = testing::internal::GetCapturedStdout();
  EXPECT_EQ(0u, line.find("deleterandom : "));
  EXPECT_NE(std::string::npos, line.find(" 3 operations;\n"));
}

}  // namespace
}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
