// Copyright (c) the rocksdb-cleanroom authors.
//
// Differential DB tests: the same operations against Debian's RocksDB
// 7.8.3 and against our engine, compared call by call (status text, values,
// the latest sequence number), across reopens. Merge and DeleteRange stay
// out until their read semantics land (issue #6); SingleDelete is only
// used where its contract holds (at most one Put since the last deletion),
// since misuse is undefined and the engines legitimately differ.
//
// Some writes use disableWAL: both engines keep them across a clean Close.
// Runs with a small write buffer leave them out (see below).
//
// ROCKSDB_COMPAT_VERBOSE=1 prints every operation. ROCKSDB_COMPAT_SEED picks
// the first seed (default: time based, printed),
// ROCKSDB_COMPAT_SEEDS the number of seeds.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "db_engine_adapter.h"
#include "gtest/gtest.h"

namespace compat {
namespace {

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

// Replaces every occurrence of `from` in s by `to`.
std::string ReplaceAll(std::string s, const std::string& from,
                       const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos;) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

class DbWorkloadTest : public ::testing::Test {
 protected:
  DbWorkloadTest() : real_(NewRealDbEngine()), ours_(NewOurDbEngine()) {
    char tmpl[] = "/tmp/rocksdb_cleanroom_dbcompat_XXXXXX";
    EXPECT_NE(nullptr, mkdtemp(tmpl));
    root_ = tmpl;
  }
  ~DbWorkloadTest() override {
    real_->Close();
    ours_->Close();
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  std::string RealDir(const std::string& name) {
    return root_ + "/real_" + name;
  }
  std::string OurDir(const std::string& name) {
    return root_ + "/ours_" + name;
  }

  // Opens both engines on their copies of `name`; the status texts must
  // match once each engine's directory is written as <dir>.
  void OpenBoth(const std::string& name, const DbConfig& config,
                bool read_only = false) {
    const std::string r = real_->Open(RealDir(name), config, read_only);
    const std::string o = ours_->Open(OurDir(name), config, read_only);
    EXPECT_EQ(ReplaceAll(r, RealDir(name), "<dir>"),
              ReplaceAll(o, OurDir(name), "<dir>"));
  }

  std::unique_ptr<DbEngine> real_;
  std::unique_ptr<DbEngine> ours_;
  std::string root_;
};

TEST_F(DbWorkloadTest, OpenChecks) {
  DbConfig config;
  config.create_if_missing = false;
  OpenBoth("a", config);  // "<dir>/CURRENT: does not exist ..."
  EXPECT_FALSE(ours_->IsOpen());
  config.create_if_missing = true;
  OpenBoth("a", config);
  ASSERT_TRUE(ours_->IsOpen());
  EXPECT_EQ(real_->Put("k", "v", false, false),
            ours_->Put("k", "v", false, false));
  EXPECT_EQ(real_->Close(), ours_->Close());
  config.error_if_exists = true;
  OpenBoth("a", config);
  config.error_if_exists = false;
  OpenBoth("a", config, /*read_only=*/true);
  std::string rv, ov;
  EXPECT_EQ(real_->Get("k", &rv), ours_->Get("k", &ov));
  EXPECT_EQ(rv, ov);
  EXPECT_EQ(real_->Put("x", "y", false, false),
            ours_->Put("x", "y", false, false));
  EXPECT_EQ(real_->SyncWAL(), ours_->SyncWAL());
  EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
}

TEST_F(DbWorkloadTest, WriteOptionChecksAndMergeWithoutOperator) {
  DbConfig config;
  OpenBoth("m", config);
  EXPECT_EQ(real_->Put("k", "v", true, true), ours_->Put("k", "v", true, true));
  EXPECT_EQ(real_->Merge("k", "v"), ours_->Merge("k", "v"));
  EXPECT_EQ(real_->Put("a", "1", false, false),
            ours_->Put("a", "1", false, false));
  std::vector<DbWriteOp> batch = {{DbWriteOp::Kind::kPut, "b", "2"},
                                  {DbWriteOp::Kind::kMerge, "m", "x"}};
  EXPECT_EQ(real_->Write(batch, false, false),
            ours_->Write(batch, false, false));
  EXPECT_EQ(real_->Put("c", "3", false, false),
            ours_->Put("c", "3", false, false));
  EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
  for (const char* key : {"a", "b", "c", "m"}) {
    std::string rv, ov;
    EXPECT_EQ(real_->Get(key, &rv), ours_->Get(key, &ov)) << key;
    EXPECT_EQ(rv, ov) << key;
  }
}

// The random workload.
class Workload {
 public:
  // allow_disable_wal: see RandomOperationsWithReopen.
  Workload(uint64_t seed, DbEngine* real, DbEngine* ours,
           bool allow_disable_wal)
      : rnd_(seed),
        real_(real),
        ours_(ours),
        allow_disable_wal_(allow_disable_wal) {}

  std::string Key() {
    char buf[16];
    snprintf(buf, sizeof(buf), "k%05d", static_cast<int>(rnd_() % kKeys));
    return buf;
  }
  std::string Value() {
    const size_t len = rnd_() % 50 == 0 ? 5000 + rnd_() % 40000 : rnd_() % 120;
    std::string v(len, 'a');
    for (char& c : v) c = static_cast<char>('a' + rnd_() % 26);
    return v;
  }

  // SingleDelete's contract: at most one Put since the key was last
  // deleted, and never mixed with Delete on the same key (RocksDB 7.8.3's
  // enforce_single_del_contracts turns a mix into Corruption at flush).
  // One key in five is a "single-delete key": it only ever sees Put while
  // it has no value and SingleDelete while it has one.
  static bool IsSingleDeleteKey(const std::string& key) {
    return std::stoi(key.substr(1)) % 5 == 0;
  }
  // The kind a write of `key` becomes (kPut or kDelete as asked, or
  // kSingleDelete for single-delete keys), updating the bookkeeping.
  DbWriteOp::Kind Resolve(const std::string& key, DbWriteOp::Kind wanted) {
    bool& live = live_sd_[key];
    if (IsSingleDeleteKey(key)) {
      const DbWriteOp::Kind kind =
          live ? DbWriteOp::Kind::kSingleDelete : DbWriteOp::Kind::kPut;
      live = !live;
      return kind;
    }
    return wanted;
  }

  // Runs one random operation on both engines and compares the results.
  void Step(const DbConfig& config, const std::function<void()>& reopen) {
    const int choice = static_cast<int>(rnd_() % 100);
    std::string what;
    std::string r, o;
    if (choice < 45) {
      // A single write through Put, Delete or SingleDelete.
      const std::string k = Key();
      const DbWriteOp::Kind kind = Resolve(
          k, choice < 32 ? DbWriteOp::Kind::kPut : DbWriteOp::Kind::kDelete);
      if (kind == DbWriteOp::Kind::kPut) {
        const std::string v = Value();
        const bool sync = rnd_() % 20 == 0;
        const bool disable_wal =
            allow_disable_wal_ && !sync && rnd_() % 15 == 0;
        what = "Put " + k;
        r = real_->Put(k, v, sync, disable_wal);
        o = ours_->Put(k, v, sync, disable_wal);
      } else if (kind == DbWriteOp::Kind::kDelete) {
        what = "Delete " + k;
        r = real_->Delete(k);
        o = ours_->Delete(k);
      } else {
        what = "SingleDelete " + k;
        r = real_->SingleDelete(k);
        o = ours_->SingleDelete(k);
      }
    } else if (choice < 60) {
      std::vector<DbWriteOp> ops;
      const int n = static_cast<int>(rnd_() % 8);
      for (int i = 0; i < n; ++i) {
        DbWriteOp op;
        op.key = Key();
        op.kind = Resolve(op.key, rnd_() % 10 < 6 ? DbWriteOp::Kind::kPut
                                                  : DbWriteOp::Kind::kDelete);
        if (op.kind == DbWriteOp::Kind::kPut) op.value = Value();
        ops.push_back(op);
      }
      const bool sync = rnd_() % 20 == 0;
      const bool disable_wal = allow_disable_wal_ && !sync && rnd_() % 15 == 0;
      what = "Write of " + std::to_string(n);
      for (const DbWriteOp& op : ops) {
        what += op.kind == DbWriteOp::Kind::kPut      ? " P:"
                : op.kind == DbWriteOp::Kind::kDelete ? " D:"
                                                      : " SD:";
        what += op.key;
      }
      r = real_->Write(ops, sync, disable_wal);
      o = ours_->Write(ops, sync, disable_wal);
    } else if (choice < 85) {
      const std::string k = Key();
      std::string rv, ov;
      what = "Get " + k;
      r = real_->Get(k, &rv) + "=" + rv;
      o = ours_->Get(k, &ov) + "=" + ov;
    } else if (choice < 92) {
      std::vector<std::string> keys;
      for (int i = 0; i < 5; ++i) keys.push_back(Key());
      std::vector<std::string> rv, ov;
      what = "MultiGet";
      for (const std::string& s : real_->MultiGet(keys, &rv)) r += s + ";";
      for (const std::string& s : ours_->MultiGet(keys, &ov)) o += s + ";";
      for (const std::string& s : rv) r += s + ";";
      for (const std::string& s : ov) o += s + ";";
    } else if (choice < 95) {
      what = "SyncWAL";
      r = real_->SyncWAL();
      o = ours_->SyncWAL();
    } else if (choice < 97) {
      what = "FlushWAL";
      const bool sync = rnd_() % 2 == 0;
      r = real_->FlushWAL(sync);
      o = ours_->FlushWAL(sync);
    } else {
      what = "Reopen";
      reopen();
      r = o = "reopened";
    }
    (void)config;
    if (verbose_) {
      printf("op %llu: %s -> %s | seq %llu\n",
             static_cast<unsigned long long>(steps_), what.c_str(),
             r.substr(0, 60).c_str(),
             static_cast<unsigned long long>(real_->LatestSequence()));
    }
    ASSERT_EQ(r, o) << "op " << steps_ << ": " << what;
    ASSERT_EQ(real_->LatestSequence(), ours_->LatestSequence())
        << "op " << steps_ << ": " << what;
    ++steps_;
  }

  // Every key, on both engines.
  void CompareAll() {
    for (int i = 0; i < kKeys; ++i) {
      char buf[16];
      snprintf(buf, sizeof(buf), "k%05d", i);
      std::string rv, ov;
      const std::string r = real_->Get(buf, &rv);
      const std::string o = ours_->Get(buf, &ov);
      ASSERT_EQ(r, o) << buf;
      ASSERT_EQ(rv, ov) << buf;
    }
  }

  static constexpr int kKeys = 300;

 private:
  std::mt19937_64 rnd_;
  DbEngine* real_;
  DbEngine* ours_;
  const bool allow_disable_wal_;
  std::map<std::string, bool> live_sd_;  // single-delete key has a value
  uint64_t steps_ = 0;
  const bool verbose_ = EnvNumber("ROCKSDB_COMPAT_VERBOSE", 0) != 0;
};

TEST_F(DbWorkloadTest, RandomOperationsWithReopen) {
  const uint64_t first_seed = EnvNumber(
      "ROCKSDB_COMPAT_SEED",
      static_cast<uint64_t>(
          std::chrono::system_clock::now().time_since_epoch().count()) %
          1000000007);
  const uint64_t seeds = EnvNumber("ROCKSDB_COMPAT_SEEDS", 6);
  constexpr int kSteps = 1500;
  printf("db workload: seeds %llu..%llu (ROCKSDB_COMPAT_SEED)\n",
         static_cast<unsigned long long>(first_seed),
         static_cast<unsigned long long>(first_seed + seeds - 1));
  for (uint64_t seed = first_seed; seed < first_seed + seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    DbConfig config;
    if (seed % 3 == 1) config.write_buffer_size = 64 << 10;
    if (seed % 3 == 2) config.allow_concurrent_memtable_write = false;
    const std::string name = "w" + std::to_string(seed);
    OpenBoth(name, config);
    ASSERT_TRUE(ours_->IsOpen());
    // disableWAL writes survive a clean Close in both engines, but where
    // memtables fill up the last sequence number after reopen depends on
    // when RocksDB's background flushes ran (docs/compat.md): those runs
    // leave disableWAL out.
    Workload workload(seed, real_.get(), ours_.get(),
                      config.write_buffer_size == 0);
    auto reopen = [&] {
      EXPECT_EQ(real_->Close(), ours_->Close());
      OpenBoth(name, config);
      workload.CompareAll();
    };
    for (int i = 0; i < kSteps; ++i) {
      workload.Step(config, reopen);
      if (HasFatalFailure() || HasFailure()) return;
    }
    reopen();
    workload.CompareAll();
    real_->Close();
    ours_->Close();
  }
}

}  // namespace
}  // namespace compat
