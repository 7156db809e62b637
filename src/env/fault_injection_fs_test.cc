// Copyright (c) the rocksdb-cleanroom authors.
//
// FaultInjectionFS over the POSIX file system (a temp directory) and over
// the in-memory Env: power-loss styles for file data and directory entries,
// the inactive (crashed) mode, Nth-operation error injection, read faults
// and counters.

#include "env/fault_injection_fs.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "gtest/gtest.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr char kMissing[] = "<missing>";

// Param: true runs on the in-memory Env, false on a POSIX temp directory.
class FaultInjectionFSTest : public testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    if (GetParam()) {
      mem_env_.reset(NewMemEnv(Env::Default()));
      base_ = mem_env_->GetFileSystem();
      dir_ = "/faultfs";
    } else {
      base_ = FileSystem::Default();
      std::string tmp;
      ASSERT_TRUE(Env::Default()->GetTestDirectory(&tmp).ok());
      std::string name =
          testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(name.begin(), name.end(), '/', '_');
      dir_ = tmp + "/faultfs_" + std::to_string(::getpid()) + "_" + name;
      RemoveAll(dir_);
    }
    ASSERT_TRUE(base_->CreateDirIfMissing(dir_, io_, nullptr).ok());
    fs_ = std::make_shared<FaultInjectionFS>(base_, /*seed=*/42);
  }

  void TearDown() override {
    fs_.reset();
    if (!GetParam()) RemoveAll(dir_);
  }

  void RemoveAll(const std::string& path) {
    bool is_dir = false;
    if (!base_->IsDirectory(path, io_, &is_dir, nullptr).ok()) return;
    if (!is_dir) {
      base_->DeleteFile(path, io_, nullptr).PermitUncheckedError();
      return;
    }
    std::vector<std::string> children;
    base_->GetChildren(path, io_, &children, nullptr).PermitUncheckedError();
    for (const auto& c : children) RemoveAll(path + "/" + c);
    base_->DeleteDir(path, io_, nullptr).PermitUncheckedError();
  }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }

  // Writes a whole file through the fault FS, syncing it when asked.
  IOStatus Write(const std::string& name, const std::string& data, bool sync) {
    std::unique_ptr<FSWritableFile> f;
    IOStatus s = fs_->NewWritableFile(Path(name), FileOptions(), &f, nullptr);
    if (!s.ok()) return s;
    s = f->Append(data, io_, nullptr);
    if (s.ok() && sync) s = f->Sync(io_, nullptr);
    IOStatus c = f->Close(io_, nullptr);
    return s.ok() ? c : s;
  }

  // The content of a file as the underlying FS holds it.
  std::string Read(const std::string& name) {
    std::string data;
    if (!ReadFileToString(base_.get(), Path(name), &data).ok()) return kMissing;
    return data;
  }

  IOStatus SyncDir() {
    std::unique_ptr<FSDirectory> d;
    IOStatus s = fs_->NewDirectory(dir_, io_, &d, nullptr);
    if (!s.ok()) return s;
    return d->Fsync(io_, nullptr);
  }

  // A durable file: written, synced, and its directory entry synced.
  void Durable(const std::string& name, const std::string& data) {
    ASSERT_TRUE(Write(name, data, /*sync=*/true).ok());
    ASSERT_TRUE(SyncDir().ok());
  }

  std::vector<std::string> Children(FileSystem* fs) {
    std::vector<std::string> names;
    EXPECT_TRUE(fs->GetChildren(dir_, io_, &names, nullptr).ok());
    std::sort(names.begin(), names.end());
    return names;
  }

  static PowerLossMode Mode(UnsyncedDataLoss data, UnsyncedDirLoss dir) {
    PowerLossMode m;
    m.data = data;
    m.dir = dir;
    return m;
  }

  static FaultRule Rule(FaultOp op, uint64_t nth, bool persistent,
                        FaultError error = FaultError::kIOError,
                        FaultFileKind kind = FaultFileKind::kAny) {
    FaultRule r;
    r.op = op;
    r.nth = nth;
    r.persistent = persistent;
    r.error = error;
    r.file_kind = kind;
    return r;
  }

  const IOOptions io_;
  std::unique_ptr<Env> mem_env_;
  std::shared_ptr<FileSystem> base_;
  std::shared_ptr<FaultInjectionFS> fs_;
  std::string dir_;
};

// --- File data -------------------------------------------------------------

TEST_P(FaultInjectionFSTest, UnsyncedDataIsDroppedSyncedDataKept) {
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(
      fs_->NewWritableFile(Path("a.log"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(SyncDir().ok());
  ASSERT_TRUE(f->Append("synced|", io_, nullptr).ok());
  ASSERT_TRUE(f->Sync(io_, nullptr).ok());
  ASSERT_TRUE(f->Append("lost", io_, nullptr).ok());
  ASSERT_TRUE(f->Flush(io_, nullptr).ok());
  EXPECT_EQ(4u, fs_->UnsyncedBytes(Path("a.log")));
  Durable("b.sst", "all synced");
  EXPECT_EQ("synced|lost", Read("a.log"));

  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("synced|", Read("a.log"));
  EXPECT_EQ("all synced", Read("b.sst"));
  EXPECT_EQ(0u, fs_->UnsyncedBytes(Path("a.log")));

  // The handle from before the power loss is dead.
  IOStatus s = f->Append("more", io_, nullptr);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
  EXPECT_TRUE(f->Close(io_, nullptr).IsIOError());
  f.reset();
  EXPECT_EQ("synced|", Read("a.log"));
}

TEST_P(FaultInjectionFSTest, FsyncAndPreallocationDoNotResurrectData) {
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(
      fs_->NewWritableFile(Path("p.log"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(SyncDir().ok());
  f->SetPreallocationBlockSize(64 * 1024);
  f->PrepareWrite(0, 10, io_, nullptr);
  ASSERT_TRUE(f->Append("0123456789", io_, nullptr).ok());
  ASSERT_TRUE(f->Fsync(io_, nullptr).ok());
  f->PrepareWrite(10, 10, io_, nullptr);
  ASSERT_TRUE(f->Append("abcdefghij", io_, nullptr).ok());
  ASSERT_TRUE(f->RangeSync(0, 20, io_, nullptr).ok());  // not durable
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  // Destroying the old handle must not extend the file again.
  f.reset();
  EXPECT_EQ("0123456789", Read("p.log"));
}

TEST_P(FaultInjectionFSTest, ProcessCrashStyleKeepsUnsyncedData) {
  Durable("c.log", "");
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(
      fs_->ReopenWritableFile(Path("c.log"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(f->Append("kept", io_, nullptr).ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss(
                     Mode(UnsyncedDataLoss::kNone, UnsyncedDirLoss::kNone))
                  .ok());
  EXPECT_EQ("kept", Read("c.log"));
}

TEST_P(FaultInjectionFSTest, ReopenedFileKeepsItsDurablePart) {
  Durable("r.log", "abc");
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(
      fs_->ReopenWritableFile(Path("r.log"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(f->Append("def", io_, nullptr).ok());
  EXPECT_EQ(3u, fs_->UnsyncedBytes(Path("r.log")));
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("abc", Read("r.log"));
}

// Writes 1000 synced bytes then 10000 unsynced ones, applies `loss`, and
// returns what is left.
std::string SurvivorAfter(FaultInjectionFS* fs, const std::string& path,
                          UnsyncedDataLoss loss, std::string* original) {
  Random rnd(7);
  const std::string synced = RandomString(&rnd, 1000);
  const std::string unsynced = RandomString(&rnd, 10000);
  *original = synced + unsynced;
  std::unique_ptr<FSWritableFile> f;
  EXPECT_TRUE(fs->NewWritableFile(path, FileOptions(), &f, nullptr).ok());
  EXPECT_TRUE(fs->MarkAllDurable().ok());  // the directory entry
  EXPECT_TRUE(f->Append(synced, IOOptions(), nullptr).ok());
  EXPECT_TRUE(f->Sync(IOOptions(), nullptr).ok());
  EXPECT_TRUE(f->Append(unsynced, IOOptions(), nullptr).ok());
  EXPECT_TRUE(fs->DropUnsyncedData(loss).ok());
  std::string data;
  EXPECT_TRUE(ReadFileToString(fs->target(), path, &data).ok());
  return data;
}

TEST_P(FaultInjectionFSTest, EveryDataLossStyle) {
  std::string orig;
  for (int round = 0; round < 5; ++round) {
    fs_->SetSeed(round);
    std::string got = SurvivorAfter(fs_.get(), Path("drop"),
                                    UnsyncedDataLoss::kDropUnsynced, &orig);
    EXPECT_EQ(orig.substr(0, 1000), got);

    got = SurvivorAfter(fs_.get(), Path("prefix"),
                        UnsyncedDataLoss::kKeepRandomPrefix, &orig);
    ASSERT_GE(got.size(), 1000u);
    ASSERT_LE(got.size(), orig.size());
    EXPECT_EQ(orig.substr(0, got.size()), got);

    got = SurvivorAfter(fs_.get(), Path("zero"),
                        UnsyncedDataLoss::kZeroFillTail, &orig);
    ASSERT_EQ(orig.size(), got.size());
    EXPECT_EQ(orig.substr(0, 1000), got.substr(0, 1000));
    EXPECT_EQ(std::string(10000, '\0'), got.substr(1000));

    got = SurvivorAfter(fs_.get(), Path("garble"),
                        UnsyncedDataLoss::kGarbleTail, &orig);
    ASSERT_EQ(orig.size(), got.size());
    EXPECT_EQ(orig.substr(0, 1000), got.substr(0, 1000));
    EXPECT_NE(orig, got);  // 10000 random bytes will not all match

    got = SurvivorAfter(fs_.get(), Path("reorder"),
                        UnsyncedDataLoss::kReorderBlocks, &orig);
    ASSERT_GE(got.size(), 1000u);
    ASSERT_LE(got.size(), orig.size());
    EXPECT_EQ(orig.substr(0, 1000), got.substr(0, 1000));
    // Each 4 KiB block of the tail is either intact or all zeros.
    for (size_t pos = 1000; pos < got.size();) {
      const size_t end = std::min((pos / 4096 + 1) * 4096, got.size());
      const std::string block = got.substr(pos, end - pos);
      EXPECT_TRUE(block == orig.substr(pos, end - pos) ||
                  block == std::string(end - pos, '\0'))
          << "block at " << pos;
      pos = end;
    }
  }
}

TEST_P(FaultInjectionFSTest, RandomStylesAreDeterministicPerSeed) {
  std::string orig;
  fs_->SetSeed(1234);
  const std::string a =
      SurvivorAfter(fs_.get(), Path("x"), UnsyncedDataLoss::kGarbleTail, &orig);
  fs_->SetSeed(1234);
  const std::string b =
      SurvivorAfter(fs_.get(), Path("x"), UnsyncedDataLoss::kGarbleTail, &orig);
  EXPECT_EQ(a, b);
}

TEST_P(FaultInjectionFSTest, RandomRWFileKeepsContentAsOfLastSync) {
  Durable("rw", "aaaa");
  std::unique_ptr<FSRandomRWFile> f;
  ASSERT_TRUE(
      fs_->NewRandomRWFile(Path("rw"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(f->Write(0, "bb", io_, nullptr).ok());
  ASSERT_TRUE(f->Sync(io_, nullptr).ok());
  ASSERT_TRUE(f->Write(2, "cc", io_, nullptr).ok());
  EXPECT_EQ("bbcc", Read("rw"));
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("bbaa", Read("rw"));
}

TEST_P(FaultInjectionFSTest, ReusedWalFallsBackToItsDurableContent) {
  Durable("000001.log", "oldwal");
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(fs_->ReuseWritableFile(Path("000002.log"), Path("000001.log"),
                                     FileOptions(), &f, nullptr)
                  .ok());
  ASSERT_TRUE(f->Append("new", io_, nullptr).ok());
  ASSERT_TRUE(SyncDir().ok());  // the rename is durable, the data is not
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ(kMissing, Read("000001.log"));
  EXPECT_EQ("oldwal", Read("000002.log"));

  // Without the directory sync the rename is undone as well.
  f.reset();
  ASSERT_TRUE(fs_->ReuseWritableFile(Path("000003.log"), Path("000002.log"),
                                     FileOptions(), &f, nullptr)
                  .ok());
  ASSERT_TRUE(f->Append("x", io_, nullptr).ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("oldwal", Read("000002.log"));
  EXPECT_EQ(kMissing, Read("000003.log"));
}

// --- Directory entries -----------------------------------------------------

TEST_P(FaultInjectionFSTest, CreatedFileWithoutDirSyncDisappears) {
  ASSERT_TRUE(Write("000005.sst", "synced data", /*sync=*/true).ok());
  EXPECT_EQ(1u, fs_->PendingDirOps());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ(kMissing, Read("000005.sst"));

  // The same with a directory sync survives.
  ASSERT_TRUE(Write("000006.sst", "synced data", /*sync=*/true).ok());
  ASSERT_TRUE(SyncDir().ok());
  EXPECT_EQ(0u, fs_->PendingDirOps());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("synced data", Read("000006.sst"));
}

TEST_P(FaultInjectionFSTest, KeepingDirOpsKeepsNewFile) {
  ASSERT_TRUE(Write("new", "data", /*sync=*/true).ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss(Mode(UnsyncedDataLoss::kDropUnsynced,
                                          UnsyncedDirLoss::kNone))
                  .ok());
  EXPECT_EQ("data", Read("new"));
}

TEST_P(FaultInjectionFSTest, RenameWithoutDirSyncIsReverted) {
  Durable("old", "content");
  ASSERT_TRUE(fs_->RenameFile(Path("old"), Path("new"), io_, nullptr).ok());
  EXPECT_EQ(kMissing, Read("old"));
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("content", Read("old"));
  EXPECT_EQ(kMissing, Read("new"));

  ASSERT_TRUE(fs_->RenameFile(Path("old"), Path("new"), io_, nullptr).ok());
  ASSERT_TRUE(SyncDir().ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ(kMissing, Read("old"));
  EXPECT_EQ("content", Read("new"));
}

TEST_P(FaultInjectionFSTest, ReplacingRenameRestoresTheReplacedFile) {
  // The CURRENT protocol: temp file, sync, rename over CURRENT, dir sync.
  Durable("CURRENT", "MANIFEST-000001\n");
  ASSERT_TRUE(Write("000009.dbtmp", "MANIFEST-000009\n", /*sync=*/true).ok());
  ASSERT_TRUE(
      fs_->RenameFile(Path("000009.dbtmp"), Path("CURRENT"), io_, nullptr)
          .ok());
  EXPECT_EQ("MANIFEST-000009\n", Read("CURRENT"));
  EXPECT_EQ(std::vector<std::string>({"CURRENT"}), Children(fs_.get()));
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("MANIFEST-000001\n", Read("CURRENT"));
  EXPECT_EQ(kMissing, Read("000009.dbtmp"));
  EXPECT_EQ(std::vector<std::string>({"CURRENT"}), Children(base_.get()));

  ASSERT_TRUE(Write("000010.dbtmp", "MANIFEST-000010\n", /*sync=*/true).ok());
  ASSERT_TRUE(
      fs_->RenameFile(Path("000010.dbtmp"), Path("CURRENT"), io_, nullptr)
          .ok());
  ASSERT_TRUE(SyncDir().ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("MANIFEST-000010\n", Read("CURRENT"));
  // The hidden copy of the old CURRENT is gone once the rename is durable.
  EXPECT_EQ(std::vector<std::string>({"CURRENT"}), Children(base_.get()));
}

TEST_P(FaultInjectionFSTest, DeleteWithoutDirSyncIsRestored) {
  Durable("000007.sst", "table");
  ASSERT_TRUE(fs_->DeleteFile(Path("000007.sst"), io_, nullptr).ok());
  EXPECT_TRUE(fs_->FileExists(Path("000007.sst"), io_, nullptr).IsNotFound());
  EXPECT_TRUE(Children(fs_.get()).empty());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("table", Read("000007.sst"));

  ASSERT_TRUE(fs_->DeleteFile(Path("000007.sst"), io_, nullptr).ok());
  ASSERT_TRUE(SyncDir().ok());
  EXPECT_TRUE(Children(base_.get()).empty());  // no hidden copy left
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ(kMissing, Read("000007.sst"));

  // Deleting a missing file reports the target's error.
  IOStatus s = fs_->DeleteFile(Path("nope"), io_, nullptr);
  EXPECT_FALSE(s.ok());
}

TEST_P(FaultInjectionFSTest, DeletedFileKeepsItsUnsyncedState) {
  Durable("w.log", "");
  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(
      fs_->ReopenWritableFile(Path("w.log"), FileOptions(), &f, nullptr).ok());
  ASSERT_TRUE(f->Append("synced", io_, nullptr).ok());
  ASSERT_TRUE(f->Sync(io_, nullptr).ok());
  ASSERT_TRUE(f->Append("+lost", io_, nullptr).ok());
  ASSERT_TRUE(f->Close(io_, nullptr).ok());
  f.reset();
  ASSERT_TRUE(fs_->DeleteFile(Path("w.log"), io_, nullptr).ok());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("synced", Read("w.log"));
}

TEST_P(FaultInjectionFSTest, DirectoryChangesUndoneInReverseOrder) {
  ASSERT_TRUE(Write("a", "1", true).ok());
  ASSERT_TRUE(fs_->RenameFile(Path("a"), Path("b"), io_, nullptr).ok());
  ASSERT_TRUE(fs_->DeleteFile(Path("b"), io_, nullptr).ok());
  ASSERT_TRUE(fs_->CreateDir(Path("sub"), io_, nullptr).ok());
  EXPECT_EQ(4u, fs_->PendingDirOps());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_TRUE(Children(base_.get()).empty());
}

TEST_P(FaultInjectionFSTest, RandomSuffixLossKeepsAPrefixOfCreates) {
  for (uint64_t seed = 0; seed < 8; ++seed) {
    fs_->SetSeed(seed);
    for (int i = 0; i < 10; ++i) {
      ASSERT_TRUE(Write("f" + std::to_string(i), "x", true).ok());
    }
    ASSERT_TRUE(fs_->SimulatePowerLoss(Mode(UnsyncedDataLoss::kDropUnsynced,
                                            UnsyncedDirLoss::kDropRandomSuffix))
                    .ok());
    const std::vector<std::string> left = Children(base_.get());
    for (size_t i = 0; i < left.size(); ++i) {
      EXPECT_EQ("f" + std::to_string(i), left[i]);
    }
    for (const auto& name : left) {
      ASSERT_TRUE(fs_->DeleteFile(Path(name), io_, nullptr).ok());
    }
    ASSERT_TRUE(SyncDir().ok());
  }
}

TEST_P(FaultInjectionFSTest, RandomSubsetLossLeavesNoHiddenFiles) {
  for (uint64_t seed = 0; seed < 8; ++seed) {
    fs_->SetSeed(seed);
    Durable("base", "b");
    ASSERT_TRUE(Write("t", "new", true).ok());
    ASSERT_TRUE(fs_->RenameFile(Path("t"), Path("base"), io_, nullptr).ok());
    ASSERT_TRUE(Write("u", "u", true).ok());
    ASSERT_TRUE(fs_->DeleteFile(Path("u"), io_, nullptr).ok());
    ASSERT_TRUE(fs_->SimulatePowerLoss(Mode(UnsyncedDataLoss::kDropUnsynced,
                                            UnsyncedDirLoss::kDropRandomSubset))
                    .ok());
    // Whatever subset was undone, hidden copies are gone and "base" holds
    // one of its two versions.
    for (const auto& name : Children(base_.get())) {
      EXPECT_EQ(name.find(".faultfs"), std::string::npos) << name;
    }
    const std::string base = Read("base");
    EXPECT_TRUE(base == "b" || base == "new") << base;
    for (const auto& name : Children(base_.get())) {
      ASSERT_TRUE(base_->DeleteFile(Path(name), io_, nullptr).ok());
    }
  }
}

TEST_P(FaultInjectionFSTest, DeleteDirWithPendingDeletions) {
  ASSERT_TRUE(fs_->CreateDir(Path("d"), io_, nullptr).ok());
  ASSERT_TRUE(Write("d/f", "x", true).ok());
  ASSERT_TRUE(fs_->DeleteFile(Path("d/f"), io_, nullptr).ok());
  ASSERT_TRUE(fs_->DeleteDir(Path("d"), io_, nullptr).ok());
  bool is_dir = false;
  EXPECT_FALSE(base_->IsDirectory(Path("d"), io_, &is_dir, nullptr).ok() &&
               is_dir);
}

TEST_P(FaultInjectionFSTest, MarkAllDurableKeepsEverything) {
  ASSERT_TRUE(Write("m", "unsynced", /*sync=*/false).ok());
  ASSERT_TRUE(fs_->MarkAllDurable().ok());
  EXPECT_EQ(0u, fs_->PendingDirOps());
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  EXPECT_EQ("unsynced", Read("m"));
}

// --- Crashed machine -------------------------------------------------------

TEST_P(FaultInjectionFSTest, InactiveFailsWritesButNotReads) {
  Durable("f", "data");
  std::unique_ptr<FSWritableFile> w;
  ASSERT_TRUE(fs_->NewWritableFile(Path("g"), FileOptions(), &w, nullptr).ok());
  fs_->SetFilesystemActive(false);
  EXPECT_FALSE(fs_->IsFilesystemActive());
  EXPECT_TRUE(w->Append("x", io_, nullptr).IsIOError());
  EXPECT_TRUE(w->Sync(io_, nullptr).IsIOError());
  EXPECT_TRUE(w->Flush(io_, nullptr).IsIOError());
  EXPECT_TRUE(w->Close(io_, nullptr).IsIOError());
  EXPECT_TRUE(Write("h", "x", false).IsIOError());
  EXPECT_TRUE(fs_->RenameFile(Path("f"), Path("f2"), io_, nullptr).IsIOError());
  EXPECT_TRUE(fs_->DeleteFile(Path("f"), io_, nullptr).IsIOError());
  EXPECT_TRUE(fs_->CreateDir(Path("d"), io_, nullptr).IsIOError());
  EXPECT_TRUE(SyncDir().IsIOError());
  std::string data;
  ASSERT_TRUE(ReadFileToString(fs_.get(), Path("f"), &data).ok());
  EXPECT_EQ("data", data);
  EXPECT_TRUE(fs_->FileExists(Path("f"), io_, nullptr).ok());

  fs_->SetFilesystemActive(false, IOStatus::NoSpace("disk full"));
  IOStatus s = w->Append("x", io_, nullptr);
  EXPECT_TRUE(s.IsNoSpace()) << s.ToString();

  fs_->SetFilesystemActive(true);
  EXPECT_TRUE(w->Append("x", io_, nullptr).ok());
  EXPECT_TRUE(w->Close(io_, nullptr).ok());
}

TEST_P(FaultInjectionFSTest, DeactivateAfterKMutations) {
  std::unique_ptr<FSWritableFile> w;
  ASSERT_TRUE(fs_->NewWritableFile(Path("k"), FileOptions(), &w, nullptr).ok());
  const uint64_t before = fs_->MutationCount();
  fs_->DeactivateAfterMutations(3);
  EXPECT_TRUE(w->Append("1", io_, nullptr).ok());
  EXPECT_TRUE(w->Flush(io_, nullptr).ok());  // not a mutation
  EXPECT_TRUE(w->Append("2", io_, nullptr).ok());
  EXPECT_TRUE(w->Sync(io_, nullptr).ok());  // the 3rd: runs, then crash
  EXPECT_FALSE(fs_->IsFilesystemActive());
  EXPECT_TRUE(w->Append("3", io_, nullptr).IsIOError());
  EXPECT_EQ(before + 3, fs_->MutationCount());
  ASSERT_TRUE(fs_->SimulatePowerLoss(Mode(UnsyncedDataLoss::kDropUnsynced,
                                          UnsyncedDirLoss::kNone))
                  .ok());
  EXPECT_EQ("12", Read("k"));
}

// --- Error injection -------------------------------------------------------

TEST_P(FaultInjectionFSTest, NthOperationOnce) {
  std::unique_ptr<FSWritableFile> w;
  ASSERT_TRUE(fs_->NewWritableFile(Path("n"), FileOptions(), &w, nullptr).ok());
  fs_->AddFaultRule(Rule(FaultOp::kWrite, 2, /*persistent=*/false));
  EXPECT_TRUE(w->Append("a", io_, nullptr).ok());
  IOStatus s = w->Append("b", io_, nullptr);
  EXPECT_TRUE(s.IsIOError());
  EXPECT_FALSE(s.GetRetryable());
  EXPECT_NE(s.ToString().find("injected write error"), std::string::npos)
      << s.ToString();
  EXPECT_TRUE(w->Append("c", io_, nullptr).ok());
  EXPECT_TRUE(w->Append("d", io_, nullptr).ok());
  EXPECT_EQ(1u, fs_->InjectedCount(FaultOp::kWrite));
  ASSERT_TRUE(w->Close(io_, nullptr).ok());
  EXPECT_EQ("acd", Read("n"));  // the failed append wrote nothing
}

TEST_P(FaultInjectionFSTest, NthOperationPersistentUntilRemoved) {
  std::unique_ptr<FSWritableFile> w;
  ASSERT_TRUE(fs_->NewWritableFile(Path("p"), FileOptions(), &w, nullptr).ok());
  const int id =
      fs_->AddFaultRule(Rule(FaultOp::kSync, 2, /*persistent=*/true));
  EXPECT_TRUE(w->Sync(io_, nullptr).ok());
  EXPECT_TRUE(w->Sync(io_, nullptr).IsIOError());
  EXPECT_TRUE(w->Fsync(io_, nullptr).IsIOError());
  EXPECT_TRUE(SyncDir().IsIOError());  // directory syncs are syncs too
  EXPECT_EQ(3u, fs_->InjectedCount(FaultOp::kSync));
  fs_->RemoveFaultRule(id);
  EXPECT_TRUE(w->Sync(io_, nullptr).ok());
}

TEST_P(FaultInjectionFSTest, NoSpaceAndRetryable) {
  FaultRule rule = Rule(FaultOp::kOpen, 1, false, FaultError::kNoSpace);
  rule.retryable = true;
  fs_->AddFaultRule(rule);
  std::unique_ptr<FSWritableFile> w;
  IOStatus s = fs_->NewWritableFile(Path("x"), FileOptions(), &w, nullptr);
  EXPECT_TRUE(s.IsNoSpace()) << s.ToString();
  EXPECT_TRUE(s.IsIOError());
  EXPECT_TRUE(s.GetRetryable());
  EXPECT_EQ(nullptr, w);
  EXPECT_EQ(kMissing, Read("x"));
  EXPECT_TRUE(fs_->NewWritableFile(Path("x"), FileOptions(), &w, nullptr).ok());
}

TEST_P(FaultInjectionFSTest, FileKindsSelectTheTarget) {
  fs_->AddFaultRule(Rule(FaultOp::kWrite, 1, true, FaultError::kIOError,
                         FaultFileKind::kWal));
  EXPECT_TRUE(Write("000001.sst", "x", false).ok());
  EXPECT_TRUE(Write("MANIFEST-000002", "x", false).ok());
  EXPECT_TRUE(Write("000003.log", "x", false).IsIOError());
  EXPECT_TRUE(Write("LOG", "x", false).ok());
  fs_->ClearFaultRules();

  // A rename matches either of its names.
  fs_->AddFaultRule(Rule(FaultOp::kRename, 1, true, FaultError::kIOError,
                         FaultFileKind::kCurrent));
  ASSERT_TRUE(Write("000004.dbtmp", "m", true).ok());
  EXPECT_TRUE(
      fs_->RenameFile(Path("000004.dbtmp"), Path("CURRENT"), io_, nullptr)
          .IsIOError());
  EXPECT_TRUE(
      fs_->RenameFile(Path("000004.dbtmp"), Path("IDENTITY"), io_, nullptr)
          .ok());
}

TEST(FaultFileKindTest, NamesMapToKinds) {
  EXPECT_EQ(FaultFileKind::kWal, FaultFileKindOf("/db/000012.log"));
  EXPECT_EQ(FaultFileKind::kSst, FaultFileKindOf("/db/000013.sst"));
  EXPECT_EQ(FaultFileKind::kSst, FaultFileKindOf("000013.ldb"));
  EXPECT_EQ(FaultFileKind::kManifest, FaultFileKindOf("/db/MANIFEST-000004"));
  EXPECT_EQ(FaultFileKind::kCurrent, FaultFileKindOf("/db/CURRENT"));
  EXPECT_EQ(FaultFileKind::kOptions, FaultFileKindOf("/db/OPTIONS-000007"));
  EXPECT_EQ(FaultFileKind::kOptions,
            FaultFileKindOf("/db/OPTIONS-000007.dbtmp"));
  EXPECT_EQ(FaultFileKind::kTemp, FaultFileKindOf("/db/000005.dbtmp"));
  EXPECT_EQ(FaultFileKind::kOther, FaultFileKindOf("/db/LOG"));
  EXPECT_EQ(FaultFileKind::kOther, FaultFileKindOf("/db/LOG.old.1234"));
  EXPECT_EQ(FaultFileKind::kOther, FaultFileKindOf("/db/IDENTITY"));
  EXPECT_EQ(FaultFileKind::kOther, FaultFileKindOf("/db/LOCK"));
  EXPECT_STREQ("wal", FaultFileKindName(FaultFileKind::kWal));
  EXPECT_STREQ("sync", FaultOpName(FaultOp::kSync));
  EXPECT_STREQ("any", FaultOpName(FaultOp::kAny));
  EXPECT_EQ("a/b", NormalizeFaultPath("./a//b/"));
  EXPECT_EQ("/", NormalizeFaultPath("//"));
  EXPECT_EQ("/x", FaultPathDir("/x/y"));
  EXPECT_EQ("/", FaultPathDir("/y"));
  EXPECT_EQ(".", FaultPathDir("y"));
}

TEST_P(FaultInjectionFSTest, ShortAndCorruptReads) {
  Durable("r.sst", "0123456789");
  std::unique_ptr<FSSequentialFile> seq;
  ASSERT_TRUE(
      fs_->NewSequentialFile(Path("r.sst"), FileOptions(), &seq, nullptr).ok());
  fs_->AddFaultRule(Rule(FaultOp::kRead, 1, false, FaultError::kShortRead));
  char buf[16];
  Slice r;
  ASSERT_TRUE(seq->Read(10, io_, &r, buf, nullptr).ok());
  EXPECT_LT(r.size(), 10u);
  EXPECT_EQ(std::string("0123456789").substr(0, r.size()), r.ToString());

  std::unique_ptr<FSRandomAccessFile> ra;
  ASSERT_TRUE(
      fs_->NewRandomAccessFile(Path("r.sst"), FileOptions(), &ra, nullptr)
          .ok());
  fs_->AddFaultRule(Rule(FaultOp::kRead, 1, false, FaultError::kCorruptRead));
  ASSERT_TRUE(ra->Read(0, 10, io_, &r, buf, nullptr).ok());
  ASSERT_EQ(10u, r.size());
  int diffs = 0;
  for (size_t i = 0; i < 10; ++i) {
    const int x = (r[i] ^ "0123456789"[i]) & 0xff;
    if (x != 0) {
      ++diffs;
      EXPECT_EQ(0, x & (x - 1)) << "exactly one bit flipped";
    }
  }
  EXPECT_EQ(1, diffs);
  EXPECT_EQ(2u, fs_->InjectedCount(FaultOp::kRead));

  // Nothing to corrupt at end of file: the read fails instead.
  fs_->AddFaultRule(Rule(FaultOp::kRead, 1, false, FaultError::kCorruptRead));
  EXPECT_TRUE(ra->Read(100, 10, io_, &r, buf, nullptr).IsIOError());
  // Read faults on a write are plain IOErrors.
  fs_->AddFaultRule(Rule(FaultOp::kWrite, 1, false, FaultError::kShortRead));
  EXPECT_TRUE(Write("w", "x", false).IsIOError());
}

TEST_P(FaultInjectionFSTest, MultiReadFaultsHitSingleRequests) {
  Durable("m.sst", "abcdefgh");
  std::unique_ptr<FSRandomAccessFile> ra;
  ASSERT_TRUE(
      fs_->NewRandomAccessFile(Path("m.sst"), FileOptions(), &ra, nullptr)
          .ok());
  fs_->AddFaultRule(Rule(FaultOp::kRead, 2, false));
  char a[4], b[4], c[4];
  FSReadRequest reqs[3];
  char* bufs[3] = {a, b, c};
  for (int i = 0; i < 3; ++i) {
    reqs[i].offset = static_cast<uint64_t>(i) * 3;
    reqs[i].len = 2;
    reqs[i].scratch = bufs[i];
  }
  ASSERT_TRUE(ra->MultiRead(reqs, 3, io_, nullptr).ok());
  EXPECT_EQ("ab", reqs[0].result.ToString());
  EXPECT_TRUE(reqs[1].status.IsIOError());
  EXPECT_EQ("gh", reqs[2].result.ToString());
}

TEST_P(FaultInjectionFSTest, OneInIsDeterministicPerSeed) {
  auto pattern = [&](uint64_t seed) {
    fs_->ClearFaultRules();
    fs_->SetSeed(seed);
    FaultRule rule = Rule(FaultOp::kMetadata, 1, true);
    rule.one_in = 3;
    fs_->AddFaultRule(rule);
    std::string bits;
    for (int i = 0; i < 64; ++i) {
      bits +=
          fs_->FileExists(Path("none"), io_, nullptr).IsIOError() ? '1' : '0';
    }
    return bits;
  };
  const std::string a = pattern(5);
  EXPECT_EQ(a, pattern(5));
  const size_t fired = static_cast<size_t>(std::count(a.begin(), a.end(), '1'));
  EXPECT_GT(fired, 5u);
  EXPECT_LT(fired, 40u);
}

TEST_P(FaultInjectionFSTest, CountersByKind) {
  fs_->ResetCounters();
  ASSERT_TRUE(Write("c", "xy", /*sync=*/true).ok());
  ASSERT_TRUE(SyncDir().ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(fs_.get(), Path("c"), &data).ok());
  // Writable file, directory, sequential file.
  EXPECT_EQ(3u, fs_->OpCount(FaultOp::kOpen));
  EXPECT_EQ(1u, fs_->OpCount(FaultOp::kWrite));
  EXPECT_EQ(2u, fs_->OpCount(FaultOp::kSync));  // file + directory
  EXPECT_EQ(1u, fs_->OpCount(FaultOp::kClose));
  EXPECT_GE(fs_->OpCount(FaultOp::kRead), 1u);
  EXPECT_EQ(4u, fs_->MutationCount());  // create, append, 2 syncs
  EXPECT_EQ(0u, fs_->InjectedCount(FaultOp::kAny));
  fs_->ResetCounters();
  EXPECT_EQ(0u, fs_->OpCount(FaultOp::kAny));
}

TEST_P(FaultInjectionFSTest, WorksThroughAnEnv) {
  std::unique_ptr<Env> env = NewCompositeEnv(fs_);
  std::unique_ptr<WritableFile> w;
  ASSERT_TRUE(env->NewWritableFile(Path("e.log"), &w, EnvOptions()).ok());
  ASSERT_TRUE(w->Append("durable").ok());
  ASSERT_TRUE(w->Sync().ok());
  ASSERT_TRUE(w->Append("-lost").ok());
  ASSERT_TRUE(SyncDir().ok());
  fs_->SetFilesystemActive(false);
  EXPECT_TRUE(w->Close().IsIOError());
  w.reset();
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  fs_->SetFilesystemActive(true);
  std::string data;
  ASSERT_TRUE(ReadFileToString(env.get(), Path("e.log"), &data).ok());
  EXPECT_EQ("durable", data);
}

TEST_P(FaultInjectionFSTest, ConcurrentWritersAreTrackedPerFile) {
  ASSERT_TRUE(SyncDir().ok());
  fs_->ResetCounters();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      std::unique_ptr<FSWritableFile> f;
      const std::string name = Path("t" + std::to_string(t));
      ASSERT_TRUE(fs_->NewWritableFile(name, FileOptions(), &f, nullptr).ok());
      for (int i = 0; i < 100; ++i) {
        ASSERT_TRUE(f->Append("s", IOOptions(), nullptr).ok());
        ASSERT_TRUE(f->Sync(IOOptions(), nullptr).ok());
      }
      ASSERT_TRUE(f->Append("uu", IOOptions(), nullptr).ok());
      ASSERT_TRUE(f->Close(IOOptions(), nullptr).ok());
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(SyncDir().ok());
  EXPECT_EQ(4u * 101, fs_->OpCount(FaultOp::kWrite));
  EXPECT_EQ(4u * 100 + 1, fs_->OpCount(FaultOp::kSync));  // + the dir sync
  ASSERT_TRUE(fs_->SimulatePowerLoss().ok());
  for (int t = 0; t < 4; ++t) {
    EXPECT_EQ(std::string(100, 's'), Read("t" + std::to_string(t)));
  }
}

INSTANTIATE_TEST_SUITE_P(PosixAndMem, FaultInjectionFSTest,
                         testing::Values(false, true),
                         [](const testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Mem" : "Posix");
                         });

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
