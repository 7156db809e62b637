// Copyright (c) the rocksdb-cleanroom authors.
//
// TableReaderCaller (which kind of operation reads a table) is public in
// RocksDB 7.8.3 (rocksdb/table_reader_caller.h); the engine includes it
// through this header. Values such as TableReaderCaller::kUserGet work
// with the scoped spelling too.
#pragma once

#include "rocksdb/table_reader_caller.h"
