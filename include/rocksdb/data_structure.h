// Copyright (c) the rocksdb-cleanroom authors.
//
// SmallEnumSet: a set of enum values in [0, MAX_VALUE], MAX_VALUE <= 63,
// stored as one 64-bit mask.
#pragma once

#include <assert.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

template <typename ENUM_TYPE, ENUM_TYPE MAX_VALUE>
class SmallEnumSet {
 public:
  SmallEnumSet() : state_(0) {}

  ~SmallEnumSet() {}

  // Adds value; returns true iff it was not already present.
  // REQUIRES: 0 <= value <= MAX_VALUE
  bool Add(const ENUM_TYPE value) {
    static_assert(MAX_VALUE <= 63, "SmallEnumSet holds at most 64 values");
    assert(value >= 0 && value <= MAX_VALUE);
    const uint64_t before = state_;
    state_ |= Bit(value);
    return state_ != before;
  }

  // REQUIRES: 0 <= value <= MAX_VALUE
  bool Contains(const ENUM_TYPE value) {
    static_assert(MAX_VALUE <= 63, "SmallEnumSet holds at most 64 values");
    assert(value >= 0 && value <= MAX_VALUE);
    return (state_ & Bit(value)) != 0;
  }

 private:
  static uint64_t Bit(ENUM_TYPE value) {
    return uint64_t{1} << static_cast<unsigned>(value);
  }

  uint64_t state_;
};

}  // namespace ROCKSDB_NAMESPACE
