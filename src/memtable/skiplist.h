// Copyright (c) the rocksdb-cleanroom authors.
//
// SkipList: an ordered set of byte-string entries stored inline in their
// nodes, taking memory from an Allocator and never freeing it (the memtable
// drops the whole arena at once). It backs the memtable's skip_list rep.
//
// Thread safety:
// - Readers (Contains, Iterator) never lock and may run at any time,
//   concurrently with writers.
// - Insert() needs external synchronization: at most one thread inserts
//   with Insert() at a time, and never while InsertConcurrently() runs.
// - InsertConcurrently() may run on many threads at once.
// - AllocateKey() follows the rule of the insert it prepares (the
//   Allocator decides whether concurrent allocation is safe).
//
// Invariants and memory orders:
// - Nodes are never removed or moved, and an entry never changes once
//   inserted, so a reader holding a node pointer can always follow it.
// - A node is linked level by level from 0 upwards. Its own next pointers
//   are set (relaxed) before it is published by a release store (Insert) or
//   release CAS (InsertConcurrently) into its predecessor; readers load next
//   pointers with acquire, so they see the entry bytes and the node's links.
//   At every level, the list seen by a reader is sorted, and every node
//   reachable at level i > 0 is also reachable at level 0.
// - max_height_ is a hint read and raised with relaxed order: a reader using
//   a stale (smaller) value searches fewer levels; a newer value finds null
//   head pointers at unused levels and simply descends.
//
// Node layout (one allocation):
//   [next[h-1]] ... [next[1]] [next[0]] [entry bytes]
//                              ^ Node*   ^ Node::Key()
// Before insertion, next[0] holds the node's height.
#pragma once

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <new>

#include "memtable/allocator.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// Comparator must provide int operator()(const char* a, const char* b)
// over entries, plus the same with a search target of any type used with
// Seek/Contains (e.g. a Slice). It may be a reference type. The allocator
// and the comparator must outlive the list.
template <class Comparator>
class SkipList {
 private:
  struct Node;

 public:
  static constexpr int kMaxHeight = 12;
  static constexpr int kBranching = 4;  // 1/4 of nodes reach the next level

  SkipList(Comparator cmp, Allocator* allocator);

  SkipList(const SkipList&) = delete;
  SkipList& operator=(const SkipList&) = delete;

  // Memory for an entry of entry_size bytes, to be filled by the caller and
  // then passed to Insert or InsertConcurrently exactly once.
  char* AllocateKey(size_t entry_size);

  // Links entry (from AllocateKey) into the list. Returns false (and links
  // nothing) when an equal entry is already present.
  // REQUIRES: external synchronization with every other insert.
  bool Insert(const char* entry);

  // Insert that may run concurrently with other InsertConcurrently calls.
  bool InsertConcurrently(const char* entry);

  // True when an entry equal to target is present.
  template <class Target>
  bool Contains(const Target& target) const;

  // A cursor over the entries. Stays valid while the list lives; sees
  // entries inserted after it was positioned when it moves onto them.
  class Iterator {
   public:
    explicit Iterator(const SkipList* list) : list_(list), node_(nullptr) {}

    bool Valid() const { return node_ != nullptr; }
    // REQUIRES: Valid().
    const char* key() const { return node_->Key(); }
    // REQUIRES: Valid().
    void Next() { node_ = node_->Next(0); }
    // REQUIRES: Valid(). O(log n): the list has no back links.
    void Prev() {
      node_ = list_->FindLessThan(node_->Key());
      if (node_ == list_->head_) node_ = nullptr;
    }
    // First entry >= target.
    template <class Target>
    void Seek(const Target& target) {
      node_ = list_->FindGreaterOrEqual(target);
    }
    // Last entry <= target.
    template <class Target>
    void SeekForPrev(const Target& target) {
      Seek(target);
      if (!Valid()) SeekToLast();
      while (Valid() && list_->compare_(node_->Key(), target) > 0) Prev();
    }
    void SeekToFirst() { node_ = list_->head_->Next(0); }
    void SeekToLast() {
      node_ = list_->FindLast();
      if (node_ == list_->head_) node_ = nullptr;
    }

   private:
    const SkipList* list_;
    Node* node_;
  };

 private:
  struct Node {
    // The entry bytes start right after next_[0].
    const char* Key() const { return reinterpret_cast<const char*>(&next_[1]); }
    static Node* FromKey(const char* key) {
      return reinterpret_cast<Node*>(const_cast<char*>(key)) - 1;
    }

    Node* Next(int level) {
      return Slot(level)->load(std::memory_order_acquire);
    }
    void SetNext(int level, Node* x) {
      Slot(level)->store(x, std::memory_order_release);
    }
    Node* RelaxedNext(int level) {
      return Slot(level)->load(std::memory_order_relaxed);
    }
    void RelaxedSetNext(int level, Node* x) {
      Slot(level)->store(x, std::memory_order_relaxed);
    }
    bool CasNext(int level, Node* expected, Node* x) {
      return Slot(level)->compare_exchange_strong(
          expected, x, std::memory_order_release, std::memory_order_relaxed);
    }

    // Level i lives i slots below next_[0].
    std::atomic<Node*>* Slot(int level) { return &next_[0] - level; }

    std::atomic<Node*> next_[1];
  };

  static int RandomHeight();
  Node* NewNode(int height, size_t entry_size);

  int MaxHeight() const { return max_height_.load(std::memory_order_relaxed); }

  template <class Target>
  bool KeyIsAfterNode(const Target& target, Node* n) const {
    return n != nullptr && compare_(n->Key(), target) < 0;
  }

  template <class Target>
  Node* FindGreaterOrEqual(const Target& target) const;
  // Last node < target, or head_.
  template <class Target>
  Node* FindLessThan(const Target& target) const;
  // Last node, or head_ when empty.
  Node* FindLast() const;

  // Walks level from `before` to the pair (prev, next) with
  // prev < entry <= next. REQUIRES: before < entry (or before is head_).
  void FindSpliceForLevel(const char* entry, Node* before, int level,
                          Node** prev, Node** next) const;

  // True when splice_prev_ is still a valid splice for entry.
  bool CachedSpliceFits(const char* entry, int max_height) const;

  Comparator const compare_;
  Allocator* const allocator_;
  Node* const head_;
  std::atomic<int> max_height_;

  // Predecessors of the last entry linked by Insert() (the entry itself at
  // the levels it reaches): sequential inserts reuse them. Insert() only.
  Node* splice_prev_[kMaxHeight];
};

// ---- Implementation -------------------------------------------------------

template <class Comparator>
SkipList<Comparator>::SkipList(Comparator cmp, Allocator* allocator)
    : compare_(cmp),
      allocator_(allocator),
      head_(NewNode(kMaxHeight, 0)),
      max_height_(1) {
  for (int i = 0; i < kMaxHeight; ++i) {
    head_->RelaxedSetNext(i, nullptr);
    splice_prev_[i] = head_;
  }
}

template <class Comparator>
int SkipList<Comparator>::RandomHeight() {
  // xorshift32 per thread: heights need no quality beyond independence,
  // and a thread-local state keeps concurrent inserts race-free.
  static thread_local uint32_t state =
      static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&state) >> 4) | 1u;
  uint32_t r = state;
  r ^= r << 13;
  r ^= r >> 17;
  r ^= r << 5;
  state = r;
  int height = 1;
  while (height < kMaxHeight && (r % kBranching) == 0) {
    ++height;
    r /= kBranching;
  }
  return height;
}

template <class Comparator>
typename SkipList<Comparator>::Node* SkipList<Comparator>::NewNode(
    int height, size_t entry_size) {
  const size_t links = sizeof(std::atomic<Node*>) * static_cast<size_t>(height);
  char* raw = allocator_->AllocateAligned(links + entry_size);
  for (int i = 0; i < height; ++i) {
    new (raw + sizeof(std::atomic<Node*>) * static_cast<size_t>(i))
        std::atomic<Node*>(nullptr);
  }
  return reinterpret_cast<Node*>(raw + links - sizeof(std::atomic<Node*>));
}

template <class Comparator>
char* SkipList<Comparator>::AllocateKey(size_t entry_size) {
  const int height = RandomHeight();
  Node* x = NewNode(height, entry_size);
  // Stash the height in next[0] until the node is linked.
  x->RelaxedSetNext(0, reinterpret_cast<Node*>(static_cast<uintptr_t>(height)));
  return const_cast<char*>(x->Key());
}

template <class Comparator>
template <class Target>
typename SkipList<Comparator>::Node* SkipList<Comparator>::FindGreaterOrEqual(
    const Target& target) const {
  Node* x = head_;
  int level = MaxHeight() - 1;
  Node* last_bigger = nullptr;  // skip re-comparing a node seen above
  while (true) {
    Node* next = x->Next(level);
    if (next != last_bigger && KeyIsAfterNode(target, next)) {
      x = next;
    } else {
      if (level == 0) return next;
      last_bigger = next;
      --level;
    }
  }
}

template <class Comparator>
template <class Target>
typename SkipList<Comparator>::Node* SkipList<Comparator>::FindLessThan(
    const Target& target) const {
  Node* x = head_;
  int level = MaxHeight() - 1;
  Node* last_bigger = nullptr;
  while (true) {
    Node* next = x->Next(level);
    if (next != last_bigger && KeyIsAfterNode(target, next)) {
      x = next;
    } else {
      if (level == 0) return x;
      last_bigger = next;
      --level;
    }
  }
}

template <class Comparator>
typename SkipList<Comparator>::Node* SkipList<Comparator>::FindLast() const {
  Node* x = head_;
  int level = MaxHeight() - 1;
  while (true) {
    Node* next = x->Next(level);
    if (next != nullptr) {
      x = next;
    } else {
      if (level == 0) return x;
      --level;
    }
  }
}

template <class Comparator>
template <class Target>
bool SkipList<Comparator>::Contains(const Target& target) const {
  Node* x = FindGreaterOrEqual(target);
  return x != nullptr && compare_(x->Key(), target) == 0;
}

template <class Comparator>
void SkipList<Comparator>::FindSpliceForLevel(const char* entry, Node* before,
                                              int level, Node** prev,
                                              Node** next) const {
  while (true) {
    Node* after = before->Next(level);
    if (!KeyIsAfterNode(entry, after)) {
      *prev = before;
      *next = after;
      return;
    }
    before = after;
  }
}

template <class Comparator>
bool SkipList<Comparator>::CachedSpliceFits(const char* entry,
                                            int max_height) const {
  Node* p0 = splice_prev_[0];
  if (p0 != head_ && compare_(p0->Key(), entry) >= 0) return false;
  // Every cached predecessor is <= p0 < entry; each must be followed by a
  // node >= entry (or nothing) for the splice to hold at its level.
  for (int i = 0; i < max_height; ++i) {
    if (KeyIsAfterNode(entry, splice_prev_[i]->Next(i))) return false;
  }
  return true;
}

template <class Comparator>
bool SkipList<Comparator>::Insert(const char* entry) {
  Node* x = Node::FromKey(entry);
  const int height =
      static_cast<int>(reinterpret_cast<uintptr_t>(x->RelaxedNext(0)));
  int max_height = MaxHeight();
  if (!CachedSpliceFits(entry, max_height)) {
    Node* before = head_;
    Node* unused;
    for (int i = max_height - 1; i >= 0; --i) {
      FindSpliceForLevel(entry, before, i, &splice_prev_[i], &unused);
      before = splice_prev_[i];
    }
  }
  Node* next0 = splice_prev_[0]->Next(0);
  if (next0 != nullptr && compare_(next0->Key(), entry) == 0) {
    return false;
  }
  if (height > max_height) {
    for (int i = max_height; i < height; ++i) splice_prev_[i] = head_;
    max_height_.store(height, std::memory_order_relaxed);
  }
  for (int i = 0; i < height; ++i) {
    x->RelaxedSetNext(i, splice_prev_[i]->RelaxedNext(i));
    splice_prev_[i]->SetNext(i, x);  // publishes x at level i
  }
  for (int i = 0; i < height; ++i) splice_prev_[i] = x;
  return true;
}

template <class Comparator>
bool SkipList<Comparator>::InsertConcurrently(const char* entry) {
  Node* x = Node::FromKey(entry);
  const int height =
      static_cast<int>(reinterpret_cast<uintptr_t>(x->RelaxedNext(0)));
  int max_height = MaxHeight();
  while (height > max_height) {
    if (max_height_.compare_exchange_weak(max_height, height,
                                          std::memory_order_relaxed)) {
      max_height = height;
    }
  }
  Node* prev[kMaxHeight];
  Node* next[kMaxHeight];
  Node* before = head_;
  for (int i = max_height - 1; i >= 0; --i) {
    FindSpliceForLevel(entry, before, i, &prev[i], &next[i]);
    before = prev[i];
  }
  for (int i = 0; i < height; ++i) {
    while (true) {
      if (i == 0 && next[0] != nullptr &&
          compare_(next[0]->Key(), entry) == 0) {
        return false;  // only level 0 can see a duplicate: nothing linked
      }
      x->RelaxedSetNext(i, next[i]);
      if (prev[i]->CasNext(i, next[i], x)) break;
      // Another insert changed this gap: walk on from our predecessor.
      FindSpliceForLevel(entry, prev[i], i, &prev[i], &next[i]);
    }
  }
  return true;
}

}  // namespace ROCKSDB_NAMESPACE
