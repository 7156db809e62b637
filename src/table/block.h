// Copyright (c) the rocksdb-cleanroom authors.
//
// Block: one uncompressed block of a block-based table (../shared/specs/
// ROCKSDB_FORMAT_SPEC.md section 5.5) and the iterators over it:
//   DataBlockIter   data and range-deletion blocks (internal keys)
//   IndexBlockIter  index blocks (separators -> BlockHandles, 5.5.2)
//   MetaBlockIter   metaindex and properties blocks (raw keys, bytewise)
// A data-block hash index (5.5.3) is recognised and skipped: lookups use
// the restart array only.
//
// Lifetime: an iterator reads the Block's bytes in place, so the Block must
// outlive every iterator made from it (callers typically register a
// cleanup on the iterator that releases the block). Iterators are not
// thread-safe; a Block is immutable and may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "table/format.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

// What every block iterator shares: restart-array binary search, forward
// decoding into a reusable key buffer, and Prev() through a cache of the
// decoded entries of one restart interval. Values are slices into the
// block; keys are slices into the block (entries that share nothing) or
// into the iterator's buffers, valid until the iterator moves.
// Corruption (malformed entries or restart array) makes the iterator
// !Valid() with a Corruption status; no byte outside the block is read.
class BlockIter : public InternalIterator {
 public:
  ~BlockIter() override;

  BlockIter(const BlockIter&) = delete;
  BlockIter& operator=(const BlockIter&) = delete;

  bool Valid() const override { return current_ < restarts_; }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override {
    return global_seqno_ == kDisableGlobalSequenceNumber ? key_
                                                         : Slice(seq_key_);
  }
  Slice value() const override { return value_; }
  Status status() const override { return status_; }

 protected:
  // How keys are compared with a seek target.
  enum class KeyMode : uint8_t {
    kInternal,  // internal keys, icmp
    kUser,      // stored user keys; target's user key, user comparator
    kBytewise,  // raw keys, bytewise
  };

  BlockIter();

  // Points the iterator at a block: data[0, restarts) holds the entries
  // and data[restarts, restarts + 4 * num_restarts) the restart array.
  // REQUIRES: both lie in the block. Resets position and status.
  void Init(const char* data, uint32_t restarts, uint32_t num_restarts,
            KeyMode mode, const InternalKeyComparator* icmp, bool is_index,
            bool value_delta_encoded, SequenceNumber global_seqno);
  // Leaves the iterator over nothing with status s.
  void InitError(const Status& s);

  // Index iterators: the handle of the current entry.
  const BlockHandle& handle() const { return handle_; }
  bool value_delta_encoded() const { return value_delta_; }

 private:
  friend class Block;

  // One decoded entry of the interval held by the Prev() cache.
  struct CachedEntry {
    uint32_t offset;       // of the entry in the block
    uint32_t next_offset;  // of the entry after it
    const char* key_ptr;   // into the block, or null: key in cache_keys_
    uint32_t key_offset;   // in cache_keys_ when key_ptr is null
    uint32_t key_size;
    Slice value;
    BlockHandle handle;
  };

  int CompareToTarget(const Slice& key, const Slice& target) const;
  uint32_t RestartPoint(uint32_t index) const;
  void SetCorrupted(const char* what);
  void MarkInvalid() { current_ = restarts_; }
  // Decodes the entry at next_offset_ and makes it current; false (and not
  // Valid) at the end of the entries or on corruption.
  bool ParseNextEntry();
  // Positions at the first entry of restart interval index.
  bool SeekToRestart(uint32_t index);
  // Decodes a restart entry's key without positioning (binary search).
  bool RestartKey(uint32_t index, Slice* key);
  // Fills the Prev() cache with the entries of interval index that start
  // before stop_offset; false on corruption.
  bool FillCache(uint32_t index, uint32_t stop_offset);
  void PositionAtCached(size_t i);
  // Value and handle of an entry whose value bytes start at p.
  bool DecodeValue(const char* p, const char* limit, uint32_t shared,
                   uint32_t value_length, bool has_value_length);
  void UpdateSeqKey();

  const char* data_ = nullptr;
  uint32_t restarts_ = 0;  // offset of the restart array = end of entries
  uint32_t num_restarts_ = 0;
  uint32_t current_ = 0;      // offset of the current entry
  uint32_t next_offset_ = 0;  // offset just past the current entry
  uint32_t restart_index_ = 0;
  KeyMode mode_ = KeyMode::kBytewise;
  bool is_index_ = false;
  bool value_delta_ = false;
  bool key_in_buf_ = false;  // key_ points into key_buf_
  const InternalKeyComparator* icmp_ = nullptr;
  const Comparator* ucmp_ = nullptr;
  SequenceNumber global_seqno_ = kDisableGlobalSequenceNumber;

  Slice key_;
  Slice value_;
  BlockHandle handle_;
  Status status_;
  std::string key_buf_;
  std::string seq_key_;  // key_ with the global sequence number applied

  // Prev() cache: the entries of interval cache_restart_ (num_restarts_
  // when empty), in order.
  std::vector<CachedEntry> cache_;
  std::string cache_keys_;
  uint32_t cache_restart_ = 0;
};

// Data and range-deletion blocks: internal keys ordered by icmp.
class DataBlockIter final : public BlockIter {
 public:
  DataBlockIter() = default;
  Slice user_key() const override { return ExtractUserKey(key()); }

 private:
  friend class Block;
};

// Index blocks. key() is the separator as stored (a user key when the
// block holds user keys); value() is the encoded BlockHandle of the entry,
// also for delta-encoded blocks (re-encoded in full).
class IndexBlockIter final : public BlockIter {
 public:
  IndexBlockIter() = default;
  Slice user_key() const override {
    return key_is_user_key_ ? key() : ExtractUserKey(key());
  }
  Slice value() const override;
  // The decoded handle of the current entry. REQUIRES: Valid().
  BlockHandle value_handle() const { return handle(); }

 private:
  friend class Block;
  bool key_is_user_key_ = false;
  mutable char value_buf_[BlockHandle::kMaxEncodedLength];
};

// Metaindex and properties blocks: raw keys in bytewise order.
class MetaBlockIter final : public BlockIter {
 public:
  MetaBlockIter() = default;
  Slice user_key() const override { return key(); }

 private:
  friend class Block;
};

// An immutable, uncompressed block. Owns its BlockContents.
class Block {
 public:
  explicit Block(BlockContents&& contents);

  Block(const Block&) = delete;
  Block& operator=(const Block&) = delete;

  size_t size() const { return contents_.data.size(); }
  const char* data() const { return contents_.data.data(); }
  // 0 for a malformed block.
  uint32_t NumRestarts() const { return num_restarts_; }
  // True when the block carries a data-block hash index (ignored here).
  bool HasHashIndex() const { return has_hash_index_; }
  size_t ApproximateMemoryUsage() const;
  // False when the footer or restart array is malformed; iterators then
  // report Corruption.
  bool ok() const { return ok_; }

  // Iterator over a data or range-deletion block. The result is iter when
  // iter is non-null (re-initialised), otherwise a new heap object the
  // caller deletes. global_seqno: when not kDisableGlobalSequenceNumber,
  // every key is presented with that sequence number (ingested files).
  // icmp must outlive the iterator.
  DataBlockIter* NewDataIterator(
      const InternalKeyComparator* icmp, DataBlockIter* iter = nullptr,
      SequenceNumber global_seqno = kDisableGlobalSequenceNumber);

  // Iterator over an index block. Seek/SeekForPrev targets are internal
  // keys either way; with key_is_user_key only their user key part is
  // compared (by icmp's user comparator).
  IndexBlockIter* NewIndexIterator(const InternalKeyComparator* icmp,
                                   bool key_is_user_key,
                                   bool value_is_delta_encoded,
                                   IndexBlockIter* iter = nullptr);

  // Iterator over a metaindex or properties block.
  MetaBlockIter* NewMetaIterator(MetaBlockIter* iter = nullptr);

 private:
  BlockContents contents_;
  uint32_t restarts_ = 0;  // offset of the restart array
  uint32_t num_restarts_ = 0;
  bool has_hash_index_ = false;
  bool ok_ = false;
};

}  // namespace ROCKSDB_NAMESPACE
