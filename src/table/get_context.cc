// Copyright (c) the rocksdb-cleanroom authors.
//
// GetContext: the decision table of a point lookup, applied entry by entry
// (newest first) as tables meet the user key.
//
//   entry (or state)          kNotFound        kMerge (operands pending)
//   covered by a tombstone    kDeleted         merge over no base -> kFound
//   Put / entity              kFound (value)   merge over it      -> kFound
//   Delete / SingleDelete     kDeleted         merge over no base -> kFound
//   Merge                     kMerge, go on    kMerge, go on
//   BlobIndex                 kUnexpectedBlobIndex
// A failed merge gives kCorrupt with the merge error in status().

#include "table/get_context.h"

#include <algorithm>

#include "rocksdb/comparator.h"
#include "rocksdb/slice.h"
#include "util/coding.h"
#include "util/merge_helper.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The value of the default (empty-named) column of a wide-column entity,
// or an empty value when it has none. Layout: see
// db/wide_column_serialization.h (version, count, then name/size pairs,
// then the values in the same order).
Status DefaultColumnOfEntity(Slice input, Slice* value) {
  uint32_t version = 0;
  uint32_t count = 0;
  if (!GetVarint32(&input, &version) || !GetVarint32(&input, &count)) {
    return Status::Corruption("Error decoding wide column entity header");
  }
  if (version > 1) {
    return Status::NotSupported("Unsupported wide column entity version");
  }
  *value = Slice();
  if (count == 0) return Status::OK();
  Slice first_name;
  uint32_t first_size = 0;
  for (uint32_t i = 0; i < count; ++i) {
    Slice name;
    uint32_t size = 0;
    if (!GetLengthPrefixedSlice(&input, &name) || !GetVarint32(&input, &size)) {
      return Status::Corruption("Error decoding wide column index");
    }
    if (i == 0) {
      first_name = name;
      first_size = size;
    }
  }
  if (!first_name.empty()) return Status::OK();  // no default column
  if (input.size() < first_size) {
    return Status::Corruption("Error decoding wide column value");
  }
  *value = Slice(input.data(), first_size);
  return Status::OK();
}

}  // namespace

GetContext::GetContext(const Comparator* ucmp,
                       const MergeOperator* merge_operator, Logger* logger,
                       Statistics* statistics, GetState init_state,
                       const Slice& user_key, PinnableSlice* value,
                       bool* value_found,
                       std::vector<std::string>* merge_operands,
                       SequenceNumber* max_covering_tombstone_seq,
                       SystemClock* clock, SequenceNumber* seq)
    : ucmp_(ucmp),
      merge_operator_(merge_operator),
      logger_(logger),
      statistics_(statistics),
      clock_(clock),
      user_key_(user_key),
      value_(value),
      value_found_(value_found),
      merge_operands_(merge_operands),
      max_covering_tombstone_seq_(max_covering_tombstone_seq != nullptr
                                      ? max_covering_tombstone_seq
                                      : &own_max_covering_tombstone_seq_),
      seq_(seq),
      state_(init_state) {}

void GetContext::SetSeq(SequenceNumber entry_seq) {
  if (seq_ != nullptr && !seq_set_) {
    *seq_ = std::max(entry_seq, *max_covering_tombstone_seq_);
  }
  seq_set_ = true;
}

void GetContext::Finish(const Slice* base, Cleanable* value_pinner) {
  if (state_ == kMerge && merge_operands_ != nullptr &&
      !merge_operands_->empty()) {
    std::string merged;
    status_ =
        FullMergeOperands(merge_operator_, user_key_, base, *merge_operands_,
                          value_ != nullptr ? &merged : nullptr, logger_);
    if (!status_.ok()) {
      state_ = kCorrupt;
      return;
    }
    if (value_ != nullptr) {
      value_->Reset();
      *value_->GetSelf() = std::move(merged);
      value_->PinSelf();
    }
    state_ = kFound;
    return;
  }
  if (base == nullptr) {
    state_ = kDeleted;
    return;
  }
  if (value_ != nullptr) {
    value_->Reset();
    if (value_pinner != nullptr) {
      value_->PinSlice(*base, value_pinner);
    } else {
      value_->PinSelf(*base);
    }
  }
  state_ = kFound;
}

bool GetContext::SaveValue(const ParsedInternalKey& parsed_key,
                           const Slice& value, bool* matched,
                           Cleanable* value_pinner) {
  if (ucmp_->Compare(parsed_key.user_key, user_key_) != 0) {
    return false;  // past the entries of the key
  }
  *matched = true;
  if (state_ != kNotFound && state_ != kMerge) {
    return false;  // already decided
  }
  SetSeq(parsed_key.sequence);
  if (parsed_key.sequence < *max_covering_tombstone_seq_) {
    Finish(nullptr, nullptr);  // deleted by a newer range tombstone
    return false;
  }
  switch (parsed_key.type) {
    case kTypeValue:
      Finish(&value, value_pinner);
      return false;
    case kTypeWideColumnEntity: {
      Slice column;
      Status s = DefaultColumnOfEntity(value, &column);
      if (!s.ok()) {
        status_ = s;
        state_ = kCorrupt;
        return false;
      }
      Finish(&column, value_pinner);
      return false;
    }
    case kTypeDeletion:
    case kTypeSingleDeletion:
    case kTypeDeletionWithTimestamp:
    case kTypeRangeDeletion:
      Finish(nullptr, nullptr);
      return false;
    case kTypeMerge:
      if (merge_operator_ == nullptr) {
        status_ = Status::InvalidArgument(
            "merge_operator is not properly initialized.");
        state_ = kCorrupt;
        return false;
      }
      state_ = kMerge;
      if (merge_operands_ != nullptr) {
        merge_operands_->push_back(value.ToString());
      }
      return true;  // keep collecting older operands
    case kTypeBlobIndex:
      state_ = kUnexpectedBlobIndex;
      return false;
    default:
      status_ = Status::Corruption("unexpected value type in table entry",
                                   std::to_string(parsed_key.type));
      state_ = kCorrupt;
      return false;
  }
}

Status GetContext::FinishMerge() {
  if (state_ == kMerge) {
    Finish(nullptr, nullptr);
  }
  return status_;
}

void GetContext::MarkKeyMayExist() {
  state_ = kFound;
  if (value_found_ != nullptr) *value_found_ = false;
}

}  // namespace ROCKSDB_NAMESPACE
