// Copyright (c) the rocksdb-cleanroom authors.
//
// Definitions for convenience.h. ConfigOptions and the compression-type
// helpers are real; the option string parsers and printers, and the DB
// helpers, are placeholders until the options and DB issues land.

#include "rocksdb/convenience.h"

#include "util/not_implemented.h"

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

// Option maps

Status GetColumnFamilyOptionsFromMap(
    const ConfigOptions& /*config_options*/,
    const ColumnFamilyOptions& base_options,
    const std::unordered_map<std::string, std::string>& /*opts_map*/,
    ColumnFamilyOptions* new_options) {
  *new_options = base_options;
  return NotImplemented("GetColumnFamilyOptionsFromMap");
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
    const ConfigOptions& /*cfg_options*/, const DBOptions& base_options,
    const std::unordered_map<std::string, std::string>& /*opts_map*/,
    DBOptions* new_options) {
  *new_options = base_options;
  return NotImplemented("GetDBOptionsFromMap");
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
    const ConfigOptions& /*config_options*/,
    const BlockBasedTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& /*opts_map*/,
    BlockBasedTableOptions* new_table_options) {
  *new_table_options = table_options;
  return NotImplemented("GetBlockBasedTableOptionsFromMap");
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
    const ConfigOptions& /*config_options*/,
    const PlainTableOptions& table_options,
    const std::unordered_map<std::string, std::string>& /*opts_map*/,
    PlainTableOptions* new_table_options) {
  *new_table_options = table_options;
  return NotImplemented("GetPlainTableOptionsFromMap");
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

// Option strings

Status GetColumnFamilyOptionsFromString(const ConfigOptions& /*config_options*/,
                                        const ColumnFamilyOptions& base_options,
                                        const std::string& /*opts_str*/,
                                        ColumnFamilyOptions* new_options) {
  *new_options = base_options;
  return NotImplemented("GetColumnFamilyOptionsFromString");
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

Status GetDBOptionsFromString(const ConfigOptions& /*config_options*/,
                              const DBOptions& base_options,
                              const std::string& /*opts_str*/,
                              DBOptions* new_options) {
  *new_options = base_options;
  return NotImplemented("GetDBOptionsFromString");
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

Status GetStringFromDBOptions(const ConfigOptions& /*config_options*/,
                              const DBOptions& /*db_options*/,
                              std::string* /*opts_str*/) {
  return NotImplemented("GetStringFromDBOptions");
}

Status GetStringFromDBOptions(std::string* opts_str,
                              const DBOptions& db_options,
                              const std::string& delimiter) {
  ConfigOptions config_options(db_options);
  config_options.delimiter = delimiter;
  return GetStringFromDBOptions(config_options, db_options, opts_str);
}

Status GetStringFromColumnFamilyOptions(
    const ConfigOptions& /*config_options*/,
    const ColumnFamilyOptions& /*cf_options*/, std::string* /*opts_str*/) {
  return NotImplemented("GetStringFromColumnFamilyOptions");
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
    const ConfigOptions& /*config_options*/,
    const BlockBasedTableOptions& table_options,
    const std::string& /*opts_str*/,
    BlockBasedTableOptions* new_table_options) {
  *new_table_options = table_options;
  return NotImplemented("GetBlockBasedTableOptionsFromString");
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

Status GetPlainTableOptionsFromString(const ConfigOptions& /*config_options*/,
                                      const PlainTableOptions& table_options,
                                      const std::string& /*opts_str*/,
                                      PlainTableOptions* new_table_options) {
  *new_table_options = table_options;
  return NotImplemented("GetPlainTableOptionsFromString");
}

Status GetMemTableRepFactoryFromString(
    const std::string& /*opts_str*/,
    std::unique_ptr<MemTableRepFactory>* /*new_mem_factory*/) {
  return NotImplemented("GetMemTableRepFactoryFromString");
}

Status GetOptionsFromString(const Options& base_options,
                            const std::string& opts_str, Options* new_options) {
  ConfigOptions config_options(base_options);
  config_options.input_strings_escaped = false;
  config_options.ignore_unknown_options = false;
  return GetOptionsFromString(config_options, base_options, opts_str,
                              new_options);
}

Status GetOptionsFromString(const ConfigOptions& /*config_options*/,
                            const Options& base_options,
                            const std::string& /*opts_str*/,
                            Options* new_options) {
  *new_options = base_options;
  return NotImplemented("GetOptionsFromString");
}

Status StringToMap(const std::string& /*opts_str*/,
                   std::unordered_map<std::string, std::string>* /*opts_map*/) {
  return NotImplemented("StringToMap");
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
