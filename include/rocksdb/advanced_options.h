// Copyright (c) the rocksdb-cleanroom authors.
//
// Column family options that most applications leave at their defaults:
// memtable shape, level sizing, compaction style and priority, TTLs, blob
// files. ColumnFamilyOptions (options.h) derives from
// AdvancedColumnFamilyOptions.
#pragma once

#include <memory>

#include "rocksdb/cache.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/universal_compaction.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
class SliceTransform;
class TablePropertiesCollectorFactory;
class TableFactory;
struct Options;

// Shape of the LSM tree. Values are persisted in OPTIONS files: never
// renumber.
enum CompactionStyle : char {
  // Leveled: each level is one sorted run, ten times larger than the last.
  kCompactionStyleLevel = 0x0,
  // Universal (tiered): sorted runs are merged when their sizes line up.
  kCompactionStyleUniversal = 0x1,
  // FIFO: the oldest files are deleted once a size or age limit is hit.
  kCompactionStyleFIFO = 0x2,
  // No automatic compaction; only CompactFiles() runs compactions.
  kCompactionStyleNone = 0x3,
};

// Which file leveled compaction picks first from a level. Never renumber.
enum CompactionPri : char {
  // Largest file, its size compensated for the deletions it holds.
  kByCompensatedSize = 0x0,
  // File whose newest entry is oldest (good for update-heavy workloads on
  // a small key range).
  kOldestLargestSeqFirst = 0x1,
  // File whose oldest entry is oldest (key ranges that have not been
  // compacted for the longest time).
  kOldestSmallestSeqFirst = 0x2,
  // File with the smallest ratio of overlapping bytes in the next level to
  // its own size, which tends to minimize write amplification.
  kMinOverlappingRatio = 0x3,
  // Files in turn, round-robin over the key space of each level.
  kRoundRobin = 0x4,
};

struct CompactionOptionsFIFO {
  // Once the table files of the column family exceed this many bytes, the
  // oldest are deleted.
  uint64_t max_table_files_size;

  // Also run intra-L0 compactions that merge small files, when the file
  // count would otherwise trigger a compaction.
  bool allow_compaction = false;

  // Files whose newest entry is older than this many seconds move to warm
  // temperature (0 disables). Only with max_open_files == -1.
  uint64_t age_for_warm = 0;

  CompactionOptionsFIFO() : max_table_files_size(1 * 1024 * 1024 * 1024) {}
  CompactionOptionsFIFO(uint64_t _max_table_files_size, bool _allow_compaction)
      : max_table_files_size(_max_table_files_size),
        allow_compaction(_allow_compaction) {}
};

// Parameters passed to the compression library.
struct CompressionOptions {
  // Level meaning "the library's own default level".
  const static int kDefaultCompressionLevel = 32767;

  // zlib window size (log2 of the bytes of history, negative: raw deflate).
  int window_bits;

  // Library-specific level; kDefaultCompressionLevel lets the library pick.
  int level;

  // zlib strategy.
  int strategy;

  // Size of the dictionary built per SST file from samples of its data
  // (0 disables dictionary compression). Supported by zstd, zlib and lz4.
  uint32_t max_dict_bytes;

  // Most sample bytes given to the zstd dictionary trainer; 0 uses the raw
  // samples as the dictionary.
  uint32_t zstd_max_train_bytes;

  // Threads used to compress blocks in parallel (1: no parallelism).
  uint32_t parallel_threads;

  // Only consulted for bottommost_compression_opts: when false those
  // options are ignored and compression_opts apply to the bottommost level
  // too.
  bool enabled;

  // Cap on the data buffered per file to collect dictionary samples; 0 means
  // no cap beyond the target file size.
  uint64_t max_dict_buffer_bytes;

  // Train zstd dictionaries with ZDICT_trainFromBuffer (true) or with the
  // faster ZDICT_finalizeDictionary (false).
  bool use_zstd_dict_trainer;

  CompressionOptions()
      : window_bits(-14),
        level(kDefaultCompressionLevel),
        strategy(0),
        max_dict_bytes(0),
        zstd_max_train_bytes(0),
        parallel_threads(1),
        enabled(false),
        max_dict_buffer_bytes(0),
        use_zstd_dict_trainer(true) {}
  CompressionOptions(int wbits, int _lev, int _strategy,
                     uint32_t _max_dict_bytes, uint32_t _zstd_max_train_bytes,
                     uint32_t _parallel_threads, bool _enabled,
                     uint64_t _max_dict_buffer_bytes,
                     bool _use_zstd_dict_trainer)
      : window_bits(wbits),
        level(_lev),
        strategy(_strategy),
        max_dict_bytes(_max_dict_bytes),
        zstd_max_train_bytes(_zstd_max_train_bytes),
        parallel_threads(_parallel_threads),
        enabled(_enabled),
        max_dict_buffer_bytes(_max_dict_buffer_bytes),
        use_zstd_dict_trainer(_use_zstd_dict_trainer) {}
};

// Storage temperature hint attached to files, passed on to the FileSystem.
// Persisted in the MANIFEST: never renumber.
enum class Temperature : uint8_t {
  kUnknown = 0,
  kHot = 0x04,
  kWarm = 0x08,
  kCold = 0x0C,
  kLastTemperature,
};

// Tiers of caching a lookup may use. Never renumber.
enum class CacheTier : uint8_t {
  kVolatileTier = 0,
  kNonVolatileBlockTier = 0x01,
};

// What an inplace_callback did with the existing value.
enum UpdateStatus {
  UPDATE_FAILED = 0,    // nothing changed
  UPDATED_INPLACE = 1,  // existing value overwritten in place
  UPDATED = 2,          // merged_value holds the new value to insert
};

// Whether blobs written by flush are also inserted into blob_cache.
enum class PrepopulateBlobCache : uint8_t {
  kDisable = 0x0,
  kFlushOnly = 0x1,
};

struct AdvancedColumnFamilyOptions {
  // Most memtables (active plus immutable) kept in memory at once. When all
  // are full, writes stall until a flush finishes. Dynamic.
  int max_write_buffer_number = 2;

  // Fewest immutable memtables merged together by one flush.
  int min_write_buffer_number_to_merge = 1;

  // Deprecated: use max_write_buffer_size_to_maintain. Number of flushed
  // memtables kept in memory to check write conflicts of transactions.
  int max_write_buffer_number_to_maintain = 0;

  // Bytes of flushed memtables kept in memory for transaction conflict
  // checking. 0 keeps none, -1 uses max_write_buffer_number * write buffer
  // size.
  int64_t max_write_buffer_size_to_maintain = 0;

  // Overwrite values in the memtable in place when the new value is not
  // larger. Incompatible with concurrent memtable writes and snapshots.
  bool inplace_update_support = false;

  // Number of locks striping in-place updates. Dynamic.
  size_t inplace_update_num_locks = 10000;

  // Experimental: garbage-collect a full memtable in memory instead of
  // flushing it when at most this fraction of it is live. 0 disables.
  double experimental_mempurge_threshold = 0.0;

  // With inplace_update_support, called to merge a Put into the existing
  // value. It may shrink the value in place (UPDATED_INPLACE), produce a new
  // one in merged_value (UPDATED) or give up (UPDATE_FAILED).
  UpdateStatus (*inplace_callback)(char* existing_value,
                                   uint32_t* existing_value_size,
                                   Slice delta_value,
                                   std::string* merged_value) = nullptr;

  // Size of a memtable prefix (or whole key) bloom filter as a fraction of
  // write_buffer_size. 0 disables it; values are capped at 0.25. Dynamic.
  double memtable_prefix_bloom_size_ratio = 0.0;

  // Add whole keys to the memtable bloom filter too. Dynamic.
  bool memtable_whole_key_filtering = false;

  // Page size for memtable memory from huge pages; 0 uses malloc. Dynamic.
  size_t memtable_huge_page_size = 0;

  // When set, inserts with the same prefix remember their position so the
  // next one can start there (only skip-list memtables).
  std::shared_ptr<const SliceTransform>
      memtable_insert_with_hint_prefix_extractor = nullptr;

  // Bloom filter locality (probes grouped within a cache line when > 0).
  uint32_t bloom_locality = 0;

  // Arena block size of memtables; 0 picks a value from write_buffer_size.
  // Dynamic.
  size_t arena_block_size = 0;

  // Compression per level, overriding compression. When shorter than
  // num_levels, the last entry applies to the remaining levels. Dynamic.
  std::vector<CompressionType> compression_per_level;

  // Number of levels of the LSM tree.
  int num_levels = 7;

  // Writes are slowed down once L0 has this many files (< 0: no limit).
  // Dynamic.
  int level0_slowdown_writes_trigger = 20;

  // Writes stop once L0 has this many files. Dynamic.
  int level0_stop_writes_trigger = 36;

  // Target size of output files at L1; level n targets
  // target_file_size_base * target_file_size_multiplier^(n-1). Dynamic.
  uint64_t target_file_size_base = 64 * 1048576;

  // See target_file_size_base. Dynamic.
  int target_file_size_multiplier = 1;

  // Compute level size targets backwards from the size of the last level,
  // so the tree keeps its shape as it grows.
  bool level_compaction_dynamic_level_bytes = false;

  // With leveled compaction, cut output files at boundaries of the next
  // level's files to keep later compactions small.
  bool level_compaction_dynamic_file_size = true;

  // Growth factor between the size targets of successive levels. Dynamic.
  double max_bytes_for_level_multiplier = 10;

  // Extra per-level factors applied on top of max_bytes_for_level_multiplier.
  // Dynamic.
  std::vector<int> max_bytes_for_level_multiplier_additional =
      std::vector<int>(num_levels, 1);

  // Upper bound on the bytes one compaction picks; 0 becomes
  // 25 * target_file_size_base when the DB opens. Dynamic.
  uint64_t max_compaction_bytes = 0;

  // Let max_compaction_bytes apply to the output-level files only (true) or
  // to all input files (false). Dynamic.
  bool ignore_max_compaction_bytes_for_input = true;

  // Writes slow down once the estimated bytes awaiting compaction exceed
  // this (0 disables). Dynamic.
  uint64_t soft_pending_compaction_bytes_limit = 64 * 1073741824ull;

  // Writes stop once the estimated bytes awaiting compaction exceed this
  // (0 disables). Dynamic.
  uint64_t hard_pending_compaction_bytes_limit = 256 * 1073741824ull;

  // See CompactionStyle.
  CompactionStyle compaction_style = kCompactionStyleLevel;

  // See CompactionPri. Leveled compaction only.
  CompactionPri compaction_pri = kMinOverlappingRatio;

  // Knobs of universal compaction. Dynamic.
  CompactionOptionsUniversal compaction_options_universal;

  // Knobs of FIFO compaction. Dynamic.
  CompactionOptionsFIFO compaction_options_fifo;

  // An iterator that skips this many entries of the same user key reseeks
  // instead of stepping. Dynamic.
  uint64_t max_sequential_skip_in_iterations = 8;

  // Builds the in-memory structure of memtables. Default: a skip list.
  std::shared_ptr<MemTableRepFactory> memtable_factory =
      std::shared_ptr<SkipListFactory>(new SkipListFactory);

  // Factories of collectors run on every table file built; their output is
  // stored as user-collected table properties.
  using TablePropertiesCollectorFactories =
      std::vector<std::shared_ptr<TablePropertiesCollectorFactory>>;
  TablePropertiesCollectorFactories table_properties_collector_factories;

  // When > 0, a Merge that would stack more than this many operands on a key
  // in the memtable is resolved right away. Dynamic.
  size_t max_successive_merges = 0;

  // Skip building filters for the last level, for workloads whose lookups
  // mostly find their key.
  bool optimize_filters_for_hits = false;

  // Check that flush and compaction see keys in increasing order. Dynamic.
  bool check_flush_compaction_key_order = true;

  // Re-read every file just written to verify it. Dynamic.
  bool paranoid_file_checks = false;

  // Verify the LSM tree stays consistent when versions change.
  bool force_consistency_checks = true;

  // Count flush and compaction I/O in the IO stats context. Dynamic.
  bool report_bg_io_stats = false;

  // Files holding data older than this many seconds are compacted down.
  // The default (0xfffffffffffffffe) means "30 days for leveled style, off
  // otherwise"; 0 disables. Dynamic.
  uint64_t ttl = 0xfffffffffffffffe;

  // Files older than this many seconds are compacted again. The default
  // means "off, unless a compaction filter needs it"; 0 disables. Dynamic.
  uint64_t periodic_compaction_seconds = 0xfffffffffffffffe;

  // Sample one data block in this many to estimate compressibility
  // (0 disables). Dynamic.
  uint64_t sample_for_compression = 0;

  // Deprecated name of last_level_temperature.
  Temperature bottommost_temperature = Temperature::kUnknown;
  // Temperature of files written to the last level.
  Temperature last_level_temperature = Temperature::kUnknown;

  // Experimental: data newer than this many seconds stays out of the last
  // level (tiered storage). 0 disables.
  uint64_t preclude_last_level_data_seconds = 0;

  // Keep write-time information for data written within this many seconds.
  uint64_t preserve_internal_time_seconds = 0;

  // Store values of at least min_blob_size bytes in separate blob files.
  // Dynamic.
  bool enable_blob_files = false;

  // Smallest value written to a blob file. Dynamic.
  uint64_t min_blob_size = 0;

  // Size at which a blob file is closed and a new one started. Dynamic.
  uint64_t blob_file_size = 1ULL << 28;

  // Compression of blob files. Dynamic.
  CompressionType blob_compression_type = kNoCompression;

  // Relocate live blobs out of old blob files during compaction. Dynamic.
  bool enable_blob_garbage_collection = false;

  // Fraction of the oldest blob files eligible for garbage collection.
  // Dynamic.
  double blob_garbage_collection_age_cutoff = 0.25;

  // When the eligible blob files hold at least this fraction of garbage,
  // compactions are forced to collect it (1.0 disables). Dynamic.
  double blob_garbage_collection_force_threshold = 1.0;

  // Readahead used when compaction reads blob files. Dynamic.
  uint64_t blob_compaction_readahead_size = 0;

  // First level whose compaction output writes blob files. Dynamic.
  int blob_file_starting_level = 0;

  // Cache of uncompressed blobs (nullptr: none).
  std::shared_ptr<Cache> blob_cache = nullptr;

  // See PrepopulateBlobCache. Dynamic.
  PrepopulateBlobCache prepopulate_blob_cache = PrepopulateBlobCache::kDisable;

  // Bytes of checksum kept per memtable entry (0, 1, 2, 4 or 8) to detect
  // memory corruption.
  uint32_t memtable_protection_bytes_per_key = 0;

  // Creates the default options.
  AdvancedColumnFamilyOptions();
  // Copies the advanced column family options out of options.
  explicit AdvancedColumnFamilyOptions(const Options& options);
};

}  // namespace ROCKSDB_NAMESPACE
