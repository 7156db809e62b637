// Copyright (c) the rocksdb-cleanroom authors.
//
// Wide columns: an entity is a key mapped to a list of (name, value) columns.
// WideColumn is a pair of borrowed Slices; PinnableWideColumns owns (or pins)
// the serialized entity and exposes it as an index of columns.
#pragma once

#include <ostream>
#include <tuple>
#include <utility>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// One column: a name and a value. Both Slices point into memory owned by
// someone else, which must outlive the column.
class WideColumn {
 public:
  WideColumn() = default;

  // Builds the name and value Slices from anything a Slice can be built from
  // (const char*, std::string, Slice, ...).
  template <typename N, typename V>
  WideColumn(N&& name, V&& value)
      : name_(std::forward<N>(name)), value_(std::forward<V>(value)) {}

  // Builds each Slice from a tuple of Slice constructor arguments, e.g.
  // std::forward_as_tuple(ptr, len).
  template <typename NTuple, typename VTuple>
  WideColumn(std::piecewise_construct_t, NTuple&& name_tuple,
             VTuple&& value_tuple)
      : name_(std::make_from_tuple<Slice>(std::forward<NTuple>(name_tuple))),
        value_(std::make_from_tuple<Slice>(std::forward<VTuple>(value_tuple))) {
  }

  const Slice& name() const { return name_; }
  const Slice& value() const { return value_; }

  Slice& name() { return name_; }
  Slice& value() { return value_; }

 private:
  Slice name_;
  Slice value_;
};

// Bytewise equality of name and value.
inline bool operator==(const WideColumn& lhs, const WideColumn& rhs) {
  return lhs.name() == rhs.name() && lhs.value() == rhs.value();
}

inline bool operator!=(const WideColumn& lhs, const WideColumn& rhs) {
  return !(lhs == rhs);
}

// Prints "name:value"; both are hex-encoded when the stream is in hex mode.
inline std::ostream& operator<<(std::ostream& os, const WideColumn& column) {
  const bool hex =
      (os.flags() & std::ios_base::basefield) == std::ios_base::hex;
  os << column.name().ToString(hex) << ':' << column.value().ToString(hex);
  return os;
}

using WideColumns = std::vector<WideColumn>;

// Name of the anonymous column a plain value maps to (the empty string).
extern const Slice kDefaultWideColumnName;

// The empty column list.
extern const WideColumns kNoWideColumns;

// Result holder for wide-column reads. Keeps the serialized entity alive
// (copied, or pinned through a Cleanable) and an index of its columns that
// points into it; columns() is valid until the next Set*/Reset call.
class PinnableWideColumns {
 public:
  const WideColumns& columns() const { return columns_; }
  size_t serialized_size() const { return value_.size(); }

  // Stores a plain value, seen as one column named kDefaultWideColumnName.
  void SetPlainValue(const Slice& value);
  void SetPlainValue(const Slice& value, Cleanable* cleanable);

  // Stores a serialized entity and indexes its columns. Returns Corruption
  // (or NotSupported for an unknown format version) if it does not decode.
  Status SetWideColumnValue(const Slice& value);
  Status SetWideColumnValue(const Slice& value, Cleanable* cleanable);

  void Reset();

 private:
  void CopyValue(const Slice& value);
  void PinOrCopyValue(const Slice& value, Cleanable* cleanable);
  void CreateIndexForPlainValue();
  Status CreateIndexForWideColumns();

  PinnableSlice value_;
  WideColumns columns_;
};

inline void PinnableWideColumns::CopyValue(const Slice& value) {
  value_.PinSelf(value);
}

// With a cleanable, value_ borrows the bytes and takes over the cleanable's
// cleanups; without one it keeps its own copy.
inline void PinnableWideColumns::PinOrCopyValue(const Slice& value,
                                                Cleanable* cleanable) {
  if (cleanable == nullptr) {
    CopyValue(value);
  } else {
    value_.PinSlice(value, cleanable);
  }
}

inline void PinnableWideColumns::CreateIndexForPlainValue() {
  columns_ = WideColumns{{kDefaultWideColumnName, value_}};
}

inline void PinnableWideColumns::SetPlainValue(const Slice& value) {
  CopyValue(value);
  CreateIndexForPlainValue();
}

inline void PinnableWideColumns::SetPlainValue(const Slice& value,
                                               Cleanable* cleanable) {
  PinOrCopyValue(value, cleanable);
  CreateIndexForPlainValue();
}

inline Status PinnableWideColumns::SetWideColumnValue(const Slice& value) {
  CopyValue(value);
  return CreateIndexForWideColumns();
}

inline Status PinnableWideColumns::SetWideColumnValue(const Slice& value,
                                                      Cleanable* cleanable) {
  PinOrCopyValue(value, cleanable);
  return CreateIndexForWideColumns();
}

inline void PinnableWideColumns::Reset() {
  value_.Reset();
  columns_.clear();
}

// Two results are equal when their column lists are.
inline bool operator==(const PinnableWideColumns& lhs,
                       const PinnableWideColumns& rhs) {
  return lhs.columns() == rhs.columns();
}

inline bool operator!=(const PinnableWideColumns& lhs,
                       const PinnableWideColumns& rhs) {
  return !(lhs == rhs);
}

}  // namespace ROCKSDB_NAMESPACE
