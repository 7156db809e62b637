// Copyright (c) the rocksdb-cleanroom authors.
//
// Test fixture for VersionSet and MANIFEST tests: a scratch DB directory,
// a VersionSet on it, and helpers to apply edits, read a MANIFEST back as
// edits, and write crafted MANIFESTs. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/filename.h"
#include "db/version_set.h"
#include "env/file_reader.h"
#include "env/writable_file_writer.h"
#include "rocksdb/file_system.h"
#include "wal/log_reader.h"
#include "wal/log_writer.h"

#ifndef ASSERT_OK
#define ASSERT_OK(expr)                            \
  do {                                             \
    const ::ROCKSDB_NAMESPACE::Status _s = (expr); \
    ASSERT_TRUE(_s.ok()) << _s.ToString();         \
  } while (0)
#endif

namespace ROCKSDB_NAMESPACE {
namespace test {

// A table file [smallest, largest] (Put at sseq, Delete at lseq) of size
// 1000 + number.
inline FileMetaData FileAt(uint64_t number, const std::string& smallest,
                           const std::string& largest, SequenceNumber sseq,
                           SequenceNumber lseq) {
  FileMetaData f;
  f.number = number;
  f.file_size = 1000 + number;
  f.smallest.Set(smallest, sseq, kTypeValue);
  f.largest.Set(largest, lseq, kTypeDeletion);
  f.smallest_seqno = sseq;
  f.largest_seqno = lseq;
  return f;
}

// Every record of a log file, as raw payloads.
inline std::vector<std::string> ReadRecords(FileSystem* fs,
                                            const std::string& path) {
  struct Reporter : public log::Reader::Reporter {
    void Corruption(size_t, const Status& s) override {
      ADD_FAILURE() << s.ToString();
    }
  } reporter;
  std::vector<std::string> out;
  std::unique_ptr<FSSequentialFile> file;
  if (!fs->NewSequentialFile(path, FileOptions(), &file, nullptr).ok()) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  log::Reader reader(nullptr,
                     std::unique_ptr<SequentialFileReader>(
                         new SequentialFileReader(std::move(file), path)),
                     &reporter, true, 0);
  Slice record;
  std::string scratch;
  while (reader.ReadRecord(&record, &scratch)) out.push_back(record.ToString());
  return out;
}

// Writes records as a log file (a MANIFEST).
inline void WriteRecords(FileSystem* fs, const std::string& path,
                         const std::vector<std::string>& records) {
  std::unique_ptr<FSWritableFile> file;
  ASSERT_TRUE(fs->NewWritableFile(path, FileOptions(), &file, nullptr).ok());
  log::Writer writer(std::unique_ptr<WritableFileWriter>(new WritableFileWriter(
                         std::move(file), path, FileOptions())),
                     0, false);
  for (const std::string& r : records) ASSERT_TRUE(writer.AddRecord(r).ok());
  ASSERT_TRUE(writer.Close().ok());
}

class ManifestTest : public testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/manifest_testXXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    fs_ = FileSystem::Default();
    ASSERT_TRUE(fs_->NewDirectory(dir_, IOOptions(), &db_dir_, nullptr).ok());
    Reopen();
  }
  void TearDown() override {
    vs_.reset();
    db_dir_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // A fresh VersionSet on the same directory (the old one is closed).
  void Reopen() {
    vs_.reset();
    vs_.reset(new VersionSet(dir_, &options_, fs_.get()));
  }
  Status NewDB(const std::string& db_id = "") {
    return vs_->CreateNewDB(BytewiseComparator(), db_id, db_dir_.get());
  }
  Status RecoverWith(const std::vector<ColumnFamilyDescriptor>& cfs,
                     bool read_only = false, std::string* db_id = nullptr) {
    cf_descriptors_ = cfs;
    return vs_->Recover(cf_descriptors_, read_only, db_id);
  }
  Status Recover(const std::vector<std::string>& names = {"default"},
                 bool read_only = false, std::string* db_id = nullptr) {
    std::vector<ColumnFamilyDescriptor> cfs;
    for (const std::string& n : names) {
      cfs.emplace_back(n, ColumnFamilyOptions());
    }
    return RecoverWith(cfs, read_only, db_id);
  }
  Status Apply(VersionEdit edit) {
    port::MutexLock l(&mu_);
    return vs_->LogAndApply(&edit, &mu_, db_dir_.get());
  }
  Status AddFamily(uint32_t id, const std::string& name) {
    VersionEdit edit;
    edit.SetColumnFamily(id);
    edit.AddColumnFamily(name);
    port::MutexLock l(&mu_);
    return vs_->LogAndApply(&edit, &mu_, db_dir_.get(), false, &cf_options_);
  }
  Status DropFamily(uint32_t id) {
    VersionEdit edit;
    edit.SetColumnFamily(id);
    edit.DropColumnFamily();
    return Apply(edit);
  }

  std::vector<VersionEdit> ReadEdits(const std::string& path) {
    std::vector<VersionEdit> edits;
    for (const std::string& r : ReadRecords(fs_.get(), path)) {
      edits.emplace_back();
      EXPECT_TRUE(edits.back().DecodeFrom(r).ok());
    }
    return edits;
  }
  std::vector<VersionEdit> ReadCurrentEdits() {
    return ReadEdits(DescriptorFileName(dir_, vs_->manifest_file_number()));
  }
  // A crafted MANIFEST-000003 named by CURRENT.
  void WriteManifest(const std::vector<std::string>& records) {
    WriteRecords(fs_.get(), DescriptorFileName(dir_, 3), records);
    ASSERT_TRUE(SetCurrentFile(fs_.get(), dir_, 3, nullptr).ok());
  }
  std::string ManifestPath3() const { return DescriptorFileName(dir_, 3); }

  std::string ReadFile(const std::string& path) {
    std::string data;
    EXPECT_TRUE(ReadFileToString(fs_.get(), path, &data).ok()) << path;
    return data;
  }
  void WriteFile(const std::string& path, const std::string& data) {
    ASSERT_TRUE(WriteStringToFile(fs_.get(), data, path, false).ok());
  }
  std::vector<std::string> Children() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  // File numbers of a level, comma-separated.
  static std::string Numbers(const Version* v, int level) {
    std::string out;
    for (const FileMetaData* f : v->files(level)) {
      if (!out.empty()) out += ",";
      out += std::to_string(f->number);
    }
    return out;
  }

  std::string dir_;
  std::shared_ptr<FileSystem> fs_;
  std::unique_ptr<FSDirectory> db_dir_;
  DBOptions options_;
  ColumnFamilyOptions cf_options_;
  std::vector<ColumnFamilyDescriptor> cf_descriptors_;
  port::Mutex mu_;
  std::unique_ptr<VersionSet> vs_;
};

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
