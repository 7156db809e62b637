// Copyright (c) the rocksdb-cleanroom authors.
//
// Translates the flags into rocksdb::Options the way RocksDB 7.8's db_bench
// does: where db_bench's flag defaults differ from Options' defaults
// (delayed_write_rate, enable_pipelined_write, table_cache_numshardbits,
// hard_pending_compaction_bytes_limit, FIFO options, index shortening, ...)
// the flag wins, so that the OPTIONS file our db_bench_rocksdb writes equals
// the one /usr/bin/db_bench writes (db_bench/tests checks this).
#pragma once

#include <string>

#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

// Parses --compression_type. Returns false for an unknown name.
bool ParseCompressionType(const std::string& name, CompressionType* type);
// RocksDB's display name of a compression type ("Snappy", "NoCompression").
const char* CompressionDisplayName(CompressionType type);

struct BenchOptions {
  Options options;
  // Outcome of creating --merge_operator (OK when none was asked for).
  Status merge_operator_status;
};

// Fills *out from the flags. Returns InvalidArgument for flags that cannot
// be used (unknown compression type, unknown merge operator).
Status OptionsFromFlags(BenchOptions* out);

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
