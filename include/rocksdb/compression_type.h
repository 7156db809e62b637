// Copyright (c) the rocksdb-cleanroom authors.
//
// Compression algorithms a block (or blob) can be stored with.
#pragma once

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// The values are written to disk with every block: never renumber.
enum CompressionType : unsigned char {
  kNoCompression = 0x0,
  kSnappyCompression = 0x1,
  kZlibCompression = 0x2,
  kBZip2Compression = 0x3,
  kLZ4Compression = 0x4,
  kLZ4HCCompression = 0x5,
  kXpressCompression = 0x6,
  kZSTD = 0x7,

  // ZSTD as written by libzstd releases before 0.8.0; prefer kZSTD.
  kZSTDNotFinalCompression = 0x40,

  // Marks a per-level compression option as "disabled".
  kDisableCompressionOption = 0xff,
};

}  // namespace ROCKSDB_NAMESPACE
