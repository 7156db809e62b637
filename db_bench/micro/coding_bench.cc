// Copyright (c) the rocksdb-cleanroom authors.
//
// Fixed-width and varint encoding/decoding, the inner loop of every block
// and WAL record.

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Values spread over all varint lengths.
std::vector<uint64_t> SampleValues() {
  std::vector<uint64_t> values;
  uint64_t v = 1;
  for (int i = 0; i < 1024; i++) {
    values.push_back(v >> (i % 64));
    v = v * 6364136223846793005ull + 1442695040888963407ull;
  }
  return values;
}

void BM_PutVarint64(benchmark::State& state) {
  const std::vector<uint64_t> values = SampleValues();
  std::string buf;
  for (auto _ : state) {
    buf.clear();
    for (uint64_t v : values) PutVarint64(&buf, v);
    benchmark::DoNotOptimize(buf.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(values.size()));
}
BENCHMARK(BM_PutVarint64);

void BM_GetVarint64(benchmark::State& state) {
  std::string buf;
  const std::vector<uint64_t> values = SampleValues();
  for (uint64_t v : values) PutVarint64(&buf, v);
  for (auto _ : state) {
    Slice in(buf);
    uint64_t v = 0;
    while (GetVarint64(&in, &v)) benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(values.size()));
}
BENCHMARK(BM_GetVarint64);

void BM_GetVarint32Ptr(benchmark::State& state) {
  std::string buf;
  for (uint32_t i = 0; i < 1024; i++)
    PutVarint32(&buf, i * 2654435761u >> (i % 32));
  for (auto _ : state) {
    const char* p = buf.data();
    const char* limit = p + buf.size();
    uint32_t v = 0;
    while (p != nullptr && p < limit) {
      p = GetVarint32Ptr(p, limit, &v);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 1024);
}
BENCHMARK(BM_GetVarint32Ptr);

void BM_Fixed64RoundTrip(benchmark::State& state) {
  char buf[8 * 64];
  uint64_t sum = 0;
  for (auto _ : state) {
    for (int i = 0; i < 64; i++) EncodeFixed64(buf + 8 * i, sum + i);
    for (int i = 0; i < 64; i++) sum += DecodeFixed64(buf + 8 * i);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 64);
}
BENCHMARK(BM_Fixed64RoundTrip);

void BM_LengthPrefixedSlice(benchmark::State& state) {
  const std::string key(16, 'k');
  std::string buf;
  for (auto _ : state) {
    buf.clear();
    for (int i = 0; i < 64; i++) PutLengthPrefixedSlice(&buf, key);
    Slice in(buf);
    Slice out;
    while (GetLengthPrefixedSlice(&in, &out)) benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 64);
}
BENCHMARK(BM_LengthPrefixedSlice);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
