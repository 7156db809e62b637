// Copyright (c) the rocksdb-cleanroom authors.
//
// FlushIterator against what RocksDB 7.8.3's flush wrote for the same
// memtable contents (observed with sst_dump --command=scan on tables
// flushed by Debian's librocksdb). Entries are written "key seq type
// value" with types P(ut) D(elete) S(ingleDelete) M(erge).

#include "db/flush_iterator.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// A sorted in-memory InternalIterator (forward use only).
class VectorIter : public InternalIterator {
 public:
  VectorIter(std::vector<std::pair<std::string, std::string>> entries,
             const InternalKeyComparator& icmp)
      : entries_(std::move(entries)) {
    std::sort(entries_.begin(), entries_.end(),
              [&icmp](const auto& a, const auto& b) {
                return icmp.Compare(a.first, b.first) < 0;
              });
  }
  bool Valid() const override { return pos_ < entries_.size(); }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override { pos_ = entries_.size() - 1; }
  void Seek(const Slice&) override { pos_ = 0; }
  void SeekForPrev(const Slice&) override { pos_ = 0; }
  void Next() override { ++pos_; }
  void Prev() override { --pos_; }
  Slice key() const override { return entries_[pos_].first; }
  Slice value() const override { return entries_[pos_].second; }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  size_t pos_ = 0;
};

// Concatenates operands with ',' (RocksDB's StringAppendOperator shape),
// with partial merges.
class Concat : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing != nullptr
                     ? existing->ToString() + "," + value.ToString()
                     : value.ToString();
    return true;
  }
  const char* Name() const override { return "Concat"; }
};

// Full merges only: "<base or NB>+op+op".
class NoPartial : public MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in,
                   MergeOperationOutput* out) const override {
    std::string r =
        in.existing_value != nullptr ? in.existing_value->ToString() : "NB";
    for (const Slice& op : in.operand_list) r += "+" + op.ToString();
    out->new_value = r;
    return true;
  }
  const char* Name() const override { return "NoPartial"; }
};

ValueType TypeOf(char c) {
  switch (c) {
    case 'P':
      return kTypeValue;
    case 'D':
      return kTypeDeletion;
    case 'S':
      return kTypeSingleDeletion;
    default:
      return kTypeMerge;
  }
}

char CharOf(ValueType t) {
  switch (t) {
    case kTypeValue:
      return 'P';
    case kTypeDeletion:
      return 'D';
    case kTypeSingleDeletion:
      return 'S';
    default:
      return 'M';
  }
}

struct Case {
  std::vector<std::string> input;  // "key seq T [value]"
  std::vector<SequenceNumber> snapshots;
  std::vector<std::string> expected;  // same form, output order
};

class FlushIteratorTest : public ::testing::Test {
 protected:
  FlushIteratorTest() : icmp_(BytewiseComparator()) {}

  // Runs the iterator; returns the output lines or "ERROR <status>".
  std::vector<std::string> Run(
      const std::vector<std::string>& input,
      const std::vector<SequenceNumber>& snapshots, const MergeOperator* op,
      const FragmentedRangeTombstoneList* tombstones = nullptr) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const std::string& line : input) {
      char key[64] = {0}, type = 0, value[64] = {0};
      unsigned long long seq = 0;
      const int n =
          sscanf(line.c_str(), "%63s %llu %c %63s", key, &seq, &type, value);
      EXPECT_GE(n, 3) << line;
      std::string ikey;
      AppendInternalKey(&ikey, ParsedInternalKey(key, seq, TypeOf(type)));
      entries.emplace_back(ikey, n == 4 ? value : "");
    }
    VectorIter iter(entries, icmp_);
    FlushIterator flush(&iter, icmp_, op, snapshots, tombstones, nullptr);
    std::vector<std::string> out;
    for (flush.SeekToFirst(); flush.Valid(); flush.Next()) {
      ParsedInternalKey parsed;
      EXPECT_TRUE(ParseInternalKey(flush.key(), &parsed, false).ok());
      std::string line = parsed.user_key.ToString() + " " +
                         std::to_string(parsed.sequence) + " " +
                         CharOf(parsed.type);
      if (!flush.value().empty()) line += " " + flush.value().ToString();
      out.push_back(line);
    }
    if (!flush.status().ok())
      out.push_back("ERROR " + flush.status().ToString());
    return out;
  }

  InternalKeyComparator icmp_;
  Concat concat_;
  NoPartial no_partial_;
};

TEST_F(FlushIteratorTest, NoSnapshotsMatchesRocksDB) {
  // The workload of a flush observed with sst_dump (Concat operator).
  const std::vector<std::string> input = {
      "a 1 P 1",   "a 2 P 2",   "b 3 P 1",  "b 4 D",     "c 5 P 1",
      "c 6 S",     "d 7 S",     "e 8 M m1", "e 9 M m2",  "f 10 P base",
      "f 11 M m1", "f 12 M m2", "g 13 D",   "g 14 M m1", "h 15 P 1",
      "h 16 P 2",  "h 17 S",    "i 18 P 1", "i 19 D",    "i 20 P 2",
      "j 24 P 1",  "j 25 S",    "j 26 S",   "k 27 P 1",  "k 28 D",
      "k 29 D"};
  const std::vector<std::string> expected = {
      "a 2 P 2",           "b 4 D",     "d 7 S",    "e 9 M m1,m2",
      "f 12 P base,m1,m2", "g 14 P m1", "i 20 P 2", "k 29 D"};
  EXPECT_EQ(expected, Run(input, {}, &concat_));
}

TEST_F(FlushIteratorTest, SnapshotStripesMatchRocksDB) {
  const std::vector<std::string> input = {
      "a 1 P 1",   "a 2 P 2",   "a 3 P 3",   "b 4 M m1",  "b 5 M m2",
      "b 6 M m3",  "c 7 P 1",   "c 8 S",     "d 9 P 1",   "d 10 D",
      "d 11 M m",  "e 12 P 1",  "e 13 S",    "e 14 P 2",  "f 15 P base",
      "f 16 M m1", "f 17 M m2", "g 18 M m1", "g 19 M m2", "v 27 P 1",
      "v 28 S",    "v 29 P 1",  "v 30 S",    "w 31 M m1", "w 32 S",
      "x 33 P 1",  "x 34 M m1", "x 35 S",    "y 36 S",    "y 37 P 1"};
  const std::vector<SequenceNumber> snapshots = {1, 4, 7, 10, 13, 21, 25};
  EXPECT_EQ((std::vector<std::string>{
                "a 3 P 3", "a 1 P 1", "b 6 M m2,m3", "b 4 M m1", "c 8 S",
                "c 7 P 1", "d 11 M m", "d 10 D", "e 14 P 2",
                "f 17 P base,m1,m2", "g 19 M m1,m2", "y 37 P 1", "y 36 S"}),
            Run(input, snapshots, &concat_));
  // Without partial merges the operands of a stripe stay separate.
  EXPECT_EQ(
      (std::vector<std::string>{
          "a 3 P 3", "a 1 P 1", "b 6 M m3", "b 5 M m2", "b 4 M m1", "c 8 S",
          "c 7 P 1", "d 11 M m", "d 10 D", "e 14 P 2", "f 17 P base+m1+m2",
          "g 19 M m2", "g 18 M m1", "y 37 P 1", "y 36 S"}),
      Run(input, snapshots, &no_partial_));
}

TEST_F(FlushIteratorTest, SingleDeletePatternsMatchRocksDB) {
  // Each pattern is written oldest first; expected as sst_dump showed.
  struct Pattern {
    const char* ops;
    std::vector<std::string> expected;
  };
  const std::vector<Pattern> patterns = {
      {"PSP", {"k 3 P v"}},
      {"SPP", {"k 3 P v", "k 1 S"}},
      {"SDP", {"k 3 P v", "k 1 S"}},
      {"SSP", {"k 3 P v", "k 1 S"}},
      {"SMP", {"k 3 P v", "k 1 S"}},
      {"MSP", {"k 3 P v"}},
      {"SP", {"k 2 P v", "k 1 S"}},
      {"SM", {"k 2 P m"}},
      {"SD", {"k 2 D", "k 1 S"}},
      {"SS", {"k 1 S"}},
      {"MS", {}},
      {"PSM", {"k 3 P m"}},
      {"SPSP", {"k 4 P v", "k 1 S"}},
      {"SSPP", {"k 4 P v", "k 1 S"}},
      {"SPD", {"k 3 D", "k 1 S"}},
      {"PSS", {}},
      {"PSSP", {"k 4 P v"}},
      {"MSM", {"k 3 P m"}},
      {"MMS", {}},
      {"SMM", {"k 3 P m,m"}},
      {"PMS", {}},
      {"MPS", {}},
  };
  for (const Pattern& p : patterns) {
    std::vector<std::string> input;
    SequenceNumber seq = 0;
    for (const char* c = p.ops; *c != '\0'; ++c) {
      ++seq;
      std::string line = "k " + std::to_string(seq) + " " + *c;
      if (*c == 'P') line += " v";
      if (*c == 'M') line += " m";
      input.push_back(line);
    }
    EXPECT_EQ(p.expected, Run(input, {}, &concat_)) << p.ops;
  }
}

TEST_F(FlushIteratorTest, SingleDeleteOverDeleteIsCorruption) {
  for (const char* ops : {"DS", "DSP", "PDS", "DSD"}) {
    std::vector<std::string> input;
    SequenceNumber seq = 0;
    for (const char* c = ops; *c != '\0'; ++c) {
      input.push_back("k " + std::to_string(++seq) + " " + *c +
                      (*c == 'P' ? " v" : ""));
    }
    std::vector<std::string> out = Run(input, {}, &concat_);
    ASSERT_FALSE(out.empty()) << ops;
    EXPECT_EQ(0u, out.back().find("ERROR Corruption: Found SD and type: 0 on "
                                  "the same key, violating the contract of "
                                  "SingleDelete."))
        << ops << ": " << out.back();
  }
}

TEST_F(FlushIteratorTest, RangeTombstonesDropCoveredEntriesOfTheirStripe) {
  // [h, i)@21 covers h1@20 (same stripe) but not h2@22; [t, u)@26 does
  // not cover t1@25, which a snapshot at 25 still sees.
  std::vector<std::pair<std::string, std::string>> tombstones;
  for (auto t :
       {std::make_tuple("h", "i", 21), std::make_tuple("t", "u", 26)}) {
    std::string key;
    AppendInternalKey(&key, ParsedInternalKey(std::get<0>(t), std::get<2>(t),
                                              kTypeRangeDeletion));
    tombstones.emplace_back(key, std::get<1>(t));
  }
  VectorIter tombstone_iter(tombstones, icmp_);
  FragmentedRangeTombstoneList list(&tombstone_iter, icmp_);
  const std::vector<std::string> input = {"h1 20 P x", "h2 22 P y", "t1 25 P x",
                                          "z 30 M m"};
  EXPECT_EQ((std::vector<std::string>{"h2 22 P y", "t1 25 P x", "z 30 M m"}),
            Run(input, {21, 25}, &concat_, &list));
  // Without the snapshot at 25, t1 is covered too; a covered base below a
  // merge makes it a full merge over nothing.
  const std::vector<std::string> merge_input = {"t1 25 P x", "t1 27 M m"};
  EXPECT_EQ((std::vector<std::string>{"t1 27 P m"}),
            Run(merge_input, {}, &concat_, &list));
  EXPECT_EQ((std::vector<std::string>{}),
            Run({"t1 25 P x"}, {}, &concat_, &list));
}

TEST_F(FlushIteratorTest, MergesWithoutOperatorStayAsTheyAre) {
  EXPECT_EQ((std::vector<std::string>{"k 3 M b", "k 2 M a", "k 1 P v"}),
            Run({"k 1 P v", "k 2 M a", "k 3 M b"}, {}, nullptr));
}

TEST_F(FlushIteratorTest, CountsEntries) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (int i = 0; i < 5; ++i) {
    std::string key;
    AppendInternalKey(&key, ParsedInternalKey("k", i + 1, kTypeValue));
    entries.emplace_back(key, "v");
  }
  VectorIter iter(entries, icmp_);
  FlushIterator flush(&iter, icmp_, nullptr, {}, nullptr, nullptr);
  int n = 0;
  for (flush.SeekToFirst(); flush.Valid(); flush.Next()) ++n;
  EXPECT_EQ(1, n);
  EXPECT_EQ(5u, flush.num_input_entries());
  EXPECT_EQ(1u, flush.num_output_entries());
  EXPECT_TRUE(flush.status().ok());
}

TEST_F(FlushIteratorTest, StripeOf) {
  const std::vector<SequenceNumber> snaps = {5, 10};
  EXPECT_EQ(0u, FlushIterator::StripeOf(snaps, 1));
  EXPECT_EQ(0u, FlushIterator::StripeOf(snaps, 5));
  EXPECT_EQ(1u, FlushIterator::StripeOf(snaps, 6));
  EXPECT_EQ(1u, FlushIterator::StripeOf(snaps, 10));
  EXPECT_EQ(2u, FlushIterator::StripeOf(snaps, 11));
  EXPECT_EQ(0u, FlushIterator::StripeOf({}, 11));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
