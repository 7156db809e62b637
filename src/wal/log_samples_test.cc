// Copyright (c) the rocksdb-cleanroom authors.
//
// The RocksDB 7.8.3-written samples of the format spec
// (../shared/specs/samples, README there): every WAL and MANIFEST reads
// without a report, known records decode as documented, and rewriting the
// records with our Writer reproduces the legacy and recyclable files byte
// for byte.

#include <dirent.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "util/coding.h"
#include "wal/log_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace log {
namespace {

#ifndef ROCKSDB_SPEC_SAMPLES_DIR
#define ROCKSDB_SPEC_SAMPLES_DIR "../shared/specs/samples"
#endif

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

class LogSamplesTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = ROCKSDB_SPEC_SAMPLES_DIR;
    std::string probe;
    if (!ReadFile(dir_ + "/01_ldb_put_wal_only/000004.log", &probe)) {
      GTEST_SKIP() << "spec samples not found at " << dir_;
    }
  }
  std::string Load(const std::string& rel) {
    std::string d;
    EXPECT_TRUE(ReadFile(dir_ + "/" + rel, &d)) << rel;
    return d;
  }
  std::string dir_;
};

// WriteBatch header: fixed64 sequence, fixed32 count.
void ExpectBatchHeader(const std::string& rec, uint64_t seq, uint32_t count) {
  ASSERT_GE(rec.size(), 12u);
  EXPECT_EQ(seq, DecodeFixed64(rec.data()));
  EXPECT_EQ(count, DecodeFixed32(rec.data() + 8));
}

TEST_F(LogSamplesTest, LdbPutWal) {
  std::string d = Load("01_ldb_put_wal_only/000004.log");
  auto r = test::ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 4);
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(1u, r.records.size());
  ExpectBatchHeader(r.records[0], 1, 1);
  EXPECT_EQ(std::string("\x01\x04key1\x06value1", 13), r.records[0].substr(12));
  EXPECT_TRUE(d == test::WriteLog(r.records, 4, false));
}

TEST_F(LogSamplesTest, AllOpsAndFragments) {
  std::string d = Load("03_wal_all_ops_and_fragments/000004.log");
  auto r = test::ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 4);
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(2u, r.records.size());
  EXPECT_EQ(70u, r.records[0].size());
  ExpectBatchHeader(r.records[0], 1, 10);
  EXPECT_EQ(70020u, r.records[1].size());
  ExpectBatchHeader(r.records[1], 11, 1);
  EXPECT_EQ(std::string(100, 'v'),
            r.records[1].substr(r.records[1].size() - 100));
  EXPECT_TRUE(d == test::WriteLog(r.records, 4, false));
}

TEST_F(LogSamplesTest, RecyclableWals) {
  std::string d8 = Load("05_wal_recyclable/000008.log");
  auto r8 = test::ReadLog(d8, WALRecoveryMode::kAbsoluteConsistency, 8);
  EXPECT_TRUE(r8.reports.empty());
  ASSERT_EQ(1u, r8.records.size());
  ExpectBatchHeader(r8.records[0], 2, 1);
  EXPECT_EQ(std::string("\x01\x02r2\x02v2", 7), r8.records[0].substr(12));
  EXPECT_TRUE(d8 == test::WriteLog(r8.records, 8, true));

  // 000010.log is the reused 000004.log.
  std::string d10 = Load("05_wal_recyclable/000010.log");
  auto r10 = test::ReadLog(d10, WALRecoveryMode::kAbsoluteConsistency, 10);
  EXPECT_TRUE(r10.reports.empty());
  ASSERT_EQ(1u, r10.records.size());
  ExpectBatchHeader(r10.records[0], 3, 1);
  EXPECT_TRUE(d10 == test::WriteLog(r10.records, 10, true));
  // Read as if it were still log 4, its record is stale.
  auto stale = test::ReadLog(d10, WALRecoveryMode::kSkipAnyCorruptedRecords, 4);
  EXPECT_TRUE(stale.records.empty());
  EXPECT_EQ(1, stale.old_records);
}

TEST_F(LogSamplesTest, ZstdCompressedWal) {
  std::string d = Load("06_wal_zstd_compressed/000004.log");
  auto r = test::ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 4);
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(1u, r.records.size());
  ExpectBatchHeader(r.records[0], 1, 1);
  EXPECT_EQ(std::string("\x01\x02z1\x64", 5) + std::string(100, 'z'),
            r.records[0].substr(12));
}

TEST_F(LogSamplesTest, EveryManifestReadsCleanly) {
  DIR* top = opendir(dir_.c_str());
  ASSERT_NE(nullptr, top);
  int manifests = 0;
  while (dirent* e = readdir(top)) {
    std::string sub = e->d_name;
    if (sub[0] == '.') continue;
    DIR* inner = opendir((dir_ + "/" + sub).c_str());
    if (inner == nullptr) continue;
    while (dirent* f = readdir(inner)) {
      std::string name = f->d_name;
      if (name.rfind("MANIFEST-", 0) != 0) continue;
      std::string d = Load(sub + "/" + name);
      uint64_t number = std::stoull(name.substr(9));
      auto r = test::ReadLog(d, WALRecoveryMode::kTolerateCorruptedTailRecords,
                             number);
      EXPECT_TRUE(r.reports.empty()) << sub << "/" << name;
      EXPECT_GE(r.records.size(), 1u) << sub << "/" << name;
      // Every MANIFEST opens with the comparator edit (tag 1).
      EXPECT_EQ(1, r.records[0][0]) << sub << "/" << name;
      EXPECT_TRUE(d == test::WriteLog(r.records, number, false))
          << sub << "/" << name;
      manifests++;
    }
    closedir(inner);
  }
  closedir(top);
  EXPECT_GE(manifests, 10);
}

}  // namespace
}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
