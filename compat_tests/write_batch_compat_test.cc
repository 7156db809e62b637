// Copyright (c) the rocksdb-cleanroom authors.
//
// Differential tests of WriteBatch: the same op lists and the same
// serialized batches go through Debian's RocksDB and ours; everything the
// public API reports must be identical.
//
// Environment:
//   COMPAT_SEED=<n>        seed of the random batches (printed on start)
//   COMPAT_BATCHES=<n>     number of random batches (default 10000)

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>

#include "engine_adapter.h"
#include "random_batch.h"

namespace compat {
namespace {

constexpr uint64_t kDefaultSeed = 20221128;
constexpr uint64_t kDefaultBatches = 10000;

std::string Hex(const std::string& s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// First difference between two observations, or "" if none.
std::string Diff(const BatchObservation& real, const BatchObservation& ours) {
  auto quote = [](const std::string& s) {
    return s.size() > 300 ? s.substr(0, 300) + "...(" +
                                std::to_string(s.size()) + " bytes)"
                          : s;
  };
  auto field = [&](const char* name, const std::string& a,
                   const std::string& b) -> std::string {
    if (a == b) return "";
    return std::string(name) + ":\n    real: " + quote(a) +
           "\n    ours: " + quote(b);
  };
  const size_t n = std::max(real.op_results.size(), ours.op_results.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string a = i < real.op_results.size() ? real.op_results[i] : "";
    const std::string b = i < ours.op_results.size() ? ours.op_results[i] : "";
    std::string d =
        field(("op #" + std::to_string(i) + " status").c_str(), a, b);
    if (!d.empty()) return d;
  }
  for (const std::string& d : {
           field("Data()", Hex(real.data), Hex(ours.data)),
           field("Count()", std::to_string(real.count),
                 std::to_string(ours.count)),
           field("GetDataSize()", std::to_string(real.data_size),
                 std::to_string(ours.data_size)),
           field("Has*()", real.flags, ours.flags),
           field("GetWalTerminationPoint()", real.wal_term_point,
                 ours.wal_term_point),
           field("GetProtectionBytesPerKey()",
                 std::to_string(real.protection_bytes),
                 std::to_string(ours.protection_bytes)),
           field("VerifyChecksum()", real.verify_checksum,
                 ours.verify_checksum),
           field("Iterate(trace)", real.trace, ours.trace),
           field("Iterate(legacy)", real.legacy_trace, ours.legacy_trace),
           field("Iterate(base Handler)", real.bare_status, ours.bare_status),
       }) {
    if (!d.empty()) return d;
  }
  return "";
}

class WriteBatchCompatTest : public ::testing::Test {
 protected:
  std::string DiffBuild(const BatchCase& c) {
    return Diff(real_.batch->Build(c.config, c.ops),
                ours_.batch->Build(c.config, c.ops));
  }

  std::string DiffRep(const std::string& rep, bool with_flags) {
    return Diff(real_.batch->FromRep(rep, with_flags),
                ours_.batch->FromRep(rep, with_flags));
  }

  // Drops ops while the engines still disagree, for a short report.
  BatchCase Shrink(BatchCase c) {
    bool progress = true;
    while (progress) {
      progress = false;
      for (size_t i = c.ops.size(); i-- > 0;) {
        BatchCase smaller = c;
        smaller.ops.erase(smaller.ops.begin() + static_cast<long>(i));
        if (!DiffBuild(smaller).empty()) {
          c = smaller;
          progress = true;
        }
      }
    }
    return c;
  }

  Engine real_ = NewRealEngine();
  Engine ours_ = NewOurEngine();
};

TEST_F(WriteBatchCompatTest, RandomBatchesAreIdentical) {
  const uint64_t seed = EnvOr("COMPAT_SEED", kDefaultSeed);
  const uint64_t batches = EnvOr("COMPAT_BATCHES", kDefaultBatches);
  std::printf(
      "WriteBatch differential test: COMPAT_SEED=%llu COMPAT_BATCHES=%llu\n",
      static_cast<unsigned long long>(seed),
      static_cast<unsigned long long>(batches));
  RandomBatchGenerator gen(seed);
  for (uint64_t i = 0; i < batches; ++i) {
    const BatchCase c = gen.Next();
    const std::string diff = DiffBuild(c);
    if (!diff.empty()) {
      const BatchCase small = Shrink(c);
      FAIL() << "batch #" << i << " (COMPAT_SEED=" << seed
             << ") differs; shrunk to:\n"
             << DescribeCase(small) << DiffBuild(small);
    }
  }
}

TEST_F(WriteBatchCompatTest, EachEngineReadsTheOthersBatches) {
  // WriteBatch(rep) over bytes built by the other engine.
  const uint64_t seed = EnvOr("COMPAT_SEED", kDefaultSeed) + 1;
  RandomBatchGenerator gen(seed);
  for (int i = 0; i < 2000; ++i) {
    const BatchCase c = gen.Next();
    const std::string real_rep = real_.batch->Build(c.config, c.ops).data;
    const std::string ours_rep = ours_.batch->Build(c.config, c.ops).data;
    for (const std::string* rep : {&real_rep, &ours_rep}) {
      const std::string diff = DiffRep(*rep, /*with_flags=*/true);
      ASSERT_EQ("", diff) << "batch #" << i << " (COMPAT_SEED=" << seed << ")\n"
                          << DescribeCase(c);
    }
  }
}

// The bytes of a string literal, embedded NULs included.
template <size_t N>
std::string B(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

std::string Header(uint64_t seq, uint32_t count) {
  std::string s(12, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(seq >> (8 * i));
  for (int i = 0; i < 4; ++i) s[8 + i] = static_cast<char>(count >> (8 * i));
  return s;
}

TEST_F(WriteBatchCompatTest, HandWrittenBatches) {
  struct Case {
    std::string rep;
    bool with_flags;
  } cases[] = {
      // Two-phase commit markers, blob indexes, commit with timestamp.
      {Header(1, 1) + B("\x09\x01\x02tk\x02tv\x0a\x04xid1"), true},
      {Header(1, 0) + B("\x0b\x04xid1"), true},
      {Header(2, 0) + B("\x0c\x04xid2"), true},
      {Header(0, 0) + B("\x12\x13\x15\x02ts\x01x"), true},
      {Header(0, 2) + B("\x11\x01k\x01v\x10\x02\x01k\x01v"), true},
      // Noop (no flags: RocksDB's flag scan asserts on it).
      {Header(0, 0) + B("\x0d"), false},
      {Header(0, 1) + B("\x09\x01\x01k\x01v\x0a\x01x\x0d\x0d"), false},
      // Malformed.
      {Header(0, 3), true},
      {Header(0, 1) + B("\x7f\x01k"), true},
      {Header(0, 1) + B("\x14\x01k\x01v"), true},
      {Header(0, 1) + B("\x05\xff\xff\xff\xff\xff\x01"), true},
      {Header(0, 1) + B("\x01\x01k\x01v\x00"), true},
      {Header(0, 0) + B("\x15\x01t\x05x"), true},
      {Header(0, 1) + B("\x16\x01k\x01y"), true},
      {Header(0, 1) + B("\x0e\x01\x01k"), true},
      {Header(0, 0) + B("\x03\x05k"), true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ("", DiffRep(c.rep, c.with_flags));
  }
}

TEST_F(WriteBatchCompatTest, DamagedBatchesFailTheSameWay) {
  // Random damage to valid batches: same Corruption messages, same partial
  // traces. Flags are left out (RocksDB asserts on a damaged Noop).
  const uint64_t seed = EnvOr("COMPAT_SEED", kDefaultSeed) + 2;
  RandomBatchGenerator gen(seed);
  std::mt19937_64 rng(seed);
  for (int i = 0; i < 3000; ++i) {
    BatchCase c = gen.Next();
    c.config.max_bytes = 0;
    std::string rep = real_.batch->Build(c.config, c.ops).data;
    const int damage = 1 + static_cast<int>(rng() % 3);
    for (int d = 0; d < damage && rep.size() > 12; ++d) {
      const size_t pos = 8 + rng() % (rep.size() - 8);
      switch (rng() % 3) {
        case 0:
          rep[pos] = static_cast<char>(rng() % 256);
          break;
        case 1:
          rep.resize(pos < 12 ? 12 : pos);
          break;
        default:
          rep.insert(pos, 1, static_cast<char>(rng() % 256));
          break;
      }
    }
    ASSERT_EQ("", DiffRep(rep, /*with_flags=*/false))
        << "damaged batch #" << i << " (COMPAT_SEED=" << (seed - 2) << ")";
  }
}

}  // namespace
}  // namespace compat
