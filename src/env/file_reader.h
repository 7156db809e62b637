// Copyright (c) the rocksdb-cleanroom authors.
//
// SequentialFileReader: the engine's reader for files consumed front to
// back (WAL and MANIFEST replay, CURRENT, IDENTITY), on top of an
// FSSequentialFile, with optional read-ahead and rate limiting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/io_status.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class RateLimiter;

// Not thread-safe. Direct I/O files are read through their plain Read().
class SequentialFileReader {
 public:
  // Takes ownership of `file`. With readahead_size > 0, reads smaller than
  // readahead_size are served from an internal buffer filled
  // readahead_size bytes at a time. `rate_limiter` (may be null, not owned)
  // is charged at `rate_limiter_priority` unless that is Env::IO_TOTAL.
  SequentialFileReader(std::unique_ptr<FSSequentialFile>&& file,
                       const std::string& file_name, size_t readahead_size = 0,
                       RateLimiter* rate_limiter = nullptr,
                       Env::IOPriority rate_limiter_priority = Env::IO_TOTAL);
  ~SequentialFileReader();

  SequentialFileReader(const SequentialFileReader&) = delete;
  SequentialFileReader& operator=(const SequentialFileReader&) = delete;

  // Opens `fname` with fs->NewSequentialFile and wraps it (no read-ahead).
  // On failure *reader is left unchanged.
  static IOStatus Create(const std::shared_ptr<FileSystem>& fs,
                         const std::string& fname, const FileOptions& options,
                         std::unique_ptr<SequentialFileReader>* reader,
                         IODebugContext* dbg);

  // Reads up to n bytes into *result, which may point into scratch[0, n)
  // (valid while scratch is). Fewer than n bytes (possibly 0) means end of
  // file for now: short reads of the file are retried until it returns
  // nothing, and a later Read sees data appended meanwhile.
  // REQUIRES: scratch holds n bytes.
  IOStatus Read(size_t n, Slice* result, char* scratch);

  // Moves forward n bytes (stops at end of file).
  IOStatus Skip(uint64_t n);

  // Bytes consumed so far through Read and Skip.
  uint64_t offset() const { return offset_; }

  FSSequentialFile* file() const { return file_.get(); }
  const std::string& file_name() const { return file_name_; }
  bool use_direct_io() const { return file_->use_direct_io(); }

 private:
  // Reads up to n bytes straight from the file into dst; *got is the count.
  IOStatus ReadFromFile(size_t n, char* dst, size_t* got);

  const std::string file_name_;
  std::unique_ptr<FSSequentialFile> file_;
  const size_t readahead_size_;
  RateLimiter* const rate_limiter_;
  const Env::IOPriority rate_limiter_priority_;
  uint64_t offset_ = 0;

  // Read-ahead buffer: valid bytes are [ra_pos_, ra_len_).
  std::unique_ptr<char[]> ra_buf_;
  size_t ra_pos_ = 0;
  size_t ra_len_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE
