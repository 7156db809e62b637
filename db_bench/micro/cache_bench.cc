// Copyright (c) the rocksdb-cleanroom authors.
//
// Block cache (NewLRUCache) lookups that hit, lookups that miss, and
// inserts that evict, through the public Cache interface.

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/cache.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr int kKeys = 1 << 14;

void DeleteNothing(const Slice& /*key*/, void* /*value*/) {}

std::vector<std::string> MakeKeys(int n, uint64_t offset) {
  std::vector<std::string> keys(n);
  for (int i = 0; i < n; i++) {
    keys[i].resize(16);
    EncodeFixed64(&keys[i][0], offset + i);
    EncodeFixed64(&keys[i][8], (offset + i) * 0x9e3779b97f4a7c15ull);
  }
  return keys;
}

std::shared_ptr<Cache> FilledCache(const std::vector<std::string>& keys,
                                   size_t capacity) {
  std::shared_ptr<Cache> cache = NewLRUCache(capacity, 4);
  static int value = 0;
  for (const std::string& k : keys) {
    Status s = cache->Insert(k, &value, 1, &DeleteNothing);
    s.PermitUncheckedError();
  }
  return cache;
}

void BM_LRUCacheLookupHit(benchmark::State& state) {
  const std::vector<std::string> keys = MakeKeys(kKeys, 0);
  std::shared_ptr<Cache> cache = FilledCache(keys, 1 << 20);
  size_t i = 0;
  for (auto _ : state) {
    Cache::Handle* h = cache->Lookup(keys[i++ % keys.size()]);
    if (h != nullptr) cache->Release(h);
    benchmark::DoNotOptimize(h);
  }
}
BENCHMARK(BM_LRUCacheLookupHit);

void BM_LRUCacheLookupMiss(benchmark::State& state) {
  std::shared_ptr<Cache> cache = FilledCache(MakeKeys(kKeys, 0), 1 << 20);
  const std::vector<std::string> missing = MakeKeys(kKeys, 1 << 30);
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cache->Lookup(missing[i++ % missing.size()]));
  }
}
BENCHMARK(BM_LRUCacheLookupMiss);

void BM_LRUCacheInsertEvict(benchmark::State& state) {
  const std::vector<std::string> keys = MakeKeys(kKeys, 0);
  // Room for a quarter of the keys: most inserts evict.
  std::shared_ptr<Cache> cache = NewLRUCache(kKeys / 4, 4);
  static int value = 0;
  size_t i = 0;
  for (auto _ : state) {
    Status s =
        cache->Insert(keys[i++ % keys.size()], &value, 1, &DeleteNothing);
    benchmark::DoNotOptimize(s);
    s.PermitUncheckedError();
  }
}
BENCHMARK(BM_LRUCacheInsertEvict);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
