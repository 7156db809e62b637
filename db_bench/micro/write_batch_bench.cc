// Copyright (c) the rocksdb-cleanroom authors.
//
// Building a WriteBatch of db_bench-sized entries (16-byte keys, 100-byte
// values) and iterating it with a Handler, the write path before the WAL.

#include <benchmark/benchmark.h>

#include <string>

#include "rocksdb/write_batch.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class CountingHandler : public WriteBatch::Handler {
 public:
  Status PutCF(uint32_t /*cf*/, const Slice& key, const Slice& value) override {
    bytes_ += key.size() + value.size();
    return Status::OK();
  }
  Status DeleteCF(uint32_t /*cf*/, const Slice& key) override {
    bytes_ += key.size();
    return Status::OK();
  }
  size_t bytes() const { return bytes_; }

 private:
  size_t bytes_ = 0;
};

void FillBatch(WriteBatch* batch, int entries) {
  char key[16] = {};
  const std::string value(100, 'v');
  for (int i = 0; i < entries; i++) {
    EncodeFixed64(key, static_cast<uint64_t>(i));
    Status s = batch->Put(Slice(key, sizeof(key)), value);
    s.PermitUncheckedError();
  }
}

void BM_WriteBatchBuild(benchmark::State& state) {
  const int entries = static_cast<int>(state.range(0));
  WriteBatch batch;
  for (auto _ : state) {
    batch.Clear();
    FillBatch(&batch, entries);
    benchmark::DoNotOptimize(batch.Data().data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * entries);
}
BENCHMARK(BM_WriteBatchBuild)->Arg(1)->Arg(100);

void BM_WriteBatchIterate(benchmark::State& state) {
  const int entries = static_cast<int>(state.range(0));
  WriteBatch batch;
  FillBatch(&batch, entries);
  for (auto _ : state) {
    CountingHandler handler;
    Status s = batch.Iterate(&handler);
    benchmark::DoNotOptimize(handler.bytes());
    s.PermitUncheckedError();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * entries);
}
BENCHMARK(BM_WriteBatchIterate)->Arg(100);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
