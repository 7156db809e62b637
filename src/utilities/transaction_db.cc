// Copyright (c) the rocksdb-cleanroom authors.
//
// TransactionDB entry points. Opening and wrapping wait for the
// pessimistic transaction engine; PrepareWrap() is real because it only
// edits options.

#include "rocksdb/utilities/transaction_db.h"

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

Status TransactionDB::Open(const Options& /*options*/,
                           const TransactionDBOptions& /*txn_db_options*/,
                           const std::string& /*dbname*/,
                           TransactionDB** dbptr) {
  *dbptr = nullptr;
  return NotImplemented("TransactionDB::Open");
}

Status TransactionDB::Open(
    const DBOptions& /*db_options*/,
    const TransactionDBOptions& /*txn_db_options*/,
    const std::string& /*dbname*/,
    const std::vector<ColumnFamilyDescriptor>& /*column_families*/,
    std::vector<ColumnFamilyHandle*>* /*handles*/, TransactionDB** dbptr) {
  *dbptr = nullptr;
  return NotImplemented("TransactionDB::Open");
}

// Matches what RocksDB 7.8.3 does to the options (observed): 2PC on;
// auto compaction off in every family that had it (WrapDB turns it back on
// for the listed indexes once the lock manager is ready); a family that
// keeps no memtable history gets an unbounded history
// (max_write_buffer_size_to_maintain = -1) so conflicts can be checked.
void TransactionDB::PrepareWrap(
    DBOptions* db_options, std::vector<ColumnFamilyDescriptor>* column_families,
    std::vector<size_t>* compaction_enabled_cf_indices) {
  compaction_enabled_cf_indices->clear();
  for (size_t i = 0; i < column_families->size(); i++) {
    ColumnFamilyOptions* cf_options = &(*column_families)[i].options;
    if (cf_options->max_write_buffer_size_to_maintain == 0 &&
        cf_options->max_write_buffer_number_to_maintain == 0) {
      cf_options->max_write_buffer_size_to_maintain = -1;
    }
    if (!cf_options->disable_auto_compactions) {
      compaction_enabled_cf_indices->push_back(i);
      cf_options->disable_auto_compactions = true;
    }
  }
  db_options->allow_2pc = true;
}

Status TransactionDB::WrapDB(
    DB* /*db*/, const TransactionDBOptions& /*txn_db_options*/,
    const std::vector<size_t>& /*compaction_enabled_cf_indices*/,
    const std::vector<ColumnFamilyHandle*>& /*handles*/,
    TransactionDB** dbptr) {
  // `db` stays with the caller.
  *dbptr = nullptr;
  return NotImplemented("TransactionDB::WrapDB");
}

Status TransactionDB::WrapStackableDB(
    StackableDB* /*db*/, const TransactionDBOptions& /*txn_db_options*/,
    const std::vector<size_t>& /*compaction_enabled_cf_indices*/,
    const std::vector<ColumnFamilyHandle*>& /*handles*/,
    TransactionDB** dbptr) {
  // `db` stays with the caller.
  *dbptr = nullptr;
  return NotImplemented("TransactionDB::WrapStackableDB");
}

}  // namespace ROCKSDB_NAMESPACE
