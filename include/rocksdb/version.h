// Copyright (c) the rocksdb-cleanroom authors.
//
// Version of the RocksDB API this library implements. Applications test these
// macros with #if to enable features, so they carry RocksDB's numbers.
#pragma once

#include <string>
#include <unordered_map>

#include "rocksdb/rocksdb_namespace.h"

#define ROCKSDB_MAJOR 7
#define ROCKSDB_MINOR 8
#define ROCKSDB_PATCH 3

// Kept for applications written against older releases.
#define __ROCKSDB_MAJOR__ ROCKSDB_MAJOR
#define __ROCKSDB_MINOR__ ROCKSDB_MINOR
#define __ROCKSDB_PATCH__ ROCKSDB_PATCH

namespace ROCKSDB_NAMESPACE {

// Build facts as key/value pairs (version, git sha, compile date, ...).
const std::unordered_map<std::string, std::string>& GetRocksBuildProperties();

// "<program> (RocksDB) 7.8.3" followed by the build properties, one per line.
std::string GetRocksBuildInfoAsString(const std::string& program,
                                      bool verbose = false);

// "7.8" or, with with_patch, "7.8.3".
std::string GetRocksVersionAsString(bool with_patch = true);

}  // namespace ROCKSDB_NAMESPACE
