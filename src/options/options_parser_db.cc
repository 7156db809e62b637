// Copyright (c) the rocksdb-cleanroom authors.
//
// The DBOptions table: every name RocksDB 7.8.3's option parser accepts
// for DBOptions, in the order GetStringFromDBOptions prints them, then the
// names it accepts but never prints. kOptMutable marks what
// DB::SetDBOptions accepts (observed with Debian's librocksdb).
#include <memory>

#include "options/options_parser.h"
#include "rocksdb/env.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/rate_limiter.h"
#include "rocksdb/statistics.h"

namespace ROCKSDB_NAMESPACE {

namespace {

#define DB_FIELD(f) \
  [](void* o) -> void* { return &static_cast<DBOptions*>(o)->f; }

const OptionEnum& InfoLogLevelEnum() {
  static const OptionEnum e =
      MakeOptionEnum<InfoLogLevel>({{"DEBUG_LEVEL", DEBUG_LEVEL},
                                    {"INFO_LEVEL", INFO_LEVEL},
                                    {"WARN_LEVEL", WARN_LEVEL},
                                    {"ERROR_LEVEL", ERROR_LEVEL},
                                    {"FATAL_LEVEL", FATAL_LEVEL},
                                    {"HEADER_LEVEL", HEADER_LEVEL}},
                                   false);
  return e;
}

const OptionEnum& WalRecoveryModeEnum() {
  using M = WALRecoveryMode;
  static const OptionEnum e = MakeOptionEnum<M>(
      {{"kTolerateCorruptedTailRecords",
        static_cast<int64_t>(M::kTolerateCorruptedTailRecords)},
       {"kAbsoluteConsistency", static_cast<int64_t>(M::kAbsoluteConsistency)},
       {"kPointInTimeRecovery", static_cast<int64_t>(M::kPointInTimeRecovery)},
       {"kSkipAnyCorruptedRecords",
        static_cast<int64_t>(M::kSkipAnyCorruptedRecords)}},
      false);
  return e;
}

const OptionEnum& AccessHintEnum() {
  static const OptionEnum e = MakeOptionEnum<DBOptions::AccessHint>(
      {{"NONE", DBOptions::NONE},
       {"NORMAL", DBOptions::NORMAL},
       {"SEQUENTIAL", DBOptions::SEQUENTIAL},
       {"WILLNEED", DBOptions::WILLNEED}},
      false);
  return e;
}

const OptionEnum& CacheTierEnum() {
  static const OptionEnum e = MakeOptionEnum<CacheTier>(
      {{"kVolatileTier", static_cast<int64_t>(CacheTier::kVolatileTier)},
       {"kNonVolatileBlockTier",
        static_cast<int64_t>(CacheTier::kNonVolatileBlockTier)}},
      false);
  return e;
}

Status ParseEnv(const ConfigOptions& config_options,
                const std::string& /*name*/, const std::string& value,
                void* field) {
  Env* env = *static_cast<Env**>(field);
  Status s = Env::CreateFromString(config_options, value, &env);
  if (s.ok() && env != nullptr) *static_cast<Env**>(field) = env;
  return s;
}

Status ParseStatistics(const ConfigOptions& config_options,
                       const std::string& /*name*/, const std::string& value,
                       void* field) {
  return Statistics::CreateFromString(
      config_options, value, static_cast<std::shared_ptr<Statistics>*>(field));
}

Status ParseRateLimiterBytes(const ConfigOptions& /*config_options*/,
                             const std::string& name, const std::string& value,
                             void* field) {
  uint64_t rate = 0;
  std::string what;
  if (!ParseOptionUInt64(value, &rate, &what)) {
    return Status::InvalidArgument("Error parsing " + name + ":" + what);
  }
  // RocksDB asserts on a rate that is not positive; this build leaves the
  // option alone.
  if (rate > 0 && rate <= static_cast<uint64_t>(INT64_MAX)) {
    static_cast<std::shared_ptr<RateLimiter>*>(field)->reset(
        NewGenericRateLimiter(static_cast<int64_t>(rate)));
  }
  return Status::OK();
}

Status ParseChecksumFactory(const ConfigOptions& config_options,
                            const std::string& /*name*/,
                            const std::string& value, void* field) {
  return FileChecksumGenFactory::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<FileChecksumGenFactory>*>(field));
}

Status PrintChecksumFactory(const ConfigOptions& config_options,
                            const void* field, std::string* value) {
  *value = CustomizableOptionString(
      config_options,
      static_cast<const std::shared_ptr<FileChecksumGenFactory>*>(field)
          ->get());
  return Status::OK();
}

// WalFilter has no public definition here: only "nullptr" can be set, any
// other id is not supported and leaves the option unchanged.
Status ParseWalFilter(const ConfigOptions& /*config_options*/,
                      const std::string& /*name*/, const std::string& value,
                      void* field) {
  if (value.empty() || value == "nullptr") {
    *static_cast<WalFilter**>(field) = nullptr;
  }
  return Status::OK();
}

Status PrintWalFilter(const ConfigOptions& /*config_options*/,
                      const void* /*field*/, std::string* value) {
  *value = "nullptr";
  return Status::OK();
}

OptionStruct BuildDBOptionStruct() {
  const OptionKind kBool = OptionKind::kBool;
  const OptionKind kInt = OptionKind::kInt;
  const OptionKind kU32 = OptionKind::kUInt32;
  const OptionKind kU64 = OptionKind::kUInt64;
  const OptionKind kStr = OptionKind::kString;
  const OptionKind kEnum = OptionKind::kEnum;
  const uint32_t kMut = kOptMutable;
  OptionStruct t;
  t.name = "DBOptions";
  t.fields = {
      OptField("compaction_readahead_size", kU64,
               DB_FIELD(compaction_readahead_size), kMut),
      OptField("strict_bytes_per_sync", kBool, DB_FIELD(strict_bytes_per_sync),
               kMut),
      OptField("bytes_per_sync", kU64, DB_FIELD(bytes_per_sync), kMut),
      OptField("max_background_jobs", kInt, DB_FIELD(max_background_jobs),
               kMut),
      OptField("avoid_flush_during_shutdown", kBool,
               DB_FIELD(avoid_flush_during_shutdown), kMut),
      OptField("max_background_flushes", kInt, DB_FIELD(max_background_flushes),
               kMut),
      OptField("delayed_write_rate", kU64, DB_FIELD(delayed_write_rate), kMut),
      OptField("max_open_files", kInt, DB_FIELD(max_open_files), kMut),
      OptField("max_subcompactions", kU32, DB_FIELD(max_subcompactions), kMut),
      OptField("writable_file_max_buffer_size", kU64,
               DB_FIELD(writable_file_max_buffer_size), kMut),
      OptField("wal_bytes_per_sync", kU64, DB_FIELD(wal_bytes_per_sync), kMut),
      OptField("max_background_compactions", kInt,
               DB_FIELD(max_background_compactions), kMut),
      OptField("max_total_wal_size", kU64, DB_FIELD(max_total_wal_size), kMut),
      OptField("delete_obsolete_files_period_micros", kU64,
               DB_FIELD(delete_obsolete_files_period_micros), kMut),
      OptField("stats_dump_period_sec", kU32, DB_FIELD(stats_dump_period_sec),
               kMut),
      OptField("stats_history_buffer_size", kU64,
               DB_FIELD(stats_history_buffer_size), kMut),
      OptField("stats_persist_period_sec", kU32,
               DB_FIELD(stats_persist_period_sec), kMut),
      OptField("enforce_single_del_contracts", kBool,
               DB_FIELD(enforce_single_del_contracts)),
      OptField("lowest_used_cache_tier", kEnum,
               DB_FIELD(lowest_used_cache_tier), kOptNone, &CacheTierEnum()),
      OptField("bgerror_resume_retry_interval", kU64,
               DB_FIELD(bgerror_resume_retry_interval)),
      OptField("best_efforts_recovery", kBool, DB_FIELD(best_efforts_recovery)),
      OptField("log_readahead_size", kU64, DB_FIELD(log_readahead_size)),
      OptField("write_dbid_to_manifest", kBool,
               DB_FIELD(write_dbid_to_manifest)),
      OptField("wal_compression", kEnum, DB_FIELD(wal_compression), kOptNone,
               &CompressionTypeEnum()),
      OptField("manual_wal_flush", kBool, DB_FIELD(manual_wal_flush)),
      OptField("db_host_id", kStr, DB_FIELD(db_host_id)),
      OptField("two_write_queues", kBool, DB_FIELD(two_write_queues)),
      OptField("random_access_max_buffer_size", kU64,
               DB_FIELD(random_access_max_buffer_size)),
      OptField("avoid_unnecessary_blocking_io", kBool,
               DB_FIELD(avoid_unnecessary_blocking_io)),
      OptField("skip_checking_sst_file_sizes_on_db_open", kBool,
               DB_FIELD(skip_checking_sst_file_sizes_on_db_open)),
      OptField("flush_verify_memtable_count", kBool,
               DB_FIELD(flush_verify_memtable_count)),
      OptField("fail_if_options_file_error", kBool,
               DB_FIELD(fail_if_options_file_error)),
      OptField("atomic_flush", kBool, DB_FIELD(atomic_flush)),
      OptField("verify_sst_unique_id_in_manifest", kBool,
               DB_FIELD(verify_sst_unique_id_in_manifest)),
      OptField("skip_stats_update_on_db_open", kBool,
               DB_FIELD(skip_stats_update_on_db_open)),
      OptField("track_and_verify_wals_in_manifest", kBool,
               DB_FIELD(track_and_verify_wals_in_manifest)),
      OptField("paranoid_checks", kBool, DB_FIELD(paranoid_checks)),
      OptField("create_if_missing", kBool, DB_FIELD(create_if_missing)),
      OptField("max_write_batch_group_size_bytes", kU64,
               DB_FIELD(max_write_batch_group_size_bytes)),
      OptField("avoid_flush_during_recovery", kBool,
               DB_FIELD(avoid_flush_during_recovery)),
      OptCustom("file_checksum_gen_factory",
                DB_FIELD(file_checksum_gen_factory), ParseChecksumFactory,
                PrintChecksumFactory),
      OptField("enable_thread_tracking", kBool,
               DB_FIELD(enable_thread_tracking)),
      OptField("allow_fallocate", kBool, DB_FIELD(allow_fallocate)),
      OptField("allow_data_in_errors", kBool, DB_FIELD(allow_data_in_errors)),
      OptField("error_if_exists", kBool, DB_FIELD(error_if_exists)),
      OptField("use_direct_io_for_flush_and_compaction", kBool,
               DB_FIELD(use_direct_io_for_flush_and_compaction)),
      OptField("create_missing_column_families", kBool,
               DB_FIELD(create_missing_column_families)),
      OptField("WAL_size_limit_MB", kU64, DB_FIELD(WAL_size_limit_MB)),
      OptField("use_direct_reads", kBool, DB_FIELD(use_direct_reads)),
      OptField("persist_stats_to_disk", kBool, DB_FIELD(persist_stats_to_disk)),
      OptField("allow_mmap_reads", kBool, DB_FIELD(allow_mmap_reads)),
      OptField("allow_mmap_writes", kBool, DB_FIELD(allow_mmap_writes)),
      OptField("use_adaptive_mutex", kBool, DB_FIELD(use_adaptive_mutex)),
      OptField("allow_2pc", kBool, DB_FIELD(allow_2pc)),
      OptField("is_fd_close_on_exec", kBool, DB_FIELD(is_fd_close_on_exec)),
      OptField("max_log_file_size", kU64, DB_FIELD(max_log_file_size)),
      OptField("access_hint_on_compaction_start", kEnum,
               DB_FIELD(access_hint_on_compaction_start), kOptNone,
               &AccessHintEnum()),
      OptField("max_file_opening_threads", kInt,
               DB_FIELD(max_file_opening_threads)),
      OptCustom("wal_filter", DB_FIELD(wal_filter), ParseWalFilter,
                PrintWalFilter),
      OptField("use_fsync", kBool, DB_FIELD(use_fsync)),
      OptField("db_log_dir", kStr, DB_FIELD(db_log_dir)),
      OptField("table_cache_numshardbits", kInt,
               DB_FIELD(table_cache_numshardbits)),
      OptField("dump_malloc_stats", kBool, DB_FIELD(dump_malloc_stats)),
      OptField("db_write_buffer_size", kU64, DB_FIELD(db_write_buffer_size)),
      OptField("allow_ingest_behind", kBool, DB_FIELD(allow_ingest_behind)),
      OptField("keep_log_file_num", kU64, DB_FIELD(keep_log_file_num)),
      OptField("max_bgerror_resume_count", kInt,
               DB_FIELD(max_bgerror_resume_count)),
      OptField("allow_concurrent_memtable_write", kBool,
               DB_FIELD(allow_concurrent_memtable_write)),
      OptField("recycle_log_file_num", kU64, DB_FIELD(recycle_log_file_num)),
      OptField("log_file_time_to_roll", kU64, DB_FIELD(log_file_time_to_roll)),
      OptField("manifest_preallocation_size", kU64,
               DB_FIELD(manifest_preallocation_size)),
      OptField("enable_write_thread_adaptive_yield", kBool,
               DB_FIELD(enable_write_thread_adaptive_yield)),
      OptField("wal_dir", kStr, DB_FIELD(wal_dir)),
      OptField("WAL_ttl_seconds", kU64, DB_FIELD(WAL_ttl_seconds)),
      OptField("max_manifest_file_size", kU64,
               DB_FIELD(max_manifest_file_size)),
      OptField("wal_recovery_mode", kEnum, DB_FIELD(wal_recovery_mode),
               kOptNone, &WalRecoveryModeEnum()),
      OptField("enable_pipelined_write", kBool,
               DB_FIELD(enable_pipelined_write)),
      OptField("write_thread_slow_yield_usec", kU64,
               DB_FIELD(write_thread_slow_yield_usec)),
      OptField("unordered_write", kBool, DB_FIELD(unordered_write)),
      OptField("write_thread_max_yield_usec", kU64,
               DB_FIELD(write_thread_max_yield_usec)),
      OptField("advise_random_on_open", kBool, DB_FIELD(advise_random_on_open)),
      OptField("info_log_level", kEnum, DB_FIELD(info_log_level), kOptNone,
               &InfoLogLevelEnum()),
      // Accepted, never printed.
      OptCustom("env", DB_FIELD(env), ParseEnv, nullptr,
                kOptNoSerialize | kOptNoCompare),
      OptCustom("statistics", DB_FIELD(statistics), ParseStatistics, nullptr,
                kOptNoSerialize | kOptNoCompare),
      OptCustom("rate_limiter_bytes_per_sec", DB_FIELD(rate_limiter),
                ParseRateLimiterBytes, nullptr,
                kOptNoSerialize | kOptNoCompare | kOptAlias),
      OptIgnored("rate_limiter"),
      OptIgnored("listeners"),
      // Retired names.
      OptIgnored("allow_os_buffer", kMut),
      OptIgnored("base_background_compactions", kMut),
      OptIgnored("concurrent_prepare"),
      OptIgnored("disableDataSync"),
      OptIgnored("disable_data_sync"),
      OptIgnored("experimental_allow_mempurge"),
      OptIgnored("experimental_mempurge_policy"),
      OptIgnored("experimental_mempurge_threshold"),
      OptIgnored("new_table_reader_for_compaction_inputs"),
      OptIgnored("preserve_deletes"),
      OptIgnored("seq_per_batch"),
      OptIgnored("skip_log_error_on_recovery"),
  };
  return t;
}

}  // namespace

const OptionStruct& DBOptionStruct() {
  static const OptionStruct s = BuildDBOptionStruct();
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
