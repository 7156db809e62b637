// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBuilder: writes one block in the format of ../shared/specs/
// ROCKSDB_FORMAT_SPEC.md section 5.5 (prefix-compressed entries, a restart
// array and a fixed32 count of restarts). Used for data, index, metaindex,
// properties and range-deletion blocks.
//
// Call order: (Add* Finish Reset)*.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class BlockBuilder {
 public:
  // restart_interval: entries per restart interval (values < 1 act as 1).
  // use_delta_encoding: share key prefixes with the previous entry (false:
  // every entry stores its whole key). use_value_delta_encoding: the index
  // form of spec 5.5.2 (no value length; entries that share a key prefix
  // store delta_value instead of value).
  explicit BlockBuilder(int restart_interval, bool use_delta_encoding = true,
                        bool use_value_delta_encoding = false);

  BlockBuilder(const BlockBuilder&) = delete;
  BlockBuilder& operator=(const BlockBuilder&) = delete;

  // Forgets everything added, as if just constructed.
  void Reset();

  // Appends an entry. REQUIRES: Finish() not called since the last Reset;
  // key sorts after every key added since Reset in the caller's order.
  // delta_value (value delta encoding only, may be null): what to store
  // when the entry shares a key prefix with the previous one; value is
  // stored otherwise (and always when delta_value is null).
  void Add(const Slice& key, const Slice& value,
           const Slice* const delta_value = nullptr);

  // Appends the restart array and count, and returns the whole block. The
  // slice stays valid until Reset() or destruction.
  Slice Finish();

  // Size the block would have if finished now.
  size_t CurrentSizeEstimate() const;

  // Rough size of the block after adding (key, value): counts the whole
  // key, as the shared prefix is unknown here.
  size_t EstimateSizeAfterKV(const Slice& key, const Slice& value) const;

  // True when nothing was added since Reset.
  bool empty() const { return buffer_.empty(); }

  // Entries added since Reset.
  size_t NumEntries() const { return num_entries_; }

 private:
  const int restart_interval_;
  const bool use_delta_encoding_;
  const bool use_value_delta_encoding_;

  std::string buffer_;              // entries, then (after Finish) restarts
  std::vector<uint32_t> restarts_;  // offsets of the restart entries
  int counter_;                     // entries since the last restart
  size_t num_entries_;
  bool finished_;
  std::string last_key_;
};

}  // namespace ROCKSDB_NAMESPACE
