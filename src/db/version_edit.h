// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionEdit: one MANIFEST record, a change to the set of live files and
// to the DB-wide counters (../shared/specs/ROCKSDB_FORMAT_SPEC.md section
// 4). FileMetaData: what the MANIFEST says about one table file.
// Encoding and decoding come in a pair (EncodeTo / DecodeFrom); the layout
// is drawn at the top of version_edit.cc and in docs/formats/manifest.md.
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/advanced_options.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

// Field tags of a VersionEdit record. Written to MANIFEST files: never
// renumber, never reuse (tag 8 is retired).
enum VersionEditTag : uint32_t {
  kComparator = 1,
  kLogNumber = 2,
  kNextFileNumber = 3,
  kLastSequence = 4,
  kCompactCursor = 5,
  kDeletedFile = 6,
  kNewFile = 7,  // LevelDB form, read only
  kPrevLogNumber = 9,
  kMinLogNumberToKeep = 10,
  kNewFile2 = 100,  // read only
  kNewFile3 = 102,  // read only
  kNewFile4 = 103,  // the form we write
  kColumnFamily = 200,
  kColumnFamilyAdd = 201,
  kColumnFamilyDrop = 202,
  kMaxColumnFamily = 203,
  kInAtomicGroup = 300,
  kBlobFileAddition = 400,  // BlobDB: refused when read
  kBlobFileGarbage = 401,   // BlobDB: refused when read

  // Tags with this bit may be skipped by a reader that does not know them:
  // an lpslice follows the tag.
  kTagSafeIgnoreMask = 1 << 13,
  kDbId = kTagSafeIgnoreMask + 1,
  kBlobFileAdditionDeprecated = kTagSafeIgnoreMask + 2,
  kBlobFileGarbageDeprecated = kTagSafeIgnoreMask + 3,
  kWalAddition = kTagSafeIgnoreMask + 4,
  kWalDeletion = kTagSafeIgnoreMask + 5,
  kFullHistoryTsLow = kTagSafeIgnoreMask + 6,
  kWalAddition2 = kTagSafeIgnoreMask + 7,
  kWalDeletion2 = kTagSafeIgnoreMask + 8,
};

// Custom field tags inside a kNewFile4 entry. Never renumber.
enum NewFileCustomTag : uint32_t {
  kTerminate = 1,
  kNeedCompaction = 2,
  kMinLogNumberToKeepHack = 3,  // fixed64; sets the edit's value
  kOldestBlobFileNumber = 4,
  kOldestAncesterTime = 5,
  kFileCreationTime = 6,
  kFileChecksum = 7,
  kFileChecksumFuncName = 8,
  kTemperature = 9,
  kMinTimestamp = 10,
  kMaxTimestamp = 11,
  kUniqueId = 12,

  // A reader that does not know a tag with this bit must fail.
  kCustomTagNonSafeIgnoreMask = 1 << 6,
  kPathId = kCustomTagNonSafeIgnoreMask + 1,
};

// "Unknown" values of the optional FileMetaData fields.
constexpr uint64_t kInvalidBlobFileNumber = 0;
constexpr uint64_t kUnknownOldestAncesterTime = 0;
constexpr uint64_t kUnknownFileCreationTime = 0;
// Path ids index DBOptions::db_paths, which holds at most four entries.
constexpr uint32_t kMaxPathId = 3;

// The 128-bit unique id RocksDB derives from a table's properties; all
// zero when the MANIFEST does not record one.
using UniqueId64x2 = std::array<uint64_t, 2>;
constexpr UniqueId64x2 kNullUniqueId64x2 = {0, 0};

// What the MANIFEST records about one table file. Shared by every Version
// that lists the file (refs counts them; guarded by the DB mutex).
struct FileMetaData {
  uint64_t number = 0;
  uint32_t path_id = 0;    // index into db_paths
  uint64_t file_size = 0;  // must equal the file's real size
  InternalKey smallest;    // smallest internal key, range tombstones included
  InternalKey largest;     // largest internal key
  SequenceNumber smallest_seqno = kMaxSequenceNumber;
  SequenceNumber largest_seqno = 0;

  bool marked_for_compaction = false;
  Temperature temperature = Temperature::kUnknown;
  uint64_t oldest_blob_file_number = kInvalidBlobFileNumber;
  uint64_t oldest_ancester_time = kUnknownOldestAncesterTime;  // unix secs
  uint64_t file_creation_time = kUnknownFileCreationTime;      // unix secs
  std::string file_checksum = kUnknownFileChecksum;
  std::string file_checksum_func_name = kUnknownFileChecksumFuncName;
  UniqueId64x2 unique_id = kNullUniqueId64x2;
  std::string min_timestamp;  // user-defined timestamps; empty when unused
  std::string max_timestamp;

  // In-memory state, not encoded.
  int refs = 0;
  bool being_compacted = false;

  // Widens [smallest, largest] and the seqno range to cover key. REQUIRES:
  // key is a valid internal key.
  void UpdateBoundaries(const Slice& key, SequenceNumber seqno);

  // "<number>:<size>[<smallest_seqno> .. <largest_seqno>]['<k>' .. '<k>']".
  std::string DebugString(bool hex_keys = false) const;
};

// A change to a DB's version state, as stored in one MANIFEST record. Every
// field is optional ("Has*"); an edit applies to one column family
// (GetColumnFamily(), default 0) except for the DB-wide counters.
class VersionEdit {
 public:
  VersionEdit() = default;

  // Back to the empty edit.
  void Clear();

  void SetDBId(const std::string& db_id) {
    has_db_id_ = true;
    db_id_ = db_id;
  }
  bool HasDbId() const { return has_db_id_; }
  const std::string& GetDbId() const { return db_id_; }

  void SetComparatorName(const Slice& name) {
    has_comparator_ = true;
    comparator_ = name.ToString();
  }
  bool HasComparatorName() const { return has_comparator_; }
  const std::string& GetComparatorName() const { return comparator_; }

  // WALs with a smaller number hold nothing this column family still needs.
  void SetLogNumber(uint64_t num) {
    has_log_number_ = true;
    log_number_ = num;
  }
  bool HasLogNumber() const { return has_log_number_; }
  uint64_t GetLogNumber() const { return log_number_; }

  void SetPrevLogNumber(uint64_t num) {
    has_prev_log_number_ = true;
    prev_log_number_ = num;
  }
  bool HasPrevLogNumber() const { return has_prev_log_number_; }
  uint64_t GetPrevLogNumber() const { return prev_log_number_; }

  void SetNextFile(uint64_t num) {
    has_next_file_number_ = true;
    next_file_number_ = num;
  }
  bool HasNextFile() const { return has_next_file_number_; }
  uint64_t GetNextFile() const { return next_file_number_; }

  void SetMaxColumnFamily(uint32_t max_column_family) {
    has_max_column_family_ = true;
    max_column_family_ = max_column_family;
  }
  bool HasMaxColumnFamily() const { return has_max_column_family_; }
  uint32_t GetMaxColumnFamily() const { return max_column_family_; }

  // DB-wide: WALs below this number are not needed by any column family.
  void SetMinLogNumberToKeep(uint64_t num) {
    has_min_log_number_to_keep_ = true;
    min_log_number_to_keep_ = num;
  }
  bool HasMinLogNumberToKeep() const { return has_min_log_number_to_keep_; }
  uint64_t GetMinLogNumberToKeep() const { return min_log_number_to_keep_; }

  void SetLastSequence(SequenceNumber seq) {
    has_last_sequence_ = true;
    last_sequence_ = seq;
  }
  bool HasLastSequence() const { return has_last_sequence_; }
  SequenceNumber GetLastSequence() const { return last_sequence_; }

  // Where round-robin compaction resumes on a level.
  void AddCompactCursor(int level, const InternalKey& cursor) {
    compact_cursors_.emplace_back(level, cursor);
  }
  const std::vector<std::pair<int, InternalKey>>& GetCompactCursors() const {
    return compact_cursors_;
  }

  // Removes file `number` from `level`.
  void DeleteFile(int level, uint64_t number) {
    deleted_files_.emplace(level, number);
  }
  using DeletedFiles = std::set<std::pair<int, uint64_t>>;
  const DeletedFiles& GetDeletedFiles() const { return deleted_files_; }

  // Adds a file at `level`. REQUIRES: f.smallest and f.largest are set.
  void AddFile(int level, const FileMetaData& f) {
    new_files_.emplace_back(level, f);
  }
  using NewFiles = std::vector<std::pair<int, FileMetaData>>;
  const NewFiles& GetNewFiles() const { return new_files_; }

  // Number of file additions and deletions.
  size_t NumEntries() const {
    return new_files_.size() + deleted_files_.size();
  }

  // The column family this edit applies to (default 0).
  void SetColumnFamily(uint32_t column_family_id) {
    column_family_ = column_family_id;
  }
  uint32_t GetColumnFamily() const { return column_family_; }

  // Marks the edit as creating column family GetColumnFamily() named name.
  void AddColumnFamily(const std::string& name) {
    is_column_family_add_ = true;
    column_family_name_ = name;
  }
  bool IsColumnFamilyAdd() const { return is_column_family_add_; }
  const std::string& GetColumnFamilyName() const { return column_family_name_; }

  // Marks the edit as dropping column family GetColumnFamily().
  void DropColumnFamily() { is_column_family_drop_ = true; }
  bool IsColumnFamilyDrop() const { return is_column_family_drop_; }
  bool IsColumnFamilyManipulation() const {
    return is_column_family_add_ || is_column_family_drop_;
  }

  // Marks the edit as part of an atomic group with `remaining` more edits
  // after it; a group is applied only when all of it was read.
  void MarkAtomicGroup(uint32_t remaining) {
    is_in_atomic_group_ = true;
    remaining_entries_ = remaining;
  }
  bool IsInAtomicGroup() const { return is_in_atomic_group_; }
  uint32_t GetRemainingEntries() const { return remaining_entries_; }

  // REQUIRES: ts is not empty.
  void SetFullHistoryTsLow(const std::string& ts) { full_history_ts_low_ = ts; }
  bool HasFullHistoryTsLow() const { return !full_history_ts_low_.empty(); }
  const std::string& GetFullHistoryTsLow() const {
    return full_history_ts_low_;
  }

  // Appends the record to *dst (spec 4.1; new files as NewFile4). Returns
  // false, leaving *dst unspecified, when a new file lacks a valid
  // smallest or largest key.
  bool EncodeTo(std::string* dst) const;

  // Replaces this edit by the decoding of src. Corruption on malformed
  // fields ("VersionEdit: <what>"), on unknown tags without the safe-to-
  // ignore bit, and on BlobDB records; unknown safe-to-ignore tags are
  // skipped. WAL tracking records (8196..8200) are skipped as well.
  Status DecodeFrom(const Slice& src);

  // Multi-line text in the style of `ldb manifest_dump`.
  std::string DebugString(bool hex_key = false) const;

 private:
  // Parses the body of a new-file entry of the given tag into *f.
  const char* DecodeNewFile(uint32_t tag, Slice* input, int* level,
                            FileMetaData* f);
  // Parses the custom fields ending a NewFile4 entry.
  const char* DecodeNewFile4Custom(Slice* input, FileMetaData* f);

  std::string db_id_;
  std::string comparator_;
  uint64_t log_number_ = 0;
  uint64_t prev_log_number_ = 0;
  uint64_t next_file_number_ = 0;
  uint32_t max_column_family_ = 0;
  uint64_t min_log_number_to_keep_ = 0;
  SequenceNumber last_sequence_ = 0;
  bool has_db_id_ = false;
  bool has_comparator_ = false;
  bool has_log_number_ = false;
  bool has_prev_log_number_ = false;
  bool has_next_file_number_ = false;
  bool has_max_column_family_ = false;
  bool has_min_log_number_to_keep_ = false;
  bool has_last_sequence_ = false;

  std::vector<std::pair<int, InternalKey>> compact_cursors_;
  DeletedFiles deleted_files_;
  NewFiles new_files_;

  uint32_t column_family_ = 0;
  bool is_column_family_add_ = false;
  bool is_column_family_drop_ = false;
  std::string column_family_name_;

  bool is_in_atomic_group_ = false;
  uint32_t remaining_entries_ = 0;

  std::string full_history_ts_low_;
};

}  // namespace ROCKSDB_NAMESPACE
