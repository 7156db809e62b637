// Copyright (c) the rocksdb-cleanroom authors.
//
// Arena: bump-pointer allocation from large blocks, all freed together when
// the Arena is destroyed (memtables and skiplist nodes). Not thread-safe:
// callers serialize Allocate*; MemoryUsage() may be read from any thread.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class Arena {
 public:
  static constexpr size_t kDefaultBlockSize = 4096;
  static constexpr size_t kMinBlockSize = 4096;
  static constexpr size_t kMaxBlockSize = 2u << 30;
  // Alignment of AllocateAligned (enough for any scalar and pointers).
  static constexpr size_t kAlignUnit = alignof(std::max_align_t);

  // block_size is clamped to [kMinBlockSize, kMaxBlockSize] and rounded up
  // to a multiple of kAlignUnit.
  explicit Arena(size_t block_size = kDefaultBlockSize);
  ~Arena();

  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Returns bytes of uninitialized memory with no alignment guarantee,
  // valid until the Arena is destroyed. REQUIRES: bytes > 0
  char* Allocate(size_t bytes);

  // Like Allocate, aligned to kAlignUnit. REQUIRES: bytes > 0
  char* AllocateAligned(size_t bytes);

  // Bytes obtained from the system so far (blocks plus bookkeeping).
  size_t MemoryUsage() const {
    return memory_usage_.load(std::memory_order_relaxed);
  }

  // Bytes handed out by Allocate*/AllocateAligned so far, including padding
  // for alignment.
  size_t ApproximateMemoryUsed() const { return bytes_used_; }

  // Unused bytes left in the current block.
  size_t AllocatedAndUnused() const { return remaining_; }

  size_t BlockSize() const { return block_size_; }

  // True if no allocation has been made.
  bool IsInInlineBlock() const { return blocks_.empty(); }

 private:
  // Serves an allocation that did not fit into the current block.
  char* AllocateFallback(size_t bytes);
  // Allocates a new block of block_bytes and records it.
  char* NewBlock(size_t block_bytes);

  const size_t block_size_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;  // next free byte of the current block
  size_t remaining_ = 0;    // bytes left after cursor_
  size_t bytes_used_ = 0;
  std::atomic<size_t> memory_usage_{0};
};

}  // namespace ROCKSDB_NAMESPACE
