// Copyright (c) the rocksdb-cleanroom authors.
//
// The allocators behind MemoryAllocator::CreateFromString(): the system
// allocator ("DefaultMemoryAllocator"); jemalloc is not compiled in.

#include "rocksdb/memory_allocator.h"

#include <cstdlib>
#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Allocates with malloc/free.
class DefaultMemoryAllocator : public MemoryAllocator {
 public:
  static const char* kClassName() { return "DefaultMemoryAllocator"; }
  const char* Name() const override { return kClassName(); }
  void* Allocate(size_t size) override { return std::malloc(size); }
  void Deallocate(void* p) override { std::free(p); }
};

const char* const kJemallocName = "JemallocNodumpAllocator";

}  // namespace

Status MemoryAllocator::CreateFromString(
    const ConfigOptions& options, const std::string& value,
    std::shared_ptr<MemoryAllocator>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s = Configurable::GetOptionsMap(value, "", &id, &opts);
  if (!s.ok()) return s;
  if (id.empty() || id == "nullptr") {
    result->reset();
    return Status::OK();
  }
  if (id == DefaultMemoryAllocator::kClassName()) {
    auto allocator = std::make_shared<DefaultMemoryAllocator>();
    s = Customizable::ConfigureNewObject(options, allocator.get(), opts);
    if (!s.ok()) return s;
    *result = std::move(allocator);
    return Status::OK();
  }
  if (id == kJemallocName) {
    return Status::InvalidArgument("Not compiled with ROCKSDB_JEMALLOC", id);
  }
  if (options.ignore_unsupported_options) return Status::OK();
  return Status::NotSupported("Could not load MemoryAllocator", id);
}

Status NewJemallocNodumpAllocator(
    JemallocAllocatorOptions& /*options*/,
    std::shared_ptr<MemoryAllocator>* /*memory_allocator*/) {
  return Status::NotSupported("Not compiled with JEMALLOC");
}

}  // namespace ROCKSDB_NAMESPACE
