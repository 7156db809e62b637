// Copyright (c) the rocksdb-cleanroom authors.
//
// Iterator: the public cursor over an ordered sequence of key/value entries
// (a DB, a column family, a table). Const methods may be called from several
// threads at once; any non-const call needs external synchronization.
#pragma once

#include <string>

#include "rocksdb/cleanable.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/wide_columns.h"

namespace ROCKSDB_NAMESPACE {

class Iterator : public Cleanable {
 public:
  Iterator() {}
  Iterator(const Iterator&) = delete;
  void operator=(const Iterator&) = delete;

  virtual ~Iterator() {}

  // True iff positioned on an entry. Always false when !status().ok().
  virtual bool Valid() const = 0;

  // Positions on the first / last entry; Valid() afterwards iff the source
  // has any entry.
  virtual void SeekToFirst() = 0;
  virtual void SeekToLast() = 0;

  // Positions on the first entry with key >= target. Every Seek* call resets
  // status() to the outcome of that seek alone. target has no timestamp.
  virtual void Seek(const Slice& target) = 0;

  // Positions on the last entry with key <= target. target has no timestamp.
  virtual void SeekForPrev(const Slice& target) = 0;

  // Step forward / backward by one entry.
  // REQUIRES: Valid()
  virtual void Next() = 0;
  virtual void Prev() = 0;

  // The current key. The bytes stay valid until the iterator next moves
  // (Seek*, Next, Prev) unless the "rocksdb.iterator.is-key-pinned" property
  // says "1".
  // REQUIRES: Valid()
  virtual Slice key() const = 0;

  // The current value; for a wide-column entity, the value of its
  // kDefaultWideColumnName column (empty if it has none). Valid until the
  // iterator next moves.
  // REQUIRES: Valid()
  virtual Slice value() const = 0;

  // The current entry as columns; a plain value is one column named
  // kDefaultWideColumnName. Valid until the iterator next moves. The base
  // version returns kNoWideColumns.
  // REQUIRES: Valid()
  virtual const WideColumns& columns() const { return kNoWideColumns; }

  // The error hit so far, OK if none. Incomplete when a non-blocking read
  // (kBlockCacheTier) would have needed I/O.
  virtual Status status() const = 0;

  // Re-reads the latest DB state; the iterator becomes invalid. The base
  // version returns NotSupported.
  virtual Status Refresh() {
    return Status::NotSupported("Refresh() is not supported");
  }

  // Iterator properties:
  //   "rocksdb.iterator.is-key-pinned": "1" if key() stays valid for the
  //       iterator's whole life (ReadOptions::pin_data), else "0".
  //   "rocksdb.iterator.super-version-number": the LSM version the iterator
  //       reads, as in DB::Properties::kCurrentSuperVersionNumber.
  //   "rocksdb.iterator.internal-key": the user key of the internal entry
  //       where iteration stopped.
  // The base version answers "0" for is-key-pinned and InvalidArgument for
  // anything else.
  virtual Status GetProperty(std::string prop_name, std::string* prop);

  // The timestamp of the current entry, for comparators with timestamps. The
  // base version returns an empty Slice.
  // REQUIRES: Valid()
  virtual Slice timestamp() const { return Slice(); }
};

// A new iterator over nothing, with an OK status. Caller owns it.
extern Iterator* NewEmptyIterator();

// A new iterator over nothing whose status() is `status`. Caller owns it.
extern Iterator* NewErrorIterator(const Status& status);

}  // namespace ROCKSDB_NAMESPACE
