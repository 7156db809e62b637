// Copyright (c) the rocksdb-cleanroom authors.
//
// Internal keys: a user key followed by an 8-byte tag packing a 56-bit
// sequence number and a one-byte value type (../shared/specs/
// ROCKSDB_FORMAT_SPEC.md, sections 3.1 and 3.2). Pure format code: the
// value types, packing helpers, ParsedInternalKey / InternalKey, the
// internal key comparator and the LookupKey a memtable is searched with.
//
//   internal_key = user_key . fixed64(sequence << 8 | type)
//   memtable_key = varint32(internal_key size) . internal_key
//
// Internal keys order by user key ascending, then by tag descending (newer
// sequence first; for one sequence, larger type first).
#pragma once

#include <cstdint>
#include <string>

#include "rocksdb/comparator.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

// The low byte of an internal key's tag, and the record tags of a
// WriteBatch. Stored in WAL files and SSTs: never renumber, never reuse.
enum ValueType : unsigned char {
  kTypeDeletion = 0x0,
  kTypeValue = 0x1,
  kTypeMerge = 0x2,
  kTypeLogData = 0x3,               // WAL only
  kTypeColumnFamilyDeletion = 0x4,  // WAL only
  kTypeColumnFamilyValue = 0x5,     // WAL only
  kTypeColumnFamilyMerge = 0x6,     // WAL only
  kTypeSingleDeletion = 0x7,
  kTypeColumnFamilySingleDeletion = 0x8,  // WAL only
  kTypeBeginPrepareXID = 0x9,             // WAL only
  kTypeEndPrepareXID = 0xA,               // WAL only
  kTypeCommitXID = 0xB,                   // WAL only
  kTypeRollbackXID = 0xC,                 // WAL only
  kTypeNoop = 0xD,                        // WAL only
  kTypeColumnFamilyRangeDeletion = 0xE,   // WAL only
  kTypeRangeDeletion = 0xF,  // memtable tombstone list / range-del block
  kTypeColumnFamilyBlobIndex = 0x10,  // WAL only
  kTypeBlobIndex = 0x11,
  kTypeBeginPersistedPrepareXID = 0x12,  // WAL only
  kTypeBeginUnprepareXID = 0x13,         // WAL only
  kTypeDeletionWithTimestamp = 0x14,
  kTypeCommitXIDAndTimestamp = 0x15,  // WAL only
  kTypeWideColumnEntity = 0x16,
  kTypeColumnFamilyWideColumnEntity = 0x17,  // WAL only
  kTypeMaxValid,     // one past the largest defined type
  kMaxValue = 0x7F,  // types must fit in 7 bits
};

// The largest type an internal key in a memtable or SST may carry. A seek
// key (user_key, seq, kValueTypeForSeek) sorts before every entry of
// user_key with a sequence <= seq.
constexpr ValueType kValueTypeForSeek = kTypeWideColumnEntity;
// The smallest such type: (user_key, seq, kValueTypeForSeekForPrev) sorts
// after every entry of user_key with a sequence >= seq.
constexpr ValueType kValueTypeForSeekForPrev = kTypeDeletion;

// Largest sequence number (56 bits).
constexpr SequenceNumber kMaxSequenceNumber = (1ull << 56) - 1;
// "No global sequence number" marker of ingested files.
constexpr SequenceNumber kDisableGlobalSequenceNumber = UINT64_MAX;

// Bytes of the tag at the end of every internal key.
constexpr size_t kNumInternalBytes = 8;

// True for the types that may appear as an internal key in a memtable or
// an SST data block (not WAL-only markers, not range deletions).
inline bool IsValueType(ValueType t) {
  return t <= kTypeMerge || t == kTypeSingleDeletion || t == kTypeBlobIndex ||
         t == kTypeDeletionWithTimestamp || t == kTypeWideColumnEntity;
}

// IsValueType, plus range deletions (valid in tombstone lists and blocks).
inline bool IsExtendedValueType(ValueType t) {
  return IsValueType(t) || t == kTypeRangeDeletion;
}

// The tag of an internal key. REQUIRES: seq <= kMaxSequenceNumber,
// t <= kMaxValue.
inline uint64_t PackSequenceAndType(SequenceNumber seq, ValueType t) {
  return (seq << 8) | t;
}

inline void UnPackSequenceAndType(uint64_t packed, SequenceNumber* seq,
                                  ValueType* t) {
  *seq = packed >> 8;
  *t = static_cast<ValueType>(packed & 0xff);
}

// An internal key split into its parts. user_key points into memory the
// caller keeps alive.
struct ParsedInternalKey {
  Slice user_key;
  SequenceNumber sequence;
  ValueType type;

  ParsedInternalKey() : sequence(kMaxSequenceNumber), type(kTypeDeletion) {}
  ParsedInternalKey(const Slice& u, SequenceNumber seq, ValueType t)
      : user_key(u), sequence(seq), type(t) {}

  void clear() {
    user_key.clear();
    sequence = 0;
    type = kTypeDeletion;
  }

  // "'<user key>' seq:<n>, type:<t>", the key escaped or in hex.
  std::string DebugString(bool log_err_key, bool hex) const;
};

// Size of the internal key encoding of key.
inline size_t InternalKeyEncodingLength(const ParsedInternalKey& key) {
  return key.user_key.size() + kNumInternalBytes;
}

// Appends the encoding of key to *result.
void AppendInternalKey(std::string* result, const ParsedInternalKey& key);

// Appends only the 8-byte tag of (seq, t) to *result.
void AppendInternalKeyFooter(std::string* result, SequenceNumber seq,
                             ValueType t);

// Decodes internal_key into *result (whose user_key then points into
// internal_key). Corruption if it is shorter than 8 bytes or carries a type
// that cannot appear in a stored key; log_err_key puts the key bytes into
// the message (otherwise they are left out, as they may be user data).
Status ParseInternalKey(const Slice& internal_key, ParsedInternalKey* result,
                        bool log_err_key);

// The user key part. REQUIRES: internal_key.size() >= 8.
inline Slice ExtractUserKey(const Slice& internal_key) {
  return Slice(internal_key.data(), internal_key.size() - kNumInternalBytes);
}

// The packed (sequence, type) tag. REQUIRES: internal_key.size() >= 8.
inline uint64_t ExtractInternalKeyFooter(const Slice& internal_key) {
  return DecodeFixed64(internal_key.data() + internal_key.size() -
                       kNumInternalBytes);
}

inline ValueType ExtractValueType(const Slice& internal_key) {
  return static_cast<ValueType>(ExtractInternalKeyFooter(internal_key) & 0xff);
}

inline SequenceNumber ExtractSequenceNumber(const Slice& internal_key) {
  return ExtractInternalKeyFooter(internal_key) >> 8;
}

// Orders internal keys: user keys by the wrapped comparator, then tags
// descending. The user comparator must outlive this object.
class InternalKey;

class InternalKeyComparator : public CompareInterface {
 public:
  // c may be null only for an object that is assigned before use.
  explicit InternalKeyComparator(const Comparator* c = nullptr)
      : user_comparator_(c) {
    if (c != nullptr) {
      name_ = "rocksdb.InternalKeyComparator:" + std::string(c->Name());
    }
  }
  ~InternalKeyComparator() override {}

  // "rocksdb.InternalKeyComparator:<user comparator name>".
  const char* Name() const { return name_.c_str(); }

  // REQUIRES: both keys are at least 8 bytes long.
  int Compare(const Slice& a, const Slice& b) const override {
    int r = user_comparator_->Compare(ExtractUserKey(a), ExtractUserKey(b));
    if (r == 0) {
      const uint64_t anum = ExtractInternalKeyFooter(a);
      const uint64_t bnum = ExtractInternalKeyFooter(b);
      r = anum > bnum ? -1 : (anum < bnum ? 1 : 0);
    }
    return r;
  }

  int Compare(const ParsedInternalKey& a, const ParsedInternalKey& b) const;
  int Compare(const InternalKey& a, const InternalKey& b) const;

  // Compares user keys, then sequence numbers only (descending), ignoring
  // the types.
  int CompareKeySeq(const Slice& a, const Slice& b) const;

  const Comparator* user_comparator() const { return user_comparator_; }

 private:
  const Comparator* user_comparator_;
  std::string name_;
};

// An owned, encoded internal key (used for file boundaries and seek
// targets). Empty until set.
class InternalKey {
 public:
  InternalKey() {}
  InternalKey(const Slice& user_key, SequenceNumber s, ValueType t) {
    AppendInternalKey(&rep_, ParsedInternalKey(user_key, s, t));
  }

  // False when the encoding is too short to be an internal key (rep is
  // kept anyway so that Encode() returns the input).
  bool DecodeFrom(const Slice& s) {
    rep_.assign(s.data(), s.size());
    return !rep_.empty();
  }

  // REQUIRES: the key is set (not empty).
  Slice Encode() const { return rep_; }
  Slice user_key() const { return ExtractUserKey(rep_); }
  size_t size() const { return rep_.size(); }
  bool empty() const { return rep_.empty(); }
  bool Valid() const {
    ParsedInternalKey parsed;
    return ParseInternalKey(rep_, &parsed, false).ok();
  }

  void Set(const Slice& user_key, SequenceNumber s, ValueType t) {
    SetFrom(ParsedInternalKey(user_key, s, t));
  }
  void SetFrom(const ParsedInternalKey& p) {
    rep_.clear();
    AppendInternalKey(&rep_, p);
  }
  // The smallest / largest internal key of user_key.
  void SetMinPossibleForUserKey(const Slice& user_key) {
    Set(user_key, kMaxSequenceNumber, kValueTypeForSeek);
  }
  void SetMaxPossibleForUserKey(const Slice& user_key) {
    Set(user_key, 0, kValueTypeForSeekForPrev);
  }
  void Clear() { rep_.clear(); }

  std::string* rep() { return &rep_; }
  const std::string* rep() const { return &rep_; }

  std::string DebugString(bool hex) const;

 private:
  std::string rep_;
};

// The key a memtable lookup of (user_key, sequence s) searches with: it
// sorts before every entry of user_key visible at s. Holds the memtable
// form; the internal and user keys are views of it, valid while the
// LookupKey lives.
class LookupKey {
 public:
  LookupKey(const Slice& user_key, SequenceNumber s);
  ~LookupKey();

  LookupKey(const LookupKey&) = delete;
  LookupKey& operator=(const LookupKey&) = delete;

  // varint32 length . user key . tag: the form a memtable rep compares.
  Slice memtable_key() const {
    return Slice(start_, static_cast<size_t>(end_ - start_));
  }
  // user key . tag.
  Slice internal_key() const {
    return Slice(kstart_, static_cast<size_t>(end_ - kstart_));
  }
  Slice user_key() const {
    return Slice(kstart_, static_cast<size_t>(end_ - kstart_) - 8);
  }

 private:
  const char* start_;
  const char* kstart_;
  const char* end_;
  char space_[200];  // short keys avoid a heap allocation
};

}  // namespace ROCKSDB_NAMESPACE
