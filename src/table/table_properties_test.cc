// Copyright (c) the rocksdb-cleanroom authors.
//
// TableProperties: ToString layout, Add, the aggregatable map and the
// property names. Expected strings were printed by RocksDB 7.8.3.
#include "rocksdb/table_properties.h"

#include <gtest/gtest.h>

#include "rocksdb/convenience.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Every numeric field set to (its position * 1000 + 7).
TableProperties Numbered() {
  TableProperties t;
  uint64_t v = 1;
  for (uint64_t* p : {&t.orig_file_number,
                      &t.data_size,
                      &t.index_size,
                      &t.index_partitions,
                      &t.top_level_index_size,
                      &t.index_key_is_user_key,
                      &t.index_value_is_delta_encoded,
                      &t.filter_size,
                      &t.raw_key_size,
                      &t.raw_value_size,
                      &t.num_data_blocks,
                      &t.num_entries,
                      &t.num_filter_entries,
                      &t.num_deletions,
                      &t.num_merge_operands,
                      &t.num_range_deletions,
                      &t.format_version,
                      &t.fixed_key_len,
                      &t.column_family_id,
                      &t.creation_time,
                      &t.oldest_key_time,
                      &t.file_creation_time,
                      &t.slow_compression_estimated_data_size,
                      &t.fast_compression_estimated_data_size,
                      &t.external_sst_file_global_seqno_offset}) {
    *p = v++ * 1000 + 7;
  }
  t.db_id = "DBID";
  t.db_session_id = "SESS";
  t.db_host_id = "HOST";
  t.column_family_name = "cf";
  t.filter_policy_name = "FP";
  t.comparator_name = "CMP";
  t.merge_operator_name = "MO";
  t.prefix_extractor_name = "PE";
  t.property_collectors_names = "[PC]";
  t.compression_name = "Snappy";
  t.compression_options = "window_bits=-14; ";
  t.seqno_to_time_mapping = "xx";
  return t;
}

TEST(TablePropertiesTest, ToStringOfEmpty) {
  EXPECT_EQ(
      TableProperties().ToString(),
      "# data blocks=0; # entries=0; # deletions=0; # merge operands=0; # "
      "range deletions=0; raw key size=0; raw average key size=0.000000; raw "
      "value size=0; raw average value size=0.000000; data block size=0; "
      "index block size (user-key? 0, delta-value? 0)=0; filter block "
      "size=0; # entries for filter=0; (estimated) table size=0; filter "
      "policy name=N/A; prefix extractor name=N/A; column family ID=N/A; "
      "column family name=N/A; comparator name=N/A; merge operator "
      "name=N/A; property collectors names=N/A; SST file compression "
      "algo=N/A; SST file compression options=N/A; creation time=0; time "
      "stamp of earliest key=0; file creation time=0; slow compression "
      "estimated data size=0; fast compression estimated data size=0; DB "
      "identity=; DB session identity=; DB host id=; original file "
      "number=0; unique ID=N/A; Sequence number to time mapping=; ");
}

TEST(TablePropertiesTest, ToStringOfFull) {
  EXPECT_EQ(
      Numbered().ToString(),
      "# data blocks=11007; # entries=12007; # deletions=14007; # merge "
      "operands=15007; # range deletions=16007; raw key size=9007; raw "
      "average key size=0.750146; raw value size=10007; raw average value "
      "size=0.833430; data block size=2007; index block size (user-key? "
      "6007, delta-value? 7007)=3007; # index partitions=4007; top-level "
      "index size=5007; filter block size=8007; # entries for filter=13007; "
      "(estimated) table size=13021; filter policy name=FP; prefix "
      "extractor name=PE; column family ID=19007; column family name=cf; "
      "comparator name=CMP; merge operator name=MO; property collectors "
      "names=[PC]; SST file compression algo=Snappy; SST file compression "
      "options=window_bits=-14; ; creation time=20007; time stamp of "
      "earliest key=21007; file creation time=22007; slow compression "
      "estimated data size=23007; fast compression estimated data "
      "size=24007; DB identity=DBID; DB session identity=SESS; DB host "
      "id=HOST; original file number=1007; unique ID=N/A; Sequence number "
      "to time mapping=N/A; ");

  const std::string custom = Numbered().ToString("\n", ": ");
  EXPECT_EQ(custom.substr(0, 43),
            "# data blocks: 11007\n# entries: 12007\n# del");
  EXPECT_EQ(custom.back(), '\n');
}

TEST(TablePropertiesTest, SeqnoToTimeMapping) {
  TableProperties t;
  auto mapping = [&](const std::string& encoded) {
    t.seqno_to_time_mapping = encoded;
    const std::string s = t.ToString();
    const std::string key = "Sequence number to time mapping=";
    return s.substr(s.find(key) + key.size());
  };
  EXPECT_EQ(mapping(std::string("\x01\x05\x64", 3)), "5->100,; ");
  EXPECT_EQ(mapping(std::string("\x02\x05\x64\x03\x0a", 5)),
            "5->100,8->110,; ");
  EXPECT_EQ(mapping(std::string("\x00", 1)), "; ");
  EXPECT_EQ(mapping(std::string("\x01\x05", 2)), "N/A; ");
}

TEST(TablePropertiesTest, AddSumsCountersOnly) {
  TableProperties sum = Numbered();
  sum.Add(Numbered());
  EXPECT_EQ(sum.num_data_blocks, 22014u);
  EXPECT_EQ(sum.index_key_is_user_key, 12014u);
  EXPECT_EQ(sum.fast_compression_estimated_data_size, 48014u);
  EXPECT_EQ(sum.orig_file_number, 1007u);
  EXPECT_EQ(sum.creation_time, 20007u);
  EXPECT_EQ(sum.column_family_id, 19007u);

  TableProperties empty;
  empty.Add(Numbered());
  EXPECT_EQ(empty.num_entries, 12007u);
  EXPECT_EQ(empty.format_version, 0u);
  EXPECT_EQ(empty.column_family_name, "");
}

TEST(TablePropertiesTest, AggregatableMap) {
  const std::map<std::string, uint64_t> expected = {
      {"data_size", 2007},
      {"fast_compression_estimated_data_size", 24007},
      {"filter_size", 8007},
      {"index_partitions", 4007},
      {"index_size", 3007},
      {"num_data_blocks", 11007},
      {"num_deletions", 14007},
      {"num_entries", 12007},
      {"num_filter_entries", 13007},
      {"num_merge_operands", 15007},
      {"num_range_deletions", 16007},
      {"raw_key_size", 9007},
      {"raw_value_size", 10007},
      {"slow_compression_estimated_data_size", 23007},
      {"top_level_index_size", 5007},
  };
  EXPECT_EQ(Numbered().GetAggregatablePropertiesAsMap(), expected);
}

TEST(TablePropertiesTest, MemoryUsageGrowsWithContent) {
  TableProperties t;
  const size_t base = t.ApproximateMemoryUsage();
  EXPECT_GE(base, sizeof(TableProperties));
  t.user_collected_properties["key"] = std::string(1000, 'v');
  EXPECT_GE(t.ApproximateMemoryUsage(), base + 1000);
}

TEST(TablePropertiesTest, Names) {
  EXPECT_EQ(TablePropertiesNames::kDbId, "rocksdb.creating.db.identity");
  EXPECT_EQ(TablePropertiesNames::kDataSize, "rocksdb.data.size");
  EXPECT_EQ(TablePropertiesNames::kTopLevelIndexSize,
            "rocksdb.top-level.index.size");
  EXPECT_EQ(TablePropertiesNames::kNumFilterEntries,
            "rocksdb.num.filter_entries");
  EXPECT_EQ(TablePropertiesNames::kNumRangeDeletions,
            "rocksdb.num.range-deletions");
  EXPECT_EQ(TablePropertiesNames::kCompressionOptions,
            "rocksdb.compression_options");
  EXPECT_EQ(TablePropertiesNames::kSlowCompressionEstimatedDataSize,
            "rocksdb.sample_for_compression.slow.data.size");
  EXPECT_EQ(TablePropertiesNames::kSequenceNumberTimeMapping,
            "rocksdb.seqno.time.map");
  EXPECT_EQ(TablePropertiesCollectorFactory::Context::kUnknownColumnFamily,
            0x7fffffffu);
  EXPECT_EQ(TableProperties().column_family_id, 0x7fffffffu);
}

TEST(TablePropertiesTest, DeprecatedCounters) {
  UserCollectedProperties props;
  bool present = true;
  EXPECT_EQ(GetDeletedKeys(props), 0u);
  EXPECT_EQ(GetMergeOperands(props, &present), 0u);
  EXPECT_FALSE(present);

  PutVarint64(&props[TablePropertiesNames::kDeletedKeys], 5);
  PutVarint64(&props[TablePropertiesNames::kMergeOperands], 300);
  EXPECT_EQ(GetDeletedKeys(props), 5u);
  EXPECT_EQ(GetMergeOperands(props, &present), 300u);
  EXPECT_TRUE(present);
}

// A collector relying on the defaults: AddUserKey forwards to the
// deprecated Add, which refuses.
class MinimalCollector : public TablePropertiesCollector {
 public:
  Status Finish(UserCollectedProperties*) override { return Status::OK(); }
  UserCollectedProperties GetReadableProperties() const override { return {}; }
  const char* Name() const override { return "Minimal"; }
};

TEST(TablePropertiesTest, CollectorDefaults) {
  MinimalCollector c;
  Status s = c.AddUserKey("k", "v", kEntryPut, 1, 0);
  EXPECT_EQ(s.ToString(),
            "Invalid argument: TablePropertiesCollector::Add() deprecated.");
  EXPECT_FALSE(c.NeedCompact());

  ConfigOptions config;
  std::shared_ptr<TablePropertiesCollectorFactory> factory;
  EXPECT_TRUE(
      TablePropertiesCollectorFactory::CreateFromString(config, "", &factory)
          .ok());
  EXPECT_EQ(factory, nullptr);
  config.ignore_unsupported_options = false;
  s = TablePropertiesCollectorFactory::CreateFromString(config, "bogus",
                                                        &factory);
  EXPECT_TRUE(s.IsNotSupported());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
