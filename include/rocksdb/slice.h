// Copyright (c) the rocksdb-cleanroom authors.
//
// Slice: a non-owning view of bytes (pointer + length). The bytes must
// outlive the Slice. PinnableSlice: a Slice that either points at memory
// pinned by someone else (released through its Cleanable callbacks) or at
// its own buffer. SliceParts: several Slices read as one concatenation.
// Const methods are thread-safe; mutation needs external synchronization.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "rocksdb/cleanable.h"

namespace ROCKSDB_NAMESPACE {

class Slice {
 public:
  // An empty slice.
  Slice() : data_(""), size_(0) {}

  // Views d[0, n).
  Slice(const char* d, size_t n) : data_(d), size_(n) {}

  // Views the contents of s (implicit on purpose).
  /* implicit */
  Slice(const std::string& s) : data_(s.data()), size_(s.size()) {}

  // Views the contents of sv (implicit on purpose).
  /* implicit */
  Slice(const std::string_view& sv) : data_(sv.data()), size_(sv.size()) {}

  // Views the NUL-terminated string s; a null s gives an empty size.
  /* implicit */
  Slice(const char* s) : data_(s) { size_ = (s == nullptr) ? 0 : strlen(s); }

  // Concatenates parts into *buf and views *buf. REQUIRES: *buf outlives the
  // Slice and is not modified meanwhile.
  Slice(const struct SliceParts& parts, std::string* buf);

  const char* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // REQUIRES: n < size()
  char operator[](size_t n) const {
    assert(n < size());
    return data_[n];
  }

  // Makes this an empty slice.
  void clear() {
    data_ = "";
    size_ = 0;
  }

  // REQUIRES: n <= size()
  void remove_prefix(size_t n) {
    assert(n <= size());
    data_ += n;
    size_ -= n;
  }

  // REQUIRES: n <= size()
  void remove_suffix(size_t n) {
    assert(n <= size());
    size_ -= n;
  }

  // A copy of the bytes; with hex, two upper-case hex digits per byte.
  std::string ToString(bool hex = false) const;

  std::string_view ToStringView() const {
    return std::string_view(data_, size_);
  }

  // Parses this slice as hex digits (upper or lower case, even count) into
  // *result. Returns false (leaving *result partly written) on malformed
  // input.
  bool DecodeHex(std::string* result) const;

  // Byte-wise three-way comparison: <0, 0, >0 as *this is less than, equal
  // to or greater than b.
  int compare(const Slice& b) const;

  // True iff x is a prefix of *this.
  bool starts_with(const Slice& x) const {
    return size_ >= x.size_ && memcmp(data_, x.data_, x.size_) == 0;
  }

  // True iff x is a suffix of *this.
  bool ends_with(const Slice& x) const {
    return size_ >= x.size_ &&
           memcmp(data_ + size_ - x.size_, x.data_, x.size_) == 0;
  }

  // Length of the common prefix of *this and b.
  size_t difference_offset(const Slice& b) const;

  // Public so that language bindings can reach them; treat as private.
  const char* data_;
  size_t size_;

  // Copyable by design.
};

// A value slot filled by reads. Either pinned (points at memory someone else
// keeps alive until Reset/destruction runs the registered cleanups) or
// self-backed (points into GetSelf(), a string owned by this object or
// supplied by the caller, who must keep it alive).
class PinnableSlice : public Slice, public Cleanable {
 public:
  PinnableSlice() { buf_ = &self_space_; }
  // Uses *buf as the self-backing buffer; the caller keeps ownership.
  explicit PinnableSlice(std::string* buf) { buf_ = buf; }

  PinnableSlice(PinnableSlice&& other);
  PinnableSlice& operator=(PinnableSlice&& other);

  PinnableSlice(PinnableSlice&) = delete;
  PinnableSlice& operator=(PinnableSlice&) = delete;

  // Points at s and registers f(arg1, arg2) to release it.
  // REQUIRES: !IsPinned()
  inline void PinSlice(const Slice& s, CleanupFunction f, void* arg1,
                       void* arg2) {
    assert(!pinned_);
    pinned_ = true;
    data_ = s.data();
    size_ = s.size();
    RegisterCleanup(f, arg1, arg2);
  }

  // Points at s and takes over cleanable's cleanups (if it is non-null).
  // REQUIRES: !IsPinned()
  inline void PinSlice(const Slice& s, Cleanable* cleanable) {
    assert(!pinned_);
    pinned_ = true;
    data_ = s.data();
    size_ = s.size();
    if (cleanable != nullptr) {
      cleanable->DelegateCleanupsTo(this);
    }
  }

  // Copies slice into the self buffer and points at it.
  // REQUIRES: !IsPinned()
  inline void PinSelf(const Slice& slice) {
    assert(!pinned_);
    buf_->assign(slice.data(), slice.size());
    data_ = buf_->data();
    size_ = buf_->size();
  }

  // Points at the current contents of the self buffer (after the caller
  // wrote into GetSelf()). REQUIRES: !IsPinned()
  inline void PinSelf() {
    assert(!pinned_);
    data_ = buf_->data();
    size_ = buf_->size();
  }

  // Shrinks the view; a self-backed value shrinks its buffer too.
  void remove_suffix(size_t n) {
    assert(n <= size());
    if (pinned_) {
      size_ -= n;
    } else {
      buf_->erase(size() - n, n);
      PinSelf();
    }
  }

  void remove_prefix(size_t n) {
    assert(n <= size());
    if (pinned_) {
      data_ += n;
      size_ -= n;
    } else {
      buf_->erase(0, n);
      PinSelf();
    }
  }

  // Runs the cleanups (releasing any pin) and empties the view. The self
  // buffer keeps its contents.
  void Reset() {
    Cleanable::Reset();
    pinned_ = false;
    size_ = 0;
  }

  // The self-backing buffer.
  inline std::string* GetSelf() { return buf_; }

  inline bool IsPinned() const { return pinned_; }

 private:
  friend class PinnableSlice4Test;
  std::string self_space_;
  std::string* buf_;
  bool pinned_ = false;
};

// num_parts Slices at parts[0..num_parts), read as one concatenation. Does
// not own the array.
struct SliceParts {
  SliceParts(const Slice* _parts, int _num_parts)
      : parts(_parts), num_parts(_num_parts) {}
  SliceParts() : parts(nullptr), num_parts(0) {}

  const Slice* parts;
  int num_parts;
};

inline bool operator==(const Slice& x, const Slice& y) {
  return x.size() == y.size() && memcmp(x.data(), y.data(), x.size()) == 0;
}

inline bool operator!=(const Slice& x, const Slice& y) { return !(x == y); }

inline int Slice::compare(const Slice& b) const {
  const size_t common = size_ < b.size_ ? size_ : b.size_;
  const int r = memcmp(data_, b.data_, common);
  if (r != 0) return r;
  if (size_ == b.size_) return 0;
  return size_ < b.size_ ? -1 : 1;
}

inline size_t Slice::difference_offset(const Slice& b) const {
  const size_t common = size_ < b.size_ ? size_ : b.size_;
  size_t i = 0;
  while (i < common && data_[i] == b.data_[i]) ++i;
  return i;
}

}  // namespace ROCKSDB_NAMESPACE
