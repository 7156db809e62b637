// Copyright (c) the rocksdb-cleanroom authors.
//
// DB properties. Every integer property is computed by IntProperty(); the
// string form of an integer property is its decimal text, as in RocksDB.
// Properties about table files, caches and statistics answer as RocksDB
// does for a DB without table files; the text reports ("rocksdb.stats",
// ...) arrive with the features they describe (GetProperty returns false
// until then).

#include <algorithm>
#include <cstring>
#include <limits>

#include "db/db_impl.h"
#include "db/version_set.h"
#include "memtable/memtable.h"

namespace ROCKSDB_NAMESPACE {

namespace {

bool StartsWith(const Slice& s, const std::string& prefix) {
  return s.size() >= prefix.size() &&
         memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// Parses the level number after a property prefix.
bool ParseLevel(const Slice& property, const std::string& prefix, int* level) {
  if (!StartsWith(property, prefix) || property.size() == prefix.size()) {
    return false;
  }
  int value = 0;
  for (size_t i = prefix.size(); i < property.size(); ++i) {
    const char c = property[i];
    if (c < '0' || c > '9' || value > 1000000) return false;
    value = value * 10 + (c - '0');
  }
  *level = value;
  return true;
}

}  // namespace

bool DBImpl::GetIntProperty(ColumnFamilyHandle* column_family,
                            const Slice& property, uint64_t* value) {
  if (!CheckColumnFamily(column_family).ok()) return false;
  using P = DB::Properties;
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  uint64_t imm_bytes = 0, imm_entries = 0, imm_deletes = 0;
  for (MemTable* m : tables->imm) {
    imm_bytes += m->ApproximateMemoryUsage();
    imm_entries += m->num_entries();
    imm_deletes += m->num_deletes();
  }
  const std::string name = property.ToString();
  if (name == P::kCurSizeActiveMemTable) {
    *value = tables->mem->ApproximateMemoryUsage();
  } else if (name == P::kCurSizeAllMemTables || name == P::kSizeAllMemTables) {
    // Immutable memtables are never flushed yet, so they all count.
    *value = tables->mem->ApproximateMemoryUsage() + imm_bytes;
  } else if (name == P::kNumEntriesActiveMemTable) {
    *value = tables->mem->num_entries();
  } else if (name == P::kNumEntriesImmMemTables) {
    *value = imm_entries;
  } else if (name == P::kNumDeletesActiveMemTable) {
    *value = tables->mem->num_deletes();
  } else if (name == P::kNumDeletesImmMemTables) {
    *value = imm_deletes;
  } else if (name == P::kNumImmutableMemTable) {
    *value = tables->imm.size();
  } else if (name == P::kEstimateNumKeys) {
    // RocksDB's estimate: entries minus twice the deletions (a deletion
    // both adds an entry and hides one), never below zero.
    const uint64_t entries = tables->mem->num_entries() + imm_entries;
    const uint64_t deletes = tables->mem->num_deletes() + imm_deletes;
    *value = entries > 2 * deletes ? entries - 2 * deletes : 0;
  } else if (name == P::kBackgroundErrors) {
    *value = GetBackgroundError().ok() ? 0 : 1;
  } else if (name == P::kNumSnapshots) {
    port::MutexLock l(&mutex_);
    *value = snapshots_.size();
  } else if (name == P::kOldestSnapshotTime ||
             name == P::kOldestSnapshotSequence) {
    port::MutexLock l(&mutex_);
    if (snapshots_.empty()) {
      *value = 0;
    } else if (name == P::kOldestSnapshotTime) {
      *value = static_cast<uint64_t>(snapshots_.front()->GetUnixTime());
    } else {
      *value = snapshots_.front()->GetSequenceNumber();
    }
  } else if (name == P::kMinLogNumberToKeep) {
    *value = versions_->MinLogNumberToKeep();
  } else if (name == P::kIsFileDeletionsEnabled ||
             name == P::kNumLiveVersions) {
    *value = 1;
  } else if (name == P::kCurrentSuperVersionNumber) {
    *value = next_memtable_id_;
  } else if (name == P::kNumImmutableMemTableFlushed ||
             name == P::kMemTableFlushPending ||
             name == P::kNumRunningFlushes || name == P::kCompactionPending ||
             name == P::kNumRunningCompactions ||
             name == P::kEstimateTableReadersMem ||
             name == P::kEstimateLiveDataSize ||
             name == P::kTotalSstFilesSize || name == P::kLiveSstFilesSize ||
             name == P::kEstimatePendingCompactionBytes ||
             name == P::kActualDelayedWriteRate || name == P::kIsWriteStopped ||
             name == P::kNumBlobFiles || name == P::kTotalBlobFileSize ||
             name == P::kLiveBlobFileSize ||
             name == P::kLiveBlobFileGarbageSize ||
             name == P::kMinObsoleteSstNumberToKeep) {
    // No table or blob files, no background jobs, no stalls yet.
    *value = name == P::kMinObsoleteSstNumberToKeep
                 ? std::numeric_limits<uint64_t>::max()
                 : 0;
  } else if (name == P::kBaseLevel) {
    *value = static_cast<uint64_t>(cf_options_.num_levels - 1);
  } else {
    return false;
  }
  return true;
}

bool DBImpl::GetProperty(ColumnFamilyHandle* column_family,
                         const Slice& property, std::string* value) {
  uint64_t number = 0;
  if (GetIntProperty(column_family, property, &number)) {
    *value = std::to_string(number);
    return true;
  }
  int level = 0;
  if (ParseLevel(property, DB::Properties::kNumFilesAtLevelPrefix, &level)) {
    if (level >= cf_options_.num_levels) return false;
    *value = "0";
    return true;
  }
  return false;
}

bool DBImpl::GetMapProperty(ColumnFamilyHandle* column_family,
                            const Slice& property,
                            std::map<std::string, std::string>* value) {
  uint64_t number = 0;
  if (!GetIntProperty(column_family, property, &number)) return false;
  value->clear();
  (*value)[property.ToString()] = std::to_string(number);
  return true;
}

bool DBImpl::GetAggregatedIntProperty(const Slice& property, uint64_t* value) {
  // One column family: the aggregate is its value.
  return GetIntProperty(DefaultColumnFamily(), property, value);
}

Status DBImpl::GetApproximateSizes(const SizeApproximationOptions& options,
                                   ColumnFamilyHandle* column_family,
                                   const Range* ranges, int n,
                                   uint64_t* sizes) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (!options.include_memtables && !options.include_files) {
    return Status::InvalidArgument("Invalid options");
  }
  for (int i = 0; i < n; ++i) {
    uint64_t count = 0, size = 0;
    if (options.include_memtables) {
      GetApproximateMemTableStats(column_family, ranges[i], &count, &size);
    }
    sizes[i] = size;
  }
  return Status::OK();
}

void DBImpl::GetApproximateMemTableStats(ColumnFamilyHandle* /*column_family*/,
                                         const Range& /*range*/,
                                         uint64_t* const count,
                                         uint64_t* const size) {
  // Range estimates need memtable iteration by range; until then the
  // answer is RocksDB's for an empty range.
  *count = 0;
  *size = 0;
}

}  // namespace ROCKSDB_NAMESPACE
