// Copyright (c) the rocksdb-cleanroom authors.
//
// The keys and values db_bench writes, laid out as RocksDB's db_bench lays
// them out (observed with `ldb scan --hex` / `ldb dump_wal` on databases
// /usr/bin/db_bench wrote; see docs/bench.md):
//
//   key   = key number as 8 big-endian bytes, then '0' up to --key_size
//           (a key_size below 8 keeps the low-order key_size bytes)
//   value = a window of a 1 MiB buffer made of 100-byte pieces; each piece
//           is int(100 * compression_ratio) random printable characters
//           repeated to 100 bytes, so values compress to about that ratio.
//           The buffer comes from a fixed seed: every run writes the same
//           values, whatever --seed is.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

// Writes key number `n` into a buffer of key_size bytes.
class KeyEncoder {
 public:
  explicit KeyEncoder(int key_size);

  // The returned slice points into this object and stays valid until the
  // next Encode().
  Slice Encode(uint64_t n);
  // Encode(n) followed by one extra byte, so that the key is never found.
  Slice EncodeMissing(uint64_t n);
  int key_size() const { return key_size_; }

 private:
  int key_size_;
  std::string buf_;
};

// Hands out consecutive windows of the value buffer.
class ValueGenerator {
 public:
  // REQUIRES: 0 <= compression_ratio.
  ValueGenerator(double compression_ratio, int max_value_size);

  // A value of `len` bytes; valid as long as this object lives.
  Slice Generate(size_t len);

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Per-thread random key numbers: uniform over [0, n) from a 64-bit
// Mersenne Twister, so that every build of db_bench draws the same sequence
// for the same seed.
class KeyRandom {
 public:
  explicit KeyRandom(uint64_t seed) : gen_(seed) {}

  uint64_t Next() { return gen_(); }
  // REQUIRES: n > 0.
  uint64_t Uniform(uint64_t n) { return gen_() % n; }

 private:
  std::mt19937_64 gen_;
};

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
