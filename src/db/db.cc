// Copyright (c) the rocksdb-cleanroom authors.
//
// The DB base class: the non-pure virtual methods whose default behaviour
// the public header leaves out of line, and the well-known column family
// names.

#include "rocksdb/db.h"

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {

const std::string kDefaultColumnFamilyName("default");
const std::string kPersistentStatsColumnFamilyName(
    "___rocksdb_stats_history___");

DB::~DB() {}

// Column family management needs an engine: the base class has none, and
// answers NotSupported like RocksDB's does.
Status DB::CreateColumnFamily(const ColumnFamilyOptions& /*options*/,
                              const std::string& /*column_family_name*/,
                              ColumnFamilyHandle** /*handle*/) {
  return Status::NotSupported();
}

Status DB::CreateColumnFamilies(
    const ColumnFamilyOptions& /*options*/,
    const std::vector<std::string>& /*column_family_names*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/) {
  return Status::NotSupported();
}

Status DB::CreateColumnFamilies(
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/) {
  return Status::NotSupported();
}

Status DB::DropColumnFamily(ColumnFamilyHandle* /*column_family*/) {
  return Status::NotSupported();
}

Status DB::DropColumnFamilies(
    const std::vector<ColumnFamilyHandle*>& /*column_families*/) {
  return Status::NotSupported();
}

Status DB::DestroyColumnFamilyHandle(ColumnFamilyHandle* column_family) {
  // The handle is the caller's; freeing it is all the base class can do.
  delete column_family;
  return Status::OK();
}

// The single-operation writes below go through a one-entry WriteBatch, so
// every implementation of Write() gets them for free.
Status DB::PutEntity(const WriteOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     const WideColumns& columns) {
  WriteBatch batch(/*reserved_bytes=*/0, /*max_bytes=*/0,
                   options.protection_bytes_per_key, /*default_cf_ts_sz=*/0);
  Status s = batch.PutEntity(column_family, key, columns);
  if (!s.ok()) {
    return s;
  }
  return Write(options, &batch);
}

Status DB::DeleteRange(const WriteOptions& options,
                       ColumnFamilyHandle* column_family,
                       const Slice& begin_key, const Slice& end_key) {
  WriteBatch batch(/*reserved_bytes=*/0, /*max_bytes=*/0,
                   options.protection_bytes_per_key, /*default_cf_ts_sz=*/0);
  Status s = batch.DeleteRange(column_family, begin_key, end_key);
  if (!s.ok()) {
    return s;
  }
  return Write(options, &batch);
}

Status DB::DeleteRange(const WriteOptions& options,
                       ColumnFamilyHandle* column_family,
                       const Slice& begin_key, const Slice& end_key,
                       const Slice& ts) {
  WriteBatch batch(/*reserved_bytes=*/0, /*max_bytes=*/0,
                   options.protection_bytes_per_key, /*default_cf_ts_sz=*/0);
  // The batch rejects a timestamp the column family does not expect.
  Status s = batch.DeleteRange(column_family, begin_key, end_key, ts);
  if (!s.ok()) {
    return s;
  }
  return Write(options, &batch);
}

FileSystem* DB::GetFileSystem() const {
  Env* env = GetEnv();
  return env != nullptr ? env->GetFileSystem().get() : nullptr;
}

}  // namespace ROCKSDB_NAMESPACE
