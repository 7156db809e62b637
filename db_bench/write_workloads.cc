// Copyright (c) the rocksdb-cleanroom authors.
//
// Benchmarks that write: fills, overwrite, deletes, merges.

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include "rocksdb/env.h"
#include "rocksdb/write_batch.h"
#include "workloads.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

// Blocks until the rate limiter grants `bytes` (in burst-sized pieces).
void Throttle(RateLimiter* limiter, int64_t bytes) {
  if (limiter == nullptr) return;
  const int64_t burst = std::max<int64_t>(limiter->GetSingleBurstBytes(), 1);
  while (bytes > 0) {
    const int64_t piece = std::min(bytes, burst);
    limiter->Request(piece, Env::IO_HIGH, nullptr, RateLimiter::OpType::kWrite);
    bytes -= piece;
  }
}

uint64_t KeyNumber(const WorkloadContext& ctx, ThreadState* thread, int64_t i) {
  if (ctx.write_order == KeyOrder::kSequential) return static_cast<uint64_t>(i);
  return thread->rand.Uniform(
      static_cast<uint64_t>(std::max<int64_t>(ctx.write_key_space, 1)));
}

void DoDelete(WorkloadContext* ctx, ThreadState* thread, bool sequential) {
  KeyEncoder keys(ctx->key_size);
  WriteBatch batch;
  const int64_t batch_size = std::max<int64_t>(ctx->batch_size, 1);
  const uint64_t space = static_cast<uint64_t>(std::max<int64_t>(ctx->num, 1));
  for (int64_t i = 0; i < ctx->deletes; i += batch_size) {
    batch.Clear();
    const int64_t n = std::min(batch_size, ctx->deletes - i);
    for (int64_t j = 0; j < n; j++) {
      const uint64_t k = sequential ? static_cast<uint64_t>(i + j)
                                    : thread->rand.Uniform(space);
      batch.Delete(keys.Encode(k));
    }
    Status s = ctx->db->Write(ctx->write_options, &batch);
    if (!s.ok()) {
      thread->status = s;
      return;
    }
    thread->stats.FinishedOps(n, OpType::kDelete);
  }
}

}  // namespace

void DoWrite(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  ValueGenerator values(ctx->compression_ratio, ctx->value_size);
  WriteBatch batch;
  const int64_t batch_size = std::max<int64_t>(ctx->batch_size, 1);
  for (int64_t i = 0; i < ctx->writes; i += batch_size) {
    batch.Clear();
    const int64_t n = std::min(batch_size, ctx->writes - i);
    int64_t bytes = 0;
    for (int64_t j = 0; j < n; j++) {
      Status s = batch.Put(keys.Encode(KeyNumber(*ctx, thread, i + j)),
                           values.Generate(ctx->value_size));
      if (!s.ok()) {
        thread->status = s;
        return;
      }
      bytes += ctx->key_size + ctx->value_size;
    }
    Throttle(ctx->write_limiter, bytes);
    Status s = ctx->db->Write(ctx->write_options, &batch);
    if (!s.ok()) {
      thread->status = s;
      return;
    }
    thread->stats.AddBytes(bytes);
    thread->stats.FinishedOps(n, OpType::kWrite);
  }
}

void DeleteSeq(WorkloadContext* ctx, ThreadState* thread) {
  DoDelete(ctx, thread, /*sequential=*/true);
}

void DeleteRandom(WorkloadContext* ctx, ThreadState* thread) {
  DoDelete(ctx, thread, /*sequential=*/false);
}

void MergeRandom(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  ValueGenerator values(ctx->compression_ratio, ctx->value_size);
  const uint64_t space =
      static_cast<uint64_t>(std::max<int64_t>(ctx->merge_keys, 1));
  int64_t merges = 0;
  for (int64_t i = 0; i < ctx->writes; i++) {
    const int64_t bytes = ctx->key_size + ctx->value_size;
    Throttle(ctx->write_limiter, bytes);
    Status s = ctx->db->Merge(ctx->write_options,
                              keys.Encode(thread->rand.Uniform(space)),
                              values.Generate(ctx->value_size));
    if (!s.ok()) {
      thread->status = s;
      return;
    }
    merges++;
    thread->stats.AddBytes(bytes);
    thread->stats.FinishedOps(1, OpType::kMerge);
  }
  char msg[64];
  snprintf(msg, sizeof(msg), "( updates:%" PRId64 ")", merges);
  thread->stats.AddMessage(msg);
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
