// Copyright (c) the rocksdb-cleanroom authors.
//
// TableReaderCaller: which kind of operation caused a table read. Used only
// to label block cache trace records.
#pragma once

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// Values are recorded in trace files: never renumber.
enum TableReaderCaller : char {
  kUserGet = 1,
  kUserMultiGet = 2,
  kUserIterator = 3,
  kUserApproximateSize = 4,
  kUserVerifyChecksum = 5,
  kSSTDumpTool = 6,
  kExternalSSTIngestion = 7,
  kRepair = 8,
  kPrefetch = 9,
  kCompaction = 10,
  // Blocks of new compaction outputs loaded back when paranoid_file_checks.
  kCompactionRefill = 11,
  // Blocks of a new flush output loaded when paranoid_file_checks.
  kFlush = 12,
  // SstFileReader.
  kSSTFileReader = 13,
  // Callers nobody analyzes: tests, benchmarks, ...
  kUncategorized = 14,
  // Count of callers; new ones go above.
  kMaxBlockCacheLookupCaller
};

}  // namespace ROCKSDB_NAMESPACE
