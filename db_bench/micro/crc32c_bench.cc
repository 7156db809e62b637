// Copyright (c) the rocksdb-cleanroom authors.
//
// CRC32C throughput over typical block sizes, with the dispatched
// (hardware when available) path and the portable table path.

#include <benchmark/benchmark.h>

#include <string>

#include "util/crc32c.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string MakeData(size_t n) {
  std::string data(n, '\0');
  for (size_t i = 0; i < n; i++) data[i] = static_cast<char>(i * 131 + 7);
  return data;
}

void BM_Crc32cValue(benchmark::State& state) {
  const std::string data = MakeData(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(crc32c::Value(data.data(), data.size()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
}
BENCHMARK(BM_Crc32cValue)->Arg(64)->Arg(4096)->Arg(65536);

void BM_Crc32cPortable(benchmark::State& state) {
  const std::string data = MakeData(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        crc32c::ExtendPortable(0, data.data(), data.size()));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
}
BENCHMARK(BM_Crc32cPortable)->Arg(4096);

void BM_Crc32cMaskUnmask(benchmark::State& state) {
  uint32_t crc = 0x12345678u;
  for (auto _ : state) {
    crc = crc32c::Unmask(crc32c::Mask(crc)) + 1;
    benchmark::DoNotOptimize(crc);
  }
}
BENCHMARK(BM_Crc32cMaskUnmask);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
