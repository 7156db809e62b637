// Copyright (c) the rocksdb-cleanroom authors.
//
// Background pools: job execution, per-priority pools, UnSchedule, resizing.
// Uses private ThreadPool objects where the Env's shared pools would make
// tests interfere, and Env::Default() for the Env-level contract.

#include "env/thread_pool.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "gtest/gtest.h"
#include "port/mutex.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Polls `done` for up to five seconds.
template <typename Pred>
bool WaitFor(Pred done) {
  for (int i = 0; i < 5000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return done();
}

void Increment(void* arg) { static_cast<std::atomic<int>*>(arg)->fetch_add(1); }

// A job that blocks until released, so tests control when pools are busy.
struct Gate {
  port::Mutex mu;
  port::CondVar cv{&mu};
  bool open = false;
  std::atomic<int> entered{0};
  std::atomic<int> left{0};

  static void Run(void* arg) {
    auto* g = static_cast<Gate*>(arg);
    g->entered.fetch_add(1);
    {
      port::MutexLock l(&g->mu);
      while (!g->open) g->cv.Wait();
    }
    g->left.fetch_add(1);  // last touch of *g
  }
  // Lets every job through and waits until they no longer use the gate.
  void OpenAndDrain() {
    {
      port::MutexLock l(&mu);
      open = true;
      cv.SignalAll();
    }
    WaitFor([&] { return left.load() == entered.load(); });
  }
};

TEST(ThreadPoolTest, NothingRunsWithoutThreads) {
  ThreadPool pool("test");
  std::atomic<int> count{0};
  EXPECT_EQ(0, pool.GetBackgroundThreads());
  pool.Schedule(&Increment, &count, nullptr, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(0, count.load());
  EXPECT_EQ(1u, pool.GetQueueLen());
  pool.SetBackgroundThreads(1);
  EXPECT_TRUE(WaitFor([&] { return count.load() == 1; }));
  EXPECT_EQ(0u, pool.GetQueueLen());
}

TEST(ThreadPoolTest, RunsManyJobsOnSeveralThreads) {
  ThreadPool pool("test");
  pool.SetBackgroundThreads(3);
  std::atomic<int> count{0};
  for (int i = 0; i < 1000; ++i) {
    pool.Schedule(&Increment, &count, nullptr, nullptr);
  }
  EXPECT_TRUE(WaitFor([&] { return count.load() == 1000; }));
}

TEST(ThreadPoolTest, JobsRunConcurrentlyUpToTheLimit) {
  ThreadPool pool("test");
  pool.SetBackgroundThreads(2);
  Gate gate;
  for (int i = 0; i < 3; ++i)
    pool.Schedule(&Gate::Run, &gate, nullptr, nullptr);
  EXPECT_TRUE(WaitFor([&] { return gate.entered.load() == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(2, gate.entered.load());  // the third waits for a free thread
  EXPECT_EQ(1u, pool.GetQueueLen());
  pool.IncBackgroundThreadsIfNeeded(3);
  EXPECT_TRUE(WaitFor([&] { return gate.entered.load() == 3; }));
  gate.OpenAndDrain();
}

std::atomic<int> unscheduled{0};
void CountUnschedule(void*) { unscheduled.fetch_add(1); }

TEST(ThreadPoolTest, UnScheduleRemovesOnlyTaggedQueuedJobs) {
  ThreadPool pool("test");
  std::atomic<int> count{0};
  int tag_a = 0, tag_b = 0;
  unscheduled = 0;
  pool.Schedule(&Increment, &count, &tag_a, &CountUnschedule);
  pool.Schedule(&Increment, &count, &tag_b, &CountUnschedule);
  pool.Schedule(&Increment, &count, &tag_a, &CountUnschedule);
  EXPECT_EQ(2, pool.UnSchedule(&tag_a));
  EXPECT_EQ(2, unscheduled.load());
  EXPECT_EQ(0, pool.UnSchedule(&tag_a));
  pool.SetBackgroundThreads(1);
  EXPECT_TRUE(WaitFor([&] { return count.load() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(1, count.load());
}

TEST(ThreadPoolTest, ShrinkAndGrow) {
  ThreadPool pool("test");
  pool.SetBackgroundThreads(4);
  pool.IncBackgroundThreadsIfNeeded(2);  // never shrinks
  EXPECT_EQ(4, pool.GetBackgroundThreads());
  pool.SetBackgroundThreads(1);
  EXPECT_EQ(1, pool.GetBackgroundThreads());
  Gate gate;
  pool.Schedule(&Gate::Run, &gate, nullptr, nullptr);
  pool.Schedule(&Gate::Run, &gate, nullptr, nullptr);
  EXPECT_TRUE(WaitFor([&] { return gate.entered.load() == 1; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(1, gate.entered.load());
  pool.SetBackgroundThreads(2);
  EXPECT_TRUE(WaitFor([&] { return gate.entered.load() == 2; }));
  gate.OpenAndDrain();
}

TEST(ThreadPoolTest, DestructionDropsQueuedJobs) {
  std::atomic<int> count{0};
  {
    ThreadPool pool("test");
    for (int i = 0; i < 10; ++i) {
      pool.Schedule(&Increment, &count, nullptr, nullptr);
    }
  }
  EXPECT_EQ(0, count.load());
}

// The Env contract: one pool per priority, each sized independently.
TEST(EnvThreadPoolTest, PrioritiesUseSeparatePools) {
  Env* env = Env::Default();
  env->SetBackgroundThreads(1, Env::LOW);
  env->SetBackgroundThreads(1, Env::HIGH);
  EXPECT_EQ(1, env->GetBackgroundThreads(Env::LOW));
  EXPECT_EQ(1, env->GetBackgroundThreads(Env::HIGH));

  // Block the LOW pool; HIGH jobs must still run.
  Gate gate;
  env->Schedule(&Gate::Run, &gate, Env::LOW);
  EXPECT_TRUE(WaitFor([&] { return gate.entered.load() == 1; }));
  std::atomic<int> low{0}, high{0};
  int tag = 0;
  env->Schedule(&Increment, &low, Env::LOW, &tag);
  env->Schedule(&Increment, &high, Env::HIGH);
  EXPECT_TRUE(WaitFor([&] { return high.load() == 1; }));
  EXPECT_EQ(0, low.load());
  EXPECT_EQ(1u, env->GetThreadPoolQueueLen(Env::LOW));
  EXPECT_EQ(1, env->UnSchedule(&tag, Env::LOW));
  EXPECT_EQ(0u, env->GetThreadPoolQueueLen(Env::LOW));
  gate.OpenAndDrain();
  env->SetBackgroundThreads(0, Env::HIGH);
  EXPECT_EQ(0, env->GetBackgroundThreads(Env::HIGH));
}

TEST(EnvThreadPoolTest, StartThreadAndWaitForJoin) {
  Env* env = Env::Default();
  std::atomic<int> count{0};
  for (int i = 0; i < 4; ++i) env->StartThread(&Increment, &count);
  env->StartThreadTyped([](std::atomic<int>* c, int by) { c->fetch_add(by); },
                        &count, 10);
  env->WaitForJoin();
  EXPECT_EQ(14, count.load());
}

TEST(EnvThreadPoolTest, ThreadIdsDiffer) {
  Env* env = Env::Default();
  uint64_t main_id = env->GetThreadID();
  uint64_t other_id = 0;
  std::thread t([&] { other_id = env->GetThreadID(); });
  t.join();
  EXPECT_NE(0u, main_id);
  EXPECT_NE(main_id, other_id);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
