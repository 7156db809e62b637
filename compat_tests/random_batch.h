// Copyright (c) the rocksdb-cleanroom authors.
//
// Seeded generator of WriteBatch op lists for the differential tests, plus
// a printable form of an op list for failure reports. Every generated list
// respects BatchEngine::Build()'s REQUIRES, so Debian's assert-enabled
// library never aborts on it.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine_adapter.h"

namespace compat {

// A batch to build: constructor arguments and the calls to make.
struct BatchCase {
  BatchConfig config;
  std::vector<BatchOp> ops;
};

// Draws BatchCases. The same seed gives the same sequence on every
// platform (std::mt19937_64 is fully specified).
class RandomBatchGenerator {
 public:
  explicit RandomBatchGenerator(uint64_t seed) : rng_(seed) {}

  BatchCase Next();

 private:
  uint64_t Uniform(uint64_t n) { return n == 0 ? 0 : rng_() % n; }
  bool OneIn(uint64_t n) { return Uniform(n) == 0; }
  // Length in [0, max] favouring short ones.
  size_t SkewedLength(size_t max);
  std::string RandomBytes(size_t max_len);
  std::vector<std::string> Split(const std::string& s);
  int RandomFamily(const BatchConfig& config);
  BatchOp RandomOp(const BatchConfig& config);

  std::mt19937_64 rng_;
};

// "Put(cf=1, gather, key=[6162|63], value=[...])"-style text, one op per
// line, with the config first.
std::string DescribeCase(const BatchCase& c);

// Reads an unsigned integer from the environment, or `fallback`.
uint64_t EnvOr(const char* name, uint64_t fallback);

}  // namespace compat
