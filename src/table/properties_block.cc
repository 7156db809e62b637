// Copyright (c) the rocksdb-cleanroom authors.
//
// Properties block encoding (spec 5.9). The block is a standard block with
// a single restart point whose keys are property names in bytewise order:
//
//   name (raw bytes) -> value
//   integers: varint64; strings: raw bytes; user properties: as collected
//
// Which properties appear, as RocksDB 7.8.3 writes them (observed on its
// files): every integer property except the partitioned-index pair (only
// when index_partitions != 0), file.creation.time and the two compression
// estimates (only when non-zero); every string property only when it is not
// empty. "rocksdb.deleted.keys" and "rocksdb.merge.operands" are written
// from num_deletions and num_merge_operands.

#include "table/properties_block.h"

#include <limits>
#include <map>
#include <memory>

#include "table/block.h"
#include "table/block_builder.h"
#include "table/format.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

const char* const kPropertiesBlockName = "rocksdb.properties";
const char* const kRangeDelBlockName = "rocksdb.range_del";
const char* const kFullFilterBlockPrefix = "fullfilter.";

namespace {

using Names = TablePropertiesNames;

// Name of the SstFileWriter property whose value offset readers record.
const char* const kGlobalSeqnoName = "rocksdb.external_sst_file.global_seqno";

// The integer properties and the TableProperties field each one maps to.
struct IntProperty {
  const std::string* name;
  uint64_t TableProperties::*field;
  // Written only when the value is non-zero.
  bool only_if_nonzero;
};

const IntProperty* IntProperties(size_t* count) {
  static const IntProperty kList[] = {
      {&Names::kOriginalFileNumber, &TableProperties::orig_file_number, false},
      {&Names::kDataSize, &TableProperties::data_size, false},
      {&Names::kIndexSize, &TableProperties::index_size, false},
      {&Names::kIndexPartitions, &TableProperties::index_partitions, true},
      {&Names::kTopLevelIndexSize, &TableProperties::top_level_index_size,
       true},
      {&Names::kIndexKeyIsUserKey, &TableProperties::index_key_is_user_key,
       false},
      {&Names::kIndexValueIsDeltaEncoded,
       &TableProperties::index_value_is_delta_encoded, false},
      {&Names::kFilterSize, &TableProperties::filter_size, false},
      {&Names::kRawKeySize, &TableProperties::raw_key_size, false},
      {&Names::kRawValueSize, &TableProperties::raw_value_size, false},
      {&Names::kNumDataBlocks, &TableProperties::num_data_blocks, false},
      {&Names::kNumEntries, &TableProperties::num_entries, false},
      {&Names::kNumFilterEntries, &TableProperties::num_filter_entries, false},
      {&Names::kDeletedKeys, &TableProperties::num_deletions, false},
      {&Names::kMergeOperands, &TableProperties::num_merge_operands, false},
      {&Names::kNumRangeDeletions, &TableProperties::num_range_deletions,
       false},
      {&Names::kFormatVersion, &TableProperties::format_version, false},
      {&Names::kFixedKeyLen, &TableProperties::fixed_key_len, false},
      {&Names::kColumnFamilyId, &TableProperties::column_family_id, false},
      {&Names::kCreationTime, &TableProperties::creation_time, false},
      {&Names::kOldestKeyTime, &TableProperties::oldest_key_time, false},
      {&Names::kFileCreationTime, &TableProperties::file_creation_time, true},
      {&Names::kSlowCompressionEstimatedDataSize,
       &TableProperties::slow_compression_estimated_data_size, true},
      {&Names::kFastCompressionEstimatedDataSize,
       &TableProperties::fast_compression_estimated_data_size, true},
  };
  *count = sizeof(kList) / sizeof(kList[0]);
  return kList;
}

// The string properties and their fields; each is written only when
// non-empty.
struct StringProperty {
  const std::string* name;
  std::string TableProperties::*field;
};

const StringProperty* StringProperties(size_t* count) {
  static const StringProperty kList[] = {
      {&Names::kDbId, &TableProperties::db_id},
      {&Names::kDbSessionId, &TableProperties::db_session_id},
      {&Names::kDbHostId, &TableProperties::db_host_id},
      {&Names::kColumnFamilyName, &TableProperties::column_family_name},
      {&Names::kFilterPolicy, &TableProperties::filter_policy_name},
      {&Names::kComparator, &TableProperties::comparator_name},
      {&Names::kMergeOperator, &TableProperties::merge_operator_name},
      {&Names::kPrefixExtractorName, &TableProperties::prefix_extractor_name},
      {&Names::kPropertyCollectors,
       &TableProperties::property_collectors_names},
      {&Names::kCompression, &TableProperties::compression_name},
      {&Names::kCompressionOptions, &TableProperties::compression_options},
      {&Names::kSequenceNumberTimeMapping,
       &TableProperties::seqno_to_time_mapping},
  };
  *count = sizeof(kList) / sizeof(kList[0]);
  return kList;
}

// Integer properties RocksDB's reader also reports as user properties.
bool AlsoUserCollected(const std::string& name) {
  return name == Names::kDeletedKeys || name == Names::kMergeOperands;
}

}  // namespace

void EncodePropertiesBlock(const TableProperties& props, std::string* out) {
  std::map<std::string, std::string> entries;
  size_t n = 0;
  const IntProperty* ints = IntProperties(&n);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t value = props.*(ints[i].field);
    if (ints[i].only_if_nonzero && value == 0) continue;
    std::string encoded;
    PutVarint64(&encoded, value);
    entries[*ints[i].name] = std::move(encoded);
  }
  const StringProperty* strings = StringProperties(&n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& value = props.*(strings[i].field);
    if (!value.empty()) entries[*strings[i].name] = value;
  }
  // The standard properties win over a user property of the same name.
  for (const auto& kv : props.user_collected_properties) {
    entries.emplace(kv.first, kv.second);
  }

  BlockBuilder builder(std::numeric_limits<int>::max());
  for (const auto& kv : entries) {
    builder.Add(kv.first, kv.second);
  }
  Slice contents = builder.Finish();
  out->assign(contents.data(), contents.size());
}

Status DecodePropertiesBlock(const Slice& contents, TableProperties* props,
                             uint64_t block_offset) {
  std::map<std::string, uint64_t TableProperties::*> int_fields;
  std::map<std::string, std::string TableProperties::*> string_fields;
  size_t n = 0;
  const IntProperty* ints = IntProperties(&n);
  for (size_t i = 0; i < n; ++i) int_fields[*ints[i].name] = ints[i].field;
  const StringProperty* strings = StringProperties(&n);
  for (size_t i = 0; i < n; ++i) {
    string_fields[*strings[i].name] = strings[i].field;
  }

  Block block{BlockContents(contents)};
  if (!block.ok()) return Status::Corruption("bad properties block");
  std::unique_ptr<MetaBlockIter> iter(block.NewMetaIterator());
  for (iter->SeekToFirst(); iter->Valid(); iter->Next()) {
    const std::string name = iter->key().ToString();
    const Slice value = iter->value();
    auto int_it = int_fields.find(name);
    if (int_it != int_fields.end()) {
      Slice input = value;
      uint64_t v = 0;
      // A malformed number is skipped, like RocksDB (which only logs it).
      if (GetVarint64(&input, &v)) props->*(int_it->second) = v;
      if (AlsoUserCollected(name)) {
        props->user_collected_properties[name] = value.ToString();
      }
      continue;
    }
    auto string_it = string_fields.find(name);
    if (string_it != string_fields.end()) {
      props->*(string_it->second) = value.ToString();
      continue;
    }
    if (name == kGlobalSeqnoName && value.data() >= contents.data() &&
        value.data() < contents.data() + contents.size()) {
      props->external_sst_file_global_seqno_offset =
          block_offset + static_cast<uint64_t>(value.data() - contents.data());
    }
    props->user_collected_properties[name] = value.ToString();
  }
  Status s = iter->status();
  if (!s.ok()) {
    return Status::Corruption("bad properties block: " + s.ToString());
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
