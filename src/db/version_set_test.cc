// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionSet: new DB, recover, LogAndApply and reopen cycles, MANIFEST
// rollover, CURRENT replacement, column family bookkeeping, the open
// errors RocksDB 7.8.3 gives (messages observed with crafted MANIFESTs),
// failure injection, concurrency, and the RocksDB-written MANIFESTs of
// ../shared/specs/samples.
#include "db/version_set.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "db/filename.h"
#include "db/version_set_test_util.h"
#include "rocksdb/comparator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::FileAt;
using test::ManifestTest;

TEST_F(ManifestTest, NewDBThenRecover) {
  ASSERT_OK(NewDB());
  EXPECT_EQ("MANIFEST-000001\n", ReadFile(CurrentFileName(dir_)));
  std::vector<VersionEdit> edits = ReadEdits(DescriptorFileName(dir_, 1));
  ASSERT_EQ(1u, edits.size());
  EXPECT_EQ("leveldb.BytewiseComparator", edits[0].GetComparatorName());
  EXPECT_EQ(0u, edits[0].GetLogNumber());
  EXPECT_EQ(2u, edits[0].GetNextFile());
  EXPECT_EQ(0u, edits[0].GetLastSequence());
  EXPECT_FALSE(edits[0].HasDbId());

  ASSERT_OK(Recover());
  EXPECT_EQ(0u, vs_->LastSequence());
  EXPECT_EQ(2u, vs_->current_next_file_number());
  EXPECT_EQ(1u, vs_->manifest_file_number());
  EXPECT_EQ(0u, vs_->LogNumber());
  ASSERT_EQ(1u, vs_->column_families().size());
  ColumnFamilyVersions* cf = vs_->GetColumnFamily(0);
  ASSERT_NE(nullptr, cf);
  EXPECT_EQ("default", cf->name());
  EXPECT_EQ("leveldb.BytewiseComparator", cf->comparator_name());
  EXPECT_EQ(7, cf->current()->num_levels());
  EXPECT_EQ(0, cf->current()->NumFiles());
  EXPECT_EQ(cf, vs_->GetColumnFamily("default"));
}

TEST_F(ManifestTest, DbIdInManifestWhenAsked) {
  options_.write_dbid_to_manifest = true;
  ASSERT_OK(NewDB("the-id"));
  std::string id;
  ASSERT_OK(Recover({"default"}, false, &id));
  EXPECT_EQ("the-id", id);
  EXPECT_EQ("the-id", vs_->db_id());
  ASSERT_OK(Apply(VersionEdit()));
  std::vector<VersionEdit> edits = ReadCurrentEdits();
  ASSERT_FALSE(edits.empty());
  EXPECT_EQ("the-id", edits[0].GetDbId());
}

TEST_F(ManifestTest, FirstLogAndApplyWritesSnapshotAndSwitchesCurrent) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  const uint64_t wal = vs_->NewFileNumber();  // 2
  vs_->SetLastSequence(42);
  VersionEdit edit;
  edit.SetLogNumber(wal);
  ASSERT_OK(Apply(edit));

  // MANIFEST-000003 replaced MANIFEST-000001, which is gone.
  EXPECT_EQ(3u, vs_->manifest_file_number());
  EXPECT_EQ("MANIFEST-000003\n", ReadFile(CurrentFileName(dir_)));
  EXPECT_EQ((std::vector<std::string>{"CURRENT", "MANIFEST-000003"}),
            Children());

  std::vector<VersionEdit> edits = ReadCurrentEdits();
  ASSERT_EQ(4u, edits.size());
  // Snapshot: default family header, its log number and files, counters.
  EXPECT_EQ("leveldb.BytewiseComparator", edits[0].GetComparatorName());
  EXPECT_FALSE(edits[0].HasLogNumber());
  EXPECT_EQ(0u, edits[1].GetLogNumber());
  EXPECT_EQ(42u, edits[1].GetLastSequence());
  EXPECT_EQ(0u, edits[2].GetPrevLogNumber());
  EXPECT_EQ(4u, edits[2].GetNextFile());
  EXPECT_FALSE(edits[2].HasMaxColumnFamily());
  EXPECT_EQ(42u, edits[2].GetLastSequence());
  // The edit, with its counters filled in.
  EXPECT_EQ(wal, edits[3].GetLogNumber());
  EXPECT_EQ(0u, edits[3].GetPrevLogNumber());
  EXPECT_EQ(4u, edits[3].GetNextFile());
  EXPECT_EQ(42u, edits[3].GetLastSequence());
  EXPECT_EQ(wal, vs_->LogNumber());

  // A second edit is appended to the same MANIFEST.
  ASSERT_OK(Apply(VersionEdit()));
  EXPECT_EQ(3u, vs_->manifest_file_number());
  EXPECT_EQ(5u, ReadCurrentEdits().size());
}

TEST_F(ManifestTest, ReopenRestoresFilesAndCounters) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  VersionEdit e1;
  e1.AddFile(0, FileAt(10, "a", "m", 1, 5));
  e1.AddFile(0, FileAt(11, "b", "z", 6, 9));
  e1.AddFile(1, FileAt(12, "a", "c", 0, 0));
  e1.AddFile(1, FileAt(13, "d", "f", 0, 0));
  vs_->MarkFileNumberUsed(13);
  vs_->SetLastSequence(9);
  ASSERT_OK(Apply(e1));
  VersionEdit e2;
  e2.DeleteFile(0, 10);
  e2.AddFile(2, FileAt(14, "x", "y", 2, 3));
  e2.SetLogNumber(vs_->NewFileNumber());
  ASSERT_OK(Apply(e2));
  const uint64_t log_number = vs_->LogNumber();
  const uint64_t next_file = vs_->current_next_file_number();

  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(9u, vs_->LastSequence());
  EXPECT_EQ(log_number, vs_->LogNumber());
  EXPECT_GE(vs_->current_next_file_number(), next_file);
  Version* v = vs_->current();
  EXPECT_EQ("11", Numbers(v, 0));
  EXPECT_EQ("12,13", Numbers(v, 1));
  EXPECT_EQ("14", Numbers(v, 2));
  const FileMetaData* f = v->files(2)[0];
  EXPECT_EQ(1014u, f->file_size);
  EXPECT_EQ("x", f->smallest.user_key().ToString());
  EXPECT_EQ("y", f->largest.user_key().ToString());
  EXPECT_EQ(2u, f->smallest_seqno);
  EXPECT_EQ(3u, f->largest_seqno);
  EXPECT_EQ(2025u, v->NumLevelBytes(1));
}

TEST_F(ManifestTest, LevelZeroIsNewestFirst) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  VersionEdit edit;
  edit.AddFile(0, FileAt(20, "a", "b", 1, 3));
  edit.AddFile(0, FileAt(22, "a", "b", 7, 9));
  edit.AddFile(0, FileAt(21, "a", "b", 4, 6));
  vs_->MarkFileNumberUsed(22);
  ASSERT_OK(Apply(edit));
  EXPECT_EQ("22,21,20", Numbers(vs_->current(), 0));
}

TEST_F(ManifestTest, MaxManifestFileSizeRollsOver) {
  options_.max_manifest_file_size = 1;
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  uint64_t previous = vs_->manifest_file_number();
  for (int i = 0; i < 5; ++i) {
    const uint64_t number = vs_->NewFileNumber();
    VersionEdit edit;
    edit.AddFile(1, FileAt(number, "k" + std::to_string(i),
                           "k" + std::to_string(i) + "z", 0, 0));
    ASSERT_OK(Apply(edit));
    EXPECT_GT(vs_->manifest_file_number(), previous);
    previous = vs_->manifest_file_number();
    // Only the live MANIFEST is kept, and CURRENT names it.
    int manifests = 0;
    for (const std::string& name : Children()) {
      if (name.rfind("MANIFEST-", 0) == 0) ++manifests;
    }
    EXPECT_EQ(1, manifests);
    EXPECT_EQ(DescriptorFileName(previous) + "\n",
              ReadFile(CurrentFileName(dir_)));
  }
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(5, vs_->current()->NumLevelFiles(1));
}

TEST_F(ManifestTest, LargeManifestRollsOverOnlyPastTheLimit) {
  options_.max_manifest_file_size = 32 * 1024;
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  std::vector<uint64_t> manifests;
  uint64_t live = 0;
  for (int i = 0; i < 400; ++i) {
    // Each edit replaces the one live file: records of ~270 bytes, a
    // snapshot that stays small.
    VersionEdit edit;
    const uint64_t number = vs_->NewFileNumber();
    if (live != 0) edit.DeleteFile(0, live);
    edit.AddFile(0, FileAt(number, std::string(100, 'a'), std::string(100, 'b'),
                           2 * i + 1, 2 * i + 2));
    live = number;
    const uint64_t size_before = vs_->manifest_file_size();
    ASSERT_OK(Apply(edit));
    if (manifests.empty() || manifests.back() != vs_->manifest_file_number()) {
      // A MANIFEST is replaced only once it has passed the limit.
      if (!manifests.empty()) {
        EXPECT_GT(size_before, 32u * 1024);
      }
      manifests.push_back(vs_->manifest_file_number());
    }
    EXPECT_LE(vs_->manifest_file_size(), 32u * 1024 + 1024);
  }
  // About 108 KiB of edits in MANIFESTs of 32 KiB.
  EXPECT_GE(manifests.size(), 3u);
  EXPECT_LE(manifests.size(), 5u);
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(std::to_string(live), Numbers(vs_->current(), 0));
}

TEST_F(ManifestTest, ComparatorNameMustMatch) {
  ASSERT_OK(NewDB());
  ColumnFamilyOptions reverse;
  reverse.comparator = ReverseBytewiseComparator();
  Status s = RecoverWith({ColumnFamilyDescriptor("default", reverse)});
  EXPECT_EQ(
      "Invalid argument: rocksdb.ReverseBytewiseComparator: does not match "
      "existing comparator leveldb.BytewiseComparator",
      s.ToString());
}

TEST_F(ManifestTest, DefaultFamilyMustBeNamed) {
  ASSERT_OK(NewDB());
  EXPECT_EQ("Invalid argument: Default column family not specified",
            Recover({"one"}).ToString());
}

TEST_F(ManifestTest, ColumnFamiliesAddDropReopen) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  ASSERT_OK(AddFamily(1, "one"));
  ASSERT_OK(AddFamily(2, "two"));
  ASSERT_OK(AddFamily(3, "three"));
  EXPECT_EQ("Invalid argument: Column family already exists",
            AddFamily(4, "two").ToString());
  VersionEdit files;
  files.SetColumnFamily(2);
  files.AddFile(0, FileAt(vs_->NewFileNumber(), "p", "q", 1, 1));
  ASSERT_OK(Apply(files));
  ASSERT_OK(DropFamily(3));
  EXPECT_EQ("Invalid argument: Can't drop default column family",
            DropFamily(0).ToString());
  EXPECT_EQ(nullptr, vs_->GetColumnFamily(3));
  EXPECT_EQ(3u, vs_->max_column_family());

  std::vector<std::string> names;
  ASSERT_OK(VersionSet::ListColumnFamilies(&names, dir_, fs_.get()));
  EXPECT_EQ((std::vector<std::string>{"default", "one", "two"}), names);

  Reopen();
  EXPECT_EQ("Invalid argument: Column families not opened: two, one",
            Recover({"default"}).ToString());
  Reopen();
  EXPECT_EQ("Invalid argument: Column families not opened: one",
            Recover({"default", "two"}).ToString());
  Reopen();
  EXPECT_EQ("Invalid argument: Column family not found: nope",
            Recover({"default", "one", "nope", "two"}).ToString());
  Reopen();
  EXPECT_EQ("Invalid argument: Column family not found: three",
            Recover({"default", "one", "two", "three"}).ToString());
  Reopen();
  ASSERT_OK(Recover({"default", "two"}, /*read_only=*/true));
  Reopen();
  ASSERT_OK(Recover({"default", "one", "two"}));
  EXPECT_EQ(3u, vs_->max_column_family());
  ASSERT_NE(nullptr, vs_->GetColumnFamily("two"));
  EXPECT_EQ(2u, vs_->GetColumnFamily("two")->id());
  EXPECT_EQ(1, vs_->current(2)->NumLevelFiles(0));
  // A family added later gets a fresh id above every id ever used.
  ASSERT_OK(Apply(VersionEdit()));
  std::vector<VersionEdit> edits = ReadCurrentEdits();
  ASSERT_GE(edits.size(), 7u);
  EXPECT_EQ(3u, edits[6].GetMaxColumnFamily());

  options_.create_missing_column_families = true;
  Reopen();
  ASSERT_OK(Recover({"default", "one", "two", "new"}));
  EXPECT_EQ(nullptr, vs_->GetColumnFamily("new"));
}

TEST_F(ManifestTest, CurrentFileErrors) {
  ASSERT_OK(NewDB());
  struct Case {
    std::string current;
    std::string expected;
  } cases[] = {
      {"MANIFEST-000001", "Corruption: CURRENT file does not end with newline"},
      {"", "Corruption: CURRENT file does not end with newline"},
      {"OPTIONS-000007\n", "Corruption: CURRENT file corrupted"},
      {"garbage\n", "Corruption: CURRENT file corrupted"},
      {"MANIFEST-000001\n\n", "Corruption: CURRENT file corrupted"},
  };
  for (const Case& c : cases) {
    WriteFile(CurrentFileName(dir_), c.current);
    Reopen();
    EXPECT_EQ(c.expected, Recover().ToString()) << c.current;
  }
  WriteFile(CurrentFileName(dir_), "MANIFEST-000099\n");
  Reopen();
  Status s = Recover();
  EXPECT_TRUE(s.IsPathNotFound()) << s.ToString();
  EXPECT_NE(std::string::npos, s.ToString().find("MANIFEST-000099"));
}

TEST_F(ManifestTest, LevelsBeyondNumLevels) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  VersionEdit edit;
  edit.AddFile(5, FileAt(vs_->NewFileNumber(), "a", "b", 0, 0));
  ASSERT_OK(Apply(edit));
  ColumnFamilyOptions three;
  three.num_levels = 3;
  Reopen();
  EXPECT_EQ("Invalid argument: db has more levels than options.num_levels",
            RecoverWith({ColumnFamilyDescriptor("default", three)}).ToString());
  three.num_levels = 6;
  Reopen();
  ASSERT_OK(RecoverWith({ColumnFamilyDescriptor("default", three)}));
  EXPECT_EQ(6, vs_->current()->num_levels());
}

TEST_F(ManifestTest, LogAndApplyRejectsBadEditsAndChangesNothing) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  VersionEdit good;
  good.AddFile(1, FileAt(vs_->NewFileNumber(), "a", "f", 0, 0));
  ASSERT_OK(Apply(good));
  const size_t records = ReadCurrentEdits().size();

  VersionEdit overlap;
  overlap.AddFile(1, FileAt(vs_->NewFileNumber(), "e", "k", 0, 0));
  Status s = Apply(overlap);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  VersionEdit missing;
  missing.DeleteFile(1, 999);
  EXPECT_EQ(
      "Corruption: VersionBuilder: Cannot delete table file #999 from level 1 "
      "since it is not in the LSM tree",
      Apply(missing).ToString());
  VersionEdit again;
  again.AddFile(2, FileAt(good.GetNewFiles()[0].second.number, "x", "y", 0, 0));
  EXPECT_TRUE(Apply(again).IsCorruption());
  VersionEdit unknown_cf;
  unknown_cf.SetColumnFamily(7);
  EXPECT_TRUE(Apply(unknown_cf).IsInvalidArgument());
  VersionEdit bad_log;
  bad_log.SetLogNumber(1000000);
  EXPECT_TRUE(Apply(bad_log).IsInvalidArgument());

  EXPECT_EQ(records, ReadCurrentEdits().size());
  EXPECT_EQ(1, vs_->current()->NumFiles());
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(1, vs_->current()->NumFiles());
}

TEST_F(ManifestTest, ConcurrentLogAndApply) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  const int kThreads = 4;
  const int kEdits = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEdits; ++i) {
        VersionEdit edit;
        const SequenceNumber seq = 1 + (t * kEdits + i) * 2;
        edit.AddFile(0, FileAt(vs_->NewFileNumber(), "a", "z", seq, seq + 1));
        port::MutexLock l(&mu_);
        if (!vs_->LogAndApply(&edit, &mu_, db_dir_.get()).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(0, failures.load());
  EXPECT_EQ(kThreads * kEdits, vs_->current()->NumLevelFiles(0));
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(kThreads * kEdits, vs_->current()->NumLevelFiles(0));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
