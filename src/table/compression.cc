// Copyright (c) the rocksdb-cleanroom authors.
//
// Block codecs and their on-disk framing (spec 5.4). For format_version
// >= 2 every type but Snappy stores varint32(uncompressed size) before the
// codec output; Snappy's raw format already starts with the length.
// Decoders never trust the recorded size blindly: it is bounded by what the
// codec could produce from n bytes before any buffer is allocated.
#include "table/compression.h"

#include <bzlib.h>
#include <lz4.h>
#include <lz4hc.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <climits>
#include <cstring>
#include <memory>

#include "util/coding.h"
#include "util/compression_name.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// No block may claim more raw bytes than this.
constexpr uint64_t kMaxUncompressedSize = uint64_t{1} << 31;

bool IsDefaultLevel(int level) {
  return level == CompressionOptions::kDefaultCompressionLevel;
}

// Appends varint32(raw.size()) to *out and returns false if it does not fit.
bool PutSizePrefix(const Slice& raw, std::string* out) {
  if (raw.size() > UINT32_MAX) return false;
  PutVarint32(out, static_cast<uint32_t>(raw.size()));
  return true;
}

bool ZlibCompress(const CompressionOptions& opts, const Slice& raw,
                  std::string* out) {
  z_stream strm;
  memset(&strm, 0, sizeof(strm));
  const int level =
      IsDefaultLevel(opts.level) ? Z_DEFAULT_COMPRESSION : opts.level;
  if (deflateInit2(&strm, level, Z_DEFLATED, opts.window_bits, 8,
                   opts.strategy) != Z_OK) {
    return false;
  }
  const size_t header = out->size();
  const uLong bound = deflateBound(&strm, static_cast<uLong>(raw.size()));
  out->resize(header + bound);
  strm.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  strm.avail_in = static_cast<uInt>(raw.size());
  strm.next_out = reinterpret_cast<Bytef*>(&(*out)[header]);
  strm.avail_out = static_cast<uInt>(bound);
  const int rc = deflate(&strm, Z_FINISH);
  const size_t produced = bound - strm.avail_out;
  deflateEnd(&strm);
  if (rc != Z_STREAM_END) return false;
  out->resize(header + produced);
  return true;
}

// Inflates exactly `size` bytes into dst with the given window bits.
bool ZlibInflate(const char* data, size_t n, char* dst, size_t size,
                 int window_bits) {
  z_stream strm;
  memset(&strm, 0, sizeof(strm));
  if (inflateInit2(&strm, window_bits) != Z_OK) return false;
  strm.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
  strm.avail_in = static_cast<uInt>(n);
  strm.next_out = reinterpret_cast<Bytef*>(dst);
  strm.avail_out = static_cast<uInt>(size);
  const int rc = inflate(&strm, Z_FINISH);
  const bool ok = rc == Z_STREAM_END && strm.avail_out == 0;
  inflateEnd(&strm);
  return ok;
}

bool Bzip2Compress(const Slice& raw, std::string* out) {
  const size_t header = out->size();
  // bzip2 output never exceeds input + 1% + 600 bytes.
  unsigned int cap =
      static_cast<unsigned int>(raw.size() + raw.size() / 100 + 600);
  out->resize(header + cap);
  const int rc = BZ2_bzBuffToBuffCompress(
      &(*out)[header], &cap, const_cast<char*>(raw.data()),
      static_cast<unsigned int>(raw.size()), 9, 0, 30);
  if (rc != BZ_OK) return false;
  out->resize(header + cap);
  return true;
}

bool Lz4Compress(bool high, const CompressionOptions& opts, const Slice& raw,
                 std::string* out) {
  if (raw.size() > static_cast<size_t>(LZ4_MAX_INPUT_SIZE)) return false;
  const int src_size = static_cast<int>(raw.size());
  const int bound = LZ4_compressBound(src_size);
  const size_t header = out->size();
  out->resize(header + static_cast<size_t>(bound));
  // RocksDB compresses each block through a fresh stream (not the one-shot
  // API), which yields different bytes; we match them.
  int produced;
  if (high) {
    const int level =
        IsDefaultLevel(opts.level) ? LZ4HC_CLEVEL_DEFAULT : opts.level;
    LZ4_streamHC_t* stream = LZ4_createStreamHC();
    if (stream == nullptr) return false;
    LZ4_resetStreamHC_fast(stream, level);
    produced = LZ4_compress_HC_continue(stream, raw.data(), &(*out)[header],
                                        src_size, bound);
    LZ4_freeStreamHC(stream);
  } else {
    LZ4_stream_t stream;
    LZ4_initStream(&stream, sizeof(stream));
    produced = LZ4_compress_fast_continue(&stream, raw.data(), &(*out)[header],
                                          src_size, bound, 1);
  }
  if (produced <= 0) return false;
  out->resize(header + static_cast<size_t>(produced));
  return true;
}

bool ZstdCompress(const CompressionOptions& opts, const Slice& raw,
                  std::string* out) {
  const int level =
      IsDefaultLevel(opts.level) ? ZSTD_CLEVEL_DEFAULT : opts.level;
  const size_t bound = ZSTD_compressBound(raw.size());
  const size_t header = out->size();
  out->resize(header + bound);
  const size_t produced =
      ZSTD_compress(&(*out)[header], bound, raw.data(), raw.size(), level);
  if (ZSTD_isError(produced)) return false;
  out->resize(header + produced);
  return true;
}

// Reads the varint32 size prefix; *max_ratio bounds the plausible size.
Status ReadSizePrefix(const char** data, size_t* n, uint64_t max_ratio,
                      size_t* size) {
  uint32_t v = 0;
  const char* p = GetVarint32Ptr(*data, *data + *n, &v);
  if (p == nullptr) {
    return Status::Corruption("bad compressed block size prefix");
  }
  *n -= static_cast<size_t>(p - *data);
  *data = p;
  if (v >= kMaxUncompressedSize ||
      (max_ratio != 0 && v > uint64_t{*n} * max_ratio + 64)) {
    return Status::Corruption("implausible uncompressed block size");
  }
  *size = v;
  return Status::OK();
}

Status Corrupt(const char* codec) {
  return Status::Corruption(std::string("corrupted ") + codec +
                            " compressed block contents");
}

}  // namespace

bool CompressionTypeSupported(CompressionType t) {
  switch (t) {
    case kNoCompression:
    case kSnappyCompression:
    case kZlibCompression:
    case kBZip2Compression:
    case kLZ4Compression:
    case kLZ4HCCompression:
    case kZSTD:
    case kZSTDNotFinalCompression:
      return true;
    default:
      return false;
  }
}

std::string CompressionTypeToString(CompressionType t) {
  const char* name = CompressionShortName(t);
  return name != nullptr ? name : "Invalid";
}

bool CompressBlock(CompressionType t, const CompressionOptions& opts,
                   const Slice& raw, std::string* out) {
  out->clear();
  switch (t) {
    case kSnappyCompression:
      snappy::Compress(raw.data(), raw.size(), out);
      return true;
    case kZlibCompression:
      return PutSizePrefix(raw, out) && ZlibCompress(opts, raw, out);
    case kBZip2Compression:
      return raw.size() < kMaxUncompressedSize && PutSizePrefix(raw, out) &&
             Bzip2Compress(raw, out);
    case kLZ4Compression:
    case kLZ4HCCompression:
      return PutSizePrefix(raw, out) &&
             Lz4Compress(t == kLZ4HCCompression, opts, raw, out);
    case kZSTD:
    case kZSTDNotFinalCompression:
      return PutSizePrefix(raw, out) && ZstdCompress(opts, raw, out);
    default:
      return false;
  }
}

Status UncompressBlock(CompressionType t, const char* data, size_t n,
                       BlockContents* out, uint32_t format_version) {
  if (!CompressionTypeSupported(t)) {
    return Status::NotSupported("compression type not supported: " +
                                CompressionTypeToString(t));
  }
  if (t == kNoCompression) {
    std::unique_ptr<char[]> buf(new char[n > 0 ? n : 1]);
    if (n > 0) memcpy(buf.get(), data, n);
    *out = BlockContents(std::move(buf), n);
    return Status::OK();
  }
  if (t == kSnappyCompression) {
    size_t size = 0;
    // A snappy element of 3 bytes expands to at most 64.
    if (!snappy::GetUncompressedLength(data, n, &size) ||
        size >= kMaxUncompressedSize || size > n * 22 + 64) {
      return Corrupt("Snappy");
    }
    std::unique_ptr<char[]> buf(new char[size > 0 ? size : 1]);
    if (!snappy::RawUncompress(data, n, buf.get())) return Corrupt("Snappy");
    *out = BlockContents(std::move(buf), size);
    return Status::OK();
  }
  if (format_version < 2) {
    return Status::NotSupported(
        "compressed blocks of format_version < 2 other than Snappy");
  }
  // Upper bounds of each codec's expansion ratio (0: none useful).
  uint64_t max_ratio = 0;
  if (t == kZlibCompression) max_ratio = 1100;
  if (t == kLZ4Compression || t == kLZ4HCCompression) max_ratio = 256;
  size_t size = 0;
  Status s = ReadSizePrefix(&data, &n, max_ratio, &size);
  if (!s.ok()) return s;
  if ((t == kZSTD || t == kZSTDNotFinalCompression) && n >= 4) {
    const unsigned long long frame = ZSTD_getFrameContentSize(data, n);
    if (frame == ZSTD_CONTENTSIZE_ERROR ||
        (frame != ZSTD_CONTENTSIZE_UNKNOWN && frame != size)) {
      return Corrupt("ZSTD");
    }
  }
  std::unique_ptr<char[]> buf(new char[size > 0 ? size : 1]);
  switch (t) {
    case kZlibCompression:
      // Raw deflate (any window); streams with a zlib/gzip header too.
      if (!ZlibInflate(data, n, buf.get(), size, -15) &&
          !ZlibInflate(data, n, buf.get(), size, 15 + 32)) {
        return Corrupt("Zlib");
      }
      break;
    case kBZip2Compression: {
      unsigned int got = static_cast<unsigned int>(size);
      if (BZ2_bzBuffToBuffDecompress(buf.get(), &got, const_cast<char*>(data),
                                     static_cast<unsigned int>(n), 0,
                                     0) != BZ_OK ||
          got != size) {
        return Corrupt("BZip2");
      }
      break;
    }
    case kLZ4Compression:
    case kLZ4HCCompression:
      if (n > static_cast<size_t>(INT_MAX) ||
          LZ4_decompress_safe(data, buf.get(), static_cast<int>(n),
                              static_cast<int>(size)) !=
              static_cast<int>(size)) {
        return Corrupt("LZ4");
      }
      break;
    default: {  // ZSTD
      const size_t got = ZSTD_decompress(buf.get(), size, data, n);
      if (ZSTD_isError(got) || got != size) return Corrupt("ZSTD");
      break;
    }
  }
  *out = BlockContents(std::move(buf), size);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
