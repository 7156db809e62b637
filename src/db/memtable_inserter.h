// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableInserter: applies the records of a WriteBatch to a memtable, the
// i-th counted record at sequence first_sequence + i (format spec 3.3).
// Used by the write path and by WAL replay at open.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "rocksdb/write_batch.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class Logger;
class MemTable;
class MergeOperator;

// Settings for resolving merges while inserting (max_successive_merges):
// a Merge that finds at least max_successive_merges merge entries on top of
// its key in the memtable is replaced by a Put of the merged value, as
// RocksDB 7.8.3 does. Observed rules: the count covers only the memtable
// being written (entries of the key, newest first, up to the first
// non-merge; range tombstones are not looked at); the value is a read of
// the whole DB seeing every record inserted so far; when that read does not
// return OK (NotFound, e.g. operands covered by a range tombstone, or an
// error) or the merge fails, the operand is inserted unchanged.
struct MemTableMergeOptions {
  size_t max_successive_merges = 0;  // 0: never resolve
  // The column family's operator; null disables resolving.
  const MergeOperator* merge_operator = nullptr;
  Logger* info_log = nullptr;  // may be null
  // Reads key's value as of read_seq through memtables and table files: OK
  // and *value, NotFound, or an error. May be empty: then only the memtable
  // being written is read, and a merge is resolved only when that memtable
  // alone decides the value (a base value, a deletion, a covering range
  // tombstone).
  std::function<Status(const Slice& key, SequenceNumber read_seq,
                       std::string* value)>
      get;
};

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
  // records before it stay applied (as in RocksDB). *next_sequence (if
  // not null): the sequence number after the last record that took one
  // (an empty DeleteRange takes none).
  static Status Insert(WriteBatch* batch, MemTable* mem,
                       SequenceNumber first_sequence, bool concurrent,
                       bool ignore_missing_column_families,
                       SequenceNumber* next_sequence = nullptr);
  // The same, resolving merges per merge_options. Merges are never
  // resolved when concurrent (the count and the read would race with the
  // other writers).
  static Status Insert(WriteBatch* batch, MemTable* mem,
                       SequenceNumber first_sequence, bool concurrent,
                       bool ignore_missing_column_families,
                       const MemTableMergeOptions& merge_options);

  // Copied; applies to the records inserted from now on.
  void SetMergeOptions(const MemTableMergeOptions& merge_options) {
    merge_options_ = merge_options;
  }

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
  // Number of merge entries on top of key in mem_ (stops at limit).
  size_t CountSuccessiveMerges(const Slice& key, size_t limit) const;
  // For max_successive_merges: true with *merged set when the merge of
  // operand at seq must be stored as a Put of *merged.
  bool ResolveMerge(const Slice& key, const Slice& operand, SequenceNumber seq,
                    std::string* merged) const;

  MemTable* const mem_;
  SequenceNumber sequence_;
  const bool concurrent_;
  const bool ignore_missing_column_families_;
  MemTableMergeOptions merge_options_;
};

}  // namespace ROCKSDB_NAMESPACE
