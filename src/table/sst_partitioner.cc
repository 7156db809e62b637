// Copyright (c) the rocksdb-cleanroom authors.
//
// The fixed-prefix SST partitioner and SstPartitionerFactory's
// CreateFromString.
#include "rocksdb/sst_partitioner.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "util/customizable_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The first len bytes of key (all of it when shorter).
Slice Prefix(const Slice& key, size_t len) {
  return Slice(key.data(), std::min(key.size(), len));
}

}  // namespace

PartitionerResult SstPartitionerFixedPrefix::ShouldPartition(
    const PartitionerRequest& request) {
  return Prefix(*request.prev_user_key, len_) ==
                 Prefix(*request.current_user_key, len_)
             ? kNotRequired
             : kRequired;
}

bool SstPartitionerFixedPrefix::CanDoTrivialMove(
    const Slice& smallest_user_key, const Slice& largest_user_key) {
  // A file can move as is only if it lies within one partition.
  return Prefix(smallest_user_key, len_) == Prefix(largest_user_key, len_);
}

SstPartitionerFixedPrefixFactory::SstPartitionerFixedPrefixFactory(size_t len)
    : len_(len) {}

std::unique_ptr<SstPartitioner>
SstPartitionerFixedPrefixFactory::CreatePartitioner(
    const SstPartitioner::Context& /* context */) const {
  return std::unique_ptr<SstPartitioner>(new SstPartitionerFixedPrefix(len_));
}

std::shared_ptr<SstPartitionerFactory> NewSstPartitionerFixedPrefixFactory(
    size_t prefix_len) {
  return std::make_shared<SstPartitionerFixedPrefixFactory>(prefix_len);
}

// The fixed-prefix factory is the only one known by name; its "length"
// option (default 0) may be given as "id=SstPartitionerFixedPrefixFactory;
// length=4". Other ids follow the usual Customizable rules.
Status SstPartitionerFactory::CreateFromString(
    const ConfigOptions& options, const std::string& value,
    std::shared_ptr<SstPartitionerFactory>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s;
  if (!ParseCustomizableValue(options, value, result->get(), result, &id, &opts,
                              &s)) {
    return s;
  }
  if (id != SstPartitionerFixedPrefixFactory::kClassName()) {
    result->reset();
    return UnsupportedCustomizable(options, "SstPartitionerFactory", id);
  }
  size_t length = 0;
  for (const auto& kv : opts) {
    if (kv.first != "length") {
      return Status::InvalidArgument("Unrecognized option", kv.first);
    }
    char* end = nullptr;
    const unsigned long long v = std::strtoull(kv.second.c_str(), &end, 10);
    if (kv.second.empty() || *end != '\0' || kv.second[0] == '-') {
      return Status::InvalidArgument("Invalid value for length", kv.second);
    }
    length = static_cast<size_t>(v);
  }
  *result = NewSstPartitionerFixedPrefixFactory(length);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
