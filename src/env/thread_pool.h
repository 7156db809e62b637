// Copyright (c) the rocksdb-cleanroom authors.
//
// ThreadPool: the background pool behind one Env::Priority. Jobs run in
// FIFO order on up to `limit` worker threads; the limit starts at 0, so
// nothing runs until SetBackgroundThreads() or IncBackgroundThreadsIfNeeded()
// raises it (as with RocksDB's default Env). Lowering the limit lets the
// extra workers finish their current job and exit.
#pragma once

#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "port/mutex.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {

class ThreadPool {
 public:
  // `name` labels the worker threads (e.g. "rocksdb:low").
  explicit ThreadPool(std::string name);
  // Drops queued jobs (without calling their unschedule functions) and
  // joins every worker after its current job.
  ~ThreadPool();

  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues function(arg). `tag` identifies the job for UnSchedule().
  void Schedule(void (*function)(void*), void* arg, void* tag,
                void (*unschedule)(void*));
  // Removes queued jobs with this tag, calling each one's unschedule
  // function (outside the lock). Returns how many were removed.
  int UnSchedule(void* tag);

  void SetBackgroundThreads(int num);
  void IncBackgroundThreadsIfNeeded(int num);
  int GetBackgroundThreads();
  unsigned int GetQueueLen();

  // Marks up to `n` idle workers as reserved; returns how many were.
  int ReserveThreads(int n);
  // Releases up to `n` reserved workers; returns how many were.
  int ReleaseThreads(int n);

  // Asks the OS to treat this pool's threads as low priority (applied by
  // each worker before its next job).
  void LowerIOPriority();
  void LowerCPUPriority(CpuPriority pri);

 private:
  struct Job {
    void (*function)(void*);
    void* arg;
    void* tag;
    void (*unschedule)(void*);
  };

  void WorkerLoop(size_t index);
  // Starts workers until `limit_` are alive. REQUIRES: mu_ held.
  void StartWorkersLocked() REQUIRES(mu_);
  // cv_.Wait(); the analysis cannot see that cv_ is bound to mu_.
  void WaitLocked() REQUIRES(mu_) NO_THREAD_SAFETY_ANALYSIS { cv_.Wait(); }

  const std::string name_;

  port::Mutex mu_;
  port::CondVar cv_;
  std::deque<Job> queue_ GUARDED_BY(mu_);
  int limit_ GUARDED_BY(mu_) = 0;
  // Worker i exits when i >= limit_; workers_[i] may be an exited thread
  // still waiting to be joined.
  std::vector<std::thread> workers_ GUARDED_BY(mu_);
  std::vector<bool> alive_ GUARDED_BY(mu_);
  int idle_ GUARDED_BY(mu_) = 0;
  int reserved_ GUARDED_BY(mu_) = 0;
  bool exit_all_ GUARDED_BY(mu_) = false;
  bool lower_io_ GUARDED_BY(mu_) = false;
  int cpu_priority_ GUARDED_BY(mu_) = -1;  // CpuPriority to apply, -1: none
};

}  // namespace ROCKSDB_NAMESPACE
