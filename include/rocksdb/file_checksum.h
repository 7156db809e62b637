// Copyright (c) the rocksdb-cleanroom authors.
//
// Whole-file checksums of SST and blob files: generators computing them as a
// file is written (DBOptions::file_checksum_gen_factory), and a list that
// maps file numbers to stored checksums (DB::GetLiveFilesChecksumInfo).
#pragma once

#include <cassert>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/customizable.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Checksum recorded for files written without a generator.
constexpr char kUnknownFileChecksum[] = "";
// Function name recorded for files written without a generator.
constexpr char kUnknownFileChecksumFuncName[] = "Unknown";
// Name of the built-in crc32c generator.
constexpr char kStandardDbFileChecksumFuncName[] = "FileChecksumCrc32c";

// Passed to a factory when a file is about to be written or verified.
struct FileChecksumGenContext {
  std::string file_name;
  // Name of the function the caller needs (e.g. to verify an existing
  // checksum); empty when any is fine.
  std::string requested_checksum_func_name;
};

// Computes the checksum of one file: Update* Finalize GetChecksum.
// Not thread-safe.
class FileChecksumGenerator {
 public:
  virtual ~FileChecksumGenerator() {}

  // Feeds the next n bytes of the file.
  virtual void Update(const char* data, size_t n) = 0;

  // No more data will come; computes the final checksum.
  virtual void Finalize() = 0;

  // The checksum (binary). REQUIRES: Finalize() was called.
  virtual std::string GetChecksum() const = 0;

  // Name of the checksum function, stored with the checksum.
  virtual const char* Name() const = 0;
};

// Creates a generator per file. Must be thread-safe.
class FileChecksumGenFactory : public Customizable {
 public:
  ~FileChecksumGenFactory() override {}
  static const char* Type() { return "FileChecksumGenFactory"; }
  static Status CreateFromString(
      const ConfigOptions& options, const std::string& value,
      std::shared_ptr<FileChecksumGenFactory>* result);

  // A new generator for the file, or nullptr when the factory cannot make
  // one for context.requested_checksum_func_name.
  virtual std::unique_ptr<FileChecksumGenerator> CreateFileChecksumGenerator(
      const FileChecksumGenContext& context) = 0;

  const char* Name() const override = 0;
};

// File number -> (checksum, function name). Not thread-safe.
class FileChecksumList {
 public:
  virtual ~FileChecksumList() {}

  // Removes every entry.
  virtual void reset() = 0;

  // Number of entries.
  virtual size_t size() const = 0;

  // Fills the three vectors (cleared first) with every entry, in matching
  // order.
  virtual Status GetAllFileChecksums(
      std::vector<uint64_t>* file_numbers, std::vector<std::string>* checksums,
      std::vector<std::string>* checksum_func_names) = 0;

  // Looks up one file; NotFound when absent.
  virtual Status SearchOneFileChecksum(uint64_t file_number,
                                       std::string* checksum,
                                       std::string* checksum_func_name) = 0;

  // Adds or replaces the entry of a file.
  virtual Status InsertOneFileChecksum(
      uint64_t file_number, const std::string& checksum,
      const std::string& checksum_func_name) = 0;

  // Removes the entry of a file; NotFound when absent.
  virtual Status RemoveOneFileChecksum(uint64_t file_number) = 0;
};

// A new, empty in-memory FileChecksumList. The caller owns it.
extern FileChecksumList* NewFileChecksumList();

// The factory of the built-in crc32c generator
// (kStandardDbFileChecksumFuncName).
extern std::shared_ptr<FileChecksumGenFactory>
GetFileChecksumGenCrc32cFactory();

}  // namespace ROCKSDB_NAMESPACE
