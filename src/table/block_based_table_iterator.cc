// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableIterator: index entry -> data block -> entries. Seeks go
// through the index first (the first separator >= target names the only
// block that can hold the first entry >= target); Next/Prev move within
// the data block and cross to the neighbouring block at its ends.

#include "table/block_based_table_iterator.h"

#include <utility>

namespace ROCKSDB_NAMESPACE {

BlockBasedTableIterator::BlockBasedTableIterator(
    const TableBlockSource* source, const InternalKeyComparator* icmp,
    const ReadOptions& ro, Block* index_block,
    CachableEntry<Block>&& index_holder, bool index_key_is_user_key,
    bool index_value_is_delta_encoded, SequenceNumber global_seqno,
    bool use_cache)
    : source_(source),
      icmp_(icmp),
      ro_(ro),
      global_seqno_(global_seqno),
      use_cache_(use_cache),
      index_holder_(std::move(index_holder)) {
  index_block->NewIndexIterator(icmp, index_key_is_user_key,
                                index_value_is_delta_encoded, &index_iter_);
}

BlockBasedTableIterator::~BlockBasedTableIterator() = default;

Status BlockBasedTableIterator::status() const {
  if (!status_.ok()) return status_;
  Status s = index_iter_.status();
  if (!s.ok()) return s;
  if (data_loaded_) return data_iter_.status();
  return Status::OK();
}

void BlockBasedTableIterator::UnloadDataBlock() {
  data_loaded_ = false;
  data_block_.Reset();
}

bool BlockBasedTableIterator::LoadDataBlock() {
  if (!index_iter_.Valid()) {
    UnloadDataBlock();
    return false;
  }
  const BlockHandle handle = index_iter_.value_handle();
  if (data_loaded_ && handle == data_handle_ && data_iter_.status().ok()) {
    return true;
  }
  UnloadDataBlock();
  CachableEntry<Block> block;
  Status s =
      source_->GetBlock(ro_, handle, BlockKind::kData, use_cache_, &block);
  if (!s.ok()) {
    status_ = s;
    return false;
  }
  data_block_ = std::move(block);
  data_block_->NewDataIterator(icmp_, &data_iter_, global_seqno_);
  data_handle_ = handle;
  data_loaded_ = true;
  return true;
}

void BlockBasedTableIterator::SkipEmptyBlocksForward() {
  while (data_loaded_ && !data_iter_.Valid() && data_iter_.status().ok()) {
    index_iter_.Next();
    if (!LoadDataBlock()) return;
    data_iter_.SeekToFirst();
  }
}

void BlockBasedTableIterator::SkipEmptyBlocksBackward() {
  while (data_loaded_ && !data_iter_.Valid() && data_iter_.status().ok()) {
    index_iter_.Prev();
    if (!LoadDataBlock()) return;
    data_iter_.SeekToLast();
  }
}

void BlockBasedTableIterator::SeekToFirst() {
  status_ = Status::OK();
  index_iter_.SeekToFirst();
  if (!LoadDataBlock()) return;
  data_iter_.SeekToFirst();
  SkipEmptyBlocksForward();
}

void BlockBasedTableIterator::SeekToLast() {
  status_ = Status::OK();
  index_iter_.SeekToLast();
  if (!LoadDataBlock()) return;
  data_iter_.SeekToLast();
  SkipEmptyBlocksBackward();
}

void BlockBasedTableIterator::Seek(const Slice& target) {
  status_ = Status::OK();
  index_iter_.Seek(target);
  if (!LoadDataBlock()) return;
  data_iter_.Seek(target);
  SkipEmptyBlocksForward();
}

void BlockBasedTableIterator::SeekForPrev(const Slice& target) {
  status_ = Status::OK();
  // The block holding the last entry <= target is the one the first
  // separator >= target names, or the last block when target is past
  // every separator.
  index_iter_.Seek(target);
  if (!index_iter_.Valid()) {
    if (!index_iter_.status().ok()) {
      UnloadDataBlock();
      return;
    }
    index_iter_.SeekToLast();
  }
  if (!LoadDataBlock()) return;
  data_iter_.SeekForPrev(target);
  SkipEmptyBlocksBackward();
}

void BlockBasedTableIterator::Next() {
  data_iter_.Next();
  SkipEmptyBlocksForward();
}

void BlockBasedTableIterator::Prev() {
  data_iter_.Prev();
  SkipEmptyBlocksBackward();
}

}  // namespace ROCKSDB_NAMESPACE
