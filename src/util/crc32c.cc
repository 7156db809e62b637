// Copyright (c) the rocksdb-cleanroom authors.
//
// CRC-32C. The portable path is "slicing by 8": eight 256-entry tables,
// built at compile time, let the loop fold 8 input bytes per step:
//
//   table[0][b]   = CRC of the single byte b (reflected poly 0x82F63B78)
//   table[k][b]   = table[0][table[k-1][b] & 0xff] ^ (table[k-1][b] >> 8)
//
// The hardware path (src/port/crc32c_sse42.cc) is chosen once at startup.
#include "util/crc32c.h"

#include <array>
#include <cstring>

#include "port/crc32c_sse42.h"

namespace ROCKSDB_NAMESPACE {
namespace crc32c {

namespace {

constexpr uint32_t kPoly = 0x82f63b78u;

using Tables = std::array<std::array<uint32_t, 256>, 8>;

constexpr Tables MakeTables() {
  Tables t{};
  for (uint32_t b = 0; b < 256; ++b) {
    uint32_t crc = b;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 1) ? (crc >> 1) ^ kPoly : crc >> 1;
    }
    t[0][b] = crc;
  }
  for (size_t k = 1; k < 8; ++k) {
    for (uint32_t b = 0; b < 256; ++b) {
      const uint32_t prev = t[k - 1][b];
      t[k][b] = t[0][prev & 0xff] ^ (prev >> 8);
    }
  }
  return t;
}

constexpr Tables kTables = MakeTables();

uint32_t PortableUpdate(uint32_t state, const char* data, size_t n) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data);
  while (n > 0 && (reinterpret_cast<uintptr_t>(p) & 7) != 0) {
    state = kTables[0][(state ^ *p++) & 0xff] ^ (state >> 8);
    --n;
  }
  while (n >= 8) {
    // Little-endian load of the first four bytes, mixed into the state.
    const uint32_t lo =
        (static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24)) ^
        state;
    state = kTables[7][lo & 0xff] ^ kTables[6][(lo >> 8) & 0xff] ^
            kTables[5][(lo >> 16) & 0xff] ^ kTables[4][lo >> 24] ^
            kTables[3][p[4]] ^ kTables[2][p[5]] ^ kTables[1][p[6]] ^
            kTables[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    state = kTables[0][(state ^ *p++) & 0xff] ^ (state >> 8);
    --n;
  }
  return state;
}

using UpdateFn = uint32_t (*)(uint32_t, const char*, size_t);

UpdateFn ChooseUpdate() {
  return port::HasSse42Crc32() ? &port::Sse42Crc32Update : &PortableUpdate;
}

}  // namespace

uint32_t Extend(uint32_t init_crc, const char* data, size_t n) {
  static const UpdateFn update = ChooseUpdate();
  return update(init_crc ^ 0xffffffffu, data, n) ^ 0xffffffffu;
}

uint32_t ExtendPortable(uint32_t init_crc, const char* data, size_t n) {
  return PortableUpdate(init_crc ^ 0xffffffffu, data, n) ^ 0xffffffffu;
}

bool IsFastCrc32Supported() { return port::HasSse42Crc32(); }

}  // namespace crc32c
}  // namespace ROCKSDB_NAMESPACE
