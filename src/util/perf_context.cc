// Copyright (c) the rocksdb-cleanroom authors.
//
// The thread-local PerfContext and PerfLevel.
//
// ToString() lists the counters in RocksDB's report order (which is not
// the declaration order), as "name = value, " pairs with the trailing
// separator removed. When per-level collection is on, five per-level
// counters follow as "name = v@levelN, v@levelM, ...". Reset() and
// ToString() cover the same set of counters; like RocksDB, that set leaves
// out seek_max_heap_time, encrypt_data_nanos and decrypt_data_nanos.

#include "rocksdb/perf_context.h"

#include <sstream>

#include "util/perf_context_imp.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Every counter that Reset() clears and ToString() prints, in print order.
#define PERF_CONTEXT_REPORTED_COUNTERS(X)      \
  X(user_key_comparison_count)                 \
  X(block_cache_hit_count)                     \
  X(block_read_count)                          \
  X(block_read_byte)                           \
  X(block_read_time)                           \
  X(block_cache_index_hit_count)               \
  X(block_cache_standalone_handle_count)       \
  X(block_cache_real_handle_count)             \
  X(index_block_read_count)                    \
  X(block_cache_filter_hit_count)              \
  X(filter_block_read_count)                   \
  X(compression_dict_block_read_count)         \
  X(secondary_cache_hit_count)                 \
  X(compressed_sec_cache_insert_real_count)    \
  X(compressed_sec_cache_insert_dummy_count)   \
  X(compressed_sec_cache_uncompressed_bytes)   \
  X(compressed_sec_cache_compressed_bytes)     \
  X(block_checksum_time)                       \
  X(block_decompress_time)                     \
  X(get_read_bytes)                            \
  X(multiget_read_bytes)                       \
  X(iter_read_bytes)                           \
  X(blob_cache_hit_count)                      \
  X(blob_read_count)                           \
  X(blob_read_byte)                            \
  X(blob_read_time)                            \
  X(blob_checksum_time)                        \
  X(blob_decompress_time)                      \
  X(internal_key_skipped_count)                \
  X(internal_delete_skipped_count)             \
  X(internal_recent_skipped_count)             \
  X(internal_merge_count)                      \
  X(internal_range_del_reseek_count)           \
  X(write_wal_time)                            \
  X(get_snapshot_time)                         \
  X(get_from_memtable_time)                    \
  X(get_from_memtable_count)                   \
  X(get_post_process_time)                     \
  X(get_from_output_files_time)                \
  X(seek_on_memtable_time)                     \
  X(seek_on_memtable_count)                    \
  X(next_on_memtable_count)                    \
  X(prev_on_memtable_count)                    \
  X(seek_child_seek_time)                      \
  X(seek_child_seek_count)                     \
  X(seek_min_heap_time)                        \
  X(seek_internal_seek_time)                   \
  X(find_next_user_entry_time)                 \
  X(write_pre_and_post_process_time)           \
  X(write_memtable_time)                       \
  X(write_thread_wait_nanos)                   \
  X(write_scheduling_flushes_compactions_time) \
  X(db_mutex_lock_nanos)                       \
  X(db_condition_wait_nanos)                   \
  X(merge_operator_time_nanos)                 \
  X(write_delay_time)                          \
  X(read_index_block_nanos)                    \
  X(read_filter_block_nanos)                   \
  X(new_table_block_iter_nanos)                \
  X(new_table_iterator_nanos)                  \
  X(block_seek_nanos)                          \
  X(find_table_nanos)                          \
  X(bloom_memtable_hit_count)                  \
  X(bloom_memtable_miss_count)                 \
  X(bloom_sst_hit_count)                       \
  X(bloom_sst_miss_count)                      \
  X(key_lock_wait_time)                        \
  X(key_lock_wait_count)                       \
  X(env_new_sequential_file_nanos)             \
  X(env_new_random_access_file_nanos)          \
  X(env_new_writable_file_nanos)               \
  X(env_reuse_writable_file_nanos)             \
  X(env_new_random_rw_file_nanos)              \
  X(env_new_directory_nanos)                   \
  X(env_file_exists_nanos)                     \
  X(env_get_children_nanos)                    \
  X(env_get_children_file_attributes_nanos)    \
  X(env_delete_file_nanos)                     \
  X(env_create_dir_nanos)                      \
  X(env_create_dir_if_missing_nanos)           \
  X(env_delete_dir_nanos)                      \
  X(env_get_file_size_nanos)                   \
  X(env_get_file_modification_time_nanos)      \
  X(env_rename_file_nanos)                     \
  X(env_link_file_nanos)                       \
  X(env_lock_file_nanos)                       \
  X(env_unlock_file_nanos)                     \
  X(env_new_logger_nanos)                      \
  X(get_cpu_nanos)                             \
  X(iter_next_cpu_nanos)                       \
  X(iter_prev_cpu_nanos)                       \
  X(iter_seek_cpu_nanos)                       \
  X(number_async_seek)

// Counters that only the copy operations carry over.
#define PERF_CONTEXT_UNREPORTED_COUNTERS(X) \
  X(seek_max_heap_time)                     \
  X(encrypt_data_nanos)                     \
  X(decrypt_data_nanos)

#define PERF_CONTEXT_PER_LEVEL_REPORTED(X) \
  X(bloom_filter_useful)                   \
  X(bloom_filter_full_positive)            \
  X(bloom_filter_full_true_positive)       \
  X(block_cache_hit_count)                 \
  X(block_cache_miss_count)

thread_local PerfContext tls_perf_context;
thread_local PerfLevel tls_perf_level = kEnableCount;

void CopyCounters(const PerfContext& from, PerfContext* to) {
#define PERF_COPY(name) to->name = from.name;
  PERF_CONTEXT_REPORTED_COUNTERS(PERF_COPY)
  PERF_CONTEXT_UNREPORTED_COUNTERS(PERF_COPY)
#undef PERF_COPY
  to->per_level_perf_context_enabled = from.per_level_perf_context_enabled;
}

}  // namespace

// ------------------------------------------------------------- PerfLevel

void SetPerfLevel(PerfLevel level) { tls_perf_level = level; }

PerfLevel GetPerfLevel() { return tls_perf_level; }

PerfContext* get_perf_context() { return &tls_perf_context; }

// ------------------------------------------------------------- PerfContext

void PerfContextByLevel::Reset() {
  bloom_filter_useful = 0;
  bloom_filter_full_positive = 0;
  bloom_filter_full_true_positive = 0;
  user_key_return_count = 0;
  get_from_table_nanos = 0;
  block_cache_hit_count = 0;
  block_cache_miss_count = 0;
}

PerfContext::~PerfContext() { ClearPerLevelPerfContext(); }

PerfContext::PerfContext(const PerfContext& other) {
  CopyCounters(other, this);
  if (other.level_to_perf_context != nullptr) {
    level_to_perf_context = new std::map<uint32_t, PerfContextByLevel>(
        *other.level_to_perf_context);
  }
}

PerfContext& PerfContext::operator=(const PerfContext& other) {
  if (this == &other) return *this;
  CopyCounters(other, this);
  delete level_to_perf_context;
  level_to_perf_context = nullptr;
  if (other.level_to_perf_context != nullptr) {
    level_to_perf_context = new std::map<uint32_t, PerfContextByLevel>(
        *other.level_to_perf_context);
  }
  return *this;
}

PerfContext::PerfContext(PerfContext&& other) noexcept {
  CopyCounters(other, this);
  level_to_perf_context = other.level_to_perf_context;
  other.level_to_perf_context = nullptr;
}

void PerfContext::Reset() {
#define PERF_RESET(name) name = 0;
  PERF_CONTEXT_REPORTED_COUNTERS(PERF_RESET)
#undef PERF_RESET
  if (per_level_perf_context_enabled && level_to_perf_context != nullptr) {
    for (auto& entry : *level_to_perf_context) entry.second.Reset();
  }
}

std::string PerfContext::ToString(bool exclude_zero_counters) const {
  std::ostringstream ss;
#define PERF_PRINT(name)                     \
  if (!exclude_zero_counters || name != 0) { \
    ss << #name << " = " << name << ", ";    \
  }
  PERF_CONTEXT_REPORTED_COUNTERS(PERF_PRINT)
#undef PERF_PRINT
  if (per_level_perf_context_enabled && level_to_perf_context != nullptr) {
#define PERF_PRINT_BY_LEVEL(name)                    \
  ss << #name << " = ";                              \
  for (const auto& entry : *level_to_perf_context) { \
    const uint64_t v = entry.second.name;            \
    if (!exclude_zero_counters || v != 0) {          \
      ss << v << "@level" << entry.first << ", ";    \
    }                                                \
  }
    PERF_CONTEXT_PER_LEVEL_REPORTED(PERF_PRINT_BY_LEVEL)
#undef PERF_PRINT_BY_LEVEL
  }
  std::string out = ss.str();
  out.erase(out.find_last_not_of(", ") + 1);
  return out;
}

void PerfContext::EnablePerLevelPerfContext() {
  if (level_to_perf_context == nullptr) {
    level_to_perf_context = new std::map<uint32_t, PerfContextByLevel>();
  }
  per_level_perf_context_enabled = true;
}

void PerfContext::DisablePerLevelPerfContext() {
  per_level_perf_context_enabled = false;
}

void PerfContext::ClearPerLevelPerfContext() {
  delete level_to_perf_context;
  level_to_perf_context = nullptr;
  per_level_perf_context_enabled = false;
}

}  // namespace ROCKSDB_NAMESPACE
