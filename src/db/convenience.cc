// Copyright (c) the rocksdb-cleanroom authors.
//
// Definitions for convenience.h. ConfigOptions, the compression-type
// helpers and the option string/map parsers and printers are real (the
// tables are in options/options_parser*.cc); the DB helpers are
// placeholders until the DB issues land.

#include "rocksdb/convenience.h"

#include "options/options_parser.h"
#include "rocksdb/memtablerep.h"
#include "util/not_implemented.h"
#include "util/options_type.h"

namespace ROCKSDB_NAMESPACE {

// ConfigOptions. RocksDB gives each one a new ObjectRegistry; we have no
// object registry yet, so `registry` stays empty.

ConfigOptions::ConfigOptions() {}

ConfigOptions::ConfigOptions(const DBOptions& db_opts) : env(db_opts.env) {}

// Compression types

namespace {

struct CompressionName {
  CompressionType type;
  const char* name;
};

// Every CompressionType and the name option strings use for it.
constexpr CompressionName kCompressionNames[] = {
    {kNoCompression, "kNoCompression"},
    {kSnappyCompression, "kSnappyCompression"},
    {kZlibCompression, "kZlibCompression"},
    {kBZip2Compression, "kBZip2Compression"},
    {kLZ4Compression, "kLZ4Compression"},
    {kLZ4HCCompression, "kLZ4HCCompression"},
    {kXpressCompression, "kXpressCompression"},
    {kZSTD, "kZSTD"},
    {kZSTDNotFinalCompression, "kZSTDNotFinalCompression"},
    {kDisableCompressionOption, "kDisableCompressionOption"},
};

}  // namespace

Status GetStringFromCompressionType(std::string* compression_str,
                                    CompressionType compression_type) {
  for (const CompressionName& entry : kCompressionNames) {
    if (entry.type == compression_type) {
      *compression_str = entry.name;
      return Status::OK();
    }
  }
  return Status::InvalidArgument("Invalid compression types");
}

std::vector<CompressionType> GetSupportedCompressions() {
  // The build links snappy, zlib, bzip2, lz4 and zstd (see
  // cmake/RocksDBDependencies.cmake); Xpress exists only on Windows.
  return {kNoCompression,
          kSnappyCompression,
          kZlibCompression,
          kBZip2Compression,
          kLZ4Compression,
          kLZ4HCCompression,
          kZSTD,
          kZSTDNotFinalCompression};
}

// Option maps. Each works on a copy of the base and hands back the base
// itself when a name or value is rejected.

namespace {

template <typename T>
Status ConfigureTableOptionsFromMap(
    const ConfigOptions& config_options, const OptionStruct& table,
    const T& base, const std::unordered_map<std::string, std::string>& opts,
    T* result) {
  *result = base;
  Status s =
      ConfigureOptionStruct(config_options, table, opts, result, nullptr);
  if (!s.ok()) *result = base;
  return s;
}

}  // namespace

Status GetColumnFamilyOptionsFromMap(
    const ConfigOptions& config_options,
    const ColumnFamilyOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    ColumnFamilyOptions* new_options) {
  *new_options = base_options;
  Status s = ConfigureCFOptions(config_options, opts_map, new_options);
  if (!s.ok()) *new_options = base_options;
  return s;
}

Status GetColumnFamilyOptionsFromMap(
    const ColumnFamilyOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    ColumnFamilyOptions* new_options, bool input_strings_escaped,
    bool ignore_unknown_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = input_strings_escaped;
  config_options.ignore_unknown_options = ignore_unknown_options;
  return GetColumnFamilyOptionsFromMap(config_options, base_options, opts_map,
                                       new_options);
}

Status GetDBOptionsFromMap(
    const ConfigOptions& cfg_options, const DBOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    DBOptions* new_options) {
  *new_options = base_options;
  Status s = ConfigureDBOptions(cfg_options, opts_map, new_options);
  if (!s.ok()) *new_options = base_options;
  return s;
}

Status GetDBOptionsFromMap(
    const DBOptions& base_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    DBOptions* new_options, bool input_strings_escaped,
    bool ignore_unknown_options) {
  ConfigOptions config_options(base_options);
  config_options.input_strings_escaped = input_strings_escaped;
  config_options.ignore_unknown_options = ignore_unknown_options;
  return GetDBOptionsFromMap(config_options, base_options, opts_map,
                             new_options);
}

Status GetBlockBasedTableOptionsFromMap(
    const ConfigOptions& config_options,
    const BlockBasedTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    BlockBasedTableOptions* new_table_options) {
  return ConfigureTableOptionsFromMap(
      config_options, BlockBasedTableOptionStruct(), table_options, opts_map,
      new_table_options);
}

Status GetBlockBasedTableOptionsFromMap(
    const BlockBasedTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    BlockBasedTableOptions* new_table_options, bool input_strings_escaped,
    bool ignore_unknown_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = input_strings_escaped;
  config_options.ignore_unknown_options = ignore_unknown_options;
  return GetBlockBasedTableOptionsFromMap(config_options, table_options,
                                          opts_map, new_table_options);
}

Status GetPlainTableOptionsFromMap(
    const ConfigOptions& config_options, const PlainTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    PlainTableOptions* new_table_options) {
  return ConfigureTableOptionsFromMap(config_options, PlainTableOptionStruct(),
                                      table_options, opts_map,
                                      new_table_options);
}

Status GetPlainTableOptionsFromMap(
    const PlainTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    PlainTableOptions* new_table_options, bool input_strings_escaped,
    bool ignore_unknown_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = input_strings_escaped;
  config_options.ignore_unknown_options = ignore_unknown_options;
  return GetPlainTableOptionsFromMap(config_options, table_options, opts_map,
                                     new_table_options);
}

// Option strings: StringToMap, then the map form.

Status GetColumnFamilyOptionsFromString(const ConfigOptions& config_options,
                                        const ColumnFamilyOptions& base_options,
                                        const std::string& opts_str,
                                        ColumnFamilyOptions* new_options) {
  std::unordered_map<std::string, std::string> opts_map;
  Status s = StringToMap(opts_str, &opts_map);
  if (!s.ok()) {
    *new_options = base_options;
    return s;
  }
  return GetColumnFamilyOptionsFromMap(config_options, base_options, opts_map,
                                       new_options);
}

Status GetColumnFamilyOptionsFromString(const ColumnFamilyOptions& base_options,
                                        const std::string& opts_str,
                                        ColumnFamilyOptions* new_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetColumnFamilyOptionsFromString(config_options, base_options,
                                          opts_str, new_options);
}

Status GetDBOptionsFromString(const ConfigOptions& config_options,
                              const DBOptions& base_options,
                              const std::string& opts_str,
                              DBOptions* new_options) {
  std::unordered_map<std::string, std::string> opts_map;
  Status s = StringToMap(opts_str, &opts_map);
  if (!s.ok()) {
    *new_options = base_options;
    return s;
  }
  return GetDBOptionsFromMap(config_options, base_options, opts_map,
                             new_options);
}

Status GetDBOptionsFromString(const DBOptions& base_options,
                              const std::string& opts_str,
                              DBOptions* new_options) {
  ConfigOptions config_options(base_options);
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetDBOptionsFromString(config_options, base_options, opts_str,
                                new_options);
}

Status GetStringFromDBOptions(const ConfigOptions& config_options,
                              const DBOptions& db_options,
                              std::string* opts_str) {
  opts_str->clear();
  return PrintDBOptions(config_options, db_options, opts_str);
}

Status GetStringFromDBOptions(std::string* opts_str,
                              const DBOptions& db_options,
                              const std::string& delimiter) {
  ConfigOptions config_options(db_options);
  config_options.delimiter = delimiter;
  return GetStringFromDBOptions(config_options, db_options, opts_str);
}

Status GetStringFromColumnFamilyOptions(const ConfigOptions& config_options,
                                        const ColumnFamilyOptions& cf_options,
                                        std::string* opts_str) {
  opts_str->clear();
  return PrintCFOptions(config_options, cf_options, opts_str);
}

Status GetStringFromColumnFamilyOptions(std::string* opts_str,
                                        const ColumnFamilyOptions& cf_options,
                                        const std::string& delimiter) {
  ConfigOptions config_options;
  config_options.delimiter = delimiter;
  return GetStringFromColumnFamilyOptions(config_options, cf_options, opts_str);
}

Status GetBlockBasedTableOptionsFromString(
    const BlockBasedTableOptions& table_options, const std::string& opts_str,
    BlockBasedTableOptions* new_table_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetBlockBasedTableOptionsFromString(config_options, table_options,
                                             opts_str, new_table_options);
}

Status GetBlockBasedTableOptionsFromString(
    const ConfigOptions& config_options,
    const BlockBasedTableOptions& table_options, const std::string& opts_str,
    BlockBasedTableOptions* new_table_options) {
  std::unordered_map<std::string, std::string> opts_map;
  Status s = StringToMap(opts_str, &opts_map);
  if (!s.ok()) {
    *new_table_options = table_options;
    return s;
  }
  return GetBlockBasedTableOptionsFromMap(config_options, table_options,
                                          opts_map, new_table_options);
}

Status GetPlainTableOptionsFromString(const PlainTableOptions& table_options,
                                      const std::string& opts_str,
                                      PlainTableOptions* new_table_options) {
  ConfigOptions config_options;
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetPlainTableOptionsFromString(config_options, table_options, opts_str,
                                        new_table_options);
}

Status GetPlainTableOptionsFromString(const ConfigOptions& config_options,
                                      const PlainTableOptions& table_options,
                                      const std::string& opts_str,
                                      PlainTableOptions* new_table_options) {
  std::unordered_map<std::string, std::string> opts_map;
  Status s = StringToMap(opts_str, &opts_map);
  if (!s.ok()) {
    *new_table_options = table_options;
    return s;
  }
  return GetPlainTableOptionsFromMap(config_options, table_options, opts_map,
                                     new_table_options);
}

// Ids this build cannot create are an error here (NotSupported), unlike in
// option strings where they are skipped.
Status GetMemTableRepFactoryFromString(
    const std::string& opts_str,
    std::unique_ptr<MemTableRepFactory>* new_mem_factory) {
  ConfigOptions config_options;
  config_options.ignore_unsupported_options = false;
  config_options.ignore_unknown_options = false;
  return MemTableRepFactory::CreateFromString(config_options, opts_str,
                                              new_mem_factory);
}

Status GetOptionsFromString(const Options& base_options,
                            const std::string& opts_str, Options* new_options) {
  ConfigOptions config_options(base_options);
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetOptionsFromString(config_options, base_options, opts_str,
                              new_options);
}

// DB names first; what DBOptions does not know must be a column family
// option.
Status GetOptionsFromString(const ConfigOptions& config_options,
                            const Options& base_options,
                            const std::string& opts_str, Options* new_options) {
  *new_options = base_options;
  std::unordered_map<std::string, std::string> opts_map;
  Status s = StringToMap(opts_str, &opts_map);
  std::unordered_map<std::string, std::string> cf_map;
  if (s.ok()) {
    s = ConfigureDBOptions(config_options, opts_map, new_options, &cf_map);
  }
  if (s.ok()) {
    s = ConfigureCFOptions(config_options, cf_map, new_options);
  }
  if (!s.ok()) *new_options = base_options;
  return s;
}

Status StringToMap(const std::string& opts_str,
                   std::unordered_map<std::string, std::string>* opts_map) {
  return OptionStringToMap(opts_str, opts_map);
}

// DB helpers

void CancelAllBackgroundWork(DB* /*db*/, bool /*wait*/) {
  // Placeholder: no DB runs background work yet, so there is nothing to stop.
}

Status DeleteFilesInRange(DB* /*db*/, ColumnFamilyHandle* /*column_family*/,
                          const Slice* /*begin*/, const Slice* /*end*/,
                          bool /*include_end*/) {
  return NotImplemented("DeleteFilesInRange");
}

Status DeleteFilesInRanges(DB* /*db*/, ColumnFamilyHandle* /*column_family*/,
                           const RangePtr* /*ranges*/, size_t /*n*/,
                           bool /*include_end*/) {
  return NotImplemented("DeleteFilesInRanges");
}

Status VerifySstFileChecksum(const Options& options,
                             const EnvOptions& env_options,
                             const std::string& file_path) {
  return VerifySstFileChecksum(options, env_options, ReadOptions(), file_path);
}

Status VerifySstFileChecksum(const Options& /*options*/,
                             const EnvOptions& /*env_options*/,
                             const ReadOptions& /*read_options*/,
                             const std::string& /*file_path*/,
                             const SequenceNumber& /*largest_seqno*/) {
  return NotImplemented("VerifySstFileChecksum");
}

}  // namespace ROCKSDB_NAMESPACE
