// Copyright (c) the rocksdb-cleanroom authors.
//
// Benchmarks that read: point lookups, scans, seeks, MultiGet, and the
// mixed read/write ones. A lookup that finds its key adds key + value bytes
// to the MB/s figure; NotFound is a miss, any other status stops the thread.

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/iterator.h"
#include "workloads.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

std::string FoundMessage(int64_t found, int64_t total) {
  char msg[100];
  snprintf(msg, sizeof(msg), "(%" PRId64 " of %" PRId64 " found)\n", found,
           total);
  return msg;
}

uint64_t KeySpace(const WorkloadContext& ctx) {
  return static_cast<uint64_t>(std::max<int64_t>(ctx.num, 1));
}

// One Get(); returns false (with thread->status set) on a real error.
bool Lookup(WorkloadContext* ctx, ThreadState* thread, const Slice& key,
            PinnableSlice* value, int64_t* found) {
  Status s = ctx->db->Get(ctx->read_options, ctx->db->DefaultColumnFamily(),
                          key, value);
  if (s.ok()) {
    (*found)++;
    thread->stats.AddBytes(static_cast<int64_t>(key.size() + value->size()));
  } else if (!s.IsNotFound()) {
    thread->status = s;
    return false;
  }
  value->Reset();
  return true;
}

// Iterates from one end; stops after ctx->reads entries.
void Scan(WorkloadContext* ctx, ThreadState* thread, bool forward) {
  std::unique_ptr<Iterator> it(ctx->db->NewIterator(ctx->read_options));
  int64_t i = 0;
  if (forward) {
    it->SeekToFirst();
  } else {
    it->SeekToLast();
  }
  while (it->Valid() && i < ctx->reads) {
    thread->stats.AddBytes(
        static_cast<int64_t>(it->key().size() + it->value().size()));
    thread->stats.FinishedOps(1, OpType::kRead);
    i++;
    if (forward) {
      it->Next();
    } else {
      it->Prev();
    }
  }
  if (!it->status().ok()) thread->status = it->status();
}

// The writer half of readwhilewriting: random overwrites until every
// reader is done.
void BackgroundWriter(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  ValueGenerator values(ctx->compression_ratio, ctx->value_size);
  const int64_t bytes = ctx->key_size + ctx->value_size;
  while (ctx->readers_running.load(std::memory_order_acquire) > 0) {
    if (ctx->write_limiter != nullptr) {
      ctx->write_limiter->Request(bytes, Env::IO_HIGH, nullptr,
                                  RateLimiter::OpType::kWrite);
    }
    Status s = ctx->db->Put(ctx->write_options,
                            keys.Encode(thread->rand.Uniform(KeySpace(*ctx))),
                            values.Generate(ctx->value_size));
    if (!s.ok()) {
      thread->status = s;
      return;
    }
    thread->stats.AddBytes(bytes);
    thread->stats.FinishedOps(1, OpType::kWrite);
  }
}

}  // namespace

void ReadRandom(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  PinnableSlice value;
  int64_t found = 0;
  int64_t done = 0;
  for (; done < ctx->reads; done++) {
    if (!Lookup(ctx, thread, keys.Encode(thread->rand.Uniform(KeySpace(*ctx))),
                &value, &found)) {
      return;
    }
    thread->stats.FinishedOps(1, OpType::kRead);
  }
  thread->stats.AddMessage(FoundMessage(found, done));
}

void ReadSequential(WorkloadContext* ctx, ThreadState* thread) {
  Scan(ctx, thread, /*forward=*/true);
}

void ReadReverse(WorkloadContext* ctx, ThreadState* thread) {
  Scan(ctx, thread, /*forward=*/false);
}

void SeekRandom(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  std::unique_ptr<Iterator> it;
  int64_t found = 0;
  int64_t done = 0;
  for (; done < ctx->reads; done++) {
    // A new iterator per seek, so that every seek sees the latest data;
    // RocksDB's db_bench costs the same (measured, see docs/bench.md).
    it.reset(ctx->db->NewIterator(ctx->read_options));
    const Slice key = keys.Encode(thread->rand.Uniform(KeySpace(*ctx)));
    it->Seek(key);
    if (it->Valid() && it->key() == key) found++;
    for (int j = 0; j < ctx->seek_nexts && it->Valid(); j++) {
      thread->stats.AddBytes(
          static_cast<int64_t>(it->key().size() + it->value().size()));
      it->Next();
    }
    if (!it->status().ok()) {
      thread->status = it->status();
      return;
    }
    thread->stats.FinishedOps(1, OpType::kSeek);
  }
  thread->stats.AddMessage(FoundMessage(found, done));
}

void MultiReadRandom(WorkloadContext* ctx, ThreadState* thread) {
  const int64_t batch = std::max<int64_t>(ctx->batch_size, 1);
  std::vector<std::string> key_store(static_cast<size_t>(batch));
  std::vector<Slice> key_slices(static_cast<size_t>(batch));
  std::vector<std::string> values;
  KeyEncoder keys(ctx->key_size);
  int64_t found = 0;
  int64_t done = 0;
  while (done + batch <= ctx->reads) {
    for (int64_t j = 0; j < batch; j++) {
      key_store[j] =
          keys.Encode(thread->rand.Uniform(KeySpace(*ctx))).ToString();
      key_slices[j] = Slice(key_store[j]);
    }
    std::vector<Status> statuses =
        ctx->db->MultiGet(ctx->read_options, key_slices, &values);
    for (size_t j = 0; j < statuses.size(); j++) {
      if (statuses[j].ok()) {
        found++;
        thread->stats.AddBytes(
            static_cast<int64_t>(key_slices[j].size() + values[j].size()));
      } else if (!statuses[j].IsNotFound()) {
        thread->status = statuses[j];
        return;
      }
    }
    done += batch;
    thread->stats.FinishedOps(batch, OpType::kRead);
  }
  thread->stats.AddMessage(FoundMessage(found, done));
}

void ReadWhileWriting(WorkloadContext* ctx, ThreadState* thread) {
  if (thread->tid >= ctx->num_readers) {
    BackgroundWriter(ctx, thread);
    return;
  }
  ReadRandom(ctx, thread);
  ctx->readers_running.fetch_sub(1, std::memory_order_acq_rel);
}

void ReadRandomWriteRandom(WorkloadContext* ctx, ThreadState* thread) {
  KeyEncoder keys(ctx->key_size);
  ValueGenerator values(ctx->compression_ratio, ctx->value_size);
  PinnableSlice value;
  int64_t found = 0;
  int64_t reads = 0;
  int64_t writes = 0;
  for (int64_t i = 0; i < ctx->reads; i++) {
    const Slice key = keys.Encode(thread->rand.Uniform(KeySpace(*ctx)));
    if (i % 100 < ctx->readwritepercent) {
      // Not Lookup(): RocksDB's db_bench reports no MB/s for this one.
      Status s = ctx->db->Get(ctx->read_options, ctx->db->DefaultColumnFamily(),
                              key, &value);
      if (s.ok()) {
        found++;
      } else if (!s.IsNotFound()) {
        thread->status = s;
        return;
      }
      value.Reset();
      reads++;
      thread->stats.FinishedOps(1, OpType::kRead);
    } else {
      Status s = ctx->db->Put(ctx->write_options, key,
                              values.Generate(ctx->value_size));
      if (!s.ok()) {
        thread->status = s;
        return;
      }
      writes++;
      thread->stats.FinishedOps(1, OpType::kWrite);
    }
  }
  char msg[160];
  snprintf(msg, sizeof(msg),
           "( reads:%" PRId64 " writes:%" PRId64 " total:%" PRId64
           " found:%" PRId64 ")",
           reads, writes, reads + writes, found);
  thread->stats.AddMessage(msg);
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
