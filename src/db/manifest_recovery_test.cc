// Copyright (c) the rocksdb-cleanroom authors.
//
// Recovery from MANIFESTs we did not write: crafted damage (each case's
// message observed on RocksDB 7.8.3 with the same bytes), torn tails and
// atomic groups, the RocksDB-written samples of ../shared/specs/samples,
// and file-system failures in the middle of LogAndApply.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>

#include "db/filename.h"
#include "db/version_set.h"
#include "db/version_set_test_util.h"
#include "rocksdb/file_system.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::FileAt;
using test::ManifestTest;

std::string V(uint64_t n) {
  std::string s;
  PutVarint64(&s, n);
  return s;
}
std::string LP(const std::string& s) { return V(s.size()) + s; }

const std::string kCmp = V(1) + LP("leveldb.BytewiseComparator");
// LogNumber 0, NextFileNumber 20, LastSequence 5.
const std::string kCounters = V(2) + V(0) + V(3) + V(20) + V(4) + V(5);

std::string NewFile4(uint32_t level, uint64_t number) {
  const std::string ik =
      LP(InternalKey("a", 1, kTypeValue).Encode().ToString());
  return V(103) + V(level) + V(number) + V(100) + ik + ik + V(1) + V(1) + V(1);
}
std::string AddCf(uint32_t id, const std::string& name) {
  return kCmp + V(200) + V(id) + V(201) + LP(name);
}

class ManifestRecoveryTest : public ManifestTest {
 protected:
  std::string RecoverManifest(const std::vector<std::string>& records,
                              const std::vector<std::string>& names = {
                                  "default"}) {
    WriteManifest(records);
    Reopen();
    return Recover(names).ToString();
  }
  std::string InFile(const std::string& what) {
    return "Corruption: " + what + " in file " + ManifestPath3();
  }
};

TEST_F(ManifestRecoveryTest, MissingCountersAreNamed) {
  EXPECT_EQ(InFile("no log_file_number entry in MANIFEST"),
            RecoverManifest({kCmp, V(3) + V(6) + V(4) + V(0)}));
  EXPECT_EQ(InFile("no next_file_number entry in MANIFEST"),
            RecoverManifest({kCmp, V(2) + V(0) + V(4) + V(0)}));
  EXPECT_EQ(InFile("no last_sequence entry in MANIFEST"),
            RecoverManifest({kCmp, V(2) + V(0) + V(3) + V(6)}));
  EXPECT_EQ(InFile("no log_file_number, next_file_number, last_sequence "
                   "entry in MANIFEST"),
            RecoverManifest({kCmp}));
  EXPECT_EQ(InFile("no log_file_number, next_file_number, last_sequence "
                   "entry in MANIFEST"),
            RecoverManifest({}));
}

TEST_F(ManifestRecoveryTest, DamagedRecordsFailTheOpen) {
  EXPECT_EQ(InFile("VersionEdit: unknown tag"),
            RecoverManifest({kCmp, kCounters, V(50) + V(1)}));
  EXPECT_EQ(InFile("VersionEdit: deleted file"),
            RecoverManifest({kCmp, kCounters, V(6) + V(0)}));
  EXPECT_EQ(InFile("VersionBuilder: Cannot delete table file #9 from level 0 "
                   "since it is not in the LSM tree"),
            RecoverManifest({kCmp, kCounters, V(6) + V(0) + V(9)}));
  EXPECT_EQ(InFile("VersionBuilder: Cannot add table file #9 to level 1 "
                   "since it is already in the LSM tree on level 0"),
            RecoverManifest({kCmp, kCounters, NewFile4(0, 9), NewFile4(1, 9)}));
  EXPECT_EQ(InFile("MANIFEST record referencing unknown column family"),
            RecoverManifest({kCmp, kCounters, V(200) + V(3) + V(2) + V(0)}));
  EXPECT_EQ(InFile("MANIFEST - dropping non-existing column family"),
            RecoverManifest({kCmp, kCounters, V(200) + V(4) + V(202)}));
  EXPECT_EQ(
      InFile("MANIFEST adding the same column family twice: cfx"),
      RecoverManifest({kCmp, kCounters, AddCf(3, "cfx"), AddCf(3, "cfx")}));
  // Dropping "default": RocksDB's debug build aborts; we report it.
  EXPECT_NE(std::string::npos,
            RecoverManifest({kCmp, kCounters, V(202)}).find("Corruption"));
}

TEST_F(ManifestRecoveryTest, IgnorableTagsAndTornTail) {
  EXPECT_EQ("OK",
            RecoverManifest({kCmp, kCounters, V(0x2000 | 77) + LP("xyz")}));
  // A record cut short by a crash is ignored; the rest applies.
  WriteManifest({kCmp, kCounters, V(4) + V(9)});
  const uint64_t size = std::filesystem::file_size(ManifestPath3());
  std::filesystem::resize_file(ManifestPath3(), size - 1);
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(5u, vs_->LastSequence());
}

TEST_F(ManifestRecoveryTest, RecordedNumbersAreNeverReused) {
  // A log number (or the MANIFEST's own number) at or past NextFileNumber.
  ASSERT_EQ("OK",
            RecoverManifest({kCmp, V(2) + V(30) + V(3) + V(20) + V(4) + V(0)}));
  EXPECT_EQ(31u, vs_->current_next_file_number());
  ASSERT_EQ("OK",
            RecoverManifest({kCmp, V(2) + V(0) + V(3) + V(2) + V(4) + V(0)}));
  EXPECT_EQ(4u, vs_->current_next_file_number());  // MANIFEST-000003
  EXPECT_NE(3u, vs_->NewFileNumber());
}

TEST_F(ManifestRecoveryTest, ChecksumMismatchFailsTheOpen) {
  WriteManifest({kCmp, kCounters, V(4) + V(9)});
  std::string data = ReadFile(ManifestPath3());
  data[12] ^= 1;  // inside the first record's payload
  WriteFile(ManifestPath3(), data);
  Reopen();
  Status s = Recover();
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(std::string::npos, s.ToString().find("checksum mismatch"))
      << s.ToString();
  EXPECT_NE(std::string::npos,
            s.ToString().find(" in file " + ManifestPath3()));
}

TEST_F(ManifestRecoveryTest, AtomicGroups) {
  // A complete group applies.
  ASSERT_EQ("OK", RecoverManifest({kCmp, kCounters, V(4) + V(7) + V(300) + V(1),
                                   V(4) + V(8) + V(300) + V(0)}));
  EXPECT_EQ(8u, vs_->LastSequence());
  // A group cut by the end of the MANIFEST never happened.
  ASSERT_EQ("OK",
            RecoverManifest({kCmp, kCounters, V(4) + V(7) + V(300) + V(1)}));
  EXPECT_EQ(5u, vs_->LastSequence());
  // A group interrupted by another record, or miscounted, is corrupt.
  EXPECT_EQ(InFile("corrupted atomic group"),
            RecoverManifest(
                {kCmp, kCounters, V(4) + V(7) + V(300) + V(1), V(4) + V(8)}));
  EXPECT_EQ(InFile("corrupted atomic group"),
            RecoverManifest({kCmp, kCounters, V(4) + V(7) + V(300) + V(2),
                             V(4) + V(8) + V(300) + V(0)}));
}

TEST_F(ManifestRecoveryTest, ColumnFamilyRecords) {
  EXPECT_EQ("Invalid argument: Column families not opened: b2, e5",
            RecoverManifest({kCmp, kCounters, AddCf(5, "e5"), AddCf(2, "b2")}));
  EXPECT_EQ("OK",
            RecoverManifest({kCmp, kCounters, AddCf(5, "e5"), AddCf(2, "b2")},
                            {"default", "e5", "b2"}));
  EXPECT_EQ(5u, vs_->max_column_family());
  std::vector<std::string> names;
  ASSERT_OK(VersionSet::ListColumnFamilies(&names, dir_, fs_.get()));
  EXPECT_EQ((std::vector<std::string>{"default", "b2", "e5"}), names);
  // The last recorded comparator name is the one checked.
  EXPECT_EQ(
      "Invalid argument: leveldb.BytewiseComparator: does not match existing "
      "comparator zzz",
      RecoverManifest({kCmp, kCounters, V(1) + LP("zzz")}));
  // No comparator recorded: nothing to check.
  EXPECT_EQ("OK", RecoverManifest({kCounters}));
  // A dropped family may be re-created under a new id.
  EXPECT_EQ("OK", RecoverManifest({kCmp, kCounters, AddCf(3, "x"),
                                   V(200) + V(3) + V(202), AddCf(4, "x")},
                                  {"default", "x"}));
  EXPECT_EQ(4u, vs_->GetColumnFamily("x")->id());
}

// Random damage to a MANIFEST never crashes recovery: it opens (at some
// consistent state) or fails with a Status.
TEST_F(ManifestRecoveryTest, MutatedManifestsNeverCrash) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  ASSERT_OK(AddFamily(1, "one"));
  for (int i = 0; i < 20; ++i) {
    VersionEdit edit;
    edit.SetColumnFamily(i % 2);
    edit.AddFile(i % 3, FileAt(vs_->NewFileNumber(), "k" + std::to_string(i),
                               "k" + std::to_string(i) + "z", i + 1, i + 1));
    if (i >= 6)
      edit.DeleteFile((i - 6) % 3, vs_->current_next_file_number() - 7);
    ASSERT_OK(Apply(edit));
  }
  const std::string path =
      DescriptorFileName(dir_, vs_->manifest_file_number());
  const std::string good = ReadFile(path);
  Random rnd(1234);
  int opened = 0;
  for (int i = 0; i < 300; ++i) {
    std::string bad = good;
    switch (rnd.Uniform(3)) {
      case 0:
        bad[rnd.Uniform(static_cast<int>(bad.size()))] ^=
            static_cast<char>(1 << rnd.Uniform(8));
        break;
      case 1:
        bad.resize(rnd.Uniform(static_cast<int>(bad.size())));
        break;
      default:
        for (int j = 0; j < 8; ++j) {
          bad[rnd.Uniform(static_cast<int>(bad.size()))] =
              static_cast<char>(rnd.Uniform(256));
        }
        break;
    }
    WriteFile(path, bad);
    Reopen();
    if (Recover({"default", "one"}, /*read_only=*/rnd.OneIn(2)).ok()) {
      ++opened;
      EXPECT_LE(vs_->current()->NumFiles(), 20);
    }
  }
  // Truncations that cut only the tail keep a consistent prefix.
  EXPECT_GT(opened, 0);
}

// --- The RocksDB-written samples -------------------------------------------

std::string SamplesDir() {
  const char* env = getenv("ROCKSDB_SPECS_DIR");
  if (env != nullptr) return std::string(env) + "/samples";
  std::filesystem::path here(__FILE__);
  return (here.parent_path() / "../../../shared/specs/samples")
      .lexically_normal()
      .string();
}

class SampleManifestTest : public ManifestTest {
 protected:
  // Copies CURRENT and the MANIFEST of a sample into the scratch directory.
  bool UseSample(const std::string& name) {
    const std::filesystem::path src =
        std::filesystem::path(SamplesDir()) / name;
    if (!std::filesystem::exists(src / "CURRENT")) return false;
    for (const auto& e : std::filesystem::directory_iterator(src)) {
      const std::string f = e.path().filename().string();
      if (f == "CURRENT" || f.rfind("MANIFEST-", 0) == 0) {
        std::filesystem::copy_file(
            e.path(), std::filesystem::path(dir_) / f,
            std::filesystem::copy_options::overwrite_existing);
      }
    }
    Reopen();
    return true;
  }
};

#define USE_SAMPLE(name)                                        \
  if (!UseSample(name)) {                                       \
    GTEST_SKIP() << "samples not found under " << SamplesDir(); \
  }

TEST_F(SampleManifestTest, EveryRecordReencodesByteForByte) {
  if (!std::filesystem::exists(SamplesDir())) {
    GTEST_SKIP() << "samples not found under " << SamplesDir();
  }
  int records = 0;
  for (const auto& dir : std::filesystem::directory_iterator(SamplesDir())) {
    if (!dir.is_directory()) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
      if (e.path().filename().string().rfind("MANIFEST-", 0) != 0) continue;
      for (const std::string& r : test::ReadRecords(fs_.get(), e.path())) {
        VersionEdit edit;
        ASSERT_OK(edit.DecodeFrom(r));
        std::string again;
        ASSERT_TRUE(edit.EncodeTo(&again));
        EXPECT_EQ(Slice(r).ToString(true), Slice(again).ToString(true))
            << e.path() << "\n"
            << edit.DebugString();
        ++records;
      }
    }
  }
  EXPECT_GT(records, 30);
}

TEST_F(SampleManifestTest, FreshDb) {
  USE_SAMPLE("01_ldb_put_wal_only");
  ASSERT_OK(Recover());
  EXPECT_EQ(0u, vs_->LastSequence());
  EXPECT_EQ(0u, vs_->LogNumber());
  EXPECT_EQ(6u, vs_->current_next_file_number());
  EXPECT_EQ(5u, vs_->manifest_file_number());
  EXPECT_EQ(0, vs_->current()->NumFiles());

  // Our snapshot of the same state is RocksDB's, but for the next file
  // number (the new MANIFEST took 6).
  const std::vector<std::string> theirs =
      test::ReadRecords(fs_.get(), DescriptorFileName(dir_, 5));
  ASSERT_OK(Apply(VersionEdit()));
  EXPECT_EQ(6u, vs_->manifest_file_number());
  const std::vector<std::string> ours =
      test::ReadRecords(fs_.get(), DescriptorFileName(dir_, 6));
  ASSERT_EQ(3u, theirs.size());
  ASSERT_EQ(4u, ours.size());
  EXPECT_EQ(theirs[0], ours[0]);
  EXPECT_EQ(theirs[1], ours[1]);
  VersionEdit counters;
  ASSERT_OK(counters.DecodeFrom(ours[2]));
  EXPECT_EQ(7u, counters.GetNextFile());
  std::string expected = theirs[2];
  expected[3] = 7;  // PrevLog 0, NextFile <6 -> 7>, LastSeq 0
  EXPECT_EQ(Slice(expected).ToString(true), Slice(ours[2]).ToString(true));
}

TEST_F(SampleManifestTest, OneFlushedFile) {
  USE_SAMPLE("02_tiny_flush_default_opts");
  ASSERT_OK(Recover());
  EXPECT_EQ(1u, vs_->LastSequence());
  EXPECT_EQ(8u, vs_->LogNumber());
  EXPECT_EQ(10u, vs_->current_next_file_number());
  EXPECT_EQ(8u, vs_->MinLogNumberToKeep());
  ASSERT_EQ(1, vs_->current()->NumLevelFiles(0));
  const FileMetaData* f = vs_->current()->files(0)[0];
  EXPECT_EQ(9u, f->number);
  EXPECT_EQ(1006u, f->file_size);
  EXPECT_EQ("hello", f->smallest.user_key().ToString());
  EXPECT_EQ("hello", f->largest.user_key().ToString());
  EXPECT_EQ(1u, f->smallest_seqno);
  EXPECT_EQ(1u, f->largest_seqno);
  EXPECT_EQ("Unknown", f->file_checksum_func_name);
  EXPECT_NE(kNullUniqueId64x2, f->unique_id);
}

TEST_F(SampleManifestTest, SnapshotWithTwoFamilies) {
  USE_SAMPLE("10_cf_reopen_manifest_snapshot");
  EXPECT_EQ("Invalid argument: Column families not opened: cf1",
            Recover().ToString());
  Reopen();
  ASSERT_OK(Recover({"default", "cf1"}));
  EXPECT_EQ(3u, vs_->LastSequence());
  EXPECT_EQ(18u, vs_->current_next_file_number());
  EXPECT_EQ(1u, vs_->max_column_family());
  EXPECT_EQ(11u, vs_->LogNumber(0));
  EXPECT_EQ(11u, vs_->LogNumber(1));
  EXPECT_EQ("14", Numbers(vs_->current(0), 0));
  EXPECT_EQ("15,11", Numbers(vs_->current(1), 0));
  EXPECT_EQ(11u, vs_->MinLogNumberToRecover());
  // Read-only opens may leave cf1 out.
  Reopen();
  ASSERT_OK(Recover({"default"}, /*read_only=*/true));
  EXPECT_FALSE(vs_->GetColumnFamily("cf1")->opened());
}

TEST_F(SampleManifestTest, DroppedFamily) {
  USE_SAMPLE("11_cf_create_drop");
  ASSERT_OK(Recover());
  EXPECT_EQ(1u, vs_->column_families().size());
  EXPECT_EQ(1u, vs_->max_column_family());
  EXPECT_EQ(10u, vs_->MinLogNumberToKeep());
  EXPECT_EQ(12u, vs_->current_next_file_number());
  EXPECT_EQ(10u, vs_->MinLogNumberToRecover());
}

TEST_F(SampleManifestTest, CompactedFiles) {
  USE_SAMPLE("13_db_bench_fillrandom_compact");
  ASSERT_OK(Recover());
  EXPECT_EQ(3000u, vs_->LastSequence());
  EXPECT_EQ(17u, vs_->LogNumber());
  EXPECT_EQ(22u, vs_->current_next_file_number());
  EXPECT_EQ(0, vs_->current()->NumLevelFiles(0));
  EXPECT_EQ("20,21", Numbers(vs_->current(), 1));
  EXPECT_EQ(70878u + 45961u, vs_->current()->NumLevelBytes(1));
  // Rewritten by us, it reads back the same.
  ASSERT_OK(Apply(VersionEdit()));
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ("20,21", Numbers(vs_->current(), 1));
  EXPECT_EQ(3000u, vs_->LastSequence());
}

// --- Failures in the middle of LogAndApply ---------------------------------

// Fails Sync of MANIFEST files, or the rename onto CURRENT, while armed.
class FailingFS : public FileSystemWrapper {
 public:
  explicit FailingFS(const std::shared_ptr<FileSystem>& target)
      : FileSystemWrapper(target) {}
  const char* Name() const override { return "FailingFS"; }

  std::atomic<bool> fail_manifest_sync{false};
  std::atomic<bool> fail_rename{false};

  IOStatus NewWritableFile(const std::string& fname, const FileOptions& opts,
                           std::unique_ptr<FSWritableFile>* result,
                           IODebugContext* dbg) override {
    IOStatus s = target()->NewWritableFile(fname, opts, result, dbg);
    if (s.ok() && fname.find("MANIFEST-") != std::string::npos) {
      result->reset(new SyncFailingFile(std::move(*result), this));
    }
    return s;
  }
  IOStatus RenameFile(const std::string& src, const std::string& dst,
                      const IOOptions& options, IODebugContext* dbg) override {
    if (fail_rename) return IOStatus::IOError("injected rename failure");
    return target()->RenameFile(src, dst, options, dbg);
  }

 private:
  class SyncFailingFile : public FSWritableFileOwnerWrapper {
   public:
    SyncFailingFile(std::unique_ptr<FSWritableFile>&& f, FailingFS* fs)
        : FSWritableFileOwnerWrapper(std::move(f)), fs_(fs) {}
    IOStatus Sync(const IOOptions& o, IODebugContext* d) override {
      if (fs_->fail_manifest_sync) return IOStatus::IOError("injected sync");
      return FSWritableFileOwnerWrapper::Sync(o, d);
    }
    IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
      if (fs_->fail_manifest_sync) return IOStatus::IOError("injected fsync");
      return FSWritableFileOwnerWrapper::Fsync(o, d);
    }

   private:
    FailingFS* fs_;
  };
};

class ManifestFailureTest : public ManifestTest {
 protected:
  void SetUp() override {
    ManifestTest::SetUp();
    failing_ = std::make_shared<FailingFS>(FileSystem::Default());
    fs_ = failing_;
    Reopen();
  }
  std::shared_ptr<FailingFS> failing_;
};

TEST_F(ManifestFailureTest, FailedSyncIsNotApplied) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  VersionEdit first;
  first.AddFile(1, FileAt(vs_->NewFileNumber(), "a", "b", 0, 0));
  ASSERT_OK(Apply(first));
  const uint64_t manifest = vs_->manifest_file_number();

  failing_->fail_manifest_sync = true;
  VersionEdit lost;
  lost.AddFile(1, FileAt(vs_->NewFileNumber(), "c", "d", 0, 0));
  Status s = Apply(lost);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_EQ(1, vs_->current()->NumFiles());
  // Still failing: a new MANIFEST cannot be started either, and is removed.
  EXPECT_TRUE(Apply(VersionEdit()).IsIOError());
  EXPECT_EQ(manifest, vs_->manifest_file_number());

  failing_->fail_manifest_sync = false;
  VersionEdit kept;
  kept.AddFile(1, FileAt(vs_->NewFileNumber(), "e", "f", 0, 0));
  ASSERT_OK(Apply(kept));
  EXPECT_GT(vs_->manifest_file_number(), manifest);
  int manifests = 0;
  for (const std::string& name : Children()) {
    if (name.rfind("MANIFEST-", 0) == 0) ++manifests;
  }
  EXPECT_EQ(1, manifests);

  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(2, vs_->current()->NumFiles());
  EXPECT_EQ("a", vs_->current()->files(1)[0]->smallest.user_key().ToString());
  EXPECT_EQ("e", vs_->current()->files(1)[1]->smallest.user_key().ToString());
}

TEST_F(ManifestFailureTest, FailedCurrentSwitchKeepsTheOldManifest) {
  ASSERT_OK(NewDB());
  ASSERT_OK(Recover());
  failing_->fail_rename = true;
  VersionEdit edit;
  edit.AddFile(1, FileAt(vs_->NewFileNumber(), "a", "b", 0, 0));
  EXPECT_TRUE(Apply(edit).IsIOError());
  EXPECT_EQ("MANIFEST-000001\n", ReadFile(CurrentFileName(dir_)));
  failing_->fail_rename = false;

  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(0, vs_->current()->NumFiles());
  ASSERT_OK(Apply(edit));
  Reopen();
  ASSERT_OK(Recover());
  EXPECT_EQ(1, vs_->current()->NumFiles());
}

TEST_F(ManifestFailureTest, NewDBFailureLeavesNoCurrent) {
  failing_->fail_manifest_sync = true;
  EXPECT_TRUE(NewDB().IsIOError());
  EXPECT_TRUE(Children().empty());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
