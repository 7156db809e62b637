// Copyright (c) the rocksdb-cleanroom authors.
//
// Wide-column entity encoding; the format is drawn in
// wide_column_serialization.h.

#include "db/wide_column_serialization.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr uint64_t kMaxLength = std::numeric_limits<uint32_t>::max();

}  // namespace

Status WideColumnSerialization::Serialize(const WideColumns& columns,
                                          std::string* output) {
  if (columns.size() > kMaxLength) {
    return Status::InvalidArgument("Too many wide columns");
  }
  PutVarint32(output, kCurrentVersion);
  PutVarint32(output, static_cast<uint32_t>(columns.size()));

  const Slice* prev_name = nullptr;
  for (const WideColumn& column : columns) {
    const Slice& name = column.name();
    const Slice& value = column.value();
    if (name.size() > kMaxLength) {
      return Status::InvalidArgument("Wide column name too long");
    }
    if (value.size() > kMaxLength) {
      return Status::InvalidArgument("Wide column value too long");
    }
    if (prev_name != nullptr && prev_name->compare(name) >= 0) {
      return Status::Corruption("Wide columns out of order");
    }
    PutLengthPrefixedSlice(output, name);
    PutVarint32(output, static_cast<uint32_t>(value.size()));
    prev_name = &name;
  }
  for (const WideColumn& column : columns) {
    output->append(column.value().data(), column.value().size());
  }
  return Status::OK();
}

Status WideColumnSerialization::Deserialize(Slice input, WideColumns* columns) {
  columns->clear();

  uint32_t version = 0;
  if (!GetVarint32(&input, &version)) {
    return Status::Corruption("Error decoding wide column version");
  }
  if (version > kCurrentVersion) {
    return Status::NotSupported("Unsupported wide column version");
  }

  uint32_t num_columns = 0;
  if (!GetVarint32(&input, &num_columns)) {
    return Status::Corruption("Error decoding number of wide columns");
  }
  if (num_columns == 0) {
    return Status::OK();
  }

  // Each index entry takes at least two bytes, which bounds the reservation
  // for a corrupt count.
  const size_t plausible = input.size() / 2;
  columns->reserve(num_columns < plausible ? num_columns : plausible);
  std::vector<uint32_t> value_sizes;
  value_sizes.reserve(columns->capacity());

  for (uint32_t i = 0; i < num_columns; ++i) {
    Slice name;
    if (!GetLengthPrefixedSlice(&input, &name)) {
      return Status::Corruption("Error decoding wide column name");
    }
    if (!columns->empty() && columns->back().name().compare(name) >= 0) {
      return Status::Corruption("Wide columns out of order");
    }
    columns->emplace_back(name, Slice());

    uint32_t value_size = 0;
    if (!GetVarint32(&input, &value_size)) {
      return Status::Corruption("Error decoding wide column value size");
    }
    value_sizes.push_back(value_size);
  }

  for (size_t i = 0; i < columns->size(); ++i) {
    const uint32_t size = value_sizes[i];
    if (input.size() < size) {
      return Status::Corruption("Error decoding wide column value payload");
    }
    (*columns)[i].value() = Slice(input.data(), size);
    input.remove_prefix(size);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
