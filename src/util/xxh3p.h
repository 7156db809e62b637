// Copyright (c) the rocksdb-cleanroom authors.
//
// XXH3p: the 64-bit "preview" XXH3 of xxHash release v0.7.2, as RocksDB
// uses it for format_version 5 Bloom filters. It is NOT the final XXH3 of
// libxxhash (util/hash.h): results differ for nearly every input, so it is
// written here by hand from ../shared/specs/XXH3_PREVIEW_SPEC.md.
//
// On disk (filter bit positions are derived from it): never change.
#pragma once

#include <cstddef>
#include <cstdint>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// XXH3_64bits_withSeed of xxHash v0.7.2, except for empty input, where it
// follows RocksDB's rule (spec section 9): a seed-dependent value, not 0.
// data may be null when len is 0.
uint64_t XXH3p_64bits_withSeed(const void* data, size_t len, uint64_t seed);

// Same with seed 0: the Bloom filter hash.
inline uint64_t XXH3p_64bits(const void* data, size_t len) {
  return XXH3p_64bits_withSeed(data, len, 0);
}

}  // namespace ROCKSDB_NAMESPACE
