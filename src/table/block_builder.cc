// Copyright (c) the rocksdb-cleanroom authors.
//
// Block layout written here (spec 5.5):
//
//   entry*  fixed32 restart_offset[num_restarts]  fixed32 num_restarts
//   entry = varint32 shared . varint32 non_shared . varint32 value_length
//           . key[shared..] . value
//
// The first entry of every restart interval stores its whole key. With
// value delta encoding (index blocks, spec 5.5.2) value_length is left out
// and an entry that shares a key prefix stores the caller's delta_value;
// an entry that shares nothing stores the full value, since readers pick
// the value form from `shared`.
#include "table/block_builder.h"

#include <algorithm>

#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

BlockBuilder::BlockBuilder(int restart_interval, bool use_delta_encoding,
                           bool use_value_delta_encoding)
    : restart_interval_(restart_interval < 1 ? 1 : restart_interval),
      use_delta_encoding_(use_delta_encoding),
      use_value_delta_encoding_(use_value_delta_encoding) {
  Reset();
}

void BlockBuilder::Reset() {
  buffer_.clear();
  restarts_.assign(1, 0);  // the first entry is always a restart point
  counter_ = 0;
  num_entries_ = 0;
  finished_ = false;
  last_key_.clear();
}

size_t BlockBuilder::CurrentSizeEstimate() const {
  if (finished_) return buffer_.size();
  return buffer_.size() + restarts_.size() * sizeof(uint32_t) +
         sizeof(uint32_t);
}

size_t BlockBuilder::EstimateSizeAfterKV(const Slice& key,
                                         const Slice& value) const {
  size_t estimate = CurrentSizeEstimate() + key.size() + value.size();
  if (counter_ >= restart_interval_) estimate += sizeof(uint32_t);
  // The three header varints, assuming nothing is shared.
  estimate += VarintLength(key.size()) + VarintLength(value.size()) + 1;
  return estimate;
}

void BlockBuilder::Add(const Slice& key, const Slice& value,
                       const Slice* const delta_value) {
  size_t shared = 0;
  if (counter_ >= restart_interval_) {
    restarts_.push_back(static_cast<uint32_t>(buffer_.size()));
    counter_ = 0;
  } else if (use_delta_encoding_ && num_entries_ > 0) {
    const size_t limit = std::min(last_key_.size(), key.size());
    while (shared < limit && last_key_[shared] == key[shared]) ++shared;
  }
  const size_t non_shared = key.size() - shared;
  const bool store_delta =
      use_value_delta_encoding_ && shared > 0 && delta_value != nullptr;
  const Slice& stored = store_delta ? *delta_value : value;

  if (use_value_delta_encoding_) {
    PutVarint32Varint32(&buffer_, static_cast<uint32_t>(shared),
                        static_cast<uint32_t>(non_shared));
  } else {
    PutVarint32Varint32Varint32(&buffer_, static_cast<uint32_t>(shared),
                                static_cast<uint32_t>(non_shared),
                                static_cast<uint32_t>(stored.size()));
  }
  buffer_.append(key.data() + shared, non_shared);
  buffer_.append(stored.data(), stored.size());

  if (use_delta_encoding_) {
    last_key_.resize(shared);
    last_key_.append(key.data() + shared, non_shared);
  }
  ++counter_;
  ++num_entries_;
}

Slice BlockBuilder::Finish() {
  if (!finished_) {
    for (uint32_t restart : restarts_) PutFixed32(&buffer_, restart);
    PutFixed32(&buffer_, static_cast<uint32_t>(restarts_.size()));
    finished_ = true;
  }
  return Slice(buffer_);
}

}  // namespace ROCKSDB_NAMESPACE
