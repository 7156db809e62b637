// Copyright (c) the rocksdb-cleanroom authors.
//
// The one spelling of "this public method's feature has not landed yet".
// tools/api_coverage counts the uses, so every placeholder goes through here.
#pragma once

#include <string>

#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Status::NotSupported("<method>: not implemented yet").
inline Status NotImplemented(const char* method) {
  return Status::NotSupported(std::string(method) + ": not implemented yet");
}

}  // namespace ROCKSDB_NAMESPACE
