// Copyright (c) the rocksdb-cleanroom authors.
//
// Test helpers for code built on InternalIterator: an in-memory iterator
// over (internal key, value) pairs, and internal key spelling.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {
namespace test {

// The encoded internal key (user_key, seq, t).
inline std::string IKey(const std::string& user_key, SequenceNumber seq,
                        ValueType t) {
  std::string out;
  AppendInternalKey(&out, ParsedInternalKey(user_key, seq, t));
  return out;
}

using KVVector = std::vector<std::pair<std::string, std::string>>;

// An InternalIterator over a copy of `entries`, sorted by icmp (which must
// outlive it). Counts the calls it gets; SetError makes every positioning
// call end !Valid() with that status.
class VectorIterator : public InternalIterator {
 public:
  VectorIterator(KVVector entries, const InternalKeyComparator* icmp)
      : entries_(std::move(entries)), icmp_(icmp) {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [icmp](const auto& a, const auto& b) {
                       return icmp->Compare(a.first, b.first) < 0;
                     });
    pos_ = entries_.size();
  }

  void SetError(const Status& s) { error_ = s; }

  bool Valid() const override { return error_.ok() && pos_ < entries_.size(); }
  void SeekToFirst() override {
    ++seeks;
    pos_ = 0;
  }
  void SeekToLast() override {
    ++seeks;
    pos_ = entries_.empty() ? 0 : entries_.size() - 1;
  }
  void Seek(const Slice& target) override {
    ++seeks;
    pos_ = LowerBound(target);
  }
  void SeekForPrev(const Slice& target) override {
    ++seeks;
    size_t i = LowerBound(target);
    if (i < entries_.size() && icmp_->Compare(entries_[i].first, target) == 0) {
      pos_ = i;
    } else {
      pos_ = i == 0 ? entries_.size() : i - 1;
    }
  }
  void Next() override {
    ++steps;
    ++pos_;
  }
  void Prev() override {
    ++steps;
    pos_ = pos_ == 0 ? entries_.size() : pos_ - 1;
  }
  Slice key() const override { return entries_[pos_].first; }
  Slice value() const override { return entries_[pos_].second; }
  Status status() const override { return error_; }

  int seeks = 0;  // Seek* calls
  int steps = 0;  // Next / Prev calls

 private:
  size_t LowerBound(const Slice& target) const {
    size_t lo = 0, hi = entries_.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (icmp_->Compare(entries_[mid].first, target) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  KVVector entries_;
  const InternalKeyComparator* icmp_;
  size_t pos_;
  Status error_;
};

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
