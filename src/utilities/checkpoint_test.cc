// Copyright (c) the rocksdb-cleanroom authors.
//
// Checkpoint and options_util before the engine lands: placeholders fail the
// documented way; GetLatestOptionsFileName is real and matches RocksDB
// 7.8.3's choices and NotFound status.

#include "rocksdb/utilities/checkpoint.h"

#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/options_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(CheckpointTest, CreateFailsAndNullsThePointer) {
  Checkpoint* checkpoint = reinterpret_cast<Checkpoint*>(uintptr_t{0x8});
  Status s = Checkpoint::Create(nullptr, &checkpoint);
  EXPECT_EQ(s.ToString(),
            "Not implemented: Checkpoint::Create: not implemented yet");
  EXPECT_EQ(checkpoint, nullptr);
}

TEST(CheckpointTest, BaseClassMethodsAreNotSupported) {
  // A subclass that overrides nothing gets the base behaviour.
  class Bare : public Checkpoint {};
  Bare bare;
  EXPECT_TRUE(bare.CreateCheckpoint("/tmp/unused").IsNotSupported());
  ExportImportFilesMetaData* metadata = nullptr;
  EXPECT_TRUE(bare.ExportColumnFamily(nullptr, "/tmp/unused", &metadata)
                  .IsNotSupported());
}

class OptionsUtilTest : public testing::Test {
 protected:
  void SetUp() override {
    env_ = Env::Default();
    dir_ = testing::TempDir() + "options_util_test_" +
           std::to_string(static_cast<long>(getpid())) + "_" +
           testing::UnitTest::GetInstance()->current_test_info()->name();
    ASSERT_TRUE(env_->CreateDirIfMissing(dir_).ok());
  }

  void TearDown() override {
    std::vector<std::string> children;
    env_->GetChildren(dir_, &children).PermitUncheckedError();
    for (const std::string& child : children) {
      if (child != "." && child != "..") {
        env_->DeleteFile(dir_ + "/" + child).PermitUncheckedError();
      }
    }
    env_->DeleteDir(dir_).PermitUncheckedError();
  }

  void Touch(const std::string& name) {
    std::unique_ptr<WritableFile> file;
    ASSERT_TRUE(
        env_->NewWritableFile(dir_ + "/" + name, &file, EnvOptions()).ok());
    ASSERT_TRUE(file->Close().ok());
  }

  Env* env_ = nullptr;
  std::string dir_;
};

TEST_F(OptionsUtilTest, NoOptionsFileIsNotFound) {
  Touch("OPTIONS-");
  Touch("OPTIONS-abc");
  Touch("OPTIONS-000099.dbtmp");
  std::string name = "unset";
  Status s = GetLatestOptionsFileName(dir_, env_, &name);
  EXPECT_TRUE(s.IsNotFound());
  EXPECT_TRUE(s.IsPathNotFound());
  EXPECT_EQ(s.ToString(),
            "NotFound: No such file or directory: No options files found in "
            "the DB directory.: " +
                dir_);
  EXPECT_EQ(name, "unset");

  // A missing directory reads the same way.
  s = GetLatestOptionsFileName(dir_ + "/missing", env_, &name);
  EXPECT_TRUE(s.IsNotFound());

  // The loaders pass that NotFound on.
  DBOptions db_options;
  std::vector<ColumnFamilyDescriptor> cfs;
  EXPECT_TRUE(LoadLatestOptions(dir_, env_, &db_options, &cfs).IsNotFound());
}

TEST_F(OptionsUtilTest, PicksTheHighestNumber) {
  Touch("OPTIONS-000005");
  Touch("OPTIONS-000012");
  Touch("OPTIONS-9");
  Touch("OPTIONS-000099.dbtmp");
  std::string name;
  ASSERT_TRUE(GetLatestOptionsFileName(dir_, env_, &name).ok());
  EXPECT_EQ(name, "OPTIONS-000012");

  // The files are empty: the newest one is read and rejected as RocksDB
  // does.
  DBOptions db_options;
  std::vector<ColumnFamilyDescriptor> cfs;
  Status s = LoadLatestOptions(dir_, env_, &db_options, &cfs);
  EXPECT_EQ(s.ToString(),
            "Corruption: A RocksDB Option file must have a single DBOptions "
            "section");
  EXPECT_TRUE(
      CheckOptionsCompatibility(dir_, env_, db_options, cfs).IsCorruption());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
