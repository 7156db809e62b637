// Copyright (c) the rocksdb-cleanroom authors.
//
// Effects of the preset helpers (OldDefaults, OptimizeForSmallDb,
// OptimizeLevelStyleCompaction, PrepareForBulkLoad, ...). The expected
// values were printed by a program built against RocksDB 7.8.3, starting
// both from default options and from options with every touched field set
// to an unusual value (to catch fields set to their default value).
#include <gtest/gtest.h>

#include "rocksdb/cache.h"
#include "rocksdb/env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr uint64_t kMB = 1024 * 1024;

const BlockBasedTableOptions* TableOptions(const ColumnFamilyOptions& cf) {
  return cf.table_factory->GetOptions<BlockBasedTableOptions>();
}

// Options with the fields the helpers touch set to values no helper uses.
Options Unusual() {
  Options o;
  o.max_background_compactions = 77;
  o.max_background_flushes = 77;
  o.max_write_buffer_number = 77;
  o.min_write_buffer_number_to_merge = 77;
  o.num_levels = 77;
  o.level0_slowdown_writes_trigger = 77;
  o.level0_stop_writes_trigger = 77;
  o.level0_file_num_compaction_trigger = 77;
  o.target_file_size_base = 77;
  o.max_compaction_bytes = 77;
  o.soft_pending_compaction_bytes_limit = 77;
  o.hard_pending_compaction_bytes_limit = 77;
  o.disable_auto_compactions = false;
  o.write_buffer_size = 77;
  o.max_bytes_for_level_base = 77;
  o.compaction_style = kCompactionStyleFIFO;
  o.compression_per_level = {kZSTD};
  o.memtable_whole_key_filtering = false;
  o.force_consistency_checks = true;
  return o;
}

TEST(OptionsOptimizeTest, PrepareForBulkLoad) {
  Options o = Unusual();
  o.PrepareForBulkLoad();
  EXPECT_EQ(o.max_background_compactions, 2);
  EXPECT_EQ(o.max_background_flushes, 4);
  EXPECT_EQ(o.max_write_buffer_number, 6);
  EXPECT_EQ(o.min_write_buffer_number_to_merge, 1);
  EXPECT_EQ(o.num_levels, 2);
  EXPECT_EQ(o.level0_slowdown_writes_trigger, 1 << 30);
  EXPECT_EQ(o.level0_stop_writes_trigger, 1 << 30);
  EXPECT_EQ(o.level0_file_num_compaction_trigger, 1 << 30);
  EXPECT_EQ(o.target_file_size_base, 256 * kMB);
  EXPECT_EQ(o.max_compaction_bytes, uint64_t{1} << 60);
  EXPECT_EQ(o.soft_pending_compaction_bytes_limit, 0u);
  EXPECT_EQ(o.hard_pending_compaction_bytes_limit, 0u);
  EXPECT_TRUE(o.disable_auto_compactions);
  // Untouched.
  EXPECT_EQ(o.write_buffer_size, 77u);
}

TEST(OptionsOptimizeTest, OptionsOptimizeForSmallDb) {
  Options o = Unusual();
  o.OptimizeForSmallDb();
  EXPECT_EQ(o.max_open_files, 5000);
  EXPECT_EQ(o.max_file_opening_threads, 1);
  EXPECT_EQ(o.write_buffer_size, 2 * kMB);
  EXPECT_EQ(o.target_file_size_base, 2 * kMB);
  EXPECT_EQ(o.max_bytes_for_level_base, 10 * kMB);
  EXPECT_EQ(o.soft_pending_compaction_bytes_limit, 256 * kMB);
  EXPECT_EQ(o.hard_pending_compaction_bytes_limit, 1024 * kMB);

  const BlockBasedTableOptions* table = TableOptions(o);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->index_type, BlockBasedTableOptions::kTwoLevelIndexSearch);
  EXPECT_TRUE(table->cache_index_and_filter_blocks);
  EXPECT_EQ(table->filter_policy, nullptr);
  EXPECT_EQ(table->block_size, 4096u);
  ASSERT_NE(table->block_cache, nullptr);
  EXPECT_EQ(table->block_cache->GetCapacity(), 16 * kMB);

  // Memtable memory is charged to the same 16MB cache, with no budget.
  ASSERT_NE(o.write_buffer_manager, nullptr);
  EXPECT_EQ(o.write_buffer_manager->buffer_size(), 0u);
  EXPECT_TRUE(o.write_buffer_manager->cost_to_cache());
}

TEST(OptionsOptimizeTest, PartsOptimizeForSmallDb) {
  DBOptions db;
  db.OptimizeForSmallDb();
  EXPECT_EQ(db.max_open_files, 5000);
  EXPECT_EQ(db.max_file_opening_threads, 1);
  ASSERT_NE(db.write_buffer_manager, nullptr);
  EXPECT_FALSE(db.write_buffer_manager->cost_to_cache());

  std::shared_ptr<Cache> cache = NewLRUCache(1000);
  DBOptions charged;
  charged.OptimizeForSmallDb(&cache);
  EXPECT_TRUE(charged.write_buffer_manager->cost_to_cache());

  // Without a cache argument the column family gets its own 16MB cache...
  ColumnFamilyOptions cf;
  cf.OptimizeForSmallDb();
  EXPECT_EQ(TableOptions(cf)->block_cache->GetCapacity(), 16 * kMB);
  // ...with one it uses *cache. An empty *cache leaves the table factory to
  // pick its usual default (8MB).
  ColumnFamilyOptions given;
  given.OptimizeForSmallDb(&cache);
  EXPECT_EQ(TableOptions(given)->block_cache, cache);
  std::shared_ptr<Cache> none;
  ColumnFamilyOptions empty;
  empty.OptimizeForSmallDb(&none);
  ASSERT_NE(TableOptions(empty)->block_cache, nullptr);
  EXPECT_EQ(TableOptions(empty)->block_cache->GetCapacity(), 8 * kMB);
  EXPECT_EQ(none, nullptr);
}

TEST(OptionsOptimizeTest, OptimizeForPointLookup) {
  Options o = Unusual();
  BlockBasedTableOptions old_table;
  old_table.block_size = 777;
  o.table_factory.reset(NewBlockBasedTableFactory(old_table));
  o.OptimizeForPointLookup(10);
  EXPECT_DOUBLE_EQ(o.memtable_prefix_bloom_size_ratio, 0.02);
  EXPECT_TRUE(o.memtable_whole_key_filtering);

  const BlockBasedTableOptions* table = TableOptions(o);
  ASSERT_NE(table, nullptr);
  // A fresh table configuration: the old block size is gone.
  EXPECT_EQ(table->block_size, 4096u);
  EXPECT_EQ(table->data_block_index_type,
            BlockBasedTableOptions::kDataBlockBinaryAndHash);
  EXPECT_DOUBLE_EQ(table->data_block_hash_table_util_ratio, 0.75);
  EXPECT_EQ(table->index_type, BlockBasedTableOptions::kBinarySearch);
  ASSERT_NE(table->filter_policy, nullptr);
  EXPECT_STREQ(table->filter_policy->Name(), "bloomfilter");
  ASSERT_NE(table->block_cache, nullptr);
  EXPECT_EQ(table->block_cache->GetCapacity(), 10 * kMB);
}

TEST(OptionsOptimizeTest, OptimizeLevelStyleCompaction) {
  Options o = Unusual();
  o.OptimizeLevelStyleCompaction(64 * kMB);
  EXPECT_EQ(o.write_buffer_size, 16 * kMB);
  EXPECT_EQ(o.min_write_buffer_number_to_merge, 2);
  EXPECT_EQ(o.max_write_buffer_number, 6);
  EXPECT_EQ(o.level0_file_num_compaction_trigger, 2);
  EXPECT_EQ(o.target_file_size_base, 8 * kMB);
  EXPECT_EQ(o.max_bytes_for_level_base, 64 * kMB);
  EXPECT_EQ(o.compaction_style, kCompactionStyleLevel);
  // One entry per level: L0 and L1 uncompressed, LZ4 below.
  ASSERT_EQ(o.compression_per_level.size(), 77u);
  EXPECT_EQ(o.compression_per_level[0], kNoCompression);
  EXPECT_EQ(o.compression_per_level[1], kNoCompression);
  for (size_t i = 2; i < o.compression_per_level.size(); ++i) {
    EXPECT_EQ(o.compression_per_level[i], kLZ4Compression);
  }
  // Untouched.
  EXPECT_EQ(o.level0_slowdown_writes_trigger, 77);
  EXPECT_EQ(o.level0_stop_writes_trigger, 77);

  ColumnFamilyOptions cf;
  cf.OptimizeLevelStyleCompaction();  // 512MB budget
  EXPECT_EQ(cf.write_buffer_size, 128 * kMB);
  EXPECT_EQ(cf.target_file_size_base, 64 * kMB);
  EXPECT_EQ(cf.max_bytes_for_level_base, 512 * kMB);
  EXPECT_EQ(cf.compression_per_level.size(), 7u);
}

TEST(OptionsOptimizeTest, OptimizeUniversalStyleCompaction) {
  Options o = Unusual();
  o.compaction_options_universal.size_ratio = 77;
  o.OptimizeUniversalStyleCompaction(64 * kMB);
  EXPECT_EQ(o.write_buffer_size, 16 * kMB);
  EXPECT_EQ(o.min_write_buffer_number_to_merge, 2);
  EXPECT_EQ(o.max_write_buffer_number, 6);
  EXPECT_EQ(o.compaction_style, kCompactionStyleUniversal);
  EXPECT_EQ(o.compaction_options_universal.compression_size_percent, 80);
  EXPECT_EQ(o.compaction_options_universal.size_ratio, 77u);
}

TEST(OptionsOptimizeTest, IncreaseParallelism) {
  Options o;
  o.IncreaseParallelism(5);
  EXPECT_EQ(o.max_background_jobs, 5);
  EXPECT_EQ(Env::Default()->GetBackgroundThreads(Env::LOW), 5);
  EXPECT_EQ(Env::Default()->GetBackgroundThreads(Env::HIGH), 1);
  DBOptions db;
  db.IncreaseParallelism();
  EXPECT_EQ(db.max_background_jobs, 16);
}

TEST(OptionsOptimizeTest, DisableExtraChecks) {
  Options o = Unusual();
  o.DisableExtraChecks();
  EXPECT_FALSE(o.force_consistency_checks);
  EXPECT_TRUE(o.paranoid_checks);
}

struct OldDefaultsCase {
  int major, minor;
  int max_file_opening_threads, table_cache_numshardbits;
  uint64_t delayed_write_rate;
  int level0_stop_writes_trigger;
  uint64_t write_buffer_size, target_file_size_base, max_bytes_for_level_base;
  uint64_t soft_limit, hard_limit;
  CompactionPri compaction_pri;
};

TEST(OptionsOptimizeTest, OldDefaults) {
  const uint64_t kSoft = 64ull << 30, kHard = 256ull << 30;
  const OldDefaultsCase cases[] = {
      {3, 9, 1, 4, 2 * kMB, 24, 4 * kMB, 2 * kMB, 10 * kMB, 0, 0,
       kByCompensatedSize},
      {4, 6, 1, 4, 2 * kMB, 24, 4 * kMB, 2 * kMB, 10 * kMB, 0, 0,
       kByCompensatedSize},
      {4, 7, 16, 6, 2 * kMB, 24, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 1, 16, 6, 2 * kMB, 30, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 2, 16, 6, 16 * kMB, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 5, 16, 6, 16 * kMB, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 6, 16, 6, 0, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 18, 16, 6, 0, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kByCompensatedSize},
      {5, 19, 16, 6, 0, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kMinOverlappingRatio},
      {7, 8, 16, 6, 0, 36, 64 * kMB, 64 * kMB, 256 * kMB, kSoft, kHard,
       kMinOverlappingRatio},
  };
  for (const OldDefaultsCase& c : cases) {
    SCOPED_TRACE(std::to_string(c.major) + "." + std::to_string(c.minor));
    Options o;
    o.OldDefaults(c.major, c.minor);
    // Reverted for every version.
    EXPECT_EQ(o.max_open_files, 5000);
    EXPECT_EQ(o.wal_recovery_mode,
              WALRecoveryMode::kTolerateCorruptedTailRecords);
    EXPECT_EQ(o.max_file_opening_threads, c.max_file_opening_threads);
    EXPECT_EQ(o.table_cache_numshardbits, c.table_cache_numshardbits);
    EXPECT_EQ(o.delayed_write_rate, c.delayed_write_rate);
    EXPECT_EQ(o.level0_stop_writes_trigger, c.level0_stop_writes_trigger);
    EXPECT_EQ(o.write_buffer_size, c.write_buffer_size);
    EXPECT_EQ(o.target_file_size_base, c.target_file_size_base);
    EXPECT_EQ(o.max_bytes_for_level_base, c.max_bytes_for_level_base);
    EXPECT_EQ(o.soft_pending_compaction_bytes_limit, c.soft_limit);
    EXPECT_EQ(o.hard_pending_compaction_bytes_limit, c.hard_limit);
    EXPECT_EQ(o.compaction_pri, c.compaction_pri);
  }
  // The default arguments mean 4.6.
  Options o;
  o.OldDefaults();
  EXPECT_EQ(o.write_buffer_size, 4 * kMB);
  EXPECT_EQ(o.table_cache_numshardbits, 4);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
