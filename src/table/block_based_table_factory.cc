// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableFactory: option sanitizing, validation and printing, with
// the behaviour and messages of RocksDB 7.8.3 (observed through its public
// API).

#include "table/block_based_table_factory.h"

#include <cinttypes>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "table/block_based_table_builder.h"
#include "table/block_based_table_reader.h"
#include "table/format.h"
#include "util/not_implemented.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Capacity of the block cache created when the options name none.
constexpr size_t kDefaultBlockCacheCapacity = 8 << 20;

bool IsKnownChecksum(ChecksumType type) {
  switch (type) {
    case kNoChecksum:
    case kCRC32c:
    case kxxHash:
    case kxxHash64:
    case kXXH3:
      return true;
  }
  return false;
}

// "filter-construction" -> "FilterConstruction".
std::string CamelRoleName(CacheEntryRole role) {
  std::string out;
  bool upper = true;
  for (char ch : GetCacheEntryRoleName(role)) {
    if (ch == '-') {
      upper = true;
    } else {
      out += upper && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A')
                                             : ch;
      upper = false;
    }
  }
  return out;
}

// Roles whose memory can be charged to the block cache.
bool IsChargeableRole(CacheEntryRole role) {
  return role == CacheEntryRole::kCompressionDictionaryBuildingBuffer ||
         role == CacheEntryRole::kFilterConstruction ||
         role == CacheEntryRole::kBlockBasedTableReader ||
         role == CacheEntryRole::kFileMetadata;
}

}  // namespace

BlockBasedTableFactory::BlockBasedTableFactory(
    const BlockBasedTableOptions& table_options)
    : table_options_(table_options) {
  BlockBasedTableOptions& o = table_options_;
  if (o.no_block_cache) {
    o.block_cache.reset();
  } else if (o.block_cache == nullptr) {
    LRUCacheOptions cache_opts;
    cache_opts.capacity = kDefaultBlockCacheCapacity;
    cache_opts.high_pri_pool_ratio = 0.0;
    o.block_cache = NewLRUCache(cache_opts);
  }
  if (o.block_restart_interval < 1) o.block_restart_interval = 1;
  if (o.index_block_restart_interval < 1) o.index_block_restart_interval = 1;
  // Partitioned filters need a partitioned index.
  if (o.index_type != BlockBasedTableOptions::kTwoLevelIndexSearch) {
    o.partition_filters = false;
  }
  RegisterOptions(&table_options_, nullptr);
}

Status BlockBasedTableFactory::NewTableReader(
    const ReadOptions& ro, const TableReaderOptions& options,
    std::unique_ptr<RandomAccessFileReader>&& file, uint64_t file_size,
    std::unique_ptr<TableReader>* table_reader,
    bool prefetch_index_and_filter_in_cache) const {
  return BlockBasedTable::Open(ro, options, table_options_, std::move(file),
                               file_size, table_reader,
                               prefetch_index_and_filter_in_cache);
}

TableBuilder* BlockBasedTableFactory::NewTableBuilder(
    const TableBuilderOptions& table_builder_options,
    WritableFileWriter* file) const {
  return new BlockBasedTableBuilder(table_options_, table_builder_options,
                                    file);
}

Status BlockBasedTableFactory::ValidateOptions(
    const DBOptions& /*db_opts*/, const ColumnFamilyOptions& cf_opts) const {
  const BlockBasedTableOptions& o = table_options_;
  if (o.index_type == BlockBasedTableOptions::kHashSearch &&
      cf_opts.prefix_extractor == nullptr) {
    return Status::InvalidArgument(
        "Hash index is specified for block-based table, but prefix_extractor "
        "is not given");
  }
  if (o.cache_index_and_filter_blocks && o.no_block_cache) {
    return Status::InvalidArgument(
        "Enable cache_index_and_filter_blocks, , but block cache is disabled");
  }
  if (o.pin_l0_filter_and_index_blocks_in_cache && o.no_block_cache) {
    return Status::InvalidArgument(
        "Enable pin_l0_filter_and_index_blocks_in_cache, , but block cache "
        "is disabled");
  }
  for (const auto& entry : o.cache_usage_options.options_overrides) {
    const CacheEntryRole role = entry.first;
    const CacheEntryRoleOptions::Decision charged = entry.second.charged;
    if (charged == CacheEntryRoleOptions::Decision::kFallback) continue;
    if (!IsChargeableRole(role)) {
      return Status::NotSupported(
          "Enable/Disable CacheEntryRoleOptions::charged for CacheEntryRole " +
          CamelRoleName(role) + " is not supported");
    }
    if (charged == CacheEntryRoleOptions::Decision::kEnabled &&
        (o.no_block_cache || o.block_cache == nullptr)) {
      return Status::InvalidArgument(
          "Enable CacheEntryRoleOptions::charged for CacheEntryRole " +
          CamelRoleName(role) + " but block cache is disabled");
    }
  }
  if (o.format_version > kLatestFormatVersion) {
    return Status::InvalidArgument(
        "Unsupported BlockBasedTable format_version. Please check "
        "include/rocksdb/table.h for more info");
  }
  // Versions 0 and 1 stored most codecs in an older framing that this
  // engine does not write; refuse them up front rather than at the first
  // flush.
  if (o.format_version < 2) {
    std::vector<CompressionType> used = cf_opts.compression_per_level;
    used.push_back(cf_opts.compression);
    used.push_back(cf_opts.bottommost_compression);
    for (CompressionType type : used) {
      if (type != kDisableCompressionOption &&
          !FramingIsVersionIndependent(type)) {
        return Status::NotSupported(
            "BlockBasedTable format_version " +
            std::to_string(o.format_version) +
            " is written only uncompressed or with Snappy");
      }
    }
  }
  if (!IsKnownChecksum(o.checksum)) {
    return Status::InvalidArgument(
        "Unrecognized ChecksumType for checksum: " +
        std::to_string(static_cast<int>(o.checksum)));
  }
  if (o.block_size > std::numeric_limits<uint32_t>::max()) {
    return Status::InvalidArgument(
        "block size exceeds maximum number (4GiB) allowed");
  }
  if (o.data_block_index_type ==
          BlockBasedTableOptions::kDataBlockBinaryAndHash &&
      o.data_block_hash_table_util_ratio <= 0) {
    return Status::InvalidArgument(
        "data_block_hash_table_util_ratio should be greater than 0 when "
        "data_block_index_type is set to kDataBlockBinaryAndHash");
  }
  if (o.block_align) {
    if (cf_opts.compression != kNoCompression) {
      return Status::InvalidArgument(
          "Enable block_align, but compression enabled");
    }
    if (o.block_size == 0 || (o.block_size & (o.block_size - 1)) != 0) {
      return Status::InvalidArgument(
          "Block alignment requested but block size is not a power of 2");
    }
  }
  return Status::OK();
}

std::string BlockBasedTableFactory::GetPrintableOptions() const {
  const BlockBasedTableOptions& o = table_options_;
  std::string out;
  // The default flush policy is implied when none is set.
  StringAppendF(&out, "  flush_block_policy_factory: %s (%p)\n",
                o.flush_block_policy_factory == nullptr
                    ? "FlushBlockBySizePolicyFactory"
                    : "custom",
                static_cast<const void*>(o.flush_block_policy_factory.get()));
  StringAppendF(&out, "  cache_index_and_filter_blocks: %d\n",
                o.cache_index_and_filter_blocks);
  StringAppendF(&out,
                "  cache_index_and_filter_blocks_with_high_priority: %d\n",
                o.cache_index_and_filter_blocks_with_high_priority);
  StringAppendF(&out, "  pin_l0_filter_and_index_blocks_in_cache: %d\n",
                o.pin_l0_filter_and_index_blocks_in_cache);
  StringAppendF(&out, "  pin_top_level_index_and_filter: %d\n",
                o.pin_top_level_index_and_filter);
  StringAppendF(&out, "  index_type: %d\n", static_cast<int>(o.index_type));
  StringAppendF(&out, "  data_block_index_type: %d\n",
                static_cast<int>(o.data_block_index_type));
  StringAppendF(&out, "  index_shortening: %d\n",
                static_cast<int>(o.index_shortening));
  StringAppendF(&out, "  data_block_hash_table_util_ratio: %lf\n",
                o.data_block_hash_table_util_ratio);
  StringAppendF(&out, "  checksum: %d\n", static_cast<int>(o.checksum));
  StringAppendF(&out, "  no_block_cache: %d\n", o.no_block_cache);
  StringAppendF(&out, "  block_cache: %p\n",
                static_cast<const void*>(o.block_cache.get()));
  if (o.block_cache != nullptr) {
    StringAppendF(&out, "  block_cache_name: %s\n", o.block_cache->Name());
    out += "  block_cache_options:\n";
    out += o.block_cache->GetPrintableOptions();
  }
  StringAppendF(&out, "  block_cache_compressed: %p\n",
                static_cast<const void*>(o.block_cache_compressed.get()));
  if (o.block_cache_compressed != nullptr) {
    StringAppendF(&out, "  block_cache_compressed_name: %s\n",
                  o.block_cache_compressed->Name());
    out += "  block_cache_compressed_options:\n";
    out += o.block_cache_compressed->GetPrintableOptions();
  }
  StringAppendF(&out, "  persistent_cache: %p\n",
                static_cast<const void*>(o.persistent_cache.get()));
  StringAppendF(&out, "  block_size: %" PRIu64 "\n", o.block_size);
  StringAppendF(&out, "  block_size_deviation: %d\n", o.block_size_deviation);
  StringAppendF(&out, "  block_restart_interval: %d\n",
                o.block_restart_interval);
  StringAppendF(&out, "  index_block_restart_interval: %d\n",
                o.index_block_restart_interval);
  StringAppendF(&out, "  metadata_block_size: %" PRIu64 "\n",
                o.metadata_block_size);
  StringAppendF(&out, "  partition_filters: %d\n", o.partition_filters);
  StringAppendF(&out, "  use_delta_encoding: %d\n", o.use_delta_encoding);
  StringAppendF(
      &out, "  filter_policy: %s\n",
      o.filter_policy == nullptr ? "nullptr" : o.filter_policy->Name());
  StringAppendF(&out, "  whole_key_filtering: %d\n", o.whole_key_filtering);
  StringAppendF(&out, "  verify_compression: %d\n", o.verify_compression);
  StringAppendF(&out, "  read_amp_bytes_per_bit: %d\n",
                static_cast<int>(o.read_amp_bytes_per_bit));
  StringAppendF(&out, "  format_version: %d\n",
                static_cast<int>(o.format_version));
  StringAppendF(&out, "  enable_index_compression: %d\n",
                o.enable_index_compression);
  StringAppendF(&out, "  block_align: %d\n", o.block_align);
  StringAppendF(&out, "  max_auto_readahead_size: %zu\n",
                o.max_auto_readahead_size);
  StringAppendF(&out, "  prepopulate_block_cache: %d\n",
                static_cast<int>(o.prepopulate_block_cache));
  StringAppendF(&out, "  initial_auto_readahead_size: %zu\n",
                o.initial_auto_readahead_size);
  StringAppendF(&out, "  num_file_reads_for_auto_readahead: %" PRIu64 "\n",
                o.num_file_reads_for_auto_readahead);
  return out;
}

TableFactory* NewBlockBasedTableFactory(
    const BlockBasedTableOptions& table_options) {
  return new BlockBasedTableFactory(table_options);
}

const std::string BlockBasedTablePropertyNames::kIndexType =
    "rocksdb.block.based.table.index.type";
const std::string BlockBasedTablePropertyNames::kWholeKeyFiltering =
    "rocksdb.block.based.table.whole.key.filtering";
const std::string BlockBasedTablePropertyNames::kPrefixFiltering =
    "rocksdb.block.based.table.prefix.filtering";

}  // namespace ROCKSDB_NAMESPACE
