// Copyright (c) the rocksdb-cleanroom authors.
//
// CacheEntryRole names and the keys of the block cache entry statistics
// map (DB::Properties::kBlockCacheEntryStats).

#include "cache/cache_entry_roles.h"

namespace ROCKSDB_NAMESPACE {

const std::array<std::string, kNumCacheEntryRoles> kCacheEntryRoleToCamelString{
    {
        "DataBlock",
        "FilterBlock",
        "FilterMetaBlock",
        "DeprecatedFilterBlock",
        "IndexBlock",
        "OtherBlock",
        "WriteBuffer",
        "CompressionDictionaryBuildingBuffer",
        "FilterConstruction",
        "BlockBasedTableReader",
        "FileMetadata",
        "BlobValue",
        "BlobCache",
        "Misc",
    }};

const std::array<std::string, kNumCacheEntryRoles>
    kCacheEntryRoleToHyphenString{{
        "data-block",
        "filter-block",
        "filter-meta-block",
        "deprecated-filter-block",
        "index-block",
        "other-block",
        "write-buffer",
        "compression-dictionary-building-buffer",
        "filter-construction",
        "block-based-table-reader",
        "file-metadata",
        "blob-value",
        "blob-cache",
        "misc",
    }};

const std::string& GetCacheEntryRoleName(CacheEntryRole role) {
  const size_t i = static_cast<size_t>(role);
  return kCacheEntryRoleToHyphenString[i < kNumCacheEntryRoles
                                           ? i
                                           : kNumCacheEntryRoles - 1];
}

const std::string& BlockCacheEntryStatsMapKeys::CacheId() {
  static const std::string kKey = "id";
  return kKey;
}

const std::string& BlockCacheEntryStatsMapKeys::CacheCapacityBytes() {
  static const std::string kKey = "capacity";
  return kKey;
}

const std::string&
BlockCacheEntryStatsMapKeys::LastCollectionDurationSeconds() {
  static const std::string kKey = "secs_for_last_collection";
  return kKey;
}

const std::string& BlockCacheEntryStatsMapKeys::LastCollectionAgeSeconds() {
  static const std::string kKey = "secs_since_last_collection";
  return kKey;
}

namespace {
std::string RoleKey(const char* prefix, CacheEntryRole role) {
  return std::string(prefix) + "." + GetCacheEntryRoleName(role);
}
}  // namespace

std::string BlockCacheEntryStatsMapKeys::EntryCount(CacheEntryRole role) {
  return RoleKey("count", role);
}

std::string BlockCacheEntryStatsMapKeys::UsedBytes(CacheEntryRole role) {
  return RoleKey("bytes", role);
}

std::string BlockCacheEntryStatsMapKeys::UsedPercent(CacheEntryRole role) {
  return RoleKey("percent", role);
}

}  // namespace ROCKSDB_NAMESPACE
