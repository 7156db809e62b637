// Copyright (c) the rocksdb-cleanroom authors.
//
// CRC-32C (Castagnoli): reflected polynomial 0x82F63B78, initial value and
// final XOR 0xFFFFFFFF, as in iSCSI and ext4. Uses the SSE4.2 crc32
// instruction when the CPU has it (chosen once at run time) and a table
// otherwise; both give identical results.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace crc32c {

// The CRC of concat(A, data[0, n)) where init_crc is the CRC of A (0 for an
// empty A).
uint32_t Extend(uint32_t init_crc, const char* data, size_t n);

// The CRC of data[0, n).
inline uint32_t Value(const char* data, size_t n) { return Extend(0, data, n); }

// True when Extend runs on the hardware instruction.
bool IsFastCrc32Supported();

// Same results as Extend, always through the portable table code (exposed
// for tests and benchmarks).
uint32_t ExtendPortable(uint32_t init_crc, const char* data, size_t n);

// Stored CRCs are "masked": computing the CRC of a string that contains
// embedded CRCs is otherwise prone to degenerate results.
static constexpr uint32_t kMaskDelta = 0xa282ead8u;

// rotate_right(crc, 15) + kMaskDelta.
inline uint32_t Mask(uint32_t crc) {
  return ((crc >> 15) | (crc << 17)) + kMaskDelta;
}

// Inverse of Mask.
inline uint32_t Unmask(uint32_t masked_crc) {
  const uint32_t rot = masked_crc - kMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace crc32c
}  // namespace ROCKSDB_NAMESPACE
