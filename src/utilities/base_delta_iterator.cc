// Copyright (c) the rocksdb-cleanroom authors.
//
// BaseDeltaIterator: two cursors, one on the base iterator and one on the
// delta index, always moved in the same direction. The visible key is the
// nearer of the two in that direction; when both sit on the same key the
// delta decides (Put: its value; Delete: skip the key; Merge: operands
// applied to the base value, or to the batch's own Put/Delete under them).
//
// Bounds, as RocksDB 7.8.3 behaves (observed): only the upper bound is
// honoured, and only when moving forward (it ends the iteration); the base
// iterator is expected to apply its own ReadOptions bounds.

#include "utilities/base_delta_iterator.h"

#include <iterator>
#include <utility>

namespace ROCKSDB_NAMESPACE {

BaseDeltaIterator::BaseDeltaIterator(
    Iterator* base, const ColumnFamilyIndex* delta, const WriteBatch* batch,
    std::shared_ptr<MergeOperator> merge_operator, Status merge_error,
    const ReadOptions* opts)
    : base_(base),
      delta_index_(delta),
      batch_(batch),
      comparator_(delta->comparator()),
      merge_operator_(std::move(merge_operator)),
      merge_error_(std::move(merge_error)),
      upper_bound_(opts != nullptr ? opts->iterate_upper_bound : nullptr),
      delta_(delta->keys.end()) {}

bool BaseDeltaIterator::PastUpperBound(const Slice& key) const {
  return forward_ && upper_bound_ != nullptr &&
         Compare(key, *upper_bound_) >= 0;
}

void BaseDeltaIterator::AdvanceDelta() {
  if (!DeltaValid()) {
    return;
  }
  if (forward_) {
    ++delta_;
  } else if (delta_ == delta_index_->keys.begin()) {
    delta_ = delta_index_->keys.end();
  } else {
    --delta_;
  }
}

void BaseDeltaIterator::DeltaSeekForPrev(const Slice& target) {
  Node it = delta_index_->keys.upper_bound(target);
  delta_ = it == delta_index_->keys.begin() ? delta_index_->keys.end()
                                            : std::prev(it);
}

void BaseDeltaIterator::SeekToFirst() {
  forward_ = true;
  status_ = Status::OK();
  base_->SeekToFirst();
  delta_ = delta_index_->keys.begin();
  FindVisible();
}

void BaseDeltaIterator::SeekToLast() {
  forward_ = false;
  status_ = Status::OK();
  base_->SeekToLast();
  delta_ = delta_index_->keys.empty() ? delta_index_->keys.end()
                                      : std::prev(delta_index_->keys.end());
  FindVisible();
}

void BaseDeltaIterator::Seek(const Slice& target) {
  forward_ = true;
  status_ = Status::OK();
  base_->Seek(target);
  delta_ = delta_index_->keys.lower_bound(target);
  FindVisible();
}

void BaseDeltaIterator::SeekForPrev(const Slice& target) {
  forward_ = false;
  status_ = Status::OK();
  base_->SeekForPrev(target);
  DeltaSeekForPrev(target);
  FindVisible();
}

void BaseDeltaIterator::Next() { Step(/*forward=*/true); }

void BaseDeltaIterator::Prev() { Step(/*forward=*/false); }

void BaseDeltaIterator::Step(bool forward) {
  if (!valid_) {
    return;
  }
  const std::string current = key().ToString();
  if (forward != forward_) {
    forward_ = forward;
    if (forward) {
      base_->Seek(current);
      delta_ = delta_index_->keys.lower_bound(current);
    } else {
      base_->SeekForPrev(current);
      DeltaSeekForPrev(current);
    }
  }
  if (base_->Valid() && Compare(base_->key(), current) == 0) {
    if (forward) {
      base_->Next();
    } else {
      base_->Prev();
    }
  }
  if (DeltaValid() && Compare(delta_->first, current) == 0) {
    AdvanceDelta();
  }
  FindVisible();
}

void BaseDeltaIterator::FindVisible() {
  valid_ = false;
  while (true) {
    const bool base_valid = base_->Valid();
    if (!base_valid && !base_->status().ok()) {
      return;  // reported by status()
    }
    const bool delta_valid = DeltaValid();
    if (!base_valid && !delta_valid) {
      return;
    }
    // order < 0: the delta key comes first in the current direction.
    int order = 0;
    if (base_valid && delta_valid) {
      order = Compare(Slice(delta_->first), base_->key());
      if (!forward_) {
        order = -order;
      }
    }
    if (!delta_valid || order > 0) {
      current_at_base_ = true;
      valid_ = !PastUpperBound(base_->key());
      return;
    }
    if (PastUpperBound(Slice(delta_->first))) {
      return;
    }
    const bool same_key = base_valid && order == 0;

    BatchKeyState state;
    if (!CollectBatchKeyState(*batch_, delta_->second, &state)) {
      status_ = Status::Corruption("WriteBatchWithIndex: unreadable record");
      return;
    }
    if (state.operands.empty()) {
      if (state.base == BatchKeyState::kPut) {
        current_at_base_ = false;
        value_ = state.put_value;
        valid_ = true;
        return;
      }
      // Deleted in the batch: hide the key on both sides.
      if (same_key) {
        if (forward_) {
          base_->Next();
        } else {
          base_->Prev();
        }
      }
      AdvanceDelta();
      continue;
    }

    if (merge_operator_ == nullptr) {
      status_ = merge_error_;
      return;
    }
    Slice base_value;
    const Slice* existing = nullptr;
    if (state.base == BatchKeyState::kPut) {
      existing = &state.put_value;
    } else if (state.base == BatchKeyState::kNoBase && same_key) {
      base_value = base_->value();
      existing = &base_value;
    }
    Status s =
        ApplyMergeOperands(merge_operator_.get(), Slice(delta_->first),
                           existing, state.operands, nullptr, &merged_value_);
    if (!s.ok()) {
      status_ = s;
      return;
    }
    current_at_base_ = false;
    value_ = Slice(merged_value_);
    valid_ = true;
    return;
  }
}

Slice BaseDeltaIterator::key() const {
  return current_at_base_ ? base_->key() : Slice(delta_->first);
}

Slice BaseDeltaIterator::value() const {
  return current_at_base_ ? base_->value() : value_;
}

Status BaseDeltaIterator::status() const {
  if (!status_.ok()) {
    return status_;
  }
  return base_->status();
}

}  // namespace ROCKSDB_NAMESPACE
