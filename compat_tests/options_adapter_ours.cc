// Copyright (c) the rocksdb-cleanroom authors.
//
// Options adapter for our engine (ROCKSDB_NAMESPACE=rocksdb_ours);
// the code is options_adapter_impl.inc.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "options_adapter.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/options_util.h"

namespace compat {
namespace {
namespace rdb = ::ROCKSDB_NAMESPACE;
#include "options_adapter_impl.inc"
}  // namespace

std::unique_ptr<OptionsEngine> NewOurOptionsEngine() {
  return std::unique_ptr<OptionsEngine>(new OptionsAdapter());
}

}  // namespace compat
