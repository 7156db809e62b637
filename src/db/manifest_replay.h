// Copyright (c) the rocksdb-cleanroom authors.
//
// ManifestReplay: reads a MANIFEST (log-framed VersionEdits, spec sections
// 2.3 and 4) and folds its edits into the state they describe: per column
// family the name, comparator name, log number and live files (through a
// VersionBuilder); DB-wide the counters. Used by VersionSet::Recover and
// VersionSet::ListColumnFamilies; knows nothing of options or the DB.
//
// Replay rules (as RocksDB 7.8.3 applies them, observed):
//  * records are read with kTolerateCorruptedTailRecords: a torn last
//    record ends the replay silently, any other damage is Corruption;
//  * an edit without ColumnFamily applies to family 0 ("default"), which
//    exists from the start; ColumnFamilyAdd creates a family, Drop removes
//    it; an edit naming an unknown family is Corruption;
//  * edits marked InAtomicGroup are applied only once the whole group was
//    read; a group cut short by the end of the file is dropped, one
//    interrupted by another record is Corruption;
//  * every Corruption is reported as "<what> in file <manifest path>".
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/version_builder.h"
#include "db/version_edit.h"
#include "rocksdb/comparator.h"
#include "rocksdb/file_system.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class ManifestReplay {
 public:
  struct ColumnFamily {
    uint32_t id = 0;
    std::string name;
    std::string comparator_name;  // empty when never recorded
    uint64_t log_number = 0;
    uint64_t creation_order = 0;  // position of its ColumnFamilyAdd
    // Set when a comparator was supplied for the name: orders and checks
    // files of levels >= 1.
    std::unique_ptr<InternalKeyComparator> icmp;
    std::unique_ptr<VersionBuilder> builder;  // null unless track_files
  };

  // comparators: user comparators by family name (for families the caller
  // will open; must outlive this object). track_files: keep the live file
  // sets (false when only names are wanted).
  ManifestReplay(const std::map<std::string, const Comparator*>& comparators,
                 bool track_files);

  ManifestReplay(const ManifestReplay&) = delete;
  ManifestReplay& operator=(const ManifestReplay&) = delete;

  // Reads "<dbname>/CURRENT": *manifest_path gets "<dbname>/MANIFEST-<n>",
  // *manifest_number n. Corruption "CURRENT file does not end with newline"
  // or "CURRENT file corrupted"; IOError when it cannot be read.
  static Status ReadCurrentFile(FileSystem* fs, const std::string& dbname,
                                std::string* manifest_path,
                                uint64_t* manifest_number);

  // Replays every record of the MANIFEST at path; with
  // check_required_fields, then CheckRequiredFields().
  Status Replay(FileSystem* fs, const std::string& path,
                bool check_required_fields = true);

  // Applies one decoded edit (Replay calls it per edit or complete atomic
  // group member). Corruption without the " in file" suffix.
  Status ApplyEdit(const VersionEdit& edit);

  // Corruption "no log_file_number, next_file_number, last_sequence entry
  // in MANIFEST" naming the counters no edit has set (without suffix).
  Status CheckRequiredFields() const;

  // Live families by id.
  const std::map<uint32_t, ColumnFamily>& column_families() const {
    return column_families_;
  }
  std::map<uint32_t, ColumnFamily>* mutable_column_families() {
    return &column_families_;
  }

  // DB-wide counters (meaningful when the matching has_* is true).
  bool has_log_number = false;
  bool has_prev_log_number = false;
  bool has_next_file_number = false;
  bool has_last_sequence = false;
  bool has_db_id = false;
  uint64_t prev_log_number = 0;
  uint64_t next_file_number = 0;
  SequenceNumber last_sequence = 0;
  uint64_t min_log_number_to_keep = 0;
  uint32_t max_column_family = 0;
  std::string db_id;
  uint64_t num_edits = 0;  // edits applied

 private:
  ColumnFamily* AddFamily(uint32_t id, const std::string& name);

  const std::map<std::string, const Comparator*> comparators_;
  const bool track_files_;
  std::map<uint32_t, ColumnFamily> column_families_;
  uint64_t next_creation_order_ = 0;
};

}  // namespace ROCKSDB_NAMESPACE
