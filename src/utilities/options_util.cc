// Copyright (c) the rocksdb-cleanroom authors.
//
// options_util.h. Finding the latest OPTIONS file is real; parsing one is a
// placeholder until the options-file reader lands, so the loaders answer
// NotFound when there is no options file (as RocksDB does) and
// NotImplemented otherwise.

#include "rocksdb/utilities/options_util.h"

#include <cstdint>
#include <string>
#include <vector>

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

const char kOptionsFilePrefix[] = "OPTIONS-";

// True if `name` is "OPTIONS-<decimal digits>"; sets *number.
bool ParseOptionsFileName(const std::string& name, uint64_t* number) {
  const size_t prefix_len = sizeof(kOptionsFilePrefix) - 1;
  if (name.size() <= prefix_len ||
      name.compare(0, prefix_len, kOptionsFilePrefix) != 0) {
    return false;
  }
  uint64_t value = 0;
  for (size_t i = prefix_len; i < name.size(); ++i) {
    const char c = name[i];
    if (c < '0' || c > '9') {
      return false;
    }
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) {
      return false;  // overflow: not a file name RocksDB writes
    }
    value = value * 10 + digit;
  }
  *number = value;
  return true;
}

}  // namespace

Status GetLatestOptionsFileName(const std::string& dbpath, Env* env,
                                std::string* options_file_name) {
  std::vector<std::string> children;
  // A missing or unreadable directory has no options file either: RocksDB
  // reports both the same way.
  env->GetChildren(dbpath, &children).PermitUncheckedError();
  bool found = false;
  uint64_t latest = 0;
  for (const std::string& child : children) {
    uint64_t number = 0;
    if (ParseOptionsFileName(child, &number) && (!found || number > latest)) {
      found = true;
      latest = number;
      *options_file_name = child;
    }
  }
  if (!found) {
    return Status::NotFound(Status::kPathNotFound,
                            "No options files found in the DB directory.",
                            dbpath);
  }
  return Status::OK();
}

Status LoadLatestOptions(const std::string& dbpath, Env* env,
                         DBOptions* db_options,
                         std::vector<ColumnFamilyDescriptor>* cf_descs,
                         bool ignore_unknown_options,
                         std::shared_ptr<Cache>* cache) {
  ConfigOptions config_options;
  config_options.ignore_unknown_options = ignore_unknown_options;
  config_options.input_strings_escaped = true;
  config_options.env = env;
  return LoadLatestOptions(config_options, dbpath, db_options, cf_descs, cache);
}

Status LoadLatestOptions(const ConfigOptions& config_options,
                         const std::string& dbpath, DBOptions* db_options,
                         std::vector<ColumnFamilyDescriptor>* cf_descs,
                         std::shared_ptr<Cache>* cache) {
  std::string options_file_name;
  Status s =
      GetLatestOptionsFileName(dbpath, config_options.env, &options_file_name);
  if (!s.ok()) {
    return s;
  }
  return LoadOptionsFromFile(config_options, dbpath + "/" + options_file_name,
                             db_options, cf_descs, cache);
}

Status LoadOptionsFromFile(const std::string& options_file_name, Env* env,
                           DBOptions* db_options,
                           std::vector<ColumnFamilyDescriptor>* cf_descs,
                           bool ignore_unknown_options,
                           std::shared_ptr<Cache>* cache) {
  ConfigOptions config_options;
  config_options.ignore_unknown_options = ignore_unknown_options;
  config_options.input_strings_escaped = true;
  config_options.env = env;
  return LoadOptionsFromFile(config_options, options_file_name, db_options,
                             cf_descs, cache);
}

Status LoadOptionsFromFile(const ConfigOptions& /*config_options*/,
                           const std::string& /*options_file_name*/,
                           DBOptions* /*db_options*/,
                           std::vector<ColumnFamilyDescriptor>* /*cf_descs*/,
                           std::shared_ptr<Cache>* /*cache*/) {
  return NotImplemented("LoadOptionsFromFile");
}

Status CheckOptionsCompatibility(
    const std::string& dbpath, Env* env, const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& cf_descs,
    bool ignore_unknown_options) {
  ConfigOptions config_options(db_options);
  config_options.sanity_level = ConfigOptions::kSanityLevelLooselyCompatible;
  config_options.ignore_unknown_options = ignore_unknown_options;
  config_options.input_strings_escaped = true;
  config_options.env = env;
  return CheckOptionsCompatibility(config_options, dbpath, db_options,
                                   cf_descs);
}

Status CheckOptionsCompatibility(
    const ConfigOptions& /*config_options*/, const std::string& /*dbpath*/,
    const DBOptions& /*db_options*/,
    const std::vector<ColumnFamilyDescriptor>& /*cf_descs*/) {
  return NotImplemented("CheckOptionsCompatibility");
}

}  // namespace ROCKSDB_NAMESPACE
