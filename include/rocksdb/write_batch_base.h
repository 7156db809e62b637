// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchBase: the abstract interface shared by WriteBatch and
// WriteBatchWithIndex. Every mutation is buffered in the batch; nothing
// reaches a database until the batch is handed to DB::Write().
#pragma once

#include <cstddef>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/wide_columns.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
class Status;
class ColumnFamilyHandle;
class WriteBatch;
struct SliceParts;

class WriteBatchBase {
 public:
  virtual ~WriteBatchBase() {}

  // Records key -> value. A null column_family means the default family.
  virtual Status Put(ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& value) = 0;
  virtual Status Put(const Slice& key, const Slice& value) = 0;
  // As above for a family with user-defined timestamps; ts is the timestamp.
  virtual Status Put(ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& ts, const Slice& value) = 0;

  // Gather variants: key and value are the concatenation of their parts.
  // The default implementations concatenate and call the Slice overloads.
  virtual Status Put(ColumnFamilyHandle* column_family, const SliceParts& key,
                     const SliceParts& value);
  virtual Status Put(const SliceParts& key, const SliceParts& value);

  // Records key -> a wide-column entity (a set of named columns).
  virtual Status PutEntity(ColumnFamilyHandle* column_family, const Slice& key,
                           const WideColumns& columns) = 0;

  // Records a merge operand for key (combined by the family's merge
  // operator when read or compacted).
  virtual Status Merge(ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& value) = 0;
  virtual Status Merge(const Slice& key, const Slice& value) = 0;
  virtual Status Merge(ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& ts, const Slice& value) = 0;

  // Gather variants of Merge.
  virtual Status Merge(ColumnFamilyHandle* column_family, const SliceParts& key,
                       const SliceParts& value);
  virtual Status Merge(const SliceParts& key, const SliceParts& value);

  // Records the removal of key (a no-op if it is absent).
  virtual Status Delete(ColumnFamilyHandle* column_family,
                        const Slice& key) = 0;
  virtual Status Delete(const Slice& key) = 0;
  virtual Status Delete(ColumnFamilyHandle* column_family, const Slice& key,
                        const Slice& ts) = 0;

  // Gather variants of Delete.
  virtual Status Delete(ColumnFamilyHandle* column_family,
                        const SliceParts& key);
  virtual Status Delete(const SliceParts& key);

  // Records the removal of a key that was written at most once since its
  // last removal (see DB::SingleDelete).
  virtual Status SingleDelete(ColumnFamilyHandle* column_family,
                              const Slice& key) = 0;
  virtual Status SingleDelete(const Slice& key) = 0;
  virtual Status SingleDelete(ColumnFamilyHandle* column_family,
                              const Slice& key, const Slice& ts) = 0;

  // Gather variants of SingleDelete.
  virtual Status SingleDelete(ColumnFamilyHandle* column_family,
                              const SliceParts& key);
  virtual Status SingleDelete(const SliceParts& key);

  // Records the removal of every key in [begin_key, end_key).
  virtual Status DeleteRange(ColumnFamilyHandle* column_family,
                             const Slice& begin_key, const Slice& end_key) = 0;
  virtual Status DeleteRange(const Slice& begin_key, const Slice& end_key) = 0;
  virtual Status DeleteRange(ColumnFamilyHandle* column_family,
                             const Slice& begin_key, const Slice& end_key,
                             const Slice& ts) = 0;

  // Gather variants of DeleteRange.
  virtual Status DeleteRange(ColumnFamilyHandle* column_family,
                             const SliceParts& begin_key,
                             const SliceParts& end_key);
  virtual Status DeleteRange(const SliceParts& begin_key,
                             const SliceParts& end_key);

  // Adds an opaque blob that goes to the WAL only: it is not applied to any
  // family, takes no sequence number and is not counted. Handler::LogData
  // sees it in order with the other records.
  virtual Status PutLogData(const Slice& blob) = 0;

  // Drops every buffered update.
  virtual void Clear() = 0;

  // The plain WriteBatch holding this batch's updates. The result is owned
  // by this object and lives as long as it does.
  virtual WriteBatch* GetWriteBatch() = 0;

  // Pushes a save point: the current state, for RollbackToSavePoint().
  virtual void SetSavePoint() = 0;

  // Undoes everything added since the most recent save point and pops it.
  // Implementations say what happens when there is no save point.
  virtual Status RollbackToSavePoint() = 0;

  // Pops the most recent save point without undoing anything; NotFound if
  // there is none.
  virtual Status PopSavePoint() = 0;

  // Caps the serialized size of the batch; 0 means unlimited.
  virtual void SetMaxBytes(size_t max_bytes) = 0;
};

}  // namespace ROCKSDB_NAMESPACE
