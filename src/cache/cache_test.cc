// Copyright (c) the rocksdb-cleanroom authors.
//
// Cache factories, Cache::CreateFromString(), role names and memory
// allocators. Expected strings were observed from RocksDB 7.8.3.

#include "rocksdb/cache.h"

#include <memory>
#include <string>

#include "cache/cache_entry_roles.h"
#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/memory_allocator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(CacheFactoryTest, ClockCachesAreServedByLRU) {
  auto clock = NewClockCache(1 << 20);
  ASSERT_NE(nullptr, clock);
  EXPECT_STREQ("LRUCache", clock->Name());

  HyperClockCacheOptions opts(1 << 20, 4096);
  auto hyper = opts.MakeSharedCache();
  ASSERT_NE(nullptr, hyper);
  EXPECT_STREQ("HyperClockCache", hyper->Name());
  EXPECT_EQ(
      "    capacity : 1048576\n"
      "    num_shard_bits : 0\n"
      "    strict_capacity_limit : 0\n"
      "    memory_allocator : None\n",
      hyper->GetPrintableOptions());
  // Hyper clock shards are at least 32MB.
  HyperClockCacheOptions big(size_t{1} << 30, 4096);
  EXPECT_NE(std::string::npos,
            big.MakeSharedCache()->GetPrintableOptions().find(
                "num_shard_bits : 5\n"));
}

TEST(CacheFactoryTest, Defaults) {
  EXPECT_FALSE(kDefaultToAdaptiveMutex);
  LRUCacheOptions lru;
  EXPECT_EQ(0u, lru.capacity);
  EXPECT_EQ(-1, lru.num_shard_bits);
  EXPECT_FALSE(lru.strict_capacity_limit);
  EXPECT_EQ(0.5, lru.high_pri_pool_ratio);
  EXPECT_EQ(0.0, lru.low_pri_pool_ratio);
  EXPECT_EQ(kFullChargeCacheMetadata, lru.metadata_charge_policy);
  CompressedSecondaryCacheOptions sec;
  EXPECT_EQ(kLZ4Compression, sec.compression_type);
  EXPECT_EQ(2u, sec.compress_format_version);
  EXPECT_FALSE(sec.enable_custom_split_merge);
  EXPECT_EQ(14u, kNumCacheEntryRoles);
}

struct CreateCase {
  const char* spec;
  bool ok;
  size_t capacity;
  const char* printable_fragment;
};

TEST(CacheFactoryTest, CreateFromString) {
  ConfigOptions config;
  const CreateCase cases[] = {
      {"1M", true, 1 << 20, "num_shard_bits : 1\n"},
      {"1048576", true, 1 << 20, "num_shard_bits : 1\n"},
      {"capacity=1M;num_shard_bits=2", true, 1 << 20, "num_shard_bits : 2\n"},
      {"capacity=2k", true, 2048, "num_shard_bits : 0\n"},
      {"high_pri_pool_ratio=0.2;capacity=100", true, 100,
       "high_pri_pool_ratio: 0.200\n"},
      {"capacity=1M;strict_capacity_limit=true", true, 1 << 20,
       "strict_capacity_limit : 1\n"},
      {"capacity=1M;foo=1", false, 0, nullptr},
      {"bogus", false, 0, nullptr},
      {"", false, 0, nullptr},
      {"capacity=1M;num_shard_bits=25", false, 0, nullptr},
  };
  for (const CreateCase& c : cases) {
    std::shared_ptr<Cache> cache;
    Status s = Cache::CreateFromString(config, c.spec, &cache);
    EXPECT_EQ(c.ok, s.ok()) << c.spec << ": " << s.ToString();
    if (!c.ok) {
      EXPECT_TRUE(s.IsInvalidArgument()) << c.spec;
      EXPECT_EQ(nullptr, cache);
      continue;
    }
    ASSERT_NE(nullptr, cache) << c.spec;
    EXPECT_STREQ("LRUCache", cache->Name());
    EXPECT_EQ(c.capacity, cache->GetCapacity()) << c.spec;
    EXPECT_NE(std::string::npos,
              cache->GetPrintableOptions().find(c.printable_fragment))
        << c.spec;
  }
  std::shared_ptr<Cache> cache;
  EXPECT_EQ(
      "Invalid argument: Unrecognized option: .foo",
      Cache::CreateFromString(config, "capacity=1M;foo=1", &cache).ToString());
}

TEST(CacheEntryRoleTest, Names) {
  EXPECT_EQ("data-block", GetCacheEntryRoleName(CacheEntryRole::kDataBlock));
  EXPECT_EQ("compression-dictionary-building-buffer",
            GetCacheEntryRoleName(
                CacheEntryRole::kCompressionDictionaryBuildingBuffer));
  EXPECT_EQ("block-based-table-reader",
            GetCacheEntryRoleName(CacheEntryRole::kBlockBasedTableReader));
  EXPECT_EQ("misc", GetCacheEntryRoleName(CacheEntryRole::kMisc));
  EXPECT_EQ("FilterConstruction",
            kCacheEntryRoleToCamelString[static_cast<size_t>(
                CacheEntryRole::kFilterConstruction)]);
  // Camel and hyphen names spell the same words.
  for (uint32_t i = 0; i < kNumCacheEntryRoles; i++) {
    std::string folded;
    for (char ch : kCacheEntryRoleToCamelString[i]) {
      if (ch >= 'A' && ch <= 'Z') {
        if (!folded.empty()) folded += '-';
        folded += static_cast<char>(ch - 'A' + 'a');
      } else {
        folded += ch;
      }
    }
    EXPECT_EQ(kCacheEntryRoleToHyphenString[i], folded);
  }
}

TEST(CacheEntryRoleTest, StatsMapKeys) {
  using K = BlockCacheEntryStatsMapKeys;
  EXPECT_EQ("id", K::CacheId());
  EXPECT_EQ("capacity", K::CacheCapacityBytes());
  EXPECT_EQ("secs_for_last_collection", K::LastCollectionDurationSeconds());
  EXPECT_EQ("secs_since_last_collection", K::LastCollectionAgeSeconds());
  EXPECT_EQ("count.index-block", K::EntryCount(CacheEntryRole::kIndexBlock));
  EXPECT_EQ("bytes.write-buffer", K::UsedBytes(CacheEntryRole::kWriteBuffer));
  EXPECT_EQ("percent.blob-cache", K::UsedPercent(CacheEntryRole::kBlobCache));
}

TEST(MemoryAllocatorTest, CreateFromString) {
  ConfigOptions config;
  std::shared_ptr<MemoryAllocator> allocator;
  ASSERT_TRUE(MemoryAllocator::CreateFromString(
                  config, "DefaultMemoryAllocator", &allocator)
                  .ok());
  ASSERT_NE(nullptr, allocator);
  EXPECT_STREQ("DefaultMemoryAllocator", allocator->Name());
  void* p = allocator->Allocate(100);
  ASSERT_NE(nullptr, p);
  EXPECT_EQ(100u, allocator->UsableSize(p, 100));
  allocator->Deallocate(p);

  EXPECT_TRUE(MemoryAllocator::CreateFromString(config, "", &allocator).ok());
  EXPECT_EQ(nullptr, allocator);
  Status s = MemoryAllocator::CreateFromString(
      config, "JemallocNodumpAllocator", &allocator);
  EXPECT_EQ(
      "Invalid argument: Not compiled with ROCKSDB_JEMALLOC: "
      "JemallocNodumpAllocator",
      s.ToString());
  EXPECT_TRUE(MemoryAllocator::CreateFromString(config, "bogus", &allocator)
                  .ok());  // ignore_unsupported_options
  config.ignore_unsupported_options = false;
  EXPECT_EQ("Not implemented: Could not load MemoryAllocator: bogus",
            MemoryAllocator::CreateFromString(config, "bogus", &allocator)
                .ToString());

  JemallocAllocatorOptions jopts;
  EXPECT_EQ("Not implemented: Not compiled with JEMALLOC",
            NewJemallocNodumpAllocator(jopts, &allocator).ToString());
}

TEST(CacheFactoryTest, CacheUsesGivenAllocator) {
  ConfigOptions config;
  std::shared_ptr<MemoryAllocator> allocator;
  ASSERT_TRUE(MemoryAllocator::CreateFromString(
                  config, "DefaultMemoryAllocator", &allocator)
                  .ok());
  auto cache = NewLRUCache(1000, 0, false, 0.5, allocator);
  EXPECT_EQ(allocator.get(), cache->memory_allocator());
  EXPECT_NE(std::string::npos,
            cache->GetPrintableOptions().find(
                "memory_allocator : DefaultMemoryAllocator\n"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
