// Copyright (c) the rocksdb-cleanroom authors.
//
// PerfContext: per-thread counters and timers of the work done by the
// calling thread's DB operations (Get, Write, iterators, ...). What is
// collected depends on the thread's PerfLevel (see perf_level.h).
#pragma once

#include <stdint.h>

#include <map>
#include <string>

#include "rocksdb/perf_level.h"

namespace ROCKSDB_NAMESPACE {

// Counters kept per LSM level when per-level collection is enabled.
struct PerfContextByLevel {
  // Filter checks that skipped a file, that did not, and that did not and
  // the key was present.
  uint64_t bloom_filter_useful = 0;
  uint64_t bloom_filter_full_positive = 0;
  uint64_t bloom_filter_full_true_positive = 0;

  // User keys found and returned (deleted or unresolved merges excluded).
  uint64_t user_key_return_count = 0;

  // Nanoseconds reading table files.
  uint64_t get_from_table_nanos = 0;

  uint64_t block_cache_hit_count = 0;
  uint64_t block_cache_miss_count = 0;

  // Zeroes every counter.
  void Reset();
};

struct PerfContext {
  ~PerfContext();

  PerfContext() {}

  PerfContext(const PerfContext&);
  PerfContext& operator=(const PerfContext&);
  PerfContext(PerfContext&&) noexcept;

  // Zeroes every counter, including the per-level ones.
  void Reset();

  // "name = value, " for each counter, optionally skipping zeros.
  std::string ToString(bool exclude_zero_counters = false) const;

  // Starts per-level collection, allocating level_to_perf_context if needed.
  void EnablePerLevelPerfContext();

  // Pauses per-level collection; the collected values are kept.
  void DisablePerLevelPerfContext();

  // Stops per-level collection and frees level_to_perf_context.
  void ClearPerLevelPerfContext();

  uint64_t user_key_comparison_count;
  uint64_t block_cache_hit_count;
  // Blocks read from storage, their bytes, and the nanoseconds it took.
  uint64_t block_read_count;
  uint64_t block_read_byte;
  uint64_t block_read_time;
  uint64_t block_cache_index_hit_count;
  // Secondary cache lookups returning standalone handles, and real handles
  // promoted into the primary cache.
  uint64_t block_cache_standalone_handle_count;
  uint64_t block_cache_real_handle_count;
  uint64_t index_block_read_count;
  uint64_t block_cache_filter_hit_count;
  uint64_t filter_block_read_count;
  uint64_t compression_dict_block_read_count;

  uint64_t secondary_cache_hit_count;
  // Compressed secondary cache: real and dummy insertions, bytes before and
  // after compression.
  uint64_t compressed_sec_cache_insert_real_count;
  uint64_t compressed_sec_cache_insert_dummy_count;
  uint64_t compressed_sec_cache_uncompressed_bytes;
  uint64_t compressed_sec_cache_compressed_bytes;

  // Nanoseconds verifying block checksums and decompressing blocks.
  uint64_t block_checksum_time;
  uint64_t block_decompress_time;

  // Value bytes returned by Get and MultiGet; key and value bytes decoded
  // by iterators.
  uint64_t get_read_bytes;
  uint64_t multiget_read_bytes;
  uint64_t iter_read_bytes;

  // Blob reads: cache hits, reads from storage, bytes, and nanoseconds
  // reading, checksumming and decompressing.
  uint64_t blob_cache_hit_count;
  uint64_t blob_read_count;
  uint64_t blob_read_byte;
  uint64_t blob_read_time;
  uint64_t blob_checksum_time;
  uint64_t blob_decompress_time;

  // Internal entries iterators stepped over: the entry they were on when
  // moving, older versions of a key, and versions hidden by a tombstone
  // (the tombstones themselves and entries newer than the snapshot are
  // counted separately below).
  uint64_t internal_key_skipped_count;
  // Deletion markers (each counted once) iterators stepped over.
  uint64_t internal_delete_skipped_count;
  // Entries newer than the iterator's snapshot that it stepped over.
  uint64_t internal_recent_skipped_count;
  // Operands iterators handed to the merge operator.
  uint64_t internal_merge_count;
  // Reseeks of a merging iterator past a range covered by a newer range
  // deletion.
  uint64_t internal_range_del_reseek_count;

  // Get() breakdown (nanoseconds unless named *_count).
  uint64_t get_snapshot_time;
  uint64_t get_from_memtable_time;
  uint64_t get_from_memtable_count;
  uint64_t get_post_process_time;
  uint64_t get_from_output_files_time;
  // Iterator breakdown: memtable seeks (time and count, SeekForPrev
  // included, SeekToFirst/Last not), memtable Next/Prev counts, child
  // iterator seeks, merge heap maintenance, internal seeks, and the search
  // for the next visible user entry.
  uint64_t seek_on_memtable_time;
  uint64_t seek_on_memtable_count;
  uint64_t next_on_memtable_count;
  uint64_t prev_on_memtable_count;
  uint64_t seek_child_seek_time;
  uint64_t seek_child_seek_count;
  uint64_t seek_min_heap_time;
  uint64_t seek_max_heap_time;
  uint64_t seek_internal_seek_time;
  uint64_t find_next_user_entry_time;

  // Write() breakdown in nanoseconds (approximate with 2PC, two write
  // queues or pipelined writes): WAL, memtable, delays, memtable switches
  // and scheduling, and everything else.
  uint64_t write_wal_time;
  uint64_t write_memtable_time;
  uint64_t write_delay_time;
  uint64_t write_scheduling_flushes_compactions_time;
  uint64_t write_pre_and_post_process_time;

  // Nanoseconds waiting for the rest of the write group.
  uint64_t write_thread_wait_nanos;

  // Nanoseconds acquiring the DB mutex, and waiting on its condition
  // variables.
  uint64_t db_mutex_lock_nanos;
  uint64_t db_condition_wait_nanos;
  uint64_t merge_operator_time_nanos;

  // Nanoseconds getting index and filter blocks, creating data block and
  // table iterators, seeking within blocks, and finding table readers.
  uint64_t read_index_block_nanos;
  uint64_t read_filter_block_nanos;
  uint64_t new_table_block_iter_nanos;
  uint64_t new_table_iterator_nanos;
  uint64_t block_seek_nanos;
  uint64_t find_table_nanos;
  // Memtable and table filter hits and misses.
  uint64_t bloom_memtable_hit_count;
  uint64_t bloom_memtable_miss_count;
  uint64_t bloom_sst_hit_count;
  uint64_t bloom_sst_miss_count;

  // Transaction lock waits: nanoseconds and number of blocked acquisitions.
  uint64_t key_lock_wait_time;
  uint64_t key_lock_wait_count;

  // Nanoseconds in Env file system calls; filled only through a timed Env.
  uint64_t env_new_sequential_file_nanos;
  uint64_t env_new_random_access_file_nanos;
  uint64_t env_new_writable_file_nanos;
  uint64_t env_reuse_writable_file_nanos;
  uint64_t env_new_random_rw_file_nanos;
  uint64_t env_new_directory_nanos;
  uint64_t env_file_exists_nanos;
  uint64_t env_get_children_nanos;
  uint64_t env_get_children_file_attributes_nanos;
  uint64_t env_delete_file_nanos;
  uint64_t env_create_dir_nanos;
  uint64_t env_create_dir_if_missing_nanos;
  uint64_t env_delete_dir_nanos;
  uint64_t env_get_file_size_nanos;
  uint64_t env_get_file_modification_time_nanos;
  uint64_t env_rename_file_nanos;
  uint64_t env_link_file_nanos;
  uint64_t env_lock_file_nanos;
  uint64_t env_unlock_file_nanos;
  uint64_t env_new_logger_nanos;

  // CPU nanoseconds in Get and iterator moves.
  uint64_t get_cpu_nanos;
  uint64_t iter_next_cpu_nanos;
  uint64_t iter_prev_cpu_nanos;
  uint64_t iter_seek_cpu_nanos;

  // Nanoseconds encrypting / decrypting; filled by an encrypted Env.
  uint64_t encrypt_data_nanos;
  uint64_t decrypt_data_nanos;

  uint64_t number_async_seek;

  // Per-level counters, owned by this context; nullptr until
  // EnablePerLevelPerfContext().
  std::map<uint32_t, PerfContextByLevel>* level_to_perf_context = nullptr;
  bool per_level_perf_context_enabled = false;
};

// The calling thread's context; never nullptr, lives as long as the thread.
PerfContext* get_perf_context();

}  // namespace ROCKSDB_NAMESPACE
