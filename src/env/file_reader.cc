// Copyright (c) the rocksdb-cleanroom authors.
//
// SequentialFileReader. Without read-ahead a Read goes straight to the
// file into the caller's scratch. With read-ahead, small reads are copied
// out of ra_buf_, which is refilled readahead_size_ bytes at a time; reads
// of at least readahead_size_ drain the buffer and then bypass it.

#include "env/file_reader.h"

#include <algorithm>
#include <cstring>

#include "rocksdb/rate_limiter.h"

namespace ROCKSDB_NAMESPACE {

SequentialFileReader::SequentialFileReader(
    std::unique_ptr<FSSequentialFile>&& file, const std::string& file_name,
    size_t readahead_size, RateLimiter* rate_limiter,
    Env::IOPriority rate_limiter_priority)
    : file_name_(file_name),
      file_(std::move(file)),
      readahead_size_(readahead_size),
      rate_limiter_(rate_limiter),
      rate_limiter_priority_(rate_limiter_priority) {
  if (readahead_size_ > 0) ra_buf_.reset(new char[readahead_size_]);
}

SequentialFileReader::~SequentialFileReader() = default;

IOStatus SequentialFileReader::Create(
    const std::shared_ptr<FileSystem>& fs, const std::string& fname,
    const FileOptions& options, std::unique_ptr<SequentialFileReader>* reader,
    IODebugContext* dbg) {
  std::unique_ptr<FSSequentialFile> file;
  IOStatus s = fs->NewSequentialFile(fname, options, &file, dbg);
  if (!s.ok()) return s;
  reader->reset(new SequentialFileReader(std::move(file), fname));
  return IOStatus::OK();
}

IOStatus SequentialFileReader::ReadFromFile(size_t n, char* dst, size_t* got) {
  *got = 0;
  const bool limited =
      rate_limiter_ != nullptr && rate_limiter_priority_ != Env::IO_TOTAL;
  IOOptions io_options;
  while (*got < n) {
    size_t want = n - *got;
    if (limited) {
      want = rate_limiter_->RequestToken(want, 0, rate_limiter_priority_,
                                         nullptr, RateLimiter::OpType::kRead);
    }
    Slice chunk;
    IOStatus s = file_->Read(want, io_options, &chunk, dst + *got, nullptr);
    if (!s.ok()) return s;
    if (chunk.size() > want) {
      return IOStatus::Corruption("file system returned more bytes than asked",
                                  file_name_);
    }
    if (chunk.empty()) break;  // end of file
    // A file may return a pointer to its own memory instead of scratch.
    if (chunk.data() != dst + *got) {
      memmove(dst + *got, chunk.data(), chunk.size());
    }
    *got += chunk.size();
  }
  return IOStatus::OK();
}

IOStatus SequentialFileReader::Read(size_t n, Slice* result, char* scratch) {
  size_t done = 0;
  IOStatus s;
  if (readahead_size_ == 0) {
    s = ReadFromFile(n, scratch, &done);
  } else {
    while (done < n) {
      if (ra_pos_ < ra_len_) {
        size_t take = std::min(n - done, ra_len_ - ra_pos_);
        memcpy(scratch + done, ra_buf_.get() + ra_pos_, take);
        ra_pos_ += take;
        done += take;
        continue;
      }
      size_t got = 0;
      if (n - done >= readahead_size_) {
        s = ReadFromFile(n - done, scratch + done, &got);
        done += got;
        break;
      }
      ra_pos_ = ra_len_ = 0;
      s = ReadFromFile(readahead_size_, ra_buf_.get(), &got);
      if (!s.ok() || got == 0) break;
      ra_len_ = got;
    }
  }
  offset_ += done;
  *result = Slice(scratch, done);
  return s;
}

IOStatus SequentialFileReader::Skip(uint64_t n) {
  uint64_t buffered = ra_len_ - ra_pos_;
  if (n <= buffered) {
    ra_pos_ += static_cast<size_t>(n);
    offset_ += n;
    return IOStatus::OK();
  }
  ra_pos_ = ra_len_ = 0;
  offset_ += buffered;
  n -= buffered;
  IOStatus s = file_->Skip(n);
  // The file stops at its end without telling how far it got; offset_ is
  // then an upper bound.
  if (s.ok()) offset_ += n;
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
