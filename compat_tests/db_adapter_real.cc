// Copyright (c) the rocksdb-cleanroom authors.
//
// The DB adapter for Debian's real RocksDB 7.8.3, compiled against /usr/include
// only (see CMakeLists.txt).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db_engine_adapter.h"
#include "rocksdb/cache.h"
#include "rocksdb/comparator.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"

namespace compat {
namespace {
namespace rdb = ::ROCKSDB_NAMESPACE;
#include "db_adapter_impl.inc"
}  // namespace

std::unique_ptr<DbEngine> NewRealDbEngine() {
  return std::unique_ptr<DbEngine>(new DbEngineImpl());
}

}  // namespace compat
