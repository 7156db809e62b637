// Copyright (c) the rocksdb-cleanroom authors.
//
// Factories of the built-in caches and Cache::CreateFromString().

#include "rocksdb/cache.h"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>

#include "cache/lru_cache.h"
#include "rocksdb/convenience.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

const bool kDefaultToAdaptiveMutex = false;

namespace {

// Smallest shard NewLRUCache() picks by itself, and the same for the hyper
// clock cache (observed from RocksDB 7.8.3).
constexpr size_t kMinLRUShardSize = 512 * 1024;
constexpr size_t kMinHyperClockShardSize = 32 * 1024 * 1024;

bool ValidPoolRatios(double high, double low) {
  return high >= 0.0 && high <= 1.0 && low >= 0.0 && low <= 1.0 &&
         high + low <= 1.0;
}

// Parses a decimal size with an optional k/m/g/t suffix (binary units).
bool ParseSize(const std::string& text, size_t* out) {
  const std::string s = TrimString(text);
  if (s.empty() || s[0] < '0' || s[0] > '9') return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (errno != 0) return false;
  std::string suffix(end);
  int shift = 0;
  if (suffix.size() == 1) {
    switch (suffix[0]) {
      case 'k':
      case 'K':
        shift = 10;
        break;
      case 'm':
      case 'M':
        shift = 20;
        break;
      case 'g':
      case 'G':
        shift = 30;
        break;
      case 't':
      case 'T':
        shift = 40;
        break;
      default:
        return false;
    }
  } else if (!suffix.empty()) {
    return false;
  }
  if (shift > 0 && v > (~0ull >> shift)) return false;
  *out = static_cast<size_t>(v << shift);
  return true;
}

bool ParseInt(const std::string& text, int* out) {
  const std::string s = TrimString(text);
  if (s.empty()) return false;
  errno = 0;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < -(1L << 30) || v > (1L << 30)) {
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool ParseDouble(const std::string& text, double* out) {
  const std::string s = TrimString(text);
  if (s.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (*end != '\0') return false;
  *out = v;
  return true;
}

bool ParseBool(const std::string& text, bool* out) {
  const std::string s = TrimString(text);
  if (s == "true" || s == "1") {
    *out = true;
  } else if (s == "false" || s == "0") {
    *out = false;
  } else {
    return false;
  }
  return true;
}

// Applies one "name=value" pair of LRUCacheOptions.
Status SetLRUOption(const std::string& name, const std::string& value,
                    LRUCacheOptions* opts) {
  bool ok;
  if (name == "capacity") {
    ok = ParseSize(value, &opts->capacity);
  } else if (name == "num_shard_bits") {
    ok = ParseInt(value, &opts->num_shard_bits);
  } else if (name == "strict_capacity_limit") {
    ok = ParseBool(value, &opts->strict_capacity_limit);
  } else if (name == "high_pri_pool_ratio") {
    ok = ParseDouble(value, &opts->high_pri_pool_ratio);
  } else if (name == "low_pri_pool_ratio") {
    ok = ParseDouble(value, &opts->low_pri_pool_ratio);
  } else {
    return Status::InvalidArgument("Unrecognized option: ." + name);
  }
  if (!ok) {
    return Status::InvalidArgument("Error parsing " + name, value);
  }
  return Status::OK();
}

}  // namespace

std::shared_ptr<Cache> NewLRUCache(const LRUCacheOptions& cache_opts) {
  if (cache_opts.num_shard_bits >= 20 ||
      !ValidPoolRatios(cache_opts.high_pri_pool_ratio,
                       cache_opts.low_pri_pool_ratio)) {
    return nullptr;  // RocksDB's answer to invalid arguments
  }
  const int bits =
      cache_opts.num_shard_bits >= 0
          ? cache_opts.num_shard_bits
          : DefaultShardBits(cache_opts.capacity, kMinLRUShardSize);
  return std::make_shared<LRUCache>(cache_opts, bits);
}

std::shared_ptr<Cache> NewLRUCache(
    size_t capacity, int num_shard_bits, bool strict_capacity_limit,
    double high_pri_pool_ratio,
    std::shared_ptr<MemoryAllocator> memory_allocator, bool use_adaptive_mutex,
    CacheMetadataChargePolicy metadata_charge_policy,
    double low_pri_pool_ratio) {
  return NewLRUCache(LRUCacheOptions(
      capacity, num_shard_bits, strict_capacity_limit, high_pri_pool_ratio,
      std::move(memory_allocator), use_adaptive_mutex, metadata_charge_policy,
      low_pri_pool_ratio));
}

std::shared_ptr<Cache> NewClockCache(
    size_t capacity, int num_shard_bits, bool strict_capacity_limit,
    CacheMetadataChargePolicy metadata_charge_policy) {
  // As in RocksDB 7.8, the old clock cache is an LRU cache now.
  return NewLRUCache(capacity, num_shard_bits, strict_capacity_limit, 0.5,
                     nullptr, kDefaultToAdaptiveMutex, metadata_charge_policy);
}

std::shared_ptr<Cache> HyperClockCacheOptions::MakeSharedCache() const {
  // Served by the LRU implementation (no lock-free table yet): same
  // observable contract, different concurrency characteristics.
  if (num_shard_bits >= 20) return nullptr;
  LRUCacheOptions opts(capacity, num_shard_bits, strict_capacity_limit,
                       /*high_pri_pool_ratio=*/0.0, memory_allocator,
                       kDefaultToAdaptiveMutex, metadata_charge_policy);
  const int bits = num_shard_bits >= 0
                       ? num_shard_bits
                       : DefaultShardBits(capacity, kMinHyperClockShardSize);
  return std::make_shared<LRUCache>(opts, bits,
                                    LRUCache::Personality::kHyperClock);
}

std::shared_ptr<SecondaryCache> NewCompressedSecondaryCache(
    size_t capacity, int num_shard_bits, bool strict_capacity_limit,
    double high_pri_pool_ratio, double low_pri_pool_ratio,
    std::shared_ptr<MemoryAllocator> memory_allocator, bool use_adaptive_mutex,
    CacheMetadataChargePolicy metadata_charge_policy,
    CompressionType compression_type, uint32_t compress_format_version,
    bool enable_custom_split_merge) {
  return NewCompressedSecondaryCache(CompressedSecondaryCacheOptions(
      capacity, num_shard_bits, strict_capacity_limit, high_pri_pool_ratio,
      low_pri_pool_ratio, std::move(memory_allocator), use_adaptive_mutex,
      metadata_charge_policy, compression_type, compress_format_version,
      enable_custom_split_merge));
}

std::shared_ptr<SecondaryCache> NewCompressedSecondaryCache(
    const CompressedSecondaryCacheOptions& /*opts*/) {
  // Not implemented yet: no secondary cache exists. A null secondary cache
  // is accepted everywhere and means "no second tier".
  return nullptr;
}

Status Cache::CreateFromString(const ConfigOptions& /*config_options*/,
                               const std::string& value,
                               std::shared_ptr<Cache>* result) {
  LRUCacheOptions opts;
  if (value.find('=') == std::string::npos) {
    // Old style: just a capacity.
    if (!ParseSize(value, &opts.capacity)) {
      return Status::InvalidArgument("Invalid cache capacity", value);
    }
  } else {
    for (const std::string& item : StringSplit(value, ';')) {
      const std::string pair = TrimString(item);
      if (pair.empty()) continue;
      const size_t eq = pair.find('=');
      if (eq == std::string::npos) {
        return Status::InvalidArgument("Mismatched option", pair);
      }
      Status s = SetLRUOption(TrimString(pair.substr(0, eq)),
                              pair.substr(eq + 1), &opts);
      if (!s.ok()) return s;
    }
  }
  std::shared_ptr<Cache> cache = NewLRUCache(opts);
  if (cache == nullptr) {
    return Status::InvalidArgument("Invalid cache options", value);
  }
  *result = std::move(cache);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
