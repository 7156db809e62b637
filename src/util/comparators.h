// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in comparators that RocksDB 7.8.3 can create by name but does not
// declare in its public headers.
#pragma once

#include "rocksdb/comparator.h"

namespace ROCKSDB_NAMESPACE {

// "leveldb.BytewiseComparator.u64ts": keys end in an 8-byte little-endian
// uint64 timestamp. User keys order byte-wise; equal user keys order by
// larger (newer) timestamp first. A static object: never delete it.
const Comparator* BytewiseComparatorWithU64Ts();

}  // namespace ROCKSDB_NAMESPACE
