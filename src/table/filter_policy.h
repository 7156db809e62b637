// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in filter policies: Bloom ("bloomfilter"), Ribbon
// ("ribbonfilter") and the read-only family policy
// ("rocksdb.BuiltinBloomFilter"). All belong to one read-compatible family,
// so CompatibilityName() is the same for each.
//
// Bloom and Ribbon policies both build FastLocalBloom filters
// (table/filter_bits.h; Ribbon is mapped to Bloom, see docs/compat.md), and
// every built-in policy reads any filter through NewFilterBitsReader().
#pragma once

#include <string>

#include "rocksdb/filter_policy.h"

namespace ROCKSDB_NAMESPACE {

// Policy that can read every built-in filter but builds none.
class BuiltinFilterPolicy : public FilterPolicy {
 public:
  static const char* kClassName() { return "rocksdb.BuiltinBloomFilter"; }
  // The family name written to table properties.
  static const char* kCompatibilityName() {
    return "rocksdb.BuiltinBloomFilter";
  }

  const char* Name() const override { return kClassName(); }
  const char* CompatibilityName() const override {
    return kCompatibilityName();
  }
  // Bloom and Ribbon policies are also instances of this class.
  bool IsInstanceOf(const std::string& name) const override;
  // nullptr: this policy only reads.
  FilterBitsBuilder* GetBuilderWithContext(
      const FilterBuildingContext&) const override;
  // A reader of any filter format (never nullptr); `contents` must outlive
  // it.
  FilterBitsReader* GetFilterBitsReader(const Slice& contents) const override;
};

// Common part of Bloom and Ribbon: the requested accuracy, kept in
// thousandths of a bit per key (RocksDB's rounding, observed).
class BloomLikeFilterPolicy : public BuiltinFilterPolicy {
 public:
  explicit BloomLikeFilterPolicy(double bits_per_key);

  // Bits per key times 1000, after rounding and clamping to [0, 100000];
  // 0 means "no filter".
  int GetMillibitsPerKey() const { return millibits_per_key_; }
  // Bits per key rounded to an integer (for format_version < 5).
  int GetWholeBitsPerKey() const { return (millibits_per_key_ + 500) / 1000; }

  // GetMillibitsPerKey() as a decimal with no trailing zeros, e.g. "6.667".
  std::string BitsPerKeyString() const;

  // A new FastLocalBloom builder at GetMillibitsPerKey(), owned by the
  // caller; nullptr when that is 0 (no filter).
  FilterBitsBuilder* GetBuilderWithContext(
      const FilterBuildingContext&) const override;

 private:
  const int millibits_per_key_;
};

class BloomFilterPolicy : public BloomLikeFilterPolicy {
 public:
  explicit BloomFilterPolicy(double bits_per_key)
      : BloomLikeFilterPolicy(bits_per_key) {}
  static const char* kClassName() { return "bloomfilter"; }
  static const char* kNickName() { return "rocksdb.BloomFilter"; }

  const char* Name() const override { return kClassName(); }
  // "bloomfilter:<bits>:false".
  std::string GetId() const override;

 protected:
  const char* NickName() const override { return kNickName(); }
};

class RibbonFilterPolicy : public BloomLikeFilterPolicy {
 public:
  RibbonFilterPolicy(double bloom_equivalent_bits_per_key,
                     int bloom_before_level)
      : BloomLikeFilterPolicy(bloom_equivalent_bits_per_key),
        bloom_before_level_(bloom_before_level) {}
  static const char* kClassName() { return "ribbonfilter"; }
  static const char* kNickName() { return "rocksdb.RibbonFilter"; }

  const char* Name() const override { return kClassName(); }
  // "ribbonfilter:<bits>:<bloom_before_level>".
  std::string GetId() const override;

  int GetBloomBeforeLevel() const { return bloom_before_level_; }

 protected:
  const char* NickName() const override { return kNickName(); }

 private:
  const int bloom_before_level_;
};

}  // namespace ROCKSDB_NAMESPACE
