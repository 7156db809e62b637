// Copyright (c) the rocksdb-cleanroom authors.
//
// DBWithTTL entry points: placeholders until TTL support lands.

#include "rocksdb/utilities/db_ttl.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

Status DBWithTTL::Open(const Options& /*options*/,
                       const std::string& /*dbname*/, DBWithTTL** dbptr,
                       int32_t /*ttl*/, bool /*read_only*/) {
  *dbptr = nullptr;
  return NotImplemented("DBWithTTL::Open");
}

Status DBWithTTL::Open(
    const DBOptions& /*db_options*/, const std::string& /*dbname*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/, DBWithTTL** dbptr,
    const std::vector<int32_t>& /*ttls*/, bool /*read_only*/) {
  *dbptr = nullptr;
  return NotImplemented("DBWithTTL::Open");
}

}  // namespace ROCKSDB_NAMESPACE
