// Copyright (c) the rocksdb-cleanroom authors.
//
// The LOG file logger and the level rules of Logger and the Log() helpers,
// as observed in RocksDB 7.8.3.

#include "env/env_logger.h"

#include <unistd.h>

#include <cstdarg>
#include <regex>

#include "gtest/gtest.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string Format(uint64_t micros, uint64_t tid, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::string line = EnvLogger::FormatLine(micros, tid, fmt, ap);
  va_end(ap);
  return line;
}

TEST(EnvLoggerTest, LineFormat) {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  // 2026-11-27 19:40:52 UTC plus 123456 microseconds.
  const uint64_t micros = 1795808452ull * 1000000 + 123456;
  EXPECT_EQ("2026/11/27-19:40:52.123456 4242 hello 7\n",
            Format(micros, 4242, "hello %d", 7));
  // An existing trailing newline is not doubled; an empty message still
  // gets its prefix.
  EXPECT_EQ("2026/11/27-19:40:52.123456 1 x\n", Format(micros, 1, "x\n"));
  EXPECT_EQ("2026/11/27-19:40:52.123456 1 \n", Format(micros, 1, "%s", ""));
}

TEST(EnvLoggerTest, LongLinesAreCut) {
  std::string big(70000, 'y');
  std::string line = Format(0, 1, "%s", big.c_str());
  EXPECT_EQ(EnvLogger::kMaxLineBytes, line.size());
  EXPECT_EQ('\n', line.back());
  std::string medium(1000, 'z');
  line = Format(0, 1, "%s", medium.c_str());
  EXPECT_NE(std::string::npos, line.find(medium + "\n"));
}

class EnvLoggerFileTest : public testing::Test {
 protected:
  void SetUp() override {
    env_ = Env::Default();
    std::string dir;
    ASSERT_TRUE(env_->GetTestDirectory(&dir).ok());
    fname_ = dir + "/env_logger_test_" + std::to_string(::getpid());
  }
  void TearDown() override { env_->DeleteFile(fname_).PermitUncheckedError(); }

  std::string Contents() {
    std::string data;
    EXPECT_TRUE(ReadFileToString(env_, fname_, &data).ok());
    return data;
  }

  Env* env_;
  std::string fname_;
};

TEST_F(EnvLoggerFileTest, LevelsPrefixesAndFiltering) {
  std::shared_ptr<Logger> log;
  ASSERT_TRUE(env_->NewLogger(fname_, &log).ok());
  // RocksDB's file logger starts at ERROR_LEVEL.
  EXPECT_EQ(InfoLogLevel::ERROR_LEVEL, log->GetInfoLogLevel());
  Info(log, "dropped info");
  Error(log, "error %d", 1);
  log->SetInfoLogLevel(InfoLogLevel::DEBUG_LEVEL);
  Debug(log, "debug");
  Info(log, "info");
  Warn(log, "warn");
  Fatal(log, "fatal");
  Header(log, "header");
  Log(InfoLogLevel::HEADER_LEVEL, log, "header level");
  Log(log, "plain");
  log->SetInfoLogLevel(InfoLogLevel::WARN_LEVEL);
  Header(log, "dropped header");  // headers are logged at INFO level
  EXPECT_GT(log->GetLogFileSize(), 0u);
  ASSERT_TRUE(log->Close().ok());
  ASSERT_TRUE(log->Close().ok());
  Error(log, "after close");

  const std::string prefix = R"(\d{4}/\d\d/\d\d-\d\d:\d\d:\d\d\.\d{6} )" +
                             std::to_string(env_->GetThreadID()) + " ";
  std::regex expected(prefix + "\\[ERROR\\] error 1\n" + prefix +
                      "\\[DEBUG\\] debug\n" + prefix + "info\n" + prefix +
                      "\\[WARN\\] warn\n" + prefix + "\\[FATAL\\] fatal\n" +
                      prefix + "header\n" + prefix + "header level\n" + prefix +
                      "plain\n");
  std::string data = Contents();
  EXPECT_TRUE(std::regex_match(data, expected)) << data;
}

TEST_F(EnvLoggerFileTest, MissingDirectoryFails) {
  std::shared_ptr<Logger> log;
  Status s = env_->NewLogger(fname_ + ".d/LOG", &log);
  EXPECT_TRUE(s.IsPathNotFound());
  EXPECT_EQ(nullptr, log);
}

// A logger implementing only the level-less Logv() sees RocksDB's prefixes.
class CapturingLogger : public Logger {
 public:
  using Logger::Logv;
  explicit CapturingLogger(InfoLogLevel level) : Logger(level) {}
  void Logv(const char* format, va_list ap) override {
    char buf[256];
    vsnprintf(buf, sizeof(buf), format, ap);
    lines.push_back(buf);
  }
  std::vector<std::string> lines;
};

void CallLogv(Logger* logger, InfoLogLevel level, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  logger->Logv(level, fmt, ap);
  va_end(ap);
}

TEST(LoggerTest, BaseLogvPrefixesAndFilters) {
  CapturingLogger logger(InfoLogLevel::DEBUG_LEVEL);
  CallLogv(&logger, InfoLogLevel::DEBUG_LEVEL, "d%d", 0);
  CallLogv(&logger, InfoLogLevel::INFO_LEVEL, "i");
  CallLogv(&logger, InfoLogLevel::WARN_LEVEL, "w");
  CallLogv(&logger, InfoLogLevel::ERROR_LEVEL, "e");
  CallLogv(&logger, InfoLogLevel::FATAL_LEVEL, "f");
  CallLogv(&logger, InfoLogLevel::HEADER_LEVEL, "h");
  EXPECT_EQ((std::vector<std::string>{"[DEBUG] d0", "i", "[WARN] w",
                                      "[ERROR] e", "[FATAL] f", "h"}),
            logger.lines);

  CapturingLogger strict(InfoLogLevel::ERROR_LEVEL);
  CallLogv(&strict, InfoLogLevel::INFO_LEVEL, "i");
  CallLogv(&strict, InfoLogLevel::HEADER_LEVEL, "h");  // logged at INFO
  CallLogv(&strict, InfoLogLevel::ERROR_LEVEL, "e");
  EXPECT_EQ((std::vector<std::string>{"[ERROR] e"}), strict.lines);

  // The base Close() reports NotSupported once, then OK.
  EXPECT_TRUE(strict.Close().IsNotSupported());
  EXPECT_TRUE(strict.Close().ok());
}

TEST(LoggerTest, NullLoggerIsIgnored) {
  std::shared_ptr<Logger> none;
  Info(none, "x");
  Header(none, "x");
  Log(InfoLogLevel::FATAL_LEVEL, none, "x");
  LogFlush(none);
  LogFlush(static_cast<Logger*>(nullptr));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
