// Copyright (c) the rocksdb-cleanroom authors.
//
// XXH3p against every test vector of ../shared/specs/XXH3_PREVIEW_SPEC.md
// section 12 (which includes the XXH3p column of ROCKSDB_FORMAT_SPEC.md
// appendix A), both seeds, plus properties that a wrong branch would break.

#include "util/xxh3p.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "util/hash.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr uint64_t kSeed1 = 0x0123456789ABCDEFull;

// The spec's A(n): bytes (7*i + n) mod 256.
std::string A(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((7 * i + n) & 0xff);
  return s;
}

// The spec's B(n): bytes i mod 256.
std::string B(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i & 0xff);
  return s;
}

struct Vector {
  std::string input;
  uint64_t seed0;
  uint64_t seed1;
};

TEST(Xxh3pTest, SpecVectors) {
  const Vector vectors[] = {
      {"", 0x5342C3010FE1DD04ull, 0x31C8BA0F4B97F2EAull},  // RocksDB rule
      {"a", 0x88D868BF607681C7ull, 0xD393238B74077EA1ull},
      {A(2), 0x454F80236B9571AAull, 0x39898A86EF7AB54Cull},
      {A(3), 0x6731A716813EE5F1ull, 0x407D44A123C7B453ull},
      {B(3), 0xC0360A11B4791B98ull, 0xE50C6B9279B8D3E2ull},
      {A(4), 0x737B5651F3A8F15Full, 0x3A68BBC7FF646B12ull},
      {"hello", 0xA0BBC238C97657B5ull, 0xCC92390F7720B64Bull},
      {B(7), 0x94A704424645A947ull, 0x48A75C1C1E16D2EDull},
      {A(8), 0x10BCF098D95272C7ull, 0x6287B7F5D29F9EE7ull},
      {"key000000", 0xC42DC166A6DD1C90ull, 0x70BD876002155E20ull},
      {A(12), 0xD7493C58B3F85368ull, 0xFDA9DBAC8D23CB53ull},
      {"0123456789abcdef", 0x402C83C1955D056Dull, 0x2AD661A04EAB5A2Eull},
      {A(16), 0x50E2EC3247D9C2C3ull, 0xD627F6FC6B29AD1Cull},
      {A(17), 0x1E6BD98AD16D694Aull, 0xC5B632041461896Eull},
      {"0123456789abcdefg", 0x1DE5BAB5896CD852ull, 0x3B5E9F266B26A220ull},
      {A(32), 0x14832B3EE40C35F9ull, 0x3F3A3C845ECC1AA6ull},
      {A(33), 0x38A64A0355E5D76Cull, 0x43B207DA84508E2Full},
      {A(64), 0xF54939F42965D7FBull, 0x5DEA614C2537ED18ull},
      {A(65), 0x489FA74A78D8C404ull, 0x3213C7D98F975125ull},
      {A(96), 0x9D66868D5B0C77A9ull, 0x74C3B17FFA39CA1Eull},
      {A(97), 0x8155D147F03EF93Aull, 0xCD815AF64A570794ull},
      {A(128), 0x2148D5D96F5CDCC6ull, 0xC88B9ECA8C22A370ull},
      {B(128), 0x7AA5DB2C8097080Bull, 0x242C39A797CEECB4ull},
      {A(129), 0x7979EBFA83CE5873ull, 0x64CA2760CE901C2Aull},
      {B(129), 0xA06D81743056CEBCull, 0xD551B72E9316D656ull},
      {A(200), 0xD7C3172A2230984Dull, 0x09C8CE21B262016Bull},
      {A(240), 0x2390671AC440B635ull, 0x5404804E35C246E1ull},
      {B(240), 0xD1253A6DEC8C35FCull, 0x0F07F01FC98F80C7ull},
      {A(241), 0xA9006647FDDD8309ull, 0xD703898E09028775ull},
      {B(241), 0xB78DF6016A18C222ull, 0x2501407680D370E2ull},
      {A(256), 0xD2A98EC62F2B0C27ull, 0x7623B6682F330069ull},
      {A(300), 0xDCBA4FFE13B5C865ull, 0x46B9FA0A53A7AB89ull},
      {B(1000), 0xCE36CC501354ECADull, 0x25844C0AB0E9F7A1ull},
      {A(1024), 0x870AF3454AFCF950ull, 0xB5FFD97507FF35A6ull},
      {A(1030), 0x2A107E246C7F4AF4ull, 0x62DA26430ACD320Eull},
      {A(1088), 0x572C29F784161292ull, 0xC8DEE21A2A3289B6ull},
      {A(2048), 0x112655CD98BA3D9Eull, 0x7FA98A1498CAB2BAull},
      {A(5000), 0x97F6DE09E9BA8440ull, 0xD5DFCEEF951F9B15ull},
  };
  for (const Vector& v : vectors) {
    const size_t n = v.input.size();
    EXPECT_EQ(v.seed0, XXH3p_64bits(v.input.data(), n)) << "len " << n;
    EXPECT_EQ(v.seed0, XXH3p_64bits_withSeed(v.input.data(), n, 0))
        << "len " << n;
    EXPECT_EQ(v.seed1, XXH3p_64bits_withSeed(v.input.data(), n, kSeed1))
        << "len " << n;
  }
}

TEST(Xxh3pTest, EmptyInputAcceptsNullData) {
  EXPECT_EQ(0x5342C3010FE1DD04ull, XXH3p_64bits(nullptr, 0));
  // No avalanche for empty input: a plain multiply-fold of the seed.
  EXPECT_NE(XXH3p_64bits_withSeed(nullptr, 0, 1), XXH3p_64bits(nullptr, 0));
}

// The preview is not the final XXH3 (util/hash.h) on any length class.
TEST(Xxh3pTest, DiffersFromFinalXxh3) {
  for (size_t n : {1, 3, 5, 8, 12, 16, 17, 100, 128, 200, 240, 241, 1030}) {
    const std::string in = A(n);
    EXPECT_NE(XXH3_64(in.data(), n), XXH3p_64bits(in.data(), n)) << n;
  }
}

// Reads stay inside [data, data + len) and do not depend on alignment:
// hashing a copy at every offset of a larger buffer gives the same value.
TEST(Xxh3pTest, IndependentOfAlignment) {
  for (size_t n : {1, 4, 9, 17, 129, 241, 1500}) {
    const std::string in = B(n);
    const uint64_t expected = XXH3p_64bits(in.data(), n);
    for (size_t offset = 1; offset < 8; ++offset) {
      std::string buf(offset, 'x');
      buf += in;
      EXPECT_EQ(expected, XXH3p_64bits(buf.data() + offset, n)) << n;
    }
  }
}

// Every length up to 2100 and a changed last byte give distinct values
// (catches a branch that ignores the tail or the length).
TEST(Xxh3pTest, LengthAndTailMatter) {
  std::set<uint64_t> seen;
  const std::string in = A(2100);
  for (size_t n = 0; n <= in.size(); ++n) {
    EXPECT_TRUE(seen.insert(XXH3p_64bits(in.data(), n)).second) << n;
    if (n > 0) {
      std::string changed = in.substr(0, n);
      changed[n - 1] ^= 1;
      EXPECT_NE(XXH3p_64bits(in.data(), n), XXH3p_64bits(changed.data(), n))
          << n;
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
