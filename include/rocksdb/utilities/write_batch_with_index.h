// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchWithIndex: a WriteBatch plus an ordered index of its keys, so
// that the pending writes can be searched (GetFromBatch), iterated in key
// order (NewIterator) or overlaid on a DB iterator (NewIteratorWithBase).
// Used as the write buffer of transactions.
#pragma once

#ifndef ROCKSDB_LITE

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/iterator.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/write_batch.h"
#include "rocksdb/write_batch_base.h"

namespace ROCKSDB_NAMESPACE {

class ColumnFamilyHandle;
class Comparator;
class DB;
class ReadCallback;
struct ReadOptions;
struct DBOptions;

// Kind of a batch entry. Numeric values never change.
enum WriteType {
  kPutRecord,
  kMergeRecord,
  kDeleteRecord,
  kSingleDeleteRecord,
  kDeleteRangeRecord,
  kLogDataRecord,
  kXIDRecord,
  kUnknownRecord,
};

// One indexed entry (Put, Merge, Delete or SingleDelete). key and value
// point into the batch.
struct WriteEntry {
  WriteType type = kUnknownRecord;
  Slice key;
  Slice value;
};

// Iterates the entries of one column family of a WriteBatchWithIndex in
// index order.
class WBWIIterator {
 public:
  virtual ~WBWIIterator() {}

  virtual bool Valid() const = 0;

  virtual void SeekToFirst() = 0;

  virtual void SeekToLast() = 0;

  // First entry with key >= `key`.
  virtual void Seek(const Slice& key) = 0;

  // Last entry with key <= `key`.
  virtual void SeekForPrev(const Slice& key) = 0;

  virtual void Next() = 0;

  virtual void Prev() = 0;

  // REQUIRES: Valid(). The slices stay valid until the batch is modified.
  virtual WriteEntry Entry() const = 0;

  virtual Status status() const = 0;
};

// Each write goes to the underlying WriteBatch (GetWriteBatch(), ready for
// DB::Write) and into the index. Keys of a column family are ordered by
// that column family's comparator (or the backup comparator).
// Not thread-safe.
class WriteBatchWithIndex : public WriteBatchBase {
 public:
  // backup_index_comparator: orders keys when no column family is given or
  //   the handle's comparator cannot be determined. Not owned; must outlive
  //   the batch.
  // reserved_bytes: initial capacity of the WriteBatch.
  // overwrite_key: true makes a new Put/Delete/SingleDelete replace the
  //   newest index entry of its key, so iterators show one entry per key
  //   (Merges are still added as entries of their own). false keeps every
  //   update as a separate entry.
  // max_bytes: size limit of the WriteBatch; 0: none.
  // protection_bytes_per_key: per-key checksum bytes in the WriteBatch.
  explicit WriteBatchWithIndex(
      const Comparator* backup_index_comparator = BytewiseComparator(),
      size_t reserved_bytes = 0, bool overwrite_key = false,
      size_t max_bytes = 0, size_t protection_bytes_per_key = 0);

  ~WriteBatchWithIndex() override;
  WriteBatchWithIndex(WriteBatchWithIndex&&);
  WriteBatchWithIndex& operator=(WriteBatchWithIndex&&);

  using WriteBatchBase::Put;
  Status Put(ColumnFamilyHandle* column_family, const Slice& key,
             const Slice& value) override;

  Status Put(const Slice& key, const Slice& value) override;

  Status Put(ColumnFamilyHandle* column_family, const Slice& key,
             const Slice& ts, const Slice& value) override;

  Status PutEntity(ColumnFamilyHandle* column_family, const Slice& /* key */,
                   const WideColumns& /* columns */) override {
    if (!column_family) {
      return Status::InvalidArgument(
          "Cannot call this method without a column family handle");
    }
    return Status::NotSupported(
        "PutEntity not supported by WriteBatchWithIndex");
  }

  using WriteBatchBase::Merge;
  Status Merge(ColumnFamilyHandle* column_family, const Slice& key,
               const Slice& value) override;

  Status Merge(const Slice& key, const Slice& value) override;
  Status Merge(ColumnFamilyHandle* /*column_family*/, const Slice& /*key*/,
               const Slice& /*ts*/, const Slice& /*value*/) override {
    return Status::NotSupported(
        "Merge does not support user-defined timestamp");
  }

  using WriteBatchBase::Delete;
  Status Delete(ColumnFamilyHandle* column_family, const Slice& key) override;
  Status Delete(const Slice& key) override;
  Status Delete(ColumnFamilyHandle* column_family, const Slice& key,
                const Slice& ts) override;

  using WriteBatchBase::SingleDelete;
  Status SingleDelete(ColumnFamilyHandle* column_family,
                      const Slice& key) override;
  Status SingleDelete(const Slice& key) override;
  Status SingleDelete(ColumnFamilyHandle* column_family, const Slice& key,
                      const Slice& ts) override;

  // Range deletions cannot be indexed and are refused.
  using WriteBatchBase::DeleteRange;
  Status DeleteRange(ColumnFamilyHandle* /* column_family */,
                     const Slice& /* begin_key */,
                     const Slice& /* end_key */) override {
    return Status::NotSupported(
        "DeleteRange unsupported in WriteBatchWithIndex");
  }
  Status DeleteRange(const Slice& /* begin_key */,
                     const Slice& /* end_key */) override {
    return Status::NotSupported(
        "DeleteRange unsupported in WriteBatchWithIndex");
  }
  Status DeleteRange(ColumnFamilyHandle* /*column_family*/,
                     const Slice& /*begin_key*/, const Slice& /*end_key*/,
                     const Slice& /*ts*/) override {
    return Status::NotSupported(
        "DeleteRange unsupported in WriteBatchWithIndex");
  }

  using WriteBatchBase::PutLogData;
  Status PutLogData(const Slice& blob) override;

  using WriteBatchBase::Clear;
  void Clear() override;

  // The underlying batch; owned by this object.
  using WriteBatchBase::GetWriteBatch;
  WriteBatch* GetWriteBatch() override;

  // An iterator over the entries of `column_family` (index order; several
  // updates of one key appear oldest first). The caller owns it.
  WBWIIterator* NewIterator(ColumnFamilyHandle* column_family);
  // Same, for the default column family.
  WBWIIterator* NewIterator();

  // An Iterator showing `base_iterator` (e.g. a DB iterator) with this
  // batch's entries of `column_family` applied on top: puts replace or add
  // keys, deletes hide them, merges are resolved with the column family's
  // merge operator. Takes ownership of base_iterator. opts may give
  // iteration bounds. Writing the key the iterator is positioned on
  // invalidates its key() and value() until it moves. Caller owns it.
  Iterator* NewIteratorWithBase(ColumnFamilyHandle* column_family,
                                Iterator* base_iterator,
                                const ReadOptions* opts = nullptr);
  // Same, for the default column family.
  Iterator* NewIteratorWithBase(Iterator* base_iterator);

  // Reads `key` from this batch only. NotFound if the batch has no entry or
  // its newest entry is a deletion; MergeInProgress if the batch holds
  // only merge operands for the key (the base value would be in the DB).
  // Resolving merges on top of a Put/Delete needs the column family's
  // merge operator.
  Status GetFromBatch(ColumnFamilyHandle* column_family,
                      const DBOptions& options, const Slice& key,
                      std::string* value);

  // Default column family. Without a column family no merge operator is
  // known: merges on top of a Put/Delete give InvalidArgument.
  Status GetFromBatch(const DBOptions& options, const Slice& key,
                      std::string* value) {
    return GetFromBatch(nullptr, options, key, value);
  }

  // Reads `key` from this batch over `db`: the batch wins, merge operands
  // are applied to the DB value with the column family's merge operator.
  // read_options.snapshot only selects the DB version; batch entries are
  // always seen.
  Status GetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                           const Slice& key, std::string* value);

  Status GetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                           const Slice& key, PinnableSlice* value);

  Status GetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                           ColumnFamilyHandle* column_family, const Slice& key,
                           std::string* value);

  Status GetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                           ColumnFamilyHandle* column_family, const Slice& key,
                           PinnableSlice* value);

  // GetFromBatchAndDB() for num_keys keys; results go to values[i] and
  // statuses[i].
  void MultiGetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                              ColumnFamilyHandle* column_family,
                              const size_t num_keys, const Slice* keys,
                              PinnableSlice* values, Status* statuses,
                              bool sorted_input);

  // Pushes a save point for RollbackToSavePoint().
  void SetSavePoint() override;

  // Removes every entry added since the latest save point, and the save
  // point. NotFound (batch unchanged) if there is none. Invalidates open
  // iterators of this batch.
  Status RollbackToSavePoint() override;

  // Pops the latest save point; NotFound if there is none.
  Status PopSavePoint() override;

  void SetMaxBytes(size_t max_bytes) override;
  // Size in bytes of the underlying WriteBatch.
  size_t GetDataSize() const;

 private:
  friend class PessimisticTransactionDB;
  friend class WritePreparedTxn;
  friend class WriteUnpreparedTxn;
  friend class WriteBatchWithIndex_SubBatchCnt_Test;
  friend class WriteBatchWithIndexInternal;
  // Number of sub-batches: a new one starts at each write whose
  // <column family, key> already occurs in the current sub-batch.
  size_t SubBatchCnt();

  Status GetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                           ColumnFamilyHandle* column_family, const Slice& key,
                           PinnableSlice* value, ReadCallback* callback);
  void MultiGetFromBatchAndDB(DB* db, const ReadOptions& read_options,
                              ColumnFamilyHandle* column_family,
                              const size_t num_keys, const Slice* keys,
                              PinnableSlice* values, Status* statuses,
                              bool sorted_input, ReadCallback* callback);
  struct Rep;
  std::unique_ptr<Rep> rep;
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // !ROCKSDB_LITE
