// Copyright (c) the rocksdb-cleanroom authors.
//
// LRU cache behaviour. Expected values were observed from RocksDB 7.8.3
// through its public API.

#include "cache/lru_cache.h"

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/cache.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

testing::AssertionResult IsOk(const Status& s) {
  if (s.ok()) return testing::AssertionSuccess();
  return testing::AssertionFailure() << s.ToString();
}
#define ASSERT_OK(expr) ASSERT_TRUE(IsOk(expr))

// Values are ints encoded in the pointer; the deleter records them.
std::vector<int>* deleted = nullptr;

void RecordingDeleter(const Slice& /*key*/, void* value) {
  if (deleted != nullptr) {
    deleted->push_back(static_cast<int>(reinterpret_cast<intptr_t>(value)));
  }
}

void* V(int v) { return reinterpret_cast<void*>(static_cast<intptr_t>(v)); }

class LRUCacheTest : public testing::Test {
 protected:
  LRUCacheTest() { deleted = &deleted_; }
  ~LRUCacheTest() override { deleted = nullptr; }

  // A single-shard cache that charges exactly what is given.
  void Open(size_t capacity, double high_ratio = 0.0, bool strict = false,
            double low_ratio = 0.0) {
    cache_ = NewLRUCache(capacity, 0, strict, high_ratio, nullptr, false,
                         kDontChargeCacheMetadata, low_ratio);
    ASSERT_NE(cache_, nullptr);
  }

  Status Put(const std::string& key, int value, size_t charge = 100,
             Cache::Priority pri = Cache::Priority::LOW) {
    return cache_->Insert(key, V(value), charge, &RecordingDeleter, nullptr,
                          pri);
  }

  // The value for key, or -1; does not keep a reference.
  int Get(const std::string& key) {
    Cache::Handle* h = cache_->Lookup(key);
    if (h == nullptr) return -1;
    int v = static_cast<int>(reinterpret_cast<intptr_t>(cache_->Value(h)));
    cache_->Release(h);
    return v;
  }

  // Which of `keys` are present, without touching recency... as far as a
  // Lookup allows: call only at the end of a scenario.
  std::string Present(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) {
      if (Get(k) != -1) out += k + " ";
    }
    return out;
  }

  std::vector<int> deleted_;
  std::shared_ptr<Cache> cache_;
};

TEST_F(LRUCacheTest, InsertLookupErase) {
  Open(1000);
  EXPECT_STREQ("LRUCache", cache_->Name());
  EXPECT_EQ(-1, Get("a"));
  ASSERT_OK(Put("a", 1));
  ASSERT_OK(Put("b", 2));
  EXPECT_EQ(1, Get("a"));
  EXPECT_EQ(2, Get("b"));
  EXPECT_EQ(200u, cache_->GetUsage());
  EXPECT_EQ(16u, cache_->GetTableAddressCount());

  ASSERT_OK(Put("a", 3));  // replaces, the old value is deleted
  EXPECT_EQ(3, Get("a"));
  EXPECT_EQ(std::vector<int>({1}), deleted_);

  cache_->Erase("b");
  EXPECT_EQ(-1, Get("b"));
  EXPECT_EQ(std::vector<int>({1, 2}), deleted_);
  EXPECT_EQ(100u, cache_->GetUsage());
  cache_->Erase("missing");

  cache_.reset();  // destruction deletes what is left
  EXPECT_EQ(std::vector<int>({1, 2, 3}), deleted_);
}

TEST_F(LRUCacheTest, EvictsLeastRecentlyUsed) {
  Open(500);
  for (int i = 0; i < 5; i++) ASSERT_OK(Put(std::string(1, 'a' + i), i));
  EXPECT_EQ(0, Get("a"));  // a becomes the most recent
  ASSERT_OK(Put("f", 5));
  EXPECT_EQ(std::vector<int>({1}), deleted_);  // b was the oldest
  EXPECT_EQ("a c d e f ", Present({"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(500u, cache_->GetUsage());
}

TEST_F(LRUCacheTest, PinnedEntriesAreNotEvicted) {
  Open(300);
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->Insert("p", V(7), 100, &RecordingDeleter, &h));
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(100u, cache_->GetPinnedUsage());
  EXPECT_EQ(100u, cache_->GetCharge(h));
  EXPECT_EQ(100u, cache_->GetUsage(h));
  EXPECT_EQ(&RecordingDeleter, cache_->GetDeleter(h));
  for (int i = 0; i < 10; i++) ASSERT_OK(Put("k" + std::to_string(i), i));
  EXPECT_EQ(7, reinterpret_cast<intptr_t>(cache_->Value(h)));
  EXPECT_EQ(300u, cache_->GetUsage());
  EXPECT_FALSE(cache_->Release(h));  // stays cached
  EXPECT_EQ(0u, cache_->GetPinnedUsage());
  EXPECT_EQ(7, Get("p"));
}

TEST_F(LRUCacheTest, OccupancyAndTableSize) {
  // RocksDB 7.8.3's LRUCache reports the pinned usage as its occupancy
  // count (observed); the hyper clock personality counts entries.
  Open(100000);
  Cache::Handle* a = nullptr;
  Cache::Handle* b = nullptr;
  ASSERT_OK(cache_->Insert("a", V(1), 37, &RecordingDeleter, &a));
  ASSERT_OK(cache_->Insert("b", V(2), 5, &RecordingDeleter, &b));
  EXPECT_EQ(42u, cache_->GetOccupancyCount());
  cache_->Release(a);
  EXPECT_EQ(5u, cache_->GetOccupancyCount());
  cache_->Release(b);
  EXPECT_EQ(0u, cache_->GetOccupancyCount());
  // The table doubles when it holds more entries than buckets.
  for (int i = 0; i < 40; i++) ASSERT_OK(Put("k" + std::to_string(i), i, 1));
  EXPECT_EQ(64u, cache_->GetTableAddressCount());

  HyperClockCacheOptions opts(100000, 100, 0);
  auto hyper = opts.MakeSharedCache();
  ASSERT_OK(hyper->Insert("x", nullptr, 1, nullptr));
  ASSERT_OK(hyper->Insert("y", nullptr, 1, nullptr));
  EXPECT_EQ(2u, hyper->GetOccupancyCount());
}

TEST_F(LRUCacheTest, EraseWhileReferenced) {
  Open(1000);
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->Insert("a", V(1), 100, &RecordingDeleter, &h));
  cache_->Erase("a");
  EXPECT_EQ(-1, Get("a"));
  EXPECT_TRUE(deleted_.empty());
  EXPECT_EQ(100u, cache_->GetUsage());  // still charged while referenced
  EXPECT_EQ(100u, cache_->GetPinnedUsage());
  EXPECT_TRUE(cache_->Ref(h));
  EXPECT_FALSE(cache_->Release(h));
  EXPECT_TRUE(cache_->Release(h));  // last reference: freed
  EXPECT_EQ(std::vector<int>({1}), deleted_);
  EXPECT_EQ(0u, cache_->GetUsage());
}

TEST_F(LRUCacheTest, ReplaceWhileReferenced) {
  Open(1000);
  Cache::Handle* old_h = nullptr;
  Cache::Handle* new_h = nullptr;
  ASSERT_OK(cache_->Insert("a", V(1), 100, &RecordingDeleter, &old_h));
  ASSERT_OK(cache_->Insert("a", V(2), 150, &RecordingDeleter, &new_h));
  EXPECT_EQ(250u, cache_->GetUsage());
  EXPECT_EQ(250u, cache_->GetPinnedUsage());
  EXPECT_EQ(2, Get("a"));
  EXPECT_TRUE(cache_->Release(old_h));
  EXPECT_EQ(150u, cache_->GetUsage());
  EXPECT_TRUE(cache_->Release(new_h, /*erase_if_last_ref=*/true));
  EXPECT_EQ(0u, cache_->GetUsage());
  EXPECT_EQ(std::vector<int>({1, 2}), deleted_);
}

TEST_F(LRUCacheTest, EraseIfLastRef) {
  Open(1000);
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->Insert("b", V(1), 100, &RecordingDeleter, &h));
  EXPECT_TRUE(cache_->Ref(h));
  EXPECT_FALSE(cache_->Release(h, true));
  EXPECT_TRUE(cache_->Release(h, true));
  EXPECT_EQ(-1, Get("b"));
}

TEST_F(LRUCacheTest, StrictCapacityLimit) {
  Open(1000, 0.5, /*strict=*/true);
  EXPECT_TRUE(cache_->HasStrictCapacityLimit());
  Cache::Handle* h = reinterpret_cast<Cache::Handle*>(1);
  Status s = cache_->Insert("big", V(1), 2000, &RecordingDeleter, &h);
  EXPECT_TRUE(s.IsMemoryLimit());
  EXPECT_EQ(
      "Operation aborted: Memory limit reached: Insert failed due to LRU "
      "cache being full.",
      s.ToString());
  EXPECT_EQ(nullptr, h);
  EXPECT_TRUE(deleted_.empty());  // the caller still owns the value

  // Without a handle the insert "succeeds" and the value is dropped.
  ASSERT_OK(cache_->Insert("big", V(2), 2000, &RecordingDeleter));
  EXPECT_EQ(std::vector<int>({2}), deleted_);
  EXPECT_EQ(0u, cache_->GetUsage());

  Cache::Handle* a = nullptr;
  Cache::Handle* b = nullptr;
  ASSERT_OK(cache_->Insert("a", V(3), 600, &RecordingDeleter, &a));
  s = cache_->Insert("b", V(4), 600, &RecordingDeleter, &b);
  EXPECT_TRUE(s.IsMemoryLimit());
  cache_->Release(a);
  // Unreferenced entries are evicted to make room.
  ASSERT_OK(cache_->Insert("b", V(4), 600, &RecordingDeleter, &b));
  cache_->Release(b);
  EXPECT_EQ(-1, Get("a"));

  cache_->SetStrictCapacityLimit(false);
  EXPECT_FALSE(cache_->HasStrictCapacityLimit());
}

TEST_F(LRUCacheTest, OverCapacityWithoutStrictLimit) {
  Open(1000);
  ASSERT_OK(Put("k", 1, 10));
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->Insert("big", V(2), 2000, &RecordingDeleter, &h));
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(2000u, cache_->GetUsage());
  EXPECT_EQ(-1, Get("k"));          // evicted to make room
  EXPECT_TRUE(cache_->Release(h));  // over capacity: dropped on release
  EXPECT_EQ(0u, cache_->GetUsage());
  EXPECT_EQ(-1, Get("big"));

  ASSERT_OK(cache_->Insert("big2", V(3), 2000, &RecordingDeleter));
  EXPECT_EQ(0u, cache_->GetUsage());
  EXPECT_EQ(std::vector<int>({1, 2, 3}), deleted_);
}

TEST_F(LRUCacheTest, PriorityPools) {
  // High pool: 250 of 500; no low pool, so LOW entries share the bottom
  // pool with BOTTOM ones. An overflowing high pool demotes its oldest
  // entry instead of evicting it.
  Open(500, 0.5);
  ASSERT_OK(Put("h1", 1, 100, Cache::Priority::HIGH));
  ASSERT_OK(Put("h2", 2, 100, Cache::Priority::HIGH));
  ASSERT_OK(Put("l1", 3, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("l2", 4, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("b1", 5, 100, Cache::Priority::BOTTOM));
  ASSERT_OK(Put("l3", 6, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("l4", 7, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("h3", 8, 100, Cache::Priority::HIGH));
  EXPECT_EQ(std::vector<int>({3, 4, 5}), deleted_);
  EXPECT_EQ("h1 h2 h3 l3 l4 ",
            Present({"h1", "h2", "h3", "l1", "l2", "l3", "l4", "b1"}));
}

TEST_F(LRUCacheTest, LowPoolProtectsLowOverBottom) {
  Open(400, 0.0, false, 0.5);
  ASSERT_OK(Put("l1", 1, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("b1", 2, 100, Cache::Priority::BOTTOM));
  ASSERT_OK(Put("b2", 3, 100, Cache::Priority::BOTTOM));
  ASSERT_OK(Put("l2", 4, 100, Cache::Priority::LOW));
  ASSERT_OK(Put("b3", 5, 100, Cache::Priority::BOTTOM));
  ASSERT_OK(Put("b4", 6, 100, Cache::Priority::BOTTOM));
  // Bottom entries go first although l1 is older.
  EXPECT_EQ(std::vector<int>({2, 3}), deleted_);
  EXPECT_EQ("l1 l2 b3 b4 ", Present({"l1", "l2", "b1", "b2", "b3", "b4"}));
}

TEST_F(LRUCacheTest, HitEntriesGoToHighPool) {
  Open(400, 0.5);
  ASSERT_OK(Put("a", 1));
  ASSERT_OK(Put("b", 2));
  EXPECT_EQ(1, Get("a"));  // hit: re-enters the high pool
  ASSERT_OK(Put("c", 3));
  ASSERT_OK(Put("d", 4));
  ASSERT_OK(Put("e", 5));
  ASSERT_OK(Put("f", 6));
  EXPECT_EQ(std::vector<int>({2, 3}), deleted_);
}

TEST_F(LRUCacheTest, SetCapacityShrinks) {
  Open(500);
  for (int i = 0; i < 5; i++) ASSERT_OK(Put(std::string(1, 'a' + i), i));
  Cache::Handle* b = cache_->Lookup("b");
  cache_->SetCapacity(200);
  EXPECT_EQ(200u, cache_->GetCapacity());
  EXPECT_EQ(200u, cache_->GetUsage());
  EXPECT_EQ(std::vector<int>({0, 2, 3}), deleted_);
  cache_->Release(b);

  std::vector<std::string> seen;
  cache_->ApplyToAllEntries(
      [&](const Slice& key, void* /*value*/, size_t charge,
          Cache::DeleterFn deleter) {
        seen.push_back(key.ToString() + ":" + std::to_string(charge));
        EXPECT_EQ(&RecordingDeleter, deleter);
      },
      {});
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::vector<std::string>({"b:100", "e:100"}), seen);

  cache_->EraseUnRefEntries();
  EXPECT_EQ(0u, cache_->GetUsage());
  EXPECT_EQ(0u, cache_->GetOccupancyCount());
}

TEST_F(LRUCacheTest, MetadataIsCharged) {
  // (key length, usage for a zero charge) observed from RocksDB 7.8.3.
  const std::vector<std::pair<size_t, size_t>> cases = {
      {0, 72},   {1, 72},   {8, 88},    {16, 88},    {24, 104},
      {25, 104}, {40, 120}, {100, 184}, {1000, 1080}};
  for (const auto& c : cases) {
    auto cache = NewLRUCache(100000, 0);
    ASSERT_OK(cache->Insert(std::string(c.first, 'x'), nullptr, 0, nullptr));
    EXPECT_EQ(c.second, cache->GetUsage()) << "key length " << c.first;
  }
  auto cache = NewLRUCache(100000, 0);
  ASSERT_OK(cache->Insert("k", nullptr, 10, nullptr));
  EXPECT_EQ(82u, cache->GetUsage());
}

TEST_F(LRUCacheTest, ShardBitsAndOptions) {
  const std::vector<std::pair<size_t, int>> cases = {
      {0, 0},       {1 << 19, 0}, {(1 << 20) - 1, 0}, {1 << 20, 1},
      {3 << 20, 2}, {8 << 20, 4}, {32 << 20, 6},      {size_t{1} << 30, 6}};
  for (const auto& c : cases) {
    auto cache = NewLRUCache(c.first);
    auto* lru = static_cast<LRUCache*>(cache.get());
    EXPECT_EQ(c.second, lru->num_shard_bits()) << c.first;
  }
  auto cache = NewLRUCache(LRUCacheOptions(100, 3, true, 0.25, nullptr, false,
                                           kDontChargeCacheMetadata, 0.125));
  EXPECT_EQ(
      "    capacity : 100\n"
      "    num_shard_bits : 3\n"
      "    strict_capacity_limit : 1\n"
      "    memory_allocator : None\n"
      "    high_pri_pool_ratio: 0.250\n"
      "    low_pri_pool_ratio: 0.125\n",
      cache->GetPrintableOptions());
  EXPECT_EQ(1u, cache->NewId());
  EXPECT_EQ(2u, cache->NewId());

  // Invalid arguments give no cache, as in RocksDB.
  EXPECT_EQ(nullptr, NewLRUCache(1000, 20));
  EXPECT_EQ(nullptr, NewLRUCache(1000, 0, false, 1.5));
  EXPECT_EQ(nullptr, NewLRUCache(1000, 0, false, 0.6, nullptr, false,
                                 kDontChargeCacheMetadata, 0.6));
}

TEST_F(LRUCacheTest, ShardedCacheSpreadsCapacity) {
  cache_ = NewLRUCache(16000, 4, false, 0.0, nullptr, false,
                       kDontChargeCacheMetadata);
  for (int i = 0; i < 1000; i++) ASSERT_OK(Put("key" + std::to_string(i), i));
  EXPECT_LE(cache_->GetUsage(), 16000u);
  EXPECT_GT(cache_->GetUsage(), 8000u);
  EXPECT_GE(cache_->GetTableAddressCount(), 16u * 16);
  cache_->SetCapacity(1600);
  EXPECT_LE(cache_->GetUsage(), 1600u);
}

TEST(LRUCacheConcurrencyTest, SmokeTest) {
  auto cache = NewLRUCache(64 * 1024, 2, false, 0.5, nullptr, false,
                           kDontChargeCacheMetadata);
  std::atomic<int> live{0};
  auto deleter = [](const Slice& /*key*/, void* value) {
    static_cast<std::atomic<int>*>(value)->fetch_sub(1);
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&, t] {
      Random rnd(301 + t);
      std::vector<Cache::Handle*> held;
      for (int i = 0; i < 20000; i++) {
        std::string key = "k" + std::to_string(rnd.Uniform(500));
        switch (rnd.Uniform(5)) {
          case 0: {
            live.fetch_add(1);
            Cache::Handle* h = nullptr;
            Status s = cache->Insert(key, &live, 1 + rnd.Uniform(512), deleter,
                                     &h, Cache::Priority::LOW);
            EXPECT_TRUE(s.ok());
            held.push_back(h);
            break;
          }
          case 1:
            live.fetch_add(1);
            EXPECT_TRUE(cache->Insert(key, &live, 100, deleter).ok());
            break;
          case 2: {
            Cache::Handle* h = cache->Lookup(key);
            if (h != nullptr) held.push_back(h);
            break;
          }
          case 3:
            cache->Erase(key);
            break;
          default:
            if (!held.empty()) {
              cache->Release(held.back(), rnd.OneIn(4));
              held.pop_back();
            }
        }
      }
      for (Cache::Handle* h : held) cache->Release(h);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(0u, cache->GetPinnedUsage());
  EXPECT_LE(cache->GetUsage(), cache->GetCapacity());
  size_t entries = 0;
  cache->ApplyToAllEntries(
      [&](const Slice&, void*, size_t, Cache::DeleterFn) { entries++; }, {});
  EXPECT_EQ(static_cast<int>(entries), live.load());
  cache.reset();
  EXPECT_EQ(0, live.load());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
