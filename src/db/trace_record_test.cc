// Copyright (c) the rocksdb-cleanroom authors.
//
// Trace records (accessors and handler dispatch) and the file-backed trace
// writer/reader, whose record framing and error statuses follow what
// RocksDB 7.8.3 does on the same bytes.

#include "rocksdb/trace_record.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/block_cache_trace_writer.h"
#include "rocksdb/env.h"
#include "rocksdb/trace_reader_writer.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Records which overload each record dispatched to.
class RecordingHandler : public TraceRecord::Handler {
 public:
  std::vector<std::string> calls;

  Status Handle(const WriteQueryTraceRecord& r,
                std::unique_ptr<TraceRecordResult>*) override {
    calls.push_back("write:" + r.GetWriteBatchRep().ToString());
    return Status::OK();
  }
  Status Handle(const GetQueryTraceRecord& r,
                std::unique_ptr<TraceRecordResult>*) override {
    calls.push_back("get:" + std::to_string(r.GetColumnFamilyID()) + ":" +
                    r.GetKey().ToString());
    return Status::OK();
  }
  Status Handle(const IteratorSeekQueryTraceRecord& r,
                std::unique_ptr<TraceRecordResult>*) override {
    calls.push_back("seek:" + std::to_string(r.GetSeekType()) + ":" +
                    r.GetKey().ToString());
    return Status::OK();
  }
  Status Handle(const MultiGetQueryTraceRecord& r,
                std::unique_ptr<TraceRecordResult>*) override {
    calls.push_back("multiget:" + std::to_string(r.GetKeys().size()));
    return Status::OK();
  }
};

TEST(TraceRecordTest, EnumValues) {
  EXPECT_EQ(kTraceWrite, 3);
  EXPECT_EQ(kTraceMultiGet, 13);
  EXPECT_EQ(kTraceMax, 14);
  EXPECT_EQ(kUncategorized, 14);
  EXPECT_EQ(kMaxBlockCacheLookupCaller, 15);
  EXPECT_EQ(IteratorSeekQueryTraceRecord::kSeek, kTraceIteratorSeek);
  EXPECT_EQ(IteratorSeekQueryTraceRecord::kSeekForPrev,
            kTraceIteratorSeekForPrev);
  EXPECT_EQ(BlockCacheTraceRecord::kReservedGetId, 0u);
  EXPECT_EQ(BlockCacheTraceRecord().get_id, 0u);
}

TEST(TraceRecordTest, AccessorsAndDispatch) {
  RecordingHandler handler;

  WriteQueryTraceRecord write(std::string("rep"), 11);
  EXPECT_EQ(write.GetTraceType(), kTraceWrite);
  EXPECT_EQ(write.GetTimestamp(), 11u);

  PinnableSlice key;
  key.PinSelf("k1");
  GetQueryTraceRecord get(3, std::move(key), 12);
  EXPECT_EQ(get.GetTraceType(), kTraceGet);
  EXPECT_EQ(get.GetColumnFamilyID(), 3u);

  IteratorSeekQueryTraceRecord seek(IteratorSeekQueryTraceRecord::kSeekForPrev,
                                    0, std::string("s"), std::string("lo"),
                                    std::string("hi"), 13);
  EXPECT_EQ(seek.GetTraceType(), kTraceIteratorSeekForPrev);
  EXPECT_EQ(seek.GetLowerBound(), "lo");
  EXPECT_EQ(seek.GetUpperBound(), "hi");

  IteratorSeekQueryTraceRecord plain_seek(IteratorSeekQueryTraceRecord::kSeek,
                                          1, std::string("t"), 14);
  EXPECT_EQ(plain_seek.GetTraceType(), kTraceIteratorSeek);
  EXPECT_TRUE(plain_seek.GetLowerBound().empty());

  MultiGetQueryTraceRecord multiget({0, 1}, std::vector<std::string>{"a", "b"},
                                    15);
  EXPECT_EQ(multiget.GetColumnFamilyIDs(), (std::vector<uint32_t>{0, 1}));
  std::vector<Slice> keys = multiget.GetKeys();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0], "a");
  EXPECT_EQ(keys[1], "b");

  std::vector<TraceRecord*> records{&write, &get, &seek, &plain_seek,
                                    &multiget};
  for (TraceRecord* record : records) {
    // TraceRecordResult is only forward-declared here: pass no result slot.
    ASSERT_TRUE(record->Accept(&handler, nullptr).ok());
  }
  EXPECT_EQ(handler.calls,
            (std::vector<std::string>{"write:rep", "get:3:k1", "seek:6:s",
                                      "seek:5:t", "multiget:2"}));
}

TEST(TraceRecordTest, ExecutionHandlerIsAPlaceholder) {
  std::unique_ptr<TraceRecord::Handler> handler(
      TraceRecord::NewExecutionHandler(nullptr, {}));
  ASSERT_NE(handler, nullptr);
  GetQueryTraceRecord get(0, std::string("k"), 1);
  Status s = get.Accept(handler.get(), nullptr);
  EXPECT_EQ(s.ToString(),
            "Not implemented: TraceRecord::Handler::Handle: not implemented "
            "yet");
}

// Trace files on the default Env.
class TraceFileTest : public testing::Test {
 protected:
  void SetUp() override {
    env_ = Env::Default();
    path_ = testing::TempDir() + "trace_file_test_" +
            std::to_string(static_cast<long>(getpid())) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name();
  }
  void TearDown() override { env_->DeleteFile(path_).PermitUncheckedError(); }

  void WriteRaw(const std::string& contents) {
    std::unique_ptr<TraceWriter> writer;
    ASSERT_TRUE(NewFileTraceWriter(env_, EnvOptions(), path_, &writer).ok());
    ASSERT_TRUE(writer->Write(contents).ok());
    ASSERT_TRUE(writer->Close().ok());
  }

  // Reads up to `n` records; returns "<size>" per OK read or the status.
  std::vector<std::string> ReadAll(int n) {
    std::unique_ptr<TraceReader> reader;
    EXPECT_TRUE(NewFileTraceReader(env_, EnvOptions(), path_, &reader).ok());
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
      std::string data = "junk";
      Status s = reader->Read(&data);
      out.push_back(s.ok() ? std::to_string(data.size()) : s.ToString());
    }
    return out;
  }

  static std::string Record(uint64_t ts, char type,
                            const std::string& payload) {
    std::string out;
    PutFixed64(&out, ts);
    out.push_back(type);
    PutFixed32(&out, static_cast<uint32_t>(payload.size()));
    return out + payload;
  }

  Env* env_ = nullptr;
  std::string path_;
};

TEST_F(TraceFileTest, WriterCountsBytes) {
  std::unique_ptr<TraceWriter> writer;
  ASSERT_TRUE(NewFileTraceWriter(env_, EnvOptions(), path_, &writer).ok());
  EXPECT_EQ(writer->GetFileSize(), 0u);
  ASSERT_TRUE(writer->Write("abc").ok());
  EXPECT_EQ(writer->GetFileSize(), 3u);
  ASSERT_TRUE(writer->Close().ok());
  uint64_t size = 0;
  ASSERT_TRUE(env_->GetFileSize(path_, &size).ok());
  EXPECT_EQ(size, 3u);
}

TEST_F(TraceFileTest, ReaderSplitsRecordsAndResets) {
  const std::string first = Record(1, kTraceBegin, "header text");
  const std::string second = Record(2, kTraceGet, "key");
  const std::string third = Record(3, kTraceEnd, "");
  WriteRaw(first + second + third);

  std::unique_ptr<TraceReader> reader;
  ASSERT_TRUE(NewFileTraceReader(env_, EnvOptions(), path_, &reader).ok());
  std::string data;
  ASSERT_TRUE(reader->Read(&data).ok());
  EXPECT_EQ(data, first);
  ASSERT_TRUE(reader->Read(&data).ok());
  EXPECT_EQ(data, second);
  ASSERT_TRUE(reader->Read(&data).ok());
  EXPECT_EQ(data, third);
  data = "unchanged";
  EXPECT_TRUE(reader->Read(&data).IsIncomplete());
  EXPECT_EQ(data, "unchanged");

  ASSERT_TRUE(reader->Reset().ok());
  ASSERT_TRUE(reader->Read(&data).ok());
  EXPECT_EQ(data, first);
  EXPECT_TRUE(reader->Close().ok());
}

TEST_F(TraceFileTest, DamagedFilesAsRocksDB) {
  const std::string incomplete = "Result incomplete: ";
  const std::string corrupt = "Corruption: Corrupted trace file.";

  WriteRaw("");
  EXPECT_EQ(ReadAll(2), (std::vector<std::string>{incomplete, incomplete}));

  WriteRaw("12345");  // short header, offset stays
  EXPECT_EQ(ReadAll(2), (std::vector<std::string>{corrupt, corrupt}));

  WriteRaw(Record(1, 1, ""));
  EXPECT_EQ(ReadAll(2), (std::vector<std::string>{"13", incomplete}));

  // Payload cut short: the header is consumed, then the stub is a short
  // header.
  WriteRaw(Record(1, 1, "abcde").substr(0, 15));
  EXPECT_EQ(ReadAll(2), (std::vector<std::string>{corrupt, corrupt}));

  WriteRaw(Record(1, 1, "ab") + "xyz");
  EXPECT_EQ(ReadAll(2), (std::vector<std::string>{"15", corrupt}));

  // A length far beyond the file.
  std::string huge = Record(1, 1, "");
  EncodeFixed32(&huge[9], 0x7fffffff);
  WriteRaw(huge + "ab");
  EXPECT_EQ(ReadAll(1), (std::vector<std::string>{corrupt}));
}

TEST_F(TraceFileTest, MissingFile) {
  std::unique_ptr<TraceReader> reader;
  Status s =
      NewFileTraceReader(env_, EnvOptions(), path_ + ".missing", &reader);
  EXPECT_TRUE(s.IsIOError()) << s.ToString();
}

TEST(BlockCacheTraceWriterTest, PlaceholderWriter) {
  std::unique_ptr<BlockCacheTraceWriter> writer = NewBlockCacheTraceWriter(
      nullptr, BlockCacheTraceWriterOptions(), nullptr);
  ASSERT_NE(writer, nullptr);
  EXPECT_TRUE(writer->WriteHeader().IsNotSupported());
  BlockCacheTraceRecord record;
  EXPECT_TRUE(writer->WriteBlockAccess(record, "", "", "").IsNotSupported());
  EXPECT_EQ(BlockCacheTraceWriterOptions().max_trace_file_size,
            uint64_t{64} << 30);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
