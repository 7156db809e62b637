// Copyright (c) the rocksdb-cleanroom authors.
//
// Table file formats: the options of the block-based (default), plain and
// cuckoo tables, their factories, and the TableFactory interface that the
// DB uses to read and write table files.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "rocksdb/cache.h"
#include "rocksdb/customizable.h"
#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Cache;
class FilterPolicy;
class FlushBlockPolicyFactory;
class PersistentCache;
class RandomAccessFile;
struct TableReaderOptions;
struct TableBuilderOptions;
class TableBuilder;
class TableFactory;
class TableReader;
class WritableFileWriter;
struct ConfigOptions;
struct EnvOptions;

// Checksum protecting each block of a table file. Stored on disk: never
// renumber.
enum ChecksumType : char {
  kNoChecksum = 0x0,
  kCRC32c = 0x1,
  kxxHash = 0x2,
  kxxHash64 = 0x3,
  kXXH3 = 0x4,
};

// Which block-based tables a metadata pinning setting applies to.
enum class PinningTier {
  // Follow the deprecated pin_l0_filter_and_index_blocks_in_cache and
  // pin_top_level_index_and_filter options.
  kFallback,
  // No table.
  kNone,
  // Tables that look like flush output: L0 files smaller than 1.5 times the
  // write_buffer_size.
  kFlushedAndSimilar,
  // Every table.
  kAll,
};

// Block cache pinning of metadata blocks, by category.
struct MetadataCacheOptions {
  // Top-level index of partitioned index/filter blocks (needs
  // cache_index_and_filter_blocks).
  PinningTier top_level_index_pinning = PinningTier::kFallback;

  // Partitions of partitioned index/filter blocks.
  PinningTier partition_pinning = PinningTier::kFallback;

  // Unpartitioned index/filter blocks (needs cache_index_and_filter_blocks).
  PinningTier unpartitioned_pinning = PinningTier::kFallback;
};

// Per-role choices about block cache usage.
struct CacheEntryRoleOptions {
  enum class Decision {
    kEnabled,
    kDisabled,
    kFallback,
  };
  // Whether the role's memory is charged to the block cache.
  Decision charged = Decision::kFallback;
  bool operator==(const CacheEntryRoleOptions& other) const {
    return charged == other.charged;
  }
};

struct CacheUsageOptions {
  // Default for every role.
  CacheEntryRoleOptions options;
  // Per-role overrides of `options`.
  std::map<CacheEntryRole, CacheEntryRoleOptions> options_overrides;
};

// Options of the block-based table format.
struct BlockBasedTableOptions {
  static const char* kName() { return "BlockTableOptions"; };

  // Decides when a data block is full; nullptr means by block_size.
  std::shared_ptr<FlushBlockPolicyFactory> flush_block_policy_factory;

  // Keep index and filter blocks in the block cache rather than in each
  // table reader. Partitions always go through the block cache.
  bool cache_index_and_filter_blocks = false;

  // With cache_index_and_filter_blocks, insert metadata blocks with high
  // priority.
  bool cache_index_and_filter_blocks_with_high_priority = true;

  // DEPRECATED: fallback for MetadataCacheOptions::partition_pinning and
  // unpartitioned_pinning (false -> kNone, true -> kFlushedAndSimilar).
  bool pin_l0_filter_and_index_blocks_in_cache = false;

  // DEPRECATED: fallback for MetadataCacheOptions::top_level_index_pinning
  // (false -> kNone, true -> kAll).
  bool pin_top_level_index_and_filter = true;

  MetadataCacheOptions metadata_cache_options;

  // Layout of the index block. Stored in table properties: never renumber.
  enum IndexType : char {
    // Binary search over one index block.
    kBinarySearch = 0x00,
    // Hash lookup on the prefix_extractor prefix.
    kHashSearch = 0x01,
    // Partitioned index: a top-level binary index over index partitions.
    kTwoLevelIndexSearch = 0x02,
    // kBinarySearch that also stores each block's first key, so that
    // iterators can defer reading data blocks.
    kBinarySearchWithFirstKey = 0x03,
  };

  IndexType index_type = kBinarySearch;

  // Layout of data blocks. Stored on disk: never renumber.
  enum DataBlockIndexType : char {
    kDataBlockBinarySearch = 0,   // restart array only
    kDataBlockBinaryAndHash = 1,  // plus a hash index
  };

  DataBlockIndexType data_block_index_type = kDataBlockBinarySearch;

  // Entries per bucket of the data block hash index.
  double data_block_hash_table_util_ratio = 0.75;

  // Checksum of new table files (existing files keep theirs).
  ChecksumType checksum = kXXH3;

  // Use no block cache at all (block_cache must then be nullptr).
  bool no_block_cache = false;

  // Cache for uncompressed blocks; nullptr means an internal 8MB cache.
  std::shared_ptr<Cache> block_cache = nullptr;

  // Cache for raw pages read from the device; nullptr means none.
  std::shared_ptr<PersistentCache> persistent_cache = nullptr;

  // Cache for compressed blocks; nullptr means none.
  std::shared_ptr<Cache> block_cache_compressed = nullptr;

  // Target uncompressed size of a data block. Dynamically changeable.
  uint64_t block_size = 4 * 1024;

  // A block is cut early when less than this percentage of block_size is
  // free and the next entry would overflow it.
  int block_size_deviation = 10;

  // Keys between restart points in data blocks (values below 1 mean 1).
  int block_restart_interval = 16;

  // Keys between restart points in index blocks.
  int index_block_restart_interval = 1;

  // Target size of index/filter partitions.
  uint64_t metadata_block_size = 4096;

  // Per-role cache charging. Supported roles for `charged`:
  // kCompressionDictionaryBuildingBuffer (fallback: enabled),
  // kFilterConstruction, kBlockBasedTableReader and kFileMetadata (fallback:
  // disabled). Setting another role to kEnabled/kDisabled is NotSupported.
  CacheUsageOptions cache_usage_options;

  // Partition filters like the index (requires kTwoLevelIndexSearch).
  bool partition_filters = false;

  // Size Bloom/Ribbon filters (format_version >= 5) to reduce allocator
  // internal fragmentation.
  bool optimize_filters_for_memory = false;

  // Delta-encode keys in blocks (pin_data needs this off).
  bool use_delta_encoding = true;

  // Filter policy for new files; nullptr means no filters.
  std::shared_ptr<const FilterPolicy> filter_policy = nullptr;

  // Add whole keys (not only prefixes) to filters.
  bool whole_key_filtering = true;

  // Double-check filter construction for corruption (costs ~30% more).
  bool detect_filter_construct_corruption = false;

  // Decompress every compressed block after writing it, to check it.
  bool verify_compression = false;

  // If non-zero, track read amplification with one bit per this many bytes
  // of each loaded data block (rounded down to a power of two).
  uint32_t read_amp_bytes_per_bit = 0;

  // Format version of new files (2..5 written by RocksDB 7.8; 5 has the
  // faster Bloom filter).
  uint32_t format_version = 5;

  // Compress index blocks.
  bool enable_index_compression = true;

  // Align data blocks to the smaller of page size and block size.
  bool block_align = false;

  // How much index keys are shortened.
  enum class IndexShorteningMode : char {
    // Full keys.
    kNoShortening,
    // Shortest separators between blocks, full key after the last block.
    kShortenSeparators,
    // Shortest separators and a short successor after the last block.
    kShortenSeparatorsAndSuccessor,
  };

  IndexShorteningMode index_shortening =
      IndexShorteningMode::kShortenSeparators;

  // Upper bound of the automatic iterator readahead; 0 disables it.
  size_t max_auto_readahead_size = 256 * 1024;

  // Whether blocks written by flush are inserted into the block cache.
  enum class PrepopulateBlockCache : char {
    kDisable,
    kFlushOnly,
  };

  PrepopulateBlockCache prepopulate_block_cache =
      PrepopulateBlockCache::kDisable;

  // First automatic readahead size (doubled per read up to
  // max_auto_readahead_size); 0 disables it.
  size_t initial_auto_readahead_size = 8 * 1024;

  // Sequential reads of a file before automatic readahead starts.
  uint64_t num_file_reads_for_auto_readahead = 2;
};

// Names of the table properties specific to block-based tables.
struct BlockBasedTablePropertyNames {
  // Fixed 32-bit integer.
  static const std::string kIndexType;
  // "1" or "0".
  static const std::string kWholeKeyFiltering;
  // "1" or "0".
  static const std::string kPrefixFiltering;
};

// Returns a new block-based table factory (owned by the caller).
extern TableFactory* NewBlockBasedTableFactory(
    const BlockBasedTableOptions& table_options = BlockBasedTableOptions());

#ifndef ROCKSDB_LITE

// Key encoding of plain tables.
enum EncodingType : char {
  // Full keys.
  kPlain,
  // Shared prefixes written once (needs the same prefix_extractor to read).
  kPrefix,
};

// Names of the table properties specific to plain tables.
struct PlainTablePropertyNames {
  static const std::string kEncodingType;
  static const std::string kBloomVersion;
  static const std::string kNumBloomBlocks;
};

// PlainTableOptions::user_key_len for variable-length keys.
const uint32_t kPlainTableVariableLength = 0;

struct PlainTableOptions {
  static const char* kName() { return "PlainTableOptions"; };
  // Fixed user key length, or kPlainTableVariableLength.
  uint32_t user_key_len = kPlainTableVariableLength;

  // Bloom bits per prefix; 0 disables the bloom filter.
  int bloom_bits_per_key = 10;

  // Prefixes per hash bucket.
  double hash_table_ratio = 0.75;

  // Keys per index record within a prefix.
  size_t index_sparseness = 16;

  // If > 0, allocate index and bloom from huge pages of this size.
  size_t huge_page_tlb_size = 0;

  EncodingType encoding_type = kPlain;

  // Read the file sequentially without the index.
  bool full_scan_mode = false;

  // Store the index and bloom in the file instead of rebuilding them.
  bool store_index_in_file = false;
};

// Returns a new plain table factory (owned by the caller); needs a
// prefix_extractor.
extern TableFactory* NewPlainTableFactory(
    const PlainTableOptions& options = PlainTableOptions());

// Names of the table properties specific to cuckoo tables.
struct CuckooTablePropertyNames {
  static const std::string kEmptyKey;
  static const std::string kValueLength;
  static const std::string kNumHashFunc;
  static const std::string kCuckooBlockSize;
  static const std::string kHashTableSize;
  static const std::string kIsLastLevel;
  static const std::string kIdentityAsFirstHash;
  static const std::string kUseModuleHash;
  static const std::string kUserKeyLength;
};

struct CuckooTableOptions {
  static const char* kName() { return "CuckooTableOptions"; };

  // Target load factor of the hash table.
  double hash_table_ratio = 0.9;
  // Search depth when displacing entries on collision.
  uint32_t max_search_depth = 100;
  // Consecutive buckets tried before the next hash function.
  uint32_t cuckoo_block_size = 5;
  // Use the user key, read as a uint64_t, as the first hash.
  bool identity_as_first_hash = false;
  // Hash with modulo (true) or with a power-of-two mask (false).
  bool use_module_hash = true;
};

// Returns a new cuckoo table factory (owned by the caller).
extern TableFactory* NewCuckooTableFactory(
    const CuckooTableOptions& table_options = CuckooTableOptions());

#endif  // ROCKSDB_LITE

class RandomAccessFileReader;

// Creates the readers and builders of one table file format.
class TableFactory : public Customizable {
 public:
  virtual ~TableFactory() override {}

  static const char* kBlockCacheOpts() { return "BlockCache"; };
  static const char* kBlockBasedTableName() { return "BlockBasedTable"; };
  static const char* kPlainTableName() { return "PlainTable"; }
  static const char* kCuckooTableName() { return "CuckooTable"; };

  // Creates a factory from an id with optional options.
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& id,
                                 std::shared_ptr<TableFactory>* factory);

  static const char* Type() { return "TableFactory"; }

  // Opens the table in `file` (of `file_size` bytes) into *table_reader.
  // The caller guarantees the file is in this factory's format.
  virtual Status NewTableReader(
      const TableReaderOptions& table_reader_options,
      std::unique_ptr<RandomAccessFileReader>&& file, uint64_t file_size,
      std::unique_ptr<TableReader>* table_reader,
      bool prefetch_index_and_filter_in_cache = true) const {
    ReadOptions ro;
    return NewTableReader(ro, table_reader_options, std::move(file), file_size,
                          table_reader, prefetch_index_and_filter_in_cache);
  }

  // Same, with the ReadOptions to use while opening.
  virtual Status NewTableReader(
      const ReadOptions& ro, const TableReaderOptions& table_reader_options,
      std::unique_ptr<RandomAccessFileReader>&& file, uint64_t file_size,
      std::unique_ptr<TableReader>* table_reader,
      bool prefetch_index_and_filter_in_cache) const = 0;

  // Returns a new builder (owned by the caller) writing to `file`, which
  // the caller keeps open until the builder is done and then closes.
  virtual TableBuilder* NewTableBuilder(
      const TableBuilderOptions& table_builder_options,
      WritableFileWriter* file) const = 0;

  // Whether tables of this format can hold range deletions.
  virtual bool IsDeleteRangeSupported() const { return false; }
};

#ifndef ROCKSDB_LITE
// Returns a factory (owned by the caller) that reads block-based, plain and
// cuckoo tables alike, choosing by the file's contents, and writes with
// `table_factory_to_write`. A null argument means a default factory of that
// kind.
extern TableFactory* NewAdaptiveTableFactory(
    std::shared_ptr<TableFactory> table_factory_to_write = nullptr,
    std::shared_ptr<TableFactory> block_based_table_factory = nullptr,
    std::shared_ptr<TableFactory> plain_table_factory = nullptr,
    std::shared_ptr<TableFactory> cuckoo_table_factory = nullptr);

#endif  // ROCKSDB_LITE

}  // namespace ROCKSDB_NAMESPACE
