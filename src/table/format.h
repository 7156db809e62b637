// Copyright (c) the rocksdb-cleanroom authors.
//
// Low-level pieces of the block-based table format (../shared/specs/
// ROCKSDB_FORMAT_SPEC.md, sections 5.2, 5.3 and 5.8): block handles, the
// footer, block trailers and their checksums, and reading one block from a
// file into memory (BlockContents).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rocksdb/compression_type.h"
#include "rocksdb/options.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

class RandomAccessFileReader;

// Magic numbers at the very end of a block-based table: the current one
// (format_version >= 1, 53-byte footer) and LevelDB's (format_version 0,
// 48-byte footer). On disk: never change.
constexpr uint64_t kBlockBasedTableMagicNumber = 0x88e241b785f4cff7ull;
constexpr uint64_t kLegacyBlockBasedTableMagicNumber = 0xdb4775248b80fb57ull;

// Every stored block is followed by a type byte and a fixed32 checksum.
constexpr size_t kBlockTrailerSize = 5;

// The newest table format_version we read and write.
constexpr uint32_t kLatestFormatVersion = 5;

// Where a block lives in the file: offset and size of the block bytes,
// the size excluding the trailer. Encoded as two varint64s.
class BlockHandle {
 public:
  BlockHandle() : offset_(0), size_(0) {}
  BlockHandle(uint64_t offset, uint64_t size) : offset_(offset), size_(size) {}

  uint64_t offset() const { return offset_; }
  void set_offset(uint64_t offset) { offset_ = offset; }
  uint64_t size() const { return size_; }
  void set_size(uint64_t size) { size_ = size; }

  // True for the (0, 0) handle, which stands for "no block".
  bool IsNull() const { return offset_ == 0 && size_ == 0; }

  // Appends the two varints to *dst.
  void EncodeTo(std::string* dst) const;
  // Writes the two varints at dst (kMaxEncodedLength bytes of room) and
  // returns the end of what was written.
  char* EncodeTo(char* dst) const;

  // Consumes the two varints from the front of *input. Corruption if they
  // are truncated or malformed (*this is then unchanged).
  Status DecodeFrom(Slice* input);

  // "offset size", as hex bytes of the encoding when hex is true (sst_dump
  // style), otherwise as decimal numbers.
  std::string ToString(bool hex = true) const;

  // A handle equal to (0, 0).
  static const BlockHandle& NullBlockHandle();

  static constexpr size_t kMaxEncodedLength = 20;

 private:
  uint64_t offset_;
  uint64_t size_;
};

inline bool operator==(const BlockHandle& a, const BlockHandle& b) {
  return a.offset() == b.offset() && a.size() == b.size();
}
inline bool operator!=(const BlockHandle& a, const BlockHandle& b) {
  return !(a == b);
}

// The fixed-size record at the end of every table (spec 5.8):
//   format_version >= 1 (53 bytes): checksum type byte, metaindex handle,
//     index handle, zero padding to 41 bytes, fixed32 format_version,
//     fixed64 magic.
//   format_version 0 (48 bytes): metaindex handle, index handle, zero
//     padding to 40 bytes, fixed64 legacy magic (checksums are kCRC32c).
class Footer {
 public:
  Footer() = default;

  // Writer side. format_version 0 REQUIRES checksum == kCRC32c (the legacy
  // footer cannot record another type).
  void Build(ChecksumType checksum, const BlockHandle& metaindex,
             const BlockHandle& index, uint32_t format_version);
  // Appends the encoding: 53 bytes for format_version >= 1, 48 for 0.
  void EncodeTo(std::string* dst) const;

  // Reader side. input holds the last bytes of the file (at least
  // kMinEncodedLength; pass kNewVersionsEncodedLength when the file is that
  // long) and input_offset is the file offset of input[0]. Corruption for a
  // bad magic number ("Bad table magic number: ..."), an unknown checksum
  // type or format_version, a truncated footer or malformed handles.
  Status DecodeFrom(Slice input, uint64_t input_offset);

  ChecksumType checksum_type() const { return checksum_; }
  uint32_t format_version() const { return format_version_; }
  const BlockHandle& metaindex_handle() const { return metaindex_handle_; }
  const BlockHandle& index_handle() const { return index_handle_; }
  // kBlockBasedTableMagicNumber also for a legacy footer (its magic is
  // translated); the footer's encoded size tells the two apart.
  uint64_t table_magic_number() const { return kBlockBasedTableMagicNumber; }
  // Bytes the footer occupies in the file (48 or 53).
  size_t encoded_length() const {
    return format_version_ == 0 ? kMinEncodedLength : kNewVersionsEncodedLength;
  }
  // Trailer bytes after each block (always kBlockTrailerSize here).
  size_t block_trailer_size() const { return kBlockTrailerSize; }

  // "metaindex handle: ..., index handle: ..., ..." for tools.
  std::string ToString() const;

  static constexpr size_t kNewVersionsEncodedLength = 53;
  static constexpr size_t kMinEncodedLength = 48;

 private:
  ChecksumType checksum_ = kCRC32c;
  uint32_t format_version_ = 0;
  BlockHandle metaindex_handle_;
  BlockHandle index_handle_;
};

// The checksum stored in the trailer of data[0, n) whose trailer type byte
// is compression_type_byte (spec 5.3). 0 for kNoChecksum or an unknown type.
uint32_t ComputeBlockChecksum(ChecksumType type, const char* data, size_t n,
                              char compression_type_byte);

// Checks the trailer that follows data[0, n). REQUIRES: data holds n + 5
// bytes. OK for kNoChecksum. Corruption("block checksum mismatch: stored =
// X, computed = Y, type = T  in <file_name> offset <offset> size <n>") on a
// mismatch, Corruption for an unknown checksum type.
Status VerifyBlockChecksum(ChecksumType type, const char* data, size_t n,
                           const std::string& file_name, uint64_t offset);

// The uncompressed bytes of one block (without trailer), either owned (a
// heap buffer) or borrowed from memory someone else keeps alive (mmap,
// a test string). Move-only.
struct BlockContents {
  Slice data;
  // Owner of data's bytes when non-null (may be larger than data).
  std::unique_ptr<char[]> allocation;

  BlockContents() = default;
  // Borrows: the caller keeps borrowed's bytes alive. Implicit, as in the
  // shared interface (s2_interfaces.md).
  BlockContents(const Slice& borrowed) : data(borrowed) {}  // NOLINT
  // Owns buf, of which the first n bytes are the block.
  BlockContents(std::unique_ptr<char[]>&& buf, size_t n)
      : data(buf.get(), n), allocation(std::move(buf)) {}

  BlockContents(BlockContents&&) noexcept = default;
  BlockContents& operator=(BlockContents&&) noexcept = default;
  BlockContents(const BlockContents&) = delete;
  BlockContents& operator=(const BlockContents&) = delete;

  bool own_bytes() const { return allocation != nullptr; }
  // Heap bytes held (0 when borrowed), plus this struct.
  size_t ApproximateMemoryUsage() const {
    return (own_bytes() ? data.size() : 0) + sizeof(*this);
  }
};

// Reads the block at handle (plus its trailer) through file. When
// ro.verify_checksums, checks the trailer with footer.checksum_type().
// When decompress, undoes the compression named by the trailer's type byte
// (spec 5.4; compression.h) so *contents holds the raw block; otherwise
// *contents holds the stored bytes. *stored_type (if not null) receives the
// trailer's type byte. Errors name the file and offset: Corruption for a
// truncated read, a checksum mismatch or undecodable compressed bytes,
// NotSupported for a compression type we cannot decode, and I/O errors as
// the file returned them.
Status ReadBlockContents(const RandomAccessFileReader* file,
                         const Footer& footer, const ReadOptions& ro,
                         const BlockHandle& handle, BlockContents* contents,
                         bool decompress = true,
                         CompressionType* stored_type = nullptr);

// Same, for a block whose stored bytes (with trailer) are already in
// memory: block_with_trailer holds handle.size() + 5 bytes. The result
// borrows from block_with_trailer when no decompression is needed.
Status BlockContentsFromStored(const Slice& block_with_trailer,
                               const Footer& footer, bool verify_checksum,
                               const std::string& file_name, uint64_t offset,
                               BlockContents* contents, bool decompress = true,
                               CompressionType* stored_type = nullptr);

}  // namespace ROCKSDB_NAMESPACE
