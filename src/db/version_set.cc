// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionSet: recovery from the MANIFEST and LogAndApply.
//
// A MANIFEST we start (spec 4.3) looks like RocksDB 7.8.3's:
//
//   {Comparator}                                       default family
//   {LogNumber, LastSequence, NewFile4*}
//   ({Comparator, ColumnFamily id, ColumnFamilyAdd name}
//    {LogNumber, LastSequence, NewFile4*, ColumnFamily id})*   other families
//   {PrevLogNumber, NextFileNumber, [MaxColumnFamily], [MinLogNumberToKeep],
//    LastSequence}
//   edit*                                              one per LogAndApply
//
// LogAndApply protocol (one caller at a time, in arrival order):
//   under the mutex: pick the MANIFEST number if a new one is due, fill and
//   check the edits, build the new Versions, encode snapshot and edits;
//   without it: append, sync, (new MANIFEST: CURRENT switch, old deleted);
//   under the mutex again: install the Versions and counters.
#include "db/version_set.h"

#include <algorithm>

#include "db/filename.h"
#include "db/manifest_replay.h"
#include "env/writable_file_writer.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

struct VersionSet::ManifestWriter {
  explicit ManifestWriter(port::Mutex* mu) : cv(mu) {}
  port::CondVar cv;
};

VersionSet::VersionSet(const std::string& dbname, const DBOptions* db_options,
                       FileSystem* fs)
    : dbname_(dbname), db_options_(db_options), fs_(fs) {}

VersionSet::~VersionSet() {
  // A failed close at destruction has nobody left to report to.
  Close().PermitUncheckedError();
  for (auto& entry : column_families_) {
    if (entry.second->current_ != nullptr) entry.second->current_->Unref();
  }
  for (auto& cf : dropped_) {
    if (cf->current_ != nullptr) cf->current_->Unref();
  }
}

void VersionSet::DiscardVersion(Version* v) {
  v->Ref();
  v->Unref();
}

void VersionSet::MarkFileNumberUsed(uint64_t number) {
  uint64_t current = next_file_number_.load();
  while (current <= number &&
         !next_file_number_.compare_exchange_weak(current, number + 1)) {
  }
}

uint64_t VersionSet::MinLogNumberWithUnflushedData() const {
  bool any = false;
  uint64_t min_log = 0;
  for (const auto& entry : column_families_) {
    const uint64_t n = entry.second->log_number_;
    if (!any || n < min_log) min_log = n;
    any = true;
  }
  return min_log;
}

uint64_t VersionSet::MinLogNumberToRecover() const {
  return std::max(MinLogNumberToKeep(), MinLogNumberWithUnflushedData());
}

std::vector<ColumnFamilyVersions*> VersionSet::column_families() const {
  std::vector<ColumnFamilyVersions*> result;
  for (const auto& entry : column_families_) {
    result.push_back(entry.second.get());
  }
  return result;
}

ColumnFamilyVersions* VersionSet::GetColumnFamily(uint32_t id) const {
  auto it = column_families_.find(id);
  return it == column_families_.end() ? nullptr : it->second.get();
}

ColumnFamilyVersions* VersionSet::GetColumnFamily(
    const std::string& name) const {
  for (const auto& entry : column_families_) {
    if (entry.second->name_ == name) return entry.second.get();
  }
  return nullptr;
}

uint64_t VersionSet::LogNumber(uint32_t cf_id) const {
  ColumnFamilyVersions* cf = GetColumnFamily(cf_id);
  return cf == nullptr ? 0 : cf->log_number_;
}

Version* VersionSet::current(uint32_t cf_id) const {
  ColumnFamilyVersions* cf = GetColumnFamily(cf_id);
  return cf == nullptr ? nullptr : cf->current_;
}

ColumnFamilyVersions* VersionSet::CreateColumnFamily(
    uint32_t id, const std::string& name, const ColumnFamilyOptions* options) {
  std::unique_ptr<ColumnFamilyVersions> cf(new ColumnFamilyVersions(id, name));
  if (options != nullptr) {
    cf->icmp_ = InternalKeyComparator(options->comparator);
    cf->num_levels_ = std::max(1, options->num_levels);
    cf->opened_ = true;
    if (options->comparator != nullptr) {
      cf->comparator_name_ = options->comparator->Name();
    }
  }
  ColumnFamilyVersions* raw = cf.get();
  column_families_[id] = std::move(cf);
  max_column_family_ = std::max(max_column_family_, id);
  return raw;
}

void VersionSet::InstallVersion(ColumnFamilyVersions* cf, Version* v) {
  v->Ref();
  if (cf->current_ != nullptr) cf->current_->Unref();
  cf->current_ = v;
}

Status VersionSet::NewManifestWriter(uint64_t number,
                                     std::unique_ptr<log::Writer>* log) const {
  const std::string path = DescriptorFileName(dbname_, number);
  FileOptions file_options(*db_options_);
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = fs_->NewWritableFile(path, file_options, &file, nullptr);
  if (!s.ok()) return s;
  std::unique_ptr<WritableFileWriter> writer(
      new WritableFileWriter(std::move(file), path, file_options));
  log->reset(new log::Writer(std::move(writer), 0,
                             /*recycle_log_files=*/false));
  return Status::OK();
}

Status VersionSet::CreateNewDB(const Comparator* comparator,
                               const std::string& db_id, FSDirectory* db_dir) {
  VersionEdit new_db;
  if (db_options_->write_dbid_to_manifest && !db_id.empty()) {
    new_db.SetDBId(db_id);
  }
  new_db.SetComparatorName(comparator->Name());
  new_db.SetLogNumber(0);
  new_db.SetNextFile(2);
  new_db.SetLastSequence(0);
  std::string record;
  new_db.EncodeTo(&record);

  const uint64_t kFirstManifest = 1;
  std::unique_ptr<log::Writer> log;
  Status s = NewManifestWriter(kFirstManifest, &log);
  if (!s.ok()) return s;
  s = log->AddRecord(record);
  if (s.ok()) s = log->Sync(db_options_->use_fsync);
  Status close = log->Close();
  if (s.ok()) s = close;
  log.reset();
  if (s.ok()) {
    s = SetCurrentFile(fs_, dbname_, kFirstManifest, db_dir);
  } else {
    // The half-written MANIFEST is not referenced by CURRENT.
    fs_->DeleteFile(DescriptorFileName(dbname_, kFirstManifest), IOOptions(),
                    nullptr)
        .PermitUncheckedError();
  }
  return s;
}

Status VersionSet::Recover(
    const std::vector<ColumnFamilyDescriptor>& column_families, bool read_only,
    std::string* db_id) {
  std::map<std::string, const ColumnFamilyOptions*> requested;
  std::map<std::string, const Comparator*> comparators;
  for (const auto& cf : column_families) {
    if (requested.count(cf.name) == 0) {
      requested[cf.name] = &cf.options;
      comparators[cf.name] = cf.options.comparator;
    }
  }
  if (requested.count(kDefaultColumnFamilyName) == 0) {
    return Status::InvalidArgument("Default column family not specified");
  }

  std::string manifest_path;
  uint64_t manifest_number = 0;
  Status s = ManifestReplay::ReadCurrentFile(fs_, dbname_, &manifest_path,
                                             &manifest_number);
  if (!s.ok()) return s;
  ManifestReplay replay(comparators, /*track_files=*/true);
  s = replay.Replay(fs_, manifest_path);
  if (!s.ok()) return s;
  const auto& recovered = replay.column_families();

  // Every family must be opened (read-write), newest listed first.
  if (!read_only) {
    std::vector<const ManifestReplay::ColumnFamily*> unopened;
    for (const auto& entry : recovered) {
      if (requested.count(entry.second.name) == 0) {
        unopened.push_back(&entry.second);
      }
    }
    if (!unopened.empty()) {
      std::sort(unopened.begin(), unopened.end(),
                [](const ManifestReplay::ColumnFamily* a,
                   const ManifestReplay::ColumnFamily* b) {
                  return a->creation_order > b->creation_order;
                });
      std::string names;
      for (const auto* cf : unopened) {
        if (!names.empty()) names += ", ";
        names += cf->name;
      }
      return Status::InvalidArgument("Column families not opened: " + names);
    }
  }
  // Every named family must exist, unless the caller creates missing ones.
  if (!db_options_->create_missing_column_families) {
    for (const auto& cf : column_families) {
      bool found = false;
      for (const auto& entry : recovered) {
        if (entry.second.name == cf.name) found = true;
      }
      if (!found) {
        return Status::InvalidArgument("Column family not found: " + cf.name);
      }
    }
  }
  // Comparators must keep their names.
  for (const auto& entry : recovered) {
    auto it = requested.find(entry.second.name);
    if (it == requested.end() || it->second->comparator == nullptr ||
        entry.second.comparator_name.empty()) {
      continue;
    }
    const std::string name = it->second->comparator->Name();
    if (name != entry.second.comparator_name) {
      return Status::InvalidArgument(name +
                                     ": does not match existing comparator " +
                                     entry.second.comparator_name);
    }
  }

  // Build the state.
  for (auto& entry : column_families_) {
    if (entry.second->current_ != nullptr) entry.second->current_->Unref();
  }
  column_families_.clear();
  max_column_family_ = 0;
  for (const auto& entry : recovered) {
    const ManifestReplay::ColumnFamily& rcf = entry.second;
    auto it = requested.find(rcf.name);
    const ColumnFamilyOptions* options =
        it == requested.end() ? nullptr : it->second;
    ColumnFamilyVersions* cf = CreateColumnFamily(rcf.id, rcf.name, options);
    cf->comparator_name_ = rcf.comparator_name;
    cf->log_number_ = rcf.log_number;
    if (options == nullptr) {
      cf->num_levels_ = std::max(ColumnFamilyOptions().num_levels,
                                 rcf.builder->MaxLevel() + 1);
    }
    Version* v = new Version(options != nullptr ? &cf->icmp_ : nullptr,
                             cf->num_levels_, ++current_version_number_);
    s = rcf.builder->SaveTo(
        v, options != nullptr && options->force_consistency_checks);
    if (!s.ok()) {
      DiscardVersion(v);
      if (s.IsCorruption()) {
        s = Status::Corruption(std::string(s.getState()) + " in file " +
                               manifest_path);
      }
      break;
    }
    InstallVersion(cf, v);
  }
  if (!s.ok()) {
    for (auto& entry : column_families_) {
      if (entry.second->current_ != nullptr) entry.second->current_->Unref();
    }
    column_families_.clear();
    return s;
  }

  next_file_number_.store(replay.next_file_number);
  for (const auto& entry : column_families_) {
    MarkFileNumberUsed(entry.second->log_number_);
  }
  MarkFileNumberUsed(replay.prev_log_number);
  MarkFileNumberUsed(manifest_number);
  SetLastSequence(replay.last_sequence);
  SetLastAllocatedSequence(replay.last_sequence);
  SetLastPublishedSequence(replay.last_sequence);
  prev_log_number_ = replay.prev_log_number;
  min_log_number_to_keep_.store(replay.min_log_number_to_keep);
  max_column_family_ = std::max(max_column_family_, replay.max_column_family);
  if (replay.has_db_id) {
    db_id_ = replay.db_id;
    if (db_id != nullptr) *db_id = replay.db_id;
  }
  manifest_file_number_ = manifest_number;
  manifest_file_size_ = 0;
  descriptor_log_.reset();  // the first LogAndApply starts a new MANIFEST
  return Status::OK();
}

Status VersionSet::ListColumnFamilies(std::vector<std::string>* names,
                                      const std::string& dbname,
                                      FileSystem* fs) {
  names->clear();
  std::string manifest_path;
  uint64_t manifest_number = 0;
  Status s = ManifestReplay::ReadCurrentFile(fs, dbname, &manifest_path,
                                             &manifest_number);
  if (!s.ok()) return s;
  ManifestReplay replay({}, /*track_files=*/false);
  s = replay.Replay(fs, manifest_path, /*check_required_fields=*/false);
  if (!s.ok()) return s;
  for (const auto& entry : replay.column_families()) {
    names->push_back(entry.second.name);
  }
  return Status::OK();
}

Status VersionSet::PrepareEdit(VersionEdit* edit,
                               const ColumnFamilyOptions* cf_options) {
  const uint32_t id = edit->GetColumnFamily();
  if (edit->IsColumnFamilyAdd()) {
    if (cf_options == nullptr || cf_options->comparator == nullptr) {
      return Status::InvalidArgument(
          "LogAndApply: adding a column family needs its options");
    }
    if (GetColumnFamily(id) != nullptr ||
        GetColumnFamily(edit->GetColumnFamilyName()) != nullptr) {
      return Status::InvalidArgument("Column family already exists");
    }
    if (edit->NumEntries() > 0) {
      return Status::InvalidArgument(
          "LogAndApply: a column family is added without files");
    }
    if (!edit->HasComparatorName()) {
      edit->SetComparatorName(cf_options->comparator->Name());
    }
  } else if (edit->IsColumnFamilyDrop()) {
    if (id == 0) {
      return Status::InvalidArgument("Can't drop default column family");
    }
    if (GetColumnFamily(id) == nullptr) {
      return Status::InvalidArgument("Invalid column family specified");
    }
    edit->SetMaxColumnFamily(max_column_family_);
  } else {
    ColumnFamilyVersions* cf = GetColumnFamily(id);
    if (cf == nullptr) {
      return Status::InvalidArgument("Invalid column family specified");
    }
    if (edit->HasLogNumber() &&
        (edit->GetLogNumber() < cf->log_number_ ||
         edit->GetLogNumber() >= current_next_file_number())) {
      return Status::InvalidArgument(
          "LogAndApply: log number " + std::to_string(edit->GetLogNumber()) +
          " outside [" + std::to_string(cf->log_number_) + ", " +
          std::to_string(current_next_file_number()) + ")");
    }
    if (!edit->HasPrevLogNumber()) edit->SetPrevLogNumber(prev_log_number_);
  }
  edit->SetNextFile(current_next_file_number());
  edit->SetLastSequence(LastSequence());
  return Status::OK();
}

Status VersionSet::BuildVersions(const std::vector<VersionEdit*>& edits,
                                 std::map<uint32_t, Version*>* new_versions) {
  std::map<uint32_t, std::unique_ptr<VersionBuilder>> builders;
  for (VersionEdit* edit : edits) {
    if (edit->IsColumnFamilyManipulation()) continue;
    ColumnFamilyVersions* cf = GetColumnFamily(edit->GetColumnFamily());
    auto& builder = builders[cf->id_];
    if (!builder) {
      builder.reset(new VersionBuilder(
          cf->user_comparator() != nullptr ? &cf->icmp_ : nullptr,
          cf->current_));
    }
    Status s = builder->Apply(*edit);
    if (!s.ok()) return s;
  }
  for (auto& entry : builders) {
    ColumnFamilyVersions* cf = GetColumnFamily(entry.first);
    Version* v =
        new Version(cf->user_comparator() != nullptr ? &cf->icmp_ : nullptr,
                    cf->num_levels_, ++current_version_number_);
    Status s = entry.second->SaveTo(v);
    if (!s.ok()) {
      DiscardVersion(v);
      return s;
    }
    (*new_versions)[entry.first] = v;
  }
  return Status::OK();
}

void VersionSet::ApplyToState(
    const std::vector<VersionEdit*>& edits,
    const ColumnFamilyOptions* new_cf_options,
    const std::map<uint32_t, Version*>& new_versions) {
  for (VersionEdit* edit : edits) {
    const uint32_t id = edit->GetColumnFamily();
    if (edit->IsColumnFamilyAdd()) {
      ColumnFamilyVersions* cf =
          CreateColumnFamily(id, edit->GetColumnFamilyName(), new_cf_options);
      cf->comparator_name_ = edit->GetComparatorName();
      if (edit->HasLogNumber()) cf->log_number_ = edit->GetLogNumber();
      InstallVersion(cf, new Version(&cf->icmp_, cf->num_levels_,
                                     ++current_version_number_));
    } else if (edit->IsColumnFamilyDrop()) {
      auto it = column_families_.find(id);
      it->second->dropped_ = true;
      dropped_.push_back(std::move(it->second));
      column_families_.erase(it);
    } else if (edit->HasLogNumber()) {
      GetColumnFamily(id)->log_number_ = edit->GetLogNumber();
    }
    if (edit->HasPrevLogNumber()) prev_log_number_ = edit->GetPrevLogNumber();
    if (edit->HasMinLogNumberToKeep() &&
        edit->GetMinLogNumberToKeep() > MinLogNumberToKeep()) {
      min_log_number_to_keep_.store(edit->GetMinLogNumberToKeep(),
                                    std::memory_order_release);
    }
    max_column_family_ = std::max(max_column_family_, id);
  }
  for (const auto& entry : new_versions) {
    InstallVersion(GetColumnFamily(entry.first), entry.second);
  }
}

void VersionSet::EncodeSnapshot(std::vector<std::string>* records) const {
  auto add = [records](const VersionEdit& edit) {
    records->emplace_back();
    edit.EncodeTo(&records->back());
  };
  for (const auto& entry : column_families_) {
    const ColumnFamilyVersions& cf = *entry.second;
    VersionEdit header;
    if (cf.id_ == 0 && db_options_->write_dbid_to_manifest && !db_id_.empty()) {
      header.SetDBId(db_id_);
    }
    if (!cf.comparator_name_.empty()) {
      header.SetComparatorName(cf.comparator_name_);
    }
    if (cf.id_ != 0) {
      header.SetColumnFamily(cf.id_);
      header.AddColumnFamily(cf.name_);
    }
    add(header);

    VersionEdit files;
    files.SetColumnFamily(cf.id_);
    files.SetLogNumber(cf.log_number_);
    files.SetLastSequence(LastSequence());
    if (cf.current_ != nullptr) {
      for (int level = 0; level < cf.current_->num_levels(); ++level) {
        for (const FileMetaData* f : cf.current_->files(level)) {
          files.AddFile(level, *f);
        }
      }
    }
    add(files);
  }
  VersionEdit counters;
  counters.SetPrevLogNumber(prev_log_number_);
  counters.SetNextFile(current_next_file_number());
  if (max_column_family_ > 0) counters.SetMaxColumnFamily(max_column_family_);
  if (MinLogNumberToKeep() > 0) {
    counters.SetMinLogNumberToKeep(MinLogNumberToKeep());
  }
  counters.SetLastSequence(LastSequence());
  add(counters);
}

Status VersionSet::WriteSnapshot(log::Writer* log) const {
  std::vector<std::string> records;
  EncodeSnapshot(&records);
  for (const std::string& record : records) {
    Status s = log->AddRecord(record);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status VersionSet::WriteToManifest(const std::vector<std::string>& snapshot,
                                   const std::vector<std::string>& records,
                                   uint64_t new_manifest_number,
                                   uint64_t old_manifest_number,
                                   FSDirectory* db_dir,
                                   std::unique_ptr<log::Writer>* new_log) {
  log::Writer* log = descriptor_log_.get();
  Status s;
  if (new_manifest_number != 0) {
    s = NewManifestWriter(new_manifest_number, new_log);
    if (!s.ok()) return s;
    log = new_log->get();
    for (const std::string& record : snapshot) {
      if (s.ok()) s = log->AddRecord(record);
    }
  }
  for (const std::string& record : records) {
    if (s.ok()) s = log->AddRecord(record);
  }
  if (s.ok()) s = log->Sync(db_options_->use_fsync);
  if (new_manifest_number == 0) return s;

  const std::string new_path = DescriptorFileName(dbname_, new_manifest_number);
  if (!s.ok()) {
    // CURRENT still names the old MANIFEST: the new one is garbage.
    new_log->reset();
    fs_->DeleteFile(new_path, IOOptions(), nullptr).PermitUncheckedError();
    return s;
  }
  s = SetCurrentFile(fs_, dbname_, new_manifest_number, db_dir);
  // On failure CURRENT may name either MANIFEST (the rename may have
  // happened before a failed directory sync): keep both.
  if (s.ok() && old_manifest_number != 0 &&
      old_manifest_number != new_manifest_number) {
    // A leftover old MANIFEST is harmless: CURRENT no longer names it.
    fs_->DeleteFile(DescriptorFileName(dbname_, old_manifest_number),
                    IOOptions(), nullptr)
        .PermitUncheckedError();
  }
  return s;
}

Status VersionSet::LogAndApply(VersionEdit* edit, port::Mutex* mu,
                               FSDirectory* db_dir, bool new_descriptor_log,
                               const ColumnFamilyOptions* new_cf_options) {
  return LogAndApply(std::vector<VersionEdit*>{edit}, mu, db_dir,
                     new_descriptor_log, new_cf_options);
}

Status VersionSet::LogAndApply(const std::vector<VersionEdit*>& edits,
                               port::Mutex* mu, FSDirectory* db_dir,
                               bool new_descriptor_log,
                               const ColumnFamilyOptions* new_cf_options) {
  mu->AssertHeld();
  ManifestWriter w(mu);
  manifest_writers_.push_back(&w);
  while (manifest_writers_.front() != &w) w.cv.Wait();

  const bool new_manifest =
      descriptor_log_ == nullptr || new_descriptor_log ||
      manifest_file_size_ > db_options_->max_manifest_file_size;
  uint64_t new_manifest_number = 0;
  if (new_manifest) {
    new_manifest_number = NewFileNumber();
    pending_manifest_file_number_ = new_manifest_number;
  }

  Status s;
  std::map<uint32_t, Version*> new_versions;
  std::vector<std::string> records;
  for (VersionEdit* edit : edits) {
    if (s.ok()) s = PrepareEdit(edit, new_cf_options);
  }
  if (s.ok()) s = BuildVersions(edits, &new_versions);
  for (VersionEdit* edit : edits) {
    if (!s.ok()) break;
    records.emplace_back();
    if (!edit->EncodeTo(&records.back())) {
      s = Status::InvalidArgument(
          "LogAndApply: a new file lacks its smallest or largest key");
    }
  }
  std::vector<std::string> snapshot;
  if (s.ok() && new_manifest) EncodeSnapshot(&snapshot);

  if (s.ok()) {
    std::unique_ptr<log::Writer> new_log;
    const uint64_t old_manifest_number = manifest_file_number_;
    mu->Unlock();
    s = WriteToManifest(snapshot, records, new_manifest_number,
                        old_manifest_number, db_dir, &new_log);
    mu->Lock();
    if (s.ok()) {
      if (new_manifest) {
        descriptor_log_ = std::move(new_log);
        manifest_file_number_ = new_manifest_number;
      }
      manifest_file_size_ = descriptor_log_->file_size();
      ApplyToState(edits, new_cf_options, new_versions);
      new_versions.clear();
    } else {
      // The MANIFEST's tail is unknown now: the next call starts afresh.
      descriptor_log_.reset();
    }
  }
  for (auto& entry : new_versions) DiscardVersion(entry.second);
  pending_manifest_file_number_ = 0;

  manifest_writers_.pop_front();
  if (!manifest_writers_.empty()) manifest_writers_.front()->cv.Signal();
  return s;
}

Status VersionSet::Close() {
  if (descriptor_log_ == nullptr) return Status::OK();
  Status s = descriptor_log_->Close();
  descriptor_log_.reset();
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
