// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableIterator: the two-level iterator of a block-based table.
// The first level walks the index block (one entry per data block); the
// second walks the data block the current index entry points to, loaded
// through the table's TableBlockSource (block cache or file). Empty data
// blocks are skipped in both directions.
#pragma once

#include <cstdint>

#include "rocksdb/options.h"
#include "table/block.h"
#include "table/block_cache_access.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class BlockBasedTableIterator final : public InternalIterator {
 public:
  // index_block: the table's index block, kept alive by index_holder (an
  // entry of the block cache, or empty when the table owns the block and
  // outlives the iterator). source and icmp must outlive the iterator.
  // global_seqno: kDisableGlobalSequenceNumber, or the sequence number all
  // keys are presented with (ingested files).
  BlockBasedTableIterator(const TableBlockSource* source,
                          const InternalKeyComparator* icmp,
                          const ReadOptions& ro, Block* index_block,
                          CachableEntry<Block>&& index_holder,
                          bool index_key_is_user_key,
                          bool index_value_is_delta_encoded,
                          SequenceNumber global_seqno, bool use_cache);
  ~BlockBasedTableIterator() override;

  bool Valid() const override { return data_loaded_ && data_iter_.Valid(); }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override { return data_iter_.key(); }
  Slice value() const override { return data_iter_.value(); }
  Slice user_key() const override { return data_iter_.user_key(); }
  Status status() const override;

 private:
  // Loads the data block of the current index entry (kept when it is the
  // one already loaded). False on error (status_ set) or when the index
  // iterator is not valid.
  bool LoadDataBlock();
  void UnloadDataBlock();
  // From an invalid data iterator, moves to the first entry of the next
  // non-empty block (forward) or the last one of the previous (backward).
  void SkipEmptyBlocksForward();
  void SkipEmptyBlocksBackward();

  const TableBlockSource* const source_;
  const InternalKeyComparator* const icmp_;
  const ReadOptions ro_;
  const SequenceNumber global_seqno_;
  const bool use_cache_;
  CachableEntry<Block> index_holder_;
  IndexBlockIter index_iter_;

  CachableEntry<Block> data_block_;
  DataBlockIter data_iter_;
  bool data_loaded_ = false;
  BlockHandle data_handle_;  // of the loaded block
  Status status_;            // error met while loading a block
};

}  // namespace ROCKSDB_NAMESPACE
