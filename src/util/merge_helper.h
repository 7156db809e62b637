// Copyright (c) the rocksdb-cleanroom authors.
//
// Full merge of collected merge operands, shared by the memtable lookup and
// the DB read path (which continues a lookup through older memtables and
// tables). Operands are collected newest first, as a lookup meets them.
#pragma once

#include <string>
#include <vector>

#include "rocksdb/merge_operator.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Logger;

// Runs merge_operator's full merge of operands_newest_first over base (null
// when the key has no base value: never written, deleted or covered by a
// range tombstone) and stores the merged value in *result (if not null).
// Returns InvalidArgument("merge_operator is not properly initialized.")
// without an operator and Corruption("Error: Could not perform merge.")
// when the operator fails, as RocksDB 7.8.3 does.
Status FullMergeOperands(const MergeOperator* merge_operator,
                         const Slice& user_key, const Slice* base,
                         const std::vector<std::string>& operands_newest_first,
                         std::string* result, Logger* logger);

}  // namespace ROCKSDB_NAMESPACE
