// Copyright (c) the rocksdb-cleanroom authors.
//
// Small, fast, deterministic pseudo-random generators for tests, skiplist
// heights and sampling. Not thread-safe; not for cryptography.
#pragma once

#include <cstdint>
#include <string>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// Park-Miller "minimal standard" generator: x' = x * 16807 mod (2^31 - 1).
class Random {
 public:
  explicit Random(uint32_t seed) : seed_(seed & kM) {
    // 0 and M are fixed points of the recurrence; avoid them.
    if (seed_ == 0 || seed_ == kM) seed_ = 1;
  }

  // The next value in [1, 2^31 - 2].
  uint32_t Next() {
    const uint64_t product = static_cast<uint64_t>(seed_) * kA;
    // product mod M, using 2^31 == 1 (mod M).
    seed_ = static_cast<uint32_t>((product >> 31) + (product & kM));
    if (seed_ > kM) seed_ -= kM;
    return seed_;
  }

  // Uniform in [0, n). REQUIRES: n > 0
  uint32_t Uniform(int n) { return Next() % static_cast<uint32_t>(n); }

  // True with probability 1/n. REQUIRES: n > 0
  bool OneIn(int n) { return Uniform(n) == 0; }

  // A value in [0, 2^max_log), biased towards small numbers: the number of
  // bits is uniform in [0, max_log], then the value is uniform among them.
  // REQUIRES: 0 <= max_log <= 30
  uint32_t Skewed(int max_log) { return Uniform(1 << Uniform(max_log + 1)); }

 private:
  static constexpr uint32_t kM = 2147483647u;  // 2^31 - 1
  static constexpr uint64_t kA = 16807;
  uint32_t seed_;
};

// 64-bit generator (splitmix64).
class Random64 {
 public:
  explicit Random64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n). REQUIRES: n > 0
  uint64_t Uniform(uint64_t n) { return Next() % n; }

  // True with probability 1/n. REQUIRES: n > 0
  bool OneIn(uint64_t n) { return Uniform(n) == 0; }

  // Like Random::Skewed, for up to 64 bits.
  uint64_t Skewed(int max_log) {
    const uint64_t bits = Uniform(static_cast<uint64_t>(max_log) + 1);
    if (bits >= 64) return Next();
    return Uniform(uint64_t{1} << bits);
  }

 private:
  uint64_t state_;
};

// A string of len random printable characters (' ' to '~').
inline std::string RandomString(Random* rnd, int len) {
  std::string s;
  s.reserve(static_cast<size_t>(len));
  for (int i = 0; i < len; ++i) {
    s.push_back(static_cast<char>(' ' + rnd->Uniform(95)));
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
