// Copyright (c) the rocksdb-cleanroom authors.
//
// RandomAccessFileReader: the engine's reader for files read at arbitrary
// offsets (table files), on top of an FSRandomAccessFile. Counts bytes in
// IOStatsContext and, when given, charges a rate limiter and records read
// latency in Statistics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rocksdb/file_system.h"
#include "rocksdb/io_status.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class RateLimiter;
class Statistics;
class SystemClock;

// Thread-safe as far as the wrapped file is (FSRandomAccessFile::Read is
// required to be); the reader itself keeps no mutable state.
class RandomAccessFileReader {
 public:
  // Takes ownership of `file`. clock, stats and rate_limiter may be null
  // and are not owned; they must outlive the reader.
  RandomAccessFileReader(std::unique_ptr<FSRandomAccessFile>&& file,
                         const std::string& file_name,
                         SystemClock* clock = nullptr,
                         Statistics* stats = nullptr,
                         RateLimiter* rate_limiter = nullptr);
  ~RandomAccessFileReader();

  RandomAccessFileReader(const RandomAccessFileReader&) = delete;
  RandomAccessFileReader& operator=(const RandomAccessFileReader&) = delete;

  // Opens `fname` with fs->NewRandomAccessFile and wraps it. On failure
  // *reader is left unchanged.
  static IOStatus Create(const std::shared_ptr<FileSystem>& fs,
                         const std::string& fname, const FileOptions& opts,
                         std::unique_ptr<RandomAccessFileReader>* reader,
                         IODebugContext* dbg);

  // Reads n bytes at offset, or fewer when the file ends first (short reads
  // of the file are retried until it returns nothing). *result points into
  // scratch or into memory the file owns (mmap), valid while both live.
  // REQUIRES: scratch holds n bytes (it may be null only for files that
  // return their own memory, e.g. mmap reads).
  IOStatus Read(const IOOptions& opts, uint64_t offset, size_t n, Slice* result,
                char* scratch) const;

  // Hints that [offset, offset + n) will be read soon.
  IOStatus Prefetch(uint64_t offset, size_t n) const;

  const std::string& file_name() const { return file_name_; }
  FSRandomAccessFile* file() const { return file_.get(); }
  bool use_direct_io() const { return file_->use_direct_io(); }

 private:
  const std::unique_ptr<FSRandomAccessFile> file_;
  const std::string file_name_;
  SystemClock* const clock_;
  Statistics* const stats_;
  RateLimiter* const rate_limiter_;
};

}  // namespace ROCKSDB_NAMESPACE
