// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchIndex: see write_batch_index.h. Records are decoded with the
// db layer's WriteBatch record reader (ROCKSDB_FORMAT_SPEC.md 3.3).

#include "utilities/write_batch_index.h"

#include <algorithm>
#include <set>
#include <utility>

#include "db/write_batch_internal.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Maps a decoded record to the index's WriteType; false for records the
// index does not hold (LogData, DeleteRange, markers, ...).
bool IndexedType(WriteBatchOp op, WriteType* type) {
  switch (op) {
    case WriteBatchOp::kPut:
      *type = kPutRecord;
      return true;
    case WriteBatchOp::kMerge:
      *type = kMergeRecord;
      return true;
    case WriteBatchOp::kDelete:
      *type = kDeleteRecord;
      return true;
    case WriteBatchOp::kSingleDelete:
      *type = kSingleDeleteRecord;
      return true;
    default:
      return false;
  }
}

// Decodes the record at `offset`; false if out of range or malformed.
bool ReadRecordAt(const WriteBatch& batch, size_t offset,
                  WriteBatchRecord* record) {
  const std::string& rep = batch.Data();
  if (offset < WriteBatchInternal::kHeader || offset >= rep.size()) {
    return false;
  }
  Slice input(rep.data() + offset, rep.size() - offset);
  return ReadWriteBatchRecord(&input, record).ok();
}

}  // namespace

Status WriteBatchIndex::AddRecord(const WriteBatch& batch, size_t offset,
                                  const Comparator* cmp) {
  WriteBatchRecord record;
  if (!ReadRecordAt(batch, offset, &record)) {
    return Status::Corruption("WriteBatchWithIndex: unreadable batch record");
  }
  WriteType type;
  if (!IndexedType(record.op, &type)) {
    return Status::OK();
  }
  ColumnFamilyIndex* family = GetOrCreate(record.column_family, cmp);
  auto it = family->keys.find(record.key);
  if (it == family->keys.end()) {
    it = family->keys
             .emplace(record.key.ToString(), std::vector<IndexedRecord>())
             .first;
  }
  std::vector<IndexedRecord>& records = it->second;
  if (overwrite_key_ && type != kMergeRecord && !records.empty()) {
    records.back() = IndexedRecord{type, offset};
  } else {
    records.push_back(IndexedRecord{type, offset});
  }
  return Status::OK();
}

void WriteBatchIndex::Clear() {
  for (auto& family : families_) {
    family.second->keys.clear();
  }
}

Status WriteBatchIndex::Rebuild(const WriteBatch& batch) {
  Clear();
  const std::string& rep = batch.Data();
  if (rep.size() < WriteBatchInternal::kHeader) {
    return Status::OK();
  }
  Slice input(rep.data() + WriteBatchInternal::kHeader,
              rep.size() - WriteBatchInternal::kHeader);
  while (!input.empty()) {
    size_t offset = rep.size() - input.size();
    WriteBatchRecord record;
    Status s = ReadWriteBatchRecord(&input, &record);
    if (!s.ok()) {
      return s;
    }
    // Families seen before keep their comparator; new ones get the backup.
    s = AddRecord(batch, offset, nullptr);
    if (!s.ok()) {
      return s;
    }
  }
  return Status::OK();
}

ColumnFamilyIndex* WriteBatchIndex::Find(uint32_t cf_id) const {
  auto it = families_.find(cf_id);
  return it == families_.end() ? nullptr : it->second.get();
}

ColumnFamilyIndex* WriteBatchIndex::GetOrCreate(uint32_t cf_id,
                                                const Comparator* cmp) {
  std::unique_ptr<ColumnFamilyIndex>& family = families_[cf_id];
  if (family == nullptr) {
    family.reset(
        new ColumnFamilyIndex(cmp != nullptr ? cmp : backup_comparator_));
  }
  return family.get();
}

size_t WriteBatchIndex::CountSubBatches(const WriteBatch& batch) const {
  const std::string& rep = batch.Data();
  size_t count = 1;
  // Only overwrite mode splits a batch (RocksDB 7.8.3 reports 1 otherwise).
  if (!overwrite_key_ || rep.size() < WriteBatchInternal::kHeader) {
    return count;
  }
  // Keys of the current sub-batch, per column family.
  std::map<uint32_t, std::set<std::string, UserKeyLess>> seen;
  Slice input(rep.data() + WriteBatchInternal::kHeader,
              rep.size() - WriteBatchInternal::kHeader);
  while (!input.empty()) {
    WriteBatchRecord record;
    if (!ReadWriteBatchRecord(&input, &record).ok()) {
      break;
    }
    WriteType type;
    if (!IndexedType(record.op, &type)) {
      continue;
    }
    ColumnFamilyIndex* family = Find(record.column_family);
    const Comparator* cmp =
        family != nullptr ? family->comparator() : backup_comparator_;
    auto it = seen.find(record.column_family);
    if (it == seen.end()) {
      it = seen.emplace(record.column_family,
                        std::set<std::string, UserKeyLess>(UserKeyLess{cmp}))
               .first;
    }
    if (it->second.count(record.key) > 0) {
      count++;
      seen.clear();
      it = seen.emplace(record.column_family,
                        std::set<std::string, UserKeyLess>(UserKeyLess{cmp}))
               .first;
    }
    it->second.insert(record.key.ToString());
  }
  return count;
}

bool DecodeIndexedRecord(const WriteBatch& batch, size_t offset,
                         WriteEntry* entry) {
  WriteBatchRecord record;
  if (!ReadRecordAt(batch, offset, &record) ||
      !IndexedType(record.op, &entry->type)) {
    return false;
  }
  entry->key = record.key;
  entry->value = record.value;
  return true;
}

bool CollectBatchKeyState(const WriteBatch& batch,
                          const std::vector<IndexedRecord>& records,
                          BatchKeyState* state) {
  state->base = BatchKeyState::kNoBase;
  state->put_value.clear();
  state->operands.clear();
  for (auto it = records.rbegin(); it != records.rend(); ++it) {
    WriteEntry entry;
    if (!DecodeIndexedRecord(batch, it->offset, &entry)) {
      return false;
    }
    if (entry.type == kMergeRecord) {
      state->operands.push_back(entry.value);
      continue;
    }
    if (entry.type == kPutRecord) {
      state->base = BatchKeyState::kPut;
      state->put_value = entry.value;
    } else {
      state->base = BatchKeyState::kDeleted;
    }
    break;
  }
  // Collected newest first; merge operators want oldest first.
  std::reverse(state->operands.begin(), state->operands.end());
  return true;
}

Status ApplyMergeOperands(const MergeOperator* merge_operator, const Slice& key,
                          const Slice* base, const std::vector<Slice>& operands,
                          Logger* logger, std::string* result) {
  std::string merged;
  // A null data pointer tells "operator left it unset" from an empty
  // operand it chose.
  Slice existing_operand(nullptr, 0);
  MergeOperator::MergeOperationInput input(key, base, operands, logger);
  MergeOperator::MergeOperationOutput output(merged, existing_operand);
  if (!merge_operator->FullMergeV2(input, &output)) {
    return Status::Corruption("Error: Could not perform merge.");
  }
  if (existing_operand.data() != nullptr) {
    result->assign(existing_operand.data(), existing_operand.size());
  } else {
    *result = std::move(merged);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
