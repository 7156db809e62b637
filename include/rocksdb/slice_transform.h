// Copyright (c) the rocksdb-cleanroom authors.
//
// SliceTransform: maps a key to a shorter key (usually a prefix). Its main
// use is ColumnFamilyOptions::prefix_extractor, which drives prefix Bloom
// filters and prefix seeks.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
struct ConfigOptions;

// Implementations must be thread-safe and must not throw.
class SliceTransform : public Customizable {
 public:
  virtual ~SliceTransform(){};

  // Identifies the transform; stored in table files.
  virtual const char* Name() const override = 0;
  static const char* Type() { return "SliceTransform"; }

  // Creates a transform from an id such as "fixed:3", "capped:4",
  // "rocksdb.FixedPrefix.3", "rocksdb.CappedPrefix.4" or "rocksdb.Noop".
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& id,
                                 std::shared_ptr<const SliceTransform>* result);

  // The transform's id with its options, e.g. "rocksdb.FixedPrefix.3".
  std::string AsString() const;

  // The prefix of `key`; the result points into `key`'s data.
  // REQUIRES: InDomain(key).
  virtual Slice Transform(const Slice& key) const = 0;

  // Whether `key` can be transformed (e.g. is long enough for a fixed
  // prefix). Keys outside the domain bypass prefix filters.
  virtual bool InDomain(const Slice& key) const = 0;

  // DEPRECATED: unused.
  virtual bool InRange(const Slice& /*dst*/) const { return false; }

  // If every result is at most n bytes and some are exactly n, may return
  // true with *len = n (enables more auto_prefix_mode optimization).
  virtual bool FullLengthEnabled(size_t* /*len*/) const { return false; }

  // True if Transform(s) == Transform(prefix) for every s starting with
  // `prefix`, i.e. a prefix seek on `prefix` may use the prefix filter.
  virtual bool SameResultWhenAppended(const Slice& /*prefix*/) const {
    return false;
  }
};

// Returns a new transform (owned by the caller) keeping the first
// prefix_len bytes; shorter keys are outside its domain.
extern const SliceTransform* NewFixedPrefixTransform(size_t prefix_len);

// Returns a new transform (owned by the caller) keeping at most cap_len
// bytes; every key is in its domain.
extern const SliceTransform* NewCappedPrefixTransform(size_t cap_len);

// Returns a new identity transform (owned by the caller).
extern const SliceTransform* NewNoopTransform();

}  // namespace ROCKSDB_NAMESPACE
