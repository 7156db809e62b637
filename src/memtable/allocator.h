// Copyright (c) the rocksdb-cleanroom authors.
//
// Allocator: where a MemTableRep takes the memory of its entries (the public
// memtablerep.h only forward-declares it). A memtable passes its arena
// through this interface; memory lives until the allocator is destroyed.
#pragma once

#include <cstddef>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class Logger;

class Allocator {
 public:
  virtual ~Allocator() {}

  // bytes of unaligned memory, valid until the allocator is destroyed.
  virtual char* Allocate(size_t bytes) = 0;

  // bytes of pointer-aligned memory. huge_page_size > 0 asks for huge pages
  // (may be ignored); logger receives a warning when they are unavailable.
  virtual char* AllocateAligned(size_t bytes, size_t huge_page_size = 0,
                                Logger* logger = nullptr) = 0;

  // Size of the blocks the allocator carves allocations from.
  virtual size_t BlockSize() const = 0;
};

}  // namespace ROCKSDB_NAMESPACE
