// Copyright (c) the rocksdb-cleanroom authors.
//
// RandomAccessFileReader over in-memory files that hand out short reads or
// their own memory (mmap style), and over the POSIX file system.

#include "env/random_access_file_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string>

#include "env/writable_file_writer.h"
#include "rocksdb/file_system.h"
#include "rocksdb/iostats_context.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string Digits(size_t n) {
  std::string s(n, '0');
  for (size_t i = 0; i < n; i++) s[i] = static_cast<char>('0' + i % 10);
  return s;
}

// Serves at most `chunk` bytes per read; copies into scratch unless
// `own_memory`, then returns slices of its own buffer.
class FakeFile : public FSRandomAccessFile {
 public:
  FakeFile(std::string data, size_t chunk, bool own_memory = false)
      : data_(std::move(data)), chunk_(chunk), own_memory_(own_memory) {}
  IOStatus Read(uint64_t offset, size_t n, const IOOptions&, Slice* result,
                char* scratch, IODebugContext*) const override {
    reads++;
    if (fail) return IOStatus::IOError("injected read");
    size_t len = 0;
    if (offset < data_.size()) {
      len = std::min(std::min(n, chunk_), data_.size() - offset);
    }
    if (own_memory_) {
      *result = Slice(data_.data() + offset, len);
    } else {
      if (len > 0) memcpy(scratch, data_.data() + offset, len);
      *result = Slice(scratch, len);
    }
    return IOStatus::OK();
  }
  IOStatus Prefetch(uint64_t, size_t, const IOOptions&,
                    IODebugContext*) override {
    prefetches++;
    return IOStatus::OK();
  }
  std::string data_;
  size_t chunk_;
  bool own_memory_;
  mutable int reads = 0;
  int prefetches = 0;
  bool fail = false;
};

TEST(RandomAccessFileReaderTest, ReadsExactlyAtOffset) {
  auto* f = new FakeFile(Digits(1000), 1000);
  RandomAccessFileReader r(std::unique_ptr<FSRandomAccessFile>(f), "t.sst");
  char scratch[100];
  Slice out;
  ASSERT_TRUE(r.Read(IOOptions(), 123, 50, &out, scratch).ok());
  EXPECT_EQ(Digits(1000).substr(123, 50), out.ToString());
  EXPECT_EQ(scratch, out.data());
  EXPECT_EQ(1, f->reads);
  EXPECT_EQ("t.sst", r.file_name());
  EXPECT_EQ(f, r.file());
}

TEST(RandomAccessFileReaderTest, RetriesShortReadsAndStopsAtEnd) {
  auto* f = new FakeFile(Digits(1000), 7);
  RandomAccessFileReader r(std::unique_ptr<FSRandomAccessFile>(f), "t.sst");
  char scratch[600];
  Slice out;
  ASSERT_TRUE(r.Read(IOOptions(), 10, 500, &out, scratch).ok());
  EXPECT_EQ(Digits(1000).substr(10, 500), out.ToString());
  ASSERT_TRUE(r.Read(IOOptions(), 900, 600, &out, scratch).ok());
  EXPECT_EQ(Digits(1000).substr(900), out.ToString());
  ASSERT_TRUE(r.Read(IOOptions(), 5000, 10, &out, scratch).ok());
  EXPECT_EQ(0u, out.size());
}

TEST(RandomAccessFileReaderTest, FileOwnedMemoryIsReturnedAsIs) {
  auto* f = new FakeFile(Digits(100), 1000, /*own_memory=*/true);
  RandomAccessFileReader r(std::unique_ptr<FSRandomAccessFile>(f), "m");
  Slice out;
  ASSERT_TRUE(r.Read(IOOptions(), 20, 30, &out, nullptr).ok());
  EXPECT_EQ(f->data_.data() + 20, out.data());
  EXPECT_EQ(Digits(100).substr(20, 30), out.ToString());
  EXPECT_EQ(1, f->reads);
}

TEST(RandomAccessFileReaderTest, ErrorsPropagateAndCountBytes) {
  auto* f = new FakeFile(Digits(100), 100);
  RandomAccessFileReader r(std::unique_ptr<FSRandomAccessFile>(f), "e");
  char scratch[10];
  Slice out;
  get_iostats_context()->Reset();
  ASSERT_TRUE(r.Read(IOOptions(), 0, 10, &out, scratch).ok());
  EXPECT_EQ(10u, get_iostats_context()->bytes_read);
  f->fail = true;
  EXPECT_TRUE(r.Read(IOOptions(), 0, 10, &out, scratch).IsIOError());
  EXPECT_TRUE(out.empty());
  ASSERT_TRUE(r.Prefetch(0, 10).ok());
  EXPECT_EQ(1, f->prefetches);
}

TEST(RandomAccessFileReaderTest, PosixCreateAndRead) {
  char tmpl[] = "/tmp/random_access_file_reader_test_XXXXXX";
  ASSERT_NE(nullptr, mkdtemp(tmpl));
  const std::string fname = std::string(tmpl) + "/f";
  std::shared_ptr<FileSystem> fs = FileSystem::Default();
  {
    std::unique_ptr<FSWritableFile> wf;
    ASSERT_TRUE(fs->NewWritableFile(fname, FileOptions(), &wf, nullptr).ok());
    ASSERT_TRUE(wf->Append(Digits(5000), IOOptions(), nullptr).ok());
    ASSERT_TRUE(wf->Close(IOOptions(), nullptr).ok());
  }
  std::unique_ptr<RandomAccessFileReader> r;
  ASSERT_TRUE(
      RandomAccessFileReader::Create(fs, fname, FileOptions(), &r, nullptr)
          .ok());
  ASSERT_NE(nullptr, r);
  std::string scratch(2000, '\0');
  Slice out;
  ASSERT_TRUE(r->Read(IOOptions(), 4000, 2000, &out, &scratch[0]).ok());
  EXPECT_EQ(Digits(5000).substr(4000), out.ToString());

  std::unique_ptr<RandomAccessFileReader> missing;
  EXPECT_FALSE(RandomAccessFileReader::Create(fs, fname + ".none",
                                              FileOptions(), &missing, nullptr)
                   .ok());
  EXPECT_EQ(nullptr, missing);
  unlink(fname.c_str());
  rmdir(tmpl);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
