// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in prefix extractors. Expected names and answers were observed
// from RocksDB 7.8.3.

#include "rocksdb/slice_transform.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(SliceTransformTest, FixedPrefix) {
  std::unique_ptr<const SliceTransform> t(NewFixedPrefixTransform(3));
  EXPECT_STREQ("rocksdb.FixedPrefix", t->Name());
  EXPECT_EQ("rocksdb.FixedPrefix.3", t->GetId());
  EXPECT_EQ("rocksdb.FixedPrefix.3", t->AsString());
  EXPECT_TRUE(t->InDomain("abc"));
  EXPECT_TRUE(t->InDomain("abcdef"));
  EXPECT_FALSE(t->InDomain("ab"));
  EXPECT_EQ("abc", t->Transform("abcdef").ToString());
  EXPECT_EQ("abc", t->Transform("abc").ToString());
  EXPECT_TRUE(t->InRange("abc"));
  EXPECT_FALSE(t->InRange("ab"));
  size_t len = 0;
  EXPECT_TRUE(t->FullLengthEnabled(&len));
  EXPECT_EQ(3u, len);
  EXPECT_TRUE(t->SameResultWhenAppended("abcd"));
  EXPECT_FALSE(t->SameResultWhenAppended("ab"));
}

TEST(SliceTransformTest, CappedPrefix) {
  std::unique_ptr<const SliceTransform> t(NewCappedPrefixTransform(4));
  EXPECT_STREQ("rocksdb.CappedPrefix", t->Name());
  EXPECT_EQ("rocksdb.CappedPrefix.4", t->AsString());
  EXPECT_TRUE(t->InDomain(""));
  EXPECT_TRUE(t->InDomain("abcdefgh"));
  EXPECT_EQ("ab", t->Transform("ab").ToString());
  EXPECT_EQ("abcd", t->Transform("abcdefgh").ToString());
  EXPECT_FALSE(t->InRange("abcde"));
  EXPECT_TRUE(t->InRange("ab"));
  size_t len = 0;
  EXPECT_TRUE(t->FullLengthEnabled(&len));
  EXPECT_EQ(4u, len);
  EXPECT_TRUE(t->SameResultWhenAppended("abcd"));
  EXPECT_TRUE(t->SameResultWhenAppended("abcde"));
  EXPECT_FALSE(t->SameResultWhenAppended("ab"));
}

TEST(SliceTransformTest, Noop) {
  std::unique_ptr<const SliceTransform> t(NewNoopTransform());
  EXPECT_STREQ("rocksdb.Noop", t->Name());
  EXPECT_EQ("rocksdb.Noop", t->AsString());
  EXPECT_TRUE(t->InDomain(""));
  EXPECT_EQ("anything", t->Transform("anything").ToString());
  EXPECT_TRUE(t->InRange("x"));
  size_t len = 0;
  EXPECT_FALSE(t->FullLengthEnabled(&len));
  EXPECT_FALSE(t->SameResultWhenAppended("a"));
}

TEST(SliceTransformTest, CreateFromString) {
  ConfigOptions config;
  const std::pair<const char*, const char*> cases[] = {
      {"fixed:3", "rocksdb.FixedPrefix.3"},
      {"capped:4", "rocksdb.CappedPrefix.4"},
      {"rocksdb.FixedPrefix.3", "rocksdb.FixedPrefix.3"},
      {"rocksdb.CappedPrefix.4", "rocksdb.CappedPrefix.4"},
      {"rocksdb.Noop", "rocksdb.Noop"},
      {"fixed:-1", "rocksdb.FixedPrefix.18446744073709551615"},
      // OK without a transform:
      {"", nullptr},
      {"nullptr", nullptr},
      {"noop", nullptr},
      {"rocksdb.FixedPrefix", nullptr},
      {"fixed:", nullptr},
      {"fixed:x", nullptr},
      {"fixed:3x", nullptr},
      {"bogus", nullptr},
  };
  for (const auto& c : cases) {
    std::shared_ptr<const SliceTransform> t;
    Status s = SliceTransform::CreateFromString(config, c.first, &t);
    EXPECT_TRUE(s.ok()) << c.first << ": " << s.ToString();
    if (c.second == nullptr) {
      EXPECT_EQ(nullptr, t) << c.first;
    } else {
      ASSERT_NE(nullptr, t) << c.first;
      EXPECT_EQ(c.second, t->AsString());
    }
  }

  config.ignore_unsupported_options = false;
  std::shared_ptr<const SliceTransform> t;
  EXPECT_EQ("Not implemented: Could not load SliceTransform: noop",
            SliceTransform::CreateFromString(config, "noop", &t).ToString());
  EXPECT_TRUE(SliceTransform::CreateFromString(config, "", &t).ok());
  ASSERT_TRUE(SliceTransform::CreateFromString(config, "fixed:2", &t).ok());
  EXPECT_EQ("ab", t->Transform("abc").ToString());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
