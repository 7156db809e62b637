// Copyright (c) the rocksdb-cleanroom authors.
//
// The SSE4.2 crc32 instruction, for util/crc32c. Only crc32c_sse42.cc is
// compiled with -msse4.2; callers must check HasSse42Crc32() first.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace port {

// True if this build has the SSE4.2 path and the CPU supports it.
bool HasSse42Crc32();

// Raw CRC-32C update over data[0, n): no initial or final inversion.
// REQUIRES: HasSse42Crc32()
uint32_t Sse42Crc32Update(uint32_t state, const char* data, size_t n);

}  // namespace port
}  // namespace ROCKSDB_NAMESPACE
