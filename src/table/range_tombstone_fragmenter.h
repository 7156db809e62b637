// Copyright (c) the rocksdb-cleanroom authors.
//
// Range tombstones cut into fragments. A range tombstone [begin, end) @ seq
// deletes every entry of a user key in [begin, end) whose sequence number is
// below seq. Tombstones are stored unfragmented (memtable tombstone rep, SST
// range-del block: key = internal key (begin, seq, kTypeRangeDeletion),
// value = end user key) and may overlap. FragmentedRangeTombstoneList cuts
// them at every begin/end point into non-overlapping fragments, each with
// the sequence numbers of the tombstones covering it, so that "the newest
// tombstone covering key k visible at sequence s" is a binary search.
//
//   tombstones  [a, e)@5  [c, g)@9        fragments  [a, c) {5}
//                                                    [c, e) {9, 5}
//                                                    [e, g) {9}
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

// An immutable list of fragments, built once (per memtable snapshot, per
// table file) and then shared read-only (thread-safe for readers).
class FragmentedRangeTombstoneList {
 public:
  struct Fragment {
    Slice start_key;  // user key, inclusive; points into the list
    Slice end_key;    // user key, exclusive; points into the list
    // The sequence numbers of the covering tombstones are
    // seqs()[seq_start_idx, seq_end_idx), largest first, never empty.
    size_t seq_start_idx;
    size_t seq_end_idx;
  };

  // Reads every tombstone of `unfragmented` (any order; keys as stored,
  // see the top of the file). Tombstones with begin >= end are dropped.
  // The iterator is only read during the constructor; its status and any
  // unparsable key end up in status() (the readable tombstones are kept).
  // icmp's user comparator must outlive the list.
  FragmentedRangeTombstoneList(InternalIterator* unfragmented,
                               const InternalKeyComparator& icmp);
  FragmentedRangeTombstoneList(std::unique_ptr<InternalIterator> unfragmented,
                               const InternalKeyComparator& icmp)
      : FragmentedRangeTombstoneList(unfragmented.get(), icmp) {}

  FragmentedRangeTombstoneList(const FragmentedRangeTombstoneList&) = delete;
  FragmentedRangeTombstoneList& operator=(const FragmentedRangeTombstoneList&) =
      delete;

  // Fragments in increasing start key order, non-overlapping.
  const std::vector<Fragment>& fragments() const { return fragments_; }
  const std::vector<SequenceNumber>& seqs() const { return seqs_; }
  bool empty() const { return fragments_.empty(); }
  size_t num_unfragmented_tombstones() const { return num_unfragmented_; }
  // Largest / smallest sequence number of any tombstone (0 when empty).
  SequenceNumber max_seq() const { return max_seq_; }
  SequenceNumber min_seq() const { return min_seq_; }
  const Comparator* user_comparator() const { return ucmp_; }
  Status status() const { return status_; }

  // Index of the first fragment whose end key is after user_key, i.e. the
  // fragment containing user_key if any, else the next one to its right;
  // fragments().size() when there is none.
  size_t FindFragment(const Slice& user_key) const;

  // True when fragment i covers user_key (start <= user_key < end).
  // REQUIRES: i < fragments().size().
  bool Contains(size_t i, const Slice& user_key) const;

  // The largest sequence number <= read_seq of fragment i's tombstones, or
  // 0 when none is visible. REQUIRES: i < fragments().size().
  SequenceNumber MaxVisibleSeq(size_t i, SequenceNumber read_seq) const;

  // The largest sequence number <= read_seq of a tombstone covering
  // user_key; 0 when none. Entries of user_key with a smaller sequence
  // number are deleted. O(log fragments).
  SequenceNumber MaxCoveringTombstoneSeqnum(const Slice& user_key,
                                            SequenceNumber read_seq) const;

 private:
  const Comparator* ucmp_;
  std::deque<std::string> keys_;  // owns the fragments' keys (stable)
  std::vector<Fragment> fragments_;
  std::vector<SequenceNumber> seqs_;
  size_t num_unfragmented_ = 0;
  SequenceNumber max_seq_ = 0;
  SequenceNumber min_seq_ = 0;
  Status status_;
};

// An InternalIterator over the fragments of a list, one entry per
// (fragment, sequence number) with lower_bound <= seq <= upper_bound:
// key() = (fragment start, seq, kTypeRangeDeletion), value() = fragment end.
// Entries come in internal key order (start ascending, seq descending), so
// the output is again a valid set of stored tombstones (non-overlapping).
// Seek/SeekForPrev take internal keys and position as for any internal
// iterator (by start key and seq, not by coverage).
class FragmentedRangeTombstoneIterator : public InternalIterator {
 public:
  // The list (shared) must stay alive as long as the iterator; icmp must
  // outlive the iterator.
  FragmentedRangeTombstoneIterator(
      std::shared_ptr<const FragmentedRangeTombstoneList> list,
      const InternalKeyComparator& icmp, SequenceNumber upper_bound,
      SequenceNumber lower_bound = 0);

  bool Valid() const override;
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override;
  Slice value() const override;
  Slice user_key() const override;
  Status status() const override { return list_->status(); }

  // Parts of the current entry. REQUIRES: Valid().
  Slice start_key() const;
  Slice end_key() const;
  SequenceNumber seq() const;

  // Largest visible (within the bounds) seq covering user_key; 0 if none.
  // Does not move the iterator.
  SequenceNumber MaxCoveringTombstoneSeqnum(const Slice& user_key) const;

 private:
  // Moves forward / backward from (frag_, seq_idx_) to the nearest entry
  // within the bounds; frag_ == size() (forward) or npos (backward) ends.
  void SkipInvisibleForward();
  void SkipInvisibleBackward();
  void SetKey();
  bool InBounds(SequenceNumber s) const;

  std::shared_ptr<const FragmentedRangeTombstoneList> list_;
  const InternalKeyComparator* icmp_;
  SequenceNumber upper_bound_;
  SequenceNumber lower_bound_;
  size_t frag_;      // current fragment; fragments().size() when invalid
  size_t seq_idx_;   // index into list_->seqs()
  std::string key_;  // encoded current internal key
};

// The largest sequence number <= read_seq of a tombstone in `tombstones`
// (stored, unfragmented form, sorted as stored: begin internal key order)
// that covers user_key; 0 when none (also when tombstones is null). Scans
// the tombstones beginning at or before user_key: for repeated lookups,
// build a FragmentedRangeTombstoneList once instead.
SequenceNumber MaxCoveringTombstoneSeqnum(InternalIterator* tombstones,
                                          const InternalKeyComparator& icmp,
                                          const Slice& user_key,
                                          SequenceNumber read_seq);

}  // namespace ROCKSDB_NAMESPACE
