// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteThread: leadership, grouping rules, parallel memtable writers,
// unbatched exclusion, and a many-thread stress run.

#include "db/write_thread.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using State = WriteThread::State;

WriteBatch BatchOf(int entries) {
  WriteBatch batch;
  for (int i = 0; i < entries; ++i) {
    batch.Put("key" + std::to_string(i), "value");
  }
  return batch;
}

// Gives a started thread the time to queue behind the current leader.
void SleepABit() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

TEST(WriteThreadTest, LoneWriterLeadsItsOwnGroup) {
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(3);
  WriteThread::Writer w(WriteOptions(), &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&w));
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&w, &group);
  ASSERT_EQ(1u, group.writers.size());
  EXPECT_EQ(3u, group.total_count);
  EXPECT_FALSE(group.need_sync);
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
  EXPECT_TRUE(w.status.ok());
}

// Starts a writer on its own thread; its final state and status are
// recorded.
struct Follower {
  Follower(WriteThread* wt, const WriteOptions& options, int entries)
      : batch(BatchOf(entries)), writer(options, &batch) {
    thread = std::thread([this, wt] {
      state = wt->JoinBatchGroup(&writer);
      if (state == State::kMemTableWriter) {
        inserted = true;
        wt->CompleteParallelMemTableWriter(&writer);
      }
      done = true;
    });
  }
  ~Follower() { Join(); }
  void Join() {
    if (thread.joinable()) thread.join();
  }

  WriteBatch batch;
  WriteThread::Writer writer;
  std::thread thread;
  std::atomic<State> state{State::kWaiting};
  std::atomic<bool> inserted{false};
  std::atomic<bool> done{false};
};

TEST(WriteThreadTest, QueuedWritersJoinTheLeadersGroup) {
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(1);
  WriteThread::Writer leader(WriteOptions(), &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&leader));
  Follower a(&wt, WriteOptions(), 2);
  SleepABit();
  Follower b(&wt, WriteOptions(), 4);
  SleepABit();
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&leader, &group);
  ASSERT_EQ(3u, group.writers.size());
  EXPECT_EQ(&a.writer, group.writers[1]);
  EXPECT_EQ(&b.writer, group.writers[2]);
  EXPECT_EQ(7u, group.total_count);
  EXPECT_FALSE(a.done);
  wt.ExitAsBatchGroupLeader(&group, Status::IOError("wal"));
  a.Join();
  b.Join();
  EXPECT_EQ(State::kCompleted, a.state);
  EXPECT_TRUE(a.writer.status.IsIOError());
  EXPECT_TRUE(b.writer.status.IsIOError());
}

TEST(WriteThreadTest, SyncWriterDoesNotJoinANonSyncLeader) {
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(1);
  WriteThread::Writer leader(WriteOptions(), &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&leader));
  WriteOptions sync;
  sync.sync = true;
  Follower a(&wt, sync, 1);
  SleepABit();
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&leader, &group);
  EXPECT_EQ(1u, group.writers.size());
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
  // The sync writer leads the next group.
  a.Join();
  EXPECT_EQ(State::kLeader, a.state);
  WriteThread::WriteGroup next;
  wt.EnterAsBatchGroupLeader(&a.writer, &next);
  EXPECT_TRUE(next.need_sync);
  wt.ExitAsBatchGroupLeader(&next, Status::OK());
}

TEST(WriteThreadTest, NonSyncWriterJoinsASyncLeaderAndWalModesDoNotMix) {
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(1);
  WriteOptions sync;
  sync.sync = true;
  WriteThread::Writer leader(sync, &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&leader));
  Follower plain(&wt, WriteOptions(), 1);
  SleepABit();
  WriteOptions no_wal;
  no_wal.disableWAL = true;
  Follower unlogged(&wt, no_wal, 1);
  SleepABit();
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&leader, &group);
  ASSERT_EQ(2u, group.writers.size());
  EXPECT_TRUE(group.need_sync);
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
  unlogged.Join();
  EXPECT_EQ(State::kLeader, unlogged.state);
  WriteThread::WriteGroup next;
  wt.EnterAsBatchGroupLeader(&unlogged.writer, &next);
  EXPECT_TRUE(next.disable_wal);
  wt.ExitAsBatchGroupLeader(&next, Status::OK());
}

TEST(WriteThreadTest, GroupSizeIsBounded) {
  // A small leader takes followers up to its size plus 128 KiB.
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(1);
  WriteThread::Writer leader(WriteOptions(), &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&leader));
  WriteBatch big;
  big.Put("big", std::string(200 << 10, 'x'));
  WriteThread::Writer big_writer(WriteOptions(), &big);
  std::thread t([&] {
    State s = wt.JoinBatchGroup(&big_writer);
    ASSERT_EQ(State::kLeader, s);
    WriteThread::WriteGroup g;
    wt.EnterAsBatchGroupLeader(&big_writer, &g);
    wt.ExitAsBatchGroupLeader(&g, Status::OK());
  });
  SleepABit();
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&leader, &group);
  EXPECT_EQ(1u, group.writers.size());
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
  t.join();
}

TEST(WriteThreadTest, ParallelMemTableWriters) {
  WriteThread wt(1 << 20);
  WriteBatch batch = BatchOf(1);
  WriteThread::Writer leader(WriteOptions(), &batch);
  ASSERT_EQ(State::kLeader, wt.JoinBatchGroup(&leader));
  Follower a(&wt, WriteOptions(), 1);
  Follower b(&wt, WriteOptions(), 1);
  SleepABit();
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&leader, &group);
  ASSERT_EQ(3u, group.writers.size());
  wt.LaunchParallelMemTableWriters(&group);
  wt.WaitForMemTableWriters(&group);
  EXPECT_TRUE(a.inserted);
  EXPECT_TRUE(b.inserted);
  // Members wait for the leader to complete the group.
  SleepABit();
  EXPECT_FALSE(a.done);
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
}

TEST(WriteThreadTest, UnbatchedWriterRunsAlone) {
  WriteThread wt(1 << 20);
  WriteThread::Writer exclusive;
  wt.EnterUnbatched(&exclusive);
  Follower a(&wt, WriteOptions(), 1);
  SleepABit();
  EXPECT_EQ(State::kWaiting, a.state);
  wt.ExitUnbatched(&exclusive);
  a.Join();
  ASSERT_EQ(State::kLeader, a.state);
  WriteThread::WriteGroup group;
  wt.EnterAsBatchGroupLeader(&a.writer, &group);
  wt.ExitAsBatchGroupLeader(&group, Status::OK());
}

TEST(WriteThreadTest, ManyThreadsEveryWriteCompletesOnce) {
  WriteThread wt(1 << 20);
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 300;
  std::atomic<uint64_t> committed{0};
  std::atomic<int> groups{0};
  std::atomic<int> in_leader{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        WriteBatch batch = BatchOf(1 + (t + i) % 3);
        WriteThread::Writer w(WriteOptions(), &batch);
        State s = wt.JoinBatchGroup(&w);
        if (s == State::kMemTableWriter) {
          wt.CompleteParallelMemTableWriter(&w);
          continue;
        }
        if (s == State::kCompleted) continue;
        ASSERT_EQ(State::kLeader, s);
        ASSERT_EQ(0, in_leader.fetch_add(1));
        WriteThread::WriteGroup group;
        wt.EnterAsBatchGroupLeader(&w, &group);
        committed += group.total_count;
        ++groups;
        if (i % 2 == 0) {
          wt.LaunchParallelMemTableWriters(&group);
          wt.WaitForMemTableWriters(&group);
        }
        in_leader.fetch_sub(1);
        wt.ExitAsBatchGroupLeader(&group, Status::OK());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  uint64_t expected = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWritesPerThread; ++i) expected += 1 + (t + i) % 3;
  }
  EXPECT_EQ(expected, committed.load());
  EXPECT_LE(groups.load(), kThreads * kWritesPerThread);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
