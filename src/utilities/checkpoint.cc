// Copyright (c) the rocksdb-cleanroom authors.
//
// Checkpoint. Placeholder until the DB engine lands: Create fails (there is
// no live DB to copy), and the base-class methods answer NotSupported as
// RocksDB's do.

#include "rocksdb/utilities/checkpoint.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

Status Checkpoint::Create(DB* /*db*/, Checkpoint** checkpoint_ptr) {
  if (checkpoint_ptr != nullptr) {
    *checkpoint_ptr = nullptr;
  }
  return NotImplemented("Checkpoint::Create");
}

Status Checkpoint::CreateCheckpoint(const std::string& /*checkpoint_dir*/,
                                    uint64_t /*log_size_for_flush*/,
                                    uint64_t* /*sequence_number_ptr*/) {
  return Status::NotSupported("");
}

Status Checkpoint::ExportColumnFamily(
    ColumnFamilyHandle* /*handle*/, const std::string& /*export_dir*/,
    ExportImportFilesMetaData** /*metadata*/) {
  return Status::NotSupported("");
}

}  // namespace ROCKSDB_NAMESPACE
