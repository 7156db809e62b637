// Copyright (c) the rocksdb-cleanroom authors.
//
// FilterPolicy: decides which filter (Bloom, Ribbon or none) table files
// carry so that point lookups can skip files that cannot hold a key. The
// built-in policies come from NewBloomFilterPolicy() and
// NewRibbonFilterPolicy().
#pragma once

#include <stdlib.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "rocksdb/advanced_options.h"
#include "rocksdb/customizable.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

class Logger;
class Slice;
struct BlockBasedTableOptions;
struct ConfigOptions;

// Internal classes that build and query the bits of one filter.
class FilterBitsBuilder;
class FilterBitsReader;

// What is known about a table file when its filter is built. A short-lived
// stack object that refers to `table_options`.
struct FilterBuildingContext {
  // For internal use; may change.
  FilterBuildingContext(const BlockBasedTableOptions& table_options);

  const BlockBasedTableOptions& table_options;

  // From the DB/column family options in effect.
  CompactionStyle compaction_style = kCompactionStyleLevel;
  // Number of LSM levels, -1 if unknown.
  int num_levels = -1;
  Logger* info_log = nullptr;

  // Column family name, empty if unknown.
  std::string column_family_name;

  // Level the file is written for, -1 if unknown or not applicable.
  int level_at_creation = -1;

  // True when the file is known to go to the bottommost sorted run of its
  // key range.
  bool is_bottommost = false;

  TableFileCreationReason reason = TableFileCreationReason::kMisc;
};

class FilterPolicy : public Customizable {
 public:
  virtual ~FilterPolicy();
  static const char* Type() { return "FilterPolicy"; }

  // Name of the family of policies that can read each other's filters
  // (shared by the built-in Bloom and Ribbon policies). Written to table
  // files; a wrapper must return the wrapped policy's value.
  virtual const char* CompatibilityName() const = 0;

  // Creates a policy from an id, an id with options, or an old-style string
  // such as "bloomfilter:10" (same as NewBloomFilterPolicy(10)).
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& value,
                                 std::shared_ptr<const FilterPolicy>* result);

  // Returns a new builder (owned by the caller) for a full or partitioned
  // filter, or nullptr for "no filter". Custom policies should delegate to
  // a built-in one, choosing it from the context.
  virtual FilterBitsBuilder* GetBuilderWithContext(
      const FilterBuildingContext&) const = 0;

  // Returns a new reader (owned by the caller) for the filter in `contents`,
  // which the caller keeps alive. Built-in policies read any built-in
  // filter.
  virtual FilterBitsReader* GetFilterBitsReader(
      const Slice& /*contents*/) const = 0;
};

// Returns a new Bloom filter policy (owned by the caller) with about
// `bits_per_key` bits per key; 9.9 gives about 1% false positives. Values
// below 0.5 mean "no filter", values in [0.5, 1) are raised to 1. The second
// argument is ignored. Not for comparators that ignore parts of the key.
extern const FilterPolicy* NewBloomFilterPolicy(
    double bits_per_key, bool IGNORED_use_block_based_builder = false);

// Returns a new Ribbon filter policy (owned by the caller): the false
// positive rate of a Bloom filter with bloom_equivalent_bits_per_key, in
// about 30% less space but more CPU to build. Files for levels below
// bloom_before_level (flushes count as level -1) still get Bloom filters;
// -1 means Ribbon everywhere.
extern const FilterPolicy* NewRibbonFilterPolicy(
    double bloom_equivalent_bits_per_key, int bloom_before_level = 0);

}  // namespace ROCKSDB_NAMESPACE
