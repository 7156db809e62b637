// Copyright (c) the rocksdb-cleanroom authors.
//
// Small public types shared across the API: ids, sequence numbers and the
// enums naming file kinds and entry kinds.
#pragma once

#include <stdint.h>

#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

using ColumnFamilyId = uint32_t;

// Position of a write in the DB's history (as recorded in the WAL).
using SequenceNumber = uint64_t;

// Sequence 0 always counts as committed.
inline constexpr SequenceNumber kMinUnCommittedSeq = 1;

enum class TableFileCreationReason {
  kFlush,
  kCompaction,
  kRecovery,
  kMisc,
};

enum class BlobFileCreationReason {
  kFlush,
  kCompaction,
  kRecovery,
};

// Kinds of files in a DB directory. Values are part of the API; never
// renumber.
enum FileType {
  kWalFile,
  kDBLockFile,
  kTableFile,
  kDescriptorFile,
  kCurrentFile,
  kTempFile,
  kInfoLogFile,  // the current info log or an archived one
  kMetaDatabase,
  kIdentityFile,
  kOptionsFile,
  kBlobFile
};

// The kind of an entry as shown to users (e.g. in table properties
// collectors). Never reorder.
enum EntryType {
  kEntryPut,
  kEntryDelete,
  kEntrySingleDelete,
  kEntryMerge,
  kEntryRangeDeletion,
  kEntryBlobIndex,
  kEntryDeleteWithTimestamp,
  kEntryWideColumnEntity,
  kEntryOther,
};

}  // namespace ROCKSDB_NAMESPACE
