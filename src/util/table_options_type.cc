// Copyright (c) the rocksdb-cleanroom authors.
//
// Option tables of the table-factory structs (BlockBasedTableOptions,
// PlainTableOptions, CuckooTableOptions) and the enum names they and the
// column family options share. Field order = RocksDB 7.8.3's printing
// order; mutability = what DB::SetOptions accepts inside
// block_based_table_factory={...}.
#include <memory>

#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "util/options_type.h"

namespace ROCKSDB_NAMESPACE {

namespace {

#define BBT_FIELD(f) \
  [](void* o) -> void* { return &static_cast<BlockBasedTableOptions*>(o)->f; }
#define PLAIN_FIELD(f) \
  [](void* o) -> void* { return &static_cast<PlainTableOptions*>(o)->f; }
#define CUCKOO_FIELD(f) \
  [](void* o) -> void* { return &static_cast<CuckooTableOptions*>(o)->f; }
#define MCO_FIELD(f) \
  [](void* o) -> void* { return &static_cast<MetadataCacheOptions*>(o)->f; }

using BBTO = BlockBasedTableOptions;

const OptionEnum& ChecksumEnum() {
  static const OptionEnum e =
      MakeOptionEnum<ChecksumType>({{"kNoChecksum", kNoChecksum},
                                    {"kCRC32c", kCRC32c},
                                    {"kxxHash", kxxHash},
                                    {"kxxHash64", kxxHash64},
                                    {"kXXH3", kXXH3}},
                                   true);
  return e;
}

const OptionEnum& IndexTypeEnum() {
  static const OptionEnum e = MakeOptionEnum<BBTO::IndexType>(
      {{"kBinarySearch", BBTO::kBinarySearch},
       {"kHashSearch", BBTO::kHashSearch},
       {"kTwoLevelIndexSearch", BBTO::kTwoLevelIndexSearch},
       {"kBinarySearchWithFirstKey", BBTO::kBinarySearchWithFirstKey}},
      false);
  return e;
}

const OptionEnum& DataBlockIndexTypeEnum() {
  static const OptionEnum e = MakeOptionEnum<BBTO::DataBlockIndexType>(
      {{"kDataBlockBinarySearch", BBTO::kDataBlockBinarySearch},
       {"kDataBlockBinaryAndHash", BBTO::kDataBlockBinaryAndHash}},
      false);
  return e;
}

const OptionEnum& IndexShorteningEnum() {
  using M = BBTO::IndexShorteningMode;
  static const OptionEnum e = MakeOptionEnum<M>(
      {{"kNoShortening", static_cast<int64_t>(M::kNoShortening)},
       {"kShortenSeparators", static_cast<int64_t>(M::kShortenSeparators)},
       {"kShortenSeparatorsAndSuccessor",
        static_cast<int64_t>(M::kShortenSeparatorsAndSuccessor)}},
      false);
  return e;
}

const OptionEnum& PrepopulateBlockCacheEnum() {
  using P = BBTO::PrepopulateBlockCache;
  static const OptionEnum e =
      MakeOptionEnum<P>({{"kDisable", static_cast<int64_t>(P::kDisable)},
                         {"kFlushOnly", static_cast<int64_t>(P::kFlushOnly)}},
                        false);
  return e;
}

const OptionEnum& PinningTierEnum() {
  static const OptionEnum e = MakeOptionEnum<PinningTier>(
      {{"kFallback", static_cast<int64_t>(PinningTier::kFallback)},
       {"kNone", static_cast<int64_t>(PinningTier::kNone)},
       {"kFlushedAndSimilar",
        static_cast<int64_t>(PinningTier::kFlushedAndSimilar)},
       {"kAll", static_cast<int64_t>(PinningTier::kAll)}},
      false);
  return e;
}

const OptionEnum& EncodingTypeEnum() {
  static const OptionEnum e = MakeOptionEnum<EncodingType>(
      {{"kPlain", kPlain}, {"kPrefix", kPrefix}}, true);
  return e;
}

// filter_policy: any FilterPolicy id; printed as its id or "nullptr".
Status ParseFilterPolicy(const ConfigOptions& config_options,
                         const std::string& /*name*/, const std::string& value,
                         void* field) {
  auto* policy = static_cast<std::shared_ptr<const FilterPolicy>*>(field);
  return FilterPolicy::CreateFromString(config_options, value, policy);
}

Status PrintFilterPolicy(const ConfigOptions& config_options, const void* field,
                         std::string* value) {
  const auto& policy =
      *static_cast<const std::shared_ptr<const FilterPolicy>*>(field);
  *value = policy == nullptr ? "nullptr" : policy->ToString(config_options);
  return Status::OK();
}

// flush_block_policy_factory: only the default (by block size) exists
// here, held as nullptr; other ids are not supported and left unchanged.
Status ParseFlushBlockPolicy(const ConfigOptions& /*config_options*/,
                             const std::string& /*name*/,
                             const std::string& value, void* field) {
  if (value.empty() || value == "nullptr" ||
      value == "FlushBlockBySizePolicyFactory") {
    static_cast<std::shared_ptr<FlushBlockPolicyFactory>*>(field)->reset();
  }
  return Status::OK();
}

Status PrintFlushBlockPolicy(const ConfigOptions& /*config_options*/,
                             const void* /*field*/, std::string* value) {
  *value = "FlushBlockBySizePolicyFactory";
  return Status::OK();
}

const OptionStruct& MetadataCacheOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = "MetadataCacheOptions";
    const OptionEnum* tier = &PinningTierEnum();
    t.fields = {
        OptField("unpartitioned_pinning", OptionKind::kEnum,
                 MCO_FIELD(unpartitioned_pinning), kOptNone, tier),
        OptField("partition_pinning", OptionKind::kEnum,
                 MCO_FIELD(partition_pinning), kOptNone, tier),
        OptField("top_level_index_pinning", OptionKind::kEnum,
                 MCO_FIELD(top_level_index_pinning), kOptNone, tier),
    };
    return t;
  }();
  return s;
}

}  // namespace

const OptionEnum& CompressionTypeEnum() {
  static const OptionEnum e = MakeOptionEnum<CompressionType>(
      {{"kNoCompression", kNoCompression},
       {"kSnappyCompression", kSnappyCompression},
       {"kZlibCompression", kZlibCompression},
       {"kBZip2Compression", kBZip2Compression},
       {"kLZ4Compression", kLZ4Compression},
       {"kLZ4HCCompression", kLZ4HCCompression},
       {"kXpressCompression", kXpressCompression},
       {"kZSTD", kZSTD},
       {"kZSTDNotFinalCompression", kZSTDNotFinalCompression},
       {"kDisableCompressionOption", kDisableCompressionOption}},
      true);
  return e;
}

// block_cache and block_cache_compressed: a capacity ("1M", giving an LRU
// cache) or a cache option map; never printed.
Status ParseCacheOption(const ConfigOptions& config_options,
                        const std::string& name, const std::string& value,
                        void* field) {
  auto* cache = static_cast<std::shared_ptr<Cache>*>(field);
  if (value.find('=') == std::string::npos) {
    uint64_t capacity = 0;
    std::string what;
    if (!ParseOptionUInt64(value, &capacity, &what)) {
      return Status::InvalidArgument("Error parsing " + name + ":" + what);
    }
    *cache = NewLRUCache(static_cast<size_t>(capacity));
    return Status::OK();
  }
  return Cache::CreateFromString(config_options, value, cache);
}

const OptionStruct& BlockBasedTableOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = BlockBasedTableOptions::kName();
    const OptionKind kBool = OptionKind::kBool;
    const OptionKind kEnum = OptionKind::kEnum;
    OptionField metadata =
        OptField("metadata_cache_options", OptionKind::kStruct,
                 BBT_FIELD(metadata_cache_options));
    metadata.nested = &MetadataCacheOptionStruct();
    t.fields = {
        OptField("initial_auto_readahead_size", OptionKind::kUInt64,
                 BBT_FIELD(initial_auto_readahead_size), kOptMutable),
        OptField("pin_top_level_index_and_filter", kBool,
                 BBT_FIELD(pin_top_level_index_and_filter)),
        OptField("block_align", kBool, BBT_FIELD(block_align)),
        OptField("block_size_deviation", OptionKind::kInt,
                 BBT_FIELD(block_size_deviation)),
        OptField("checksum", kEnum, BBT_FIELD(checksum), kOptNone,
                 &ChecksumEnum()),
        OptField("index_shortening", kEnum, BBT_FIELD(index_shortening),
                 kOptNone, &IndexShorteningEnum()),
        OptField("num_file_reads_for_auto_readahead", OptionKind::kUInt64,
                 BBT_FIELD(num_file_reads_for_auto_readahead), kOptMutable),
        OptField("whole_key_filtering", kBool, BBT_FIELD(whole_key_filtering)),
        OptField("data_block_index_type", kEnum,
                 BBT_FIELD(data_block_index_type), kOptNone,
                 &DataBlockIndexTypeEnum()),
        OptField("index_type", kEnum, BBT_FIELD(index_type), kOptNone,
                 &IndexTypeEnum()),
        OptField("no_block_cache", kBool, BBT_FIELD(no_block_cache)),
        OptField("index_block_restart_interval", OptionKind::kInt,
                 BBT_FIELD(index_block_restart_interval)),
        OptField("data_block_hash_table_util_ratio", OptionKind::kDouble,
                 BBT_FIELD(data_block_hash_table_util_ratio)),
        OptField("prepopulate_block_cache", kEnum,
                 BBT_FIELD(prepopulate_block_cache), kOptMutable,
                 &PrepopulateBlockCacheEnum()),
        OptField("pin_l0_filter_and_index_blocks_in_cache", kBool,
                 BBT_FIELD(pin_l0_filter_and_index_blocks_in_cache)),
        OptCustom("filter_policy", BBT_FIELD(filter_policy), ParseFilterPolicy,
                  PrintFilterPolicy),
        OptField("cache_index_and_filter_blocks_with_high_priority", kBool,
                 BBT_FIELD(cache_index_and_filter_blocks_with_high_priority)),
        OptField("verify_compression", kBool, BBT_FIELD(verify_compression)),
        OptField("block_restart_interval", OptionKind::kInt,
                 BBT_FIELD(block_restart_interval), kOptMutable),
        OptField("max_auto_readahead_size", OptionKind::kUInt64,
                 BBT_FIELD(max_auto_readahead_size), kOptMutable),
        OptCustom("flush_block_policy_factory",
                  BBT_FIELD(flush_block_policy_factory), ParseFlushBlockPolicy,
                  PrintFlushBlockPolicy, kOptMutable),
        OptField("partition_filters", kBool, BBT_FIELD(partition_filters)),
        OptField("cache_index_and_filter_blocks", kBool,
                 BBT_FIELD(cache_index_and_filter_blocks)),
        OptField("block_size", OptionKind::kUInt64, BBT_FIELD(block_size),
                 kOptMutable),
        OptField("metadata_block_size", OptionKind::kUInt64,
                 BBT_FIELD(metadata_block_size)),
        OptField("optimize_filters_for_memory", kBool,
                 BBT_FIELD(optimize_filters_for_memory)),
        OptField("detect_filter_construct_corruption", kBool,
                 BBT_FIELD(detect_filter_construct_corruption), kOptMutable),
        OptField("format_version", OptionKind::kUInt32,
                 BBT_FIELD(format_version)),
        metadata,
        OptField("read_amp_bytes_per_bit", OptionKind::kUInt32,
                 BBT_FIELD(read_amp_bytes_per_bit)),
        OptField("enable_index_compression", kBool,
                 BBT_FIELD(enable_index_compression)),
        // Accepted but never printed.
        OptCustom("block_cache", BBT_FIELD(block_cache), ParseCacheOption,
                  nullptr),
        OptCustom("block_cache_compressed", BBT_FIELD(block_cache_compressed),
                  ParseCacheOption, nullptr),
        // Retired names.
        OptIgnored("hash_index_allow_collision"),
        OptIgnored("index_per_partition"),
        OptIgnored("reserve_table_builder_memory"),
        OptIgnored("reserve_table_reader_memory"),
        OptIgnored("skip_table_builder_flush"),
    };
    // Size fields are size_t or uint64_t; both are 64-bit here.
    static_assert(sizeof(size_t) == sizeof(uint64_t), "64-bit size_t");
    return t;
  }();
  return s;
}

const OptionStruct& PlainTableOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = PlainTableOptions::kName();
    t.fields = {
        OptField("store_index_in_file", OptionKind::kBool,
                 PLAIN_FIELD(store_index_in_file)),
        OptField("encoding_type", OptionKind::kEnum, PLAIN_FIELD(encoding_type),
                 kOptNone, &EncodingTypeEnum()),
        OptField("huge_page_tlb_size", OptionKind::kUInt64,
                 PLAIN_FIELD(huge_page_tlb_size)),
        OptField("hash_table_ratio", OptionKind::kDouble,
                 PLAIN_FIELD(hash_table_ratio)),
        OptField("full_scan_mode", OptionKind::kBool,
                 PLAIN_FIELD(full_scan_mode)),
        OptField("bloom_bits_per_key", OptionKind::kInt,
                 PLAIN_FIELD(bloom_bits_per_key)),
        OptField("index_sparseness", OptionKind::kUInt64,
                 PLAIN_FIELD(index_sparseness)),
        OptField("user_key_len", OptionKind::kUInt32,
                 PLAIN_FIELD(user_key_len)),
    };
    return t;
  }();
  return s;
}

const OptionStruct& CuckooTableOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = CuckooTableOptions::kName();
    t.fields = {
        OptField("use_module_hash", OptionKind::kBool,
                 CUCKOO_FIELD(use_module_hash)),
        OptField("identity_as_first_hash", OptionKind::kBool,
                 CUCKOO_FIELD(identity_as_first_hash)),
        OptField("max_search_depth", OptionKind::kUInt32,
                 CUCKOO_FIELD(max_search_depth)),
        OptField("cuckoo_block_size", OptionKind::kUInt32,
                 CUCKOO_FIELD(cuckoo_block_size)),
        OptField("hash_table_ratio", OptionKind::kDouble,
                 CUCKOO_FIELD(hash_table_ratio)),
    };
    return t;
  }();
  return s;
}

const OptionStruct* FindRegisteredOptionStruct(const std::string& name) {
  if (name == BlockBasedTableOptions::kName()) {
    return &BlockBasedTableOptionStruct();
  }
  if (name == PlainTableOptions::kName()) return &PlainTableOptionStruct();
  if (name == CuckooTableOptions::kName()) return &CuckooTableOptionStruct();
  return nullptr;
}

}  // namespace ROCKSDB_NAMESPACE
