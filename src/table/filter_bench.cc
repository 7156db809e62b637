// Copyright (c) the rocksdb-cleanroom authors.
//
// FastLocalBloom micro-benchmarks: building a filter (AddKey + Finish) and
// probing it with present and absent 16-byte keys, one at a time and in
// MultiGet-sized batches, at 10 bits/key. range(0) is the number of keys:
// 10K keeps the filter in L1/L2, 1M (1.2 MiB) spills to L3 or memory.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "table/filter_bits.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr int kMillibitsPerKey = 10000;

// Key i: big-endian i then a hash of i, 16 bytes.
std::string BenchKey(uint64_t i) {
  std::string key(16, '\0');
  for (int b = 0; b < 8; ++b) key[b] = static_cast<char>(i >> (56 - 8 * b));
  EncodeFixed64(&key[8], i * 0x9e3779b97f4a7c15ull);
  return key;
}

std::vector<std::string> BenchKeys(uint64_t begin, uint64_t n) {
  std::vector<std::string> keys;
  keys.reserve(n);
  for (uint64_t i = begin; i < begin + n; ++i) keys.push_back(BenchKey(i));
  Random64 rnd(301);
  for (size_t i = keys.size(); i > 1; --i) {
    std::swap(keys[i - 1], keys[rnd.Uniform(i)]);
  }
  return keys;
}

void BM_BloomBuild(benchmark::State& state) {
  const std::vector<std::string> keys = BenchKeys(0, state.range(0));
  std::unique_ptr<FilterBitsBuilder> builder =
      NewFastLocalBloomBuilder(kMillibitsPerKey);
  for (auto _ : state) {
    for (const std::string& k : keys) builder->AddKey(k);
    std::unique_ptr<const char[]> buf;
    benchmark::DoNotOptimize(builder->Finish(&buf).size());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          state.range(0));
}
BENCHMARK(BM_BloomBuild)->Arg(10000)->Arg(1 << 20);

// range(1): 1 = probe keys that were added, 0 = absent keys.
void BM_BloomProbe(benchmark::State& state) {
  const uint64_t n = state.range(0);
  std::unique_ptr<FilterBitsBuilder> builder =
      NewFastLocalBloomBuilder(kMillibitsPerKey);
  for (const std::string& k : BenchKeys(0, n)) builder->AddKey(k);
  std::unique_ptr<const char[]> buf;
  const Slice filter = builder->Finish(&buf);
  std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(filter);
  const std::vector<std::string> probes =
      BenchKeys(state.range(1) != 0 ? 0 : n, n);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(reader->MayMatch(probes[i]));
    if (++i == probes.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_BloomProbe)->ArgsProduct({{10000, 1 << 20}, {0, 1}});

// Batches of 32 absent keys through the batch MayMatch.
void BM_BloomProbeBatch(benchmark::State& state) {
  const uint64_t n = state.range(0);
  std::unique_ptr<FilterBitsBuilder> builder =
      NewFastLocalBloomBuilder(kMillibitsPerKey);
  for (const std::string& k : BenchKeys(0, n)) builder->AddKey(k);
  std::unique_ptr<const char[]> buf;
  const Slice filter = builder->Finish(&buf);
  std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(filter);
  const std::vector<std::string> probes = BenchKeys(n, n);
  std::vector<Slice> slices(probes.begin(), probes.end());
  std::vector<Slice*> ptrs;
  for (Slice& s : slices) ptrs.push_back(&s);
  constexpr int kBatch = 32;
  bool may_match[kBatch];
  size_t i = 0;
  for (auto _ : state) {
    reader->MayMatch(kBatch, &ptrs[i], may_match);
    benchmark::DoNotOptimize(may_match[0]);
    i += kBatch;
    if (i + kBatch > ptrs.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kBatch);
}
BENCHMARK(BM_BloomProbeBatch)->Arg(10000)->Arg(1 << 20);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
