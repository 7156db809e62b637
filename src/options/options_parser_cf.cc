// Copyright (c) the rocksdb-cleanroom authors.
//
// The ColumnFamilyOptions table and its nested structs (CompressionOptions,
// CompactionOptionsFIFO, CompactionOptionsUniversal): every name RocksDB
// 7.8.3 accepts, in GetStringFromColumnFamilyOptions' order, then the
// accepted but unprinted ones. kOptMutable = what DB::SetOptions accepts;
// kOptCompareLoose = what CheckOptionsCompatibility compares by default.
#include <memory>

#include "options/options_cf_objects.h"
#include "options/options_parser.h"
#include "rocksdb/advanced_options.h"
#include "rocksdb/universal_compaction.h"

namespace ROCKSDB_NAMESPACE {

namespace {

#define CF_FIELD(f) \
  [](void* o) -> void* { return &static_cast<ColumnFamilyOptions*>(o)->f; }
#define COMP_FIELD(f) \
  [](void* o) -> void* { return &static_cast<CompressionOptions*>(o)->f; }
#define FIFO_FIELD(f) \
  [](void* o) -> void* { return &static_cast<CompactionOptionsFIFO*>(o)->f; }
#define UNI_FIELD(f)                                        \
  [](void* o) -> void* {                                    \
    return &static_cast<CompactionOptionsUniversal*>(o)->f; \
  }

const OptionEnum& CompactionStyleEnum() {
  static const OptionEnum e = MakeOptionEnum<CompactionStyle>(
      {{"kCompactionStyleLevel", kCompactionStyleLevel},
       {"kCompactionStyleUniversal", kCompactionStyleUniversal},
       {"kCompactionStyleFIFO", kCompactionStyleFIFO},
       {"kCompactionStyleNone", kCompactionStyleNone}},
      true);
  return e;
}

const OptionEnum& CompactionPriEnum() {
  static const OptionEnum e = MakeOptionEnum<CompactionPri>(
      {{"kByCompensatedSize", kByCompensatedSize},
       {"kOldestLargestSeqFirst", kOldestLargestSeqFirst},
       {"kOldestSmallestSeqFirst", kOldestSmallestSeqFirst},
       {"kMinOverlappingRatio", kMinOverlappingRatio},
       {"kRoundRobin", kRoundRobin}},
      true);
  return e;
}

const OptionEnum& TemperatureEnum() {
  static const OptionEnum e = MakeOptionEnum<Temperature>(
      {{"kUnknown", static_cast<int64_t>(Temperature::kUnknown)},
       {"kHot", static_cast<int64_t>(Temperature::kHot)},
       {"kWarm", static_cast<int64_t>(Temperature::kWarm)},
       {"kCold", static_cast<int64_t>(Temperature::kCold)}},
      true);
  return e;
}

const OptionEnum& PrepopulateBlobCacheEnum() {
  static const OptionEnum e = MakeOptionEnum<PrepopulateBlobCache>(
      {{"kDisable", static_cast<int64_t>(PrepopulateBlobCache::kDisable)},
       {"kFlushOnly", static_cast<int64_t>(PrepopulateBlobCache::kFlushOnly)}},
      false);
  return e;
}

const OptionEnum& StopStyleEnum() {
  static const OptionEnum e = MakeOptionEnum<CompactionStopStyle>(
      {{"kCompactionStopStyleSimilarSize", kCompactionStopStyleSimilarSize},
       {"kCompactionStopStyleTotalSize", kCompactionStopStyleTotalSize}},
      true);
  return e;
}

// "window_bits:level:strategy[:max_dict_bytes[:zstd_max_train_bytes
// [:parallel_threads]:enabled]]", RocksDB's positional compression_opts.
Status ParseLegacyCompressionOptions(const std::string& name,
                                     const std::string& value, void* object) {
  CompressionOptions& c = *static_cast<CompressionOptions*>(object);
  const Status unparsable = Status::InvalidArgument(
      "unable to parse the specified CF option " + name);
  std::string what;
  size_t start = 0;
  // Parses the int from `start` up to the next ':' (or the end) into *out;
  // returns false on a bad number. *last tells whether it was the end.
  auto next_int = [&](int* out, bool* last) {
    const size_t end = value.find(':', start);
    *last = end == std::string::npos;
    const std::string item =
        value.substr(start, *last ? std::string::npos : end - start);
    start = *last ? value.size() : end + 1;
    return ParseOptionInt(item, out, &what);
  };
  bool last = false;
  int v = 0;
  for (int* field : {&c.window_bits, &c.level}) {
    if (value.find(':', start) == std::string::npos) return unparsable;
    if (!next_int(field, &last)) {
      return Status::InvalidArgument("Error parsing " + name + ":" + what);
    }
  }
  if (start >= value.size()) return unparsable;
  if (!next_int(&c.strategy, &last)) {
    return Status::InvalidArgument("Error parsing " + name + ":" + what);
  }
  if (last) return Status::OK();
  for (uint32_t* field : {&c.max_dict_bytes, &c.zstd_max_train_bytes}) {
    if (!next_int(&v, &last)) {
      return Status::InvalidArgument("Error parsing " + name + ":" + what);
    }
    *field = static_cast<uint32_t>(v);
    if (last) return Status::OK();
  }
  // parallel_threads was inserted before the enabled flag, and
  // max_dict_buffer_bytes may follow it.
  if (value.find(':', start) != std::string::npos) {
    if (!next_int(&v, &last)) {
      return Status::InvalidArgument("Error parsing " + name + ":" + what);
    }
    c.parallel_threads = static_cast<uint32_t>(v);
  }
  const size_t end = value.find(':', start);
  const std::string enabled =
      value.substr(start, end == std::string::npos ? end : end - start);
  if (!ParseOptionBool(enabled, &c.enabled)) {
    return Status::InvalidArgument("Error parsing " + name + ":");
  }
  if (end != std::string::npos &&
      !ParseOptionUInt64(value.substr(end + 1), &c.max_dict_buffer_bytes,
                         &what)) {
    return Status::InvalidArgument("Error parsing " + name + ":" + what);
  }
  return Status::OK();
}

// A bare number for compaction_options_fifo is max_table_files_size.
Status ParseLegacyFifoOptions(const std::string& name, const std::string& value,
                              void* object) {
  std::string what;
  if (!ParseOptionUInt64(
          value,
          &static_cast<CompactionOptionsFIFO*>(object)->max_table_files_size,
          &what)) {
    return Status::InvalidArgument("Error parsing " + name + ":" + what);
  }
  return Status::OK();
}

const OptionStruct& CompressionOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = "CompressionOptions";
    t.legacy_parse = ParseLegacyCompressionOptions;
    t.fields = {
        OptField("max_dict_buffer_bytes", OptionKind::kUInt64,
                 COMP_FIELD(max_dict_buffer_bytes)),
        OptField("enabled", OptionKind::kBool, COMP_FIELD(enabled)),
        OptField("max_dict_bytes", OptionKind::kUInt32,
                 COMP_FIELD(max_dict_bytes)),
        OptField("parallel_threads", OptionKind::kUInt32,
                 COMP_FIELD(parallel_threads)),
        OptField("zstd_max_train_bytes", OptionKind::kUInt32,
                 COMP_FIELD(zstd_max_train_bytes)),
        OptField("level", OptionKind::kInt, COMP_FIELD(level)),
        OptField("use_zstd_dict_trainer", OptionKind::kBool,
                 COMP_FIELD(use_zstd_dict_trainer)),
        OptField("strategy", OptionKind::kInt, COMP_FIELD(strategy)),
        OptField("window_bits", OptionKind::kInt, COMP_FIELD(window_bits)),
    };
    return t;
  }();
  return s;
}

const OptionStruct& FifoOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = "CompactionOptionsFIFO";
    t.legacy_parse = ParseLegacyFifoOptions;
    t.fields = {
        OptField("allow_compaction", OptionKind::kBool,
                 FIFO_FIELD(allow_compaction)),
        OptField("age_for_warm", OptionKind::kUInt64, FIFO_FIELD(age_for_warm)),
        OptField("max_table_files_size", OptionKind::kUInt64,
                 FIFO_FIELD(max_table_files_size)),
        OptIgnored("ttl"),
    };
    return t;
  }();
  return s;
}

const OptionStruct& UniversalOptionStruct() {
  static const OptionStruct s = [] {
    OptionStruct t;
    t.name = "CompactionOptionsUniversal";
    t.fields = {
        OptField("incremental", OptionKind::kBool, UNI_FIELD(incremental)),
        OptField("compression_size_percent", OptionKind::kInt,
                 UNI_FIELD(compression_size_percent)),
        OptField("allow_trivial_move", OptionKind::kBool,
                 UNI_FIELD(allow_trivial_move)),
        OptField("max_size_amplification_percent", OptionKind::kUInt32,
                 UNI_FIELD(max_size_amplification_percent)),
        OptField("max_merge_width", OptionKind::kUInt32,
                 UNI_FIELD(max_merge_width)),
        OptField("stop_style", OptionKind::kEnum, UNI_FIELD(stop_style),
                 kOptNone, &StopStyleEnum()),
        OptField("min_merge_width", OptionKind::kUInt32,
                 UNI_FIELD(min_merge_width)),
        OptField("size_ratio", OptionKind::kUInt32, UNI_FIELD(size_ratio)),
    };
    return t;
  }();
  return s;
}

OptionField Nested(const char* name, void* (*addr)(void*),
                   const OptionStruct& nested, uint32_t flags) {
  OptionField f = OptField(name, OptionKind::kStruct, addr, flags);
  f.nested = &nested;
  return f;
}

OptionStruct BuildCFOptionStruct() {
  const OptionKind kBool = OptionKind::kBool;
  const OptionKind kInt = OptionKind::kInt;
  const OptionKind kU32 = OptionKind::kUInt32;
  const OptionKind kU64 = OptionKind::kUInt64;
  const OptionKind kDouble = OptionKind::kDouble;
  const OptionKind kEnum = OptionKind::kEnum;
  const uint32_t kMut = kOptMutable;
  const uint32_t kLoose = kOptCompareLoose;
  const OptionEnum* compression = &CompressionTypeEnum();
  OptionStruct t;
  t.name = "ColumnFamilyOptions";
  t.fields = {
      Nested("compression_opts", CF_FIELD(compression_opts),
             CompressionOptionStruct(), kMut),
      OptField("memtable_protection_bytes_per_key", kU32,
               CF_FIELD(memtable_protection_bytes_per_key), kMut),
      OptField("target_file_size_multiplier", kInt,
               CF_FIELD(target_file_size_multiplier), kMut),
      OptField("report_bg_io_stats", kBool, CF_FIELD(report_bg_io_stats), kMut),
      OptField("write_buffer_size", kU64, CF_FIELD(write_buffer_size), kMut),
      OptField("memtable_huge_page_size", kU64,
               CF_FIELD(memtable_huge_page_size), kMut),
      OptField("max_successive_merges", kU64, CF_FIELD(max_successive_merges),
               kMut),
      OptField("max_write_buffer_number", kInt,
               CF_FIELD(max_write_buffer_number), kMut),
      OptCustom("prefix_extractor", CF_FIELD(prefix_extractor),
                ParseSliceTransformOption, PrintSliceTransformOption, kMut),
      Nested("bottommost_compression_opts",
             CF_FIELD(bottommost_compression_opts), CompressionOptionStruct(),
             kMut),
      OptField("paranoid_file_checks", kBool, CF_FIELD(paranoid_file_checks),
               kMut),
      OptField("blob_garbage_collection_force_threshold", kDouble,
               CF_FIELD(blob_garbage_collection_force_threshold), kMut),
      OptField("enable_blob_files", kBool, CF_FIELD(enable_blob_files), kMut),
      OptField("blob_file_starting_level", kInt,
               CF_FIELD(blob_file_starting_level), kMut),
      OptField("memtable_prefix_bloom_size_ratio", kDouble,
               CF_FIELD(memtable_prefix_bloom_size_ratio), kMut),
      OptField("inplace_update_num_locks", kU64,
               CF_FIELD(inplace_update_num_locks), kMut),
      OptField("blob_compaction_readahead_size", kU64,
               CF_FIELD(blob_compaction_readahead_size), kMut),
      OptField("ignore_max_compaction_bytes_for_input", kBool,
               CF_FIELD(ignore_max_compaction_bytes_for_input), kMut),
      OptField("arena_block_size", kU64, CF_FIELD(arena_block_size), kMut),
      OptField("level0_stop_writes_trigger", kInt,
               CF_FIELD(level0_stop_writes_trigger), kMut),
      OptField("blob_compression_type", kEnum, CF_FIELD(blob_compression_type),
               kMut, compression),
      OptField("level0_slowdown_writes_trigger", kInt,
               CF_FIELD(level0_slowdown_writes_trigger), kMut),
      OptField("hard_pending_compaction_bytes_limit", kU64,
               CF_FIELD(hard_pending_compaction_bytes_limit), kMut),
      OptField("soft_pending_compaction_bytes_limit", kU64,
               CF_FIELD(soft_pending_compaction_bytes_limit), kMut),
      OptField("target_file_size_base", kU64, CF_FIELD(target_file_size_base),
               kMut),
      OptField("level0_file_num_compaction_trigger", kInt,
               CF_FIELD(level0_file_num_compaction_trigger), kMut),
      OptField("max_compaction_bytes", kU64, CF_FIELD(max_compaction_bytes),
               kMut),
      OptField("disable_auto_compactions", kBool,
               CF_FIELD(disable_auto_compactions), kMut),
      OptField("check_flush_compaction_key_order", kBool,
               CF_FIELD(check_flush_compaction_key_order), kMut),
      OptField("min_blob_size", kU64, CF_FIELD(min_blob_size), kMut),
      OptField("memtable_whole_key_filtering", kBool,
               CF_FIELD(memtable_whole_key_filtering), kMut),
      OptField("max_bytes_for_level_base", kU64,
               CF_FIELD(max_bytes_for_level_base), kMut),
      OptField("last_level_temperature", kEnum,
               CF_FIELD(last_level_temperature), kMut, &TemperatureEnum()),
      Nested("compaction_options_fifo", CF_FIELD(compaction_options_fifo),
             FifoOptionStruct(), kMut),
      OptField("max_bytes_for_level_multiplier", kDouble,
               CF_FIELD(max_bytes_for_level_multiplier), kMut),
      OptField("compression_per_level", OptionKind::kEnumVector,
               CF_FIELD(compression_per_level), kMut, compression),
      OptField("max_bytes_for_level_multiplier_additional",
               OptionKind::kIntVector,
               CF_FIELD(max_bytes_for_level_multiplier_additional), kMut),
      OptField("max_sequential_skip_in_iterations", kU64,
               CF_FIELD(max_sequential_skip_in_iterations), kMut),
      OptField("prepopulate_blob_cache", kEnum,
               CF_FIELD(prepopulate_blob_cache), kMut,
               &PrepopulateBlobCacheEnum()),
      OptField("compression", kEnum, CF_FIELD(compression), kMut, compression),
      Nested("compaction_options_universal",
             CF_FIELD(compaction_options_universal), UniversalOptionStruct(),
             kMut),
      OptField("blob_garbage_collection_age_cutoff", kDouble,
               CF_FIELD(blob_garbage_collection_age_cutoff), kMut),
      OptField("ttl", kU64, CF_FIELD(ttl), kMut),
      OptField("periodic_compaction_seconds", kU64,
               CF_FIELD(periodic_compaction_seconds), kMut),
      OptField("sample_for_compression", kU64, CF_FIELD(sample_for_compression),
               kMut),
      OptField("blob_file_size", kU64, CF_FIELD(blob_file_size), kMut),
      OptField("enable_blob_garbage_collection", kBool,
               CF_FIELD(enable_blob_garbage_collection), kMut),
      OptField("experimental_mempurge_threshold", kDouble,
               CF_FIELD(experimental_mempurge_threshold), kMut),
      OptField("bottommost_compression", kEnum,
               CF_FIELD(bottommost_compression), kMut, compression),
      OptField("min_write_buffer_number_to_merge", kInt,
               CF_FIELD(min_write_buffer_number_to_merge)),
      OptField("preserve_internal_time_seconds", kU64,
               CF_FIELD(preserve_internal_time_seconds)),
      OptField("preclude_last_level_data_seconds", kU64,
               CF_FIELD(preclude_last_level_data_seconds)),
      OptCustom("sst_partitioner_factory", CF_FIELD(sst_partitioner_factory),
                ParseSstPartitionerOption, PrintSstPartitionerOption),
      OptField("num_levels", kInt, CF_FIELD(num_levels)),
      OptField("force_consistency_checks", kBool,
               CF_FIELD(force_consistency_checks)),
      OptCustom("memtable_insert_with_hint_prefix_extractor",
                CF_FIELD(memtable_insert_with_hint_prefix_extractor),
                ParseSliceTransformOption, PrintSliceTransformOption),
      OptCustom("memtable_factory", CF_FIELD(memtable_factory),
                ParseMemTableFactoryOption, PrintMemTableFactoryOption, kMut),
      OptField("level_compaction_dynamic_file_size", kBool,
               CF_FIELD(level_compaction_dynamic_file_size)),
      OptField("max_write_buffer_number_to_maintain", kInt,
               CF_FIELD(max_write_buffer_number_to_maintain)),
      OptField("optimize_filters_for_hits", kBool,
               CF_FIELD(optimize_filters_for_hits)),
      OptField("level_compaction_dynamic_level_bytes", kBool,
               CF_FIELD(level_compaction_dynamic_level_bytes)),
      OptField("compaction_style", kEnum, CF_FIELD(compaction_style), kOptNone,
               &CompactionStyleEnum()),
      OptCustom("compaction_filter", CF_FIELD(compaction_filter),
                ParseCompactionFilterOption, PrintCompactionFilterOption),
      OptField("inplace_update_support", kBool,
               CF_FIELD(inplace_update_support)),
      OptCustom("merge_operator", CF_FIELD(merge_operator),
                ParseMergeOperatorOption, PrintMergeOperatorOption, kLoose),
      OptCustom("table_factory", CF_FIELD(table_factory),
                ParseTableFactoryOption, PrintTableFactoryOption,
                kMut | kLoose),
      OptField("bloom_locality", kU32, CF_FIELD(bloom_locality)),
      OptCustom("comparator", CF_FIELD(comparator), ParseComparatorOption,
                PrintComparatorOption, kMut | kLoose),
      OptCustom("compaction_filter_factory",
                CF_FIELD(compaction_filter_factory),
                ParseCompactionFilterFactoryOption,
                PrintCompactionFilterFactoryOption),
      OptField("max_write_buffer_size_to_maintain", OptionKind::kInt64,
               CF_FIELD(max_write_buffer_size_to_maintain)),
      OptField("compaction_pri", kEnum, CF_FIELD(compaction_pri), kOptNone,
               &CompactionPriEnum()),
      // Accepted, never printed.
      OptCustom("memtable", CF_FIELD(memtable_factory),
                ParseMemTableFactoryOption, nullptr, kOptAlias),
      OptCustom("block_based_table_factory", CF_FIELD(table_factory),
                ParseBlockBasedTableOption, nullptr, kOptAlias | kMut),
      OptCustom("plain_table_factory", CF_FIELD(table_factory),
                ParsePlainTableOption, nullptr, kOptAlias),
      OptCustom("blob_cache", CF_FIELD(blob_cache), ParseCacheOption, nullptr),
      // Retired names (mutable ones are still accepted by SetOptions).
      OptIgnored("bottommost_temperature", kMut),
      OptIgnored("expanded_compaction_factor", kMut),
      OptIgnored("filter_deletes", kMut),
      OptIgnored("hard_rate_limit", kMut),
      OptIgnored("max_grandparent_overlap_factor", kMut),
      OptIgnored("memtable_prefix_bloom_bits", kMut),
      OptIgnored("memtable_prefix_bloom_huge_page_tlb_size", kMut),
      OptIgnored("memtable_prefix_bloom_probes", kMut),
      OptIgnored("min_partial_merge_operands", kMut),
      OptIgnored("snap_refresh_nanos", kMut),
      OptIgnored("soft_rate_limit", kMut),
      OptIgnored("source_compaction_factor", kMut),
      OptIgnored("verify_checksums_in_compaction", kMut),
      OptIgnored("compaction_measure_io_stats"),
      OptIgnored("max_mem_compaction_level"),
      OptIgnored("purge_redundant_kvs_while_flush"),
      OptIgnored("rate_limit_delay_max_milliseconds"),
      OptIgnored("table_properties_collectors"),
  };
  return t;
}

}  // namespace

const OptionStruct& CFOptionStruct() {
  static const OptionStruct s = BuildCFOptionStruct();
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
