// Copyright (c) the rocksdb-cleanroom authors.
//
// Dump()/DumpCFOptions(): every option written to the info log as header
// lines "Options.<name>: <value>", so that a LOG file records the
// configuration a DB was opened with. The LOG has its own spellings (0/1
// booleans, "Snappy" for compressions, pointers); enum names shared with
// option strings come from the option tables (options_parser.h).
#include <cinttypes>
#include <cstdio>
#include <string>

#include "options/options_parser.h"
#include "rocksdb/cache.h"
#include "rocksdb/compaction_filter.h"
#include "rocksdb/comparator.h"
#include "rocksdb/env.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "util/compression_name.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Writes one "Options.<name>: <value>" header line per call.
class OptionsPrinter {
 public:
  explicit OptionsPrinter(Logger* log) : log_(log) {}

  void Str(const std::string& name, const std::string& value) {
    const std::string key = "Options." + name;
    Header(log_, "%45s: %s", key.c_str(), value.c_str());
  }
  void U64(const std::string& name, uint64_t v) {
    Str(name, std::to_string(v));
  }
  void I64(const std::string& name, int64_t v) { Str(name, std::to_string(v)); }
  void Bool(const std::string& name, bool v) { Str(name, v ? "1" : "0"); }
  void Double(const std::string& name, double v) {
    char buf[64];
    snprintf(buf, sizeof(buf), "%f", v);
    Str(name, buf);
  }
  void Ptr(const std::string& name, const void* p) {
    char buf[32];
    snprintf(buf, sizeof(buf), "%p", p);
    Str(name, p == nullptr ? "(nil)" : buf);
  }
  // Name() of a customizable object, or "None".
  template <typename T>
  void Named(const std::string& name, const T* object) {
    Str(name, object == nullptr ? "None" : object->Name());
  }

 private:
  Logger* log_;
};

const char* CompressionName(CompressionType type) {
  // The LOG's option dump says "Disabled" where properties say
  // "DisableOption".
  if (type == kDisableCompressionOption) return "Disabled";
  const char* name = CompressionShortName(type);
  return name != nullptr ? name : "Unknown";
}

void PrintCompressionOptions(OptionsPrinter* p, const std::string& prefix,
                             const CompressionOptions& c) {
  p->I64(prefix + ".window_bits", c.window_bits);
  p->I64(prefix + ".level", c.level);
  p->I64(prefix + ".strategy", c.strategy);
  p->U64(prefix + ".max_dict_bytes", c.max_dict_bytes);
  p->U64(prefix + ".zstd_max_train_bytes", c.zstd_max_train_bytes);
  p->U64(prefix + ".parallel_threads", c.parallel_threads);
  p->Bool(prefix + ".enabled", c.enabled);
  p->U64(prefix + ".max_dict_buffer_bytes", c.max_dict_buffer_bytes);
  p->Bool(prefix + ".use_zstd_dict_trainer", c.use_zstd_dict_trainer);
}

}  // namespace

void DBOptions::Dump(Logger* log) const {
  OptionsPrinter p(log);
  p.Bool("error_if_exists", error_if_exists);
  p.Bool("create_if_missing", create_if_missing);
  p.Bool("create_missing_column_families", create_missing_column_families);
  p.Bool("paranoid_checks", paranoid_checks);
  p.Bool("flush_verify_memtable_count", flush_verify_memtable_count);
  p.Bool("track_and_verify_wals_in_manifest",
         track_and_verify_wals_in_manifest);
  p.Bool("verify_sst_unique_id_in_manifest", verify_sst_unique_id_in_manifest);
  p.Ptr("env", env);
  p.Ptr("info_log", info_log.get());
  p.I64("info_log_level", info_log_level);
  p.I64("max_open_files", max_open_files);
  p.I64("max_file_opening_threads", max_file_opening_threads);
  p.U64("max_total_wal_size", max_total_wal_size);
  p.Ptr("statistics", statistics.get());
  p.Bool("use_fsync", use_fsync);
  for (size_t i = 0; i < db_paths.size(); ++i) {
    p.Str("db_paths[" + std::to_string(i) + "]",
          db_paths[i].path + " " + std::to_string(db_paths[i].target_size));
  }
  p.Str("db_log_dir", db_log_dir);
  p.Str("wal_dir", wal_dir);
  p.U64("delete_obsolete_files_period_micros",
        delete_obsolete_files_period_micros);
  p.I64("max_background_jobs", max_background_jobs);
  p.I64("max_background_compactions", max_background_compactions);
  p.U64("max_subcompactions", max_subcompactions);
  p.I64("max_background_flushes", max_background_flushes);
  p.U64("max_log_file_size", max_log_file_size);
  p.U64("log_file_time_to_roll", log_file_time_to_roll);
  p.U64("keep_log_file_num", keep_log_file_num);
  p.U64("recycle_log_file_num", recycle_log_file_num);
  p.U64("max_manifest_file_size", max_manifest_file_size);
  p.I64("table_cache_numshardbits", table_cache_numshardbits);
  p.U64("WAL_ttl_seconds", WAL_ttl_seconds);
  p.U64("WAL_size_limit_MB", WAL_size_limit_MB);
  p.U64("manifest_preallocation_size", manifest_preallocation_size);
  p.Bool("allow_mmap_reads", allow_mmap_reads);
  p.Bool("allow_mmap_writes", allow_mmap_writes);
  p.Bool("use_direct_reads", use_direct_reads);
  p.Bool("use_direct_io_for_flush_and_compaction",
         use_direct_io_for_flush_and_compaction);
  p.Bool("allow_fallocate", allow_fallocate);
  p.Bool("is_fd_close_on_exec", is_fd_close_on_exec);
  p.U64("stats_dump_period_sec", stats_dump_period_sec);
  p.U64("stats_persist_period_sec", stats_persist_period_sec);
  p.Bool("persist_stats_to_disk", persist_stats_to_disk);
  p.U64("stats_history_buffer_size", stats_history_buffer_size);
  p.Bool("advise_random_on_open", advise_random_on_open);
  p.U64("db_write_buffer_size", db_write_buffer_size);
  p.Ptr("write_buffer_manager", write_buffer_manager.get());
  p.I64("access_hint_on_compaction_start", access_hint_on_compaction_start);
  p.U64("compaction_readahead_size", compaction_readahead_size);
  p.U64("random_access_max_buffer_size", random_access_max_buffer_size);
  p.U64("writable_file_max_buffer_size", writable_file_max_buffer_size);
  p.Bool("use_adaptive_mutex", use_adaptive_mutex);
  p.Ptr("rate_limiter", rate_limiter.get());
  p.Ptr("sst_file_manager", sst_file_manager.get());
  p.U64("bytes_per_sync", bytes_per_sync);
  p.U64("wal_bytes_per_sync", wal_bytes_per_sync);
  p.Bool("strict_bytes_per_sync", strict_bytes_per_sync);
  p.U64("listeners", listeners.size());
  p.Bool("enable_thread_tracking", enable_thread_tracking);
  p.U64("delayed_write_rate", delayed_write_rate);
  p.Bool("enable_pipelined_write", enable_pipelined_write);
  p.Bool("unordered_write", unordered_write);
  p.Bool("allow_concurrent_memtable_write", allow_concurrent_memtable_write);
  p.Bool("enable_write_thread_adaptive_yield",
         enable_write_thread_adaptive_yield);
  p.U64("max_write_batch_group_size_bytes", max_write_batch_group_size_bytes);
  p.U64("write_thread_max_yield_usec", write_thread_max_yield_usec);
  p.U64("write_thread_slow_yield_usec", write_thread_slow_yield_usec);
  p.Bool("skip_stats_update_on_db_open", skip_stats_update_on_db_open);
  p.Bool("skip_checking_sst_file_sizes_on_db_open",
         skip_checking_sst_file_sizes_on_db_open);
  p.I64("wal_recovery_mode", static_cast<int>(wal_recovery_mode));
  p.Bool("allow_2pc", allow_2pc);
  p.Str("row_cache", row_cache ? row_cache->Name() : "None");
  p.Str("wal_filter", wal_filter != nullptr ? "set" : "None");
  p.Bool("fail_if_options_file_error", fail_if_options_file_error);
  p.Bool("dump_malloc_stats", dump_malloc_stats);
  p.Bool("avoid_flush_during_recovery", avoid_flush_during_recovery);
  p.Bool("avoid_flush_during_shutdown", avoid_flush_during_shutdown);
  p.Bool("allow_ingest_behind", allow_ingest_behind);
  p.Bool("two_write_queues", two_write_queues);
  p.Bool("manual_wal_flush", manual_wal_flush);
  p.Str("wal_compression", CompressionName(wal_compression));
  p.Bool("atomic_flush", atomic_flush);
  p.Bool("avoid_unnecessary_blocking_io", avoid_unnecessary_blocking_io);
  p.Bool("write_dbid_to_manifest", write_dbid_to_manifest);
  p.U64("log_readahead_size", log_readahead_size);
  p.Str("file_checksum_gen_factory", file_checksum_gen_factory
                                         ? file_checksum_gen_factory->Name()
                                         : "Unknown");
  p.Bool("best_efforts_recovery", best_efforts_recovery);
  p.I64("max_bgerror_resume_count", max_bgerror_resume_count);
  p.U64("bgerror_resume_retry_interval", bgerror_resume_retry_interval);
  p.Bool("allow_data_in_errors", allow_data_in_errors);
  p.Str("db_host_id", db_host_id);
  p.Str("compaction_service",
        compaction_service ? compaction_service->Name() : "None");
  p.I64("lowest_used_cache_tier", static_cast<int>(lowest_used_cache_tier));
  p.Bool("enforce_single_del_contracts", enforce_single_del_contracts);
}

void ColumnFamilyOptions::Dump(Logger* log) const {
  OptionsPrinter p(log);
  p.Named("comparator", comparator);
  p.Named("merge_operator", merge_operator.get());
  p.Named("compaction_filter", compaction_filter);
  p.Named("compaction_filter_factory", compaction_filter_factory.get());
  p.Named("sst_partitioner_factory", sst_partitioner_factory.get());
  p.Named("memtable_factory", memtable_factory.get());
  p.Named("table_factory", table_factory.get());
  if (table_factory) {
    p.Str("table_factory options", table_factory->GetPrintableOptions());
  }
  p.U64("write_buffer_size", write_buffer_size);
  p.I64("max_write_buffer_number", max_write_buffer_number);
  p.Str("compression", CompressionName(compression));
  for (size_t i = 0; i < compression_per_level.size(); ++i) {
    p.Str("compression[" + std::to_string(i) + "]",
          CompressionName(compression_per_level[i]));
  }
  p.Str("bottommost_compression", CompressionName(bottommost_compression));
  PrintCompressionOptions(&p, "bottommost_compression_opts",
                          bottommost_compression_opts);
  PrintCompressionOptions(&p, "compression_opts", compression_opts);
  p.Str("prefix_extractor",
        prefix_extractor ? prefix_extractor->Name() : "nullptr");
  p.Str("memtable_insert_with_hint_prefix_extractor",
        memtable_insert_with_hint_prefix_extractor
            ? memtable_insert_with_hint_prefix_extractor->Name()
            : "nullptr");
  p.I64("num_levels", num_levels);
  p.I64("min_write_buffer_number_to_merge", min_write_buffer_number_to_merge);
  p.I64("max_write_buffer_number_to_maintain",
        max_write_buffer_number_to_maintain);
  p.I64("max_write_buffer_size_to_maintain", max_write_buffer_size_to_maintain);
  p.I64("level0_file_num_compaction_trigger",
        level0_file_num_compaction_trigger);
  p.I64("level0_slowdown_writes_trigger", level0_slowdown_writes_trigger);
  p.I64("level0_stop_writes_trigger", level0_stop_writes_trigger);
  p.U64("target_file_size_base", target_file_size_base);
  p.I64("target_file_size_multiplier", target_file_size_multiplier);
  p.U64("max_bytes_for_level_base", max_bytes_for_level_base);
  p.Bool("level_compaction_dynamic_level_bytes",
         level_compaction_dynamic_level_bytes);
  p.Bool("level_compaction_dynamic_file_size",
         level_compaction_dynamic_file_size);
  p.Double("max_bytes_for_level_multiplier", max_bytes_for_level_multiplier);
  for (size_t i = 0; i < max_bytes_for_level_multiplier_additional.size();
       ++i) {
    p.I64("max_bytes_for_level_multiplier_addtl[" + std::to_string(i) + "]",
          max_bytes_for_level_multiplier_additional[i]);
  }
  p.U64("max_sequential_skip_in_iterations", max_sequential_skip_in_iterations);
  p.U64("max_compaction_bytes", max_compaction_bytes);
  p.Bool("ignore_max_compaction_bytes_for_input",
         ignore_max_compaction_bytes_for_input);
  p.U64("arena_block_size", arena_block_size);
  p.U64("soft_pending_compaction_bytes_limit",
        soft_pending_compaction_bytes_limit);
  p.U64("hard_pending_compaction_bytes_limit",
        hard_pending_compaction_bytes_limit);
  p.Bool("disable_auto_compactions", disable_auto_compactions);
  // Enum values are spelled as in option strings (the CF option table).
  const OptionStruct& table = CFOptionStruct();
  p.Str("compaction_style",
        PrintedOptionValue(table, "compaction_style", this));
  p.Str("compaction_pri", PrintedOptionValue(table, "compaction_pri", this));
  const CompactionOptionsUniversal& u = compaction_options_universal;
  p.U64("compaction_options_universal.size_ratio", u.size_ratio);
  p.U64("compaction_options_universal.min_merge_width", u.min_merge_width);
  p.U64("compaction_options_universal.max_merge_width", u.max_merge_width);
  p.U64("compaction_options_universal.max_size_amplification_percent",
        u.max_size_amplification_percent);
  p.I64("compaction_options_universal.compression_size_percent",
        u.compression_size_percent);
  p.Str("compaction_options_universal.stop_style",
        PrintedOptionValue(table, "compaction_options_universal.stop_style",
                           this));
  p.Bool("compaction_options_universal.allow_trivial_move",
         u.allow_trivial_move);
  p.Bool("compaction_options_universal.incremental", u.incremental);
  p.U64("compaction_options_fifo.max_table_files_size",
        compaction_options_fifo.max_table_files_size);
  p.Bool("compaction_options_fifo.allow_compaction",
         compaction_options_fifo.allow_compaction);
  p.U64("compaction_options_fifo.age_for_warm",
        compaction_options_fifo.age_for_warm);
  std::string collectors;
  for (const auto& factory : table_properties_collector_factories) {
    collectors += factory ? factory->ToString() : "nullptr";
    collectors += ";";
  }
  p.Str("table_properties_collectors", collectors);
  p.Bool("inplace_update_support", inplace_update_support);
  p.U64("inplace_update_num_locks", inplace_update_num_locks);
  p.Double("experimental_mempurge_threshold", experimental_mempurge_threshold);
  p.Double("memtable_prefix_bloom_size_ratio",
           memtable_prefix_bloom_size_ratio);
  p.Bool("memtable_whole_key_filtering", memtable_whole_key_filtering);
  p.U64("memtable_huge_page_size", memtable_huge_page_size);
  p.U64("bloom_locality", bloom_locality);
  p.U64("max_successive_merges", max_successive_merges);
  p.Bool("optimize_filters_for_hits", optimize_filters_for_hits);
  p.Bool("check_flush_compaction_key_order", check_flush_compaction_key_order);
  p.Bool("paranoid_file_checks", paranoid_file_checks);
  p.Bool("force_consistency_checks", force_consistency_checks);
  p.Bool("report_bg_io_stats", report_bg_io_stats);
  p.U64("ttl", ttl);
  p.U64("periodic_compaction_seconds", periodic_compaction_seconds);
  p.U64("sample_for_compression", sample_for_compression);
  p.I64("last_level_temperature", static_cast<int>(last_level_temperature));
  p.U64("preclude_last_level_data_seconds", preclude_last_level_data_seconds);
  p.U64("preserve_internal_time_seconds", preserve_internal_time_seconds);
  p.Bool("enable_blob_files", enable_blob_files);
  p.U64("min_blob_size", min_blob_size);
  p.U64("blob_file_size", blob_file_size);
  p.Str("blob_compression_type", CompressionName(blob_compression_type));
  p.Bool("enable_blob_garbage_collection", enable_blob_garbage_collection);
  p.Double("blob_garbage_collection_age_cutoff",
           blob_garbage_collection_age_cutoff);
  p.Double("blob_garbage_collection_force_threshold",
           blob_garbage_collection_force_threshold);
  p.U64("blob_compaction_readahead_size", blob_compaction_readahead_size);
  p.I64("blob_file_starting_level", blob_file_starting_level);
  p.Str("blob_cache", blob_cache ? blob_cache->Name() : "None");
  p.I64("prepopulate_blob_cache", static_cast<int>(prepopulate_blob_cache));
  p.U64("memtable_protection_bytes_per_key", memtable_protection_bytes_per_key);
}

void Options::Dump(Logger* log) const {
  DBOptions::Dump(log);
  ColumnFamilyOptions::Dump(log);
}

void Options::DumpCFOptions(Logger* log) const {
  ColumnFamilyOptions::Dump(log);
}

}  // namespace ROCKSDB_NAMESPACE
