// Copyright (c) the rocksdb-cleanroom authors.
//
// Test helpers for the log format: in-memory files, a report collector,
// and a small harness that writes records with log::Writer into a string
// and reads them back with log::Reader.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "env/file_reader.h"
#include "env/writable_file_writer.h"
#include "rocksdb/file_system.h"
#include "util/coding.h"
#include "util/crc32c.h"
#include "wal/log_reader.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {
namespace log {
namespace test {

// An FSWritableFile appending to a caller-owned string.
class StringSink : public FSWritableFile {
 public:
  explicit StringSink(std::string* contents) : contents_(contents) {}
  IOStatus Append(const Slice& data, const IOOptions&,
                  IODebugContext*) override {
    if (fail_appends_) return IOStatus::IOError("injected append error");
    contents_->append(data.data(), data.size());
    appends_++;
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    closes_++;
    return IOStatus::OK();
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    flushes_++;
    return IOStatus::OK();
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    if (fail_syncs_) return IOStatus::IOError("injected sync error");
    syncs_++;
    return IOStatus::OK();
  }
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    fsyncs_++;
    return IOStatus::OK();
  }
  uint64_t GetFileSize(const IOOptions&, IODebugContext*) override {
    return contents_->size();
  }

  std::string* contents_;
  bool fail_appends_ = false;
  bool fail_syncs_ = false;
  int appends_ = 0, flushes_ = 0, syncs_ = 0, fsyncs_ = 0, closes_ = 0;
};

// An FSSequentialFile over a caller-owned string. Reads may be capped at
// max_read bytes (short reads not at end of file), and can fail once
// fail_at_offset is reached.
class StringSource : public FSSequentialFile {
 public:
  explicit StringSource(const std::string* contents) : contents_(contents) {}
  IOStatus Read(size_t n, const IOOptions&, Slice* result, char* scratch,
                IODebugContext*) override {
    if (pos_ >= fail_at_offset_)
      return IOStatus::IOError("injected read error");
    size_t avail = contents_->size() > pos_ ? contents_->size() - pos_ : 0;
    size_t len = std::min(std::min(n, avail), max_read_);
    memcpy(scratch, contents_->data() + pos_, len);
    pos_ += len;
    *result = Slice(scratch, len);
    return IOStatus::OK();
  }
  IOStatus Skip(uint64_t n) override {
    pos_ = std::min<uint64_t>(contents_->size(), pos_ + n);
    return IOStatus::OK();
  }

  const std::string* contents_;
  size_t pos_ = 0;
  size_t max_read_ = SIZE_MAX;
  size_t fail_at_offset_ = SIZE_MAX;
};

// Records every report.
class CollectingReporter : public Reader::Reporter {
 public:
  void Corruption(size_t bytes, const Status& status) override {
    dropped_bytes += bytes;
    messages.push_back(status.ToString());
    statuses.push_back(status);
  }
  void OldLogRecord(size_t bytes) override {
    old_records++;
    old_bytes += bytes;
  }
  std::vector<std::string> messages;
  std::vector<Status> statuses;
  size_t dropped_bytes = 0;
  int old_records = 0;
  size_t old_bytes = 0;
};

// A log::Writer writing into a string.
inline std::unique_ptr<Writer> NewStringWriter(
    std::string* contents, uint64_t log_number, bool recycle,
    bool manual_flush = false, CompressionType compression = kNoCompression) {
  std::unique_ptr<FSWritableFile> sink(new StringSink(contents));
  std::unique_ptr<WritableFileWriter> file(
      new WritableFileWriter(std::move(sink), "log", FileOptions()));
  return std::unique_ptr<Writer>(new Writer(
      std::move(file), log_number, recycle, manual_flush, compression));
}

// Writes `records` as one log file.
inline std::string WriteLog(const std::vector<std::string>& records,
                            uint64_t log_number = 4, bool recycle = false,
                            CompressionType compression = kNoCompression) {
  std::string contents;
  auto writer =
      NewStringWriter(&contents, log_number, recycle, false, compression);
  for (const auto& r : records) {
    IOStatus s = writer->AddRecord(r);
    if (!s.ok()) return "write failed: " + s.ToString();
  }
  writer->Close().PermitUncheckedError();
  return contents;
}

// What one pass of a Reader over a file produced.
struct ReadResult {
  std::vector<std::string> records;
  std::vector<std::string> reports;
  // Records returned before the first report: what a point-in-time
  // recovery keeps.
  size_t records_before_first_report = 0;
  int old_records = 0;
};

inline ReadResult ReadLog(const std::string& contents, WALRecoveryMode mode,
                          uint64_t log_number = 4, bool checksum = true,
                          size_t max_records = 100000) {
  ReadResult result;
  CollectingReporter reporter;
  std::unique_ptr<FSSequentialFile> source(new StringSource(&contents));
  std::unique_ptr<SequentialFileReader> file(
      new SequentialFileReader(std::move(source), "log"));
  Reader reader(nullptr, std::move(file), &reporter, checksum, log_number);
  Slice record;
  std::string scratch;
  while (result.records.size() < max_records &&
         reader.ReadRecord(&record, &scratch, mode)) {
    if (reporter.messages.empty()) result.records_before_first_report++;
    result.records.push_back(record.ToString());
  }
  result.reports = reporter.messages;
  result.old_records = reporter.old_records;
  return result;
}

// One physical record as found by ParsePhysical.
struct Physical {
  size_t offset;
  unsigned type;
  size_t length;
  size_t header_size;
};

// The physical records of a well-formed file (a test-side parser of spec
// 2.1, independent of Reader). Zero headers count as block trailers.
inline std::vector<Physical> ParsePhysical(const std::string& d) {
  std::vector<Physical> out;
  size_t off = 0;
  while (off + kHeaderSize <= d.size()) {
    size_t room = kBlockSize - off % kBlockSize;
    if (room < static_cast<size_t>(kHeaderSize)) {
      off += room;
      continue;
    }
    size_t len = DecodeFixed16(d.data() + off + 4);
    unsigned type = static_cast<unsigned char>(d[off + 6]);
    if (type == 0 && len == 0) {
      off += room;
      continue;
    }
    size_t hs = IsRecyclableType(type) ? kRecyclableHeaderSize : kHeaderSize;
    out.push_back({off, type, len, hs});
    off += hs + len;
  }
  return out;
}

// Recomputes the CRC of the physical record at `p` (after an edit of its
// type, log number or payload).
inline void FixCrc(std::string* d, const Physical& p) {
  size_t hs = IsRecyclableType(static_cast<unsigned char>((*d)[p.offset + 6]))
                  ? kRecyclableHeaderSize
                  : kHeaderSize;
  uint32_t crc = crc32c::Value(d->data() + p.offset + 6, hs - 6 + p.length);
  EncodeFixed32(&(*d)[p.offset], crc32c::Mask(crc));
}

}  // namespace test
}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
