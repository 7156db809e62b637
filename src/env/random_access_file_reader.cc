// Copyright (c) the rocksdb-cleanroom authors.
//
// RandomAccessFileReader: positioned reads with short-read retry, I/O
// statistics and optional rate limiting.

#include "env/random_access_file_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "rocksdb/rate_limiter.h"
#include "rocksdb/statistics.h"
#include "rocksdb/system_clock.h"
#include "util/iostats_context_imp.h"

namespace ROCKSDB_NAMESPACE {

RandomAccessFileReader::RandomAccessFileReader(
    std::unique_ptr<FSRandomAccessFile>&& file, const std::string& file_name,
    SystemClock* clock, Statistics* stats, RateLimiter* rate_limiter)
    : file_(std::move(file)),
      file_name_(file_name),
      clock_(clock),
      stats_(stats),
      rate_limiter_(rate_limiter) {}

RandomAccessFileReader::~RandomAccessFileReader() = default;

IOStatus RandomAccessFileReader::Create(
    const std::shared_ptr<FileSystem>& fs, const std::string& fname,
    const FileOptions& opts, std::unique_ptr<RandomAccessFileReader>* reader,
    IODebugContext* dbg) {
  std::unique_ptr<FSRandomAccessFile> file;
  IOStatus s = fs->NewRandomAccessFile(fname, opts, &file, dbg);
  if (s.ok()) {
    reader->reset(new RandomAccessFileReader(std::move(file), fname));
  }
  return s;
}

IOStatus RandomAccessFileReader::Read(const IOOptions& opts, uint64_t offset,
                                      size_t n, Slice* result,
                                      char* scratch) const {
  const uint64_t start_micros = clock_ != nullptr ? clock_->NowMicros() : 0;
  const bool limited =
      rate_limiter_ != nullptr && opts.rate_limiter_priority != Env::IO_TOTAL;
  IOStatus s;
  size_t got = 0;
  bool file_memory = false;
  *result = Slice();
  // Each round reads what is left; a round that returns nothing is the end
  // of the file. A file returning its own memory (mmap) is not retried:
  // its bytes cannot be joined with a second read into scratch.
  while (got < n) {
    size_t want = n - got;
    if (limited) {
      want = rate_limiter_->RequestToken(want, 0, opts.rate_limiter_priority,
                                         stats_, RateLimiter::OpType::kRead);
    }
    char* dst = scratch == nullptr ? nullptr : scratch + got;
    Slice piece;
    {
      IOSTATS_TIMER_GUARD(read_nanos);
      s = file_->Read(offset + got, want, opts, &piece, dst, nullptr);
    }
    if (!s.ok() || piece.empty()) break;
    if (piece.data() != dst) {
      if (got == 0 || dst == nullptr) {
        *result = piece;
        file_memory = true;
        break;
      }
      memmove(dst, piece.data(), piece.size());
    }
    got += piece.size();
  }
  if (!s.ok()) {
    *result = Slice();
  } else if (!file_memory) {
    *result = Slice(scratch, got);
  }
  IOSTATS_ADD(bytes_read, result->size());
  if (stats_ != nullptr && clock_ != nullptr) {
    stats_->reportTimeToHistogram(SST_READ_MICROS,
                                  clock_->NowMicros() - start_micros);
  }
  return s;
}

IOStatus RandomAccessFileReader::Prefetch(uint64_t offset, size_t n) const {
  return file_->Prefetch(offset, n, IOOptions(), nullptr);
}

}  // namespace ROCKSDB_NAMESPACE
