// Copyright (c) the rocksdb-cleanroom authors.
//
// Varint, fixed-width and length-prefixed encoders/decoders (see coding.h
// for the byte layouts).
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Decodes a varint into T from [p, limit). Rejects encodings that run past
// limit, use more groups than T needs, or set bits beyond T's width.
template <typename T>
const char* DecodeVarint(const char* p, const char* limit, T* value) {
  constexpr int kBits = static_cast<int>(sizeof(T) * 8);
  T result = 0;
  for (int shift = 0; shift < kBits; shift += 7) {
    if (p >= limit) return nullptr;
    const T byte = static_cast<unsigned char>(*p++);
    if ((byte & 0x80) == 0) {
      if (kBits - shift < 7 && (byte >> (kBits - shift)) != 0) {
        return nullptr;  // overflows T
      }
      *value = result | (byte << shift);
      return p;
    }
    result |= (byte & 0x7f) << shift;
  }
  return nullptr;  // too many continuation bytes
}

template <typename T>
char* EncodeVarint(char* dst, T v) {
  unsigned char* p = reinterpret_cast<unsigned char*>(dst);
  while (v >= 0x80) {
    *p++ = static_cast<unsigned char>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<unsigned char>(v);
  return reinterpret_cast<char*>(p);
}

}  // namespace

bool GetFixed16(Slice* input, uint16_t* value) {
  if (input->size() < sizeof(uint16_t)) return false;
  *value = DecodeFixed16(input->data());
  input->remove_prefix(sizeof(uint16_t));
  return true;
}

bool GetFixed32(Slice* input, uint32_t* value) {
  if (input->size() < sizeof(uint32_t)) return false;
  *value = DecodeFixed32(input->data());
  input->remove_prefix(sizeof(uint32_t));
  return true;
}

bool GetFixed64(Slice* input, uint64_t* value) {
  if (input->size() < sizeof(uint64_t)) return false;
  *value = DecodeFixed64(input->data());
  input->remove_prefix(sizeof(uint64_t));
  return true;
}

char* EncodeVarint32(char* dst, uint32_t v) { return EncodeVarint(dst, v); }

char* EncodeVarint64(char* dst, uint64_t v) { return EncodeVarint(dst, v); }

int VarintLength(uint64_t v) {
  int len = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++len;
  }
  return len;
}

void PutVarint32(std::string* dst, uint32_t value) {
  char buf[kMaxVarint32Length];
  char* end = EncodeVarint32(buf, value);
  dst->append(buf, static_cast<size_t>(end - buf));
}

void PutVarint64(std::string* dst, uint64_t value) {
  char buf[kMaxVarint64Length];
  char* end = EncodeVarint64(buf, value);
  dst->append(buf, static_cast<size_t>(end - buf));
}

void PutVarint32Varint32(std::string* dst, uint32_t v1, uint32_t v2) {
  PutVarint32(dst, v1);
  PutVarint32(dst, v2);
}

void PutVarint32Varint32Varint32(std::string* dst, uint32_t v1, uint32_t v2,
                                 uint32_t v3) {
  PutVarint32(dst, v1);
  PutVarint32(dst, v2);
  PutVarint32(dst, v3);
}

void PutVarint32Varint64(std::string* dst, uint32_t v1, uint64_t v2) {
  PutVarint32(dst, v1);
  PutVarint64(dst, v2);
}

void PutVarsignedint64(std::string* dst, int64_t value) {
  PutVarint64(dst, EncodeSignedInt(value));
}

const char* GetVarint32PtrFallback(const char* p, const char* limit,
                                   uint32_t* value) {
  return DecodeVarint(p, limit, value);
}

const char* GetVarint64Ptr(const char* p, const char* limit, uint64_t* value) {
  return DecodeVarint(p, limit, value);
}

const char* GetVarsignedint64Ptr(const char* p, const char* limit,
                                 int64_t* value) {
  uint64_t raw = 0;
  const char* q = GetVarint64Ptr(p, limit, &raw);
  if (q != nullptr) *value = DecodeSignedInt(raw);
  return q;
}

bool GetVarint32(Slice* input, uint32_t* value) {
  const char* begin = input->data();
  const char* end = begin + input->size();
  const char* q = GetVarint32Ptr(begin, end, value);
  if (q == nullptr) return false;
  *input = Slice(q, static_cast<size_t>(end - q));
  return true;
}

bool GetVarint64(Slice* input, uint64_t* value) {
  const char* begin = input->data();
  const char* end = begin + input->size();
  const char* q = GetVarint64Ptr(begin, end, value);
  if (q == nullptr) return false;
  *input = Slice(q, static_cast<size_t>(end - q));
  return true;
}

bool GetVarsignedint64(Slice* input, int64_t* value) {
  uint64_t raw = 0;
  if (!GetVarint64(input, &raw)) return false;
  *value = DecodeSignedInt(raw);
  return true;
}

void PutLengthPrefixedSlice(std::string* dst, const Slice& value) {
  PutVarint32(dst, static_cast<uint32_t>(value.size()));
  dst->append(value.data(), value.size());
}

void PutLengthPrefixedSliceParts(std::string* dst, const SliceParts& parts) {
  size_t total = 0;
  for (int i = 0; i < parts.num_parts; ++i) total += parts.parts[i].size();
  PutVarint32(dst, static_cast<uint32_t>(total));
  for (int i = 0; i < parts.num_parts; ++i) {
    dst->append(parts.parts[i].data(), parts.parts[i].size());
  }
}

bool GetLengthPrefixedSlice(Slice* input, Slice* result) {
  uint32_t len = 0;
  if (!GetVarint32(input, &len) || input->size() < len) return false;
  *result = Slice(input->data(), len);
  input->remove_prefix(len);
  return true;
}

Slice GetLengthPrefixedSlice(const char* data) {
  uint32_t len = 0;
  // Trusted input: allow the longest varint32 encoding.
  const char* p = GetVarint32Ptr(data, data + kMaxVarint32Length, &len);
  if (p == nullptr) return Slice();
  return Slice(p, len);
}

}  // namespace ROCKSDB_NAMESPACE
