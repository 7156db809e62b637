// Copyright (c) the rocksdb-cleanroom authors.
//
// XXH3_64 against the final-XXH3 column of ROCKSDB_FORMAT_SPEC.md Appendix A.
// (The preview XXH3 used by the Bloom filter differs for every length >= 1
// and is not implemented here; see XXH3_PREVIEW_SPEC.md.)
#include "util/hash.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ROCKSDB_NAMESPACE {
namespace {

// bytes(range(n)) mod 256, the spec's B(n).
std::string Ascending(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i & 0xff);
  return s;
}

TEST(HashTest, Xxh3FinalVectors) {
  EXPECT_EQ(0x2D06800538D394C2ull, XXH3_64("", 0));
  EXPECT_EQ(0xE6C632B61E964E1Full, XXH3_64("a", 1));
  EXPECT_EQ(0x9555E8555C62DCFDull, XXH3_64("hello", 5));
  EXPECT_EQ(0x06D7E177F1F7ABA7ull, XXH3_64("key000000", 9));
  EXPECT_EQ(0x64439946D8FA212Dull, XXH3_64("0123456789abcdef", 16));
  EXPECT_EQ(0xD2E63ED5466F5C32ull, XXH3_64("0123456789abcdefg", 17));
  struct Case {
    size_t n;
    uint64_t expected;
  };
  const Case cases[] = {
      {128, 0x85C6174C7FF4C46Bull},  {129, 0xEC7642B431BA3E5Aull},
      {240, 0x375A384D957FE865ull},  {241, 0x02E8CD95421C6D02ull},
      {1000, 0xD33DD80B46F60E50ull},
  };
  for (const Case& c : cases) {
    const std::string in = Ascending(c.n);
    EXPECT_EQ(c.expected, XXH3_64(in.data(), in.size())) << c.n;
    EXPECT_EQ(c.expected, XXH3_64(Slice(in))) << c.n;
  }
}

TEST(HashTest, Xxh3SeedMatters) {
  EXPECT_NE(XXH3_64("a", 1, 0), XXH3_64("a", 1, 1));
  EXPECT_EQ(0xFCF369F9E7541D1Bull, XXH3_64("a", 1, 0x0123456789ABCDEFull));
}

TEST(HashTest, XxhClassicVectors) {
  // Reference values of the xxHash project for empty input, seed 0.
  EXPECT_EQ(0x02CC5D05u, XXH32Hash("", 0, 0));
  EXPECT_EQ(0xEF46DB3751D8E999ull, XXH64Hash("", 0, 0));
}

TEST(HashTest, Hash32IsDeterministicAndSpreads) {
  EXPECT_EQ(Hash32("abc", 3, 1), Hash32(Slice("abc"), 1));
  EXPECT_NE(Hash32("abc", 3, 1), Hash32("abc", 3, 2));
  std::set<uint32_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string key = "key" + std::to_string(i);
    seen.insert(Hash32(key.data(), key.size(), 0));
  }
  EXPECT_EQ(1000u, seen.size());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
