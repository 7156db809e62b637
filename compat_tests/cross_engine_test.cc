// Copyright (c) the rocksdb-cleanroom authors.
//
// Table files across engines: one engine writes a DB (random puts, deletes,
// range deletions, several flushes, the writer's own compactions), the
// other opens the directory read-only and must show exactly what the writer
// shows: the full forward and backward scans and a Get of every key ever
// written plus absent ones. Both directions: RocksDB -> ours exercises our
// table reader on RocksDB's SSTs (data, index, filter, properties and
// range-deletion blocks, every compression), ours -> RocksDB shows RocksDB
// accepts ours. Seeds pick compression, Bloom bits and block size.
//
// ROCKSDB_COMPAT_SEED / ROCKSDB_COMPAT_SEEDS choose the seeds (default: 1
// and 8 seeds, deterministic).

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "db_engine_adapter.h"

namespace compat {
namespace {

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::strtoull(v, nullptr, 10) : fallback;
}

std::string TestDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return std::string(tmp != nullptr ? tmp : "/tmp") + "/cross_engine_" +
         std::to_string(getpid()) + "_" + name;
}

// Compression values as CompressionType: none, snappy, zlib, bzip2, lz4,
// lz4hc, zstd.
const int kCompressions[] = {0, 1, 2, 3, 4, 5, 7};

DbConfig ConfigForSeed(uint64_t seed) {
  DbConfig config;
  config.write_buffer_size = 64 << 10;
  config.compression = kCompressions[seed % 7];
  config.bloom_bits = seed % 2 == 0 ? 10 : 0;
  config.block_size = seed % 3 == 0 ? 256 : 0;
  config.disable_auto_compactions = seed % 4 == 3;
  return config;
}

std::string Key(std::mt19937_64* rnd) {
  char buf[32];
  snprintf(buf, sizeof(buf), "key%06u",
           static_cast<unsigned>((*rnd)() % 3000));
  return buf;
}

// Writes the DB with `writer`; returns every key it touched.
std::set<std::string> WriteDb(DbEngine* writer, const std::string& dir,
                              const DbConfig& config, uint64_t seed) {
  std::set<std::string> keys;
  EXPECT_EQ("OK", writer->Open(dir, config));
  std::mt19937_64 rnd(seed);
  const std::string value_pad(static_cast<size_t>(rnd() % 200), 'v');
  for (int i = 0; i < 6000; ++i) {
    const std::string key = Key(&rnd);
    keys.insert(key);
    const uint64_t dice = rnd() % 100;
    if (dice < 75) {
      EXPECT_EQ("OK", writer->Put(key, value_pad + std::to_string(i), false, false));
    } else if (dice < 92) {
      EXPECT_EQ("OK", writer->Delete(key));
    } else if (dice < 94) {
      std::string begin = key;
      std::string end = Key(&rnd);
      if (end < begin) std::swap(begin, end);
      EXPECT_EQ("OK", writer->DeleteRange(begin, end));
    } else if (dice < 95) {
      EXPECT_EQ("OK", writer->Flush(true));
    }
  }
  EXPECT_EQ("OK", writer->Flush(true));
  EXPECT_EQ("OK", writer->Close());
  return keys;
}

// What `engine` shows of the DB in dir: scans both ways and Gets.
std::vector<std::string> Observe(DbEngine* engine, const std::string& dir,
                                 const DbConfig& config,
                                 const std::set<std::string>& keys) {
  std::vector<std::string> seen;
  const std::string open = engine->Open(dir, config, /*read_only=*/true);
  seen.push_back("open " + open);
  if (open != "OK") return seen;
  const int it = engine->NewIterator(DbIterOptions());
  std::string step = engine->IterMove(it, DbIterMove::kSeekToFirst, "");
  while (step[0] == 'V') {
    seen.push_back(step);
    step = engine->IterMove(it, DbIterMove::kNext, "");
  }
  seen.push_back(step);
  step = engine->IterMove(it, DbIterMove::kSeekToLast, "");
  while (step[0] == 'V') {
    seen.push_back(step);
    step = engine->IterMove(it, DbIterMove::kPrev, "");
  }
  seen.push_back(step);
  engine->DeleteIterator(it);
  for (const std::string& key : keys) {
    std::string value;
    const std::string s = engine->Get(key, &value, DbRead());
    seen.push_back("get " + key + " " + s + " " + value);
    seen.push_back("get " + key + "~ " + engine->Get(key + "~", &value,
                                                    DbRead()));
  }
  seen.push_back("close " + engine->Close());
  return seen;
}

void CompareTraces(const std::vector<std::string>& writer_view,
                   const std::vector<std::string>& reader_view) {
  ASSERT_EQ(writer_view.size(), reader_view.size());
  for (size_t i = 0; i < writer_view.size(); ++i) {
    ASSERT_EQ(writer_view[i], reader_view[i]) << "line " << i;
  }
}

class CrossEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    real_ = NewRealDbEngine();
    ours_ = NewOurDbEngine();
  }

  // writer writes, then both engines observe; the reader must agree with
  // the writer.
  void RunSeed(uint64_t seed, DbEngine* writer, DbEngine* reader,
               const std::string& direction) {
    const DbConfig config = ConfigForSeed(seed);
    SCOPED_TRACE(direction + " seed " + std::to_string(seed));
    const std::string dir = TestDir(direction + std::to_string(seed));
    writer->Destroy(dir);
    const std::set<std::string> keys = WriteDb(writer, dir, config, seed);
    const std::vector<std::string> expected =
        Observe(writer, dir, config, keys);
    ASSERT_EQ("open OK", expected.front());
    ASSERT_GT(expected.size(), 2000u);  // scans and Gets of real data
    const std::vector<std::string> actual = Observe(reader, dir, config, keys);
    CompareTraces(expected, actual);
    writer->Destroy(dir);
  }

  std::unique_ptr<DbEngine> real_;
  std::unique_ptr<DbEngine> ours_;
};

TEST_F(CrossEngineTest, OursReadsRocksDbTables) {
  const uint64_t first = EnvNumber("ROCKSDB_COMPAT_SEED", 1);
  const uint64_t n = EnvNumber("ROCKSDB_COMPAT_SEEDS", 8);
  for (uint64_t seed = first; seed < first + n; ++seed) {
    RunSeed(seed, real_.get(), ours_.get(), "real_to_ours");
    if (HasFatalFailure()) return;
  }
}

TEST_F(CrossEngineTest, RocksDbReadsOurTables) {
  const uint64_t first = EnvNumber("ROCKSDB_COMPAT_SEED", 1);
  const uint64_t n = EnvNumber("ROCKSDB_COMPAT_SEEDS", 8);
  for (uint64_t seed = first; seed < first + n; ++seed) {
    RunSeed(seed, ours_.get(), real_.get(), "ours_to_real");
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace compat
