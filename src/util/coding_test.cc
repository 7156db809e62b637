// Copyright (c) the rocksdb-cleanroom authors.
//
// Fixed-width, varint, zigzag and length-prefixed encodings: known byte
// patterns, round trips and malformed input.
#include "util/coding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(CodingTest, FixedIsLittleEndian) {
  std::string s;
  PutFixed16(&s, 0x0102);
  PutFixed32(&s, 0x04030201u);
  PutFixed64(&s, 0x0807060504030201ull);
  EXPECT_EQ(std::string("\x02\x01\x01\x02\x03\x04\x01\x02\x03\x04\x05\x06"
                        "\x07\x08",
                        14),
            s);
  EXPECT_EQ(0x0102, DecodeFixed16(s.data()));
  EXPECT_EQ(0x04030201u, DecodeFixed32(s.data() + 2));
  EXPECT_EQ(0x0807060504030201ull, DecodeFixed64(s.data() + 6));
}

TEST(CodingTest, FixedRoundTripAndTruncation) {
  std::string s;
  for (uint32_t v = 0; v < 100000; v += 7) PutFixed32(&s, v * 40503u);
  Slice in(s);
  for (uint32_t v = 0; v < 100000; v += 7) {
    uint32_t got = 0;
    ASSERT_TRUE(GetFixed32(&in, &got));
    ASSERT_EQ(v * 40503u, got);
  }
  EXPECT_TRUE(in.empty());
  uint64_t v64 = 0;
  Slice short_input("1234567");
  EXPECT_FALSE(GetFixed64(&short_input, &v64));
  uint16_t v16 = 0;
  Slice one("x");
  EXPECT_FALSE(GetFixed16(&one, &v16));
}

TEST(CodingTest, VarintKnownEncodings) {
  struct Case {
    uint64_t value;
    std::string bytes;
  };
  const std::vector<Case> cases = {
      {0, std::string("\x00", 1)},
      {1, "\x01"},
      {127, "\x7f"},
      {128, "\x80\x01"},
      {300, "\xac\x02"},
      {16383, "\xff\x7f"},
      {16384, "\x80\x80\x01"},
      {0xffffffffull, "\xff\xff\xff\xff\x0f"},
      {~0ull, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"},
  };
  for (const Case& c : cases) {
    std::string s;
    PutVarint64(&s, c.value);
    EXPECT_EQ(c.bytes, s) << c.value;
    EXPECT_EQ(static_cast<int>(c.bytes.size()), VarintLength(c.value));
    uint64_t got = 0;
    const char* end = GetVarint64Ptr(s.data(), s.data() + s.size(), &got);
    ASSERT_EQ(s.data() + s.size(), end);
    EXPECT_EQ(c.value, got);
    if (c.value <= 0xffffffffull) {
      std::string s32;
      PutVarint32(&s32, static_cast<uint32_t>(c.value));
      EXPECT_EQ(c.bytes, s32);
    }
  }
}

TEST(CodingTest, Varint32RoundTrip) {
  std::string s;
  std::vector<uint32_t> values;
  for (uint32_t i = 0; i < 32 * 32; ++i) {
    values.push_back((i / 32) << (i % 32));
  }
  for (uint32_t v : values) PutVarint32(&s, v);
  Slice in(s);
  for (uint32_t v : values) {
    uint32_t got = 0;
    ASSERT_TRUE(GetVarint32(&in, &got));
    ASSERT_EQ(v, got);
  }
  EXPECT_TRUE(in.empty());
}

TEST(CodingTest, Varint64RoundTrip) {
  std::vector<uint64_t> values = {0, 100, ~0ull, ~0ull - 1};
  for (int k = 0; k < 64; ++k) {
    const uint64_t power = 1ull << k;
    values.push_back(power);
    values.push_back(power - 1);
    values.push_back(power + 1);
  }
  std::string s;
  for (uint64_t v : values) PutVarint64(&s, v);
  Slice in(s);
  for (uint64_t v : values) {
    uint64_t got = 0;
    ASSERT_TRUE(GetVarint64(&in, &got));
    ASSERT_EQ(v, got);
  }
  EXPECT_TRUE(in.empty());
}

TEST(CodingTest, EncodeVarintReturnsEnd) {
  char buf[kMaxVarint64Length];
  EXPECT_EQ(buf + 2, EncodeVarint32(buf, 300));
  EXPECT_EQ(buf + 10, EncodeVarint64(buf, ~0ull));
}

TEST(CodingTest, VarintMalformed) {
  uint32_t v32 = 0;
  uint64_t v64 = 0;
  // Truncated: the last byte still says "more follows".
  const std::string truncated("\xff\xff", 2);
  EXPECT_EQ(nullptr, GetVarint32Ptr(truncated.data(),
                                    truncated.data() + truncated.size(), &v32));
  Slice t(truncated);
  EXPECT_FALSE(GetVarint64(&t, &v64));
  // Empty input.
  EXPECT_EQ(nullptr, GetVarint32Ptr(truncated.data(), truncated.data(), &v32));
  // Too long for 32 bits: six bytes.
  const std::string long32("\x80\x80\x80\x80\x80\x01", 6);
  Slice l32(long32);
  EXPECT_FALSE(GetVarint32(&l32, &v32));
  // Fifth byte sets bits above 2^32.
  const std::string over32("\xff\xff\xff\xff\x1f", 5);
  Slice o32(over32);
  EXPECT_FALSE(GetVarint32(&o32, &v32));
  // 64-bit: eleven bytes, and a tenth byte above 1.
  const std::string long64 = std::string(10, '\x80') + "\x01";
  Slice l64(long64);
  EXPECT_FALSE(GetVarint64(&l64, &v64));
  const std::string over64 = std::string(9, '\xff') + "\x02";
  Slice o64(over64);
  EXPECT_FALSE(GetVarint64(&o64, &v64));
}

TEST(CodingTest, Varint32FastPathLeavesInputOnFailure) {
  uint32_t v = 7;
  Slice empty;
  EXPECT_FALSE(GetVarint32(&empty, &v));
  EXPECT_EQ(7u, v);
}

TEST(CodingTest, ZigzagSigned) {
  EXPECT_EQ(0u, EncodeSignedInt(0));
  EXPECT_EQ(1u, EncodeSignedInt(-1));
  EXPECT_EQ(2u, EncodeSignedInt(1));
  EXPECT_EQ(3u, EncodeSignedInt(-2));
  const int64_t values[] = {0,     1,      -1,        63,       -64,
                            12345, -98765, INT64_MAX, INT64_MIN};
  std::string s;
  for (int64_t v : values) {
    EXPECT_EQ(v, DecodeSignedInt(EncodeSignedInt(v)));
    PutVarsignedint64(&s, v);
  }
  Slice in(s);
  for (int64_t v : values) {
    int64_t got = 0;
    ASSERT_TRUE(GetVarsignedint64(&in, &got));
    EXPECT_EQ(v, got);
  }
  std::string neg;
  PutVarsignedint64(&neg, -1);
  int64_t got = 0;
  EXPECT_EQ(neg.data() + 1,
            GetVarsignedint64Ptr(neg.data(), neg.data() + neg.size(), &got));
  EXPECT_EQ(-1, got);
}

TEST(CodingTest, LengthPrefixedSlices) {
  std::string s;
  PutLengthPrefixedSlice(&s, Slice(""));
  PutLengthPrefixedSlice(&s, Slice("foo"));
  PutLengthPrefixedSlice(&s, Slice(std::string(200, 'x')));
  const Slice parts[2] = {"ab", "cd"};
  PutLengthPrefixedSliceParts(&s, SliceParts(parts, 2));
  EXPECT_EQ(std::string("\x00", 1), s.substr(0, 1));
  EXPECT_EQ(
      "\x03"
      "foo",
      s.substr(1, 4));

  EXPECT_EQ("foo", GetLengthPrefixedSlice(s.data() + 1).ToString());
  Slice in(s);
  Slice v;
  ASSERT_TRUE(GetLengthPrefixedSlice(&in, &v));
  EXPECT_EQ("", v.ToString());
  ASSERT_TRUE(GetLengthPrefixedSlice(&in, &v));
  EXPECT_EQ("foo", v.ToString());
  ASSERT_TRUE(GetLengthPrefixedSlice(&in, &v));
  EXPECT_EQ(std::string(200, 'x'), v.ToString());
  ASSERT_TRUE(GetLengthPrefixedSlice(&in, &v));
  EXPECT_EQ("abcd", v.ToString());
  EXPECT_TRUE(in.empty());
  EXPECT_FALSE(GetLengthPrefixedSlice(&in, &v));

  // Length larger than what follows.
  Slice bad(
      "\x05"
      "abc");
  EXPECT_FALSE(GetLengthPrefixedSlice(&bad, &v));
}

TEST(CodingTest, MultiVarintHelpers) {
  std::string s;
  PutVarint32Varint32(&s, 1, 300);
  PutVarint32Varint32Varint32(&s, 2, 3, 4);
  PutVarint32Varint64(&s, 5, 1ull << 40);
  Slice in(s);
  uint32_t a = 0;
  uint64_t b = 0;
  for (uint32_t expected : {1u, 300u, 2u, 3u, 4u, 5u}) {
    ASSERT_TRUE(GetVarint32(&in, &a));
    EXPECT_EQ(expected, a);
  }
  ASSERT_TRUE(GetVarint64(&in, &b));
  EXPECT_EQ(1ull << 40, b);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
