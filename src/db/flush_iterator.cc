// Copyright (c) the rocksdb-cleanroom authors.
//
// FlushIterator (see the header for the rules). The input is read one
// user key at a time: entries_ holds that key's entries newest first,
// Compact() walks them once deciding what survives into out_:
//
//   entries_  [SD@9 Put@8 | Put@5 Del@4]     (snapshot at 6: two stripes)
//   out_      [Put@5]                        SD@9+Put@8 cancel, Del@4 hidden

#include "db/flush_iterator.h"

#include <algorithm>
#include <deque>

#include "memtable/merge_helper.h"

namespace ROCKSDB_NAMESPACE {

namespace {

bool IsDeletion(ValueType t) {
  return t == kTypeDeletion || t == kTypeSingleDeletion ||
         t == kTypeDeletionWithTimestamp;
}

}  // namespace

FlushIterator::FlushIterator(InternalIterator* input,
                             const InternalKeyComparator& icmp,
                             const MergeOperator* merge_operator,
                             std::vector<SequenceNumber> snapshots,
                             const FragmentedRangeTombstoneList* tombstones,
                             Logger* info_log)
    : input_(input),
      icmp_(icmp),
      merge_operator_(merge_operator),
      snapshots_(std::move(snapshots)),
      tombstones_(tombstones != nullptr && !tombstones->empty() ? tombstones
                                                                : nullptr),
      info_log_(info_log) {}

size_t FlushIterator::StripeOf(const std::vector<SequenceNumber>& snapshots,
                               SequenceNumber seq) {
  return static_cast<size_t>(
      std::lower_bound(snapshots.begin(), snapshots.end(), seq) -
      snapshots.begin());
}

void FlushIterator::SeekToFirst() {
  input_->SeekToFirst();
  out_.clear();
  pos_ = 0;
  ProcessNextUserKey();
}

void FlushIterator::Next() {
  ++pos_;
  if (pos_ >= out_.size()) {
    out_.clear();
    pos_ = 0;
    ProcessNextUserKey();
  }
}

void FlushIterator::ProcessNextUserKey() {
  const Comparator* ucmp = icmp_.user_comparator();
  // Keys whose entries all cancel out produce nothing: go on to the next.
  while (out_.empty() && status_.ok() && input_->Valid()) {
    entries_.clear();
    std::string user_key;
    while (input_->Valid()) {
      ParsedInternalKey parsed;
      Status s = ParseInternalKey(input_->key(), &parsed, false);
      if (!s.ok()) {
        status_ = s;
        return;
      }
      if (!entries_.empty() && ucmp->Compare(parsed.user_key, user_key) != 0) {
        break;
      }
      if (entries_.empty()) user_key = parsed.user_key.ToString();
      entries_.push_back(Entry{input_->key().ToString(),
                               input_->value().ToString(), parsed.sequence,
                               parsed.type});
      ++num_input_;
      input_->Next();
    }
    Compact();
  }
  if (status_.ok() && !input_->status().ok()) {
    status_ = input_->status();
  }
  if (!status_.ok()) {
    out_.clear();
  }
  num_output_ += out_.size();
}

bool FlushIterator::Covered(const Entry& e, size_t stripe) const {
  if (tombstones_ == nullptr) return false;
  const SequenceNumber upper =
      stripe < snapshots_.size() ? snapshots_[stripe] : kMaxSequenceNumber;
  return tombstones_->MaxCoveringTombstoneSeqnum(ExtractUserKey(e.key), upper) >
         e.seq;
}

void FlushIterator::Emit(const Slice& user_key, SequenceNumber seq,
                         ValueType type, const Slice& value) {
  Entry e;
  AppendInternalKey(&e.key, ParsedInternalKey(user_key, seq, type));
  e.value = value.ToString();
  e.seq = seq;
  e.type = type;
  out_.push_back(std::move(e));
}

void FlushIterator::Compact() {
  const size_t n = entries_.size();
  // The stripe whose visible entry has been decided (none yet).
  size_t decided = static_cast<size_t>(-1);
  size_t i = 0;
  while (i < n && status_.ok()) {
    Entry& e = entries_[i];
    const size_t stripe = StripeOf(snapshots_, e.seq);
    if (e.type == kTypeSingleDeletion && !Covered(e, stripe)) {
      // SingleDeletes are judged by the entry below them even when a
      // newer entry hides them (observed: "Put SD(hidden)" keeps the SD).
      if (i + 1 < n && StripeOf(snapshots_, entries_[i + 1].seq) == stripe) {
        const ValueType below = entries_[i + 1].type;
        if (below == kTypeSingleDeletion) {
          ++i;  // the lower SingleDelete decides
          continue;
        }
        if (below == kTypeDeletion || below == kTypeDeletionWithTimestamp) {
          status_ = Status::Corruption(
              "Found SD and type: " + std::to_string(static_cast<int>(below)) +
              " on the same key, violating the contract of SingleDelete. "
              "Check your application to make sure the application does not "
              "mix SingleDelete and Delete for the same key. If you are using "
              "write-prepared/write-unprepared transactions, and use "
              "SingleDelete to delete certain keys, then make sure "
              "TransactionDBOptions::rollback_deletion_type_callback is "
              "configured properly. Mixing SD and DEL can lead to undefined "
              "behaviors");
          return;
        }
        decided = stripe;  // the pair cancels out
        i += 2;
        continue;
      }
      out_.push_back(std::move(e));
      decided = stripe;
      ++i;
      continue;
    }
    if (stripe == decided) {
      ++i;  // hidden by a newer entry of its stripe
      continue;
    }
    if (Covered(e, stripe)) {
      decided = stripe;  // the stripe sees the key deleted
      ++i;
      continue;
    }
    if (e.type == kTypeMerge) {
      if (merge_operator_ != nullptr) {
        i = CompactMerges(i, stripe);
        decided = stripe;
      } else {
        // Nothing can combine them: the operands and their base stay.
        out_.push_back(std::move(e));
        ++i;
      }
      continue;
    }
    out_.push_back(std::move(e));
    decided = stripe;
    ++i;
  }
}

size_t FlushIterator::CompactMerges(size_t i, size_t stripe) {
  const size_t n = entries_.size();
  const Slice user_key = ExtractUserKey(entries_[i].key);
  const SequenceNumber newest = entries_[i].seq;
  std::vector<std::string> operands;  // newest first
  size_t j = i;
  while (j < n && entries_[j].type == kTypeMerge &&
         StripeOf(snapshots_, entries_[j].seq) == stripe &&
         !Covered(entries_[j], stripe)) {
    operands.push_back(entries_[j].value);
    ++j;
  }
  const bool base_in_stripe =
      j < n && StripeOf(snapshots_, entries_[j].seq) == stripe;
  if (base_in_stripe) {
    const Entry& base = entries_[j];
    const bool covered = Covered(base, stripe);
    if (covered || base.type == kTypeValue || IsDeletion(base.type)) {
      std::string result;
      Slice base_value(base.value);
      Status s = FullMergeOperands(
          merge_operator_, user_key,
          (!covered && base.type == kTypeValue) ? &base_value : nullptr,
          operands, &result, info_log_);
      if (!s.ok()) {
        status_ = s;
        return n;
      }
      Emit(user_key, newest, kTypeValue, result);
      // A covered base stays to be dropped as hidden; others are consumed.
      return covered ? j : j + 1;
    }
    // Another kind of base (blob, entity): keep the operands unmerged and
    // let the base be written as it is.
    for (size_t k = i; k < j; ++k) out_.push_back(std::move(entries_[k]));
    // The base starts a fresh decision in this stripe.
    out_.push_back(std::move(entries_[j]));
    return j + 1;
  }
  // No base in the stripe: partial merge when the operator can.
  if (operands.size() >= 2) {
    std::deque<Slice> oldest_first;
    for (auto it = operands.rbegin(); it != operands.rend(); ++it) {
      oldest_first.emplace_back(*it);
    }
    std::string merged;
    if (merge_operator_->PartialMergeMulti(user_key, oldest_first, &merged,
                                           info_log_)) {
      Emit(user_key, newest, kTypeMerge, merged);
      return j;
    }
  }
  for (size_t k = i; k < j; ++k) out_.push_back(std::move(entries_[k]));
  return j;
}

}  // namespace ROCKSDB_NAMESPACE
