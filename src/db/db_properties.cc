// Copyright (c) the rocksdb-cleanroom authors.
//
// The DB::Properties names. Applications compare against these strings, so
// they are exactly RocksDB 7.8.3's (checked in db_api_test.cc).

#include "rocksdb/db.h"

namespace ROCKSDB_NAMESPACE {

namespace {
// Every property name starts with this.
const std::string kPrefix = "rocksdb.";
}  // namespace

const std::string DB::Properties::kNumFilesAtLevelPrefix =
    kPrefix + "num-files-at-level";
const std::string DB::Properties::kCompressionRatioAtLevelPrefix =
    kPrefix + "compression-ratio-at-level";
const std::string DB::Properties::kStats = kPrefix + "stats";
const std::string DB::Properties::kSSTables = kPrefix + "sstables";
const std::string DB::Properties::kCFStats = kPrefix + "cfstats";
const std::string DB::Properties::kCFStatsNoFileHistogram =
    kPrefix + "cfstats-no-file-histogram";
const std::string DB::Properties::kCFFileHistogram =
    kPrefix + "cf-file-histogram";
const std::string DB::Properties::kDBStats = kPrefix + "dbstats";
const std::string DB::Properties::kLevelStats = kPrefix + "levelstats";
const std::string DB::Properties::kBlockCacheEntryStats =
    kPrefix + "block-cache-entry-stats";
const std::string DB::Properties::kFastBlockCacheEntryStats =
    kPrefix + "fast-block-cache-entry-stats";
const std::string DB::Properties::kNumImmutableMemTable =
    kPrefix + "num-immutable-mem-table";
const std::string DB::Properties::kNumImmutableMemTableFlushed =
    kPrefix + "num-immutable-mem-table-flushed";
const std::string DB::Properties::kMemTableFlushPending =
    kPrefix + "mem-table-flush-pending";
const std::string DB::Properties::kNumRunningFlushes =
    kPrefix + "num-running-flushes";
const std::string DB::Properties::kCompactionPending =
    kPrefix + "compaction-pending";
const std::string DB::Properties::kNumRunningCompactions =
    kPrefix + "num-running-compactions";
const std::string DB::Properties::kBackgroundErrors =
    kPrefix + "background-errors";
const std::string DB::Properties::kCurSizeActiveMemTable =
    kPrefix + "cur-size-active-mem-table";
const std::string DB::Properties::kCurSizeAllMemTables =
    kPrefix + "cur-size-all-mem-tables";
const std::string DB::Properties::kSizeAllMemTables =
    kPrefix + "size-all-mem-tables";
const std::string DB::Properties::kNumEntriesActiveMemTable =
    kPrefix + "num-entries-active-mem-table";
const std::string DB::Properties::kNumEntriesImmMemTables =
    kPrefix + "num-entries-imm-mem-tables";
const std::string DB::Properties::kNumDeletesActiveMemTable =
    kPrefix + "num-deletes-active-mem-table";
const std::string DB::Properties::kNumDeletesImmMemTables =
    kPrefix + "num-deletes-imm-mem-tables";
const std::string DB::Properties::kEstimateNumKeys =
    kPrefix + "estimate-num-keys";
const std::string DB::Properties::kEstimateTableReadersMem =
    kPrefix + "estimate-table-readers-mem";
const std::string DB::Properties::kIsFileDeletionsEnabled =
    kPrefix + "is-file-deletions-enabled";
const std::string DB::Properties::kNumSnapshots = kPrefix + "num-snapshots";
const std::string DB::Properties::kOldestSnapshotTime =
    kPrefix + "oldest-snapshot-time";
const std::string DB::Properties::kOldestSnapshotSequence =
    kPrefix + "oldest-snapshot-sequence";
const std::string DB::Properties::kNumLiveVersions =
    kPrefix + "num-live-versions";
const std::string DB::Properties::kCurrentSuperVersionNumber =
    kPrefix + "current-super-version-number";
const std::string DB::Properties::kEstimateLiveDataSize =
    kPrefix + "estimate-live-data-size";
const std::string DB::Properties::kMinLogNumberToKeep =
    kPrefix + "min-log-number-to-keep";
const std::string DB::Properties::kMinObsoleteSstNumberToKeep =
    kPrefix + "min-obsolete-sst-number-to-keep";
const std::string DB::Properties::kTotalSstFilesSize =
    kPrefix + "total-sst-files-size";
const std::string DB::Properties::kLiveSstFilesSize =
    kPrefix + "live-sst-files-size";
const std::string DB::Properties::kLiveSstFilesSizeAtTemperature =
    kPrefix + "live-sst-files-size-at-temperature";
const std::string DB::Properties::kBaseLevel = kPrefix + "base-level";
const std::string DB::Properties::kEstimatePendingCompactionBytes =
    kPrefix + "estimate-pending-compaction-bytes";
const std::string DB::Properties::kAggregatedTableProperties =
    kPrefix + "aggregated-table-properties";
const std::string DB::Properties::kAggregatedTablePropertiesAtLevel =
    kPrefix + "aggregated-table-properties-at-level";
const std::string DB::Properties::kActualDelayedWriteRate =
    kPrefix + "actual-delayed-write-rate";
const std::string DB::Properties::kIsWriteStopped =
    kPrefix + "is-write-stopped";
const std::string DB::Properties::kEstimateOldestKeyTime =
    kPrefix + "estimate-oldest-key-time";
const std::string DB::Properties::kBlockCacheCapacity =
    kPrefix + "block-cache-capacity";
const std::string DB::Properties::kBlockCacheUsage =
    kPrefix + "block-cache-usage";
const std::string DB::Properties::kBlockCachePinnedUsage =
    kPrefix + "block-cache-pinned-usage";
const std::string DB::Properties::kOptionsStatistics =
    kPrefix + "options-statistics";
const std::string DB::Properties::kNumBlobFiles = kPrefix + "num-blob-files";
const std::string DB::Properties::kBlobStats = kPrefix + "blob-stats";
const std::string DB::Properties::kTotalBlobFileSize =
    kPrefix + "total-blob-file-size";
const std::string DB::Properties::kLiveBlobFileSize =
    kPrefix + "live-blob-file-size";
const std::string DB::Properties::kLiveBlobFileGarbageSize =
    kPrefix + "live-blob-file-garbage-size";
const std::string DB::Properties::kBlobCacheCapacity =
    kPrefix + "blob-cache-capacity";
const std::string DB::Properties::kBlobCacheUsage =
    kPrefix + "blob-cache-usage";
const std::string DB::Properties::kBlobCachePinnedUsage =
    kPrefix + "blob-cache-pinned-usage";

}  // namespace ROCKSDB_NAMESPACE
