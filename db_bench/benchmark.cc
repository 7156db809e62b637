// Copyright (c) the rocksdb-cleanroom authors.

#include "benchmark.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "flags.h"
#include "rocksdb/convenience.h"
#include "rocksdb/perf_level.h"
#include "rocksdb/statistics.h"
#include "rocksdb/version.h"

// Which library this binary is linked with (set by db_bench/CMakeLists.txt).
#if defined(DB_BENCH_LIBRARY_OURS)
#define DB_BENCH_LIBRARY "rocksdb-cleanroom (ours)"
#elif defined(DB_BENCH_LIBRARY_DEBIAN)
#define DB_BENCH_LIBRARY "Debian librocksdb"
#else
#define DB_BENCH_LIBRARY "unknown"
#endif

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

// RocksDB's benchmark names that this db_bench does not implement; they
// are skipped with a note instead of failing as unknown.
const std::set<std::string>& KnownButSkipped() {
  static const std::set<std::string>* const kNames =
      new std::set<std::string>{"fillseqdeterministic",
                                "filluniquerandomdeterministic",
                                "filluniquerandom",
                                "newiterator",
                                "newiteratorwhilewriting",
                                "seekrandomwhilewriting",
                                "seekrandomwhilemerging",
                                "compact0",
                                "compact1",
                                "mixgraph",
                                "readtorowcache",
                                "readtocache",
                                "readmissing",
                                "readwhilemerging",
                                "readwhilescanning",
                                "updaterandom",
                                "xorupdaterandom",
                                "appendrandom",
                                "readrandommergerandom",
                                "approximatesizerandom",
                                "randomwithverify",
                                "crc32c",
                                "xxhash",
                                "xxhash64",
                                "xxh3",
                                "compress",
                                "uncompress",
                                "acquireload",
                                "fillseekseq",
                                "randomtransaction",
                                "randomreplacekeys",
                                "timeseries",
                                "getmergeoperands",
                                "readrandomoperands",
                                "backup",
                                "restore",
                                "resetstats",
                                "levelstats",
                                "memstats",
                                "sstables",
                                "heapprofile",
                                "replay",
                                "deleteseq_range",
                                "fillseq_range"};
  return *kNames;
}

std::string DefaultDbPath() {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string dir = (tmp != nullptr && *tmp != '\0')
                        ? std::string(tmp)
                        : "/tmp/rocksdbtest-" + std::to_string(geteuid());
  mkdir(dir.c_str(), 0755);
  return dir + "/dbbench";
}

// "model name" and "cache size" from /proc/cpuinfo.
void CpuInfo(int* count, std::string* model, std::string* cache) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  *count = 0;
  while (std::getline(in, line)) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon);
    key.erase(key.find_last_not_of(" \t") + 1);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (key == "model name") {
      (*count)++;
      *model = value;
    } else if (key == "cache size") {
      *cache = value;
    }
  }
}

}  // namespace

Benchmark::Benchmark(BenchOptions options)
    : bench_options_(std::move(options)) {
  db_path_ = FLAGS_db.empty() ? DefaultDbPath() : FLAGS_db;
  if (FLAGS_seed != 0) {
    seed_base_ = static_cast<uint64_t>(FLAGS_seed);
  } else {
    seed_base_ = static_cast<uint64_t>(
        std::chrono::system_clock::now().time_since_epoch().count());
    fprintf(stderr, "Set seed to %" PRIu64 " because --seed was 0\n",
            seed_base_);
  }
  if (FLAGS_benchmark_write_rate_limit > 0) {
    write_limiter_.reset(NewGenericRateLimiter(
        static_cast<int64_t>(FLAGS_benchmark_write_rate_limit)));
  }
}

Benchmark::~Benchmark() { Close(); }

void Benchmark::PrintHeader() const {
  const time_t now = time(nullptr);
  char date[64];
  ctime_r(&now, date);
  std::string date_str(date);
  if (!date_str.empty() && date_str.back() == '\n') date_str.pop_back();
  int cpus = 0;
  std::string model, cache;
  CpuInfo(&cpus, &model, &cache);
  fprintf(stderr, "RocksDB:    version %d.%d.%d\n", ROCKSDB_MAJOR,
          ROCKSDB_MINOR, ROCKSDB_PATCH);
  fprintf(stderr, "Library:    %s\n", DB_BENCH_LIBRARY);
  fprintf(stderr, "Date:       %s\n", date_str.c_str());
  fprintf(stderr, "CPU:        %d * %s\n", cpus, model.c_str());
  fprintf(stderr, "CPUCache:   %s\n", cache.c_str());

  const Options& o = bench_options_.options;
  const double entries = static_cast<double>(FLAGS_num);
  fprintf(stdout,
          "Keys:       %d bytes each (+ 0 bytes user-defined timestamp)\n",
          FLAGS_key_size);
  fprintf(stdout, "Values:     %d bytes each (%d bytes after compression)\n",
          FLAGS_value_size,
          static_cast<int>(FLAGS_value_size * FLAGS_compression_ratio + 0.5));
  fprintf(stdout, "Entries:    %" PRId64 "\n", FLAGS_num);
  fprintf(stdout, "Prefix:    0 bytes\n");
  fprintf(stdout, "Keys per prefix:    0\n");
  fprintf(stdout, "RawSize:    %.1f MB (estimated)\n",
          (FLAGS_key_size + FLAGS_value_size) * entries / 1048576.0);
  fprintf(stdout, "FileSize:   %.1f MB (estimated)\n",
          (FLAGS_key_size + FLAGS_value_size * FLAGS_compression_ratio) *
              entries / 1048576.0);
  fprintf(stdout, "Write rate: %" PRIu64 " bytes/second\n",
          FLAGS_benchmark_write_rate_limit);
  fprintf(stdout, "Read rate: 0 ops/second\n");
  fprintf(stdout, "Compression: %s\n", CompressionDisplayName(o.compression));
  fprintf(stdout, "Compression sampling rate: 0\n");
  fprintf(stdout, "Memtablerep: SkipListFactory\n");
  fprintf(stdout, "Perf Level: %d\n", FLAGS_perf_level);
#ifdef DB_BENCH_LIBRARY_DEBIAN
  // Debian builds librocksdb with assertions enabled (its own db_bench
  // warns about it too).
  fprintf(stdout,
          "WARNING: this librocksdb is built with assertions enabled; "
          "benchmarks unnecessarily slow\n");
#endif
  fprintf(stdout, "------------------------------------------------\n");
  fflush(stdout);
}

void Benchmark::Open() {
  fprintf(stdout, "DB path: [%s]\n", db_path_.c_str());
  fflush(stdout);
  open_status_ = DB::Open(bench_options_.options, db_path_, &db_);
  if (!open_status_.ok()) {
    db_ = nullptr;
    if (!open_status_.IsNotSupported()) {
      fprintf(stderr, "open error: %s\n", open_status_.ToString().c_str());
      exit(1);
    }
  }
}

void Benchmark::Close() {
  delete db_;
  db_ = nullptr;
}

void Benchmark::DestroyAndReopen() {
  Close();
  // A failed destroy leaves the old files; Open() then reports the outcome.
  DestroyDB(db_path_, bench_options_.options).PermitUncheckedError();
  Open();
}

int Benchmark::Run() {
  PrintHeader();
  SetPerfLevel(static_cast<PerfLevel>(FLAGS_perf_level));
  if (!FLAGS_use_existing_db) {
    DestroyDB(db_path_, bench_options_.options).PermitUncheckedError();
  }
  Open();
  std::stringstream list(FLAGS_benchmarks);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (name.empty()) continue;
    if (!RunOne(name)) return 1;
  }
  if (FLAGS_statistics && bench_options_.options.statistics != nullptr) {
    fprintf(stdout, "STATISTICS:\n%s\n",
            bench_options_.options.statistics->ToString().c_str());
  }
  return 0;
}

void Benchmark::SetUpContext() {
  ctx_.db = db_;
  ctx_.write_options = WriteOptions();
  ctx_.write_options.sync = FLAGS_sync;
  ctx_.write_options.disableWAL = FLAGS_disable_wal;
  ctx_.read_options = ReadOptions();
  ctx_.read_options.verify_checksums = FLAGS_verify_checksum;
  ctx_.key_size = FLAGS_key_size;
  ctx_.compression_ratio = FLAGS_compression_ratio;
  ctx_.num = FLAGS_num;
  ctx_.reads = FLAGS_reads < 0 ? FLAGS_num : FLAGS_reads;
  ctx_.writes = FLAGS_writes < 0 ? FLAGS_num : FLAGS_writes;
  ctx_.deletes = FLAGS_deletes < 0 ? FLAGS_num : FLAGS_deletes;
  ctx_.merge_keys = FLAGS_merge_keys < 0 ? FLAGS_num : FLAGS_merge_keys;
  ctx_.batch_size = FLAGS_batch_size;
  ctx_.seek_nexts = FLAGS_seek_nexts;
  ctx_.readwritepercent = FLAGS_readwritepercent;
  ctx_.write_order = KeyOrder::kRandom;
  ctx_.write_key_space = FLAGS_num;
  ctx_.value_size = FLAGS_value_size;
  ctx_.write_limiter = write_limiter_.get();
  ctx_.num_readers = FLAGS_threads;
  ctx_.readers_running.store(FLAGS_threads);
}

bool Benchmark::RunOne(const std::string& name) {
  const bool fresh = name == "fillseq" || name == "fillrandom" ||
                     name == "fillsync" || name == "fill100K";
  if (fresh) {
    if (FLAGS_use_existing_db) {
      fprintf(stdout, "%-12s : skipped (--use_existing_db is true)\n",
              name.c_str());
      return true;
    }
    DestroyAndReopen();
  }
  if (KnownButSkipped().count(name) > 0) {
    fprintf(stdout, "%-12s : skipped (not implemented by this db_bench)\n",
            name.c_str());
    return true;
  }
  if (name == "mergerandom" && FLAGS_merge_operator.empty()) {
    fprintf(stdout, "%-12s : skipped (--merge_operator is unknown)\n",
            name.c_str());
    return false;
  }
  SetUpContext();
  const int threads = FLAGS_threads;
  WorkloadFn fn = nullptr;
  int total_threads = threads;
  if (name == "fillseq") {
    ctx_.write_order = KeyOrder::kSequential;
    fn = DoWrite;
  } else if (name == "fillrandom" || name == "overwrite") {
    fn = DoWrite;
  } else if (name == "fillsync" || name == "fill100K") {
    ctx_.write_key_space = FLAGS_num / 1000;
    if (name == "fillsync") ctx_.write_options.sync = true;
    if (name == "fill100K") ctx_.value_size = 100 * 1000;
    fn = DoWrite;
  } else if (name == "readrandom") {
    fn = ReadRandom;
  } else if (name == "readseq") {
    fn = ReadSequential;
  } else if (name == "readreverse") {
    fn = ReadReverse;
  } else if (name == "seekrandom") {
    fn = SeekRandom;
  } else if (name == "multireadrandom") {
    fprintf(stderr, "entries_per_batch = %" PRId64 "\n", FLAGS_batch_size);
    fn = MultiReadRandom;
  } else if (name == "readwhilewriting") {
    fn = ReadWhileWriting;
    total_threads = threads + 1;
  } else if (name == "readrandomwriterandom") {
    fn = ReadRandomWriteRandom;
  } else if (name == "deleteseq") {
    fn = DeleteSeq;
  } else if (name == "deleterandom") {
    fn = DeleteRandom;
  } else if (name == "mergerandom") {
    if (!bench_options_.merge_operator_status.ok()) {
      return Outcome(name, bench_options_.merge_operator_status);
    }
    fn = MergeRandom;
  } else if (name == "compact" || name == "compactall") {
    return Compact(name);
  } else if (name == "flush") {
    if (db_ == nullptr) return Outcome(name, open_status_);
    return Outcome(name, db_->Flush(FlushOptions()));
  } else if (name == "waitforcompaction") {
    return WaitForCompaction(name);
  } else if (name == "stats") {
    return PrintStats(name);
  } else {
    fprintf(stderr, "unknown benchmark '%s'\n", name.c_str());
    return false;
  }
  if (db_ == nullptr) return Outcome(name, open_status_);
  // fillsync and fill100K note their key space, as RocksDB's db_bench does.
  const std::string note =
      ctx_.write_key_space != FLAGS_num
          ? "(" + std::to_string(ctx_.write_key_space) + " ops)"
          : "";
  return RunThreads(name, fn, total_threads, threads, note);
}

bool Benchmark::RunThreads(const std::string& name, WorkloadFn fn, int threads,
                           int reporting, const std::string& note) {
  std::vector<std::unique_ptr<ThreadState>> states;
  for (int i = 0; i < threads; i++) {
    states.emplace_back(new ThreadState(i, seed_base_ + (++thread_count_),
                                        FLAGS_histogram, i < reporting));
  }
  std::mutex mu;
  std::condition_variable cv;
  int ready = 0;
  bool go = false;
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; i++) {
    ThreadState* state = states[i].get();
    workers.emplace_back([&, state] {
      {
        std::unique_lock<std::mutex> lock(mu);
        ready++;
        cv.notify_all();
        cv.wait(lock, [&] { return go; });
      }
      // The perf level is per thread; RocksDB's db_bench turns the
      // counters off (--perf_level=1) in every benchmark thread.
      SetPerfLevel(static_cast<PerfLevel>(FLAGS_perf_level));
      state->stats.Start();
      fn(&ctx_, state);
      state->stats.Stop();
    });
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return ready == threads; });
    go = true;
    cv.notify_all();
  }
  for (std::thread& t : workers) t.join();

  for (const auto& state : states) {
    if (state->status.IsNotSupported()) return Outcome(name, state->status);
  }
  for (const auto& state : states) {
    if (!state->status.ok()) return Outcome(name, state->status);
  }
  Stats merged = states[0]->stats;
  for (int i = 1; i < reporting; i++) merged.Merge(states[i]->stats);
  if (!note.empty()) merged.AddMessage(note);
  merged.Report(name);
  return true;
}

bool Benchmark::Compact(const std::string& name) {
  if (db_ == nullptr) return Outcome(name, open_status_);
  Stats stats(/*histogram=*/false, /*progress=*/false);
  stats.Start();
  // RocksDB's db_bench rewrites the bottommost level too (its LOG shows a
  // real compaction where the default options would trivially move).
  CompactRangeOptions options;
  options.bottommost_level_compaction =
      BottommostLevelCompaction::kForceOptimized;
  Status s = db_->CompactRange(options, nullptr, nullptr);
  stats.FinishedOps(1, OpType::kWrite);
  stats.Stop();
  if (!s.ok()) return Outcome(name, s);
  stats.Report(name);
  return true;
}

bool Benchmark::WaitForCompaction(const std::string& name) {
  if (db_ == nullptr) return Outcome(name, open_status_);
  const std::string* const kBusy[] = {&DB::Properties::kNumRunningCompactions,
                                      &DB::Properties::kNumRunningFlushes,
                                      &DB::Properties::kCompactionPending,
                                      &DB::Properties::kMemTableFlushPending};
  // Two rounds: finishing a flush can schedule a compaction.
  for (int round = 0; round < 2; round++) {
    fprintf(stdout, "%s(%s): started\n", name.c_str(), db_path_.c_str());
    fflush(stdout);
    while (true) {
      bool busy = false;
      for (const std::string* property : kBusy) {
        uint64_t value = 0;
        if (!db_->GetIntProperty(*property, &value)) {
          return Outcome(name, Status::NotSupported(*property));
        }
        busy = busy || value > 0;
      }
      if (!busy) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    fprintf(stdout, "%s(%s): finished\n", name.c_str(), db_path_.c_str());
    fflush(stdout);
  }
  return true;
}

bool Benchmark::PrintStats(const std::string& name) {
  if (db_ == nullptr) return Outcome(name, open_status_);
  std::string stats;
  if (!db_->GetProperty(DB::Properties::kStats, &stats)) {
    return Outcome(name, Status::NotSupported(DB::Properties::kStats));
  }
  fprintf(stdout, "\n%s\n", stats.c_str());
  fflush(stdout);
  return true;
}

bool Benchmark::Outcome(const std::string& name, const Status& s) {
  if (s.ok()) return true;
  if (s.IsNotSupported()) {
    fprintf(stdout, "%s: NotSupported\n", name.c_str());
    fflush(stdout);
    return true;
  }
  fprintf(stderr, "%s: %s\n", name.c_str(), s.ToString().c_str());
  return false;
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
