// Copyright (c) the rocksdb-cleanroom authors.
//
// Worker i of a pool runs while i < limit_. Jobs are taken FIFO under mu_
// and run without it. Exited workers stay in workers_ until joined, which
// happens when their slot is restarted or the pool is destroyed.

#include "env/thread_pool.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace ROCKSDB_NAMESPACE {

namespace {

void ApplyPriorities(bool lower_io, int cpu_priority) {
  pid_t tid = static_cast<pid_t>(::syscall(SYS_gettid));
  if (lower_io) {
    // IOPRIO_WHO_PROCESS = 1, class IDLE = 3 shifted by IOPRIO_CLASS_SHIFT.
    (void)::syscall(SYS_ioprio_set, 1, tid, 3 << 13);
  }
  if (cpu_priority >= 0) {
    int nice = 0;
    switch (static_cast<CpuPriority>(cpu_priority)) {
      case CpuPriority::kIdle:
      case CpuPriority::kLow:
        nice = 19;
        break;
      case CpuPriority::kNormal:
      case CpuPriority::kHigh:
        nice = 0;
        break;
    }
    // Raising priority needs privileges; failure is harmless.
    (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), nice);
  }
}

}  // namespace

ThreadPool::ThreadPool(std::string name) : name_(std::move(name)), cv_(&mu_) {}

ThreadPool::~ThreadPool() {
  std::vector<std::thread> to_join;
  {
    port::MutexLock l(&mu_);
    exit_all_ = true;
    queue_.clear();
    to_join.swap(workers_);
    cv_.SignalAll();
  }
  for (auto& t : to_join) {
    if (t.joinable()) t.join();
  }
}

void ThreadPool::Schedule(void (*function)(void*), void* arg, void* tag,
                          void (*unschedule)(void*)) {
  port::MutexLock l(&mu_);
  if (exit_all_) return;
  queue_.push_back(Job{function, arg, tag, unschedule});
  cv_.SignalAll();
}

int ThreadPool::UnSchedule(void* tag) {
  std::vector<Job> removed;
  {
    port::MutexLock l(&mu_);
    for (auto it = queue_.begin(); it != queue_.end();) {
      if (it->tag == tag) {
        removed.push_back(*it);
        it = queue_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const Job& job : removed) {
    if (job.unschedule != nullptr) job.unschedule(job.arg);
  }
  return static_cast<int>(removed.size());
}

void ThreadPool::SetBackgroundThreads(int num) {
  port::MutexLock l(&mu_);
  limit_ = std::max(num, 0);
  StartWorkersLocked();
  cv_.SignalAll();  // lets surplus workers notice and exit
}

void ThreadPool::IncBackgroundThreadsIfNeeded(int num) {
  port::MutexLock l(&mu_);
  if (num > limit_) {
    limit_ = num;
    StartWorkersLocked();
  }
}

int ThreadPool::GetBackgroundThreads() {
  port::MutexLock l(&mu_);
  return limit_;
}

unsigned int ThreadPool::GetQueueLen() {
  port::MutexLock l(&mu_);
  return static_cast<unsigned int>(queue_.size());
}

int ThreadPool::ReserveThreads(int n) {
  port::MutexLock l(&mu_);
  // Idle workers at or above the limit are about to exit; they do not count.
  int idle = std::min(idle_, limit_);
  int got = std::max(0, std::min(n, idle - reserved_));
  reserved_ += got;
  return got;
}

int ThreadPool::ReleaseThreads(int n) {
  port::MutexLock l(&mu_);
  int got = std::max(0, std::min(n, reserved_));
  reserved_ -= got;
  return got;
}

void ThreadPool::LowerIOPriority() {
  port::MutexLock l(&mu_);
  lower_io_ = true;
  cv_.SignalAll();
}

void ThreadPool::LowerCPUPriority(CpuPriority pri) {
  port::MutexLock l(&mu_);
  cpu_priority_ = static_cast<int>(pri);
  cv_.SignalAll();
}

void ThreadPool::StartWorkersLocked() {
  mu_.AssertHeld();
  if (exit_all_) return;
  size_t want = static_cast<size_t>(limit_);
  if (workers_.size() < want) {
    workers_.resize(want);
    alive_.resize(want, false);
  }
  for (size_t i = 0; i < want; ++i) {
    if (alive_[i]) continue;
    // A dead worker has left the lock for good, so joining it here is safe.
    if (workers_[i].joinable()) workers_[i].join();
    alive_[i] = true;
    workers_[i] = std::thread(&ThreadPool::WorkerLoop, this, i);
  }
}

void ThreadPool::WorkerLoop(size_t index) {
  ::pthread_setname_np(::pthread_self(), name_.substr(0, 15).c_str());
  bool applied_io = false;
  int applied_cpu = -1;
  for (;;) {
    Job job;
    bool lower_io;
    int cpu;
    {
      port::MutexLock l(&mu_);
      ++idle_;
      while (!exit_all_ && index < static_cast<size_t>(limit_) &&
             queue_.empty()) {
        WaitLocked();
      }
      --idle_;
      if (exit_all_ || index >= static_cast<size_t>(limit_)) {
        alive_[index] = false;
        return;
      }
      job = queue_.front();
      queue_.pop_front();
      lower_io = lower_io_;
      cpu = cpu_priority_;
    }
    if ((lower_io && !applied_io) || cpu != applied_cpu) {
      ApplyPriorities(lower_io && !applied_io, cpu != applied_cpu ? cpu : -1);
      applied_io = lower_io;
      applied_cpu = cpu;
    }
    job.function(job.arg);
  }
}

}  // namespace ROCKSDB_NAMESPACE
