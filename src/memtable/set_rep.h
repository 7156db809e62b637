// Copyright (c) the rocksdb-cleanroom authors.
//
// SetRep: a simple MemTableRep over an ordered std::set of entry pointers,
// guarded by a reader/writer lock. It backs every built-in factory until the
// dedicated skip-list, vector and hash reps land; it is correct for
// concurrent inserts and reads but not tuned for speed.
#pragma once

#include "rocksdb/memtablerep.h"

namespace ROCKSDB_NAMESPACE {

// A new SetRep ordering entries with cmp (which must outlive the rep) and
// taking entry memory from allocator. An entry equal to one already present
// is not stored again: InsertKey returns false. The caller owns the rep.
MemTableRep* NewSetRep(const MemTableRep::KeyComparator& cmp,
                       Allocator* allocator);

}  // namespace ROCKSDB_NAMESPACE
