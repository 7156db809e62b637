// Copyright (c) the rocksdb-cleanroom authors.
//
// Reads. A lookup takes the sequence number it reads at (the snapshot's,
// or the latest published one), then the current memtable set, and asks
// the active memtable and the immutable ones, newest first, until one
// decides. Merge operands met on the way are carried along and merged
// with the base value (or none) by the column family's merge operator.

#include "db/db_impl.h"
#include "memtable/memtable.h"
#include "memtable/merge_helper.h"
#include "rocksdb/iterator.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

Status TimestampDisabled(ColumnFamilyHandle* column_family) {
  return Status::InvalidArgument("cannot call this method on column family " +
                                 column_family->GetName() +
                                 " that does not enable timestamp");
}

}  // namespace

Status DBImpl::Get(const ReadOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   PinnableSlice* value) {
  return Get(options, column_family, key, value, nullptr);
}

Status DBImpl::Get(const ReadOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   PinnableSlice* value, std::string* /*timestamp*/) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (options.timestamp != nullptr &&
      column_family->GetComparator()->timestamp_size() == 0) {
    return TimestampDisabled(column_family);
  }
  const SequenceNumber seq = options.snapshot != nullptr
                                 ? options.snapshot->GetSequenceNumber()
                                 : GetLatestSequenceNumber();
  std::string result;
  s = GetImpl(key, seq, value != nullptr ? &result : nullptr);
  if (value != nullptr) {
    value->Reset();
    if (s.ok()) {
      *value->GetSelf() = std::move(result);
      value->PinSelf();
    }
  }
  return s;
}

Status DBImpl::GetImpl(const Slice& key, SequenceNumber seq,
                       std::string* value) {
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  LookupKey lookup(key, seq);
  Status s;
  SequenceNumber max_covering_tombstone_seq = 0;
  std::vector<std::string> operands;
  std::string scratch;
  std::string* out = value != nullptr ? value : &scratch;
  if (tables->mem->Get(lookup, out, &s, &max_covering_tombstone_seq, nullptr,
                       &operands)) {
    return s;
  }
  for (MemTable* imm : tables->imm) {
    if (imm->Get(lookup, out, &s, &max_covering_tombstone_seq, nullptr,
                 &operands)) {
      return s;
    }
  }
  if (s.IsMergeInProgress()) {
    // Only operands, and no base value below them.
    return FullMergeOperands(cf_options_.merge_operator.get(), key, nullptr,
                             operands, out, db_options_.info_log.get());
  }
  return Status::NotFound();
}

Status DBImpl::GetMergeOperands(
    const ReadOptions& /*options*/, ColumnFamilyHandle* /*column_family*/,
    const Slice& /*key*/, PinnableSlice* /*merge_operands*/,
    GetMergeOperandsOptions* /*get_merge_operands_options*/,
    int* number_of_operands) {
  if (number_of_operands != nullptr) *number_of_operands = 0;
  return NotImplemented("DB::GetMergeOperands");
}

std::vector<Status> DBImpl::MultiGet(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_family,
    const std::vector<Slice>& keys, std::vector<std::string>* values) {
  return MultiGet(options, column_family, keys, values, nullptr);
}

std::vector<Status> DBImpl::MultiGet(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_family,
    const std::vector<Slice>& keys, std::vector<std::string>* values,
    std::vector<std::string>* timestamps) {
  // Every key is read at the same sequence number.
  const SequenceNumber seq = options.snapshot != nullptr
                                 ? options.snapshot->GetSequenceNumber()
                                 : GetLatestSequenceNumber();
  std::vector<Status> statuses(keys.size());
  values->assign(keys.size(), std::string());
  if (timestamps != nullptr) {
    timestamps->assign(keys.size(), std::string());
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    ColumnFamilyHandle* cf =
        i < column_family.size() ? column_family[i] : nullptr;
    Status s = CheckColumnFamily(cf);
    if (s.ok() && options.timestamp != nullptr &&
        cf->GetComparator()->timestamp_size() == 0) {
      s = TimestampDisabled(cf);
    }
    if (s.ok()) {
      s = GetImpl(keys[i], seq, &(*values)[i]);
    }
    if (!s.ok()) {
      (*values)[i].clear();
    }
    statuses[i] = s;
  }
  return statuses;
}

Iterator* DBImpl::NewIterator(const ReadOptions& /*options*/,
                              ColumnFamilyHandle* column_family) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return NewErrorIterator(s);
  return NewErrorIterator(NotImplemented("DB::NewIterator"));
}

Status DBImpl::NewIterators(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_families,
    std::vector<Iterator*>* iterators) {
  iterators->clear();
  for (ColumnFamilyHandle* cf : column_families) {
    Status s = CheckColumnFamily(cf);
    if (!s.ok()) return s;
  }
  (void)options;
  return NotImplemented("DB::NewIterators");
}

const Snapshot* DBImpl::GetSnapshot() {
  int64_t now = 0;
  env_->GetCurrentTime(&now).PermitUncheckedError();
  port::MutexLock l(&mutex_);
  const SnapshotImpl* snapshot =
      new SnapshotImpl(GetLatestSequenceNumber(), now);
  snapshots_.push_back(snapshot);
  return snapshot;
}

void DBImpl::ReleaseSnapshot(const Snapshot* snapshot) {
  if (snapshot == nullptr) return;
  port::MutexLock l(&mutex_);
  for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it) {
    if (*it == snapshot) {
      snapshots_.erase(it);
      delete static_cast<const SnapshotImpl*>(snapshot);
      return;
    }
  }
}

}  // namespace ROCKSDB_NAMESPACE
