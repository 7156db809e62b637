// Copyright (c) the rocksdb-cleanroom authors.
//
// Engine-side access to a WriteBatch: the header fields (sequence, count),
// id-based record appenders, transaction markers, the record decoder and
// the range iteration used by the write path and WAL replay.
// Format: docs/formats/write_batch.md (spec ROCKSDB_FORMAT_SPEC.md, 3.3).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "rocksdb/wide_columns.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {

// Record tags of a serialized batch (ROCKSDB_FORMAT_SPEC.md 3.2/3.3). They
// are written to WAL files: never renumber, never reuse a value.
enum class WriteBatchTag : uint8_t {
  kDeletion = 0x00,
  kValue = 0x01,
  kMerge = 0x02,
  kLogData = 0x03,
  kColumnFamilyDeletion = 0x04,
  kColumnFamilyValue = 0x05,
  kColumnFamilyMerge = 0x06,
  kSingleDeletion = 0x07,
  kColumnFamilySingleDeletion = 0x08,
  kBeginPrepareXID = 0x09,
  kEndPrepareXID = 0x0A,
  kCommitXID = 0x0B,
  kRollbackXID = 0x0C,
  kNoop = 0x0D,
  kColumnFamilyRangeDeletion = 0x0E,
  kRangeDeletion = 0x0F,
  kColumnFamilyBlobIndex = 0x10,
  kBlobIndex = 0x11,
  kBeginPersistedPrepareXID = 0x12,
  kBeginUnprepareXID = 0x13,
  kDeletionWithTimestamp = 0x14,  // SST only; invalid inside a batch
  kCommitXIDAndTimestamp = 0x15,
  kWideColumnEntity = 0x16,
  kColumnFamilyWideColumnEntity = 0x17,
};

// Bits of WriteBatch::content_flags_. Visible to applications through
// SavePoint::content_flags (GetWalTerminationPoint()), so the values are
// RocksDB's: never renumber.
enum WriteBatchContentFlags : uint32_t {
  kContentDeferred = 1u << 0,  // part of the batch has not been scanned
  kContentHasPut = 1u << 1,
  kContentHasDelete = 1u << 2,
  kContentHasSingleDelete = 1u << 3,
  kContentHasMerge = 1u << 4,
  kContentHasBeginPrepare = 1u << 5,
  kContentHasEndPrepare = 1u << 6,
  kContentHasCommit = 1u << 7,
  kContentHasRollback = 1u << 8,
  kContentHasDeleteRange = 1u << 9,
  kContentHasBlobIndex = 1u << 10,
  kContentHasBeginUnprepare = 1u << 11,
  kContentHasPutEntity = 1u << 12,
};

// What kind of operation a record is, independent of its CF/non-CF tag.
enum class WriteBatchOp : uint8_t {
  kPut,
  kDelete,
  kSingleDelete,
  kDeleteRange,
  kMerge,
  kPutEntity,
  kBlobIndex,
  kLogData,
  kBeginPrepare,  // tags 0x09, 0x12, 0x13
  kEndPrepare,
  kCommit,
  kCommitWithTimestamp,
  kRollback,
  kNoop,
};

// One decoded record. Slices point into the batch and live as long as its
// rep is unchanged.
struct WriteBatchRecord {
  WriteBatchTag tag = WriteBatchTag::kNoop;
  WriteBatchOp op = WriteBatchOp::kNoop;
  uint32_t column_family = 0;
  // Put/Delete/SingleDelete/Merge/PutEntity/BlobIndex: the key.
  // DeleteRange: the begin key. LogData: the blob. Markers: the xid.
  Slice key;
  // Put: value. Merge: operand. DeleteRange: end key. PutEntity: the
  // serialized columns. BlobIndex: the index. CommitWithTimestamp: the
  // commit timestamp.
  Slice value;

  // True for the records that take a sequence number and are counted in
  // the header (Put, Delete, SingleDelete, DeleteRange, Merge, PutEntity,
  // BlobIndex).
  bool IsCounted() const;
};

// Decodes the record at the front of *input and advances *input past it.
// Returns Corruption with RocksDB's message on truncated input, a bad
// varint or an unknown tag; *input is then unspecified.
Status ReadWriteBatchRecord(Slice* input, WriteBatchRecord* record);

class WriteBatchInternal {
 public:
  // Bytes of the header: fixed64 sequence + fixed32 count.
  static constexpr size_t kHeader = 12;

  // Header fields. A rep shorter than kHeader reads as 0 and is not
  // written to.
  static uint32_t Count(const WriteBatch* batch);
  static void SetCount(WriteBatch* batch, uint32_t n);
  static SequenceNumber Sequence(const WriteBatch* batch);
  static void SetSequence(WriteBatch* batch, SequenceNumber seq);

  static Slice Contents(const WriteBatch* batch) { return Slice(batch->rep_); }
  static size_t ByteSize(const WriteBatch* batch) { return batch->rep_.size(); }

  // Replaces the batch's content (e.g. with a WAL record). Save points and
  // the WAL termination point are dropped; flags are recomputed lazily and
  // checksums (if enabled) from the new bytes.
  // REQUIRES: contents.size() >= kHeader (else Corruption, batch unchanged).
  static Status SetContents(WriteBatch* batch, const Slice& contents);

  // Appends src's records to dst and adds the counts. With wal_only and a
  // WAL termination point set in src, only the records before it.
  static Status Append(WriteBatch* dst, const WriteBatch* src,
                       bool wal_only = false);

  // Size of the batch made by appending one of `right_size` bytes to one of
  // `left_size` bytes (both including their headers).
  static size_t AppendedByteSize(size_t left_size, size_t right_size);

  // Id-based appenders (no timestamp handling, max_bytes honoured).
  static Status Put(WriteBatch* batch, uint32_t cf_id, const Slice& key,
                    const Slice& value);
  static Status Put(WriteBatch* batch, uint32_t cf_id, const SliceParts& key,
                    const SliceParts& value);
  static Status PutEntity(WriteBatch* batch, uint32_t cf_id, const Slice& key,
                          const WideColumns& columns);
  static Status Delete(WriteBatch* batch, uint32_t cf_id, const Slice& key);
  static Status Delete(WriteBatch* batch, uint32_t cf_id,
                       const SliceParts& key);
  static Status SingleDelete(WriteBatch* batch, uint32_t cf_id,
                             const Slice& key);
  static Status SingleDelete(WriteBatch* batch, uint32_t cf_id,
                             const SliceParts& key);
  static Status DeleteRange(WriteBatch* batch, uint32_t cf_id,
                            const Slice& begin_key, const Slice& end_key);
  static Status DeleteRange(WriteBatch* batch, uint32_t cf_id,
                            const SliceParts& begin_key,
                            const SliceParts& end_key);
  static Status Merge(WriteBatch* batch, uint32_t cf_id, const Slice& key,
                      const Slice& value);
  static Status Merge(WriteBatch* batch, uint32_t cf_id, const SliceParts& key,
                      const SliceParts& value);
  static Status PutBlobIndex(WriteBatch* batch, uint32_t cf_id,
                             const Slice& key, const Slice& value);

  // WAL-only blob (not counted).
  static Status PutLogData(WriteBatch* batch, const Slice& blob);

  // Transaction markers (not counted).
  static Status InsertNoop(WriteBatch* batch);
  // Turns the Noop that must be the batch's first record into the
  // BeginPrepare tag of the write policy (WriteCommitted: 0x09;
  // WritePrepared: 0x12; WriteUnprepared: 0x13) and appends EndPrepare(xid).
  // REQUIRES: the first record is a Noop (else InvalidArgument).
  static Status MarkEndPrepare(WriteBatch* batch, const Slice& xid,
                               bool write_after_commit = true,
                               bool unprepared_batch = false);
  static Status MarkCommit(WriteBatch* batch, const Slice& xid);
  static Status MarkCommitWithTimestamp(WriteBatch* batch, const Slice& xid,
                                        const Slice& commit_ts);
  static Status MarkRollback(WriteBatch* batch, const Slice& xid);

  // Feeds the records in rep bytes [begin, end) to handler. The header
  // count is checked only when the range is the whole batch.
  // REQUIRES: kHeader <= begin <= end <= ByteSize(batch).
  static Status Iterate(const WriteBatch* batch, WriteBatch::Handler* handler,
                        size_t begin, size_t end);

  static uint32_t GetContentFlags(const WriteBatch* batch);

  static bool IsLatestPersistentState(const WriteBatch* batch) {
    return batch->is_latest_persistent_state_;
  }
  static void SetAsLatestPersistentState(WriteBatch* batch) {
    batch->is_latest_persistent_state_ = true;
  }
  static bool HasKeyWithTimestamp(const WriteBatch* batch) {
    return batch->has_key_with_ts_;
  }
  static bool NeedsInPlaceTimestampUpdate(const WriteBatch* batch) {
    return batch->needs_in_place_update_ts_;
  }

  // Checksum of one counted record as ProtectionInfo stores it.
  static uint64_t RecordChecksum(WriteBatchOp op, uint32_t cf_id,
                                 const Slice& key, const Slice& value);
};

// Stack of save points, most recent last.
struct SavePoints {
  std::vector<SavePoint> stack;
};

// Per-record checksums: entry i belongs to the i-th counted record.
struct WriteBatch::ProtectionInfo {
  std::vector<uint64_t> entries;
};

}  // namespace ROCKSDB_NAMESPACE
