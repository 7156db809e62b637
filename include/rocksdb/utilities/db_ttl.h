// Copyright (c) the rocksdb-cleanroom authors.
//
// DBWithTTL: a DB whose entries expire. Each value is stored with its
// insertion time (a 32-bit seconds timestamp appended to the value); entries
// older than the column family's TTL are dropped by compaction. Expiry is
// lazy: Get and iterators may still return expired entries until a
// compaction removes them, and an entry lives at least `ttl` seconds.
//
// - ttl is in seconds; 0 or negative means "never expire".
// - Each Open may use a different TTL; it applies to all stored entries.
// - read_only=true opens the DB read-only: no compaction, so nothing expires.
// - A DB written through DBWithTTL must always be opened through it: a plain
//   DB::Open sees the timestamp suffixes as part of the values.
#pragma once

#ifndef ROCKSDB_LITE

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/db.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/utilities/stackable_db.h"

namespace ROCKSDB_NAMESPACE {

class DBWithTTL : public StackableDB {
 public:
  // Creates a column family whose entries expire after `ttl` seconds.
  virtual Status CreateColumnFamilyWithTtl(
      const ColumnFamilyOptions& options, const std::string& column_family_name,
      ColumnFamilyHandle** handle, int ttl) = 0;

  // Opens the DB with one TTL for the default column family. On failure
  // *dbptr is null; the caller owns *dbptr.
  static Status Open(const Options& options, const std::string& dbname,
                     DBWithTTL** dbptr, int32_t ttl = 0,
                     bool read_only = false);

  // Opens with a TTL per column family; ttls[i] goes with
  // column_families[i]. REQUIRES: ttls.size() == column_families.size().
  static Status Open(const DBOptions& db_options, const std::string& dbname,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles,
                     DBWithTTL** dbptr, const std::vector<int32_t>& ttls,
                     bool read_only = false);

  // Changes the TTL of the default column family, or of `h`.
  virtual void SetTtl(int32_t ttl) = 0;

  virtual void SetTtl(ColumnFamilyHandle* h, int32_t ttl) = 0;

 protected:
  // Takes ownership of `db`. Use Open() to create one.
  explicit DBWithTTL(DB* db) : StackableDB(db) {}
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // ROCKSDB_LITE
