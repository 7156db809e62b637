// Copyright (c) the rocksdb-cleanroom authors.
//
// DBIter: the public Iterator of a DB. It reads an InternalIterator (the
// merged memtables and tables, internal keys in InternalKeyComparator
// order) as of one sequence number and shows each user key once, with its
// newest visible value:
//   - entries newer than the read sequence are hidden;
//   - a deletion (point, single, or a covering range tombstone) hides the
//     key; older entries of a key are overwritten by the newest one;
//   - merge operands are combined with the merge operator, in both
//     directions;
//   - iterate_lower_bound / iterate_upper_bound and prefix_same_as_start
//     end the iteration; max_skippable_internal_keys turns a long run of
//     hidden entries into Status::Incomplete.
// How many internal entries each step examines (which
// max_skippable_internal_keys counts) follows RocksDB 7.8.3; see the .cc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "db/range_del_aggregator.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/wide_columns.h"
#include "util/arena.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Logger;
class MergeOperator;
class SliceTransform;
class Statistics;

// What a DBIter needs of its column family. Pointers are not owned and
// must outlive the iterator.
struct DBIterOptions {
  const Comparator* user_comparator = nullptr;  // required
  const MergeOperator* merge_operator = nullptr;
  const SliceTransform* prefix_extractor = nullptr;
  Logger* info_log = nullptr;
  Statistics* statistics = nullptr;
  // After this many consecutive entries of one user key are stepped over,
  // the iterator seeks past them instead
  // (ColumnFamilyOptions::max_sequential_skip_in_iterations).
  uint64_t max_sequential_skip_in_iterations = 8;
};

// The data a DBIter reads; owned by the DBIter and replaced by Refresh.
// Destroyed in member order reversed: range_del, iter (whose cleanups may
// release the DB's read view), then arena.
struct DBIterSource {
  DBIterSource() = default;
  DBIterSource(DBIterSource&& other) noexcept;
  // Destroys what this source held, then takes other's.
  DBIterSource& operator=(DBIterSource&& other) noexcept;
  ~DBIterSource() { Reset(); }

  // Destroys everything (in the order above).
  void Reset();

  std::unique_ptr<Arena> arena;  // may be null
  InternalIterator* iter = nullptr;
  bool iter_in_arena = false;  // iter lives in *arena (else on the heap)
  // Range tombstones to hide entries with (null: none).
  std::unique_ptr<RangeDelAggregator> range_del;
  SequenceNumber sequence = kMaxSequenceNumber;  // read at
  uint64_t version_number = 0;  // "rocksdb.iterator.super-version-number"
};

class DBIter final : public Iterator {
 public:
  // Rebuilds *source from the DB's latest state (Iterator::Refresh).
  using RefreshFunction = std::function<Status(DBIterSource* source)>;

  // ro's bounds (Slices the caller keeps alive, as with RocksDB) and
  // iteration flags are used; its snapshot is not (source->sequence is).
  // source->iter is required. refresh may be empty: Refresh() then returns
  // NotSupported.
  DBIter(const ReadOptions& ro, const DBIterOptions& options,
         DBIterSource&& source, RefreshFunction refresh = nullptr);
  ~DBIter() override;

  DBIter(const DBIter&) = delete;
  DBIter& operator=(const DBIter&) = delete;

  bool Valid() const override { return valid_; }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override { return pin_data_ ? pinned_key_ : saved_key_; }
  Slice value() const override { return value_; }
  const WideColumns& columns() const override { return columns_; }
  Status status() const override;
  Status Refresh() override;
  Status GetProperty(std::string prop_name, std::string* prop) override;

 private:
  enum Direction { kForward, kReverse };

  // Forward scan from the current internal position to the next visible
  // user key; `skipping`: entries of user keys <= saved_key_ are passed over.
  void FindNextUserEntry(bool skipping);
  // Collects the merge operands of saved_key_ forward (newest first) from
  // the current internal entry (an operand) and merges them.
  void MergeForward();
  // Backward scan to the previous visible user key, from the current
  // internal position (which holds keys below the last one returned).
  void PrevInternal();
  // Phase 1 of PrevInternal: the entries of saved_key_ visible at the read
  // sequence, oldest first. Returns false on error / Incomplete.
  bool FindValueForCurrentKey();
  // The same by seeking to the newest visible entry and reading forward
  // (used when a key has many entries).
  bool FindValueForCurrentKeyUsingSeek();
  // Moves backward past every entry of a user key >= saved_key_. Returns
  // false on error / Incomplete.
  bool FindUserKeyBeforeSavedKey();

  // Counts one examined internal entry (when increment); true (and the
  // iterator becomes invalid with Status::Incomplete) once more than
  // max_skippable_internal_keys were examined by this operation.
  bool TooManyInternalKeysSkipped(bool increment = true);
  // Decodes the current internal key; on failure sets status_.
  bool ParseKey(ParsedInternalKey* ikey);
  // Runs the merge operator over base (may be null) and
  // operands_[0..num_operands_) (stored newest or oldest first) into
  // merged_value_, which value_ then shows. False (status_ set) on error.
  bool Merge(const Slice* base, bool newest_first);
  void PushOperand(const Slice& operand);
  // The value a base entry of type `type` gives a merge.
  bool BaseValue(ValueType type, const Slice& raw, Slice* base);
  // Sets value_/columns_ for a plain value or a wide-column entity; false
  // (status_ set) for what cannot be shown.
  bool SetValue(ValueType type, const Slice& raw);
  bool CheckUpperBoundAndPrefix(const Slice& user_key) const;
  bool PrefixMatches(const Slice& user_key) const;
  // prefix_same_as_start: remembers user_key's prefix (if in domain).
  void SetPrefixFrom(const Slice& user_key);
  // Moves of iter_, which then step over the entries covered by a range
  // tombstone in the direction of the move.
  void IterSeekToFirst();
  void IterSeekToLast();
  void IterNext();
  void IterPrev();
  void SkipCoveredForward();
  void SkipCoveredBackward();
  void SeekInternal(const Slice& user_key, SequenceNumber seq, ValueType t);
  void SeekForPrevInternal(const Slice& user_key, SequenceNumber seq,
                           ValueType t);
  // iter_ ran out: not valid, with iter_'s error if any.
  void SetInvalidFromIter();
  void StartSeek();
  void FinishSeek();
  // With pin_data: copies the key where it lives as long as the iterator.
  void PinKey();
  void FlushStats();

  // Constant after construction.
  const DBIterOptions options_;
  const Comparator* const ucmp_;
  const Slice* const lower_bound_;
  const Slice* const upper_bound_;
  const bool prefix_same_as_start_;
  const bool pin_data_;
  const uint64_t max_skippable_internal_keys_;
  // False in prefix mode (a prefix extractor, no total_order_seek and no
  // auto_prefix_mode): changes of direction then seek.
  const bool expect_total_order_;
  RefreshFunction refresh_;

  DBIterSource source_;
  InternalIterator* iter_;  // source_.iter

  // max_sequential_skip_in_iterations; unlimited in prefix mode once
  // SeekToFirst or SeekToLast was called (as RocksDB 7.8.3).
  uint64_t max_skip_;
  Direction direction_ = kForward;
  bool valid_ = false;
  // The forward scan left iter_ past the current key (merge results).
  bool iter_past_current_ = false;
  Status status_;
  uint64_t num_internal_keys_skipped_ = 0;

  // The current user key, or the last one examined (the
  // "rocksdb.iterator.internal-key" property).
  std::string saved_key_;
  Slice pinned_key_;  // with pin_data: a copy of saved_key_ in pinned_
  Arena pinned_;
  Slice value_;
  std::string saved_value_;   // a value copied out of iter_
  std::string merged_value_;  // a merge result
  WideColumns columns_;
  // Merge operands being collected: operands_[0..num_operands_) own the
  // bytes (kept allocated between merges).
  std::vector<std::string> operands_;
  size_t num_operands_ = 0;
  std::vector<Slice> operand_slices_;
  std::string seek_key_;  // reusable internal seek key
  std::string prefix_;    // prefix_same_as_start: the prefix of the start
  bool prefix_set_ = false;

  // Statistics gathered locally, added to options_.statistics in bulk.
  uint64_t next_count_ = 0, next_found_count_ = 0;
  uint64_t prev_count_ = 0, prev_found_count_ = 0;
  uint64_t bytes_read_ = 0, skip_count_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE
