// Copyright (c) the rocksdb-cleanroom authors.
//
// The info LOG of a running DB: max_log_file_size and keep_log_file_num
// roll and trim it while the DB is open, as observed on RocksDB 7.8.3 (a
// rolled file is "LOG.old.<micros>", each new LOG starts with the header
// lines again, and at most keep_log_file_num files remain, LOG included).

#include "db/db_test_util.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class DBInfoLogTest : public test::DBTestBase {
 protected:
  size_t OldLogs(const std::string& dir, const std::string& prefix = "LOG") {
    return test::FilesWith(dir, prefix + ".old.", "").size();
  }
  void LogLines(int n) {
    std::shared_ptr<Logger> log = db_->GetDBOptions().info_log;
    ASSERT_NE(nullptr, log);
    for (int i = 0; i < n; ++i) {
      Log(InfoLogLevel::WARN_LEVEL, log, "test line %d %s", i,
          std::string(200, 'x').c_str());
    }
  }
};

TEST_F(DBInfoLogTest, SmallMaxLogFileSizeRollsWhileOpen) {
  options_.max_log_file_size = 4096;
  Open();
  const size_t at_open = OldLogs(dbname_);
  LogLines(5);
  // The header alone is over 4 KiB, so every line starts a new file.
  EXPECT_EQ(at_open + 5, OldLogs(dbname_));
  ASSERT_OK(Put("k", "v"));
  EXPECT_EQ("v", Get("k"));
  Close();
  for (const std::string& f : test::FilesWith(dbname_, "LOG.old.", "")) {
    const std::string data = test::ReadWholeFile(dbname_ + "/" + f);
    EXPECT_NE(std::string::npos, data.find("RocksDB version:")) << f;
  }
  const std::string live = test::ReadWholeFile(dbname_ + "/LOG");
  EXPECT_NE(std::string::npos, live.find("RocksDB version:"));
}

TEST_F(DBInfoLogTest, KeepLogFileNumCountsTheLiveLog) {
  options_.max_log_file_size = 4096;
  options_.keep_log_file_num = 3;
  Open();
  LogLines(20);
  EXPECT_EQ(2u, OldLogs(dbname_));
  Reopen();
  EXPECT_EQ(2u, OldLogs(dbname_));
  EXPECT_EQ(1u, test::FilesWith(dbname_, "LOG", "").size() - OldLogs(dbname_));
}

TEST_F(DBInfoLogTest, LargeLimitDoesNotRoll) {
  options_.max_log_file_size = 1 << 20;
  Open();
  LogLines(20);
  EXPECT_EQ(0u, OldLogs(dbname_));
}

TEST_F(DBInfoLogTest, RollsInDbLogDir) {
  options_.max_log_file_size = 4096;
  options_.keep_log_file_num = 2;
  options_.db_log_dir = root_ + "/logs";
  Open();
  LogLines(10);
  Close();
  std::string prefix = dbname_.substr(1);
  for (char& c : prefix) {
    if (c == '/') c = '_';
  }
  prefix += "_LOG";
  EXPECT_EQ(1u, OldLogs(options_.db_log_dir, prefix));
  EXPECT_EQ(2u, test::ListDir(options_.db_log_dir).size());
  EXPECT_TRUE(test::FilesWith(dbname_, "LOG", "").empty());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
