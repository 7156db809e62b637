// Copyright (c) the rocksdb-cleanroom authors.
//
// MergingIterator. State:
//
//   children_   every child, with its validity and key cached after each
//               move (saves a virtual call per comparison)
//   heap_       the valid children, a binary heap ordered by key: smallest
//               on top when direction_ is kForward, largest when kReverse
//   current_    heap_[0] (null when no child is valid)
//
// Invariant when moving forward: every child other than current_ is either
// exhausted or positioned at a key after current_'s key (before it when
// moving backward). A direction change restores the invariant for the new
// direction by seeking every other child around the current key.
#include "table/merging_iterator.h"

#include <new>
#include <utility>

#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class MergingIterator : public InternalIterator {
 public:
  MergingIterator(const InternalKeyComparator* icmp,
                  InternalIterator** children, int n, bool children_in_arena)
      : icmp_(icmp), children_in_arena_(children_in_arena) {
    children_.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      children_[i].iter = children[i];
    }
    heap_.reserve(children_.size());
  }

  ~MergingIterator() override {
    for (Child& c : children_) {
      DestroyInternalIterator(c.iter, children_in_arena_);
    }
  }

  bool Valid() const override { return current_ != nullptr && status_.ok(); }

  void SeekToFirst() override {
    status_ = Status::OK();
    for (Child& c : children_) {
      c.iter->SeekToFirst();
      Update(&c);
    }
    RebuildHeap(kForward);
  }

  void SeekToLast() override {
    status_ = Status::OK();
    for (Child& c : children_) {
      c.iter->SeekToLast();
      Update(&c);
    }
    RebuildHeap(kReverse);
  }

  void Seek(const Slice& target) override {
    status_ = Status::OK();
    for (Child& c : children_) {
      c.iter->Seek(target);
      Update(&c);
    }
    RebuildHeap(kForward);
  }

  void SeekForPrev(const Slice& target) override {
    status_ = Status::OK();
    for (Child& c : children_) {
      c.iter->SeekForPrev(target);
      Update(&c);
    }
    RebuildHeap(kReverse);
  }

  void Next() override {
    if (!Valid()) return;
    if (direction_ != kForward) SwitchToForward();
    Child* top = current_;
    top->iter->Next();
    Update(top);
    if (top->valid) {
      SiftDown(0);
    } else {
      PopTop();
    }
    current_ = heap_.empty() ? nullptr : heap_[0];
  }

  void Prev() override {
    if (!Valid()) return;
    if (direction_ != kReverse) SwitchToReverse();
    Child* top = current_;
    top->iter->Prev();
    Update(top);
    if (top->valid) {
      SiftDown(0);
    } else {
      PopTop();
    }
    current_ = heap_.empty() ? nullptr : heap_[0];
  }

  Slice key() const override { return current_->key; }
  Slice value() const override { return current_->iter->value(); }
  Slice user_key() const override { return ExtractUserKey(current_->key); }

  Status status() const override { return status_; }

 private:
  enum Direction { kForward, kReverse };

  struct Child {
    InternalIterator* iter = nullptr;
    Slice key;  // valid when `valid`
    bool valid = false;
  };

  // Refreshes c's cached state after a move; keeps the first error seen.
  void Update(Child* c) {
    c->valid = c->iter->Valid();
    if (c->valid) {
      c->key = c->iter->key();
    } else if (status_.ok()) {
      Status s = c->iter->status();
      if (!s.ok()) status_ = std::move(s);
    }
  }

  // True when a belongs nearer the top of the heap than b.
  bool Above(const Child* a, const Child* b) const {
    const int r = icmp_->Compare(a->key, b->key);
    if (r != 0) return direction_ == kForward ? r < 0 : r > 0;
    return a < b;  // ties: the child added first
  }

  void SiftDown(size_t i) {
    const size_t n = heap_.size();
    Child* item = heap_[i];
    for (;;) {
      size_t best = 2 * i + 1;
      if (best >= n) break;
      if (best + 1 < n && Above(heap_[best + 1], heap_[best])) ++best;
      if (!Above(heap_[best], item)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = item;
  }

  void PopTop() {
    heap_[0] = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) SiftDown(0);
  }

  // Puts every valid child into the heap for direction d.
  void RebuildHeap(Direction d) {
    direction_ = d;
    heap_.clear();
    for (Child& c : children_) {
      if (c.valid) heap_.push_back(&c);
    }
    for (size_t i = heap_.size() / 2; i-- > 0;) SiftDown(i);
    current_ = heap_.empty() ? nullptr : heap_[0];
  }

  // Moves every child but current_ to the first entry after the current key,
  // then rebuilds the heap (current_ stays on top: it holds the smallest
  // key).
  void SwitchToForward() {
    const Slice target = current_->key;  // current_ does not move here
    for (Child& c : children_) {
      if (&c == current_) continue;
      c.iter->Seek(target);
      Update(&c);
      if (c.valid && icmp_->Compare(c.key, target) == 0) {
        c.iter->Next();
        Update(&c);
      }
    }
    Child* keep = current_;
    RebuildHeap(kForward);
    current_ = keep;
  }

  // The mirror image of SwitchToForward.
  void SwitchToReverse() {
    const Slice target = current_->key;
    for (Child& c : children_) {
      if (&c == current_) continue;
      c.iter->SeekForPrev(target);
      Update(&c);
      if (c.valid && icmp_->Compare(c.key, target) == 0) {
        c.iter->Prev();
        Update(&c);
      }
    }
    Child* keep = current_;
    RebuildHeap(kReverse);
    current_ = keep;
  }

  const InternalKeyComparator* const icmp_;
  const bool children_in_arena_;
  std::vector<Child> children_;  // never resized after construction
  std::vector<Child*> heap_;
  Child* current_ = nullptr;
  Direction direction_ = kForward;
  Status status_;
};

}  // namespace

InternalIterator* NewMergingIterator(const InternalKeyComparator* icmp,
                                     InternalIterator** children, int n,
                                     Arena* arena) {
  if (n <= 0) return NewEmptyInternalIterator(arena);
  if (n == 1) return children[0];
  if (arena == nullptr) {
    return new MergingIterator(icmp, children, n, false);
  }
  void* mem = arena->AllocateAligned(sizeof(MergingIterator));
  return new (mem) MergingIterator(icmp, children, n, true);
}

}  // namespace ROCKSDB_NAMESPACE
