// Copyright (c) the rocksdb-cleanroom authors.
//
// Differential DB tests: the same operations against Debian's RocksDB
// 7.8.3 and against our engine, compared call by call (status text, values,
// the latest sequence number), across reopens. Data moves into level-0
// table files through explicit Flush calls and through background flushes
// of full memtables (small write buffers), so reads (Get, the vector and
// both batched MultiGets, reads at snapshots, KeyMayExist) cover memtables
// and many table files; each seed also picks table options (compression,
// Bloom filter, tiny blocks, block cache size, max_open_files small enough
// to make the table cache evict). Merge (with a string-append operator)
// only runs on seeds that configure it (string append, or the built-in
// uint64add of each engine's own library). DeleteRange runs in the DB and
// in batches (also empty ranges).
//
// A third of the operations are iterator steps on up to four live
// iterators (bounds, snapshots, total_order_seek, prefix_same_as_start),
// a third of those reversing direction; whole traces are compared. Seeds
// alternate between the bytewise and the reverse bytewise comparator, and
// pick a fixed or capped prefix extractor or none: prefix-mode iterators
// (no total_order_seek) are only driven where RocksDB defines the result
// (Seek+Next* and SeekForPrev+Prev* with prefix_same_as_start).
// SingleDelete is only used where its contract holds (at most one Put
// since the last deletion), since misuse is undefined and the engines
// legitimately differ. KeyMayExist is checked only where its result is
// defined: each engine's answer must agree with its own Get (false means
// absent, a value it reports must be the value).
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

// An empty DeleteRange [k, k) takes a sequence number when written, but
// RocksDB 7.8.3 inserts nothing for it, so after a reopen the recovered
// latest sequence number leaves it out when it was the last write
// (observed: Put a; DeleteRange c..c -> 2; reopen -> 1).
TEST_F(DbWorkloadTest, EmptyDeleteRangeAndReopen) {
  DbConfig config;
  OpenBoth("edr", config);
  ASSERT_TRUE(ours_->IsOpen());
  EXPECT_EQ(real_->Put("a", "1", false, false),
            ours_->Put("a", "1", false, false));
  EXPECT_EQ(real_->DeleteRange("c", "c"), ours_->DeleteRange("c", "c"));
  EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
  EXPECT_EQ(real_->Close(), ours_->Close());
  OpenBoth("edr", config);
  EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
  std::vector<DbWriteOp> batch = {{DbWriteOp::Kind::kPut, "x", "1"},
                                  {DbWriteOp::Kind::kDeleteRange, "e", "e"}};
  EXPECT_EQ(real_->Write(batch, false, false),
            ours_->Write(batch, false, false));
  EXPECT_EQ(real_->Close(), ours_->Close());
  OpenBoth("edr", config);
  EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
}

// A DeleteRange whose end sorts before its begin: RocksDB 7.8.3 logs the
// write, fails it with InvalidArgument("end key comes before start key")
// and keeps that error for every later write and flush (the sequence
// number it used stays consumed until reopen). An empty range is fine.
TEST_F(DbWorkloadTest, ReversedDeleteRange) {
  for (int comparator : {0, 1}) {
    DbConfig config;
    config.comparator = comparator;
    const std::string name = "rdr" + std::to_string(comparator);
    OpenBoth(name, config);
    ASSERT_TRUE(ours_->IsOpen());
    EXPECT_EQ(real_->DeleteRange("a", "a"), ours_->DeleteRange("a", "a"));
    const std::string lo = comparator == 0 ? "a" : "b";
    const std::string hi = comparator == 0 ? "b" : "a";
    EXPECT_EQ(real_->DeleteRange(lo, hi), ours_->DeleteRange(lo, hi));
    EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
    EXPECT_EQ(real_->DeleteRange(hi, lo), ours_->DeleteRange(hi, lo));
    EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
    EXPECT_EQ(real_->Put("k", "v", false, false),
              ours_->Put("k", "v", false, false));
    EXPECT_EQ(real_->Flush(true), ours_->Flush(true));
    std::string rv, ov;
    EXPECT_EQ(real_->Get("k", &rv), ours_->Get("k", &ov));
    EXPECT_EQ(real_->Close(), ours_->Close());
    OpenBoth(name, config);
    EXPECT_EQ(real_->LatestSequence(), ours_->LatestSequence());
    EXPECT_EQ(real_->Get("k", &rv), ours_->Get("k", &ov));
    EXPECT_EQ(real_->Close(), ours_->Close());
  }
}

// The options a seed runs with: write buffer and write-path knobs as before,
// plus table-file and read-path options.
DbConfig ConfigForSeed(uint64_t seed) {
  std::mt19937_64 rnd(seed * 7919 + 17);
  DbConfig config;
  if (seed % 3 == 1) config.write_buffer_size = 64 << 10;
  if (seed % 3 == 2) config.allow_concurrent_memtable_write = false;
  const int compressions[] = {-1, 0, 1, 4, 7};  // default, none, Snappy,
                                                // LZ4, ZSTD
  config.compression = compressions[rnd() % 5];
  const int bloom_bits[] = {0, 10, 2};
  config.bloom_bits = bloom_bits[rnd() % 3];
  const size_t block_sizes[] = {0, 256, 1024};
  config.block_size = block_sizes[rnd() % 3];
  const size_t cache_sizes[] = {0, 16 << 10, 1 << 20};
  config.block_cache_size = cache_sizes[rnd() % 3];
  config.max_open_files = rnd() % 2 == 0 ? 20 : -1;
  config.disable_auto_compactions = rnd() % 4 != 0;
  config.with_merge_operator = rnd() % 2 == 0;
  config.uint64add = config.with_merge_operator && rnd() % 2 == 0;
  // Alternate seeds run under the reverse bytewise comparator.
  config.comparator = static_cast<int>(seed % 2);
  config.prefix_kind = static_cast<int>(rnd() % 3);
  config.prefix_len = config.prefix_kind == 1 ? 2 + rnd() % 4 : 3 + rnd() % 2;
  return config;
}

std::string Describe(const DbConfig& c) {
  char buf[256];
  snprintf(buf, sizeof(buf),
           "write_buffer %zu concurrent %d compression %d bloom %d block %zu "
           "cache %zu max_open_files %d no_auto_compactions %d merge %d "
           "uint64add %d comparator %d prefix %d/%zu",
           c.write_buffer_size, c.allow_concurrent_memtable_write,
           c.compression, c.bloom_bits, c.block_size, c.block_cache_size,
           c.max_open_files, c.disable_auto_compactions, c.with_merge_operator,
           c.uint64add, c.comparator, c.prefix_kind, c.prefix_len);
  return buf;
}

// The random workload.
class Workload {
 public:
  // A live iterator: its id on both engines and where it stands.
  struct Iter {
    int id = 0;
    bool restricted = false;  // prefix mode: only Seek+Next*, SeekForPrev+Prev*
    bool valid = false;
    int direction = 0;  // 1 after a forward move, -1 after a backward one
    int snapshot = 0;   // the snapshot it reads at (0: its own)
  };

  // allow_disable_wal: see RandomOperationsWithReopen.
  Workload(uint64_t seed, DbEngine* real, DbEngine* ours,
           bool allow_disable_wal, const DbConfig& config)
      : rnd_(seed),
        real_(real),
        ours_(ours),
        allow_disable_wal_(allow_disable_wal),
        allow_merge_(config.with_merge_operator),
        config_(config) {}

  std::string Key() {
    char buf[16];
    snprintf(buf, sizeof(buf), "k%05d", static_cast<int>(rnd_() % kKeys));
    return buf;
  }
  std::string Value() {
    if (config_.uint64add && rnd_() % 5 != 0) return MergeValue();
    const size_t len = rnd_() % 50 == 0 ? 5000 + rnd_() % 40000 : rnd_() % 120;
    std::string v(len, 'a');
    for (char& c : v) c = static_cast<char>('a' + rnd_() % 26);
    return v;
  }
  // A merge operand: 8 bytes (a fixed64 for uint64add; a few wrong sizes
  // there too, which RocksDB's operator reads as 0).
  std::string MergeValue() {
    if (config_.uint64add && rnd_() % 20 != 0) {
      std::string v(8, '\0');
      v[0] = static_cast<char>(rnd_() % 256);
      v[1] = static_cast<char>(rnd_() % 4);
      if (rnd_() % 10 == 0) v[7] = static_cast<char>(0xff);  // wraps
      return v;
    }
    return Value().substr(0, 8);
  }
  // True when a sorts before b under the seed's comparator.
  bool Less(const std::string& a, const std::string& b) const {
    return config_.comparator == 1 ? b < a : a < b;
  }
  // A DeleteRange's [begin, end): mostly ordered by the comparator and
  // short; sometimes empty (ROCKSDB_COMPAT_EMPTY_RANGES=0 turns that off). Never reversed:
  // RocksDB 7.8.3 fails such a write after logging it and then refuses every
  // later write (ReversedDeleteRange below).
  void Range(std::string* begin, std::string* end) {
    *begin = Key();
    char buf[16];
    const int start = std::stoi(begin->substr(1));
    const int len = rnd_() % 4 == 0 ? static_cast<int>(rnd_() % 80)
                                    : static_cast<int>(rnd_() % 6);
    // Empty ranges only on request: see EmptyDeleteRangeAndReopen.
    const int other = config_.comparator == 1 ? start - len - !empty_ranges_
                                              : start + len + !empty_ranges_;
    snprintf(buf, sizeof(buf), "k%05d", other < 0 ? 0 : other);
    if (other < 0) *begin = "k00001";
    *end = buf;
  }
  // A Seek target: mostly a key of the key space, sometimes before, after
  // or between all keys.
  std::string Target(bool in_prefix_domain) {
    const int r = static_cast<int>(rnd_() % 20);
    if (in_prefix_domain || r >= 4) return Key();
    const char* odd[] = {"", "k", "k99999", "l"};
    return odd[r];
  }
  std::vector<std::string> Keys() {
    std::vector<std::string> keys;
    const int n = 1 + static_cast<int>(rnd_() % 8);
    for (int i = 0; i < n; ++i) keys.push_back(Key());
    return keys;
  }

  // SingleDelete's contract: at most one Put since the key was last
  // deleted, and never mixed with Delete on the same key (RocksDB 7.8.3's
  // enforce_single_del_contracts turns a mix into Corruption at flush).
  // One key in five is a "single-delete key": it only ever sees Put while
  // it has no value and SingleDelete while it has one (and no Merge).
  static bool IsSingleDeleteKey(const std::string& key) {
    return std::stoi(key.substr(1)) % 5 == 0;
  }
  // The kind a write of `key` becomes (kPut, kDelete or kMerge as asked,
  // or kSingleDelete for single-delete keys), updating the bookkeeping.
  DbWriteOp::Kind Resolve(const std::string& key, DbWriteOp::Kind wanted) {
    bool& live = live_sd_[key];
    if (IsSingleDeleteKey(key)) {
      const DbWriteOp::Kind kind =
          live ? DbWriteOp::Kind::kSingleDelete : DbWriteOp::Kind::kPut;
      live = !live;
      return kind;
    }
    if (wanted == DbWriteOp::Kind::kMerge && !allow_merge_) {
      return DbWriteOp::Kind::kPut;
    }
    return wanted;
  }
  DbWriteOp::Kind RandomKind() {
    const int r = static_cast<int>(rnd_() % 10);
    return r < 5   ? DbWriteOp::Kind::kPut
           : r < 8 ? DbWriteOp::Kind::kDelete
                   : DbWriteOp::Kind::kMerge;
  }

  // A read's options: now and then through a live snapshot, without
  // filling the block cache, without checksums.
  DbRead RandomRead() {
    DbRead read;
    if (!snapshots_.empty() && rnd_() % 3 == 0) {
      read.snapshot = snapshots_[rnd_() % snapshots_.size()];
    }
    read.fill_cache = rnd_() % 4 != 0;
    read.verify_checksums = rnd_() % 4 != 0;
    return read;
  }

  static std::string Join(const std::vector<std::string>& statuses,
                          const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& s : statuses) out += s + ";";
    for (const std::string& v : values) out += v + ";";
    return out;
  }

  // KeyMayExist of k on one engine, checked against that engine's Get:
  // false only for an absent key; a reported value is the value. Returns
  // the Get result for comparison between engines.
  static std::string CheckedKeyMayExist(DbEngine* db, const std::string& k,
                                        const char* name) {
    std::string value = "unset";
    bool value_found = false;
    const bool may_exist = db->KeyMayExist(k, &value, &value_found);
    std::string got;
    const std::string s = db->Get(k, &got);
    if (!may_exist) {
      EXPECT_EQ("NotFound: ", s) << name << " KeyMayExist false for " << k;
    } else if (value_found) {
      EXPECT_EQ("OK", s) << name << " KeyMayExist found " << k;
      EXPECT_EQ(got, value) << name << " KeyMayExist value of " << k;
    }
    return s + "=" + got;
  }

  // ReadOptions for a new iterator: a live snapshot, bounds (sometimes an
  // empty or reversed range), total_order_seek, prefix_same_as_start.
  // *restricted: a prefix-mode iterator (prefix extractor without
  // total_order_seek), for which only Seek+Next* and SeekForPrev+Prev* in
  // the seek key's prefix are defined.
  DbIterOptions RandomIterOptions(bool* restricted, std::string* text) {
    DbIterOptions io;
    if (!snapshots_.empty() && rnd_() % 3 == 0) {
      io.snapshot = snapshots_[rnd_() % snapshots_.size()];
    }
    const int bounds = static_cast<int>(rnd_() % 10);
    io.has_lower = bounds == 4 || bounds == 5 || bounds >= 8;
    io.has_upper = bounds == 6 || bounds == 7 || bounds >= 8;
    io.lower = Key();
    io.upper = Key();
    if (bounds == 8 && Less(io.upper, io.lower)) std::swap(io.lower, io.upper);
    if (bounds == 9 && rnd_() % 2 == 0) io.upper = io.lower;  // empty range
    io.total_order_seek =
        config_.prefix_kind != 0 ? rnd_() % 10 < 7 : rnd_() % 5 == 0;
    io.prefix_same_as_start = rnd_() % 3 == 0;
    *restricted = config_.prefix_kind != 0 && !io.total_order_seek;
    if (*restricted) io.prefix_same_as_start = true;
    *text = "snapshot " + std::to_string(io.snapshot);
    if (io.has_lower) *text += " lower " + io.lower;
    if (io.has_upper) *text += " upper " + io.upper;
    if (io.total_order_seek) *text += " total_order";
    if (io.prefix_same_as_start) *text += " same_prefix";
    return io;
  }

  // One move of `it` on both engines, appending the traces; true when the
  // move reverses the iterator's direction.
  bool Move(Iter* it, DbIterMove move, const std::string& target,
            std::string* what, std::string* r, std::string* o) {
    static const char* const kNames[] = {"SeekToFirst", "SeekToLast", "Seek",
                                         "SeekForPrev", "Next",       "Prev"};
    const bool reverses = (move == DbIterMove::kNext && it->direction < 0) ||
                          (move == DbIterMove::kPrev && it->direction > 0);
    *what += std::string(" ") + kNames[static_cast<int>(move)];
    if (move == DbIterMove::kSeek || move == DbIterMove::kSeekForPrev) {
      *what += "(" + target + ")";
    }
    const std::string rt = real_->IterMove(it->id, move, target);
    const std::string ot = ours_->IterMove(it->id, move, target);
    *r += rt + " | ";
    *o += ot + " | ";
    it->valid = rt.compare(0, 2, "V ") == 0 && ot.compare(0, 2, "V ") == 0;
    it->direction = move == DbIterMove::kSeekToFirst ||
                            move == DbIterMove::kSeek ||
                            move == DbIterMove::kNext
                        ? 1
                        : -1;
    return reverses;
  }

  // An iterator step: create or delete an iterator, or move a live one
  // (one move, or a run that often walks past an end or a bound).
  void IterStep(std::string* what, std::string* r, std::string* o) {
    ++iter_steps_;
    const int a = static_cast<int>(rnd_() % 100);
    size_t index;
    if (iters_.empty() || (iters_.size() < 4 && a < 8)) {
      Iter it;
      std::string text;
      const DbIterOptions io = RandomIterOptions(&it.restricted, &text);
      it.snapshot = io.snapshot;
      it.id = real_->NewIterator(io);
      EXPECT_EQ(it.id, ours_->NewIterator(io));
      *what = "NewIterator " + text + ";";
      iters_.push_back(it);
      index = iters_.size() - 1;
    } else if (a < 12) {
      index = rnd_() % iters_.size();
      *what = "DeleteIterator " + std::to_string(iters_[index].id);
      real_->DeleteIterator(iters_[index].id);
      ours_->DeleteIterator(iters_[index].id);
      iters_.erase(iters_.begin() + index);
      return;
    } else {
      index = rnd_() % iters_.size();
    }
    Iter& it = iters_[index];
    *what += " iter " + std::to_string(it.id) + ":";
    int moves = rnd_() % 5 == 0 ? 1 + static_cast<int>(rnd_() % 12) : 1;
    // An invalid iterator is repositioned first; the step then moves on.
    if (!it.valid && moves == 1) moves = 2;
    bool changed = false;
    for (int m = 0; m < moves; ++m) {
      DbIterMove move;
      std::string target;
      if (!it.valid || rnd_() % 12 == 0) {
        move = it.restricted ? (rnd_() % 2 == 0 ? DbIterMove::kSeek
                                                : DbIterMove::kSeekForPrev)
                             : static_cast<DbIterMove>(rnd_() % 4);
        target = Target(config_.prefix_kind != 0);  // RocksDB asserts InDomain
      } else if (it.restricted) {
        move = it.direction > 0 ? DbIterMove::kNext : DbIterMove::kPrev;
      } else {
        const bool reverse = m == 0 ? rnd_() % 100 < 80 : rnd_() % 6 == 0;
        move = (it.direction > 0) != reverse ? DbIterMove::kNext
                                             : DbIterMove::kPrev;
      }
      changed |= Move(&it, move, target, what, r, o);
    }
    if (changed) ++direction_changes_;
  }

  // Runs one random operation on both engines and compares the results.
  void Step(const std::function<void()>& reopen) {
    const int choice = static_cast<int>(rnd_() % 100);
    std::string what;
    std::string r, o;
    if (choice < 34) {
      IterStep(&what, &r, &o);
    } else if (choice < 37) {
      std::string begin, end;
      Range(&begin, &end);
      what = "DeleteRange " + begin + " " + end;
      r = real_->DeleteRange(begin, end);
      o = ours_->DeleteRange(begin, end);
    } else if (choice < 60) {
      // A single write through Put, Delete, SingleDelete or Merge.
      const std::string k = Key();
      const DbWriteOp::Kind kind = Resolve(k, RandomKind());
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
      } else if (kind == DbWriteOp::Kind::kMerge) {
        const std::string v = MergeValue();
        what = "Merge " + k;
        r = real_->Merge(k, v);
        o = ours_->Merge(k, v);
      } else {
        what = "SingleDelete " + k;
        r = real_->SingleDelete(k);
        o = ours_->SingleDelete(k);
      }
    } else if (choice < 67) {
      std::vector<DbWriteOp> ops;
      const int n = static_cast<int>(rnd_() % 8);
      for (int i = 0; i < n; ++i) {
        DbWriteOp op;
        op.key = Key();
        if (rnd_() % 20 == 0) {
          op.kind = DbWriteOp::Kind::kDeleteRange;
          Range(&op.key, &op.value);
          ops.push_back(op);
          continue;
        }
        op.kind = Resolve(op.key, RandomKind());
        if (op.kind == DbWriteOp::Kind::kPut) op.value = Value();
        if (op.kind == DbWriteOp::Kind::kMerge) op.value = MergeValue();
        ops.push_back(op);
      }
      const bool sync = rnd_() % 20 == 0;
      const bool disable_wal = allow_disable_wal_ && !sync && rnd_() % 15 == 0;
      what = "Write of " + std::to_string(n);
      for (const DbWriteOp& op : ops) {
        what += op.kind == DbWriteOp::Kind::kPut      ? " P:"
                : op.kind == DbWriteOp::Kind::kDelete ? " D:"
                : op.kind == DbWriteOp::Kind::kMerge  ? " M:"
                : op.kind == DbWriteOp::Kind::kDeleteRange
                    ? " DR:" + op.value + ":"
                    : " SD:";
        what += op.key;
      }
      r = real_->Write(ops, sync, disable_wal);
      o = ours_->Write(ops, sync, disable_wal);
    } else if (choice < 77) {
      const std::string k = Key();
      const DbRead read = RandomRead();
      std::string rv, ov;
      what = "Get " + k + " snapshot " + std::to_string(read.snapshot);
      r = real_->Get(k, &rv, read) + "=" + rv;
      o = ours_->Get(k, &ov, read) + "=" + ov;
    } else if (choice < 80) {
      const std::vector<std::string> keys = Keys();
      const DbRead read = RandomRead();
      std::vector<std::string> rv, ov;
      what = "MultiGet snapshot " + std::to_string(read.snapshot);
      r = Join(real_->MultiGet(keys, &rv, read), rv);
      o = Join(ours_->MultiGet(keys, &ov, read), ov);
    } else if (choice < 83) {
      const std::vector<std::string> keys = Keys();
      const DbRead read = RandomRead();
      const bool per_key = rnd_() % 2 == 0;
      std::vector<std::string> rv, ov;
      what = std::string("MultiGet batched") + (per_key ? " per-key cf" : "") +
             " snapshot " + std::to_string(read.snapshot);
      r = Join(real_->MultiGetBatched(keys, &rv, per_key, read), rv);
      o = Join(ours_->MultiGetBatched(keys, &ov, per_key, read), ov);
    } else if (choice < 85) {
      const std::string k = Key();
      what = "KeyMayExist " + k;
      r = CheckedKeyMayExist(real_, k, "real");
      o = CheckedKeyMayExist(ours_, k, "ours");
    } else if (choice < 88) {
      const bool wait = rnd_() % 4 != 0;
      what = wait ? "Flush" : "Flush (no wait)";
      r = real_->Flush(wait);
      o = ours_->Flush(wait);
    } else if (choice < 92) {
      // Several snapshots stay alive across flushes; some go later.
      if (snapshots_.size() < 2 || (snapshots_.size() < 5 && rnd_() % 2 == 0)) {
        what = "TakeSnapshot";
        const int id = real_->TakeSnapshot();
        EXPECT_EQ(id, ours_->TakeSnapshot());
        snapshots_.push_back(id);
      } else {
        what = "ReleaseSnapshot";
        const size_t i = rnd_() % snapshots_.size();
        // Iterators reading at it go first (RocksDB does not pin it).
        for (size_t j = iters_.size(); j-- > 0;) {
          if (iters_[j].snapshot != snapshots_[i]) continue;
          real_->DeleteIterator(iters_[j].id);
          ours_->DeleteIterator(iters_[j].id);
          iters_.erase(iters_.begin() + j);
        }
        real_->ReleaseSnapshot(snapshots_[i]);
        ours_->ReleaseSnapshot(snapshots_[i]);
        snapshots_.erase(snapshots_.begin() + i);
      }
    } else if (choice < 94) {
      what = "SyncWAL";
      r = real_->SyncWAL();
      o = ours_->SyncWAL();
    } else if (choice < 96) {
      what = "FlushWAL";
      const bool sync = rnd_() % 2 == 0;
      r = real_->FlushWAL(sync);
      o = ours_->FlushWAL(sync);
    } else if (choice < 97) {
      what = "Reopen";
      snapshots_.clear();  // Close released them and the iterators
      iters_.clear();
      reopen();
      r = o = "reopened";
    } else {
      // A burst of writes to one key range, filling memtables quickly.
      what = "Burst";
      for (int i = 0; i < 40; ++i) {
        const std::string k = Key();
        if (IsSingleDeleteKey(k)) continue;
        const std::string v = Value();
        r += real_->Put(k, v, false, false);
        o += ours_->Put(k, v, false, false);
      }
    }
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

  // Every key, on both engines, by Get and by batched MultiGet.
  void CompareAll() {
    std::vector<std::string> keys;
    for (int i = 0; i < kKeys; ++i) {
      char buf[16];
      snprintf(buf, sizeof(buf), "k%05d", i);
      keys.push_back(buf);
      std::string rv, ov;
      const std::string r = real_->Get(buf, &rv);
      const std::string o = ours_->Get(buf, &ov);
      ASSERT_EQ(r, o) << buf;
      ASSERT_EQ(rv, ov) << buf;
    }
    std::vector<std::string> rv, ov;
    ASSERT_EQ(Join(real_->MultiGetBatched(keys, &rv, false), rv),
              Join(ours_->MultiGetBatched(keys, &ov, false), ov));
    // Full scans both ways.
    for (bool forward : {true, false}) {
      DbIterOptions io;
      io.total_order_seek = true;
      Iter it;
      it.id = real_->NewIterator(io);
      ASSERT_EQ(it.id, ours_->NewIterator(io));
      std::string what, r, o;
      Move(&it, forward ? DbIterMove::kSeekToFirst : DbIterMove::kSeekToLast,
           "", &what, &r, &o);
      while (it.valid) {
        Move(&it, forward ? DbIterMove::kNext : DbIterMove::kPrev, "", &what,
             &r, &o);
      }
      real_->DeleteIterator(it.id);
      ours_->DeleteIterator(it.id);
      ASSERT_EQ(r, o) << (forward ? "forward scan" : "backward scan");
    }
  }

  static constexpr int kKeys = 300;
  uint64_t iter_steps_ = 0;         // iterator steps
  uint64_t direction_changes_ = 0;  // of those, steps reversing direction

 private:
  std::mt19937_64 rnd_;
  DbEngine* real_;
  DbEngine* ours_;
  const bool allow_disable_wal_;
  const bool allow_merge_;
  const DbConfig config_;
  const bool empty_ranges_ = EnvNumber("ROCKSDB_COMPAT_EMPTY_RANGES", 1) != 0;
  std::vector<Iter> iters_;
  std::map<std::string, bool> live_sd_;  // single-delete key has a value
  std::vector<int> snapshots_;           // live snapshot ids
  uint64_t steps_ = 0;
  const bool verbose_ = EnvNumber("ROCKSDB_COMPAT_VERBOSE", 0) != 0;
};

// Many level-0 files (one flush per round, no compaction) read back through
// every read method, with a table cache smaller than the number of files.
TEST_F(DbWorkloadTest, ReadsAcrossManyLevelZeroFiles) {
  DbConfig config;
  config.max_open_files = 20;
  config.bloom_bits = 10;
  config.block_size = 256;
  config.disable_auto_compactions = true;
  config.with_merge_operator = true;
  OpenBoth("l0", config);
  ASSERT_TRUE(ours_->IsOpen());
  int snapshot = 0;
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < 30; ++i) {
      const std::string k = "k" + std::to_string((round * 7 + i * 13) % 400);
      const std::string v = "v" + std::to_string(round) + "_" +
                            std::to_string(i) + std::string(i * 3, 'x');
      if (i % 7 == 3) {
        EXPECT_EQ(real_->Delete(k), ours_->Delete(k));
      } else if (i % 5 == 1) {
        EXPECT_EQ(real_->Merge(k, v.substr(0, 6)),
                  ours_->Merge(k, v.substr(0, 6)));
      } else {
        EXPECT_EQ(real_->Put(k, v, false, false),
                  ours_->Put(k, v, false, false));
      }
    }
    if (round == 20) {
      snapshot = real_->TakeSnapshot();
      ASSERT_EQ(snapshot, ours_->TakeSnapshot());
    }
    ASSERT_EQ(real_->Flush(true), ours_->Flush(true));
  }
  EXPECT_EQ(real_->Put("k1", "in the memtable", false, false),
            ours_->Put("k1", "in the memtable", false, false));
  std::vector<std::string> keys;
  for (int i = 0; i < 410; ++i) keys.push_back("k" + std::to_string(i));
  for (const DbRead& read : {DbRead(), DbRead{snapshot, false, true}}) {
    for (const std::string& k : keys) {
      std::string rv, ov;
      ASSERT_EQ(real_->Get(k, &rv, read), ours_->Get(k, &ov, read)) << k;
      ASSERT_EQ(rv, ov) << k;
    }
    std::vector<std::string> rv, ov;
    EXPECT_EQ(Workload::Join(real_->MultiGet(keys, &rv, read), rv),
              Workload::Join(ours_->MultiGet(keys, &ov, read), ov));
    EXPECT_EQ(
        Workload::Join(real_->MultiGetBatched(keys, &rv, false, read), rv),
        Workload::Join(ours_->MultiGetBatched(keys, &ov, false, read), ov));
    EXPECT_EQ(
        Workload::Join(real_->MultiGetBatched(keys, &rv, true, read), rv),
        Workload::Join(ours_->MultiGetBatched(keys, &ov, true, read), ov));
  }
  for (const std::string& k : keys) {
    Workload::CheckedKeyMayExist(real_.get(), k, "real");
    Workload::CheckedKeyMayExist(ours_.get(), k, "ours");
  }
  EXPECT_EQ(real_->Close(), ours_->Close());
  OpenBoth("l0", config);
  for (const std::string& k : keys) {
    std::string rv, ov;
    ASSERT_EQ(real_->Get(k, &rv), ours_->Get(k, &ov)) << k;
    ASSERT_EQ(rv, ov) << k;
  }
}

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
  uint64_t total_iter_steps = 0;
  uint64_t total_changes = 0;
  for (uint64_t seed = first_seed; seed < first_seed + seeds; ++seed) {
    const DbConfig config = ConfigForSeed(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ": " + Describe(config));
    const std::string name = "w" + std::to_string(seed);
    OpenBoth(name, config);
    ASSERT_TRUE(ours_->IsOpen());
    // disableWAL writes survive a clean Close in both engines, but where
    // memtables fill up the last sequence number after reopen depends on
    // when RocksDB's background flushes ran (docs/compat.md): those runs
    // leave disableWAL out.
    Workload workload(seed, real_.get(), ours_.get(),
                      config.write_buffer_size == 0, config);
    auto reopen = [&] {
      EXPECT_EQ(real_->Close(), ours_->Close());
      OpenBoth(name, config);
      workload.CompareAll();
    };
    for (int i = 0; i < kSteps; ++i) {
      workload.Step(reopen);
      if (HasFatalFailure() || HasFailure()) return;
    }
    reopen();
    workload.CompareAll();
    printf("seed %llu: %llu of %d steps on iterators, %llu reversing\n",
           static_cast<unsigned long long>(seed),
           static_cast<unsigned long long>(workload.iter_steps_), kSteps,
           static_cast<unsigned long long>(workload.direction_changes_));
    total_iter_steps += workload.iter_steps_;
    total_changes += workload.direction_changes_;
    real_->Close();
    ours_->Close();
  }
  // The generator's mix: >= 30% iterator steps, a third of them reversing
  // direction (per seed it varies; prefix-mode iterators never reverse).
  EXPECT_GE(total_iter_steps * 10, seeds * kSteps * 3);
  EXPECT_GE(total_changes * 3, total_iter_steps);
}

}  // namespace
}  // namespace compat
