// Copyright (c) the rocksdb-cleanroom authors.
//
// File-backed TraceWriter and TraceReader (NewFileTraceWriter,
// NewFileTraceReader). The writer appends each record as given. The reader
// splits the file into records, each laid out as (observed from RocksDB
// 7.8.3, little-endian):
//
//   record := timestamp:fixed64 type:byte payload_len:fixed32 payload
//
// and returns header and payload together. At the end of the file Read
// returns Incomplete; a short header or payload is Corruption.

#include <algorithm>
#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/trace_reader_writer.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr size_t kRecordHeaderSize = 8 + 1 + 4;
constexpr size_t kPayloadLengthOffset = 8 + 1;
constexpr size_t kChunkSize = 1 << 20;

class FileTraceWriter : public TraceWriter {
 public:
  explicit FileTraceWriter(std::unique_ptr<WritableFile>&& file)
      : file_(std::move(file)) {}

  ~FileTraceWriter() override { Close().PermitUncheckedError(); }

  Status Write(const Slice& data) override {
    if (file_ == nullptr) {
      return Status::IOError("trace file is closed");
    }
    Status s = file_->Append(data);
    if (s.ok()) {
      file_size_ += data.size();
    }
    return s;
  }

  Status Close() override {
    if (file_ == nullptr) {
      return Status::OK();
    }
    Status s = file_->Close();
    file_.reset();
    return s;
  }

  uint64_t GetFileSize() override { return file_size_; }

 private:
  std::unique_ptr<WritableFile> file_;  // nullptr once closed
  uint64_t file_size_ = 0;
};

class FileTraceReader : public TraceReader {
 public:
  explicit FileTraceReader(std::unique_ptr<RandomAccessFile>&& file)
      : file_(std::move(file)) {}

  Status Read(std::string* data) override {
    if (file_ == nullptr) {
      return Status::IOError("trace file is closed");
    }
    char header_buf[kRecordHeaderSize];
    Slice header;
    Status s = file_->Read(offset_, kRecordHeaderSize, &header, header_buf);
    if (!s.ok()) {
      return s;
    }
    if (header.empty()) {
      return Status::Incomplete();
    }
    if (header.size() < kRecordHeaderSize) {
      return Status::Corruption("Corrupted trace file.");
    }
    data->assign(header.data(), header.size());
    offset_ += kRecordHeaderSize;

    // Read the payload in bounded chunks so that a corrupt length cannot
    // make us allocate gigabytes before noticing the file is shorter.
    const uint32_t payload_len =
        DecodeFixed32(header.data() + kPayloadLengthOffset);
    std::string scratch(std::min<size_t>(payload_len, kChunkSize), '\0');
    uint64_t done = 0;
    while (done < payload_len) {
      const size_t want = static_cast<size_t>(
          std::min<uint64_t>(payload_len - done, kChunkSize));
      Slice chunk;
      s = file_->Read(offset_ + done, want, &chunk, &scratch[0]);
      if (!s.ok()) {
        data->resize(kRecordHeaderSize);
        return s;
      }
      if (chunk.size() < want) {
        data->resize(kRecordHeaderSize);
        return Status::Corruption("Corrupted trace file.");
      }
      data->append(chunk.data(), chunk.size());
      done += chunk.size();
    }
    offset_ += payload_len;
    return Status::OK();
  }

  Status Close() override {
    file_.reset();
    return Status::OK();
  }

  Status Reset() override {
    if (file_ == nullptr) {
      return Status::IOError("trace file is closed");
    }
    offset_ = 0;
    return Status::OK();
  }

 private:
  std::unique_ptr<RandomAccessFile> file_;  // nullptr once closed
  uint64_t offset_ = 0;                     // start of the next record
};

}  // namespace

Status NewFileTraceWriter(Env* env, const EnvOptions& env_options,
                          const std::string& trace_filename,
                          std::unique_ptr<TraceWriter>* trace_writer) {
  std::unique_ptr<WritableFile> file;
  Status s = env->NewWritableFile(trace_filename, &file, env_options);
  if (!s.ok()) {
    return s;
  }
  trace_writer->reset(new FileTraceWriter(std::move(file)));
  return Status::OK();
}

Status NewFileTraceReader(Env* env, const EnvOptions& env_options,
                          const std::string& trace_filename,
                          std::unique_ptr<TraceReader>* trace_reader) {
  std::unique_ptr<RandomAccessFile> file;
  Status s = env->NewRandomAccessFile(trace_filename, &file, env_options);
  if (!s.ok()) {
    return s;
  }
  trace_reader->reset(new FileTraceReader(std::move(file)));
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
