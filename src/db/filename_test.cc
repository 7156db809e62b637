// Copyright (c) the rocksdb-cleanroom authors.
//
// DB file names: formatting, parsing (every kind, and names RocksDB
// leaves alone), CURRENT and IDENTITY replacement, and the info log name
// agreeing with CreateLoggerFromOptions.
#include "db/filename.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"

namespace ROCKSDB_NAMESPACE {
namespace {

struct Parsed {
  bool ok = false;
  uint64_t number = 0;
  FileType type = kTempFile;
  WalFileType log_type = kAliveLogFile;
};

Parsed Parse(const std::string& name, const std::string& prefix = "LOG") {
  Parsed p;
  p.ok = ParseFileName(name, &p.number, prefix, &p.type, &p.log_type);
  return p;
}

TEST(FileNameTest, Formats) {
  EXPECT_EQ("/d/000004.log", LogFileName("/d", 4));
  EXPECT_EQ("000004.log", LogFileName(4));
  EXPECT_EQ("/d/000009.sst", TableFileName("/d", 9));
  EXPECT_EQ("000009.sst", MakeTableFileName(9));
  EXPECT_EQ("/d/1234567.sst", TableFileName("/d", 1234567));
  EXPECT_EQ("/d/MANIFEST-000005", DescriptorFileName("/d", 5));
  EXPECT_EQ("MANIFEST-000005", DescriptorFileName(5));
  EXPECT_EQ("/d/CURRENT", CurrentFileName("/d"));
  EXPECT_EQ("/d/LOCK", LockFileName("/d"));
  EXPECT_EQ("/d/IDENTITY", IdentityFileName("/d"));
  EXPECT_EQ("/d/000005.dbtmp", TempFileName("/d", 5));
  EXPECT_EQ("/d/OPTIONS-000007", OptionsFileName("/d", 7));
  EXPECT_EQ("/d/OPTIONS-000007.dbtmp", TempOptionsFileName("/d", 7));
  EXPECT_EQ("/d/000003.blob", BlobFileName("/d", 3));
  EXPECT_EQ("/d/archive", ArchivalDirectory("/d"));
  EXPECT_EQ("/d/archive/000012.log", ArchivedLogFileName("/d", 12));
  EXPECT_EQ("/d/METADB-3", MetaDatabaseName("/d", 3));
  EXPECT_EQ(9u, TableFileNameToNumber("/d/000009.sst"));
  EXPECT_EQ(9u, TableFileNameToNumber("000009.ldb"));
  EXPECT_EQ(0u, TableFileNameToNumber("/d/000009.log"));
}

TEST(FileNameTest, ParsesEveryKind) {
  struct Case {
    const char* name;
    uint64_t number;
    FileType type;
  } cases[] = {
      {"CURRENT", 0, kCurrentFile},
      {"LOCK", 0, kDBLockFile},
      {"IDENTITY", 0, kIdentityFile},
      {"LOG", 0, kInfoLogFile},
      {"LOG.old.1795812101334792", 1795812101334792ull, kInfoLogFile},
      {"MANIFEST-000005", 5, kDescriptorFile},
      {"MANIFEST-18446744073709551615", 18446744073709551615ull,
       kDescriptorFile},
      {"OPTIONS-000007", 7, kOptionsFile},
      {"OPTIONS-000007.dbtmp", 7, kTempFile},
      {"000004.log", 4, kWalFile},
      {"000009.sst", 9, kTableFile},
      {"000009.ldb", 9, kTableFile},
      {"000003.blob", 3, kBlobFile},
      {"000005.dbtmp", 5, kTempFile},
      {"100.log", 100, kWalFile},
      {"METADB-12", 12, kMetaDatabase},
  };
  for (const Case& c : cases) {
    Parsed p = Parse(c.name);
    ASSERT_TRUE(p.ok) << c.name;
    EXPECT_EQ(c.number, p.number) << c.name;
    EXPECT_EQ(c.type, p.type) << c.name;
  }
}

TEST(FileNameTest, RoundTripsGeneratedNames) {
  for (uint64_t n : {0ull, 1ull, 999999ull, 1000000ull, 1ull << 40}) {
    Parsed p = Parse(LogFileName(n));
    EXPECT_TRUE(p.ok && p.type == kWalFile && p.number == n);
    p = Parse(MakeTableFileName(n));
    EXPECT_TRUE(p.ok && p.type == kTableFile && p.number == n);
    p = Parse(DescriptorFileName(n));
    EXPECT_TRUE(p.ok && p.type == kDescriptorFile && p.number == n);
    p = Parse(OptionsFileName(n));
    EXPECT_TRUE(p.ok && p.type == kOptionsFile && p.number == n);
  }
}

TEST(FileNameTest, RejectsOtherNames) {
  for (const char* name : {"",
                           "foo",
                           "000006.log.bak",
                           "MANIFEST-",
                           "MANIFEST-12x",
                           "MANIFEST",
                           "OPTIONS-",
                           "OPTIONS-7.tmp",
                           "LOG.old.",
                           "LOG.old.12a",
                           "LOG.bak",
                           "CURRENT.bak",
                           ".log",
                           "12.",
                           "12.xyz",
                           "-3.log",
                           "x12.sst",
                           "99999999999999999999.log",
                           "archive/000003.sst",
                           "IDENTITY2",
                           "LOCKED"}) {
    EXPECT_FALSE(Parse(name).ok) << name;
  }
}

TEST(FileNameTest, ArchivedWals) {
  Parsed p = Parse("archive/000012.log");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(kWalFile, p.type);
  EXPECT_EQ(12u, p.number);
  EXPECT_EQ(kArchivedLogFile, p.log_type);
  p = Parse("/archive/000013.log");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(kArchivedLogFile, p.log_type);
  p = Parse("000014.log");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(kAliveLogFile, p.log_type);
}

TEST(FileNameTest, InfoLogNamesInAnotherDirectory) {
  EXPECT_EQ("/d/LOG", InfoLogFileName("/d"));
  EXPECT_EQ("/logs/data_my_db_LOG",
            InfoLogFileName("/data/my db", "/data/my db", "/logs"));
  EXPECT_EQ("/d/LOG.old.123", OldInfoLogFileName("/d", 123));
  EXPECT_EQ("/logs/a.b-c_d_LOG.old.7",
            OldInfoLogFileName("/a.b-c/d", 7, "/a.b-c/d", "/logs"));
  const std::string prefix = InfoLogPrefix(true, "/data/my db");
  EXPECT_EQ("data_my_db_LOG", prefix);
  Parsed p = Parse("data_my_db_LOG.old.55", prefix);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(kInfoLogFile, p.type);
  EXPECT_EQ(55u, p.number);
  // With that prefix a plain "LOG" is not this DB's info log.
  EXPECT_FALSE(Parse("LOG", prefix).ok);
}

class FileNameDirTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/filename_testXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    fs_ = FileSystem::Default();
    ASSERT_TRUE(
        fs_->NewDirectory(dir_, IOOptions(), &dir_handle_, nullptr).ok());
  }
  void TearDown() override {
    dir_handle_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::vector<std::string> Children() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  std::string Read(const std::string& fname) {
    std::string data;
    EXPECT_TRUE(ReadFileToString(fs_.get(), fname, &data).ok());
    return data;
  }

  std::string dir_;
  std::shared_ptr<FileSystem> fs_;
  std::unique_ptr<FSDirectory> dir_handle_;
};

TEST_F(FileNameDirTest, SetCurrentFileReplacesAtomically) {
  ASSERT_TRUE(SetCurrentFile(fs_.get(), dir_, 5, dir_handle_.get()).ok());
  EXPECT_EQ("MANIFEST-000005\n", Read(CurrentFileName(dir_)));
  ASSERT_TRUE(SetCurrentFile(fs_.get(), dir_, 1234567, nullptr).ok());
  EXPECT_EQ("MANIFEST-1234567\n", Read(CurrentFileName(dir_)));
  // No temporary file is left behind.
  EXPECT_EQ(std::vector<std::string>{"CURRENT"}, Children());
}

TEST_F(FileNameDirTest, SetCurrentFileFailsWithoutDirectory) {
  Status s = SetCurrentFile(fs_.get(), dir_ + "/missing", 5, nullptr);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_TRUE(Children().empty());
}

TEST_F(FileNameDirTest, IdentityFile) {
  Env* env = Env::Default();
  ASSERT_TRUE(SetIdentityFile(env, dir_, "my-db-id").ok());
  EXPECT_EQ("my-db-id", Read(IdentityFileName(dir_)));
  std::string id;
  ASSERT_TRUE(GetIdentityFromFile(env, dir_, &id).ok());
  EXPECT_EQ("my-db-id", id);

  // A generated id: 36 characters, no newline, and a new one each time.
  ASSERT_TRUE(SetIdentityFile(env, dir_).ok());
  const std::string first = Read(IdentityFileName(dir_));
  EXPECT_EQ(36u, first.size()) << first;
  EXPECT_EQ(std::string::npos, first.find('\n'));
  ASSERT_TRUE(SetIdentityFile(env, dir_).ok());
  EXPECT_NE(first, Read(IdentityFileName(dir_)));
  EXPECT_EQ(std::vector<std::string>{"IDENTITY"}, Children());

  // Trailing whitespace is not part of the id; an empty file is corrupt.
  ASSERT_TRUE(WriteStringToFile(env, "abc\n", IdentityFileName(dir_)).ok());
  ASSERT_TRUE(GetIdentityFromFile(env, dir_, &id).ok());
  EXPECT_EQ("abc", id);
  ASSERT_TRUE(WriteStringToFile(env, "", IdentityFileName(dir_)).ok());
  EXPECT_TRUE(GetIdentityFromFile(env, dir_, &id).IsCorruption());
  EXPECT_TRUE(GetIdentityFromFile(env, dir_ + "/nope", &id).IsIOError());
}

TEST_F(FileNameDirTest, InfoLogNameMatchesCreateLoggerFromOptions) {
  DBOptions options;
  options.db_log_dir = dir_ + "/logs";
  const std::string db = dir_ + "/my db";
  std::shared_ptr<Logger> logger;
  ASSERT_TRUE(CreateLoggerFromOptions(db, options, &logger).ok());
  logger.reset();
  std::string absolute;
  ASSERT_TRUE(Env::Default()->GetAbsolutePath(db, &absolute).ok());
  EXPECT_TRUE(std::filesystem::exists(
      InfoLogFileName(db, absolute, options.db_log_dir)))
      << InfoLogFileName(db, absolute, options.db_log_dir);

  DBOptions plain;
  ASSERT_TRUE(CreateLoggerFromOptions(db, plain, &logger).ok());
  logger.reset();
  EXPECT_TRUE(std::filesystem::exists(InfoLogFileName(db)));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
