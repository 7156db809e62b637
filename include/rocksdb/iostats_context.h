// Copyright (c) the rocksdb-cleanroom authors.
//
// IOStatsContext: per-thread counters of file I/O done on behalf of the
// calling thread. Timers run only when the thread's PerfLevel enables them.
#pragma once

#include <stdint.h>

#include <string>

#include "rocksdb/perf_level.h"

namespace ROCKSDB_NAMESPACE {

// EXPERIMENTAL: reads split by file temperature (see Temperature).
struct FileIOByTemperature {
  uint64_t hot_file_bytes_read;
  uint64_t warm_file_bytes_read;
  uint64_t cold_file_bytes_read;
  uint64_t hot_file_read_count;
  uint64_t warm_file_read_count;
  uint64_t cold_file_read_count;
  // Zeroes every field.
  void Reset() {
    hot_file_bytes_read = 0;
    warm_file_bytes_read = 0;
    cold_file_bytes_read = 0;
    hot_file_read_count = 0;
    warm_file_read_count = 0;
    cold_file_read_count = 0;
  }
};

struct IOStatsContext {
  // Zeroes every counter (disable_iostats is left alone).
  void Reset();

  // "name = value, " for each counter, optionally skipping zeros.
  std::string ToString(bool exclude_zero_counters = false) const;

  // Id of the thread pool the thread belongs to.
  uint64_t thread_pool_id;

  uint64_t bytes_written;
  uint64_t bytes_read;

  // Wall time spent in file open, fallocate, write, read, range sync, fsync,
  // write preparation, and Logger::Logv, in nanoseconds.
  uint64_t open_nanos;
  uint64_t allocate_nanos;
  uint64_t write_nanos;
  uint64_t read_nanos;
  uint64_t range_sync_nanos;
  uint64_t fsync_nanos;
  uint64_t prepare_write_nanos;
  uint64_t logger_nanos;
  // CPU time spent in write and read calls.
  uint64_t cpu_write_nanos;
  uint64_t cpu_read_nanos;

  FileIOByTemperature file_io_stats_by_temperature;

  // When true, byte counters are not updated (used to keep e.g. logging I/O
  // out of other measurements).
  bool disable_iostats = false;
};

// The calling thread's context; never nullptr, lives as long as the thread.
IOStatsContext* get_iostats_context();

}  // namespace ROCKSDB_NAMESPACE
