// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileWriter. Placeholder until the table builder lands: the writer
// remembers its settings, but Open and every write return NotImplemented,
// so no file is ever created.

#include "rocksdb/sst_file_writer.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

struct SstFileWriter::Rep {
  Rep(const EnvOptions& _env_options, const Options& _options,
      const Comparator* _user_comparator, ColumnFamilyHandle* _column_family,
      bool _invalidate_page_cache, Env::IOPriority _io_priority,
      bool _skip_filters)
      : env_options(_env_options),
        options(_options),
        user_comparator(_user_comparator),
        column_family(_column_family),
        invalidate_page_cache(_invalidate_page_cache),
        io_priority(_io_priority),
        skip_filters(_skip_filters) {}

  const EnvOptions env_options;
  const Options options;
  const Comparator* const user_comparator;
  ColumnFamilyHandle* const column_family;
  const bool invalidate_page_cache;
  const Env::IOPriority io_priority;
  const bool skip_filters;
  // Bytes written to the current file.
  uint64_t file_size = 0;
};

SstFileWriter::SstFileWriter(const EnvOptions& env_options,
                             const Options& options,
                             const Comparator* user_comparator,
                             ColumnFamilyHandle* column_family,
                             bool invalidate_page_cache,
                             Env::IOPriority io_priority, bool skip_filters)
    : rep_(new Rep(env_options, options, user_comparator, column_family,
                   invalidate_page_cache, io_priority, skip_filters)) {}

SstFileWriter::~SstFileWriter() {}

Status SstFileWriter::Open(const std::string& /*file_path*/) {
  return NotImplemented("SstFileWriter::Open");
}

Status SstFileWriter::Add(const Slice& user_key, const Slice& value) {
  return Put(user_key, value);
}

Status SstFileWriter::Put(const Slice& /*user_key*/, const Slice& /*value*/) {
  return NotImplemented("SstFileWriter::Put");
}

Status SstFileWriter::Put(const Slice& /*user_key*/, const Slice& /*timestamp*/,
                          const Slice& /*value*/) {
  return NotImplemented("SstFileWriter::Put");
}

Status SstFileWriter::Merge(const Slice& /*user_key*/, const Slice& /*value*/) {
  return NotImplemented("SstFileWriter::Merge");
}

Status SstFileWriter::Delete(const Slice& /*user_key*/) {
  return NotImplemented("SstFileWriter::Delete");
}

Status SstFileWriter::Delete(const Slice& /*user_key*/,
                             const Slice& /*timestamp*/) {
  return NotImplemented("SstFileWriter::Delete");
}

Status SstFileWriter::DeleteRange(const Slice& /*begin_key*/,
                                  const Slice& /*end_key*/) {
  return NotImplemented("SstFileWriter::DeleteRange");
}

Status SstFileWriter::DeleteRange(const Slice& /*begin_key*/,
                                  const Slice& /*end_key*/,
                                  const Slice& /*timestamp*/) {
  return NotImplemented("SstFileWriter::DeleteRange");
}

Status SstFileWriter::Finish(ExternalSstFileInfo* /*file_info*/) {
  return NotImplemented("SstFileWriter::Finish");
}

uint64_t SstFileWriter::FileSize() { return rep_->file_size; }

void SstFileWriter::InvalidatePageCache(bool /*closing*/) {
  // Nothing is written yet, so there are no cached pages to drop.
}

}  // namespace ROCKSDB_NAMESPACE
