// Copyright (c) the rocksdb-cleanroom authors.

#include "options_from_flags.h"

#include <cstring>

#include "flags.h"
#include "rocksdb/cache.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/statistics.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

struct CompressionName {
  const char* flag;
  const char* display;
  CompressionType type;
};

const CompressionName kCompressionNames[] = {
    {"none", "NoCompression", kNoCompression},
    {"snappy", "Snappy", kSnappyCompression},
    {"zlib", "Zlib", kZlibCompression},
    {"bzip2", "BZip2", kBZip2Compression},
    {"lz4", "LZ4", kLZ4Compression},
    {"lz4hc", "LZ4HC", kLZ4HCCompression},
    {"xpress", "Xpress", kXpressCompression},
    {"zstd", "ZSTD", kZSTD},
};

void SetTableOptions(Options* options) {
  BlockBasedTableOptions table;
  if (FLAGS_cache_size > 0) {
    table.block_cache = NewLRUCache(static_cast<size_t>(FLAGS_cache_size),
                                    FLAGS_cache_numshardbits);
  } else {
    table.no_block_cache = true;
  }
  if (FLAGS_bloom_bits > 0) {
    table.filter_policy.reset(NewBloomFilterPolicy(FLAGS_bloom_bits, false));
  }
  table.block_size = static_cast<size_t>(FLAGS_block_size);
  table.block_restart_interval = FLAGS_block_restart_interval;
  table.cache_index_and_filter_blocks = FLAGS_cache_index_and_filter_blocks;
  table.pin_top_level_index_and_filter = FLAGS_pin_top_level_index_and_filter;
  switch (FLAGS_index_shortening_mode) {
    case 0:
      table.index_shortening =
          BlockBasedTableOptions::IndexShorteningMode::kNoShortening;
      break;
    case 1:
      table.index_shortening =
          BlockBasedTableOptions::IndexShorteningMode::kShortenSeparators;
      break;
    default:
      table.index_shortening = BlockBasedTableOptions::IndexShorteningMode::
          kShortenSeparatorsAndSuccessor;
      break;
  }
  options->table_factory.reset(NewBlockBasedTableFactory(table));
}

}  // namespace

bool ParseCompressionType(const std::string& name, CompressionType* type) {
  for (const CompressionName& c : kCompressionNames) {
    if (strcasecmp(name.c_str(), c.flag) == 0) {
      *type = c.type;
      return true;
    }
  }
  return false;
}

const char* CompressionDisplayName(CompressionType type) {
  for (const CompressionName& c : kCompressionNames) {
    if (c.type == type) return c.display;
  }
  return "Unknown";
}

Status OptionsFromFlags(BenchOptions* out) {
  Options& o = out->options;
  if (!ParseCompressionType(FLAGS_compression_type, &o.compression)) {
    return Status::InvalidArgument("Cannot parse compression type '" +
                                   FLAGS_compression_type + "'");
  }
  o.create_if_missing = !FLAGS_use_existing_db;
  o.create_missing_column_families = true;
  o.write_buffer_size = static_cast<size_t>(FLAGS_write_buffer_size);
  o.max_write_buffer_number = FLAGS_max_write_buffer_number;
  o.min_write_buffer_number_to_merge = FLAGS_min_write_buffer_number_to_merge;
  o.target_file_size_base = static_cast<uint64_t>(FLAGS_target_file_size_base);
  o.target_file_size_multiplier = FLAGS_target_file_size_multiplier;
  o.max_bytes_for_level_base = FLAGS_max_bytes_for_level_base;
  o.max_bytes_for_level_multiplier = FLAGS_max_bytes_for_level_multiplier;
  o.num_levels = FLAGS_num_levels;
  o.level0_file_num_compaction_trigger =
      FLAGS_level0_file_num_compaction_trigger;
  o.level0_slowdown_writes_trigger = FLAGS_level0_slowdown_writes_trigger;
  o.level0_stop_writes_trigger = FLAGS_level0_stop_writes_trigger;
  o.max_background_jobs = FLAGS_max_background_jobs;
  o.max_background_compactions = FLAGS_max_background_compactions;
  o.max_background_flushes = FLAGS_max_background_flushes;
  o.max_subcompactions = static_cast<uint32_t>(FLAGS_subcompactions);
  o.disable_auto_compactions = FLAGS_disable_auto_compactions;
  o.compaction_style = static_cast<CompactionStyle>(FLAGS_compaction_style);
  o.level_compaction_dynamic_level_bytes =
      FLAGS_level_compaction_dynamic_level_bytes;
  o.soft_pending_compaction_bytes_limit =
      FLAGS_soft_pending_compaction_bytes_limit;
  o.hard_pending_compaction_bytes_limit =
      FLAGS_hard_pending_compaction_bytes_limit;
  o.delayed_write_rate = FLAGS_delayed_write_rate;
  o.enable_pipelined_write = FLAGS_enable_pipelined_write;
  o.allow_concurrent_memtable_write = FLAGS_allow_concurrent_memtable_write;
  o.max_total_wal_size = FLAGS_max_total_wal_size;
  o.bytes_per_sync = FLAGS_bytes_per_sync;
  o.wal_bytes_per_sync = FLAGS_wal_bytes_per_sync;
  o.use_fsync = FLAGS_use_fsync;
  o.max_open_files = FLAGS_open_files;
  o.table_cache_numshardbits = FLAGS_table_cache_numshardbits;
  o.dump_malloc_stats = FLAGS_dump_malloc_stats;
  o.stats_dump_period_sec =
      static_cast<unsigned int>(FLAGS_stats_dump_period_sec);
  o.compaction_options_fifo.allow_compaction =
      FLAGS_fifo_compaction_allow_compaction;
  o.compaction_options_fifo.max_table_files_size =
      FLAGS_fifo_compaction_max_table_files_size_mb << 20;
  if (FLAGS_statistics) o.statistics = CreateDBStatistics();
  SetTableOptions(&o);

  if (!FLAGS_merge_operator.empty()) {
    ConfigOptions config;
    Status s = MergeOperator::CreateFromString(config, FLAGS_merge_operator,
                                               &o.merge_operator);
    if (s.IsNotSupported()) {
      // The engine cannot build it yet: only the merge benchmarks fail.
      out->merge_operator_status = s;
      o.merge_operator.reset();
    } else if (!s.ok() || o.merge_operator == nullptr) {
      return Status::InvalidArgument("invalid merge operator: " +
                                     FLAGS_merge_operator);
    }
  }
  return Status::OK();
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
