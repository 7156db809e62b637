// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteThread: the queue that turns concurrent writes into groups (group
// commit). Every write enqueues a Writer; the writer at the head of the
// queue is the leader. The leader takes itself and the compatible writers
// queued behind it as one group, writes one WAL record for the whole group,
// syncs once if any member asked for it, inserts (or lets each member
// insert, in parallel) the batches into the memtable, publishes the last
// sequence number and then hands leadership to the next queued writer.
//
// Call grammar for a batched writer:
//   JoinBatchGroup
//     -> kLeader:         EnterAsBatchGroupLeader
//                         [LaunchParallelMemTableWriters
//                         WaitForMemTableWriters] ExitAsBatchGroupLeader
//     -> kMemTableWriter: (insert own batch) CompleteParallelMemTableWriter
//     -> kCompleted:      (done; Writer::status holds the result)
// and for work that needs the write path to itself (WAL switch, SyncWAL):
//   EnterUnbatched ... ExitUnbatched
//
// Thread safety: every method is thread-safe. A Writer lives on the stack
// of its calling thread and must outlive its whole call sequence.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "rocksdb/options.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {

class WriteThread {
 public:
  enum class State {
    kWaiting,         // queued behind a leader
    kLeader,          // head of the queue: must lead a group
    kMemTableWriter,  // must insert its own batch, then report back
    kCompleted,       // the write is finished; see Writer::status
  };

  struct WriteGroup;

  // One pending write. batch == nullptr marks an unbatched (exclusive)
  // writer, which is never grouped with others.
  struct Writer {
    Writer() = default;
    Writer(const WriteOptions& options, WriteBatch* b)
        : batch(b),
          sync(options.sync),
          disable_wal(options.disableWAL),
          no_slowdown(options.no_slowdown),
          low_pri(options.low_pri),
          ignore_missing_column_families(
              options.ignore_missing_column_families) {}
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    WriteBatch* batch = nullptr;
    bool sync = false;
    bool disable_wal = false;
    bool no_slowdown = false;
    bool low_pri = false;
    bool ignore_missing_column_families = false;

    // Set by the leader: the sequence number of the batch's first counted
    // entry, and the group the writer belongs to.
    SequenceNumber sequence = 0;
    WriteGroup* group = nullptr;
    // The result of this write. A memtable writer sets it for its own
    // insertion; the leader fills in the group's status otherwise.
    Status status;

    // Changed only under WriteThread::mu_ (then cv is notified); read
    // without it while a waiting writer spins.
    std::atomic<State> state{State::kWaiting};
    std::condition_variable cv;
  };

  // The writers one leader commits together. writers[0] is the leader;
  // the rest follow in queue order.
  struct WriteGroup {
    std::vector<Writer*> writers;
    size_t total_bytes = 0;    // sum of the batches' ByteSize
    uint64_t total_count = 0;  // sum of the batches' Count
    bool need_sync = false;    // some member asked for sync
    bool disable_wal = false;  // all members (same for every member)
    // Memtable writers that have not reported back. Changed under mu_.
    std::atomic<size_t> pending_memtable_writers{0};

    Writer* leader() const { return writers.front(); }
  };

  // A group stops growing past max_group_bytes (RocksDB's
  // max_write_batch_group_size_bytes); a small leader batch limits its
  // group to its own size plus 128 KiB so that it is not slowed down much.
  // A waiting writer first spins (yielding the CPU) for up to
  // max_yield_usec before it blocks: a hand-off between writers is then
  // much cheaper than a sleep and a wake-up. 0 blocks at once.
  explicit WriteThread(uint64_t max_group_bytes, uint64_t max_yield_usec = 0);
  WriteThread(const WriteThread&) = delete;
  WriteThread& operator=(const WriteThread&) = delete;

  // Queues w and blocks until it becomes leader, must write its own batch
  // into the memtable, or is completed by a leader. Returns the state.
  State JoinBatchGroup(Writer* w);

  // Forms the leader's group: the leader plus the queued writers that can
  // share its WAL record. A writer asking for sync never joins a leader
  // that does not sync; WAL and no-WAL writers are never mixed; an
  // unbatched writer ends the group.
  // REQUIRES: JoinBatchGroup(leader) returned kLeader.
  void EnterAsBatchGroupLeader(Writer* leader, WriteGroup* group);

  // Wakes every follower of the group with state kMemTableWriter. Each must
  // insert its own batch at its Writer::sequence and then call
  // CompleteParallelMemTableWriter. The leader inserts its own batch and
  // then calls WaitForMemTableWriters.
  void LaunchParallelMemTableWriters(WriteGroup* group);

  // Called by a follower once its memtable insertion is done. Blocks until
  // the leader has completed the whole group (so that the write is visible
  // to reads when this returns).
  void CompleteParallelMemTableWriter(Writer* w);

  // Called by the leader: blocks until every follower reported back.
  void WaitForMemTableWriters(WriteGroup* group);

  // Completes the group: every follower that has no status of its own gets
  // `status`, all are woken, and the next queued writer becomes leader.
  void ExitAsBatchGroupLeader(WriteGroup* group, const Status& status);

  // Waits until w (an unbatched writer with batch == nullptr) is alone at
  // the head of the queue: no write is in progress until ExitUnbatched.
  void EnterUnbatched(Writer* w);
  void ExitUnbatched(Writer* w);

 private:
  // Makes the head of the queue leader and wakes it.
  // REQUIRES: mu_ held.
  void WakeNextLeader();
  // Sets w's state and wakes it. REQUIRES: mu_ held.
  static void SetState(Writer* w, State state);
  // Returns once done() holds: spins first, then blocks on w->cv. done()
  // must become true only under mu_, followed by a notify of w->cv.
  template <typename Done>
  void Await(Writer* w, Done done);

  const uint64_t max_group_bytes_;
  const uint64_t max_yield_usec_;
  std::mutex mu_;
  std::deque<Writer*> queue_;  // guarded by mu_; front() is the leader
};

}  // namespace ROCKSDB_NAMESPACE
