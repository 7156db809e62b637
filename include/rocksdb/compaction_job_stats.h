// Copyright (c) the rocksdb-cleanroom authors.
//
// Counters describing one compaction job, reported to EventListeners through
// CompactionJobInfo::stats and SubcompactionJobInfo::stats.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

struct CompactionJobStats {
  CompactionJobStats() { Reset(); }

  // Zeroes every counter and clears the key prefixes.
  void Reset();

  // Adds stats's counters into this one (used to sum subcompactions). The
  // key prefixes and the boolean flags are left as they are.
  void Add(const CompactionJobStats& stats);

  // Wall-clock and CPU time spent, in microseconds.
  uint64_t elapsed_micros;
  uint64_t cpu_micros;

  // Entries read from input files and blobs read from blob files.
  uint64_t num_input_records;
  uint64_t num_blobs_read;
  // Input files, in total and those that came from the output level.
  size_t num_input_files;
  size_t num_input_files_at_output_level;

  // Entries written, table files written and blob files written.
  uint64_t num_output_records;
  size_t num_output_files;
  size_t num_output_files_blob;

  // Whether the job covered all the data, and whether a user asked for it.
  bool is_full_compaction;
  bool is_manual_compaction;

  // Bytes read from table files and blob files.
  uint64_t total_input_bytes;
  uint64_t total_blob_bytes_read;
  // Bytes written to table files and blob files.
  uint64_t total_output_bytes;
  uint64_t total_output_bytes_blob;

  // Entries dropped because a newer version of the key shadowed them.
  uint64_t num_records_replaced;

  // Uncompressed sizes of the input keys and values.
  uint64_t total_input_raw_key_bytes;
  uint64_t total_input_raw_value_bytes;

  // Deletion markers read, and those dropped because they had expired.
  uint64_t num_input_deletion_records;
  uint64_t num_expired_deletion_records;

  // Keys that failed to parse.
  uint64_t num_corrupt_keys;

  // Time spent in file writes, range syncs, fsyncs and preallocation
  // (only measured when the perf level allows timing).
  uint64_t file_write_nanos;
  uint64_t file_range_sync_nanos;
  uint64_t file_fsync_nanos;
  uint64_t file_prepare_write_nanos;

  // Longest prefix kept in smallest/largest_output_key_prefix.
  static const size_t kMaxPrefixLength = 8;

  // Up to kMaxPrefixLength leading bytes of the smallest and largest output
  // user keys.
  std::string smallest_output_key_prefix;
  std::string largest_output_key_prefix;

  // SingleDelete markers that found nothing to delete, and those that met a
  // key of the wrong kind.
  uint64_t num_single_del_fallthru;
  uint64_t num_single_del_mismatch;
};

}  // namespace ROCKSDB_NAMESPACE
