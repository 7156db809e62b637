// Copyright (c) the rocksdb-cleanroom authors.
//
// Command-line flags of db_bench. Names, types and defaults are those of
// RocksDB 7.8's db_bench as its --help prints them; db_bench/tests checks
// that they still agree with /usr/bin/db_bench.
#pragma once

#include <gflags/gflags.h>

// What to run.
DECLARE_string(benchmarks);
DECLARE_int64(num);
DECLARE_int64(reads);
DECLARE_int64(writes);
DECLARE_int64(deletes);
DECLARE_int64(merge_keys);
DECLARE_int32(threads);
DECLARE_int64(seed);
DECLARE_int32(seek_nexts);
DECLARE_int64(batch_size);
DECLARE_int32(readwritepercent);
DECLARE_uint64(benchmark_write_rate_limit);
DECLARE_bool(histogram);
DECLARE_bool(statistics);
DECLARE_int32(perf_level);

// Keys and values.
DECLARE_int32(key_size);
DECLARE_int32(value_size);
DECLARE_double(compression_ratio);

// The database.
DECLARE_string(db);
DECLARE_bool(use_existing_db);
DECLARE_string(compression_type);
DECLARE_string(merge_operator);
DECLARE_bool(sync);
DECLARE_bool(disable_wal);
DECLARE_bool(verify_checksum);

// LSM shape and background work.
DECLARE_int64(write_buffer_size);
DECLARE_int32(max_write_buffer_number);
DECLARE_int32(min_write_buffer_number_to_merge);
DECLARE_int64(target_file_size_base);
DECLARE_int32(target_file_size_multiplier);
DECLARE_uint64(max_bytes_for_level_base);
DECLARE_double(max_bytes_for_level_multiplier);
DECLARE_int32(num_levels);
DECLARE_int32(level0_file_num_compaction_trigger);
DECLARE_int32(level0_slowdown_writes_trigger);
DECLARE_int32(level0_stop_writes_trigger);
DECLARE_int32(max_background_jobs);
DECLARE_int32(max_background_compactions);
DECLARE_int32(max_background_flushes);
DECLARE_uint64(subcompactions);
DECLARE_bool(disable_auto_compactions);
DECLARE_int32(compaction_style);
DECLARE_bool(level_compaction_dynamic_level_bytes);
DECLARE_uint64(soft_pending_compaction_bytes_limit);
DECLARE_uint64(hard_pending_compaction_bytes_limit);
DECLARE_uint64(delayed_write_rate);
DECLARE_bool(enable_pipelined_write);
DECLARE_bool(allow_concurrent_memtable_write);
DECLARE_uint64(max_total_wal_size);
DECLARE_uint64(bytes_per_sync);
DECLARE_uint64(wal_bytes_per_sync);
DECLARE_bool(use_fsync);
DECLARE_int32(open_files);
DECLARE_int32(table_cache_numshardbits);
DECLARE_bool(dump_malloc_stats);
DECLARE_uint64(stats_dump_period_sec);
DECLARE_bool(fifo_compaction_allow_compaction);
DECLARE_uint64(fifo_compaction_max_table_files_size_mb);

// Block-based tables and the block cache.
DECLARE_int64(cache_size);
DECLARE_int32(cache_numshardbits);
DECLARE_int32(bloom_bits);
DECLARE_int32(block_size);
DECLARE_int32(block_restart_interval);
DECLARE_bool(cache_index_and_filter_blocks);
DECLARE_bool(pin_top_level_index_and_filter);
DECLARE_int64(index_shortening_mode);
