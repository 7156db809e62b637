// Copyright (c) the rocksdb-cleanroom authors.
//
// The one place where DB::Open checks and sanitizes the options it is
// given. Messages, status codes and the sanitized values are RocksDB
// 7.8.3's, observed with its library (see db_options_check_test.cc).
#pragma once

#include <string>
#include <vector>

#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Checks the options of one column family: compression types linked in,
// memtable support for concurrent writes, in-place updates, FIFO limits,
// the missing-object cases and the table factory's own checks.
Status ValidateColumnFamilyOptions(const DBOptions& db_options,
                                   const ColumnFamilyOptions& cf_options);

// Checks the DB-wide options (incompatible combinations).
Status ValidateDBOptions(const DBOptions& db_options);

// Both of the above, for every column family in `column_families`, plus
// the rule that "default" must be listed.
Status ValidateOpenOptions(
    const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& column_families);

// The DB options the DB runs with: env defaulted, wal_dir and db_paths
// filled in, max_open_files raised to RocksDB's minimum, WAL recycling
// only where RocksDB allows it, a WriteBufferManager made for
// db_write_buffer_size. info_log is left as given (Open creates it).
DBOptions SanitizeDBOptions(const std::string& dbname, const DBOptions& src);

// The column family options the DB runs with: write_buffer_size clamped to
// [64 KiB, 64 GiB], arena_block_size derived from it, at least two write
// buffers (and at most max - 1 merged per flush), level-0 triggers ordered,
// num_levels at least the style's minimum, ttl and periodic compaction defaults
// resolved.
ColumnFamilyOptions SanitizeCFOptions(const DBOptions& db_options,
                                      const ColumnFamilyOptions& src);

// RocksDB's short name of a compression type ("Snappy", "ZSTD", ...).
std::string CompressionTypeShortName(CompressionType type);

}  // namespace ROCKSDB_NAMESPACE
