// Copyright (c) the rocksdb-cleanroom authors.
//
// Default behaviour of the MergeOperator and AssociativeMergeOperator base
// classes.

#include "rocksdb/merge_operator.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Old-style operator: only FullMerge() and PartialMerge(), joining with
// ','. Partial merges are refused for operands starting with '!'.
class JoinOperator : public MergeOperator {
 public:
  const char* Name() const override { return "JoinOperator"; }

  bool FullMerge(const Slice& /*key*/, const Slice* existing_value,
                 const std::deque<std::string>& operand_list,
                 std::string* new_value, Logger* /*logger*/) const override {
    full_merge_calls++;
    new_value->clear();
    if (existing_value != nullptr)
      new_value->assign(existing_value->ToString());
    for (const std::string& op : operand_list) {
      if (op == "corrupt") return false;
      if (!new_value->empty()) new_value->push_back(',');
      new_value->append(op);
    }
    return true;
  }

  bool PartialMerge(const Slice& /*key*/, const Slice& left, const Slice& right,
                    std::string* new_value, Logger* /*logger*/) const override {
    if (right.starts_with("!")) return false;
    *new_value = left.ToString() + "+" + right.ToString();
    return true;
  }

  mutable int full_merge_calls = 0;
};

// Sums decimal integers.
class SumOperator : public AssociativeMergeOperator {
 public:
  const char* Name() const override { return "SumOperator"; }
  bool Merge(const Slice& /*key*/, const Slice* existing_value,
             const Slice& value, std::string* new_value,
             Logger* /*logger*/) const override {
    if (value == Slice("bad")) return false;
    long base =
        existing_value == nullptr ? 0 : std::stol(existing_value->ToString());
    *new_value = std::to_string(base + std::stol(value.ToString()));
    return true;
  }
};

bool RunFullMergeV2(const MergeOperator& op, const Slice* existing,
                    const std::vector<Slice>& operands, std::string* out) {
  Slice existing_operand;
  MergeOperator::MergeOperationInput in("key", existing, operands, nullptr);
  MergeOperator::MergeOperationOutput result(*out, existing_operand);
  return op.FullMergeV2(in, &result);
}

TEST(MergeOperatorTest, FullMergeV2FallsBackToFullMerge) {
  JoinOperator op;
  std::string out;
  Slice base("base");
  ASSERT_TRUE(RunFullMergeV2(op, &base, {"a", "b"}, &out));
  EXPECT_EQ("base,a,b", out);
  EXPECT_EQ(1, op.full_merge_calls);
  ASSERT_TRUE(RunFullMergeV2(op, nullptr, {"x"}, &out));
  EXPECT_EQ("x", out);
  EXPECT_FALSE(RunFullMergeV2(op, nullptr, {"x", "corrupt"}, &out));
}

TEST(MergeOperatorTest, PartialMergeMultiFoldsPartialMerge) {
  JoinOperator op;
  std::string out = "untouched";
  EXPECT_TRUE(op.PartialMergeMulti("key", {"a", "b", "c"}, &out, nullptr));
  EXPECT_EQ("a+b+c", out);
  out = "untouched";
  EXPECT_FALSE(op.PartialMergeMulti("key", {"a", "b", "!c"}, &out, nullptr));
  EXPECT_FALSE(op.PartialMergeMulti("key", {"a", "!b"}, &out, nullptr));
  EXPECT_EQ("untouched", out);
}

TEST(MergeOperatorTest, BaseDefaults) {
  JoinOperator op;
  EXPECT_FALSE(op.AllowSingleOperand());
  EXPECT_FALSE(op.ShouldMerge({"a", "b"}));
  std::string out;
  EXPECT_EQ("JoinOperator", op.GetId());

  // An operator overriding nothing fails every merge instead of crashing.
  class Empty : public MergeOperator {
   public:
    const char* Name() const override { return "Empty"; }
  } empty;
  EXPECT_FALSE(RunFullMergeV2(empty, nullptr, {"a"}, &out));
  EXPECT_FALSE(empty.PartialMerge("k", "a", "b", &out, nullptr));
  EXPECT_FALSE(empty.PartialMergeMulti("k", {"a", "b"}, &out, nullptr));
}

TEST(AssociativeMergeOperatorTest, FullAndPartialMergeUseMerge) {
  SumOperator op;
  const MergeOperator& base = op;
  std::string out;
  Slice existing("10");
  ASSERT_TRUE(RunFullMergeV2(base, &existing, {"1", "2", "3"}, &out));
  EXPECT_EQ("16", out);
  ASSERT_TRUE(RunFullMergeV2(base, nullptr, {"5", "-7"}, &out));
  EXPECT_EQ("-2", out);
  EXPECT_FALSE(RunFullMergeV2(base, nullptr, {"5", "bad"}, &out));

  ASSERT_TRUE(base.PartialMerge("k", "4", "5", &out, nullptr));
  EXPECT_EQ("9", out);
  ASSERT_TRUE(base.PartialMergeMulti("k", {"1", "2", "3", "4"}, &out, nullptr));
  EXPECT_EQ("10", out);
}

TEST(MergeOperatorTest, CreateFromString) {
  ConfigOptions config;
  std::shared_ptr<MergeOperator> op;
  EXPECT_TRUE(MergeOperator::CreateFromString(config, "", &op).ok());
  EXPECT_EQ(nullptr, op);
  EXPECT_TRUE(MergeOperator::CreateFromString(config, "bogus", &op).ok());
  EXPECT_EQ(nullptr, op);
  ASSERT_TRUE(MergeOperator::CreateFromString(config, "uint64add", &op).ok());
  ASSERT_NE(nullptr, op);
  EXPECT_STREQ("UInt64AddOperator", op->Name());
  config.ignore_unsupported_options = false;
  EXPECT_EQ("Not implemented: Could not load MergeOperator: bogus",
            MergeOperator::CreateFromString(config, "bogus", &op).ToString());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
