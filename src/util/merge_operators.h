// Copyright (c) the rocksdb-cleanroom authors.
//
// Factories of the merge operators RocksDB 7.8.3 builds in and registers
// for MergeOperator::CreateFromString (ids in parentheses; the operator's
// Name() and GetId() are the second, class-like name):
//   put, PutOperator        the newest operand replaces the value
//   put_v1                  the same through the old FullMerge interface
//   uint64add, UInt64AddOperator   little-endian fixed64 sum (wraps); an
//                                  operand or value not 8 bytes long counts
//                                  as 0
//   max, MaxOperator        bytewise largest of value and operands
//   stringappend, StringAppendOperator   value + delimiter + operand
//                                        (option "delimiter", default ",")
//   stringappendtest, StringAppendTESTOperator   the same result through a
//                                        full merge only (no partial merge)
//   bytesxor, BytesXOR      bytewise XOR, the longer input's tail kept
//   sortlist, MergeSortOperator   merges comma-separated int lists (each
//                                 assumed sorted); the existing value is
//                                 ignored, as in RocksDB
#pragma once

#include <memory>
#include <string>

#include "rocksdb/merge_operator.h"

namespace ROCKSDB_NAMESPACE {

class MergeOperators {
 public:
  static std::shared_ptr<MergeOperator> CreatePutOperator();
  static std::shared_ptr<MergeOperator> CreateDeprecatedPutOperator();
  static std::shared_ptr<MergeOperator> CreateUInt64AddOperator();
  static std::shared_ptr<MergeOperator> CreateStringAppendOperator();
  static std::shared_ptr<MergeOperator> CreateStringAppendOperator(
      char delim_char);
  static std::shared_ptr<MergeOperator> CreateStringAppendOperator(
      const std::string& delim);
  static std::shared_ptr<MergeOperator> CreateStringAppendTESTOperator();
  static std::shared_ptr<MergeOperator> CreateMaxOperator();
  static std::shared_ptr<MergeOperator> CreateBytesXOROperator();
  static std::shared_ptr<MergeOperator> CreateSortOperator();

  // The operator registered under id (short or class name, see above), or
  // null when id names none of them. The result has default options.
  static std::shared_ptr<MergeOperator> CreateFromStringId(
      const std::string& id);
};

}  // namespace ROCKSDB_NAMESPACE
