// Copyright (c) the rocksdb-cleanroom authors.
//
// MergingIterator against a model: the sorted union of its children's
// entries, walked with random seeks and direction changes.

#include "table/merging_iterator.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "table/internal_iterator_test_util.h"
#include "util/arena.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::IKey;
using test::KVVector;
using test::VectorIterator;

class MergingIteratorTest : public ::testing::Test {
 protected:
  MergingIteratorTest() : icmp_(BytewiseComparator()) {}

  // Takes a list of children (their entries) and returns a merged iterator.
  std::unique_ptr<InternalIterator> Merge(const std::vector<KVVector>& kids) {
    std::vector<InternalIterator*> children;
    for (const KVVector& kv : kids) {
      children.push_back(new VectorIterator(kv, &icmp_));
    }
    return std::unique_ptr<InternalIterator>(NewMergingIterator(
        &icmp_, children.data(), static_cast<int>(children.size())));
  }

  // "key=value" of the current entry, or "END".
  static std::string At(const InternalIterator* it) {
    if (!it->Valid()) return "END";
    ParsedInternalKey p;
    EXPECT_TRUE(ParseInternalKey(it->key(), &p, true).ok());
    return p.user_key.ToString() + "@" + std::to_string(p.sequence) + "=" +
           it->value().ToString();
  }

  InternalKeyComparator icmp_;
};

TEST_F(MergingIteratorTest, NoChildrenIsEmpty) {
  auto it = Merge({});
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  it->SeekToLast();
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().ok());
}

TEST_F(MergingIteratorTest, OneChildIsReturnedAsIs) {
  InternalIterator* child = new VectorIterator({}, &icmp_);
  std::unique_ptr<InternalIterator> it(NewMergingIterator(&icmp_, &child, 1));
  EXPECT_EQ(it.get(), child);
}

TEST_F(MergingIteratorTest, InterleavesChildrenBothWays) {
  auto it = Merge(
      {{{IKey("a", 1, kTypeValue), "1"}, {IKey("d", 4, kTypeValue), "4"}},
       {{IKey("b", 2, kTypeValue), "2"}, {IKey("e", 5, kTypeValue), "5"}},
       {},
       {{IKey("c", 3, kTypeValue), "3"}, {IKey("b", 7, kTypeMerge), "7"}}});
  std::vector<std::string> seen;
  for (it->SeekToFirst(); it->Valid(); it->Next()) seen.push_back(At(it.get()));
  EXPECT_EQ(seen, (std::vector<std::string>{"a@1=1", "b@7=7", "b@2=2", "c@3=3",
                                            "d@4=4", "e@5=5"}));
  seen.clear();
  for (it->SeekToLast(); it->Valid(); it->Prev()) seen.push_back(At(it.get()));
  EXPECT_EQ(seen, (std::vector<std::string>{"e@5=5", "d@4=4", "c@3=3", "b@2=2",
                                            "b@7=7", "a@1=1"}));
}

TEST_F(MergingIteratorTest, SeeksAndDirectionChanges) {
  auto it = Merge(
      {{{IKey("a", 1, kTypeValue), "a"},
        {IKey("c", 1, kTypeValue), "c"},
        {IKey("e", 1, kTypeValue), "e"}},
       {{IKey("b", 1, kTypeValue), "b"}, {IKey("d", 1, kTypeValue), "d"}}});
  it->Seek(IKey("bb", kMaxSequenceNumber, kValueTypeForSeek));
  EXPECT_EQ(At(it.get()), "c@1=c");
  it->Prev();
  EXPECT_EQ(At(it.get()), "b@1=b");
  it->Prev();
  EXPECT_EQ(At(it.get()), "a@1=a");
  it->Next();
  EXPECT_EQ(At(it.get()), "b@1=b");
  it->Next();
  EXPECT_EQ(At(it.get()), "c@1=c");
  it->SeekForPrev(IKey("cc", 0, kValueTypeForSeekForPrev));
  EXPECT_EQ(At(it.get()), "c@1=c");
  it->Next();
  EXPECT_EQ(At(it.get()), "d@1=d");
  it->Seek(IKey("f", kMaxSequenceNumber, kValueTypeForSeek));
  EXPECT_EQ(At(it.get()), "END");
  it->SeekForPrev(IKey("0", 0, kValueTypeForSeekForPrev));
  EXPECT_EQ(At(it.get()), "END");
  it->SeekToLast();
  it->Prev();
  EXPECT_EQ(At(it.get()), "d@1=d");
  it->Next();
  EXPECT_EQ(At(it.get()), "e@1=e");
  it->Next();
  EXPECT_EQ(At(it.get()), "END");
}

TEST_F(MergingIteratorTest, ChildErrorInvalidatesUntilNextSeek) {
  std::vector<InternalIterator*> children;
  children.push_back(
      new VectorIterator({{IKey("a", 1, kTypeValue), "a"}}, &icmp_));
  auto* bad = new VectorIterator({{IKey("b", 1, kTypeValue), "b"}}, &icmp_);
  children.push_back(bad);
  std::unique_ptr<InternalIterator> it(
      NewMergingIterator(&icmp_, children.data(), 2));
  bad->SetError(Status::Corruption("broken child"));
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().IsCorruption());
  EXPECT_EQ(it->status().ToString(), "Corruption: broken child");
  bad->SetError(Status::OK());
  it->SeekToFirst();
  EXPECT_TRUE(it->Valid());
  EXPECT_TRUE(it->status().ok());
}

TEST_F(MergingIteratorTest, LivesInAnArena) {
  Arena arena;
  InternalIterator* children[2];
  for (int i = 0; i < 2; ++i) {
    void* mem = arena.AllocateAligned(sizeof(VectorIterator));
    children[i] = new (mem) VectorIterator(
        {{IKey(std::string(1, static_cast<char>('a' + i)), 1, kTypeValue),
          "v"}},
        &icmp_);
  }
  InternalIterator* it = NewMergingIterator(&icmp_, children, 2, &arena);
  int n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++n;
  EXPECT_EQ(n, 2);
  DestroyInternalIterator(it, true);
}

TEST_F(MergingIteratorTest, BuilderAddsInOrder) {
  MergeIteratorBuilder builder(&icmp_, nullptr);
  builder.AddIterator(
      new VectorIterator({{IKey("k", 5, kTypeValue), "new"}}, &icmp_));
  builder.AddIterator(
      new VectorIterator({{IKey("k", 1, kTypeValue), "old"}}, &icmp_));
  std::unique_ptr<InternalIterator> it(builder.Finish());
  it->SeekToFirst();
  EXPECT_EQ(At(it.get()), "k@5=new");
  it->Next();
  EXPECT_EQ(At(it.get()), "k@1=old");
}

// Random children, random operations; compared with the sorted union.
TEST_F(MergingIteratorTest, RandomizedAgainstModel) {
  Random rnd(301);
  for (int round = 0; round < 50; ++round) {
    const int num_children = 1 + static_cast<int>(rnd.Uniform(6));
    std::vector<KVVector> kids(num_children);
    std::vector<std::string> model;  // every internal key, sorted
    SequenceNumber seq = 1;
    for (auto& kid : kids) {
      const int n = static_cast<int>(rnd.Uniform(20));
      for (int i = 0; i < n; ++i) {
        std::string k =
            IKey(std::string(1, static_cast<char>('a' + rnd.Uniform(12))),
                 seq++, kTypeValue);
        kid.emplace_back(k, "v");
        model.push_back(k);
      }
    }
    std::sort(model.begin(), model.end(),
              [this](const std::string& a, const std::string& b) {
                return icmp_.Compare(a, b) < 0;
              });
    auto it = Merge(kids);
    size_t pos = model.size();  // model position; size() = not valid
    for (int op = 0; op < 200; ++op) {
      const int kind = static_cast<int>(rnd.Uniform(6));
      const std::string target =
          IKey(std::string(1, static_cast<char>('a' + rnd.Uniform(13))),
               rnd.Uniform(static_cast<int>(seq) + 1), kTypeValue);
      auto lower = [&](const std::string& t) {
        return static_cast<size_t>(
            std::lower_bound(
                model.begin(), model.end(), t,
                [this](const std::string& a, const std::string& b) {
                  return icmp_.Compare(a, b) < 0;
                }) -
            model.begin());
      };
      if (kind == 0) {
        it->SeekToFirst();
        pos = 0;
      } else if (kind == 1) {
        it->SeekToLast();
        pos = model.empty() ? 0 : model.size() - 1;
      } else if (kind == 2) {
        it->Seek(target);
        pos = lower(target);
      } else if (kind == 3) {
        it->SeekForPrev(target);
        size_t i = lower(target);
        if (i < model.size() && model[i] == target) {
          pos = i;
        } else {
          pos = i == 0 ? model.size() : i - 1;
        }
      } else if (kind == 4 && pos < model.size()) {
        it->Next();
        ++pos;
      } else if (kind == 5 && pos < model.size()) {
        it->Prev();
        pos = pos == 0 ? model.size() : pos - 1;
      }
      ASSERT_EQ(it->Valid(), pos < model.size()) << "round " << round;
      if (pos < model.size()) {
        ASSERT_EQ(it->key().ToString(), model[pos]) << "round " << round;
      }
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
