// Copyright (c) the rocksdb-cleanroom authors.
//
// The static entry points that create a DB (Open and its read-only,
// secondary, compaction-service and trim-history variants), list column
// families, and repair a DB. Open and OpenForReadOnly go to DBImpl::Open;
// the others are not implemented yet and fail leaving *dbptr == nullptr
// and *handles empty, the state RocksDB leaves on failure. DestroyDB is in
// db_impl_files.cc.

#include "db/db_impl.h"
#include "db/version_set.h"
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

Status DB::Open(const Options& options, const std::string& name, DB** dbptr) {
  const std::vector<ColumnFamilyDescriptor> column_families = {
      ColumnFamilyDescriptor(kDefaultColumnFamilyName,
                             ColumnFamilyOptions(options))};
  return DBImpl::Open(DBOptions(options), name, column_families, nullptr, dbptr,
                      /*read_only=*/false,
                      /*error_if_wal_file_exists=*/false);
}

Status DB::Open(const DBOptions& db_options, const std::string& name,
                const std::vector<ColumnFamilyDescriptor>& column_families,
                std::vector<ColumnFamilyHandle*>* handles, DB** dbptr) {
  if (handles == nullptr) {
    return FailOpen(Status::InvalidArgument("handles is nullptr"), handles,
                    dbptr);
  }
  return DBImpl::Open(db_options, name, column_families, handles, dbptr,
                      /*read_only=*/false,
                      /*error_if_wal_file_exists=*/false);
}

Status DB::OpenForReadOnly(const Options& options, const std::string& name,
                           DB** dbptr, bool error_if_wal_file_exists) {
  const std::vector<ColumnFamilyDescriptor> column_families = {
      ColumnFamilyDescriptor(kDefaultColumnFamilyName,
                             ColumnFamilyOptions(options))};
  return DBImpl::Open(DBOptions(options), name, column_families, nullptr, dbptr,
                      /*read_only=*/true, error_if_wal_file_exists);
}

Status DB::OpenForReadOnly(
    const DBOptions& db_options, const std::string& name,
    const std::vector<ColumnFamilyDescriptor>& column_families,
    std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
    bool error_if_wal_file_exists) {
  if (handles == nullptr) {
    return FailOpen(Status::InvalidArgument("handles is nullptr"), handles,
                    dbptr);
  }
  return DBImpl::Open(db_options, name, column_families, handles, dbptr,
                      /*read_only=*/true, error_if_wal_file_exists);
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

Status DB::ListColumnFamilies(const DBOptions& db_options,
                              const std::string& name,
                              std::vector<std::string>* column_families) {
  Env* env = db_options.env != nullptr ? db_options.env : Env::Default();
  // RocksDB leaves *column_families alone on failure.
  std::vector<std::string> names;
  Status s =
      VersionSet::ListColumnFamilies(&names, name, env->GetFileSystem().get());
  if (s.ok()) {
    *column_families = std::move(names);
  }
  return s;
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
