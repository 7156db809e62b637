// Copyright (c) the rocksdb-cleanroom authors.
//
// Expected values were observed with Debian's RocksDB 7.8.3
// (MergeOperator::CreateFromString + FullMergeV2 / PartialMerge /
// PartialMergeMulti called directly).

#include "util/merge_operators.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "rocksdb/convenience.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string U64(uint64_t v) {
  std::string s;
  PutFixed64(&s, v);
  return s;
}

struct MergeResult {
  bool ok;
  std::string value;
  bool via_existing_operand;
};

MergeResult Full(const MergeOperator& op, const std::string* existing,
                 const std::vector<std::string>& operands) {
  std::vector<Slice> slices(operands.begin(), operands.end());
  Slice existing_slice;
  if (existing != nullptr) existing_slice = *existing;
  MergeOperator::MergeOperationInput in(
      "k", existing != nullptr ? &existing_slice : nullptr, slices, nullptr);
  std::string new_value;
  Slice existing_operand(nullptr, 0);
  MergeOperator::MergeOperationOutput out(new_value, existing_operand);
  MergeResult r;
  r.ok = op.FullMergeV2(in, &out);
  r.via_existing_operand = existing_operand.data() != nullptr;
  r.value = r.via_existing_operand ? existing_operand.ToString() : new_value;
  return r;
}

std::string FullOk(const MergeOperator& op, const std::string* existing,
                   const std::vector<std::string>& operands) {
  MergeResult r = Full(op, existing, operands);
  EXPECT_TRUE(r.ok);
  return r.value;
}

bool Partial(const MergeOperator& op, const std::string& l,
             const std::string& r, std::string* out) {
  out->clear();
  return op.PartialMerge("k", l, r, out, nullptr);
}

bool PartialMulti(const MergeOperator& op,
                  const std::vector<std::string>& operands, std::string* out) {
  out->clear();
  std::deque<Slice> d(operands.begin(), operands.end());
  return op.PartialMergeMulti("k", d, out, nullptr);
}

std::shared_ptr<MergeOperator> Create(const std::string& id) {
  std::shared_ptr<MergeOperator> op;
  ConfigOptions config;
  config.ignore_unsupported_options = false;
  Status s = MergeOperator::CreateFromString(config, id, &op);
  EXPECT_TRUE(s.ok()) << id << ": " << s.ToString();
  return op;
}

TEST(MergeOperatorsTest, IdsAndNames) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"put", "PutOperator"},
      {"put_v1", "PutOperator"},
      {"PutOperator", "PutOperator"},
      {"uint64add", "UInt64AddOperator"},
      {"UInt64AddOperator", "UInt64AddOperator"},
      {"max", "MaxOperator"},
      {"MaxOperator", "MaxOperator"},
      {"stringappend", "StringAppendOperator"},
      {"StringAppendOperator", "StringAppendOperator"},
      {"stringappendtest", "StringAppendTESTOperator"},
      {"StringAppendTESTOperator", "StringAppendTESTOperator"},
      {"bytesxor", "BytesXOR"},
      {"BytesXOR", "BytesXOR"},
      {"sortlist", "MergeSortOperator"},
      {"MergeSortOperator", "MergeSortOperator"},
  };
  for (const auto& c : cases) {
    auto op = Create(c.first);
    ASSERT_NE(nullptr, op) << c.first;
    EXPECT_STREQ(c.second.c_str(), op->Name());
    EXPECT_EQ(c.second, op->GetId());
    EXPECT_FALSE(op->AllowSingleOperand());
    EXPECT_NE(nullptr, MergeOperators::CreateFromStringId(c.first));
  }
  EXPECT_EQ(nullptr, MergeOperators::CreateFromStringId("BytesXOROperator"));
  EXPECT_EQ(nullptr, MergeOperators::CreateFromStringId("AggMergeOperator"));
}

TEST(MergeOperatorsTest, CreateFromStringErrorsAndOptions) {
  ConfigOptions strict;
  strict.ignore_unsupported_options = false;
  std::shared_ptr<MergeOperator> op;
  EXPECT_EQ("Not implemented: Could not load MergeOperator: BytesXOROperator",
            MergeOperator::CreateFromString(strict, "BytesXOROperator", &op)
                .ToString());
  EXPECT_EQ("Not implemented: Could not load MergeOperator: stringappend:x",
            MergeOperator::CreateFromString(strict, "stringappend:x", &op)
                .ToString());
  ConfigOptions lenient;
  EXPECT_TRUE(MergeOperator::CreateFromString(lenient, "unknown", &op).ok());
  EXPECT_EQ(nullptr, op);

  // An unknown option fails, but the operator is created anyway.
  Status s =
      MergeOperator::CreateFromString(strict, "id=uint64add;foo=bar", &op);
  EXPECT_EQ("NotFound: Could not find option: : foo", s.ToString());
  ASSERT_NE(nullptr, op);
  EXPECT_STREQ("UInt64AddOperator", op->Name());

  ConfigOptions config;
  op = Create("id=stringappend;delimiter=;");
  EXPECT_EQ("StringAppendOperator", op->ToString(config));
  std::string a = "a";
  EXPECT_EQ("ab", FullOk(*op, &a, {"b"}));
  op = Create("{id=stringappend;delimiter=|}");
  EXPECT_EQ("{id=StringAppendOperator;delimiter=|;}", op->ToString(config));
  EXPECT_EQ("a|b|c", FullOk(*op, &a, {"b", "c"}));
  op = Create("id=StringAppendOperator; delimiter=ab");
  EXPECT_EQ("aabb", FullOk(*op, &a, {"b"}));
  std::string delim;
  ASSERT_TRUE(op->GetOption(config, "delimiter", &delim).ok());
  EXPECT_EQ("ab", delim);

  op = Create("stringappend");
  EXPECT_EQ("{id=StringAppendOperator;delimiter=,;}", op->ToString(config));
  EXPECT_EQ("{id=StringAppendTESTOperator;delimiter=,;}",
            Create("stringappendtest")->ToString(config));
  EXPECT_EQ("UInt64AddOperator", Create("uint64add")->ToString(config));
  std::string mismatch;
  EXPECT_FALSE(op->AreEquivalent(
      config, MergeOperators::CreateStringAppendOperator('|').get(),
      &mismatch));
  EXPECT_EQ("delimiter", mismatch);
  EXPECT_TRUE(op->AreEquivalent(
      config, MergeOperators::CreateStringAppendOperator(',').get(),
      &mismatch));
}

TEST(MergeOperatorsTest, UInt64Add) {
  auto op = Create("uint64add");
  const std::string five = U64(5);
  const std::string bad = "abc";
  EXPECT_EQ(U64(3), FullOk(*op, nullptr, {U64(1), U64(2)}));
  EXPECT_EQ(U64(8), FullOk(*op, &five, {U64(1), U64(2)}));
  EXPECT_EQ(U64(1), FullOk(*op, &bad, {U64(1)}));
  EXPECT_EQ(U64(7), FullOk(*op, &five, {"xyz", U64(2)}));
  EXPECT_EQ(U64(0), FullOk(*op, nullptr, {"xyz"}));
  EXPECT_EQ(U64(4), FullOk(*op, &five, {U64(~0ull)}));  // wraps
  EXPECT_EQ(U64(5), FullOk(*op, &five, {std::string(9, '\1')}));
  EXPECT_EQ(U64(5), FullOk(*op, &five, {std::string()}));
  std::string out;
  ASSERT_TRUE(Partial(*op, U64(1), U64(2), &out));
  EXPECT_EQ(U64(3), out);
  ASSERT_TRUE(Partial(*op, "xyz", U64(2), &out));
  EXPECT_EQ(U64(2), out);
  ASSERT_TRUE(PartialMulti(*op, {U64(1), U64(2), U64(40)}, &out));
  EXPECT_EQ(U64(43), out);
}

TEST(MergeOperatorsTest, StringAppend) {
  auto op = Create("stringappend");
  const std::string a = "a";
  const std::string empty;
  EXPECT_EQ("b,c", FullOk(*op, nullptr, {"b", "c"}));
  EXPECT_EQ("a,b,c", FullOk(*op, &a, {"b", "c"}));
  EXPECT_EQ(",b", FullOk(*op, &empty, {"b"}));
  EXPECT_EQ("a,", FullOk(*op, &a, {""}));
  EXPECT_EQ("x", FullOk(*op, nullptr, {"x"}));
  std::string out;
  ASSERT_TRUE(Partial(*op, "b", "c", &out));
  EXPECT_EQ("b,c", out);
  ASSERT_TRUE(PartialMulti(*op, {"b", "c"}, &out));
  EXPECT_EQ("b,c", out);
  EXPECT_EQ("a;b", FullOk(*MergeOperators::CreateStringAppendOperator(';'), &a,
                          {"b"}));
}

TEST(MergeOperatorsTest, StringAppendTest) {
  auto op = Create("stringappendtest");
  const std::string a = "a";
  EXPECT_EQ("b,c", FullOk(*op, nullptr, {"b", "c"}));
  EXPECT_EQ("a,b,c", FullOk(*op, &a, {"b", "c"}));
  EXPECT_EQ("a,b", FullOk(*op, &a, {"b"}));
  MergeResult single = Full(*op, nullptr, {"x"});
  EXPECT_TRUE(single.ok);
  EXPECT_EQ("x", single.value);
  EXPECT_TRUE(single.via_existing_operand);
  std::string out;
  EXPECT_FALSE(Partial(*op, "b", "c", &out));
  EXPECT_FALSE(PartialMulti(*op, {"b", "c"}, &out));
}

TEST(MergeOperatorsTest, Put) {
  const std::string a = "a";
  for (const char* id : {"put", "put_v1"}) {
    auto op = Create(id);
    EXPECT_EQ("c", FullOk(*op, nullptr, {"b", "c"})) << id;
    EXPECT_EQ("c", FullOk(*op, &a, {"b", "c"})) << id;
    std::string out;
    ASSERT_TRUE(Partial(*op, "b", "c", &out));
    EXPECT_EQ("c", out);
    ASSERT_TRUE(PartialMulti(*op, {"b", "c", "d"}, &out));
    EXPECT_EQ("d", out);
  }
  EXPECT_TRUE(Full(*Create("put"), &a, {"b"}).via_existing_operand);
  EXPECT_FALSE(Full(*Create("put_v1"), &a, {"b"}).via_existing_operand);
}

TEST(MergeOperatorsTest, Max) {
  auto op = Create("max");
  const std::string m = "m";
  const std::string mm = "mm";
  EXPECT_EQ("c", FullOk(*op, nullptr, {"b", "c", "a"}));
  EXPECT_EQ("mm", FullOk(*op, &m, {"b", "mm"}));
  EXPECT_EQ("mm", FullOk(*op, &mm, {"m"}));
  EXPECT_EQ("mm", FullOk(*op, &mm, {""}));
  EXPECT_EQ("zz", FullOk(*op, nullptr, {"b", "zz", "c"}));
  std::string out;
  ASSERT_TRUE(Partial(*op, "b", "c", &out));
  EXPECT_EQ("c", out);
  ASSERT_TRUE(PartialMulti(*op, {"b", "zz", "c"}, &out));
  EXPECT_EQ("zz", out);
}

TEST(MergeOperatorsTest, BytesXor) {
  auto op = Create("bytesxor");
  const std::string x1("\x0f\xf0\x55", 3);
  EXPECT_EQ("ab", FullOk(*op, nullptr, {"ab"}));
  EXPECT_EQ(std::string("\x6e\x92\x55", 3), FullOk(*op, &x1, {"ab"}));
  EXPECT_EQ(std::string("\x6e\x92\x36\x64", 4), FullOk(*op, &x1, {"abcd"}));
  EXPECT_EQ(std::string("\x0c\x93\x31\x65\x66", 5),
            FullOk(*op, &x1, {"a", "bcdef"}));
  std::string out;
  ASSERT_TRUE(Partial(*op, "a", "bcdef", &out));
  EXPECT_EQ(std::string("\x03\x63\x64\x65\x66", 5), out);
}

TEST(MergeOperatorsTest, SortList) {
  auto op = Create("sortlist");
  const std::string one_three = "1,3";
  const std::string x = "x";
  EXPECT_EQ("1", FullOk(*op, nullptr, {"1"}));
  EXPECT_EQ("1,2,3", FullOk(*op, nullptr, {"1,3", "2"}));
  EXPECT_EQ("2", FullOk(*op, &one_three, {"2"}));  // existing value ignored
  EXPECT_EQ("3", FullOk(*op, &x, {"3"}));
  EXPECT_EQ("2,5,4,9", FullOk(*op, nullptr, {"5,4", "2,9"}));
  EXPECT_EQ("1,2,3", FullOk(*op, nullptr, {"3", "2", "1"}));
  EXPECT_EQ("0,1,2,3,4,5", FullOk(*op, nullptr, {"1,2,3", "4,5", "0"}));
  EXPECT_EQ("9,10", FullOk(*op, nullptr, {"10", "9"}));
  EXPECT_EQ("-1,0", FullOk(*op, nullptr, {"-1", "0"}));
  // RocksDB throws std::invalid_argument on these; we fail the merge.
  EXPECT_FALSE(Full(*op, nullptr, {"1,,2", "3"}).ok);
  EXPECT_FALSE(Full(*op, nullptr, {"1,", "3"}).ok);
  EXPECT_FALSE(Full(*op, nullptr, {"a", "1"}).ok);
  EXPECT_FALSE(Full(*op, nullptr, {"", "3"}).ok);
  EXPECT_FALSE(Full(*op, nullptr, {"99999999999"}).ok);
  std::string out;
  ASSERT_TRUE(Partial(*op, "1,3", "2", &out));
  EXPECT_EQ("1,2,3", out);
  ASSERT_TRUE(Partial(*op, "3", "1", &out));
  EXPECT_EQ("1,3", out);
  ASSERT_TRUE(PartialMulti(*op, {"1,3", "2"}, &out));
  EXPECT_EQ("", out);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
