// Copyright (c) the rocksdb-cleanroom authors.
//
// Names of the CacheEntryRole values, as RocksDB spells them in options
// errors (CamelCase) and in DB properties (hyphenated).
#pragma once

#include <array>
#include <string>

#include "rocksdb/cache.h"

namespace ROCKSDB_NAMESPACE {

// Indexed by static_cast<size_t>(role). Adding a role means adding a name to
// both arrays.
extern const std::array<std::string, kNumCacheEntryRoles>
    kCacheEntryRoleToCamelString;
extern const std::array<std::string, kNumCacheEntryRoles>
    kCacheEntryRoleToHyphenString;

}  // namespace ROCKSDB_NAMESPACE
