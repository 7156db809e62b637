// Copyright (c) the rocksdb-cleanroom authors.
//
// The fixed-prefix partitioner (decisions observed on RocksDB 7.8.3) and
// SstPartitionerFactory::CreateFromString.
#include "rocksdb/sst_partitioner.h"

#include <gtest/gtest.h>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(SstPartitionerTest, FixedPrefix) {
  std::shared_ptr<SstPartitionerFactory> factory =
      NewSstPartitionerFixedPrefixFactory(3);
  EXPECT_STREQ(factory->Name(), "SstPartitionerFixedPrefixFactory");
  SstPartitioner::Context context{};
  std::unique_ptr<SstPartitioner> p = factory->CreatePartitioner(context);
  EXPECT_STREQ(p->Name(), "SstPartitionerFixedPrefix");

  struct Case {
    const char* prev;
    const char* cur;
    bool cut;
  } cases[] = {
      {"abc1", "abc2", false}, {"abc1", "abd1", true}, {"ab", "abc", true},
      {"ab", "ab", false},     {"a", "b", true},       {"", "a", true},
      {"", "", false},         {"abcd", "ab", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.prev) + "|" + c.cur);
    Slice prev(c.prev), cur(c.cur);
    PartitionerRequest request(prev, cur, 0);
    EXPECT_EQ(p->ShouldPartition(request), c.cut ? kRequired : kNotRequired);
    EXPECT_EQ(p->CanDoTrivialMove(prev, cur), !c.cut);
  }

  // Length 0: every key has the empty prefix.
  std::unique_ptr<SstPartitioner> none =
      NewSstPartitionerFixedPrefixFactory(0)->CreatePartitioner(context);
  Slice a("a"), b("b");
  EXPECT_EQ(none->ShouldPartition(PartitionerRequest(a, b, 0)), kNotRequired);
  EXPECT_TRUE(none->CanDoTrivialMove(a, b));
}

TEST(SstPartitionerTest, CreateFromString) {
  ConfigOptions config;
  std::shared_ptr<SstPartitionerFactory> factory;
  ASSERT_TRUE(
      SstPartitionerFactory::CreateFromString(config, "", &factory).ok());
  EXPECT_EQ(factory, nullptr);

  ASSERT_TRUE(
      SstPartitionerFactory::CreateFromString(
          config, "id=SstPartitionerFixedPrefixFactory;length=4", &factory)
          .ok());
  ASSERT_NE(factory, nullptr);
  SstPartitioner::Context context{};
  std::unique_ptr<SstPartitioner> p = factory->CreatePartitioner(context);
  Slice x("abcd1"), y("abcd2"), z("abce");
  EXPECT_EQ(p->ShouldPartition(PartitionerRequest(x, y, 0)), kNotRequired);
  EXPECT_EQ(p->ShouldPartition(PartitionerRequest(x, z, 0)), kRequired);

  ASSERT_TRUE(SstPartitionerFactory::CreateFromString(
                  config, "SstPartitionerFixedPrefixFactory", &factory)
                  .ok());
  ASSERT_NE(factory, nullptr);

  ASSERT_TRUE(
      SstPartitionerFactory::CreateFromString(config, "bogus", &factory).ok());
  EXPECT_EQ(factory, nullptr);
  config.ignore_unsupported_options = false;
  Status s = SstPartitionerFactory::CreateFromString(config, "bogus", &factory);
  EXPECT_EQ(s.ToString(),
            "Not implemented: Could not load SstPartitionerFactory: bogus");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
