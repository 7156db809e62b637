// Copyright (c) the rocksdb-cleanroom authors.
//
// Annotated mutex, RAII lock and condition variable. std::mutex itself
// carries no capability attributes, so the engine uses these wrappers to let
// clang check GUARDED_BY/REQUIRES.
#pragma once

#include <cassert>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "port/thread_annotations.h"
#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace port {

class CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ACQUIRE() {
    mu_.lock();
#ifndef NDEBUG
    owner_ = std::this_thread::get_id();
#endif
  }
  void Unlock() RELEASE() {
#ifndef NDEBUG
    owner_ = std::thread::id();
#endif
    mu_.unlock();
  }
  // Debug builds check that the calling thread holds the lock.
  void AssertHeld() const ASSERT_CAPABILITY(this) {
#ifndef NDEBUG
    assert(owner_ == std::this_thread::get_id());
#endif
  }

 private:
  friend class CondVar;
  std::mutex mu_;
#ifndef NDEBUG
  std::thread::id owner_;
#endif
};

// Holds a Mutex for the lifetime of the object.
class SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ACQUIRE(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() RELEASE() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

// Condition variable bound to one Mutex, which callers hold when waiting.
class CondVar {
 public:
  explicit CondVar(Mutex* mu) : mu_(mu) {}

  // REQUIRES: the bound mutex is held (not annotated: clang cannot name
  // the caller's mutex through mu_).
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_->mu_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();
    Reacquired();
  }
  // Returns true if the wait timed out.
  bool TimedWait(std::chrono::microseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_->mu_, std::adopt_lock);
    bool timed_out = cv_.wait_for(lock, timeout) == std::cv_status::timeout;
    lock.release();
    Reacquired();
    return timed_out;
  }
  void Signal() { cv_.notify_one(); }
  void SignalAll() { cv_.notify_all(); }

 private:
  void Reacquired() {
#ifndef NDEBUG
    mu_->owner_ = std::this_thread::get_id();
#endif
  }
  Mutex* const mu_;
  std::condition_variable cv_;
};

}  // namespace port
}  // namespace ROCKSDB_NAMESPACE
