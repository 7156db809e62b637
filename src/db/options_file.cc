// Copyright (c) the rocksdb-cleanroom authors.
//
// OPTIONS file writer: the text comes from the option tables
// (options/options_file_format.h), so every option RocksDB 7.8.3 knows is
// written in its order and spelling; this file adds the atomic
// write-then-rename.

#include "db/options_file.h"

#include <memory>

#include "options/options_file_format.h"

namespace ROCKSDB_NAMESPACE {

std::string RenderOptionsFile(
    const DBOptions& db_options, const std::vector<std::string>& cf_names,
    const std::vector<ColumnFamilyOptions>& cf_options) {
  return RenderOptionsFileText(db_options, cf_names, cf_options);
}

Status WriteOptionsFileAtomically(Env* env, const std::string& contents,
                                  const std::string& temp_path,
                                  const std::string& final_path,
                                  bool use_fsync) {
  std::unique_ptr<WritableFile> file;
  Status s = env->NewWritableFile(temp_path, &file, EnvOptions());
  if (s.ok()) {
    s = file->Append(contents);
  }
  if (s.ok()) {
    s = use_fsync ? file->Fsync() : file->Sync();
  }
  if (s.ok()) {
    s = file->Close();
  }
  file.reset();
  if (s.ok()) {
    s = env->RenameFile(temp_path, final_path);
  }
  if (!s.ok()) {
    // Best effort: the temp file is garbage either way.
    env->DeleteFile(temp_path).PermitUncheckedError();
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
