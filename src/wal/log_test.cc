// Copyright (c) the rocksdb-cleanroom authors.
//
// log::Writer and log::Reader on well-formed files: round trips across
// block boundaries, the exact physical layout of spec 2.1, recyclable
// headers, compression, manual flush, offsets and tailing.

#include <gtest/gtest.h>

#include "util/coding.h"
#include "util/crc32c.h"
#include "util/random.h"
#include "wal/log_test_util.h"

#define ASSERT_OK(expr)                    \
  do {                                     \
    auto _s = (expr);                      \
    ASSERT_TRUE(_s.ok()) << _s.ToString(); \
  } while (0)

namespace ROCKSDB_NAMESPACE {
namespace log {
namespace {

using test::ReadLog;
using test::WriteLog;

constexpr WALRecoveryMode kAllModes[] = {
    WALRecoveryMode::kTolerateCorruptedTailRecords,
    WALRecoveryMode::kAbsoluteConsistency,
    WALRecoveryMode::kPointInTimeRecovery,
    WALRecoveryMode::kSkipAnyCorruptedRecords};

std::string Pattern(size_t n, int seed) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; i++)
    s[i] = static_cast<char>('a' + (i + seed) % 26);
  return s;
}

TEST(LogTest, EmptyFileHasNoRecords) {
  for (auto mode : kAllModes) {
    auto r = ReadLog("", mode);
    EXPECT_TRUE(r.records.empty());
    EXPECT_TRUE(r.reports.empty());
  }
}

TEST(LogTest, RoundTripSmallRecords) {
  std::vector<std::string> in = {"foo", "bar", "", "xxxx"};
  for (auto mode : kAllModes) {
    auto r = ReadLog(WriteLog(in), mode);
    EXPECT_EQ(in, r.records);
    EXPECT_TRUE(r.reports.empty());
  }
}

TEST(LogTest, EmptyRecordIsAFullRecordOfLengthZero) {
  std::string d = WriteLog({""});
  ASSERT_EQ(7u, d.size());
  EXPECT_EQ(kFullType, static_cast<unsigned char>(d[6]));
  EXPECT_EQ(0u, DecodeFixed16(d.data() + 4));
}

TEST(LogTest, MatchesSpecExampleByteForByte) {
  // Spec 2.1: `ldb put key1 value1` gives this 32-byte 000004.log.
  std::string batch(
      "\x01\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x01\x04key1\x06value1",
      25);
  std::string d = WriteLog({batch});
  ASSERT_EQ(32u, d.size());
  EXPECT_EQ(0x8477BB05u, DecodeFixed32(d.data()));
  EXPECT_EQ(std::string("\x19\x00\x01", 3), d.substr(4, 3));
  EXPECT_EQ(batch, d.substr(7));
}

TEST(LogTest, FragmentsAcrossBlocksLikeRocksDB) {
  // Spec 2.1 worked example: a 70-byte record then a 70020-byte one (a
  // batch holding a 70000-byte value).
  std::string d = WriteLog({Pattern(70, 0), std::string(70020, 'v')});
  auto phys = test::ParsePhysical(d);
  ASSERT_EQ(4u, phys.size());
  EXPECT_EQ(kFullType, phys[0].type);
  EXPECT_EQ(kFirstType, phys[1].type);
  EXPECT_EQ(77u, phys[1].offset);
  EXPECT_EQ(32684u, phys[1].length);
  EXPECT_EQ(kMiddleType, phys[2].type);
  EXPECT_EQ(32768u, phys[2].offset);
  EXPECT_EQ(32761u, phys[2].length);
  EXPECT_EQ(kLastType, phys[3].type);
  EXPECT_EQ(65536u, phys[3].offset);
  EXPECT_EQ(4575u, phys[3].length);
  EXPECT_EQ(70118u, d.size());
}

TEST(LogTest, ShortBlockTailIsZeroFilled) {
  // Leave 6 bytes in the first block: they become zeros and the next
  // record starts the second block.
  const size_t first = kBlockSize - kHeaderSize - 6;
  std::string d = WriteLog({std::string(first, 'a'), "next"});
  ASSERT_EQ(kBlockSize + kHeaderSize + 4, d.size());
  EXPECT_EQ(std::string(6, '\0'), d.substr(kBlockSize - 6, 6));
  EXPECT_EQ(kFullType, static_cast<unsigned char>(d[kBlockSize + 6]));
  auto r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency);
  ASSERT_EQ(2u, r.records.size());
  EXPECT_EQ("next", r.records[1]);
  EXPECT_TRUE(r.reports.empty());
}

TEST(LogTest, ExactlyAHeaderLeftGivesEmptyFirstFragment) {
  const size_t first = kBlockSize - 2 * kHeaderSize;
  std::string d = WriteLog({std::string(first, 'a'), "split"});
  auto phys = test::ParsePhysical(d);
  ASSERT_EQ(3u, phys.size());
  EXPECT_EQ(kFirstType, phys[1].type);
  EXPECT_EQ(0u, phys[1].length);
  EXPECT_EQ(kLastType, phys[2].type);
  EXPECT_EQ(kBlockSize, phys[2].offset);
  auto r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency);
  ASSERT_EQ(2u, r.records.size());
  EXPECT_EQ("split", r.records[1]);
  EXPECT_TRUE(r.reports.empty());
}

TEST(LogTest, RecordFillingBlockExactly) {
  const size_t first = kBlockSize - kHeaderSize;
  std::string d = WriteLog({std::string(first, 'a'), "b"});
  EXPECT_EQ(kBlockSize + kHeaderSize + 1, d.size());
  auto r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency);
  ASSERT_EQ(2u, r.records.size());
  EXPECT_EQ(first, r.records[0].size());
  EXPECT_TRUE(r.reports.empty());
}

TEST(LogTest, RandomSizesRoundTripInEveryLayout) {
  Random rnd(301);
  for (bool recycle : {false, true}) {
    std::vector<std::string> in;
    for (int i = 0; i < 500; i++) {
      size_t n = rnd.OneIn(10) ? rnd.Uniform(100000) : rnd.Skewed(12);
      in.push_back(Pattern(n, i));
    }
    std::string d = WriteLog(in, 9, recycle);
    for (auto mode : kAllModes) {
      auto r = ReadLog(d, mode, 9);
      EXPECT_TRUE(in == r.records) << "recycle=" << recycle;
      EXPECT_TRUE(r.reports.empty());
    }
  }
}

TEST(LogTest, EveryHeaderPositionInABlock) {
  // Records of every size around a block end, so each possible tail room
  // (0..header) occurs, for both header sizes.
  for (bool recycle : {false, true}) {
    for (size_t tail = 0; tail <= 12; tail++) {
      const size_t hs = recycle ? kRecyclableHeaderSize : kHeaderSize;
      const size_t first = kBlockSize - hs - tail;
      std::vector<std::string> in = {std::string(first, 'x'), "a", "bb",
                                     std::string(40000, 'y'), "c"};
      std::string d = WriteLog(in, 7, recycle);
      auto r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 7);
      EXPECT_TRUE(in == r.records) << "tail=" << tail;
      EXPECT_TRUE(r.reports.empty()) << "tail=" << tail;
    }
  }
}

TEST(LogTest, RecyclableHeaderCarriesLogNumber) {
  std::string d = WriteLog({"hello"}, 0x1234567890ull, true);
  ASSERT_EQ(kRecyclableHeaderSize + 5u, d.size());
  EXPECT_EQ(kRecyclableFullType, static_cast<unsigned char>(d[6]));
  EXPECT_EQ(0x34567890u, DecodeFixed32(d.data() + 7));
  // CRC over type byte, log number and payload.
  uint32_t crc = crc32c::Value(d.data() + 6, 1 + 4 + 5);
  EXPECT_EQ(crc32c::Mask(crc), DecodeFixed32(d.data()));
  // Read back only under the same (low 32 bits of the) log number.
  EXPECT_EQ(1u,
            ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 0x1234567890ull)
                .records.size());
  auto other = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 5);
  EXPECT_TRUE(other.records.empty());
  EXPECT_EQ(1, other.old_records);
  EXPECT_TRUE(other.reports.empty());
}

TEST(LogTest, RecycledFileStopsAtPreviousLifeRecords) {
  // Log 3's records, then the file is reused as log 8 and overwritten with
  // fewer records of the same sizes: the next header belongs to log 3 and
  // ends the data silently, in every mode.
  std::vector<std::string> old_records, new_records;
  for (int i = 0; i < 40; i++) old_records.push_back(Pattern(1000 + i, i));
  for (int i = 0; i < 25; i++) new_records.push_back(Pattern(1000 + i, -i));
  std::string old_file = WriteLog(old_records, 3, true);
  std::string new_file = WriteLog(new_records, 8, true);
  std::string d = old_file;
  d.replace(0, new_file.size(), new_file);
  for (auto mode : kAllModes) {
    auto r = ReadLog(d, mode, 8);
    EXPECT_TRUE(new_records == r.records);
    EXPECT_TRUE(r.reports.empty());
    EXPECT_EQ(1, r.old_records);
  }
}

TEST(LogTest, RecycledFileWithTornStaleTail) {
  // The new data ends inside an old record: the bytes that follow fail
  // their CRC (or length check). No stale record is ever returned; a
  // tolerate-tail reader stops silently (the file is known to be recycled)
  // and a point-in-time reader reports only after the new records.
  std::vector<std::string> old_records;
  for (int i = 0; i < 40; i++) old_records.push_back(Pattern(1000, i));
  std::vector<std::string> new_records = {"n1", "n2", Pattern(5000, 7)};
  std::string d = WriteLog(old_records, 3, true);
  std::string new_file = WriteLog(new_records, 8, true);
  d.replace(0, new_file.size(), new_file);
  for (auto mode : kAllModes) {
    auto r = ReadLog(d, mode, 8);
    EXPECT_TRUE(new_records == r.records);
    EXPECT_EQ(3u, r.records_before_first_report);
    if (mode == WALRecoveryMode::kTolerateCorruptedTailRecords) {
      EXPECT_TRUE(r.reports.empty());
    } else {
      EXPECT_FALSE(r.reports.empty());
    }
  }
}

TEST(LogTest, ChecksumOffReturnsCorruptedPayload) {
  std::string d = WriteLog({"hello", "world"});
  d[7] ^= 1;
  auto r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency, 4, false);
  ASSERT_EQ(2u, r.records.size());
  EXPECT_EQ("iello", r.records[0]);
  EXPECT_TRUE(r.reports.empty());
}

TEST(LogTest, LastRecordOffsetAndEnd) {
  std::string contents;
  std::vector<std::string> in = {"a", std::string(40000, 'b'), "c"};
  std::string d = WriteLog(in);
  test::CollectingReporter reporter;
  std::unique_ptr<FSSequentialFile> src(new test::StringSource(&d));
  Reader reader(nullptr,
                std::unique_ptr<SequentialFileReader>(
                    new SequentialFileReader(std::move(src), "log")),
                &reporter, true, 4);
  Slice rec;
  std::string scratch;
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ(0u, reader.LastRecordOffset());
  EXPECT_EQ(8u, reader.LastRecordEnd());
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ(8u, reader.LastRecordOffset());
  // First fragment fills block 0; Last holds the rest in block 1.
  EXPECT_EQ(kBlockSize + kHeaderSize + (40000 - (kBlockSize - 15)),
            reader.LastRecordEnd());
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ("c", rec.ToString());
  EXPECT_EQ(d.size(), reader.LastRecordEnd());
  EXPECT_FALSE(reader.ReadRecord(&rec, &scratch));
  EXPECT_TRUE(reader.IsEOF());
  EXPECT_EQ(d.size(), reader.GetReadOffset());
}

TEST(LogTest, ShortReadsFromTheFileAreRetried) {
  std::vector<std::string> in = {"a", std::string(50000, 'b'), "c"};
  std::string d = WriteLog(in);
  auto* src = new test::StringSource(&d);
  src->max_read_ = 1000;
  Reader reader(nullptr,
                std::unique_ptr<SequentialFileReader>(new SequentialFileReader(
                    std::unique_ptr<FSSequentialFile>(src), "log")),
                nullptr, true, 4);
  Slice rec;
  std::string scratch;
  std::vector<std::string> out;
  while (reader.ReadRecord(&rec, &scratch,
                           WALRecoveryMode::kAbsoluteConsistency)) {
    out.push_back(rec.ToString());
  }
  EXPECT_EQ(in, out);
}

TEST(LogTest, TailingReaderSeesAppendedRecords) {
  std::string contents;
  auto writer = test::NewStringWriter(&contents, 4, false);
  ASSERT_OK(writer->AddRecord("one"));
  test::CollectingReporter reporter;
  Reader reader(
      nullptr,
      std::unique_ptr<SequentialFileReader>(new SequentialFileReader(
          std::unique_ptr<FSSequentialFile>(new test::StringSource(&contents)),
          "log")),
      &reporter, true, 4);
  Slice rec;
  std::string scratch;
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ("one", rec.ToString());
  EXPECT_FALSE(reader.ReadRecord(&rec, &scratch));
  ASSERT_TRUE(reader.IsEOF());
  ASSERT_OK(writer->AddRecord("two"));
  ASSERT_OK(writer->AddRecord(std::string(70000, 'z')));
  reader.UnmarkEOF();
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ("two", rec.ToString());
  reader.UnmarkEOF();
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_EQ(70000u, rec.size());
  EXPECT_TRUE(reporter.messages.empty());
}

TEST(LogTest, ReadErrorIsReportedAndStops) {
  std::string d = WriteLog({"a", std::string(40000, 'b'), "c"});
  auto* src = new test::StringSource(&d);
  src->fail_at_offset_ = kBlockSize;
  test::CollectingReporter reporter;
  Reader reader(nullptr,
                std::unique_ptr<SequentialFileReader>(new SequentialFileReader(
                    std::unique_ptr<FSSequentialFile>(src), "log")),
                &reporter, true, 4);
  Slice rec;
  std::string scratch;
  ASSERT_TRUE(reader.ReadRecord(&rec, &scratch));
  EXPECT_FALSE(reader.ReadRecord(&rec, &scratch));
  EXPECT_TRUE(reader.hasReadError());
  ASSERT_EQ(1u, reporter.statuses.size());
  EXPECT_TRUE(reporter.statuses[0].IsIOError());
}

TEST(LogTest, ManualFlushKeepsRecordsBufferedUntilWriteBuffer) {
  std::string contents;
  auto writer = test::NewStringWriter(&contents, 4, false, true);
  ASSERT_OK(writer->AddRecord("buffered"));
  EXPECT_TRUE(contents.empty());
  EXPECT_FALSE(writer->BufferIsEmpty());
  EXPECT_EQ(15u, writer->file_size());
  ASSERT_OK(writer->WriteBuffer());
  EXPECT_EQ(15u, contents.size());
  EXPECT_TRUE(writer->BufferIsEmpty());
}

TEST(LogTest, AutomaticFlushAfterEveryRecord) {
  std::string contents;
  auto writer = test::NewStringWriter(&contents, 4, false);
  ASSERT_OK(writer->AddRecord("now"));
  EXPECT_EQ(10u, contents.size());
  ASSERT_OK(writer->Sync(false));
  ASSERT_OK(writer->Close());
  ASSERT_OK(writer->Close());
  EXPECT_TRUE(writer->AddRecord("late").IsIOError());
}

TEST(LogTest, WriteErrorIsSticky) {
  std::string contents;
  auto* sink = new test::StringSink(&contents);
  std::unique_ptr<WritableFileWriter> file(new WritableFileWriter(
      std::unique_ptr<FSWritableFile>(sink), "log", FileOptions()));
  Writer writer(std::move(file), 4, false);
  ASSERT_OK(writer.AddRecord("ok"));
  sink->fail_appends_ = true;
  EXPECT_TRUE(writer.AddRecord("lost").IsIOError());
  sink->fail_appends_ = false;
  EXPECT_TRUE(writer.AddRecord("after").IsIOError());
  EXPECT_TRUE(writer.Sync(true).IsIOError());
}

TEST(LogTest, ZstdCompressedRoundTrip) {
  std::vector<std::string> in = {"small", std::string(100000, 'q'),
                                 Pattern(70000, 3), ""};
  // An empty record compresses to a frame too.
  std::string d = WriteLog(in, 12, false, kZSTD);
  ASSERT_EQ(kSetCompressionType, static_cast<unsigned char>(d[6]));
  EXPECT_EQ(4u, DecodeFixed16(d.data() + 4));
  EXPECT_EQ(static_cast<uint32_t>(kZSTD), DecodeFixed32(d.data() + 7));
  EXPECT_LT(d.size(), 100000u);  // the repetitive record shrank
  for (auto mode : kAllModes) {
    auto r = ReadLog(d, mode, 12);
    EXPECT_TRUE(in == r.records);
    EXPECT_TRUE(r.reports.empty());
  }
  std::string recycled = WriteLog(in, 12, true, kZSTD);
  EXPECT_TRUE(
      in ==
      ReadLog(recycled, WALRecoveryMode::kAbsoluteConsistency, 12).records);
}

TEST(LogTest, OnlyZstdCompressionIsWritten) {
  std::string contents;
  auto writer =
      test::NewStringWriter(&contents, 4, false, false, kLZ4Compression);
  EXPECT_TRUE(writer->AddRecord("x").IsNotSupported());
  EXPECT_TRUE(contents.empty());
}

}  // namespace
}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
