// Copyright (c) the rocksdb-cleanroom authors.
//
// Cleanable keeps its first cleanup inline (no allocation for the common
// single-cleanup case) and the others in a singly linked list of heap nodes:
//
//   cleanup_ {fn, a1, a2, next} -> node -> node -> nullptr
//
// A new cleanup is linked right after the inline one, so cleanups run in
// the order: first registered, then the others newest first (RocksDB 7.8.3
// runs them in the same order).
#include "rocksdb/cleanable.h"

#include <atomic>
#include <utility>

namespace ROCKSDB_NAMESPACE {

Cleanable::Cleanable() {
  cleanup_.function = nullptr;
  cleanup_.next = nullptr;
}

Cleanable::~Cleanable() { DoCleanup(); }

Cleanable::Cleanable(Cleanable&& other) noexcept : Cleanable() {
  *this = std::move(other);
}

// Unlike RocksDB 7.8.3, which silently drops the target's own cleanups, this
// runs them first so that nothing pinned by the target leaks.
Cleanable& Cleanable::operator=(Cleanable&& other) noexcept {
  if (this != &other) {
    Reset();
    cleanup_ = other.cleanup_;
    other.cleanup_.function = nullptr;
    other.cleanup_.next = nullptr;
  }
  return *this;
}

void Cleanable::DoCleanup() {
  if (cleanup_.function == nullptr) return;
  (*cleanup_.function)(cleanup_.arg1, cleanup_.arg2);
  Cleanup* c = cleanup_.next;
  while (c != nullptr) {
    (*c->function)(c->arg1, c->arg2);
    Cleanup* next = c->next;
    delete c;
    c = next;
  }
}

void Cleanable::RegisterCleanup(CleanupFunction function, void* arg1,
                                void* arg2) {
  if (function == nullptr) return;
  if (cleanup_.function == nullptr) {
    cleanup_.function = function;
    cleanup_.arg1 = arg1;
    cleanup_.arg2 = arg2;
    return;
  }
  Cleanup* c = new Cleanup;
  c->function = function;
  c->arg1 = arg1;
  c->arg2 = arg2;
  c->next = cleanup_.next;
  cleanup_.next = c;
}

void Cleanable::RegisterCleanup(Cleanup* c) {
  if (cleanup_.function == nullptr) {
    cleanup_.function = c->function;
    cleanup_.arg1 = c->arg1;
    cleanup_.arg2 = c->arg2;
    delete c;
    return;
  }
  c->next = cleanup_.next;
  cleanup_.next = c;
}

void Cleanable::DelegateCleanupsTo(Cleanable* other) {
  if (cleanup_.function == nullptr) return;
  other->RegisterCleanup(cleanup_.function, cleanup_.arg1, cleanup_.arg2);
  Cleanup* c = cleanup_.next;
  while (c != nullptr) {
    Cleanup* next = c->next;
    other->RegisterCleanup(c);  // transfers the node
    c = next;
  }
  cleanup_.function = nullptr;
  cleanup_.next = nullptr;
}

// ---- SharedCleanablePtr ---------------------------------------------------

struct SharedCleanablePtr::Impl : public Cleanable {
  std::atomic<unsigned> ref_count{1};
  void Ref() { ref_count.fetch_add(1, std::memory_order_relaxed); }
  void Unref() {
    if (ref_count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }
  // Cleanup function that drops one reference held by a Cleanable.
  static void UnrefFunction(void* arg1, void* /*arg2*/) {
    static_cast<Impl*>(arg1)->Unref();
  }
};

SharedCleanablePtr::SharedCleanablePtr(const SharedCleanablePtr& from) {
  *this = from;
}

SharedCleanablePtr::SharedCleanablePtr(SharedCleanablePtr&& from) noexcept {
  *this = std::move(from);
}

SharedCleanablePtr& SharedCleanablePtr::operator=(
    const SharedCleanablePtr& from) {
  if (this != &from) {
    Reset();
    ptr_ = from.ptr_;
    if (ptr_ != nullptr) ptr_->Ref();
  }
  return *this;
}

SharedCleanablePtr& SharedCleanablePtr::operator=(
    SharedCleanablePtr&& from) noexcept {
  if (this != &from) {
    Reset();
    ptr_ = from.ptr_;
    from.ptr_ = nullptr;
  }
  return *this;
}

SharedCleanablePtr::~SharedCleanablePtr() { Reset(); }

void SharedCleanablePtr::Allocate() {
  Reset();
  ptr_ = new Impl();
}

void SharedCleanablePtr::Reset() {
  if (ptr_ != nullptr) {
    ptr_->Unref();
    ptr_ = nullptr;
  }
}

Cleanable& SharedCleanablePtr::operator*() { return *ptr_; }

Cleanable* SharedCleanablePtr::operator->() { return ptr_; }

Cleanable* SharedCleanablePtr::get() { return ptr_; }

void SharedCleanablePtr::RegisterCopyWith(Cleanable* target) {
  if (ptr_ == nullptr) return;
  ptr_->Ref();
  target->RegisterCleanup(&Impl::UnrefFunction, ptr_, nullptr);
}

void SharedCleanablePtr::MoveAsCleanupTo(Cleanable* target) {
  if (ptr_ == nullptr) return;
  target->RegisterCleanup(&Impl::UnrefFunction, ptr_, nullptr);
  ptr_ = nullptr;
}

}  // namespace ROCKSDB_NAMESPACE
