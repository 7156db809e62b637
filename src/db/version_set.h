// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionSet: the DB's persistent metadata. It owns the MANIFEST (a log of
// VersionEdits, ../shared/specs/ROCKSDB_FORMAT_SPEC.md section 4), the
// DB-wide counters (next file number, last sequence, WAL numbers) and, per
// column family, the recorded comparator name, log number and current
// Version (live table files per level).
//
// Lifecycle: CreateNewDB (new directory only) -> Recover (CURRENT ->
// MANIFEST, replay every edit) -> LogAndApply* -> Close. The first
// LogAndApply after Recover writes a new MANIFEST that starts with a
// snapshot of the whole state, then points CURRENT at it; so does any
// LogAndApply once the MANIFEST exceeds max_manifest_file_size.
//
// Thread safety: the counters are atomics and may be read without a lock.
// Everything else is guarded by the DB mutex, which LogAndApply receives
// and releases while it does I/O. Recover and CreateNewDB run before the
// DB is shared.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/version_builder.h"
#include "db/version_edit.h"
#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

namespace log {
class Writer;
}

// The VersionSet's view of one column family. Owned by the VersionSet;
// pointers stay valid until the VersionSet is destroyed (a dropped family
// is kept, marked dropped, with its last Version).
class ColumnFamilyVersions {
 public:
  uint32_t id() const { return id_; }
  const std::string& name() const { return name_; }
  // The comparator name recorded in the MANIFEST (empty if none was).
  const std::string& comparator_name() const { return comparator_name_; }
  // The comparator the family was opened with; null for a family recovered
  // read-only without being named by the caller.
  const Comparator* user_comparator() const { return icmp_.user_comparator(); }
  const InternalKeyComparator& internal_comparator() const { return icmp_; }
  int num_levels() const { return num_levels_; }
  // WALs with a smaller number hold no unflushed data of this family.
  uint64_t log_number() const { return log_number_; }
  // The live files. Ref() it to use it after releasing the DB mutex.
  Version* current() const { return current_; }
  bool dropped() const { return dropped_; }
  // Whether the caller of Recover (or LogAndApply of its creation) named
  // the family, i.e. it has options.
  bool opened() const { return opened_; }

 private:
  friend class VersionSet;
  ColumnFamilyVersions(uint32_t id, const std::string& name)
      : id_(id), name_(name) {}

  uint32_t id_;
  std::string name_;
  std::string comparator_name_;
  InternalKeyComparator icmp_;
  int num_levels_ = 7;
  uint64_t log_number_ = 0;
  Version* current_ = nullptr;  // one reference held
  bool dropped_ = false;
  bool opened_ = false;
};

class VersionSet {
 public:
  // db_options must outlive the VersionSet; fs is the file system of
  // db_options->env (also kept, not owned).
  VersionSet(const std::string& dbname, const DBOptions* db_options,
             FileSystem* fs);
  ~VersionSet();

  VersionSet(const VersionSet&) = delete;
  VersionSet& operator=(const VersionSet&) = delete;

  // Writes the first MANIFEST of a new DB (MANIFEST-000001: comparator
  // name, log number 0, next file 2, last sequence 0, and db_id when
  // write_dbid_to_manifest) and points CURRENT at it, fsyncing db_dir.
  // Recover() must follow.
  Status CreateNewDB(const Comparator* comparator, const std::string& db_id,
                     FSDirectory* db_dir);

  // Reads CURRENT, replays the MANIFEST it names and rebuilds the state.
  // column_families must name "default". Unless read_only, every family of
  // the MANIFEST must be named ("Column families not opened: ..."). A named
  // family missing from the MANIFEST is an error ("Column family not found:
  // ...") unless create_missing_column_families; the caller then creates it.
  // Errors: Corruption "<what> in file <manifest>" for a damaged MANIFEST
  // (a torn last record is ignored), InvalidArgument for a comparator
  // mismatch or too few num_levels, IOError from the file system. Sets
  // *db_id when the MANIFEST records one (else leaves it unchanged).
  Status Recover(const std::vector<ColumnFamilyDescriptor>& column_families,
                 bool read_only = false, std::string* db_id = nullptr);

  // Appends edit to the MANIFEST, syncs it and applies it to the state.
  // Fills in the counters first: NextFileNumber and LastSequence always,
  // PrevLogNumber for ordinary edits, MaxColumnFamily for drops, the
  // comparator name for column family additions (new_cf_options, which
  // must then be given). Starts a new MANIFEST (snapshot, edit, CURRENT
  // switch fsyncing db_dir, old MANIFEST deleted) when none is open, when
  // new_descriptor_log, or when the current one exceeds
  // max_manifest_file_size.
  // REQUIRES: *mu is held. It is released during the I/O and held again
  // on return. Concurrent calls are serialized in arrival order.
  // On failure nothing is applied and the next call starts a new MANIFEST.
  Status LogAndApply(VersionEdit* edit, port::Mutex* mu, FSDirectory* db_dir,
                     bool new_descriptor_log = false,
                     const ColumnFamilyOptions* new_cf_options = nullptr)
      REQUIRES(mu);
  // Several edits written together and synced once (applied all or none).
  Status LogAndApply(const std::vector<VersionEdit*>& edits, port::Mutex* mu,
                     FSDirectory* db_dir, bool new_descriptor_log = false,
                     const ColumnFamilyOptions* new_cf_options = nullptr)
      REQUIRES(mu);

  // Writes the snapshot records that start a MANIFEST: per family its
  // comparator (and name) then its log number and files, then the DB-wide
  // counters. REQUIRES: DB mutex held, or no concurrent LogAndApply.
  Status WriteSnapshot(log::Writer* log) const;

  // Closes the MANIFEST (the next LogAndApply would start a new one).
  Status Close();

  // The names of the column families recorded in dbname's MANIFEST, in id
  // order.
  static Status ListColumnFamilies(std::vector<std::string>* names,
                                   const std::string& dbname, FileSystem* fs);

  // File numbers: one counter for WALs, tables, MANIFESTs, OPTIONS, temp.
  uint64_t NewFileNumber() { return next_file_number_.fetch_add(1); }
  uint64_t FetchAddFileNumber(uint64_t n) {
    return next_file_number_.fetch_add(n);
  }
  uint64_t current_next_file_number() const { return next_file_number_.load(); }
  // Makes sure number is never handed out again.
  void MarkFileNumberUsed(uint64_t number);

  // Sequence numbers. LastSequence is the last one visible to readers;
  // LastAllocated the last one handed to a writer; LastPublished the last
  // one published to readers (all equal unless the DB pipelines writes).
  SequenceNumber LastSequence() const {
    return last_sequence_.load(std::memory_order_acquire);
  }
  void SetLastSequence(SequenceNumber s) {
    last_sequence_.store(s, std::memory_order_release);
  }
  SequenceNumber LastAllocatedSequence() const {
    return last_allocated_sequence_.load(std::memory_order_seq_cst);
  }
  SequenceNumber FetchAddLastAllocatedSequence(uint64_t n) {
    return last_allocated_sequence_.fetch_add(n, std::memory_order_seq_cst);
  }
  void SetLastAllocatedSequence(SequenceNumber s) {
    last_allocated_sequence_.store(s, std::memory_order_seq_cst);
  }
  SequenceNumber LastPublishedSequence() const {
    return last_published_sequence_.load(std::memory_order_seq_cst);
  }
  void SetLastPublishedSequence(SequenceNumber s) {
    last_published_sequence_.store(s, std::memory_order_seq_cst);
  }

  // WAL numbers. MinLogNumberToKeep is the DB-wide value recorded in the
  // MANIFEST; MinLogNumberWithUnflushedData the smallest log number of a
  // live column family; a recovery replays WALs >= the larger of the two
  // (MinLogNumberToRecover).
  uint64_t MinLogNumberToKeep() const {
    return min_log_number_to_keep_.load(std::memory_order_acquire);
  }
  uint64_t MinLogNumberWithUnflushedData() const;
  uint64_t MinLogNumberToRecover() const;
  uint64_t prev_log_number() const { return prev_log_number_; }

  // The MANIFEST in use (the one recovered from until the first
  // LogAndApply), the number being created by a LogAndApply in progress
  // (0 if none) and the bytes written to the current one.
  uint64_t manifest_file_number() const { return manifest_file_number_; }
  uint64_t pending_manifest_file_number() const {
    return pending_manifest_file_number_;
  }
  uint64_t manifest_file_size() const { return manifest_file_size_; }

  uint32_t max_column_family() const { return max_column_family_; }
  // The DB id recorded in the MANIFEST, or empty. The DB sets the id it
  // read from IDENTITY; a new MANIFEST records it when
  // write_dbid_to_manifest.
  const std::string& db_id() const { return db_id_; }
  void set_db_id(const std::string& db_id) { db_id_ = db_id; }

  // Live (not dropped) column families in id order; lookups return null
  // when there is no live family of that id or name.
  std::vector<ColumnFamilyVersions*> column_families() const;
  ColumnFamilyVersions* GetColumnFamily(uint32_t id) const;
  ColumnFamilyVersions* GetColumnFamily(const std::string& name) const;
  uint64_t LogNumber(uint32_t cf_id = 0) const;
  // The current Version of a family (null if there is none).
  Version* current(uint32_t cf_id = 0) const;

 private:
  struct ManifestWriter;

  ColumnFamilyVersions* CreateColumnFamily(uint32_t id, const std::string& name,
                                           const ColumnFamilyOptions* options);
  void InstallVersion(ColumnFamilyVersions* cf, Version* v);
  // Fills the counters of edit and checks it against the state.
  Status PrepareEdit(VersionEdit* edit, const ColumnFamilyOptions* cf_options);
  // Snapshot records for a new MANIFEST.
  void EncodeSnapshot(std::vector<std::string>* records) const;
  // Writes records (after a snapshot when new_manifest_number != 0) and
  // syncs; on a new MANIFEST also switches CURRENT. Runs without the mutex.
  Status WriteToManifest(const std::vector<std::string>& snapshot,
                         const std::vector<std::string>& records,
                         uint64_t new_manifest_number,
                         uint64_t old_manifest_number, FSDirectory* db_dir,
                         std::unique_ptr<log::Writer>* new_log);
  // Creates MANIFEST-<number> and its log writer.
  Status NewManifestWriter(uint64_t number,
                           std::unique_ptr<log::Writer>* log) const;
  // The Versions the edits lead to, per family they change.
  Status BuildVersions(const std::vector<VersionEdit*>& edits,
                       std::map<uint32_t, Version*>* new_versions);
  // Applies written edits and their Versions to the in-memory state.
  void ApplyToState(const std::vector<VersionEdit*>& edits,
                    const ColumnFamilyOptions* new_cf_options,
                    const std::map<uint32_t, Version*>& new_versions);
  // Takes ownership of a Version that was never installed.
  static void DiscardVersion(Version* v);

  // Constant after construction.
  const std::string dbname_;
  const DBOptions* const db_options_;
  FileSystem* const fs_;

  std::atomic<uint64_t> next_file_number_{2};
  std::atomic<SequenceNumber> last_sequence_{0};
  std::atomic<SequenceNumber> last_allocated_sequence_{0};
  std::atomic<SequenceNumber> last_published_sequence_{0};
  std::atomic<uint64_t> min_log_number_to_keep_{0};

  // Guarded by the DB mutex (or single-threaded recovery).
  uint64_t prev_log_number_ = 0;
  uint32_t max_column_family_ = 0;
  std::string db_id_;
  std::map<uint32_t, std::unique_ptr<ColumnFamilyVersions>> column_families_;
  std::vector<std::unique_ptr<ColumnFamilyVersions>> dropped_;
  uint64_t current_version_number_ = 0;
  uint64_t manifest_file_number_ = 0;
  uint64_t pending_manifest_file_number_ = 0;
  uint64_t manifest_file_size_ = 0;
  std::unique_ptr<log::Writer> descriptor_log_;
  std::deque<ManifestWriter*> manifest_writers_;
};

}  // namespace ROCKSDB_NAMESPACE
