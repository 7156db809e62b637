// Copyright (c) the rocksdb-cleanroom authors.
//
// Memtable micro-benchmarks (issue #4): inserting 1M 16-byte keys with
// 100-byte values in sequential and random order, serially and from two
// threads with concurrent inserts, and point lookups in the filled table.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "memtable/memtable.h"
#include "rocksdb/comparator.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr int kKeys = 1 << 20;
constexpr int kKeySize = 16;

// Key i: big-endian i in the first 8 bytes so byte order is numeric order;
// a hash of i in the rest.
std::string MakeKey(uint64_t i) {
  std::string key(kKeySize, '\0');
  for (int b = 0; b < 8; ++b) {
    key[b] = static_cast<char>(i >> (56 - 8 * b));
  }
  EncodeFixed64(&key[8], i * 0x9e3779b97f4a7c15ull);
  return key;
}

std::vector<std::string> MakeKeys(bool random_order) {
  std::vector<std::string> keys;
  keys.reserve(kKeys);
  for (int i = 0; i < kKeys; ++i) keys.push_back(MakeKey(i));
  if (random_order) {
    Random64 rnd(301);
    for (size_t i = keys.size(); i > 1; --i) {
      std::swap(keys[i - 1], keys[rnd.Uniform(i)]);
    }
  }
  return keys;
}

std::unique_ptr<MemTable> NewMemTable(const InternalKeyComparator& icmp) {
  MemTableOptions options;
  options.write_buffer_size = size_t{1} << 30;  // never full here
  return std::unique_ptr<MemTable>(
      new MemTable(icmp, options, nullptr, kMaxSequenceNumber));
}

void Fill(MemTable* mem, const std::vector<std::string>& keys, size_t begin,
          size_t step, bool concurrent) {
  const std::string value(100, 'v');
  for (size_t i = begin; i < keys.size(); i += step) {
    Status s = mem->Add(i + 1, kTypeValue, keys[i], value, concurrent);
    benchmark::DoNotOptimize(s.ok());
  }
}

// range(0): 1 = random key order, 0 = ascending.
void BM_MemTableInsert(benchmark::State& state) {
  const std::vector<std::string> keys = MakeKeys(state.range(0) != 0);
  InternalKeyComparator icmp(BytewiseComparator());
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<MemTable> mem = NewMemTable(icmp);
    state.ResumeTiming();
    Fill(mem.get(), keys, 0, 1, /*concurrent=*/false);
    state.PauseTiming();
    mem.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kKeys);
}
BENCHMARK(BM_MemTableInsert)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Two threads inserting random keys with allow_concurrent_memtable_write.
void BM_MemTableInsertConcurrent(benchmark::State& state) {
  const std::vector<std::string> keys = MakeKeys(true);
  InternalKeyComparator icmp(BytewiseComparator());
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<MemTable> mem = NewMemTable(icmp);
    state.ResumeTiming();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back(
          [&, t] { Fill(mem.get(), keys, t, threads, /*concurrent=*/true); });
    }
    for (auto& w : workers) w.join();
    state.PauseTiming();
    mem.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kKeys);
}
BENCHMARK(BM_MemTableInsertConcurrent)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Point lookups of present keys in random order in a 1M-entry memtable.
void BM_MemTableGet(benchmark::State& state) {
  const std::vector<std::string> keys = MakeKeys(true);
  InternalKeyComparator icmp(BytewiseComparator());
  std::unique_ptr<MemTable> mem = NewMemTable(icmp);
  Fill(mem.get(), keys, 0, 1, false);
  size_t i = 0;
  std::string value;
  std::vector<std::string> operands;
  for (auto _ : state) {
    LookupKey lkey(keys[i], kMaxSequenceNumber);
    Status s;
    bool found = mem->Get(lkey, &value, &s, nullptr, nullptr, &operands);
    benchmark::DoNotOptimize(found);
    if (++i == keys.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_MemTableGet);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
