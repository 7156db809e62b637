// Copyright (c) the rocksdb-cleanroom authors.
//
// Reading the OPTIONS-* files a DB writes: load them back into DBOptions and
// column family descriptors, find the latest one, or check that given
// options are compatible with it.
#pragma once

#include <string>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

struct ConfigOptions;

// Loads the newest options file of the DB at dbpath. Pointer-typed options
// (env, comparator, merge_operator, prefix_extractor, memtable_factory,
// compaction filters, ...) get default values unless registered in the
// object registry; the table factory and BlockBasedTableOptions are restored
// except their pointer fields. With `cache`, block-based tables share it as
// block_cache. ignore_unknown_options skips options from newer versions.
// Returns NotFound when dbpath has no options file; other errors concern the
// file itself. The ConfigOptions forms are preferred.
Status LoadLatestOptions(const std::string& dbpath, Env* env,
                         DBOptions* db_options,
                         std::vector<ColumnFamilyDescriptor>* cf_descs,
                         bool ignore_unknown_options = false,
                         std::shared_ptr<Cache>* cache = {});
Status LoadLatestOptions(const ConfigOptions& config_options,
                         const std::string& dbpath, DBOptions* db_options,
                         std::vector<ColumnFamilyDescriptor>* cf_descs,
                         std::shared_ptr<Cache>* cache = {});

// As LoadLatestOptions, from a given options file.
Status LoadOptionsFromFile(const std::string& options_file_name, Env* env,
                           DBOptions* db_options,
                           std::vector<ColumnFamilyDescriptor>* cf_descs,
                           bool ignore_unknown_options = false,
                           std::shared_ptr<Cache>* cache = {});
Status LoadOptionsFromFile(const ConfigOptions& config_options,
                           const std::string& options_file_name,
                           DBOptions* db_options,
                           std::vector<ColumnFamilyDescriptor>* cf_descs,
                           std::shared_ptr<Cache>* cache = {});

// Name of the newest options file in dbpath.
Status GetLatestOptionsFileName(const std::string& dbpath, Env* env,
                                std::string* options_file_name);

// OK if the given options could open the DB at dbpath safely compared with
// its latest options file; changing the comparator, prefix_extractor,
// table_factory or merge_operator fails the check.
Status CheckOptionsCompatibility(
    const std::string& dbpath, Env* env, const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& cf_descs,
    bool ignore_unknown_options = false);
Status CheckOptionsCompatibility(
    const ConfigOptions& config_options, const std::string& dbpath,
    const DBOptions& db_options,
    const std::vector<ColumnFamilyDescriptor>& cf_descs);

}  // namespace ROCKSDB_NAMESPACE
