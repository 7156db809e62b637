// Copyright (c) the rocksdb-cleanroom authors.
//
// The value encoding of a wide-column entity (value type 0x16 in WAL and
// SST records). Observed from RocksDB 7.8.3, all integers varint32:
//
//   entity  := version num_columns index{num_columns} value{num_columns}
//   version := 1 (decoders accept 0 and 1, reject larger: NotSupported)
//   index   := name_len name value_len        (name bytes inline)
//   value   := value_len bytes, in the same order as the index
//
// Columns are stored in strictly increasing bytewise name order. Bytes after
// the last value are ignored by the decoder.
#pragma once

#include <string>

#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/wide_columns.h"

namespace ROCKSDB_NAMESPACE {

class WideColumnSerialization {
 public:
  // The version written by Serialize.
  static constexpr uint32_t kCurrentVersion = 1;

  // Appends the encoding of `columns` to *output.
  // REQUIRES: columns sorted by name (Corruption "Wide columns out of order"
  // otherwise, also for duplicates; *output may then hold a partial entity).
  static Status Serialize(const WideColumns& columns, std::string* output);

  // Decodes `input` into *columns, whose Slices point into input's bytes.
  // On error *columns holds the columns decoded so far, values not yet
  // filled in.
  static Status Deserialize(Slice input, WideColumns* columns);
};

}  // namespace ROCKSDB_NAMESPACE
