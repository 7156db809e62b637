// Copyright (c) the rocksdb-cleanroom authors.
//
// DB properties. Every integer property is computed by GetIntProperty();
// the string form of an integer property is its decimal text, as in
// RocksDB. Memtable figures come from the read view's memtables, table
// file figures from the current Version (and the table properties through
// the table cache), flush and stall state from the DB's own counters. The
// text reports ("rocksdb.stats", ...) arrive with the features they
// describe (GetProperty returns false until then).

#include <algorithm>
#include <cstring>
#include <limits>

#include "db/db_impl.h"
#include "db/table_cache.h"
#include "db/version_set.h"
#include "memtable/memtable.h"
#include "rocksdb/cache.h"
#include "rocksdb/rate_limiter.h"
#include "rocksdb/table.h"
#include "table/table_reader.h"

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
  const std::string name = property.ToString();
  std::shared_ptr<MemTableSet> tables;
  Version* current = nullptr;
  AcquireReadView(&tables, &current);
  uint64_t imm_bytes = 0, imm_entries = 0, imm_deletes = 0;
  for (MemTable* m : tables->imm) {
    imm_bytes += m->ApproximateMemoryUsage();
    imm_entries += m->num_entries();
    imm_deletes += m->num_deletes();
  }
  uint64_t live_bytes = 0;
  for (int level = 0; level < current->num_levels(); ++level) {
    live_bytes += current->NumLevelBytes(level);
  }
  bool found = true;
  if (name == P::kCurSizeActiveMemTable) {
    *value = tables->mem->ApproximateMemoryUsage();
  } else if (name == P::kCurSizeAllMemTables || name == P::kSizeAllMemTables) {
    // Flushed memtables are not kept, so every immutable one is unflushed.
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
  } else if (name == P::kNumImmutableMemTableFlushed) {
    *value = 0;  // max_write_buffer_size_to_maintain history is not kept
  } else if (name == P::kEstimateNumKeys) {
    // RocksDB's estimate: entries minus twice the deletions (a deletion
    // both adds an entry and hides one), memtables and tables alike,
    // never below zero.
    uint64_t entries = tables->mem->num_entries() + imm_entries;
    uint64_t deletes = tables->mem->num_deletes() + imm_deletes;
    for (int level = 0; level < current->num_levels(); ++level) {
      for (const FileMetaData* f : current->files(level)) {
        std::shared_ptr<const TableProperties> props;
        if (table_cache_
                ->GetTableProperties(cf_options_, icmp_, *f, &props, level)
                .ok() &&
            props != nullptr) {
          entries += props->num_entries;
          deletes += props->num_deletions;
        }
      }
    }
    *value = entries > 2 * deletes ? entries - 2 * deletes : 0;
  } else if (name == P::kEstimateTableReadersMem) {
    *value = table_cache_->GetMemoryUsageByTableReaders();
  } else if (name == P::kLiveSstFilesSize || name == P::kEstimateLiveDataSize) {
    *value = live_bytes;
  } else if (name == P::kBlockCacheCapacity || name == P::kBlockCacheUsage ||
             name == P::kBlockCachePinnedUsage) {
    const BlockBasedTableOptions* bbto =
        cf_options_.table_factory == nullptr
            ? nullptr
            : cf_options_.table_factory->GetOptions<BlockBasedTableOptions>();
    Cache* cache = bbto != nullptr ? bbto->block_cache.get() : nullptr;
    if (cache == nullptr) {
      found = false;
    } else if (name == P::kBlockCacheCapacity) {
      *value = cache->GetCapacity();
    } else if (name == P::kBlockCacheUsage) {
      *value = cache->GetUsage();
    } else {
      *value = cache->GetPinnedUsage();
    }
  } else {
    found = false;
  }
  ReleaseReadView(current);
  if (found) return true;

  port::MutexLock l(&mutex_);
  found = true;
  if (name == P::kBackgroundErrors) {
    *value = bg_error_.ok() ? 0 : 1;
  } else if (name == P::kNumSnapshots) {
    *value = snapshots_.size();
  } else if (name == P::kOldestSnapshotTime ||
             name == P::kOldestSnapshotSequence) {
    if (snapshots_.empty()) {
      *value = 0;
    } else if (name == P::kOldestSnapshotTime) {
      *value = static_cast<uint64_t>(snapshots_.front()->GetUnixTime());
    } else {
      *value = snapshots_.front()->GetSequenceNumber();
    }
  } else if (name == P::kMinLogNumberToKeep) {
    *value = versions_->MinLogNumberToKeep();
  } else if (name == P::kIsFileDeletionsEnabled) {
    *value = disable_delete_obsolete_files_ == 0 ? 1 : 0;
  } else if (name == P::kNumLiveVersions) {
    // The current Version plus the older ones read views still hold.
    *value = 1;
    for (const auto& held : held_versions_) {
      if (held.first != versions_->current()) ++*value;
    }
  } else if (name == P::kCurrentSuperVersionNumber) {
    *value = super_version_number_;
  } else if (name == P::kMemTableFlushPending) {
    *value = FlushDue() ? 1 : 0;
  } else if (name == P::kNumRunningFlushes) {
    *value = num_running_flushes_;
  } else if (name == P::kTotalSstFilesSize) {
    // Every table file a Version still lists, obsolete ones included.
    std::map<uint64_t, uint64_t> sizes;
    std::vector<Version*> versions{versions_->current()};
    for (const auto& held : held_versions_) versions.push_back(held.first);
    for (Version* v : versions) {
      for (int level = 0; level < v->num_levels(); ++level) {
        for (const FileMetaData* f : v->files(level)) {
          sizes[f->number] = f->file_size;
        }
      }
    }
    *value = 0;
    for (const auto& entry : sizes) *value += entry.second;
  } else if (name == P::kIsWriteStopped) {
    *value = write_stall_ == WriteStallCondition::kStopped ? 1 : 0;
  } else if (name == P::kActualDelayedWriteRate) {
    uint64_t rate = db_options_.delayed_write_rate;
    if (rate == 0) {
      rate = db_options_.rate_limiter != nullptr
                 ? db_options_.rate_limiter->GetBytesPerSecond()
                 : 16 << 20;
    }
    *value = write_stall_ == WriteStallCondition::kDelayed ? rate : 0;
  } else if (name == P::kMinObsoleteSstNumberToKeep) {
    *value = pending_outputs_.empty() ? std::numeric_limits<uint64_t>::max()
                                      : *pending_outputs_.begin();
  } else if (name == P::kCompactionPending ||
             name == P::kNumRunningCompactions ||
             name == P::kEstimatePendingCompactionBytes ||
             name == P::kNumBlobFiles || name == P::kTotalBlobFileSize ||
             name == P::kLiveBlobFileSize ||
             name == P::kLiveBlobFileGarbageSize) {
    // No compactions and no blob files yet.
    *value = 0;
  } else if (name == P::kBaseLevel) {
    *value = cf_options_.level_compaction_dynamic_level_bytes
                 ? static_cast<uint64_t>(cf_options_.num_levels - 1)
                 : 1;
  } else {
    found = false;
  }
  return found;
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
    port::MutexLock l(&mutex_);
    *value = std::to_string(versions_->current()->NumLevelFiles(level));
    return true;
  }
  if (ParseLevel(property, DB::Properties::kCompressionRatioAtLevelPrefix,
                 &level)) {
    if (level >= cf_options_.num_levels) return false;
    *value = CompressionRatioAtLevel(level);
    return true;
  }
  return false;
}

std::string DBImpl::CompressionRatioAtLevel(int level) {
  // RocksDB's ratio: raw key and value bytes over file bytes; -1 for a
  // level without files.
  std::shared_ptr<MemTableSet> tables;
  Version* current = nullptr;
  AcquireReadView(&tables, &current);
  uint64_t raw = 0, stored = 0;
  for (const FileMetaData* f : current->files(level)) {
    std::shared_ptr<const TableProperties> props;
    if (table_cache_->GetTableProperties(cf_options_, icmp_, *f, &props, level)
            .ok() &&
        props != nullptr) {
      raw += props->raw_key_size + props->raw_value_size;
      stored += f->file_size;
    }
  }
  ReleaseReadView(current);
  char buf[64];
  snprintf(buf, sizeof(buf), "%f",
           stored == 0 ? -1.0 : static_cast<double>(raw) / stored);
  return buf;
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
  std::shared_ptr<MemTableSet> tables;
  Version* current = nullptr;
  AcquireReadView(&tables, &current);
  const Comparator* ucmp = icmp_.user_comparator();
  for (int i = 0; i < n; ++i) {
    uint64_t count = 0, size = 0;
    if (options.include_memtables) {
      GetApproximateMemTableStats(column_family, ranges[i], &count, &size);
    }
    if (options.include_files &&
        ucmp->Compare(ranges[i].start, ranges[i].limit) < 0) {
      // Whole files inside the range count fully; files straddling an end
      // are asked for the bytes between the two keys.
      const InternalKey start(ranges[i].start, kMaxSequenceNumber,
                              kValueTypeForSeek);
      const InternalKey limit(ranges[i].limit, kMaxSequenceNumber,
                              kValueTypeForSeek);
      for (int level = 0; level < current->num_levels(); ++level) {
        for (const FileMetaData* f : current->files(level)) {
          if (ucmp->Compare(f->largest.user_key(), ranges[i].start) < 0 ||
              ucmp->Compare(f->smallest.user_key(), ranges[i].limit) >= 0) {
            continue;
          }
          if (ucmp->Compare(f->smallest.user_key(), ranges[i].start) >= 0 &&
              ucmp->Compare(f->largest.user_key(), ranges[i].limit) < 0) {
            size += f->file_size;
            continue;
          }
          Cache::Handle* handle = nullptr;
          if (!table_cache_
                   ->FindTable(ReadOptions(), cf_options_, icmp_, *f, &handle,
                               level)
                   .ok()) {
            continue;
          }
          // RocksDB's arithmetic: the difference of the two offsets.
          TableReader* reader = table_cache_->GetTableReader(handle);
          const uint64_t from = reader->ApproximateOffsetOf(
              start.Encode(), TableReaderCaller::kUserApproximateSize);
          const uint64_t to = reader->ApproximateOffsetOf(
              limit.Encode(), TableReaderCaller::kUserApproximateSize);
          size += to > from ? to - from : 0;
          table_cache_->ReleaseHandle(handle);
        }
      }
    }
    sizes[i] = size;
  }
  ReleaseReadView(current);
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
