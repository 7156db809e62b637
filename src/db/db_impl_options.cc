// Copyright (c) the rocksdb-cleanroom authors.
//
// Open-time option checks and sanitization. Every message below was
// printed by RocksDB 7.8.3 for the same options (some end with a space,
// as RocksDB's do).

#include "db/db_impl_options.h"

#include <algorithm>
#include <limits>

#include "rocksdb/comparator.h"
#include "rocksdb/convenience.h"
#include "rocksdb/env.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/table.h"
#include "rocksdb/write_buffer_manager.h"
#include "util/compression_name.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr size_t kMinWriteBufferSize = 64 << 10;
constexpr uint64_t kMaxWriteBufferSize = uint64_t{64} << 30;
constexpr uint64_t kDefaultTtl = 0xfffffffffffffffe;
constexpr uint64_t kThirtyDays = 30 * 24 * 60 * 60;

bool CompressionSupported(CompressionType type) {
  if (type == kNoCompression || type == kDisableCompressionOption) {
    return true;
  }
  const std::vector<CompressionType> supported = GetSupportedCompressions();
  return std::find(supported.begin(), supported.end(), type) != supported.end();
}

Status CheckCompression(const ColumnFamilyOptions& cf) {
  std::vector<CompressionType> types = cf.compression_per_level;
  types.push_back(cf.compression);
  for (CompressionType type : types) {
    if (!CompressionSupported(type)) {
      return Status::InvalidArgument("Compression type " +
                                     CompressionTypeShortName(type) +
                                     " is not linked with the binary.");
    }
  }
  if (!CompressionSupported(cf.blob_compression_type)) {
    return Status::InvalidArgument(
        "The specified blob compression type " +
        CompressionTypeShortName(cf.blob_compression_type) +
        " is not available.");
  }
  return Status::OK();
}

}  // namespace

std::string CompressionTypeShortName(CompressionType type) {
  const char* name = CompressionShortName(type);
  return name != nullptr ? name : "Unknown";
}

Status ValidateColumnFamilyOptions(const DBOptions& db_options,
                                   const ColumnFamilyOptions& cf) {
  if (cf.comparator == nullptr) {
    return Status::NotFound("Missing configurable object: comparator");
  }
  if (cf.table_factory == nullptr) {
    return Status::NotFound("Missing configurable object: table_factory");
  }
  if (cf.memtable_factory == nullptr) {
    return Status::NotFound("Missing configurable object: memtable_factory");
  }
  Status s = CheckCompression(cf);
  if (!s.ok()) {
    return s;
  }
  if (db_options.allow_concurrent_memtable_write) {
    if (cf.inplace_update_support) {
      return Status::InvalidArgument(
          "In-place memtable updates (inplace_update_support) is not "
          "compatible with concurrent writes "
          "(allow_concurrent_memtable_write)");
    }
    if (!cf.memtable_factory->IsInsertConcurrentlySupported()) {
      return Status::InvalidArgument(
          "Memtable doesn't concurrent writes "
          "(allow_concurrent_memtable_write)");
    }
  }
  if (cf.compaction_style == kCompactionStyleFIFO &&
      db_options.max_open_files != -1) {
    return Status::NotSupported(
        "FIFO compaction only supported with max_open_files = -1.");
  }
  return cf.table_factory->ValidateOptions(db_options, cf);
}

Status ValidateDBOptions(const DBOptions& o) {
  if (o.db_paths.size() > 4) {
    return Status::NotSupported(
        "More than four DB paths are not supported yet. ");
  }
  if (o.allow_mmap_reads && o.use_direct_reads) {
    return Status::NotSupported(
        "If memory mapped reads (allow_mmap_reads) are enabled then direct "
        "I/O reads (use_direct_reads) must be disabled. ");
  }
  if (o.allow_mmap_writes && o.use_direct_io_for_flush_and_compaction) {
    return Status::NotSupported(
        "If memory mapped writes (allow_mmap_writes) are enabled then direct "
        "I/O writes (use_direct_io_for_flush_and_compaction) must be "
        "disabled. ");
  }
  if (o.keep_log_file_num == 0) {
    return Status::InvalidArgument("keep_log_file_num must be greater than 0");
  }
  if (o.unordered_write && !o.allow_concurrent_memtable_write) {
    return Status::InvalidArgument(
        "unordered_write is incompatible with "
        "!allow_concurrent_memtable_write");
  }
  if (o.unordered_write && o.enable_pipelined_write) {
    return Status::InvalidArgument(
        "unordered_write is incompatible with enable_pipelined_write");
  }
  if (o.atomic_flush && o.enable_pipelined_write) {
    return Status::InvalidArgument(
        "atomic_flush is incompatible with enable_pipelined_write");
  }
  if (o.use_direct_io_for_flush_and_compaction &&
      o.writable_file_max_buffer_size == 0) {
    return Status::InvalidArgument(
        "writes in direct IO require writable_file_max_buffer_size > 0");
  }
  return Status::OK();
}

Status ValidateOpenOptions(
    const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& column_families) {
  bool has_default = false;
  for (const ColumnFamilyDescriptor& cf : column_families) {
    if (cf.name == kDefaultColumnFamilyName) {
      has_default = true;
    }
    Status s = ValidateColumnFamilyOptions(db_options, cf.options);
    if (!s.ok()) {
      return s;
    }
  }
  Status s = ValidateDBOptions(db_options);
  if (!s.ok()) {
    return s;
  }
  if (!has_default) {
    return Status::InvalidArgument("Default column family not specified");
  }
  return Status::OK();
}

DBOptions SanitizeDBOptions(const std::string& dbname, const DBOptions& src) {
  DBOptions result = src;
  if (result.env == nullptr) {
    result.env = Env::Default();
  }
  if (result.max_open_files != -1 && result.max_open_files < 20) {
    result.max_open_files = 20;
  }
  // Recycled WAL files can hold stale records; RocksDB only reuses them
  // when recovery skips bad records anyway, and never with WAL archiving.
  if (result.wal_recovery_mode != WALRecoveryMode::kSkipAnyCorruptedRecords ||
      result.WAL_ttl_seconds > 0 || result.WAL_size_limit_MB > 0) {
    result.recycle_log_file_num = 0;
  }
  while (result.wal_dir.size() > 1 && result.wal_dir.back() == '/') {
    result.wal_dir.pop_back();
  }
  if (result.wal_dir.empty()) {
    result.wal_dir = dbname;
  }
  if (result.db_paths.empty()) {
    result.db_paths.emplace_back(dbname, std::numeric_limits<uint64_t>::max());
  }
  if (result.write_buffer_manager == nullptr &&
      result.db_write_buffer_size > 0) {
    result.write_buffer_manager =
        std::make_shared<WriteBufferManager>(result.db_write_buffer_size);
  }
  return result;
}

ColumnFamilyOptions SanitizeCFOptions(const DBOptions& /*db_options*/,
                                      const ColumnFamilyOptions& src) {
  ColumnFamilyOptions result = src;
  result.write_buffer_size = static_cast<size_t>(std::min<uint64_t>(
      std::max(result.write_buffer_size, kMinWriteBufferSize),
      kMaxWriteBufferSize));
  if (result.arena_block_size == 0) {
    // An eighth of the write buffer, at most 1 MiB, in whole 4 KiB pages.
    size_t block =
        std::min<size_t>(size_t{1} << 20, result.write_buffer_size / 8);
    block = (block + 4095) / 4096 * 4096;
    result.arena_block_size = block;
  }
  if (result.max_write_buffer_number < 2) {
    result.max_write_buffer_number = 2;
  }
  if (result.min_write_buffer_number_to_merge < 1) {
    result.min_write_buffer_number_to_merge = 1;
  }
  // At least one memtable must be able to take writes while the others
  // wait for their flush (observed: 10 with 4 buffers becomes 3).
  if (result.min_write_buffer_number_to_merge >
      result.max_write_buffer_number - 1) {
    result.min_write_buffer_number_to_merge =
        result.max_write_buffer_number - 1;
  }
  if (result.num_levels < 1) {
    result.num_levels = 1;
  }
  if (result.compaction_style == kCompactionStyleLevel &&
      result.num_levels < 2) {
    result.num_levels = 2;
  }
  if (result.compaction_style == kCompactionStyleFIFO) {
    result.level0_slowdown_writes_trigger = std::numeric_limits<int>::max();
    result.level0_stop_writes_trigger = std::numeric_limits<int>::max();
  }
  if (result.level0_stop_writes_trigger <
      result.level0_slowdown_writes_trigger) {
    result.level0_stop_writes_trigger = result.level0_slowdown_writes_trigger;
  }
  if (result.level0_slowdown_writes_trigger <
      result.level0_file_num_compaction_trigger) {
    result.level0_slowdown_writes_trigger =
        result.level0_file_num_compaction_trigger;
    result.level0_stop_writes_trigger =
        std::max(result.level0_stop_writes_trigger,
                 result.level0_slowdown_writes_trigger);
  }
  if (result.ttl == kDefaultTtl) {
    result.ttl =
        result.compaction_style == kCompactionStyleLevel ? kThirtyDays : 0;
  }
  if (result.periodic_compaction_seconds == kDefaultTtl) {
    result.periodic_compaction_seconds = 0;
  }
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
