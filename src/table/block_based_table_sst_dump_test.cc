// Copyright (c) the rocksdb-cleanroom authors.
//
// Tables written by BlockBasedTableBuilder, checked by RocksDB 7.8.3's own
// sst_dump (Debian's rocksdb-tools): for every compression type, with and
// without a Bloom filter, with kXXH3 and kCRC32c checksums, `verify` passes
// and `scan` shows exactly the point entries written (puts, deletes,
// single deletes, merges; range tombstones are counted in the properties).
// Skipped when sst_dump is not installed.

#include <sys/wait.h>

#include <cstdio>
#include <set>
#include <string>
#include <tuple>

#include "gtest/gtest.h"
#include "rocksdb/filter_policy.h"
#include "table/compression.h"
#include "table/table_builder_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::IKey;
using test::KVList;

// Runs a shell command; returns its exit code and its output (stdout and
// stderr).
int RunCommand(const std::string& command, std::string* output) {
  output->clear();
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) output->append(buf, n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool HasSstDump() {
  std::string out;
  return RunCommand("command -v sst_dump", &out) == 0 && !out.empty();
}

bool MentionsFailure(const std::string& output) {
  std::string lower;
  for (char c : output) lower += static_cast<char>(tolower(c));
  return lower.find("corruption") != std::string::npos ||
         lower.find("error") != std::string::npos;
}

// One scanned entry: user key, sequence number, type, value.
using Entry = std::tuple<std::string, uint64_t, int, std::string>;

// Parses sst_dump scan lines: 'key' seq:N, type:T => value
std::multiset<Entry> ParseScan(const std::string& output) {
  std::multiset<Entry> entries;
  size_t pos = 0;
  while (pos < output.size()) {
    size_t end = output.find('\n', pos);
    if (end == std::string::npos) end = output.size();
    const std::string line = output.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] != '\'') continue;
    const size_t key_end = line.find("' seq:");
    const size_t type_pos = line.find(", type:", key_end);
    const size_t arrow = line.find(" => ", type_pos);
    if (key_end == std::string::npos || type_pos == std::string::npos ||
        arrow == std::string::npos) {
      ADD_FAILURE() << "unexpected scan line: " << line;
      continue;
    }
    entries.emplace(
        line.substr(1, key_end - 1),
        std::stoull(line.substr(key_end + 6, type_pos - key_end - 6)),
        std::stoi(line.substr(type_pos + 7, arrow - type_pos - 7)),
        line.substr(arrow + 4));
  }
  return entries;
}

// 600 point entries of every kind and three range tombstones.
KVList MixedEntries(std::multiset<Entry>* expected) {
  KVList entries;
  for (int i = 0; i < 600; ++i) {
    char key[16];
    snprintf(key, sizeof(key), "key%05d", i);
    const uint64_t seq = 1000 + i;
    ValueType type = kTypeValue;
    std::string value;
    switch (i % 5) {
      case 0:
        value = "value" + std::to_string(i) + std::string(i % 40, 'x');
        break;
      case 1:
        type = kTypeDeletion;
        break;
      case 2:
        type = kTypeSingleDeletion;
        break;
      case 3:
        type = kTypeMerge;
        value = "operand" + std::to_string(i);
        break;
      default:
        value = std::string(30, static_cast<char>('a' + i % 26));
        break;
    }
    entries.emplace_back(IKey(key, seq, type), value);
    expected->emplace(key, seq, static_cast<int>(type), value);
  }
  entries.emplace_back(IKey("key00100", 5000, kTypeRangeDeletion), "key00120");
  entries.emplace_back(IKey("key00010", 5001, kTypeRangeDeletion), "key00011");
  entries.emplace_back(IKey("zzz", 5002, kTypeRangeDeletion), "zzzz");
  return entries;
}

TEST(BlockBasedTableSstDumpTest, RocksDbToolsReadEveryVariant) {
  if (!HasSstDump()) GTEST_SKIP() << "sst_dump (rocksdb-tools) not installed";
  const InternalKeyComparator icmp(BytewiseComparator());
  const ColumnFamilyOptions cf;
  std::multiset<Entry> expected;
  const KVList entries = MixedEntries(&expected);
  int variants = 0;
  for (CompressionType compression :
       {kNoCompression, kSnappyCompression, kZlibCompression, kBZip2Compression,
        kLZ4Compression, kLZ4HCCompression, kZSTD}) {
    if (!CompressionTypeSupported(compression)) continue;
    for (bool bloom : {false, true}) {
      for (ChecksumType checksum : {kXXH3, kCRC32c}) {
        const std::string name = CompressionTypeToString(compression) +
                                 (bloom ? "_bloom_" : "_nofilter_") +
                                 std::to_string(checksum);
        SCOPED_TRACE(name);
        BlockBasedTableOptions table_options;
        table_options.block_size = 1024;
        table_options.checksum = checksum;
        if (bloom) table_options.filter_policy.reset(NewBloomFilterPolicy(10));
        TableBuilderOptions options;
        options.internal_comparator = &icmp;
        options.cf_options = &cf;
        options.compression_type = compression;
        options.column_family_name = "default";
        options.cur_file_num = 7;
        const std::string path = test::TempSstPath(name);
        std::string bytes;
        Status s =
            test::BuildSstFile(table_options, options, entries, path, &bytes);
        ASSERT_TRUE(s.ok()) << s.ToString();

        std::string out;
        EXPECT_EQ(
            RunCommand("sst_dump --file=" + path + " --command=verify", &out),
            0)
            << out;
        EXPECT_FALSE(MentionsFailure(out)) << out;
        EXPECT_NE(out.find("The file is ok"), std::string::npos) << out;

        EXPECT_EQ(RunCommand("sst_dump --file=" + path +
                                 " --command=scan --show_properties",
                             &out),
                  0)
            << out;
        EXPECT_FALSE(MentionsFailure(out)) << out;
        EXPECT_EQ(ParseScan(out), expected);
        EXPECT_NE(out.find("# range deletions: 3"), std::string::npos) << out;
        EXPECT_NE(out.find("# entries: 603"), std::string::npos) << out;
        EXPECT_NE(out.find("SST file compression algo: " +
                           CompressionTypeToString(compression)),
                  std::string::npos)
            << out;
        EXPECT_NE(out.find(bloom ? "filter policy name: bloomfilter"
                                 : "filter policy name: N/A"),
                  std::string::npos)
            << out;
        std::remove(path.c_str());
        ++variants;
      }
    }
  }
  EXPECT_GE(variants, 4 * 4);  // at least none/snappy/zlib/zstd x 4
}

TEST(BlockBasedTableSstDumpTest, EmptyTableVerifies) {
  if (!HasSstDump()) GTEST_SKIP() << "sst_dump (rocksdb-tools) not installed";
  const InternalKeyComparator icmp(BytewiseComparator());
  TableBuilderOptions options;
  options.internal_comparator = &icmp;
  const std::string path = test::TempSstPath("empty");
  std::string bytes;
  ASSERT_TRUE(
      test::BuildSstFile(BlockBasedTableOptions(), options, {}, path, &bytes)
          .ok());
  std::string out;
  EXPECT_EQ(RunCommand("sst_dump --file=" + path + " --command=verify", &out),
            0)
      << out;
  EXPECT_FALSE(MentionsFailure(out)) << out;
  std::remove(path.c_str());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
