// Copyright (c) the rocksdb-cleanroom authors.
//
// The engine adapter for Debian's real RocksDB 7.8.3. Compiled only against
// /usr/include (CMakeLists.txt keeps our include directory off this
// target) and linked with Debian's librocksdb.so.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine_adapter.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/write_batch.h"

namespace compat {
namespace {
namespace rdb = ::ROCKSDB_NAMESPACE;
#include "adapter_impl.inc"
}  // namespace

Engine NewRealEngine() { return MakeEngine("real RocksDB 7.8.3"); }

}  // namespace compat
