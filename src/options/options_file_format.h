// Copyright (c) the rocksdb-cleanroom authors.
//
// The OPTIONS-NNNNNN file (format spec section 6): INI text written from
// and read into the option tables of options_parser.h.
//
//   # comment lines
//   [Version]
//     rocksdb_version=7.8.3
//     options_file_version=1.1
//   [DBOptions]
//     name=value                      (two-space indent, RocksDB's order)
//   [CFOptions "default"]             (the first family must be default)
//   [TableOptions/BlockBasedTable "default"]
//   [CFOptions "cf1"] ...
#pragma once

#include <string>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// The whole file text, byte for byte as RocksDB 7.8.3 writes it.
// cf_names[i] goes with cf_options[i]; the first should be "default".
std::string RenderOptionsFileText(
    const DBOptions& db_options, const std::vector<std::string>& cf_names,
    const std::vector<ColumnFamilyOptions>& cf_options);

// Parses file text into *db_options and *cf_descs (replacing their
// contents). Unknown names fail unless config_options.ignore_unknown_options
// and the file comes from a newer RocksDB than 7.8.3. Errors use RocksDB's
// texts, with "(at line N)" for syntax errors.
Status ParseOptionsFileText(const ConfigOptions& config_options,
                            const std::string& text, DBOptions* db_options,
                            std::vector<ColumnFamilyDescriptor>* cf_descs);

}  // namespace ROCKSDB_NAMESPACE
