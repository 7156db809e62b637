// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBufferManager accounting, flush/stall decisions and cache charging.
// Expected values observed on RocksDB 7.8.3 with the same call sequences.
#include "rocksdb/write_buffer_manager.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "rocksdb/cache.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr size_t kDummy = 256 * 1024;

TEST(WriteBufferManagerTest, DisabledWithoutCacheTracksNothing) {
  WriteBufferManager wbm(0);
  EXPECT_FALSE(wbm.enabled());
  EXPECT_FALSE(wbm.cost_to_cache());
  wbm.ReserveMem(100);
  wbm.ScheduleFreeMem(50);
  EXPECT_EQ(wbm.memory_usage(), 0u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 0u);
  EXPECT_FALSE(wbm.ShouldFlush());
  EXPECT_FALSE(wbm.ShouldStall());
  wbm.FreeMem(100);
  EXPECT_EQ(wbm.memory_usage(), 0u);
}

TEST(WriteBufferManagerTest, AccountingAndShouldFlush) {
  WriteBufferManager wbm(1000);
  EXPECT_TRUE(wbm.enabled());
  EXPECT_EQ(wbm.buffer_size(), 1000u);

  wbm.ReserveMem(800);
  EXPECT_EQ(wbm.memory_usage(), 800u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 800u);
  EXPECT_FALSE(wbm.ShouldFlush());  // 800 <= 7/8 of 1000

  wbm.ReserveMem(100);
  EXPECT_TRUE(wbm.ShouldFlush());  // mutable 900 > 875

  wbm.ScheduleFreeMem(500);
  EXPECT_EQ(wbm.memory_usage(), 900u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 400u);
  EXPECT_FALSE(wbm.ShouldFlush());

  wbm.ReserveMem(200);  // total 1100 >= 1000 and mutable 600 >= 500
  EXPECT_TRUE(wbm.ShouldFlush());
  wbm.ScheduleFreeMem(100);  // mutable 500, still half the budget
  EXPECT_TRUE(wbm.ShouldFlush());

  wbm.FreeMem(600);
  EXPECT_EQ(wbm.memory_usage(), 500u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 500u);
  EXPECT_FALSE(wbm.ShouldFlush());

  wbm.SetBufferSize(100);
  EXPECT_EQ(wbm.buffer_size(), 100u);
  EXPECT_TRUE(wbm.ShouldFlush());
  EXPECT_FALSE(wbm.ShouldStall());  // stalling not allowed
}

// Blocks in Block() until Signal().
class TestStall : public StallInterface {
 public:
  void Block() override {
    while (!signaled_.load()) std::this_thread::yield();
  }
  void Signal() override { signaled_.store(true); }
  bool signaled() const { return signaled_.load(); }

 private:
  std::atomic<bool> signaled_{false};
};

TEST(WriteBufferManagerTest, StallUntilMemoryIsFreed) {
  WriteBufferManager wbm(1000, {}, /*allow_stall=*/true);
  wbm.ReserveMem(999);
  EXPECT_FALSE(wbm.ShouldStall());
  wbm.ReserveMem(1);
  EXPECT_TRUE(wbm.IsStallThresholdExceeded());
  EXPECT_TRUE(wbm.ShouldStall());
  EXPECT_FALSE(wbm.IsStallActive());

  TestStall writer;
  wbm.BeginWriteStall(&writer);
  EXPECT_TRUE(wbm.IsStallActive());
  EXPECT_FALSE(writer.signaled());

  std::thread blocked([&] { writer.Block(); });
  wbm.FreeMem(1);  // back under the budget: the stall ends
  blocked.join();
  EXPECT_TRUE(writer.signaled());
  EXPECT_FALSE(wbm.IsStallActive());
  EXPECT_FALSE(wbm.ShouldStall());
}

TEST(WriteBufferManagerTest, BeginStallWithoutPressureSignalsAtOnce) {
  WriteBufferManager wbm(1000, {}, true);
  TestStall writer;
  wbm.BeginWriteStall(&writer);
  EXPECT_TRUE(writer.signaled());
  EXPECT_FALSE(wbm.IsStallActive());
}

TEST(WriteBufferManagerTest, RemoveDBFromQueueSignalsIt) {
  WriteBufferManager wbm(10, {}, true);
  wbm.ReserveMem(20);
  TestStall a, b;
  wbm.BeginWriteStall(&a);
  wbm.BeginWriteStall(&b);
  wbm.RemoveDBFromQueue(&a);
  EXPECT_TRUE(a.signaled());
  EXPECT_FALSE(b.signaled());
  wbm.SetBufferSize(0);  // disabling the budget ends the stall
  EXPECT_TRUE(b.signaled());
}

TEST(WriteBufferManagerTest, ChargesCacheWithDummyEntries) {
  std::shared_ptr<Cache> cache = NewLRUCache(64 << 20, 0);
  WriteBufferManager wbm(0, cache);
  EXPECT_TRUE(wbm.cost_to_cache());
  EXPECT_FALSE(wbm.enabled());

  wbm.ReserveMem(100);
  EXPECT_EQ(wbm.memory_usage(), 100u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 0u);  // no budget
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), kDummy);
  EXPECT_GE(cache->GetPinnedUsage(), kDummy);

  wbm.ReserveMem(300 << 10);
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), 2 * kDummy);
  wbm.FreeMem(300 << 10);
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), kDummy);
  wbm.FreeMem(100);
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), 0u);
  EXPECT_EQ(cache->GetPinnedUsage(), 0u);

  // Shrinks only below 3/4 of the charge, then to the fewest entries.
  wbm.ReserveMem(10 << 20);
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), size_t{10} << 20);
  wbm.FreeMem(2 << 20);  // 8MB used: above 7.5MB, keep 10MB
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), size_t{10} << 20);
  wbm.FreeMem(3 << 20);  // 5MB used
  EXPECT_EQ(wbm.dummy_entries_in_cache_usage(), size_t{5} << 20);
}

TEST(WriteBufferManagerTest, DestructorReleasesCacheCharge) {
  std::shared_ptr<Cache> cache = NewLRUCache(64 << 20, 0);
  {
    WriteBufferManager wbm(0, cache);
    wbm.ReserveMem(1 << 20);
    EXPECT_GE(cache->GetUsage(), size_t{1} << 20);
  }
  EXPECT_EQ(cache->GetUsage(), 0u);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
