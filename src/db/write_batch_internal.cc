// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatchInternal: header fields, the appenders every WriteBatch update
// goes through, transaction markers, Append/SetContents and per-record
// checksums. Layout of rep_: see write_batch_record.cc.
//
// Every appender follows one pattern: LocalSavePoint remembers the batch
// state, the record is appended, and Commit() either keeps it (updating
// count, content flags and checksums) or, when max_bytes would be
// exceeded, cuts the batch back and returns Status::MemoryLimit().

#include "db/write_batch_internal.h"

#include <algorithm>
#include <limits>

#include "db/wide_column_serialization.h"
#include "util/coding.h"
#include "util/hash.h"

namespace ROCKSDB_NAMESPACE {

// Snapshot of a batch before one append (a friend of WriteBatch).
class LocalSavePoint {
 public:
  explicit LocalSavePoint(WriteBatch* batch)
      : batch_(batch),
        size_(batch->rep_.size()),
        count_(WriteBatchInternal::Count(batch)),
        flags_(batch->content_flags_.load(std::memory_order_relaxed)) {}

  // Keeps the bytes appended since construction as one record carrying
  // `flag`; a counted record also bumps the header count.
  Status Commit(uint32_t flag, bool counted) {
    WriteBatch* b = batch_;
    if (b->max_bytes_ != 0 && b->rep_.size() > b->max_bytes_) {
      b->rep_.resize(size_);
      return Status::MemoryLimit();
    }
    if (counted) {
      WriteBatchInternal::SetCount(b, count_ + 1);
      if (b->prot_info_ != nullptr) {
        Slice input(b->rep_.data() + size_, b->rep_.size() - size_);
        WriteBatchRecord record;
        Status s = ReadWriteBatchRecord(&input, &record);
        if (!s.ok()) {
          return s;  // cannot happen: we just wrote the record
        }
        b->prot_info_->entries.push_back(WriteBatchInternal::RecordChecksum(
            record.op, record.column_family, record.key, record.value));
      }
    }
    b->content_flags_.store(flags_ | flag, std::memory_order_relaxed);
    return Status::OK();
  }

 private:
  WriteBatch* const batch_;
  const size_t size_;
  const uint32_t count_;
  const uint32_t flags_;
};

namespace {

size_t TotalSize(const Slice& s) { return s.size(); }

size_t TotalSize(const SliceParts& parts) {
  size_t total = 0;
  for (int i = 0; i < parts.num_parts; ++i) total += parts.parts[i].size();
  return total;
}

// Lengths in a batch are varint32s.
bool FitsLength(size_t n) { return n <= std::numeric_limits<uint32_t>::max(); }

void PutTag(std::string* rep, WriteBatchTag plain, WriteBatchTag with_cf,
            uint32_t cf_id) {
  if (cf_id == 0) {
    rep->push_back(static_cast<char>(plain));
  } else {
    rep->push_back(static_cast<char>(with_cf));
    PutVarint32(rep, cf_id);
  }
}

void PutPart(std::string* rep, const Slice& s) {
  PutLengthPrefixedSlice(rep, s);
}
void PutPart(std::string* rep, const SliceParts& s) {
  PutLengthPrefixedSliceParts(rep, s);
}

// A counted record: tag (+cf), then the given length-prefixed fields, the
// first of which is the key.
template <typename... Fields>
Status AppendCounted(WriteBatch* batch, std::string* rep, WriteBatchTag plain,
                     WriteBatchTag with_cf, uint32_t flag, uint32_t cf_id,
                     const Fields&... fields) {
  const size_t sizes[] = {TotalSize(fields)...};
  for (size_t i = 0; i < sizeof...(fields); ++i) {
    if (!FitsLength(sizes[i])) {
      return Status::InvalidArgument(i == 0 ? "key is too large"
                                            : "value is too large");
    }
  }
  LocalSavePoint save(batch);
  PutTag(rep, plain, with_cf, cf_id);
  (PutPart(rep, fields), ...);
  return save.Commit(flag, /*counted=*/true);
}

}  // namespace

uint32_t WriteBatchInternal::Count(const WriteBatch* batch) {
  if (batch->rep_.size() < kHeader) return 0;
  return DecodeFixed32(batch->rep_.data() + 8);
}

void WriteBatchInternal::SetCount(WriteBatch* batch, uint32_t n) {
  if (batch->rep_.size() < kHeader) return;
  EncodeFixed32(&batch->rep_[8], n);
}

SequenceNumber WriteBatchInternal::Sequence(const WriteBatch* batch) {
  if (batch->rep_.size() < kHeader) return 0;
  return DecodeFixed64(batch->rep_.data());
}

void WriteBatchInternal::SetSequence(WriteBatch* batch, SequenceNumber seq) {
  if (batch->rep_.size() < kHeader) return;
  EncodeFixed64(&batch->rep_[0], seq);
}

Status WriteBatchInternal::SetContents(WriteBatch* batch,
                                       const Slice& contents) {
  if (contents.size() < kHeader) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  batch->rep_.assign(contents.data(), contents.size());
  batch->content_flags_.store(kContentDeferred, std::memory_order_relaxed);
  batch->save_points_.reset();
  batch->wal_term_point_.clear();
  if (batch->prot_info_ != nullptr) {
    // Checksum the new records so that later appends stay aligned.
    std::vector<uint64_t>& entries = batch->prot_info_->entries;
    entries.clear();
    Slice input(batch->rep_.data() + kHeader, batch->rep_.size() - kHeader);
    WriteBatchRecord record;
    while (!input.empty() && ReadWriteBatchRecord(&input, &record).ok()) {
      if (record.IsCounted()) {
        entries.push_back(RecordChecksum(record.op, record.column_family,
                                         record.key, record.value));
      }
    }
  }
  return Status::OK();
}

size_t WriteBatchInternal::AppendedByteSize(size_t left_size,
                                            size_t right_size) {
  if (left_size == 0 || right_size == 0) {
    return left_size + right_size;
  }
  return left_size + right_size - kHeader;
}

Status WriteBatchInternal::Append(WriteBatch* dst, const WriteBatch* src,
                                  bool wal_only) {
  size_t src_end = src->rep_.size();
  uint32_t src_count = Count(src);
  uint32_t src_flags = src->content_flags_.load(std::memory_order_relaxed);
  if (wal_only && !src->wal_term_point_.is_cleared()) {
    src_end = src->wal_term_point_.size;
    src_count = static_cast<uint32_t>(src->wal_term_point_.count);
    src_flags = src->wal_term_point_.content_flags;
  }
  if (src_end < kHeader || src_end > src->rep_.size() ||
      dst->rep_.size() < kHeader) {
    return Status::Corruption("malformed WriteBatch (too small)");
  }
  LocalSavePoint save(dst);
  dst->rep_.append(src->rep_.data() + kHeader, src_end - kHeader);
  Status s = save.Commit(src_flags, /*counted=*/false);
  if (!s.ok()) return s;
  SetCount(dst, Count(dst) + src_count);
  if (dst->prot_info_ != nullptr) {
    if (src->prot_info_ != nullptr &&
        src->prot_info_->entries.size() >= src_count) {
      dst->prot_info_->entries.insert(
          dst->prot_info_->entries.end(), src->prot_info_->entries.begin(),
          src->prot_info_->entries.begin() + src_count);
    } else {
      // Source has no checksums: compute them from its bytes.
      Slice input(src->rep_.data() + kHeader, src_end - kHeader);
      WriteBatchRecord record;
      while (!input.empty()) {
        s = ReadWriteBatchRecord(&input, &record);
        if (!s.ok()) return s;
        if (record.IsCounted()) {
          dst->prot_info_->entries.push_back(RecordChecksum(
              record.op, record.column_family, record.key, record.value));
        }
      }
    }
  }
  return Status::OK();
}

// ---- Counted records ------------------------------------------------------

Status WriteBatchInternal::Put(WriteBatch* b, uint32_t cf_id, const Slice& key,
                               const Slice& value) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kValue,
                       WriteBatchTag::kColumnFamilyValue, kContentHasPut, cf_id,
                       key, value);
}

Status WriteBatchInternal::Put(WriteBatch* b, uint32_t cf_id,
                               const SliceParts& key, const SliceParts& value) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kValue,
                       WriteBatchTag::kColumnFamilyValue, kContentHasPut, cf_id,
                       key, value);
}

Status WriteBatchInternal::PutEntity(WriteBatch* b, uint32_t cf_id,
                                     const Slice& key,
                                     const WideColumns& columns) {
  // The entity encoding wants the columns sorted by name.
  WideColumns sorted(columns);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const WideColumn& a, const WideColumn& b) {
                     return a.name().compare(b.name()) < 0;
                   });
  std::string entity;
  Status s = WideColumnSerialization::Serialize(sorted, &entity);
  if (!s.ok()) return s;
  return AppendCounted(b, &b->rep_, WriteBatchTag::kWideColumnEntity,
                       WriteBatchTag::kColumnFamilyWideColumnEntity,
                       kContentHasPutEntity, cf_id, key, Slice(entity));
}

Status WriteBatchInternal::Delete(WriteBatch* b, uint32_t cf_id,
                                  const Slice& key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kDeletion,
                       WriteBatchTag::kColumnFamilyDeletion, kContentHasDelete,
                       cf_id, key);
}

Status WriteBatchInternal::Delete(WriteBatch* b, uint32_t cf_id,
                                  const SliceParts& key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kDeletion,
                       WriteBatchTag::kColumnFamilyDeletion, kContentHasDelete,
                       cf_id, key);
}

Status WriteBatchInternal::SingleDelete(WriteBatch* b, uint32_t cf_id,
                                        const Slice& key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kSingleDeletion,
                       WriteBatchTag::kColumnFamilySingleDeletion,
                       kContentHasSingleDelete, cf_id, key);
}

Status WriteBatchInternal::SingleDelete(WriteBatch* b, uint32_t cf_id,
                                        const SliceParts& key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kSingleDeletion,
                       WriteBatchTag::kColumnFamilySingleDeletion,
                       kContentHasSingleDelete, cf_id, key);
}

Status WriteBatchInternal::DeleteRange(WriteBatch* b, uint32_t cf_id,
                                       const Slice& begin_key,
                                       const Slice& end_key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kRangeDeletion,
                       WriteBatchTag::kColumnFamilyRangeDeletion,
                       kContentHasDeleteRange, cf_id, begin_key, end_key);
}

Status WriteBatchInternal::DeleteRange(WriteBatch* b, uint32_t cf_id,
                                       const SliceParts& begin_key,
                                       const SliceParts& end_key) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kRangeDeletion,
                       WriteBatchTag::kColumnFamilyRangeDeletion,
                       kContentHasDeleteRange, cf_id, begin_key, end_key);
}

Status WriteBatchInternal::Merge(WriteBatch* b, uint32_t cf_id,
                                 const Slice& key, const Slice& value) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kMerge,
                       WriteBatchTag::kColumnFamilyMerge, kContentHasMerge,
                       cf_id, key, value);
}

Status WriteBatchInternal::Merge(WriteBatch* b, uint32_t cf_id,
                                 const SliceParts& key,
                                 const SliceParts& value) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kMerge,
                       WriteBatchTag::kColumnFamilyMerge, kContentHasMerge,
                       cf_id, key, value);
}

Status WriteBatchInternal::PutBlobIndex(WriteBatch* b, uint32_t cf_id,
                                        const Slice& key, const Slice& value) {
  return AppendCounted(b, &b->rep_, WriteBatchTag::kBlobIndex,
                       WriteBatchTag::kColumnFamilyBlobIndex,
                       kContentHasBlobIndex, cf_id, key, value);
}

// ---- Records that are not counted
// ---------------------------------------------

Status WriteBatchInternal::PutLogData(WriteBatch* b, const Slice& blob) {
  if (!FitsLength(blob.size())) {
    return Status::InvalidArgument("blob is too large");
  }
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kLogData));
  PutLengthPrefixedSlice(&b->rep_, blob);
  return save.Commit(0, /*counted=*/false);
}

Status WriteBatchInternal::InsertNoop(WriteBatch* b) {
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kNoop));
  return save.Commit(0, /*counted=*/false);
}

Status WriteBatchInternal::MarkEndPrepare(WriteBatch* b, const Slice& xid,
                                          bool write_after_commit,
                                          bool unprepared_batch) {
  if (b->rep_.size() <= kHeader ||
      b->rep_[kHeader] != static_cast<char>(WriteBatchTag::kNoop)) {
    return Status::InvalidArgument(
        "MarkEndPrepare needs a batch that starts with a Noop");
  }
  uint32_t flags = kContentHasBeginPrepare | kContentHasEndPrepare;
  WriteBatchTag begin = WriteBatchTag::kBeginPrepareXID;
  if (unprepared_batch) {
    begin = WriteBatchTag::kBeginUnprepareXID;
    flags |= kContentHasBeginUnprepare;
  } else if (!write_after_commit) {
    begin = WriteBatchTag::kBeginPersistedPrepareXID;
  }
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kEndPrepareXID));
  PutLengthPrefixedSlice(&b->rep_, xid);
  Status s = save.Commit(flags, /*counted=*/false);
  if (s.ok()) {
    b->rep_[kHeader] = static_cast<char>(begin);
  }
  return s;
}

Status WriteBatchInternal::MarkCommit(WriteBatch* b, const Slice& xid) {
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kCommitXID));
  PutLengthPrefixedSlice(&b->rep_, xid);
  return save.Commit(kContentHasCommit, /*counted=*/false);
}

Status WriteBatchInternal::MarkCommitWithTimestamp(WriteBatch* b,
                                                   const Slice& xid,
                                                   const Slice& commit_ts) {
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kCommitXIDAndTimestamp));
  PutLengthPrefixedSlice(&b->rep_, commit_ts);
  PutLengthPrefixedSlice(&b->rep_, xid);
  return save.Commit(kContentHasCommit, /*counted=*/false);
}

Status WriteBatchInternal::MarkRollback(WriteBatch* b, const Slice& xid) {
  LocalSavePoint save(b);
  b->rep_.push_back(static_cast<char>(WriteBatchTag::kRollbackXID));
  PutLengthPrefixedSlice(&b->rep_, xid);
  return save.Commit(kContentHasRollback, /*counted=*/false);
}

// ---- Flags and checksums
// -----------------------------------------------------

uint32_t WriteBatchInternal::GetContentFlags(const WriteBatch* batch) {
  uint32_t flags = batch->content_flags_.load(std::memory_order_relaxed);
  if (flags & kContentDeferred) {
    flags = batch->ComputeContentFlags();
    batch->content_flags_.store(flags, std::memory_order_relaxed);
  }
  return flags;
}

uint64_t WriteBatchInternal::RecordChecksum(WriteBatchOp op, uint32_t cf_id,
                                            const Slice& key,
                                            const Slice& value) {
  char prefix[5];
  prefix[0] = static_cast<char>(op);
  EncodeFixed32(prefix + 1, cf_id);
  uint64_t h = XXH3_64(prefix, sizeof(prefix), 0);
  h = XXH3_64(key.data(), key.size(), h);
  return XXH3_64(value.data(), value.size(), h);
}

}  // namespace ROCKSDB_NAMESPACE
