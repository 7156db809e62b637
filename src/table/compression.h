// Copyright (c) the rocksdb-cleanroom authors.
//
// Block compression (../shared/specs/ROCKSDB_FORMAT_SPEC.md, section 5.4):
// how the stored bytes of a compressed block are framed for each
// compression type, and the codecs behind them (snappy, zlib raw deflate,
// bzip2, LZ4, LZ4HC, ZSTD). Xpress (Windows only) is not available.
//
// Stored bytes for format_version >= 2:
//   kSnappyCompression   snappy raw format (carries its own length)
//   everything else      varint32 uncompressed_size . codec output
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "rocksdb/advanced_options.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "table/format.h"

namespace ROCKSDB_NAMESPACE {

// True when this build can compress and decompress blocks of type t
// (kNoCompression included; all but Xpress and kDisableCompressionOption).
bool CompressionTypeSupported(CompressionType t);

// RocksDB's display name of t: "NoCompression", "Snappy", "Zlib", "BZip2",
// "LZ4", "LZ4HC", "Xpress", "ZSTD", "ZSTDNotFinal", "DisableOption", or
// "Invalid" for values that name no type.
std::string CompressionTypeToString(CompressionType t);

// Compresses raw with t, framed as above, into *out (replacing its
// contents). opts.level == CompressionOptions::kDefaultCompressionLevel
// means the codec's default level; zlib also uses opts.window_bits and
// opts.strategy. Returns false when t is unsupported, kNoCompression, or
// the codec failed (*out is then unspecified).
bool CompressBlock(CompressionType t, const CompressionOptions& opts,
                   const Slice& raw, std::string* out);

// Whether a block compressed from raw_size to compressed_size bytes is
// worth storing compressed: it must save at least 1/8 of the size (the
// rule RocksDB applies before falling back to kNoCompression).
inline bool GoodCompressionRatio(size_t compressed_size, size_t raw_size) {
  return compressed_size < raw_size - (raw_size / 8u);
}

// Undoes CompressBlock: *out receives an owning BlockContents with the raw
// block. format_version selects the framing (tables older than version 2
// are only readable for kNoCompression and Snappy). Corruption when the
// bytes do not decode or disagree with the recorded size, NotSupported for
// a type this build cannot decode.
Status UncompressBlock(CompressionType t, const char* data, size_t n,
                       BlockContents* out, uint32_t format_version = 2);

}  // namespace ROCKSDB_NAMESPACE
