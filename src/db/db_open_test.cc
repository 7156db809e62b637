// Copyright (c) the rocksdb-cleanroom authors.
//
// DB lifecycle: Open/Close/reopen, the files of a DB directory, LOCK in
// this and another process, create_if_missing / error_if_exists, read-only
// opens, column family descriptors, DestroyDB, wal_dir and db_log_dir.
// Expected messages were printed by RocksDB 7.8.3.

#include <sys/wait.h>
#include <unistd.h>

#include "db/db_test_util.h"
#include "rocksdb/comparator.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class DBLifecycleTest : public test::DBTestBase {};

TEST_F(DBLifecycleTest, MissingDbWithoutCreateIfMissing) {
  options_.create_if_missing = false;
  DB* db = reinterpret_cast<DB*>(8);
  Status s = DB::Open(options_, dbname_, &db);
  EXPECT_EQ(nullptr, db);
  ASSERT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ("Invalid argument: " + dbname_ +
                "/CURRENT: does not exist (create_if_missing is false)",
            s.ToString());
}

TEST_F(DBLifecycleTest, NewDbHasTheStandardFiles) {
  Open();
  ASSERT_OK(Put("a", "1"));
  Close();
  const std::vector<std::string> files = test::ListDir(dbname_);
  for (const char* name : {"CURRENT", "IDENTITY", "LOCK", "LOG"}) {
    EXPECT_NE(files.end(), std::find(files.begin(), files.end(), name)) << name;
  }
  EXPECT_EQ(1u, test::FilesWith(dbname_, "MANIFEST-", "").size());
  EXPECT_EQ(1u, test::FilesWith(dbname_, "OPTIONS-", "").size());
  EXPECT_EQ(1u, WalFiles().size());
  const std::string current = test::ReadWholeFile(dbname_ + "/CURRENT");
  EXPECT_EQ("MANIFEST-", current.substr(0, 9));
  EXPECT_EQ('\n', current.back());
  EXPECT_EQ(36u, test::ReadWholeFile(dbname_ + "/IDENTITY").size());
  EXPECT_TRUE(test::FilesWith(dbname_, "", ".dbtmp").empty());
}

TEST_F(DBLifecycleTest, IdentityAndDataSurviveReopen) {
  Open();
  std::string id1;
  ASSERT_OK(db_->GetDbIdentity(id1));
  EXPECT_EQ(test::ReadWholeFile(dbname_ + "/IDENTITY"), id1);
  std::string session1;
  ASSERT_OK(db_->GetDbSessionId(session1));
  EXPECT_EQ(20u, session1.size());
  ASSERT_OK(Put("k", "v"));
  Reopen();
  std::string id2, session2;
  ASSERT_OK(db_->GetDbIdentity(id2));
  ASSERT_OK(db_->GetDbSessionId(session2));
  EXPECT_EQ(id1, id2);
  EXPECT_NE(session1, session2);
  EXPECT_EQ("v", Get("k"));
  EXPECT_EQ(1u, db_->GetLatestSequenceNumber());
}

TEST_F(DBLifecycleTest, MissingIdentityIsRecreated) {
  Open();
  Close();
  ASSERT_EQ(0, unlink((dbname_ + "/IDENTITY").c_str()));
  Open();
  std::string id;
  ASSERT_OK(db_->GetDbIdentity(id));
  EXPECT_EQ(36u, id.size());
  EXPECT_EQ(id, test::ReadWholeFile(dbname_ + "/IDENTITY"));
}

TEST_F(DBLifecycleTest, ErrorIfExists) {
  Open();
  Close();
  options_.error_if_exists = true;
  Status s = TryOpen(options_);
  EXPECT_EQ(
      "Invalid argument: " + dbname_ + ": exists (error_if_exists is true)",
      s.ToString());
}

TEST_F(DBLifecycleTest, SecondOpenInTheSameProcessFailsOnLock) {
  Open();
  DB* second = nullptr;
  Status s = DB::Open(options_, dbname_, &second);
  EXPECT_EQ(nullptr, second);
  ASSERT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_EQ(0u, s.ToString().find("IO error: lock hold by current process, "
                                  "acquire time "));
  EXPECT_NE(std::string::npos,
            s.ToString().find(dbname_ + "/LOCK: No locks available"));
  // After close the DB opens again.
  Close();
  Open();
}

// Run by SecondOpenInAnotherProcessFailsOnLock in a fresh process (a
// forked child would share the parent's record of its own locks).
TEST_F(DBLifecycleTest, DISABLED_OpenFromAnotherProcess) {
  const char* path = getenv("DB_LIFECYCLE_TEST_PATH");
  ASSERT_NE(nullptr, path);
  DB* db = nullptr;
  Status s = DB::Open(options_, path, &db);
  printf("STATUS:%s\n", s.ToString().c_str());
  delete db;
}

TEST_F(DBLifecycleTest, SecondOpenInAnotherProcessFailsOnLock) {
  Open();
  int fds[2];
  ASSERT_EQ(0, pipe(fds));
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    setenv("DB_LIFECYCLE_TEST_PATH", dbname_.c_str(), 1);
    execl("/proc/self/exe", "db_test", "--gtest_also_run_disabled_tests",
          "--gtest_filter=DBLifecycleTest.DISABLED_OpenFromAnotherProcess",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string output;
  char buf[512];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof(buf))) > 0) output.append(buf, n);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  const size_t at = output.find("STATUS:");
  ASSERT_NE(std::string::npos, at) << output;
  const std::string text =
      output.substr(at + 7, output.find('\n', at) - at - 7);
  EXPECT_EQ("IO error: While lock file: " + dbname_ +
                "/LOCK: Resource temporarily unavailable",
            text);
}

TEST_F(DBLifecycleTest, ComparatorMismatch) {
  Open();
  Close();
  options_.comparator = ReverseBytewiseComparator();
  Status s = TryOpen(options_);
  EXPECT_EQ(
      "Invalid argument: rocksdb.ReverseBytewiseComparator: does not match "
      "existing comparator leveldb.BytewiseComparator",
      s.ToString());
}

TEST_F(DBLifecycleTest, PathIsARegularFile) {
  test::WriteWholeFile(dbname_, "not a directory");
  Status s = TryOpen(options_);
  EXPECT_EQ("IO error: `" + dbname_ + "' exists but is not a directory",
            s.ToString());
}

TEST_F(DBLifecycleTest, ParentDirectoryMissing) {
  Status s = DB::Open(options_, root_ + "/no/such/db", &db_);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_NE(std::string::npos, s.ToString().find("While mkdir if missing"));
}

TEST_F(DBLifecycleTest, AccessorsAndSanitizedOptions) {
  options_.write_buffer_size = 1;
  options_.max_write_buffer_number = 1;
  options_.max_open_files = 5;
  Open();
  EXPECT_EQ(dbname_, db_->GetName());
  EXPECT_EQ(Env::Default(), db_->GetEnv());
  Options got = db_->GetOptions();
  EXPECT_EQ(64u << 10, got.write_buffer_size);
  EXPECT_EQ(8192u, got.arena_block_size);
  EXPECT_EQ(2, got.max_write_buffer_number);
  EXPECT_EQ(20, got.max_open_files);
  EXPECT_EQ(2592000u, got.ttl);
  EXPECT_NE(nullptr, db_->GetDBOptions().info_log);
  ColumnFamilyHandle* cf = db_->DefaultColumnFamily();
  EXPECT_EQ("default", cf->GetName());
  EXPECT_EQ(0u, cf->GetID());
  EXPECT_TRUE(db_->DestroyColumnFamilyHandle(cf).IsInvalidArgument());
  EXPECT_EQ(0u, db_->GetLatestSequenceNumber());
}

TEST_F(DBLifecycleTest, CloseTwiceIsFine) {
  Open();
  ASSERT_OK(Put("a", "b"));
  EXPECT_OK(db_->Close());
  EXPECT_OK(db_->Close());
  Close();
  Open();
  EXPECT_EQ("b", Get("a"));
}

TEST_F(DBLifecycleTest, ColumnFamilyDescriptors) {
  Open();
  Close();
  DBOptions db_options(options_);
  std::vector<ColumnFamilyHandle*> handles;
  std::vector<ColumnFamilyDescriptor> cfs = {
      ColumnFamilyDescriptor("foo", ColumnFamilyOptions())};
  EXPECT_EQ("Invalid argument: Default column family not specified",
            DB::Open(db_options, dbname_, cfs, &handles, &db_).ToString());
  cfs.emplace_back(kDefaultColumnFamilyName, ColumnFamilyOptions());
  EXPECT_EQ("Invalid argument: Column family not found: foo",
            DB::Open(db_options, dbname_, cfs, &handles, &db_).ToString());
  EXPECT_TRUE(handles.empty());

  cfs = {
      ColumnFamilyDescriptor(kDefaultColumnFamilyName, ColumnFamilyOptions())};
  ASSERT_OK(DB::Open(db_options, dbname_, cfs, &handles, &db_));
  ASSERT_EQ(1u, handles.size());
  EXPECT_EQ("default", handles[0]->GetName());
  EXPECT_NE(db_->DefaultColumnFamily(), handles[0]);
  ASSERT_OK(db_->Put(WriteOptions(), handles[0], "k", "v"));
  EXPECT_EQ("v", Get("k"));
  ASSERT_OK(db_->DestroyColumnFamilyHandle(handles[0]));

  std::vector<std::string> names;
  ASSERT_OK(DB::ListColumnFamilies(db_options, dbname_, &names));
  EXPECT_EQ(std::vector<std::string>{"default"}, names);
}

TEST_F(DBLifecycleTest, ReadOnly) {
  Open();
  ASSERT_OK(Put("x", "1"));
  Close();
  ASSERT_OK(DB::OpenForReadOnly(options_, dbname_, &db_));
  EXPECT_EQ("1", Get("x"));
  EXPECT_EQ(1u, db_->GetLatestSequenceNumber());
  EXPECT_EQ(1u, IntProperty("rocksdb.num-entries-active-mem-table"));
  const std::string kReadOnly =
      "Not implemented: Not supported operation in read only mode.";
  WriteBatch batch;
  batch.Put("a", "b");
  EXPECT_EQ(kReadOnly, Put("k", "v").ToString());
  EXPECT_EQ(kReadOnly, Delete("k").ToString());
  EXPECT_EQ(kReadOnly, db_->SingleDelete(WriteOptions(), "k").ToString());
  EXPECT_EQ(kReadOnly, db_->Merge(WriteOptions(), "k", "v").ToString());
  EXPECT_EQ(kReadOnly, db_->Write(WriteOptions(), &batch).ToString());
  EXPECT_EQ(kReadOnly, db_->SyncWAL().ToString());
  EXPECT_EQ(kReadOnly, db_->FlushWAL(true).ToString());
  EXPECT_EQ(kReadOnly, db_->Flush(FlushOptions()).ToString());
  // A read-only DB takes no lock: a read-write open works meanwhile.
  DB* rw = nullptr;
  ASSERT_OK(DB::Open(options_, dbname_, &rw));
  delete rw;
}

TEST_F(DBLifecycleTest, ReadOnlyOfMissingDb) {
  Status s = DB::OpenForReadOnly(options_, dbname_, &db_);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_TRUE(s.IsPathNotFound()) << s.ToString();
  EXPECT_EQ(nullptr, db_);
}

TEST_F(DBLifecycleTest, DestroyDB) {
  Open();
  ASSERT_OK(Put("a", "b"));
  Status s = DestroyDB(dbname_, options_);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();  // still locked
  Close();
  test::WriteWholeFile(dbname_ + "/foo.txt", "unknown");
  ASSERT_OK(DestroyDB(dbname_, options_));
  // Only the file the DB does not know is left.
  EXPECT_EQ(std::vector<std::string>{"foo.txt"}, test::ListDir(dbname_));
  ASSERT_OK(DestroyDB(root_ + "/never/existed", options_));
  Open();
  EXPECT_EQ("NOT_FOUND", Get("a"));
}

TEST_F(DBLifecycleTest, WalDirAndDbLogDir) {
  options_.wal_dir = root_ + "/wal";
  options_.db_log_dir = root_ + "/logs";
  Open();
  ASSERT_OK(Put("a", "b"));
  Close();
  EXPECT_TRUE(WalFiles().empty());
  EXPECT_EQ(1u, test::FilesWith(root_ + "/wal", "", ".log").size());
  const std::vector<std::string> logs = test::ListDir(root_ + "/logs");
  ASSERT_EQ(1u, logs.size());
  EXPECT_EQ("_LOG", logs[0].substr(logs[0].size() - 4));
  Open();
  EXPECT_EQ("b", Get("a"));
  Close();
  ASSERT_OK(DestroyDB(dbname_, options_));
  EXPECT_FALSE(std::filesystem::exists(root_ + "/wal"));
  EXPECT_FALSE(std::filesystem::exists(dbname_));
}

TEST_F(DBLifecycleTest, OldInfoLogsAndOptionsFilesAreTrimmed) {
  options_.keep_log_file_num = 3;
  for (int i = 0; i < 6; ++i) {
    Open();
    Close();
  }
  EXPECT_EQ(3u, test::FilesWith(dbname_, "LOG", "").size());
  EXPECT_EQ(2u, test::FilesWith(dbname_, "OPTIONS-", "").size());
  EXPECT_EQ(1u, test::FilesWith(dbname_, "MANIFEST-", "").size());
  EXPECT_EQ(1u, WalFiles().size());
}

TEST_F(DBLifecycleTest, OptionsFileDescribesTheOptions) {
  options_.write_buffer_size = 1 << 20;
  options_.wal_recovery_mode = WALRecoveryMode::kAbsoluteConsistency;
  Open();
  Close();
  const std::vector<std::string> files =
      test::FilesWith(dbname_, "OPTIONS-", "");
  ASSERT_EQ(1u, files.size());
  const std::string text = test::ReadWholeFile(dbname_ + "/" + files[0]);
  EXPECT_NE(std::string::npos, text.find("[Version]\n  rocksdb_version=7.8.3\n"
                                         "  options_file_version=1.1\n"));
  EXPECT_NE(std::string::npos, text.find("[DBOptions]\n"));
  EXPECT_NE(std::string::npos,
            text.find("  wal_recovery_mode=kAbsoluteConsistency\n"));
  EXPECT_NE(std::string::npos, text.find("[CFOptions \"default\"]\n"));
  EXPECT_NE(std::string::npos, text.find("  write_buffer_size=1048576\n"));
  EXPECT_NE(std::string::npos,
            text.find("[TableOptions/BlockBasedTable \"default\"]\n"));
  EXPECT_NE(std::string::npos, text.find("  format_version=5\n"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
