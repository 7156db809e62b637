// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in filter policy names, ids and CreateFromString() (expected
// strings observed from RocksDB 7.8.3), and the builders and readers the
// policies hand out.

#include "table/filter_policy.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "table/filter_bits.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(FilterPolicyTest, Names) {
  std::unique_ptr<const FilterPolicy> bloom(NewBloomFilterPolicy(10));
  EXPECT_STREQ("bloomfilter", bloom->Name());
  EXPECT_STREQ("rocksdb.BuiltinBloomFilter", bloom->CompatibilityName());
  EXPECT_EQ("bloomfilter:10:false", bloom->GetId());
  EXPECT_TRUE(bloom->IsInstanceOf("bloomfilter"));
  EXPECT_TRUE(bloom->IsInstanceOf("rocksdb.BloomFilter"));
  EXPECT_TRUE(bloom->IsInstanceOf("rocksdb.BuiltinBloomFilter"));
  EXPECT_FALSE(bloom->IsInstanceOf("ribbonfilter"));

  std::unique_ptr<const FilterPolicy> ribbon(NewRibbonFilterPolicy(10));
  EXPECT_STREQ("ribbonfilter", ribbon->Name());
  EXPECT_STREQ("rocksdb.BuiltinBloomFilter", ribbon->CompatibilityName());
  EXPECT_EQ("ribbonfilter:10:0", ribbon->GetId());
  std::unique_ptr<const FilterPolicy> ribbon2(NewRibbonFilterPolicy(8.5, 3));
  EXPECT_EQ("ribbonfilter:8.5:3", ribbon2->GetId());
}

TEST(FilterPolicyTest, BitsPerKeyRounding) {
  // (requested bits per key, id) as printed by RocksDB 7.8.3.
  const std::pair<double, const char*> cases[] = {
      {9.9, "bloomfilter:9.9:false"},
      {6.6667, "bloomfilter:6.667:false"},
      {50.0005, "bloomfilter:50.001:false"},
      {3.14159, "bloomfilter:3.142:false"},
      {0.4999, "bloomfilter:0:false"},
      {-1, "bloomfilter:0:false"},
      {0.5, "bloomfilter:1:false"},
      {0.9999, "bloomfilter:1:false"},
      {20, "bloomfilter:20:false"},
      {100.5, "bloomfilter:100:false"},
      {1234.5678, "bloomfilter:100:false"},
      {1e9, "bloomfilter:100:false"},
  };
  for (const auto& c : cases) {
    std::unique_ptr<const FilterPolicy> p(NewBloomFilterPolicy(c.first, true));
    EXPECT_EQ(c.second, p->GetId()) << c.first;
  }
  BloomFilterPolicy p(6.6667);
  EXPECT_EQ(6667, p.GetMillibitsPerKey());
  EXPECT_EQ(7, p.GetWholeBitsPerKey());
  RibbonFilterPolicy r(9.9, -1);
  EXPECT_EQ(-1, r.GetBloomBeforeLevel());
  EXPECT_EQ("ribbonfilter:9.9:-1", r.GetId());
}

TEST(FilterPolicyTest, BuildingContextDefaults) {
  BlockBasedTableOptions table_options;
  FilterBuildingContext context(table_options);
  EXPECT_EQ(&table_options, &context.table_options);
  EXPECT_EQ(kCompactionStyleLevel, context.compaction_style);
  EXPECT_EQ(-1, context.num_levels);
  EXPECT_EQ(nullptr, context.info_log);
  EXPECT_EQ("", context.column_family_name);
  EXPECT_EQ(-1, context.level_at_creation);
  EXPECT_FALSE(context.is_bottommost);
  EXPECT_EQ(TableFileCreationReason::kMisc, context.reason);
}

// Builds a filter of keys "0".."n-1" with the policy's builder.
std::string BuildWith(const FilterPolicy& policy, int n) {
  BlockBasedTableOptions table_options;
  FilterBuildingContext context(table_options);
  std::unique_ptr<FilterBitsBuilder> builder(
      policy.GetBuilderWithContext(context));
  EXPECT_NE(nullptr, builder);
  if (builder == nullptr) return "";
  for (int i = 0; i < n; ++i) builder->AddKey(std::to_string(i));
  EXPECT_EQ(static_cast<size_t>(n), builder->EstimateEntriesAdded());
  std::unique_ptr<const char[]> buf;
  return builder->Finish(&buf).ToString();
}

TEST(FilterPolicyTest, BloomBuildsFastLocalBloom) {
  std::unique_ptr<const FilterPolicy> bloom(NewBloomFilterPolicy(10));
  const std::string filter = BuildWith(*bloom, 289);
  // Spec 5.7: 289 keys at 10 bits/key -> 384 bytes + trailer, 6 probes.
  ASSERT_EQ(389u, filter.size());
  EXPECT_EQ(std::string("\xff\x00\x06\x00\x00", 5), filter.substr(384));
  std::unique_ptr<FilterBitsReader> reader(bloom->GetFilterBitsReader(filter));
  ASSERT_NE(nullptr, reader);
  int false_positives = 0;
  for (int i = 0; i < 289; ++i)
    EXPECT_TRUE(reader->MayMatch(std::to_string(i)));
  for (int i = 289; i < 10289; ++i) {
    false_positives += reader->MayMatch(std::to_string(i)) ? 1 : 0;
  }
  EXPECT_LT(false_positives, 300);  // about 1%
}

TEST(FilterPolicyTest, RibbonBuildsTheSameBloomFilter) {
  std::unique_ptr<const FilterPolicy> bloom(NewBloomFilterPolicy(7.5));
  std::unique_ptr<const FilterPolicy> ribbon(NewRibbonFilterPolicy(7.5, -1));
  EXPECT_EQ(BuildWith(*bloom, 1000), BuildWith(*ribbon, 1000));
}

TEST(FilterPolicyTest, NoBuilderWithoutBits) {
  BlockBasedTableOptions table_options;
  FilterBuildingContext context(table_options);
  std::unique_ptr<const FilterPolicy> none(NewBloomFilterPolicy(0.4));
  EXPECT_EQ(nullptr, none->GetBuilderWithContext(context));
  std::unique_ptr<const FilterPolicy> ribbon(NewRibbonFilterPolicy(0));
  EXPECT_EQ(nullptr, ribbon->GetBuilderWithContext(context));
  BuiltinFilterPolicy read_only;
  EXPECT_EQ(nullptr, read_only.GetBuilderWithContext(context));
}

TEST(FilterPolicyTest, EveryBuiltinPolicyReadsFilters) {
  std::unique_ptr<const FilterPolicy> bloom(NewBloomFilterPolicy(10));
  const std::string filter = BuildWith(*bloom, 100);
  BuiltinFilterPolicy read_only;
  std::unique_ptr<const FilterPolicy> ribbon(NewRibbonFilterPolicy(20));
  for (const FilterPolicy* p :
       {static_cast<const FilterPolicy*>(&read_only), ribbon.get()}) {
    std::unique_ptr<FilterBitsReader> reader(p->GetFilterBitsReader(filter));
    ASSERT_NE(nullptr, reader);
    for (int i = 0; i < 100; ++i) {
      EXPECT_TRUE(reader->MayMatch(std::to_string(i)));
    }
    // Too short to hold any key: never matches.
    std::unique_ptr<FilterBitsReader> empty(p->GetFilterBitsReader("abc"));
    ASSERT_NE(nullptr, empty);
    EXPECT_FALSE(empty->MayMatch("abc"));
    // Unknown format: always may match.
    std::unique_ptr<FilterBitsReader> unknown(
        p->GetFilterBitsReader(Slice("\x00\x00\x00\x00\x00\x00", 6)));
    EXPECT_TRUE(unknown->MayMatch("abc"));
  }
}

TEST(FilterPolicyTest, CreateFromString) {
  ConfigOptions config;
  const std::pair<const char*, const char*> cases[] = {
      {"bloomfilter:10", "bloomfilter:10:false"},
      {"bloomfilter:10:false", "bloomfilter:10:false"},
      {"bloomfilter:10:true", "bloomfilter:10:false"},
      {"bloomfilter:6.6667", "bloomfilter:6.667:false"},
      {"rocksdb.BloomFilter:10", "bloomfilter:10:false"},
      {"ribbonfilter:10", "ribbonfilter:10:0"},
      {"ribbonfilter:10:2", "ribbonfilter:10:2"},
      {"rocksdb.RibbonFilter:8", "ribbonfilter:8:0"},
      {"bloomfilter:0.7", "bloomfilter:1:false"},
      {"rocksdb.BuiltinBloomFilter", "rocksdb.BuiltinBloomFilter"},
      // OK without a policy:
      {"", nullptr},
      {"nullptr", nullptr},
      {"bloomfilter", nullptr},
      {"nonsense", nullptr},
      {"bloomfilter:abc", nullptr},
      {"id=bloomfilter;bits_per_key=5", nullptr},
  };
  for (const auto& c : cases) {
    std::shared_ptr<const FilterPolicy> p;
    Status s = FilterPolicy::CreateFromString(config, c.first, &p);
    EXPECT_TRUE(s.ok()) << c.first << ": " << s.ToString();
    if (c.second == nullptr) {
      EXPECT_EQ(nullptr, p) << c.first;
    } else {
      ASSERT_NE(nullptr, p) << c.first;
      EXPECT_EQ(c.second, p->GetId()) << c.first;
    }
  }
  config.ignore_unsupported_options = false;
  std::shared_ptr<const FilterPolicy> p;
  for (const char* bad :
       {"bloomfilter", "nonsense", "bloomfilter:abc", "ribbonfilter:1:x"}) {
    EXPECT_EQ(
        std::string("Not implemented: Could not load FilterPolicy: ") + bad,
        FilterPolicy::CreateFromString(config, bad, &p).ToString());
  }
  EXPECT_TRUE(FilterPolicy::CreateFromString(config, "", &p).ok());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
