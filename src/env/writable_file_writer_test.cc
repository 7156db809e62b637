// Copyright (c) the rocksdb-cleanroom authors.
//
// WritableFileWriter over an in-memory file that counts calls.

#include "env/writable_file_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/rate_limiter.h"
#include "util/crc32c.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class CountingFile : public FSWritableFile {
 public:
  explicit CountingFile(std::string* data) : data_(data) {}
  IOStatus Append(const Slice& d, const IOOptions&, IODebugContext*) override {
    if (fail_append) return IOStatus::IOError("injected");
    data_->append(d.data(), d.size());
    appends++;
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    closes++;
    if (closes_out != nullptr) (*closes_out)++;
    return IOStatus::OK();
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    flushes++;
    return IOStatus::OK();
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    if (fail_sync) return IOStatus::IOError("injected sync");
    syncs++;
    synced_size = data_->size();
    return IOStatus::OK();
  }
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    fsyncs++;
    synced_size = data_->size();
    return IOStatus::OK();
  }
  IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const IOOptions&,
                     IODebugContext*) override {
    range_syncs++;
    range_sync_end = offset + nbytes;
    return IOStatus::OK();
  }
  std::string* data_;
  bool fail_append = false, fail_sync = false;
  int appends = 0, closes = 0, flushes = 0, syncs = 0, fsyncs = 0;
  int* closes_out = nullptr;  // also counts closes, outliving the file
  int range_syncs = 0;
  uint64_t range_sync_end = 0;
  size_t synced_size = 0;
};

struct Harness {
  explicit Harness(FileOptions opts = FileOptions(),
                   FileChecksumGenFactory* factory = nullptr) {
    file = new CountingFile(&data);
    file->closes_out = &closes;
    writer.reset(new WritableFileWriter(std::unique_ptr<FSWritableFile>(file),
                                        "f", opts, factory));
  }
  std::string data;
  CountingFile* file;  // owned by writer
  int closes = 0;
  std::unique_ptr<WritableFileWriter> writer;
};

TEST(WritableFileWriterTest, BuffersUntilFlush) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("hello ").ok());
  ASSERT_TRUE(h.writer->Append("world").ok());
  EXPECT_EQ("", h.data);
  EXPECT_EQ(11u, h.writer->GetFileSize());
  EXPECT_EQ(0u, h.writer->GetFlushedSize());
  EXPECT_FALSE(h.writer->BufferIsEmpty());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ("hello world", h.data);
  EXPECT_EQ(1, h.file->appends);
  EXPECT_EQ(1, h.file->flushes);
  EXPECT_EQ(11u, h.writer->GetFlushedSize());
  EXPECT_TRUE(h.writer->BufferIsEmpty());
}

TEST(WritableFileWriterTest, GrowsBufferThenWritesLargeAppendsThrough) {
  FileOptions opts;
  opts.writable_file_max_buffer_size = 256 * 1024;
  Harness h(opts);
  std::string a(100 * 1024, 'a');  // grows the 64 KiB buffer
  ASSERT_TRUE(h.writer->Append(a).ok());
  EXPECT_EQ(0, h.file->appends);
  std::string b(300 * 1024, 'b');  // larger than the maximum
  ASSERT_TRUE(h.writer->Append(b).ok());
  EXPECT_EQ(2, h.file->appends);  // buffer, then b directly
  EXPECT_EQ(a + b, h.data);
  ASSERT_TRUE(h.writer->Append("c").ok());
  ASSERT_TRUE(h.writer->Close().ok());
  EXPECT_EQ(a + b + "c", h.data);
  EXPECT_EQ(1, h.closes);
}

TEST(WritableFileWriterTest, ZeroMaxBufferWritesThrough) {
  FileOptions opts;
  opts.writable_file_max_buffer_size = 0;
  Harness h(opts);
  ASSERT_TRUE(h.writer->Append("abc").ok());
  ASSERT_TRUE(h.writer->Append("").ok());
  EXPECT_EQ("abc", h.data);
  EXPECT_EQ(3u, h.writer->GetFlushedSize());
}

TEST(WritableFileWriterTest, PadAppendsZeros) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("x").ok());
  ASSERT_TRUE(h.writer->Pad(5000).ok());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ(std::string("x") + std::string(5000, '\0'), h.data);
}

TEST(WritableFileWriterTest, SyncFlushesFirst) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("abc").ok());
  ASSERT_TRUE(h.writer->Sync(false).ok());
  EXPECT_EQ(1, h.file->syncs);
  EXPECT_EQ(3u, h.file->synced_size);
  ASSERT_TRUE(h.writer->Append("de").ok());
  ASSERT_TRUE(h.writer->Sync(true).ok());
  EXPECT_EQ(1, h.file->fsyncs);
  EXPECT_EQ(5u, h.file->synced_size);
  // SyncWithoutFlush leaves buffered data alone.
  ASSERT_TRUE(h.writer->Append("f").ok());
  ASSERT_TRUE(h.writer->SyncWithoutFlush(false).ok());
  EXPECT_EQ(5u, h.file->synced_size);
  EXPECT_EQ(6u, h.writer->GetFileSize());
}

TEST(WritableFileWriterTest, ErrorsAreSticky) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("a").ok());
  h.file->fail_append = true;
  IOStatus s = h.writer->Flush();
  EXPECT_TRUE(s.IsIOError());
  EXPECT_TRUE(h.writer->seen_error());
  h.file->fail_append = false;
  s = h.writer->Append("b");
  EXPECT_TRUE(s.IsIOError());
  EXPECT_NE(std::string::npos, s.ToString().find("Writer has previous error"));
  EXPECT_TRUE(h.writer->Sync(false).IsIOError());
  EXPECT_TRUE(h.writer->SyncWithoutFlush(true).IsIOError());
  EXPECT_EQ(0, h.file->syncs);
  EXPECT_EQ("", h.data);
  // Close releases the file but still reports the lost data.
  EXPECT_TRUE(h.writer->Close().IsIOError());
  EXPECT_EQ(1, h.closes);
}

TEST(WritableFileWriterTest, FailedSyncIsNeverFollowedBySuccess) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("a").ok());
  h.file->fail_sync = true;
  EXPECT_TRUE(h.writer->Sync(false).IsIOError());
  h.file->fail_sync = false;
  EXPECT_TRUE(h.writer->Sync(false).IsIOError());
}

TEST(WritableFileWriterTest, CloseIsIdempotentAndFinal) {
  Harness h;
  ASSERT_TRUE(h.writer->Append("a").ok());
  ASSERT_TRUE(h.writer->Close().ok());
  EXPECT_TRUE(h.writer->IsClosed());
  EXPECT_TRUE(h.writer->Close().ok());
  EXPECT_TRUE(h.writer->Append("b").IsIOError());
  EXPECT_TRUE(h.writer->Flush().IsIOError());
  EXPECT_EQ("a", h.data);
}

TEST(WritableFileWriterTest, DestructorFlushesAndCloses) {
  std::string data;
  {
    WritableFileWriter w(
        std::unique_ptr<FSWritableFile>(new CountingFile(&data)), "f",
        FileOptions());
    ASSERT_TRUE(w.Append("kept").ok());
  }
  EXPECT_EQ("kept", data);
}

TEST(WritableFileWriterTest, BytesPerSyncRangeSyncsWholePages) {
  FileOptions opts;
  opts.bytes_per_sync = 8192;
  Harness h(opts);
  ASSERT_TRUE(h.writer->Append(std::string(5000, 'a')).ok());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ(0, h.file->range_syncs);
  ASSERT_TRUE(h.writer->Append(std::string(5000, 'b')).ok());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ(1, h.file->range_syncs);
  EXPECT_EQ(8192u, h.file->range_sync_end);
}

TEST(WritableFileWriterTest, ChargesRateLimiterWhenPrioritized) {
  FileOptions opts;
  std::unique_ptr<RateLimiter> limiter(NewGenericRateLimiter(1 << 30));
  opts.rate_limiter = limiter.get();
  Harness h(opts);
  ASSERT_TRUE(h.writer->Append(std::string(1000, 'a')).ok());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ(0, limiter->GetTotalBytesThrough());  // IO_TOTAL: not charged
  h.file->SetIOPriority(Env::IO_LOW);
  ASSERT_TRUE(h.writer->Append(std::string(1000, 'b')).ok());
  ASSERT_TRUE(h.writer->Flush().ok());
  EXPECT_EQ(1000, limiter->GetTotalBytesThrough());
  EXPECT_EQ(2000u, h.data.size());
}

TEST(WritableFileWriterTest, FullFileChecksum) {
  auto factory = GetFileChecksumGenCrc32cFactory();
  Harness h(FileOptions(), factory.get());
  ASSERT_TRUE(h.writer->Append("123456").ok());
  ASSERT_TRUE(h.writer->Append("789").ok());
  EXPECT_EQ(kUnknownFileChecksum, h.writer->GetFileChecksum());
  ASSERT_TRUE(h.writer->Close().ok());
  EXPECT_STREQ(kStandardDbFileChecksumFuncName,
               h.writer->GetFileChecksumFuncName());
  // The crc32c generator stores the CRC big-endian.
  std::string expected = "\xE3\x06\x92\x83";
  EXPECT_EQ(expected, h.writer->GetFileChecksum());

  Harness none;
  ASSERT_TRUE(none.writer->Close().ok());
  EXPECT_EQ(kUnknownFileChecksum, none.writer->GetFileChecksum());
  EXPECT_STREQ(kUnknownFileChecksumFuncName,
               none.writer->GetFileChecksumFuncName());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
