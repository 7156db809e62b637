// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in comparators and Comparator::CreateFromString. The key
// shortening rules below reproduce what RocksDB 7.8.3's comparators return
// (observed through its public API; the cases are in comparator_test.cc).
#include "rocksdb/comparator.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/slice.h"
#include "util/coding.h"
#include "util/comparators.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Length of the common prefix of a and b.
size_t CommonPrefix(const Slice& a, const Slice& b) {
  return a.difference_offset(b);
}

class BytewiseComparatorImpl : public Comparator {
 public:
  static const char* kClassName() { return "leveldb.BytewiseComparator"; }
  const char* Name() const override { return kClassName(); }

  int Compare(const Slice& a, const Slice& b) const override {
    return a.compare(b);
  }

  bool Equal(const Slice& a, const Slice& b) const override { return a == b; }

  // With d the first differing position (start[d] < limit[d]):
  //  - start[d] + 1 < limit[d], or limit continues past d:
  //      start becomes start[0, d] with start[d] incremented;
  //  - otherwise start[d] + 1 == limit[d] == limit's last byte: the first
  //      byte of start after d that is not 0xff is incremented and start is
  //      cut after it (no such byte: unchanged).
  // A start that is a prefix of limit (or vice versa) stays unchanged.
  void FindShortestSeparator(std::string* start,
                             const Slice& limit) const override {
    const size_t min_len = std::min(start->size(), limit.size());
    const size_t d = CommonPrefix(*start, limit);
    if (d >= min_len) return;
    const uint8_t start_byte = static_cast<uint8_t>((*start)[d]);
    const uint8_t limit_byte = static_cast<uint8_t>(limit[d]);
    if (start_byte >= limit_byte) return;  // start >= limit: leave alone
    if (start_byte + 1 < limit_byte || d + 1 < limit.size()) {
      (*start)[d] = static_cast<char>(start_byte + 1);
      start->resize(d + 1);
      return;
    }
    for (size_t i = d + 1; i < start->size(); ++i) {
      const uint8_t b = static_cast<uint8_t>((*start)[i]);
      if (b != 0xff) {
        (*start)[i] = static_cast<char>(b + 1);
        start->resize(i + 1);
        return;
      }
    }
  }

  // Increments the first byte that is not 0xff and cuts after it; a key of
  // only 0xff bytes stays unchanged.
  void FindShortSuccessor(std::string* key) const override {
    for (size_t i = 0; i < key->size(); ++i) {
      const uint8_t b = static_cast<uint8_t>((*key)[i]);
      if (b != 0xff) {
        (*key)[i] = static_cast<char>(b + 1);
        key->resize(i + 1);
        return;
      }
    }
  }

  // t == s + 1 when both are read as big-endian numbers of equal width.
  bool IsSameLengthImmediateSuccessor(const Slice& s,
                                      const Slice& t) const override {
    if (s.size() != t.size() || s.empty()) return false;
    const size_t d = CommonPrefix(s, t);
    if (d >= s.size()) return false;
    const uint8_t sb = static_cast<uint8_t>(s[d]);
    const uint8_t tb = static_cast<uint8_t>(t[d]);
    if (sb == 0xff || sb + 1 != tb) return false;
    for (size_t i = d + 1; i < s.size(); ++i) {
      if (static_cast<uint8_t>(s[i]) != 0xff || t[i] != 0) return false;
    }
    return true;
  }

  bool CanKeysWithDifferentByteContentsBeEqual() const override {
    return false;
  }
};

class ReverseBytewiseComparatorImpl : public BytewiseComparatorImpl {
 public:
  static const char* kClassName() {
    return "rocksdb.ReverseBytewiseComparator";
  }
  const char* Name() const override { return kClassName(); }

  int Compare(const Slice& a, const Slice& b) const override {
    return -a.compare(b);
  }

  // In reverse order a separator s needs limit < s <= start byte-wise. If
  // start[d] > limit[d] at the first differing position d, start[0, d]
  // qualifies; otherwise start stays unchanged.
  void FindShortestSeparator(std::string* start,
                             const Slice& limit) const override {
    const size_t min_len = std::min(start->size(), limit.size());
    const size_t d = CommonPrefix(*start, limit);
    if (d >= min_len) return;
    if (static_cast<uint8_t>((*start)[d]) > static_cast<uint8_t>(limit[d]) &&
        d + 1 < start->size()) {
      start->resize(d + 1);
    }
  }

  // No short successor exists in reverse order without a lower bound.
  void FindShortSuccessor(std::string* /*key*/) const override {}

  bool IsSameLengthImmediateSuccessor(const Slice& /*s*/,
                                      const Slice& /*t*/) const override {
    return false;
  }
};

class BytewiseWithU64TsImpl : public Comparator {
 public:
  static constexpr size_t kTsSize = sizeof(uint64_t);
  BytewiseWithU64TsImpl() : Comparator(kTsSize) {}

  static const char* kClassName() { return "leveldb.BytewiseComparator.u64ts"; }
  const char* Name() const override { return kClassName(); }

  int Compare(const Slice& a, const Slice& b) const override {
    const int r = CompareWithoutTimestamp(a, true, b, true);
    if (r != 0 || a.size() < kTsSize || b.size() < kTsSize) return r;
    // Newer (larger) timestamps sort first.
    return -CompareTimestamp(Timestamp(a), Timestamp(b));
  }

  int CompareTimestamp(const Slice& ts1, const Slice& ts2) const override {
    const uint64_t t1 = DecodeFixed64(ts1.data());
    const uint64_t t2 = DecodeFixed64(ts2.data());
    return t1 < t2 ? -1 : (t1 > t2 ? 1 : 0);
  }

  int CompareWithoutTimestamp(const Slice& a, bool a_has_ts, const Slice& b,
                              bool b_has_ts) const override {
    return StripTimestamp(a, a_has_ts).compare(StripTimestamp(b, b_has_ts));
  }

  // Shortening keys would cut into the timestamp: leave them alone.
  void FindShortestSeparator(std::string*, const Slice&) const override {}
  void FindShortSuccessor(std::string*) const override {}

 private:
  static Slice Timestamp(const Slice& key) {
    return Slice(key.data() + key.size() - kTsSize, kTsSize);
  }
  static Slice StripTimestamp(const Slice& key, bool has_ts) {
    if (!has_ts || key.size() < kTsSize) return key;
    return Slice(key.data(), key.size() - kTsSize);
  }
};

}  // namespace

const Comparator* BytewiseComparator() {
  static const BytewiseComparatorImpl* const kInstance =
      new BytewiseComparatorImpl();
  return kInstance;
}

const Comparator* ReverseBytewiseComparator() {
  static const ReverseBytewiseComparatorImpl* const kInstance =
      new ReverseBytewiseComparatorImpl();
  return kInstance;
}

const Comparator* BytewiseComparatorWithU64Ts() {
  static const BytewiseWithU64TsImpl* const kInstance =
      new BytewiseWithU64TsImpl();
  return kInstance;
}

// Only the built-in comparators can be named. Observed 7.8.3 behaviour:
// "" sets *comp to null; an unknown name leaves *comp unchanged and returns
// OK unless ignore_unsupported_options is false; "a=b" pairs without an id
// refer to the current *comp, and extra options are ignored.
Status Comparator::CreateFromString(const ConfigOptions& opts,
                                    const std::string& value,
                                    const Comparator** comp) {
  std::string id;
  std::unordered_map<std::string, std::string> unused_options;
  Status s =
      Customizable::GetOptionsMap(opts, *comp, value, &id, &unused_options);
  if (!s.ok()) return s;
  if (id.empty()) {
    *comp = nullptr;
    return Status::OK();
  }
  for (const Comparator* c : {BytewiseComparator(), ReverseBytewiseComparator(),
                              BytewiseComparatorWithU64Ts()}) {
    if (c->IsInstanceOf(id)) {
      *comp = c;
      return Status::OK();
    }
  }
  if (opts.ignore_unsupported_options) return Status::OK();
  return Status::NotSupported("Could not load Comparator", id);
}

}  // namespace ROCKSDB_NAMESPACE
