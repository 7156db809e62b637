// Copyright (c) the rocksdb-cleanroom authors.
//
// Constants of the log file format shared by the WAL and the MANIFEST
// (../shared/specs/ROCKSDB_FORMAT_SPEC.md section 2; docs/formats/log.md).
//
// A file is a sequence of kBlockSize blocks (the last may be partial). A
// block holds physical records that never straddle a block boundary:
//
//   legacy header (kHeaderSize = 7):
//     fixed32 masked crc32c(type, payload) | fixed16 length | uint8 type
//   recyclable header (kRecyclableHeaderSize = 11), types 5..8:
//     fixed32 masked crc32c(type, log number, payload) | fixed16 length |
//     uint8 type | fixed32 low 32 bits of the log number
//
// followed by `length` payload bytes. A block tail too short for a header is
// zero-filled.
#pragma once

#include <cstdint>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {
namespace log {

// Physical record types. Stored on disk: never renumber.
enum RecordType : uint8_t {
  // Preallocated or zeroed space; a header of type 0 and length 0 makes
  // the reader skip the rest of the block.
  kZeroType = 0,
  kFullType = 1,    // a whole logical record
  kFirstType = 2,   // first fragment of a logical record
  kMiddleType = 3,  // interior fragment
  kLastType = 4,    // final fragment
  // The same four with the 11-byte header carrying the log number, written
  // to files that may be recycled.
  kRecyclableFullType = 5,
  kRecyclableFirstType = 6,
  kRecyclableMiddleType = 7,
  kRecyclableLastType = 8,
  // WAL only, at most once and first: payload fixed32 CompressionType of
  // every following logical record (spec 2.4).
  kSetCompressionType = 9,
};
constexpr uint8_t kMaxRecordType = kSetCompressionType;

constexpr unsigned int kBlockSize = 32768;
constexpr int kHeaderSize = 4 + 2 + 1;
constexpr int kRecyclableHeaderSize = 4 + 2 + 1 + 4;

inline bool IsRecyclableType(unsigned int type) {
  return type >= kRecyclableFullType && type <= kRecyclableLastType;
}

}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
