// Copyright (c) the rocksdb-cleanroom authors.
//
// OptimisticTransactionDB: a DB whose transactions take no locks; conflicts
// are detected when a transaction commits (which then fails with Busy).
#pragma once

#ifndef ROCKSDB_LITE

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/utilities/stackable_db.h"

namespace ROCKSDB_NAMESPACE {

class Transaction;

// Options of one optimistic transaction.
struct OptimisticTransactionOptions {
  // true: BeginTransaction() calls SetSnapshot().
  bool set_snapshot = false;

  // The DB's comparator, when it is not the bytewise one (used to order the
  // transaction's write batch index). Not owned.
  const Comparator* cmp = BytewiseComparator();
};

// How commit-time validation is serialized. Numeric values never change.
enum class OccValidationPolicy {
  // Validate one transaction at a time inside the write group (simple, but
  // the DB mutex can become contended).
  kValidateSerial = 0,
  // Validate before joining the write group, several transactions at once;
  // each locks the buckets of its written keys in a fixed order.
  kValidateParallel = 1
};

struct OptimisticTransactionDBOptions {
  OccValidationPolicy validate_policy = OccValidationPolicy::kValidateParallel;

  // Number of key lock buckets; used by kValidateParallel only.
  uint32_t occ_lock_buckets = (1 << 20);
};

// Range deletions, including those inside batches given to Write(), are not
// supported and return a non-OK Status.
class OptimisticTransactionDB : public StackableDB {
 public:
  // Opens the DB like DB::Open(). On failure *dbptr is null. The caller
  // owns *dbptr (and the handles, as with DB::Open).
  static Status Open(const Options& options, const std::string& dbname,
                     OptimisticTransactionDB** dbptr);

  static Status Open(const DBOptions& db_options, const std::string& dbname,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles,
                     OptimisticTransactionDB** dbptr);

  static Status Open(const DBOptions& db_options,
                     const OptimisticTransactionDBOptions& occ_options,
                     const std::string& dbname,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles,
                     OptimisticTransactionDB** dbptr);

  virtual ~OptimisticTransactionDB() {}

  // Starts a transaction; the caller owns (deletes) it. A non-null old_txn
  // is reused and returned instead of allocating a new one.
  virtual Transaction* BeginTransaction(
      const WriteOptions& write_options,
      const OptimisticTransactionOptions& txn_options =
          OptimisticTransactionOptions(),
      Transaction* old_txn = nullptr) = 0;

  OptimisticTransactionDB(const OptimisticTransactionDB&) = delete;
  void operator=(const OptimisticTransactionDB&) = delete;

 protected:
  // Takes ownership of `db`. Use Open() to create one.
  explicit OptimisticTransactionDB(DB* db) : StackableDB(db) {}
};

}  // namespace ROCKSDB_NAMESPACE

#endif  // ROCKSDB_LITE
