// Copyright (c) the rocksdb-cleanroom authors.
//
// Reading blocks (spec 5.5 of ../shared/specs/ROCKSDB_FORMAT_SPEC.md):
//
//   entry* | fixed32 restart[num_restarts] | [hash index] | fixed32 footer
//   footer = num_restarts | (hash_index_present << 31)
//   hash index = uint8 bucket[num_buckets] . fixed16 num_buckets (skipped)
//   entry = varint32 shared . varint32 non_shared . [varint32 value_length]
//           . key delta . value
//
// value_length is absent in delta-encoded index blocks (5.5.2); there the
// value is a full handle when shared == 0 and otherwise the zigzag varint
// of the size change, the offset following the previous block's trailer.
//
// Seek: binary search over the restart keys (which share nothing), then a
// linear scan. Prev: the entries of one restart interval are decoded once
// into a cache and walked backwards from there. Every read is bounds-checked
// against the entry area; a malformed block yields Corruption.
#include "table/block.h"

#include <algorithm>

#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Decodes an entry header at p. Returns the start of the key delta, or
// null when the header is malformed or the key delta overruns limit.
inline const char* DecodeEntryHeader(const char* p, const char* limit,
                                     bool has_value_length, uint32_t* shared,
                                     uint32_t* non_shared,
                                     uint32_t* value_length) {
  const ptrdiff_t header = has_value_length ? 3 : 2;
  if (limit - p < header) return nullptr;
  *shared = static_cast<unsigned char>(p[0]);
  *non_shared = static_cast<unsigned char>(p[1]);
  *value_length = has_value_length ? static_cast<unsigned char>(p[2]) : 0;
  if ((*shared | *non_shared | *value_length) < 128) {
    p += header;  // all one-byte varints
  } else {
    p = GetVarint32Ptr(p, limit, shared);
    if (p != nullptr) p = GetVarint32Ptr(p, limit, non_shared);
    if (p != nullptr && has_value_length) {
      p = GetVarint32Ptr(p, limit, value_length);
    }
    if (p == nullptr) return nullptr;
  }
  if (static_cast<uint64_t>(limit - p) < *non_shared) return nullptr;
  return p;
}

// Decodes the value at p (after the key delta). prev: the handle of the
// previous entry (delta-encoded index blocks). Returns the end of the entry
// or null when malformed.
inline const char* DecodeEntryValue(const char* p, const char* limit,
                                    bool is_index, bool delta, uint32_t shared,
                                    uint32_t value_length,
                                    const BlockHandle& prev, Slice* value,
                                    BlockHandle* handle) {
  if (!delta) {
    if (static_cast<uint64_t>(limit - p) < value_length) return nullptr;
    *value = Slice(p, value_length);
    if (is_index) {
      Slice v = *value;
      if (!handle->DecodeFrom(&v).ok()) return nullptr;
    }
    return p + value_length;
  }
  const char* end;
  if (shared == 0) {
    uint64_t offset = 0;
    uint64_t size = 0;
    end = GetVarint64Ptr(p, limit, &offset);
    if (end != nullptr) end = GetVarint64Ptr(end, limit, &size);
    if (end == nullptr) return nullptr;
    *handle = BlockHandle(offset, size);
  } else {
    int64_t size_delta = 0;
    end = GetVarsignedint64Ptr(p, limit, &size_delta);
    if (end == nullptr) return nullptr;
    *handle = BlockHandle(prev.offset() + prev.size() + kBlockTrailerSize,
                          prev.size() + static_cast<uint64_t>(size_delta));
  }
  *value = Slice(p, static_cast<size_t>(end - p));
  return end;
}

}  // namespace

// ---- Block ----------------------------------------------------------------

Block::Block(BlockContents&& contents) : contents_(std::move(contents)) {
  const size_t n = contents_.data.size();
  const char* d = contents_.data.data();
  if (n < sizeof(uint32_t) || n > UINT32_MAX) return;
  const uint32_t footer = DecodeFixed32(d + n - sizeof(uint32_t));
  uint64_t end = n - sizeof(uint32_t);
  uint32_t num_restarts = footer;
  if ((footer & 0x80000000u) != 0) {
    has_hash_index_ = true;
    num_restarts = footer & 0x7fffffffu;
    if (end < sizeof(uint16_t)) return;
    const uint16_t num_buckets = DecodeFixed16(d + end - sizeof(uint16_t));
    end -= sizeof(uint16_t);
    if (end < num_buckets) return;
    end -= num_buckets;
  }
  const uint64_t restart_bytes = uint64_t{num_restarts} * sizeof(uint32_t);
  if (restart_bytes > end) return;
  restarts_ = static_cast<uint32_t>(end - restart_bytes);
  // Without restart points no entry is reachable: only an empty entry
  // area makes sense then.
  if (num_restarts == 0 && restarts_ != 0) return;
  num_restarts_ = num_restarts;
  ok_ = true;
}

size_t Block::ApproximateMemoryUsage() const {
  return contents_.ApproximateMemoryUsage() + sizeof(*this) - sizeof(contents_);
}

DataBlockIter* Block::NewDataIterator(const InternalKeyComparator* icmp,
                                      DataBlockIter* iter,
                                      SequenceNumber global_seqno) {
  if (iter == nullptr) iter = new DataBlockIter();
  if (!ok_) {
    iter->InitError(Status::Corruption("bad block contents"));
  } else {
    iter->Init(data(), restarts_, num_restarts_, BlockIter::KeyMode::kInternal,
               icmp, /*is_index=*/false, /*value_delta_encoded=*/false,
               global_seqno);
  }
  return iter;
}

IndexBlockIter* Block::NewIndexIterator(const InternalKeyComparator* icmp,
                                        bool key_is_user_key,
                                        bool value_is_delta_encoded,
                                        IndexBlockIter* iter) {
  if (iter == nullptr) iter = new IndexBlockIter();
  iter->key_is_user_key_ = key_is_user_key;
  if (!ok_) {
    iter->InitError(Status::Corruption("bad index block contents"));
  } else {
    iter->Init(data(), restarts_, num_restarts_,
               key_is_user_key ? BlockIter::KeyMode::kUser
                               : BlockIter::KeyMode::kInternal,
               icmp, /*is_index=*/true, value_is_delta_encoded,
               kDisableGlobalSequenceNumber);
  }
  return iter;
}

MetaBlockIter* Block::NewMetaIterator(MetaBlockIter* iter) {
  if (iter == nullptr) iter = new MetaBlockIter();
  if (!ok_) {
    iter->InitError(Status::Corruption("bad meta block contents"));
  } else {
    iter->Init(data(), restarts_, num_restarts_, BlockIter::KeyMode::kBytewise,
               nullptr, /*is_index=*/false, /*value_delta_encoded=*/false,
               kDisableGlobalSequenceNumber);
  }
  return iter;
}

// ---- BlockIter: setup -----------------------------------------------------

BlockIter::BlockIter() {}

BlockIter::~BlockIter() {}

void BlockIter::Init(const char* data, uint32_t restarts, uint32_t num_restarts,
                     KeyMode mode, const InternalKeyComparator* icmp,
                     bool is_index, bool value_delta_encoded,
                     SequenceNumber global_seqno) {
  data_ = data;
  restarts_ = restarts;
  num_restarts_ = num_restarts;
  current_ = restarts;
  next_offset_ = restarts;
  restart_index_ = 0;
  mode_ = mode;
  is_index_ = is_index;
  value_delta_ = value_delta_encoded;
  icmp_ = icmp;
  ucmp_ = icmp != nullptr ? icmp->user_comparator() : nullptr;
  global_seqno_ =
      mode == KeyMode::kInternal ? global_seqno : kDisableGlobalSequenceNumber;
  key_ = Slice();
  key_in_buf_ = false;
  value_ = Slice();
  handle_ = BlockHandle();
  status_ = Status::OK();
  cache_.clear();
  cache_keys_.clear();
  cache_restart_ = num_restarts;
}

void BlockIter::InitError(const Status& s) {
  Init(nullptr, 0, 0, KeyMode::kBytewise, nullptr, false, false,
       kDisableGlobalSequenceNumber);
  status_ = s;
}

void BlockIter::SetCorrupted(const char* what) {
  status_ = Status::Corruption("bad entry in block", what);
  key_ = Slice();
  key_in_buf_ = false;
  value_ = Slice();
  MarkInvalid();
}

uint32_t BlockIter::RestartPoint(uint32_t index) const {
  return DecodeFixed32(data_ + restarts_ + index * sizeof(uint32_t));
}

int BlockIter::CompareToTarget(const Slice& key, const Slice& target) const {
  switch (mode_) {
    case KeyMode::kInternal:
      return icmp_->Compare(key, target);
    case KeyMode::kUser:
      return ucmp_->Compare(key, target);
    case KeyMode::kBytewise:
      break;
  }
  return key.compare(target);
}

void BlockIter::UpdateSeqKey() {
  if (global_seqno_ == kDisableGlobalSequenceNumber) return;
  const ValueType type = ExtractValueType(key_);
  seq_key_.assign(key_.data(), key_.size() - kNumInternalBytes);
  PutFixed64(&seq_key_, PackSequenceAndType(global_seqno_, type));
}

// ---- BlockIter: decoding --------------------------------------------------

bool BlockIter::ParseNextEntry() {
  current_ = next_offset_;
  const char* limit = data_ + restarts_;
  const char* p = data_ + current_;
  if (p >= limit) {
    MarkInvalid();
    return false;
  }
  uint32_t shared, non_shared, value_length;
  p = DecodeEntryHeader(p, limit, !value_delta_, &shared, &non_shared,
                        &value_length);
  if (p == nullptr) {
    SetCorrupted("malformed entry header");
    return false;
  }
  if (shared == 0) {
    key_ = Slice(p, non_shared);  // the whole key, in place
    key_in_buf_ = false;
  } else {
    if (shared > key_.size()) {
      SetCorrupted("shared prefix longer than the previous key");
      return false;
    }
    if (key_in_buf_) {
      key_buf_.resize(shared);
    } else {
      key_buf_.assign(key_.data(), shared);
      key_in_buf_ = true;
    }
    key_buf_.append(p, non_shared);
    key_ = Slice(key_buf_);
  }
  if (mode_ == KeyMode::kInternal && key_.size() < kNumInternalBytes) {
    SetCorrupted("internal key too short");
    return false;
  }
  const BlockHandle prev = handle_;
  const char* end =
      DecodeEntryValue(p + non_shared, limit, is_index_, value_delta_, shared,
                       value_length, prev, &value_, &handle_);
  if (end == nullptr) {
    SetCorrupted("malformed entry value");
    return false;
  }
  next_offset_ = static_cast<uint32_t>(end - data_);
  while (restart_index_ + 1 < num_restarts_ &&
         RestartPoint(restart_index_ + 1) <= current_) {
    ++restart_index_;
  }
  UpdateSeqKey();
  return true;
}

bool BlockIter::SeekToRestart(uint32_t index) {
  const uint32_t offset = RestartPoint(index);
  if (offset > restarts_) {
    SetCorrupted("restart point out of range");
    return false;
  }
  restart_index_ = index;
  next_offset_ = offset;
  key_ = Slice();  // a restart entry shares nothing
  key_in_buf_ = false;
  return true;
}

bool BlockIter::RestartKey(uint32_t index, Slice* key) {
  const uint32_t offset = RestartPoint(index);
  const char* limit = data_ + restarts_;
  if (offset >= restarts_) {
    SetCorrupted("restart point out of range");
    return false;
  }
  uint32_t shared, non_shared, value_length;
  const char* p = DecodeEntryHeader(data_ + offset, limit, !value_delta_,
                                    &shared, &non_shared, &value_length);
  if (p == nullptr || shared != 0) {
    SetCorrupted("malformed restart entry");
    return false;
  }
  *key = Slice(p, non_shared);
  if (mode_ == KeyMode::kInternal) {
    if (key->size() < kNumInternalBytes) {
      SetCorrupted("internal key too short");
      return false;
    }
    if (global_seqno_ != kDisableGlobalSequenceNumber) {
      seq_key_.assign(key->data(), key->size() - kNumInternalBytes);
      PutFixed64(&seq_key_,
                 PackSequenceAndType(global_seqno_, ExtractValueType(*key)));
      *key = Slice(seq_key_);
    }
  }
  return true;
}

bool BlockIter::FillCache(uint32_t index, uint32_t stop_offset) {
  cache_.clear();
  cache_keys_.clear();
  cache_restart_ = num_restarts_;
  uint32_t offset = RestartPoint(index);
  if (offset > restarts_) {
    SetCorrupted("restart point out of range");
    return false;
  }
  const char* limit = data_ + restarts_;
  BlockHandle prev_handle;
  while (offset < stop_offset) {
    uint32_t shared, non_shared, value_length;
    const char* p = DecodeEntryHeader(data_ + offset, limit, !value_delta_,
                                      &shared, &non_shared, &value_length);
    if (p == nullptr) {
      SetCorrupted("malformed entry header");
      return false;
    }
    CachedEntry e;
    e.offset = offset;
    e.key_size = shared + non_shared;
    if (shared == 0) {
      e.key_ptr = p;
      e.key_offset = 0;
    } else {
      if (cache_.empty() || shared > cache_.back().key_size) {
        SetCorrupted("shared prefix longer than the previous key");
        return false;
      }
      // Reserve first so that the previous key's bytes stay put.
      cache_keys_.reserve(cache_keys_.size() + e.key_size);
      const CachedEntry& last = cache_.back();
      const char* prev_key = last.key_ptr != nullptr
                                 ? last.key_ptr
                                 : cache_keys_.data() + last.key_offset;
      e.key_ptr = nullptr;
      e.key_offset = static_cast<uint32_t>(cache_keys_.size());
      cache_keys_.append(prev_key, shared);
      cache_keys_.append(p, non_shared);
    }
    if (mode_ == KeyMode::kInternal && e.key_size < kNumInternalBytes) {
      SetCorrupted("internal key too short");
      return false;
    }
    const char* end =
        DecodeEntryValue(p + non_shared, limit, is_index_, value_delta_, shared,
                         value_length, prev_handle, &e.value, &e.handle);
    if (end == nullptr) {
      SetCorrupted("malformed entry value");
      return false;
    }
    e.next_offset = static_cast<uint32_t>(end - data_);
    prev_handle = e.handle;
    offset = e.next_offset;
    cache_.push_back(e);
  }
  if (offset != stop_offset) {
    SetCorrupted("entries overrun the next restart point");
    return false;
  }
  cache_restart_ = index;
  return true;
}

void BlockIter::PositionAtCached(size_t i) {
  const CachedEntry& e = cache_[i];
  current_ = e.offset;
  next_offset_ = e.next_offset;
  key_ = e.key_ptr != nullptr
             ? Slice(e.key_ptr, e.key_size)
             : Slice(cache_keys_.data() + e.key_offset, e.key_size);
  key_in_buf_ = false;
  value_ = e.value;
  handle_ = e.handle;
  restart_index_ = cache_restart_;
  UpdateSeqKey();
}

// ---- BlockIter: positioning -----------------------------------------------

void BlockIter::SeekToFirst() {
  if (!status_.ok()) return;
  if (num_restarts_ == 0) {
    MarkInvalid();
    return;
  }
  if (SeekToRestart(0)) ParseNextEntry();
}

void BlockIter::SeekToLast() {
  if (!status_.ok()) return;
  uint32_t index = num_restarts_;
  while (index > 0) {
    --index;
    if (!FillCache(index, restarts_)) return;
    if (!cache_.empty()) {
      PositionAtCached(cache_.size() - 1);
      return;
    }
  }
  MarkInvalid();
}

void BlockIter::Seek(const Slice& target) {
  if (!status_.ok()) return;
  if (num_restarts_ == 0) {
    MarkInvalid();
    return;
  }
  Slice t = target;
  if (mode_ == KeyMode::kUser && t.size() >= kNumInternalBytes) {
    t = ExtractUserKey(t);
  }
  // Find the last restart interval whose first key is < t.
  uint32_t left = 0;
  uint32_t right = num_restarts_ - 1;
  while (left < right) {
    const uint32_t mid = left + (right - left + 1) / 2;
    Slice k;
    if (!RestartKey(mid, &k)) return;
    const int c = CompareToTarget(k, t);
    if (c < 0) {
      left = mid;
    } else if (c > 0 || mode_ == KeyMode::kUser) {
      right = mid - 1;  // equal user keys may repeat: keep looking left
    } else {
      left = mid;  // exact match of a unique key
      break;
    }
  }
  if (!SeekToRestart(left)) return;
  while (ParseNextEntry()) {
    if (CompareToTarget(key(), t) >= 0) return;
  }
}

void BlockIter::SeekForPrev(const Slice& target) {
  if (!status_.ok()) return;
  Seek(target);
  if (!status_.ok()) return;
  if (!Valid()) {
    SeekToLast();
    return;
  }
  Slice t = target;
  if (mode_ == KeyMode::kUser && t.size() >= kNumInternalBytes) {
    t = ExtractUserKey(t);
  }
  if (CompareToTarget(key(), t) > 0) Prev();
}

void BlockIter::Next() { ParseNextEntry(); }

void BlockIter::Prev() {
  const uint32_t cur = current_;
  uint32_t index = restart_index_;
  if (cache_restart_ == index && !cache_.empty()) {
    if (cache_.back().next_offset == cur) {
      PositionAtCached(cache_.size() - 1);
      return;
    }
    auto it = std::lower_bound(
        cache_.begin(), cache_.end(), cur,
        [](const CachedEntry& e, uint32_t off) { return e.offset < off; });
    if (it != cache_.end() && it->offset == cur && it != cache_.begin()) {
      PositionAtCached(static_cast<size_t>(it - cache_.begin()) - 1);
      return;
    }
  }
  // The previous entry is in this interval unless cur starts it.
  while (RestartPoint(index) >= cur) {
    if (index == 0) {
      MarkInvalid();
      return;
    }
    --index;
  }
  if (!FillCache(index, cur)) return;
  if (cache_.empty()) {
    MarkInvalid();
    return;
  }
  PositionAtCached(cache_.size() - 1);
}

// ---- IndexBlockIter -------------------------------------------------------

Slice IndexBlockIter::value() const {
  if (!value_delta_encoded()) return BlockIter::value();
  char* end = handle().EncodeTo(value_buf_);
  return Slice(value_buf_, static_cast<size_t>(end - value_buf_));
}

}  // namespace ROCKSDB_NAMESPACE
