// Copyright (c) the rocksdb-cleanroom authors.
//
// Options of a DB (DBOptions), of its column families (ColumnFamilyOptions,
// extending AdvancedColumnFamilyOptions) and of individual operations
// (ReadOptions, WriteOptions, FlushOptions, CompactRangeOptions, ...).
//
// Every field carries RocksDB 7.8.3's name, type and default. Fields marked
// "Dynamic" may be changed on an open DB with DB::SetOptions() or
// DB::SetDBOptions(). Pointers and shared_ptrs stored in options are
// borrowed or shared; raw pointers must outlive every DB opened with them.
#pragma once

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/advanced_options.h"
#include "rocksdb/comparator.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/customizable.h"
#include "rocksdb/data_structure.h"
#include "rocksdb/env.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/listener.h"
#include "rocksdb/sst_partitioner.h"
#include "rocksdb/types.h"
#include "rocksdb/universal_compaction.h"
#include "rocksdb/version.h"
#include "rocksdb/write_buffer_manager.h"

#ifdef max
#undef max
#endif

namespace ROCKSDB_NAMESPACE {

class Cache;
class CompactionFilter;
class CompactionFilterFactory;
class Comparator;
class ConcurrentTaskLimiter;
class Env;
enum InfoLogLevel : unsigned char;
class SstFileManager;
class FilterPolicy;
class Logger;
class MergeOperator;
class Snapshot;
class MemTableRepFactory;
class RateLimiter;
class Slice;
class Statistics;
class InternalKeyComparator;
class WalFilter;
class FileSystem;

struct Options;
struct DbPath;

// A set of FileTypes (e.g. the files whose checksums are handed to the
// FileSystem on write).
using FileTypeSet = SmallEnumSet<FileType, FileType::kBlobFile>;

struct ColumnFamilyOptions : public AdvancedColumnFamilyOptions {
  // Reverts defaults changed after release major.minor to that release's
  // values. Returns this.
  ColumnFamilyOptions* OldDefaults(int rocksdb_major_version = 4,
                                   int rocksdb_minor_version = 6);

  // Small memtables and caches for a DB holding little data. When cache is
  // not null, the block cache (and its memtable charging) uses *cache.
  // Returns this.
  ColumnFamilyOptions* OptimizeForSmallDb(
      std::shared_ptr<Cache>* cache = nullptr);

  // Point lookups only (no range scans): hash index, whole-key bloom
  // filter, a block cache of block_cache_size_mb megabytes. Returns this.
  ColumnFamilyOptions* OptimizeForPointLookup(uint64_t block_cache_size_mb);

  // Leveled compaction sized so that memtables use about
  // memtable_memory_budget bytes. Returns this.
  ColumnFamilyOptions* OptimizeLevelStyleCompaction(
      uint64_t memtable_memory_budget = 512 * 1024 * 1024);

  // Universal compaction sized so that memtables use about
  // memtable_memory_budget bytes. Returns this.
  ColumnFamilyOptions* OptimizeUniversalStyleCompaction(
      uint64_t memtable_memory_budget = 512 * 1024 * 1024);

  // Orders keys. Must stay the same across opens of the DB (its name is
  // checked). Not owned; must outlive the DB.
  const Comparator* comparator = BytewiseComparator();

  // Resolves Merge operands. Required to use Merge().
  std::shared_ptr<MergeOperator> merge_operator = nullptr;

  // Filter applied to every key during compaction (single instance shared
  // by all compaction threads: must be thread-safe). Not owned. Takes
  // precedence over compaction_filter_factory.
  const CompactionFilter* compaction_filter = nullptr;

  // Creates a compaction filter per compaction.
  std::shared_ptr<CompactionFilterFactory> compaction_filter_factory = nullptr;

  // Bytes a memtable collects before it becomes immutable and is flushed.
  // Dynamic.
  size_t write_buffer_size = 64 << 20;

  // Block compression. Default: kSnappyCompression when the library has
  // snappy, else kNoCompression. Dynamic.
  CompressionType compression;

  // Compression of the bottommost level; kDisableCompressionOption means
  // "same as compression". Dynamic.
  CompressionType bottommost_compression = kDisableCompressionOption;

  // Options of bottommost_compression; used only when its enabled is true.
  // Dynamic.
  CompressionOptions bottommost_compression_opts;

  // Options of compression. Dynamic.
  CompressionOptions compression_opts;

  // L0 file count that triggers a compaction into L1 (< 0: never). Dynamic.
  int level0_file_num_compaction_trigger = 4;

  // Extracts key prefixes for prefix bloom filters and prefix seeks.
  std::shared_ptr<const SliceTransform> prefix_extractor = nullptr;

  // Size target of L1 (and of the level data goes to first with dynamic
  // level bytes). Dynamic.
  uint64_t max_bytes_for_level_base = 256 * 1048576;

  // Deprecated; has no effect.
  uint64_t snap_refresh_nanos = 0;

  // Disables automatic compactions (manual ones still run). Dynamic.
  bool disable_auto_compactions = false;

  // Builds and reads table files. Default: a block-based table factory with
  // default BlockBasedTableOptions.
  std::shared_ptr<TableFactory> table_factory;

  // Directories for this column family's table files, with target sizes;
  // empty uses DBOptions::db_paths or the DB directory.
  std::vector<DbPath> cf_paths;

  // Limits concurrent compactions of the column families sharing it.
  std::shared_ptr<ConcurrentTaskLimiter> compaction_thread_limiter = nullptr;

  // Splits compaction output files at partition boundaries.
  std::shared_ptr<SstPartitionerFactory> sst_partitioner_factory = nullptr;

  // Creates the default options.
  ColumnFamilyOptions();
  // Copies the column family part of options.
  explicit ColumnFamilyOptions(const Options& options);

  // Writes every option to log at INFO level.
  void Dump(Logger* log) const;
};

// How WAL corruption found during recovery is handled. Persisted in OPTIONS
// files: never renumber.
enum class WALRecoveryMode : char {
  // Ignore an incomplete record at the tail of the last log (a crash while
  // writing); fail on any other corruption.
  kTolerateCorruptedTailRecords = 0x00,
  // Fail on any corruption or incomplete record.
  kAbsoluteConsistency = 0x01,
  // Stop replay at the first corruption, recovering a consistent prefix.
  kPointInTimeRecovery = 0x02,
  // Skip corrupted records and go on (salvage mode).
  kSkipAnyCorruptedRecords = 0x03,
};

// A directory for table files and the bytes it should hold.
struct DbPath {
  std::string path;
  // Bytes of table files to place here before moving on to the next path.
  uint64_t target_size;

  DbPath() : target_size(0) {}
  DbPath(const std::string& p, uint64_t t) : path(p), target_size(t) {}
};

// Special value of DBOptions::db_host_id: record the machine's hostname.
extern const char* kHostnameForDbHostId;

// What a CompactionService did with a compaction handed to it.
enum class CompactionServiceJobStatus : char {
  kSuccess,
  kFailure,
  // Run the compaction locally instead.
  kUseLocal,
};

// Identifies a compaction handed to a CompactionService.
struct CompactionServiceJobInfo {
  std::string db_name;
  std::string db_id;
  std::string db_session_id;
  // Unique only within this DB session.
  uint64_t job_id;
  Env::Priority priority;

  CompactionServiceJobInfo(std::string db_name_, std::string db_id_,
                           std::string db_session_id_, uint64_t job_id_,
                           Env::Priority priority_)
      : db_name(std::move(db_name_)),
        db_id(std::move(db_id_)),
        db_session_id(std::move(db_session_id_)),
        job_id(job_id_),
        priority(priority_) {}
};

// Runs compactions elsewhere (e.g. on another machine). Experimental.
class CompactionService : public Customizable {
 public:
  static const char* Type() { return "CompactionService"; }

  const char* Name() const override = 0;

  // Starts a remote compaction described by compaction_service_input.
  virtual CompactionServiceJobStatus StartV2(
      const CompactionServiceJobInfo& /*info*/,
      const std::string& /*compaction_service_input*/) {
    return CompactionServiceJobStatus::kUseLocal;
  }

  // Waits for a compaction started by StartV2 and returns its serialized
  // result.
  virtual CompactionServiceJobStatus WaitForCompleteV2(
      const CompactionServiceJobInfo& /*info*/,
      std::string* /*compaction_service_result*/) {
    return CompactionServiceJobStatus::kUseLocal;
  }

  ~CompactionService() override = default;
};

struct DBOptions {
  // Reverts defaults changed after release major.minor. Returns this.
  DBOptions* OldDefaults(int rocksdb_major_version = 4,
                         int rocksdb_minor_version = 6);

  // Small footprint for a DB holding little data; when cache is not null
  // memtable memory is charged to *cache. Returns this.
  DBOptions* OptimizeForSmallDb(std::shared_ptr<Cache>* cache = nullptr);

  // Gives background flushes and compactions total_threads threads.
  // Returns this.
  DBOptions* IncreaseParallelism(int total_threads = 16);

  // Create the DB when it does not exist.
  bool create_if_missing = false;

  // Create column families passed to Open that do not exist yet.
  bool create_missing_column_families = false;

  // Fail Open when the DB already exists.
  bool error_if_exists = false;

  // Check data aggressively and treat any corruption found as an error
  // that stops the DB (e.g. file checks on open, background errors).
  bool paranoid_checks = true;

  // After a flush, check that the entries written equal those read from
  // the memtable.
  bool flush_verify_memtable_count = true;

  // Record WAL files and their synced sizes in the MANIFEST and verify them
  // on recovery.
  bool track_and_verify_wals_in_manifest = false;

  // Check the unique id of each table file against the MANIFEST on open.
  bool verify_sst_unique_id_in_manifest = true;

  // The environment for files, threads and time. Not owned.
  Env* env = Env::Default();

  // Limits the write rate of flushes and compactions (nullptr: no limit).
  std::shared_ptr<RateLimiter> rate_limiter = nullptr;

  // Tracks table file sizes and deletes files (optionally rate limited).
  std::shared_ptr<SstFileManager> sst_file_manager = nullptr;

  // Where the DB logs; nullptr makes Open create a LOG file in the DB (or
  // db_log_dir) directory.
  std::shared_ptr<Logger> info_log = nullptr;

  // Least severe level written to info_log. RocksDB's release builds use
  // INFO_LEVEL; so do we.
  InfoLogLevel info_log_level = INFO_LEVEL;

  // Table files kept open in the table cache; -1 keeps all open. Dynamic.
  int max_open_files = -1;

  // Threads opening table files during Open when max_open_files is -1.
  int max_file_opening_threads = 16;

  // Once WALs exceed this many bytes, the column families holding the
  // oldest WAL are flushed; 0 means 4 * the total write buffer size.
  // Dynamic.
  uint64_t max_total_wal_size = 0;

  // Collects tickers and histograms (nullptr: none).
  std::shared_ptr<Statistics> statistics = nullptr;

  // Sync with fsync() instead of fdatasync().
  bool use_fsync = false;

  // Directories for table files with target sizes; empty uses the DB
  // directory.
  std::vector<DbPath> db_paths;

  // Directory of the LOG files; empty uses the DB directory.
  std::string db_log_dir = "";

  // Directory of the WAL files; empty uses the DB directory.
  std::string wal_dir = "";

  // Period of the full scan for obsolete files (those found otherwise are
  // deleted right away). Dynamic.
  uint64_t delete_obsolete_files_period_micros = 6ULL * 60 * 60 * 1000000;

  // Background flush and compaction threads in total. Dynamic.
  int max_background_jobs = 2;

  // Deprecated: -1 derives it from max_background_jobs. Dynamic.
  int max_background_compactions = -1;

  // Threads one compaction may be split across. Dynamic.
  uint32_t max_subcompactions = 1;

  // Deprecated: -1 derives it from max_background_jobs.
  int max_background_flushes = -1;

  // Roll the LOG file past this size (0: never by size).
  size_t max_log_file_size = 0;

  // Roll the LOG file after this many seconds (0: never by time).
  size_t log_file_time_to_roll = 0;

  // Old LOG files kept.
  size_t keep_log_file_num = 1000;

  // WAL files kept for reuse instead of deleted.
  size_t recycle_log_file_num = 0;

  // Start a new MANIFEST past this size.
  uint64_t max_manifest_file_size = 1024 * 1024 * 1024;

  // Shards of the table cache (2^n).
  int table_cache_numshardbits = 6;

  // Archived WALs are deleted after this many seconds and/or once they
  // exceed WAL_size_limit_MB megabytes (0 and 0: not archived).
  uint64_t WAL_ttl_seconds = 0;
  uint64_t WAL_size_limit_MB = 0;

  // Bytes preallocated for MANIFEST files.
  size_t manifest_preallocation_size = 4 * 1024 * 1024;

  // Read table files with mmap.
  bool allow_mmap_reads = false;

  // Write files with mmap.
  bool allow_mmap_writes = false;

  // Read with O_DIRECT (user reads and compaction inputs).
  bool use_direct_reads = false;

  // Write flush and compaction outputs with O_DIRECT.
  bool use_direct_io_for_flush_and_compaction = false;

  // Use fallocate() to preallocate files.
  bool allow_fallocate = true;

  // Open files with close-on-exec.
  bool is_fd_close_on_exec = true;

  // Dump statistics to the LOG every this many seconds (0: never). Dynamic.
  unsigned int stats_dump_period_sec = 600;

  // Save statistics snapshots every this many seconds (0: never). Dynamic.
  unsigned int stats_persist_period_sec = 600;

  // Persist statistics snapshots in a hidden column family instead of
  // memory.
  bool persist_stats_to_disk = false;

  // Memory for in-memory statistics snapshots. Dynamic.
  size_t stats_history_buffer_size = 1024 * 1024;

  // Hint random access when opening table files.
  bool advise_random_on_open = true;

  // Memtable budget across all column families (0: none); ignored when
  // write_buffer_manager is set.
  size_t db_write_buffer_size = 0;

  // Shared memtable budget; may be shared across DBs.
  std::shared_ptr<WriteBufferManager> write_buffer_manager = nullptr;

  // Access pattern hinted for compaction input files.
  enum AccessHint { NONE, NORMAL, SEQUENTIAL, WILLNEED };
  AccessHint access_hint_on_compaction_start = NORMAL;

  // Readahead of compaction input reads (0: none). Dynamic.
  size_t compaction_readahead_size = 0;

  // Largest buffer used for random reads with direct I/O.
  size_t random_access_max_buffer_size = 1024 * 1024;

  // Largest write buffer of a writable file. Dynamic.
  size_t writable_file_max_buffer_size = 1024 * 1024;

  // Use an adaptive (spinning) mutex for the DB mutex.
  bool use_adaptive_mutex = false;

  // Creates the default options.
  DBOptions();
  // Copies the DB part of options.
  explicit DBOptions(const Options& options);

  // Writes every option to log at INFO level.
  void Dump(Logger* log) const;

  // Sync table files in the background every this many bytes written
  // (0: never). Dynamic.
  uint64_t bytes_per_sync = 0;

  // Same as bytes_per_sync for WAL files. Dynamic.
  uint64_t wal_bytes_per_sync = 0;

  // Wait for earlier background syncs so that unsynced data stays below
  // bytes_per_sync. Dynamic.
  bool strict_bytes_per_sync = false;

  // Event callbacks.
  std::vector<std::shared_ptr<EventListener>> listeners;

  // Track thread status (GetThreadList()).
  bool enable_thread_tracking = false;

  // Write rate, in bytes per second, while writes are slowed down; 0 uses
  // the rate limiter's rate or 16MB/s. Dynamic.
  uint64_t delayed_write_rate = 0;

  // Write WAL and memtable in separate pipeline stages.
  bool enable_pipelined_write = false;

  // Let writes become visible out of order for throughput.
  bool unordered_write = false;

  // Let several writers insert into the memtable concurrently.
  bool allow_concurrent_memtable_write = true;

  // Spin briefly before blocking when waiting in the write queue.
  bool enable_write_thread_adaptive_yield = true;

  // Most bytes merged into one write group.
  uint64_t max_write_batch_group_size_bytes = 1 << 20;

  // Longest spin of a waiting writer, in microseconds.
  uint64_t write_thread_max_yield_usec = 100;

  // A yield slower than this many microseconds counts as a slow yield.
  uint64_t write_thread_slow_yield_usec = 3;

  // Skip loading table statistics on open.
  bool skip_stats_update_on_db_open = false;

  // Skip checking table file sizes on open.
  bool skip_checking_sst_file_sizes_on_db_open = false;

  // See WALRecoveryMode.
  WALRecoveryMode wal_recovery_mode = WALRecoveryMode::kPointInTimeRecovery;

  // Enable two-phase commit (transactions with Prepare()).
  bool allow_2pc = false;

  // Cache of whole rows served by Get (nullptr: none).
  std::shared_ptr<Cache> row_cache = nullptr;

  // Sees each WAL record during recovery and may skip or stop. Not owned.
  WalFilter* wal_filter = nullptr;

  // Fail Open when the OPTIONS file cannot be written or parsed.
  bool fail_if_options_file_error = false;

  // Print malloc statistics with the stats dump.
  bool dump_malloc_stats = false;

  // Do not flush memtables while recovering WALs (keep the WALs instead).
  bool avoid_flush_during_recovery = false;

  // Do not flush memtables on close when the WAL holds their data.
  // Dynamic.
  bool avoid_flush_during_shutdown = false;

  // Reserve the last level for IngestExternalFile with ingest_behind.
  bool allow_ingest_behind = false;

  // Use a second write queue for writes that skip the memtable.
  bool two_write_queues = false;

  // Buffer WAL writes until FlushWAL() is called.
  bool manual_wal_flush = false;

  // Compression of WAL records (kNoCompression or kZSTD).
  CompressionType wal_compression = kNoCompression;

  // Flush all column families together, atomically.
  bool atomic_flush = false;

  // Move file deletions and other slow work out of user threads.
  // Dynamic.
  bool avoid_unnecessary_blocking_io = false;

  // Record the DB id in the MANIFEST too.
  bool write_dbid_to_manifest = false;

  // Readahead when reading WAL and MANIFEST files (0: default).
  size_t log_readahead_size = 0;

  // Computes whole-file checksums of new table files (nullptr: none).
  std::shared_ptr<FileChecksumGenFactory> file_checksum_gen_factory = nullptr;

  // Open whatever consistent state can be found, even if some files are
  // missing or corrupt.
  bool best_efforts_recovery = false;

  // Automatic resumes tried after a retryable background error. Dynamic.
  int max_bgerror_resume_count = INT_MAX;

  // Microseconds between automatic resume attempts. Dynamic.
  uint64_t bgerror_resume_retry_interval = 1000000;

  // Let error messages include keys and values.
  bool allow_data_in_errors = false;

  // Host id written to table properties; kHostnameForDbHostId uses the
  // hostname.
  std::string db_host_id = kHostnameForDbHostId;

  // Files whose data checksums are handed to the FileSystem when written.
  FileTypeSet checksum_handoff_file_types;

  // Runs compactions remotely (nullptr: local).
  std::shared_ptr<CompactionService> compaction_service = nullptr;

  // Lowest cache tier reads may use.
  CacheTier lowest_used_cache_tier = CacheTier::kNonVolatileBlockTier;

  // Fail writes that break SingleDelete's contract when it can be detected.
  bool enforce_single_del_contracts = true;
};

// DBOptions and ColumnFamilyOptions together, as DB::Open takes them.
struct Options : public DBOptions, public ColumnFamilyOptions {
  // Creates the default options.
  Options() : DBOptions(), ColumnFamilyOptions() {}

  Options(const DBOptions& db_options,
          const ColumnFamilyOptions& column_family_options)
      : DBOptions(db_options), ColumnFamilyOptions(column_family_options) {}

  // Reverts defaults of both parts changed after release major.minor.
  // Returns this.
  Options* OldDefaults(int rocksdb_major_version = 4,
                       int rocksdb_minor_version = 6);

  // Writes every DB and column family option to log.
  void Dump(Logger* log) const;

  // Writes every column family option to log.
  void DumpCFOptions(Logger* log) const;

  // Settings for loading a lot of data quickly: no automatic compactions,
  // large memtables, no L0 stalls. Compact afterwards. Returns this.
  Options* PrepareForBulkLoad();

  // See DBOptions/ColumnFamilyOptions::OptimizeForSmallDb. Returns this.
  Options* OptimizeForSmallDb();

  // Turns off optional consistency checks for speed. Returns this.
  Options* DisableExtraChecks();
};

// Where a read may look for data.
enum ReadTier {
  // Memtables, block cache, OS cache or storage.
  kReadAllTier = 0x0,
  // Memtables or block cache only; data elsewhere reads as Incomplete.
  kBlockCacheTier = 0x1,
  // Only data persisted to storage (skips unflushed memtable data when the
  // WAL is disabled). Get/MultiGet only.
  kPersistedTier = 0x2,
  // Memtables only; for memtable-only iterators.
  kMemtableTier = 0x3
};

struct ReadOptions {
  // Read as of this snapshot (nullptr: an implicit snapshot at the start of
  // the read). Not owned.
  const Snapshot* snapshot = nullptr;

  // Inclusive lower bound of iterators (nullptr: none). The slice must stay
  // valid while the iterator is used.
  const Slice* iterate_lower_bound = nullptr;

  // Exclusive upper bound of iterators (nullptr: none). The slice must stay
  // valid while the iterator is used.
  const Slice* iterate_upper_bound = nullptr;

  // Readahead of iterator reads (0: automatic).
  size_t readahead_size = 0;

  // An iterator fails with Incomplete after skipping this many internal
  // keys (0: no limit).
  uint64_t max_skippable_internal_keys = 0;

  // See ReadTier.
  ReadTier read_tier = kReadAllTier;

  // Verify block checksums on read.
  bool verify_checksums = true;

  // Insert the blocks read into the block cache.
  bool fill_cache = true;

  // Tailing iterator: sees data written after its creation.
  bool tailing = false;

  // Deprecated; no effect.
  bool managed = false;

  // Ignore prefix_extractor for seeks: iterate in total order.
  bool total_order_seek = false;

  // Use prefix filters only when they give the same result as total order.
  bool auto_prefix_mode = false;

  // Iterators stay within the prefix of the seek key.
  bool prefix_same_as_start = false;

  // Keep the blocks of the keys returned pinned while the iterator lives.
  bool pin_data = false;

  // Delete obsolete files freed by an iterator in the background.
  bool background_purge_on_iterator_cleanup = false;

  // Ignore range deletions (faster, but deleted keys may reappear).
  bool ignore_range_deletions = false;

  // Skips table files for which it returns false.
  std::function<bool(const TableProperties&)> table_filter;

  // Read as of this user timestamp (comparators with timestamps). Not
  // owned.
  const Slice* timestamp = nullptr;

  // Oldest timestamp returned by iterators, which then show every version
  // in [iter_start_ts, timestamp]. Not owned.
  const Slice* iter_start_ts = nullptr;

  // Absolute deadline of Get/MultiGet, in microseconds since the epoch
  // (0: none).
  std::chrono::microseconds deadline = std::chrono::microseconds::zero();

  // Timeout of each file read (0: none).
  std::chrono::microseconds io_timeout = std::chrono::microseconds::zero();

  // MultiGet stops reading once the values found exceed this many bytes.
  uint64_t value_size_soft_limit = std::numeric_limits<uint64_t>::max();

  // Grow iterator readahead automatically across files.
  bool adaptive_readahead = false;

  // Priority of the reads in the rate limiter (IO_TOTAL: not limited).
  Env::IOPriority rate_limiter_priority = Env::IO_TOTAL;

  // Prefetch asynchronously where supported.
  bool async_io = false;

  // MultiGet reads from several levels in parallel.
  bool optimize_multiget_for_io = true;

  ReadOptions();
  ReadOptions(bool cksum, bool cache);
};

struct WriteOptions {
  // Sync the WAL before acknowledging the write.
  bool sync;

  // Skip the WAL: the write is lost on a crash unless flushed.
  bool disableWAL;

  // Silently skip updates to column families that do not exist.
  bool ignore_missing_column_families;

  // Fail with Incomplete instead of waiting when the write would stall.
  bool no_slowdown;

  // Low-priority write: slowed down first when compaction lags behind.
  bool low_pri;

  // Use memtable insert hints within one batch.
  bool memtable_insert_hint_per_batch;

  // Priority of WAL writes in the rate limiter (IO_TOTAL: not limited).
  Env::IOPriority rate_limiter_priority;

  // Bytes of checksum kept per key of the batch (0 or 8).
  size_t protection_bytes_per_key;

  WriteOptions()
      : sync(false),
        disableWAL(false),
        ignore_missing_column_families(false),
        no_slowdown(false),
        low_pri(false),
        memtable_insert_hint_per_batch(false),
        rate_limiter_priority(Env::IO_TOTAL),
        protection_bytes_per_key(0) {}
};

struct FlushOptions {
  // Wait until the flush finishes.
  bool wait;
  // Flush even if it has to stall writes; otherwise wait for the stall to
  // clear first.
  bool allow_write_stall;
  FlushOptions() : wait(true), allow_write_stall(false) {}
};

// Creates the logger DB::Open would create for dbname: a LOG file in
// dbname (or options.db_log_dir), renaming an existing one to LOG.old.*.
extern Status CreateLoggerFromOptions(const std::string& dbname,
                                      const DBOptions& options,
                                      std::shared_ptr<Logger>* logger);

// Options of DB::CompactFiles.
struct CompactionOptions {
  // Compression of the output; kDisableCompressionOption uses the column
  // family's setting for the output level.
  CompressionType compression;
  // Largest output file.
  uint64_t output_file_size_limit;
  // Threads for this compaction (0: max_subcompactions).
  uint32_t max_subcompactions;

  CompactionOptions()
      : compression(kSnappyCompression),
        output_file_size_limit(std::numeric_limits<uint64_t>::max()),
        max_subcompactions(0) {}
};

// Whether CompactRange compacts the bottommost level.
enum class BottommostLevelCompaction {
  // Never.
  kSkip,
  // Only when a compaction filter is set.
  kIfHaveCompactionFilter,
  // Always.
  kForce,
  // Always, skipping files just written by this same CompactRange.
  kForceOptimized,
};

// Blob garbage collection during a manual compaction.
enum class BlobGarbageCollectionPolicy {
  kForce,
  kDisable,
  // Follow the column family options.
  kUseDefault,
};

struct CompactRangeOptions {
  // No automatic compaction runs alongside this one.
  bool exclusive_manual_compaction = false;
  // Move the result to target_level afterwards.
  bool change_level = false;
  // Level for change_level (-1: the lowest level that fits).
  int target_level = -1;
  // Index into db_paths/cf_paths for the output.
  uint32_t target_path_id = 0;
  // See BottommostLevelCompaction.
  BottommostLevelCompaction bottommost_level_compaction =
      BottommostLevelCompaction::kIfHaveCompactionFilter;
  // Run even if it has to stall writes.
  bool allow_write_stall = false;
  // Threads for this compaction (0: max_subcompactions).
  uint32_t max_subcompactions = 0;
  // Timestamps below this may be collapsed. Not owned.
  const Slice* full_history_ts_low = nullptr;
  // Set to true (by another thread) to cancel. Not owned.
  std::atomic<bool>* canceled = nullptr;
  // See BlobGarbageCollectionPolicy.
  BlobGarbageCollectionPolicy blob_garbage_collection_policy =
      BlobGarbageCollectionPolicy::kUseDefault;
  // Overrides blob_garbage_collection_age_cutoff when in [0, 1].
  double blob_garbage_collection_age_cutoff = -1;
};

struct IngestExternalFileOptions {
  // Move (hard link) the files instead of copying them.
  bool move_files = false;
  // If linking fails, copy instead.
  bool failed_move_fall_back_to_copy = true;
  // Keep snapshots taken before ingestion consistent.
  bool snapshot_consistency = true;
  // Allow assigning the files a global sequence number; otherwise fail when
  // one is needed.
  bool allow_global_seqno = true;
  // Allow flushing memtables that overlap the files; otherwise fail.
  bool allow_blocking_flush = true;
  // Put the files at the bottom of the tree (needs allow_ingest_behind).
  bool ingest_behind = false;
  // Write the global sequence number into the file itself.
  bool write_global_seqno = true;
  // Verify the block checksums of the files before ingesting.
  bool verify_checksums_before_ingest = false;
  // Readahead for that verification (0: default).
  size_t verify_checksums_readahead_size = 0;
  // Verify the files' whole-file checksums when given.
  bool verify_file_checksum = true;
  // Fail unless the files can go to the bottommost level.
  bool fail_if_not_bottommost_level = false;
};

// Operations excluded from a trace (bit flags).
enum TraceFilterType : uint64_t {
  kTraceFilterNone = 0x0,
  kTraceFilterGet = 0x1 << 0,
  kTraceFilterWrite = 0x1 << 1,
  kTraceFilterIteratorSeek = 0x1 << 2,
  kTraceFilterIteratorSeekForPrev = 0x1 << 3,
  kTraceFilterMultiGet = 0x1 << 4,
};

// Options of DB::StartTrace.
struct TraceOptions {
  // Tracing stops once the trace file reaches this size.
  uint64_t max_trace_file_size = uint64_t{64} * 1024 * 1024 * 1024;
  // Record one request in this many.
  uint64_t sampling_frequency = 1;
  // TraceFilterType bits of the operations to skip.
  uint64_t filter = kTraceFilterNone;
  // Record writes in the order they are applied.
  bool preserve_write_order = false;
};

// Options of DB::CreateColumnFamilyWithImport.
struct ImportColumnFamilyOptions {
  // Move (hard link) the files instead of copying them.
  bool move_files = false;
};

// Options of DB::GetApproximateSizes.
struct SizeApproximationOptions {
  // Count memtable data.
  bool include_memtables = false;
  // Count table file data.
  bool include_files = true;
  // When > 0, files may be estimated with this relative error to save
  // work.
  double files_size_error_margin = -1.0;
};

// Options a remote compaction worker cannot read from the OPTIONS file
// (objects that must be supplied in code).
struct CompactionServiceOptionsOverride {
  Env* env = Env::Default();
  std::shared_ptr<FileChecksumGenFactory> file_checksum_gen_factory = nullptr;
  const Comparator* comparator = BytewiseComparator();
  std::shared_ptr<MergeOperator> merge_operator = nullptr;
  const CompactionFilter* compaction_filter = nullptr;
  std::shared_ptr<CompactionFilterFactory> compaction_filter_factory = nullptr;
  std::shared_ptr<const SliceTransform> prefix_extractor = nullptr;
  std::shared_ptr<TableFactory> table_factory;
  std::shared_ptr<SstPartitionerFactory> sst_partitioner_factory = nullptr;
  std::vector<std::shared_ptr<EventListener>> listeners;
  std::shared_ptr<Statistics> statistics = nullptr;
  std::vector<std::shared_ptr<TablePropertiesCollectorFactory>>
      table_properties_collector_factories;
};

// Options of DB::OpenAndCompact.
struct OpenAndCompactOptions {
  // Set to true (by another thread) to cancel. Not owned.
  std::atomic<bool>* canceled = nullptr;
};

// Options of DB::GetLiveFilesStorageInfo.
struct LiveFilesStorageInfoOptions {
  // Fill in the whole-file checksums.
  bool include_checksum_info = false;
  // Flush first when the WALs are larger than this (0: always flush when
  // there is unflushed data; max: never).
  uint64_t wal_size_for_flush = 0;
};

}  // namespace ROCKSDB_NAMESPACE
