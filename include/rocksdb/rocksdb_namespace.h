// Copyright (c) the rocksdb-cleanroom authors.
//
// The C++ namespace every public symbol lives in. Builds may override it
// (-DROCKSDB_NAMESPACE=other) so that two copies of the library can share one
// process; the differential tests link ours next to real RocksDB this way.
#pragma once

#ifndef ROCKSDB_NAMESPACE
#define ROCKSDB_NAMESPACE rocksdb
#endif
