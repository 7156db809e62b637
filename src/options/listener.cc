// Copyright (c) the rocksdb-cleanroom authors.
//
// EventListener::CreateFromString. No listener is registered by name, so
// only the "no listener" ids succeed with an object-less result.
#include "rocksdb/listener.h"

#include <unordered_map>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {

// As in RocksDB 7.8.3: "" and "nullptr" give OK and a null listener; an
// unknown id gives OK and null when unsupported options are ignored (the
// default), NotSupported otherwise.
Status EventListener::CreateFromString(const ConfigOptions& config_options,
                                       const std::string& value,
                                       std::shared_ptr<EventListener>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s = Customizable::GetOptionsMap(config_options, result->get(), value,
                                         &id, &opts);
  if (!s.ok()) {
    return s;
  }
  result->reset();
  if (id.empty() || id == "nullptr" ||
      config_options.ignore_unsupported_options) {
    return Status::OK();
  }
  return Status::NotSupported("Could not load EventListener", id);
}

}  // namespace ROCKSDB_NAMESPACE
