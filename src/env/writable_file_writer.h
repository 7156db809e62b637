// Copyright (c) the rocksdb-cleanroom authors.
//
// WritableFileWriter: the engine's buffered writer on top of an
// FSWritableFile. Every file the engine writes sequentially (WAL, MANIFEST,
// SST, OPTIONS) goes through one, so buffering, sync, bytes_per_sync, rate
// limiting, the full-file checksum and sticky I/O errors live in one place.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rocksdb/file_checksum.h"
#include "rocksdb/file_system.h"
#include "rocksdb/io_status.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// Call grammar: (Append | Pad | Flush | Sync)* Close. The destructor closes
// a writer that was not closed (ignoring errors).
//
// Data passed to Append is copied into an in-memory buffer and handed to
// the file by Flush (or when the buffer fills). The buffer starts at
// min(64 KiB, writable_file_max_buffer_size) and grows up to
// writable_file_max_buffer_size; with a maximum of 0 every Append goes
// straight to the file.
//
// Errors are sticky: once an I/O call on the file fails, every later
// Append/Pad/Flush/Sync/SyncWithoutFlush returns IOError("Writer has
// previous error.") without touching the file, so a failed write is never
// followed by a sync that reports success.
//
// Thread safety: one thread at a time, with two exceptions: GetFileSize()
// and GetFlushedSize() may be read from any thread, and SyncWithoutFlush()
// may run concurrently with Append/Flush when
// writable_file()->IsSyncThreadSafe() (the DB's SyncWAL relies on it).
//
// Direct I/O files (use_direct_io()) are not supported: data is handed to
// them unaligned through Append.
class WritableFileWriter {
 public:
  // Takes ownership of `file`. Honours options.writable_file_max_buffer_size,
  // options.bytes_per_sync (RangeSync of completed 4 KiB pages after each
  // Flush) and options.rate_limiter (charged when the file's IO priority is
  // not Env::IO_TOTAL). `checksum_factory` (may be null; not owned, must
  // outlive the writer) computes the full-file checksum of everything
  // appended, available after Close().
  WritableFileWriter(std::unique_ptr<FSWritableFile>&& file,
                     const std::string& file_name, const FileOptions& options,
                     FileChecksumGenFactory* checksum_factory = nullptr);
  ~WritableFileWriter();

  WritableFileWriter(const WritableFileWriter&) = delete;
  WritableFileWriter& operator=(const WritableFileWriter&) = delete;

  // Opens `fname` with fs->NewWritableFile (truncating an existing file)
  // and wraps it. On failure *writer is left unchanged.
  static IOStatus Create(const std::shared_ptr<FileSystem>& fs,
                         const std::string& fname, const FileOptions& options,
                         std::unique_ptr<WritableFileWriter>* writer,
                         IODebugContext* dbg);

  // Appends `data` (copied). The file sees it at the next Flush or when the
  // buffer fills.
  IOStatus Append(const Slice& data);

  // Appends `pad_bytes` zero bytes.
  IOStatus Pad(size_t pad_bytes);

  // Hands the buffer to the file and calls its Flush (data reaches the OS,
  // surviving a process crash but not a power loss).
  IOStatus Flush();

  // Flush, then Fsync (use_fsync) or Sync (fdatasync) the file.
  IOStatus Sync(bool use_fsync);

  // Syncs what earlier Flush calls handed to the file, without touching the
  // buffer. See the class comment for concurrency.
  IOStatus SyncWithoutFlush(bool use_fsync);

  // Flushes, finalizes the checksum and closes the file. Later calls return
  // OK and do nothing; other methods return IOError after Close.
  IOStatus Close();

  // Bytes appended so far, buffered ones included.
  uint64_t GetFileSize() const {
    return file_size_.load(std::memory_order_acquire);
  }
  // Bytes handed to the file so far.
  uint64_t GetFlushedSize() const {
    return flushed_size_.load(std::memory_order_acquire);
  }

  const std::string& file_name() const { return file_name_; }
  // The wrapped file; null after Close().
  FSWritableFile* writable_file() const { return file_.get(); }
  bool IsClosed() const { return file_ == nullptr; }
  bool seen_error() const {
    return seen_error_.load(std::memory_order_acquire);
  }
  bool BufferIsEmpty() const { return buf_len_ == 0; }

  // The full-file checksum and its function name once Close() succeeded;
  // kUnknownFileChecksum / kUnknownFileChecksumFuncName without a
  // checksum factory.
  std::string GetFileChecksum() const;
  const char* GetFileChecksumFuncName() const;

 private:
  // Writes buf_ to the file and empties it.
  IOStatus WriteBuffered();
  // Appends data to the file, charging the rate limiter.
  IOStatus WriteToFile(const char* data, size_t n);
  // Ensures capacity for `want` more buffered bytes if the maximum allows.
  void MaybeGrowBuffer(size_t want);
  // RangeSync per bytes_per_sync after a Flush.
  IOStatus MaybeRangeSync();
  IOStatus CheckWritable() const;
  IOStatus Remember(IOStatus s);

  const std::string file_name_;
  std::unique_ptr<FSWritableFile> file_;
  const IOOptions io_options_;
  const size_t max_buffer_size_;
  const uint64_t bytes_per_sync_;
  RateLimiter* const rate_limiter_;
  std::unique_ptr<FileChecksumGenerator> checksum_gen_;
  bool checksum_finalized_ = false;

  std::unique_ptr<char[]> buf_;
  size_t buf_cap_ = 0;
  size_t buf_len_ = 0;

  std::atomic<uint64_t> file_size_{0};
  std::atomic<uint64_t> flushed_size_{0};
  uint64_t last_range_sync_ = 0;
  std::atomic<bool> seen_error_{false};
};

}  // namespace ROCKSDB_NAMESPACE
