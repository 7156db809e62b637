// Copyright (c) the rocksdb-cleanroom authors.
//
// The empty and error internal iterators.
#include "util/internal_iterator.h"

#include <new>

#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Never valid; every positioning call is a no-op. status() is fixed.
class EmptyInternalIterator : public InternalIterator {
 public:
  explicit EmptyInternalIterator(const Status& s) : status_(s) {}

  bool Valid() const override { return false; }
  void SeekToFirst() override {}
  void SeekToLast() override {}
  void Seek(const Slice& /*target*/) override {}
  void SeekForPrev(const Slice& /*target*/) override {}
  // Not reachable when callers respect REQUIRES: Valid().
  void Next() override {}
  void Prev() override {}
  Slice key() const override { return Slice(); }
  Slice value() const override { return Slice(); }
  Status status() const override { return status_; }

 private:
  const Status status_;
};

InternalIterator* NewFixedStatusIterator(const Status& s, Arena* arena) {
  if (arena == nullptr) {
    return new EmptyInternalIterator(s);
  }
  void* mem = arena->AllocateAligned(sizeof(EmptyInternalIterator));
  return new (mem) EmptyInternalIterator(s);
}

}  // namespace

InternalIterator* NewEmptyInternalIterator(Arena* arena) {
  return NewFixedStatusIterator(Status::OK(), arena);
}

InternalIterator* NewErrorInternalIterator(const Status& s, Arena* arena) {
  return NewFixedStatusIterator(s, arena);
}

}  // namespace ROCKSDB_NAMESPACE
