// Copyright (c) the rocksdb-cleanroom authors.
//
// max_successive_merges in MemTableInserter. The expected memtable
// contents reproduce what RocksDB 7.8.3 was observed to store (a recording
// merge operator showed when it resolves a merge and with which inputs).

#include "db/memtable_inserter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "memtable/memtable.h"
#include "memtable/merge_helper.h"
#include "rocksdb/comparator.h"
#include "rocksdb/write_batch.h"
#include "util/merge_operators.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class MemTableInserterTest : public testing::Test {
 protected:
  MemTableInserterTest() : icmp_(BytewiseComparator()) {
    MemTableOptions opts;
    opts.merge_operator = MergeOperators::CreateStringAppendOperator();
    mem_.reset(new MemTable(icmp_, opts, nullptr, kMaxSequenceNumber));
    merge_opts_.max_successive_merges = 2;
    merge_opts_.merge_operator = opts.merge_operator.get();
  }

  // Applies batch at the next sequence numbers.
  void Write(WriteBatch* batch, bool concurrent = false) {
    ASSERT_TRUE(MemTableInserter::Insert(batch, mem_.get(), next_seq_,
                                         concurrent, false, merge_opts_)
                    .ok());
    next_seq_ += batch->Count();
  }
  void Merge(const std::string& key, const std::string& value) {
    WriteBatch b;
    ASSERT_TRUE(b.Merge(key, value).ok());
    Write(&b);
  }
  void Put(const std::string& key, const std::string& value) {
    WriteBatch b;
    ASSERT_TRUE(b.Put(key, value).ok());
    Write(&b);
  }

  // A DB read hook for a DB whose only data is mem_.
  void UseMemTableAsWholeDb() {
    merge_opts_.get = [this](const Slice& key, SequenceNumber read_seq,
                             std::string* value) {
      LookupKey lookup(key, read_seq);
      std::vector<std::string> operands;
      SequenceNumber covering = 0;
      Status s;
      if (mem_->Get(lookup, value, &s, &covering, nullptr, &operands)) {
        return s;
      }
      if (operands.empty()) return Status::NotFound();
      return FullMergeOperands(merge_opts_.merge_operator, key, nullptr,
                               operands, value, nullptr);
    };
  }

  // The entries of key, newest first: "M:v" merge, "P:v" put, "D" delete.
  std::string Entries(const std::string& key) {
    std::unique_ptr<InternalIterator> it(mem_->NewIterator());
    std::string out;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (ExtractUserKey(it->key()) != Slice(key)) continue;
      if (!out.empty()) out += " ";
      switch (ExtractValueType(it->key())) {
        case kTypeMerge:
          out += "M:" + it->value().ToString();
          break;
        case kTypeValue:
          out += "P:" + it->value().ToString();
          break;
        case kTypeDeletion:
          out += "D";
          break;
        default:
          out += "?";
      }
    }
    return out;
  }

  InternalKeyComparator icmp_;
  std::unique_ptr<MemTable> mem_;
  MemTableMergeOptions merge_opts_;
  SequenceNumber next_seq_ = 1;
};

TEST_F(MemTableInserterTest, ThirdMergeBecomesAPut) {
  UseMemTableAsWholeDb();
  for (const char* v : {"1", "2", "3", "4", "5"}) Merge("a", v);
  EXPECT_EQ("M:5 M:4 P:1,2,3 M:2 M:1", Entries("a"));
  Merge("a", "6");
  EXPECT_EQ("P:1,2,3,4,5,6 M:5 M:4 P:1,2,3 M:2 M:1", Entries("a"));
}

TEST_F(MemTableInserterTest, MergesOverAPutOrADelete) {
  Put("b", "B");
  for (const char* v : {"1", "2", "3"}) Merge("b", v);
  EXPECT_EQ("P:B,1,2,3 M:2 M:1 P:B", Entries("b"));

  WriteBatch del;
  ASSERT_TRUE(del.Delete("c").ok());
  Write(&del);
  for (const char* v : {"1", "2", "3"}) Merge("c", v);
  EXPECT_EQ("P:1,2,3 M:2 M:1 D", Entries("c"));
}

TEST_F(MemTableInserterTest, RecordsOfTheSameBatchCount) {
  UseMemTableAsWholeDb();
  WriteBatch b;
  for (const char* v : {"1", "2", "3", "4"}) ASSERT_TRUE(b.Merge("f", v).ok());
  Write(&b);
  EXPECT_EQ("M:4 P:1,2,3 M:2 M:1", Entries("f"));
}

// Operands hidden by a range tombstone still count, but the read then
// finds nothing and the operand is stored as it is.
TEST_F(MemTableInserterTest, RangeDeletedOperands) {
  Merge("g", "1");
  Merge("g", "2");
  WriteBatch b;
  ASSERT_TRUE(b.DeleteRange("g", "h").ok());
  Write(&b);
  Merge("g", "3");
  Merge("g", "4");
  Merge("g", "5");
  EXPECT_EQ("M:5 P:3,4 M:3 M:2 M:1", Entries("g"));
}

TEST_F(MemTableInserterTest, OffWhenDisabledOrConcurrent) {
  merge_opts_.max_successive_merges = 0;
  for (const char* v : {"1", "2", "3"}) Merge("a", v);
  EXPECT_EQ("M:3 M:2 M:1", Entries("a"));
  merge_opts_.max_successive_merges = 1;
  WriteBatch b;
  ASSERT_TRUE(b.Merge("a", "4").ok());
  Write(&b, /*concurrent=*/true);
  EXPECT_EQ("M:4 M:3 M:2 M:1", Entries("a"));
  merge_opts_.merge_operator = nullptr;
  Merge("a", "5");
  EXPECT_EQ("M:5 M:4 M:3 M:2 M:1", Entries("a"));
}

// Without a DB read hook, operands the memtable alone cannot resolve (older
// data might exist) are left alone.
TEST_F(MemTableInserterTest, WithoutReadHookOnlyTheMemTableDecides) {
  for (const char* v : {"1", "2", "3"}) Merge("a", v);
  EXPECT_EQ("M:3 M:2 M:1", Entries("a"));
}

// A hook supplies the value from the whole DB.
TEST_F(MemTableInserterTest, ReadHook) {
  std::vector<SequenceNumber> reads;
  merge_opts_.get = [&](const Slice& key, SequenceNumber read_seq,
                        std::string* value) {
    reads.push_back(read_seq);
    if (key == Slice("missing")) return Status::NotFound();
    *value = "D";
    return Status::OK();
  };
  Merge("d", "1");
  Merge("d", "2");
  EXPECT_TRUE(reads.empty());
  Merge("d", "3");  // at sequence 3
  ASSERT_EQ(1u, reads.size());
  EXPECT_EQ(2u, reads[0]);
  EXPECT_EQ("P:D,3 M:2 M:1", Entries("d"));

  for (const char* v : {"1", "2", "3"}) Merge("missing", v);
  EXPECT_EQ("M:3 M:2 M:1", Entries("missing"));

  merge_opts_.get = nullptr;
  merge_opts_.max_successive_merges = 1;
  // The memtable alone decides "d" (a Put on top): resolved.
  Merge("d", "4");
  Merge("d", "5");
  EXPECT_EQ("P:D,3,4,5 M:4 P:D,3 M:2 M:1", Entries("d"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
