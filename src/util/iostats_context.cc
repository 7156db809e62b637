// Copyright (c) the rocksdb-cleanroom authors.
//
// The thread-local IOStatsContext. ToString() prints "name = value, " pairs
// in RocksDB's order with the trailing separator removed; the temperature
// counters are prefixed with "file_io_stats_by_temperature.".

#include "rocksdb/iostats_context.h"

#include <sstream>

#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {

namespace {

thread_local IOStatsContext tls_iostats_context;

void Print(std::ostringstream* ss, bool exclude_zero, const char* name,
           uint64_t value) {
  if (exclude_zero && value == 0) return;
  *ss << name << " = " << value << ", ";
}

}  // namespace

IOStatsContext* get_iostats_context() { return &tls_iostats_context; }

void IOStatsContext::Reset() {
  // A thread that is not in a pool reports the "no particular pool" id.
  thread_pool_id = Env::Priority::TOTAL;
  bytes_read = 0;
  bytes_written = 0;
  open_nanos = 0;
  allocate_nanos = 0;
  write_nanos = 0;
  read_nanos = 0;
  range_sync_nanos = 0;
  fsync_nanos = 0;
  prepare_write_nanos = 0;
  logger_nanos = 0;
  cpu_write_nanos = 0;
  cpu_read_nanos = 0;
  file_io_stats_by_temperature.Reset();
}

std::string IOStatsContext::ToString(bool exclude_zero_counters) const {
  std::ostringstream ss;
  const bool z = exclude_zero_counters;
  Print(&ss, z, "thread_pool_id", thread_pool_id);
  Print(&ss, z, "bytes_read", bytes_read);
  Print(&ss, z, "bytes_written", bytes_written);
  Print(&ss, z, "open_nanos", open_nanos);
  Print(&ss, z, "allocate_nanos", allocate_nanos);
  Print(&ss, z, "write_nanos", write_nanos);
  Print(&ss, z, "read_nanos", read_nanos);
  Print(&ss, z, "range_sync_nanos", range_sync_nanos);
  Print(&ss, z, "fsync_nanos", fsync_nanos);
  Print(&ss, z, "prepare_write_nanos", prepare_write_nanos);
  Print(&ss, z, "logger_nanos", logger_nanos);
  Print(&ss, z, "cpu_write_nanos", cpu_write_nanos);
  Print(&ss, z, "cpu_read_nanos", cpu_read_nanos);
  const FileIOByTemperature& t = file_io_stats_by_temperature;
  Print(&ss, z, "file_io_stats_by_temperature.hot_file_bytes_read",
        t.hot_file_bytes_read);
  Print(&ss, z, "file_io_stats_by_temperature.warm_file_bytes_read",
        t.warm_file_bytes_read);
  Print(&ss, z, "file_io_stats_by_temperature.cold_file_bytes_read",
        t.cold_file_bytes_read);
  Print(&ss, z, "file_io_stats_by_temperature.hot_file_read_count",
        t.hot_file_read_count);
  Print(&ss, z, "file_io_stats_by_temperature.warm_file_read_count",
        t.warm_file_read_count);
  Print(&ss, z, "file_io_stats_by_temperature.cold_file_read_count",
        t.cold_file_read_count);
  std::string out = ss.str();
  out.erase(out.find_last_not_of(", ") + 1);
  return out;
}

}  // namespace ROCKSDB_NAMESPACE
