// Copyright (c) the rocksdb-cleanroom authors.
//
// Version file lists and the builder that derives one Version from another
// plus edits. Files are shared between Versions through FileMetaData::refs:
// the builder holds one reference per live file, each Version one more.
#include "db/version_builder.h"

#include <algorithm>

#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

void UnrefFile(FileMetaData* f) {
  if (--f->refs <= 0) delete f;
}

// Level-0 order: newest first.
bool NewerFirst(const FileMetaData* a, const FileMetaData* b) {
  if (a->largest_seqno != b->largest_seqno) {
    return a->largest_seqno > b->largest_seqno;
  }
  if (a->smallest_seqno != b->smallest_seqno) {
    return a->smallest_seqno > b->smallest_seqno;
  }
  return a->number > b->number;
}

std::string FileNo(uint64_t number) { return "#" + NumberToString(number); }

}  // namespace

Version::Version(const InternalKeyComparator* icmp, int num_levels,
                 uint64_t version_number)
    : icmp_(icmp),
      files_(static_cast<size_t>(num_levels > 0 ? num_levels : 1)),
      version_number_(version_number) {}

Version::~Version() {
  for (auto& level : files_) {
    for (FileMetaData* f : level) UnrefFile(f);
  }
}

void Version::Unref() {
  if (--refs_ <= 0) delete this;
}

uint64_t Version::NumLevelBytes(int level) const {
  uint64_t sum = 0;
  for (const FileMetaData* f : files_[level]) sum += f->file_size;
  return sum;
}

int Version::NumFiles() const {
  int n = 0;
  for (const auto& level : files_) n += static_cast<int>(level.size());
  return n;
}

int Version::MaxNonEmptyLevel() const {
  for (int level = num_levels() - 1; level >= 0; --level) {
    if (!files_[level].empty()) return level;
  }
  return -1;
}

std::string Version::DebugString(bool hex) const {
  std::string r;
  for (int level = 0; level < num_levels(); ++level) {
    r += "--- level " + NumberToString(level) + " --- version# " +
         NumberToString(version_number_) + " ---\n";
    for (const FileMetaData* f : files_[level]) {
      r += " " + f->DebugString(hex) + "\n";
    }
  }
  return r;
}

VersionBuilder::VersionBuilder(const InternalKeyComparator* icmp,
                               const Version* base)
    : icmp_(icmp) {
  if (base == nullptr) return;
  for (int level = 0; level < base->num_levels(); ++level) {
    for (FileMetaData* f : base->files(level)) {
      ++f->refs;
      files_[f->number] = LiveFile{level, f};
    }
  }
}

VersionBuilder::~VersionBuilder() {
  for (auto& entry : files_) UnrefFile(entry.second.meta);
}

Status VersionBuilder::Apply(const VersionEdit& edit) {
  for (const auto& deleted : edit.GetDeletedFiles()) {
    const int level = deleted.first;
    const uint64_t number = deleted.second;
    auto it = files_.find(number);
    if (it == files_.end()) {
      return Status::Corruption("VersionBuilder",
                                "Cannot delete table file " + FileNo(number) +
                                    " from level " + NumberToString(level) +
                                    " since it is not in the LSM tree");
    }
    if (it->second.level != level) {
      return Status::Corruption("VersionBuilder",
                                "Cannot delete table file " + FileNo(number) +
                                    " from level " + NumberToString(level) +
                                    " since it is on level " +
                                    NumberToString(it->second.level));
    }
    UnrefFile(it->second.meta);
    files_.erase(it);
  }
  for (const auto& added : edit.GetNewFiles()) {
    const int level = added.first;
    const FileMetaData& f = added.second;
    auto it = files_.find(f.number);
    if (it != files_.end()) {
      return Status::Corruption(
          "VersionBuilder",
          "Cannot add table file " + FileNo(f.number) + " to level " +
              NumberToString(level) +
              " since it is already in the LSM tree on level " +
              NumberToString(it->second.level));
    }
    FileMetaData* meta = new FileMetaData(f);
    meta->refs = 1;
    meta->being_compacted = false;
    files_[f.number] = LiveFile{level, meta};
  }
  return Status::OK();
}

int VersionBuilder::MaxLevel() const {
  int max_level = -1;
  for (const auto& entry : files_) {
    max_level = std::max(max_level, entry.second.level);
  }
  return max_level;
}

Status VersionBuilder::SaveTo(Version* v, bool check_consistency) const {
  if (MaxLevel() >= v->num_levels()) {
    return Status::InvalidArgument(
        "db has more levels than options.num_levels");
  }
  for (const auto& entry : files_) {
    FileMetaData* f = entry.second.meta;
    ++f->refs;
    v->files_[entry.second.level].push_back(f);
  }
  std::sort(v->files_[0].begin(), v->files_[0].end(), NewerFirst);
  for (int level = 1; level < v->num_levels(); ++level) {
    auto& files = v->files_[level];
    if (icmp_ != nullptr) {
      const InternalKeyComparator* icmp = icmp_;
      std::sort(files.begin(), files.end(),
                [icmp](const FileMetaData* a, const FileMetaData* b) {
                  int r =
                      icmp->Compare(a->smallest.Encode(), b->smallest.Encode());
                  return r != 0 ? r < 0 : a->number < b->number;
                });
    } else {
      std::sort(files.begin(), files.end(),
                [](const FileMetaData* a, const FileMetaData* b) {
                  return a->number < b->number;
                });
    }
  }
  if (check_consistency) return CheckConsistency(*v);
  return Status::OK();
}

Status VersionBuilder::CheckConsistency(const Version& v) const {
  // Level 0 is only sorted (NewerFirst): files from universal compaction
  // or with zeroed sequence numbers make stricter rules unsafe to enforce.
  if (icmp_ == nullptr) return Status::OK();
  // Levels >= 1: sorted, non-overlapping key ranges.
  for (int level = 1; level < v.num_levels(); ++level) {
    const auto& files = v.files(level);
    for (size_t i = 1; i < files.size(); ++i) {
      const FileMetaData* prev = files[i - 1];
      const FileMetaData* next = files[i];
      if (icmp_->Compare(prev->largest.Encode(), next->smallest.Encode()) >=
          0) {
        return Status::Corruption(
            "VersionBuilder",
            "L" + NumberToString(level) + " has overlapping ranges: file " +
                FileNo(prev->number) + " largest key " +
                prev->largest.DebugString(true) + " vs. file " +
                FileNo(next->number) + " smallest key " +
                next->smallest.DebugString(true));
      }
    }
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
