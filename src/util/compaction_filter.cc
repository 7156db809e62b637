// Copyright (c) the rocksdb-cleanroom authors.
//
// CompactionFilter::FilterV2() default and the CreateFromString() of
// compaction filters and their factories.

#include "rocksdb/compaction_filter.h"

#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/slice.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

CompactionFilter::Decision CompactionFilter::FilterV2(
    int level, const Slice& key, ValueType value_type,
    const Slice& existing_value, std::string* new_value,
    std::string* /*skip_until*/) const {
  switch (value_type) {
    case kValue: {
      bool value_changed = false;
      if (Filter(level, key, existing_value, new_value, &value_changed)) {
        return Decision::kRemove;
      }
      return value_changed ? Decision::kChangeValue : Decision::kKeep;
    }
    case kMergeOperand:
      return FilterMergeOperand(level, key, existing_value) ? Decision::kRemove
                                                            : Decision::kKeep;
    case kBlobIndex:
      break;
  }
  return Decision::kKeep;
}

namespace {

// Resolves the id in `value`; `known` lists built-in names that exist in
// RocksDB but not (yet) here.
Status ResolveId(const ConfigOptions& config_options, const std::string& value,
                 const char* type, const char* method, bool known_name,
                 bool* empty) {
  *empty = false;
  if (value.empty() || value == "nullptr") {
    *empty = true;
    return Status::OK();
  }
  if (known_name) return NotImplemented(method);
  if (config_options.ignore_unsupported_options) return Status::OK();
  return Status::NotSupported(std::string("Could not load ") + type, value);
}

std::string IdOf(const std::string& value) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  if (!Configurable::GetOptionsMap(value, "", &id, &opts).ok()) return value;
  return id;
}

}  // namespace

// "" and "nullptr" give OK and no filter; unknown ids give OK and no
// filter when ignore_unsupported_options is set, NotSupported otherwise (as
// RocksDB 7.8.3). RocksDB's RemoveEmptyValueCompactionFilter lives in the
// utilities layer and is not available yet.
Status CompactionFilter::CreateFromString(const ConfigOptions& config_options,
                                          const std::string& name,
                                          const CompactionFilter** result) {
  const std::string id = IdOf(name);
  bool empty = false;
  Status s = ResolveId(config_options, id, "CompactionFilter",
                       "CompactionFilter::CreateFromString",
                       id == "RemoveEmptyValueCompactionFilter", &empty);
  if (s.ok() && empty) *result = nullptr;
  return s;
}

Status CompactionFilterFactory::CreateFromString(
    const ConfigOptions& config_options, const std::string& name,
    std::shared_ptr<CompactionFilterFactory>* result) {
  const std::string id = IdOf(name);
  bool empty = false;
  Status s = ResolveId(config_options, id, "CompactionFilterFactory",
                       "CompactionFilterFactory::CreateFromString",
                       /*known_name=*/false, &empty);
  if (s.ok() && empty) result->reset();
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
