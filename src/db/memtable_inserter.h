// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableInserter: applies the records of a WriteBatch to a memtable, the
// i-th counted record at sequence first_sequence + i (format spec 3.3).
// Used by the write path and by WAL replay at open.
#pragma once

#include <cstdint>

#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "rocksdb/write_batch.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class MemTable;

class MemTableInserter : public WriteBatch::Handler {
 public:
  // mem is not owned and must outlive the inserter. concurrent: the
  // memtable may be written by other threads at the same time.
  // ignore_missing_column_families: records for column families other than
  // default are skipped (they still take their sequence number) instead of
  // failing the batch.
  MemTableInserter(MemTable* mem, SequenceNumber first_sequence,
                   bool concurrent, bool ignore_missing_column_families);

  // Applies the whole batch. Stops at the first failing record: the
  // records before it stay applied (as in RocksDB).
  static Status Insert(WriteBatch* batch, MemTable* mem,
                       SequenceNumber first_sequence, bool concurrent,
                       bool ignore_missing_column_families);

  // Whether Insert would apply the whole batch, without changing anything:
  // the errors Insert would meet (a column family other than default, a
  // merge without merge operator, transaction markers).
  static Status Check(const WriteBatch* batch, bool has_merge_operator,
                      bool ignore_missing_column_families);

  // Sequence number the next counted record would get.
  SequenceNumber sequence() const { return sequence_; }

  Status PutCF(uint32_t cf, const Slice& key, const Slice& value) override;
  Status PutEntityCF(uint32_t cf, const Slice& key,
                     const Slice& entity) override;
  Status DeleteCF(uint32_t cf, const Slice& key) override;
  Status SingleDeleteCF(uint32_t cf, const Slice& key) override;
  Status DeleteRangeCF(uint32_t cf, const Slice& begin,
                       const Slice& end) override;
  Status MergeCF(uint32_t cf, const Slice& key, const Slice& value) override;
  Status PutBlobIndexCF(uint32_t cf, const Slice& key,
                        const Slice& value) override;
  Status MarkBeginPrepare(bool unprepared) override;
  Status MarkEndPrepare(const Slice& xid) override;
  Status MarkCommit(const Slice& xid) override;
  Status MarkCommitWithTimestamp(const Slice& xid, const Slice& ts) override;
  Status MarkRollback(const Slice& xid) override;
  Status MarkNoop(bool empty_batch) override;

 private:
  Status Add(uint32_t cf, ValueType type, const Slice& key, const Slice& value);

  MemTable* const mem_;
  SequenceNumber sequence_;
  const bool concurrent_;
  const bool ignore_missing_column_families_;
};

}  // namespace ROCKSDB_NAMESPACE
