// Copyright (c) the rocksdb-cleanroom authors.
//
// OptimisticTransactionDB entry points: placeholders until optimistic
// transactions land.

#include "rocksdb/utilities/optimistic_transaction_db.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

Status OptimisticTransactionDB::Open(const Options& /*options*/,
                                     const std::string& /*dbname*/,
                                     OptimisticTransactionDB** dbptr) {
  *dbptr = nullptr;
  return NotImplemented("OptimisticTransactionDB::Open");
}

Status OptimisticTransactionDB::Open(
    const DBOptions& /*db_options*/, const std::string& /*dbname*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/,
    OptimisticTransactionDB** dbptr) {
  *dbptr = nullptr;
  return NotImplemented("OptimisticTransactionDB::Open");
}

Status OptimisticTransactionDB::Open(
    const DBOptions& /*db_options*/,
    const OptimisticTransactionDBOptions& /*occ_options*/,
    const std::string& /*dbname*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/,
    OptimisticTransactionDB** dbptr) {
  *dbptr = nullptr;
  return NotImplemented("OptimisticTransactionDB::Open");
}

}  // namespace ROCKSDB_NAMESPACE
