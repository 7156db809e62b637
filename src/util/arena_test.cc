// Copyright (c) the rocksdb-cleanroom authors.
//
// Arena: alignment, data integrity across many allocations, accounting.
#include "util/arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(ArenaTest, Empty) {
  Arena arena;
  EXPECT_EQ(0u, arena.MemoryUsage());
  EXPECT_TRUE(arena.IsInInlineBlock());
}

TEST(ArenaTest, AlignedAllocationsAreAligned) {
  Arena arena;
  for (size_t n : {1u, 3u, 7u, 8u, 13u, 100u, 1000u, 5000u}) {
    arena.Allocate(1);  // knock the cursor off alignment
    char* p = arena.AllocateAligned(n);
    EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(p) % Arena::kAlignUnit) << n;
  }
}

TEST(ArenaTest, ManyAllocationsKeepTheirBytes) {
  Arena arena;
  Random rnd(301);
  std::vector<std::pair<size_t, char*>> allocated;
  size_t bytes = 0;
  for (int i = 0; i < 20000; ++i) {
    size_t n;
    if (i % (20000 / 10) == 0) {
      n = i;
    } else {
      n = rnd.OneIn(4000)
              ? rnd.Uniform(6000)
              : (rnd.OneIn(10) ? rnd.Uniform(100) : rnd.Uniform(20));
    }
    if (n == 0) n = 1;
    char* r = rnd.OneIn(10) ? arena.AllocateAligned(n) : arena.Allocate(n);
    for (size_t b = 0; b < n; ++b) r[b] = static_cast<char>(i % 256);
    bytes += n;
    allocated.emplace_back(n, r);
    ASSERT_GE(arena.ApproximateMemoryUsed(), bytes);
    ASSERT_GE(arena.MemoryUsage(), arena.ApproximateMemoryUsed());
    if (i > 10) {
      ASSERT_LE(arena.MemoryUsage(), bytes * 1.10 + 4 * Arena::kMinBlockSize);
    }
  }
  for (size_t i = 0; i < allocated.size(); ++i) {
    for (size_t b = 0; b < allocated[i].first; ++b) {
      ASSERT_EQ(static_cast<int>(i % 256),
                static_cast<unsigned char>(allocated[i].second[b]));
    }
  }
}

TEST(ArenaTest, LargeRequestGetsItsOwnBlock) {
  Arena arena(4096);
  arena.Allocate(10);
  char* small = arena.Allocate(2000);
  const size_t unused_before = arena.AllocatedAndUnused();
  ASSERT_LT(unused_before, 3000u);
  char* big = arena.Allocate(3000);  // does not fit, and > block / 4
  EXPECT_NE(nullptr, big);
  // The current block keeps serving small requests.
  EXPECT_EQ(unused_before, arena.AllocatedAndUnused());
  EXPECT_EQ(small + 2000, arena.Allocate(1));
}

TEST(ArenaTest, BlockSizeIsSanitized) {
  EXPECT_EQ(Arena::kMinBlockSize, Arena(1).BlockSize());
  EXPECT_EQ(0u, Arena(10000).BlockSize() % Arena::kAlignUnit);
  EXPECT_EQ(Arena::kMaxBlockSize, Arena(~size_t{0}).BlockSize());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
