// Copyright (c) the rocksdb-cleanroom authors.
//
// Out-of-line parts of wide_columns.h.

#include "rocksdb/wide_columns.h"

#include "db/wide_column_serialization.h"

namespace ROCKSDB_NAMESPACE {

const Slice kDefaultWideColumnName;

const WideColumns kNoWideColumns;

Status PinnableWideColumns::CreateIndexForWideColumns() {
  // The index points into value_, which owns or pins the bytes.
  return WideColumnSerialization::Deserialize(value_, &columns_);
}

}  // namespace ROCKSDB_NAMESPACE
