// Copyright (c) the rocksdb-cleanroom authors.
//
// The reader's answer to every kind of damage, in every WALRecoveryMode.
// The file layout (5 small records, one of 70019 bytes in three fragments,
// one small record) and each damage are the ones applied to RocksDB
// 7.8.3-written WALs when its behaviour was observed; the expectations are
// those observations, restated at the reader level (docs/formats/log.md):
//   TCT / ABS: the first report, which makes DB::Open fail ("" = none);
//   PIT: how many records come before the first report (what recovery
//        keeps), and PIT reports exactly what ABS reports;
//   SKIP: the records returned (-1 = a record stitched from fragments of
//        different records, which the DB then rejects as a bad batch).

#include <gtest/gtest.h>

#include <functional>

#include "wal/log_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace log {
namespace {

using test::FixCrc;
using test::ParsePhysical;
using test::Physical;
using test::ReadLog;

constexpr int kRecords = 7;

std::vector<std::string> Records() {
  std::vector<std::string> r;
  for (int i = 0; i < 5; i++)
    r.push_back("record-number-" + std::to_string(i) + "-xyz");
  std::string big(70019, '\0');
  for (size_t i = 0; i < big.size(); i++) big[i] = static_cast<char>(i * 7);
  r.push_back(big);
  r.push_back("the-last-record-666");
  return r;
}

struct Case {
  const char* name;
  bool recycle;
  // Edits the file; p are its physical records: 0-4 the small records,
  // 5/6/7 First/Middle/Last of record 5, 8 record 6.
  std::function<void(std::string*, const std::vector<Physical>&)> damage;
  const char* tct;
  const char* abs;
  size_t pit_kept;
  std::vector<int> skip;
};

void SetType(std::string* d, const Physical& p, unsigned type) {
  (*d)[p.offset + 6] = static_cast<char>(type);
  FixCrc(d, p);
}

const std::vector<int> kAll = {0, 1, 2, 3, 4, 5, 6};
const std::vector<int> kUpTo5 = {0, 1, 2, 3, 4, 5};
const std::vector<int> kUpTo4 = {0, 1, 2, 3, 4};

std::vector<Case> Cases() {
  using D = std::string*;
  using P = const std::vector<Physical>&;
  return {
      {"none", false, [](D, P) {}, "", "", 7, kAll},
      {"torn_body", false, [](D d, P p) { d->resize(p[8].offset + 7 + 3); }, "",
       "truncated record body", 6, kUpTo5},
      {"torn_header", false, [](D d, P p) { d->resize(p[8].offset + 3); }, "",
       "truncated header", 6, kUpTo5},
      {"torn_first_fragment", false,
       [](D d, P p) { d->resize(p[5].offset + 7 + 100); }, "",
       "truncated record body", 5, kUpTo4},
      {"torn_middle_fragment", false,
       [](D d, P p) { d->resize(p[6].offset + 7 + 100); }, "",
       "truncated record body", 5, kUpTo4},
      {"torn_at_block_boundary", false,
       [](D d, P p) { d->resize(p[6].offset); }, "",
       "error reading trailing data", 5, kUpTo4},
      {"zero_tail", false, [](D d, P) { d->append(1000, '\0'); }, "", "", 7,
       kAll},
      {"zero_tail_past_blocks", false, [](D d, P) { d->append(70000, '\0'); },
       "", "", 7, kAll},
      {"zero_tail_shorter_than_header", false,
       [](D d, P) { d->append(5, '\0'); }, "", "truncated header", 7, kAll},
      {"garbage_tail", false,
       [](D d, P) {
         d->append("\x12\x34\x56\x78\xff\x7f\x01", 7);
         d->append(50, 'g');
       },
       "", "truncated record body", 7, kAll},
      {"bit_flip_mid",
       false,
       [](D d, P p) { (*d)[p[2].offset + 10] ^= 1; },
       "checksum mismatch",
       "checksum mismatch",
       2,
       {0, 1, 6}},
      {"bit_flip_last", false, [](D d, P p) { (*d)[p[8].offset + 10] ^= 1; },
       "checksum mismatch", "checksum mismatch", 6, kUpTo5},
      {"crc_flip_last", false, [](D d, P p) { (*d)[p[8].offset] ^= 1; },
       "checksum mismatch", "checksum mismatch", 6, kUpTo5},
      {"bit_flip_middle_fragment",
       false,
       [](D d, P p) { (*d)[p[6].offset + 57] ^= 1; },
       "checksum mismatch",
       "checksum mismatch",
       5,
       {0, 1, 2, 3, 4, 6}},
      {"length_larger_within_block",
       false,
       [](D d, P p) { (*d)[p[2].offset + 5] = 0x7f; },
       "checksum mismatch",
       "checksum mismatch",
       2,
       {0, 1, 6}},
      {"length_smaller",
       false,
       [](D d, P p) { (*d)[p[2].offset + 4] -= 1; },
       "checksum mismatch",
       "checksum mismatch",
       2,
       {0, 1, 6}},
      {"length_past_block",
       false,
       [](D d, P p) {
         (*d)[p[2].offset + 4] = '\xff';
         (*d)[p[2].offset + 5] = '\xff';
       },
       "bad record length",
       "bad record length",
       2,
       {0, 1, 6}},
      {"length_past_end_of_file", false,
       [](D d, P p) { (*d)[p[8].offset + 5] = 0x7f; }, "",
       "truncated record body", 6, kUpTo5},
      {"unknown_type",
       false,
       [](D d, P p) { SetType(d, p[3], 20); },
       "unknown record type 20",
       "unknown record type 20",
       3,
       {0, 1, 2, 4, 5, 6}},
      {"unknown_type_high_bit",
       false,
       [](D d, P p) { SetType(d, p[3], 0x85); },
       "unknown record type 4294967173",
       "unknown record type 4294967173",
       3,
       {0, 1, 2, 4, 5, 6}},
      {"unknown_type_last", false, [](D d, P p) { SetType(d, p[8], 20); },
       "unknown record type 20", "unknown record type 20", 6, kUpTo5},
      {"zero_type_with_payload",
       false,
       [](D d, P p) { SetType(d, p[3], 0); },
       "unknown record type 0",
       "unknown record type 0",
       3,
       {0, 1, 2, 4, 5, 6}},
      {"zero_header_mid_block",
       false,
       [](D d, P p) { d->replace(p[3].offset, 7, std::string(7, '\0')); },
       "missing start of fragmented record(1)",
       "missing start of fragmented record(1)",
       3,
       {0, 1, 2, 6}},
      {"zero_header_inside_record",
       false,
       [](D d, P p) { d->replace(p[6].offset, 7, std::string(7, '\0')); },
       "error in middle of record",
       "error in middle of record",
       5,
       {0, 1, 2, 3, 4, 6}},
      {"middle_without_first",
       false,
       [](D d, P p) { SetType(d, p[5], 3); },
       "missing start of fragmented record(1)",
       "missing start of fragmented record(1)",
       5,
       {0, 1, 2, 3, 4, 6}},
      {"first_inside_record",
       false,
       [](D d, P p) { SetType(d, p[6], 2); },
       "partial record without end(2)",
       "partial record without end(2)",
       5,
       {0, 1, 2, 3, 4, -1, 6}},
      {"last_without_first",
       false,
       [](D d, P p) { SetType(d, p[5], 4); },
       "missing start of fragmented record(2)",
       "missing start of fragmented record(2)",
       5,
       {0, 1, 2, 3, 4, 6}},
      {"full_inside_record",
       false,
       [](D d, P p) { SetType(d, p[7], 3); },
       "partial record without end(1)",
       "partial record without end(1)",
       5,
       {0, 1, 2, 3, 4, 6}},
      {"empty_file", false, [](D d, P) { d->clear(); }, "", "", 0, {}},
      // Recyclable files (log number 4).
      {"recycled_none", true, [](D, P) {}, "", "", 7, kAll},
      {"recycled_old_record_mid",
       true,
       [](D d, P p) {
         (*d)[p[2].offset + 7] ^= 0x40;
         FixCrc(d, p[2]);
       },
       "",
       "",
       2,
       {0, 1}},
      {"recycled_old_record_last", true,
       [](D d, P p) {
         (*d)[p[8].offset + 7] ^= 0x40;
         FixCrc(d, p[8]);
       },
       "", "", 6, kUpTo5},
      // SKIP: RocksDB 7.8.3 loops forever here; we stop.
      {"recycled_old_record_inside_record", true,
       [](D d, P p) {
         (*d)[p[6].offset + 7] ^= 0x40;
         FixCrc(d, p[6]);
       },
       "", "error reading trailing data", 5, kUpTo4},
      {"recycled_bit_flip_mid",
       true,
       [](D d, P p) { (*d)[p[2].offset + 14] ^= 1; },
       "",
       "checksum mismatch",
       2,
       {0, 1, 6}},
      {"recycled_bit_flip_last", true,
       [](D d, P p) { (*d)[p[8].offset + 14] ^= 1; }, "", "checksum mismatch",
       6, kUpTo5},
      {"recycled_torn_body", true,
       [](D d, P p) { d->resize(p[8].offset + 11 + 3); }, "",
       "truncated record body", 6, kUpTo5},
      {"recycled_torn_header", true,
       [](D d, P p) { d->resize(p[8].offset + 9); }, "", "truncated header", 6,
       kUpTo5},
  };
}

std::string FirstReport(const test::ReadResult& r) {
  if (r.reports.empty()) return "";
  const std::string prefix = "Corruption: ";
  EXPECT_EQ(0u, r.reports[0].find(prefix)) << r.reports[0];
  return r.reports[0].substr(prefix.size());
}

class LogCorruptionTest : public testing::TestWithParam<Case> {};

TEST_P(LogCorruptionTest, MatchesRocksDB) {
  const Case& c = GetParam();
  const auto records = Records();
  std::string d = test::WriteLog(records, 4, c.recycle);
  const auto phys = ParsePhysical(d);
  ASSERT_EQ(9u, phys.size());
  // The layout RocksDB produced for the same records.
  ASSERT_EQ(c.recycle ? 150u : 130u, phys[5].offset);
  ASSERT_EQ(c.recycle ? 70202u : 70170u, phys[8].offset);
  c.damage(&d, phys);

  auto tct = ReadLog(d, WALRecoveryMode::kTolerateCorruptedTailRecords);
  auto abs = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency);
  auto pit = ReadLog(d, WALRecoveryMode::kPointInTimeRecovery);
  auto skip = ReadLog(d, WALRecoveryMode::kSkipAnyCorruptedRecords);

  EXPECT_EQ(c.tct, FirstReport(tct));
  EXPECT_EQ(c.abs, FirstReport(abs));
  EXPECT_EQ(c.abs, FirstReport(pit));
  EXPECT_EQ(c.pit_kept, pit.records_before_first_report);
  // Without reports a mode keeps what point-in-time keeps.
  if (tct.reports.empty()) {
    EXPECT_EQ(c.pit_kept, tct.records.size());
  }
  if (abs.reports.empty()) {
    EXPECT_EQ(c.pit_kept, abs.records.size());
  }
  // Whatever is kept is a prefix of what was written.
  for (size_t i = 0; i < c.pit_kept && i < pit.records.size(); i++) {
    EXPECT_TRUE(records[i] == pit.records[i]) << i;
  }

  ASSERT_EQ(c.skip.size(), skip.records.size());
  for (size_t i = 0; i < c.skip.size(); i++) {
    if (c.skip[i] >= 0) {
      EXPECT_TRUE(records[c.skip[i]] == skip.records[i]) << i;
    } else {
      for (const auto& r : records) EXPECT_FALSE(r == skip.records[i]);
    }
  }
}

INSTANTIATE_TEST_CASE_P(AllDamages, LogCorruptionTest,
                        testing::ValuesIn(Cases()),
                        [](const testing::TestParamInfo<Case>& info) {
                          return std::string(info.param.name);
                        });

TEST(LogCompressionRecordTest, Problems) {
  std::vector<std::string> in = {"alpha", "beta"};
  const std::string good = test::WriteLog(in, 4, false, kZSTD);
  auto phys = ParsePhysical(good);
  ASSERT_EQ(3u, phys.size());
  ASSERT_EQ(kSetCompressionType, phys[0].type);

  // An unsupported compression type: reported; the records are then
  // returned still compressed (as RocksDB does).
  std::string d = good;
  d[phys[0].offset + 7] = 1;  // kSnappyCompression
  FixCrc(&d, phys[0]);
  auto r = ReadLog(d, WALRecoveryMode::kSkipAnyCorruptedRecords);
  ASSERT_FALSE(r.reports.empty());
  EXPECT_EQ("Corruption: could not decode SetCompressionType record",
            r.reports[0]);
  EXPECT_EQ(2u, r.records.size());
  EXPECT_NE(in[0], r.records[0]);

  // Two compression records.
  std::string twice = good.substr(0, 11) + good;
  // (The copy shifts nothing inside block 0 that the reader relies on.)
  r = ReadLog(twice, WALRecoveryMode::kSkipAnyCorruptedRecords);
  ASSERT_FALSE(r.reports.empty());
  EXPECT_EQ("Corruption: read multiple SetCompressionType records",
            r.reports[0]);
  EXPECT_EQ(in, r.records);

  // A compression record after data.
  std::string late = test::WriteLog({"plain"});
  late += good.substr(0, 11);
  r = ReadLog(late, WALRecoveryMode::kPointInTimeRecovery);
  ASSERT_EQ(1u, r.reports.size());
  EXPECT_EQ("Corruption: SetCompressionType not the first record",
            r.reports[0]);
  EXPECT_EQ(1u, r.records_before_first_report);

  // A compressed record whose frame is damaged (CRC fixed up).
  d = good;
  (*&d)[phys[1].offset + 7 + 6] ^= 0x55;
  FixCrc(&d, phys[1]);
  r = ReadLog(d, WALRecoveryMode::kSkipAnyCorruptedRecords);
  ASSERT_EQ(1u, r.reports.size());
  EXPECT_EQ("Corruption: failed to uncompress WAL record", r.reports[0]);
  ASSERT_EQ(1u, r.records.size());
  EXPECT_EQ("beta", r.records[0]);

  // The explicit "no compression" record is accepted and changes nothing.
  d = good.substr(0, 11);
  d[7] = 0;
  FixCrc(&d, phys[0]);
  r = ReadLog(d, WALRecoveryMode::kAbsoluteConsistency);
  EXPECT_TRUE(r.reports.empty());
  EXPECT_TRUE(r.records.empty());
}

}  // namespace
}  // namespace log
}  // namespace ROCKSDB_NAMESPACE
