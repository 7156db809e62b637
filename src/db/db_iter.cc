// Copyright (c) the rocksdb-cleanroom authors.
//
// DBIter. The internal iterator holds, per user key, its entries newest
// first:
//
//   k1@9(hidden) k1@7:Merge k1@5:Value | k2@6:Delete k2@3:Value | k3@2 ...
//
// Moving forward (direction kForward) iter_ rests on the entry whose value
// is shown (or past the key's entries after a merge: iter_past_current_).
// Moving backward (kReverse) iter_ rests on the last entry of the previous
// user key: a key's entries are read oldest to newest, so its value is
// known only once the scan has left the key; the value is then copied.
//
// Counting for max_skippable_internal_keys (matches RocksDB 7.8.3 as
// observed): every operation starts at zero and each internal entry
// examined adds one, the check (count > limit) coming before the add:
// - forward: every entry the scan visits, including the one shown, but
//   not the merge operands collected after it;
// - backward: every visible entry of a key, plus every entry stepped over
//   to leave a key (hidden ones, and on a direction change the entries of
//   the current key); after a key that turned out deleted, one check
//   without adding.
// Entries covered by a visible range tombstone are absent: every move of
// iter_ (Iter*, Seek*Internal) steps over them in its direction, so they
// are never counted nor examined (RocksDB 7.8.3's merging iterator drops
// them before its DBIter sees them).
// Long runs of entries of one key are cut short by a seek: forward after
// more than max_sequential_skip_in_iterations skipped entries; backward
// after that many entries read, the value is found by seeking to the
// newest visible entry and reading forward (not counted), after which the
// key's entries are stepped over backward as usual (counted, and cut
// short by a seek after max_sequential_skip_in_iterations of them).
#include "db/db_iter.h"

#include <cstring>
#include <utility>

#include "db/range_del_aggregator.h"
#include "db/wide_column_serialization.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/statistics.h"
#include "util/perf_context_imp.h"

namespace ROCKSDB_NAMESPACE {

void DBIterSource::Reset() {
  range_del.reset();
  if (iter != nullptr) {
    DestroyInternalIterator(iter, iter_in_arena);
    iter = nullptr;
  }
  arena.reset();
}

DBIterSource::DBIterSource(DBIterSource&& other) noexcept {
  *this = std::move(other);
}

DBIterSource& DBIterSource::operator=(DBIterSource&& other) noexcept {
  if (this != &other) {
    Reset();
    arena = std::move(other.arena);
    iter = other.iter;
    iter_in_arena = other.iter_in_arena;
    range_del = std::move(other.range_del);
    sequence = other.sequence;
    version_number = other.version_number;
    other.iter = nullptr;
  }
  return *this;
}

DBIter::DBIter(const ReadOptions& ro, const DBIterOptions& options,
               DBIterSource&& source, RefreshFunction refresh)
    : options_(options),
      ucmp_(options.user_comparator),
      lower_bound_(ro.iterate_lower_bound),
      upper_bound_(ro.iterate_upper_bound),
      prefix_same_as_start_(ro.prefix_same_as_start &&
                            options.prefix_extractor != nullptr),
      pin_data_(ro.pin_data),
      max_skippable_internal_keys_(ro.max_skippable_internal_keys),
      expect_total_order_(options.prefix_extractor == nullptr ||
                          ro.total_order_seek || ro.auto_prefix_mode),
      refresh_(std::move(refresh)),
      source_(std::move(source)),
      iter_(source_.iter),
      max_skip_(options.max_sequential_skip_in_iterations) {}

DBIter::~DBIter() {
  FlushStats();
  if (options_.statistics != nullptr) {
    options_.statistics->recordTick(NO_ITERATOR_DELETED, 1);
  }
}

Status DBIter::status() const {
  if (!status_.ok()) return status_;
  return iter_->status();
}

// ---- Helpers ---------------------------------------------------------------

bool DBIter::TooManyInternalKeysSkipped(bool increment) {
  if (max_skippable_internal_keys_ > 0 &&
      num_internal_keys_skipped_ > max_skippable_internal_keys_) {
    valid_ = false;
    status_ = Status::Incomplete("Too many internal keys skipped.");
    return true;
  }
  if (increment) ++num_internal_keys_skipped_;
  return false;
}

bool DBIter::ParseKey(ParsedInternalKey* ikey) {
  Status s = ParseInternalKey(iter_->key(), ikey, false);
  if (!s.ok()) {
    status_ = Status::Corruption("In DBIter: ", s.getState());
    valid_ = false;
    return false;
  }
  return true;
}

bool DBIter::PrefixMatches(const Slice& user_key) const {
  const SliceTransform* pe = options_.prefix_extractor;
  return pe->InDomain(user_key) && pe->Transform(user_key) == Slice(prefix_);
}

void DBIter::SetPrefixFrom(const Slice& user_key) {
  prefix_set_ = false;
  if (!prefix_same_as_start_) return;
  const SliceTransform* pe = options_.prefix_extractor;
  if (!pe->InDomain(user_key)) return;
  const Slice p = pe->Transform(user_key);
  prefix_.assign(p.data(), p.size());
  prefix_set_ = true;
}

bool DBIter::CheckUpperBoundAndPrefix(const Slice& user_key) const {
  if (upper_bound_ != nullptr && ucmp_->Compare(user_key, *upper_bound_) >= 0) {
    return false;
  }
  return !prefix_set_ || PrefixMatches(user_key);
}

bool DBIter::SetValue(ValueType type, const Slice& raw) {
  columns_.clear();
  if (type == kTypeValue) {
    value_ = raw;
    columns_.emplace_back(kDefaultWideColumnName, raw);
    return true;
  }
  if (type == kTypeWideColumnEntity) {
    Status s = WideColumnSerialization::Deserialize(raw, &columns_);
    if (!s.ok()) {
      status_ = s;
      valid_ = false;
      return false;
    }
    value_ = Slice();
    if (!columns_.empty() && columns_[0].name() == kDefaultWideColumnName) {
      value_ = columns_[0].value();
    }
    return true;
  }
  status_ = Status::NotSupported(
      "Encounter unexpected blob index. Please open DB with "
      "ROCKSDB_NAMESPACE::blob_db::BlobDB instead.");
  valid_ = false;
  return false;
}

bool DBIter::Merge(const Slice* base, bool newest_first) {
  if (options_.merge_operator == nullptr) {
    status_ = Status::InvalidArgument("merge_operator_ must be set.");
    valid_ = false;
    return false;
  }
  operand_slices_.clear();
  for (size_t i = 0; i < num_operands_; ++i) {
    operand_slices_.emplace_back(
        operands_[newest_first ? num_operands_ - 1 - i : i]);
  }
  merged_value_.clear();
  Slice existing(nullptr, 0);
  MergeOperator::MergeOperationInput in(saved_key_, base, operand_slices_,
                                        options_.info_log);
  MergeOperator::MergeOperationOutput out(merged_value_, existing);
  PERF_COUNTER_ADD(internal_merge_count, num_operands_);
  if (!options_.merge_operator->FullMergeV2(in, &out)) {
    status_ = Status::Corruption("Error: Could not perform merge.");
    valid_ = false;
    return false;
  }
  if (existing.data() != nullptr) {
    merged_value_.assign(existing.data(), existing.size());
  }
  value_ = merged_value_;
  columns_.clear();
  columns_.emplace_back(kDefaultWideColumnName, value_);
  return true;
}

void DBIter::PushOperand(const Slice& operand) {
  if (num_operands_ == operands_.size()) operands_.emplace_back();
  operands_[num_operands_++].assign(operand.data(), operand.size());
}

// The value a base entry contributes to a merge (the default column of an
// entity).
bool DBIter::BaseValue(ValueType type, const Slice& raw, Slice* base) {
  if (type == kTypeValue) {
    *base = raw;
    return true;
  }
  if (!SetValue(type, raw)) return false;
  *base = value_;
  return true;
}

void DBIter::SeekInternal(const Slice& user_key, SequenceNumber seq,
                          ValueType t) {
  seek_key_.clear();
  AppendInternalKey(&seek_key_, ParsedInternalKey(user_key, seq, t));
  iter_->Seek(seek_key_);
  SkipCoveredForward();
}

void DBIter::SeekForPrevInternal(const Slice& user_key, SequenceNumber seq,
                                 ValueType t) {
  seek_key_.clear();
  AppendInternalKey(&seek_key_, ParsedInternalKey(user_key, seq, t));
  iter_->SeekForPrev(seek_key_);
  SkipCoveredBackward();
}

void DBIter::IterSeekToFirst() {
  iter_->SeekToFirst();
  SkipCoveredForward();
}

void DBIter::IterSeekToLast() {
  iter_->SeekToLast();
  SkipCoveredBackward();
}

void DBIter::IterNext() {
  iter_->Next();
  SkipCoveredForward();
}

void DBIter::IterPrev() {
  iter_->Prev();
  SkipCoveredBackward();
}

// Moving forward, a run of covered entries starting at or past the upper
// bound is not skipped (it ends the scan anyway; observed through the
// internal-key property).
void DBIter::SkipCoveredForward() {
  RangeDelAggregator* agg = source_.range_del.get();
  if (agg == nullptr || agg->IsEmpty()) return;
  bool skipped = false;
  ParsedInternalKey ikey;
  while (iter_->Valid() && ParseInternalKey(iter_->key(), &ikey, false).ok() &&
         (skipped || upper_bound_ == nullptr ||
          ucmp_->Compare(ikey.user_key, *upper_bound_) < 0) &&
         agg->ShouldDelete(ikey, RangeDelPositioningMode::kForwardTraversal)) {
    iter_->Next();
    skipped = true;
  }
}

void DBIter::SkipCoveredBackward() {
  RangeDelAggregator* agg = source_.range_del.get();
  if (agg == nullptr || agg->IsEmpty()) return;
  ParsedInternalKey ikey;
  while (iter_->Valid() && ParseInternalKey(iter_->key(), &ikey, false).ok() &&
         agg->ShouldDelete(ikey, RangeDelPositioningMode::kBackwardTraversal)) {
    iter_->Prev();
  }
}

void DBIter::SetInvalidFromIter() {
  valid_ = false;
  if (status_.ok()) status_ = iter_->status();
}

void DBIter::StartSeek() {
  num_internal_keys_skipped_ = 0;
  status_ = Status::OK();
  valid_ = false;
  iter_past_current_ = false;
  prefix_set_ = false;
  if (options_.statistics != nullptr) {
    options_.statistics->recordTick(NUMBER_DB_SEEK, 1);
  }
}

void DBIter::FinishSeek() {
  if (!valid_) return;
  if (!prefix_set_) SetPrefixFrom(saved_key_);
  PinKey();
  if (options_.statistics != nullptr) {
    options_.statistics->recordTick(NUMBER_DB_SEEK_FOUND, 1);
    options_.statistics->recordTick(ITER_BYTES_READ,
                                    saved_key_.size() + value_.size());
  }
}

void DBIter::PinKey() {
  if (!pin_data_) return;
  if (saved_key_.empty()) {
    pinned_key_ = Slice();
    return;
  }
  char* mem = pinned_.Allocate(saved_key_.size());
  memcpy(mem, saved_key_.data(), saved_key_.size());
  pinned_key_ = Slice(mem, saved_key_.size());
}

void DBIter::FlushStats() {
  Statistics* stats = options_.statistics;
  if (stats == nullptr) return;
  if (next_count_ > 0) stats->recordTick(NUMBER_DB_NEXT, next_count_);
  if (next_found_count_ > 0) {
    stats->recordTick(NUMBER_DB_NEXT_FOUND, next_found_count_);
  }
  if (prev_count_ > 0) stats->recordTick(NUMBER_DB_PREV, prev_count_);
  if (prev_found_count_ > 0) {
    stats->recordTick(NUMBER_DB_PREV_FOUND, prev_found_count_);
  }
  if (bytes_read_ > 0) stats->recordTick(ITER_BYTES_READ, bytes_read_);
  if (skip_count_ > 0) stats->recordTick(NUMBER_ITER_SKIP, skip_count_);
  next_count_ = next_found_count_ = prev_count_ = prev_found_count_ = 0;
  bytes_read_ = skip_count_ = 0;
}

// ---- Positioning -----------------------------------------------------------

void DBIter::SeekToFirst() {
  if (lower_bound_ != nullptr) {
    Seek(*lower_bound_);
    return;
  }
  // Prefix mode: from now on no seeking past runs of entries (observed).
  if (!expect_total_order_) max_skip_ = UINT64_MAX;
  StartSeek();
  direction_ = kForward;
  IterSeekToFirst();
  // The first entry's key counts as examined (the internal-key property),
  // even when it lies past the upper bound.
  if (iter_->Valid()) {
    saved_key_.assign(iter_->user_key().data(), iter_->user_key().size());
  }
  FindNextUserEntry(false);
  FinishSeek();
}

void DBIter::Seek(const Slice& target) {
  StartSeek();
  SetPrefixFrom(target);  // before the lower bound applies (observed)
  Slice t = target;
  if (lower_bound_ != nullptr && ucmp_->Compare(t, *lower_bound_) < 0) {
    t = *lower_bound_;
  }
  saved_key_.assign(t.data(), t.size());  // t may point into saved_key_
  direction_ = kForward;
  SeekInternal(saved_key_, source_.sequence, kValueTypeForSeek);
  FindNextUserEntry(false);
  FinishSeek();
}

void DBIter::SeekToLast() {
  StartSeek();
  direction_ = kReverse;
  if (upper_bound_ != nullptr) {
    // The last entry strictly below the (exclusive) upper bound, as
    // SeekForPrev(upper bound) would find it (its prefix too).
    SetPrefixFrom(*upper_bound_);
    saved_key_.assign(upper_bound_->data(), upper_bound_->size());
    SeekForPrevInternal(*upper_bound_, kMaxSequenceNumber, kValueTypeForSeek);
  } else {
    if (!expect_total_order_) max_skip_ = UINT64_MAX;  // as SeekToFirst
    IterSeekToLast();
  }
  PrevInternal();
  FinishSeek();
}

void DBIter::SeekForPrev(const Slice& target) {
  StartSeek();
  SetPrefixFrom(target);  // before the upper bound applies (observed)
  direction_ = kReverse;
  if (upper_bound_ != nullptr && ucmp_->Compare(target, *upper_bound_) >= 0) {
    saved_key_.assign(upper_bound_->data(), upper_bound_->size());
    SeekForPrevInternal(*upper_bound_, kMaxSequenceNumber, kValueTypeForSeek);
  } else {
    saved_key_.assign(target.data(), target.size());
    SeekForPrevInternal(saved_key_, 0, kValueTypeForSeekForPrev);
  }
  PrevInternal();
  FinishSeek();
}

void DBIter::Next() {
  if (!valid_) return;  // REQUIRES: Valid()
  num_internal_keys_skipped_ = 0;
  ++next_count_;
  if (direction_ == kReverse) {
    // iter_ is before the current key: restart at its newest entry.
    direction_ = kForward;
    SeekInternal(saved_key_, kMaxSequenceNumber, kValueTypeForSeek);
  } else if (!iter_past_current_) {
    IterNext();
  }
  FindNextUserEntry(true);
  if (valid_) {
    ++next_found_count_;
    bytes_read_ += saved_key_.size() + value_.size();
    PinKey();
  }
}

void DBIter::Prev() {
  if (!valid_) return;  // REQUIRES: Valid()
  num_internal_keys_skipped_ = 0;
  ++prev_count_;
  if (direction_ == kForward) {
    direction_ = kReverse;
    if (!iter_->Valid() && !iter_->status().ok()) {
      SetInvalidFromIter();
      return;
    }
    if (iter_past_current_ && (!expect_total_order_ || !iter_->Valid())) {
      // A merge result with iter_ past its key: straight to the entries
      // before the key (observed: nothing counted).
      SeekForPrevInternal(saved_key_, kMaxSequenceNumber, kValueTypeForSeek);
    } else if (!iter_->Valid()) {
      IterSeekToLast();
    }
    // Otherwise step back from where iter_ is, over the current key.
    if (!FindUserKeyBeforeSavedKey()) return;
  }
  PrevInternal();
  if (valid_) {
    ++prev_found_count_;
    bytes_read_ += saved_key_.size() + value_.size();
    PinKey();
  }
}

// ---- Forward ---------------------------------------------------------------

void DBIter::FindNextUserEntry(bool skipping) {
  const uint64_t max_skip = max_skip_;
  const SequenceNumber sequence = source_.sequence;
  uint64_t num_skipped = 0;  // consecutive entries of one key passed over
  iter_past_current_ = false;
  valid_ = false;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return;
    if (!CheckUpperBoundAndPrefix(ikey.user_key)) return;
    if (TooManyInternalKeysSkipped()) return;

    if (skipping && ucmp_->Compare(ikey.user_key, saved_key_) <= 0) {
      // An older entry of a key already shown or deleted.
      ++num_skipped;
      ++skip_count_;
      PERF_COUNTER_ADD(internal_key_skipped_count, 1);
    } else if (ikey.sequence > sequence) {
      // Newer than the read sequence.
      if (ucmp_->Equal(ikey.user_key, saved_key_)) {
        ++num_skipped;
      } else {
        saved_key_.assign(ikey.user_key.data(), ikey.user_key.size());
        num_skipped = 0;
        skipping = false;
      }
      PERF_COUNTER_ADD(internal_recent_skipped_count, 1);
    } else {
      skipping = false;
      num_skipped = 0;
      saved_key_.assign(ikey.user_key.data(), ikey.user_key.size());
      switch (ikey.type) {
        case kTypeValue:
        case kTypeWideColumnEntity:
        case kTypeBlobIndex:
          valid_ = SetValue(ikey.type, iter_->value());
          return;
        case kTypeDeletion:
        case kTypeSingleDeletion:
        case kTypeDeletionWithTimestamp:
          skipping = true;
          PERF_COUNTER_ADD(internal_delete_skipped_count, 1);
          break;
        case kTypeMerge:
          MergeForward();
          return;
        default:
          status_ = Status::Corruption("In DBIter: unexpected value type " +
                                       std::to_string(ikey.type));
          return;
      }
    }

    if (num_skipped > max_skip) {
      // Too many entries of one key: seek past them (skipping) or to its
      // newest visible entry (hidden entries).
      num_skipped = 0;
      if (skipping) {
        SeekInternal(saved_key_, 0, kValueTypeForSeekForPrev);
      } else {
        SeekInternal(saved_key_, sequence, kValueTypeForSeek);
      }
      continue;
    }
    IterNext();
  }
  SetInvalidFromIter();
}

void DBIter::MergeForward() {
  num_operands_ = 0;
  PushOperand(iter_->value());
  IterNext();
  iter_past_current_ = true;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return;
    if (!ucmp_->Equal(ikey.user_key, saved_key_)) break;
    const ValueType type = ikey.type;
    switch (type) {
      case kTypeValue:
      case kTypeWideColumnEntity:
      case kTypeBlobIndex: {
        Slice base;
        if (!BaseValue(type, iter_->value(), &base)) return;
        if (!Merge(&base, true)) return;
        IterNext();
        valid_ = true;
        return;
      }
      case kTypeDeletion:
      case kTypeSingleDeletion:
      case kTypeDeletionWithTimestamp:
        if (!Merge(nullptr, true)) return;
        IterNext();
        valid_ = true;
        return;
      case kTypeMerge:
        PushOperand(iter_->value());
        IterNext();
        break;
      default:
        status_ = Status::Corruption("In DBIter: unexpected value type " +
                                     std::to_string(ikey.type));
        return;
    }
  }
  if (!iter_->status().ok()) {
    SetInvalidFromIter();
    return;
  }
  valid_ = Merge(nullptr, true);
}

// ---- Backward --------------------------------------------------------------

void DBIter::PrevInternal() {
  valid_ = false;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return;
    saved_key_.assign(ikey.user_key.data(), ikey.user_key.size());
    if (lower_bound_ != nullptr &&
        ucmp_->Compare(saved_key_, *lower_bound_) < 0) {
      return;
    }
    if (prefix_set_ && !PrefixMatches(saved_key_)) return;
    if (!FindValueForCurrentKey()) return;
    if (!FindUserKeyBeforeSavedKey()) return;
    if (valid_) return;
    if (TooManyInternalKeysSkipped(false)) return;
  }
  SetInvalidFromIter();
}

bool DBIter::FindValueForCurrentKey() {
  const uint64_t max_skip = max_skip_;
  ValueType last_type = kTypeDeletion;  // of the newest visible entry so far
  ValueType base_type = kTypeDeletion;  // of the entry under the operands
  num_operands_ = 0;
  uint64_t num_read = 0;
  valid_ = false;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return false;
    if (!ucmp_->Equal(ikey.user_key, saved_key_)) break;
    // Entries newer than the read sequence follow; the caller skips them.
    if (ikey.sequence > source_.sequence) break;
    if (TooManyInternalKeysSkipped()) return false;
    if (num_read >= max_skip) return FindValueForCurrentKeyUsingSeek();

    const ValueType type = ikey.type;
    switch (type) {
      case kTypeValue:
      case kTypeWideColumnEntity:
      case kTypeBlobIndex:
        last_type = type;
        num_operands_ = 0;
        saved_value_.assign(iter_->value().data(), iter_->value().size());
        break;
      case kTypeDeletion:
      case kTypeSingleDeletion:
      case kTypeDeletionWithTimestamp:
        last_type = kTypeDeletion;
        num_operands_ = 0;
        PERF_COUNTER_ADD(internal_delete_skipped_count, 1);
        break;
      case kTypeMerge:
        if (last_type != kTypeMerge) base_type = last_type;
        last_type = kTypeMerge;
        PushOperand(iter_->value());  // oldest first
        break;
      default:
        status_ = Status::Corruption("In DBIter: unexpected value type " +
                                     std::to_string(ikey.type));
        return false;
    }
    IterPrev();
    ++num_read;
  }
  if (!iter_->status().ok()) {
    SetInvalidFromIter();
    return false;
  }
  switch (last_type) {
    case kTypeDeletion:
      return true;
    case kTypeMerge:
      if (base_type == kTypeDeletion) {
        valid_ = Merge(nullptr, false);
      } else {
        Slice base;
        valid_ =
            BaseValue(base_type, saved_value_, &base) && Merge(&base, false);
      }
      return valid_;
    default:
      valid_ = SetValue(last_type, saved_value_);
      return valid_;
  }
}

// Nothing read here counts for max_skippable_internal_keys. iter_ is left
// on the entry that decided (a value or a deletion) or, when the operands
// ran to the end of the key, on the key's oldest entry; the caller then
// steps back over the key's entries.
bool DBIter::FindValueForCurrentKeyUsingSeek() {
  SeekInternal(saved_key_, source_.sequence, kValueTypeForSeek);
  num_operands_ = 0;
  valid_ = false;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return false;
    if (!ucmp_->Equal(ikey.user_key, saved_key_)) break;
    const ValueType type = ikey.type;
    switch (type) {
      case kTypeValue:
      case kTypeWideColumnEntity:
      case kTypeBlobIndex:
        saved_value_.assign(iter_->value().data(), iter_->value().size());
        if (num_operands_ == 0) {
          valid_ = SetValue(type, saved_value_);
        } else {
          Slice base;
          valid_ = BaseValue(type, saved_value_, &base) && Merge(&base, true);
        }
        return valid_;
      case kTypeDeletion:
      case kTypeSingleDeletion:
      case kTypeDeletionWithTimestamp:
        if (num_operands_ > 0) {
          valid_ = Merge(nullptr, true);
          return valid_;
        }
        return true;
      case kTypeMerge:
        PushOperand(iter_->value());  // newest first
        IterNext();
        break;
      default:
        status_ = Status::Corruption("In DBIter: unexpected value type " +
                                     std::to_string(ikey.type));
        return false;
    }
  }
  if (!iter_->status().ok()) {
    SetInvalidFromIter();
    return false;
  }
  if (num_operands_ > 0) {
    if (!Merge(nullptr, true)) return false;
    valid_ = true;
  }
  // Back onto the key (its oldest entry).
  SeekForPrevInternal(saved_key_, 0, kValueTypeForSeekForPrev);
  return true;
}

bool DBIter::FindUserKeyBeforeSavedKey() {
  const uint64_t max_skip = max_skip_;
  uint64_t num_skipped = 0;
  while (iter_->Valid()) {
    ParsedInternalKey ikey;
    if (!ParseKey(&ikey)) return false;
    if (ucmp_->Compare(ikey.user_key, saved_key_) < 0) return true;
    if (TooManyInternalKeysSkipped()) return false;
    if (num_skipped >= max_skip) {
      num_skipped = 0;
      SeekForPrevInternal(saved_key_, kMaxSequenceNumber, kValueTypeForSeek);
      continue;
    }
    ++num_skipped;
    ++skip_count_;
    IterPrev();
  }
  if (!iter_->status().ok()) {
    SetInvalidFromIter();
    return false;
  }
  return true;
}

// ---- Refresh and properties ------------------------------------------------

Status DBIter::Refresh() {
  if (!refresh_) return Iterator::Refresh();
  DBIterSource fresh;
  Status s = refresh_(&fresh);
  if (!s.ok()) return s;
  source_ = std::move(fresh);
  iter_ = source_.iter;
  valid_ = false;
  status_ = Status::OK();
  direction_ = kForward;
  iter_past_current_ = false;
  return Status::OK();
}

Status DBIter::GetProperty(std::string prop_name, std::string* prop) {
  if (prop == nullptr) {
    return Status::InvalidArgument("prop is nullptr");
  }
  if (prop_name == "rocksdb.iterator.super-version-number") {
    *prop = std::to_string(source_.version_number);
    return Status::OK();
  }
  if (prop_name == "rocksdb.iterator.is-key-pinned") {
    if (valid_) {
      *prop = pin_data_ ? "1" : "0";
    } else {
      *prop = "Iterator is not valid.";
    }
    return Status::OK();
  }
  if (prop_name == "rocksdb.iterator.internal-key") {
    *prop = saved_key_;
    return Status::OK();
  }
  return Iterator::GetProperty(std::move(prop_name), prop);
}

}  // namespace ROCKSDB_NAMESPACE
