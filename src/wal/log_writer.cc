// Copyright (c) the rocksdb-cleanroom authors.
//
// log::Writer. A logical record of n bytes becomes, block by block:
//
//   | header | fragment | header | fragment | ... |
//
// where each fragment takes all the room left in its block after the
// header (so a fragment may be empty when exactly a header's worth of room
// is left), and a block tail shorter than the header is written as zeros.
// The header CRC covers the type byte, the log number for recyclable
// records, and the fragment.

#include "wal/log_writer.h"

#include <zstd.h>

#include <algorithm>

#include "util/coding.h"
#include "util/crc32c.h"

namespace ROCKSDB_NAMESPACE {
namespace log {

Writer::Writer(std::unique_ptr<WritableFileWriter>&& dest, uint64_t log_number,
               bool recycle_log_files, bool manual_flush,
               CompressionType compression_type)
    : dest_(std::move(dest)),
      log_number_(log_number),
      recycle_log_files_(recycle_log_files),
      manual_flush_(manual_flush),
      compression_type_(compression_type) {
  for (int i = 0; i <= kMaxRecordType; i++) {
    const char t = static_cast<char>(i);
    type_crc_[i] = crc32c::Value(&t, 1);
  }
}

Writer::~Writer() {
  if (dest_ != nullptr) {
    // A destructor cannot report failure; callers that care call Close().
    WriteBuffer().PermitUncheckedError();
  }
  if (zstd_cctx_ != nullptr) {
    ZSTD_freeCCtx(static_cast<ZSTD_CCtx*>(zstd_cctx_));
  }
}

IOStatus Writer::AddCompressionTypeRecord() {
  if (compression_type_ == kNoCompression || compression_record_written_) {
    return IOStatus::OK();
  }
  if (compression_type_ != kZSTD) {
    return IOStatus::NotSupported(
        "WAL compression supports only kZSTD, not type " +
        std::to_string(static_cast<int>(compression_type_)));
  }
  if (dest_ == nullptr) return IOStatus::IOError("log writer is closed");
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  if (cctx == nullptr) return IOStatus::IOError("cannot create zstd context");
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
  zstd_cctx_ = cctx;

  char payload[4];
  EncodeFixed32(payload, static_cast<uint32_t>(compression_type_));
  IOStatus s = EmitPhysicalRecord(kSetCompressionType, payload, 4);
  if (!s.ok()) return s;
  compression_record_written_ = true;
  if (!manual_flush_) s = dest_->Flush();
  return s;
}

IOStatus Writer::AddRecord(const Slice& slice) {
  if (dest_ == nullptr) return IOStatus::IOError("log writer is closed");
  const char* ptr = slice.data();
  size_t left = slice.size();
  if (compression_type_ != kNoCompression) {
    IOStatus s = AddCompressionTypeRecord();
    if (!s.ok()) return s;
    ZSTD_CCtx* cctx = static_cast<ZSTD_CCtx*>(zstd_cctx_);
    compressed_.resize(ZSTD_compressBound(left));
    size_t n =
        ZSTD_compress2(cctx, &compressed_[0], compressed_.size(), ptr, left);
    if (ZSTD_isError(n)) {
      return IOStatus::IOError(std::string("zstd compression failed: ") +
                               ZSTD_getErrorName(n));
    }
    ptr = compressed_.data();
    left = n;
  }
  IOStatus s = EmitFragments(ptr, left);
  if (s.ok() && !manual_flush_) s = dest_->Flush();
  return s;
}

IOStatus Writer::EmitFragments(const char* ptr, size_t left) {
  static const char kZeros[kRecyclableHeaderSize] = {};
  const size_t header_size =
      recycle_log_files_ ? kRecyclableHeaderSize : kHeaderSize;
  bool begin = true;
  IOStatus s;
  do {
    const size_t room = kBlockSize - block_offset_;
    if (room < header_size) {
      if (room > 0) {
        s = dest_->Append(Slice(kZeros, room));
        if (!s.ok()) return s;
      }
      block_offset_ = 0;
    }
    const size_t avail = kBlockSize - block_offset_ - header_size;
    const size_t fragment = std::min(left, avail);
    const bool end = (fragment == left);
    RecordType type;
    if (begin && end) {
      type = recycle_log_files_ ? kRecyclableFullType : kFullType;
    } else if (begin) {
      type = recycle_log_files_ ? kRecyclableFirstType : kFirstType;
    } else if (end) {
      type = recycle_log_files_ ? kRecyclableLastType : kLastType;
    } else {
      type = recycle_log_files_ ? kRecyclableMiddleType : kMiddleType;
    }
    s = EmitPhysicalRecord(type, ptr, fragment);
    ptr += fragment;
    left -= fragment;
    begin = false;
  } while (s.ok() && left > 0);
  return s;
}

IOStatus Writer::EmitPhysicalRecord(RecordType type, const char* ptr,
                                    size_t n) {
  char header[kRecyclableHeaderSize];
  header[4] = static_cast<char>(n & 0xff);
  header[5] = static_cast<char>(n >> 8);
  header[6] = static_cast<char>(type);
  size_t header_size = kHeaderSize;
  uint32_t crc = type_crc_[type];
  if (IsRecyclableType(type)) {
    header_size = kRecyclableHeaderSize;
    EncodeFixed32(header + 7, static_cast<uint32_t>(log_number_));
    crc = crc32c::Extend(crc, header + 7, 4);
  }
  crc = crc32c::Extend(crc, ptr, n);
  EncodeFixed32(header, crc32c::Mask(crc));

  IOStatus s = dest_->Append(Slice(header, header_size));
  if (s.ok()) s = dest_->Append(Slice(ptr, n));
  block_offset_ += header_size + n;
  return s;
}

IOStatus Writer::WriteBuffer() {
  if (dest_ == nullptr) return IOStatus::IOError("log writer is closed");
  return dest_->Flush();
}

IOStatus Writer::Sync(bool use_fsync) {
  if (dest_ == nullptr) return IOStatus::IOError("log writer is closed");
  return dest_->Sync(use_fsync);
}

IOStatus Writer::Close() {
  if (dest_ == nullptr) return IOStatus::OK();
  IOStatus s = dest_->Close();
  dest_.reset();
  return s;
}

}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
