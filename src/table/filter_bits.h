// Copyright (c) the rocksdb-cleanroom authors.
//
// The bits of one full filter: FilterBitsBuilder turns keys into filter
// block contents, FilterBitsReader answers "may this key be in the set?"
// over such contents. Both classes are only forward-declared by
// include/rocksdb/filter_policy.h; this header gives their definitions.
//
// The format written is RocksDB's format_version 5 "FastLocalBloom"
// (ROCKSDB_FORMAT_SPEC.md 5.7): the same keys and bits per key give the same
// bytes as RocksDB 7.8.3.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "rocksdb/filter_policy.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// Collects the keys of one filter. Call order: AddKey* Finish, after which
// the builder is empty again and may be reused. Not thread-safe.
class FilterBitsBuilder {
 public:
  virtual ~FilterBitsBuilder() {}

  // Adds a key (a whole user key or a prefix; the caller decides). A key
  // equal to the one added just before is ignored.
  virtual void AddKey(const Slice& key) = 0;

  // Number of distinct keys added since the last Finish (duplicates of the
  // previous key not counted).
  virtual size_t EstimateEntriesAdded() = 0;

  // Returns the filter block contents, 5-byte trailer included. *buf owns
  // the bytes; the Slice is valid while *buf is.
  virtual Slice Finish(std::unique_ptr<const char[]>* buf) = 0;

  // About how many keys fit in a filter of `bytes` bytes.
  virtual size_t ApproximateNumEntries(size_t bytes) { return bytes; }
};

// Queries one filter. The contents it was made from must outlive it.
// MayMatch is const in effect: one reader may serve several threads.
class FilterBitsReader {
 public:
  virtual ~FilterBitsReader() {}

  // False only if `entry` was certainly not added.
  virtual bool MayMatch(const Slice& entry) = 0;

  // may_match[i] = MayMatch(*keys[i]) for i in [0, num_keys).
  virtual void MayMatch(int num_keys, Slice** keys, bool* may_match);
};

// Returns a reader for any filter block contents: a FastLocalBloom filter
// is read for real; a filter of at most 5 bytes never matches; Ribbon,
// legacy Bloom, and unknown or malformed formats always match. Never null.
std::unique_ptr<FilterBitsReader> NewFilterBitsReader(const Slice& contents);

// FastLocalBloom sizing (spec 5.7), in thousandths of a bit per key as kept
// by BloomLikeFilterPolicy::GetMillibitsPerKey().
//
// Number of probes per key, 1..24. REQUIRES: millibits_per_key > 0
int FastLocalBloomNumProbes(int millibits_per_key);
// Bytes of the bit array (a multiple of 64, trailer excluded) for
// num_keys keys. REQUIRES: millibits_per_key > 0
size_t FastLocalBloomBitsLength(size_t num_keys, int millibits_per_key);

// Returns a FastLocalBloom builder. REQUIRES: millibits_per_key > 0
std::unique_ptr<FilterBitsBuilder> NewFastLocalBloomBuilder(
    int millibits_per_key);

}  // namespace ROCKSDB_NAMESPACE
