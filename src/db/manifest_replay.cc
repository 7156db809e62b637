// Copyright (c) the rocksdb-cleanroom authors.
//
// MANIFEST replay: CURRENT -> MANIFEST-<n> -> log records -> VersionEdits
// -> per-family state. The messages are those RocksDB 7.8.3 gives for the
// same damage (observed with crafted MANIFESTs).
#include "db/manifest_replay.h"

#include <algorithm>

#include "db/filename.h"
#include "env/file_reader.h"
#include "rocksdb/db.h"
#include "wal/log_reader.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Keeps the first corruption the log reader reports.
class ManifestReporter : public log::Reader::Reporter {
 public:
  void Corruption(size_t /*bytes*/, const Status& s) override {
    if (status.ok()) status = s;
  }
  Status status;
};

}  // namespace

ManifestReplay::ManifestReplay(
    const std::map<std::string, const Comparator*>& comparators,
    bool track_files)
    : comparators_(comparators), track_files_(track_files) {
  AddFamily(0, kDefaultColumnFamilyName);
}

ManifestReplay::ColumnFamily* ManifestReplay::AddFamily(
    uint32_t id, const std::string& name) {
  ColumnFamily& cf = column_families_[id];
  cf.id = id;
  cf.name = name;
  cf.creation_order = next_creation_order_++;
  auto it = comparators_.find(name);
  if (it != comparators_.end() && it->second != nullptr) {
    cf.icmp.reset(new InternalKeyComparator(it->second));
  }
  if (track_files_) {
    cf.builder.reset(new VersionBuilder(cf.icmp.get(), nullptr));
  }
  return &cf;
}

Status ManifestReplay::ReadCurrentFile(FileSystem* fs,
                                       const std::string& dbname,
                                       std::string* manifest_path,
                                       uint64_t* manifest_number) {
  std::string data;
  Status s = ReadFileToString(fs, CurrentFileName(dbname), &data);
  if (!s.ok()) return s;
  if (data.empty() || data.back() != '\n') {
    return Status::Corruption("CURRENT file does not end with newline");
  }
  data.pop_back();
  FileType type;
  uint64_t number = 0;
  if (!ParseFileName(data, &number, &type) || type != kDescriptorFile) {
    return Status::Corruption("CURRENT file corrupted");
  }
  *manifest_path = dbname + "/" + data;
  *manifest_number = number;
  return Status::OK();
}

Status ManifestReplay::Replay(FileSystem* fs, const std::string& path,
                              bool check_required_fields) {
  std::unique_ptr<FSSequentialFile> file;
  IOStatus io = fs->NewSequentialFile(path, FileOptions(), &file, nullptr);
  if (!io.ok()) return io;

  ManifestReporter reporter;
  std::unique_ptr<SequentialFileReader> file_reader(
      new SequentialFileReader(std::move(file), path));
  log::Reader reader(nullptr, std::move(file_reader), &reporter,
                     /*checksum=*/true, /*log_num=*/0);

  Status s;
  Slice record;
  std::string scratch;
  std::vector<VersionEdit> group;  // the atomic group being read
  while (reader.ReadRecord(&record, &scratch,
                           WALRecoveryMode::kTolerateCorruptedTailRecords)) {
    if (!reporter.status.ok()) break;
    VersionEdit edit;
    s = edit.DecodeFrom(record);
    if (!s.ok()) break;
    if (edit.IsInAtomicGroup()) {
      if (!group.empty() && edit.GetRemainingEntries() + 1 !=
                                group.back().GetRemainingEntries()) {
        s = Status::Corruption("corrupted atomic group");
        break;
      }
      group.push_back(std::move(edit));
      if (group.back().GetRemainingEntries() == 0) {
        for (const VersionEdit& member : group) {
          s = ApplyEdit(member);
          if (!s.ok()) break;
        }
        group.clear();
      }
    } else if (!group.empty()) {
      s = Status::Corruption("corrupted atomic group");
    } else {
      s = ApplyEdit(edit);
    }
    if (!s.ok()) break;
  }
  // An atomic group still open here was cut by the end of the file (a
  // crash while writing it): it never happened.
  if (s.ok() && !reporter.status.ok()) s = reporter.status;
  if (s.ok() && check_required_fields) s = CheckRequiredFields();
  if (s.IsCorruption()) {
    s = Status::Corruption(std::string(s.getState() ? s.getState() : "") +
                           " in file " + path);
  }
  return s;
}

Status ManifestReplay::ApplyEdit(const VersionEdit& edit) {
  const uint32_t id = edit.GetColumnFamily();
  ColumnFamily* cf = nullptr;
  if (edit.IsColumnFamilyAdd()) {
    const std::string& name = edit.GetColumnFamilyName();
    bool duplicate = column_families_.count(id) > 0;
    for (const auto& entry : column_families_) {
      if (entry.second.name == name) duplicate = true;
    }
    if (duplicate) {
      return Status::Corruption(
          "MANIFEST adding the same column family twice: " + name);
    }
    cf = AddFamily(id, name);
  } else {
    auto it = column_families_.find(id);
    if (it == column_families_.end()) {
      return Status::Corruption(
          edit.IsColumnFamilyDrop()
              ? "MANIFEST - dropping non-existing column family"
              : "MANIFEST record referencing unknown column family");
    }
    if (edit.IsColumnFamilyDrop()) {
      if (id == 0) {
        return Status::Corruption(
            "MANIFEST - dropping the default column family");
      }
      column_families_.erase(it);
    } else {
      cf = &it->second;
    }
  }

  if (cf != nullptr) {
    if (edit.HasComparatorName())
      cf->comparator_name = edit.GetComparatorName();
    if (edit.HasLogNumber()) cf->log_number = edit.GetLogNumber();
    if (cf->builder) {
      Status s = cf->builder->Apply(edit);
      if (!s.ok()) return s;
    }
  }

  if (edit.HasLogNumber()) has_log_number = true;
  if (edit.HasPrevLogNumber()) {
    has_prev_log_number = true;
    prev_log_number = edit.GetPrevLogNumber();
  }
  if (edit.HasNextFile()) {
    has_next_file_number = true;
    next_file_number = edit.GetNextFile();
  }
  if (edit.HasLastSequence()) {
    has_last_sequence = true;
    last_sequence = edit.GetLastSequence();
  }
  if (edit.HasMinLogNumberToKeep()) {
    min_log_number_to_keep =
        std::max(min_log_number_to_keep, edit.GetMinLogNumberToKeep());
  }
  if (edit.HasMaxColumnFamily()) {
    max_column_family = std::max(max_column_family, edit.GetMaxColumnFamily());
  }
  max_column_family = std::max(max_column_family, id);
  if (edit.HasDbId()) {
    has_db_id = true;
    db_id = edit.GetDbId();
  }
  ++num_edits;
  return Status::OK();
}

Status ManifestReplay::CheckRequiredFields() const {
  std::string missing;
  auto note = [&missing](bool present, const char* what) {
    if (present) return;
    if (!missing.empty()) missing += ", ";
    missing += what;
  };
  note(has_log_number, "log_file_number");
  note(has_next_file_number, "next_file_number");
  note(has_last_sequence, "last_sequence");
  if (missing.empty()) return Status::OK();
  return Status::Corruption("no " + missing + " entry in MANIFEST");
}

}  // namespace ROCKSDB_NAMESPACE
