// Copyright (c) the rocksdb-cleanroom authors.
//
// log::Reader: reads back the logical records of a WAL or MANIFEST file
// written by log::Writer or by RocksDB (spec section 2; docs/formats/log.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "env/file_reader.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "wal/log_format.h"

namespace ROCKSDB_NAMESPACE {
namespace log {

// Reads logical records in file order. Problems are not returned by
// ReadRecord but told to the Reporter, which lets the caller (the DB during
// WAL replay, VersionSet during MANIFEST replay) apply its recovery mode:
// RocksDB fails Open on the first report in kTolerateCorruptedTailRecords
// (TCT) and kAbsoluteConsistency (ABS), stops replay at the first report in
// kPointInTimeRecovery (PIT), and ignores reports in
// kSkipAnyCorruptedRecords (SKIP). ReadRecord decides per mode which
// problems are reported and whether reading goes on; each rule matches
// what RocksDB 7.8.3 does with the same file (docs/formats/log.md has the
// observed whole-DB outcomes).
//
// Ends of data: ReadRecord returns false, reporting
//   - nothing at a clean end of file;
//   - ABS, PIT only: "error reading trailing data" when the file ends after
//     a First/Middle fragment; "truncated header" when it ends inside a
//     header (torn header, zero tail shorter than a header); "truncated
//     record body" when a header's length runs past the end of the file
//     (torn record). TCT and SKIP end silently in these cases;
//   - nothing (OldLogRecord() is called instead) at a recyclable record of
//     another log number, i.e. stale data of a recycled file, in every
//     mode; ABS, PIT add "error reading trailing data" if a record was
//     open. (RocksDB 7.8.3 loops forever there in SKIP; we stop.)
//   - nothing at a CRC mismatch in TCT once the file has shown recyclable
//     records (taken as the end of the recycled file's new data);
//   - the IOError itself (passed to Corruption()) on a read error.
// Reported in every mode, reading then goes on:
//   - "checksum mismatch" (the rest of the block is dropped);
//   - "bad record length": a length running past its block, not at the end
//     of the file (the rest of the block is dropped);
//   - "unknown record type N" (type 0 with a payload included; N is printed
//     as RocksDB does: a type byte >= 0x80 appears sign-extended);
//   - "partial record without end(1)" / "(2)": a Full / First while a
//     fragmented record is open (the open record is dropped);
//   - "missing start of fragmented record(1)" / "(2)": a Middle / Last with
//     no open record (the fragment is dropped);
//   - "error in middle of record", after any of the above or a zero header
//     met while a record was open (the open record is dropped);
//   - "SetCompressionType not the first record", "read multiple
//     SetCompressionType records", "could not decode SetCompressionType
//     record" (type not zstd, or bad payload: later records are then
//     returned still compressed, as RocksDB does);
//   - "failed to uncompress WAL record" (the record is dropped; RocksDB
//     drops it without a report).
// Skipped silently: a zero header (type 0, length 0: zeroed or
// preallocated space) outside a record drops the rest of its block.
//
// All reports but the read error are Status::Corruption(message). With
// `checksum`, only data that passed its CRC is returned. Whether a record
// is a valid WriteBatch is the caller's concern.
//
// Not thread-safe.
class Reader {
 public:
  // Receives the problems found while reading.
  class Reporter {
   public:
    virtual ~Reporter();
    // `bytes` of the file were dropped because of `status`.
    virtual void Corruption(size_t bytes, const Status& status) = 0;
    // A recyclable record left over from the file's previous life was met
    // (`bytes` long); reading stops there.
    virtual void OldLogRecord(size_t /*bytes*/) {}
  };

  // Reads `file` (owned) from its current position, which must be the
  // start of the file. `reporter` (may be null, not owned) must outlive the
  // Reader. Without `checksum` CRCs are not verified. `log_num` is this
  // file's number, compared with the one in recyclable headers.
  // `info_log` may be null.
  Reader(std::shared_ptr<Logger> info_log,
         std::unique_ptr<SequentialFileReader>&& file, Reporter* reporter,
         bool checksum, uint64_t log_num);
  ~Reader();

  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Reads the next logical record into *record and returns true, or returns
  // false at the end of the data (see the class comment). *record stays
  // valid until the next call or until *scratch changes.
  bool ReadRecord(Slice* record, std::string* scratch,
                  WALRecoveryMode wal_recovery_mode =
                      WALRecoveryMode::kTolerateCorruptedTailRecords);

  // File offset of the first header of the last record returned.
  uint64_t LastRecordOffset() const { return last_record_offset_; }
  // File offset just past the last record returned.
  uint64_t LastRecordEnd() const { return last_record_end_; }

  // The file ended (a short block was read). Tailing readers call
  // UnmarkEOF() to read data appended since.
  bool IsEOF() const { return eof_; }
  bool hasReadError() const { return read_error_; }
  void UnmarkEOF();

  SequentialFileReader* file() { return file_.get(); }
  Reporter* GetReporter() const { return reporter_; }
  uint64_t GetLogNumber() const { return log_number_; }
  // Bytes consumed from the file so far.
  uint64_t GetReadOffset() const { return end_of_buffer_offset_; }
  // kNoCompression until a kSetCompressionType record was read.
  CompressionType compression_type() const { return compression_type_; }

 private:
  // Outcomes of ReadPhysicalRecord besides a record type (0..255).
  enum : unsigned int {
    kEof = 0x100,
    kBadHeader,     // end of file inside a header
    kBadRecordLen,  // length runs past the buffered data
    kBadChecksum,
    kZeroRecord,  // type 0, length 0: rest of block skipped
    kOldRecord,   // recyclable record of another log number
  };

  // Returns the type of the next physical record with its payload in
  // *fragment and its start offset in *offset, or one of the codes above.
  // *drop_size is the number of bytes discarded for an error code.
  unsigned int ReadPhysicalRecord(Slice* fragment, uint64_t* offset,
                                  size_t* drop_size);
  // Refills buffer_ with the next block. False at end of file or on a read
  // error (then reported and read_error_ set).
  bool ReadMore();
  void ReportCorruption(size_t bytes, const char* reason);
  // Handles a kSetCompressionType payload.
  void HandleCompressionRecord(const Slice& payload, bool first);
  // Decompresses *record in place (into uncompressed_). False on failure.
  bool Uncompress(Slice* record);

  const std::shared_ptr<Logger> info_log_;
  const std::unique_ptr<SequentialFileReader> file_;
  Reporter* const reporter_;
  const bool checksum_;
  const uint64_t log_number_;

  std::unique_ptr<char[]> backing_store_;  // kBlockSize bytes
  Slice buffer_;                           // unread part of the block
  bool eof_ = false;                       // the last read was short
  bool read_error_ = false;
  size_t eof_offset_ = 0;     // bytes of the short block, when eof_
  bool recycled_ = false;     // a recyclable record was seen
  bool seen_record_ = false;  // any physical record was read

  uint64_t end_of_buffer_offset_ = 0;  // file offset just past buffer_
  uint64_t last_record_offset_ = 0;
  uint64_t last_record_end_ = 0;

  CompressionType compression_type_ = kNoCompression;
  bool compression_record_seen_ = false;
  void* zstd_dctx_ = nullptr;  // ZSTD_DCtx*, when compressed
  std::string uncompressed_;
};

}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
