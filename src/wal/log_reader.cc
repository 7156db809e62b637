// Copyright (c) the rocksdb-cleanroom authors.
//
// log::Reader. Two levels:
//   ReadPhysicalRecord  block buffering, header parsing, length/CRC/log
//                       number checks; returns one fragment or a problem.
//   ReadRecord          reassembles First Middle* Last, decompresses, and
//                       turns problems into reports per recovery mode (the
//                       table in log_reader.h).
// The whole current block lives in backing_store_; buffer_ is its unread
// suffix, so end_of_buffer_offset_ - buffer_.size() is the file offset of
// the next byte to parse.

#include "wal/log_reader.h"

#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "util/coding.h"
#include "util/crc32c.h"

namespace ROCKSDB_NAMESPACE {
namespace log {

namespace {
// Decompressed records may be this large whatever their compressed size ...
constexpr size_t kMinUncompressedLimit = 64u << 20;
// ... or up to this multiple of it (a bound against decompression bombs).
constexpr size_t kMaxExpansion = 1024;
// Never more than a WriteBatch can hold.
constexpr uint64_t kMaxUncompressedLimit = 0xffffffffu;

bool IsAbsOrPit(WALRecoveryMode mode) {
  return mode == WALRecoveryMode::kAbsoluteConsistency ||
         mode == WALRecoveryMode::kPointInTimeRecovery;
}
}  // namespace

Reader::Reporter::~Reporter() = default;

Reader::Reader(std::shared_ptr<Logger> info_log,
               std::unique_ptr<SequentialFileReader>&& file, Reporter* reporter,
               bool checksum, uint64_t log_num)
    : info_log_(std::move(info_log)),
      file_(std::move(file)),
      reporter_(reporter),
      checksum_(checksum),
      log_number_(log_num),
      backing_store_(new char[kBlockSize]) {}

Reader::~Reader() {
  if (zstd_dctx_ != nullptr) {
    ZSTD_freeDCtx(static_cast<ZSTD_DCtx*>(zstd_dctx_));
  }
}

void Reader::ReportCorruption(size_t bytes, const char* reason) {
  if (reporter_ != nullptr) {
    reporter_->Corruption(bytes, Status::Corruption(reason));
  }
}

bool Reader::ReadMore() {
  if (eof_ || read_error_) return false;
  // Whatever is left of the previous block is its zero-filled trailer.
  buffer_.clear();
  Slice got;
  IOStatus s = file_->Read(kBlockSize, &got, backing_store_.get());
  if (!s.ok()) {
    read_error_ = true;
    if (reporter_ != nullptr) reporter_->Corruption(kBlockSize, s);
    return false;
  }
  if (got.data() != backing_store_.get() && !got.empty()) {
    memmove(backing_store_.get(), got.data(), got.size());
  }
  buffer_ = Slice(backing_store_.get(), got.size());
  end_of_buffer_offset_ += got.size();
  if (got.size() < kBlockSize) {
    eof_ = true;
    eof_offset_ = got.size();
  }
  return true;
}

void Reader::UnmarkEOF() {
  if (read_error_ || !eof_) return;
  eof_ = false;
  if (eof_offset_ == 0) return;  // the file ended on a block boundary
  // Finish the short block in place: buffer_ is a suffix of
  // backing_store_[0, eof_offset_).
  Slice got;
  const size_t want = kBlockSize - eof_offset_;
  IOStatus s = file_->Read(want, &got, backing_store_.get() + eof_offset_);
  if (!s.ok()) {
    read_error_ = true;
    eof_ = true;
    if (reporter_ != nullptr) reporter_->Corruption(want, s);
    return;
  }
  if (got.data() != backing_store_.get() + eof_offset_ && !got.empty()) {
    memmove(backing_store_.get() + eof_offset_, got.data(), got.size());
  }
  // (buffer_ may have been cleared to an empty literal: rebuild it.)
  const size_t unread = buffer_.size();
  buffer_ =
      Slice(backing_store_.get() + eof_offset_ - unread, unread + got.size());
  end_of_buffer_offset_ += got.size();
  eof_offset_ += got.size();
  if (eof_offset_ < kBlockSize) {
    eof_ = true;
  } else {
    eof_offset_ = 0;
  }
}

unsigned int Reader::ReadPhysicalRecord(Slice* fragment, uint64_t* offset,
                                        size_t* drop_size) {
  while (true) {
    if (buffer_.size() < static_cast<size_t>(kHeaderSize)) {
      if (ReadMore()) continue;
      if (!buffer_.empty() && !read_error_) {
        // A header cut by the end of the file.
        *drop_size = buffer_.size();
        buffer_.clear();
        return kBadHeader;
      }
      buffer_.clear();
      return kEof;
    }
    const char* header = buffer_.data();
    const size_t length = static_cast<unsigned char>(header[4]) |
                          (static_cast<unsigned char>(header[5]) << 8);
    const unsigned int type = static_cast<unsigned char>(header[6]);
    const bool recyclable = IsRecyclableType(type);
    const size_t header_size = recyclable ? kRecyclableHeaderSize : kHeaderSize;
    if (recyclable && buffer_.size() < header_size) {
      if (!eof_) {
        // Too short for this header inside a full block: treated as the
        // block's trailer.
        buffer_.clear();
        continue;
      }
      *drop_size = buffer_.size();
      buffer_.clear();
      return kBadHeader;
    }
    if (header_size + length > buffer_.size()) {
      *drop_size = buffer_.size();
      buffer_.clear();
      return kBadRecordLen;
    }
    if (type == kZeroType && length == 0) {
      *drop_size = buffer_.size();
      buffer_.clear();
      return kZeroRecord;
    }
    *offset = end_of_buffer_offset_ - buffer_.size();
    if (recyclable) {
      recycled_ = true;
      if (DecodeFixed32(header + 7) != static_cast<uint32_t>(log_number_)) {
        *drop_size = header_size + length;
        buffer_.remove_prefix(header_size + length);
        return kOldRecord;
      }
    }
    if (checksum_) {
      const uint32_t expected = crc32c::Unmask(DecodeFixed32(header));
      const uint32_t actual =
          crc32c::Value(header + 6, header_size - 6 + length);
      if (actual != expected) {
        // The length may be the corrupted field: nothing else in this
        // block can be trusted.
        *drop_size = buffer_.size();
        buffer_.clear();
        return kBadChecksum;
      }
    }
    *fragment = Slice(header + header_size, length);
    buffer_.remove_prefix(header_size + length);
    return type;
  }
}

bool Reader::ReadRecord(Slice* record, std::string* scratch,
                        WALRecoveryMode mode) {
  scratch->clear();
  record->clear();
  bool in_fragmented_record = false;
  uint64_t prospective_record_offset = 0;

  while (true) {
    Slice fragment;
    uint64_t physical_offset = 0;
    size_t drop_size = 0;
    const unsigned int type =
        ReadPhysicalRecord(&fragment, &physical_offset, &drop_size);
    switch (type) {
      case kFullType:
      case kRecyclableFullType:
        if (in_fragmented_record && !scratch->empty()) {
          ReportCorruption(scratch->size(), "partial record without end(1)");
        }
        // An empty First followed by a Full is tolerated silently: old
        // writers could leave one at a block tail.
        scratch->clear();
        seen_record_ = true;
        *record = fragment;
        last_record_offset_ = physical_offset;
        last_record_end_ = end_of_buffer_offset_ - buffer_.size();
        if (compression_type_ != kNoCompression && !Uncompress(record)) {
          in_fragmented_record = false;
          continue;
        }
        return true;

      case kFirstType:
      case kRecyclableFirstType:
        if (in_fragmented_record && !scratch->empty()) {
          ReportCorruption(scratch->size(), "partial record without end(2)");
        }
        seen_record_ = true;
        prospective_record_offset = physical_offset;
        scratch->assign(fragment.data(), fragment.size());
        in_fragmented_record = true;
        break;

      case kMiddleType:
      case kRecyclableMiddleType:
        seen_record_ = true;
        if (!in_fragmented_record) {
          ReportCorruption(fragment.size(),
                           "missing start of fragmented record(1)");
        } else {
          scratch->append(fragment.data(), fragment.size());
        }
        break;

      case kLastType:
      case kRecyclableLastType:
        seen_record_ = true;
        if (!in_fragmented_record) {
          ReportCorruption(fragment.size(),
                           "missing start of fragmented record(2)");
          break;
        }
        scratch->append(fragment.data(), fragment.size());
        *record = Slice(*scratch);
        last_record_offset_ = prospective_record_offset;
        last_record_end_ = end_of_buffer_offset_ - buffer_.size();
        if (compression_type_ != kNoCompression && !Uncompress(record)) {
          in_fragmented_record = false;
          scratch->clear();
          continue;
        }
        return true;

      case kSetCompressionType:
        HandleCompressionRecord(fragment, !seen_record_);
        seen_record_ = true;
        break;

      case kBadHeader:
        if (IsAbsOrPit(mode)) ReportCorruption(drop_size, "truncated header");
        // The end of the file, as for kEof.
        if (in_fragmented_record && IsAbsOrPit(mode)) {
          ReportCorruption(scratch->size(), "error reading trailing data");
        }
        scratch->clear();
        return false;

      case kEof:
        if (in_fragmented_record && IsAbsOrPit(mode)) {
          ReportCorruption(scratch->size(), "error reading trailing data");
        }
        scratch->clear();
        return false;

      case kOldRecord:
        if (reporter_ != nullptr) reporter_->OldLogRecord(drop_size);
        if (in_fragmented_record && IsAbsOrPit(mode)) {
          ReportCorruption(scratch->size(), "error reading trailing data");
        }
        scratch->clear();
        return false;

      case kBadRecordLen:
        if (eof_) {
          // The last record was cut by the end of the file.
          if (IsAbsOrPit(mode)) {
            ReportCorruption(drop_size, "truncated record body");
          }
          scratch->clear();
          return false;
        }
        ReportCorruption(drop_size, "bad record length");
        if (in_fragmented_record) {
          ReportCorruption(scratch->size(), "error in middle of record");
          in_fragmented_record = false;
          scratch->clear();
        }
        break;

      case kBadChecksum:
        if (recycled_ &&
            mode == WALRecoveryMode::kTolerateCorruptedTailRecords) {
          // In a recycled file a bad record most likely marks where this
          // life's data ends.
          scratch->clear();
          return false;
        }
        ReportCorruption(drop_size, "checksum mismatch");
        if (in_fragmented_record) {
          ReportCorruption(scratch->size(), "error in middle of record");
          in_fragmented_record = false;
          scratch->clear();
        }
        break;

      case kZeroRecord:
        if (in_fragmented_record) {
          ReportCorruption(scratch->size(), "error in middle of record");
          in_fragmented_record = false;
          scratch->clear();
        }
        break;

      default: {
        // RocksDB prints the type byte as a signed char widened to
        // unsigned; the same text keeps messages identical.
        char buf[48];
        snprintf(buf, sizeof(buf), "unknown record type %u",
                 static_cast<unsigned int>(static_cast<int>(
                     static_cast<signed char>(static_cast<uint8_t>(type)))));
        ReportCorruption(
            fragment.size() + (in_fragmented_record ? scratch->size() : 0),
            buf);
        in_fragmented_record = false;
        scratch->clear();
        seen_record_ = true;
        break;
      }
    }
  }
}

void Reader::HandleCompressionRecord(const Slice& payload, bool first) {
  if (compression_record_seen_) {
    ReportCorruption(payload.size(),
                     "read multiple SetCompressionType records");
    return;
  }
  compression_record_seen_ = true;
  if (!first) {
    ReportCorruption(payload.size(), "SetCompressionType not the first record");
  }
  if (payload.size() != 4) {
    ReportCorruption(payload.size(),
                     "could not decode SetCompressionType record");
    return;
  }
  const uint32_t value = DecodeFixed32(payload.data());
  if (value == kNoCompression) return;  // explicit "no compression"
  if (value != kZSTD) {
    ReportCorruption(payload.size(),
                     "could not decode SetCompressionType record");
    return;
  }
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  if (dctx == nullptr) {
    ReportCorruption(payload.size(), "cannot create zstd context");
    return;
  }
  zstd_dctx_ = dctx;
  compression_type_ = kZSTD;
}

bool Reader::Uncompress(Slice* record) {
  ZSTD_DCtx* dctx = static_cast<ZSTD_DCtx*>(zstd_dctx_);
  ZSTD_DCtx_reset(dctx, ZSTD_reset_session_only);
  const uint64_t limit = std::min<uint64_t>(
      kMaxUncompressedLimit,
      std::max<uint64_t>(kMinUncompressedLimit,
                         uint64_t{record->size()} * kMaxExpansion));
  ZSTD_inBuffer in = {record->data(), record->size(), 0};
  size_t produced = 0;
  uncompressed_.resize(std::max<size_t>(record->size() * 2, 256));
  bool ok = false;
  while (true) {
    if (produced == uncompressed_.size()) {
      if (uncompressed_.size() >= limit) break;  // too large: refuse
      uncompressed_.resize(static_cast<size_t>(
          std::min<uint64_t>(limit, uint64_t{uncompressed_.size()} * 2)));
    }
    ZSTD_outBuffer out = {&uncompressed_[0] + produced,
                          uncompressed_.size() - produced, 0};
    const size_t ret = ZSTD_decompressStream(dctx, &out, &in);
    if (ZSTD_isError(ret)) break;
    produced += out.pos;
    if (ret == 0 && in.pos == in.size) {
      ok = true;  // every frame complete and flushed
      break;
    }
    if (in.pos == in.size && out.pos < out.size && ret != 0) {
      break;  // input ended inside a frame
    }
  }
  if (!ok) {
    ReportCorruption(record->size(), "failed to uncompress WAL record");
    return false;
  }
  uncompressed_.resize(produced);
  *record = Slice(uncompressed_);
  return true;
}

}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
