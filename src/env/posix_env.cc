// Copyright (c) the rocksdb-cleanroom authors.
//
// PosixEnv, the object behind Env::Default(): a CompositeEnv over
// PosixFileSystem and the default clock, plus one ThreadPool per
// Env::Priority and StartThread()'s threads.

#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include "env/composite_env.h"
#include "env/thread_pool.h"
#include "env/thread_status_updater.h"
#include "port/mutex.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class PosixEnv : public CompositeEnv {
 public:
  PosixEnv()
      : CompositeEnv(FileSystem::Default(), SystemClock::Default()),
        pools_{{ThreadPool("rocksdb:bottom"), ThreadPool("rocksdb:low"),
                ThreadPool("rocksdb:high"), ThreadPool("rocksdb:user")}} {
    thread_status_updater_ = CreateThreadStatusUpdater();
  }

  // Only reached for instances other than the (leaked) default one.
  ~PosixEnv() override {
    WaitForJoin();
    delete thread_status_updater_;
  }

  static const char* kClassName() { return "PosixEnv"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kDefaultName(); }

  void Schedule(void (*function)(void*), void* arg, Priority pri, void* tag,
                void (*unschedule)(void*)) override {
    if (ThreadPool* pool = Pool(pri)) {
      pool->Schedule(function, arg, tag, unschedule);
    }
  }

  int UnSchedule(void* tag, Priority pri) override {
    ThreadPool* pool = Pool(pri);
    return pool == nullptr ? 0 : pool->UnSchedule(tag);
  }

  void StartThread(void (*function)(void*), void* arg) override {
    port::MutexLock l(&threads_mu_);
    threads_.emplace_back(function, arg);
  }

  void WaitForJoin() override {
    std::vector<std::thread> to_join;
    {
      port::MutexLock l(&threads_mu_);
      to_join.swap(threads_);
    }
    for (auto& t : to_join) t.join();
  }

  unsigned int GetThreadPoolQueueLen(Priority pri) const override {
    ThreadPool* pool = Pool(pri);
    return pool == nullptr ? 0 : pool->GetQueueLen();
  }

  int ReserveThreads(int n, Priority pri) override {
    ThreadPool* pool = Pool(pri);
    return pool == nullptr ? 0 : pool->ReserveThreads(n);
  }

  int ReleaseThreads(int n, Priority pri) override {
    ThreadPool* pool = Pool(pri);
    return pool == nullptr ? 0 : pool->ReleaseThreads(n);
  }

  void SetBackgroundThreads(int num, Priority pri) override {
    if (ThreadPool* pool = Pool(pri)) pool->SetBackgroundThreads(num);
  }

  int GetBackgroundThreads(Priority pri) override {
    ThreadPool* pool = Pool(pri);
    return pool == nullptr ? 0 : pool->GetBackgroundThreads();
  }

  void IncBackgroundThreadsIfNeeded(int num, Priority pri) override {
    if (ThreadPool* pool = Pool(pri)) pool->IncBackgroundThreadsIfNeeded(num);
  }

  void LowerThreadPoolIOPriority(Priority pool) override {
    if (ThreadPool* p = Pool(pool)) p->LowerIOPriority();
  }

  void LowerThreadPoolCPUPriority(Priority pool) override {
    if (ThreadPool* p = Pool(pool)) p->LowerCPUPriority(CpuPriority::kLow);
  }

  Status LowerThreadPoolCPUPriority(Priority pool, CpuPriority pri) override {
    if (ThreadPool* p = Pool(pool)) p->LowerCPUPriority(pri);
    return Status::OK();
  }

  Status SetAllowNonOwnerAccess(bool /*allow*/) override {
    return Status::OK();
  }

  // Per-thread status tracking has not landed: the list is always empty.
  Status GetThreadList(std::vector<ThreadStatus>* thread_list) override {
    thread_list->clear();
    return Status::OK();
  }

  Status GetHostName(char* name, uint64_t len) override {
    if (len == 0) return Status::InvalidArgument("GetHostName: empty buffer");
    struct utsname u;
    if (::uname(&u) != 0) {
      return Status::IOError("GetHostName", std::strerror(errno));
    }
    size_t n =
        std::min<size_t>(std::strlen(u.nodename), static_cast<size_t>(len) - 1);
    std::memcpy(name, u.nodename, n);
    name[n] = '\0';
    return Status::OK();
  }

  uint64_t GetThreadID() const override {
    return static_cast<uint64_t>(::syscall(SYS_gettid));
  }

 private:
  ThreadPool* Pool(Priority pri) const {
    if (pri < BOTTOM || pri >= TOTAL) return nullptr;
    return &pools_[static_cast<size_t>(pri)];
  }

  // Indexed by Priority (BOTTOM, LOW, HIGH, USER).
  mutable std::array<ThreadPool, 4> pools_;

  port::Mutex threads_mu_;
  std::vector<std::thread> threads_ GUARDED_BY(threads_mu_);
};

}  // namespace

Env* Env::Default() {
  // Leaked on purpose: background threads may still use it during exit.
  static Env* default_env = new PosixEnv();
  return default_env;
}

}  // namespace ROCKSDB_NAMESPACE
