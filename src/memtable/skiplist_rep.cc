// Copyright (c) the rocksdb-cleanroom authors.
//
// SkipListRep: a MemTableRep over SkipList<const KeyComparator&>. The
// KeyHandle of an entry is the entry pointer itself; the node header sits
// right before it (see skiplist.h).
#include "memtable/skiplist_rep.h"

#include <new>

#include "memtable/skiplist.h"
#include "util/arena.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class SkipListRep : public MemTableRep {
 public:
  using List = SkipList<const MemTableRep::KeyComparator&>;

  SkipListRep(const KeyComparator& cmp, Allocator* allocator, size_t lookahead)
      : MemTableRep(allocator),
        list_(cmp, allocator),
        cmp_(cmp),
        lookahead_(lookahead) {}

  KeyHandle Allocate(const size_t len, char** buf) override {
    *buf = list_.AllocateKey(len);
    return static_cast<KeyHandle>(*buf);
  }

  void Insert(KeyHandle handle) override {
    list_.Insert(static_cast<const char*>(handle));
  }
  bool InsertKey(KeyHandle handle) override {
    return list_.Insert(static_cast<const char*>(handle));
  }
  void InsertWithHint(KeyHandle handle, void** /*hint*/) override {
    list_.Insert(static_cast<const char*>(handle));
  }
  bool InsertKeyWithHint(KeyHandle handle, void** /*hint*/) override {
    return list_.Insert(static_cast<const char*>(handle));
  }
  void InsertConcurrently(KeyHandle handle) override {
    list_.InsertConcurrently(static_cast<const char*>(handle));
  }
  bool InsertKeyConcurrently(KeyHandle handle) override {
    return list_.InsertConcurrently(static_cast<const char*>(handle));
  }
  void InsertWithHintConcurrently(KeyHandle handle, void** /*hint*/) override {
    list_.InsertConcurrently(static_cast<const char*>(handle));
  }
  bool InsertKeyWithHintConcurrently(KeyHandle handle,
                                     void** /*hint*/) override {
    return list_.InsertConcurrently(static_cast<const char*>(handle));
  }

  bool Contains(const char* key) const override { return list_.Contains(key); }

  void Get(const LookupKey& k, void* callback_args,
           bool (*callback_func)(void* arg, const char* entry)) override {
    List::Iterator iter(&list_);
    for (iter.Seek(k.memtable_key().data());
         iter.Valid() && callback_func(callback_args, iter.key());
         iter.Next()) {
    }
  }

  // Every byte comes from the allocator, which the memtable accounts.
  size_t ApproximateMemoryUsage() override { return 0; }

  MemTableRep::Iterator* GetIterator(Arena* arena) override;

 private:
  class Iter;

  List list_;
  const KeyComparator& cmp_;
  const size_t lookahead_;
};

class SkipListRep::Iter : public MemTableRep::Iterator {
 public:
  explicit Iter(const SkipListRep* rep) : rep_(rep), iter_(&rep->list_) {}

  bool Valid() const override { return iter_.Valid(); }
  const char* key() const override { return iter_.key(); }
  void Next() override { iter_.Next(); }
  void Prev() override { iter_.Prev(); }

  void Seek(const Slice& internal_key, const char* memtable_key) override {
    if (memtable_key != nullptr) {
      SeekTo(memtable_key);
    } else {
      SeekTo(internal_key);
    }
  }

  void SeekForPrev(const Slice& internal_key,
                   const char* memtable_key) override {
    if (memtable_key != nullptr) {
      iter_.SeekForPrev(memtable_key);
    } else {
      iter_.SeekForPrev(internal_key);
    }
  }

  void SeekToFirst() override { iter_.SeekToFirst(); }
  void SeekToLast() override { iter_.SeekToLast(); }

 private:
  // With lookahead, a target a few entries ahead of the current position
  // is reached by stepping instead of a search from the top.
  template <class Target>
  void SeekTo(const Target& target) {
    if (rep_->lookahead_ > 0 && iter_.Valid() &&
        rep_->cmp_(iter_.key(), target) < 0) {
      for (size_t i = 0; i < rep_->lookahead_; ++i) {
        iter_.Next();
        if (!iter_.Valid() || rep_->cmp_(iter_.key(), target) >= 0) {
          return;
        }
      }
    }
    iter_.Seek(target);
  }

  const SkipListRep* rep_;
  List::Iterator iter_;
};

MemTableRep::Iterator* SkipListRep::GetIterator(Arena* arena) {
  if (arena == nullptr) {
    return new Iter(this);
  }
  void* mem = arena->AllocateAligned(sizeof(Iter));
  return new (mem) Iter(this);
}

}  // namespace

MemTableRep* NewSkipListRep(const MemTableRep::KeyComparator& cmp,
                            Allocator* allocator, size_t lookahead) {
  return new SkipListRep(cmp, allocator, lookahead);
}

}  // namespace ROCKSDB_NAMESPACE
