// Copyright (c) the rocksdb-cleanroom authors.
//
// Snapshot's destructor and the ManagedSnapshot RAII holder.

#include "rocksdb/snapshot.h"

#include "rocksdb/db.h"

namespace ROCKSDB_NAMESPACE {

Snapshot::~Snapshot() {}

ManagedSnapshot::ManagedSnapshot(DB* db)
    : db_(db), snapshot_(db != nullptr ? db->GetSnapshot() : nullptr) {}

ManagedSnapshot::ManagedSnapshot(DB* db, const Snapshot* _snapshot)
    : db_(db), snapshot_(_snapshot) {}

ManagedSnapshot::~ManagedSnapshot() {
  if (db_ != nullptr && snapshot_ != nullptr) {
    db_->ReleaseSnapshot(snapshot_);
  }
}

const Snapshot* ManagedSnapshot::snapshot() { return snapshot_; }

}  // namespace ROCKSDB_NAMESPACE
