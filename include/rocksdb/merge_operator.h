// Copyright (c) the rocksdb-cleanroom authors.
//
// MergeOperator: the application's read-modify-write function for
// DB::Merge(). Operands are combined with the existing value on reads and
// during compaction.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/customizable.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
class Logger;

// Implementations must be thread-safe and must not throw.
class MergeOperator : public Customizable {
 public:
  virtual ~MergeOperator() {}
  static const char* Type() { return "MergeOperator"; }
  static Status CreateFromString(const ConfigOptions& opts,
                                 const std::string& id,
                                 std::shared_ptr<MergeOperator>* result);

  // OLD interface, used only through the default FullMergeV2(): combines
  // `existing_value` (nullptr if none) with the operands, oldest first,
  // into *new_value. Returning false reports corruption. Not overriding
  // either this or FullMergeV2() makes every merge fail.
  virtual bool FullMerge(const Slice& /*key*/, const Slice* /*existing_value*/,
                         const std::deque<std::string>& /*operand_list*/,
                         std::string* /*new_value*/, Logger* /*logger*/) const {
    return false;
  }

  // Arguments of FullMergeV2(); refers to caller-owned data.
  struct MergeOperationInput {
    explicit MergeOperationInput(const Slice& _key,
                                 const Slice* _existing_value,
                                 const std::vector<Slice>& _operand_list,
                                 Logger* _logger)
        : key(_key),
          existing_value(_existing_value),
          operand_list(_operand_list),
          logger(_logger) {}

    // The user key.
    const Slice& key;
    // The value before the operands, nullptr if the key had none.
    const Slice* existing_value;
    // The operands, oldest first.
    const std::vector<Slice>& operand_list;
    Logger* logger;
  };

  // Results of FullMergeV2().
  struct MergeOperationOutput {
    explicit MergeOperationOutput(std::string& _new_value,
                                  Slice& _existing_operand)
        : new_value(_new_value), existing_operand(_existing_operand) {}

    // The merged value.
    std::string& new_value;
    // Instead of filling new_value, may be pointed at existing_value or one
    // of the operands when the result equals it (saves a copy).
    Slice& existing_operand;
  };

  // Combines merge_in into merge_out. Returns false on corrupt input, which
  // fails the read or compaction. The default converts the operands and
  // calls FullMerge().
  virtual bool FullMergeV2(const MergeOperationInput& merge_in,
                           MergeOperationOutput* merge_out) const;

  // Combines two adjacent operands (left older) into one, if that is
  // possible without the base value; false means "cannot", which is not an
  // error.
  virtual bool PartialMerge(const Slice& /*key*/, const Slice& /*left_operand*/,
                            const Slice& /*right_operand*/,
                            std::string* /*new_value*/,
                            Logger* /*logger*/) const {
    return false;
  }

  // Combines two or more operands (oldest first) into one, with the same
  // meaning of false as PartialMerge(). The default folds PartialMerge()
  // over the list.
  // REQUIRES: operand_list.size() >= 2.
  virtual bool PartialMergeMulti(const Slice& key,
                                 const std::deque<Slice>& operand_list,
                                 std::string* new_value, Logger* logger) const;

  // Identifies the operator; must stay stable across DB opens.
  virtual const char* Name() const override = 0;

  // Whether PartialMerge() may be called with one operand.
  virtual bool AllowSingleOperand() const { return false; }

  // Given the operands seen so far while reading (newest first), may
  // return true to merge them early without looking for older entries.
  virtual bool ShouldMerge(const std::vector<Slice>& /*operands*/) const {
    return false;
  }
};

// A merge operator whose operands and values have the same type and whose
// operation is associative, so that one Merge() function serves both full
// and partial merges.
class AssociativeMergeOperator : public MergeOperator {
 public:
  ~AssociativeMergeOperator() override {}

  // Combines *existing_value (nullptr if none) with `value`. Returning false
  // reports corruption.
  virtual bool Merge(const Slice& key, const Slice* existing_value,
                     const Slice& value, std::string* new_value,
                     Logger* logger) const = 0;

 private:
  bool FullMergeV2(const MergeOperationInput& merge_in,
                   MergeOperationOutput* merge_out) const override;

  bool PartialMerge(const Slice& key, const Slice& left_operand,
                    const Slice& right_operand, std::string* new_value,
                    Logger* logger) const override;
};

}  // namespace ROCKSDB_NAMESPACE
