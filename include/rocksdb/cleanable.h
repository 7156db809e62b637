// Copyright (c) the rocksdb-cleanroom authors.
//
// Cleanable: a list of (function, arg1, arg2) callbacks run when the object
// is destroyed or Reset(). Iterators and PinnableSlice use it to release the
// memory they pin. SharedCleanablePtr: a reference-counted Cleanable whose
// callbacks run once the last reference goes away.
#pragma once

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class Cleanable {
 public:
  Cleanable();
  Cleanable(Cleanable&) = delete;
  Cleanable& operator=(Cleanable&) = delete;

  // Runs every registered cleanup.
  ~Cleanable();

  // Moving transfers the cleanups; the source is left with none. Assignment
  // first runs the target's own cleanups.
  Cleanable(Cleanable&&) noexcept;
  Cleanable& operator=(Cleanable&&) noexcept;

  using CleanupFunction = void (*)(void* arg1, void* arg2);

  // Adds function(arg1, arg2) to the cleanups. A null function is ignored.
  // Not meant to be overridden.
  void RegisterCleanup(CleanupFunction function, void* arg1, void* arg2);

  // Hands all of this object's cleanups to other (appended to its own);
  // this object is left with none.
  void DelegateCleanupsTo(Cleanable* other);

  // Runs the cleanups and leaves the object empty and reusable.
  inline void Reset() {
    DoCleanup();
    cleanup_.function = nullptr;
    cleanup_.next = nullptr;
  }

  inline bool HasCleanups() { return cleanup_.function != nullptr; }

 protected:
  // The first cleanup lives inline; the rest are a heap-allocated list.
  struct Cleanup {
    CleanupFunction function;
    void* arg1;
    void* arg2;
    Cleanup* next;
  };
  Cleanup cleanup_;
  // Adds *c (heap-allocated); this object takes ownership of c.
  void RegisterCleanup(Cleanup* c);

 private:
  // Runs every cleanup and frees the list nodes, without clearing cleanup_.
  void DoCleanup();
};

// A copyable, reference-counted handle to a plain Cleanable. The cleanups
// registered on the pointee run when the last handle (or registered copy) is
// gone. A reference cycle (registering a copy on its own pointee) means the
// cleanups never run.
class SharedCleanablePtr {
 public:
  // A null handle.
  SharedCleanablePtr() {}
  SharedCleanablePtr(const SharedCleanablePtr& from);
  SharedCleanablePtr(SharedCleanablePtr&& from) noexcept;
  SharedCleanablePtr& operator=(const SharedCleanablePtr& from);
  SharedCleanablePtr& operator=(SharedCleanablePtr&& from) noexcept;
  ~SharedCleanablePtr();

  // Points this handle at a fresh, empty Cleanable (dropping the old one).
  void Allocate();
  // Drops the reference; the handle becomes null.
  void Reset();
  // REQUIRES: not null.
  Cleanable& operator*();
  Cleanable* operator->();
  // nullptr when the handle is null.
  Cleanable* get();

  // Registers a new reference as a cleanup of target, so this pointee's
  // cleanups cannot run before target's. No-op when null.
  void RegisterCopyWith(Cleanable* target);

  // Like RegisterCopyWith but transfers this handle's reference instead of
  // adding one; the handle becomes null. No-op when null.
  void MoveAsCleanupTo(Cleanable* target);

 private:
  struct Impl;
  Impl* ptr_ = nullptr;
};

}  // namespace ROCKSDB_NAMESPACE
