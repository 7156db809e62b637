// Copyright (c) the rocksdb-cleanroom authors.
//
// Access to the write-ahead log: LogFile describes one WAL file,
// TransactionLogIterator walks the write batches logged since a sequence
// number (DB::GetUpdatesSince).
#pragma once

#include <memory>
#include <vector>

#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {

class LogFile;
using VectorLogPtr = std::vector<std::unique_ptr<LogFile>>;

enum WalFileType {
  // Moved to the archive directory once no longer live; removed later per
  // WAL_ttl_seconds / WAL_size_limit_MB.
  kArchivedLogFile = 0,
  // Live, in the DB (or wal_dir) directory.
  kAliveLogFile = 1
};

// One WAL file.
class LogFile {
 public:
  LogFile() {}
  virtual ~LogFile() {}

  // Path relative to the DB directory, e.g. "/000003.log" or
  // "/archive/000003.log".
  virtual std::string PathName() const = 0;

  // The file's number; larger numbers are newer files.
  virtual uint64_t LogNumber() const = 0;

  virtual WalFileType Type() const = 0;

  // Sequence number of the first batch in the file.
  virtual SequenceNumber StartSequence() const = 0;

  virtual uint64_t SizeFileBytes() const = 0;
};

// A logged batch and the sequence number of its first operation. Move-only.
struct BatchResult {
  SequenceNumber sequence = 0;
  std::unique_ptr<WriteBatch> writeBatchPtr;

  BatchResult() {}

  ~BatchResult() {}

  BatchResult(const BatchResult&) = delete;

  BatchResult& operator=(const BatchResult&) = delete;

  BatchResult(BatchResult&& bResult)
      : sequence(std::move(bResult.sequence)),
        writeBatchPtr(std::move(bResult.writeBatchPtr)) {}

  BatchResult& operator=(BatchResult&& bResult) {
    sequence = std::move(bResult.sequence);
    writeBatchPtr = std::move(bResult.writeBatchPtr);
    return *this;
  }
};

// Iterates logged write batches in sequence order; stops at the first gap
// in sequence numbers.
class TransactionLogIterator {
 public:
  TransactionLogIterator() {}
  virtual ~TransactionLogIterator() {}

  // True iff positioned on a batch.
  virtual bool Valid() = 0;

  // REQUIRES: Valid()
  virtual void Next() = 0;

  // OK while valid; the error otherwise.
  virtual Status status() = 0;

  // The current batch.
  // REQUIRES: Valid() && status().ok()
  virtual BatchResult GetBatch() = 0;

  struct ReadOptions {
    // Verify record checksums while reading. Default: true.
    bool verify_checksums_;

    ReadOptions() : verify_checksums_(true) {}

    explicit ReadOptions(bool verify_checksums)
        : verify_checksums_(verify_checksums) {}
  };
};

}  // namespace ROCKSDB_NAMESPACE
