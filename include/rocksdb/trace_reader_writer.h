// Copyright (c) the rocksdb-cleanroom authors.
//
// TraceWriter / TraceReader: where query, I/O and block cache traces go to
// and come from. Applications may supply their own; NewFileTraceWriter and
// NewFileTraceReader give file-backed ones.
#pragma once

#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {

// Sink of trace records, one Write per record.
class TraceWriter {
 public:
  virtual ~TraceWriter() = default;

  virtual Status Write(const Slice& data) = 0;
  virtual Status Close() = 0;
  virtual uint64_t GetFileSize() = 0;
};

// Source of trace records, one Read per record.
class TraceReader {
 public:
  virtual ~TraceReader() = default;

  virtual Status Read(std::string* data) = 0;
  virtual Status Close() = 0;

  // Goes back to the trace header so a replay can start over; may fail once
  // the reader is closed.
  virtual Status Reset() = 0;
};

// File-backed writer and reader. Not thread-safe.
Status NewFileTraceWriter(Env* env, const EnvOptions& env_options,
                          const std::string& trace_filename,
                          std::unique_ptr<TraceWriter>* trace_writer);
Status NewFileTraceReader(Env* env, const EnvOptions& env_options,
                          const std::string& trace_filename,
                          std::unique_ptr<TraceReader>* trace_reader);

}  // namespace ROCKSDB_NAMESPACE
