// Copyright (c) the rocksdb-cleanroom authors.
//
// Non-cryptographic hashes. XXH3_64 is the final XXH3 of libxxhash (>=
// 0.8), used for kXXH3 block checksums (on disk: never change). Hash32 is a
// fast 32-bit hash for in-memory tables only (its values may change).
// Note: the Bloom filter's "XXH3 preview" (xxHash 0.7.2) is a different
// function; see ../shared/specs/XXH3_PREVIEW_SPEC.md.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// XXH3_64bits_withSeed of libxxhash.
uint64_t XXH3_64(const char* data, size_t n, uint64_t seed = 0);

// Also from libxxhash, for the older checksum types: XXH32 and XXH64.
uint32_t XXH32Hash(const char* data, size_t n, uint32_t seed);
uint64_t XXH64Hash(const char* data, size_t n, uint64_t seed);

// A 32-bit hash of data[0, n) for in-memory use.
uint32_t Hash32(const char* data, size_t n, uint32_t seed);

inline uint32_t Hash32(const Slice& s, uint32_t seed) {
  return Hash32(s.data(), s.size(), seed);
}

inline uint64_t XXH3_64(const Slice& s, uint64_t seed = 0) {
  return XXH3_64(s.data(), s.size(), seed);
}

}  // namespace ROCKSDB_NAMESPACE
