// Copyright (c) the rocksdb-cleanroom authors.
//
// XXH3p (xxHash v0.7.2 XXH3_64bits_withSeed) from
// ../shared/specs/XXH3_PREVIEW_SPEC.md; section numbers below refer to it.
//
//   len 0        RocksDB's empty-input rule (section 9)
//   len 1..16    one of three short formulas (section 6)
//   len 17..240  sums of 16-byte multiply-folds against the default secret
//                (section 7)
//   len > 240    8 lanes accumulated over 64-byte stripes, scrambled after
//                every 1024-byte block, then merged (section 8)
//
// Every read of input or secret is little-endian and unaligned.

#include "util/xxh3p.h"

#include <cstring>

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr uint64_t kP32_1 = 0x9E3779B1ull;
constexpr uint64_t kP32_2 = 0x85EBCA77ull;
constexpr uint64_t kP32_3 = 0xC2B2AE3Dull;
constexpr uint64_t kP64_1 = 0x9E3779B185EBCA87ull;
constexpr uint64_t kP64_2 = 0xC2B2AE3D27D4EB4Full;
constexpr uint64_t kP64_3 = 0x165667B19E3779F9ull;
constexpr uint64_t kP64_4 = 0x85EBCA77C2B2AE63ull;
constexpr uint64_t kP64_5 = 0x27D4EB2F165667C5ull;

constexpr size_t kSecretSize = 192;
constexpr size_t kStripeLen = 64;
constexpr size_t kStripesPerBlock = 16;
constexpr size_t kBlockLen = kStripeLen * kStripesPerBlock;

// The default secret (section 3).
alignas(64) constexpr uint8_t kSecret[kSecretSize] = {
    0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c,
    0xf7, 0x21, 0xad, 0x1c, 0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb,
    0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f, 0xcb, 0x79, 0xe6, 0x4e,
    0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
    0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6,
    0x81, 0x3a, 0x26, 0x4c, 0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb,
    0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3, 0x71, 0x64, 0x48, 0x97,
    0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
    0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7,
    0xc7, 0x0b, 0x4f, 0x1d, 0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31,
    0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64, 0xea, 0xc5, 0xac, 0x83,
    0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
    0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26,
    0x29, 0xd4, 0x68, 0x9e, 0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc,
    0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce, 0x45, 0xcb, 0x3a, 0x8f,
    0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
};

inline uint32_t Le32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap32(v);
#endif
  return v;
}

inline uint64_t Le64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

inline void StoreLe64(uint8_t* p, uint64_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  std::memcpy(p, &v, sizeof(v));
}

// Low half XOR high half of the full 128-bit product (section 4).
inline uint64_t MulFold(uint64_t a, uint64_t b) {
  const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
}

inline uint64_t Avalanche(uint64_t h) {
  h ^= h >> 37;
  h *= kP64_3;
  h ^= h >> 32;
  return h;
}

// 16 input bytes at `in` against 16 default-secret bytes at `secret`.
inline uint64_t Mix16(const uint8_t* in, const uint8_t* secret, uint64_t seed) {
  return MulFold(Le64(in) ^ (Le64(secret) + seed),
                 Le64(in + 8) ^ (Le64(secret + 8) - seed));
}

// Section 6: 1..16 bytes.
inline uint64_t HashShort(const uint8_t* in, size_t len, uint64_t seed) {
  if (len > 8) {
    const uint64_t x = Le64(in) ^ (Le64(kSecret) + seed);
    const uint64_t y = Le64(in + len - 8) ^ (Le64(kSecret + 8) - seed);
    return Avalanche(len + x + y + MulFold(x, y));
  }
  if (len >= 4) {
    const uint64_t v =
        Le32(in) | (static_cast<uint64_t>(Le32(in + len - 4)) << 32);
    const uint64_t k = v ^ (Le64(kSecret) + seed);
    const uint64_t m = len + ((k ^ (k >> 51)) * kP32_1);
    return Avalanche((m ^ (m >> 47)) * kP64_2);
  }
  const uint32_t v = static_cast<uint32_t>(in[0]) |
                     (static_cast<uint32_t>(in[len >> 1]) << 8) |
                     (static_cast<uint32_t>(in[len - 1]) << 16) |
                     (static_cast<uint32_t>(len) << 24);
  const uint64_t k = v ^ (Le32(kSecret) + seed);
  return Avalanche(k * kP64_1);
}

// Section 7.1: 17..128 bytes.
uint64_t HashMedium(const uint8_t* in, size_t len, uint64_t seed) {
  uint64_t acc = len * kP64_1;
  if (len > 32) {
    if (len > 64) {
      if (len > 96) {
        acc += Mix16(in + 48, kSecret + 96, seed);
        acc += Mix16(in + len - 64, kSecret + 112, seed);
      }
      acc += Mix16(in + 32, kSecret + 64, seed);
      acc += Mix16(in + len - 48, kSecret + 80, seed);
    }
    acc += Mix16(in + 16, kSecret + 32, seed);
    acc += Mix16(in + len - 32, kSecret + 48, seed);
  }
  acc += Mix16(in, kSecret, seed);
  acc += Mix16(in + len - 16, kSecret + 16, seed);
  return Avalanche(acc);
}

// Section 7.2: 129..240 bytes.
uint64_t HashMedium240(const uint8_t* in, size_t len, uint64_t seed) {
  uint64_t acc = len * kP64_1;
  for (size_t i = 0; i < 8; ++i) {
    acc += Mix16(in + 16 * i, kSecret + 16 * i, seed);
  }
  acc = Avalanche(acc);
  const size_t rounds = len / 16;
  for (size_t i = 8; i < rounds; ++i) {
    acc += Mix16(in + 16 * i, kSecret + 16 * (i - 8) + 3, seed);
  }
  acc += Mix16(in + len - 16, kSecret + 119, seed);
  return Avalanche(acc);
}

// Section 8.3: one 64-byte stripe into the 8 lanes.
inline void AccumulateStripe(uint64_t* acc, const uint8_t* in,
                             const uint8_t* secret) {
  for (size_t i = 0; i < 8; ++i) {
    const uint64_t d = Le64(in + 8 * i);
    const uint64_t k = d ^ Le64(secret + 8 * i);
    acc[i] += d + (k & 0xFFFFFFFFull) * (k >> 32);
  }
}

// Section 8.4, with the last 64 bytes of the secret.
inline void Scramble(uint64_t* acc, const uint8_t* secret) {
  const uint8_t* key = secret + kSecretSize - kStripeLen;
  for (size_t i = 0; i < 8; ++i) {
    uint64_t a = acc[i];
    a ^= a >> 47;
    a ^= Le64(key + 8 * i);
    acc[i] = a * kP32_1;
  }
}

// Section 8: more than 240 bytes.
uint64_t HashLong(const uint8_t* in, size_t len, uint64_t seed) {
  uint8_t derived[kSecretSize];
  const uint8_t* secret = kSecret;
  if (seed != 0) {
    for (size_t j = 0; j < kSecretSize / 16; ++j) {
      StoreLe64(derived + 16 * j, Le64(kSecret + 16 * j) + seed);
      StoreLe64(derived + 16 * j + 8, Le64(kSecret + 16 * j + 8) - seed);
    }
    secret = derived;
  }
  uint64_t acc[8] = {kP32_3, kP64_1, kP64_2, kP64_3,
                     kP64_4, kP32_2, kP64_5, kP32_1};
  const size_t blocks = len / kBlockLen;
  for (size_t b = 0; b < blocks; ++b) {
    const uint8_t* block = in + b * kBlockLen;
    for (size_t s = 0; s < kStripesPerBlock; ++s) {
      AccumulateStripe(acc, block + s * kStripeLen, secret + 8 * s);
    }
    Scramble(acc, secret);
  }
  const size_t base = blocks * kBlockLen;
  const size_t stripes = (len - base) / kStripeLen;
  for (size_t s = 0; s < stripes; ++s) {
    AccumulateStripe(acc, in + base + s * kStripeLen, secret + 8 * s);
  }
  if (len % kStripeLen != 0) {
    AccumulateStripe(acc, in + len - kStripeLen,
                     secret + kSecretSize - kStripeLen - 7);
  }
  uint64_t result = len * kP64_1;
  for (size_t j = 0; j < 4; ++j) {
    result += MulFold(acc[2 * j] ^ Le64(secret + 11 + 16 * j),
                      acc[2 * j + 1] ^ Le64(secret + 19 + 16 * j));
  }
  return Avalanche(result);
}

}  // namespace

uint64_t XXH3p_64bits_withSeed(const void* data, size_t len, uint64_t seed) {
  const uint8_t* in = static_cast<const uint8_t*>(data);
  if (len <= 16) {
    if (len == 0) return MulFold(seed + Le64(kSecret), kP64_2);
    return HashShort(in, len, seed);
  }
  if (len <= 128) return HashMedium(in, len, seed);
  if (len <= 240) return HashMedium240(in, len, seed);
  return HashLong(in, len, seed);
}

}  // namespace ROCKSDB_NAMESPACE
