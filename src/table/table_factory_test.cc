// Copyright (c) the rocksdb-cleanroom authors.
//
// Table factories: names, option sanitizing, GetOptions<>(), validation
// and printing. Expected values were observed from RocksDB 7.8.3.

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "rocksdb/cache.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "table/block_based_table_factory.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(BlockBasedTableOptionsTest, Defaults) {
  BlockBasedTableOptions o;
  EXPECT_STREQ("BlockTableOptions", BlockBasedTableOptions::kName());
  EXPECT_EQ(nullptr, o.flush_block_policy_factory);
  EXPECT_FALSE(o.cache_index_and_filter_blocks);
  EXPECT_TRUE(o.cache_index_and_filter_blocks_with_high_priority);
  EXPECT_FALSE(o.pin_l0_filter_and_index_blocks_in_cache);
  EXPECT_TRUE(o.pin_top_level_index_and_filter);
  EXPECT_EQ(PinningTier::kFallback,
            o.metadata_cache_options.top_level_index_pinning);
  EXPECT_EQ(BlockBasedTableOptions::kBinarySearch, o.index_type);
  EXPECT_EQ(BlockBasedTableOptions::kDataBlockBinarySearch,
            o.data_block_index_type);
  EXPECT_EQ(0.75, o.data_block_hash_table_util_ratio);
  EXPECT_EQ(kXXH3, o.checksum);
  EXPECT_FALSE(o.no_block_cache);
  EXPECT_EQ(nullptr, o.block_cache);
  EXPECT_EQ(4096u, o.block_size);
  EXPECT_EQ(10, o.block_size_deviation);
  EXPECT_EQ(16, o.block_restart_interval);
  EXPECT_EQ(1, o.index_block_restart_interval);
  EXPECT_EQ(4096u, o.metadata_block_size);
  EXPECT_EQ(CacheEntryRoleOptions::Decision::kFallback,
            o.cache_usage_options.options.charged);
  EXPECT_FALSE(o.partition_filters);
  EXPECT_FALSE(o.optimize_filters_for_memory);
  EXPECT_TRUE(o.use_delta_encoding);
  EXPECT_EQ(nullptr, o.filter_policy);
  EXPECT_TRUE(o.whole_key_filtering);
  EXPECT_FALSE(o.detect_filter_construct_corruption);
  EXPECT_FALSE(o.verify_compression);
  EXPECT_EQ(0u, o.read_amp_bytes_per_bit);
  EXPECT_EQ(5u, o.format_version);
  EXPECT_TRUE(o.enable_index_compression);
  EXPECT_FALSE(o.block_align);
  EXPECT_EQ(BlockBasedTableOptions::IndexShorteningMode::kShortenSeparators,
            o.index_shortening);
  EXPECT_EQ(256u * 1024, o.max_auto_readahead_size);
  EXPECT_EQ(BlockBasedTableOptions::PrepopulateBlockCache::kDisable,
            o.prepopulate_block_cache);
  EXPECT_EQ(8u * 1024, o.initial_auto_readahead_size);
  EXPECT_EQ(2u, o.num_file_reads_for_auto_readahead);
  // On-disk enum values.
  EXPECT_EQ(0, kNoChecksum);
  EXPECT_EQ(1, kCRC32c);
  EXPECT_EQ(2, kxxHash);
  EXPECT_EQ(3, kxxHash64);
  EXPECT_EQ(4, kXXH3);
  EXPECT_EQ(3, BlockBasedTableOptions::kBinarySearchWithFirstKey);
  EXPECT_EQ(1, BlockBasedTableOptions::kDataBlockBinaryAndHash);
}

TEST(BlockBasedTableFactoryTest, NameOptionsAndSanitizing) {
  std::unique_ptr<TableFactory> f(NewBlockBasedTableFactory());
  EXPECT_STREQ("BlockBasedTable", f->Name());
  EXPECT_TRUE(f->IsDeleteRangeSupported());
  const auto* o = f->GetOptions<BlockBasedTableOptions>();
  ASSERT_NE(nullptr, o);
  // A block cache of 8MB is created when none is given.
  ASSERT_NE(nullptr, o->block_cache);
  EXPECT_EQ(8u << 20, o->block_cache->GetCapacity());

  BlockBasedTableOptions in;
  in.no_block_cache = true;
  in.block_cache = NewLRUCache(100);
  in.block_restart_interval = 0;
  in.index_block_restart_interval = -3;
  in.partition_filters = true;  // needs kTwoLevelIndexSearch
  in.read_amp_bytes_per_bit = 7;
  in.initial_auto_readahead_size = 1 << 20;
  std::unique_ptr<TableFactory> g(NewBlockBasedTableFactory(in));
  o = g->GetOptions<BlockBasedTableOptions>();
  ASSERT_NE(nullptr, o);
  EXPECT_EQ(nullptr, o->block_cache);
  EXPECT_EQ(1, o->block_restart_interval);
  EXPECT_EQ(1, o->index_block_restart_interval);
  EXPECT_FALSE(o->partition_filters);
  EXPECT_EQ(7u, o->read_amp_bytes_per_bit);
  EXPECT_EQ(1u << 20, o->initial_auto_readahead_size);
  EXPECT_EQ(nullptr, g->GetOptions<PlainTableOptions>());

  in = BlockBasedTableOptions();
  in.index_type = BlockBasedTableOptions::kTwoLevelIndexSearch;
  in.partition_filters = true;
  std::unique_ptr<TableFactory> h(NewBlockBasedTableFactory(in));
  EXPECT_TRUE(h->GetOptions<BlockBasedTableOptions>()->partition_filters);
}

Status Validate(const BlockBasedTableOptions& o,
                const ColumnFamilyOptions& cf = ColumnFamilyOptions()) {
  std::unique_ptr<TableFactory> f(NewBlockBasedTableFactory(o));
  return f->ValidateOptions(DBOptions(), cf);
}

TEST(BlockBasedTableFactoryTest, ValidateOptions) {
  BlockBasedTableOptions b;
  EXPECT_TRUE(Validate(b).ok());

  BlockBasedTableOptions o = b;
  o.index_type = BlockBasedTableOptions::kHashSearch;
  EXPECT_EQ(
      "Invalid argument: Hash index is specified for block-based table, but "
      "prefix_extractor is not given",
      Validate(o).ToString());
  ColumnFamilyOptions with_prefix;
  with_prefix.prefix_extractor.reset(NewFixedPrefixTransform(2));
  EXPECT_TRUE(Validate(o, with_prefix).ok());

  o = b;
  o.no_block_cache = true;
  o.cache_index_and_filter_blocks = true;
  EXPECT_EQ(
      "Invalid argument: Enable cache_index_and_filter_blocks, , but block "
      "cache is disabled",
      Validate(o).ToString());

  o = b;
  o.format_version = 6;
  EXPECT_EQ(
      "Invalid argument: Unsupported BlockBasedTable format_version. Please "
      "check include/rocksdb/table.h for more info",
      Validate(o).ToString());
  o.format_version = 0;
  EXPECT_TRUE(Validate(o).ok());

  o = b;
  o.checksum = static_cast<ChecksumType>(9);
  EXPECT_EQ("Invalid argument: Unrecognized ChecksumType for checksum: 9",
            Validate(o).ToString());

  o = b;
  o.block_size = uint64_t{1} << 33;
  EXPECT_EQ(
      "Invalid argument: block size exceeds maximum number (4GiB) allowed",
      Validate(o).ToString());

  o = b;
  o.data_block_index_type = BlockBasedTableOptions::kDataBlockBinaryAndHash;
  o.data_block_hash_table_util_ratio = 0;
  EXPECT_EQ(
      "Invalid argument: data_block_hash_table_util_ratio should be greater "
      "than 0 when data_block_index_type is set to kDataBlockBinaryAndHash",
      Validate(o).ToString());

  o = b;
  o.block_align = true;
  ColumnFamilyOptions compressed;
  compressed.compression = kSnappyCompression;
  EXPECT_EQ("Invalid argument: Enable block_align, but compression enabled",
            Validate(o, compressed).ToString());
  ColumnFamilyOptions uncompressed;
  uncompressed.compression = kNoCompression;
  EXPECT_TRUE(Validate(o, uncompressed).ok());
  o.block_size = 3000;
  EXPECT_EQ(
      "Invalid argument: Block alignment requested but block size is not a "
      "power of 2",
      Validate(o, uncompressed).ToString());

  o = b;
  o.cache_usage_options.options_overrides[CacheEntryRole::kDataBlock] = {
      CacheEntryRoleOptions::Decision::kEnabled};
  EXPECT_EQ(
      "Not implemented: Enable/Disable CacheEntryRoleOptions::charged for "
      "CacheEntryRole DataBlock is not supported",
      Validate(o).ToString());
  o = b;
  o.no_block_cache = true;
  o.cache_usage_options.options_overrides[CacheEntryRole::kFilterConstruction] =
      {CacheEntryRoleOptions::Decision::kEnabled};
  EXPECT_EQ(
      "Invalid argument: Enable CacheEntryRoleOptions::charged for "
      "CacheEntryRole FilterConstruction but block cache is disabled",
      Validate(o).ToString());
}

TEST(BlockBasedTableFactoryTest, PrintableOptions) {
  BlockBasedTableOptions o;
  o.no_block_cache = true;
  o.filter_policy.reset(NewBloomFilterPolicy(10));
  std::unique_ptr<TableFactory> f(NewBlockBasedTableFactory(o));
  const std::string printed = f->GetPrintableOptions();
  // Everything after the (address-bearing) first line.
  const std::string expected_tail =
      "  cache_index_and_filter_blocks: 0\n"
      "  cache_index_and_filter_blocks_with_high_priority: 1\n"
      "  pin_l0_filter_and_index_blocks_in_cache: 0\n"
      "  pin_top_level_index_and_filter: 1\n"
      "  index_type: 0\n"
      "  data_block_index_type: 0\n"
      "  index_shortening: 1\n"
      "  data_block_hash_table_util_ratio: 0.750000\n"
      "  checksum: 4\n"
      "  no_block_cache: 1\n"
      "  block_cache: (nil)\n"
      "  block_cache_compressed: (nil)\n"
      "  persistent_cache: (nil)\n"
      "  block_size: 4096\n"
      "  block_size_deviation: 10\n"
      "  block_restart_interval: 16\n"
      "  index_block_restart_interval: 1\n"
      "  metadata_block_size: 4096\n"
      "  partition_filters: 0\n"
      "  use_delta_encoding: 1\n"
      "  filter_policy: bloomfilter\n"
      "  whole_key_filtering: 1\n"
      "  verify_compression: 0\n"
      "  read_amp_bytes_per_bit: 0\n"
      "  format_version: 5\n"
      "  enable_index_compression: 1\n"
      "  block_align: 0\n"
      "  max_auto_readahead_size: 262144\n"
      "  prepopulate_block_cache: 0\n"
      "  initial_auto_readahead_size: 8192\n"
      "  num_file_reads_for_auto_readahead: 2\n";
  ASSERT_EQ(0u, printed.find("  flush_block_policy_factory: "
                             "FlushBlockBySizePolicyFactory ("));
  EXPECT_EQ(expected_tail, printed.substr(printed.find('\n') + 1));

  std::unique_ptr<TableFactory> d(NewBlockBasedTableFactory());
  EXPECT_NE(std::string::npos,
            d->GetPrintableOptions().find("  block_cache_name: LRUCache\n"
                                          "  block_cache_options:\n"
                                          "    capacity : 8388608\n"
                                          "    num_shard_bits : 4\n"
                                          "    strict_capacity_limit : 0\n"
                                          "    memory_allocator : None\n"
                                          "    high_pri_pool_ratio: 0.000\n"
                                          "    low_pri_pool_ratio: 0.000\n"));
}

TEST(OtherTableFactoriesTest, NamesAndOptions) {
  std::unique_ptr<TableFactory> plain(NewPlainTableFactory());
  std::unique_ptr<TableFactory> cuckoo(NewCuckooTableFactory());
  std::unique_ptr<TableFactory> adaptive(NewAdaptiveTableFactory());
  EXPECT_STREQ("PlainTable", plain->Name());
  EXPECT_STREQ("CuckooTable", cuckoo->Name());
  EXPECT_STREQ("AdaptiveTableFactory", adaptive->Name());
  EXPECT_FALSE(plain->IsDeleteRangeSupported());
  EXPECT_FALSE(cuckoo->IsDeleteRangeSupported());
  EXPECT_FALSE(adaptive->IsDeleteRangeSupported());
  ASSERT_NE(nullptr, plain->GetOptions<PlainTableOptions>());
  ASSERT_NE(nullptr, cuckoo->GetOptions<CuckooTableOptions>());
  EXPECT_EQ(10, plain->GetOptions<PlainTableOptions>()->bloom_bits_per_key);
  EXPECT_EQ(
      "  user_key_len: 0\n"
      "  bloom_bits_per_key: 10\n"
      "  hash_table_ratio: 0.750000\n"
      "  index_sparseness: 16\n"
      "  huge_page_tlb_size: 0\n"
      "  encoding_type: 0\n"
      "  full_scan_mode: 0\n"
      "  store_index_in_file: 0\n",
      plain->GetPrintableOptions());
  EXPECT_EQ(
      "  hash_table_ratio: 0.900000\n"
      "  max_search_depth: 100\n"
      "  cuckoo_block_size: 5\n"
      "  identity_as_first_hash: 0\n",
      cuckoo->GetPrintableOptions());
  EXPECT_EQ("rocksdb.block.based.table.index.type",
            BlockBasedTablePropertyNames::kIndexType);
  EXPECT_EQ("rocksdb.plain.table.bloom.numblocks",
            PlainTablePropertyNames::kNumBloomBlocks);
  EXPECT_EQ("rocksdb.cuckoo.hash.userkeylength",
            CuckooTablePropertyNames::kUserKeyLength);
}

TEST(TableFactoryTest, CreateFromString) {
  ConfigOptions config;
  for (const char* name : {"BlockBasedTable", "PlainTable", "CuckooTable"}) {
    std::shared_ptr<TableFactory> f;
    ASSERT_TRUE(TableFactory::CreateFromString(config, name, &f).ok()) << name;
    ASSERT_NE(nullptr, f);
    EXPECT_STREQ(name, f->Name());
  }
  for (const char* name : {"", "nullptr", "bogus", "BlockBasedTableFactory"}) {
    std::shared_ptr<TableFactory> f;
    EXPECT_TRUE(TableFactory::CreateFromString(config, name, &f).ok()) << name;
    EXPECT_EQ(nullptr, f) << name;
  }
  config.ignore_unsupported_options = false;
  std::shared_ptr<TableFactory> f;
  EXPECT_EQ("Not implemented: Could not load TableFactory: bogus",
            TableFactory::CreateFromString(config, "bogus", &f).ToString());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
