// Copyright (c) the rocksdb-cleanroom authors.

#include "util/compression_name.h"

namespace ROCKSDB_NAMESPACE {

const char* CompressionShortName(CompressionType type) {
  switch (type) {
    case kNoCompression:
      return "NoCompression";
    case kSnappyCompression:
      return "Snappy";
    case kZlibCompression:
      return "Zlib";
    case kBZip2Compression:
      return "BZip2";
    case kLZ4Compression:
      return "LZ4";
    case kLZ4HCCompression:
      return "LZ4HC";
    case kXpressCompression:
      return "Xpress";
    case kZSTD:
      return "ZSTD";
    case kZSTDNotFinalCompression:
      return "ZSTDNotFinal";
    case kDisableCompressionOption:
      return "DisableOption";
  }
  return nullptr;
}

}  // namespace ROCKSDB_NAMESPACE
