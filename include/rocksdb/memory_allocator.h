// Copyright (c) the rocksdb-cleanroom authors.
//
// MemoryAllocator: a pluggable allocator for cache blocks, plus the jemalloc
// "no dump" allocator factory.
#pragma once

#include <memory>

#include "rocksdb/customizable.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Supplies the memory for cached blocks. Every method may be called from
// several threads at once and must be thread-safe.
class MemoryAllocator : public Customizable {
 public:
  static const char* Type() { return "MemoryAllocator"; }
  static Status CreateFromString(const ConfigOptions& options,
                                 const std::string& value,
                                 std::shared_ptr<MemoryAllocator>* result);

  // Returns a block of at least `size` bytes.
  virtual void* Allocate(size_t size) = 0;

  // Frees a block returned by Allocate().
  virtual void Deallocate(void* p) = 0;

  // Usable bytes of the block at `p`, which was allocated with
  // `allocation_size` bytes; by default exactly that.
  virtual size_t UsableSize(void* /*p*/, size_t allocation_size) const {
    return allocation_size;
  }

  std::string GetId() const override { return GenerateIndividualId(); }
};

// Tuning of the jemalloc thread cache used by NewJemallocNodumpAllocator().
struct JemallocAllocatorOptions {
  static const char* kName() { return "JemallocAllocatorOptions"; }
  // Only allocations whose size lies in
  // [tcache_size_lower_bound, tcache_size_upper_bound] use the thread cache
  // when this is true.
  bool limit_tcache_size = false;
  size_t tcache_size_lower_bound = 1024;
  size_t tcache_size_upper_bound = 16 * 1024;
};

// Creates an allocator backed by a private jemalloc arena whose pages are
// excluded from core dumps. Returns NotSupported when the library was built
// without jemalloc (as this one is).
extern Status NewJemallocNodumpAllocator(
    JemallocAllocatorOptions& options,
    std::shared_ptr<MemoryAllocator>* memory_allocator);

}  // namespace ROCKSDB_NAMESPACE
