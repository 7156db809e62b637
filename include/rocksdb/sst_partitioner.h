// Copyright (c) the rocksdb-cleanroom authors.
//
// SstPartitioner: lets an application force compaction to start a new output
// file at chosen key boundaries (e.g. whenever a key prefix changes), so
// files do not straddle partitions and can later be moved to the next level
// without rewriting.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class Slice;

enum PartitionerResult : char {
  // The keys may stay in the same output file.
  kNotRequired = 0x0,
  // Start a new output file before current_user_key.
  kRequired = 0x1
};

// The two neighbouring keys between which compaction may cut. The slices are
// borrowed from the caller for the duration of ShouldPartition().
struct PartitionerRequest {
  PartitionerRequest(const Slice& prev_user_key_,
                     const Slice& current_user_key_,
                     uint64_t current_output_file_size_)
      : prev_user_key(&prev_user_key_),
        current_user_key(&current_user_key_),
        current_output_file_size(current_output_file_size_) {}
  const Slice* prev_user_key;
  const Slice* current_user_key;
  uint64_t current_output_file_size;
};

// Decides file boundaries for one compaction. Used by one thread.
class SstPartitioner {
 public:
  virtual ~SstPartitioner() {}

  virtual const char* Name() const = 0;

  // Whether an output file boundary is needed between the two keys of
  // request.
  virtual PartitionerResult ShouldPartition(
      const PartitionerRequest& request) = 0;

  // Whether a file spanning [smallest_user_key, largest_user_key] lies in
  // one partition, so that it may be moved without rewriting.
  virtual bool CanDoTrivialMove(const Slice& smallest_user_key,
                                const Slice& largest_user_key) = 0;

  // What the partitioner is created for.
  struct Context {
    bool is_full_compaction;
    bool is_manual_compaction;
    int output_level;
    Slice smallest_user_key;
    Slice largest_user_key;
  };
};

// Creates a partitioner per compaction. Must be thread-safe.
class SstPartitionerFactory : public Customizable {
 public:
  ~SstPartitionerFactory() override {}
  static const char* Type() { return "SstPartitionerFactory"; }
  static Status CreateFromString(
      const ConfigOptions& options, const std::string& value,
      std::shared_ptr<SstPartitionerFactory>* result);

  virtual std::unique_ptr<SstPartitioner> CreatePartitioner(
      const SstPartitioner::Context& context) const = 0;

  const char* Name() const override = 0;
};

// Cuts whenever the first len bytes of the user key change (keys shorter
// than len use the whole key as their prefix).
class SstPartitionerFixedPrefix : public SstPartitioner {
 public:
  explicit SstPartitionerFixedPrefix(size_t len) : len_(len) {}

  virtual ~SstPartitionerFixedPrefix() override {}

  const char* Name() const override { return "SstPartitionerFixedPrefix"; }

  PartitionerResult ShouldPartition(const PartitionerRequest& request) override;

  bool CanDoTrivialMove(const Slice& smallest_user_key,
                        const Slice& largest_user_key) override;

 private:
  size_t len_;
};

// Creates SstPartitionerFixedPrefix(len) partitioners.
class SstPartitionerFixedPrefixFactory : public SstPartitionerFactory {
 public:
  explicit SstPartitionerFixedPrefixFactory(size_t len);

  ~SstPartitionerFixedPrefixFactory() override {}

  static const char* kClassName() { return "SstPartitionerFixedPrefixFactory"; }
  const char* Name() const override { return kClassName(); }

  std::unique_ptr<SstPartitioner> CreatePartitioner(
      const SstPartitioner::Context& /* context */) const override;

 private:
  size_t len_;
};

// A factory of fixed-prefix partitioners cutting on prefix_len bytes.
extern std::shared_ptr<SstPartitionerFactory>
NewSstPartitionerFixedPrefixFactory(size_t prefix_len);

}  // namespace ROCKSDB_NAMESPACE
