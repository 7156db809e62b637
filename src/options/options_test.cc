// Copyright (c) the rocksdb-cleanroom authors.
//
// Every option default, checked against the values printed by a program
// built against RocksDB 7.8.3 (Debian's librocksdb): an application relies on
// them when it leaves an option unset.
#include "rocksdb/options.h"

#include <gtest/gtest.h>

#include <climits>
#include <limits>

#include "rocksdb/comparator.h"
#include "rocksdb/env.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(OptionsDefaultsTest, DBOptions) {
  DBOptions db;
  EXPECT_EQ(db.create_if_missing, 0);
  EXPECT_EQ(db.create_missing_column_families, 0);
  EXPECT_EQ(db.error_if_exists, 0);
  EXPECT_EQ(db.paranoid_checks, 1);
  EXPECT_EQ(db.flush_verify_memtable_count, 1);
  EXPECT_EQ(db.track_and_verify_wals_in_manifest, 0);
  EXPECT_EQ(db.verify_sst_unique_id_in_manifest, 1);
  EXPECT_EQ(db.env, Env::Default());
  EXPECT_EQ(db.rate_limiter, nullptr);
  EXPECT_EQ(db.sst_file_manager, nullptr);
  EXPECT_EQ(db.info_log, nullptr);
  // Debian's assert-enabled build says DEBUG_LEVEL; a release build of
  // RocksDB (and we) use INFO_LEVEL.
  EXPECT_EQ(db.info_log_level, INFO_LEVEL);
  EXPECT_EQ(db.max_open_files, -1);
  EXPECT_EQ(db.max_file_opening_threads, 16);
  EXPECT_EQ(db.max_total_wal_size, 0);
  EXPECT_EQ(db.statistics, nullptr);
  EXPECT_EQ(db.use_fsync, 0);
  // db_paths.size = 0
  EXPECT_EQ(db.db_log_dir, "");
  EXPECT_EQ(db.wal_dir, "");
  EXPECT_EQ(db.delete_obsolete_files_period_micros, 21600000000ull);
  EXPECT_EQ(db.max_background_jobs, 2);
  EXPECT_EQ(db.max_background_compactions, -1);
  EXPECT_EQ(db.max_subcompactions, 1);
  EXPECT_EQ(db.max_background_flushes, -1);
  EXPECT_EQ(db.max_log_file_size, 0);
  EXPECT_EQ(db.log_file_time_to_roll, 0);
  EXPECT_EQ(db.keep_log_file_num, 1000);
  EXPECT_EQ(db.recycle_log_file_num, 0);
  EXPECT_EQ(db.max_manifest_file_size, 1073741824);
  EXPECT_EQ(db.table_cache_numshardbits, 6);
  EXPECT_EQ(db.WAL_ttl_seconds, 0);
  EXPECT_EQ(db.WAL_size_limit_MB, 0);
  EXPECT_EQ(db.manifest_preallocation_size, 4194304);
  EXPECT_EQ(db.allow_mmap_reads, 0);
  EXPECT_EQ(db.allow_mmap_writes, 0);
  EXPECT_EQ(db.use_direct_reads, 0);
  EXPECT_EQ(db.use_direct_io_for_flush_and_compaction, 0);
  EXPECT_EQ(db.allow_fallocate, 1);
  EXPECT_EQ(db.is_fd_close_on_exec, 1);
  EXPECT_EQ(db.stats_dump_period_sec, 600);
  EXPECT_EQ(db.stats_persist_period_sec, 600);
  EXPECT_EQ(db.persist_stats_to_disk, 0);
  EXPECT_EQ(db.stats_history_buffer_size, 1048576);
  EXPECT_EQ(db.advise_random_on_open, 1);
  EXPECT_EQ(db.db_write_buffer_size, 0);
  EXPECT_EQ(db.write_buffer_manager, nullptr);
  EXPECT_EQ(db.access_hint_on_compaction_start, DBOptions::NORMAL);
  EXPECT_EQ(db.compaction_readahead_size, 0);
  EXPECT_EQ(db.random_access_max_buffer_size, 1048576);
  EXPECT_EQ(db.writable_file_max_buffer_size, 1048576);
  EXPECT_EQ(db.use_adaptive_mutex, 0);
  EXPECT_EQ(db.bytes_per_sync, 0);
  EXPECT_EQ(db.wal_bytes_per_sync, 0);
  EXPECT_EQ(db.strict_bytes_per_sync, 0);
  // listeners.size = 0
  EXPECT_EQ(db.enable_thread_tracking, 0);
  EXPECT_EQ(db.delayed_write_rate, 0);
  EXPECT_EQ(db.enable_pipelined_write, 0);
  EXPECT_EQ(db.unordered_write, 0);
  EXPECT_EQ(db.allow_concurrent_memtable_write, 1);
  EXPECT_EQ(db.enable_write_thread_adaptive_yield, 1);
  EXPECT_EQ(db.max_write_batch_group_size_bytes, 1048576);
  EXPECT_EQ(db.write_thread_max_yield_usec, 100);
  EXPECT_EQ(db.write_thread_slow_yield_usec, 3);
  EXPECT_EQ(db.skip_stats_update_on_db_open, 0);
  EXPECT_EQ(db.skip_checking_sst_file_sizes_on_db_open, 0);
  EXPECT_EQ(db.wal_recovery_mode, WALRecoveryMode::kPointInTimeRecovery);
  EXPECT_EQ(db.allow_2pc, 0);
  EXPECT_EQ(db.row_cache, nullptr);
  EXPECT_EQ(db.wal_filter, nullptr);
  EXPECT_EQ(db.fail_if_options_file_error, 0);
  EXPECT_EQ(db.dump_malloc_stats, 0);
  EXPECT_EQ(db.avoid_flush_during_recovery, 0);
  EXPECT_EQ(db.avoid_flush_during_shutdown, 0);
  EXPECT_EQ(db.allow_ingest_behind, 0);
  EXPECT_EQ(db.two_write_queues, 0);
  EXPECT_EQ(db.manual_wal_flush, 0);
  EXPECT_EQ(db.wal_compression, kNoCompression);
  EXPECT_EQ(db.atomic_flush, 0);
  EXPECT_EQ(db.avoid_unnecessary_blocking_io, 0);
  EXPECT_EQ(db.write_dbid_to_manifest, 0);
  EXPECT_EQ(db.log_readahead_size, 0);
  EXPECT_EQ(db.file_checksum_gen_factory, nullptr);
  EXPECT_EQ(db.best_efforts_recovery, 0);
  EXPECT_EQ(db.max_bgerror_resume_count, INT_MAX);
  EXPECT_EQ(db.bgerror_resume_retry_interval, 1000000);
  EXPECT_EQ(db.allow_data_in_errors, 0);
  EXPECT_EQ(db.db_host_id, "__hostname__");
  // checksum_handoff_file_types.has_table = 0
  EXPECT_EQ(db.compaction_service, nullptr);
  EXPECT_EQ(db.lowest_used_cache_tier, CacheTier::kNonVolatileBlockTier);
  EXPECT_EQ(db.enforce_single_del_contracts, 1);
  EXPECT_TRUE(db.db_paths.empty());
  EXPECT_TRUE(db.listeners.empty());
  EXPECT_FALSE(db.checksum_handoff_file_types.Contains(kTableFile));
  EXPECT_FALSE(db.checksum_handoff_file_types.Contains(kWalFile));
}

TEST(OptionsDefaultsTest, ColumnFamilyOptions) {
  ColumnFamilyOptions cf;
  EXPECT_EQ(cf.max_write_buffer_number, 2);
  EXPECT_EQ(cf.min_write_buffer_number_to_merge, 1);
  EXPECT_EQ(cf.max_write_buffer_number_to_maintain, 0);
  EXPECT_EQ(cf.max_write_buffer_size_to_maintain, 0);
  EXPECT_EQ(cf.inplace_update_support, 0);
  EXPECT_EQ(cf.inplace_update_num_locks, 10000);
  EXPECT_EQ(cf.experimental_mempurge_threshold, 0);
  EXPECT_FALSE(cf.inplace_callback);
  EXPECT_EQ(cf.memtable_prefix_bloom_size_ratio, 0);
  EXPECT_EQ(cf.memtable_whole_key_filtering, 0);
  EXPECT_EQ(cf.memtable_huge_page_size, 0);
  EXPECT_EQ(cf.memtable_insert_with_hint_prefix_extractor, nullptr);
  EXPECT_EQ(cf.bloom_locality, 0);
  EXPECT_EQ(cf.arena_block_size, 0);
  // compression_per_level = []
  EXPECT_EQ(cf.num_levels, 7);
  EXPECT_EQ(cf.level0_slowdown_writes_trigger, 20);
  EXPECT_EQ(cf.level0_stop_writes_trigger, 36);
  EXPECT_EQ(cf.target_file_size_base, 67108864);
  EXPECT_EQ(cf.target_file_size_multiplier, 1);
  EXPECT_EQ(cf.level_compaction_dynamic_level_bytes, 0);
  EXPECT_EQ(cf.level_compaction_dynamic_file_size, 1);
  EXPECT_EQ(cf.max_bytes_for_level_multiplier, 10);
  // max_bytes_for_level_multiplier_additional = [1,1,1,1,1,1,1,]
  EXPECT_EQ(cf.max_compaction_bytes, 0);
  EXPECT_EQ(cf.ignore_max_compaction_bytes_for_input, 1);
  EXPECT_EQ(cf.soft_pending_compaction_bytes_limit, 68719476736ull);
  EXPECT_EQ(cf.hard_pending_compaction_bytes_limit, 274877906944ull);
  EXPECT_EQ(cf.compaction_style, kCompactionStyleLevel);
  EXPECT_EQ(cf.compaction_pri, kMinOverlappingRatio);
  // universal = 1,2,4294967295,200,-1,1,0,0
  // fifo = 1073741824,0,0
  EXPECT_EQ(cf.max_sequential_skip_in_iterations, 8);
  ASSERT_NE(cf.memtable_factory, nullptr);
  EXPECT_STREQ(cf.memtable_factory->Name(), "SkipListFactory");
  // table_properties_collector_factories.size = 0
  EXPECT_EQ(cf.max_successive_merges, 0);
  EXPECT_EQ(cf.optimize_filters_for_hits, 0);
  EXPECT_EQ(cf.check_flush_compaction_key_order, 1);
  EXPECT_EQ(cf.paranoid_file_checks, 0);
  EXPECT_EQ(cf.force_consistency_checks, 1);
  EXPECT_EQ(cf.report_bg_io_stats, 0);
  EXPECT_EQ(cf.ttl, 0xfffffffffffffffeull);
  EXPECT_EQ(cf.periodic_compaction_seconds, 0xfffffffffffffffeull);
  EXPECT_EQ(cf.sample_for_compression, 0);
  EXPECT_EQ(cf.bottommost_temperature, Temperature::kUnknown);
  EXPECT_EQ(cf.last_level_temperature, Temperature::kUnknown);
  EXPECT_EQ(cf.preclude_last_level_data_seconds, 0);
  EXPECT_EQ(cf.preserve_internal_time_seconds, 0);
  EXPECT_EQ(cf.enable_blob_files, 0);
  EXPECT_EQ(cf.min_blob_size, 0);
  EXPECT_EQ(cf.blob_file_size, 268435456);
  EXPECT_EQ(cf.blob_compression_type, kNoCompression);
  EXPECT_EQ(cf.enable_blob_garbage_collection, 0);
  EXPECT_DOUBLE_EQ(cf.blob_garbage_collection_age_cutoff, 0.25);
  EXPECT_EQ(cf.blob_garbage_collection_force_threshold, 1);
  EXPECT_EQ(cf.blob_compaction_readahead_size, 0);
  EXPECT_EQ(cf.blob_file_starting_level, 0);
  EXPECT_EQ(cf.blob_cache, nullptr);
  EXPECT_EQ(cf.prepopulate_blob_cache, PrepopulateBlobCache::kDisable);
  EXPECT_EQ(cf.memtable_protection_bytes_per_key, 0);
  EXPECT_EQ(cf.comparator, BytewiseComparator());
  EXPECT_STREQ(cf.comparator->Name(), "leveldb.BytewiseComparator");
  EXPECT_EQ(cf.merge_operator, nullptr);
  EXPECT_EQ(cf.compaction_filter, nullptr);
  EXPECT_EQ(cf.compaction_filter_factory, nullptr);
  EXPECT_EQ(cf.write_buffer_size, 67108864);
  EXPECT_EQ(cf.compression, kSnappyCompression);
  EXPECT_EQ(cf.bottommost_compression, kDisableCompressionOption);
  // bottommost_compression_opts = -14,32767,0,0,0,1,0,0,1
  // compression_opts = -14,32767,0,0,0,1,0,0,1
  EXPECT_EQ(cf.level0_file_num_compaction_trigger, 4);
  EXPECT_EQ(cf.prefix_extractor, nullptr);
  EXPECT_EQ(cf.max_bytes_for_level_base, 268435456);
  EXPECT_EQ(cf.snap_refresh_nanos, 0);
  EXPECT_EQ(cf.disable_auto_compactions, 0);
  ASSERT_NE(cf.table_factory, nullptr);
  EXPECT_STREQ(cf.table_factory->Name(), "BlockBasedTable");
  // cf_paths.size = 0
  EXPECT_EQ(cf.compaction_thread_limiter, nullptr);
  EXPECT_EQ(cf.sst_partitioner_factory, nullptr);
  EXPECT_TRUE(cf.compression_per_level.empty());
  EXPECT_EQ(cf.max_bytes_for_level_multiplier_additional,
            std::vector<int>(7, 1));
  EXPECT_TRUE(cf.table_properties_collector_factories.empty());
  EXPECT_TRUE(cf.cf_paths.empty());

  const CompactionOptionsUniversal& u = cf.compaction_options_universal;
  EXPECT_EQ(u.size_ratio, 1u);
  EXPECT_EQ(u.min_merge_width, 2u);
  EXPECT_EQ(u.max_merge_width, UINT_MAX);
  EXPECT_EQ(u.max_size_amplification_percent, 200u);
  EXPECT_EQ(u.compression_size_percent, -1);
  EXPECT_EQ(u.stop_style, kCompactionStopStyleTotalSize);
  EXPECT_FALSE(u.allow_trivial_move);
  EXPECT_FALSE(u.incremental);

  EXPECT_EQ(cf.compaction_options_fifo.max_table_files_size, 1073741824u);
  EXPECT_FALSE(cf.compaction_options_fifo.allow_compaction);
  EXPECT_EQ(cf.compaction_options_fifo.age_for_warm, 0u);

  for (const CompressionOptions* c :
       {&cf.compression_opts, &cf.bottommost_compression_opts}) {
    EXPECT_EQ(c->window_bits, -14);
    EXPECT_EQ(c->level, CompressionOptions::kDefaultCompressionLevel);
    EXPECT_EQ(c->level, 32767);
    EXPECT_EQ(c->strategy, 0);
    EXPECT_EQ(c->max_dict_bytes, 0u);
    EXPECT_EQ(c->zstd_max_train_bytes, 0u);
    EXPECT_EQ(c->parallel_threads, 1u);
    EXPECT_FALSE(c->enabled);
    EXPECT_EQ(c->max_dict_buffer_bytes, 0u);
    EXPECT_TRUE(c->use_zstd_dict_trainer);
  }
}

TEST(OptionsDefaultsTest, ReadOptions) {
  ReadOptions ro;
  EXPECT_EQ(ro.snapshot, nullptr);
  EXPECT_EQ(ro.iterate_lower_bound, nullptr);
  EXPECT_EQ(ro.iterate_upper_bound, nullptr);
  EXPECT_EQ(ro.readahead_size, 0);
  EXPECT_EQ(ro.max_skippable_internal_keys, 0);
  EXPECT_EQ(ro.read_tier, kReadAllTier);
  EXPECT_EQ(ro.verify_checksums, 1);
  EXPECT_EQ(ro.fill_cache, 1);
  EXPECT_EQ(ro.tailing, 0);
  EXPECT_EQ(ro.managed, 0);
  EXPECT_EQ(ro.total_order_seek, 0);
  EXPECT_EQ(ro.auto_prefix_mode, 0);
  EXPECT_EQ(ro.prefix_same_as_start, 0);
  EXPECT_EQ(ro.pin_data, 0);
  EXPECT_EQ(ro.background_purge_on_iterator_cleanup, 0);
  EXPECT_EQ(ro.ignore_range_deletions, 0);
  EXPECT_FALSE(ro.table_filter);
  EXPECT_EQ(ro.timestamp, nullptr);
  EXPECT_EQ(ro.iter_start_ts, nullptr);
  EXPECT_EQ(ro.deadline.count(), 0);
  EXPECT_EQ(ro.io_timeout.count(), 0);
  EXPECT_EQ(ro.value_size_soft_limit, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(ro.adaptive_readahead, 0);
  EXPECT_EQ(ro.rate_limiter_priority, Env::IO_TOTAL);
  EXPECT_EQ(ro.async_io, 0);
  EXPECT_EQ(ro.optimize_multiget_for_io, 1);
}

TEST(OptionsDefaultsTest, ReadOptionsWithChecksumAndCacheFlags) {
  ReadOptions ro(false, false);
  EXPECT_FALSE(ro.verify_checksums);
  EXPECT_FALSE(ro.fill_cache);
  // Everything else keeps its default.
  EXPECT_EQ(ro.snapshot, nullptr);
  EXPECT_EQ(ro.read_tier, kReadAllTier);
  EXPECT_TRUE(ro.optimize_multiget_for_io);
  EXPECT_EQ(ro.value_size_soft_limit, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(ro.rate_limiter_priority, Env::IO_TOTAL);

  ReadOptions mixed(true, false);
  EXPECT_TRUE(mixed.verify_checksums);
  EXPECT_FALSE(mixed.fill_cache);
}

TEST(OptionsDefaultsTest, WriteAndFlushOptions) {
  WriteOptions wo;
  EXPECT_FALSE(wo.sync);
  EXPECT_FALSE(wo.disableWAL);
  EXPECT_FALSE(wo.ignore_missing_column_families);
  EXPECT_FALSE(wo.no_slowdown);
  EXPECT_FALSE(wo.low_pri);
  EXPECT_FALSE(wo.memtable_insert_hint_per_batch);
  EXPECT_EQ(wo.rate_limiter_priority, Env::IO_TOTAL);
  EXPECT_EQ(wo.protection_bytes_per_key, 0u);

  FlushOptions fo;
  EXPECT_TRUE(fo.wait);
  EXPECT_FALSE(fo.allow_write_stall);
}

TEST(OptionsDefaultsTest, CompactionOptions) {
  CompactionOptions co;
  EXPECT_EQ(co.compression, kSnappyCompression);
  EXPECT_EQ(co.output_file_size_limit, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(co.max_subcompactions, 0u);

  CompactRangeOptions cr;
  EXPECT_FALSE(cr.exclusive_manual_compaction);
  EXPECT_FALSE(cr.change_level);
  EXPECT_EQ(cr.target_level, -1);
  EXPECT_EQ(cr.target_path_id, 0u);
  EXPECT_EQ(cr.bottommost_level_compaction,
            BottommostLevelCompaction::kIfHaveCompactionFilter);
  EXPECT_FALSE(cr.allow_write_stall);
  EXPECT_EQ(cr.max_subcompactions, 0u);
  EXPECT_EQ(cr.full_history_ts_low, nullptr);
  EXPECT_EQ(cr.canceled, nullptr);
  EXPECT_EQ(cr.blob_garbage_collection_policy,
            BlobGarbageCollectionPolicy::kUseDefault);
  EXPECT_DOUBLE_EQ(cr.blob_garbage_collection_age_cutoff, -1);
}

TEST(OptionsDefaultsTest, OtherOperationOptions) {
  IngestExternalFileOptions ingest;
  EXPECT_FALSE(ingest.move_files);
  EXPECT_TRUE(ingest.failed_move_fall_back_to_copy);
  EXPECT_TRUE(ingest.snapshot_consistency);
  EXPECT_TRUE(ingest.allow_global_seqno);
  EXPECT_TRUE(ingest.allow_blocking_flush);
  EXPECT_FALSE(ingest.ingest_behind);
  EXPECT_TRUE(ingest.write_global_seqno);
  EXPECT_FALSE(ingest.verify_checksums_before_ingest);
  EXPECT_EQ(ingest.verify_checksums_readahead_size, 0u);
  EXPECT_TRUE(ingest.verify_file_checksum);
  EXPECT_FALSE(ingest.fail_if_not_bottommost_level);

  TraceOptions trace;
  EXPECT_EQ(trace.max_trace_file_size, uint64_t{64} << 30);
  EXPECT_EQ(trace.sampling_frequency, 1u);
  EXPECT_EQ(trace.filter, kTraceFilterNone);
  EXPECT_FALSE(trace.preserve_write_order);

  EXPECT_FALSE(ImportColumnFamilyOptions().move_files);

  SizeApproximationOptions size;
  EXPECT_FALSE(size.include_memtables);
  EXPECT_TRUE(size.include_files);
  EXPECT_DOUBLE_EQ(size.files_size_error_margin, -1.0);

  CompactionServiceOptionsOverride cs;
  EXPECT_EQ(cs.env, Env::Default());
  EXPECT_EQ(cs.comparator, BytewiseComparator());
  EXPECT_EQ(cs.table_factory, nullptr);

  EXPECT_EQ(OpenAndCompactOptions().canceled, nullptr);

  LiveFilesStorageInfoOptions live;
  EXPECT_FALSE(live.include_checksum_info);
  EXPECT_EQ(live.wal_size_for_flush, 0u);

  DbPath path;
  EXPECT_TRUE(path.path.empty());
  EXPECT_EQ(path.target_size, 0u);
}

// Enum values are persisted (OPTIONS files, MANIFEST) or compared by
// applications: they must match RocksDB's numbering.
TEST(OptionsDefaultsTest, EnumValues) {
  EXPECT_EQ(static_cast<int>(kCompactionStyleNone), 3);
  EXPECT_EQ(static_cast<int>(kRoundRobin), 4);
  EXPECT_EQ(static_cast<int>(Temperature::kHot), 4);
  EXPECT_EQ(static_cast<int>(Temperature::kWarm), 8);
  EXPECT_EQ(static_cast<int>(Temperature::kCold), 12);
  EXPECT_EQ(static_cast<int>(Temperature::kLastTemperature), 13);
  EXPECT_EQ(static_cast<int>(WALRecoveryMode::kSkipAnyCorruptedRecords), 3);
  EXPECT_EQ(static_cast<int>(kMemtableTier), 3);
  EXPECT_EQ(static_cast<int>(BottommostLevelCompaction::kForceOptimized), 3);
  EXPECT_EQ(static_cast<int>(CompactionServiceJobStatus::kUseLocal), 2);
  EXPECT_EQ(static_cast<uint64_t>(kTraceFilterMultiGet), 16u);
  EXPECT_EQ(static_cast<int>(DBOptions::WILLNEED), 3);
  EXPECT_EQ(static_cast<int>(UPDATED), 2);
  EXPECT_EQ(static_cast<int>(PrepopulateBlobCache::kFlushOnly), 1);
  EXPECT_EQ(static_cast<int>(CompactionReason::kNumOfReasons), 19);
  EXPECT_EQ(static_cast<int>(FlushReason::kWalFull), 13);
  EXPECT_EQ(static_cast<int>(BackgroundErrorReason::kManifestWriteNoWAL), 6);
  EXPECT_EQ(static_cast<int>(FileOperationType::kOpen), 10);
  EXPECT_STREQ(kHostnameForDbHostId, "__hostname__");
}

TEST(OptionsTest, OptionsSplitsIntoItsParts) {
  Options options;
  options.create_if_missing = true;
  options.write_buffer_size = 12345;
  options.max_write_buffer_number = 7;

  DBOptions db(options);
  EXPECT_TRUE(db.create_if_missing);
  ColumnFamilyOptions cf(options);
  EXPECT_EQ(cf.write_buffer_size, 12345u);
  EXPECT_EQ(cf.max_write_buffer_number, 7);
  AdvancedColumnFamilyOptions advanced(options);
  EXPECT_EQ(advanced.max_write_buffer_number, 7);

  Options joined(db, cf);
  EXPECT_TRUE(joined.create_if_missing);
  EXPECT_EQ(joined.write_buffer_size, 12345u);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
