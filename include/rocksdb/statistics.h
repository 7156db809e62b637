// Copyright (c) the rocksdb-cleanroom authors.
//
// Database statistics: numbered counters (Tickers), latency and size
// distributions (Histograms), and the Statistics interface an application
// installs in Options::statistics to collect them.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/customizable.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Counter identifiers. The numeric values are part of the API (they are
// stored by applications and shared with other language bindings): never
// reorder or renumber; new tickers go right before TICKER_ENUM_MAX.
enum Tickers : uint32_t {
  // Block cache, all block kinds together. MISS and HIT equal the sums of
  // the per-kind (index, filter, data) counters below.
  BLOCK_CACHE_MISS = 0,
  BLOCK_CACHE_HIT,
  BLOCK_CACHE_ADD,
  BLOCK_CACHE_ADD_FAILURES,
  // Block cache, index blocks (count, and bytes inserted/evicted).
  BLOCK_CACHE_INDEX_MISS,
  BLOCK_CACHE_INDEX_HIT,
  BLOCK_CACHE_INDEX_ADD,
  BLOCK_CACHE_INDEX_BYTES_INSERT,
  BLOCK_CACHE_INDEX_BYTES_EVICT,
  // Block cache, filter blocks.
  BLOCK_CACHE_FILTER_MISS,
  BLOCK_CACHE_FILTER_HIT,
  BLOCK_CACHE_FILTER_ADD,
  BLOCK_CACHE_FILTER_BYTES_INSERT,
  BLOCK_CACHE_FILTER_BYTES_EVICT,
  // Block cache, data blocks.
  BLOCK_CACHE_DATA_MISS,
  BLOCK_CACHE_DATA_HIT,
  BLOCK_CACHE_DATA_ADD,
  BLOCK_CACHE_DATA_BYTES_INSERT,
  // Bytes served from / stored into the block cache.
  BLOCK_CACHE_BYTES_READ,
  BLOCK_CACHE_BYTES_WRITE,

  // Filter checks that ruled a file out (USEFUL), that did not
  // (FULL_POSITIVE), and that did not and the key was really there.
  BLOOM_FILTER_USEFUL,
  BLOOM_FILTER_FULL_POSITIVE,
  BLOOM_FILTER_FULL_TRUE_POSITIVE,

  BLOOM_FILTER_MICROS,

  // Persistent cache lookups.
  PERSISTENT_CACHE_HIT,
  PERSISTENT_CACHE_MISS,

  // Simulated block cache lookups.
  SIM_BLOCK_CACHE_HIT,
  SIM_BLOCK_CACHE_MISS,

  // Point lookups answered (or not) by a memtable.
  MEMTABLE_HIT,
  MEMTABLE_MISS,

  // Point lookups answered by level 0, level 1, and deeper levels.
  GET_HIT_L0,
  GET_HIT_L1,
  GET_HIT_L2_AND_UP,

  // Why compaction dropped a key: shadowed by a newer entry (or a range
  // deletion), obsolete, covered by a range tombstone, removed by the
  // user's compaction filter; range tombstones dropped as obsolete;
  // deletions dropped early thanks to a gap between files; compactions
  // cancelled by the SstFileManager to avoid running out of space.
  COMPACTION_KEY_DROP_NEWER_ENTRY,
  COMPACTION_KEY_DROP_OBSOLETE,
  COMPACTION_KEY_DROP_RANGE_DEL,
  COMPACTION_KEY_DROP_USER,
  COMPACTION_RANGE_DEL_DROP_OBSOLETE,
  COMPACTION_OPTIMIZED_DEL_DROP_OBSOLETE,
  COMPACTION_CANCELLED,

  // Keys written by Put/Write, keys read, keys updated in place.
  NUMBER_KEYS_WRITTEN,
  NUMBER_KEYS_READ,
  NUMBER_KEYS_UPDATED,
  // Uncompressed bytes passed to write calls, and returned by Get().
  BYTES_WRITTEN,
  BYTES_READ,
  // Iterator positioning calls, and those that landed on an entry.
  NUMBER_DB_SEEK,
  NUMBER_DB_NEXT,
  NUMBER_DB_PREV,
  NUMBER_DB_SEEK_FOUND,
  NUMBER_DB_NEXT_FOUND,
  NUMBER_DB_PREV_FOUND,
  // Key plus value bytes returned through iterators.
  ITER_BYTES_READ,
  NO_FILE_CLOSES,
  NO_FILE_OPENS,
  NO_FILE_ERRORS,
  // Deprecated stall counters (kept for their numbers).
  STALL_L0_SLOWDOWN_MICROS,
  STALL_MEMTABLE_COMPACTION_MICROS,
  STALL_L0_NUM_FILES_MICROS,
  // Time writers spent waiting for flush or compaction.
  STALL_MICROS,
  // Time spent waiting for the DB mutex; only with StatsLevel kAll.
  DB_MUTEX_WAIT_MICROS,
  RATE_LIMIT_DELAY_MILLIS,
  // Deprecated.
  NO_ITERATORS,

  // MultiGet calls, keys asked for, and bytes returned.
  NUMBER_MULTIGET_CALLS,
  NUMBER_MULTIGET_KEYS_READ,
  NUMBER_MULTIGET_BYTES_READ,

  NUMBER_FILTERED_DELETES,
  NUMBER_MERGE_FAILURES,

  // Prefix filter checks made before building a file iterator, and the
  // ones that let us skip the file.
  BLOOM_FILTER_PREFIX_CHECKED,
  BLOOM_FILTER_PREFIX_USEFUL,

  // Reseeks an iterator made to skip many versions of one user key.
  NUMBER_OF_RESEEKS_IN_ITERATION,

  // Calls to DB::GetUpdatesSince.
  GET_UPDATES_SINCE_CALLS,
  // Compressed block cache lookups and insertions.
  BLOCK_CACHE_COMPRESSED_MISS,
  BLOCK_CACHE_COMPRESSED_HIT,
  BLOCK_CACHE_COMPRESSED_ADD,
  BLOCK_CACHE_COMPRESSED_ADD_FAILURES,
  // WAL syncs and bytes appended to the WAL.
  WAL_FILE_SYNCED,
  WAL_FILE_BYTES,

  // Write groups: writes committed by their own thread, by the group
  // leader on their behalf, timed out, and writes that asked for the WAL.
  WRITE_DONE_BY_SELF,
  WRITE_DONE_BY_OTHER,
  WRITE_TIMEDOUT,
  WRITE_WITH_WAL,
  // Bytes read and written by compaction, and written by flush.
  COMPACT_READ_BYTES,
  COMPACT_WRITE_BYTES,
  FLUSH_WRITE_BYTES,

  // Compaction bytes for files marked for compaction, periodic compaction
  // and TTL compaction.
  COMPACT_READ_BYTES_MARKED,
  COMPACT_READ_BYTES_PERIODIC,
  COMPACT_READ_BYTES_TTL,
  COMPACT_WRITE_BYTES_MARKED,
  COMPACT_WRITE_BYTES_PERIODIC,
  COMPACT_WRITE_BYTES_TTL,

  // Table properties read without opening a table reader.
  NUMBER_DIRECT_LOAD_TABLE_PROPERTIES,
  NUMBER_SUPERVERSION_ACQUIRES,
  NUMBER_SUPERVERSION_RELEASES,
  NUMBER_SUPERVERSION_CLEANUPS,

  // Block (de)compressions, and blocks stored uncompressed.
  NUMBER_BLOCK_COMPRESSED,
  NUMBER_BLOCK_DECOMPRESSED,

  NUMBER_BLOCK_NOT_COMPRESSED,
  MERGE_OPERATION_TOTAL_TIME,
  FILTER_OPERATION_TOTAL_TIME,

  // Row cache lookups.
  ROW_CACHE_HIT,
  ROW_CACHE_MISS,

  // Read amplification: estimated useful bytes versus bytes of data blocks
  // loaded. Needs ReadOptions::read_amp_bytes_per_bit.
  READ_AMP_ESTIMATE_USEFUL_BYTES,
  READ_AMP_TOTAL_READ_BYTES,

  // Refill periods in which the rate limiter ran out of tokens.
  NUMBER_RATE_LIMITER_DRAINS,

  // Internal entries an iterator stepped over.
  NUMBER_ITER_SKIP,

  // Legacy (stacked) BlobDB counters.
  BLOB_DB_NUM_PUT,
  BLOB_DB_NUM_WRITE,
  BLOB_DB_NUM_GET,
  BLOB_DB_NUM_MULTIGET,
  BLOB_DB_NUM_SEEK,
  BLOB_DB_NUM_NEXT,
  BLOB_DB_NUM_PREV,
  BLOB_DB_NUM_KEYS_WRITTEN,
  BLOB_DB_NUM_KEYS_READ,
  BLOB_DB_BYTES_WRITTEN,
  BLOB_DB_BYTES_READ,
  BLOB_DB_WRITE_INLINED,
  BLOB_DB_WRITE_INLINED_TTL,
  BLOB_DB_WRITE_BLOB,
  BLOB_DB_WRITE_BLOB_TTL,
  // Blob file I/O (both BlobDB flavours).
  BLOB_DB_BLOB_FILE_BYTES_WRITTEN,
  BLOB_DB_BLOB_FILE_BYTES_READ,
  BLOB_DB_BLOB_FILE_SYNCED,
  // Legacy BlobDB compaction filter and garbage collection.
  BLOB_DB_BLOB_INDEX_EXPIRED_COUNT,
  BLOB_DB_BLOB_INDEX_EXPIRED_SIZE,
  BLOB_DB_BLOB_INDEX_EVICTED_COUNT,
  BLOB_DB_BLOB_INDEX_EVICTED_SIZE,
  BLOB_DB_GC_NUM_FILES,
  BLOB_DB_GC_NUM_NEW_FILES,
  BLOB_DB_GC_FAILURES,
  BLOB_DB_GC_NUM_KEYS_OVERWRITTEN,  // deprecated
  BLOB_DB_GC_NUM_KEYS_EXPIRED,      // deprecated
  BLOB_DB_GC_NUM_KEYS_RELOCATED,
  BLOB_DB_GC_BYTES_OVERWRITTEN,  // deprecated
  BLOB_DB_GC_BYTES_EXPIRED,      // deprecated
  BLOB_DB_GC_BYTES_RELOCATED,
  BLOB_DB_FIFO_NUM_FILES_EVICTED,
  BLOB_DB_FIFO_NUM_KEYS_EVICTED,
  BLOB_DB_FIFO_BYTES_EVICTED,

  // WritePrepared transaction slow paths; should stay near zero.
  TXN_PREPARE_MUTEX_OVERHEAD,
  TXN_OLD_COMMIT_MAP_MUTEX_OVERHEAD,
  TXN_DUPLICATE_KEY_OVERHEAD,
  TXN_SNAPSHOT_MUTEX_OVERHEAD,
  TXN_GET_TRY_AGAIN,

  // Keys MultiGet actually found (NUMBER_MULTIGET_KEYS_READ counts the
  // keys asked for).
  NUMBER_MULTIGET_KEYS_FOUND,

  NO_ITERATOR_CREATED,
  NO_ITERATOR_DELETED,

  // Block cache, compression dictionary blocks.
  BLOCK_CACHE_COMPRESSION_DICT_MISS,
  BLOCK_CACHE_COMPRESSION_DICT_HIT,
  BLOCK_CACHE_COMPRESSION_DICT_ADD,
  BLOCK_CACHE_COMPRESSION_DICT_BYTES_INSERT,
  BLOCK_CACHE_COMPRESSION_DICT_BYTES_EVICT,

  // Insertions of a block that another thread had already inserted; each
  // is at most the matching *_ADD counter.
  BLOCK_CACHE_ADD_REDUNDANT,
  BLOCK_CACHE_INDEX_ADD_REDUNDANT,
  BLOCK_CACHE_FILTER_ADD_REDUNDANT,
  BLOCK_CACHE_DATA_ADD_REDUNDANT,
  BLOCK_CACHE_COMPRESSION_DICT_ADD_REDUNDANT,

  // SstFileManager deletions: files renamed to trash for later deletion,
  // and files deleted at once.
  FILES_MARKED_TRASH,
  FILES_DELETED_IMMEDIATELY,

  // Background error handling; I/O errors are a subset of all errors and
  // retryable I/O errors a subset of those.
  ERROR_HANDLER_BG_ERROR_COUNT,
  ERROR_HANDLER_BG_IO_ERROR_COUNT,
  ERROR_HANDLER_BG_RETRYABLE_IO_ERROR_COUNT,
  ERROR_HANDLER_AUTORESUME_COUNT,
  ERROR_HANDLER_AUTORESUME_RETRY_TOTAL_COUNT,
  ERROR_HANDLER_AUTORESUME_SUCCESS_COUNT,

  // Memtable payload bytes, and the outdated part of them, at flush time.
  MEMTABLE_PAYLOAD_BYTES_AT_FLUSH,
  MEMTABLE_GARBAGE_BYTES_AT_FLUSH,

  SECONDARY_CACHE_HITS,

  // Bytes read by VerifyChecksum() and VerifyFileChecksums().
  VERIFY_CHECKSUM_READ_BYTES,

  // Bytes read and written while creating backups.
  BACKUP_READ_BYTES,
  BACKUP_WRITE_BYTES,

  // Bytes read and written by remote compaction.
  REMOTE_COMPACT_READ_BYTES,
  REMOTE_COMPACT_WRITE_BYTES,

  // Reads by file temperature.
  HOT_FILE_READ_BYTES,
  WARM_FILE_READ_BYTES,
  COLD_FILE_READ_BYTES,
  HOT_FILE_READ_COUNT,
  WARM_FILE_READ_COUNT,
  COLD_FILE_READ_COUNT,

  // Reads from the last level versus all other levels.
  LAST_LEVEL_READ_BYTES,
  LAST_LEVEL_READ_COUNT,
  NON_LAST_LEVEL_READ_BYTES,
  NON_LAST_LEVEL_READ_COUNT,

  BLOCK_CHECKSUM_COMPUTE_COUNT,
  MULTIGET_COROUTINE_COUNT,

  // Blob cache (integrated BlobDB).
  BLOB_DB_CACHE_MISS,
  BLOB_DB_CACHE_HIT,
  BLOB_DB_CACHE_ADD,
  BLOB_DB_CACHE_ADD_FAILURES,
  BLOB_DB_CACHE_BYTES_READ,
  BLOB_DB_CACHE_BYTES_WRITE,

  // Time in FileSystem ReadAsync calls, and errors seen by their callbacks.
  READ_ASYNC_MICROS,
  ASYNC_READ_ERROR_COUNT,

  TICKER_ENUM_MAX
};

// (ticker, "rocksdb.<name>") for every ticker, in enum order.
extern const std::vector<std::pair<Tickers, std::string>> TickersNameMap;

// Histogram identifiers. Same rule as Tickers: never reorder or renumber;
// new histograms go right before HISTOGRAM_ENUM_MAX.
enum Histograms : uint32_t {
  DB_GET = 0,
  DB_WRITE,
  COMPACTION_TIME,
  COMPACTION_CPU_TIME,
  SUBCOMPACTION_SETUP_TIME,
  TABLE_SYNC_MICROS,
  COMPACTION_OUTFILE_SYNC_MICROS,
  WAL_FILE_SYNC_MICROS,
  MANIFEST_FILE_SYNC_MICROS,
  // I/O time while opening a table file.
  TABLE_OPEN_IO_MICROS,
  DB_MULTIGET,
  READ_BLOCK_COMPACTION_MICROS,
  READ_BLOCK_GET_MICROS,
  WRITE_RAW_BLOCK_MICROS,
  STALL_L0_SLOWDOWN_COUNT,
  STALL_MEMTABLE_COMPACTION_COUNT,
  STALL_L0_NUM_FILES_COUNT,
  HARD_RATE_LIMIT_DELAY_COUNT,
  SOFT_RATE_LIMIT_DELAY_COUNT,
  NUM_FILES_IN_SINGLE_COMPACTION,
  DB_SEEK,
  WRITE_STALL,
  SST_READ_MICROS,
  // Subcompactions a compaction really ran.
  NUM_SUBCOMPACTIONS_SCHEDULED,
  // Value sizes per read, write and MultiGet.
  BYTES_PER_READ,
  BYTES_PER_WRITE,
  BYTES_PER_MULTIGET,

  // Uncompressed sizes of blocks compressed / decompressed, and the time
  // each took.
  BYTES_COMPRESSED,
  BYTES_DECOMPRESSED,
  COMPRESSION_TIMES_NANOS,
  DECOMPRESSION_TIMES_NANOS,
  // Merge operands handed to the merge operator on user reads.
  READ_NUM_MERGE_OPERANDS,

  // Legacy BlobDB sizes and latencies.
  BLOB_DB_KEY_SIZE,
  BLOB_DB_VALUE_SIZE,
  BLOB_DB_WRITE_MICROS,
  BLOB_DB_GET_MICROS,
  BLOB_DB_MULTIGET_MICROS,
  BLOB_DB_SEEK_MICROS,
  BLOB_DB_NEXT_MICROS,
  BLOB_DB_PREV_MICROS,
  // Blob file I/O latencies.
  BLOB_DB_BLOB_FILE_WRITE_MICROS,
  BLOB_DB_BLOB_FILE_READ_MICROS,
  BLOB_DB_BLOB_FILE_SYNC_MICROS,
  BLOB_DB_GC_MICROS,  // deprecated
  BLOB_DB_COMPRESSION_MICROS,
  BLOB_DB_DECOMPRESSION_MICROS,
  // Memtable flush duration.
  FLUSH_TIME,
  SST_BATCH_SIZE,

  // MultiGet, per level: index and filter blocks read, data blocks read
  // (obsolete), table files read.
  NUM_INDEX_AND_FILTER_BLOCKS_READ_PER_LEVEL,
  NUM_DATA_BLOCKS_READ_PER_LEVEL,
  NUM_SST_READ_PER_LEVEL,

  ERROR_HANDLER_AUTORESUME_RETRY_COUNT,

  // Asynchronous reads: bytes, and time spent polling for completion.
  ASYNC_READ_BYTES,
  POLL_WAIT_MICROS,

  // Prefetched bytes that were thrown away unused.
  PREFETCHED_BYTES_DISCARDED,

  // Parallel I/Os in one MultiGet batch.
  MULTIGET_IO_BATCH_SIZE,

  // Levels one MultiGet had to read from storage.
  NUM_LEVEL_READ_PER_MULTIGET,

  // Time spent cancelling async reads when a prefetch buffer goes away.
  ASYNC_PREFETCH_ABORT_MICROS,

  HISTOGRAM_ENUM_MAX,
};

// (histogram, "rocksdb.<name>") for every histogram, in enum order.
extern const std::vector<std::pair<Histograms, std::string>> HistogramsNameMap;

// Summary of one histogram, filled by Statistics::histogramData().
struct HistogramData {
  double median;
  double percentile95;
  double percentile99;
  double average;
  double standard_deviation;
  // Later additions start at zero, so older implementations that do not
  // fill them leave defined values.
  double max = 0.0;
  uint64_t count = 0;
  uint64_t sum = 0;
  double min = 0.0;
};

// How much a Statistics object collects; each level includes everything
// the levels before it collect. Lower levels cost less.
enum StatsLevel : uint8_t {
  // Nothing at all.
  kDisableAll,
  // Same as kDisableAll.
  kExceptTickers = kDisableAll,
  // Tickers only: no timers, no histograms.
  kExceptHistogramOrTimers,
  // Tickers and histograms, but no timing.
  kExceptTimers,
  // Everything except timings taken under the DB mutex and compression
  // timings. The default.
  kExceptDetailedTimers,
  // Everything except timings taken under the DB mutex.
  kExceptTimeForMutex,
  // Everything, including DB mutex wait times (costly with many threads).
  kAll,
};

// Collects tickers and histograms for one or more DBs. Install it with
//   options.statistics = CreateDBStatistics();
// and read it with getTickerCount()/histogramData()/ToString().
// Implementations must be thread-safe and must not throw.
class Statistics : public Customizable {
 public:
  ~Statistics() override {}
  static const char* Type() { return "Statistics"; }
  // Makes a Statistics from its name ("BasicStatistics" or empty for the
  // built-in one) or an id=...; options string.
  static Status CreateFromString(const ConfigOptions& opts,
                                 const std::string& value,
                                 std::shared_ptr<Statistics>* result);
  // Empty unless a subclass overrides it.
  const char* Name() const override { return ""; }
  virtual uint64_t getTickerCount(uint32_t tickerType) const = 0;
  virtual void histogramData(uint32_t type,
                             HistogramData* const data) const = 0;
  virtual std::string getHistogramString(uint32_t /*type*/) const { return ""; }
  virtual void recordTick(uint32_t tickerType, uint64_t count = 0) = 0;
  virtual void setTickerCount(uint32_t tickerType, uint64_t count) = 0;
  virtual uint64_t getAndResetTickerCount(uint32_t tickerType) = 0;
  // Records a duration, unless the stats level excludes timers.
  virtual void reportTimeToHistogram(uint32_t histogramType, uint64_t time) {
    if (get_stats_level() <= StatsLevel::kExceptTimers) {
      return;
    }
    recordInHistogram(histogramType, time);
  }
  // Old name of recordInHistogram(); kept so that subclasses written
  // against it still work. New code overrides recordInHistogram().
  virtual void measureTime(uint32_t /*histogramType*/, uint64_t /*time*/) {}
  // Adds one value to a histogram. The default forwards to measureTime().
  virtual void recordInHistogram(uint32_t histogramType, uint64_t time) {
    measureTime(histogramType, time);
  }

  // Zeroes every ticker and histogram.
  virtual Status Reset() { return Status::NotSupported("Not implemented"); }

#ifndef ROCKSDB_LITE
  using Customizable::ToString;
#endif  // ROCKSDB_LITE
  // Human-readable dump of all tickers and histograms. Thread-safe.
  virtual std::string ToString() const {
    return std::string("ToString(): not implemented");
  }

  // Fills *map with name -> count for every ticker; false if unsupported.
  virtual bool getTickerMap(std::map<std::string, uint64_t>*) const {
    return false;
  }

  // Subclasses return false to skip collecting a histogram.
  virtual bool HistEnabledForType(uint32_t type) const {
    return type < HISTOGRAM_ENUM_MAX;
  }
  void set_stats_level(StatsLevel sl) {
    stats_level_.store(sl, std::memory_order_relaxed);
  }
  StatsLevel get_stats_level() const {
    return stats_level_.load(std::memory_order_relaxed);
  }

 private:
  std::atomic<StatsLevel> stats_level_{kExceptDetailedTimers};
};

// Returns a new thread-safe Statistics that collects every ticker and
// histogram.
std::shared_ptr<Statistics> CreateDBStatistics();

}  // namespace ROCKSDB_NAMESPACE
