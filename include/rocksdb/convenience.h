// Copyright (c) the rocksdb-cleanroom authors.
//
// Options from and to strings (ConfigOptions and the Get*From* functions),
// plus a few DB helpers: CancelAllBackgroundWork, DeleteFilesInRange(s),
// VerifySstFileChecksum.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/compression_type.h"
#include "rocksdb/db.h"
#include "rocksdb/status.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
class Env;
class Logger;
class ObjectRegistry;

struct ColumnFamilyOptions;
struct DBOptions;
struct Options;

// How options are parsed, printed and compared.
struct ConfigOptions {
  // Settings with a fresh object registry. Prefer the DBOptions form when a
  // DBOptions is at hand.
  ConfigOptions();

  // Settings taking env (and the registry) from a DBOptions.
  explicit ConfigOptions(const DBOptions&);

  // How strictly two option sets must agree.
  enum SanityLevel : unsigned char {
    // No check.
    kSanityLevelNone = 0x01,
    // Only what could misread or corrupt data must match.
    kSanityLevelLooselyCompatible = 0x02,
    // Everything must match.
    kSanityLevelExactMatch = 0xFF,
  };

  // How far into nested (struct or object) options to go.
  enum Depth {
    // Into nested options not marked shallow.
    kDepthDefault,
    // Never into nested options.
    kDepthShallow,
    // Into all nested options, even shallow ones.
    kDepthDetailed,
  };

  // Unknown option names are skipped instead of failing.
  bool ignore_unknown_options = false;

  // Options this build does not support are skipped instead of failing.
  bool ignore_unsupported_options = true;

  // Values use '\' escapes.
  bool input_strings_escaped = true;

  // Call PrepareOptions after configuring.
  bool invoke_prepare_options = true;

  // Only mutable options are considered: others are skipped when printing or
  // comparing and rejected when configuring.
  bool mutable_options_only = false;

  // Separator between options when printing.
  std::string delimiter = ";";

  Depth depth = Depth::kDepthDefault;

  SanityLevel sanity_level = SanityLevel::kSanityLevelExactMatch;

  // Readahead used when reading an options file.
  size_t file_readahead_size = 512 * 1024;

  Env* env = Env::Default();

  // Where named objects are looked up (may be empty).
  std::shared_ptr<ObjectRegistry> registry;

  bool IsShallow() const { return depth == Depth::kDepthShallow; }
  bool IsDetailed() const { return depth == Depth::kDepthDetailed; }

  bool IsCheckDisabled() const {
    return sanity_level == SanityLevel::kSanityLevelNone;
  }

  bool IsCheckEnabled(SanityLevel level) const {
    return (level > SanityLevel::kSanityLevelNone && level <= sanity_level);
  }
};

// String syntax of option values, shared by all functions below:
//   strings: taken verbatim;  booleans: "true"/"1", "false"/"0";
//   integers: decimal with an optional k/K, m/M, g/G (and t/T for 64-bit
//     unsigned) suffix for 2^10, 2^20, 2^30, 2^40;
//   doubles: decimal, no suffix;  vectors: values separated by ':';
//   enums: the constant's name, e.g. "kSnappyCompression";
//   nested structs/objects: "{name=value;name=value;...}", e.g.
//     block_based_table_factory={block_cache=1M;block_size=4k;}
//   memtable: "skip_list[:lookahead]", "prefix_hash[:buckets]",
//     "hash_linkedlist[:buckets]", "vector[:count]";
//   compression_opts: "window_bits:level:strategy:max_dict_bytes";
//   filter_policy: "bloomfilter:bits_per_key:use_block_based_builder";
//   block_cache: a size, meaning NewLRUCache(size);
//   rate_limiter_bytes_per_sec: NewGenericRateLimiter(value).
//
// The map and string parsers start from base_options, apply each named
// option and store the result in *new_options. On failure *new_options is
// base_options and the status is NotFound (unknown name), NotSupported
// (value of an unsupported kind) or InvalidArgument (bad value). The forms
// taking ConfigOptions are preferred; in the others, input_strings_escaped
// means values contain '\' escapes and ignore_unknown_options skips unknown
// names.

Status GetColumnFamilyOptionsFromMap(
    const ConfigOptions& config_options,
    const ColumnFamilyOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    ColumnFamilyOptions* new_options);
Status GetColumnFamilyOptionsFromMap(
    const ColumnFamilyOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    ColumnFamilyOptions* new_options, bool input_strings_escaped = false,
    bool ignore_unknown_options = false);

Status GetDBOptionsFromMap(
    const ConfigOptions& cfg_options, const DBOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    DBOptions* new_options);
Status GetDBOptionsFromMap(
    const DBOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    DBOptions* new_options, bool input_strings_escaped = false,
    bool ignore_unknown_options = false);

Status GetBlockBasedTableOptionsFromMap(
    const ConfigOptions& config_options,
    const BlockBasedTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    BlockBasedTableOptions* new_table_options);
Status GetBlockBasedTableOptionsFromMap(
    const BlockBasedTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    BlockBasedTableOptions* new_table_options,
    bool input_strings_escaped = false, bool ignore_unknown_options = false);

Status GetPlainTableOptionsFromMap(
    const ConfigOptions& config_options, const PlainTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    PlainTableOptions* new_table_options);
Status GetPlainTableOptionsFromMap(
    const PlainTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    PlainTableOptions* new_table_options, bool input_strings_escaped = false,
    bool ignore_unknown_options = false);

// Strings are "name=value;name=value", e.g.
// "write_buffer_size=1024;block_based_table_factory={block_size=4k};".
Status GetColumnFamilyOptionsFromString(const ConfigOptions& config_options,
                                        const ColumnFamilyOptions& base_options,
                                        const std::string& opts_str,
                                        ColumnFamilyOptions* new_options);
Status GetColumnFamilyOptionsFromString(const ColumnFamilyOptions& base_options,
                                        const std::string& opts_str,
                                        ColumnFamilyOptions* new_options);

Status GetDBOptionsFromString(const ConfigOptions& config_options,
                              const DBOptions& base_options,
                              const std::string& opts_str,
                              DBOptions* new_options);

Status GetDBOptionsFromString(const DBOptions& base_options,
                              const std::string& opts_str,
                              DBOptions* new_options);

// Serializes options to "name=value<delimiter>..." form.
Status GetStringFromDBOptions(const ConfigOptions& config_options,
                              const DBOptions& db_options,
                              std::string* opts_str);

Status GetStringFromDBOptions(std::string* opts_str,
                              const DBOptions& db_options,
                              const std::string& delimiter = ";  ");

Status GetStringFromColumnFamilyOptions(const ConfigOptions& config_options,
                                        const ColumnFamilyOptions& cf_options,
                                        std::string* opts_str);
Status GetStringFromColumnFamilyOptions(std::string* opts_str,
                                        const ColumnFamilyOptions& cf_options,
                                        const std::string& delimiter = ";  ");

// The enum constant's name, e.g. "kSnappyCompression".
Status GetStringFromCompressionType(std::string* compression_str,
                                    CompressionType compression_type);

// Compression types this build can use.
std::vector<CompressionType> GetSupportedCompressions();

Status GetBlockBasedTableOptionsFromString(
    const BlockBasedTableOptions& table_options, const std::string& opts_str,
    BlockBasedTableOptions* new_table_options);
Status GetBlockBasedTableOptionsFromString(
    const ConfigOptions& config_options,
    const BlockBasedTableOptions& table_options, const std::string& opts_str,
    BlockBasedTableOptions* new_table_options);

Status GetPlainTableOptionsFromString(const PlainTableOptions& table_options,
                                      const std::string& opts_str,
                                      PlainTableOptions* new_table_options);
Status GetPlainTableOptionsFromString(const ConfigOptions& config_options,
                                      const PlainTableOptions& table_options,
                                      const std::string& opts_str,
                                      PlainTableOptions* new_table_options);

// Parses a memtable spec such as "skip_list:5" or "vector:1024".
Status GetMemTableRepFactoryFromString(
    const std::string& opts_str,
    std::unique_ptr<MemTableRepFactory>* new_mem_factory);

// DB and column family options together.
Status GetOptionsFromString(const Options& base_options,
                            const std::string& opts_str, Options* new_options);
Status GetOptionsFromString(const ConfigOptions& config_options,
                            const Options& base_options,
                            const std::string& opts_str, Options* new_options);

// Splits "a=1;b={x=2;y=3}" into {a: "1", b: "x=2;y=3"}.
Status StringToMap(const std::string& opts_str,
                   std::unordered_map<std::string, std::string>* opts_map);

// Asks the DB's background jobs to stop; with `wait`, waits until they have.
void CancelAllBackgroundWork(DB* db, bool wait = false);

// Deletes the SST files lying wholly inside [*begin, *end] (or
// [*begin, *end) without include_end; nullptr: unbounded). L0 files are
// kept, so keys of the range may remain; snapshots taken earlier may lose
// data of the range.
Status DeleteFilesInRange(DB* db, ColumnFamilyHandle* column_family,
                          const Slice* begin, const Slice* end,
                          bool include_end = true);

// DeleteFilesInRange for n ranges at once (faster than one by one).
Status DeleteFilesInRanges(DB* db, ColumnFamilyHandle* column_family,
                           const RangePtr* ranges, size_t n,
                           bool include_end = true);

// Reads the SST file at file_path and checks its block checksums.
Status VerifySstFileChecksum(const Options& options,
                             const EnvOptions& env_options,
                             const std::string& file_path);

Status VerifySstFileChecksum(const Options& options,
                             const EnvOptions& env_options,
                             const ReadOptions& read_options,
                             const std::string& file_path,
                             const SequenceNumber& largest_seqno = 0);

}  // namespace ROCKSDB_NAMESPACE
