// Copyright (c) the rocksdb-cleanroom authors.
//
// The short names RocksDB prints for compression types ("Snappy", "LZ4",
// "ZSTD", ...): in table properties, the LOG and status messages. One
// table for every layer that prints them.
#pragma once

#include "rocksdb/compression_type.h"

namespace ROCKSDB_NAMESPACE {

// "NoCompression", "Snappy", "Zlib", "BZip2", "LZ4", "LZ4HC", "Xpress",
// "ZSTD", "ZSTDNotFinal", "DisableOption"; nullptr for a value that is not
// a CompressionType (callers choose the fallback they print).
const char* CompressionShortName(CompressionType type);

}  // namespace ROCKSDB_NAMESPACE
