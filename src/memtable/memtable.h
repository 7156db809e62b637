// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTable: the in-memory write buffer of one column family. Entries are
// internal keys (util/dbformat.h) with their values, kept in a MemTableRep
// (the skip list by default) whose memory comes from the memtable's own
// allocator; range deletions go to a second, skip-list rep of their own.
//
// Entry layout in both reps (the MemTableRep API fixes the first part):
//   varint32(internal key size) . user key . fixed64(seq << 8 | type)
//   . varint32(value size) . value
// A range deletion's user key is its begin key and its value the end key.
//
// Thread safety: reads (Get, iterators, the accessors) may run at any time.
// Add(allow_concurrent=false) needs external synchronization with every
// other Add; Add(allow_concurrent=true) may run on many threads at once when
// the rep factory supports concurrent inserts. Ref/Unref are atomic.
// The Set*/Mark* bookkeeping methods are called by the DB under its mutex.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "memtable/memtable_allocator.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Arena;
class Logger;
class MergeOperator;
class SliceTransform;
class WriteBufferManager;

// What a memtable takes from its column family's options.
struct MemTableOptions {
  MemTableOptions() {}
  // Copies the relevant fields of cf_options (sharing its factory, merge
  // operator and prefix extractor).
  explicit MemTableOptions(const ColumnFamilyOptions& cf_options);

  // Flush threshold (see MemTable::ShouldFlush).
  size_t write_buffer_size = 64 << 20;
  // 0 picks min(write_buffer_size / 8, 1 MiB), rounded up to 4 KiB, as
  // RocksDB 7.8.3 does.
  size_t arena_block_size = 0;
  // Builds the point-entry rep; null means SkipListFactory.
  std::shared_ptr<MemTableRepFactory> memtable_factory;
  // Required to store or read kTypeMerge entries.
  std::shared_ptr<MergeOperator> merge_operator;
  // Passed to the rep factory (hashed reps use it).
  std::shared_ptr<const SliceTransform> prefix_extractor;
  Logger* info_log = nullptr;  // not owned; may be null
  uint32_t column_family_id = 0;
};

// The arena block size a memtable uses for these options.
size_t MemTableArenaBlockSize(const MemTableOptions& options);

class MemTable {
 public:
  // Orders rep entries by their internal keys.
  struct KeyComparator : public MemTableRep::KeyComparator {
    const InternalKeyComparator comparator;
    explicit KeyComparator(const InternalKeyComparator& c) : comparator(c) {}
    int operator()(const char* prefix_len_key1,
                   const char* prefix_len_key2) const override;
    int operator()(const char* prefix_len_key,
                   const Slice& internal_key) const override;
  };

  // cmp is copied (its user comparator must outlive the memtable).
  // write_buffer_manager (may be null) is charged with the memory and must
  // outlive the memtable. earliest_seq: no entry added later will have a
  // smaller sequence number (kMaxSequenceNumber if unknown: the first Add
  // sets it). The memtable starts with no references.
  MemTable(const InternalKeyComparator& cmp, const MemTableOptions& options,
           WriteBufferManager* write_buffer_manager,
           SequenceNumber earliest_seq);
  ~MemTable();

  MemTable(const MemTable&) = delete;
  MemTable& operator=(const MemTable&) = delete;

  void Ref() { refs_.fetch_add(1, std::memory_order_relaxed); }
  // Drops a reference; true when it was the last one (the caller then
  // deletes the memtable).
  bool Unref() { return refs_.fetch_sub(1, std::memory_order_acq_rel) == 1; }

  // Stores (key, seq, type) -> value. type is one of kTypeValue,
  // kTypeDeletion, kTypeSingleDeletion, kTypeMerge, kTypeRangeDeletion
  // (key = begin, value = end, end exclusive), kTypeBlobIndex,
  // kTypeWideColumnEntity, kTypeDeletionWithTimestamp. Errors:
  // InvalidArgument for another type or for a merge without merge operator
  // (RocksDB's message); TryAgain when the same (key, seq, type) is already
  // present. allow_concurrent: see the thread-safety note at the top.
  Status Add(SequenceNumber seq, ValueType type, const Slice& key,
             const Slice& value, bool allow_concurrent = false);

  // Looks up key.user_key() as of sequence key's sequence, continuing a
  // lookup that may have started in newer memtables:
  // - *merge_operands holds the operands met so far, newest first (empty
  //   at the start of a lookup; not null);
  // - *max_covering_tombstone_seq (in/out, may be null) is the largest
  //   sequence of a visible range tombstone covering the key met so far
  //   (0 for none); entries older than it are deleted;
  // - *seq (may be null) receives the sequence number of the newest entry
  //   of the key found here (or of the covering tombstone, if newer); it
  //   is left unchanged when this memtable has neither.
  // Returns true when the answer is decided here:
  //   *s OK and *value set (a value, possibly merged with the operands),
  //   *s NotFound (deleted), or another error (failed merge, entry kind
  //   not supported by this lookup). value may be null (existence check).
  // Returns false when older data must be consulted: *s is then
  // MergeInProgress if operands are pending, else unchanged.
  // ignore_range_deletions (ReadOptions' flag): this memtable's range
  // tombstones are not consulted; *max_covering_tombstone_seq is still
  // honoured as passed in.
  bool Get(const LookupKey& key, std::string* value, Status* s,
           SequenceNumber* max_covering_tombstone_seq, SequenceNumber* seq,
           std::vector<std::string>* merge_operands,
           bool ignore_range_deletions = false);

  // An iterator over the point entries (internal keys, values), in
  // internal key order. With an arena the iterator lives there (destroy it
  // with DestroyInternalIterator(iter, true)); else the caller deletes it.
  // The memtable must outlive the iterator.
  InternalIterator* NewIterator(Arena* arena = nullptr);

  // The same over the range tombstones: key (begin, seq,
  // kTypeRangeDeletion), value end. Never null.
  InternalIterator* NewRangeTombstoneIterator(Arena* arena = nullptr);

  // Bytes of memory held: the allocator's blocks plus whatever the reps
  // hold outside it. What rocksdb.cur-size-*-mem-table reports. Lock-free.
  size_t ApproximateMemoryUsage() const;

  // Entries added (all kinds, range deletions included).
  uint64_t num_entries() const {
    return num_entries_.load(std::memory_order_relaxed);
  }
  // Point deletions added (Delete, SingleDelete).
  uint64_t num_deletes() const {
    return num_deletes_.load(std::memory_order_relaxed);
  }
  uint64_t num_range_deletes() const {
    return num_range_deletes_.load(std::memory_order_relaxed);
  }
  // Bytes of the encoded entries added.
  uint64_t get_data_size() const {
    return data_size_.load(std::memory_order_relaxed);
  }

  // True when the memtable is full. Observed RocksDB 7.8.3 rule: with B the
  // arena block size and U the memory usage, not full while U + 0.6 B <
  // write_buffer_size; full once U > write_buffer_size + 0.6 B; in between,
  // full when less than B / 4 is left in the current arena block. So the
  // memtable grows to about write_buffer_size and stops before taking a
  // block it would barely use.
  bool ShouldFlush() const;

  // Add() records when the memtable became full: ShouldScheduleFlush() is
  // then true until MarkFlushScheduled(), which returns true for exactly
  // one caller.
  bool ShouldScheduleFlush() const {
    return flush_state_.load(std::memory_order_relaxed) == kFlushRequested;
  }
  bool MarkFlushScheduled() {
    int expected = kFlushRequested;
    return flush_state_.compare_exchange_strong(expected, kFlushScheduled,
                                                std::memory_order_relaxed);
  }

  bool IsEmpty() const { return num_entries() == 0; }

  // Sequence number of the first entry added (0 while empty).
  SequenceNumber GetFirstSequenceNumber() const {
    return first_seqno_.load(std::memory_order_relaxed);
  }
  // No entry has a smaller sequence number than this.
  SequenceNumber GetEarliestSequenceNumber() const {
    return earliest_seqno_.load(std::memory_order_relaxed);
  }
  void SetEarliestSequenceNumber(SequenceNumber seq) {
    earliest_seqno_.store(seq, std::memory_order_relaxed);
  }

  // The WAL created when this memtable stopped taking writes: once the
  // memtable is flushed, older WALs hold none of its data. 0 until set.
  uint64_t GetNextLogNumber() const { return next_log_number_; }
  void SetNextLogNumber(uint64_t number) { next_log_number_ = number; }

  // An id the DB gives memtables in creation order.
  uint64_t GetID() const { return id_; }
  void SetID(uint64_t id) { id_ = id; }

  // Flush bookkeeping of the DB.
  bool IsFlushInProgress() const { return flush_in_progress_; }
  void SetFlushInProgress(bool in_progress) {
    flush_in_progress_ = in_progress;
  }
  bool IsFlushCompleted() const { return flush_completed_; }
  void SetFlushCompleted(bool completed) { flush_completed_ = completed; }

  // No more Add() calls will come. Releases the memory from the write
  // buffer manager's mutable budget. Idempotent.
  void MarkImmutable();
  bool IsImmutable() const { return immutable_; }

  // The memtable's contents are now in a table file.
  void MarkFlushed();

  const InternalKeyComparator& GetInternalKeyComparator() const {
    return comparator_.comparator;
  }
  const MemTableOptions& options() const { return options_; }

 private:
  enum FlushState { kFlushNotRequested, kFlushRequested, kFlushScheduled };

  struct Lookup;
  static bool LookupCallback(void* arg, const char* entry);

  // Largest visible tombstone sequence covering user_key at read_seq (0 if
  // none). Linear in the tombstones starting at or before user_key.
  SequenceNumber MaxCoveringTombstoneSeq(const Slice& user_key,
                                         SequenceNumber read_seq) const;
  void UpdateCounters(SequenceNumber seq, ValueType type, size_t encoded_len,
                      bool allow_concurrent);
  void UpdateFlushState();

  const KeyComparator comparator_;
  const MemTableOptions options_;
  const size_t arena_block_size_;
  MemTableAllocator allocator_;
  std::unique_ptr<MemTableRep> table_;
  std::unique_ptr<MemTableRep> range_del_table_;

  std::atomic<int> refs_{0};
  std::atomic<uint64_t> num_entries_{0};
  std::atomic<uint64_t> num_deletes_{0};
  std::atomic<uint64_t> num_range_deletes_{0};
  std::atomic<uint64_t> data_size_{0};
  std::atomic<SequenceNumber> first_seqno_{0};
  std::atomic<SequenceNumber> earliest_seqno_;
  std::atomic<int> flush_state_{kFlushNotRequested};

  // DB bookkeeping, guarded by the DB mutex.
  uint64_t next_log_number_ = 0;
  uint64_t id_ = 0;
  bool flush_in_progress_ = false;
  bool flush_completed_ = false;
  bool immutable_ = false;
};

}  // namespace ROCKSDB_NAMESPACE
