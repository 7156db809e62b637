// Copyright (c) the rocksdb-cleanroom authors.
//
// FlushIterator: what a flush writes of the memtables' point entries. It
// reads the merged memtable entries (internal key order) one user key at a
// time and keeps, per snapshot stripe, what readers of that stripe can
// still see, the way RocksDB 7.8.3's flush does (observed with sst_dump):
//
//   - A stripe is the set of sequence numbers between two consecutive live
//     snapshots (the last one is open-ended). In each stripe only the newest
//     entry of a key matters; older ones in the same stripe are dropped.
//   - An entry covered by a range tombstone of its own stripe is dropped
//     (the tombstone itself is written by the caller).
//   - A SingleDelete (even one a newer entry hides) and the entry right
//     below it in its stripe cancel out; one right above another
//     SingleDelete of its stripe is dropped; one right above a Delete is
//     a Corruption (the SingleDelete contract is broken); one with nothing
//     below it in its stripe is kept.
//   - Merge operands are combined down to a Put, a deletion or a covering
//     tombstone of their stripe into one Put (full merge); operands with no
//     base in their stripe are combined with PartialMergeMulti when the
//     operator supports it, else kept one by one.
//   - Deletions are kept: the table is not the bottommost data.
// The output entries keep their sequence numbers (a merge result takes the
// newest operand's), in internal key order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/merge_operator.h"
#include "rocksdb/status.h"
#include "table/range_tombstone_fragmenter.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Logger;

class FlushIterator {
 public:
  // input: the entries to flush (not owned; must outlive this object).
  // snapshots: live snapshot sequence numbers, ascending. tombstones (may
  // be null) are the range tombstones being flushed. merge_operator may be
  // null (merge entries are then kept as they are).
  FlushIterator(InternalIterator* input, const InternalKeyComparator& icmp,
                const MergeOperator* merge_operator,
                std::vector<SequenceNumber> snapshots,
                const FragmentedRangeTombstoneList* tombstones,
                Logger* info_log);

  FlushIterator(const FlushIterator&) = delete;
  FlushIterator& operator=(const FlushIterator&) = delete;

  // Grammar: SeekToFirst (Valid key value Next)*; then status().
  void SeekToFirst();
  bool Valid() const { return pos_ < out_.size(); }
  void Next();
  // REQUIRES: Valid(). Valid until Next.
  Slice key() const { return out_[pos_].key; }
  Slice value() const { return out_[pos_].value; }
  // The input's error, a merge failure or a malformed key.
  Status status() const { return status_; }

  // Input entries read / output entries produced so far.
  uint64_t num_input_entries() const { return num_input_; }
  uint64_t num_output_entries() const { return num_output_; }

  // Which snapshot stripe seq falls in: the index of the first snapshot
  // >= seq, or snapshots.size() for the open-ended latest stripe.
  static size_t StripeOf(const std::vector<SequenceNumber>& snapshots,
                         SequenceNumber seq);

 private:
  struct Entry {
    std::string key;  // internal key
    std::string value;
    SequenceNumber seq;
    ValueType type;
  };

  // Reads the next user key's entries from the input and fills out_.
  void ProcessNextUserKey();
  // Decides what survives of entries_ (one user key, newest first).
  void Compact();
  // Handles the merge operands starting at entries_[i]; returns the index
  // of the first entry not consumed.
  size_t CompactMerges(size_t i, size_t stripe);
  bool Covered(const Entry& e, size_t stripe) const;
  void Emit(const Slice& user_key, SequenceNumber seq, ValueType type,
            const Slice& value);

  InternalIterator* const input_;
  const InternalKeyComparator icmp_;
  const MergeOperator* const merge_operator_;
  const std::vector<SequenceNumber> snapshots_;
  const FragmentedRangeTombstoneList* const tombstones_;
  Logger* const info_log_;

  std::vector<Entry> entries_;  // the current user key, newest first
  std::vector<Entry> out_;      // what survives of it
  size_t pos_ = 0;
  Status status_;
  uint64_t num_input_ = 0;
  uint64_t num_output_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE
