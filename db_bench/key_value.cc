// Copyright (c) the rocksdb-cleanroom authors.

#include "key_value.h"

#include <algorithm>

namespace ROCKSDB_NAMESPACE {
namespace db_bench {

namespace {

// The value buffer's generator: the Lehmer / Park-Miller "minimal standard"
// generator (x' = 16807 x mod 2^31-1) from seed 301. The exact sequence
// matters: it makes our values byte-identical to RocksDB's db_bench's.
class MinStdRandom {
 public:
  explicit MinStdRandom(uint32_t seed) : state_(seed & 0x7fffffffu) {
    if (state_ == 0 || state_ == 2147483647u) state_ = 1;
  }
  uint32_t Next() {
    state_ = static_cast<uint32_t>((uint64_t{state_} * 16807) % 2147483647u);
    return state_;
  }
  uint32_t Uniform(uint32_t n) { return Next() % n; }

 private:
  uint32_t state_;
};

constexpr size_t kPieceSize = 100;
constexpr size_t kMinBufferSize = 1 << 20;

}  // namespace

KeyEncoder::KeyEncoder(int key_size)
    : key_size_(std::max(key_size, 0)), buf_(key_size_ + 1, '0') {}

Slice KeyEncoder::Encode(uint64_t n) {
  char be[8];
  for (int i = 7; i >= 0; i--) {
    be[i] = static_cast<char>(n & 0xff);
    n >>= 8;
  }
  const int prefix = std::min(key_size_, 8);
  std::copy(be + 8 - prefix, be + 8, buf_.begin());
  std::fill(buf_.begin() + prefix, buf_.begin() + key_size_, '0');
  return Slice(buf_.data(), key_size_);
}

Slice KeyEncoder::EncodeMissing(uint64_t n) {
  Encode(n);
  buf_[key_size_] = '.';
  return Slice(buf_.data(), key_size_ + 1);
}

ValueGenerator::ValueGenerator(double compression_ratio, int max_value_size) {
  MinStdRandom rnd(301);
  const size_t target = std::max(
      kMinBufferSize, static_cast<size_t>(std::max(max_value_size, 0)));
  size_t raw_len = static_cast<size_t>(kPieceSize * compression_ratio);
  raw_len = std::min(std::max<size_t>(raw_len, 1), kPieceSize);
  std::string raw;
  data_.reserve(target + kPieceSize);
  while (data_.size() < target) {
    raw.clear();
    for (size_t i = 0; i < raw_len; i++) {
      raw.push_back(static_cast<char>(' ' + rnd.Uniform(95)));
    }
    for (size_t filled = 0; filled < kPieceSize; filled += raw_len) {
      data_.append(raw, 0, std::min(raw_len, kPieceSize - filled));
    }
  }
}

Slice ValueGenerator::Generate(size_t len) {
  len = std::min(len, data_.size());
  if (pos_ + len > data_.size()) pos_ = 0;
  pos_ += len;
  return Slice(data_.data() + pos_ - len, len);
}

}  // namespace db_bench
}  // namespace ROCKSDB_NAMESPACE
