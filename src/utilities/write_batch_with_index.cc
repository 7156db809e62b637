// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchWithIndex: a WriteBatch and a WriteBatchIndex kept in step.
// Every write appends one record to the batch, then indexes the record by
// its offset. Rolling back to a save point truncates the batch and
// rebuilds the index from what is left.
//
// Reads follow RocksDB 7.8.3's observable results: NotFound when the
// batch has nothing or a deletion, MergeInProgress when only merge
// operands are in the batch (GetFromBatch), InvalidArgument "Must provide
// a column_family" / "Merge_operator must be set for column_family" when
// operands cannot be applied.

#include "rocksdb/utilities/write_batch_with_index.h"

#include <utility>

#include "rocksdb/db.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "utilities/base_delta_iterator.h"
#include "utilities/wbwi_iterator.h"
#include "utilities/write_batch_index.h"

namespace ROCKSDB_NAMESPACE {

namespace {

uint32_t IdOf(ColumnFamilyHandle* column_family) {
  return column_family == nullptr ? 0 : column_family->GetID();
}

// The handle's comparator, or null (meaning: the backup comparator).
const Comparator* ComparatorOf(ColumnFamilyHandle* column_family) {
  return column_family == nullptr ? nullptr : column_family->GetComparator();
}

// The column family's merge operator (null if it has none). Asks the
// handle first, then `db` when given.
std::shared_ptr<MergeOperator> MergeOperatorOf(
    ColumnFamilyHandle* column_family, DB* db) {
  ColumnFamilyDescriptor descriptor;
  if (column_family->GetDescriptor(&descriptor).ok()) {
    return descriptor.options.merge_operator;
  }
  if (db != nullptr) {
    return db->GetOptions(column_family).merge_operator;
  }
  return nullptr;
}

Status NoMergeOperator() {
  return Status::InvalidArgument(
      "Merge_operator must be set for column_family");
}

}  // namespace

struct WriteBatchWithIndex::Rep {
  Rep(const Comparator* cmp, size_t reserved_bytes, size_t max_bytes,
      bool overwrite_key, size_t protection_bytes_per_key)
      : batch(reserved_bytes, max_bytes, protection_bytes_per_key, 0),
        index(cmp != nullptr ? cmp : BytewiseComparator(), overwrite_key) {}

  // Runs `write`, which appends at most one record to `batch`, and indexes
  // that record under `column_family`'s comparator.
  template <typename WriteFn>
  Status Append(ColumnFamilyHandle* column_family, WriteFn&& write) {
    const size_t offset = batch.GetDataSize();
    Status s = write();
    if (!s.ok()) {
      return s;
    }
    return index.AddRecord(batch, offset, ComparatorOf(column_family));
  }

  // Reads the batch's records of `key`. Returns false if the batch has
  // none; Corruption in *s if they cannot be decoded.
  bool Lookup(ColumnFamilyHandle* column_family, const Slice& key,
              BatchKeyState* state, Status* s) const {
    ColumnFamilyIndex* family = index.Find(IdOf(column_family));
    if (family == nullptr) {
      return false;
    }
    auto it = family->keys.find(key);
    if (it == family->keys.end()) {
      return false;
    }
    if (!CollectBatchKeyState(batch, it->second, state)) {
      *s = Status::Corruption("WriteBatchWithIndex: unreadable record");
    }
    return true;
  }

  WriteBatch batch;
  WriteBatchIndex index;
};

WriteBatchWithIndex::WriteBatchWithIndex(
    const Comparator* backup_index_comparator, size_t reserved_bytes,
    bool overwrite_key, size_t max_bytes, size_t protection_bytes_per_key)
    : rep(new Rep(backup_index_comparator, reserved_bytes, max_bytes,
                  overwrite_key, protection_bytes_per_key)) {}

WriteBatchWithIndex::~WriteBatchWithIndex() = default;
WriteBatchWithIndex::WriteBatchWithIndex(WriteBatchWithIndex&&) = default;
WriteBatchWithIndex& WriteBatchWithIndex::operator=(WriteBatchWithIndex&&) =
    default;

Status WriteBatchWithIndex::Put(ColumnFamilyHandle* column_family,
                                const Slice& key, const Slice& value) {
  return rep->Append(column_family,
                     [&] { return rep->batch.Put(column_family, key, value); });
}

Status WriteBatchWithIndex::Put(const Slice& key, const Slice& value) {
  return Put(nullptr, key, value);
}

Status WriteBatchWithIndex::Put(ColumnFamilyHandle* column_family,
                                const Slice& key, const Slice& ts,
                                const Slice& value) {
  if (column_family == nullptr) {
    return Status::InvalidArgument("column family handle cannot be nullptr");
  }
  return rep->Append(column_family, [&] {
    return rep->batch.Put(column_family, key, ts, value);
  });
}

Status WriteBatchWithIndex::Merge(ColumnFamilyHandle* column_family,
                                  const Slice& key, const Slice& value) {
  return rep->Append(column_family, [&] {
    return rep->batch.Merge(column_family, key, value);
  });
}

Status WriteBatchWithIndex::Merge(const Slice& key, const Slice& value) {
  return Merge(nullptr, key, value);
}

Status WriteBatchWithIndex::Delete(ColumnFamilyHandle* column_family,
                                   const Slice& key) {
  return rep->Append(column_family,
                     [&] { return rep->batch.Delete(column_family, key); });
}

Status WriteBatchWithIndex::Delete(const Slice& key) {
  return Delete(nullptr, key);
}

Status WriteBatchWithIndex::Delete(ColumnFamilyHandle* column_family,
                                   const Slice& key, const Slice& ts) {
  if (column_family == nullptr) {
    return Status::InvalidArgument("column family handle cannot be nullptr");
  }
  return rep->Append(column_family,
                     [&] { return rep->batch.Delete(column_family, key, ts); });
}

Status WriteBatchWithIndex::SingleDelete(ColumnFamilyHandle* column_family,
                                         const Slice& key) {
  return rep->Append(column_family, [&] {
    return rep->batch.SingleDelete(column_family, key);
  });
}

Status WriteBatchWithIndex::SingleDelete(const Slice& key) {
  return SingleDelete(nullptr, key);
}

Status WriteBatchWithIndex::SingleDelete(ColumnFamilyHandle* column_family,
                                         const Slice& key, const Slice& ts) {
  if (column_family == nullptr) {
    return Status::InvalidArgument("column family handle cannot be nullptr");
  }
  return rep->Append(column_family, [&] {
    return rep->batch.SingleDelete(column_family, key, ts);
  });
}

Status WriteBatchWithIndex::PutLogData(const Slice& blob) {
  return rep->batch.PutLogData(blob);
}

void WriteBatchWithIndex::Clear() {
  rep->batch.Clear();
  rep->index.Clear();
}

WriteBatch* WriteBatchWithIndex::GetWriteBatch() { return &rep->batch; }

WBWIIterator* WriteBatchWithIndex::NewIterator(
    ColumnFamilyHandle* column_family) {
  ColumnFamilyIndex* family =
      rep->index.GetOrCreate(IdOf(column_family), ComparatorOf(column_family));
  return new WBWIIteratorImpl(family, &rep->batch);
}

WBWIIterator* WriteBatchWithIndex::NewIterator() {
  return NewIterator(nullptr);
}

Iterator* WriteBatchWithIndex::NewIteratorWithBase(
    ColumnFamilyHandle* column_family, Iterator* base_iterator,
    const ReadOptions* opts) {
  if (base_iterator == nullptr) {
    return NewErrorIterator(
        Status::InvalidArgument("NewIteratorWithBase: null base iterator"));
  }
  ColumnFamilyIndex* family =
      rep->index.GetOrCreate(IdOf(column_family), ComparatorOf(column_family));
  std::shared_ptr<MergeOperator> merge_operator;
  Status merge_error;
  if (column_family == nullptr) {
    merge_error = Status::InvalidArgument("Must provide a column_family");
  } else {
    merge_operator = MergeOperatorOf(column_family, nullptr);
    if (merge_operator == nullptr) {
      merge_error = NoMergeOperator();
    }
  }
  return new BaseDeltaIterator(base_iterator, family, &rep->batch,
                               std::move(merge_operator),
                               std::move(merge_error), opts);
}

Iterator* WriteBatchWithIndex::NewIteratorWithBase(Iterator* base_iterator) {
  return NewIteratorWithBase(nullptr, base_iterator, nullptr);
}

Status WriteBatchWithIndex::GetFromBatch(ColumnFamilyHandle* column_family,
                                         const DBOptions& options,
                                         const Slice& key, std::string* value) {
  BatchKeyState state;
  Status s;
  if (!rep->Lookup(column_family, key, &state, &s)) {
    return Status::NotFound();
  }
  if (!s.ok()) {
    return s;
  }
  if (state.operands.empty()) {
    if (state.base == BatchKeyState::kPut) {
      value->assign(state.put_value.data(), state.put_value.size());
      return Status::OK();
    }
    return Status::NotFound();
  }
  if (state.base == BatchKeyState::kNoBase) {
    return Status::MergeInProgress();
  }
  if (column_family == nullptr) {
    return Status::InvalidArgument("Must provide a column_family");
  }
  std::shared_ptr<MergeOperator> merge_operator =
      MergeOperatorOf(column_family, nullptr);
  if (merge_operator == nullptr) {
    return NoMergeOperator();
  }
  const Slice* existing =
      state.base == BatchKeyState::kPut ? &state.put_value : nullptr;
  return ApplyMergeOperands(merge_operator.get(), key, existing, state.operands,
                            options.info_log.get(), value);
}

Status WriteBatchWithIndex::GetFromBatchAndDB(DB* db,
                                              const ReadOptions& read_options,
                                              const Slice& key,
                                              std::string* value) {
  return GetFromBatchAndDB(db, read_options, db->DefaultColumnFamily(), key,
                           value);
}

Status WriteBatchWithIndex::GetFromBatchAndDB(DB* db,
                                              const ReadOptions& read_options,
                                              const Slice& key,
                                              PinnableSlice* value) {
  return GetFromBatchAndDB(db, read_options, db->DefaultColumnFamily(), key,
                           value, nullptr);
}

Status WriteBatchWithIndex::GetFromBatchAndDB(DB* db,
                                              const ReadOptions& read_options,
                                              ColumnFamilyHandle* column_family,
                                              const Slice& key,
                                              std::string* value) {
  PinnableSlice pinnable(value);
  Status s = GetFromBatchAndDB(db, read_options, column_family, key, &pinnable,
                               nullptr);
  if (s.ok() && pinnable.IsPinned()) {
    value->assign(pinnable.data(), pinnable.size());
  }
  return s;
}

Status WriteBatchWithIndex::GetFromBatchAndDB(DB* db,
                                              const ReadOptions& read_options,
                                              ColumnFamilyHandle* column_family,
                                              const Slice& key,
                                              PinnableSlice* value) {
  return GetFromBatchAndDB(db, read_options, column_family, key, value,
                           nullptr);
}

// `callback` (sequence visibility for write-prepared transactions) is not
// used: plain DB reads see every committed write.
Status WriteBatchWithIndex::GetFromBatchAndDB(
    DB* db, const ReadOptions& read_options, ColumnFamilyHandle* column_family,
    const Slice& key, PinnableSlice* value, ReadCallback* /*callback*/) {
  if (column_family == nullptr) {
    column_family = db->DefaultColumnFamily();
  }
  BatchKeyState state;
  Status s;
  if (!rep->Lookup(column_family, key, &state, &s)) {
    return db->Get(read_options, column_family, key, value);
  }
  if (!s.ok()) {
    return s;
  }
  if (state.operands.empty()) {
    if (state.base == BatchKeyState::kPut) {
      value->PinSelf(state.put_value);
      return Status::OK();
    }
    return Status::NotFound();
  }
  std::shared_ptr<MergeOperator> merge_operator =
      MergeOperatorOf(column_family, db);
  if (merge_operator == nullptr) {
    return NoMergeOperator();
  }
  const Slice* existing = nullptr;
  PinnableSlice db_value;
  if (state.base == BatchKeyState::kPut) {
    existing = &state.put_value;
  } else if (state.base == BatchKeyState::kNoBase) {
    s = db->Get(read_options, column_family, key, &db_value);
    if (s.ok()) {
      existing = &db_value;
    } else if (!s.IsNotFound()) {
      return s;
    }
  }
  s = ApplyMergeOperands(merge_operator.get(), key, existing, state.operands,
                         /*logger=*/nullptr, value->GetSelf());
  if (s.ok()) {
    value->PinSelf();
  }
  return s;
}

void WriteBatchWithIndex::MultiGetFromBatchAndDB(
    DB* db, const ReadOptions& read_options, ColumnFamilyHandle* column_family,
    const size_t num_keys, const Slice* keys, PinnableSlice* values,
    Status* statuses, bool sorted_input) {
  MultiGetFromBatchAndDB(db, read_options, column_family, num_keys, keys,
                         values, statuses, sorted_input, nullptr);
}

void WriteBatchWithIndex::MultiGetFromBatchAndDB(
    DB* db, const ReadOptions& read_options, ColumnFamilyHandle* column_family,
    const size_t num_keys, const Slice* keys, PinnableSlice* values,
    Status* statuses, bool /*sorted_input*/, ReadCallback* callback) {
  for (size_t i = 0; i < num_keys; i++) {
    statuses[i] = GetFromBatchAndDB(db, read_options, column_family, keys[i],
                                    &values[i], callback);
  }
}

void WriteBatchWithIndex::SetSavePoint() { rep->batch.SetSavePoint(); }

Status WriteBatchWithIndex::RollbackToSavePoint() {
  Status s = rep->batch.RollbackToSavePoint();
  if (!s.ok()) {
    return s;
  }
  return rep->index.Rebuild(rep->batch);
}

Status WriteBatchWithIndex::PopSavePoint() { return rep->batch.PopSavePoint(); }

void WriteBatchWithIndex::SetMaxBytes(size_t max_bytes) {
  rep->batch.SetMaxBytes(max_bytes);
}

size_t WriteBatchWithIndex::GetDataSize() const {
  return rep->batch.GetDataSize();
}

size_t WriteBatchWithIndex::SubBatchCnt() {
  return rep->index.CountSubBatches(rep->batch);
}

}  // namespace ROCKSDB_NAMESPACE
