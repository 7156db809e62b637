// Copyright (c) the rocksdb-cleanroom authors.
//
// The OPTIONS-NNNNNN file a DB writes at open (format spec section 6): INI
// text with a [Version] section, one [DBOptions] section and, per column
// family, a [CFOptions "<name>"] section followed by its
// [TableOptions/<factory> "<name>"] section. Only option names RocksDB
// 7.8.3 knows are written, so that its tools (ldb, LoadLatestOptions) can
// parse the file. DB::Open never reads it back.
#pragma once

#include <string>
#include <vector>

#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// The whole file text. cf_names[i] goes with cf_options[i]; the first must
// be "default".
std::string RenderOptionsFile(
    const DBOptions& db_options, const std::vector<std::string>& cf_names,
    const std::vector<ColumnFamilyOptions>& cf_options);

// Writes `contents` to temp_path, syncs it and renames it to final_path.
// On failure the temp file is removed and final_path is left untouched.
Status WriteOptionsFileAtomically(Env* env, const std::string& contents,
                                  const std::string& temp_path,
                                  const std::string& final_path,
                                  bool use_fsync);

}  // namespace ROCKSDB_NAMESPACE
