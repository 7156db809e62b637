// Copyright (c) the rocksdb-cleanroom authors.

#include "table/range_tombstone_fragmenter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/comparator.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

struct Tomb {
  std::string begin;
  std::string end;
  SequenceNumber seq;
};

// An InternalIterator over (internal key, value) pairs kept in the order
// given (stored tombstone blocks need not be sorted for the fragmenter).
class PairIterator : public InternalIterator {
 public:
  explicit PairIterator(std::vector<std::pair<std::string, std::string>> kv,
                        Status status = Status::OK())
      : kv_(std::move(kv)), status_(std::move(status)) {}
  bool Valid() const override { return pos_ < kv_.size(); }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override { pos_ = kv_.empty() ? 0 : kv_.size() - 1; }
  void Seek(const Slice&) override { pos_ = kv_.size(); }
  void SeekForPrev(const Slice&) override { pos_ = kv_.size(); }
  void Next() override { ++pos_; }
  void Prev() override { pos_ = pos_ == 0 ? kv_.size() : pos_ - 1; }
  Slice key() const override { return kv_[pos_].first; }
  Slice value() const override { return kv_[pos_].second; }
  Status status() const override { return status_; }

 private:
  std::vector<std::pair<std::string, std::string>> kv_;
  size_t pos_ = 0;
  Status status_;
};

std::unique_ptr<InternalIterator> MakeIter(const std::vector<Tomb>& tombs) {
  std::vector<std::pair<std::string, std::string>> kv;
  for (const Tomb& t : tombs) {
    kv.emplace_back(
        InternalKey(t.begin, t.seq, kTypeRangeDeletion).Encode().ToString(),
        t.end);
  }
  return std::unique_ptr<InternalIterator>(new PairIterator(std::move(kv)));
}

SequenceNumber BruteForce(const std::vector<Tomb>& tombs, const Slice& key,
                          SequenceNumber read_seq) {
  SequenceNumber best = 0;
  for (const Tomb& t : tombs) {
    if (t.seq <= read_seq && Slice(t.begin).compare(key) <= 0 &&
        key.compare(t.end) < 0) {
      best = std::max(best, t.seq);
    }
  }
  return best;
}

std::vector<Tomb> RandomTombs(Random* rnd, int n) {
  std::vector<Tomb> tombs;
  for (int i = 0; i < n; ++i) {
    char a = static_cast<char>('a' + rnd->Uniform(12));
    char b = static_cast<char>('a' + rnd->Uniform(12));
    tombs.push_back(
        {std::string(1, a), std::string(1, b), 1 + rnd->Uniform(20)});
  }
  return tombs;
}

class FragmenterTest : public testing::Test {
 protected:
  InternalKeyComparator icmp_{BytewiseComparator()};

  std::shared_ptr<const FragmentedRangeTombstoneList> Build(
      const std::vector<Tomb>& tombs) {
    return std::make_shared<const FragmentedRangeTombstoneList>(MakeIter(tombs),
                                                                icmp_);
  }

  // "[start,end){s1,s2}" for every fragment.
  static std::string Dump(const FragmentedRangeTombstoneList& list) {
    std::string out;
    for (const auto& f : list.fragments()) {
      out += "[" + f.start_key.ToString() + "," + f.end_key.ToString() + "){";
      for (size_t i = f.seq_start_idx; i < f.seq_end_idx; ++i) {
        if (i != f.seq_start_idx) out += ",";
        out += std::to_string(list.seqs()[i]);
      }
      out += "}";
    }
    return out;
  }

  // "start@seq-end" of every entry the iterator yields from SeekToFirst.
  static std::string Entries(FragmentedRangeTombstoneIterator* it) {
    std::string out;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out += it->start_key().ToString() + "@" + std::to_string(it->seq()) +
             "-" + it->end_key().ToString() + " ";
    }
    return out;
  }
};

TEST_F(FragmenterTest, OverlapsAreCutIntoFragments) {
  auto list = Build({{"c", "g", 9}, {"a", "e", 5}});
  EXPECT_EQ("[a,c){5}[c,e){9,5}[e,g){9}", Dump(*list));
  EXPECT_EQ(2u, list->num_unfragmented_tombstones());
  EXPECT_EQ(9u, list->max_seq());
  EXPECT_EQ(5u, list->min_seq());
  EXPECT_TRUE(list->status().ok());
}

TEST_F(FragmenterTest, GapsDuplicatesAndEmptyRanges) {
  auto list = Build({{"a", "b", 3},
                     {"a", "b", 3},
                     {"d", "f", 4},
                     {"x", "x", 7},
                     {"z", "y", 8}});
  EXPECT_EQ("[a,b){3}[d,f){4}", Dump(*list));
  EXPECT_EQ(5u, list->num_unfragmented_tombstones());
  EXPECT_EQ(0u, list->MaxCoveringTombstoneSeqnum("b", 100));
  EXPECT_EQ(0u, list->MaxCoveringTombstoneSeqnum("c", 100));
  EXPECT_EQ(4u, list->MaxCoveringTombstoneSeqnum("e", 100));
  EXPECT_EQ(0u, list->MaxCoveringTombstoneSeqnum("e", 3));
  EXPECT_EQ(0u, list->MaxCoveringTombstoneSeqnum("x", 100));
}

TEST_F(FragmenterTest, EmptyAndNullInput) {
  FragmentedRangeTombstoneList null_list(nullptr, icmp_);
  EXPECT_TRUE(null_list.empty());
  EXPECT_EQ(0u, null_list.MaxCoveringTombstoneSeqnum("a", 100));
  auto list = Build({});
  EXPECT_TRUE(list->empty());
  EXPECT_EQ(0u, list->FindFragment("a"));
  FragmentedRangeTombstoneIterator it(list, icmp_, kMaxSequenceNumber);
  it.SeekToFirst();
  EXPECT_FALSE(it.Valid());
  it.SeekToLast();
  EXPECT_FALSE(it.Valid());
  it.Seek(InternalKey("a", 5, kValueTypeForSeek).Encode());
  EXPECT_FALSE(it.Valid());
}

TEST_F(FragmenterTest, BadKeysAndIteratorErrorsReachStatus) {
  std::vector<std::pair<std::string, std::string>> kv;
  kv.emplace_back("bad", "z");
  kv.emplace_back(InternalKey("a", 4, kTypeRangeDeletion).Encode().ToString(),
                  "c");
  FragmentedRangeTombstoneList list(
      std::unique_ptr<InternalIterator>(new PairIterator(kv)), icmp_);
  EXPECT_TRUE(list.status().IsCorruption());
  EXPECT_EQ(4u, list.MaxCoveringTombstoneSeqnum("b", 10));

  std::unique_ptr<InternalIterator> failing(
      new PairIterator({}, Status::IOError("read failed")));
  FragmentedRangeTombstoneList list2(std::move(failing), icmp_);
  EXPECT_TRUE(list2.status().IsIOError());
}

TEST_F(FragmenterTest, MaxCoveringMatchesBruteForce) {
  Random rnd(301);
  for (int round = 0; round < 200; ++round) {
    std::vector<Tomb> tombs = RandomTombs(&rnd, 1 + rnd.Uniform(8));
    auto list = Build(tombs);
    // Fragments are sorted and disjoint, with seqs strictly decreasing.
    for (size_t i = 0; i < list->fragments().size(); ++i) {
      const auto& f = list->fragments()[i];
      ASSERT_LT(f.start_key.compare(f.end_key), 0);
      ASSERT_LT(f.seq_start_idx, f.seq_end_idx);
      if (i > 0) {
        ASSERT_LE(list->fragments()[i - 1].end_key.compare(f.start_key), 0);
      }
      for (size_t j = f.seq_start_idx + 1; j < f.seq_end_idx; ++j) {
        ASSERT_GT(list->seqs()[j - 1], list->seqs()[j]);
      }
    }
    auto stored = MakeIter(tombs);
    for (char c = 'a'; c <= 'm'; ++c) {
      for (SequenceNumber rs : {0, 1, 5, 10, 15, 21, 100}) {
        std::string key(1, c);
        const SequenceNumber want = BruteForce(tombs, key, rs);
        ASSERT_EQ(want, list->MaxCoveringTombstoneSeqnum(key, rs))
            << "round " << round << " key " << key << " read " << rs;
        ASSERT_EQ(want,
                  MaxCoveringTombstoneSeqnum(stored.get(), icmp_, key, rs));
        FragmentedRangeTombstoneIterator it(list, icmp_, rs);
        ASSERT_EQ(want, it.MaxCoveringTombstoneSeqnum(key));
      }
    }
  }
}

TEST_F(FragmenterTest, IteratorHonoursSequenceBounds) {
  auto list = Build({{"c", "g", 9}, {"a", "e", 5}, {"a", "b", 2}});
  FragmentedRangeTombstoneIterator all(list, icmp_, kMaxSequenceNumber);
  EXPECT_EQ("a@5-b a@2-b b@5-c c@9-e c@5-e e@9-g ", Entries(&all));
  FragmentedRangeTombstoneIterator upto5(list, icmp_, 5);
  EXPECT_EQ("a@5-b a@2-b b@5-c c@5-e ", Entries(&upto5));
  FragmentedRangeTombstoneIterator mid(list, icmp_, 8, 3);
  EXPECT_EQ("a@5-b b@5-c c@5-e ", Entries(&mid));
  EXPECT_EQ(5u, mid.MaxCoveringTombstoneSeqnum("d"));
  EXPECT_EQ(0u, mid.MaxCoveringTombstoneSeqnum("f"));

  // Backward gives the same entries reversed; key() is the internal key.
  std::string backward;
  for (all.SeekToLast(); all.Valid(); all.Prev()) {
    ParsedInternalKey parsed;
    ASSERT_TRUE(ParseInternalKey(all.key(), &parsed, false).ok());
    EXPECT_EQ(kTypeRangeDeletion, parsed.type);
    backward = parsed.user_key.ToString() + "@" +
               std::to_string(parsed.sequence) + "-" + all.value().ToString() +
               " " + backward;
  }
  EXPECT_EQ("a@5-b a@2-b b@5-c c@9-e c@5-e e@9-g ", backward);
}

// Seek and SeekForPrev agree with a sorted list of the entries.
TEST_F(FragmenterTest, SeekMatchesSortedEntries) {
  Random rnd(17);
  for (int round = 0; round < 100; ++round) {
    auto list = Build(RandomTombs(&rnd, 1 + rnd.Uniform(6)));
    const SequenceNumber upper = 5 + rnd.Uniform(20);
    const SequenceNumber lower = rnd.Uniform(5);
    FragmentedRangeTombstoneIterator it(list, icmp_, upper, lower);
    std::vector<std::string> keys;
    for (it.SeekToFirst(); it.Valid(); it.Next()) {
      keys.push_back(it.key().ToString());
    }
    for (size_t i = 1; i < keys.size(); ++i) {
      ASSERT_LT(icmp_.Compare(keys[i - 1], keys[i]), 0);
    }
    for (char c = 'a'; c <= 'm'; ++c) {
      for (SequenceNumber s : {0, 3, 9, 15, 30}) {
        for (ValueType t : {kValueTypeForSeek, kTypeRangeDeletion,
                            kValueTypeForSeekForPrev}) {
          const std::string target =
              InternalKey(std::string(1, c), s, t).Encode().ToString();
          auto lb =
              std::find_if(keys.begin(), keys.end(), [&](const std::string& k) {
                return icmp_.Compare(k, target) >= 0;
              });
          it.Seek(target);
          if (lb == keys.end()) {
            ASSERT_FALSE(it.Valid());
          } else {
            ASSERT_TRUE(it.Valid());
            ASSERT_EQ(*lb, it.key().ToString());
          }
          auto ub = std::find_if(keys.rbegin(), keys.rend(),
                                 [&](const std::string& k) {
                                   return icmp_.Compare(k, target) <= 0;
                                 });
          it.SeekForPrev(target);
          if (ub == keys.rend()) {
            ASSERT_FALSE(it.Valid());
          } else {
            ASSERT_TRUE(it.Valid());
            ASSERT_EQ(*ub, it.key().ToString());
          }
        }
      }
    }
  }
}

// The iterator's output, fragmented again, describes the same deletions.
TEST_F(FragmenterTest, RefragmentingIsStable) {
  auto list = Build({{"b", "k", 4}, {"a", "d", 7}, {"c", "z", 1}});
  FragmentedRangeTombstoneIterator it(list, icmp_, kMaxSequenceNumber);
  std::vector<Tomb> again;
  for (it.SeekToFirst(); it.Valid(); it.Next()) {
    again.push_back(
        {it.start_key().ToString(), it.end_key().ToString(), it.seq()});
  }
  EXPECT_EQ(Dump(*list), Dump(*Build(again)));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
