// Copyright (c) the rocksdb-cleanroom authors.
//
// Built-in filter policies: construction, names and ids, and
// FilterPolicy::CreateFromString().

#include "table/filter_policy.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/convenience.h"
#include "table/filter_bits.h"
#include "util/customizable_util.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

FilterBuildingContext::FilterBuildingContext(
    const BlockBasedTableOptions& _table_options)
    : table_options(_table_options) {}

FilterPolicy::~FilterPolicy() {}

bool BuiltinFilterPolicy::IsInstanceOf(const std::string& name) const {
  return name == kClassName() || FilterPolicy::IsInstanceOf(name);
}

FilterBitsBuilder* BuiltinFilterPolicy::GetBuilderWithContext(
    const FilterBuildingContext& /*context*/) const {
  return nullptr;  // read-only policy
}

FilterBitsReader* BuiltinFilterPolicy::GetFilterBitsReader(
    const Slice& contents) const {
  return NewFilterBitsReader(contents).release();
}

// Ribbon filters are built as Bloom filters of the same bits per key: same
// false positive rate, larger, readable by RocksDB (docs/compat.md).
FilterBitsBuilder* BloomLikeFilterPolicy::GetBuilderWithContext(
    const FilterBuildingContext& /*context*/) const {
  if (millibits_per_key_ == 0) return nullptr;
  return NewFastLocalBloomBuilder(millibits_per_key_).release();
}

namespace {

// RocksDB's rounding, observed: below 0.5 means no filter, [0.5, 1) is
// raised to 1, more than 100 is capped at 100, and the rest is rounded to
// thousandths (a half rounds up, with some slack for binary fractions).
int ToMillibits(double bits_per_key) {
  if (!(bits_per_key >= 0.5)) return 0;  // also NaN
  if (bits_per_key < 1.0) return 1000;
  if (bits_per_key > 100.0) return 100000;
  return static_cast<int>(bits_per_key * 1000.0 + 0.500001);
}

}  // namespace

BloomLikeFilterPolicy::BloomLikeFilterPolicy(double bits_per_key)
    : millibits_per_key_(ToMillibits(bits_per_key)) {}

std::string BloomLikeFilterPolicy::BitsPerKeyString() const {
  std::string out = std::to_string(millibits_per_key_ / 1000);
  int frac = millibits_per_key_ % 1000;
  if (frac != 0) {
    char digits[8];
    std::snprintf(digits, sizeof(digits), "%03d", frac);
    std::string f(digits);
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

std::string BloomFilterPolicy::GetId() const {
  return std::string(kClassName()) + ":" + BitsPerKeyString() + ":false";
}

std::string RibbonFilterPolicy::GetId() const {
  return std::string(kClassName()) + ":" + BitsPerKeyString() + ":" +
         std::to_string(bloom_before_level_);
}

const FilterPolicy* NewBloomFilterPolicy(
    double bits_per_key, bool /*IGNORED_use_block_based_builder*/) {
  return new BloomFilterPolicy(bits_per_key);
}

const FilterPolicy* NewRibbonFilterPolicy(double bloom_equivalent_bits_per_key,
                                          int bloom_before_level) {
  return new RibbonFilterPolicy(bloom_equivalent_bits_per_key,
                                bloom_before_level);
}

namespace {

bool ParseWholeDouble(const std::string& s, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  *out = std::strtod(s.c_str(), &end);
  return errno == 0 && *end == '\0';
}

bool ParseWholeInt(const std::string& s, int* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < -(1L << 30) || v > (1L << 30)) {
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// Parses "<name>:<bits>[:<extra>]" for name in {bloom, ribbon}; returns
// nullptr if `id` is not such a string.
FilterPolicy* ParseBloomLike(const std::string& id) {
  std::vector<std::string> parts = StringSplit(id, ':');
  if (parts.size() < 2 || parts.size() > 3) return nullptr;
  const std::string& name = parts[0];
  double bits = 0;
  if (!ParseWholeDouble(parts[1], &bits)) return nullptr;
  if (name == BloomFilterPolicy::kClassName() ||
      name == BloomFilterPolicy::kNickName()) {
    // The old use_block_based_builder flag is accepted and ignored.
    if (parts.size() == 3 && parts[2] != "true" && parts[2] != "false" &&
        parts[2] != "1" && parts[2] != "0") {
      return nullptr;
    }
    return new BloomFilterPolicy(bits);
  }
  if (name == RibbonFilterPolicy::kClassName() ||
      name == RibbonFilterPolicy::kNickName()) {
    int bloom_before_level = 0;
    if (parts.size() == 3 && !ParseWholeInt(parts[2], &bloom_before_level)) {
      return nullptr;
    }
    return new RibbonFilterPolicy(bits, bloom_before_level);
  }
  return nullptr;
}

}  // namespace

// Observed RocksDB 7.8.3 behaviour: "" and "nullptr" give OK and no policy;
// an unknown or malformed id gives OK and no policy when
// ignore_unsupported_options is set, NotSupported otherwise.
Status FilterPolicy::CreateFromString(
    const ConfigOptions& config_options, const std::string& value,
    std::shared_ptr<const FilterPolicy>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s;
  if (!ParseCustomizableValue(config_options, value, nullptr, result, &id,
                              &opts, &s)) {
    return s;
  }
  std::unique_ptr<FilterPolicy> policy;
  if (id == BuiltinFilterPolicy::kClassName()) {
    policy.reset(new BuiltinFilterPolicy());
  } else {
    policy.reset(ParseBloomLike(id));
  }
  if (policy == nullptr) {
    return UnsupportedCustomizable(config_options, "FilterPolicy", value);
  }
  s = Customizable::ConfigureNewObject(config_options, policy.get(), opts);
  if (!s.ok()) return s;
  result->reset(policy.release());
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
