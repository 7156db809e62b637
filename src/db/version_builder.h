// Copyright (c) the rocksdb-cleanroom authors.
//
// Version: the set of live table files of one column family, per level,
// at one point in time. VersionBuilder: applies VersionEdits to a base
// Version and produces the next one, checking the LSM invariants of
// ../shared/specs/ROCKSDB_FORMAT_SPEC.md 1.3(4) on the way.
//
// Thread safety: Version and FileMetaData reference counts are changed
// only under the DB mutex (or before the DB is shared, during recovery).
// A Version is immutable once built; readers that hold a reference may
// use its file lists without the mutex.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/version_edit.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class GetContext;
class TableCache;
struct ColumnFamilyOptions;
struct ReadOptions;

class Version {
 public:
  // An empty version with num_levels levels. icmp (which may be null for a
  // column family whose comparator is unknown) orders files of levels >= 1
  // and must outlive the Version. Starts with no reference.
  Version(const InternalKeyComparator* icmp, int num_levels,
          uint64_t version_number);

  Version(const Version&) = delete;
  Version& operator=(const Version&) = delete;

  // Reference counting. Unref deletes the Version (and releases its files)
  // when the count reaches zero.
  void Ref() { ++refs_; }
  void Unref();
  int refs() const { return refs_; }

  int num_levels() const { return static_cast<int>(files_.size()); }
  // Files of a level: level 0 newest first (by largest, then smallest
  // sequence number, then file number), other levels by smallest key.
  // REQUIRES: 0 <= level < num_levels().
  const std::vector<FileMetaData*>& files(int level) const {
    return files_[level];
  }
  int NumLevelFiles(int level) const {
    return static_cast<int>(files_[level].size());
  }
  uint64_t NumLevelBytes(int level) const;
  int NumFiles() const;
  // Highest level holding a file, or -1 when there is none.
  int MaxNonEmptyLevel() const;

  uint64_t version_number() const { return version_number_; }
  // The comparator ordering levels >= 1 (null when unknown).
  const InternalKeyComparator* internal_comparator() const { return icmp_; }

  // One line per level: "--- level L --- version# N ---" then the files.
  std::string DebugString(bool hex = false) const;

  // Continues a point lookup that the memtables left undecided (state and
  // pending merge operands are in get_context) through the table files:
  // level 0 newest first (files whose key range covers the key), then one
  // file per deeper level found by binary search. Stops as soon as
  // get_context decides. Returns the first table error; OK otherwise (the
  // outcome is get_context->State()). cf and the comparator of this
  // Version must be the column family's (they outlive cached tables).
  // Implemented in version_get.cc.
  Status Get(const ReadOptions& ro, const LookupKey& key,
             GetContext* get_context, TableCache* table_cache,
             const ColumnFamilyOptions& cf) const;

 private:
  friend class VersionBuilder;
  ~Version();

  const InternalKeyComparator* icmp_;
  std::vector<std::vector<FileMetaData*>> files_;
  uint64_t version_number_;
  int refs_ = 0;
};

// Accumulates edits on top of a base Version. Usage:
//   VersionBuilder b(icmp, base); (b.Apply(edit))*; b.SaveTo(new_version)
class VersionBuilder {
 public:
  // base may be null (start empty); it must stay referenced until the
  // builder is gone. icmp may be null: then files of levels >= 1 are
  // ordered by number and not checked for overlaps.
  VersionBuilder(const InternalKeyComparator* icmp, const Version* base);
  ~VersionBuilder();

  VersionBuilder(const VersionBuilder&) = delete;
  VersionBuilder& operator=(const VersionBuilder&) = delete;

  // Applies the file deletions, then the additions, of edit. Corruption
  // ("VersionBuilder: ...") when a deleted file is not live at that level
  // or an added file is already live.
  Status Apply(const VersionEdit& edit);

  // Highest level that holds a file after the edits so far, or -1.
  int MaxLevel() const;

  // Fills v (which must be empty) with the resulting files, sorted per
  // level. InvalidArgument "db has more levels than options.num_levels"
  // when a file lies at a level >= v->num_levels(); Corruption when the
  // result breaks the ordering rules (with check_consistency).
  Status SaveTo(Version* v, bool check_consistency = true) const;

 private:
  struct LiveFile {
    int level;
    FileMetaData* meta;  // one reference held by the builder
  };

  Status CheckConsistency(const Version& v) const;

  const InternalKeyComparator* icmp_;
  std::map<uint64_t, LiveFile> files_;  // by file number
};

}  // namespace ROCKSDB_NAMESPACE
