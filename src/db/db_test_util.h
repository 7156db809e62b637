// Copyright (c) the rocksdb-cleanroom authors.
//
// Helpers shared by the DB tests: a fixture owning a fresh directory and
// an open DB, and small file utilities for crafting damaged files.
#pragma once

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/write_batch.h"

// ASSERT_TRUE(s.ok()) that prints the status text on failure.
#define ASSERT_OK(expr) \
  ASSERT_TRUE(::ROCKSDB_NAMESPACE::test::DBTestBase::IsOk(expr))
#define EXPECT_OK(expr) \
  EXPECT_TRUE(::ROCKSDB_NAMESPACE::test::DBTestBase::IsOk(expr))

namespace ROCKSDB_NAMESPACE {
namespace test {

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteWholeFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

// Names in dir (not recursive), sorted.
inline std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Names in dir ending with `suffix` (or starting with a prefix when the
// suffix is empty and prefix given).
inline std::vector<std::string> FilesWith(const std::string& dir,
                                          const std::string& prefix,
                                          const std::string& suffix) {
  std::vector<std::string> out;
  for (const std::string& name : ListDir(dir)) {
    if (name.size() >= prefix.size() + suffix.size() &&
        name.compare(0, prefix.size(), prefix) == 0 &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(name);
    }
  }
  return out;
}

// A fixture with a private directory (removed at the end) and one DB.
class DBTestBase : public ::testing::Test {
 protected:
  DBTestBase() {
    char tmpl[] = "/tmp/rocksdb_cleanroom_dbtest_XXXXXX";
    const char* dir = mkdtemp(tmpl);
    EXPECT_NE(dir, nullptr);
    root_ = dir != nullptr ? dir : "/tmp";
    dbname_ = root_ + "/db";
    options_.create_if_missing = true;
  }
  ~DBTestBase() override {
    Close();
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  Status TryOpen(const Options& options) {
    Close();
    return DB::Open(options, dbname_, &db_);
  }
  void Open(const Options& options) { ASSERT_OK(TryOpen(options)); }
  void Open() { Open(options_); }
  void Reopen() { Open(options_); }
  void Close() {
    delete db_;
    db_ = nullptr;
  }

  Status Put(const std::string& k, const std::string& v,
             const WriteOptions& wo = WriteOptions()) {
    return db_->Put(wo, k, v);
  }
  Status Delete(const std::string& k) { return db_->Delete(WriteOptions(), k); }
  // The value, "NOT_FOUND", or the status text of another error.
  std::string Get(const std::string& k, const Snapshot* snapshot = nullptr) {
    ReadOptions ro;
    ro.snapshot = snapshot;
    std::string value;
    Status s = db_->Get(ro, k, &value);
    if (s.IsNotFound()) return "NOT_FOUND";
    if (!s.ok()) return s.ToString();
    return value;
  }
  uint64_t IntProperty(const std::string& name) {
    uint64_t value = 0;
    EXPECT_TRUE(db_->GetIntProperty(name, &value)) << name;
    return value;
  }
  std::vector<std::string> WalFiles() { return FilesWith(dbname_, "", ".log"); }
  std::string WalPath(const std::string& name) { return dbname_ + "/" + name; }

  // gtest's ASSERT_TRUE(s.ok()) with the status text on failure.
  static ::testing::AssertionResult IsOk(const Status& s) {
    if (s.ok()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << s.ToString();
  }

  std::string root_;
  std::string dbname_;
  Options options_;
  DB* db_ = nullptr;
};

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
