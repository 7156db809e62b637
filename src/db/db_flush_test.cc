// Copyright (c) the rocksdb-cleanroom authors.
//
// Flushes through the DB: manual and background flushes produce level-0
// tables RocksDB's own tools accept, WALs are retired, recovery flushes
// what it replays, writes go on during a slow flush and stall when too
// many memtables wait, flush errors stop writes until Resume(), and the
// listeners hear what RocksDB tells them.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "db/db_test_util.h"
#include "rocksdb/file_system.h"
#include "rocksdb/listener.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/statistics.h"
#include "rocksdb/table_properties.h"

namespace ROCKSDB_NAMESPACE {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Runs a shell command; returns its exit code and output.
int RunCommand(const std::string& cmd, std::string* output) {
  output->clear();
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) output->append(buf, n);
  return pclose(pipe);
}

bool HaveTool(const char* tool) {
  std::string out;
  return RunCommand(std::string("command -v ") + tool, &out) == 0;
}

// A file system whose table files can be held back (creation blocks until
// released) or made to fail.
class TableFileGate : public FileSystemWrapper {
 public:
  explicit TableFileGate(const std::shared_ptr<FileSystem>& target)
      : FileSystemWrapper(target) {}
  const char* Name() const override { return "TableFileGate"; }

  void Block() {
    std::lock_guard<std::mutex> l(mu_);
    blocked_ = true;
  }
  void Release() {
    std::lock_guard<std::mutex> l(mu_);
    blocked_ = false;
    cv_.notify_all();
  }
  void Fail(bool fail) { fail_ = fail; }
  int waiting() const { return waiting_.load(); }

  IOStatus NewWritableFile(const std::string& fname, const FileOptions& opts,
                           std::unique_ptr<FSWritableFile>* result,
                           IODebugContext* dbg) override {
    if (EndsWith(fname, ".sst")) {
      if (fail_) return IOStatus::IOError("injected table file error");
      std::unique_lock<std::mutex> l(mu_);
      ++waiting_;
      cv_.wait(l, [this] { return !blocked_; });
      --waiting_;
    }
    return target()->NewWritableFile(fname, opts, result, dbg);
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool blocked_ = false;
  std::atomic<bool> fail_{false};
  std::atomic<int> waiting_{0};
};

class CommaAppend : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing != nullptr
                     ? existing->ToString() + "," + value.ToString()
                     : value.ToString();
    return true;
  }
  const char* Name() const override { return "CommaAppend"; }
};

// Records what the listeners hear.
class RecordingListener : public EventListener {
 public:
  const char* Name() const override { return "RecordingListener"; }
  void OnFlushBegin(DB*, const FlushJobInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    begins.push_back(info);
  }
  void OnFlushCompleted(DB*, const FlushJobInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    completed.push_back(info);
  }
  void OnTableFileCreationStarted(
      const TableFileCreationBriefInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    started.push_back(info);
  }
  void OnTableFileCreated(const TableFileCreationInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    created.push_back(info);
  }
  void OnMemTableSealed(const MemTableInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    sealed.push_back(info);
  }
  void OnStallConditionsChanged(const WriteStallInfo& info) override {
    std::lock_guard<std::mutex> l(mu);
    stalls.push_back(info);
  }

  std::mutex mu;
  std::vector<FlushJobInfo> begins;
  std::vector<FlushJobInfo> completed;
  std::vector<TableFileCreationBriefInfo> started;
  std::vector<TableFileCreationInfo> created;
  std::vector<MemTableInfo> sealed;
  std::vector<WriteStallInfo> stalls;
};

class DBFlushTest : public test::DBTestBase {
 protected:
  // The DB must close before env_ goes.
  ~DBFlushTest() override { Close(); }

  std::vector<std::string> TableFiles() {
    return test::FilesWith(dbname_, "", ".sst");
  }
  // Waits (up to 10 s) until no memtable waits for a flush.
  void WaitForFlushes() {
    for (int i = 0; i < 1000; ++i) {
      if (IntProperty("rocksdb.num-immutable-mem-table") == 0 &&
          IntProperty("rocksdb.num-running-flushes") == 0) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "flushes did not finish";
  }
  std::string Value(int i) { return std::string(100, 'a' + i % 26); }
  std::string Key(int i) {
    char buf[16];
    snprintf(buf, sizeof(buf), "key%06d", i);
    return buf;
  }
  // An Env over a TableFileGate of the default file system.
  void UseGate() {
    gate_ = std::make_shared<TableFileGate>(FileSystem::Default());
    env_ = NewCompositeEnv(gate_);
    options_.env = env_.get();
  }

  std::shared_ptr<TableFileGate> gate_;
  std::unique_ptr<Env> env_;
};

TEST_F(DBFlushTest, ManualFlushWritesALevel0TableRocksDBToolsRead) {
  Open();
  for (int i = 0; i < 100; ++i) ASSERT_OK(Put(Key(i), Value(i)));
  ASSERT_OK(Delete(Key(7)));
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(1u, TableFiles().size());
  std::string text;
  ASSERT_TRUE(db_->GetProperty("rocksdb.num-files-at-level0", &text));
  EXPECT_EQ("1", text);
  EXPECT_EQ(0u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ(98u, IntProperty("rocksdb.estimate-num-keys"));  // 100 - 2 * 1
  EXPECT_GT(IntProperty("rocksdb.total-sst-files-size"), 0u);
  EXPECT_EQ(IntProperty("rocksdb.total-sst-files-size"),
            IntProperty("rocksdb.live-sst-files-size"));
  // Reads come from the table now.
  EXPECT_EQ(Value(3), Get(Key(3)));
  EXPECT_EQ("NOT_FOUND", Get(Key(7)));

  std::vector<LiveFileMetaData> files;
  db_->GetLiveFilesMetaData(&files);
  ASSERT_EQ(1u, files.size());
  EXPECT_EQ(0, files[0].level);
  EXPECT_EQ(Key(0), files[0].smallestkey);
  EXPECT_EQ(Key(99), files[0].largestkey);
  EXPECT_EQ(1u, files[0].smallest_seqno);
  EXPECT_EQ(101u, files[0].largest_seqno);
  EXPECT_EQ(100u, files[0].num_entries);
  EXPECT_EQ(1u, files[0].num_deletions);
  EXPECT_EQ("default", files[0].column_family_name);
  EXPECT_EQ("/" + TableFiles()[0], files[0].name);
  EXPECT_EQ(TableFiles()[0], files[0].relative_filename);
  EXPECT_EQ(dbname_, files[0].directory);
  EXPECT_GT(files[0].file_creation_time, 0u);

  // A second flush of an empty memtable changes nothing.
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(1u, TableFiles().size());
  Close();

  if (!HaveTool("sst_dump") || !HaveTool("ldb")) {
    GTEST_SKIP() << "rocksdb-tools not installed";
  }
  std::string out;
  EXPECT_EQ(0, RunCommand("sst_dump --file=" + dbname_ + "/" + TableFiles()[0] +
                              " --command=verify",
                          &out))
      << out;
  EXPECT_NE(std::string::npos, out.find("The file is ok")) << out;
  EXPECT_EQ(0, RunCommand("ldb --db=" + dbname_ + " scan", &out)) << out;
  EXPECT_NE(std::string::npos, out.find(Key(3) + " : " + Value(3))) << out;
  EXPECT_EQ(std::string::npos, out.find(Key(7) + " : ")) << out;
  EXPECT_NE(std::string::npos, out.find(Key(99) + " : " + Value(99))) << out;
}

TEST_F(DBFlushTest, FlushRetiresTheOldWalAndReopenReadsEverything) {
  Open();
  for (int i = 0; i < 50; ++i) ASSERT_OK(Put(Key(i), Value(i)));
  const std::vector<std::string> before = WalFiles();
  ASSERT_EQ(1u, before.size());
  ASSERT_OK(db_->Flush(FlushOptions()));
  const std::vector<std::string> after = WalFiles();
  ASSERT_EQ(1u, after.size());
  EXPECT_NE(before, after);  // a new WAL; the flushed one is gone
  EXPECT_EQ(0u, test::ReadWholeFile(WalPath(after[0])).size());
  // Newer writes stay in the memtable and the WAL.
  for (int i = 50; i < 60; ++i) ASSERT_OK(Put(Key(i), Value(i + 1)));
  ASSERT_OK(Put(Key(0), "overwritten"));
  Reopen();
  EXPECT_EQ("overwritten", Get(Key(0)));
  for (int i = 1; i < 50; ++i) ASSERT_EQ(Value(i), Get(Key(i))) << i;
  for (int i = 50; i < 60; ++i) ASSERT_EQ(Value(i + 1), Get(Key(i))) << i;
  EXPECT_EQ(61u, db_->GetLatestSequenceNumber());
  // The reopen flushed what it replayed: two tables, one fresh WAL.
  EXPECT_EQ(2u, TableFiles().size());
  EXPECT_EQ(1u, WalFiles().size());
}

TEST_F(DBFlushTest, RecoveryFlushUnlessAvoided) {
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("b", "2"));
  Close();
  const std::vector<std::string> wals = WalFiles();
  ASSERT_EQ(1u, wals.size());

  options_.avoid_flush_during_recovery = true;
  Reopen();
  EXPECT_EQ(0u, TableFiles().size());
  EXPECT_EQ(2u, IntProperty("rocksdb.num-entries-active-mem-table"));
  // The replayed WAL stays next to the new one.
  EXPECT_EQ(2u, WalFiles().size());
  EXPECT_EQ(wals[0], WalFiles()[0]);
  ASSERT_OK(Put("c", "3"));
  Close();

  options_.avoid_flush_during_recovery = false;
  Reopen();
  EXPECT_EQ(1u, TableFiles().size());
  EXPECT_EQ(1u, WalFiles().size());
  EXPECT_EQ(0u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ("3", Get("c"));
  EXPECT_EQ(3u, db_->GetLatestSequenceNumber());
}

TEST_F(DBFlushTest, RecoveryFlushesMemtablesThatFillUp) {
  // Even with avoid_flush_during_recovery, a memtable that fills up while
  // replaying is flushed, and then the rest too (RocksDB 7.8.3).
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 100;
  options_.min_write_buffer_number_to_merge = 99;
  Open();
  for (int i = 0; i < 2000; ++i) ASSERT_OK(Put(Key(i), Value(i)));
  EXPECT_EQ(0u, TableFiles().size());
  Close();
  options_.avoid_flush_during_recovery = true;
  Reopen();
  EXPECT_GE(TableFiles().size(), 3u);
  EXPECT_EQ(0u, IntProperty("rocksdb.num-entries-active-mem-table"));
  EXPECT_EQ(1u, WalFiles().size());
  for (int i = 0; i < 2000; ++i) ASSERT_EQ(Value(i), Get(Key(i))) << i;
}

TEST_F(DBFlushTest, DataWrittenWithoutWalIsFlushedAtClose) {
  WriteOptions no_wal;
  no_wal.disableWAL = true;
  Open();
  ASSERT_OK(Put("kept", "1", no_wal));
  Close();
  EXPECT_EQ(1u, TableFiles().size());
  Reopen();
  EXPECT_EQ("1", Get("kept"));

  // avoid_flush_during_shutdown: the data is lost, as in RocksDB.
  options_.avoid_flush_during_shutdown = true;
  Reopen();
  ASSERT_OK(Put("lost", "2", no_wal));
  Close();
  Reopen();
  EXPECT_EQ("NOT_FOUND", Get("lost"));
  EXPECT_EQ("1", Get("kept"));

  // With the WAL on, Close flushes nothing.
  options_.avoid_flush_during_shutdown = false;
  Reopen();
  const size_t tables = TableFiles().size();
  ASSERT_OK(Put("logged", "3"));
  Close();
  EXPECT_EQ(tables, TableFiles().size());
}

TEST_F(DBFlushTest, FullMemtablesAreFlushedInTheBackground) {
  options_.write_buffer_size = 64 << 10;
  auto stats = CreateDBStatistics();
  options_.statistics = stats;
  Open();
  for (int i = 0; i < 3000; ++i) ASSERT_OK(Put(Key(i), Value(i)));
  WaitForFlushes();
  EXPECT_GE(TableFiles().size(), 3u);
  std::string text;
  ASSERT_TRUE(db_->GetProperty("rocksdb.num-files-at-level0", &text));
  EXPECT_EQ(std::to_string(TableFiles().size()), text);
  // The last job deletes the WALs it made obsolete right after.
  for (int i = 0; i < 100 && WalFiles().size() > 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(1u, WalFiles().size());
  EXPECT_GT(stats->getTickerCount(FLUSH_WRITE_BYTES), 0u);
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(Value(i), Get(Key(i))) << i;
  Reopen();
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(Value(i), Get(Key(i))) << i;
  EXPECT_EQ(3000u, db_->GetLatestSequenceNumber());
}

TEST_F(DBFlushTest, WritesGoOnDuringASlowFlushThenStall) {
  UseGate();
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 2;
  Open();
  gate_->Block();
  WriteOptions no_slowdown;
  no_slowdown.no_slowdown = true;
  int i = 0;
  Status s;
  // The first full memtable's flush hangs; writes fill a second one, and
  // with two memtables waiting writes stop.
  for (; i < 5000; ++i) {
    s = Put(Key(i), Value(i), no_slowdown);
    if (!s.ok()) break;
  }
  EXPECT_EQ("Result incomplete: Write stall", s.ToString());
  EXPECT_GT(i, 500);  // well past one memtable
  EXPECT_EQ(2u, IntProperty("rocksdb.num-immutable-mem-table"));
  EXPECT_EQ(1u, IntProperty("rocksdb.is-write-stopped"));
  EXPECT_EQ(1u, IntProperty("rocksdb.num-running-flushes"));
  EXPECT_EQ(1u, IntProperty("rocksdb.mem-table-flush-pending"));
  EXPECT_EQ(Value(0), Get(Key(0)));  // reads still work

  // A normal writer waits until the flush lets it in.
  std::atomic<bool> done{false};
  std::thread writer([&] {
    EXPECT_OK(Put("waiting", "w"));
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(done.load());
  gate_->Release();
  writer.join();
  EXPECT_TRUE(done.load());
  WaitForFlushes();
  EXPECT_EQ(0u, IntProperty("rocksdb.is-write-stopped"));
  EXPECT_EQ(2u, TableFiles().size());
  EXPECT_EQ("w", Get("waiting"));
  for (int k = 0; k < i; ++k) ASSERT_EQ(Value(k), Get(Key(k))) << k;
}

TEST_F(DBFlushTest, DelayedWritesRefuseNoSlowdownWriters) {
  // With more than three write buffers, max - 1 waiting memtables delay
  // writes; no_slowdown writers get Incomplete then.
  UseGate();
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 4;
  Open();
  gate_->Block();
  WriteOptions no_slowdown;
  no_slowdown.no_slowdown = true;
  Status s;
  for (int i = 0; i < 10000 && s.ok(); ++i) {
    s = Put(Key(i), Value(i), no_slowdown);
  }
  EXPECT_EQ("Result incomplete: Write stall", s.ToString());
  EXPECT_EQ(3u, IntProperty("rocksdb.num-immutable-mem-table"));
  EXPECT_EQ(0u, IntProperty("rocksdb.is-write-stopped"));
  EXPECT_EQ(16u << 20, IntProperty("rocksdb.actual-delayed-write-rate"));
  // A normal write is only slowed down.
  ASSERT_OK(Put("slow", "1"));
  gate_->Release();
  WaitForFlushes();
  EXPECT_EQ(0u, IntProperty("rocksdb.actual-delayed-write-rate"));
  EXPECT_EQ("1", Get("slow"));
}

TEST_F(DBFlushTest, FlushErrorStopsWritesUntilResume) {
  UseGate();
  Open();
  ASSERT_OK(Put("a", "1"));
  gate_->Fail(true);
  Status s = db_->Flush(FlushOptions());
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_EQ(1u, IntProperty("rocksdb.background-errors"));
  EXPECT_EQ(s.ToString(), Put("b", "2").ToString());
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ(0u, TableFiles().size());
  // Resume retries the flush; while the error lasts it fails again.
  EXPECT_TRUE(db_->Resume().IsIOError());
  gate_->Fail(false);
  ASSERT_OK(db_->Resume());
  EXPECT_EQ(0u, IntProperty("rocksdb.background-errors"));
  EXPECT_EQ(1u, TableFiles().size());
  ASSERT_OK(Put("b", "2"));
  Reopen();
  EXPECT_EQ("1", Get("a"));
  EXPECT_EQ("2", Get("b"));
}

TEST_F(DBFlushTest, FlushKeepsWhatSnapshotsSee) {
  Open();
  ASSERT_OK(Put("k", "old"));
  const Snapshot* snap = db_->GetSnapshot();
  ASSERT_OK(Put("k", "new"));
  ASSERT_OK(Put("k", "newest"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ("old", Get("k", snap));
  EXPECT_EQ("newest", Get("k"));
  TablePropertiesCollection props;
  ASSERT_OK(db_->GetPropertiesOfAllTables(&props));
  ASSERT_EQ(1u, props.size());
  EXPECT_EQ(2u, props.begin()->second->num_entries);  // "new" is dropped
  db_->ReleaseSnapshot(snap);
}

TEST_F(DBFlushTest, RangeDeletionsAreFlushedWithTheirBounds) {
  Open();
  ASSERT_OK(Put("b", "1"));
  ASSERT_OK(
      db_->DeleteRange(WriteOptions(), db_->DefaultColumnFamily(), "a", "z"));
  ASSERT_OK(Put("c", "2"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  std::vector<LiveFileMetaData> files;
  db_->GetLiveFilesMetaData(&files);
  ASSERT_EQ(1u, files.size());
  EXPECT_EQ("a", files[0].smallestkey);
  EXPECT_EQ("z", files[0].largestkey);
  EXPECT_EQ(2u, files[0].smallest_seqno);
  EXPECT_EQ(3u, files[0].largest_seqno);
  EXPECT_EQ("NOT_FOUND", Get("b"));
  EXPECT_EQ("2", Get("c"));
  TablePropertiesCollection props;
  ASSERT_OK(db_->GetPropertiesOfAllTables(&props));
  ASSERT_EQ(1u, props.size());
  EXPECT_EQ(1u, props.begin()->second->num_range_deletions);
  EXPECT_EQ(2u, props.begin()->second->num_entries);  // "b" was covered
}

TEST_F(DBFlushTest, AllEntriesCancellingOutLeaveNoTable) {
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(db_->SingleDelete(WriteOptions(), "a"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(0u, TableFiles().size());
  EXPECT_EQ(1u, WalFiles().size());
  EXPECT_EQ("NOT_FOUND", Get("a"));
}

TEST_F(DBFlushTest, ListenersHearTheFlush) {
  auto listener = std::make_shared<RecordingListener>();
  options_.listeners.push_back(listener);
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("b", "2"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  Close();
  std::lock_guard<std::mutex> l(listener->mu);
  ASSERT_EQ(1u, listener->sealed.size());
  EXPECT_EQ(1u, listener->sealed[0].first_seqno);
  EXPECT_EQ(2u, listener->sealed[0].num_entries);
  ASSERT_EQ(1u, listener->begins.size());
  // Before the table exists RocksDB reports no file and no sequences.
  EXPECT_EQ(0u, listener->begins[0].file_number);
  EXPECT_EQ(dbname_ + "/000000.sst", listener->begins[0].file_path);
  EXPECT_EQ((uint64_t{1} << 56) - 1, listener->begins[0].smallest_seqno);
  EXPECT_EQ(FlushReason::kManualFlush, listener->begins[0].flush_reason);
  ASSERT_EQ(1u, listener->started.size());
  EXPECT_EQ(TableFileCreationReason::kFlush, listener->started[0].reason);
  ASSERT_EQ(1u, listener->created.size());
  EXPECT_OK(listener->created[0].status);
  EXPECT_EQ(2u, listener->created[0].table_properties.num_entries);
  EXPECT_EQ(listener->started[0].file_path, listener->created[0].file_path);
  ASSERT_EQ(1u, listener->completed.size());
  const FlushJobInfo& info = listener->completed[0];
  EXPECT_EQ("default", info.cf_name);
  EXPECT_EQ(listener->created[0].file_path, info.file_path);
  EXPECT_EQ(1u, info.smallest_seqno);
  EXPECT_EQ(2u, info.largest_seqno);
  EXPECT_EQ(listener->begins[0].job_id, info.job_id);
  EXPECT_EQ(2u, info.table_properties.num_entries);
}

TEST_F(DBFlushTest, FileDeletionsCanBeDisabled) {
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(db_->DisableFileDeletions());
  ASSERT_OK(db_->DisableFileDeletions());
  EXPECT_EQ(0u, IntProperty("rocksdb.is-file-deletions-enabled"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(2u, WalFiles().size());  // the flushed WAL is kept for now
  ASSERT_OK(db_->EnableFileDeletions(false));
  EXPECT_EQ(0u, IntProperty("rocksdb.is-file-deletions-enabled"));
  EXPECT_EQ(2u, WalFiles().size());
  ASSERT_OK(db_->EnableFileDeletions(false));
  EXPECT_EQ(1u, IntProperty("rocksdb.is-file-deletions-enabled"));
  EXPECT_EQ(1u, WalFiles().size());
}

TEST_F(DBFlushTest, LiveFilesAndWalListings) {
  Open();
  ASSERT_OK(Put("a", "1"));
  VectorLogPtr wals;
  ASSERT_OK(db_->GetSortedWalFiles(wals));
  ASSERT_EQ(1u, wals.size());
  EXPECT_EQ("/" + WalFiles()[0], wals[0]->PathName());
  EXPECT_EQ(kAliveLogFile, wals[0]->Type());
  EXPECT_EQ(1u, wals[0]->StartSequence());
  EXPECT_GT(wals[0]->SizeFileBytes(), 0u);

  std::vector<std::string> files;
  uint64_t manifest_size = 0;
  ASSERT_OK(db_->GetLiveFiles(files, &manifest_size, /*flush_memtable=*/true));
  ASSERT_EQ(4u, files.size());
  EXPECT_EQ("/" + TableFiles()[0], files[0]);
  EXPECT_EQ("/CURRENT", files[1]);
  EXPECT_EQ(0u, files[2].find("/MANIFEST-"));
  EXPECT_EQ(0u, files[3].find("/OPTIONS-"));
  EXPECT_GT(manifest_size, 0u);
  // The empty current WAL is not listed (RocksDB 7.8.3), but is current.
  ASSERT_OK(db_->GetSortedWalFiles(wals));
  EXPECT_EQ(0u, wals.size());
  std::unique_ptr<LogFile> current;
  ASSERT_OK(db_->GetCurrentWalFile(&current));
  EXPECT_EQ("/" + WalFiles()[0], current->PathName());
  EXPECT_EQ(0u, current->SizeFileBytes());
  ColumnFamilyMetaData cf;
  db_->GetColumnFamilyMetaData(&cf);
  EXPECT_EQ(1u, cf.file_count);
  ASSERT_EQ(7u, cf.levels.size());
  ASSERT_EQ(1u, cf.levels[0].files.size());
  EXPECT_EQ(cf.size, cf.levels[0].size);
  ASSERT_OK(db_->VerifyChecksum());
  uint64_t oldest = 0;
  ASSERT_OK(db_->GetCreationTimeOfOldestFile(&oldest));
  EXPECT_GT(oldest, 0u);
}

TEST_F(DBFlushTest, WalsAreArchivedWithTtl) {
  options_.WAL_ttl_seconds = 1000;
  Open();
  ASSERT_OK(Put("a", "1"));
  const std::string wal = WalFiles()[0];
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(std::vector<std::string>{wal},
            test::FilesWith(dbname_ + "/archive", "", ".log"));
  VectorLogPtr wals;
  ASSERT_OK(db_->GetSortedWalFiles(wals));
  ASSERT_EQ(1u, wals.size());
  EXPECT_EQ(kArchivedLogFile, wals[0]->Type());
  EXPECT_EQ("/archive/" + wal, wals[0]->PathName());
}

TEST_F(DBFlushTest, MinWriteBufferNumberToMergeFlushesTogether) {
  options_.write_buffer_size = 64 << 10;
  options_.max_write_buffer_number = 5;
  options_.min_write_buffer_number_to_merge = 2;
  Open();
  // One full memtable waits for a second one.
  int i = 0;
  while (IntProperty("rocksdb.num-immutable-mem-table") < 1) {
    ASSERT_OK(Put(Key(i), Value(i)));
    ++i;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(1u, IntProperty("rocksdb.num-immutable-mem-table"));
  EXPECT_EQ(0u, TableFiles().size());
  // A manual flush does not wait for the minimum.
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ(0u, IntProperty("rocksdb.num-immutable-mem-table"));
  EXPECT_EQ(1u, TableFiles().size());
}

TEST_F(DBFlushTest, PauseBackgroundWorkHoldsFlushes) {
  options_.write_buffer_size = 64 << 10;
  Open();
  ASSERT_OK(db_->PauseBackgroundWork());
  int i = 0;
  while (IntProperty("rocksdb.num-immutable-mem-table") < 1) {
    ASSERT_OK(Put(Key(i), Value(i)));
    ++i;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(0u, TableFiles().size());
  ASSERT_OK(db_->ContinueBackgroundWork());
  EXPECT_TRUE(db_->ContinueBackgroundWork().IsInvalidArgument());
  WaitForFlushes();
  EXPECT_EQ(1u, TableFiles().size());
}

TEST_F(DBFlushTest, MergesAreCombinedByTheFlush) {
  options_.merge_operator = std::make_shared<CommaAppend>();
  Open();
  ASSERT_OK(Put("k", "base"));
  ASSERT_OK(db_->Merge(WriteOptions(), "k", "x"));
  ASSERT_OK(db_->Merge(WriteOptions(), "k", "y"));
  ASSERT_OK(db_->Flush(FlushOptions()));
  EXPECT_EQ("base,x,y", Get("k"));
  TablePropertiesCollection props;
  ASSERT_OK(db_->GetPropertiesOfAllTables(&props));
  ASSERT_EQ(1u, props.size());
  EXPECT_EQ(1u, props.begin()->second->num_entries);
  EXPECT_EQ(0u, props.begin()->second->num_merge_operands);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
