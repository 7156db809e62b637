// Copyright (c) the rocksdb-cleanroom authors.
//
// SkipList against a std::set model: ordering, seeks in both directions,
// duplicates, the cached splice of sequential inserts, concurrent inserts,
// and readers running next to a writer.
#include "memtable/skiplist.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "memtable/memtable_allocator.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Entries are 8-byte big-endian integers, so memcmp order is numeric.
struct U64Comparator {
  static uint64_t Decode(const char* p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) {
      v = (v << 8) | static_cast<unsigned char>(p[i]);
    }
    return v;
  }
  int operator()(const char* a, const char* b) const {
    const uint64_t x = Decode(a), y = Decode(b);
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  int operator()(const char* a, const uint64_t& target) const {
    const uint64_t x = Decode(a);
    return x < target ? -1 : (x > target ? 1 : 0);
  }
};

using List = SkipList<U64Comparator>;

class SkipListTest : public testing::Test {
 protected:
  SkipListTest()
      : allocator_(4096, nullptr), list_(U64Comparator(), &allocator_) {}

  bool Insert(uint64_t v, bool concurrently = false) {
    return InsertInto(&list_, v, concurrently);
  }

  static bool InsertInto(List* list, uint64_t v, bool concurrently) {
    char* buf = list->AllocateKey(8);
    for (int i = 7; i >= 0; --i) {
      buf[i] = static_cast<char>(v & 0xff);
      v >>= 8;
    }
    return concurrently ? list->InsertConcurrently(buf) : list->Insert(buf);
  }

  // Checks forward/backward iteration and seeks against the model.
  void CheckAgainst(const std::set<uint64_t>& model) {
    List::Iterator it(&list_);
    std::vector<uint64_t> forward, backward;
    for (it.SeekToFirst(); it.Valid(); it.Next()) {
      forward.push_back(U64Comparator::Decode(it.key()));
    }
    for (it.SeekToLast(); it.Valid(); it.Prev()) {
      backward.push_back(U64Comparator::Decode(it.key()));
    }
    ASSERT_EQ(forward, std::vector<uint64_t>(model.begin(), model.end()));
    ASSERT_EQ(backward, std::vector<uint64_t>(model.rbegin(), model.rend()));
    Random rnd(301);
    for (int i = 0; i < 200; ++i) {
      const uint64_t target = rnd.Uniform(static_cast<int>(kRange + 10));
      it.Seek(target);
      auto lb = model.lower_bound(target);
      if (lb == model.end()) {
        EXPECT_FALSE(it.Valid());
      } else {
        ASSERT_TRUE(it.Valid());
        EXPECT_EQ(U64Comparator::Decode(it.key()), *lb);
      }
      it.SeekForPrev(target);
      auto ub = model.upper_bound(target);
      if (ub == model.begin()) {
        EXPECT_FALSE(it.Valid());
      } else {
        ASSERT_TRUE(it.Valid());
        EXPECT_EQ(U64Comparator::Decode(it.key()), *std::prev(ub));
      }
      EXPECT_EQ(list_.Contains(target), model.count(target) == 1);
    }
  }

  static constexpr uint64_t kRange = 5000;
  MemTableAllocator allocator_;
  List list_;
};

TEST_F(SkipListTest, Empty) {
  List::Iterator it(&list_);
  EXPECT_FALSE(it.Valid());
  it.SeekToFirst();
  EXPECT_FALSE(it.Valid());
  it.SeekToLast();
  EXPECT_FALSE(it.Valid());
  it.Seek(uint64_t{10});
  EXPECT_FALSE(it.Valid());
  it.SeekForPrev(uint64_t{10});
  EXPECT_FALSE(it.Valid());
  EXPECT_FALSE(list_.Contains(uint64_t{10}));
}

TEST_F(SkipListTest, RandomInsertsMatchModel) {
  std::set<uint64_t> model;
  Random rnd(1);
  for (int i = 0; i < 3000; ++i) {
    const uint64_t v = rnd.Uniform(static_cast<int>(kRange));
    EXPECT_EQ(Insert(v), model.insert(v).second) << v;
  }
  CheckAgainst(model);
}

TEST_F(SkipListTest, SequentialAndReverseInserts) {
  // Ascending runs use the cached splice; descending and interleaved ones
  // must notice it no longer fits.
  std::set<uint64_t> model;
  for (uint64_t v = 1000; v < 2000; ++v) {
    ASSERT_TRUE(Insert(v));
    model.insert(v);
  }
  for (uint64_t v = 999; v > 0; --v) {
    ASSERT_TRUE(Insert(v));
    model.insert(v);
  }
  for (uint64_t v = 4000; v > 2000; v -= 2) {
    ASSERT_TRUE(Insert(v));
    ASSERT_TRUE(Insert(v + 1));
    model.insert(v);
    model.insert(v + 1);
  }
  EXPECT_FALSE(Insert(1500));
  EXPECT_FALSE(Insert(4001));
  CheckAgainst(model);
}

TEST_F(SkipListTest, MixedSerialAndConcurrentInserts) {
  std::set<uint64_t> model;
  Random rnd(7);
  for (int i = 0; i < 2000; ++i) {
    const uint64_t v = rnd.Uniform(static_cast<int>(kRange));
    EXPECT_EQ(Insert(v, /*concurrently=*/(i / 100) % 2 == 1),
              model.insert(v).second);
  }
  CheckAgainst(model);
}

TEST_F(SkipListTest, ConcurrentInserts) {
  constexpr int kThreads = 4;
  constexpr uint64_t kPerThread = 5000;
  std::atomic<int> duplicates_accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (uint64_t i = 0; i < kPerThread; ++i) {
        // Interleaved values, plus a shared value every thread races on.
        InsertInto(&list_, i * kThreads + t, true);
        if (i % 1000 == 0 && InsertInto(&list_, 1u << 30, true)) {
          duplicates_accepted.fetch_add(1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(duplicates_accepted.load(), 1);
  std::set<uint64_t> model;
  for (uint64_t v = 0; v < kPerThread * kThreads; ++v) model.insert(v);
  model.insert(1u << 30);
  List::Iterator it(&list_);
  uint64_t count = 0;
  uint64_t prev = 0;
  for (it.SeekToFirst(); it.Valid(); it.Next(), ++count) {
    const uint64_t v = U64Comparator::Decode(it.key());
    if (count > 0) {
      ASSERT_LT(prev, v);
    }
    prev = v;
  }
  EXPECT_EQ(count, model.size());
}

TEST_F(SkipListTest, ReadersDuringWrites) {
  // One writer inserts even numbers in random order while readers check
  // that every scan is sorted and that values seen once stay visible.
  std::atomic<bool> done{false};
  std::atomic<uint64_t> inserted{0};
  std::thread writer([&] {
    Random rnd(99);
    std::vector<uint64_t> values;
    for (uint64_t v = 0; v < 20000; v += 2) values.push_back(v);
    for (size_t i = values.size(); i > 1; --i) {
      std::swap(values[i - 1], values[rnd.Uniform(static_cast<int>(i))]);
    }
    for (uint64_t v : values) {
      Insert(v);
      inserted.fetch_add(1, std::memory_order_release);
    }
    done.store(true);
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0};
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (!done.load()) {
        const uint64_t before = inserted.load(std::memory_order_acquire);
        List::Iterator it(&list_);
        uint64_t count = 0;
        bool first = true;
        uint64_t prev = 0;
        for (it.SeekToFirst(); it.Valid(); it.Next(), ++count) {
          const uint64_t v = U64Comparator::Decode(it.key());
          if ((!first && v <= prev) || v % 2 != 0) failures.fetch_add(1);
          first = false;
          prev = v;
        }
        if (count < before) failures.fetch_add(1);
      }
    });
  }
  writer.join();
  for (auto& th : readers) th.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
