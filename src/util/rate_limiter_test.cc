// Copyright (c) the rocksdb-cleanroom authors.
//
// GenericRateLimiter: configuration getters, accounting, modes,
// RequestToken alignment (values observed from RocksDB 7.8.3) and measured
// throughput against the configured rate.

#include "rocksdb/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace ROCKSDB_NAMESPACE {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(RateLimiterTest, Configuration) {
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(1000000));
  EXPECT_EQ(1000000, r->GetBytesPerSecond());
  EXPECT_EQ(100000, r->GetSingleBurstBytes());  // one 100 ms refill
  r->SetBytesPerSecond(2000000);
  EXPECT_EQ(2000000, r->GetBytesPerSecond());
  EXPECT_EQ(200000, r->GetSingleBurstBytes());
  int64_t pending = -1;
  ASSERT_TRUE(r->GetTotalPendingRequests(&pending).ok());
  EXPECT_EQ(0, pending);

  std::unique_ptr<RateLimiter> small(NewGenericRateLimiter(1000, 1000));
  EXPECT_EQ(1, small->GetSingleBurstBytes());
  // Auto-tuned limiters start at half the maximum.
  std::unique_ptr<RateLimiter> tuned(NewGenericRateLimiter(
      1000000, 100000, 10, RateLimiter::Mode::kWritesOnly, true));
  EXPECT_EQ(500000, tuned->GetBytesPerSecond());
  EXPECT_EQ(50000, tuned->GetSingleBurstBytes());
}

TEST(RateLimiterTest, AccountingAndModes) {
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(100 << 20));
  r->Request(100, Env::IO_LOW, nullptr, RateLimiter::OpType::kWrite);
  r->Request(200, Env::IO_HIGH, nullptr, RateLimiter::OpType::kWrite);
  r->Request(0, Env::IO_USER, nullptr, RateLimiter::OpType::kWrite);
  // kWritesOnly: reads pass through uncounted.
  r->Request(400, Env::IO_LOW, nullptr, RateLimiter::OpType::kRead);
  EXPECT_EQ(100, r->GetTotalBytesThrough(Env::IO_LOW));
  EXPECT_EQ(200, r->GetTotalBytesThrough(Env::IO_HIGH));
  EXPECT_EQ(300, r->GetTotalBytesThrough());
  EXPECT_EQ(1, r->GetTotalRequests(Env::IO_USER));
  EXPECT_EQ(3, r->GetTotalRequests());
  EXPECT_FALSE(r->IsRateLimited(RateLimiter::OpType::kRead));

  std::unique_ptr<RateLimiter> reads(NewGenericRateLimiter(
      100 << 20, 100000, 10, RateLimiter::Mode::kReadsOnly));
  reads->Request(50, Env::IO_LOW, nullptr, RateLimiter::OpType::kWrite);
  reads->Request(60, Env::IO_LOW, nullptr, RateLimiter::OpType::kRead);
  EXPECT_EQ(60, reads->GetTotalBytesThrough());
}

TEST(RateLimiterTest, RequestToken) {
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(1000000));
  const auto kWrite = RateLimiter::OpType::kWrite;
  // Capped at one burst, then rounded down to the alignment...
  EXPECT_EQ(98304u,
            r->RequestToken(1000000, 4096, Env::IO_HIGH, nullptr, kWrite));
  EXPECT_EQ(100000u,
            r->RequestToken(1000000, 0, Env::IO_HIGH, nullptr, kWrite));
  // ...but never below one aligned unit.
  EXPECT_EQ(4096u, r->RequestToken(100, 4096, Env::IO_HIGH, nullptr, kWrite));
  // Operations the mode does not limit get what they ask for.
  EXPECT_EQ(100u, r->RequestToken(100, 4096, Env::IO_HIGH, nullptr,
                                  RateLimiter::OpType::kRead));
}

TEST(RateLimiterTest, SingleThreadThroughput) {
  const int64_t kRate = 1 << 20;  // 1 MiB/s
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(kRate, 50000));
  auto stats = CreateDBStatistics();
  const int64_t kChunk = kRate / 40;
  const auto start = Clock::now();
  int64_t sent = 0;
  while (sent < kRate) {
    r->Request(kChunk, Env::IO_LOW, stats.get(), RateLimiter::OpType::kWrite);
    sent += kChunk;
  }
  const double secs = SecondsSince(start);
  // The first refill is free, so 1 MiB takes a little under a second.
  EXPECT_GT(secs, 0.8);
  EXPECT_LT(secs, 1.5);  // generous: the machine may be busy
  EXPECT_EQ(sent, r->GetTotalBytesThrough(Env::IO_LOW));
  EXPECT_GT(stats->getTickerCount(NUMBER_RATE_LIMITER_DRAINS), 10u);
}

TEST(RateLimiterTest, ConcurrentThroughputAndPriority) {
  const int64_t kRate = 2 << 20;
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(kRate, 20000));
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const Env::IOPriority pris[] = {Env::IO_LOW, Env::IO_LOW, Env::IO_HIGH,
                                  Env::IO_HIGH};
  for (Env::IOPriority pri : pris) {
    threads.emplace_back([&r, &stop, pri] {
      while (!stop.load()) {
        r->Request(16 << 10, pri, nullptr, RateLimiter::OpType::kWrite);
      }
    });
  }
  const auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  const int64_t through = r->GetTotalBytesThrough();
  const double secs = SecondsSince(start);
  stop.store(true);
  for (auto& t : threads) t.join();

  const double rate = static_cast<double>(through) / secs;
  EXPECT_GT(rate, 0.75 * kRate);
  EXPECT_LT(rate, 1.25 * kRate);
  // Demand (four 16 KiB requests in flight) exceeds one 41 KiB refill, so
  // high priority is served first; low priority still makes progress.
  EXPECT_GT(r->GetTotalBytesThrough(Env::IO_HIGH),
            r->GetTotalBytesThrough(Env::IO_LOW));
  EXPECT_GT(r->GetTotalBytesThrough(Env::IO_LOW), 0);
}

TEST(RateLimiterTest, RequestLargerThanBurstCompletes) {
  std::unique_ptr<RateLimiter> r(NewGenericRateLimiter(100000, 10000));
  ASSERT_EQ(1000, r->GetSingleBurstBytes());
  const auto start = Clock::now();
  r->Request(3000, Env::IO_HIGH, nullptr, RateLimiter::OpType::kWrite);
  EXPECT_LT(SecondsSince(start), 1.0);
  EXPECT_EQ(3000, r->GetTotalBytesThrough());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
