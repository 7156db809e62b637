// Copyright (c) the rocksdb-cleanroom authors.
//
// Little-endian fixed-width integers and LEB128 varints, the building blocks
// of every on-disk format (../shared/specs/ROCKSDB_FORMAT_SPEC.md, section 0).
//
//   fixed32/64   4/8 bytes, least significant first
//   varint32/64  7 bits per byte, low group first; a set high bit means more
//                bytes follow (at most 5 / 10 bytes)
//   lpslice      varint32 length followed by that many bytes
//
// Put*/Encode* append or write; Get* consume from the front of a Slice and
// return false on truncated or malformed input (the Slice is then left in an
// unspecified position).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// Longest varint64 encoding.
constexpr int kMaxVarint64Length = 10;
// Longest varint32 encoding.
constexpr int kMaxVarint32Length = 5;

// ---- Fixed width -------------------------------------------------------

// The byte loops below are for big-endian hosts; little-endian hosts copy.
constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

inline void EncodeFixed16(char* dst, uint16_t value) {
  if (kLittleEndian) {
    memcpy(dst, &value, sizeof(value));
    return;
  }
  dst[0] = static_cast<char>(value & 0xff);
  dst[1] = static_cast<char>(value >> 8);
}

inline void EncodeFixed32(char* dst, uint32_t value) {
  if (kLittleEndian) {
    memcpy(dst, &value, sizeof(value));
    return;
  }
  for (int i = 0; i < 4; ++i) {
    dst[i] = static_cast<char>((value >> (8 * i)) & 0xff);
  }
}

inline void EncodeFixed64(char* dst, uint64_t value) {
  if (kLittleEndian) {
    memcpy(dst, &value, sizeof(value));
    return;
  }
  for (int i = 0; i < 8; ++i) {
    dst[i] = static_cast<char>((value >> (8 * i)) & 0xff);
  }
}

inline uint16_t DecodeFixed16(const char* ptr) {
  if (kLittleEndian) {
    uint16_t v;
    memcpy(&v, ptr, sizeof(v));
    return v;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(ptr);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

inline uint32_t DecodeFixed32(const char* ptr) {
  if (kLittleEndian) {
    uint32_t v;
    memcpy(&v, ptr, sizeof(v));
    return v;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(ptr);
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

inline uint64_t DecodeFixed64(const char* ptr) {
  if (kLittleEndian) {
    uint64_t v;
    memcpy(&v, ptr, sizeof(v));
    return v;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(ptr);
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

inline void PutFixed16(std::string* dst, uint16_t value) {
  char buf[2];
  EncodeFixed16(buf, value);
  dst->append(buf, sizeof(buf));
}

inline void PutFixed32(std::string* dst, uint32_t value) {
  char buf[4];
  EncodeFixed32(buf, value);
  dst->append(buf, sizeof(buf));
}

inline void PutFixed64(std::string* dst, uint64_t value) {
  char buf[8];
  EncodeFixed64(buf, value);
  dst->append(buf, sizeof(buf));
}

// Each consumes the value from the front of *input; false if too short.
bool GetFixed16(Slice* input, uint16_t* value);
bool GetFixed32(Slice* input, uint32_t* value);
bool GetFixed64(Slice* input, uint64_t* value);

// ---- Varints -------------------------------------------------------------

// Writes v at dst and returns the byte past the end.
// REQUIRES: dst has room for kMaxVarint32Length / kMaxVarint64Length bytes.
char* EncodeVarint32(char* dst, uint32_t v);
char* EncodeVarint64(char* dst, uint64_t v);

// Bytes needed to encode v as a varint (1..10).
int VarintLength(uint64_t v);

void PutVarint32(std::string* dst, uint32_t value);
void PutVarint64(std::string* dst, uint64_t value);
// Appends varint32(v1) then varint32(v2) (and varint32(v3)).
void PutVarint32Varint32(std::string* dst, uint32_t v1, uint32_t v2);
void PutVarint32Varint32Varint32(std::string* dst, uint32_t v1, uint32_t v2,
                                 uint32_t v3);
// Appends varint32(v1) then varint64(v2).
void PutVarint32Varint64(std::string* dst, uint32_t v1, uint64_t v2);
// Appends varint64 of the zigzag encoding of v (see the format spec).
void PutVarsignedint64(std::string* dst, int64_t value);

// Decodes a varint from [p, limit). Returns the byte after it, or nullptr if
// the input ends early or the encoding is too long for the type.
const char* GetVarint32PtrFallback(const char* p, const char* limit,
                                   uint32_t* value);
inline const char* GetVarint32Ptr(const char* p, const char* limit,
                                  uint32_t* value) {
  if (p < limit) {
    const uint32_t byte = static_cast<unsigned char>(*p);
    if ((byte & 0x80) == 0) {  // one-byte fast path
      *value = byte;
      return p + 1;
    }
  }
  return GetVarint32PtrFallback(p, limit, value);
}
const char* GetVarint64Ptr(const char* p, const char* limit, uint64_t* value);
const char* GetVarsignedint64Ptr(const char* p, const char* limit,
                                 int64_t* value);

// Consume a varint from the front of *input.
bool GetVarint32(Slice* input, uint32_t* value);
bool GetVarint64(Slice* input, uint64_t* value);
bool GetVarsignedint64(Slice* input, int64_t* value);

// ---- Length-prefixed slices ---------------------------------------------

void PutLengthPrefixedSlice(std::string* dst, const Slice& value);
// Appends the concatenation of parts, prefixed by its total length.
void PutLengthPrefixedSliceParts(std::string* dst, const SliceParts& parts);

// Consumes an lpslice from *input; *result points into the input bytes.
bool GetLengthPrefixedSlice(Slice* input, Slice* result);
// Decodes an lpslice starting at data (no bounds known: trusted input only);
// the returned Slice points into data.
Slice GetLengthPrefixedSlice(const char* data);

// ---- Zigzag --------------------------------------------------------------

inline uint64_t EncodeSignedInt(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}

inline int64_t DecodeSignedInt(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

}  // namespace ROCKSDB_NAMESPACE
