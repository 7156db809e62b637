// Copyright (c) the rocksdb-cleanroom authors.
//
// The engine adapter for our engine, compiled against /work/main/include
// with ROCKSDB_NAMESPACE=rocksdb_ours (see CMakeLists.txt) and linked with
// rocksdb_compat, so it can share a binary with Debian's librocksdb.

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

Engine NewOurEngine() { return MakeEngine("ours"); }

}  // namespace compat
