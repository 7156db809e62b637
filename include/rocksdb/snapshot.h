// Copyright (c) the rocksdb-cleanroom authors.
//
// Snapshot: an immutable handle on one point-in-time state of a DB, and
// ManagedSnapshot, its RAII holder.
#pragma once

#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

class DB;

// Obtained from DB::GetSnapshot() and given back with DB::ReleaseSnapshot();
// never deleted directly. Immutable, so safe to share between threads.
class Snapshot {
 public:
  // Sequence number of the last write the snapshot sees.
  virtual SequenceNumber GetSequenceNumber() const = 0;

  // Seconds since the Unix epoch at which the snapshot was taken.
  virtual int64_t GetUnixTime() const = 0;

  // The user-defined timestamp the snapshot was taken at, if any.
  virtual uint64_t GetTimestamp() const = 0;

 protected:
  virtual ~Snapshot();
};

// Takes a snapshot of `db` on construction (or adopts a given one) and
// releases it on destruction. `db` must outlive this object.
class ManagedSnapshot {
 public:
  explicit ManagedSnapshot(DB* db);

  // Adopts `_snapshot`, which must have come from db->GetSnapshot().
  ManagedSnapshot(DB* db, const Snapshot* _snapshot);

  ~ManagedSnapshot();

  // The held snapshot; owned by this object (may be nullptr if the DB could
  // not take one).
  const Snapshot* snapshot();

 private:
  DB* db_;
  const Snapshot* snapshot_;
};

}  // namespace ROCKSDB_NAMESPACE
