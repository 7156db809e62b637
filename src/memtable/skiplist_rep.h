// Copyright (c) the rocksdb-cleanroom authors.
//
// The skip_list MemTableRep (SkipListFactory): entries live inline in the
// nodes of a SkipList (memtable/skiplist.h) carved from the memtable's
// allocator. Lock-free reads; Insert needs one writer at a time,
// InsertConcurrently may run on many threads. Equal entries are refused
// (InsertKey* returns false).
#pragma once

#include <cstddef>

#include "rocksdb/memtablerep.h"

namespace ROCKSDB_NAMESPACE {

// A new skip-list rep ordering entries with cmp; cmp and allocator must
// outlive it. lookahead > 0 lets an iterator's Seek first step forward up to
// that many entries from its current position before searching from the
// top (cheap for nearby seeks). The caller owns the rep.
MemTableRep* NewSkipListRep(const MemTableRep::KeyComparator& cmp,
                            Allocator* allocator, size_t lookahead);

}  // namespace ROCKSDB_NAMESPACE
