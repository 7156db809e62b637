// Copyright (c) the rocksdb-cleanroom authors.
//
// Randomized damage to log files: truncation, bit flips, overwritten
// ranges, appended garbage and wholly random files, in every recovery mode,
// with legacy, recyclable and compressed files. The reader must never
// crash or hang, and must never hand out data it cannot vouch for:
//   - truncation: exactly the records that fit before the cut come back,
//     and only the modes that report torn tails (ABS, PIT) report;
//   - bit flips: the records before the first report are a prefix of the
//     written ones (no hole);
//   - overwritten ranges: until the first report every record returned is
//     a written record, in order.
// The seed is printed on failure; ROCKSDB_LOG_FUZZ_ITERATIONS raises the
// iteration count.

#include <gtest/gtest.h>

#include <cstdlib>

#include "util/random.h"
#include "wal/log_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace log {
namespace {

constexpr WALRecoveryMode kAllModes[] = {
    WALRecoveryMode::kTolerateCorruptedTailRecords,
    WALRecoveryMode::kAbsoluteConsistency,
    WALRecoveryMode::kPointInTimeRecovery,
    WALRecoveryMode::kSkipAnyCorruptedRecords};

int Iterations(int fallback) {
  const char* env = getenv("ROCKSDB_LOG_FUZZ_ITERATIONS");
  return env != nullptr ? atoi(env) : fallback;
}

struct Written {
  std::vector<std::string> records;
  std::vector<uint64_t> ends;  // file size after each record
  std::string file;
  bool recycle;
  CompressionType compression;
};

Written MakeLog(Random* rnd) {
  Written w;
  w.recycle = rnd->OneIn(2);
  w.compression = rnd->OneIn(4) ? kZSTD : kNoCompression;
  auto writer =
      test::NewStringWriter(&w.file, 77, w.recycle, false, w.compression);
  const int n = 1 + static_cast<int>(rnd->Uniform(40));
  for (int i = 0; i < n; i++) {
    // Never empty: a zero-length Full record could turn into a zero header
    // by a single bit flip, which real logs treat as skippable padding.
    size_t len = 1 + (rnd->OneIn(8) ? rnd->Uniform(80000) : rnd->Skewed(10));
    std::string r(len, '\0');
    for (auto& c : r)
      c = static_cast<char>(rnd->Uniform(rnd->OneIn(2) ? 4 : 256));
    EXPECT_TRUE(writer->AddRecord(r).ok());
    w.records.push_back(r);
    w.ends.push_back(writer->file_size());
  }
  return w;
}

bool IsPrefix(const std::vector<std::string>& written,
              const std::vector<std::string>& got, size_t n) {
  if (n > got.size() || n > written.size()) return false;
  for (size_t i = 0; i < n; i++) {
    if (written[i] != got[i]) return false;
  }
  return true;
}

// Every one of the first n records of got appears in written, in order.
bool IsSubsequence(const std::vector<std::string>& written,
                   const std::vector<std::string>& got, size_t n) {
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    while (j < written.size() && written[j] != got[i]) j++;
    if (j == written.size()) return false;
    j++;
  }
  return true;
}

TEST(LogFuzzTest, Truncation) {
  const int iterations = Iterations(300);
  for (int it = 0; it < iterations; it++) {
    Random rnd(1000 + it);
    Written w = MakeLog(&rnd);
    const size_t cut = rnd.Uniform(static_cast<int>(w.file.size()) + 1);
    const std::string d = w.file.substr(0, cut);
    size_t complete = 0;
    while (complete < w.ends.size() && w.ends[complete] <= cut) complete++;
    for (auto mode : kAllModes) {
      auto r = test::ReadLog(d, mode, 77);
      SCOPED_TRACE("seed " + std::to_string(1000 + it) + " mode " +
                   std::to_string(static_cast<int>(mode)));
      EXPECT_EQ(complete, r.records.size());
      EXPECT_TRUE(IsPrefix(w.records, r.records, r.records.size()));
      if (mode == WALRecoveryMode::kTolerateCorruptedTailRecords ||
          mode == WALRecoveryMode::kSkipAnyCorruptedRecords) {
        EXPECT_TRUE(r.reports.empty()) << r.reports[0];
      }
    }
  }
}

TEST(LogFuzzTest, BitFlipsNeverLeaveHoles) {
  const int iterations = Iterations(300);
  for (int it = 0; it < iterations; it++) {
    Random rnd(5000 + it);
    Written w = MakeLog(&rnd);
    std::string d = w.file;
    const int flips = 1 + static_cast<int>(rnd.Uniform(3));
    for (int f = 0; f < flips; f++) {
      d[rnd.Uniform(static_cast<int>(d.size()))] ^=
          static_cast<char>(1 << rnd.Uniform(8));
    }
    for (auto mode : kAllModes) {
      auto r = test::ReadLog(d, mode, 77);
      SCOPED_TRACE("seed " + std::to_string(5000 + it));
      EXPECT_TRUE(
          IsPrefix(w.records, r.records, r.records_before_first_report));
    }
  }
}

TEST(LogFuzzTest, OverwrittenRangesAndGarbage) {
  const int iterations = Iterations(300);
  for (int it = 0; it < iterations; it++) {
    Random rnd(9000 + it);
    Written w = MakeLog(&rnd);
    std::string d = w.file;
    const size_t at = rnd.Uniform(static_cast<int>(d.size()));
    const size_t len = std::min<size_t>(d.size() - at, 1 + rnd.Skewed(12));
    const int kind = static_cast<int>(rnd.Uniform(3));
    for (size_t i = at; i < at + len; i++) {
      d[i] = kind == 0 ? '\0' : static_cast<char>(rnd.Uniform(256));
    }
    if (kind == 2) {
      for (int i = rnd.Uniform(100); i > 0; i--) {
        d.push_back(static_cast<char>(rnd.Uniform(256)));
      }
    }
    for (auto mode : kAllModes) {
      for (bool checksum : {true, false}) {
        auto r = test::ReadLog(d, mode, 77, checksum);
        if (!checksum) continue;  // only "no crash" without CRCs
        SCOPED_TRACE("seed " + std::to_string(9000 + it));
        EXPECT_TRUE(
            IsSubsequence(w.records, r.records, r.records_before_first_report));
      }
    }
  }
}

TEST(LogFuzzTest, RandomFilesNeverCrash) {
  const int iterations = Iterations(300);
  for (int it = 0; it < iterations; it++) {
    Random rnd(20000 + it);
    std::string d(rnd.Uniform(100000), '\0');
    for (auto& c : d)
      c = static_cast<char>(rnd.Uniform(rnd.OneIn(3) ? 2 : 256));
    // Sometimes start with a valid compression record so frames get
    // decompressed.
    if (rnd.OneIn(2)) {
      std::string z = test::WriteLog({"x"}, 77, rnd.OneIn(2), kZSTD);
      d.replace(0, std::min(d.size(), z.size()), z);
    }
    for (auto mode : kAllModes) {
      auto r = test::ReadLog(d, mode, 77, rnd.OneIn(2));
      EXPECT_LE(r.records.size(), d.size());
    }
  }
}

}  // namespace
}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
