// Copyright (c) the rocksdb-cleanroom authors.
//
// OPTIONS file writer (format spec section 6.1). Layout:
//
//   # comment lines
//   [Version]
//     rocksdb_version=7.8.3
//     options_file_version=1.1
//   [DBOptions]
//     name=value                  one line per option, indented two spaces
//   [CFOptions "default"]
//     ...
//   [TableOptions/BlockBasedTable "default"]
//     ...
//   (then the next column family)
//
// Values use the spellings RocksDB's option parser accepts: booleans as
// true/false, enums by their C++ enumerator name, doubles with six
// decimals, nested structs as {name=value;...}, and objects by name
// (nullptr when absent). Pointer-only options (env, caches, listeners,
// statistics) are not written, as in RocksDB.

#include "db/options_file.h"

#include <cinttypes>
#include <cstdio>
#include <memory>

#include "rocksdb/compaction_filter.h"
#include "rocksdb/comparator.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/sst_partitioner.h"
#include "rocksdb/table.h"
#include "rocksdb/version.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Accumulates "  name=value\n" lines.
class Section {
 public:
  explicit Section(std::string* out) : out_(out) {}

  void Add(const char* name, const std::string& value) {
    out_->append("  ");
    out_->append(name);
    out_->push_back('=');
    out_->append(value);
    out_->push_back('\n');
  }
  void Add(const char* name, const char* value) {
    Add(name, std::string(value));
  }
  void Add(const char* name, bool value) {
    Add(name, value ? "true" : "false");
  }
  void AddInt(const char* name, int64_t value) {
    Add(name, std::to_string(value));
  }
  void AddUint(const char* name, uint64_t value) {
    Add(name, std::to_string(value));
  }
  void AddDouble(const char* name, double value) { Add(name, Double(value)); }

  static std::string Double(double value) {
    char buf[64];
    snprintf(buf, sizeof(buf), "%f", value);
    return buf;
  }

 private:
  std::string* out_;
};

template <typename T>
std::string NameOr(const T* object) {
  return object == nullptr ? "nullptr" : std::string(object->Name());
}

template <typename T>
std::string NameOr(const std::shared_ptr<T>& object) {
  return NameOr(object.get());
}

std::string CompressionName(CompressionType type) {
  switch (type) {
    case kNoCompression:
      return "kNoCompression";
    case kSnappyCompression:
      return "kSnappyCompression";
    case kZlibCompression:
      return "kZlibCompression";
    case kBZip2Compression:
      return "kBZip2Compression";
    case kLZ4Compression:
      return "kLZ4Compression";
    case kLZ4HCCompression:
      return "kLZ4HCCompression";
    case kXpressCompression:
      return "kXpressCompression";
    case kZSTD:
      return "kZSTD";
    case kZSTDNotFinalCompression:
      return "kZSTDNotFinalCompression";
    case kDisableCompressionOption:
      return "kDisableCompressionOption";
  }
  return "kNoCompression";
}

std::string CompressionOptionsString(const CompressionOptions& c) {
  return "{max_dict_buffer_bytes=" + std::to_string(c.max_dict_buffer_bytes) +
         ";enabled=" + (c.enabled ? "true" : "false") +
         ";max_dict_bytes=" + std::to_string(c.max_dict_bytes) +
         ";parallel_threads=" + std::to_string(c.parallel_threads) +
         ";zstd_max_train_bytes=" + std::to_string(c.zstd_max_train_bytes) +
         ";level=" + std::to_string(c.level) + ";use_zstd_dict_trainer=" +
         (c.use_zstd_dict_trainer ? "true" : "false") +
         ";strategy=" + std::to_string(c.strategy) +
         ";window_bits=" + std::to_string(c.window_bits) + ";}";
}

const char* WalRecoveryModeName(WALRecoveryMode mode) {
  switch (mode) {
    case WALRecoveryMode::kTolerateCorruptedTailRecords:
      return "kTolerateCorruptedTailRecords";
    case WALRecoveryMode::kAbsoluteConsistency:
      return "kAbsoluteConsistency";
    case WALRecoveryMode::kPointInTimeRecovery:
      return "kPointInTimeRecovery";
    case WALRecoveryMode::kSkipAnyCorruptedRecords:
      return "kSkipAnyCorruptedRecords";
  }
  return "kPointInTimeRecovery";
}

const char* InfoLogLevelName(InfoLogLevel level) {
  switch (level) {
    case DEBUG_LEVEL:
      return "DEBUG_LEVEL";
    case INFO_LEVEL:
      return "INFO_LEVEL";
    case WARN_LEVEL:
      return "WARN_LEVEL";
    case ERROR_LEVEL:
      return "ERROR_LEVEL";
    case FATAL_LEVEL:
      return "FATAL_LEVEL";
    case HEADER_LEVEL:
      return "HEADER_LEVEL";
    default:
      return "INFO_LEVEL";
  }
}

const char* AccessHintName(DBOptions::AccessHint hint) {
  switch (hint) {
    case DBOptions::NONE:
      return "NONE";
    case DBOptions::NORMAL:
      return "NORMAL";
    case DBOptions::SEQUENTIAL:
      return "SEQUENTIAL";
    case DBOptions::WILLNEED:
      return "WILLNEED";
  }
  return "NORMAL";
}

const char* CompactionStyleName(CompactionStyle style) {
  switch (style) {
    case kCompactionStyleLevel:
      return "kCompactionStyleLevel";
    case kCompactionStyleUniversal:
      return "kCompactionStyleUniversal";
    case kCompactionStyleFIFO:
      return "kCompactionStyleFIFO";
    case kCompactionStyleNone:
      return "kCompactionStyleNone";
  }
  return "kCompactionStyleLevel";
}

const char* CompactionPriName(CompactionPri pri) {
  switch (pri) {
    case kByCompensatedSize:
      return "kByCompensatedSize";
    case kOldestLargestSeqFirst:
      return "kOldestLargestSeqFirst";
    case kOldestSmallestSeqFirst:
      return "kOldestSmallestSeqFirst";
    case kMinOverlappingRatio:
      return "kMinOverlappingRatio";
    case kRoundRobin:
      return "kRoundRobin";
  }
  return "kMinOverlappingRatio";
}

const char* TemperatureName(Temperature t) {
  switch (t) {
    case Temperature::kHot:
      return "kHot";
    case Temperature::kWarm:
      return "kWarm";
    case Temperature::kCold:
      return "kCold";
    default:
      return "kUnknown";
  }
}

const char* PinningTierName(PinningTier tier) {
  switch (tier) {
    case PinningTier::kFallback:
      return "kFallback";
    case PinningTier::kNone:
      return "kNone";
    case PinningTier::kFlushedAndSimilar:
      return "kFlushedAndSimilar";
    case PinningTier::kAll:
      return "kAll";
  }
  return "kFallback";
}

const char* ChecksumName(ChecksumType type) {
  switch (type) {
    case kNoChecksum:
      return "kNoChecksum";
    case kCRC32c:
      return "kCRC32c";
    case kxxHash:
      return "kxxHash";
    case kxxHash64:
      return "kxxHash64";
    case kXXH3:
      return "kXXH3";
  }
  return "kXXH3";
}

const char* IndexTypeName(BlockBasedTableOptions::IndexType type) {
  switch (type) {
    case BlockBasedTableOptions::kBinarySearch:
      return "kBinarySearch";
    case BlockBasedTableOptions::kHashSearch:
      return "kHashSearch";
    case BlockBasedTableOptions::kTwoLevelIndexSearch:
      return "kTwoLevelIndexSearch";
    case BlockBasedTableOptions::kBinarySearchWithFirstKey:
      return "kBinarySearchWithFirstKey";
  }
  return "kBinarySearch";
}

const char* IndexShorteningName(
    BlockBasedTableOptions::IndexShorteningMode mode) {
  switch (mode) {
    case BlockBasedTableOptions::IndexShorteningMode::kNoShortening:
      return "kNoShortening";
    case BlockBasedTableOptions::IndexShorteningMode::kShortenSeparators:
      return "kShortenSeparators";
    case BlockBasedTableOptions::IndexShorteningMode::
        kShortenSeparatorsAndSuccessor:
      return "kShortenSeparatorsAndSuccessor";
  }
  return "kShortenSeparators";
}

void RenderDBOptions(const DBOptions& o, std::string* out) {
  out->append("[DBOptions]\n");
  Section s(out);
  s.AddUint("compaction_readahead_size", o.compaction_readahead_size);
  s.Add("strict_bytes_per_sync", o.strict_bytes_per_sync);
  s.AddUint("bytes_per_sync", o.bytes_per_sync);
  s.AddInt("max_background_jobs", o.max_background_jobs);
  s.Add("avoid_flush_during_shutdown", o.avoid_flush_during_shutdown);
  s.AddInt("max_background_flushes", o.max_background_flushes);
  s.AddUint("delayed_write_rate", o.delayed_write_rate);
  s.AddInt("max_open_files", o.max_open_files);
  s.AddUint("max_subcompactions", o.max_subcompactions);
  s.AddUint("writable_file_max_buffer_size", o.writable_file_max_buffer_size);
  s.AddUint("wal_bytes_per_sync", o.wal_bytes_per_sync);
  s.AddInt("max_background_compactions", o.max_background_compactions);
  s.AddUint("max_total_wal_size", o.max_total_wal_size);
  s.AddUint("delete_obsolete_files_period_micros",
            o.delete_obsolete_files_period_micros);
  s.AddUint("stats_dump_period_sec", o.stats_dump_period_sec);
  s.AddUint("stats_history_buffer_size", o.stats_history_buffer_size);
  s.AddUint("stats_persist_period_sec", o.stats_persist_period_sec);
  s.Add("enforce_single_del_contracts", o.enforce_single_del_contracts);
  s.Add("lowest_used_cache_tier",
        o.lowest_used_cache_tier == CacheTier::kVolatileTier
            ? "kVolatileTier"
            : "kNonVolatileBlockTier");
  s.AddUint("bgerror_resume_retry_interval", o.bgerror_resume_retry_interval);
  s.Add("best_efforts_recovery", o.best_efforts_recovery);
  s.AddUint("log_readahead_size", o.log_readahead_size);
  s.Add("write_dbid_to_manifest", o.write_dbid_to_manifest);
  s.Add("wal_compression", CompressionName(o.wal_compression));
  s.Add("manual_wal_flush", o.manual_wal_flush);
  s.Add("db_host_id", o.db_host_id);
  s.Add("two_write_queues", o.two_write_queues);
  s.AddUint("random_access_max_buffer_size", o.random_access_max_buffer_size);
  s.Add("avoid_unnecessary_blocking_io", o.avoid_unnecessary_blocking_io);
  s.Add("skip_checking_sst_file_sizes_on_db_open",
        o.skip_checking_sst_file_sizes_on_db_open);
  s.Add("flush_verify_memtable_count", o.flush_verify_memtable_count);
  s.Add("fail_if_options_file_error", o.fail_if_options_file_error);
  s.Add("atomic_flush", o.atomic_flush);
  s.Add("verify_sst_unique_id_in_manifest", o.verify_sst_unique_id_in_manifest);
  s.Add("skip_stats_update_on_db_open", o.skip_stats_update_on_db_open);
  s.Add("track_and_verify_wals_in_manifest",
        o.track_and_verify_wals_in_manifest);
  s.Add("paranoid_checks", o.paranoid_checks);
  s.Add("create_if_missing", o.create_if_missing);
  s.AddUint("max_write_batch_group_size_bytes",
            o.max_write_batch_group_size_bytes);
  s.Add("avoid_flush_during_recovery", o.avoid_flush_during_recovery);
  s.Add("file_checksum_gen_factory", NameOr(o.file_checksum_gen_factory));
  s.Add("enable_thread_tracking", o.enable_thread_tracking);
  s.Add("allow_fallocate", o.allow_fallocate);
  s.Add("allow_data_in_errors", o.allow_data_in_errors);
  s.Add("error_if_exists", o.error_if_exists);
  s.Add("use_direct_io_for_flush_and_compaction",
        o.use_direct_io_for_flush_and_compaction);
  s.Add("create_missing_column_families", o.create_missing_column_families);
  s.AddUint("WAL_size_limit_MB", o.WAL_size_limit_MB);
  s.Add("use_direct_reads", o.use_direct_reads);
  s.Add("persist_stats_to_disk", o.persist_stats_to_disk);
  s.Add("allow_mmap_reads", o.allow_mmap_reads);
  s.Add("allow_mmap_writes", o.allow_mmap_writes);
  s.Add("use_adaptive_mutex", o.use_adaptive_mutex);
  s.Add("allow_2pc", o.allow_2pc);
  s.Add("is_fd_close_on_exec", o.is_fd_close_on_exec);
  s.AddUint("max_log_file_size", o.max_log_file_size);
  s.Add("access_hint_on_compaction_start",
        AccessHintName(o.access_hint_on_compaction_start));
  s.AddInt("max_file_opening_threads", o.max_file_opening_threads);
  // WalFilter has no public definition here to ask for its name.
  s.Add("wal_filter", "nullptr");
  s.Add("use_fsync", o.use_fsync);
  s.AddInt("table_cache_numshardbits", o.table_cache_numshardbits);
  s.Add("dump_malloc_stats", o.dump_malloc_stats);
  s.AddUint("db_write_buffer_size", o.db_write_buffer_size);
  s.Add("allow_ingest_behind", o.allow_ingest_behind);
  s.AddUint("keep_log_file_num", o.keep_log_file_num);
  s.AddInt("max_bgerror_resume_count", o.max_bgerror_resume_count);
  s.Add("allow_concurrent_memtable_write", o.allow_concurrent_memtable_write);
  s.AddUint("recycle_log_file_num", o.recycle_log_file_num);
  s.AddUint("log_file_time_to_roll", o.log_file_time_to_roll);
  s.AddUint("manifest_preallocation_size", o.manifest_preallocation_size);
  s.Add("enable_write_thread_adaptive_yield",
        o.enable_write_thread_adaptive_yield);
  s.AddUint("WAL_ttl_seconds", o.WAL_ttl_seconds);
  s.AddUint("max_manifest_file_size", o.max_manifest_file_size);
  s.Add("wal_recovery_mode", WalRecoveryModeName(o.wal_recovery_mode));
  s.Add("enable_pipelined_write", o.enable_pipelined_write);
  s.AddUint("write_thread_slow_yield_usec", o.write_thread_slow_yield_usec);
  s.Add("unordered_write", o.unordered_write);
  s.AddUint("write_thread_max_yield_usec", o.write_thread_max_yield_usec);
  s.Add("advise_random_on_open", o.advise_random_on_open);
  s.Add("info_log_level", InfoLogLevelName(o.info_log_level));
  out->append("  \n\n");
}

void RenderCFOptions(const std::string& name, const ColumnFamilyOptions& o,
                     std::string* out) {
  out->append("[CFOptions \"" + name + "\"]\n");
  Section s(out);
  s.Add("compression_opts", CompressionOptionsString(o.compression_opts));
  s.AddUint("memtable_protection_bytes_per_key",
            o.memtable_protection_bytes_per_key);
  s.AddInt("target_file_size_multiplier", o.target_file_size_multiplier);
  s.Add("report_bg_io_stats", o.report_bg_io_stats);
  s.AddUint("write_buffer_size", o.write_buffer_size);
  s.AddUint("memtable_huge_page_size", o.memtable_huge_page_size);
  s.AddUint("max_successive_merges", o.max_successive_merges);
  s.AddInt("max_write_buffer_number", o.max_write_buffer_number);
  s.Add("prefix_extractor", o.prefix_extractor == nullptr
                                ? std::string("nullptr")
                                : o.prefix_extractor->AsString());
  s.Add("bottommost_compression_opts",
        CompressionOptionsString(o.bottommost_compression_opts));
  s.Add("paranoid_file_checks", o.paranoid_file_checks);
  s.AddDouble("blob_garbage_collection_force_threshold",
              o.blob_garbage_collection_force_threshold);
  s.Add("enable_blob_files", o.enable_blob_files);
  s.AddInt("blob_file_starting_level", o.blob_file_starting_level);
  s.AddDouble("memtable_prefix_bloom_size_ratio",
              o.memtable_prefix_bloom_size_ratio);
  s.AddUint("inplace_update_num_locks", o.inplace_update_num_locks);
  s.AddUint("blob_compaction_readahead_size", o.blob_compaction_readahead_size);
  s.Add("ignore_max_compaction_bytes_for_input",
        o.ignore_max_compaction_bytes_for_input);
  s.AddUint("arena_block_size", o.arena_block_size);
  s.AddInt("level0_stop_writes_trigger", o.level0_stop_writes_trigger);
  s.Add("blob_compression_type", CompressionName(o.blob_compression_type));
  s.AddInt("level0_slowdown_writes_trigger", o.level0_slowdown_writes_trigger);
  s.AddUint("hard_pending_compaction_bytes_limit",
            o.hard_pending_compaction_bytes_limit);
  s.AddUint("soft_pending_compaction_bytes_limit",
            o.soft_pending_compaction_bytes_limit);
  s.AddUint("target_file_size_base", o.target_file_size_base);
  s.AddInt("level0_file_num_compaction_trigger",
           o.level0_file_num_compaction_trigger);
  s.AddUint("max_compaction_bytes", o.max_compaction_bytes);
  s.Add("disable_auto_compactions", o.disable_auto_compactions);
  s.Add("check_flush_compaction_key_order", o.check_flush_compaction_key_order);
  s.AddUint("min_blob_size", o.min_blob_size);
  s.Add("memtable_whole_key_filtering", o.memtable_whole_key_filtering);
  s.AddUint("max_bytes_for_level_base", o.max_bytes_for_level_base);
  s.Add("last_level_temperature", TemperatureName(o.last_level_temperature));
  s.Add("compaction_options_fifo",
        "{allow_compaction=" +
            std::string(o.compaction_options_fifo.allow_compaction ? "true"
                                                                   : "false") +
            ";age_for_warm=" +
            std::to_string(o.compaction_options_fifo.age_for_warm) +
            ";max_table_files_size=" +
            std::to_string(o.compaction_options_fifo.max_table_files_size) +
            ";}");
  s.AddDouble("max_bytes_for_level_multiplier",
              o.max_bytes_for_level_multiplier);
  std::string additional;
  for (size_t i = 0; i < o.max_bytes_for_level_multiplier_additional.size();
       ++i) {
    if (i > 0) additional.push_back(':');
    additional +=
        std::to_string(o.max_bytes_for_level_multiplier_additional[i]);
  }
  s.Add("max_bytes_for_level_multiplier_additional", additional);
  s.AddUint("max_sequential_skip_in_iterations",
            o.max_sequential_skip_in_iterations);
  s.Add("prepopulate_blob_cache",
        o.prepopulate_blob_cache == PrepopulateBlobCache::kFlushOnly
            ? "kFlushOnly"
            : "kDisable");
  s.Add("compression", CompressionName(o.compression));
  const CompactionOptionsUniversal& u = o.compaction_options_universal;
  s.Add("compaction_options_universal",
        "{incremental=" + std::string(u.incremental ? "true" : "false") +
            ";compression_size_percent=" +
            std::to_string(u.compression_size_percent) +
            ";allow_trivial_move=" +
            std::string(u.allow_trivial_move ? "true" : "false") +
            ";max_size_amplification_percent=" +
            std::to_string(u.max_size_amplification_percent) +
            ";max_merge_width=" + std::to_string(u.max_merge_width) +
            ";stop_style=" +
            (u.stop_style == kCompactionStopStyleSimilarSize
                 ? "kCompactionStopStyleSimilarSize"
                 : "kCompactionStopStyleTotalSize") +
            ";min_merge_width=" + std::to_string(u.min_merge_width) +
            ";size_ratio=" + std::to_string(u.size_ratio) + ";}");
  s.AddDouble("blob_garbage_collection_age_cutoff",
              o.blob_garbage_collection_age_cutoff);
  s.AddUint("ttl", o.ttl);
  s.AddUint("periodic_compaction_seconds", o.periodic_compaction_seconds);
  s.AddUint("sample_for_compression", o.sample_for_compression);
  s.AddUint("blob_file_size", o.blob_file_size);
  s.Add("enable_blob_garbage_collection", o.enable_blob_garbage_collection);
  s.AddDouble("experimental_mempurge_threshold",
              o.experimental_mempurge_threshold);
  s.Add("bottommost_compression", CompressionName(o.bottommost_compression));
  s.AddInt("min_write_buffer_number_to_merge",
           o.min_write_buffer_number_to_merge);
  s.AddUint("preserve_internal_time_seconds", o.preserve_internal_time_seconds);
  s.AddUint("preclude_last_level_data_seconds",
            o.preclude_last_level_data_seconds);
  s.Add("sst_partitioner_factory", NameOr(o.sst_partitioner_factory));
  s.AddInt("num_levels", o.num_levels);
  s.Add("force_consistency_checks", o.force_consistency_checks);
  s.Add("memtable_insert_with_hint_prefix_extractor",
        o.memtable_insert_with_hint_prefix_extractor == nullptr
            ? std::string("nullptr")
            : o.memtable_insert_with_hint_prefix_extractor->AsString());
  s.Add("memtable_factory", NameOr(o.memtable_factory));
  s.Add("level_compaction_dynamic_file_size",
        o.level_compaction_dynamic_file_size);
  s.AddInt("max_write_buffer_number_to_maintain",
           o.max_write_buffer_number_to_maintain);
  s.Add("optimize_filters_for_hits", o.optimize_filters_for_hits);
  s.Add("level_compaction_dynamic_level_bytes",
        o.level_compaction_dynamic_level_bytes);
  s.Add("compaction_style", CompactionStyleName(o.compaction_style));
  s.Add("compaction_filter", NameOr(o.compaction_filter));
  s.Add("inplace_update_support", o.inplace_update_support);
  s.Add("merge_operator", NameOr(o.merge_operator));
  s.Add("table_factory", NameOr(o.table_factory));
  s.AddUint("bloom_locality", o.bloom_locality);
  s.Add("comparator", NameOr(o.comparator));
  s.Add("compaction_filter_factory", NameOr(o.compaction_filter_factory));
  s.AddInt("max_write_buffer_size_to_maintain",
           o.max_write_buffer_size_to_maintain);
  s.Add("compaction_pri", CompactionPriName(o.compaction_pri));
  out->append("  \n");
}

void RenderBlockBasedTableOptions(const std::string& name,
                                  const BlockBasedTableOptions& t,
                                  std::string* out) {
  out->append("[TableOptions/BlockBasedTable \"" + name + "\"]\n");
  Section s(out);
  s.AddUint("initial_auto_readahead_size", t.initial_auto_readahead_size);
  s.Add("pin_top_level_index_and_filter", t.pin_top_level_index_and_filter);
  s.Add("block_align", t.block_align);
  s.AddInt("block_size_deviation", t.block_size_deviation);
  s.Add("checksum", ChecksumName(t.checksum));
  s.Add("index_shortening", IndexShorteningName(t.index_shortening));
  s.AddUint("num_file_reads_for_auto_readahead",
            t.num_file_reads_for_auto_readahead);
  s.Add("whole_key_filtering", t.whole_key_filtering);
  s.Add(
      "data_block_index_type",
      t.data_block_index_type == BlockBasedTableOptions::kDataBlockBinaryAndHash
          ? "kDataBlockBinaryAndHash"
          : "kDataBlockBinarySearch");
  s.Add("index_type", IndexTypeName(t.index_type));
  s.Add("no_block_cache", t.no_block_cache);
  s.AddInt("index_block_restart_interval", t.index_block_restart_interval);
  s.AddDouble("data_block_hash_table_util_ratio",
              t.data_block_hash_table_util_ratio);
  s.Add("prepopulate_block_cache",
        t.prepopulate_block_cache ==
                BlockBasedTableOptions::PrepopulateBlockCache::kFlushOnly
            ? "kFlushOnly"
            : "kDisable");
  s.Add("pin_l0_filter_and_index_blocks_in_cache",
        t.pin_l0_filter_and_index_blocks_in_cache);
  s.Add("filter_policy", t.filter_policy == nullptr ? std::string("nullptr")
                                                    : t.filter_policy->GetId());
  s.Add("cache_index_and_filter_blocks_with_high_priority",
        t.cache_index_and_filter_blocks_with_high_priority);
  s.Add("verify_compression", t.verify_compression);
  s.AddInt("block_restart_interval", t.block_restart_interval);
  s.AddUint("max_auto_readahead_size", t.max_auto_readahead_size);
  // The only policy factory that exists so far is the default one.
  s.Add("flush_block_policy_factory", "FlushBlockBySizePolicyFactory");
  s.Add("partition_filters", t.partition_filters);
  s.Add("cache_index_and_filter_blocks", t.cache_index_and_filter_blocks);
  s.AddUint("block_size", t.block_size);
  s.AddUint("metadata_block_size", t.metadata_block_size);
  s.Add("optimize_filters_for_memory", t.optimize_filters_for_memory);
  s.Add("detect_filter_construct_corruption",
        t.detect_filter_construct_corruption);
  s.AddUint("format_version", t.format_version);
  const MetadataCacheOptions& m = t.metadata_cache_options;
  s.Add("metadata_cache_options",
        std::string("{unpartitioned_pinning=") +
            PinningTierName(m.unpartitioned_pinning) + ";partition_pinning=" +
            PinningTierName(m.partition_pinning) + ";top_level_index_pinning=" +
            PinningTierName(m.top_level_index_pinning) + ";}");
  s.AddUint("read_amp_bytes_per_bit", t.read_amp_bytes_per_bit);
  s.Add("enable_index_compression", t.enable_index_compression);
  out->append("  \n");
}

}  // namespace

std::string RenderOptionsFile(
    const DBOptions& db_options, const std::vector<std::string>& cf_names,
    const std::vector<ColumnFamilyOptions>& cf_options) {
  std::string out;
  out.append(
      "# This is a RocksDB option file.\n"
      "#\n"
      "# For detailed file format spec, please refer to the example file\n"
      "# in examples/rocksdb_option_file_example.ini\n"
      "#\n\n");
  out.append("[Version]\n");
  out.append("  rocksdb_version=" + std::to_string(ROCKSDB_MAJOR) + "." +
             std::to_string(ROCKSDB_MINOR) + "." +
             std::to_string(ROCKSDB_PATCH) + "\n");
  out.append("  options_file_version=1.1\n\n");
  RenderDBOptions(db_options, &out);
  for (size_t i = 0; i < cf_names.size() && i < cf_options.size(); ++i) {
    const ColumnFamilyOptions& cf = cf_options[i];
    RenderCFOptions(cf_names[i], cf, &out);
    // Only the block-based table has a section RocksDB's parser knows;
    // other factories are named in table_factory= and get none.
    const BlockBasedTableOptions* bbt =
        cf.table_factory == nullptr
            ? nullptr
            : cf.table_factory->GetOptions<BlockBasedTableOptions>();
    if (bbt != nullptr) {
      RenderBlockBasedTableOptions(cf_names[i], *bbt, &out);
    }
  }
  return out;
}

Status WriteOptionsFileAtomically(Env* env, const std::string& contents,
                                  const std::string& temp_path,
                                  const std::string& final_path,
                                  bool use_fsync) {
  std::unique_ptr<WritableFile> file;
  Status s = env->NewWritableFile(temp_path, &file, EnvOptions());
  if (s.ok()) {
    s = file->Append(contents);
  }
  if (s.ok()) {
    s = use_fsync ? file->Fsync() : file->Sync();
  }
  if (s.ok()) {
    s = file->Close();
  }
  file.reset();
  if (s.ok()) {
    s = env->RenameFile(temp_path, final_path);
  }
  if (!s.ok()) {
    // Best effort: the temp file is garbage either way.
    env->DeleteFile(temp_path).PermitUncheckedError();
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
