// Copyright (c) the rocksdb-cleanroom authors.
// Shared steps of the Customizable CreateFromString factories: splitting the
// value into an id and options, the ""/"nullptr" case, and the reply for an
// id no factory knows.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Splits `value` into *id and *opts; `current` (may be null) supplies the
// default id and, when the id names it, its current option values. Returns
// false when the caller is done and must return *status: a parse error, or
// an empty/"nullptr" id (then *result is reset and *status is OK).
template <typename T>
bool ParseCustomizableValue(const ConfigOptions& config_options,
                            const std::string& value,
                            const Customizable* current,
                            std::shared_ptr<T>* result, std::string* id,
                            std::unordered_map<std::string, std::string>* opts,
                            Status* status) {
  *status =
      Customizable::GetOptionsMap(config_options, current, value, id, opts);
  if (!status->ok()) {
    return false;
  }
  if (id->empty() || *id == "nullptr") {
    result->reset();
    return false;
  }
  return true;
}

// Reply for an id no factory knows: OK when unsupported options are ignored,
// otherwise NotSupported("Could not load <type>", what).
inline Status UnsupportedCustomizable(const ConfigOptions& config_options,
                                      const std::string& type,
                                      const std::string& what) {
  if (config_options.ignore_unsupported_options) {
    return Status::OK();
  }
  return Status::NotSupported("Could not load " + type, what);
}

}  // namespace ROCKSDB_NAMESPACE
