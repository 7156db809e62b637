// Copyright (c) the rocksdb-cleanroom authors.
//
// The crc32c file checksum generator (checksum bytes observed on RocksDB
// 7.8.3), FileChecksumList and FileChecksumGenFactory::CreateFromString.
#include "rocksdb/file_checksum.h"

#include <gtest/gtest.h>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string Checksum(const std::vector<std::string>& pieces) {
  FileChecksumGenContext context;
  context.file_name = "000001.sst";
  std::unique_ptr<FileChecksumGenerator> gen =
      GetFileChecksumGenCrc32cFactory()->CreateFileChecksumGenerator(context);
  for (const std::string& piece : pieces)
    gen->Update(piece.data(), piece.size());
  gen->Finalize();
  return gen->GetChecksum();
}

TEST(FileChecksumTest, Crc32cGenerator) {
  // CRC32C("hello world") = 0xc99465aa, stored most significant byte first.
  EXPECT_EQ(Checksum({"hello ", "world"}), "\xc9\x94\x65\xaa");
  EXPECT_EQ(Checksum({"hello world"}), "\xc9\x94\x65\xaa");
  EXPECT_EQ(Checksum({}), std::string(4, '\0'));
}

TEST(FileChecksumTest, FactoryHonorsRequestedName) {
  std::shared_ptr<FileChecksumGenFactory> factory =
      GetFileChecksumGenCrc32cFactory();
  EXPECT_EQ(factory, GetFileChecksumGenCrc32cFactory());  // one instance
  EXPECT_STREQ(factory->Name(), "FileChecksumGenCrc32cFactory");

  FileChecksumGenContext context;
  auto gen = factory->CreateFileChecksumGenerator(context);
  ASSERT_NE(gen, nullptr);
  EXPECT_STREQ(gen->Name(), kStandardDbFileChecksumFuncName);
  EXPECT_STREQ(gen->Name(), "FileChecksumCrc32c");
  context.requested_checksum_func_name = "FileChecksumCrc32c";
  EXPECT_NE(factory->CreateFileChecksumGenerator(context), nullptr);
  context.requested_checksum_func_name = "other";
  EXPECT_EQ(factory->CreateFileChecksumGenerator(context), nullptr);

  EXPECT_STREQ(kUnknownFileChecksum, "");
  EXPECT_STREQ(kUnknownFileChecksumFuncName, "Unknown");
}

TEST(FileChecksumTest, List) {
  std::unique_ptr<FileChecksumList> list(NewFileChecksumList());
  EXPECT_EQ(list->size(), 0u);
  ASSERT_TRUE(list->InsertOneFileChecksum(5, "a", "f").ok());
  ASSERT_TRUE(list->InsertOneFileChecksum(5, "b", "g").ok());  // replaces
  EXPECT_EQ(list->size(), 1u);
  std::string checksum, func;
  ASSERT_TRUE(list->SearchOneFileChecksum(5, &checksum, &func).ok());
  EXPECT_EQ(checksum, "b");
  EXPECT_EQ(func, "g");
  EXPECT_TRUE(list->SearchOneFileChecksum(6, &checksum, &func).IsNotFound());
  EXPECT_TRUE(list->RemoveOneFileChecksum(6).IsNotFound());

  ASSERT_TRUE(list->InsertOneFileChecksum(3, "c", "h").ok());
  // Appends in file number order, keeping what the vectors held.
  std::vector<uint64_t> numbers{99};
  std::vector<std::string> checksums{"zz"}, funcs;
  ASSERT_TRUE(list->GetAllFileChecksums(&numbers, &checksums, &funcs).ok());
  EXPECT_EQ(numbers, (std::vector<uint64_t>{99, 3, 5}));
  EXPECT_EQ(checksums, (std::vector<std::string>{"zz", "c", "b"}));
  EXPECT_EQ(funcs, (std::vector<std::string>{"h", "g"}));
  EXPECT_TRUE(list->GetAllFileChecksums(nullptr, &checksums, &funcs)
                  .IsInvalidArgument());

  ASSERT_TRUE(list->RemoveOneFileChecksum(5).ok());
  EXPECT_EQ(list->size(), 1u);
  list->reset();
  EXPECT_EQ(list->size(), 0u);
}

TEST(FileChecksumTest, CreateFromString) {
  ConfigOptions config;
  std::shared_ptr<FileChecksumGenFactory> factory;
  ASSERT_TRUE(FileChecksumGenFactory::CreateFromString(
                  config, "FileChecksumGenCrc32cFactory", &factory)
                  .ok());
  EXPECT_EQ(factory, GetFileChecksumGenCrc32cFactory());
  ASSERT_TRUE(
      FileChecksumGenFactory::CreateFromString(config, "", &factory).ok());
  EXPECT_EQ(factory, nullptr);
  // The generator's name is not a factory name.
  ASSERT_TRUE(FileChecksumGenFactory::CreateFromString(
                  config, "FileChecksumCrc32c", &factory)
                  .ok());
  EXPECT_EQ(factory, nullptr);
  config.ignore_unsupported_options = false;
  Status s = FileChecksumGenFactory::CreateFromString(
      config, "FileChecksumCrc32c", &factory);
  EXPECT_EQ(s.ToString(),
            "Not implemented: Could not load FileChecksumGenFactory: "
            "FileChecksumCrc32c");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
