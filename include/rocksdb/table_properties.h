// Copyright (c) the rocksdb-cleanroom authors.
//
// TableProperties: the facts recorded in the properties block of every table
// file (sizes, counts, names of the options that built it), plus properties
// collected by application-supplied TablePropertiesCollectors.
#pragma once

#include <stdint.h>

#include <map>
#include <memory>
#include <string>

#include "rocksdb/customizable.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

// Properties added by collectors: name -> value (binary allowed).
using UserCollectedProperties = std::map<std::string, std::string>;

// Keys under which the built-in properties are stored in the properties
// block ("rocksdb.data.size", ...). Part of the file format: never change.
struct TablePropertiesNames {
  static const std::string kDbId;
  static const std::string kDbSessionId;
  static const std::string kDbHostId;
  static const std::string kOriginalFileNumber;
  static const std::string kDataSize;
  static const std::string kIndexSize;
  static const std::string kIndexPartitions;
  static const std::string kTopLevelIndexSize;
  static const std::string kIndexKeyIsUserKey;
  static const std::string kIndexValueIsDeltaEncoded;
  static const std::string kFilterSize;
  static const std::string kRawKeySize;
  static const std::string kRawValueSize;
  static const std::string kNumDataBlocks;
  static const std::string kNumEntries;
  static const std::string kNumFilterEntries;
  static const std::string kDeletedKeys;
  static const std::string kMergeOperands;
  static const std::string kNumRangeDeletions;
  static const std::string kFormatVersion;
  static const std::string kFixedKeyLen;
  static const std::string kFilterPolicy;
  static const std::string kColumnFamilyName;
  static const std::string kColumnFamilyId;
  static const std::string kComparator;
  static const std::string kMergeOperator;
  static const std::string kPrefixExtractorName;
  static const std::string kPropertyCollectors;
  static const std::string kCompression;
  static const std::string kCompressionOptions;
  static const std::string kCreationTime;
  static const std::string kOldestKeyTime;
  static const std::string kFileCreationTime;
  static const std::string kSlowCompressionEstimatedDataSize;
  static const std::string kFastCompressionEstimatedDataSize;
  static const std::string kSequenceNumberTimeMapping;
};

// Sees every entry added to one table file while it is built and contributes
// properties to it. Used by one thread; a factory makes one per file.
class TablePropertiesCollector {
 public:
  virtual ~TablePropertiesCollector() {}

  // Deprecated form of AddUserKey, called by its default implementation.
  virtual Status Add(const Slice& /*key*/, const Slice& /*value*/) {
    return Status::InvalidArgument(
        "TablePropertiesCollector::Add() deprecated.");
  }

  // Called for each entry, in order, with its user key and kind.
  virtual Status AddUserKey(const Slice& key, const Slice& value,
                            EntryType /*type*/, SequenceNumber /*seq*/,
                            uint64_t /*file_size*/) {
    return Add(key, value);
  }

  // Called after each data block with its uncompressed size and the sizes
  // estimated for fast and slow compression (0 when not sampled).
  virtual void BlockAdd(uint64_t /* block_uncomp_bytes */,
                        uint64_t /* block_compressed_bytes_fast */,
                        uint64_t /* block_compressed_bytes_slow */) {
    return;
  }

  // The file is complete: adds the collected properties to *properties.
  virtual Status Finish(UserCollectedProperties* properties) = 0;

  // The collected properties in human-readable form.
  virtual UserCollectedProperties GetReadableProperties() const = 0;

  // Identifies the collector in the table's property_collectors_names.
  virtual const char* Name() const = 0;

  // True to mark the finished file for compaction.
  virtual bool NeedCompact() const { return false; }
};

// Creates a collector for each table file built. Must be thread-safe.
class TablePropertiesCollectorFactory : public Customizable {
 public:
  // Facts about the file a collector is created for.
  struct Context {
    uint32_t column_family_id;
    // Level the file is written to, or kUnknownLevelAtCreation.
    int level_at_creation = kUnknownLevelAtCreation;
    static const uint32_t kUnknownColumnFamily;
    static const int kUnknownLevelAtCreation = -1;
  };

  ~TablePropertiesCollectorFactory() override {}
  static const char* Type() { return "TablePropertiesCollectorFactory"; }
  static Status CreateFromString(
      const ConfigOptions& options, const std::string& value,
      std::shared_ptr<TablePropertiesCollectorFactory>* result);

  // A new collector; the caller owns it.
  virtual TablePropertiesCollector* CreateTablePropertiesCollector(
      TablePropertiesCollectorFactory::Context context) = 0;

  const char* Name() const override = 0;

  // Description of the factory and its settings.
  virtual std::string ToString() const { return Name(); }
};

// The properties of one table file.
struct TableProperties {
 public:
  // Number of the file when it was created (0 if unknown).
  uint64_t orig_file_number = 0;
  // Total size of the data blocks.
  uint64_t data_size = 0;
  // Size of the index block(s).
  uint64_t index_size = 0;
  // Number of index partitions (partitioned index only).
  uint64_t index_partitions = 0;
  // Size of the top-level index (partitioned index only).
  uint64_t top_level_index_size = 0;
  // Whether the index keys are user keys (no sequence numbers).
  uint64_t index_key_is_user_key = 0;
  // Whether index values are delta-encoded.
  uint64_t index_value_is_delta_encoded = 0;
  // Size of the filter block(s).
  uint64_t filter_size = 0;
  // Sum of the raw key and value sizes of all entries.
  uint64_t raw_key_size = 0;
  uint64_t raw_value_size = 0;
  // Number of data blocks.
  uint64_t num_data_blocks = 0;
  // Number of entries.
  uint64_t num_entries = 0;
  // Number of keys or prefixes added to the filter.
  uint64_t num_filter_entries = 0;
  // Deletion markers and merge operands among the entries.
  uint64_t num_deletions = 0;
  uint64_t num_merge_operands = 0;
  // Range deletion tombstones.
  uint64_t num_range_deletions = 0;
  // Format version of the table (table-type specific).
  uint64_t format_version = 0;
  // Fixed key length when all keys have one, else 0.
  uint64_t fixed_key_len = 0;
  // Column family the file belongs to.
  uint64_t column_family_id = ROCKSDB_NAMESPACE::
      TablePropertiesCollectorFactory::Context::kUnknownColumnFamily;
  // Seconds since the epoch: creation time of the oldest data, oldest key
  // time, and when the file was written (0 if unknown).
  uint64_t creation_time = 0;
  uint64_t oldest_key_time = 0;
  uint64_t file_creation_time = 0;
  // Data size estimated under slow and fast compression (0 if not sampled).
  uint64_t slow_compression_estimated_data_size = 0;
  uint64_t fast_compression_estimated_data_size = 0;
  // Offset of the global sequence number inside the file of an ingested
  // file (0: none).
  uint64_t external_sst_file_global_seqno_offset = 0;

  // Identity of the DB and session that wrote the file, and the host.
  std::string db_id;
  std::string db_session_id;
  std::string db_host_id;

  // Name of the column family ("" if unknown).
  std::string column_family_name;

  // Names of the filter policy, comparator, merge operator and prefix
  // extractor used ("" or "nullptr" when none).
  std::string filter_policy_name;
  std::string comparator_name;
  std::string merge_operator_name;
  std::string prefix_extractor_name;

  // Names of the property collectors, as "[name1,name2]".
  std::string property_collectors_names;

  // Compression algorithm and its options.
  std::string compression_name;
  std::string compression_options;

  // Encoded sequence-number-to-time samples.
  std::string seqno_to_time_mapping;

  // Properties added by collectors, raw and human-readable.
  UserCollectedProperties user_collected_properties;
  UserCollectedProperties readable_properties;

  // "key<kv_delim>value<prop_delim>" for each property, in a fixed order.
  std::string ToString(const std::string& prop_delim = "; ",
                       const std::string& kv_delim = "=") const;

  // Adds tp's counters and sizes into this one (used to aggregate several
  // files). Names and ids are left as they are.
  void Add(const TableProperties& tp);

  // The counters and sizes that Add() sums, by property name.
  std::map<std::string, uint64_t> GetAggregatablePropertiesAsMap() const;

  // Approximate bytes of memory this object uses.
  std::size_t ApproximateMemoryUsage() const;
};

// Deprecated: the deletion count stored by old versions in user-collected
// properties (0 when absent).
extern uint64_t GetDeletedKeys(const UserCollectedProperties& props);
// Deprecated: the merge operand count stored by old versions in
// user-collected properties; *property_present says whether it was there.
extern uint64_t GetMergeOperands(const UserCollectedProperties& props,
                                 bool* property_present);

}  // namespace ROCKSDB_NAMESPACE
