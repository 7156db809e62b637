// Copyright (c) the rocksdb-cleanroom authors.
//
// Comparator: the total order of user keys in a DB and its files. It must be
// thread-safe, and must not let exceptions escape into the library. Keys may
// end in a fixed-size timestamp (timestamp_size() bytes); Compare orders
// equal user keys by newer timestamp first.
#pragma once

#include <string>

#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class Slice;

// Three-way comparison shared by Comparator and internal structures.
class CompareInterface {
 public:
  virtual ~CompareInterface() {}

  // <0, 0 or >0 as a is less than, equal to or greater than b (timestamps
  // included when the comparator has them).
  virtual int Compare(const Slice& a, const Slice& b) const = 0;
};

class Comparator : public Customizable, public CompareInterface {
 public:
  Comparator() : timestamp_size_(0) {}

  // A comparator whose keys end in ts_sz timestamp bytes.
  Comparator(size_t ts_sz) : timestamp_size_(ts_sz) {}

  Comparator(const Comparator& orig) : timestamp_size_(orig.timestamp_size_) {}

  Comparator& operator=(const Comparator& rhs) {
    if (this != &rhs) {
      timestamp_size_ = rhs.timestamp_size_;
    }
    return *this;
  }

  ~Comparator() override {}

  // Finds a built-in comparator by name or id (e.g.
  // "leveldb.BytewiseComparator"). *comp is not owned by the caller.
  static Status CreateFromString(const ConfigOptions& opts,
                                 const std::string& id,
                                 const Comparator** comp);
  static const char* Type() { return "Comparator"; }

  // Stored in the DB and checked at open: change it whenever the order
  // changes. Names starting with "rocksdb." are reserved.
  const char* Name() const override = 0;

  // Must agree with Compare(a, b) == 0; override only to be faster.
  virtual bool Equal(const Slice& a, const Slice& b) const {
    return Compare(a, b) == 0;
  }

  // If *start < limit, may change *start to a shorter string in
  // [*start, limit). Doing nothing is correct.
  virtual void FindShortestSeparator(std::string* start,
                                     const Slice& limit) const = 0;

  // May change *key to a shorter string >= *key. Doing nothing is correct.
  virtual void FindShortSuccessor(std::string* key) const = 0;

  // True only if t is the immediate successor of s among keys of the same
  // length and no key beginning with t sorts before t. False is always safe.
  virtual bool IsSameLengthImmediateSuccessor(const Slice& /*s*/,
                                              const Slice& /*t*/) const {
    return false;
  }

  // True if keys with different bytes may compare equal (which rules out
  // byte-hashing indexes such as the data block hash index).
  virtual bool CanKeysWithDifferentByteContentsBeEqual() const { return true; }

  // The innermost comparator of a wrapper; this one otherwise.
  virtual const Comparator* GetRootComparator() const { return this; }

  inline size_t timestamp_size() const { return timestamp_size_; }

  // Compares keys that both carry timestamps, ignoring the timestamps.
  int CompareWithoutTimestamp(const Slice& a, const Slice& b) const {
    return CompareWithoutTimestamp(a, /*a_has_ts=*/true, b, /*b_has_ts=*/true);
  }

  // Orders two timestamps (all-zero bytes are the oldest). The default
  // treats every pair as equal.
  virtual int CompareTimestamp(const Slice& /*ts1*/,
                               const Slice& /*ts2*/) const {
    return 0;
  }

  // Compares the user-key parts of a and b; *_has_ts says whether each
  // carries a timestamp. The default is Compare(a, b).
  virtual int CompareWithoutTimestamp(const Slice& a, bool /*a_has_ts*/,
                                      const Slice& b, bool /*b_has_ts*/) const {
    return Compare(a, b);
  }

  virtual bool EqualWithoutTimestamp(const Slice& a, const Slice& b) const {
    return CompareWithoutTimestamp(a, /*a_has_ts=*/true, b,
                                   /*b_has_ts=*/true) == 0;
  }

 private:
  size_t timestamp_size_;
};

// The built-in byte-wise (memcmp) order, named "leveldb.BytewiseComparator".
// A static object: never delete it.
extern const Comparator* BytewiseComparator();

// The reverse of BytewiseComparator, named
// "rocksdb.ReverseBytewiseComparator". A static object: never delete it.
extern const Comparator* ReverseBytewiseComparator();

}  // namespace ROCKSDB_NAMESPACE
