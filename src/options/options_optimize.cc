// Copyright (c) the rocksdb-cleanroom authors.
//
// The preset tuning helpers of the option structs (OldDefaults,
// OptimizeForSmallDb, OptimizeLevelStyleCompaction, PrepareForBulkLoad, ...).
// Each only assigns fields; the values were observed on RocksDB 7.8.3 and
// are asserted by options_test.cc.
#include <memory>

#include "rocksdb/cache.h"
#include "rocksdb/env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/write_buffer_manager.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// True when release major.minor is older than want_major.want_minor.
bool OlderThan(int major, int minor, int want_major, int want_minor) {
  return major < want_major || (major == want_major && minor < want_minor);
}

constexpr uint64_t kMB = 1024 * 1024;

}  // namespace

DBOptions* DBOptions::OldDefaults(int rocksdb_major_version,
                                  int rocksdb_minor_version) {
  // These two are reverted for every release.
  max_open_files = 5000;
  wal_recovery_mode = WALRecoveryMode::kTolerateCorruptedTailRecords;
  if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 4, 7)) {
    max_file_opening_threads = 1;
    table_cache_numshardbits = 4;
  }
  if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 5, 2)) {
    delayed_write_rate = 2 * kMB;
  } else if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 5, 6)) {
    delayed_write_rate = 16 * kMB;
  }
  return this;
}

ColumnFamilyOptions* ColumnFamilyOptions::OldDefaults(
    int rocksdb_major_version, int rocksdb_minor_version) {
  if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 5, 0)) {
    level0_stop_writes_trigger = 24;
  } else if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 5, 2)) {
    level0_stop_writes_trigger = 30;
  }
  if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 4, 7)) {
    write_buffer_size = 4 * kMB;
    target_file_size_base = 2 * kMB;
    max_bytes_for_level_base = 10 * kMB;
    soft_pending_compaction_bytes_limit = 0;
    hard_pending_compaction_bytes_limit = 0;
  }
  if (OlderThan(rocksdb_major_version, rocksdb_minor_version, 5, 19)) {
    compaction_pri = CompactionPri::kByCompensatedSize;
  }
  return this;
}

Options* Options::OldDefaults(int rocksdb_major_version,
                              int rocksdb_minor_version) {
  ColumnFamilyOptions::OldDefaults(rocksdb_major_version,
                                   rocksdb_minor_version);
  DBOptions::OldDefaults(rocksdb_major_version, rocksdb_minor_version);
  return this;
}

DBOptions* DBOptions::OptimizeForSmallDb(std::shared_ptr<Cache>* cache) {
  max_file_opening_threads = 1;
  max_open_files = 5000;
  // No budget of its own: it only charges memtable memory to the cache.
  std::shared_ptr<Cache> charged = cache != nullptr ? *cache : nullptr;
  write_buffer_manager = std::make_shared<WriteBufferManager>(0, charged);
  return this;
}

ColumnFamilyOptions* ColumnFamilyOptions::OptimizeForSmallDb(
    std::shared_ptr<Cache>* cache) {
  write_buffer_size = 2 * kMB;
  target_file_size_base = 2 * kMB;
  max_bytes_for_level_base = 10 * kMB;
  soft_pending_compaction_bytes_limit = 256 * kMB;
  hard_pending_compaction_bytes_limit = 1024 * kMB;

  BlockBasedTableOptions table_options;
  table_options.block_cache = cache != nullptr ? *cache : NewLRUCache(16 * kMB);
  table_options.cache_index_and_filter_blocks = true;
  // Two-level index: only the small top level stays in memory.
  table_options.index_type = BlockBasedTableOptions::kTwoLevelIndexSearch;
  table_factory.reset(NewBlockBasedTableFactory(table_options));
  return this;
}

Options* Options::OptimizeForSmallDb() {
  // One cache for blocks and memtables.
  std::shared_ptr<Cache> cache = NewLRUCache(16 * kMB);
  ColumnFamilyOptions::OptimizeForSmallDb(&cache);
  DBOptions::OptimizeForSmallDb(&cache);
  return this;
}

ColumnFamilyOptions* ColumnFamilyOptions::OptimizeForPointLookup(
    uint64_t block_cache_size_mb) {
  BlockBasedTableOptions table_options;
  table_options.data_block_index_type =
      BlockBasedTableOptions::kDataBlockBinaryAndHash;
  table_options.data_block_hash_table_util_ratio = 0.75;
  table_options.filter_policy.reset(NewBloomFilterPolicy(10));
  table_options.block_cache =
      NewLRUCache(static_cast<size_t>(block_cache_size_mb * kMB));
  table_factory.reset(NewBlockBasedTableFactory(table_options));
  memtable_prefix_bloom_size_ratio = 0.02;
  memtable_whole_key_filtering = true;
  return this;
}

ColumnFamilyOptions* ColumnFamilyOptions::OptimizeLevelStyleCompaction(
    uint64_t memtable_memory_budget) {
  // Up to six memtables of a quarter of the budget each, flushed in pairs.
  write_buffer_size = static_cast<size_t>(memtable_memory_budget / 4);
  min_write_buffer_number_to_merge = 2;
  max_write_buffer_number = 6;
  level0_file_num_compaction_trigger = 2;
  target_file_size_base = memtable_memory_budget / 8;
  max_bytes_for_level_base = memtable_memory_budget;
  compaction_style = kCompactionStyleLevel;
  // L0 and L1 stay uncompressed for speed; deeper levels use LZ4, which we
  // always link.
  compression_per_level.resize(num_levels > 0 ? num_levels : 0);
  for (size_t i = 0; i < compression_per_level.size(); ++i) {
    compression_per_level[i] = i < 2 ? kNoCompression : kLZ4Compression;
  }
  return this;
}

ColumnFamilyOptions* ColumnFamilyOptions::OptimizeUniversalStyleCompaction(
    uint64_t memtable_memory_budget) {
  write_buffer_size = static_cast<size_t>(memtable_memory_budget / 4);
  min_write_buffer_number_to_merge = 2;
  max_write_buffer_number = 6;
  compaction_style = kCompactionStyleUniversal;
  compaction_options_universal.compression_size_percent = 80;
  return this;
}

DBOptions* DBOptions::IncreaseParallelism(int total_threads) {
  max_background_jobs = total_threads;
  // Compactions run in the low-priority pool, flushes in the high one.
  if (env != nullptr) {
    env->SetBackgroundThreads(total_threads, Env::LOW);
    env->SetBackgroundThreads(1, Env::HIGH);
  }
  return this;
}

Options* Options::PrepareForBulkLoad() {
  // Never stall or slow down writes because of L0 files or pending bytes.
  level0_file_num_compaction_trigger = (1 << 30);
  level0_slowdown_writes_trigger = (1 << 30);
  level0_stop_writes_trigger = (1 << 30);
  soft_pending_compaction_bytes_limit = 0;
  hard_pending_compaction_bytes_limit = 0;

  // Everything lands in L0; the application compacts once at the end into
  // the single other level.
  disable_auto_compactions = true;
  max_compaction_bytes = (static_cast<uint64_t>(1) << 60);

  // Many large memtables, flushed one by one.
  max_write_buffer_number = 6;
  min_write_buffer_number_to_merge = 1;

  max_background_flushes = 4;
  max_background_compactions = 2;

  num_levels = 2;
  target_file_size_base = 256 * kMB;
  return this;
}

Options* Options::DisableExtraChecks() {
  force_consistency_checks = false;
  return this;
}

}  // namespace ROCKSDB_NAMESPACE
