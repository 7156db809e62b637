// Copyright (c) the rocksdb-cleanroom authors.
//
// Block compression: round trips for every supported type and level, the
// spec 5.4 framing (size prefix for all but Snappy), and damaged or
// hostile input that must end in Corruption, never in a crash or a huge
// allocation.

#include "table/compression.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

const CompressionType kAllSupported[] = {
    kSnappyCompression,      kZlibCompression,  kBZip2Compression,
    kLZ4Compression,         kLZ4HCCompression, kZSTD,
    kZSTDNotFinalCompression};

// Text-like data that compresses well.
std::string Compressible(size_t n, uint32_t seed) {
  Random rnd(seed);
  std::string s;
  while (s.size() < n) {
    s.append("key" + std::to_string(rnd.Uniform(1000)) + "value-abcdefgh");
  }
  s.resize(n);
  return s;
}

std::string RandomBytes(size_t n, uint32_t seed) {
  Random rnd(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rnd.Uniform(256));
  return s;
}

std::string RoundTrip(CompressionType t, const CompressionOptions& opts,
                      const std::string& raw) {
  std::string stored;
  EXPECT_TRUE(CompressBlock(t, opts, raw, &stored));
  BlockContents out;
  Status s = UncompressBlock(t, stored.data(), stored.size(), &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(out.own_bytes());
  return out.data.ToString();
}

TEST(CompressionTest, Names) {
  EXPECT_EQ(CompressionTypeToString(kNoCompression), "NoCompression");
  EXPECT_EQ(CompressionTypeToString(kSnappyCompression), "Snappy");
  EXPECT_EQ(CompressionTypeToString(kZlibCompression), "Zlib");
  EXPECT_EQ(CompressionTypeToString(kBZip2Compression), "BZip2");
  EXPECT_EQ(CompressionTypeToString(kLZ4Compression), "LZ4");
  EXPECT_EQ(CompressionTypeToString(kLZ4HCCompression), "LZ4HC");
  EXPECT_EQ(CompressionTypeToString(kXpressCompression), "Xpress");
  EXPECT_EQ(CompressionTypeToString(kZSTD), "ZSTD");
  EXPECT_EQ(CompressionTypeToString(kZSTDNotFinalCompression), "ZSTDNotFinal");
  for (CompressionType t : kAllSupported) {
    EXPECT_TRUE(CompressionTypeSupported(t));
  }
  EXPECT_TRUE(CompressionTypeSupported(kNoCompression));
  EXPECT_FALSE(CompressionTypeSupported(kXpressCompression));
  EXPECT_FALSE(CompressionTypeSupported(kDisableCompressionOption));
  EXPECT_FALSE(CompressionTypeSupported(static_cast<CompressionType>(9)));
}

TEST(CompressionTest, RoundTripEveryTypeAndSize) {
  CompressionOptions opts;
  for (CompressionType t : kAllSupported) {
    SCOPED_TRACE(CompressionTypeToString(t));
    for (size_t n : {0, 1, 7, 100, 4096, 65536, 300000}) {
      const std::string text = Compressible(n, static_cast<uint32_t>(n));
      EXPECT_EQ(RoundTrip(t, opts, text), text) << n;
      const std::string noise = RandomBytes(n, static_cast<uint32_t>(n) + 1);
      EXPECT_EQ(RoundTrip(t, opts, noise), noise) << n;
    }
  }
}

TEST(CompressionTest, LevelsAndZlibOptions) {
  const std::string text = Compressible(20000, 7);
  for (CompressionType t : kAllSupported) {
    for (int level : {1, 4, 9, CompressionOptions::kDefaultCompressionLevel}) {
      CompressionOptions opts;
      opts.level = level;
      EXPECT_EQ(RoundTrip(t, opts, text), text)
          << CompressionTypeToString(t) << " level " << level;
    }
  }
  for (int window_bits : {-14, -9, -15, 15}) {
    for (int strategy : {0, 1, 2, 3}) {
      CompressionOptions opts;
      opts.window_bits = window_bits;
      opts.strategy = strategy;
      EXPECT_EQ(RoundTrip(kZlibCompression, opts, text), text)
          << window_bits << " " << strategy;
    }
  }
  CompressionOptions bad;
  bad.window_bits = 99;  // zlib refuses it
  std::string out;
  EXPECT_FALSE(CompressBlock(kZlibCompression, bad, text, &out));
}

TEST(CompressionTest, FramingFollowsSpec) {
  const std::string text = Compressible(1010, 3);
  CompressionOptions opts;
  std::string out;
  // Snappy: its own varint length, nothing in front.
  ASSERT_TRUE(CompressBlock(kSnappyCompression, opts, text, &out));
  EXPECT_EQ(static_cast<unsigned char>(out[0]), 0xf2);
  EXPECT_EQ(static_cast<unsigned char>(out[1]), 0x07);
  EXPECT_LT(out.size(), text.size());
  for (CompressionType t : {kZlibCompression, kBZip2Compression,
                            kLZ4Compression, kLZ4HCCompression, kZSTD}) {
    ASSERT_TRUE(CompressBlock(t, opts, text, &out));
    Slice in(out);
    uint32_t size = 0;
    ASSERT_TRUE(GetVarint32(&in, &size));
    EXPECT_EQ(size, 1010u) << CompressionTypeToString(t);
    if (t == kZSTD) {
      EXPECT_EQ(in.ToString(true).substr(0, 8), "28B52FFD");  // frame magic
    }
    if (t == kBZip2Compression) EXPECT_EQ(in.ToString().substr(0, 3), "BZh");
  }
  // Zlib is raw deflate: no 0x78 zlib header after the prefix by default.
  ASSERT_TRUE(CompressBlock(kZlibCompression, opts, text, &out));
  EXPECT_NE(static_cast<unsigned char>(out[2]), 0x78);
  EXPECT_TRUE(GoodCompressionRatio(out.size(), text.size()));
  EXPECT_FALSE(GoodCompressionRatio(900, 1000));
  EXPECT_TRUE(GoodCompressionRatio(874, 1000));
}

TEST(CompressionTest, UnsupportedTypes) {
  CompressionOptions opts;
  std::string out;
  EXPECT_FALSE(CompressBlock(kXpressCompression, opts, "abc", &out));
  EXPECT_FALSE(CompressBlock(kNoCompression, opts, "abc", &out));
  BlockContents c;
  EXPECT_TRUE(
      UncompressBlock(kXpressCompression, "abc", 3, &c).IsNotSupported());
  EXPECT_TRUE(UncompressBlock(static_cast<CompressionType>(0x33), "abc", 3, &c)
                  .IsNotSupported());
  // Tables before format_version 2 frame these codecs differently.
  ASSERT_TRUE(CompressBlock(kLZ4Compression, opts, "abcabcabc", &out));
  EXPECT_TRUE(UncompressBlock(kLZ4Compression, out.data(), out.size(), &c, 1)
                  .IsNotSupported());
  ASSERT_TRUE(CompressBlock(kSnappyCompression, opts, "abcabcabc", &out));
  ASSERT_TRUE(
      UncompressBlock(kSnappyCompression, out.data(), out.size(), &c, 1).ok());
  EXPECT_EQ(c.data.ToString(), "abcabcabc");
  // kNoCompression "decompresses" to a private copy.
  ASSERT_TRUE(UncompressBlock(kNoCompression, "xyz", 3, &c).ok());
  EXPECT_EQ(c.data.ToString(), "xyz");
  EXPECT_TRUE(c.own_bytes());
}

TEST(CompressionTest, DamagedInputIsCorruption) {
  const std::string text = Compressible(5000, 11);
  CompressionOptions opts;
  for (CompressionType t : kAllSupported) {
    SCOPED_TRACE(CompressionTypeToString(t));
    std::string good;
    ASSERT_TRUE(CompressBlock(t, opts, text, &good));
    BlockContents c;
    // Truncations.
    for (size_t cut :
         {size_t{0}, size_t{1}, good.size() / 2, good.size() - 1}) {
      Status s = UncompressBlock(t, good.data(), cut, &c);
      EXPECT_TRUE(s.IsCorruption()) << cut << " " << s.ToString();
    }
    // A size prefix that lies (codecs with a prefix).
    if (t != kSnappyCompression) {
      std::string lie;
      PutVarint32(&lie, 5001);
      Slice in(good);
      uint32_t size;
      ASSERT_TRUE(GetVarint32(&in, &size));
      lie.append(in.data(), in.size());
      EXPECT_TRUE(
          UncompressBlock(t, lie.data(), lie.size(), &c).IsCorruption());
      std::string huge;
      PutVarint32(&huge, 0xfffffff0u);
      huge.append(in.data(), in.size());
      EXPECT_TRUE(
          UncompressBlock(t, huge.data(), huge.size(), &c).IsCorruption());
    }
  }
}

TEST(CompressionTest, RandomGarbageNeverCrashes) {
  Random rnd(2024);
  const std::string text = Compressible(3000, 5);
  CompressionOptions opts;
  for (CompressionType t : kAllSupported) {
    std::string good;
    ASSERT_TRUE(CompressBlock(t, opts, text, &good));
    for (int i = 0; i < 300; ++i) {
      std::string input;
      if (i % 2 == 0) {
        input = RandomBytes(rnd.Uniform(200), rnd.Next());
      } else {  // a few flipped bytes in a valid stream
        input = good;
        for (int k = 0; k < 3; ++k) {
          input[rnd.Uniform(static_cast<int>(input.size()))] =
              static_cast<char>(rnd.Uniform(256));
        }
      }
      BlockContents c;
      Status s = UncompressBlock(t, input.data(), input.size(), &c);
      if (s.ok()) {
        EXPECT_LT(c.data.size(), size_t{1} << 31);
      } else {
        EXPECT_TRUE(s.IsCorruption()) << s.ToString();
      }
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
