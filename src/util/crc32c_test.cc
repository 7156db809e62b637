// Copyright (c) the rocksdb-cleanroom authors.
//
// CRC-32C: RFC 3720 (iSCSI) vectors, the format spec's vectors, Extend
// composition, hardware vs portable agreement, Mask/Unmask.
#include "util/crc32c.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace crc32c {
namespace {

// Runs a check on both implementations.
template <typename F>
void ForBothPaths(F check) {
  check(&Extend);
  check(&ExtendPortable);
}

using ExtendFn = uint32_t (*)(uint32_t, const char*, size_t);

TEST(Crc32cTest, Rfc3720Vectors) {
  ForBothPaths([](ExtendFn extend) {
    char buf[32];
    memset(buf, 0, sizeof(buf));
    EXPECT_EQ(0x8a9136aau, extend(0, buf, sizeof(buf)));
    memset(buf, 0xff, sizeof(buf));
    EXPECT_EQ(0x62a8ab43u, extend(0, buf, sizeof(buf)));
    for (int i = 0; i < 32; ++i) buf[i] = static_cast<char>(i);
    EXPECT_EQ(0x46dd794eu, extend(0, buf, sizeof(buf)));
    for (int i = 0; i < 32; ++i) buf[i] = static_cast<char>(31 - i);
    EXPECT_EQ(0x113fdb5cu, extend(0, buf, sizeof(buf)));

    // iSCSI SCSI read (10) command PDU.
    const unsigned char data[48] = {
        0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
        0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18, 0x28, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    };
    EXPECT_EQ(0xd9963a56u,
              extend(0, reinterpret_cast<const char*>(data), sizeof(data)));
  });
}

TEST(Crc32cTest, FormatSpecVectors) {
  EXPECT_EQ(0xe3069283u, Value("123456789", 9));
  EXPECT_EQ(0xc78ab0e5u, Mask(0xe3069283u));
  EXPECT_EQ(0x8477bb05u, Mask(0x6816f0fau));
  EXPECT_EQ(0u, Value("", 0));
}

TEST(Crc32cTest, ValuesDiffer) { EXPECT_NE(Value("a", 1), Value("foo", 3)); }

TEST(Crc32cTest, ExtendComposes) {
  ForBothPaths([](ExtendFn extend) {
    EXPECT_EQ(extend(0, "hello world", 11),
              extend(extend(0, "hello ", 6), "world", 5));
  });
}

TEST(Crc32cTest, HardwareAndPortableAgree) {
  Random rnd(301);
  std::string data(70000, '\0');
  for (char& c : data) c = static_cast<char>(rnd.Uniform(256));
  // Every small length and alignment, then a few large pieces.
  for (size_t offset = 0; offset < 16; ++offset) {
    for (size_t n = 0; n < 300; ++n) {
      ASSERT_EQ(ExtendPortable(0x1234u, data.data() + offset, n),
                Extend(0x1234u, data.data() + offset, n))
          << offset << " " << n;
    }
  }
  for (size_t n : {1000u, 4096u, 65536u, 69999u}) {
    EXPECT_EQ(ExtendPortable(0, data.data() + 1, n),
              Extend(0, data.data() + 1, n));
  }
}

TEST(Crc32cTest, ReportsPath) {
  // Either answer is fine; the call must simply be consistent.
  EXPECT_EQ(IsFastCrc32Supported(), IsFastCrc32Supported());
}

TEST(Crc32cTest, MaskRoundTrip) {
  const uint32_t crc = Value("foo", 3);
  EXPECT_NE(crc, Mask(crc));
  EXPECT_NE(crc, Mask(Mask(crc)));
  EXPECT_EQ(crc, Unmask(Mask(crc)));
  EXPECT_EQ(crc, Unmask(Unmask(Mask(Mask(crc)))));
  Random rnd(7);
  for (int i = 0; i < 1000; ++i) {
    const uint32_t v = rnd.Next() * 2654435761u;
    ASSERT_EQ(v, Unmask(Mask(v)));
  }
}

}  // namespace
}  // namespace crc32c
}  // namespace ROCKSDB_NAMESPACE
