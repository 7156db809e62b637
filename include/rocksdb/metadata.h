// Copyright (c) the rocksdb-cleanroom authors.
//
// Plain structs describing the files of a DB: what backups and checkpoints
// need (FileStorageInfo, LiveFileStorageInfo) and the LSM-tree shape
// (SstFileMetaData, LevelMetaData, ColumnFamilyMetaData, BlobMetaData).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/options.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

// Identity and size of one immutable DB file.
struct FileStorageInfo {
  // File name inside `directory`, e.g. "000123.sst".
  std::string relative_filename;
  // Directory holding the file, no trailing '/' (a DB path, wal_dir, ...).
  std::string directory;

  // The file's number within the DB; 0 for unnumbered files (CURRENT).
  uint64_t file_number = 0;
  FileType file_type = kTempFile;

  // Size in bytes (see LiveFileStorageInfo::trim_to_size).
  uint64_t size = 0;

  // Experimental.
  Temperature temperature = Temperature::kUnknown;

  // Whole-file checksum and the name of the function that computed it.
  // Without a checksum generator they are "0" and "Unknown".
  std::string file_checksum;
  std::string file_checksum_func_name;
};

// A file of a running DB, which may still be growing or be rewritten.
struct LiveFileStorageInfo : public FileStorageInfo {
  // When non-empty, the contents to use instead of the file on disk (used for
  // CURRENT); then size == replacement_contents.size().
  std::string replacement_contents;

  // True: only the first `size` bytes of the on-disk file count (it may have
  // grown since). False: a different size on disk means corruption.
  bool trim_to_size = false;
};

// One SST file.
struct SstFileMetaData : public FileStorageInfo {
  SstFileMetaData() { file_type = kTableFile; }

  // `_file_name` may be given with or without a leading '/'; both the
  // relative name and the deprecated "/name" form are filled in.
  SstFileMetaData(const std::string& _file_name, uint64_t _file_number,
                  const std::string& _directory, uint64_t _size,
                  SequenceNumber _smallest_seqno, SequenceNumber _largest_seqno,
                  const std::string& _smallestkey,
                  const std::string& _largestkey, uint64_t _num_reads_sampled,
                  bool _being_compacted, Temperature _temperature,
                  uint64_t _oldest_blob_file_number,
                  uint64_t _oldest_ancester_time, uint64_t _file_creation_time,
                  std::string& _file_checksum,
                  std::string& _file_checksum_func_name)
      : smallest_seqno(_smallest_seqno),
        largest_seqno(_largest_seqno),
        smallestkey(_smallestkey),
        largestkey(_largestkey),
        num_reads_sampled(_num_reads_sampled),
        being_compacted(_being_compacted),
        num_entries(0),
        num_deletions(0),
        oldest_blob_file_number(_oldest_blob_file_number),
        oldest_ancester_time(_oldest_ancester_time),
        file_creation_time(_file_creation_time) {
    if (!_file_name.empty()) {
      const bool has_slash = _file_name[0] == '/';
      relative_filename = has_slash ? _file_name.substr(1) : _file_name;
      name = "/" + relative_filename;
    }
    directory = _directory;
    db_path = _directory;
    file_number = _file_number;
    file_type = kTableFile;
    size = _size;
    temperature = _temperature;
    file_checksum = _file_checksum;
    file_checksum_func_name = _file_checksum_func_name;
  }

  SequenceNumber smallest_seqno = 0;
  SequenceNumber largest_seqno = 0;
  // Smallest and largest user keys in the file.
  std::string smallestkey;
  std::string largestkey;
  // Sampled read count.
  uint64_t num_reads_sampled = 0;
  // True while a compaction has the file as input.
  bool being_compacted = false;

  uint64_t num_entries = 0;
  uint64_t num_deletions = 0;

  // Oldest blob file the SST refers to (0: none).
  uint64_t oldest_blob_file_number = 0;
  // Creation time (seconds, SystemClock) of the oldest file among this file's
  // compaction ancestors; 0 if unknown. For TTL blob files, the start of the
  // expiration range.
  uint64_t oldest_ancester_time = 0;
  // Creation time of this file (seconds, SystemClock); 0 if unknown.
  uint64_t file_creation_time = 0;

  // Deprecated: "/" + relative_filename.
  std::string name;
  // Deprecated: same as `directory`.
  std::string db_path;
};

// An SST file of the current version, with where it sits in the LSM tree.
struct LiveFileMetaData : SstFileMetaData {
  std::string column_family_name;
  int level;
  LiveFileMetaData() : column_family_name(), level(0) {}
};

// One blob file.
struct BlobMetaData {
  BlobMetaData()
      : blob_file_number(0),
        blob_file_size(0),
        total_blob_count(0),
        total_blob_bytes(0),
        garbage_blob_count(0),
        garbage_blob_bytes(0) {}

  // Note: as in RocksDB, `_file_checksum` lands in checksum_method and
  // `_file_checksum_func_name` in checksum_value.
  BlobMetaData(uint64_t _file_number, const std::string& _file_name,
               const std::string& _file_path, uint64_t _file_size,
               uint64_t _total_blob_count, uint64_t _total_blob_bytes,
               uint64_t _garbage_blob_count, uint64_t _garbage_blob_bytes,
               const std::string& _file_checksum,
               const std::string& _file_checksum_func_name)
      : blob_file_number(_file_number),
        blob_file_name(_file_name),
        blob_file_path(_file_path),
        blob_file_size(_file_size),
        total_blob_count(_total_blob_count),
        total_blob_bytes(_total_blob_bytes),
        garbage_blob_count(_garbage_blob_count),
        garbage_blob_bytes(_garbage_blob_bytes),
        checksum_method(_file_checksum),
        checksum_value(_file_checksum_func_name) {}
  uint64_t blob_file_number;
  std::string blob_file_name;
  std::string blob_file_path;
  uint64_t blob_file_size;
  uint64_t total_blob_count;
  uint64_t total_blob_bytes;
  uint64_t garbage_blob_count;
  uint64_t garbage_blob_bytes;
  std::string checksum_method;
  std::string checksum_value;
};

// One level of a column family.
struct LevelMetaData {
  LevelMetaData(int _level, uint64_t _size,
                const std::vector<SstFileMetaData>&& _files)
      : level(_level), size(_size), files(_files) {}

  const int level;
  // Sum of the sizes of `files`, in bytes.
  const uint64_t size;
  const std::vector<SstFileMetaData> files;
};

// One column family: its levels and blob files.
struct ColumnFamilyMetaData {
  ColumnFamilyMetaData() : size(0), file_count(0), name("") {}
  ColumnFamilyMetaData(const std::string& _name, uint64_t _size,
                       const std::vector<LevelMetaData>&& _levels)
      : size(_size), file_count(0), name(_name), levels(_levels) {}

  // Sum of the level sizes, in bytes.
  uint64_t size;
  size_t file_count;
  std::string name;
  std::vector<LevelMetaData> levels;

  uint64_t blob_file_size = 0;
  size_t blob_file_count = 0;
  std::vector<BlobMetaData> blob_files;
};

// Output of Checkpoint::ExportColumnFamily and input of
// DB::CreateColumnFamilyWithImport.
struct ExportImportFilesMetaData {
  // Checked against the importing column family's comparator.
  std::string db_comparator_name;
  std::vector<LiveFileMetaData> files;
};

}  // namespace ROCKSDB_NAMESPACE
