// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatch::UpdateTimestamps(): writes a timestamp over the trailing
// timestamp bytes of the keys already in the batch, in place. Keys of
// families with timestamps carry their timestamp as the last ts_size bytes
// (a zero placeholder when the update was added without one; see
// write_batch.cc).
//
// Behaviour follows RocksDB 7.8.3 as observed: records are visited in order
// and updated as they are visited, so a failure leaves the earlier records
// updated. PutEntity records fail with NotSupported (wide-column entities
// cannot carry timestamps); LogData and transaction markers are skipped.
// Where RocksDB would write in front of a key shorter than the timestamp,
// we fail with InvalidArgument instead (docs/formats/write_batch.md).

#include <cstring>
#include <limits>

#include "db/write_batch_internal.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Overwrites the last ts.size() bytes of `key`, which points into *rep.
Status OverwriteTimestamp(std::string* rep, const Slice& key, const Slice& ts) {
  if (key.size() < ts.size()) {
    return Status::InvalidArgument("timestamp size mismatch");
  }
  const size_t offset =
      static_cast<size_t>(key.data() - rep->data()) + key.size() - ts.size();
  if (!ts.empty()) {
    std::memcpy(&(*rep)[offset], ts.data(), ts.size());
  }
  return Status::OK();
}

}  // namespace

Status WriteBatch::UpdateTimestamps(
    const Slice& ts, std::function<size_t(uint32_t /*cf*/)> ts_sz_func) {
  using WBI = WriteBatchInternal;
  if (rep_.size() < WBI::kHeader) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  Slice input(rep_.data() + WBI::kHeader, rep_.size() - WBI::kHeader);
  WriteBatchRecord record;
  uint32_t found = 0;
  while (!input.empty()) {
    Status s = ReadWriteBatchRecord(&input, &record);
    if (!s.ok()) return s;
    if (record.op == WriteBatchOp::kPutEntity) {
      return Status::NotSupported("PutEntityCF not implemented");
    }
    if (!record.IsCounted()) {
      continue;  // LogData and markers have no key
    }
    const size_t ts_size =
        ts_sz_func ? ts_sz_func(record.column_family) : size_t{0};
    if (ts_size == std::numeric_limits<size_t>::max()) {
      return Status::NotFound();
    }
    if (ts_size != 0) {
      if (ts_size != ts.size()) {
        return Status::InvalidArgument("timestamp size mismatch");
      }
      s = OverwriteTimestamp(&rep_, record.key, ts);
      if (s.ok() && record.op == WriteBatchOp::kDeleteRange) {
        s = OverwriteTimestamp(&rep_, record.value, ts);  // the end key
      }
      if (!s.ok()) return s;
      if (prot_info_ != nullptr && found < prot_info_->entries.size()) {
        prot_info_->entries[found] = WBI::RecordChecksum(
            record.op, record.column_family, record.key, record.value);
      }
    }
    ++found;
  }
  if (found != WBI::Count(this)) {
    return Status::Corruption("WriteBatch has wrong count");
  }
  needs_in_place_update_ts_ = false;
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
