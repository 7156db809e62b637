// Copyright (c) the rocksdb-cleanroom authors.

#include "db/range_del_aggregator.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// A sorted InternalIterator over stored tombstones, as a memtable or a
// table file's range-del block provides them.
class TombIterator : public InternalIterator {
 public:
  TombIterator(const std::vector<Tomb>& tombs,
               const InternalKeyComparator& icmp) {
    for (const Tomb& t : tombs) {
      kv_.emplace_back(
          InternalKey(t.begin, t.seq, kTypeRangeDeletion).Encode().ToString(),
          t.end);
    }
    std::sort(kv_.begin(), kv_.end(), [&](const auto& a, const auto& b) {
      return icmp.Compare(a.first, b.first) < 0;
    });
  }
  bool Valid() const override { return pos_ < kv_.size(); }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override { pos_ = kv_.empty() ? 0 : kv_.size() - 1; }
  void Seek(const Slice&) override { pos_ = kv_.size(); }
  void SeekForPrev(const Slice&) override { pos_ = kv_.size(); }
  void Next() override { ++pos_; }
  void Prev() override { pos_ = pos_ == 0 ? kv_.size() : pos_ - 1; }
  Slice key() const override { return kv_[pos_].first; }
  Slice value() const override { return kv_[pos_].second; }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<std::pair<std::string, std::string>> kv_;
  size_t pos_ = 0;
};

struct SourceSpec {
  std::vector<Tomb> tombs;
  bool bounded = false;
  InternalKey smallest;
  InternalKey largest;
};

class RangeDelAggregatorTest : public testing::Test {
 protected:
  InternalKeyComparator icmp_{BytewiseComparator()};

  std::unique_ptr<InternalIterator> Iter(const std::vector<Tomb>& tombs) {
    return std::unique_ptr<InternalIterator>(new TombIterator(tombs, icmp_));
  }

  bool BruteForce(const std::vector<SourceSpec>& sources,
                  SequenceNumber read_seq, const ParsedInternalKey& key) {
    std::string ikey;
    AppendInternalKey(&ikey, key);
    for (const SourceSpec& src : sources) {
      if (src.bounded && (icmp_.Compare(src.smallest.Encode(), ikey) > 0 ||
                          icmp_.Compare(ikey, src.largest.Encode()) > 0)) {
        continue;
      }
      for (const Tomb& t : src.tombs) {
        if (t.seq <= read_seq && t.seq > key.sequence &&
            Slice(t.begin).compare(key.user_key) <= 0 &&
            key.user_key.compare(t.end) < 0) {
          return true;
        }
      }
    }
    return false;
  }
};

TEST_F(RangeDelAggregatorTest, EmptyAggregatorDeletesNothing) {
  RangeDelAggregator agg(&icmp_, kMaxSequenceNumber);
  EXPECT_TRUE(agg.IsEmpty());
  EXPECT_TRUE(agg.AddTombstones(std::unique_ptr<InternalIterator>()).ok());
  agg.AddTombstones(std::shared_ptr<const FragmentedRangeTombstoneList>());
  EXPECT_TRUE(agg.AddTombstones(Iter({})).ok());
  EXPECT_TRUE(agg.IsEmpty());
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("a", 1, kTypeValue)));
}

TEST_F(RangeDelAggregatorTest, CoversOnlyOlderKeysInRange) {
  RangeDelAggregator agg(&icmp_, 100);
  ASSERT_TRUE(agg.AddTombstones(Iter({{"b", "d", 10}})).ok());
  EXPECT_FALSE(agg.IsEmpty());
  EXPECT_EQ(100u, agg.read_seq());
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("a", 5, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("b", 5, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("c", 9, kTypeMerge)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("c", 10, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("c", 11, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("d", 5, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("bz", 0, kTypeValue),
                               RangeDelPositioningMode::kBackwardTraversal));
}

TEST_F(RangeDelAggregatorTest, TombstonesNewerThanTheReadAreInvisible) {
  RangeDelAggregator agg(&icmp_, 7);
  ASSERT_TRUE(agg.AddTombstones(Iter({{"a", "z", 8}})).ok());
  EXPECT_TRUE(agg.IsEmpty());
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("m", 1, kTypeValue)));
  ASSERT_TRUE(agg.AddTombstones(Iter({{"a", "z", 9}, {"k", "n", 6}})).ok());
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("m", 1, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("b", 1, kTypeValue)));
}

TEST_F(RangeDelAggregatorTest, FileBoundariesTruncateTombstones) {
  RangeDelAggregator agg(&icmp_, 100);
  InternalKey smallest("c", 50, kTypeValue);
  // A largest key of (user key, max seq, range deletion) excludes every
  // point entry of that user key.
  InternalKey largest("f", kMaxSequenceNumber, kTypeRangeDeletion);
  ASSERT_TRUE(
      agg.AddTombstones(Iter({{"a", "z", 60}}), &smallest, &largest).ok());
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("b", 1, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("c", 40, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("c", 55, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("e", 1, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("f", 1, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("g", 1, kTypeValue)));
}

TEST_F(RangeDelAggregatorTest, SharedFragmentedList) {
  auto list = std::make_shared<const FragmentedRangeTombstoneList>(
      Iter({{"a", "c", 5}, {"b", "e", 3}}), icmp_);
  RangeDelAggregator agg(&icmp_, 4);
  agg.AddTombstones(list);
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("a", 1, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("b", 2, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("b", 3, kTypeValue)));
  EXPECT_TRUE(agg.ShouldDelete(ParsedInternalKey("d", 0, kTypeValue)));
}

// Forward scans, backward scans and random probes (with a misleading mode
// hint) all agree with a brute-force answer, over several sources, some
// with file boundaries, some added in the middle of a scan.
TEST_F(RangeDelAggregatorTest, MatchesBruteForce) {
  Random rnd(2024);
  for (int round = 0; round < 150; ++round) {
    std::vector<SourceSpec> sources(1 + rnd.Uniform(4));
    for (SourceSpec& src : sources) {
      const int n = rnd.Uniform(6);
      for (int i = 0; i < n; ++i) {
        char a = static_cast<char>('a' + rnd.Uniform(16));
        char b = static_cast<char>(a + 1 + rnd.Uniform(6));
        src.tombs.push_back(
            {std::string(1, a), std::string(1, b), 1 + rnd.Uniform(30)});
      }
      if (rnd.OneIn(3)) {
        src.bounded = true;
        char lo = static_cast<char>('a' + rnd.Uniform(8));
        char hi = static_cast<char>(lo + rnd.Uniform(12));
        src.smallest.Set(std::string(1, lo), rnd.Uniform(30), kTypeValue);
        src.largest.Set(std::string(1, hi), rnd.Uniform(30), kTypeValue);
      }
    }
    const SequenceNumber read_seq = 5 + rnd.Uniform(30);
    std::vector<std::string> keys;  // internal keys in icmp order
    for (char c = 'a'; c <= 'w'; ++c) {
      for (int s = 30; s >= 0; s -= 1 + static_cast<int>(rnd.Uniform(4))) {
        keys.push_back(
            InternalKey(std::string(1, c), s, kTypeValue).Encode().ToString());
      }
    }
    std::vector<bool> want(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      ParsedInternalKey parsed;
      ASSERT_TRUE(ParseInternalKey(keys[i], &parsed, false).ok());
      want[i] = BruteForce(sources, read_seq, parsed);
    }

    RangeDelAggregator agg(&icmp_, read_seq);
    auto add = [&](const SourceSpec& src) {
      ASSERT_TRUE(agg.AddTombstones(Iter(src.tombs),
                                    src.bounded ? &src.smallest : nullptr,
                                    src.bounded ? &src.largest : nullptr)
                      .ok());
    };
    // All but the last source up front; the last one mid-scan.
    for (size_t s = 0; s + 1 < sources.size(); ++s) add(sources[s]);
    const size_t add_late_at = keys.size() / 3;
    auto check = [&](size_t i, RangeDelPositioningMode mode) {
      ParsedInternalKey parsed;
      ASSERT_TRUE(ParseInternalKey(keys[i], &parsed, false).ok());
      ASSERT_EQ(want[i], agg.ShouldDelete(parsed, mode))
          << "round " << round << " key " << parsed.DebugString(true, false);
    };
    for (size_t i = 0; i < keys.size(); ++i) {
      if (i == add_late_at) add(sources.back());
      if (i < add_late_at) continue;  // answers before are incomplete
      check(i, RangeDelPositioningMode::kForwardTraversal);
    }
    for (size_t i = keys.size(); i-- > 0;) {
      check(i, RangeDelPositioningMode::kBackwardTraversal);
    }
    for (int probe = 0; probe < 200; ++probe) {
      check(rnd.Uniform(static_cast<int>(keys.size())),
            rnd.OneIn(2) ? RangeDelPositioningMode::kForwardTraversal
                         : RangeDelPositioningMode::kBackwardTraversal);
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
