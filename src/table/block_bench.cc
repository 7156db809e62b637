// Copyright (c) the rocksdb-cleanroom authors.
//
// Block reader micro-benchmarks: Seek to random keys (half of them absent)
// in a ~4 KiB data block of 64 entries (16-byte user keys, 40-byte values),
// forward and backward scans, for restart intervals 1 and 16; and Seek in
// a 4096-entry index block with delta-encoded handles.

#include <benchmark/benchmark.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "table/block.h"
#include "table/block_builder.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// User key i: big-endian i (so byte order is numeric) after a fixed prefix.
std::string UserKey(uint32_t i) {
  std::string k = "user";
  char buf[4];
  buf[0] = static_cast<char>(i >> 24);
  buf[1] = static_cast<char>(i >> 16);
  buf[2] = static_cast<char>(i >> 8);
  buf[3] = static_cast<char>(i);
  k.append(buf, 4);
  k.append("00000000");
  return k;
}

struct BenchBlock {
  std::vector<std::string> keys;  // internal keys, in order
  std::unique_ptr<Block> block;
};

// num entries with values of value_size bytes.
BenchBlock MakeDataBlock(int num, int interval, size_t value_size) {
  BenchBlock b;
  BlockBuilder builder(interval);
  const std::string value(value_size, 'v');
  for (int i = 0; i < num; ++i) {
    b.keys.push_back(
        InternalKey(UserKey(static_cast<uint32_t>(i) * 2), 100, kTypeValue)
            .Encode()
            .ToString());
    builder.Add(b.keys.back(), value);
  }
  const Slice raw = builder.Finish();
  std::unique_ptr<char[]> buf(new char[raw.size()]);
  memcpy(buf.get(), raw.data(), raw.size());
  b.block.reset(new Block(BlockContents(std::move(buf), raw.size())));
  return b;
}

// range(0): restart interval.
void BM_DataBlockSeek(benchmark::State& state) {
  const BenchBlock b = MakeDataBlock(64, static_cast<int>(state.range(0)), 40);
  InternalKeyComparator icmp(BytewiseComparator());
  DataBlockIter iter;
  b.block->NewDataIterator(&icmp, &iter);
  Random rnd(301);
  std::vector<std::string> targets;
  for (int i = 0; i < 1024; ++i) {
    targets.push_back(
        InternalKey(UserKey(rnd.Uniform(128)), 200, kValueTypeForSeek)
            .Encode()
            .ToString());
  }
  size_t i = 0;
  for (auto _ : state) {
    iter.Seek(targets[i++ & 1023]);
    benchmark::DoNotOptimize(iter.Valid());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_DataBlockSeek)->Arg(1)->Arg(16);

// range(0): restart interval; range(1): 1 = backwards.
void BM_DataBlockScan(benchmark::State& state) {
  const BenchBlock b = MakeDataBlock(64, static_cast<int>(state.range(0)), 40);
  InternalKeyComparator icmp(BytewiseComparator());
  DataBlockIter iter;
  b.block->NewDataIterator(&icmp, &iter);
  const bool backwards = state.range(1) != 0;
  int64_t entries = 0;
  for (auto _ : state) {
    if (backwards) {
      for (iter.SeekToLast(); iter.Valid(); iter.Prev()) {
        benchmark::DoNotOptimize(iter.key().size());
        ++entries;
      }
    } else {
      for (iter.SeekToFirst(); iter.Valid(); iter.Next()) {
        benchmark::DoNotOptimize(iter.key().size());
        ++entries;
      }
    }
  }
  state.SetItemsProcessed(entries);
}
BENCHMARK(BM_DataBlockScan)->Args({16, 0})->Args({16, 1})->Args({1, 1});

// An index block of 4096 user-key separators, delta-encoded handles.
void BM_IndexBlockSeek(benchmark::State& state) {
  BlockBuilder builder(1, true, true);
  BlockHandle prev;
  for (uint32_t i = 0; i < 4096; ++i) {
    BlockHandle h(i == 0 ? 0 : prev.offset() + prev.size() + 5, 4000 + i % 7);
    std::string full;
    h.EncodeTo(&full);
    std::string delta;
    PutVarsignedint64(&delta, static_cast<int64_t>(h.size()) -
                                  static_cast<int64_t>(prev.size()));
    const Slice d(delta);
    builder.Add(UserKey(i * 2), full, &d);
    prev = h;
  }
  const Slice raw = builder.Finish();
  std::unique_ptr<char[]> buf(new char[raw.size()]);
  memcpy(buf.get(), raw.data(), raw.size());
  Block index(BlockContents(std::move(buf), raw.size()));
  InternalKeyComparator icmp(BytewiseComparator());
  IndexBlockIter iter;
  index.NewIndexIterator(&icmp, true, true, &iter);
  Random rnd(7);
  std::vector<std::string> targets;
  for (int i = 0; i < 1024; ++i) {
    targets.push_back(
        InternalKey(UserKey(rnd.Uniform(8192)), 5, kValueTypeForSeek)
            .Encode()
            .ToString());
  }
  size_t i = 0;
  for (auto _ : state) {
    iter.Seek(targets[i++ & 1023]);
    benchmark::DoNotOptimize(iter.value_handle().offset());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_IndexBlockSeek);

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
