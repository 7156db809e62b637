// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableList: the immutable memtables of a column family, newest first,
// waiting for (or kept after) their flush. Each change publishes a new
// MemTableListVersion, a ref-counted snapshot that readers hold while they
// read without locks.
//
// Thread safety: MemTableList methods REQUIRE the DB mutex (the caller's
// lock; the list has none). A MemTableListVersion is immutable; Ref()/
// Unref() are atomic, and reading through a referenced version needs no
// lock.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "memtable/memtable.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Arena;

class MemTableListVersion {
 public:
  MemTableListVersion(const MemTableListVersion&) = delete;
  MemTableListVersion& operator=(const MemTableListVersion&) = delete;

  void Ref() { refs_.fetch_add(1, std::memory_order_relaxed); }
  // Drops a reference. The last one deletes the version, which drops its
  // references to the memtables (deleting those no longer referenced).
  void Unref();

  // MemTable::Get over the memtables, newest first, until one decides.
  bool Get(const LookupKey& key, std::string* value, Status* s,
           SequenceNumber* max_covering_tombstone_seq, SequenceNumber* seq,
           std::vector<std::string>* merge_operands) const;

  // Appends an iterator per memtable, newest first (ownership as
  // MemTable::NewIterator with the same arena).
  void AddIterators(Arena* arena,
                    std::vector<InternalIterator*>* iterators) const;
  // The same for the range tombstones.
  void AddRangeTombstoneIterators(
      Arena* arena, std::vector<InternalIterator*>* iterators) const;

  uint64_t GetTotalNumEntries() const;
  uint64_t GetTotalNumDeletes() const;
  size_t ApproximateMemoryUsage() const;
  // The smallest GetEarliestSequenceNumber() of the memtables, or
  // kMaxSequenceNumber when there are none.
  SequenceNumber GetEarliestSequenceNumber() const;

  // The memtables, newest first.
  const std::vector<MemTable*>& memlist() const { return memlist_; }

 private:
  friend class MemTableList;

  MemTableListVersion() {}
  // A new version listing `list`, taking a reference on each memtable.
  static MemTableListVersion* WithReferences(
      const std::vector<MemTable*>& list);

  std::vector<MemTable*> memlist_;  // newest first; one reference each
  std::atomic<int> refs_{0};
};

class MemTableList {
 public:
  // min_write_buffer_number_to_merge: how many unflushed memtables make a
  // flush worthwhile (IsFlushPending).
  explicit MemTableList(int min_write_buffer_number_to_merge = 1);
  ~MemTableList();

  MemTableList(const MemTableList&) = delete;
  MemTableList& operator=(const MemTableList&) = delete;

  // The current version; Ref() it before dropping the DB mutex.
  MemTableListVersion* current() const { return current_; }

  // Adds m as the newest immutable memtable and marks it immutable. Takes
  // over one reference the caller holds on m.
  void Add(MemTable* m);

  // Memtables not flushed yet (flush in progress included).
  int NumNotFlushed() const { return num_not_flushed_; }
  // True when enough unflushed memtables wait with no flush running on
  // them.
  bool IsFlushPending() const;

  // Memory of every memtable in the list.
  size_t ApproximateMemoryUsage() const;
  // Memory of the memtables not flushed yet.
  size_t ApproximateUnflushedMemoryUsage() const;

  // The unflushed memtables no flush is working on, oldest first; marks
  // them in progress.
  void PickMemtablesToFlush(std::vector<MemTable*>* mems);
  // The flush of mems failed: they become pickable again.
  void RollbackMemtableFlush(const std::vector<MemTable*>& mems);
  // The flush of mems succeeded: they leave the list (a new version).
  void RemoveFlushed(const std::vector<MemTable*>& mems);

 private:
  // Makes v the current version, dropping the list's reference to the old.
  void InstallVersion(MemTableListVersion* v);

  const int min_write_buffer_number_to_merge_;
  MemTableListVersion* current_;
  int num_not_flushed_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE
