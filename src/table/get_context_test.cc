// Copyright (c) the rocksdb-cleanroom authors.
//
// GetContext decisions: values, deletions, range tombstones, merge
// operands continuing from the memtables, pinning, entities and blobs.

#include "table/get_context.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Joins operands with ',' (oldest first); the base, if any, comes first.
class AppendOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    if (value == "fail") return false;
    *new_value = existing == nullptr
                     ? value.ToString()
                     : existing->ToString() + "," + value.ToString();
    return true;
  }
  const char* Name() const override { return "AppendOperator"; }
};

// One lookup of "k" with its own value, operands and tombstone sequence.
struct Lookup {
  explicit Lookup(const MergeOperator* op = nullptr,
                  GetContext::GetState init = GetContext::kNotFound,
                  std::vector<std::string> operands = {})
      : merge_operands(std::move(operands)),
        ctx(BytewiseComparator(), op, nullptr, nullptr, init, "k", &value,
            &value_found, &merge_operands, &covering, nullptr, &seq) {}

  // Feeds one entry; returns SaveValue's answer.
  bool Feed(const std::string& ukey, SequenceNumber s, ValueType t,
            const Slice& v, Cleanable* pinner = nullptr) {
    bool matched = false;
    bool more =
        ctx.SaveValue(ParsedInternalKey(ukey, s, t), v, &matched, pinner);
    last_matched = matched;
    return more;
  }

  PinnableSlice value;
  bool value_found = true;
  std::vector<std::string> merge_operands;
  SequenceNumber covering = 0;
  SequenceNumber seq = 0;
  bool last_matched = false;
  GetContext ctx;
};

TEST(GetContextTest, ValueIsFound) {
  Lookup l;
  EXPECT_FALSE(l.Feed("k", 7, kTypeValue, "v7"));
  EXPECT_TRUE(l.last_matched);
  EXPECT_EQ(GetContext::kFound, l.ctx.State());
  EXPECT_EQ("v7", l.value.ToString());
  EXPECT_EQ(7u, l.seq);
  EXPECT_TRUE(l.ctx.status().ok());
}

TEST(GetContextTest, OtherUserKeyDoesNotMatch) {
  Lookup l;
  EXPECT_FALSE(l.Feed("l", 7, kTypeValue, "v"));
  EXPECT_FALSE(l.last_matched);
  EXPECT_EQ(GetContext::kNotFound, l.ctx.State());
}

TEST(GetContextTest, DeletionsDelete) {
  for (ValueType t :
       {kTypeDeletion, kTypeSingleDeletion, kTypeDeletionWithTimestamp}) {
    Lookup l;
    EXPECT_FALSE(l.Feed("k", 3, t, ""));
    EXPECT_EQ(GetContext::kDeleted, l.ctx.State());
  }
}

TEST(GetContextTest, RangeTombstoneCoversOlderEntries) {
  Lookup l;
  l.covering = 9;
  EXPECT_FALSE(l.Feed("k", 5, kTypeValue, "old"));
  EXPECT_EQ(GetContext::kDeleted, l.ctx.State());
  EXPECT_EQ(9u, l.seq);  // the tombstone is newer than the entry
  Lookup newer;
  newer.covering = 9;
  EXPECT_FALSE(newer.Feed("k", 12, kTypeValue, "new"));
  EXPECT_EQ(GetContext::kFound, newer.ctx.State());
  EXPECT_EQ("new", newer.value.ToString());
}

TEST(GetContextTest, MergeOperandsCollectThenMergeOntoBase) {
  AppendOperator op;
  Lookup l(&op, GetContext::kMerge, {"m3"});  // the memtables met m3
  EXPECT_TRUE(l.Feed("k", 2, kTypeMerge, "m2"));
  EXPECT_EQ(GetContext::kMerge, l.ctx.State());
  EXPECT_FALSE(l.Feed("k", 1, kTypeValue, "base"));
  EXPECT_EQ(GetContext::kFound, l.ctx.State());
  EXPECT_EQ("base,m2,m3", l.value.ToString());
}

TEST(GetContextTest, MergeOverDeletionOrNothing) {
  AppendOperator op;
  Lookup del(&op);
  EXPECT_TRUE(del.Feed("k", 4, kTypeMerge, "a"));
  EXPECT_FALSE(del.Feed("k", 3, kTypeDeletion, ""));
  EXPECT_EQ(GetContext::kFound, del.ctx.State());
  EXPECT_EQ("a", del.value.ToString());

  Lookup none(&op);
  EXPECT_TRUE(none.Feed("k", 4, kTypeMerge, "b"));
  EXPECT_TRUE(none.Feed("k", 3, kTypeMerge, "a"));
  EXPECT_TRUE(none.ctx.FinishMerge().ok());
  EXPECT_EQ(GetContext::kFound, none.ctx.State());
  EXPECT_EQ("a,b", none.value.ToString());

  Lookup covered(&op);
  EXPECT_TRUE(covered.Feed("k", 8, kTypeMerge, "x"));
  covered.covering = 8;
  EXPECT_FALSE(covered.Feed("k", 6, kTypeValue, "hidden"));
  EXPECT_EQ("x", covered.value.ToString());
}

TEST(GetContextTest, MergeErrors) {
  Lookup no_operator;
  EXPECT_FALSE(no_operator.Feed("k", 4, kTypeMerge, "a"));
  EXPECT_EQ(GetContext::kCorrupt, no_operator.ctx.State());
  EXPECT_TRUE(no_operator.ctx.status().IsInvalidArgument());

  AppendOperator op;
  Lookup failing(&op);
  EXPECT_TRUE(failing.Feed("k", 4, kTypeMerge, "fail"));
  EXPECT_FALSE(failing.Feed("k", 3, kTypeValue, "base"));
  EXPECT_EQ(GetContext::kCorrupt, failing.ctx.State());
  EXPECT_TRUE(failing.ctx.status().IsCorruption());
}

TEST(GetContextTest, BlobIndexIsUnexpected) {
  Lookup l;
  EXPECT_FALSE(l.Feed("k", 4, kTypeBlobIndex, "blob"));
  EXPECT_EQ(GetContext::kUnexpectedBlobIndex, l.ctx.State());
}

TEST(GetContextTest, EntityGivesDefaultColumn) {
  // version 1, two columns: "" -> "dv", "c" -> "cv".
  std::string entity;
  PutVarint32(&entity, 1);
  PutVarint32(&entity, 2);
  PutLengthPrefixedSlice(&entity, "");
  PutVarint32(&entity, 2);
  PutLengthPrefixedSlice(&entity, "c");
  PutVarint32(&entity, 2);
  entity += "dvcv";
  Lookup l;
  EXPECT_FALSE(l.Feed("k", 4, kTypeWideColumnEntity, entity));
  EXPECT_EQ(GetContext::kFound, l.ctx.State());
  EXPECT_EQ("dv", l.value.ToString());

  Lookup bad;
  EXPECT_FALSE(bad.Feed("k", 4, kTypeWideColumnEntity, "\x01\x05"));
  EXPECT_EQ(GetContext::kCorrupt, bad.ctx.State());
}

void Count(void* arg1, void*) { ++*static_cast<int*>(arg1); }

TEST(GetContextTest, PinsInsteadOfCopying) {
  int released = 0;
  std::string block = "pinned-bytes";
  Lookup l;
  {
    Cleanable pinner;
    pinner.RegisterCleanup(&Count, &released, nullptr);
    EXPECT_FALSE(l.Feed("k", 1, kTypeValue, Slice(block), &pinner));
  }
  EXPECT_EQ(0, released);  // the value holds the pin now
  EXPECT_TRUE(l.value.IsPinned());
  EXPECT_EQ(block.data(), l.value.data());
  l.value.Reset();
  EXPECT_EQ(1, released);
}

TEST(GetContextTest, DecidedLookupIgnoresLaterEntries) {
  Lookup l;
  EXPECT_FALSE(l.Feed("k", 5, kTypeValue, "new"));
  EXPECT_FALSE(l.Feed("k", 4, kTypeDeletion, ""));
  EXPECT_EQ(GetContext::kFound, l.ctx.State());
  EXPECT_EQ("new", l.value.ToString());
}

TEST(GetContextTest, MarkKeyMayExist) {
  Lookup l;
  l.ctx.MarkKeyMayExist();
  EXPECT_EQ(GetContext::kFound, l.ctx.State());
  EXPECT_FALSE(l.value_found);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
