// Copyright (c) the rocksdb-cleanroom authors.
//
// Checkpoint: makes an openable copy of a live DB in another directory, or
// exports one column family's SST files for import elsewhere.
#pragma once

#include <string>
#include <vector>

#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class DB;
class ColumnFamilyHandle;
struct LiveFileMetaData;
struct ExportImportFilesMetaData;

class Checkpoint {
 public:
  // Makes a Checkpoint for `db` (which must outlive it); the caller owns
  // *checkpoint_ptr.
  static Status Create(DB* db, Checkpoint** checkpoint_ptr);

  // Creates checkpoint_dir (absolute path, must not exist yet) holding an
  // openable copy of the DB: SST and blob files hard-linked when on the same
  // file system (copied otherwise), other files copied. The memtables are
  // flushed first when the WALs total at least log_size_for_flush bytes (0:
  // always; always with 2PC). *sequence_number_ptr, if given, receives a
  // sequence number the checkpoint contains. NotSupported when the DB's
  // files (WALs aside) live in more than one directory.
  virtual Status CreateCheckpoint(const std::string& checkpoint_dir,
                                  uint64_t log_size_for_flush = 0,
                                  uint64_t* sequence_number_ptr = nullptr);

  // Flushes `handle`'s column family and exports its live SST files into
  // export_dir (created; must not exist), linked or copied as above.
  // *metadata (owned by the caller) describes them.
  virtual Status ExportColumnFamily(ColumnFamilyHandle* handle,
                                    const std::string& export_dir,
                                    ExportImportFilesMetaData** metadata);

  virtual ~Checkpoint() {}
};

}  // namespace ROCKSDB_NAMESPACE
