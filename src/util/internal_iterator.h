// Copyright (c) the rocksdb-cleanroom authors.
//
// InternalIterator: the one iterator vocabulary of the engine (memtable,
// block, table, merging, level and DB iterators all implement it). Keys
// are internal keys (dbformat.h) in InternalKeyComparator order.
//
// Contract shared by every implementation:
// - A new iterator is not positioned (Valid() is false) until a Seek*.
// - key()/value() REQUIRE Valid(); the returned slices stay valid until the
//   iterator moves or is destroyed (implementations may promise longer).
// - Next()/Prev() REQUIRE Valid().
// - When an error occurs the iterator becomes !Valid() and status() says
//   why; status() is OK otherwise.
// - Not thread-safe: one thread at a time per iterator.
// Cleanable: cleanups registered on the iterator run when it is destroyed
// (used to release memtables, blocks, ... it reads from).
#pragma once

#include "rocksdb/cleanable.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class Arena;

class InternalIterator : public Cleanable {
 public:
  InternalIterator() {}
  virtual ~InternalIterator() {}

  InternalIterator(const InternalIterator&) = delete;
  InternalIterator& operator=(const InternalIterator&) = delete;

  virtual bool Valid() const = 0;

  // Positions at the first / last entry (not Valid() if there is none).
  virtual void SeekToFirst() = 0;
  virtual void SeekToLast() = 0;

  // Positions at the first entry >= target (an internal key).
  virtual void Seek(const Slice& target) = 0;

  // Positions at the last entry <= target (an internal key).
  virtual void SeekForPrev(const Slice& target) = 0;

  // REQUIRES: Valid().
  virtual void Next() = 0;
  virtual void Prev() = 0;

  // The current internal key / value. REQUIRES: Valid().
  virtual Slice key() const = 0;
  virtual Slice value() const = 0;

  // The user key part of key(). REQUIRES: Valid().
  virtual Slice user_key() const { return ExtractUserKey(key()); }

  virtual Status status() const = 0;
};

// An iterator over nothing, with an OK status. With an arena, the iterator
// lives in it: destroy it with ~InternalIterator(), do not delete it.
InternalIterator* NewEmptyInternalIterator(Arena* arena = nullptr);

// An iterator over nothing whose status() is s. Ownership as above.
InternalIterator* NewErrorInternalIterator(const Status& s,
                                           Arena* arena = nullptr);

// Destroys an iterator created in an arena (runs only the destructor), or
// deletes one created on the heap.
inline void DestroyInternalIterator(InternalIterator* iter, bool in_arena) {
  if (iter == nullptr) return;
  if (in_arena) {
    iter->~InternalIterator();
  } else {
    delete iter;
  }
}

}  // namespace ROCKSDB_NAMESPACE
