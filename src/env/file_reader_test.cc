// Copyright (c) the rocksdb-cleanroom authors.
//
// SequentialFileReader over an in-memory file handing out short reads, and
// a write/read round trip through the POSIX file system.

#include "env/file_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <string>

#include "env/writable_file_writer.h"
#include "rocksdb/file_system.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// A sequential file that hands out at most `chunk` bytes per read.
class ChunkedSource : public FSSequentialFile {
 public:
  ChunkedSource(std::string data, size_t chunk)
      : data_(std::move(data)), chunk_(chunk) {}
  IOStatus Read(size_t n, const IOOptions&, Slice* result, char* scratch,
                IODebugContext*) override {
    reads++;
    if (fail) return IOStatus::IOError("injected read");
    size_t len = std::min(std::min(n, chunk_), data_.size() - pos_);
    memcpy(scratch, data_.data() + pos_, len);
    pos_ += len;
    *result = Slice(scratch, len);
    return IOStatus::OK();
  }
  IOStatus Skip(uint64_t n) override {
    pos_ = std::min<uint64_t>(data_.size(), pos_ + n);
    return IOStatus::OK();
  }
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
  int reads = 0;
  bool fail = false;
};

std::string Digits(size_t n) {
  std::string s(n, '0');
  for (size_t i = 0; i < n; i++) s[i] = static_cast<char>('0' + i % 10);
  return s;
}

TEST(SequentialFileReaderTest, RetriesShortReadsAndStopsAtEnd) {
  auto* src = new ChunkedSource(Digits(1000), 7);
  SequentialFileReader r(std::unique_ptr<FSSequentialFile>(src), "s");
  char scratch[600];
  Slice out;
  ASSERT_TRUE(r.Read(600, &out, scratch).ok());
  EXPECT_EQ(Digits(600), out.ToString());
  ASSERT_TRUE(r.Read(600, &out, scratch).ok());
  EXPECT_EQ(400u, out.size());
  ASSERT_TRUE(r.Read(600, &out, scratch).ok());
  EXPECT_EQ(0u, out.size());
  EXPECT_EQ(1000u, r.offset());
  EXPECT_EQ("s", r.file_name());
}

TEST(SequentialFileReaderTest, ReadAheadServesSmallReads) {
  auto* src = new ChunkedSource(Digits(10000), 100000);
  SequentialFileReader r(std::unique_ptr<FSSequentialFile>(src), "s", 4096);
  char scratch[5000];
  Slice out;
  std::string all;
  for (int i = 0; i < 10; i++) {
    ASSERT_TRUE(r.Read(10, &out, scratch).ok());
    all += out.ToString();
  }
  EXPECT_EQ(Digits(100), all);
  EXPECT_EQ(1, src->reads);
  ASSERT_TRUE(r.Skip(100).ok());
  ASSERT_TRUE(r.Read(5000, &out, scratch).ok());  // bypasses the buffer
  EXPECT_EQ(Digits(10000).substr(200, 5000), out.ToString());
  ASSERT_TRUE(r.Skip(10000).ok());
  ASSERT_TRUE(r.Read(10, &out, scratch).ok());
  EXPECT_EQ(0u, out.size());
}

TEST(SequentialFileReaderTest, ReadErrorsPropagate) {
  auto* src = new ChunkedSource(Digits(100), 100);
  src->fail = true;
  SequentialFileReader r(std::unique_ptr<FSSequentialFile>(src), "s");
  char scratch[10];
  Slice out;
  EXPECT_TRUE(r.Read(10, &out, scratch).IsIOError());
}

TEST(FileWriterReaderTest, PosixRoundTrip) {
  char tmpl[] = "/tmp/writable_file_writer_test_XXXXXX";
  ASSERT_NE(nullptr, mkdtemp(tmpl));
  const std::string fname = std::string(tmpl) + "/f";
  auto fs = FileSystem::Default();
  std::unique_ptr<WritableFileWriter> w;
  ASSERT_TRUE(
      WritableFileWriter::Create(fs, fname, FileOptions(), &w, nullptr).ok());
  std::string big = Digits(200000);
  ASSERT_TRUE(w->Append("head").ok());
  ASSERT_TRUE(w->Append(big).ok());
  ASSERT_TRUE(w->Sync(true).ok());
  ASSERT_TRUE(w->Close().ok());

  std::unique_ptr<SequentialFileReader> r;
  ASSERT_TRUE(
      SequentialFileReader::Create(fs, fname, FileOptions(), &r, nullptr).ok());
  std::string scratch(300000, '\0');
  Slice out;
  ASSERT_TRUE(r->Read(scratch.size(), &out, &scratch[0]).ok());
  EXPECT_TRUE("head" + big == out.ToString());

  std::unique_ptr<SequentialFileReader> missing;
  EXPECT_TRUE(SequentialFileReader::Create(fs, fname + ".nope", FileOptions(),
                                           &missing, nullptr)
                  .IsPathNotFound());
  EXPECT_EQ(nullptr, missing);
  unlink(fname.c_str());
  rmdir(tmpl);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
