// Copyright (c) the rocksdb-cleanroom authors.
//
// Block cache micro-benchmarks: Lookup + Release of keys that are cached
// (the hit path of every cached block read), Lookup of absent keys, and
// Insert with eviction (the miss path). Keys look like the table reader's:
// a 16-byte per-file prefix and a varint offset. range(0) is the number of
// cached entries; 64 shards as NewLRUCache picks for a large cache.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/cache.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr size_t kCharge = 4096;

std::string BlockKey(uint64_t file, uint64_t offset) {
  std::string key;
  PutFixed64(&key, 0x5eed0000ull + file);
  PutFixed64(&key, file * 0x9e3779b97f4a7c15ull);
  PutVarint64(&key, offset);
  return key;
}

void NoopDeleter(const Slice& /*key*/, void* /*value*/) {}

std::vector<std::string> FilledCache(int n, std::shared_ptr<Cache>* cache) {
  *cache = NewLRUCache(static_cast<size_t>(n) * kCharge * 2, 6);
  std::vector<std::string> keys;
  keys.reserve(n);
  for (int i = 0; i < n; ++i) {
    keys.push_back(BlockKey(i % 64, static_cast<uint64_t>(i) * kCharge));
    (*cache)->Insert(keys.back(), &keys, kCharge, &NoopDeleter);
  }
  Random64 rnd(301);
  for (size_t i = keys.size(); i > 1; --i) {
    std::swap(keys[i - 1], keys[rnd.Uniform(i)]);
  }
  return keys;
}

void BM_CacheLookupHit(benchmark::State& state) {
  std::shared_ptr<Cache> cache;
  const std::vector<std::string> keys =
      FilledCache(static_cast<int>(state.range(0)), &cache);
  size_t i = 0;
  for (auto _ : state) {
    Cache::Handle* h = cache->Lookup(keys[i]);
    benchmark::DoNotOptimize(cache->Value(h));
    cache->Release(h);
    if (++i == keys.size()) i = 0;
  }
}
BENCHMARK(BM_CacheLookupHit)->Arg(10000)->Arg(1000000);

void BM_CacheLookupMiss(benchmark::State& state) {
  std::shared_ptr<Cache> cache;
  const std::vector<std::string> keys =
      FilledCache(static_cast<int>(state.range(0)), &cache);
  std::vector<std::string> absent;
  for (size_t j = 0; j < 4096; ++j) absent.push_back(BlockKey(999, j));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cache->Lookup(absent[i]));
    if (++i == absent.size()) i = 0;
  }
}
BENCHMARK(BM_CacheLookupMiss)->Arg(10000)->Arg(1000000);

void BM_CacheInsertEvict(benchmark::State& state) {
  std::shared_ptr<Cache> cache;
  const int n = static_cast<int>(state.range(0));
  FilledCache(n, &cache);
  cache->SetCapacity(static_cast<size_t>(n) * kCharge);
  uint64_t offset = 0;
  std::string key;
  for (auto _ : state) {
    key = BlockKey(1000, offset++);
    cache->Insert(key, nullptr, kCharge, &NoopDeleter);
  }
}
BENCHMARK(BM_CacheInsertEvict)->Arg(10000);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
