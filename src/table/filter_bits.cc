// Copyright (c) the rocksdb-cleanroom authors.
//
// FastLocalBloom, RocksDB's format_version 5 full filter
// (ROCKSDB_FORMAT_SPEC.md 5.7). Contents of a filter block:
//
//   bits[len]            len = 64 * num_lines; each 64-byte line holds
//                        512 bits, bit b at byte b / 8, bit b % 8
//   0xFF                 marker: "new" filter implementations (int8 -1)
//   0x00                 sub-implementation 0: FastLocalBloom
//   num_probes           low 5 bits; high 3 bits 0 (64-byte lines)
//   0x00 0x00            reserved
//
// A key's 64-bit XXH3p hash h picks one line from its low half,
// line = (low32(h) * num_lines) >> 32, and num_probes bits inside that line
// from its high half h2: bit h2 >> 23, then h2 *= 0x9E3779B9 (mod 2^32) for
// the next probe. Every probe of a key therefore touches one cache line.

#include "table/filter_bits.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "util/xxh3p.h"

namespace ROCKSDB_NAMESPACE {
namespace {

constexpr size_t kMetadataLen = 5;
constexpr size_t kLineBytes = 64;
// Keeps num_lines within 32 bits for the line computation.
constexpr size_t kMaxBitsLength = 0xFFFFFFC0u;
constexpr uint32_t kProbeMultiplier = 0x9E3779B9u;
// On-disk trailer bytes: never change.
constexpr char kNewImplMarker = static_cast<char>(0xFF);  // int8 -1
constexpr char kFastLocalBloomSubImpl = 0;

inline uint64_t KeyHash(const Slice& key) {
  return XXH3p_64bits(key.data(), key.size());
}

// Byte offset of the line that hash h uses in a filter of num_lines lines.
inline size_t LineOffset(uint64_t h, uint32_t num_lines) {
  const uint64_t h1 = static_cast<uint32_t>(h);
  return static_cast<size_t>((h1 * num_lines) >> 32) * kLineBytes;
}

inline void SetProbes(uint64_t h, int num_probes, uint8_t* line) {
  uint32_t h2 = static_cast<uint32_t>(h >> 32);
  for (int i = 0; i < num_probes; ++i) {
    const uint32_t bit = h2 >> 23;
    line[bit >> 3] |= static_cast<uint8_t>(1u << (bit & 7));
    h2 *= kProbeMultiplier;
  }
}

// All probes are tested without an early exit: one cache line is already
// loaded and a data-dependent branch per probe costs more than the loads.
inline bool TestProbes(uint64_t h, int num_probes, const uint8_t* line) {
  uint32_t h2 = static_cast<uint32_t>(h >> 32);
  unsigned all = 1;
  for (int i = 0; i < num_probes; ++i) {
    const uint32_t bit = h2 >> 23;
    all &= static_cast<unsigned>(line[bit >> 3]) >> (bit & 7);
    h2 *= kProbeMultiplier;
  }
  return (all & 1) != 0;
}

inline void PrefetchLine(const void* p) {
#if defined(__GNUC__)
  __builtin_prefetch(p);
#endif
}

class FastLocalBloomBuilder : public FilterBitsBuilder {
 public:
  explicit FastLocalBloomBuilder(int millibits_per_key)
      : millibits_per_key_(millibits_per_key),
        num_probes_(FastLocalBloomNumProbes(millibits_per_key)) {}

  void AddKey(const Slice& key) override {
    const uint64_t h = KeyHash(key);
    // Equal hashes in a row are the same key (or a 2^-64 coincidence that
    // costs nothing: the bits would be the same).
    if (hashes_.empty() || hashes_.back() != h) hashes_.push_back(h);
  }

  size_t EstimateEntriesAdded() override { return hashes_.size(); }

  Slice Finish(std::unique_ptr<const char[]>* buf) override {
    const size_t len =
        FastLocalBloomBitsLength(hashes_.size(), millibits_per_key_);
    const size_t total = len + kMetadataLen;
    std::unique_ptr<char[]> mem(new char[total]());
    uint8_t* bits = reinterpret_cast<uint8_t*>(mem.get());
    if (len > 0) {
      const uint32_t num_lines = static_cast<uint32_t>(len / kLineBytes);
      // Prefetch a few keys ahead: the lines are scattered over the array.
      constexpr size_t kAhead = 8;
      const size_t n = hashes_.size();
      for (size_t i = 0; i < std::min(n, kAhead); ++i) {
        PrefetchLine(bits + LineOffset(hashes_[i], num_lines));
      }
      for (size_t i = 0; i < n; ++i) {
        if (i + kAhead < n) {
          PrefetchLine(bits + LineOffset(hashes_[i + kAhead], num_lines));
        }
        SetProbes(hashes_[i], num_probes_,
                  bits + LineOffset(hashes_[i], num_lines));
      }
    }
    mem[len] = kNewImplMarker;
    mem[len + 1] = kFastLocalBloomSubImpl;
    mem[len + 2] = static_cast<char>(num_probes_);
    // mem[len + 3], mem[len + 4]: reserved, zero.
    std::vector<uint64_t>().swap(hashes_);
    const char* data = mem.get();
    buf->reset(mem.release());
    return Slice(data, total);
  }

  // The largest n whose filter fits in `bytes` (trailer included).
  size_t ApproximateNumEntries(size_t bytes) override {
    if (bytes <= kMetadataLen) return 0;
    const uint64_t lines =
        std::min(bytes - kMetadataLen, kMaxBitsLength) / kLineBytes;
    return static_cast<size_t>(lines * 512000 /
                               static_cast<uint64_t>(millibits_per_key_));
  }

 private:
  const int millibits_per_key_;
  const int num_probes_;
  std::vector<uint64_t> hashes_;  // one per distinct key, in added order
};

class FastLocalBloomReader : public FilterBitsReader {
 public:
  // REQUIRES: len is a non-zero multiple of 64 (<= kMaxBitsLength) and
  // 1 <= num_probes <= 30.
  FastLocalBloomReader(const char* data, size_t len, int num_probes)
      : data_(reinterpret_cast<const uint8_t*>(data)),
        num_lines_(static_cast<uint32_t>(len / kLineBytes)),
        num_probes_(num_probes) {}

  bool MayMatch(const Slice& key) override {
    const uint64_t h = KeyHash(key);
    return TestProbes(h, num_probes_, data_ + LineOffset(h, num_lines_));
  }

  // Hashes a group of keys and prefetches their lines before testing any.
  void MayMatch(int num_keys, Slice** keys, bool* may_match) override {
    constexpr int kGroup = 32;
    uint64_t hashes[kGroup];
    const uint8_t* lines[kGroup];
    for (int start = 0; start < num_keys; start += kGroup) {
      const int n = std::min(kGroup, num_keys - start);
      for (int i = 0; i < n; ++i) {
        hashes[i] = KeyHash(*keys[start + i]);
        lines[i] = data_ + LineOffset(hashes[i], num_lines_);
        PrefetchLine(lines[i]);
      }
      for (int i = 0; i < n; ++i) {
        may_match[start + i] = TestProbes(hashes[i], num_probes_, lines[i]);
      }
    }
  }

 private:
  const uint8_t* const data_;
  const uint32_t num_lines_;
  const int num_probes_;
};

// A filter whose answer does not depend on the key.
class ConstantReader : public FilterBitsReader {
 public:
  explicit ConstantReader(bool answer) : answer_(answer) {}
  bool MayMatch(const Slice&) override { return answer_; }
  void MayMatch(int num_keys, Slice**, bool* may_match) override {
    std::fill(may_match, may_match + std::max(num_keys, 0), answer_);
  }

 private:
  const bool answer_;
};

}  // namespace

void FilterBitsReader::MayMatch(int num_keys, Slice** keys, bool* may_match) {
  for (int i = 0; i < num_keys; ++i) may_match[i] = MayMatch(*keys[i]);
}

int FastLocalBloomNumProbes(int millibits_per_key) {
  // Spec 5.7: the probe count minimising the false positive rate of a
  // 512-bit line at each density, as RocksDB 7.8.3 picks it (observed for
  // every threshold below).
  struct Step {
    int max_millibits;
    int num_probes;
  };
  static constexpr Step kSteps[] = {
      {2080, 1},  {3580, 2},  {5100, 3},  {6640, 4},   {8300, 5},   {10070, 6},
      {11720, 7}, {14001, 8}, {16050, 9}, {18300, 10}, {22001, 11}, {25501, 12},
  };
  for (const Step& s : kSteps) {
    if (millibits_per_key <= s.max_millibits) return s.num_probes;
  }
  if (millibits_per_key > 50000) return 24;
  return (millibits_per_key - 1) / 2000 - 1;
}

size_t FastLocalBloomBitsLength(size_t num_keys, int millibits_per_key) {
  // ceil(num_keys * bits_per_key / 8) rounded up to whole 64-byte lines,
  // i.e. ceil(num_keys * millibits / (8000 * 64)) lines.
  const uint64_t millibits = static_cast<uint64_t>(num_keys) *
                             static_cast<uint64_t>(millibits_per_key);
  const uint64_t lines = (millibits + 511999) / 512000;
  return static_cast<size_t>(
      std::min<uint64_t>(lines * kLineBytes, kMaxBitsLength));
}

std::unique_ptr<FilterBitsBuilder> NewFastLocalBloomBuilder(
    int millibits_per_key) {
  return std::unique_ptr<FilterBitsBuilder>(
      new FastLocalBloomBuilder(millibits_per_key));
}

std::unique_ptr<FilterBitsReader> NewFilterBitsReader(const Slice& contents) {
  if (contents.size() <= kMetadataLen) {
    return std::unique_ptr<FilterBitsReader>(new ConstantReader(false));
  }
  const size_t len = contents.size() - kMetadataLen;
  const char* trailer = contents.data() + len;
  if (trailer[0] == kNewImplMarker && trailer[1] == kFastLocalBloomSubImpl &&
      trailer[3] == 0 && trailer[4] == 0) {
    const uint8_t block_and_probes = static_cast<uint8_t>(trailer[2]);
    const int num_probes = block_and_probes & 0x1F;
    const bool line_size_ok = (block_and_probes >> 5) == 0;  // 64-byte lines
    if (line_size_ok && num_probes >= 1 && num_probes <= 30 &&
        len % kLineBytes == 0 && len <= kMaxBitsLength) {
      return std::unique_ptr<FilterBitsReader>(
          new FastLocalBloomReader(contents.data(), len, num_probes));
    }
  }
  // Ribbon (marker 0xFE), legacy Bloom (positive marker), the "always
  // match" marker 0, and anything unknown or malformed: reading it as "may
  // match" can only cost a lookup, never lose a key.
  return std::unique_ptr<FilterBitsReader>(new ConstantReader(true));
}

}  // namespace ROCKSDB_NAMESPACE
