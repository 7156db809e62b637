// Copyright (c) the rocksdb-cleanroom authors.
//
// The static entry points that create a DB (Open and its read-only,
// secondary, compaction-service and trim-history variants), list column
// families, destroy or repair a DB.
//
// The engine has not landed yet: every entry point fails with
// NotImplemented and leaves *dbptr == nullptr and *handles empty, the
// state RocksDB leaves on failure.

#include "rocksdb/db.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Puts the out-parameters in their failure state and returns `s`.
Status FailOpen(const Status& s, std::vector<ColumnFamilyHandle*>* handles,
                DB** dbptr) {
  if (handles != nullptr) {
    handles->clear();
  }
  if (dbptr != nullptr) {
    *dbptr = nullptr;
  }
  return s;
}

}  // namespace

Status DB::Open(const Options& /*options*/, const std::string& /*name*/,
                DB** dbptr) {
  return FailOpen(NotImplemented("DB::Open"), nullptr, dbptr);
}

Status DB::Open(const DBOptions& /*db_options*/, const std::string& /*name*/,
                const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
                std::vector<ColumnFamilyHandle*>* handles, DB** dbptr) {
  return FailOpen(NotImplemented("DB::Open"), handles, dbptr);
}

Status DB::OpenForReadOnly(const Options& /*options*/,
                           const std::string& /*name*/, DB** dbptr,
                           bool /*error_if_wal_file_exists*/) {
  return FailOpen(NotImplemented("DB::OpenForReadOnly"), nullptr, dbptr);
}

Status DB::OpenForReadOnly(
    const DBOptions& /*db_options*/, const std::string& /*name*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
    bool /*error_if_wal_file_exists*/) {
  return FailOpen(NotImplemented("DB::OpenForReadOnly"), handles, dbptr);
}

Status DB::OpenAsSecondary(const Options& /*options*/,
                           const std::string& /*name*/,
                           const std::string& /*secondary_path*/, DB** dbptr) {
  return FailOpen(NotImplemented("DB::OpenAsSecondary"), nullptr, dbptr);
}

Status DB::OpenAsSecondary(
    const DBOptions& /*db_options*/, const std::string& /*name*/,
    const std::string& /*secondary_path*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* handles, DB** dbptr) {
  return FailOpen(NotImplemented("DB::OpenAsSecondary"), handles, dbptr);
}

Status DB::OpenAndCompact(
    const std::string& /*name*/, const std::string& /*output_directory*/,
    const std::string& /*input*/, std::string* /*output*/,
    const CompactionServiceOptionsOverride& /*override_options*/) {
  return NotImplemented("DB::OpenAndCompact");
}

Status DB::OpenAndCompact(
    const OpenAndCompactOptions& /*options*/, const std::string& /*name*/,
    const std::string& /*output_directory*/, const std::string& /*input*/,
    std::string* /*output*/,
    const CompactionServiceOptionsOverride& /*override_options*/) {
  return NotImplemented("DB::OpenAndCompact");
}

Status DB::OpenAndTrimHistory(
    const DBOptions& /*db_options*/, const std::string& /*dbname*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
    std::string /*trim_ts*/) {
  return FailOpen(NotImplemented("DB::OpenAndTrimHistory"), handles, dbptr);
}

Status DB::ListColumnFamilies(const DBOptions& /*db_options*/,
                              const std::string& /*name*/,
                              std::vector<std::string>* /*column_families*/) {
  return NotImplemented("DB::ListColumnFamilies");
}

Status DestroyDB(
    const std::string& /*name*/, const Options& /*options*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/) {
  return NotImplemented("DestroyDB");
}

Status RepairDB(
    const std::string& /*dbname*/, const DBOptions& /*db_options*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/) {
  return NotImplemented("RepairDB");
}

Status RepairDB(const std::string& /*dbname*/, const DBOptions& /*db_options*/,
                const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
                const ColumnFamilyOptions& /*unknown_cf_opts*/) {
  return NotImplemented("RepairDB");
}

Status RepairDB(const std::string& /*dbname*/, const Options& /*options*/) {
  return NotImplemented("RepairDB");
}

}  // namespace ROCKSDB_NAMESPACE
