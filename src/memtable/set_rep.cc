// Copyright (c) the rocksdb-cleanroom authors.
//
// SetRep: std::set<const char*> ordered by the memtable's KeyComparator.
// Thread safety: inserts take the lock exclusively, lookups and iterator
// steps take it shared. Entries are never removed, so a std::set iterator
// stays valid across later inserts; an iterator keeps one and re-takes the
// shared lock for every step.
#include "memtable/set_rep.h"

#include <iterator>
#include <mutex>
#include <new>
#include <set>
#include <shared_mutex>

#include "memtable/allocator.h"
#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Orders entries (varint-length-prefixed internal keys). Transparent, so
// lower_bound also accepts a bare internal key.
struct EntryLess {
  using is_transparent = void;
  const MemTableRep::KeyComparator* cmp;
  bool operator()(const char* a, const char* b) const {
    return (*cmp)(a, b) < 0;
  }
  bool operator()(const char* entry, const Slice& key) const {
    return (*cmp)(entry, key) < 0;
  }
  bool operator()(const Slice& key, const char* entry) const {
    return (*cmp)(entry, key) > 0;
  }
};

using EntrySet = std::set<const char*, EntryLess>;

class SetRep : public MemTableRep {
 public:
  SetRep(const KeyComparator& cmp, Allocator* allocator)
      : MemTableRep(allocator), cmp_(cmp), entries_(EntryLess{&cmp_}) {}

  void Insert(KeyHandle handle) override { InsertKey(handle); }

  bool InsertKey(KeyHandle handle) override {
    std::unique_lock<std::shared_mutex> lock(mu_);
    return entries_.insert(static_cast<const char*>(handle)).second;
  }

  void InsertConcurrently(KeyHandle handle) override { InsertKey(handle); }

  bool InsertKeyConcurrently(KeyHandle handle) override {
    return InsertKey(handle);
  }

  bool Contains(const char* key) const override {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return entries_.count(key) != 0;
  }

  size_t ApproximateMemoryUsage() override {
    std::shared_lock<std::shared_mutex> lock(mu_);
    // A red-black tree node: three pointers, a color and the value.
    return entries_.size() * (4 * sizeof(void*) + sizeof(const char*));
  }

  MemTableRep::Iterator* GetIterator(Arena* arena) override;

 private:
  class Iter;

  const KeyComparator& cmp_;
  mutable std::shared_mutex mu_;
  EntrySet entries_;  // guarded by mu_
};

class SetRep::Iter : public MemTableRep::Iterator {
 public:
  explicit Iter(const SetRep* rep) : rep_(rep), it_(rep->entries_.end()) {}

  bool Valid() const override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    return it_ != rep_->entries_.end();
  }

  const char* key() const override { return *it_; }

  void Next() override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    ++it_;
  }

  void Prev() override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    it_ = it_ == rep_->entries_.begin() ? rep_->entries_.end() : std::prev(it_);
  }

  void Seek(const Slice& internal_key, const char* memtable_key) override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    it_ = LowerBound(internal_key, memtable_key);
  }

  void SeekForPrev(const Slice& internal_key,
                   const char* memtable_key) override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    it_ = LowerBound(internal_key, memtable_key);
    // Last entry <= target: step back unless we landed on an equal one.
    if (it_ == rep_->entries_.end() ||
        Compare(*it_, internal_key, memtable_key) > 0) {
      it_ =
          it_ == rep_->entries_.begin() ? rep_->entries_.end() : std::prev(it_);
    }
  }

  void SeekToFirst() override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    it_ = rep_->entries_.begin();
  }

  void SeekToLast() override {
    std::shared_lock<std::shared_mutex> lock(rep_->mu_);
    it_ = rep_->entries_.empty() ? rep_->entries_.end()
                                 : std::prev(rep_->entries_.end());
  }

 private:
  // Compares an entry with the target, given as an encoded entry when
  // memtable_key is set, else as an internal key.
  int Compare(const char* entry, const Slice& internal_key,
              const char* memtable_key) const {
    return memtable_key != nullptr ? rep_->cmp_(entry, memtable_key)
                                   : rep_->cmp_(entry, internal_key);
  }

  // First entry >= target. REQUIRES: mu_ held.
  EntrySet::const_iterator LowerBound(const Slice& internal_key,
                                      const char* memtable_key) const {
    return memtable_key != nullptr ? rep_->entries_.lower_bound(memtable_key)
                                   : rep_->entries_.lower_bound(internal_key);
  }

  const SetRep* rep_;
  EntrySet::const_iterator it_;
};

MemTableRep::Iterator* SetRep::GetIterator(Arena* arena) {
  if (arena == nullptr) {
    return new Iter(this);
  }
  void* mem = arena->AllocateAligned(sizeof(Iter));
  return new (mem) Iter(this);
}

}  // namespace

MemTableRep* NewSetRep(const MemTableRep::KeyComparator& cmp,
                       Allocator* allocator) {
  return new SetRep(cmp, allocator);
}

}  // namespace ROCKSDB_NAMESPACE
