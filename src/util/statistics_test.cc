// Copyright (c) the rocksdb-cleanroom authors.
//
// Statistics: enum numbering and names, ticker and histogram semantics,
// stats levels, and the report formats. Expected strings were produced by
// RocksDB 7.8.3 (Debian's librocksdb) for the same calls.

#include "rocksdb/statistics.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

#include "rocksdb/convenience.h"
#include "util/histogram.h"

#define ASSERT_OK(expr)                          \
  do {                                           \
    const ROCKSDB_NAMESPACE::Status s_ = (expr); \
    ASSERT_TRUE(s_.ok()) << s_.ToString();       \
  } while (0)

namespace ROCKSDB_NAMESPACE {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The calls whose output we captured from RocksDB 7.8.3.
std::shared_ptr<Statistics> ReferenceStatistics() {
  auto s = CreateDBStatistics();
  s->recordTick(BLOCK_CACHE_HIT, 5);
  s->recordTick(BLOCK_CACHE_MISS);  // default count is 0
  for (uint64_t i = 1; i <= 100; i++) s->reportTimeToHistogram(DB_GET, i);
  s->recordInHistogram(DB_WRITE, 1000);
  s->recordInHistogram(BYTES_PER_READ, 7);
  s->recordInHistogram(BYTES_PER_READ, 70000);
  return s;
}

TEST(StatisticsEnumTest, NumberingMatchesRocksDB783) {
  EXPECT_EQ(0u, BLOCK_CACHE_MISS);
  EXPECT_EQ(20u, BLOOM_FILTER_USEFUL);
  EXPECT_EQ(39u, COMPACTION_CANCELLED);
  EXPECT_EQ(75u, WAL_FILE_SYNCED);
  EXPECT_EQ(103u, NUMBER_RATE_LIMITER_DRAINS);
  EXPECT_EQ(105u, BLOB_DB_NUM_PUT);
  EXPECT_EQ(192u, ASYNC_READ_ERROR_COUNT);
  EXPECT_EQ(193u, TICKER_ENUM_MAX);
  EXPECT_EQ(0u, DB_GET);
  EXPECT_EQ(27u, BYTES_COMPRESSED);
  EXPECT_EQ(46u, FLUSH_TIME);
  EXPECT_EQ(57u, ASYNC_PREFETCH_ABORT_MICROS);
  EXPECT_EQ(58u, HISTOGRAM_ENUM_MAX);
  EXPECT_EQ(0, kDisableAll);
  EXPECT_EQ(kDisableAll, kExceptTickers);
  EXPECT_EQ(3, kExceptDetailedTimers);
  EXPECT_EQ(5, kAll);
}

TEST(StatisticsEnumTest, NameMapsCoverEveryValueInOrder) {
  ASSERT_EQ(static_cast<size_t>(TICKER_ENUM_MAX), TickersNameMap.size());
  for (size_t i = 0; i < TickersNameMap.size(); i++) {
    EXPECT_EQ(i, TickersNameMap[i].first);
  }
  ASSERT_EQ(static_cast<size_t>(HISTOGRAM_ENUM_MAX), HistogramsNameMap.size());
  for (size_t i = 0; i < HistogramsNameMap.size(); i++) {
    EXPECT_EQ(i, HistogramsNameMap[i].first);
  }
  EXPECT_EQ("rocksdb.block.cache.miss",
            TickersNameMap[BLOCK_CACHE_MISS].second);
  EXPECT_EQ("rocksdb.l2andup.hit", TickersNameMap[GET_HIT_L2_AND_UP].second);
  EXPECT_EQ("rocksdb.compaction.key.drop.new",
            TickersNameMap[COMPACTION_KEY_DROP_NEWER_ENTRY].second);
  EXPECT_EQ("rocksdb.db.iter.bytes.read",
            TickersNameMap[ITER_BYTES_READ].second);
  EXPECT_EQ("rocksdb.block.cachecompressed.miss",
            TickersNameMap[BLOCK_CACHE_COMPRESSED_MISS].second);
  EXPECT_EQ("rocksdb.async.read.error.count",
            TickersNameMap[ASYNC_READ_ERROR_COUNT].second);
  EXPECT_EQ("rocksdb.db.get.micros", HistogramsNameMap[DB_GET].second);
  EXPECT_EQ("rocksdb.db.flush.micros", HistogramsNameMap[FLUSH_TIME].second);
  EXPECT_EQ("rocksdb.async.prefetch.abort.micros",
            HistogramsNameMap[ASYNC_PREFETCH_ABORT_MICROS].second);
}

TEST(StatisticsTest, Tickers) {
  auto s = CreateDBStatistics();
  EXPECT_STREQ("BasicStatistics", s->Name());
  EXPECT_EQ(kExceptDetailedTimers, s->get_stats_level());
  EXPECT_EQ(0u, s->getTickerCount(BYTES_READ));
  s->recordTick(BYTES_READ, 10);
  s->recordTick(BYTES_READ, 5);
  EXPECT_EQ(15u, s->getTickerCount(BYTES_READ));
  EXPECT_EQ(15u, s->getAndResetTickerCount(BYTES_READ));
  EXPECT_EQ(0u, s->getTickerCount(BYTES_READ));
  s->setTickerCount(BYTES_READ, 42);
  EXPECT_EQ(42u, s->getTickerCount(BYTES_READ));
  // Out-of-range ids are ignored rather than crashing.
  s->recordTick(TICKER_ENUM_MAX + 3, 1);
  EXPECT_EQ(0u, s->getTickerCount(TICKER_ENUM_MAX + 3));

  std::map<std::string, uint64_t> map;
  ASSERT_TRUE(s->getTickerMap(&map));
  EXPECT_EQ(TickersNameMap.size(), map.size());
  EXPECT_EQ(42u, map["rocksdb.bytes.read"]);
  EXPECT_EQ(0u, map["rocksdb.bytes.written"]);

  ASSERT_OK(s->Reset());
  EXPECT_EQ(0u, s->getTickerCount(BYTES_READ));
}

TEST(StatisticsTest, ConcurrentTicksAreNotLost) {
  auto s = CreateDBStatistics();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&s] {
      for (int i = 0; i < 10000; i++) {
        s->recordTick(NUMBER_KEYS_WRITTEN, 1);
        s->recordInHistogram(DB_WRITE, 3);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(40000u, s->getTickerCount(NUMBER_KEYS_WRITTEN));
  HistogramData d;
  s->histogramData(DB_WRITE, &d);
  EXPECT_EQ(40000u, d.count);
  EXPECT_EQ(120000u, d.sum);
  EXPECT_EQ(3.0, d.min);
  EXPECT_EQ(3.0, d.max);
}

TEST(StatisticsTest, HistogramDataMatchesRocksDB) {
  auto s = ReferenceStatistics();
  HistogramData d;
  s->histogramData(DB_GET, &d);
  EXPECT_DOUBLE_EQ(50.0, d.median);
  EXPECT_DOUBLE_EQ(100.0, d.percentile95);
  EXPECT_DOUBLE_EQ(100.0, d.percentile99);
  EXPECT_DOUBLE_EQ(50.5, d.average);
  EXPECT_NEAR(28.866070, d.standard_deviation, 1e-6);
  EXPECT_DOUBLE_EQ(100.0, d.max);
  EXPECT_DOUBLE_EQ(1.0, d.min);
  EXPECT_EQ(100u, d.count);
  EXPECT_EQ(5050u, d.sum);

  s->histogramData(BYTES_PER_READ, &d);
  EXPECT_DOUBLE_EQ(10.0, d.median);
  EXPECT_DOUBLE_EQ(70000.0, d.percentile95);
  EXPECT_DOUBLE_EQ(35003.5, d.average);
  EXPECT_DOUBLE_EQ(34996.5, d.standard_deviation);

  // An empty histogram reports zeros, except min, which RocksDB leaves at
  // the largest bucket limit.
  s->histogramData(FLUSH_TIME, &d);
  EXPECT_EQ(0u, d.count);
  EXPECT_EQ(0.0, d.median);
  EXPECT_EQ(0.0, d.max);
  EXPECT_EQ(13000000000000000000.0, d.min);
}

TEST(StatisticsTest, HistogramStringMatchesRocksDB) {
  auto s = ReferenceStatistics();
  EXPECT_EQ(
      "Count: 100 Average: 50.5000  StdDev: 28.87\n"
      "Min: 1  Median: 50.0000  Max: 100\n"
      "Percentiles: P50: 50.00 P75: 75.00 P99: 100.00 P99.9: 100.00 "
      "P99.99: 100.00\n"
      "------------------------------------------------------\n"
      "[       0,       1 ]        1   1.000%   1.000% \n"
      "(       1,       2 ]        1   1.000%   2.000% \n"
      "(       2,       3 ]        1   1.000%   3.000% \n"
      "(       3,       4 ]        1   1.000%   4.000% \n"
      "(       4,       6 ]        2   2.000%   6.000% \n"
      "(       6,      10 ]        4   4.000%  10.000% #\n"
      "(      10,      15 ]        5   5.000%  15.000% #\n"
      "(      15,      22 ]        7   7.000%  22.000% #\n"
      "(      22,      34 ]       12  12.000%  34.000% ##\n"
      "(      34,      51 ]       17  17.000%  51.000% ###\n"
      "(      51,      76 ]       25  25.000%  76.000% #####\n"
      "(      76,     110 ]       24  24.000% 100.000% #####\n",
      s->getHistogramString(DB_GET));
  EXPECT_EQ(
      "Count: 1 Average: 1000.0000  StdDev: 0.00\n"
      "Min: 1000  Median: 1000.0000  Max: 1000\n"
      "Percentiles: P50: 1000.00 P75: 1000.00 P99: 1000.00 P99.9: 1000.00 "
      "P99.99: 1000.00\n"
      "------------------------------------------------------\n"
      "(     870,    1300 ]        1 100.000% 100.000% "
      "####################\n",
      s->getHistogramString(DB_WRITE));
  EXPECT_EQ(
      "Count: 0 Average: 0.0000  StdDev: 0.00\n"
      "Min: 0  Median: 0.0000  Max: 0\n"
      "Percentiles: P50: 0.00 P75: 0.00 P99: 0.00 P99.9: 0.00 P99.99: 0.00\n"
      "------------------------------------------------------\n",
      s->getHistogramString(FLUSH_TIME));
}

TEST(StatisticsTest, ToStringMatchesRocksDB) {
  auto s = ReferenceStatistics();
  std::vector<std::string> lines = Lines(s->ToString());
  ASSERT_EQ(TickersNameMap.size() + HistogramsNameMap.size(), lines.size());
  EXPECT_EQ("rocksdb.block.cache.miss COUNT : 0", lines[0]);
  EXPECT_EQ("rocksdb.block.cache.hit COUNT : 5", lines[1]);
  EXPECT_EQ("rocksdb.async.read.error.count COUNT : 0", lines[192]);
  EXPECT_EQ(
      "rocksdb.db.get.micros P50 : 50.000000 P95 : 100.000000 P99 : "
      "100.000000 P100 : 100.000000 COUNT : 100 SUM : 5050",
      lines[193]);
  EXPECT_EQ(
      "rocksdb.db.write.micros P50 : 1000.000000 P95 : 1000.000000 P99 : "
      "1000.000000 P100 : 1000.000000 COUNT : 1 SUM : 1000",
      lines[194]);
  EXPECT_EQ(
      "rocksdb.bytes.per.read P50 : 10.000000 P95 : 70000.000000 P99 : "
      "70000.000000 P100 : 70000.000000 COUNT : 2 SUM : 70007",
      lines[193 + BYTES_PER_READ]);
  EXPECT_EQ(
      "rocksdb.async.prefetch.abort.micros P50 : 0.000000 P95 : 0.000000 "
      "P99 : 0.000000 P100 : 0.000000 COUNT : 0 SUM : 0",
      lines.back());
  for (size_t i = 0; i < TickersNameMap.size(); i++) {
    EXPECT_EQ(0u, lines[i].rfind(TickersNameMap[i].second + " COUNT : ", 0));
  }
}

TEST(StatisticsTest, StatsLevels) {
  auto s = CreateDBStatistics();
  HistogramData d;
  // Tickers only: histograms are skipped entirely.
  s->set_stats_level(kExceptHistogramOrTimers);
  s->recordTick(BYTES_READ, 1);
  s->recordInHistogram(DB_GET, 1);
  s->reportTimeToHistogram(DB_GET, 1);
  s->histogramData(DB_GET, &d);
  EXPECT_EQ(1u, s->getTickerCount(BYTES_READ));
  EXPECT_EQ(0u, d.count);
  // No timers: recordInHistogram counts, reportTimeToHistogram does not.
  s->set_stats_level(kExceptTimers);
  s->recordInHistogram(DB_GET, 1);
  s->reportTimeToHistogram(DB_GET, 1);
  s->histogramData(DB_GET, &d);
  EXPECT_EQ(1u, d.count);
  // Nothing: ticks are dropped, but setTickerCount still works.
  s->set_stats_level(kDisableAll);
  s->recordTick(BYTES_READ, 1);
  EXPECT_EQ(1u, s->getTickerCount(BYTES_READ));
  s->setTickerCount(BYTES_READ, 7);
  EXPECT_EQ(7u, s->getTickerCount(BYTES_READ));
}

TEST(StatisticsTest, CreateFromString) {
  ConfigOptions opts;
  std::shared_ptr<Statistics> result;
  ASSERT_OK(Statistics::CreateFromString(opts, "BasicStatistics", &result));
  ASSERT_NE(nullptr, result);
  EXPECT_STREQ("BasicStatistics", result->Name());
  result.reset();
  ASSERT_OK(Statistics::CreateFromString(opts, "id=BasicStatistics", &result));
  ASSERT_NE(nullptr, result);
  ASSERT_OK(Statistics::CreateFromString(opts, "nullptr", &result));
  EXPECT_EQ(nullptr, result);
  ASSERT_OK(Statistics::CreateFromString(opts, "", &result));
  ASSERT_NE(nullptr, result);

  // Unknown names are ignored (result untouched) or refused.
  Statistics* before = result.get();
  ASSERT_OK(Statistics::CreateFromString(opts, "foo", &result));
  EXPECT_EQ(before, result.get());
  opts.ignore_unsupported_options = false;
  Status s = Statistics::CreateFromString(opts, "foo", &result);
  EXPECT_TRUE(s.IsNotSupported());
  EXPECT_EQ("Not implemented: Could not load Statistics: foo", s.ToString());
  s = Statistics::CreateFromString(opts, "id=BasicStatistics; foo=1", &result);
  EXPECT_TRUE(s.IsNotFound());
}

// A user subclass written against the old measureTime() API keeps working
// through recordInHistogram().
TEST(StatisticsTest, LegacyMeasureTimeSubclass) {
  class Legacy : public Statistics {
   public:
    uint64_t getTickerCount(uint32_t) const override { return 0; }
    void histogramData(uint32_t, HistogramData* const) const override {}
    void recordTick(uint32_t, uint64_t) override {}
    void setTickerCount(uint32_t, uint64_t) override {}
    uint64_t getAndResetTickerCount(uint32_t) override { return 0; }
    void measureTime(uint32_t, uint64_t time) override { last = time; }
    uint64_t last = 0;
  };
  Legacy legacy;
  legacy.recordInHistogram(DB_GET, 17);
  EXPECT_EQ(17u, legacy.last);
  EXPECT_EQ("ToString(): not implemented", legacy.ToString());
  EXPECT_TRUE(legacy.Reset().IsNotSupported());
}

TEST(HistogramTest, BucketLayoutMatchesRocksDB) {
  const HistogramBuckets& b = HistogramBuckets::Get();
  ASSERT_EQ(109u, b.size());
  const uint64_t first[] = {1,  2,  3,  4,   6,   10,  15,  22,
                            34, 51, 76, 110, 170, 250, 380, 580};
  for (size_t i = 0; i < sizeof(first) / sizeof(first[0]); i++) {
    EXPECT_EQ(first[i], b.Limit(i)) << i;
  }
  EXPECT_EQ(1200000u, b.Limit(34));
  EXPECT_EQ(108000000000000u, b.Limit(79));
  EXPECT_EQ(13000000000000000000u, b.LastLimit());
  EXPECT_EQ(0u, b.IndexOf(0));
  EXPECT_EQ(0u, b.IndexOf(1));
  EXPECT_EQ(5u, b.IndexOf(7));
  EXPECT_EQ(108u, b.IndexOf(~uint64_t{0}));
}

TEST(HistogramTest, MergeAndClear) {
  Histogram a, b;
  for (uint64_t v = 1; v <= 50; v++) a.Add(v);
  for (uint64_t v = 51; v <= 100; v++) b.Add(v);
  a.Merge(b);
  EXPECT_EQ(100u, a.count());
  EXPECT_EQ(5050u, a.sum());
  EXPECT_EQ(1u, a.min());
  EXPECT_EQ(100u, a.max());
  EXPECT_DOUBLE_EQ(50.0, a.Median());
  EXPECT_DOUBLE_EQ(75.0, a.Percentile(75));
  a.Clear();
  EXPECT_EQ(0u, a.count());
  EXPECT_EQ(0.0, a.Median());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
