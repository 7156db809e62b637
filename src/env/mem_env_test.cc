// Copyright (c) the rocksdb-cleanroom authors.
//
// NewMemEnv(): files live in memory, independent of the disk.

#include <algorithm>

#include "gtest/gtest.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class MemEnvTest : public testing::Test {
 protected:
  MemEnvTest() : env_(NewMemEnv(Env::Default())) {}
  std::unique_ptr<Env> env_;
};

TEST_F(MemEnvTest, Names) {
  EXPECT_STREQ("MockEnv", env_->Name());
  EXPECT_STREQ("MemoryFileSystem", env_->GetFileSystem()->Name());
}

TEST_F(MemEnvTest, WriteReadRoundTrip) {
  ASSERT_TRUE(env_->CreateDirIfMissing("/db").ok());
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env_->NewWritableFile("/db/f", &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("hello").ok());
  ASSERT_TRUE(w->Append(" world").ok());
  ASSERT_TRUE(w->Sync().ok());
  EXPECT_EQ(11u, w->GetFileSize());
  ASSERT_TRUE(w->Close().ok());

  std::unique_ptr<SequentialFile> s;
  ASSERT_TRUE(env_->NewSequentialFile("/db//f", &s, EnvOptions()).ok());
  char buf[16];
  Slice r;
  ASSERT_TRUE(s->Skip(6).ok());
  ASSERT_TRUE(s->Read(16, &r, buf).ok());
  EXPECT_EQ("world", r.ToString());

  std::unique_ptr<RandomAccessFile> ra;
  ASSERT_TRUE(env_->NewRandomAccessFile("/db/f", &ra, EnvOptions()).ok());
  ASSERT_TRUE(ra->Read(0, 5, &r, buf).ok());
  EXPECT_EQ("hello", r.ToString());

  // Nothing reached the real disk.
  EXPECT_TRUE(Env::Default()->FileExists("/db/f").IsNotFound());
}

TEST_F(MemEnvTest, DirectoryListingAndRename) {
  ASSERT_TRUE(WriteStringToFile(env_.get(), "1", "/d/a").ok());
  ASSERT_TRUE(WriteStringToFile(env_.get(), "22", "/d/sub/b").ok());
  std::vector<std::string> children;
  ASSERT_TRUE(env_->GetChildren("/d", &children).ok());
  EXPECT_EQ((std::vector<std::string>{"a", "sub"}), children);
  EXPECT_TRUE(env_->GetChildren("/nope", &children).IsNotFound());

  ASSERT_TRUE(env_->RenameFile("/d/a", "/d/c").ok());
  EXPECT_TRUE(env_->FileExists("/d/a").IsNotFound());
  uint64_t size = 0;
  ASSERT_TRUE(env_->GetFileSize("/d/c", &size).ok());
  EXPECT_EQ(1u, size);
  EXPECT_TRUE(env_->GetFileSize("/d/a", &size).IsPathNotFound());
  EXPECT_TRUE(env_->DeleteDir("/d").IsIOError());

  ASSERT_TRUE(env_->LinkFile("/d/c", "/d/l").ok());
  uint64_t links = 0;
  ASSERT_TRUE(env_->NumFileLinks("/d/c", &links).ok());
  EXPECT_EQ(2u, links);
  ASSERT_TRUE(env_->DeleteFile("/d/c").ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(env_.get(), "/d/l", &data).ok());
  EXPECT_EQ("1", data);
}

TEST_F(MemEnvTest, MissingFileErrorsMatchPosixWording) {
  std::unique_ptr<SequentialFile> s;
  Status st = env_->NewSequentialFile("/x/missing", &s, EnvOptions());
  EXPECT_TRUE(st.IsPathNotFound());
  EXPECT_EQ(
      "IO error: No such file or directory: While opening a file for "
      "sequentially reading: /x/missing: No such file or directory",
      st.ToString());
}

TEST_F(MemEnvTest, LocksAreExclusive) {
  FileLock* lock = nullptr;
  ASSERT_TRUE(env_->LockFile("/db/LOCK", &lock).ok());
  FileLock* again = nullptr;
  EXPECT_TRUE(env_->LockFile("/db/LOCK", &again).IsIOError());
  ASSERT_TRUE(env_->UnlockFile(lock).ok());
  ASSERT_TRUE(env_->LockFile("/db/LOCK", &again).ok());
  ASSERT_TRUE(env_->UnlockFile(again).ok());
}

TEST_F(MemEnvTest, ReopenAppendsAndTruncateCuts) {
  ASSERT_TRUE(WriteStringToFile(env_.get(), "abc", "/f").ok());
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env_->ReopenWritableFile("/f", &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("def").ok());
  ASSERT_TRUE(env_->Truncate("/f", 4).ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(env_.get(), "/f", &data).ok());
  EXPECT_EQ("abcd", data);
}

TEST_F(MemEnvTest, LoggerWritesIntoMemory) {
  std::shared_ptr<Logger> log;
  ASSERT_TRUE(env_->NewLogger("/LOG", &log).ok());
  Error(log, "boom");
  ASSERT_TRUE(log->Close().ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(env_.get(), "/LOG", &data).ok());
  EXPECT_NE(std::string::npos, data.find("[ERROR] boom\n"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
