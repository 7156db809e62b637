// Copyright (c) the rocksdb-cleanroom authors.
//
// The properties meta block of a block-based table (spec 5.9): a block of
// "name -> value" entries sorted by name, one restart point, holding the
// table's TableProperties and the user-collected properties. Also the names
// of the well-known meta blocks listed in the metaindex (spec 5.6).
#pragma once

#include <cstdint>
#include <string>

#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"

namespace ROCKSDB_NAMESPACE {

// Metaindex names. On disk: never change.
extern const char* const kPropertiesBlockName;    // "rocksdb.properties"
extern const char* const kRangeDelBlockName;      // "rocksdb.range_del"
extern const char* const kFullFilterBlockPrefix;  // "fullfilter."

// Sets *out to the properties block contents (no trailer) for props:
// integers as varint64, names and other strings as raw bytes, each
// optional property only when RocksDB writes it (see the .cc), then every
// entry of props.user_collected_properties whose name is not already taken.
void EncodePropertiesBlock(const TableProperties& props, std::string* out);

// Parses properties block contents into *props. Well-known names fill the
// TableProperties fields; every other name, and the two integer properties
// RocksDB keeps there as well ("rocksdb.deleted.keys",
// "rocksdb.merge.operands"), go to user_collected_properties with their
// raw value. readable_properties is left empty, as RocksDB does.
// block_offset is the file offset of contents[0], used to record where the
// value of "rocksdb.external_sst_file.global_seqno" lives
// (external_sst_file_global_seqno_offset). Corruption if the block itself
// is malformed; a malformed integer value is skipped.
Status DecodePropertiesBlock(const Slice& contents, TableProperties* props,
                             uint64_t block_offset = 0);

}  // namespace ROCKSDB_NAMESPACE
