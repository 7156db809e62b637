// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in filter policy names, ids and CreateFromString(). Expected
// strings were observed from RocksDB 7.8.3.

#include "table/filter_policy.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"

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

TEST(FilterPolicyTest, NoBitsBuilderOrReaderYet) {
  std::unique_ptr<const FilterPolicy> bloom(NewBloomFilterPolicy(10));
  BlockBasedTableOptions table_options;
  FilterBuildingContext context(table_options);
  EXPECT_EQ(&table_options, &context.table_options);
  EXPECT_EQ(-1, context.num_levels);
  EXPECT_EQ(-1, context.level_at_creation);
  EXPECT_FALSE(context.is_bottommost);
  EXPECT_EQ(TableFileCreationReason::kMisc, context.reason);
  EXPECT_EQ(nullptr, bloom->GetBuilderWithContext(context));
  EXPECT_EQ(nullptr, bloom->GetFilterBitsReader(Slice("abc")));
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
