// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatch: an ordered list of updates that DB::Write() applies
// atomically, in insertion order (a later update of a key wins over an
// earlier one). The batch is kept in its serialized form, the same bytes a
// WAL record carries; docs/formats/write_batch.md describes them.
//
// Thread safety: concurrent const calls are fine; a non-const call needs
// exclusive access to the batch.
#pragma once

#include <stdint.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/status.h"
#include "rocksdb/write_batch_base.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
class ColumnFamilyHandle;
struct SavePoints;
struct SliceParts;

// A position in a batch: its serialized size, its record count and its
// content flags at that moment. All zero means "not set".
struct SavePoint {
  size_t size;  // of the serialized batch
  int count;    // counted records
  uint32_t content_flags;

  SavePoint() : size(0), count(0), content_flags(0) {}

  SavePoint(size_t _size, int _count, uint32_t _flags)
      : size(_size), count(_count), content_flags(_flags) {}

  void clear() {
    size = 0;
    count = 0;
    content_flags = 0;
  }

  bool is_cleared() const { return (size | count | content_flags) == 0; }
};

class WriteBatch : public WriteBatchBase {
 public:
  // reserved_bytes: capacity to reserve up front. max_bytes: an update that
  // would grow the batch past this size fails with Status::MemoryLimit()
  // (0 = no limit).
  explicit WriteBatch(size_t reserved_bytes = 0, size_t max_bytes = 0)
      : WriteBatch(reserved_bytes, max_bytes, 0, 0) {}

  // protection_bytes_per_key: 0 (no per-record checksums) or 8 (each counted
  // record carries a checksum that VerifyChecksum() re-checks).
  // default_cf_ts_sz: timestamp size of the default column family; updates
  // to it through the handle-less overloads get a zeroed timestamp of that
  // size, to be filled in by UpdateTimestamps().
  explicit WriteBatch(size_t reserved_bytes, size_t max_bytes,
                      size_t protection_bytes_per_key, size_t default_cf_ts_sz);
  ~WriteBatch() override;

  using WriteBatchBase::Put;
  // For a family with timestamps, `key` may already end with the timestamp;
  // if it does not, a zeroed placeholder timestamp is appended.
  Status Put(ColumnFamilyHandle* column_family, const Slice& key,
             const Slice& value) override;
  Status Put(const Slice& key, const Slice& value) override {
    return Put(nullptr, key, value);
  }
  // REQUIRES: column_family != nullptr and its comparator's timestamp size
  // equals ts.size() (otherwise InvalidArgument).
  Status Put(ColumnFamilyHandle* column_family, const Slice& key,
             const Slice& ts, const Slice& value) override;

  // Gather variants; the whole key is the concatenation of the parts.
  Status Put(ColumnFamilyHandle* column_family, const SliceParts& key,
             const SliceParts& value) override;
  Status Put(const SliceParts& key, const SliceParts& value) override {
    return Put(nullptr, key, value);
  }

  // Records key -> columns in column_family (which must not be null).
  using WriteBatchBase::PutEntity;
  Status PutEntity(ColumnFamilyHandle* column_family, const Slice& key,
                   const WideColumns& columns) override;

  using WriteBatchBase::Delete;
  Status Delete(ColumnFamilyHandle* column_family, const Slice& key) override;
  Status Delete(const Slice& key) override { return Delete(nullptr, key); }
  Status Delete(ColumnFamilyHandle* column_family, const Slice& key,
                const Slice& ts) override;

  // Gather variants of Delete.
  Status Delete(ColumnFamilyHandle* column_family,
                const SliceParts& key) override;
  Status Delete(const SliceParts& key) override { return Delete(nullptr, key); }

  using WriteBatchBase::SingleDelete;
  // Buffered form of DB::SingleDelete() (see db.h).
  Status SingleDelete(ColumnFamilyHandle* column_family,
                      const Slice& key) override;
  Status SingleDelete(const Slice& key) override {
    return SingleDelete(nullptr, key);
  }
  Status SingleDelete(ColumnFamilyHandle* column_family, const Slice& key,
                      const Slice& ts) override;

  // Gather variants of SingleDelete.
  Status SingleDelete(ColumnFamilyHandle* column_family,
                      const SliceParts& key) override;
  Status SingleDelete(const SliceParts& key) override {
    return SingleDelete(nullptr, key);
  }

  using WriteBatchBase::DeleteRange;
  // Buffered form of DB::DeleteRange() (see db.h).
  Status DeleteRange(ColumnFamilyHandle* column_family, const Slice& begin_key,
                     const Slice& end_key) override;
  Status DeleteRange(const Slice& begin_key, const Slice& end_key) override {
    return DeleteRange(nullptr, begin_key, end_key);
  }
  // begin_key and end_key are given without timestamp; ts is appended to
  // both.
  Status DeleteRange(ColumnFamilyHandle* column_family, const Slice& begin_key,
                     const Slice& end_key, const Slice& ts) override;

  // Gather variants of DeleteRange.
  Status DeleteRange(ColumnFamilyHandle* column_family,
                     const SliceParts& begin_key,
                     const SliceParts& end_key) override;
  Status DeleteRange(const SliceParts& begin_key,
                     const SliceParts& end_key) override {
    return DeleteRange(nullptr, begin_key, end_key);
  }

  using WriteBatchBase::Merge;
  Status Merge(ColumnFamilyHandle* column_family, const Slice& key,
               const Slice& value) override;
  Status Merge(const Slice& key, const Slice& value) override {
    return Merge(nullptr, key, value);
  }
  // Merge with a timestamp is not supported.
  Status Merge(ColumnFamilyHandle* /*column_family*/, const Slice& /*key*/,
               const Slice& /*ts*/, const Slice& /*value*/) override {
    return Status::NotSupported(
        "Merge does not support user-defined timestamp");
  }

  // Gather variants of Merge.
  Status Merge(ColumnFamilyHandle* column_family, const SliceParts& key,
               const SliceParts& value) override;
  Status Merge(const SliceParts& key, const SliceParts& value) override {
    return Merge(nullptr, key, value);
  }

  using WriteBatchBase::PutLogData;
  // WAL-only blob: not counted, no sequence number, never reaches an SST.
  Status PutLogData(const Slice& blob) override;

  using WriteBatchBase::Clear;
  // Back to an empty batch; also drops the save points and the WAL
  // termination point.
  void Clear() override;

  // Pushes the current state; may be called several times.
  void SetSavePoint() override;

  // Truncates the batch to the most recent save point and pops it.
  // NotFound if there is no save point.
  Status RollbackToSavePoint() override;

  // Pops the most recent save point; NotFound if there is none.
  Status PopSavePoint() override;

  // Receives the records of a batch, one callback per record, from
  // Iterate(). Every callback has a default so that subclasses override
  // only what they need.
  class Handler {
   public:
    virtual ~Handler();

    // The *CF callbacks get the column family id. Their defaults forward
    // records of the default family (id 0) to the id-less legacy callbacks
    // and reject any other family with InvalidArgument.
    virtual Status PutCF(uint32_t column_family_id, const Slice& key,
                         const Slice& value) {
      if (column_family_id == 0) {
        // The legacy callback returns nothing, so the record is accepted.
        Put(key, value);
        return Status::OK();
      }
      return Status::InvalidArgument(
          "non-default column family and PutCF not implemented");
    }
    virtual void Put(const Slice& /*key*/, const Slice& /*value*/) {}

    // `entity` is the serialized column set.
    virtual Status PutEntityCF(uint32_t /* column_family_id */,
                               const Slice& /* key */,
                               const Slice& /* entity */) {
      return Status::NotSupported("PutEntityCF not implemented");
    }

    virtual Status DeleteCF(uint32_t column_family_id, const Slice& key) {
      if (column_family_id == 0) {
        Delete(key);
        return Status::OK();
      }
      return Status::InvalidArgument(
          "non-default column family and DeleteCF not implemented");
    }
    virtual void Delete(const Slice& /*key*/) {}

    virtual Status SingleDeleteCF(uint32_t column_family_id, const Slice& key) {
      if (column_family_id == 0) {
        SingleDelete(key);
        return Status::OK();
      }
      return Status::InvalidArgument(
          "non-default column family and SingleDeleteCF not implemented");
    }
    virtual void SingleDelete(const Slice& /*key*/) {}

    // No legacy form: the default rejects range deletions.
    virtual Status DeleteRangeCF(uint32_t /*column_family_id*/,
                                 const Slice& /*begin_key*/,
                                 const Slice& /*end_key*/) {
      return Status::InvalidArgument("DeleteRangeCF not implemented");
    }

    virtual Status MergeCF(uint32_t column_family_id, const Slice& key,
                           const Slice& value) {
      if (column_family_id == 0) {
        Merge(key, value);
        return Status::OK();
      }
      return Status::InvalidArgument(
          "non-default column family and MergeCF not implemented");
    }
    virtual void Merge(const Slice& /*key*/, const Slice& /*value*/) {}

    // BlobDB index records.
    virtual Status PutBlobIndexCF(uint32_t /*column_family_id*/,
                                  const Slice& /*key*/,
                                  const Slice& /*value*/) {
      return Status::InvalidArgument("PutBlobIndexCF not implemented");
    }

    // A PutLogData() blob. The default ignores it.
    virtual void LogData(const Slice& blob);

    // Two-phase-commit markers. The defaults reject them.
    virtual Status MarkBeginPrepare(bool = false) {
      return Status::InvalidArgument("MarkBeginPrepare() handler not defined.");
    }

    virtual Status MarkEndPrepare(const Slice& /*xid*/) {
      return Status::InvalidArgument("MarkEndPrepare() handler not defined.");
    }

    virtual Status MarkNoop(bool /*empty_batch*/) {
      return Status::InvalidArgument("MarkNoop() handler not defined.");
    }

    virtual Status MarkRollback(const Slice& /*xid*/) {
      return Status::InvalidArgument(
          "MarkRollbackPrepare() handler not defined.");
    }

    virtual Status MarkCommit(const Slice& /*xid*/) {
      return Status::InvalidArgument("MarkCommit() handler not defined.");
    }

    virtual Status MarkCommitWithTimestamp(const Slice& /*xid*/,
                                           const Slice& /*commit_ts*/) {
      return Status::InvalidArgument(
          "MarkCommitWithTimestamp() handler not defined.");
    }

    // Asked before each record; returning false ends Iterate() early with
    // OK. The default always continues.
    virtual bool Continue();

   protected:
    friend class WriteBatchInternal;
    // Which transaction write policy the consumer runs under; Iterate()
    // rejects prepare markers of a different policy.
    enum class OptionState {
      kUnknown,
      kDisabled,
      kEnabled,
    };
    virtual OptionState WriteAfterCommit() const {
      return OptionState::kUnknown;
    }
    virtual OptionState WriteBeforePrepare() const {
      return OptionState::kUnknown;
    }
  };

  // Feeds every record to `handler` in order. Returns the first non-OK
  // status of a callback, Corruption if the batch is malformed or its
  // record count is wrong, OK otherwise.
  Status Iterate(Handler* handler) const;

  // The serialized batch; valid until the next non-const call.
  const std::string& Data() const { return rep_; }

  // Size of Data() in bytes.
  size_t GetDataSize() const { return rep_.size(); }

  // Number of counted records (everything except WAL-only ones).
  uint32_t Count() const;

  // Whether Iterate() would call PutCF / PutEntityCF / DeleteCF /
  // SingleDeleteCF / DeleteRangeCF / MergeCF / MarkBeginPrepare /
  // MarkEndPrepare / MarkCommit / MarkRollback.
  bool HasPut() const;
  bool HasPutEntity() const;
  bool HasDelete() const;
  bool HasSingleDelete() const;
  bool HasDeleteRange() const;
  bool HasMerge() const;
  bool HasBeginPrepare() const;
  bool HasEndPrepare() const;
  bool HasCommit() const;
  bool HasRollback() const;

  // Experimental. Writes `ts` over the timestamp of every key that belongs
  // to a family with timestamps. ts_sz_func(cf_id) gives a family's
  // timestamp size (0: no timestamps, the key is left alone;
  // std::numeric_limits<size_t>::max(): unknown family, the call fails with
  // NotFound). A size different from ts.size() fails with InvalidArgument.
  // ts_sz_func must not throw; the caller makes it thread-safe if needed.
  Status UpdateTimestamps(const Slice& ts,
                          std::function<size_t(uint32_t /*cf*/)> ts_sz_func);

  // Re-checks the per-record checksums; Corruption on a mismatch, OK when
  // the batch has none.
  Status VerifyChecksum() const;

  using WriteBatchBase::GetWriteBatch;
  WriteBatch* GetWriteBatch() override { return this; }

  // Wraps an existing serialized batch (e.g. one read from a WAL). The
  // content is not validated here; Iterate() reports malformed input.
  explicit WriteBatch(const std::string& rep);
  explicit WriteBatch(std::string&& rep);

  // Copies carry the save points and the WAL termination point.
  WriteBatch(const WriteBatch& src);
  WriteBatch(WriteBatch&& src) noexcept;
  WriteBatch& operator=(const WriteBatch& src);
  WriteBatch& operator=(WriteBatch&& src);

  // Remembers the current end of the batch: with the WAL enabled, only the
  // records before this point go to the WAL.
  void MarkWalTerminationPoint();
  const SavePoint& GetWalTerminationPoint() const { return wal_term_point_; }

  void SetMaxBytes(size_t max_bytes) override { max_bytes_ = max_bytes; }

  // Per-record checksums (defined by the engine).
  struct ProtectionInfo;
  // 0 or 8, as given to the constructor.
  size_t GetProtectionBytesPerKey() const;

 private:
  friend class WriteBatchInternal;
  friend class LocalSavePoint;
  friend class WriteBatchWithIndex;

  // Content flags of the records already in rep_, computed by parsing it.
  uint32_t ComputeContentFlags() const;

  // Stack of save points; null until the first SetSavePoint().
  std::unique_ptr<SavePoints> save_points_;

  // See MarkWalTerminationPoint().
  SavePoint wal_term_point_;

  // Used by transactions: the batch is the latest state, for recovery only.
  bool is_latest_persistent_state_ = false;

  // Some key got a placeholder timestamp that UpdateTimestamps() must fill.
  bool needs_in_place_update_ts_ = false;

  // Some key belongs to a family with timestamps.
  bool has_key_with_ts_ = false;

  // What kinds of records the batch holds (bit set, see write_batch.cc);
  // the "deferred" bit means part of rep_ has not been scanned yet. Mutable
  // so that const Has*() can fill it in lazily.
  mutable std::atomic<uint32_t> content_flags_;

  // 0 = unlimited.
  size_t max_bytes_;

  // Null when protection is off.
  std::unique_ptr<ProtectionInfo> prot_info_;

  size_t default_cf_ts_sz_ = 0;

 protected:
  // The serialized batch (docs/formats/write_batch.md).
  std::string rep_;
};

}  // namespace ROCKSDB_NAMESPACE
