// Copyright (c) the rocksdb-cleanroom authors.
//
// Options::Dump and CreateLoggerFromOptions (file naming observed on RocksDB
// 7.8.3: "<db>/LOG", "<db>/LOG.old.<micros>", and in db_log_dir
// "<flattened absolute db path>_LOG").
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

#include "rocksdb/env.h"
#include "rocksdb/options.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Keeps every line logged.
class CapturingLogger : public Logger {
 public:
  using Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char buf[4096];
    vsnprintf(buf, sizeof(buf), format, ap);
    lines.push_back(buf);
  }
  bool Has(const std::string& text) const {
    for (const std::string& line : lines) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }
  std::vector<std::string> lines;
};

TEST(OptionsDumpTest, WritesEveryOptionAsHeaderLines) {
  Options options;
  options.max_open_files = 123;
  options.write_buffer_size = 4567;
  options.compaction_style = kCompactionStyleUniversal;
  CapturingLogger log;
  options.Dump(&log);
  EXPECT_GT(log.lines.size(), 150u);
  EXPECT_TRUE(log.Has("Options.max_open_files: 123"));
  EXPECT_TRUE(log.Has("Options.write_buffer_size: 4567"));
  EXPECT_TRUE(log.Has("Options.compaction_style: kCompactionStyleUniversal"));
  EXPECT_TRUE(log.Has("Options.compression: Snappy"));
  EXPECT_TRUE(log.Has("Options.comparator: leveldb.BytewiseComparator"));
  EXPECT_TRUE(log.Has("Options.memtable_factory: SkipListFactory"));
  EXPECT_TRUE(log.Has("Options.table_factory: BlockBasedTable"));

  CapturingLogger cf_only;
  options.DumpCFOptions(&cf_only);
  EXPECT_TRUE(cf_only.Has("Options.write_buffer_size: 4567"));
  EXPECT_FALSE(cf_only.Has("Options.max_open_files"));
}

class CreateLoggerTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/options_logging_testXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    env_ = Env::Default();
  }
  void TearDown() override {
    // Best-effort cleanup of the two levels the tests create.
    std::vector<std::string> children;
    for (const std::string& sub : {dir_ + "/db", dir_ + "/logs", dir_}) {
      children.clear();
      if (!env_->GetChildren(sub, &children).ok()) continue;
      for (const std::string& c : children) {
        if (c == "." || c == "..") continue;
        env_->DeleteFile(sub + "/" + c).PermitUncheckedError();
        env_->DeleteDir(sub + "/" + c).PermitUncheckedError();
      }
      env_->DeleteDir(sub).PermitUncheckedError();
    }
  }
  std::vector<std::string> Children(const std::string& dir) {
    std::vector<std::string> out, children;
    EXPECT_TRUE(env_->GetChildren(dir, &children).ok());
    for (const std::string& c : children) {
      if (c != "." && c != "..") out.push_back(c);
    }
    return out;
  }

  std::string dir_;
  Env* env_ = nullptr;
};

TEST_F(CreateLoggerTest, LogInDbDirectoryKeepsOldOne) {
  DBOptions options;
  options.info_log_level = WARN_LEVEL;
  const std::string db = dir_ + "/db";
  std::shared_ptr<Logger> logger;
  Status s = CreateLoggerFromOptions(db, options, &logger);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_NE(logger, nullptr);
  EXPECT_EQ(logger->GetInfoLogLevel(), WARN_LEVEL);
  EXPECT_TRUE(env_->FileExists(db + "/LOG").ok());
  logger.reset();

  s = CreateLoggerFromOptions(db, options, &logger);
  ASSERT_TRUE(s.ok()) << s.ToString();
  logger.reset();
  std::vector<std::string> files = Children(db);
  ASSERT_EQ(files.size(), 2u);
  int old_logs = 0;
  for (const std::string& f : files) {
    if (f.rfind("LOG.old.", 0) == 0) ++old_logs;
  }
  EXPECT_EQ(old_logs, 1);
}

TEST_F(CreateLoggerTest, LogDirGetsFlattenedDbPath) {
  DBOptions options;
  options.db_log_dir = dir_ + "/logs";
  const std::string db = dir_ + "/db";
  std::shared_ptr<Logger> logger;
  Status s = CreateLoggerFromOptions(db, options, &logger);
  ASSERT_TRUE(s.ok()) << s.ToString();
  logger.reset();
  // "/tmp/options_logging_testXXXXXX/db" -> "tmp_options_logging_test..._db".
  std::string flattened = db.substr(1);
  for (char& c : flattened) {
    if (c == '/') c = '_';
  }
  EXPECT_TRUE(
      env_->FileExists(options.db_log_dir + "/" + flattened + "_LOG").ok());
  // The DB directory is created as well.
  EXPECT_TRUE(env_->FileExists(db).ok());
}

TEST_F(CreateLoggerTest, ExistingInfoLogIsReturned) {
  DBOptions options;
  options.info_log = std::make_shared<CapturingLogger>();
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(dir_ + "/db", options, &logger).ok());
  EXPECT_EQ(logger, options.info_log);
  EXPECT_TRUE(env_->FileExists(dir_ + "/db").IsNotFound());
}

TEST_F(CreateLoggerTest, MissingLogDirParentFails) {
  DBOptions options;
  options.db_log_dir = dir_ + "/no/such/logs";
  std::shared_ptr<Logger> logger;
  Status s = CreateLoggerFromOptions(dir_ + "/db", options, &logger);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
}

// Names "<prefix>.old.<digits>" among `files`.
int CountOld(const std::vector<std::string>& files, const std::string& prefix) {
  int n = 0;
  for (const std::string& f : files) {
    if (f.rfind(prefix + ".old.", 0) == 0) ++n;
  }
  return n;
}

TEST_F(CreateLoggerTest, MaxLogFileSizeRollsWhileRunning) {
  DBOptions options;
  options.max_log_file_size = 4096;
  options.keep_log_file_num = 3;
  const std::string db = dir_ + "/db";
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(db, options, &logger).ok());
  Header(logger, "my header");
  for (int i = 0; i < 100; ++i) {
    Log(InfoLogLevel::WARN_LEVEL, logger, "line %d %s", i,
        std::string(100, 'x').c_str());
  }
  EXPECT_LT(logger->GetLogFileSize(), 4096u + 200u);
  logger.reset();
  // LOG plus keep_log_file_num - 1 old files.
  std::vector<std::string> files = Children(db);
  EXPECT_EQ(3u, files.size());
  EXPECT_EQ(2, CountOld(files, "LOG"));
}

TEST_F(CreateLoggerTest, PlainLoggerLeavesOldFilesAlone) {
  DBOptions options;
  options.keep_log_file_num = 2;
  const std::string db = dir_ + "/db";
  for (int i = 0; i < 4; ++i) {
    std::shared_ptr<Logger> logger;
    ASSERT_TRUE(CreateLoggerFromOptions(db, options, &logger).ok());
  }
  EXPECT_EQ(3, CountOld(Children(db), "LOG"));
  // A rolling logger trims at creation: LOG plus one old file.
  options.max_log_file_size = 1 << 20;
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(db, options, &logger).ok());
  EXPECT_EQ(1, CountOld(Children(db), "LOG"));
  EXPECT_EQ(2u, Children(db).size());
}

TEST_F(CreateLoggerTest, RollsInLogDirUnderTheFlattenedName) {
  DBOptions options;
  options.db_log_dir = dir_ + "/logs";
  options.max_log_file_size = 1024;
  options.keep_log_file_num = 2;
  const std::string db = dir_ + "/db";
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(db, options, &logger).ok());
  for (int i = 0; i < 50; ++i) {
    Log(InfoLogLevel::WARN_LEVEL, logger, "line %d %s", i,
        std::string(100, 'y').c_str());
  }
  logger.reset();
  std::string flattened = db.substr(1);
  for (char& c : flattened) {
    if (c == '/') c = '_';
  }
  std::vector<std::string> files = Children(options.db_log_dir);
  EXPECT_EQ(2u, files.size());
  EXPECT_TRUE(
      env_->FileExists(options.db_log_dir + "/" + flattened + "_LOG").ok());
  EXPECT_EQ(1, CountOld(files, flattened + "_LOG"));
  // Nothing but the (empty) DB directory itself.
  EXPECT_TRUE(Children(db).empty());
}

TEST_F(CreateLoggerTest, LogFileTimeToRollAloneGivesARollingLogger) {
  DBOptions options;
  options.log_file_time_to_roll = 3600;
  options.info_log_level = ERROR_LEVEL;
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(dir_ + "/db", options, &logger).ok());
  EXPECT_EQ(ERROR_LEVEL, logger->GetInfoLogLevel());
  for (int i = 0; i < 500; ++i) Log(InfoLogLevel::ERROR_LEVEL, logger, "x");
  // Young file: no roll.
  EXPECT_EQ(std::vector<std::string>{"LOG"}, Children(dir_ + "/db"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
