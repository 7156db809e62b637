// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in crc32c file checksum generator and its factory, the
// in-memory FileChecksumList, and FileChecksumGenFactory::CreateFromString.
//
// Checksum format (as RocksDB 7.8.3 writes it to the MANIFEST): the plain
// (unmasked) CRC32C of the whole file as 4 bytes, most significant first.
#include "rocksdb/file_checksum.h"

#include <map>
#include <unordered_map>
#include <utility>

#include "rocksdb/convenience.h"
#include "util/crc32c.h"
#include "util/customizable_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class FileChecksumGenCrc32c : public FileChecksumGenerator {
 public:
  void Update(const char* data, size_t n) override {
    crc_ = crc32c::Extend(crc_, data, n);
  }

  void Finalize() override {
    checksum_.clear();
    for (int shift = 24; shift >= 0; shift -= 8) {
      checksum_.push_back(static_cast<char>((crc_ >> shift) & 0xff));
    }
  }

  std::string GetChecksum() const override { return checksum_; }

  const char* Name() const override { return kStandardDbFileChecksumFuncName; }

 private:
  uint32_t crc_ = 0;
  std::string checksum_;
};

class FileChecksumGenCrc32cFactory : public FileChecksumGenFactory {
 public:
  static const char* kClassName() { return "FileChecksumGenCrc32cFactory"; }
  const char* Name() const override { return kClassName(); }

  // Serves requests for crc32c or for no particular function.
  std::unique_ptr<FileChecksumGenerator> CreateFileChecksumGenerator(
      const FileChecksumGenContext& context) override {
    if (!context.requested_checksum_func_name.empty() &&
        context.requested_checksum_func_name !=
            kStandardDbFileChecksumFuncName) {
      return nullptr;
    }
    return std::unique_ptr<FileChecksumGenerator>(new FileChecksumGenCrc32c());
  }
};

// Kept sorted by file number.
class FileChecksumListImpl : public FileChecksumList {
 public:
  void reset() override { checksums_.clear(); }

  size_t size() const override { return checksums_.size(); }

  // Appends to the vectors (RocksDB 7.8.3 does not clear them first).
  Status GetAllFileChecksums(
      std::vector<uint64_t>* file_numbers, std::vector<std::string>* checksums,
      std::vector<std::string>* checksum_func_names) override {
    if (file_numbers == nullptr || checksums == nullptr ||
        checksum_func_names == nullptr) {
      return Status::InvalidArgument("Pointer has not been initiated");
    }
    for (const auto& entry : checksums_) {
      file_numbers->push_back(entry.first);
      checksums->push_back(entry.second.first);
      checksum_func_names->push_back(entry.second.second);
    }
    return Status::OK();
  }

  Status SearchOneFileChecksum(uint64_t file_number, std::string* checksum,
                               std::string* checksum_func_name) override {
    if (checksum == nullptr || checksum_func_name == nullptr) {
      return Status::InvalidArgument("Pointer has not been initiated");
    }
    auto it = checksums_.find(file_number);
    if (it == checksums_.end()) {
      return Status::NotFound();
    }
    *checksum = it->second.first;
    *checksum_func_name = it->second.second;
    return Status::OK();
  }

  Status InsertOneFileChecksum(uint64_t file_number,
                               const std::string& checksum,
                               const std::string& checksum_func_name) override {
    checksums_[file_number] = std::make_pair(checksum, checksum_func_name);
    return Status::OK();
  }

  Status RemoveOneFileChecksum(uint64_t file_number) override {
    if (checksums_.erase(file_number) == 0) {
      return Status::NotFound();
    }
    return Status::OK();
  }

 private:
  // file number -> (checksum, function name)
  std::map<uint64_t, std::pair<std::string, std::string>> checksums_;
};

}  // namespace

FileChecksumList* NewFileChecksumList() { return new FileChecksumListImpl(); }

std::shared_ptr<FileChecksumGenFactory> GetFileChecksumGenCrc32cFactory() {
  // One shared, stateless instance (RocksDB returns the same object too).
  static const std::shared_ptr<FileChecksumGenFactory> kFactory =
      std::make_shared<FileChecksumGenCrc32cFactory>();
  return kFactory;
}

// Only the crc32c factory is known by name. "" and "nullptr" give OK and
// null; an unknown id gives OK and null when unsupported options are ignored
// (the default), NotSupported otherwise.
Status FileChecksumGenFactory::CreateFromString(
    const ConfigOptions& options, const std::string& value,
    std::shared_ptr<FileChecksumGenFactory>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s;
  if (!ParseCustomizableValue(options, value, result->get(), result, &id, &opts,
                              &s)) {
    return s;
  }
  if (id == FileChecksumGenCrc32cFactory::kClassName()) {
    *result = GetFileChecksumGenCrc32cFactory();
    return Customizable::ConfigureNewObject(options, result->get(), opts);
  }
  result->reset();
  return UnsupportedCustomizable(options, "FileChecksumGenFactory", id);
}

}  // namespace ROCKSDB_NAMESPACE
