// Copyright (c) the rocksdb-cleanroom authors.
//
// options_util.h: finding, loading and checking OPTIONS files. The file
// format is options/options_file_format.h; the option tables are
// options/options_parser.h.

#include "rocksdb/utilities/options_util.h"

#include <cstdint>
#include <string>
#include <vector>

#include "options/options_file_format.h"
#include "options/options_parser.h"
#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/table.h"

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

Status LoadOptionsFromFile(const ConfigOptions& config_options,
                           const std::string& options_file_name,
                           DBOptions* db_options,
                           std::vector<ColumnFamilyDescriptor>* cf_descs,
                           std::shared_ptr<Cache>* cache) {
  std::string text;
  Status s = ReadFileToString(config_options.env, options_file_name, &text);
  if (!s.ok()) return s;
  DBOptions db;
  std::vector<ColumnFamilyDescriptor> cfs;
  s = ParseOptionsFileText(config_options, text, &db, &cfs);
  if (!s.ok()) return s;
  // The block cache cannot be stored in the file; the caller may supply one
  // for every block-based table.
  if (cache != nullptr) {
    for (ColumnFamilyDescriptor& cf : cfs) {
      const TableFactory* factory = cf.options.table_factory.get();
      const BlockBasedTableOptions* bbto =
          factory == nullptr ? nullptr
                             : factory->GetOptions<BlockBasedTableOptions>();
      if (bbto != nullptr) {
        BlockBasedTableOptions with_cache = *bbto;
        with_cache.block_cache = *cache;
        cf.options.table_factory.reset(NewBlockBasedTableFactory(with_cache));
      }
    }
  }
  *db_options = db;
  *cf_descs = std::move(cfs);
  return Status::OK();
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

namespace {

Status VerificationError(const std::string& what, const std::string& specified,
                         const std::string& persisted) {
  return Status::InvalidArgument(
      "[RocksDBOptionsParser]: failed the verification on "
      "ColumnFamilyOptions::" +
      what + "--- The specified one is " + specified +
      " while the persisted one is " + persisted + ".\n");
}

// Compares an object option by id; a persisted object this build could not
// create (null) accepts anything.
Status CheckObject(const std::string& name, const Customizable* specified,
                   const Customizable* persisted) {
  if (persisted == nullptr) return Status::OK();
  if (specified == nullptr) {
    return VerificationError(name, "nullptr", persisted->GetId());
  }
  if (specified->GetId() != persisted->GetId()) {
    return VerificationError(name + ".id", specified->GetId(),
                             persisted->GetId());
  }
  return Status::OK();
}

// The options that must agree for the data to be read correctly, in
// RocksDB's checking order.
Status CheckLooseCFOptions(const ColumnFamilyOptions& specified,
                           const ColumnFamilyOptions& persisted) {
  for (const OptionField& f : CFOptionStruct().fields) {
    if ((f.flags & kOptCompareLoose) == 0) continue;
    Status s;
    if (f.name == "merge_operator") {
      s = CheckObject(f.name, specified.merge_operator.get(),
                      persisted.merge_operator.get());
    } else if (f.name == "table_factory") {
      s = CheckObject(f.name, specified.table_factory.get(),
                      persisted.table_factory.get());
    } else if (f.name == "comparator") {
      s = CheckObject(f.name, specified.comparator, persisted.comparator);
    }
    if (!s.ok()) return s;
  }
  return Status::OK();
}

// Every printed option, by its printed value.
Status CheckExactOptions(const ConfigOptions& config_options,
                         const OptionStruct& table, const char* prefix,
                         const void* specified, const void* persisted) {
  std::string a;
  std::string b;
  for (const OptionField& f : table.fields) {
    if (!f.IsPrinted() || (f.flags & kOptNoCompare) != 0) continue;
    Status sa = PrintOptionField(config_options, f, specified, &a);
    Status sb = PrintOptionField(config_options, f, persisted, &b);
    if (sa.ok() && sb.ok() && a == b) continue;
    return Status::InvalidArgument(
        std::string("[RocksDBOptionsParser]: failed the verification on ") +
        prefix + f.name + " -- -- The specified one is " + a +
        " while the persisted one is " + b + ".\n");
  }
  return Status::OK();
}

}  // namespace

Status CheckOptionsCompatibility(
    const ConfigOptions& config_options, const std::string& dbpath,
    const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& cf_descs) {
  DBOptions persisted_db;
  std::vector<ColumnFamilyDescriptor> persisted_cfs;
  Status s =
      LoadLatestOptions(config_options, dbpath, &persisted_db, &persisted_cfs);
  if (!s.ok()) return s;
  if (config_options.IsCheckDisabled()) return Status::OK();
  if (persisted_cfs.size() != cf_descs.size()) {
    return Status::InvalidArgument(
        "[RocksDBOptionParser Error] The persisted options does not have the "
        "same number of column family names as the db instance.");
  }
  for (size_t i = 0; i < cf_descs.size(); ++i) {
    if (persisted_cfs[i].name != cf_descs[i].name) {
      return Status::InvalidArgument(
          "[RocksDBOptionParser Error] The persisted options and the "
          "dbinstance does not have the same name for column family ",
          std::to_string(i));
    }
  }
  const bool exact =
      config_options.IsCheckEnabled(ConfigOptions::kSanityLevelExactMatch);
  if (exact) {
    s = CheckExactOptions(config_options, DBOptionStruct(),
                          "DBOptions::", &db_options, &persisted_db);
    if (!s.ok()) return s;
  }
  for (size_t i = 0; i < cf_descs.size(); ++i) {
    s = CheckLooseCFOptions(cf_descs[i].options, persisted_cfs[i].options);
    if (!s.ok()) return s;
    if (exact) {
      s = CheckExactOptions(config_options, CFOptionStruct(),
                            "ColumnFamilyOptions::", &cf_descs[i].options,
                            &persisted_cfs[i].options);
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
