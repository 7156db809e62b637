// Copyright (c) the rocksdb-cleanroom authors.
//
// The index behind WriteBatchWithIndex: for each column family, an ordered
// map from user key to the batch records of that key (oldest first). A
// record is named by its byte offset in the WriteBatch rep, so the index
// holds no pointers into the batch and survives its reallocation.
//
// Overwrite mode (overwrite_key=true): a new Put/Delete/SingleDelete
// replaces the newest record of its key; a Merge is always appended. This
// is RocksDB 7.8.3's observable behaviour (e.g. Put, Merge, Put leaves two
// entries: the first Put and the second one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {

// One indexed record: its kind and where it starts in the batch rep.
struct IndexedRecord {
  WriteType type;
  size_t offset;
};

// Orders user keys with a column family's comparator. Transparent, so maps
// can be searched with a Slice.
struct UserKeyLess {
  using is_transparent = void;
  const Comparator* cmp;
  bool operator()(const Slice& a, const Slice& b) const {
    return cmp->Compare(a, b) < 0;
  }
};

using KeyRecordsMap =
    std::map<std::string, std::vector<IndexedRecord>, UserKeyLess>;

// The index of one column family.
struct ColumnFamilyIndex {
  explicit ColumnFamilyIndex(const Comparator* c) : keys(UserKeyLess{c}) {}
  const Comparator* comparator() const { return keys.key_comp().cmp; }

  KeyRecordsMap keys;
};

// What the batch says about one key, newest record first: the merge
// operands on top (returned oldest first) and what lies under them.
struct BatchKeyState {
  enum Base { kNoBase, kPut, kDeleted };
  Base base = kNoBase;
  Slice put_value;              // when base == kPut
  std::vector<Slice> operands;  // oldest first
};

class WriteBatchIndex {
 public:
  WriteBatchIndex(const Comparator* backup_comparator, bool overwrite_key)
      : backup_comparator_(backup_comparator), overwrite_key_(overwrite_key) {}

  WriteBatchIndex(const WriteBatchIndex&) = delete;
  WriteBatchIndex& operator=(const WriteBatchIndex&) = delete;

  const Comparator* backup_comparator() const { return backup_comparator_; }

  // Indexes the record that starts at `offset` of `batch` (just appended).
  // `cmp` orders the record's column family if it has no index yet (null:
  // the backup comparator). LogData and other unindexed records are
  // skipped.
  Status AddRecord(const WriteBatch& batch, size_t offset,
                   const Comparator* cmp);

  // Forgets every record but keeps the per-family comparators.
  void Clear();

  // Clear(), then indexes every record of `batch` again (after the batch
  // was rolled back to a save point).
  Status Rebuild(const WriteBatch& batch);

  // The index of `cf_id`, or null if the family has no record.
  ColumnFamilyIndex* Find(uint32_t cf_id) const;
  // The index of `cf_id`, created empty (ordered by `cmp`, or the backup
  // comparator when null) if missing. Owned by this object; lives as long
  // as it does.
  ColumnFamilyIndex* GetOrCreate(uint32_t cf_id, const Comparator* cmp);

  // Number of sub-batches of `batch`: in overwrite mode a new one starts
  // at each record whose <column family, key> already occurs in the
  // current one; otherwise always 1.
  size_t CountSubBatches(const WriteBatch& batch) const;

 private:
  const Comparator* const backup_comparator_;
  const bool overwrite_key_;
  std::map<uint32_t, std::unique_ptr<ColumnFamilyIndex>> families_;
};

// Decodes the record at `offset` of `batch` into an entry (key and value
// point into the batch). Returns false if the bytes are not a record.
bool DecodeIndexedRecord(const WriteBatch& batch, size_t offset,
                         WriteEntry* entry);

// Collects the batch's view of the key whose records are `records`.
// Returns false if a record cannot be decoded.
bool CollectBatchKeyState(const WriteBatch& batch,
                          const std::vector<IndexedRecord>& records,
                          BatchKeyState* state);

// Applies `operands` (oldest first) to `base` (null: no value) with
// `merge_operator`. On success the result is in *result.
Status ApplyMergeOperands(const MergeOperator* merge_operator, const Slice& key,
                          const Slice* base, const std::vector<Slice>& operands,
                          Logger* logger, std::string* result);

}  // namespace ROCKSDB_NAMESPACE
