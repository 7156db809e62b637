// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileManager: settings round-trip, file tracking, the space limit
// (reached at >=, as in RocksDB 7.8.3) and immediate deletion.

#include "rocksdb/sst_file_manager.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "env/sst_file_manager_impl.h"
#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string TempDir() {
  char tmpl[] = "/tmp/sst_file_manager_test_XXXXXX";
  const char* dir = mkdtemp(tmpl);
  return dir == nullptr ? std::string("/tmp") : std::string(dir);
}

void WriteFile(const std::string& path, size_t size) {
  std::ofstream out(path, std::ios::binary);
  out << std::string(size, 'x');
}

bool Exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

TEST(SstFileManagerTest, SettingsRoundTrip) {
  Status s = Status::Corruption("untouched");
  std::unique_ptr<SstFileManager> m(
      NewSstFileManager(Env::Default(), nullptr, "", 1024, true, &s, 0.5, 100));
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(0u, m->GetTotalSize());
  EXPECT_TRUE(m->GetTrackedFiles().empty());
  EXPECT_EQ(1024, m->GetDeleteRateBytesPerSecond());
  EXPECT_EQ(0.5, m->GetMaxTrashDBRatio());
  EXPECT_EQ(0u, m->GetTotalTrashSize());
  EXPECT_FALSE(m->IsMaxAllowedSpaceReached());
  m->SetDeleteRateBytesPerSecond(-5);
  m->SetMaxTrashDBRatio(2.0);
  EXPECT_EQ(-5, m->GetDeleteRateBytesPerSecond());
  EXPECT_EQ(2.0, m->GetMaxTrashDBRatio());

  std::unique_ptr<SstFileManager> d(
      NewSstFileManager(Env::Default(), Env::Default()->GetFileSystem()));
  EXPECT_EQ(0, d->GetDeleteRateBytesPerSecond());
  EXPECT_EQ(0.25, d->GetMaxTrashDBRatio());
}

TEST(SstFileManagerTest, MissingTrashDirIsReported) {
  Status s;
  std::unique_ptr<SstFileManager> m(
      NewSstFileManager(Env::Default(), nullptr,
                        "/nonexistent/sst_file_manager_trash", 0, true, &s));
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
}

TEST(SstFileManagerTest, TracksFilesAndSpaceLimit) {
  const std::string dir = TempDir();
  const std::string a = dir + "/000001.sst";
  const std::string b = dir + "/000002.sst";
  WriteFile(a, 1000);
  WriteFile(b, 24);
  std::unique_ptr<SstFileManager> base(NewSstFileManager(Env::Default()));
  auto* m = static_cast<SstFileManagerImpl*>(base.get());
  ASSERT_TRUE(m->OnAddFile(a).ok());
  ASSERT_TRUE(m->OnAddFile(b).ok());
  EXPECT_FALSE(m->OnAddFile(dir + "/missing.sst").ok());
  EXPECT_EQ(1024u, m->GetTotalSize());
  EXPECT_EQ(2u, m->GetTrackedFiles().size());
  EXPECT_EQ(1000u, m->GetTrackedFiles()[a]);

  m->SetMaxAllowedSpaceUsage(1024);
  EXPECT_TRUE(m->IsMaxAllowedSpaceReached());
  m->SetMaxAllowedSpaceUsage(1025);
  EXPECT_FALSE(m->IsMaxAllowedSpaceReached());
  EXPECT_FALSE(m->IsMaxAllowedSpaceReachedIncludingCompactions());
  m->ReserveCompactionSpace(1);
  EXPECT_TRUE(m->IsMaxAllowedSpaceReachedIncludingCompactions());
  m->ReleaseCompactionSpace(1);
  EXPECT_FALSE(m->IsMaxAllowedSpaceReachedIncludingCompactions());
  m->SetMaxAllowedSpaceUsage(0);  // no limit
  EXPECT_FALSE(m->IsMaxAllowedSpaceReached());

  m->OnMoveFile(b, dir + "/000003.sst");
  EXPECT_EQ(24u, m->GetTrackedFiles()[dir + "/000003.sst"]);
  EXPECT_EQ(1024u, m->GetTotalSize());

  auto stats = CreateDBStatistics();
  m->SetStatisticsPtr(stats);
  ASSERT_TRUE(m->ScheduleFileDeletion(a, dir).ok());
  EXPECT_FALSE(Exists(a));
  EXPECT_EQ(24u, m->GetTotalSize());
  EXPECT_EQ(1u, stats->getTickerCount(FILES_DELETED_IMMEDIATELY));
  EXPECT_FALSE(m->ScheduleFileDeletion(a, dir).ok());

  std::remove(b.c_str());
  rmdir(dir.c_str());
}

TEST(SstFileManagerTest, OldTrashIsDeleted) {
  const std::string dir = TempDir();
  WriteFile(dir + "/000007.sst.trash", 10);
  WriteFile(dir + "/keep.sst", 10);
  Status s;
  std::unique_ptr<SstFileManager> m(
      NewSstFileManager(Env::Default(), nullptr, dir, 0, true, &s));
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(Exists(dir + "/000007.sst.trash"));
  EXPECT_TRUE(Exists(dir + "/keep.sst"));
  std::remove((dir + "/keep.sst").c_str());
  rmdir(dir.c_str());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
