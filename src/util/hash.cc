// Copyright (c) the rocksdb-cleanroom authors.
//
// Thin wrappers over libxxhash, and Hash32 (a 32-bit fold of XXH3 with the
// seed; any good mix would do, since it never reaches disk).
#include "util/hash.h"

#include <xxhash.h>

namespace ROCKSDB_NAMESPACE {

uint64_t XXH3_64(const char* data, size_t n, uint64_t seed) {
  return XXH3_64bits_withSeed(data, n, seed);
}

uint32_t XXH32Hash(const char* data, size_t n, uint32_t seed) {
  return ::XXH32(data, n, seed);
}

uint64_t XXH64Hash(const char* data, size_t n, uint64_t seed) {
  return ::XXH64(data, n, seed);
}

uint32_t Hash32(const char* data, size_t n, uint32_t seed) {
  const uint64_t h = XXH3_64bits_withSeed(data, n, seed);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

}  // namespace ROCKSDB_NAMESPACE
