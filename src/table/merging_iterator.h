// Copyright (c) the rocksdb-cleanroom authors.
//
// The merging iterator: one InternalIterator over the union of several
// sorted child iterators (memtables, level-0 tables, levels), in internal
// key order. Moving forward it keeps the valid children in a min-heap by
// current key; moving backward, in a max-heap. Changing direction
// repositions every child around the current key, so a Next after a Prev
// (or the reverse) costs one seek per child.
//
// Entries equal under the comparator in two children are both returned,
// the child added first before the other when moving forward.
#pragma once

#include <vector>

#include "rocksdb/rocksdb_namespace.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Arena;

// Returns an iterator over the union of children[0..n). icmp must outlive
// it. The result owns the children; they must live where it lives: with an
// arena, the result and every child are placed in the arena (destroy the
// result with DestroyInternalIterator(it, true)); without one, all are on
// the heap. n == 0 gives an empty iterator, n == 1 the child itself.
// A child error makes the result !Valid() with that status until the next
// Seek*.
InternalIterator* NewMergingIterator(const InternalKeyComparator* icmp,
                                     InternalIterator** children, int n,
                                     Arena* arena = nullptr);

// Collects children one by one, then builds the merging iterator.
// Usage: (AddIterator)* Finish. Children follow the arena rule of
// NewMergingIterator.
class MergeIteratorBuilder {
 public:
  // icmp must outlive the result; arena may be null.
  MergeIteratorBuilder(const InternalKeyComparator* icmp, Arena* arena)
      : icmp_(icmp), arena_(arena) {}

  MergeIteratorBuilder(const MergeIteratorBuilder&) = delete;
  MergeIteratorBuilder& operator=(const MergeIteratorBuilder&) = delete;

  // Takes ownership of iter. Children are ordered by the order of adding
  // (see the note on ties above).
  void AddIterator(InternalIterator* iter) { children_.push_back(iter); }

  // The merged iterator; the builder must not be used afterwards.
  InternalIterator* Finish() {
    return NewMergingIterator(icmp_, children_.data(),
                              static_cast<int>(children_.size()), arena_);
  }

 private:
  const InternalKeyComparator* const icmp_;
  Arena* const arena_;
  std::vector<InternalIterator*> children_;
};

}  // namespace ROCKSDB_NAMESPACE
