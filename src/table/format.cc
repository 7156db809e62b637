// Copyright (c) the rocksdb-cleanroom authors.
//
// Block handles, footers, trailers and block reads (spec sections 5.2, 5.3
// and 5.8 of ../shared/specs/ROCKSDB_FORMAT_SPEC.md).
//
//   footer, format_version >= 1 (53 bytes):
//     +0  checksum type (1 byte)
//     +1  metaindex handle, index handle (varints), zero padding to +41
//     +41 fixed32 format_version
//     +45 fixed64 kBlockBasedTableMagicNumber
//   footer, format_version 0 (48 bytes):
//     +0  metaindex handle, index handle, zero padding to +40
//     +40 fixed64 kLegacyBlockBasedTableMagicNumber
//   block trailer: compression type byte, fixed32 checksum
#include "table/format.h"

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "env/random_access_file_reader.h"
#include "rocksdb/file_system.h"
#include "table/compression.h"
#include "util/coding.h"
#include "util/crc32c.h"
#include "util/hash.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Bytes reserved for the two handles in either footer form.
constexpr size_t kHandlesLength = 2 * BlockHandle::kMaxEncodedLength;
// Multiplier that folds the type byte into a kXXH3 checksum.
constexpr uint32_t kXXH3TypeMultiplier = 0x6B9083D9u;
// Largest block we accept (the format stores sizes below 2^31 in practice;
// anything bigger in a handle is corruption, not a reason to allocate).
constexpr uint64_t kMaxBlockSize = uint64_t{1} << 31;

std::string Where(const std::string& file_name, uint64_t offset,
                  uint64_t size) {
  return " in " + file_name + " offset " + std::to_string(offset) + " size " +
         std::to_string(size);
}

}  // namespace

// ---- BlockHandle ----------------------------------------------------------

void BlockHandle::EncodeTo(std::string* dst) const {
  char buf[kMaxEncodedLength];
  char* end = EncodeTo(buf);
  dst->append(buf, static_cast<size_t>(end - buf));
}

char* BlockHandle::EncodeTo(char* dst) const {
  dst = EncodeVarint64(dst, offset_);
  return EncodeVarint64(dst, size_);
}

Status BlockHandle::DecodeFrom(Slice* input) {
  Slice in = *input;
  uint64_t offset = 0;
  uint64_t size = 0;
  if (!GetVarint64(&in, &offset) || !GetVarint64(&in, &size)) {
    return Status::Corruption("bad block handle");
  }
  offset_ = offset;
  size_ = size;
  *input = in;
  return Status::OK();
}

std::string BlockHandle::ToString(bool hex) const {
  if (!hex) {
    return std::to_string(offset_) + " " + std::to_string(size_);
  }
  std::string encoded;
  EncodeTo(&encoded);
  return Slice(encoded).ToString(true);
}

const BlockHandle& BlockHandle::NullBlockHandle() {
  static const BlockHandle kNull;
  return kNull;
}

// ---- Footer ---------------------------------------------------------------

void Footer::Build(ChecksumType checksum, const BlockHandle& metaindex,
                   const BlockHandle& index, uint32_t format_version) {
  checksum_ = format_version == 0 ? kCRC32c : checksum;
  format_version_ = format_version;
  metaindex_handle_ = metaindex;
  index_handle_ = index;
}

void Footer::EncodeTo(std::string* dst) const {
  char buf[kNewVersionsEncodedLength];
  memset(buf, 0, sizeof(buf));
  char* p = buf;
  if (format_version_ != 0) {
    *p++ = static_cast<char>(checksum_);
  }
  char* handles = p;
  p = metaindex_handle_.EncodeTo(p);
  index_handle_.EncodeTo(p);
  p = handles + kHandlesLength;
  if (format_version_ != 0) {
    EncodeFixed32(p, format_version_);
    p += 4;
    EncodeFixed64(p, kBlockBasedTableMagicNumber);
  } else {
    EncodeFixed64(p, kLegacyBlockBasedTableMagicNumber);
  }
  p += 8;
  dst->append(buf, static_cast<size_t>(p - buf));
}

Status Footer::DecodeFrom(Slice input, uint64_t input_offset) {
  (void)input_offset;  // only needed by footer forms we do not read
  if (input.size() < kMinEncodedLength) {
    return Status::Corruption("input is too short to be an sstable");
  }
  const char* end = input.data() + input.size();
  const uint64_t magic = DecodeFixed64(end - 8);
  Slice handles;
  ChecksumType checksum = kCRC32c;
  uint32_t format_version = 0;
  if (magic == kLegacyBlockBasedTableMagicNumber) {
    handles = Slice(end - kMinEncodedLength, kHandlesLength);
  } else if (magic == kBlockBasedTableMagicNumber) {
    if (input.size() < kNewVersionsEncodedLength) {
      return Status::Corruption("input is too short to be an sstable");
    }
    const char* start = end - kNewVersionsEncodedLength;
    const unsigned char type = static_cast<unsigned char>(start[0]);
    format_version = DecodeFixed32(start + 1 + kHandlesLength);
    if (type > kXXH3) {
      return Status::Corruption("Corrupt or unsupported checksum type: " +
                                std::to_string(type));
    }
    if (format_version < 1 || format_version > kLatestFormatVersion) {
      return Status::Corruption("Corrupt or unsupported format_version: " +
                                std::to_string(format_version));
    }
    checksum = static_cast<ChecksumType>(type);
    handles = Slice(start + 1, kHandlesLength);
  } else {
    return Status::Corruption("Bad table magic number: expected " +
                              std::to_string(kBlockBasedTableMagicNumber) +
                              ", found " + std::to_string(magic));
  }
  BlockHandle metaindex;
  BlockHandle index;
  Status s = metaindex.DecodeFrom(&handles);
  if (s.ok()) s = index.DecodeFrom(&handles);
  if (!s.ok()) {
    return Status::Corruption("bad block handle in table footer");
  }
  checksum_ = checksum;
  format_version_ = format_version;
  metaindex_handle_ = metaindex;
  index_handle_ = index;
  return Status::OK();
}

std::string Footer::ToString() const {
  std::string r;
  r.append("metaindex handle: " + metaindex_handle_.ToString(false));
  r.append(", index handle: " + index_handle_.ToString(false));
  r.append(", table_magic_number: " + std::to_string(table_magic_number()));
  r.append(", format_version: " + std::to_string(format_version_));
  r.append(", checksum: " + std::to_string(static_cast<int>(checksum_)));
  return r;
}

// ---- Checksums ------------------------------------------------------------

uint32_t ComputeBlockChecksum(ChecksumType type, const char* data, size_t n,
                              char compression_type_byte) {
  switch (type) {
    case kCRC32c: {
      uint32_t crc = crc32c::Value(data, n);
      crc = crc32c::Extend(crc, &compression_type_byte, 1);
      return crc32c::Mask(crc);
    }
    case kxxHash: {
      XXH32_state_t state;
      XXH32_reset(&state, 0);
      XXH32_update(&state, data, n);
      XXH32_update(&state, &compression_type_byte, 1);
      return XXH32_digest(&state);
    }
    case kxxHash64: {
      XXH64_state_t state;
      XXH64_reset(&state, 0);
      XXH64_update(&state, data, n);
      XXH64_update(&state, &compression_type_byte, 1);
      return static_cast<uint32_t>(XXH64_digest(&state));
    }
    case kXXH3: {
      const uint32_t h = static_cast<uint32_t>(XXH3_64(data, n));
      return h ^ (static_cast<uint32_t>(
                      static_cast<unsigned char>(compression_type_byte)) *
                  kXXH3TypeMultiplier);
    }
    case kNoChecksum:
      break;
  }
  return 0;
}

Status VerifyBlockChecksum(ChecksumType type, const char* data, size_t n,
                           const std::string& file_name, uint64_t offset) {
  if (type == kNoChecksum) return Status::OK();
  if (static_cast<unsigned char>(type) > kXXH3) {
    return Status::Corruption("unknown checksum type " +
                              std::to_string(static_cast<int>(type)) +
                              Where(file_name, offset, n));
  }
  const uint32_t stored = DecodeFixed32(data + n + 1);
  const uint32_t computed = ComputeBlockChecksum(type, data, n, data[n]);
  if (stored == computed) return Status::OK();
  return Status::Corruption(
      "block checksum mismatch: stored = " + std::to_string(stored) +
      ", computed = " + std::to_string(computed) +
      ", type = " + std::to_string(static_cast<int>(type)) + " " +
      Where(file_name, offset, n));
}

// ---- Reading blocks -------------------------------------------------------

namespace {

// Turns stored block bytes (trailer at data[n]) into *contents. `owner`
// (may be null) holds data's bytes; without it the result borrows.
Status FinishBlock(const char* data, size_t n, std::unique_ptr<char[]> owner,
                   const Footer& footer, bool verify_checksum,
                   const std::string& file_name, uint64_t offset,
                   BlockContents* contents, bool decompress,
                   CompressionType* stored_type) {
  if (verify_checksum) {
    Status s =
        VerifyBlockChecksum(footer.checksum_type(), data, n, file_name, offset);
    if (!s.ok()) return s;
  }
  const CompressionType type =
      static_cast<CompressionType>(static_cast<unsigned char>(data[n]));
  if (stored_type != nullptr) *stored_type = type;
  if (decompress && type != kNoCompression) {
    BlockContents raw;
    Status s = UncompressBlock(type, data, n, &raw, footer.format_version());
    if (!s.ok()) {
      const std::string msg =
          std::string(s.getState() != nullptr ? s.getState() : "") +
          Where(file_name, offset, n);
      return s.IsNotSupported() ? Status::NotSupported(msg)
                                : Status::Corruption(msg);
    }
    *contents = std::move(raw);
    return Status::OK();
  }
  if (owner != nullptr) {
    *contents = BlockContents(std::move(owner), n);
  } else {
    *contents = BlockContents(Slice(data, n));
  }
  return Status::OK();
}

}  // namespace

Status BlockContentsFromStored(const Slice& block_with_trailer,
                               const Footer& footer, bool verify_checksum,
                               const std::string& file_name, uint64_t offset,
                               BlockContents* contents, bool decompress,
                               CompressionType* stored_type) {
  if (block_with_trailer.size() < kBlockTrailerSize) {
    return Status::Corruption("block too short for its trailer" +
                              Where(file_name, offset, 0));
  }
  const size_t n = block_with_trailer.size() - kBlockTrailerSize;
  return FinishBlock(block_with_trailer.data(), n, nullptr, footer,
                     verify_checksum, file_name, offset, contents, decompress,
                     stored_type);
}

Status ReadBlockContents(const RandomAccessFileReader* file,
                         const Footer& footer, const ReadOptions& ro,
                         const BlockHandle& handle, BlockContents* contents,
                         bool decompress, CompressionType* stored_type) {
  const uint64_t offset = handle.offset();
  if (handle.size() >= kMaxBlockSize) {
    return Status::Corruption("block handle too large" +
                              Where(file->file_name(), offset, handle.size()));
  }
  const size_t n = static_cast<size_t>(handle.size());
  const size_t read_size = n + kBlockTrailerSize;
  std::unique_ptr<char[]> buf(new char[read_size]);
  IOOptions io_opts;
  io_opts.rate_limiter_priority = ro.rate_limiter_priority;
  Slice result;
  IOStatus io = file->Read(io_opts, offset, read_size, &result, buf.get());
  if (!io.ok()) return io;
  if (result.size() != read_size) {
    return Status::Corruption("truncated block read from " + file->file_name() +
                              " offset " + std::to_string(offset) +
                              ", expected " + std::to_string(read_size) +
                              " bytes, got " + std::to_string(result.size()));
  }
  if (result.data() != buf.get()) {
    buf.reset();  // the file returned its own memory (mmap)
  }
  return FinishBlock(result.data(), n, std::move(buf), footer,
                     ro.verify_checksums, file->file_name(), offset, contents,
                     decompress, stored_type);
}

}  // namespace ROCKSDB_NAMESPACE
