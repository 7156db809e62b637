// Copyright (c) the rocksdb-cleanroom authors.
//
// Internal key encoding and parsing, the internal key comparator's slower
// overloads, and LookupKey construction. Layout: see dbformat.h.
#include "util/dbformat.h"

#include <cstring>

#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

void AppendInternalKey(std::string* result, const ParsedInternalKey& key) {
  result->append(key.user_key.data(), key.user_key.size());
  PutFixed64(result, PackSequenceAndType(key.sequence, key.type));
}

void AppendInternalKeyFooter(std::string* result, SequenceNumber seq,
                             ValueType t) {
  PutFixed64(result, PackSequenceAndType(seq, t));
}

std::string ParsedInternalKey::DebugString(bool log_err_key, bool hex) const {
  std::string result = "'";
  if (log_err_key) {
    result += hex ? user_key.ToString(true) : EscapeString(user_key);
  } else {
    result += "<redacted>";
  }
  result += "' seq:" + NumberToString(sequence);
  result += ", type:" + NumberToString(static_cast<unsigned>(type));
  return result;
}

Status ParseInternalKey(const Slice& internal_key, ParsedInternalKey* result,
                        bool log_err_key) {
  const size_t n = internal_key.size();
  if (n < kNumInternalBytes) {
    return Status::Corruption("Corrupted Key: internal key too short",
                              "size " + NumberToString(n));
  }
  UnPackSequenceAndType(ExtractInternalKeyFooter(internal_key),
                        &result->sequence, &result->type);
  result->user_key = Slice(internal_key.data(), n - kNumInternalBytes);
  if (!IsExtendedValueType(result->type)) {
    return Status::Corruption("Corrupted Key: invalid value type",
                              result->DebugString(log_err_key, true));
  }
  return Status::OK();
}

int InternalKeyComparator::Compare(const ParsedInternalKey& a,
                                   const ParsedInternalKey& b) const {
  int r = user_comparator_->Compare(a.user_key, b.user_key);
  if (r == 0) {
    if (a.sequence != b.sequence) {
      r = a.sequence > b.sequence ? -1 : 1;
    } else if (a.type != b.type) {
      r = a.type > b.type ? -1 : 1;
    }
  }
  return r;
}

int InternalKeyComparator::Compare(const InternalKey& a,
                                   const InternalKey& b) const {
  return Compare(a.Encode(), b.Encode());
}

int InternalKeyComparator::CompareKeySeq(const Slice& a, const Slice& b) const {
  int r = user_comparator_->Compare(ExtractUserKey(a), ExtractUserKey(b));
  if (r == 0) {
    const uint64_t aseq = ExtractInternalKeyFooter(a) >> 8;
    const uint64_t bseq = ExtractInternalKeyFooter(b) >> 8;
    r = aseq > bseq ? -1 : (aseq < bseq ? 1 : 0);
  }
  return r;
}

std::string InternalKey::DebugString(bool hex) const {
  ParsedInternalKey parsed;
  if (ParseInternalKey(rep_, &parsed, true).ok()) {
    return parsed.DebugString(true, hex);
  }
  return "(bad)" + (hex ? Slice(rep_).ToString(true) : EscapeString(rep_));
}

LookupKey::LookupKey(const Slice& user_key, SequenceNumber s) {
  const size_t usize = user_key.size();
  const size_t ikey_size = usize + kNumInternalBytes;
  const size_t needed = ikey_size + kMaxVarint32Length;
  char* dst = needed <= sizeof(space_) ? space_ : new char[needed];
  start_ = dst;
  dst = EncodeVarint32(dst, static_cast<uint32_t>(ikey_size));
  kstart_ = dst;
  if (usize > 0) {
    memcpy(dst, user_key.data(), usize);
  }
  dst += usize;
  EncodeFixed64(dst, PackSequenceAndType(s, kValueTypeForSeek));
  end_ = dst + kNumInternalBytes;
}

LookupKey::~LookupKey() {
  if (start_ != space_) {
    delete[] start_;
  }
}

}  // namespace ROCKSDB_NAMESPACE
