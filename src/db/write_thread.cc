// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteThread: a mutex-protected queue of Writers, each with its own
// condition variable so that a wake-up reaches exactly the writer it is
// for. A state change happens under the mutex and is followed by a notify;
// a waiter spins on the atomic state for a while before it blocks, so no
// wake-up is lost (it re-checks under the mutex before sleeping). The queue
// holds the writers of the running group at its front until the leader exits;
// writers arriving meanwhile queue behind them.

#include "db/write_thread.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace ROCKSDB_NAMESPACE {

namespace {

// A leader batch at most this big only takes followers adding up to its own
// size plus this much, so that a tiny write does not wait for a huge one.
constexpr uint64_t kSmallBatchLimit = 128 * 1024;

size_t BatchBytes(const WriteThread::Writer* w) {
  return w->batch == nullptr ? 0 : w->batch->GetDataSize();
}

}  // namespace

WriteThread::WriteThread(uint64_t max_group_bytes, uint64_t max_yield_usec)
    : max_group_bytes_(std::max<uint64_t>(max_group_bytes, 1)),
      max_yield_usec_(max_yield_usec) {}

// REQUIRES: mu_ held (Await relies on it; see there).
void WriteThread::SetState(Writer* w, State state) {
  w->state.store(state, std::memory_order_release);
  w->cv.notify_one();
}

template <typename Done>
void WriteThread::Await(Writer* w, Done done) {
  if (max_yield_usec_ > 0) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::microseconds(max_yield_usec_);
    for (int i = 0;; ++i) {
      if (done()) {
        // The state is changed and signalled under mu_: taking it once
        // makes sure the notifier is out of notify_one() before the caller
        // may destroy w (and its condition variable).
        std::lock_guard<std::mutex> lock(mu_);
        return;
      }
      if ((i & 15) == 15 && std::chrono::steady_clock::now() > deadline) {
        break;
      }
      std::this_thread::yield();
    }
  }
  std::unique_lock<std::mutex> lock(mu_);
  w->cv.wait(lock, done);
}

WriteThread::State WriteThread::JoinBatchGroup(Writer* w) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    w->state.store(State::kWaiting, std::memory_order_relaxed);
    queue_.push_back(w);
    if (queue_.front() == w) {
      w->state.store(State::kLeader, std::memory_order_relaxed);
      return State::kLeader;
    }
  }
  Await(w, [w] {
    return w->state.load(std::memory_order_acquire) != State::kWaiting;
  });
  return w->state.load(std::memory_order_acquire);
}

void WriteThread::EnterAsBatchGroupLeader(Writer* leader, WriteGroup* group) {
  std::lock_guard<std::mutex> lock(mu_);
  group->writers.clear();
  group->writers.push_back(leader);
  group->total_bytes = BatchBytes(leader);
  group->total_count = leader->batch == nullptr ? 0 : leader->batch->Count();
  group->need_sync = leader->sync;
  group->disable_wal = leader->disable_wal;
  group->pending_memtable_writers = 0;
  leader->group = group;
  if (leader->batch == nullptr) {
    return;
  }

  uint64_t limit = max_group_bytes_;
  if (group->total_bytes <= kSmallBatchLimit) {
    limit = std::min<uint64_t>(limit, group->total_bytes + kSmallBatchLimit);
  }
  // queue_[0] is the leader; take the followers while they fit.
  for (size_t i = 1; i < queue_.size(); ++i) {
    Writer* w = queue_[i];
    if (w->batch == nullptr) break;
    if (w->sync && !leader->sync) break;
    if (w->disable_wal != leader->disable_wal) break;
    const size_t bytes = BatchBytes(w);
    if (group->total_bytes + bytes > limit) break;
    group->writers.push_back(w);
    group->total_bytes += bytes;
    group->total_count += w->batch->Count();
    w->group = group;
  }
}

void WriteThread::LaunchParallelMemTableWriters(WriteGroup* group) {
  std::lock_guard<std::mutex> lock(mu_);
  group->pending_memtable_writers = group->writers.size() - 1;
  for (size_t i = 1; i < group->writers.size(); ++i) {
    SetState(group->writers[i], State::kMemTableWriter);
  }
}

void WriteThread::CompleteParallelMemTableWriter(Writer* w) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    WriteGroup* group = w->group;
    if (group->pending_memtable_writers.fetch_sub(
            1, std::memory_order_acq_rel) == 1) {
      group->leader()->cv.notify_one();
    }
  }
  Await(w, [w] {
    return w->state.load(std::memory_order_acquire) == State::kCompleted;
  });
}

void WriteThread::WaitForMemTableWriters(WriteGroup* group) {
  Await(group->leader(), [group] {
    return group->pending_memtable_writers.load(std::memory_order_acquire) == 0;
  });
}

void WriteThread::ExitAsBatchGroupLeader(WriteGroup* group,
                                         const Status& status) {
  std::lock_guard<std::mutex> lock(mu_);
  Writer* leader = group->leader();
  if (leader->status.ok()) {
    leader->status = status;
  }
  // The group's writers are exactly the first entries of the queue.
  for (size_t i = 0; i < group->writers.size(); ++i) {
    queue_.pop_front();
  }
  for (size_t i = 1; i < group->writers.size(); ++i) {
    Writer* w = group->writers[i];
    if (w->status.ok()) {
      w->status = status;
    }
    SetState(w, State::kCompleted);
  }
  leader->state.store(State::kCompleted, std::memory_order_relaxed);
  WakeNextLeader();
}

void WriteThread::EnterUnbatched(Writer* w) {
  w->batch = nullptr;
  JoinBatchGroup(w);
}

void WriteThread::ExitUnbatched(Writer* w) {
  std::lock_guard<std::mutex> lock(mu_);
  queue_.pop_front();
  w->state.store(State::kCompleted, std::memory_order_relaxed);
  WakeNextLeader();
}

void WriteThread::WakeNextLeader() {
  if (queue_.empty()) {
    return;
  }
  SetState(queue_.front(), State::kLeader);
}

}  // namespace ROCKSDB_NAMESPACE
