// Copyright (c) the rocksdb-cleanroom authors.
//
// CompactionFilter::FilterV2() dispatch and factory defaults.

#include "rocksdb/compaction_filter.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Drops values "drop", rewrites values "old" to "new", drops merge operands
// "x".
class TestFilter : public CompactionFilter {
 public:
  const char* Name() const override { return "TestFilter"; }
  bool Filter(int level, const Slice& /*key*/, const Slice& value,
              std::string* new_value, bool* value_changed) const override {
    last_level = level;
    if (value == Slice("old")) {
      *new_value = "new";
      *value_changed = true;
    }
    return value == Slice("drop");
  }
  bool FilterMergeOperand(int /*level*/, const Slice& /*key*/,
                          const Slice& operand) const override {
    return operand == Slice("x");
  }
  mutable int last_level = -1;
};

using Decision = CompactionFilter::Decision;

TEST(CompactionFilterTest, FilterV2Dispatch) {
  TestFilter f;
  std::string new_value;
  std::string skip;
  EXPECT_EQ(Decision::kKeep, f.FilterV2(3, "k", CompactionFilter::kValue,
                                        "keep", &new_value, &skip));
  EXPECT_EQ(3, f.last_level);
  EXPECT_EQ(Decision::kRemove, f.FilterV2(1, "k", CompactionFilter::kValue,
                                          "drop", &new_value, &skip));
  EXPECT_EQ(Decision::kChangeValue, f.FilterV2(1, "k", CompactionFilter::kValue,
                                               "old", &new_value, &skip));
  EXPECT_EQ("new", new_value);
  EXPECT_EQ(Decision::kRemove,
            f.FilterV2(1, "k", CompactionFilter::kMergeOperand, "x", &new_value,
                       &skip));
  EXPECT_EQ(Decision::kKeep, f.FilterV2(1, "k", CompactionFilter::kMergeOperand,
                                        "drop", &new_value, &skip));
  EXPECT_EQ(Decision::kKeep, f.FilterV2(1, "k", CompactionFilter::kBlobIndex,
                                        "drop", &new_value, &skip));
}

TEST(CompactionFilterTest, Defaults) {
  class Plain : public CompactionFilter {
   public:
    const char* Name() const override { return "Plain"; }
  } f;
  std::string v;
  std::string skip;
  EXPECT_EQ(Decision::kKeep,
            f.FilterV2(0, "k", CompactionFilter::kValue, "v", &v, &skip));
  EXPECT_TRUE(f.IgnoreSnapshots());
  EXPECT_FALSE(f.IsStackedBlobDbInternalCompactionFilter());
  EXPECT_EQ(Decision::kUndetermined, f.FilterBlobByKey(0, "k", &v, &skip));
  EXPECT_EQ(CompactionFilter::BlobDecision::kKeep,
            f.PrepareBlobOutput("k", "v", &v));
  EXPECT_EQ(2, static_cast<int>(CompactionFilter::kBlobIndex));
  EXPECT_EQ(7, static_cast<int>(Decision::kUndetermined));
}

class TestFactory : public CompactionFilterFactory {
 public:
  const char* Name() const override { return "TestFactory"; }
  std::unique_ptr<CompactionFilter> CreateCompactionFilter(
      const CompactionFilter::Context& /*context*/) override {
    return std::unique_ptr<CompactionFilter>(new TestFilter());
  }
};

TEST(CompactionFilterFactoryTest, OnlyCompactionsByDefault) {
  TestFactory factory;
  EXPECT_TRUE(factory.ShouldFilterTableFileCreation(
      TableFileCreationReason::kCompaction));
  EXPECT_FALSE(
      factory.ShouldFilterTableFileCreation(TableFileCreationReason::kFlush));
  EXPECT_FALSE(factory.ShouldFilterTableFileCreation(
      TableFileCreationReason::kRecovery));
}

TEST(CompactionFilterTest, CreateFromString) {
  ConfigOptions config;
  const CompactionFilter* filter = reinterpret_cast<CompactionFilter*>(1);
  EXPECT_TRUE(CompactionFilter::CreateFromString(config, "", &filter).ok());
  EXPECT_EQ(nullptr, filter);
  EXPECT_TRUE(
      CompactionFilter::CreateFromString(config, "bogus", &filter).ok());
  EXPECT_TRUE(CompactionFilter::CreateFromString(
                  config, "RemoveEmptyValueCompactionFilter", &filter)
                  .IsNotSupported());
  std::shared_ptr<CompactionFilterFactory> factory;
  EXPECT_TRUE(
      CompactionFilterFactory::CreateFromString(config, "nullptr", &factory)
          .ok());
  EXPECT_EQ(nullptr, factory);
  config.ignore_unsupported_options = false;
  EXPECT_EQ("Not implemented: Could not load CompactionFilterFactory: bogus",
            CompactionFilterFactory::CreateFromString(config, "bogus", &factory)
                .ToString());
  EXPECT_EQ(
      "Not implemented: Could not load CompactionFilter: bogus",
      CompactionFilter::CreateFromString(config, "bogus", &filter).ToString());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
