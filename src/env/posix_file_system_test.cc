// Copyright (c) the rocksdb-cleanroom authors.
//
// PosixFileSystem through Env::Default(): round trips, directory
// operations, locks and error wording (checked against RocksDB 7.8.3).

#include <unistd.h>

#include <algorithm>

#include "gtest/gtest.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class PosixFileSystemTest : public testing::Test {
 protected:
  void SetUp() override {
    env_ = Env::Default();
    std::string base;
    ASSERT_TRUE(env_->GetTestDirectory(&base).ok());
    dir_ = base + "/env_posix_" + std::to_string(::getpid()) + "_" +
           testing::UnitTest::GetInstance()->current_test_info()->name();
    RemoveAll(dir_);
    ASSERT_TRUE(env_->CreateDir(dir_).ok());
  }
  void TearDown() override { RemoveAll(dir_); }

  void RemoveAll(const std::string& path) {
    bool is_dir = false;
    if (!env_->IsDirectory(path, &is_dir).ok()) return;
    if (!is_dir) {
      env_->DeleteFile(path).PermitUncheckedError();
      return;
    }
    std::vector<std::string> children;
    env_->GetChildren(path, &children).PermitUncheckedError();
    for (const auto& c : children) RemoveAll(path + "/" + c);
    env_->DeleteDir(path).PermitUncheckedError();
  }

  std::string Path(const std::string& name) { return dir_ + "/" + name; }

  Env* env_ = nullptr;
  std::string dir_;
};

TEST_F(PosixFileSystemTest, WriteSyncReadRoundTrip) {
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env_->NewWritableFile(Path("f"), &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("hello ").ok());
  ASSERT_TRUE(w->Append("world").ok());
  EXPECT_EQ(11u, w->GetFileSize());
  ASSERT_TRUE(w->Flush().ok());
  ASSERT_TRUE(w->Sync().ok());
  ASSERT_TRUE(w->Fsync().ok());
  ASSERT_TRUE(w->Close().ok());

  uint64_t size = 0;
  ASSERT_TRUE(env_->GetFileSize(Path("f"), &size).ok());
  EXPECT_EQ(11u, size);

  std::unique_ptr<SequentialFile> s;
  ASSERT_TRUE(env_->NewSequentialFile(Path("f"), &s, EnvOptions()).ok());
  char buf[32];
  Slice r;
  ASSERT_TRUE(s->Skip(6).ok());
  ASSERT_TRUE(s->Read(3, &r, buf).ok());
  EXPECT_EQ("wor", r.ToString());
  ASSERT_TRUE(s->Read(32, &r, buf).ok());
  EXPECT_EQ("ld", r.ToString());
  ASSERT_TRUE(s->Read(32, &r, buf).ok());
  EXPECT_EQ(0u, r.size());

  std::unique_ptr<RandomAccessFile> ra;
  ASSERT_TRUE(env_->NewRandomAccessFile(Path("f"), &ra, EnvOptions()).ok());
  ASSERT_TRUE(ra->Read(2, 3, &r, buf).ok());
  EXPECT_EQ("llo", r.ToString());
  ASSERT_TRUE(ra->Read(9, 10, &r, buf).ok());
  EXPECT_EQ("ld", r.ToString());
  ASSERT_TRUE(ra->Read(1000, 10, &r, buf).ok());
  EXPECT_EQ(0u, r.size());

  std::string data;
  ASSERT_TRUE(ReadFileToString(env_, Path("f"), &data).ok());
  EXPECT_EQ("hello world", data);
}

TEST_F(PosixFileSystemTest, MultiReadFillsEveryRequest) {
  ASSERT_TRUE(WriteStringToFile(env_, "0123456789", Path("m")).ok());
  std::unique_ptr<FSRandomAccessFile> f;
  auto fs = env_->GetFileSystem();
  ASSERT_TRUE(
      fs->NewRandomAccessFile(Path("m"), FileOptions(), &f, nullptr).ok());
  char a[4], b[4];
  FSReadRequest reqs[2];
  reqs[0].offset = 1;
  reqs[0].len = 3;
  reqs[0].scratch = a;
  reqs[1].offset = 8;
  reqs[1].len = 4;
  reqs[1].scratch = b;
  ASSERT_TRUE(f->MultiRead(reqs, 2, IOOptions(), nullptr).ok());
  EXPECT_TRUE(reqs[0].status.ok());
  EXPECT_EQ("123", reqs[0].result.ToString());
  EXPECT_EQ("89", reqs[1].result.ToString());
}

TEST_F(PosixFileSystemTest, PositionedAppendTruncateAndClose) {
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env_->NewWritableFile(Path("p"), &w, EnvOptions()).ok());
  EXPECT_TRUE(w->IsSyncThreadSafe());
  ASSERT_TRUE(w->Append("abc").ok());
  ASSERT_TRUE(w->PositionedAppend("xyz", 3).ok());
  ASSERT_TRUE(w->Truncate(2).ok());
  EXPECT_EQ(2u, w->GetFileSize());
  ASSERT_TRUE(w->Allocate(0, 4096).ok());
  ASSERT_TRUE(w->RangeSync(0, 2).ok());
  ASSERT_TRUE(w->Close().ok());
  uint64_t size = 0;
  ASSERT_TRUE(env_->GetFileSize(Path("p"), &size).ok());
  EXPECT_EQ(2u, size);  // preallocated space is given back on Close

  // Misuse after Close fails like RocksDB (EBADF), it does not crash.
  Status s = w->Close();
  EXPECT_TRUE(s.IsIOError());
  EXPECT_EQ("IO error: While closing file after writing: " + Path("p") +
                ": Bad file descriptor",
            s.ToString());
}

TEST_F(PosixFileSystemTest, ReopenAndReuseKeepContent) {
  ASSERT_TRUE(WriteStringToFile(env_, "abc", Path("r")).ok());
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env_->ReopenWritableFile(Path("r"), &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("def").ok());
  ASSERT_TRUE(w->Close().ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(env_, Path("r"), &data).ok());
  EXPECT_EQ("abcdef", data);

  // ReuseWritableFile renames and overwrites in place (no truncation).
  ASSERT_TRUE(
      env_->ReuseWritableFile(Path("n"), Path("r"), &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("XY").ok());
  ASSERT_TRUE(w->Close().ok());
  ASSERT_TRUE(ReadFileToString(env_, Path("n"), &data).ok());
  EXPECT_EQ("XYcdef", data);
  EXPECT_TRUE(env_->FileExists(Path("r")).IsNotFound());
}

TEST_F(PosixFileSystemTest, RandomRWFileNeedsExistingFile) {
  std::unique_ptr<RandomRWFile> rw;
  Status s = env_->NewRandomRWFile(Path("rw"), &rw, EnvOptions());
  EXPECT_TRUE(s.IsPathNotFound());
  ASSERT_TRUE(WriteStringToFile(env_, "0123", Path("rw")).ok());
  ASSERT_TRUE(env_->NewRandomRWFile(Path("rw"), &rw, EnvOptions()).ok());
  ASSERT_TRUE(rw->Write(5, "hi").ok());
  char buf[16];
  Slice r;
  ASSERT_TRUE(rw->Read(0, 16, &r, buf).ok());
  EXPECT_EQ(std::string("0123\0hi", 7), r.ToString());
  ASSERT_TRUE(rw->Sync().ok());
  ASSERT_TRUE(rw->Close().ok());
}

TEST_F(PosixFileSystemTest, DirectoryOperations) {
  ASSERT_TRUE(env_->CreateDir(Path("sub")).ok());
  Status s = env_->CreateDir(Path("sub"));
  EXPECT_EQ("IO error: While mkdir: " + Path("sub") + ": File exists",
            s.ToString());
  EXPECT_TRUE(env_->CreateDirIfMissing(Path("sub")).ok());
  ASSERT_TRUE(WriteStringToFile(env_, "12345", Path("sub/a")).ok());
  ASSERT_TRUE(WriteStringToFile(env_, "1", Path("sub/b")).ok());
  s = env_->CreateDirIfMissing(Path("sub/a"));
  EXPECT_EQ("IO error: `" + Path("sub/a") + "' exists but is not a directory",
            s.ToString());

  std::vector<std::string> children;
  ASSERT_TRUE(env_->GetChildren(Path("sub"), &children).ok());
  std::sort(children.begin(), children.end());
  EXPECT_EQ((std::vector<std::string>{"a", "b"}), children);

  std::vector<Env::FileAttributes> attrs;
  ASSERT_TRUE(env_->GetChildrenFileAttributes(Path("sub"), &attrs).ok());
  ASSERT_EQ(2u, attrs.size());
  uint64_t total = attrs[0].size_bytes + attrs[1].size_bytes;
  EXPECT_EQ(6u, total);

  bool is_dir = false;
  ASSERT_TRUE(env_->IsDirectory(Path("sub"), &is_dir).ok());
  EXPECT_TRUE(is_dir);
  ASSERT_TRUE(env_->IsDirectory(Path("sub/a"), &is_dir).ok());
  EXPECT_FALSE(is_dir);

  std::unique_ptr<Directory> d;
  ASSERT_TRUE(env_->NewDirectory(Path("sub"), &d).ok());
  EXPECT_TRUE(d->Fsync().ok());
  EXPECT_TRUE(d->Close().ok());
  std::unique_ptr<FSDirectory> fsd;
  ASSERT_TRUE(env_->GetFileSystem()
                  ->NewDirectory(Path("sub"), IOOptions(), &fsd, nullptr)
                  .ok());
  EXPECT_TRUE(fsd->FsyncWithDirOptions(IOOptions(), nullptr,
                                       DirFsyncOptions(Path("sub/a")))
                  .ok());

  s = env_->DeleteDir(Path("sub"));
  EXPECT_EQ("IO error: file rmdir: " + Path("sub") + ": Directory not empty",
            s.ToString());
  ASSERT_TRUE(env_->DeleteFile(Path("sub/a")).ok());
  ASSERT_TRUE(env_->DeleteFile(Path("sub/b")).ok());
  ASSERT_TRUE(env_->DeleteDir(Path("sub")).ok());
  EXPECT_TRUE(env_->FileExists(Path("sub")).IsNotFound());
  EXPECT_TRUE(env_->GetChildren(Path("sub"), &children).IsNotFound());
}

TEST_F(PosixFileSystemTest, RenameLinkAndSameness) {
  ASSERT_TRUE(WriteStringToFile(env_, "x", Path("a")).ok());
  ASSERT_TRUE(env_->RenameFile(Path("a"), Path("b")).ok());
  EXPECT_TRUE(env_->FileExists(Path("a")).IsNotFound());
  EXPECT_TRUE(env_->FileExists(Path("b")).ok());
  ASSERT_TRUE(env_->LinkFile(Path("b"), Path("c")).ok());
  uint64_t links = 0;
  ASSERT_TRUE(env_->NumFileLinks(Path("b"), &links).ok());
  EXPECT_EQ(2u, links);
  bool same = false;
  ASSERT_TRUE(env_->AreFilesSame(Path("b"), Path("c"), &same).ok());
  EXPECT_TRUE(same);
  uint64_t mtime = 0;
  ASSERT_TRUE(env_->GetFileModificationTime(Path("b"), &mtime).ok());
  int64_t now = 0;
  ASSERT_TRUE(env_->GetCurrentTime(&now).ok());
  EXPECT_LE(mtime, static_cast<uint64_t>(now) + 1);
  EXPECT_GE(mtime + 60, static_cast<uint64_t>(now));
}

TEST_F(PosixFileSystemTest, MissingFilesGivePathNotFound) {
  const std::string missing = Path("nope");
  std::unique_ptr<SequentialFile> s;
  Status st = env_->NewSequentialFile(missing, &s, EnvOptions());
  EXPECT_TRUE(st.IsIOError());
  EXPECT_TRUE(st.IsPathNotFound());
  EXPECT_EQ(nullptr, s);
  EXPECT_EQ(
      "IO error: No such file or directory: While opening a file for "
      "sequentially reading: " +
          missing + ": No such file or directory",
      st.ToString());

  std::unique_ptr<RandomAccessFile> ra;
  st = env_->NewRandomAccessFile(missing, &ra, EnvOptions());
  EXPECT_EQ(
      "IO error: No such file or directory: While open a file for random "
      "read: " +
          missing + ": No such file or directory",
      st.ToString());

  uint64_t size;
  st = env_->GetFileSize(missing, &size);
  EXPECT_EQ(
      "IO error: No such file or directory: while stat a file for size: " +
          missing + ": No such file or directory",
      st.ToString());
  st = env_->DeleteFile(missing);
  EXPECT_TRUE(st.IsPathNotFound());
  st = env_->RenameFile(missing, Path("x"));
  EXPECT_EQ("IO error: No such file or directory: While renaming a file to " +
                Path("x") + ": " + missing + ": No such file or directory",
            st.ToString());
  EXPECT_EQ("NotFound: ", env_->FileExists(missing).ToString());

  std::unique_ptr<WritableFile> w;
  st = env_->NewWritableFile(Path("nodir/f"), &w, EnvOptions());
  EXPECT_TRUE(st.IsPathNotFound());
  st = env_->NewWritableFile(dir_, &w, EnvOptions());
  EXPECT_EQ(
      "IO error: While open a file for appending: " + dir_ + ": Is a directory",
      st.ToString());
  EXPECT_FALSE(st.IsPathNotFound());
}

TEST_F(PosixFileSystemTest, SecondLockInSameProcessFails) {
  FileLock* lock = nullptr;
  ASSERT_TRUE(env_->LockFile(Path("LOCK"), &lock).ok());
  ASSERT_NE(nullptr, lock);

  FileLock* second = reinterpret_cast<FileLock*>(1);
  Status s = env_->LockFile(Path("LOCK"), &second);
  EXPECT_TRUE(s.IsIOError());
  EXPECT_EQ(nullptr, second);
  // RocksDB: "IO error: lock hold by current process, acquire time <secs>
  // acquiring thread <tid>: <path>: No locks available".
  const std::string text = s.ToString();
  EXPECT_EQ(0u, text.find("IO error: lock hold by current process, acquire "
                          "time "))
      << text;
  EXPECT_NE(std::string::npos,
            text.find(" acquiring thread " +
                      std::to_string(env_->GetThreadID()) + ": "))
      << text;
  EXPECT_NE(std::string::npos,
            text.find(": " + Path("LOCK") + ": No locks available"))
      << text;

  ASSERT_TRUE(env_->UnlockFile(lock).ok());
  ASSERT_TRUE(env_->LockFile(Path("LOCK"), &second).ok());
  ASSERT_TRUE(env_->UnlockFile(second).ok());

  s = env_->LockFile(Path("nodir/LOCK"), &second);
  EXPECT_TRUE(s.IsPathNotFound());
}

TEST_F(PosixFileSystemTest, PathsAndSpace) {
  std::string out;
  ASSERT_TRUE(env_->GetAbsolutePath("/a/b", &out).ok());
  EXPECT_EQ("/a/b", out);
  // Like RocksDB, a relative path yields the working directory.
  char cwd[4096];
  ASSERT_NE(nullptr, ::getcwd(cwd, sizeof(cwd)));
  ASSERT_TRUE(env_->GetAbsolutePath("rel/path", &out).ok());
  EXPECT_EQ(cwd, out);

  uint64_t free_bytes = 0;
  ASSERT_TRUE(env_->GetFreeSpace(dir_, &free_bytes).ok());
  EXPECT_GT(free_bytes, 0u);
  EXPECT_TRUE(env_->GetFreeSpace(Path("nope"), &free_bytes).IsPathNotFound());

  // The POSIX file system has no named-file Truncate, as in RocksDB.
  EXPECT_TRUE(env_->Truncate(Path("x"), 0).IsNotSupported());
}

TEST_F(PosixFileSystemTest, MemoryMappedBuffer) {
  ASSERT_TRUE(WriteStringToFile(env_, "abcdef", Path("mm")).ok());
  std::unique_ptr<MemoryMappedFileBuffer> mm;
  ASSERT_TRUE(env_->NewMemoryMappedFileBuffer(Path("mm"), &mm).ok());
  ASSERT_EQ(6u, mm->GetLen());
  static_cast<char*>(mm->GetBase())[0] = 'X';
  mm.reset();
  std::string data;
  ASSERT_TRUE(ReadFileToString(env_, Path("mm"), &data).ok());
  EXPECT_EQ("Xbcdef", data);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
