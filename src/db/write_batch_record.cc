// Copyright (c) the rocksdb-cleanroom authors.
//
// Decoding one record of a serialized WriteBatch. Spec:
// ROCKSDB_FORMAT_SPEC.md 3.3; our description: docs/formats/write_batch.md.
//
//   rep    := fixed64 sequence | fixed32 count | record*
//   record := 0x01 key value             | 0x05 cf key value       Put
//           | 0x00 key                   | 0x04 cf key             Delete
//           | 0x07 key                   | 0x08 cf key             SingleDelete
//           | 0x02 key operand           | 0x06 cf key operand     Merge
//           | 0x0F begin end             | 0x0E cf begin end       DeleteRange
//           | 0x16 key entity            | 0x17 cf key entity      PutEntity
//           | 0x11 key index             | 0x10 cf key index       BlobIndex
//           | 0x03 blob                                           LogData
//           | 0x09 | 0x12 | 0x13                                  BeginPrepare
//           | 0x0A xid | 0x0B xid | 0x0C xid EndPrepare/Commit/Rollback | 0x15
//           commit_ts xid                      CommitWithTimestamp | 0x0D Noop
//   cf := varint32; key, value, ... := varint32 length + bytes

#include <utility>

#include "db/write_batch_internal.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Shape of a record after its tag.
enum class Layout {
  kNone,   // nothing
  kOne,    // lpslice
  kTwo,    // lpslice lpslice
  kCfOne,  // varint32 lpslice
  kCfTwo,  // varint32 lpslice lpslice
};

struct TagInfo {
  WriteBatchOp op;
  Layout layout;
  const char* error;  // Corruption message when the payload is malformed
};

// Returns false for tags that may not appear in a batch.
bool LookUpTag(WriteBatchTag tag, TagInfo* info) {
  using T = WriteBatchTag;
  using O = WriteBatchOp;
  switch (tag) {
    case T::kValue:
      *info = {O::kPut, Layout::kTwo, "bad WriteBatch Put"};
      return true;
    case T::kColumnFamilyValue:
      *info = {O::kPut, Layout::kCfTwo, "bad WriteBatch Put"};
      return true;
    case T::kDeletion:
      *info = {O::kDelete, Layout::kOne, "bad WriteBatch Delete"};
      return true;
    case T::kColumnFamilyDeletion:
      *info = {O::kDelete, Layout::kCfOne, "bad WriteBatch Delete"};
      return true;
    case T::kSingleDeletion:
      *info = {O::kSingleDelete, Layout::kOne, "bad WriteBatch Delete"};
      return true;
    case T::kColumnFamilySingleDeletion:
      *info = {O::kSingleDelete, Layout::kCfOne, "bad WriteBatch Delete"};
      return true;
    case T::kMerge:
      *info = {O::kMerge, Layout::kTwo, "bad WriteBatch Merge"};
      return true;
    case T::kColumnFamilyMerge:
      *info = {O::kMerge, Layout::kCfTwo, "bad WriteBatch Merge"};
      return true;
    case T::kRangeDeletion:
      *info = {O::kDeleteRange, Layout::kTwo, "bad WriteBatch DeleteRange"};
      return true;
    case T::kColumnFamilyRangeDeletion:
      *info = {O::kDeleteRange, Layout::kCfTwo, "bad WriteBatch DeleteRange"};
      return true;
    case T::kWideColumnEntity:
      *info = {O::kPutEntity, Layout::kTwo, "bad WriteBatch PutEntity"};
      return true;
    case T::kColumnFamilyWideColumnEntity:
      *info = {O::kPutEntity, Layout::kCfTwo, "bad WriteBatch PutEntity"};
      return true;
    case T::kBlobIndex:
      *info = {O::kBlobIndex, Layout::kTwo, "bad WriteBatch BlobIndex"};
      return true;
    case T::kColumnFamilyBlobIndex:
      *info = {O::kBlobIndex, Layout::kCfTwo, "bad WriteBatch BlobIndex"};
      return true;
    case T::kLogData:
      *info = {O::kLogData, Layout::kOne, "bad WriteBatch Blob"};
      return true;
    case T::kBeginPrepareXID:
    case T::kBeginPersistedPrepareXID:
    case T::kBeginUnprepareXID:
      *info = {O::kBeginPrepare, Layout::kNone, ""};
      return true;
    case T::kEndPrepareXID:
      *info = {O::kEndPrepare, Layout::kOne, "bad EndPrepare XID"};
      return true;
    case T::kCommitXID:
      *info = {O::kCommit, Layout::kOne, "bad Commit XID"};
      return true;
    case T::kCommitXIDAndTimestamp:
      *info = {O::kCommitWithTimestamp, Layout::kTwo, "bad Commit XID"};
      return true;
    case T::kRollbackXID:
      *info = {O::kRollback, Layout::kOne, "bad Rollback XID"};
      return true;
    case T::kNoop:
      *info = {O::kNoop, Layout::kNone, ""};
      return true;
    case T::kDeletionWithTimestamp:
      return false;
  }
  return false;
}

}  // namespace

bool WriteBatchRecord::IsCounted() const {
  switch (op) {
    case WriteBatchOp::kPut:
    case WriteBatchOp::kDelete:
    case WriteBatchOp::kSingleDelete:
    case WriteBatchOp::kDeleteRange:
    case WriteBatchOp::kMerge:
    case WriteBatchOp::kPutEntity:
    case WriteBatchOp::kBlobIndex:
      return true;
    default:
      return false;
  }
}

Status ReadWriteBatchRecord(Slice* input, WriteBatchRecord* record) {
  if (input->empty()) {
    return Status::Corruption("unknown WriteBatch tag");
  }
  const auto tag = static_cast<WriteBatchTag>((*input)[0]);
  input->remove_prefix(1);
  TagInfo info;
  if (!LookUpTag(tag, &info)) {
    return Status::Corruption("unknown WriteBatch tag");
  }
  record->tag = tag;
  record->op = info.op;
  record->column_family = 0;
  record->key.clear();
  record->value.clear();

  bool ok = true;
  switch (info.layout) {
    case Layout::kNone:
      break;
    case Layout::kOne:
      ok = GetLengthPrefixedSlice(input, &record->key);
      break;
    case Layout::kTwo:
      if (!GetLengthPrefixedSlice(input, &record->key)) {
        if (info.op == WriteBatchOp::kCommitWithTimestamp) {
          // Its first field is the timestamp, which has its own message.
          return Status::Corruption("bad commit timestamp");
        }
        ok = false;
      } else {
        ok = GetLengthPrefixedSlice(input, &record->value);
      }
      break;
    case Layout::kCfOne:
      ok = GetVarint32(input, &record->column_family) &&
           GetLengthPrefixedSlice(input, &record->key);
      break;
    case Layout::kCfTwo:
      ok = GetVarint32(input, &record->column_family) &&
           GetLengthPrefixedSlice(input, &record->key) &&
           GetLengthPrefixedSlice(input, &record->value);
      break;
  }
  if (!ok) {
    return Status::Corruption(info.error);
  }
  if (info.op == WriteBatchOp::kCommitWithTimestamp) {
    // The commit timestamp comes first on disk; callers see (xid, ts).
    std::swap(record->key, record->value);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
