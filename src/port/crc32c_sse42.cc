// Copyright (c) the rocksdb-cleanroom authors.
//
// CRC-32C with the SSE4.2 crc32 instruction: bytes until the pointer is
// 8-aligned, then 8 bytes per instruction, then the tail. Built with
// -msse4.2 on x86-64 (src/port/CMakeLists.txt); elsewhere HasSse42Crc32()
// is false and the table code in util/crc32c.cc is used.
#include "port/crc32c_sse42.h"

#include <cstring>

#if defined(__x86_64__) && defined(__SSE4_2__)
#include <nmmintrin.h>
#define ROCKSDB_CLEANROOM_HAVE_SSE42 1
#endif

namespace ROCKSDB_NAMESPACE {
namespace port {

#ifdef ROCKSDB_CLEANROOM_HAVE_SSE42

bool HasSse42Crc32() {
  // __builtin_cpu_init makes the check safe even during static
  // initialization, before the runtime has probed the CPU itself.
  static const bool supported = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") != 0;
  }();
  return supported;
}

uint32_t Sse42Crc32Update(uint32_t state, const char* data, size_t n) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data);
  while (n > 0 && (reinterpret_cast<uintptr_t>(p) & 7) != 0) {
    state = _mm_crc32_u8(state, *p++);
    --n;
  }
  uint64_t wide = state;
  while (n >= 8) {
    uint64_t word;
    memcpy(&word, p, sizeof(word));
    wide = _mm_crc32_u64(wide, word);
    p += 8;
    n -= 8;
  }
  state = static_cast<uint32_t>(wide);
  while (n > 0) {
    state = _mm_crc32_u8(state, *p++);
    --n;
  }
  return state;
}

#else  // no SSE4.2 in this build

bool HasSse42Crc32() { return false; }

uint32_t Sse42Crc32Update(uint32_t state, const char*, size_t) {
  return state;  // never called: HasSse42Crc32() is false
}

#endif

}  // namespace port
}  // namespace ROCKSDB_NAMESPACE
