// Copyright (c) the rocksdb-cleanroom authors.
//
// Arena allocation: the current block is carved from the front. A request
// larger than a quarter block gets a block of its own so that the tail of
// the current block is not wasted.
#include "util/arena.h"

#include <algorithm>
#include <cstdint>

namespace ROCKSDB_NAMESPACE {

namespace {

size_t SanitizeBlockSize(size_t size) {
  size = std::max(Arena::kMinBlockSize, std::min(Arena::kMaxBlockSize, size));
  const size_t unit = Arena::kAlignUnit;
  return (size + unit - 1) / unit * unit;
}

// Bytes needed to move p up to the next multiple of kAlignUnit.
size_t AlignmentSlop(const char* p) {
  const size_t mod = reinterpret_cast<uintptr_t>(p) & (Arena::kAlignUnit - 1);
  return mod == 0 ? 0 : Arena::kAlignUnit - mod;
}

}  // namespace

Arena::Arena(size_t block_size) : block_size_(SanitizeBlockSize(block_size)) {}

Arena::~Arena() = default;

char* Arena::Allocate(size_t bytes) {
  if (bytes <= remaining_) {
    char* result = cursor_;
    cursor_ += bytes;
    remaining_ -= bytes;
    bytes_used_ += bytes;
    return result;
  }
  return AllocateFallback(bytes);
}

char* Arena::AllocateAligned(size_t bytes) {
  const size_t slop = AlignmentSlop(cursor_);
  if (cursor_ != nullptr && slop + bytes <= remaining_) {
    char* result = cursor_ + slop;
    cursor_ += slop + bytes;
    remaining_ -= slop + bytes;
    bytes_used_ += slop + bytes;
    return result;
  }
  return AllocateFallback(bytes);
}

// Fresh blocks come from new[], which aligns them for any scalar type, so
// the result suits AllocateAligned too.
char* Arena::AllocateFallback(size_t bytes) {
  bytes_used_ += bytes;
  if (bytes > block_size_ / 4) {
    return NewBlock(bytes);
  }
  // Start a new block and drop what is left of the current one.
  char* block = NewBlock(block_size_);
  cursor_ = block + bytes;
  remaining_ = block_size_ - bytes;
  return block;
}

char* Arena::NewBlock(size_t block_bytes) {
  blocks_.emplace_back(new char[block_bytes]);
  memory_usage_.fetch_add(block_bytes + sizeof(std::unique_ptr<char[]>),
                          std::memory_order_relaxed);
  return blocks_.back().get();
}

}  // namespace ROCKSDB_NAMESPACE
