// Copyright (c) the rocksdb-cleanroom authors.
//
// Block cache trace writer. Placeholder until block cache tracing lands:
// the built-in writer refuses every record.

#include "rocksdb/block_cache_trace_writer.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

const uint64_t BlockCacheTraceRecord::kReservedGetId = 0;

namespace {

class UnimplementedBlockCacheTraceWriter : public BlockCacheTraceWriter {
 public:
  explicit UnimplementedBlockCacheTraceWriter(
      std::unique_ptr<TraceWriter>&& trace_writer)
      : trace_writer_(std::move(trace_writer)) {}

  Status WriteBlockAccess(const BlockCacheTraceRecord& /*record*/,
                          const Slice& /*block_key*/, const Slice& /*cf_name*/,
                          const Slice& /*referenced_key*/) override {
    return NotImplemented("BlockCacheTraceWriter::WriteBlockAccess");
  }

  Status WriteHeader() override {
    return NotImplemented("BlockCacheTraceWriter::WriteHeader");
  }

 private:
  // Owned so that it is closed with this writer, as callers expect.
  std::unique_ptr<TraceWriter> trace_writer_;
};

}  // namespace

std::unique_ptr<BlockCacheTraceWriter> NewBlockCacheTraceWriter(
    SystemClock* /*clock*/, const BlockCacheTraceWriterOptions& /*options*/,
    std::unique_ptr<TraceWriter>&& trace_writer) {
  return std::unique_ptr<BlockCacheTraceWriter>(
      new UnimplementedBlockCacheTraceWriter(std::move(trace_writer)));
}

}  // namespace ROCKSDB_NAMESPACE
