// Copyright (c) the rocksdb-cleanroom authors.
//
// FullMergeOperands: reorders the operands oldest first (the order
// MergeOperator::FullMergeV2 expects) and copies out whichever result the
// operator chose (a new value or one of its inputs).
#include "util/merge_helper.h"

namespace ROCKSDB_NAMESPACE {

Status FullMergeOperands(const MergeOperator* merge_operator,
                         const Slice& user_key, const Slice* base,
                         const std::vector<std::string>& operands_newest_first,
                         std::string* result, Logger* logger) {
  if (merge_operator == nullptr) {
    return Status::InvalidArgument(
        "merge_operator is not properly initialized.");
  }
  std::vector<Slice> operands;
  operands.reserve(operands_newest_first.size());
  for (auto it = operands_newest_first.rbegin();
       it != operands_newest_first.rend(); ++it) {
    operands.emplace_back(*it);
  }
  std::string new_value;
  Slice existing_operand(nullptr, 0);
  MergeOperator::MergeOperationInput in(user_key, base, operands, logger);
  MergeOperator::MergeOperationOutput out(new_value, existing_operand);
  if (!merge_operator->FullMergeV2(in, &out)) {
    return Status::Corruption("Error: Could not perform merge.");
  }
  if (result != nullptr) {
    if (existing_operand.data() != nullptr) {
      result->assign(existing_operand.data(), existing_operand.size());
    } else {
      *result = std::move(new_value);
    }
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
