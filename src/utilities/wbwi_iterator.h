// Copyright (c) the rocksdb-cleanroom authors.
//
// WBWIIteratorImpl: walks one column family of a WriteBatchIndex record by
// record (keys in comparator order, each key's records oldest first).
#pragma once

#include <cstddef>

#include "rocksdb/utilities/write_batch_with_index.h"
#include "rocksdb/write_batch.h"
#include "utilities/write_batch_index.h"

namespace ROCKSDB_NAMESPACE {

class WBWIIteratorImpl : public WBWIIterator {
 public:
  // Neither argument is owned; both must outlive the iterator. Records
  // added later are seen; Clear/rollback of the batch invalidates it.
  WBWIIteratorImpl(const ColumnFamilyIndex* family, const WriteBatch* batch)
      : family_(family), batch_(batch), node_(family->keys.end()), pos_(0) {}

  bool Valid() const override { return node_ != family_->keys.end(); }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& key) override;
  void SeekForPrev(const Slice& key) override;
  void Next() override;
  void Prev() override;
  WriteEntry Entry() const override;
  Status status() const override { return Status::OK(); }

 private:
  // Positions on the newest record of `node` (end(): invalid).
  void SetToLastOf(KeyRecordsMap::const_iterator node);

  const ColumnFamilyIndex* const family_;
  const WriteBatch* const batch_;
  KeyRecordsMap::const_iterator node_;
  size_t pos_;  // index into node_->second
};

}  // namespace ROCKSDB_NAMESPACE
