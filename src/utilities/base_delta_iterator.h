// Copyright (c) the rocksdb-cleanroom authors.
//
// BaseDeltaIterator: the iterator of WriteBatchWithIndex::
// NewIteratorWithBase(). It merges a base Iterator (typically a DB
// iterator) with one column family of a batch index (the delta), key by
// key: a delta Put shadows the base, a delta Delete hides the key, delta
// Merges are applied to whatever lies under them.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/comparator.h"
#include "rocksdb/iterator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"
#include "utilities/write_batch_index.h"

namespace ROCKSDB_NAMESPACE {

class BaseDeltaIterator : public Iterator {
 public:
  // Takes ownership of `base`. `delta` and `batch` are not owned and must
  // outlive the iterator. `merge_operator` may be null (then a delta Merge
  // makes the iterator fail with `merge_error`). `opts` (nullable, not
  // kept) may give an upper bound, which must outlive the iterator.
  BaseDeltaIterator(Iterator* base, const ColumnFamilyIndex* delta,
                    const WriteBatch* batch,
                    std::shared_ptr<MergeOperator> merge_operator,
                    Status merge_error, const ReadOptions* opts);

  bool Valid() const override { return valid_; }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override;
  Slice value() const override;
  Status status() const override;

 private:
  using Node = KeyRecordsMap::const_iterator;

  int Compare(const Slice& a, const Slice& b) const {
    return comparator_->Compare(a, b);
  }
  bool DeltaValid() const { return delta_ != delta_index_->keys.end(); }
  // True if moving forward and `key` is at or past the upper bound.
  bool PastUpperBound(const Slice& key) const;
  // Moves the delta cursor one key in the current direction.
  void AdvanceDelta();
  // Positions the delta cursor on the last key <= target.
  void DeltaSeekForPrev(const Slice& target);
  // Moves both sides past the key the iterator is on, in direction
  // `forward`, repositioning them first if the direction changes.
  void Step(bool forward);
  // From the current side positions, finds the next visible key in the
  // current direction and sets valid_, current_at_base_ and value_.
  void FindVisible();

  // Constant after construction.
  const std::unique_ptr<Iterator> base_;
  const ColumnFamilyIndex* const delta_index_;
  const WriteBatch* const batch_;
  const Comparator* const comparator_;
  const std::shared_ptr<MergeOperator> merge_operator_;
  const Status merge_error_;
  const Slice* const upper_bound_;

  Node delta_;
  bool forward_ = true;
  bool valid_ = false;
  bool current_at_base_ = false;
  Status status_;
  Slice value_;
  std::string merged_value_;
};

}  // namespace ROCKSDB_NAMESPACE
