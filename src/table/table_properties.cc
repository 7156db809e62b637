// Copyright (c) the rocksdb-cleanroom authors.
//
// TableProperties methods, the property names stored in table files, and
// TablePropertiesCollectorFactory::CreateFromString. ToString's layout and
// wording follow RocksDB 7.8.3's output, which tools and tests compare.
#include "rocksdb/table_properties.h"

#include <cstdio>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "util/coding.h"
#include "util/customizable_util.h"

namespace ROCKSDB_NAMESPACE {

// Part of the table file format: never change these strings.
const std::string TablePropertiesNames::kDbId = "rocksdb.creating.db.identity";
const std::string TablePropertiesNames::kDbSessionId =
    "rocksdb.creating.session.identity";
const std::string TablePropertiesNames::kDbHostId =
    "rocksdb.creating.host.identity";
const std::string TablePropertiesNames::kOriginalFileNumber =
    "rocksdb.original.file.number";
const std::string TablePropertiesNames::kDataSize = "rocksdb.data.size";
const std::string TablePropertiesNames::kIndexSize = "rocksdb.index.size";
const std::string TablePropertiesNames::kIndexPartitions =
    "rocksdb.index.partitions";
const std::string TablePropertiesNames::kTopLevelIndexSize =
    "rocksdb.top-level.index.size";
const std::string TablePropertiesNames::kIndexKeyIsUserKey =
    "rocksdb.index.key.is.user.key";
const std::string TablePropertiesNames::kIndexValueIsDeltaEncoded =
    "rocksdb.index.value.is.delta.encoded";
const std::string TablePropertiesNames::kFilterSize = "rocksdb.filter.size";
const std::string TablePropertiesNames::kRawKeySize = "rocksdb.raw.key.size";
const std::string TablePropertiesNames::kRawValueSize =
    "rocksdb.raw.value.size";
const std::string TablePropertiesNames::kNumDataBlocks =
    "rocksdb.num.data.blocks";
const std::string TablePropertiesNames::kNumEntries = "rocksdb.num.entries";
const std::string TablePropertiesNames::kNumFilterEntries =
    "rocksdb.num.filter_entries";
const std::string TablePropertiesNames::kDeletedKeys = "rocksdb.deleted.keys";
const std::string TablePropertiesNames::kMergeOperands =
    "rocksdb.merge.operands";
const std::string TablePropertiesNames::kNumRangeDeletions =
    "rocksdb.num.range-deletions";
const std::string TablePropertiesNames::kFormatVersion =
    "rocksdb.format.version";
const std::string TablePropertiesNames::kFixedKeyLen =
    "rocksdb.fixed.key.length";
const std::string TablePropertiesNames::kFilterPolicy = "rocksdb.filter.policy";
const std::string TablePropertiesNames::kColumnFamilyName =
    "rocksdb.column.family.name";
const std::string TablePropertiesNames::kColumnFamilyId =
    "rocksdb.column.family.id";
const std::string TablePropertiesNames::kComparator = "rocksdb.comparator";
const std::string TablePropertiesNames::kMergeOperator =
    "rocksdb.merge.operator";
const std::string TablePropertiesNames::kPrefixExtractorName =
    "rocksdb.prefix.extractor.name";
const std::string TablePropertiesNames::kPropertyCollectors =
    "rocksdb.property.collectors";
const std::string TablePropertiesNames::kCompression = "rocksdb.compression";
const std::string TablePropertiesNames::kCompressionOptions =
    "rocksdb.compression_options";
const std::string TablePropertiesNames::kCreationTime = "rocksdb.creation.time";
const std::string TablePropertiesNames::kOldestKeyTime =
    "rocksdb.oldest.key.time";
const std::string TablePropertiesNames::kFileCreationTime =
    "rocksdb.file.creation.time";
const std::string TablePropertiesNames::kSlowCompressionEstimatedDataSize =
    "rocksdb.sample_for_compression.slow.data.size";
const std::string TablePropertiesNames::kFastCompressionEstimatedDataSize =
    "rocksdb.sample_for_compression.fast.data.size";
const std::string TablePropertiesNames::kSequenceNumberTimeMapping =
    "rocksdb.seqno.time.map";

const uint32_t TablePropertiesCollectorFactory::Context::kUnknownColumnFamily =
    0x7fffffff;
const int TablePropertiesCollectorFactory::Context::kUnknownLevelAtCreation;

namespace {

void AppendProperty(std::string* out, const std::string& key,
                    const std::string& value, const std::string& prop_delim,
                    const std::string& kv_delim) {
  out->append(key);
  out->append(kv_delim);
  out->append(value);
  out->append(prop_delim);
}

std::string NameOrNA(const std::string& name) {
  return name.empty() ? std::string("N/A") : name;
}

std::string FormatDouble(double v) {
  char buf[64];
  snprintf(buf, sizeof(buf), "%f", v);
  return buf;
}

// The seqno-to-time samples, encoded as a varint count followed by
// (seqno delta, time delta) varint pairs, printed as "seq->time,...".
// "N/A" when the encoding is malformed; "" when there are no samples.
std::string SeqnoTimeMappingToString(const std::string& encoded) {
  if (encoded.empty()) {
    return "";
  }
  Slice input(encoded);
  uint64_t count = 0;
  if (!GetVarint64(&input, &count)) {
    return "N/A";
  }
  std::string out;
  uint64_t seqno = 0;
  uint64_t time = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t seqno_delta = 0;
    uint64_t time_delta = 0;
    if (!GetVarint64(&input, &seqno_delta) ||
        !GetVarint64(&input, &time_delta)) {
      return "N/A";
    }
    seqno += seqno_delta;
    time += time_delta;
    out += std::to_string(seqno) + "->" + std::to_string(time) + ",";
  }
  return out;
}

}  // namespace

std::string TableProperties::ToString(const std::string& prop_delim,
                                      const std::string& kv_delim) const {
  std::string out;
  auto add = [&](const std::string& key, const std::string& value) {
    AppendProperty(&out, key, value, prop_delim, kv_delim);
  };
  auto add_num = [&](const std::string& key, uint64_t value) {
    add(key, std::to_string(value));
  };

  add_num("# data blocks", num_data_blocks);
  add_num("# entries", num_entries);
  add_num("# deletions", num_deletions);
  add_num("# merge operands", num_merge_operands);
  add_num("# range deletions", num_range_deletions);

  add_num("raw key size", raw_key_size);
  add("raw average key size",
      FormatDouble(num_entries != 0 ? 1.0 * raw_key_size / num_entries : 0.0));
  add_num("raw value size", raw_value_size);
  add("raw average value size",
      FormatDouble(num_entries != 0 ? 1.0 * raw_value_size / num_entries
                                    : 0.0));

  add_num("data block size", data_size);
  add_num("index block size (user-key? " +
              std::to_string(index_key_is_user_key) + ", delta-value? " +
              std::to_string(index_value_is_delta_encoded) + ")",
          index_size);
  if (index_partitions != 0) {
    add_num("# index partitions", index_partitions);
    add_num("top-level index size", top_level_index_size);
  }
  add_num("filter block size", filter_size);
  add_num("# entries for filter", num_filter_entries);
  add_num("(estimated) table size", data_size + index_size + filter_size);

  add("filter policy name", NameOrNA(filter_policy_name));
  add("prefix extractor name", NameOrNA(prefix_extractor_name));
  add("column family ID",
      column_family_id ==
              TablePropertiesCollectorFactory::Context::kUnknownColumnFamily
          ? std::string("N/A")
          : std::to_string(column_family_id));
  add("column family name", NameOrNA(column_family_name));
  add("comparator name", NameOrNA(comparator_name));
  add("merge operator name", NameOrNA(merge_operator_name));
  add("property collectors names", NameOrNA(property_collectors_names));
  add("SST file compression algo", NameOrNA(compression_name));
  add("SST file compression options", NameOrNA(compression_options));

  add_num("creation time", creation_time);
  add_num("time stamp of earliest key", oldest_key_time);
  add_num("file creation time", file_creation_time);
  add_num("slow compression estimated data size",
          slow_compression_estimated_data_size);
  add_num("fast compression estimated data size",
          fast_compression_estimated_data_size);

  add("DB identity", db_id);
  add("DB session identity", db_session_id);
  add("DB host id", db_host_id);
  add_num("original file number", orig_file_number);
  // The unique id is derived from db_id, db_session_id and
  // orig_file_number; we do not compute it yet.
  add("unique ID", "N/A");
  add("Sequence number to time mapping",
      SeqnoTimeMappingToString(seqno_to_time_mapping));
  return out;
}

void TableProperties::Add(const TableProperties& tp) {
  data_size += tp.data_size;
  index_size += tp.index_size;
  index_partitions += tp.index_partitions;
  top_level_index_size += tp.top_level_index_size;
  index_key_is_user_key += tp.index_key_is_user_key;
  index_value_is_delta_encoded += tp.index_value_is_delta_encoded;
  filter_size += tp.filter_size;
  raw_key_size += tp.raw_key_size;
  raw_value_size += tp.raw_value_size;
  num_data_blocks += tp.num_data_blocks;
  num_entries += tp.num_entries;
  num_filter_entries += tp.num_filter_entries;
  num_deletions += tp.num_deletions;
  num_merge_operands += tp.num_merge_operands;
  num_range_deletions += tp.num_range_deletions;
  slow_compression_estimated_data_size +=
      tp.slow_compression_estimated_data_size;
  fast_compression_estimated_data_size +=
      tp.fast_compression_estimated_data_size;
}

std::map<std::string, uint64_t>
TableProperties::GetAggregatablePropertiesAsMap() const {
  return {
      {"data_size", data_size},
      {"index_size", index_size},
      {"index_partitions", index_partitions},
      {"top_level_index_size", top_level_index_size},
      {"filter_size", filter_size},
      {"raw_key_size", raw_key_size},
      {"raw_value_size", raw_value_size},
      {"num_data_blocks", num_data_blocks},
      {"num_entries", num_entries},
      {"num_filter_entries", num_filter_entries},
      {"num_deletions", num_deletions},
      {"num_merge_operands", num_merge_operands},
      {"num_range_deletions", num_range_deletions},
      {"slow_compression_estimated_data_size",
       slow_compression_estimated_data_size},
      {"fast_compression_estimated_data_size",
       fast_compression_estimated_data_size},
  };
}

std::size_t TableProperties::ApproximateMemoryUsage() const {
  std::size_t usage = sizeof(*this);
  for (const std::string* s :
       {&db_id, &db_session_id, &db_host_id, &column_family_name,
        &filter_policy_name, &comparator_name, &merge_operator_name,
        &prefix_extractor_name, &property_collectors_names, &compression_name,
        &compression_options, &seqno_to_time_mapping}) {
    usage += s->capacity();
  }
  // A map node holds two strings plus the tree links.
  const std::size_t node_overhead = 2 * sizeof(std::string) + 4 * sizeof(void*);
  for (const UserCollectedProperties* props :
       {&user_collected_properties, &readable_properties}) {
    for (const auto& kv : *props) {
      usage += node_overhead + kv.first.capacity() + kv.second.capacity();
    }
  }
  return usage;
}

namespace {

// A varint64 stored under name in props; 0 and *found = false when absent
// or malformed.
uint64_t GetUint64Property(const UserCollectedProperties& props,
                           const std::string& name, bool* found) {
  *found = false;
  auto it = props.find(name);
  if (it == props.end()) {
    return 0;
  }
  Slice raw(it->second);
  uint64_t value = 0;
  if (!GetVarint64(&raw, &value)) {
    return 0;
  }
  *found = true;
  return value;
}

}  // namespace

uint64_t GetDeletedKeys(const UserCollectedProperties& props) {
  bool found = false;
  return GetUint64Property(props, TablePropertiesNames::kDeletedKeys, &found);
}

uint64_t GetMergeOperands(const UserCollectedProperties& props,
                          bool* property_present) {
  bool found = false;
  uint64_t value =
      GetUint64Property(props, TablePropertiesNames::kMergeOperands, &found);
  if (property_present != nullptr) {
    *property_present = found;
  }
  return value;
}

// No collector factory is registered by name yet (RocksDB's built-in one is
// CompactOnDeletionCollector from utilities). Same rules as the other
// Customizable factories: "" gives OK and null; an unknown id gives OK and
// null unless unsupported options must not be ignored.
Status TablePropertiesCollectorFactory::CreateFromString(
    const ConfigOptions& options, const std::string& value,
    std::shared_ptr<TablePropertiesCollectorFactory>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s;
  if (!ParseCustomizableValue(options, value, result->get(), result, &id, &opts,
                              &s)) {
    return s;
  }
  if (*result != nullptr && (*result)->GetId() == id) {
    return Customizable::ConfigureNewObject(options, result->get(), opts);
  }
  result->reset();
  return UnsupportedCustomizable(options, "TablePropertiesCollectorFactory",
                                 id);
}

}  // namespace ROCKSDB_NAMESPACE
