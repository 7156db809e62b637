// Copyright (c) the rocksdb-cleanroom authors.
//
// log::Writer: appends logical records to a WAL or MANIFEST file in the log
// format of log_format.h (spec section 2.1; docs/formats/log.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "env/writable_file_writer.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/io_status.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "wal/log_format.h"

namespace ROCKSDB_NAMESPACE {
namespace log {

// Splits each logical record into physical records (Full, or First
// Middle* Last) so that none crosses a kBlockSize boundary; a block tail
// shorter than a header is zero-filled. With recycle_log_files the
// recyclable types and 11-byte header carrying the low 32 bits of
// log_number are used, so a reader can tell this file's records from the
// stale ones of the file's previous life.
//
// Unless manual_flush, every AddRecord ends with a Flush of the file
// writer (the record reaches the OS and survives a process crash); with
// manual_flush the caller flushes with WriteBuffer(). Durability against
// power loss needs Sync().
//
// With compression_type kZSTD, the file starts with a kSetCompressionType
// record (written by the first AddRecord unless AddCompressionTypeRecord()
// was called first) and every logical record is stored as one complete
// zstd frame. Other compression types are refused with NotSupported.
//
// Not thread-safe: the caller serializes all calls (the DB does so through
// its write group leader); file()->SyncWithoutFlush() may run concurrently
// (see WritableFileWriter). The file's block alignment assumes it was empty
// when the Writer was made.
class Writer {
 public:
  Writer(std::unique_ptr<WritableFileWriter>&& dest, uint64_t log_number,
         bool recycle_log_files, bool manual_flush = false,
         CompressionType compression_type = kNoCompression);
  // Flushes buffered data (errors ignored: call WriteBuffer() or Close()
  // to see them) and closes the file.
  ~Writer();

  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Appends one logical record (may be empty). After an error the file
  // writer refuses further writes (its errors are sticky).
  IOStatus AddRecord(const Slice& slice);

  // Writes the kSetCompressionType record if compression is on and it has
  // not been written yet. REQUIRES: nothing else was written to the file.
  IOStatus AddCompressionTypeRecord();

  // Hands buffered records to the file (the manual_wal_flush FlushWAL).
  IOStatus WriteBuffer();

  // WriteBuffer, then fsync (use_fsync) or fdatasync the file.
  IOStatus Sync(bool use_fsync);

  // Flushes and closes the file. Later calls return OK.
  IOStatus Close();

  WritableFileWriter* file() { return dest_.get(); }
  const WritableFileWriter* file() const { return dest_.get(); }
  uint64_t get_log_number() const { return log_number_; }
  // Bytes written to the file so far (buffered ones included); 0 after
  // Close().
  uint64_t file_size() const {
    return dest_ == nullptr ? 0 : dest_->GetFileSize();
  }
  bool BufferIsEmpty() const {
    return dest_ == nullptr || dest_->BufferIsEmpty();
  }
  CompressionType compression_type() const { return compression_type_; }

 private:
  IOStatus EmitPhysicalRecord(RecordType type, const char* ptr, size_t n);
  // Writes the fragments of one already-encoded logical record.
  IOStatus EmitFragments(const char* ptr, size_t left);

  std::unique_ptr<WritableFileWriter> dest_;
  size_t block_offset_ = 0;  // write position inside the current block
  const uint64_t log_number_;
  const bool recycle_log_files_;
  const bool manual_flush_;
  const CompressionType compression_type_;
  bool compression_record_written_ = false;

  // crc32c of each one-byte record type, to extend over the payload.
  uint32_t type_crc_[kMaxRecordType + 1];

  // zstd state when compressing (ZSTD_CCtx*; opaque to keep zstd.h out of
  // this header).
  void* zstd_cctx_ = nullptr;
  std::string compressed_;
};

}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
