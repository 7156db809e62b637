// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileWriter builds an SST file outside any DB, for later ingestion with
// DB::IngestExternalFile. Every key in it gets sequence number 0.
// Call order: Open (Put | Merge | Delete | DeleteRange)* Finish.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/options.h"
#include "rocksdb/table_properties.h"
#include "rocksdb/types.h"

#ifndef ROCKSDB_DEPRECATED_FUNC
#if defined(__GNUC__) || defined(__clang__)
#define ROCKSDB_DEPRECATED_FUNC __attribute__((__deprecated__))
#elif _WIN32
#define ROCKSDB_DEPRECATED_FUNC __declspec(deprecated)
#endif
#endif

namespace ROCKSDB_NAMESPACE {

class Comparator;

// What SstFileWriter::Finish reports about the file it wrote.
struct ExternalSstFileInfo {
  ExternalSstFileInfo()
      : file_path(""),
        smallest_key(""),
        largest_key(""),
        smallest_range_del_key(""),
        largest_range_del_key(""),
        file_checksum(""),
        file_checksum_func_name(""),
        sequence_number(0),
        file_size(0),
        num_entries(0),
        num_range_del_entries(0),
        version(0) {}

  ExternalSstFileInfo(const std::string& _file_path,
                      const std::string& _smallest_key,
                      const std::string& _largest_key,
                      SequenceNumber _sequence_number, uint64_t _file_size,
                      int32_t _num_entries, int32_t _version)
      : file_path(_file_path),
        smallest_key(_smallest_key),
        largest_key(_largest_key),
        smallest_range_del_key(""),
        largest_range_del_key(""),
        file_checksum(""),
        file_checksum_func_name(""),
        sequence_number(_sequence_number),
        file_size(_file_size),
        num_entries(_num_entries),
        num_range_del_entries(0),
        version(_version) {}

  std::string file_path;
  // Smallest / largest user keys of point entries.
  std::string smallest_key;
  std::string largest_key;
  // Smallest / largest user keys of range deletions.
  std::string smallest_range_del_key;
  std::string largest_range_del_key;
  std::string file_checksum;
  std::string file_checksum_func_name;
  // Sequence number of every key in the file.
  SequenceNumber sequence_number;
  uint64_t file_size;
  uint64_t num_entries;
  uint64_t num_range_del_entries;
  // External file format version.
  int32_t version;
};

class SstFileWriter {
 public:
  // `column_family` names the family the file is meant for (nullptr:
  // unknown). invalidate_page_cache drops written pages from the OS cache
  // every 1MB. An io_priority below IO_TOTAL makes writes go through the
  // rate limiter. skip_filters is deprecated (use the table's
  // filter_policy).
  SstFileWriter(const EnvOptions& env_options, const Options& options,
                ColumnFamilyHandle* column_family = nullptr,
                bool invalidate_page_cache = true,
                Env::IOPriority io_priority = Env::IOPriority::IO_TOTAL,
                bool skip_filters = false)
      : SstFileWriter(env_options, options, options.comparator, column_family,
                      invalidate_page_cache, io_priority, skip_filters) {}

  // Deprecated: the comparator comes from `options`.
  SstFileWriter(const EnvOptions& env_options, const Options& options,
                const Comparator* user_comparator,
                ColumnFamilyHandle* column_family = nullptr,
                bool invalidate_page_cache = true,
                Env::IOPriority io_priority = Env::IOPriority::IO_TOTAL,
                bool skip_filters = false);

  ~SstFileWriter();

  // Creates the file at file_path.
  Status Open(const std::string& file_path);

  // Deprecated name of Put.
  ROCKSDB_DEPRECATED_FUNC Status Add(const Slice& user_key, const Slice& value);

  // Point entries. Keys must come in strictly increasing comparator order.
  // The forms without a timestamp REQUIRE a comparator without timestamps;
  // those with one REQUIRE a timestamp of the comparator's size.
  Status Put(const Slice& user_key, const Slice& value);
  Status Put(const Slice& user_key, const Slice& timestamp, const Slice& value);
  Status Merge(const Slice& user_key, const Slice& value);
  Status Delete(const Slice& user_key);
  Status Delete(const Slice& user_key, const Slice& timestamp);

  // Range deletion of [begin_key, end_key) (keys without timestamp), in any
  // order relative to point entries.
  Status DeleteRange(const Slice& begin_key, const Slice& end_key);
  Status DeleteRange(const Slice& begin_key, const Slice& end_key,
                     const Slice& timestamp);

  // Completes and closes the file; fills *file_info if given.
  Status Finish(ExternalSstFileInfo* file_info = nullptr);

  // Bytes written so far.
  uint64_t FileSize();

 private:
  void InvalidatePageCache(bool closing);
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace ROCKSDB_NAMESPACE
