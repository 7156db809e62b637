// Copyright (c) the rocksdb-cleanroom authors.
//
// Crash test (issue #4, seed of the future kvstress): a child process
// opens the DB and writes a deterministic stream of operations, reporting
// each acknowledged write through a pipe; the parent kill -9s it at a
// random moment, reopens the DB and checks that
//   * every write acknowledged as durable is present: writes with
//     sync=true, writes before a successful FlushWAL(), and, since the WAL
//     reaches the OS before a write is acknowledged, every write when
//     manual_wal_flush is off (a process crash loses nothing the OS has);
//   * the recovered state is exactly the state after some prefix of the
//     operations (no holes, batches all or nothing). The prefix length is
//     found from the recovered sequence number, since every operation
//     takes a known number of sequence numbers.
// Cycles chain: the next child continues from the recovered state.
//
// Run length: ROCKSDB_CRASH_TEST_CYCLES (default 120, four option presets
// in turn) and ROCKSDB_CRASH_TEST_SEED (default: time based, printed).

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

namespace {

using ROCKSDB_NAMESPACE::DB;
using ROCKSDB_NAMESPACE::Options;
using ROCKSDB_NAMESPACE::ReadOptions;
using ROCKSDB_NAMESPACE::Status;
using ROCKSDB_NAMESPACE::WriteBatch;
using ROCKSDB_NAMESPACE::WriteOptions;

constexpr int kNumKeys = 400;

std::string KeyName(int k) {
  char buf[16];
  snprintf(buf, sizeof(buf), "key%06d", k);
  return buf;
}

// One operation of the stream: a batch of entries (a single Put or Delete
// is a one-entry batch), written with or without sync.
struct Op {
  struct Entry {
    int key;
    bool is_delete;
    std::string value;
  };
  std::vector<Entry> entries;
  bool sync = false;
};

// Deterministic operation `index` of cycle `cycle`.
Op MakeOp(uint64_t seed, int cycle, uint64_t index) {
  std::mt19937_64 rnd(seed * 1000003 + static_cast<uint64_t>(cycle) * 7919 +
                      index);
  Op op;
  op.sync = rnd() % 8 == 0;
  const int n = rnd() % 5 == 0 ? 1 + static_cast<int>(rnd() % 6) : 1;
  for (int i = 0; i < n; ++i) {
    Op::Entry e;
    e.key = static_cast<int>(rnd() % kNumKeys);
    e.is_delete = rnd() % 5 == 0;
    if (!e.is_delete) {
      e.value = "c" + std::to_string(cycle) + "." + std::to_string(index) +
                "." + std::to_string(i) + ":" +
                std::string(rnd() % 300, static_cast<char>('a' + rnd() % 26));
    }
    op.entries.push_back(std::move(e));
  }
  return op;
}

// How a preset configures the DB and the child.
struct Preset {
  const char* name;
  void (*configure)(Options*);
  int flush_wal_every;  // manual_wal_flush: FlushWAL after this many ops
};

const Preset kPresets[] = {
    {"defaults", [](Options*) {}, 0},
    {"small write buffer", [](Options* o) { o->write_buffer_size = 64 << 10; },
     0},
    {"manual_wal_flush",
     [](Options* o) {
       o->manual_wal_flush = true;
       o->write_buffer_size = 256 << 10;
     },
     7},
    {"serial memtable writes",
     [](Options* o) { o->allow_concurrent_memtable_write = false; }, 0},
};

// Child -> parent messages, 9 bytes: a kind ('R' ready, 'W' write
// acknowledged, 'F' FlushWAL done) and an op index (fixed64, host order).
void Send(int fd, char kind, uint64_t index) {
  char buf[9];
  buf[0] = kind;
  memcpy(buf + 1, &index, sizeof(index));
  // A pipe write of at most PIPE_BUF bytes is atomic.
  if (write(fd, buf, sizeof(buf)) != static_cast<ssize_t>(sizeof(buf))) {
    _exit(3);
  }
}

[[noreturn]] void RunChild(const std::string& dbname, const Options& options,
                           const Preset& preset, uint64_t seed, int cycle,
                           int fd) {
  DB* db = nullptr;
  Status s = DB::Open(options, dbname, &db);
  if (!s.ok()) {
    fprintf(stderr, "child open: %s\n", s.ToString().c_str());
    _exit(2);
  }
  Send(fd, 'R', 0);
  for (uint64_t i = 0;; ++i) {
    const Op op = MakeOp(seed, cycle, i);
    WriteBatch batch;
    for (const Op::Entry& e : op.entries) {
      if (e.is_delete) {
        batch.Delete(KeyName(e.key));
      } else {
        batch.Put(KeyName(e.key), e.value);
      }
    }
    WriteOptions wo;
    wo.sync = op.sync;
    s = db->Write(wo, &batch);
    if (!s.ok()) {
      fprintf(stderr, "child write: %s\n", s.ToString().c_str());
      _exit(2);
    }
    Send(fd, 'W', i);
    if (preset.flush_wal_every > 0 && (i + 1) % preset.flush_wal_every == 0) {
      s = db->FlushWAL(false);
      if (!s.ok()) _exit(2);
      Send(fd, 'F', i);
    }
  }
}

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

TEST(CrashTest, KillNineKeepsAcknowledgedWritesAndRecoversAPrefix) {
  const uint64_t cycles = EnvNumber("ROCKSDB_CRASH_TEST_CYCLES", 120);
  const uint64_t seed = EnvNumber(
      "ROCKSDB_CRASH_TEST_SEED",
      static_cast<uint64_t>(
          std::chrono::system_clock::now().time_since_epoch().count()) %
          1000000007);
  printf(
      "crash test: seed %llu, %llu cycles "
      "(ROCKSDB_CRASH_TEST_SEED / ROCKSDB_CRASH_TEST_CYCLES)\n",
      static_cast<unsigned long long>(seed),
      static_cast<unsigned long long>(cycles));
  char tmpl[] = "/tmp/rocksdb_cleanroom_crash_XXXXXX";
  ASSERT_NE(nullptr, mkdtemp(tmpl));
  const std::string root = tmpl;

  std::mt19937_64 rnd(seed);
  uint64_t total_acked = 0;
  // Model of each preset's DB: key -> value, and the sequence number.
  for (const Preset& preset : kPresets) {
    const std::string dbname = root + "/" + std::to_string(&preset - kPresets);
    std::map<int, std::string> model;
    uint64_t model_seq = 0;
    Options options;
    options.create_if_missing = true;
    preset.configure(&options);
    const uint64_t preset_cycles =
        (cycles + std::size(kPresets) - 1) / std::size(kPresets);
    for (uint64_t c = 0; c < preset_cycles; ++c) {
      const int cycle = static_cast<int>(c);
      SCOPED_TRACE(std::string(preset.name) + " cycle " +
                   std::to_string(cycle) + " seed " + std::to_string(seed));
      int fds[2];
      ASSERT_EQ(0, pipe(fds));
      fflush(stdout);
      const pid_t pid = fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) {
        close(fds[0]);
        RunChild(dbname, options, preset, seed, cycle, fds[1]);
      }
      close(fds[1]);
      // Wait for the child to be open, let it write a while, kill it.
      char buf[9];
      ASSERT_EQ(9, read(fds[0], buf, 9)) << "child failed to open";
      ASSERT_EQ('R', buf[0]);
      std::this_thread::sleep_for(
          std::chrono::microseconds(500 + rnd() % 30000));
      kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
      ASSERT_TRUE(WIFSIGNALED(status)) << "child exited by itself: " << status;

      // Collect the acknowledgements.
      uint64_t acked = 0;         // ops acknowledged: [0, acked)
      uint64_t must_survive = 0;  // ops that must be recovered: [0, this)
      ssize_t n;
      while ((n = read(fds[0], buf, 9)) == 9) {
        uint64_t index;
        memcpy(&index, buf + 1, sizeof(index));
        if (buf[0] == 'W') {
          acked = index + 1;
          const bool durable_now =
              MakeOp(seed, cycle, index).sync || !options.manual_wal_flush;
          if (durable_now) must_survive = index + 1;
        } else if (buf[0] == 'F') {
          must_survive = std::max(must_survive, index + 1);
        }
      }
      close(fds[0]);
      total_acked += acked;

      // Reopen and find the recovered prefix from the sequence number.
      DB* db = nullptr;
      Status s = DB::Open(options, dbname, &db);
      ASSERT_TRUE(s.ok()) << s.ToString();
      const uint64_t recovered_seq = db->GetLatestSequenceNumber();
      uint64_t prefix = 0;
      uint64_t seq = model_seq;
      std::map<int, std::string> expected = model;
      while (seq < recovered_seq) {
        const Op op = MakeOp(seed, cycle, prefix);
        for (const Op::Entry& e : op.entries) {
          if (e.is_delete) {
            expected.erase(e.key);
          } else {
            expected[e.key] = e.value;
          }
        }
        seq += op.entries.size();
        ++prefix;
      }
      EXPECT_EQ(seq, recovered_seq) << "recovered sequence inside a batch";
      EXPECT_GE(prefix, must_survive) << "acknowledged durable write lost";
      EXPECT_LE(prefix, acked + 1) << "more writes than were issued";
      for (int k = 0; k < kNumKeys; ++k) {
        std::string value;
        s = db->Get(ReadOptions(), KeyName(k), &value);
        auto it = expected.find(k);
        if (it == expected.end()) {
          ASSERT_TRUE(s.IsNotFound()) << KeyName(k) << ": " << s.ToString();
        } else {
          ASSERT_TRUE(s.ok()) << KeyName(k) << ": " << s.ToString();
          ASSERT_EQ(it->second, value) << KeyName(k);
        }
      }
      delete db;
      model = std::move(expected);
      model_seq = seq;
      if (HasFailure()) break;
    }
    if (HasFailure()) break;
  }
  printf("crash test: %llu acknowledged writes checked\n",
         static_cast<unsigned long long>(total_acked));
  std::error_code ec;
  if (!HasFailure()) std::filesystem::remove_all(root, ec);
}

}  // namespace
