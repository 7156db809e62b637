// Copyright (c) the rocksdb-cleanroom authors.
//
// AutoRollLogger: rolling by size and by age, header replay, trimming to
// keep_log_file_num, and concurrent use (rules observed on RocksDB 7.8.3).

#include "env/auto_roll_logger.h"

#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "gtest/gtest.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// A clock the test moves by hand.
class FakeClock : public SystemClockWrapper {
 public:
  FakeClock() : SystemClockWrapper(SystemClock::Default()) {}
  const char* Name() const override { return "FakeClock"; }
  uint64_t NowMicros() override { return now_.load(); }
  void Advance(uint64_t micros) { now_ += micros; }

 private:
  std::atomic<uint64_t> now_{1700000000000000ull};
};

class AutoRollLoggerTest : public testing::Test {
 protected:
  void SetUp() override {
    env_ = Env::Default();
    char tmpl[] = "/tmp/auto_roll_logger_testXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    clock_ = std::make_shared<FakeClock>();
  }
  void TearDown() override {
    for (const std::string& f : LogFiles()) {
      env_->DeleteFile(dir_ + "/" + f).PermitUncheckedError();
    }
    env_->DeleteDir(dir_).PermitUncheckedError();
  }

  std::unique_ptr<AutoRollLogger> NewLogger(size_t max_size, size_t seconds,
                                            size_t keep) {
    std::unique_ptr<AutoRollLogger> log(
        new AutoRollLogger(env_, clock_, dir_, "LOG", max_size, seconds, keep));
    EXPECT_TRUE(log->GetStatus().ok()) << log->GetStatus().ToString();
    return log;
  }
  // Every file in the directory, sorted ("LOG" first, then old ones by age).
  std::vector<std::string> LogFiles() {
    std::vector<std::string> children, out;
    env_->GetChildren(dir_, &children).PermitUncheckedError();
    for (const std::string& c : children) {
      if (c != "." && c != "..") out.push_back(c);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string Read(const std::string& name) {
    std::string data;
    EXPECT_TRUE(ReadFileToString(env_, dir_ + "/" + name, &data).ok());
    return data;
  }

  Env* env_ = nullptr;
  std::string dir_;
  std::shared_ptr<FakeClock> clock_;
};

TEST_F(AutoRollLoggerTest, RollsBeforeTheMessageThatFindsTheFileFull) {
  auto log = NewLogger(200, 0, 1000);
  Log(log.get(), "short");
  Log(log.get(), "short again");
  EXPECT_EQ(std::vector<std::string>{"LOG"}, LogFiles());
  // The file is below the limit, so this goes in and overfills it.
  Log(log.get(), "first %s", std::string(200, 'a').c_str());
  ASSERT_GE(log->GetLogFileSize(), 200u);
  EXPECT_EQ(std::vector<std::string>{"LOG"}, LogFiles());

  clock_->Advance(5);
  Log(log.get(), "second");
  std::vector<std::string> files = LogFiles();
  ASSERT_EQ(2u, files.size());
  EXPECT_EQ("LOG", files[0]);
  EXPECT_EQ("LOG.old.1700000000000005", files[1]);
  EXPECT_NE(std::string::npos, Read(files[1]).find("first"));
  EXPECT_EQ(std::string::npos, Read(files[1]).find("second"));
  log->Flush();
  EXPECT_NE(std::string::npos, Read("LOG").find("second"));
}

TEST_F(AutoRollLoggerTest, HeadersAreRepeatedInEveryNewFile) {
  auto log = NewLogger(200, 0, 1000);
  Header(log.get(), "header one %d", 1);
  Header(log.get(), "header two");
  for (int i = 0; i < 10; ++i) {
    clock_->Advance(1);
    Log(log.get(), "message %d %s", i, std::string(100, 'm').c_str());
  }
  log->Flush();
  std::vector<std::string> files = LogFiles();
  ASSERT_GT(files.size(), 3u);
  for (const std::string& f : files) {
    std::string data = Read(f);
    EXPECT_NE(std::string::npos, data.find("header one 1")) << f;
    EXPECT_NE(std::string::npos, data.find("header two")) << f;
  }
}

TEST_F(AutoRollLoggerTest, RollsByAgeCheckingTheClockEvery100Records) {
  auto log = NewLogger(0, 2, 1000);
  clock_->Advance(3 * 1000000);  // already too old, but not yet checked
  for (uint64_t i = 0; i < AutoRollLogger::kCheckTimeEveryNRecords; ++i) {
    Log(log.get(), "line %d", static_cast<int>(i));
  }
  EXPECT_EQ(1u, LogFiles().size());
  Log(log.get(), "the checking one");
  EXPECT_EQ(2u, LogFiles().size());

  // The new file's age starts at the roll.
  for (int i = 0; i < 300; ++i) Log(log.get(), "young");
  EXPECT_EQ(2u, LogFiles().size());
  clock_->Advance(2 * 1000000);
  for (int i = 0; i < 101; ++i) Log(log.get(), "old again");
  EXPECT_EQ(3u, LogFiles().size());
}

TEST_F(AutoRollLoggerTest, KeepsKeepLogFileNumFilesCountingTheLiveOne) {
  auto log = NewLogger(50, 0, 3);
  for (int i = 0; i < 10; ++i) {
    clock_->Advance(10);
    Log(log.get(), "message number %d with some padding", i);
  }
  std::vector<std::string> files = LogFiles();
  ASSERT_EQ(3u, files.size());
  // Every message after the first rolls; the two newest old files survive.
  EXPECT_EQ("LOG.old.1700000000000090", files[1]);
  EXPECT_EQ("LOG.old.1700000000000100", files[2]);
}

TEST_F(AutoRollLoggerTest, TrimsOldFilesAtCreation) {
  for (uint64_t m : {5, 3, 40, 12}) {
    ASSERT_TRUE(
        WriteStringToFile(env_, "x", OldInfoLogFileName(dir_ + "/LOG", m))
            .ok());
  }
  ASSERT_TRUE(WriteStringToFile(env_, "x", dir_ + "/LOG.old.notanumber").ok());
  ASSERT_TRUE(WriteStringToFile(env_, "x", dir_ + "/OTHER_LOG.old.1").ok());
  auto log = NewLogger(1 << 20, 0, 3);
  std::vector<std::string> expected = {"LOG", "LOG.old.12", "LOG.old.40",
                                       "LOG.old.notanumber", "OTHER_LOG.old.1"};
  EXPECT_EQ(expected, LogFiles());

  log.reset();
  ASSERT_TRUE(TrimOldInfoLogFiles(env_, dir_, "LOG", 1).ok());
  expected = {"LOG", "LOG.old.notanumber", "OTHER_LOG.old.1"};
  EXPECT_EQ(expected, LogFiles());
}

TEST_F(AutoRollLoggerTest, OtherLogNameInTheSameDirectory) {
  std::unique_ptr<AutoRollLogger> log(
      new AutoRollLogger(env_, clock_, dir_, "tmp_db_LOG", 10, 0, 2));
  ASSERT_TRUE(log->GetStatus().ok());
  for (int i = 0; i < 4; ++i) {
    clock_->Advance(1);
    Log(log.get(), "some message %d", i);
  }
  std::vector<std::string> expected = {"tmp_db_LOG",
                                       "tmp_db_LOG.old.1700000000000004"};
  EXPECT_EQ(expected, LogFiles());
}

TEST_F(AutoRollLoggerTest, LevelFilteringAndClose) {
  auto log = NewLogger(1 << 20, 0, 10);
  log->SetInfoLogLevel(InfoLogLevel::WARN_LEVEL);
  Log(InfoLogLevel::INFO_LEVEL, log.get(), "dropped info");
  Header(log.get(), "dropped header");
  Log(InfoLogLevel::ERROR_LEVEL, log.get(), "kept error");
  log->Flush();
  std::string data = Read("LOG");
  EXPECT_EQ(std::string::npos, data.find("dropped"));
  EXPECT_NE(std::string::npos, data.find("[ERROR] kept error"));
  EXPECT_TRUE(log->Close().ok());
  Log(InfoLogLevel::ERROR_LEVEL, log.get(), "after close");
  EXPECT_EQ(std::string::npos, Read("LOG").find("after close"));
}

TEST_F(AutoRollLoggerTest, MissingDirectoryFails) {
  std::unique_ptr<AutoRollLogger> log(
      new AutoRollLogger(env_, clock_, dir_ + "/no/such", "LOG", 100, 0, 10));
  EXPECT_TRUE(log->GetStatus().IsIOError()) << log->GetStatus().ToString();
  Log(log.get(), "dropped quietly");
}

TEST_F(AutoRollLoggerTest, ConcurrentWritersLoseNothing) {
  auto log = NewLogger(4096, 0, 1000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&log, t, this] {
      for (int i = 0; i < 200; ++i) {
        clock_->Advance(1);
        Log(log.get(), "thread %d line %d", t, i);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  log->Flush();
  size_t lines = 0;
  for (const std::string& f : LogFiles()) {
    std::string data = Read(f);
    lines += static_cast<size_t>(std::count(data.begin(), data.end(), '\n'));
  }
  EXPECT_EQ(800u, lines);
  EXPECT_GT(LogFiles().size(), 5u);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
