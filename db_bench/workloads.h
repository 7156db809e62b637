// Copyright (c) the rocksdb-cleanroom authors.
//
// The per-thread bodies of the benchmarks. Each one runs in every benchmark
// thread, between Stats::Start() and Stats::Stop(), draws its keys from the
// thread's own KeyRandom and stops at the first failed call, leaving the
// status in ThreadState::status (the runner turns NotSupported into the
// "<name>: NotSupported" line and any other error into an exit).
#pragma once

#include <atomic>
#include <cstdint>

#include "key_value.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/rate_limiter.h"
#include "rocksdb/status.h"
#include "stats.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

enum class KeyOrder { kSequential, kRandom };

// Shared by all threads of one benchmark; constant while they run except
// for the atomics.
struct WorkloadContext {
  DB* db = nullptr;
  WriteOptions write_options;
  ReadOptions read_options;
  int key_size = 16;
  double compression_ratio = 0.5;
  int64_t num = 0;         // key space of reads, deletes and seeks
  int64_t reads = 0;       // operations per thread of read benchmarks
  int64_t writes = 0;      // operations per thread of write benchmarks
  int64_t deletes = 0;     // operations per thread of delete benchmarks
  int64_t merge_keys = 0;  // key space of mergerandom
  int64_t batch_size = 1;  // keys per WriteBatch / MultiGet
  int seek_nexts = 0;
  int readwritepercent = 90;

  // What the write benchmarks write.
  KeyOrder write_order = KeyOrder::kRandom;
  int64_t write_key_space = 0;
  int value_size = 100;
  // Optional cap on written bytes per second (not owned).
  RateLimiter* write_limiter = nullptr;

  // readwhilewriting: threads with tid < num_readers read, the others write
  // until every reader has finished.
  int num_readers = 0;
  std::atomic<int> readers_running{0};
};

struct ThreadState {
  ThreadState(int id, uint64_t seed, bool histogram, bool progress)
      : tid(id), rand(seed), stats(histogram, progress) {}

  int tid;
  KeyRandom rand;
  Stats stats;
  Status status;
};

using WorkloadFn = void (*)(WorkloadContext*, ThreadState*);

// Writes (write_options) ctx->writes keys in batches of batch_size.
void DoWrite(WorkloadContext* ctx, ThreadState* thread);
void DeleteSeq(WorkloadContext* ctx, ThreadState* thread);
void DeleteRandom(WorkloadContext* ctx, ThreadState* thread);
void MergeRandom(WorkloadContext* ctx, ThreadState* thread);

void ReadRandom(WorkloadContext* ctx, ThreadState* thread);
void ReadSequential(WorkloadContext* ctx, ThreadState* thread);
void ReadReverse(WorkloadContext* ctx, ThreadState* thread);
void SeekRandom(WorkloadContext* ctx, ThreadState* thread);
void MultiReadRandom(WorkloadContext* ctx, ThreadState* thread);
void ReadWhileWriting(WorkloadContext* ctx, ThreadState* thread);
void ReadRandomWriteRandom(WorkloadContext* ctx, ThreadState* thread);

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
