// Copyright (c) the rocksdb-cleanroom authors.
//
// XXH3 (block checksums, filters) and the in-memory Hash32 over key-sized
// and block-sized inputs.

#include <benchmark/benchmark.h>

#include <string>

#include "util/hash.h"

namespace ROCKSDB_NAMESPACE {
namespace {

void BM_XXH3_64(benchmark::State& state) {
  const std::string data(static_cast<size_t>(state.range(0)), 'x');
  for (auto _ : state) {
    benchmark::DoNotOptimize(XXH3_64(data.data(), data.size()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
}
BENCHMARK(BM_XXH3_64)->Arg(16)->Arg(4096);

void BM_Hash32(benchmark::State& state) {
  const std::string data(static_cast<size_t>(state.range(0)), 'y');
  for (auto _ : state) {
    benchmark::DoNotOptimize(Hash32(data.data(), data.size(), 0xbc9f1d34));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
}
BENCHMARK(BM_Hash32)->Arg(16);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
