// Copyright (c) the rocksdb-cleanroom authors.
//
// Slice hex conversion and SliceParts joining; PinnableSlice moves.
#include "rocksdb/slice.h"

#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

// Value of one hex digit, or -1.
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// The parts are appended to whatever *buf already holds, and the Slice views
// all of *buf (RocksDB 7.8.3 behaves the same way).
Slice::Slice(const SliceParts& parts, std::string* buf) {
  size_t extra = 0;
  for (int i = 0; i < parts.num_parts; ++i) extra += parts.parts[i].size();
  buf->reserve(buf->size() + extra);
  for (int i = 0; i < parts.num_parts; ++i) {
    buf->append(parts.parts[i].data(), parts.parts[i].size());
  }
  data_ = buf->data();
  size_ = buf->size();
}

std::string Slice::ToString(bool hex) const {
  if (!hex) return std::string(data_, size_);
  static const char kDigits[] = "0123456789ABCDEF";
  std::string result;
  result.reserve(2 * size_);
  for (size_t i = 0; i < size_; ++i) {
    const unsigned char c = static_cast<unsigned char>(data_[i]);
    result.push_back(kDigits[c >> 4]);
    result.push_back(kDigits[c & 0xf]);
  }
  return result;
}

// An odd length fails before *result is touched; otherwise *result is
// cleared and receives every byte decoded before the first bad digit.
bool Slice::DecodeHex(std::string* result) const {
  if (size_ % 2 != 0) return false;
  result->clear();
  result->reserve(size_ / 2);
  for (size_t i = 0; i < size_; i += 2) {
    const int hi = HexValue(data_[i]);
    const int lo = HexValue(data_[i + 1]);
    if (hi < 0 || lo < 0) return false;
    result->push_back(static_cast<char>((hi << 4) | lo));
  }
  return true;
}

// A moved PinnableSlice keeps pointing where the source did, except that a
// value held in the source's own buffer moves into the target's own buffer.
// The source is left empty, unpinned and using its own buffer.
PinnableSlice::PinnableSlice(PinnableSlice&& other) {
  *this = std::move(other);
}

PinnableSlice& PinnableSlice::operator=(PinnableSlice&& other) {
  if (this == &other) return *this;
  Cleanable::operator=(std::move(other));
  pinned_ = other.pinned_;
  if (!pinned_ && other.buf_ == &other.self_space_) {
    self_space_ = std::move(other.self_space_);
    buf_ = &self_space_;
    data_ = buf_->data();
    size_ = buf_->size();
  } else {
    buf_ = other.buf_;
    data_ = other.data_;
    size_ = other.size_;
  }
  other.self_space_.clear();
  other.buf_ = &other.self_space_;
  other.pinned_ = false;
  other.clear();
  return *this;
}

}  // namespace ROCKSDB_NAMESPACE
