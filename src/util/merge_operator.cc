// Copyright (c) the rocksdb-cleanroom authors.
//
// MergeOperator and AssociativeMergeOperator default methods, and
// MergeOperator::CreateFromString().

#include "rocksdb/merge_operator.h"

#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "util/merge_operators.h"

namespace ROCKSDB_NAMESPACE {

// Adapts the V2 arguments to the old FullMerge() signature, which takes
// the operands as owned strings.
bool MergeOperator::FullMergeV2(const MergeOperationInput& merge_in,
                                MergeOperationOutput* merge_out) const {
  std::deque<std::string> operands;
  for (const Slice& operand : merge_in.operand_list) {
    operands.emplace_back(operand.data(), operand.size());
  }
  return FullMerge(merge_in.key, merge_in.existing_value, operands,
                   &merge_out->new_value, merge_in.logger);
}

// Folds PartialMerge() left to right; any refusal refuses the whole list.
bool MergeOperator::PartialMergeMulti(const Slice& key,
                                      const std::deque<Slice>& operand_list,
                                      std::string* new_value,
                                      Logger* logger) const {
  if (operand_list.size() < 2) return false;  // REQUIRES violated
  std::string acc;
  std::string next;
  if (!PartialMerge(key, operand_list[0], operand_list[1], &acc, logger)) {
    return false;
  }
  for (size_t i = 2; i < operand_list.size(); ++i) {
    next.clear();
    if (!PartialMerge(key, Slice(acc), operand_list[i], &next, logger)) {
      return false;
    }
    acc.swap(next);
  }
  new_value->swap(acc);
  return true;
}

// Applies Merge() once per operand, oldest first, starting from the
// existing value (if any).
bool AssociativeMergeOperator::FullMergeV2(
    const MergeOperationInput& merge_in,
    MergeOperationOutput* merge_out) const {
  const std::vector<Slice>& operands = merge_in.operand_list;
  if (operands.empty()) {
    merge_out->new_value.clear();
    if (merge_in.existing_value != nullptr) {
      merge_out->new_value.assign(merge_in.existing_value->data(),
                                  merge_in.existing_value->size());
    }
    return true;
  }
  std::string acc;
  std::string next;
  Slice acc_slice;
  const Slice* existing = merge_in.existing_value;
  for (const Slice& operand : operands) {
    next.clear();
    if (!Merge(merge_in.key, existing, operand, &next, merge_in.logger)) {
      return false;
    }
    acc.swap(next);
    acc_slice = Slice(acc);
    existing = &acc_slice;
  }
  merge_out->new_value.swap(acc);
  return true;
}

// Two operands combine like a value and an operand.
bool AssociativeMergeOperator::PartialMerge(const Slice& key,
                                            const Slice& left_operand,
                                            const Slice& right_operand,
                                            std::string* new_value,
                                            Logger* logger) const {
  return Merge(key, &left_operand, right_operand, new_value, logger);
}

// RocksDB 7.8.3, observed: "" and "nullptr" give OK and no operator; an
// unknown id gives OK and no operator when ignore_unsupported_options is
// set, NotSupported("Could not load MergeOperator: <value>") otherwise. A
// built-in id (util/merge_operators.h) is created and then configured with
// the remaining "name=value" pairs; an unknown name fails with NotFound but
// *result is set all the same, as RocksDB does.
Status MergeOperator::CreateFromString(const ConfigOptions& config_options,
                                       const std::string& value,
                                       std::shared_ptr<MergeOperator>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s = Configurable::GetOptionsMap(value, "", &id, &opts);
  if (!s.ok()) return s;
  if (id.empty() || id == "nullptr") {
    result->reset();
    return Status::OK();
  }
  std::shared_ptr<MergeOperator> op = MergeOperators::CreateFromStringId(id);
  if (op == nullptr) {
    if (config_options.ignore_unsupported_options) return Status::OK();
    return Status::NotSupported("Could not load MergeOperator", value);
  }
  *result = op;
  return Customizable::ConfigureNewObject(config_options, op.get(), opts);
}

}  // namespace ROCKSDB_NAMESPACE
