// Copyright (c) the rocksdb-cleanroom authors.
//
// Reads every table file of the format spec samples (written by RocksDB
// 7.8.3: compressions, bloom filters, data-block hash index, an ingested
// file, db_bench output, the empty key) and compares the full scan with
// what `sst_dump --command=scan --output_hex` prints for the same file.
// Then looks up every key, and keys that are absent.

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/statistics.h"
#include "table/block_based_table_test_util.h"
#include "table/get_context.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::Entry;

// Every *.sst below dir (relative paths, sorted).
void FindTables(const std::string& dir, const std::string& rel,
                std::vector<std::string>* out) {
  DIR* d = opendir((dir + "/" + rel).c_str());
  if (d == nullptr) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    if (n == "." || n == "..") continue;
    const std::string path = rel.empty() ? n : rel + "/" + n;
    struct stat st;
    if (stat((dir + "/" + path).c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      FindTables(dir, path, out);
    } else if (n.size() > 4 && n.compare(n.size() - 4, 4, ".sst") == 0) {
      out->push_back(path);
    }
  }
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string Unhex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) {
    out.push_back(static_cast<char>(HexDigit(h[i]) * 16 + HexDigit(h[i + 1])));
  }
  return out;
}

// Parses "'<hex key>' seq:<n>, type:<t> => <hex value>" lines of sst_dump.
bool SstDumpScan(const std::string& path, std::vector<Entry>* out) {
  const std::string cmd =
      "sst_dump --file='" + path + "' --command=scan --output_hex 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return false;
  char buf[1 << 16];
  std::string all;
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) all.append(buf, n);
  const int rc = pclose(p);
  if (rc != 0) return false;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t eol = all.find('\n', pos);
    if (eol == std::string::npos) eol = all.size();
    const std::string line = all.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty() || line[0] != '\'') continue;
    const size_t q = line.find('\'', 1);
    const size_t seq = line.find(" seq:", q);
    const size_t type = line.find(", type:", seq);
    const size_t arrow = line.find(" => ", type);
    if (q == std::string::npos || seq == std::string::npos ||
        type == std::string::npos || arrow == std::string::npos) {
      ADD_FAILURE() << "unparsable sst_dump line: " << line;
      continue;
    }
    out->push_back(Entry{Unhex(line.substr(1, q - 1)),
                         std::stoull(line.substr(seq + 5, type - seq - 5)),
                         std::stoi(line.substr(type + 7, arrow - type - 7)),
                         Unhex(line.substr(arrow + 4))});
  }
  return true;
}

bool HaveSstDump() {
  return std::system("sst_dump --help >/dev/null 2>&1") == 0 ||
         std::system("command -v sst_dump >/dev/null 2>&1") == 0;
}

class SamplesTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::SpecSamplesDir();
    if (!dir_.empty()) FindTables(dir_, "", &tables_);
    if (tables_.empty()) GTEST_SKIP() << "spec samples not found at " << dir_;
    table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
    table_options_.block_cache = NewLRUCache(1 << 20);
    stats_ = CreateDBStatistics();
    topts_.internal_comparator = &icmp_;
    topts_.statistics = stats_.get();
  }

  std::unique_ptr<TableReader> Open(const std::string& rel) {
    std::unique_ptr<TableReader> r;
    Status s = test::OpenTable(dir_ + "/" + rel, table_options_, topts_, &r);
    EXPECT_TRUE(s.ok()) << rel << ": " << s.ToString();
    return r;
  }

  // Get of user_key at the newest sequence: the GetContext state and value.
  GetContext::GetState Lookup(TableReader* r, const std::string& user_key,
                              std::string* value) {
    PinnableSlice v;
    std::vector<std::string> operands;
    SequenceNumber covering = 0;
    GetContext ctx(icmp_.user_comparator(), nullptr, nullptr, nullptr,
                   GetContext::kNotFound, user_key, &v, nullptr, &operands,
                   &covering, nullptr);
    LookupKey lk(user_key, kMaxSequenceNumber);
    EXPECT_TRUE(r->Get(ReadOptions(), lk.internal_key(), &ctx, nullptr).ok());
    *value = v.ToString();
    return ctx.State();
  }

  std::string dir_;
  std::vector<std::string> tables_;
  InternalKeyComparator icmp_{BytewiseComparator()};
  BlockBasedTableOptions table_options_;
  std::shared_ptr<Statistics> stats_;
  TableReaderOptions topts_;
};

TEST_F(SamplesTest, ScanMatchesSstDump) {
  if (!HaveSstDump()) GTEST_SKIP() << "sst_dump not installed";
  for (const std::string& rel : tables_) {
    SCOPED_TRACE(rel);
    std::vector<Entry> expected;
    ASSERT_TRUE(SstDumpScan(dir_ + "/" + rel, &expected));
    ASSERT_FALSE(expected.empty());
    std::unique_ptr<TableReader> r = Open(rel);
    ASSERT_NE(nullptr, r);
    std::unique_ptr<InternalIterator> it(
        r->NewIterator(ReadOptions(), nullptr, nullptr, false,
                       TableReaderCaller::kUncategorized));
    Status s;
    EXPECT_EQ(expected, test::ScanForward(it.get(), &s));
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(expected, test::ScanBackward(it.get(), &s));
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(r->VerifyChecksum(ReadOptions(), kUncategorized).ok());
  }
}

TEST_F(SamplesTest, GetEveryKeyAndAbsentKeys) {
  for (const std::string& rel : tables_) {
    SCOPED_TRACE(rel);
    std::unique_ptr<TableReader> r = Open(rel);
    ASSERT_NE(nullptr, r);
    std::unique_ptr<InternalIterator> it(
        r->NewIterator(ReadOptions(), nullptr, nullptr, false,
                       TableReaderCaller::kUncategorized));
    Status s;
    std::vector<Entry> entries = test::ScanForward(it.get(), &s);
    ASSERT_TRUE(s.ok());
    std::string prev;
    bool first = true;
    for (const Entry& e : entries) {
      if (!first && e.user_key == prev) continue;  // newest entry decides
      first = false;
      prev = e.user_key;
      std::string value;
      const GetContext::GetState state = Lookup(r.get(), e.user_key, &value);
      if (e.type == kTypeValue) {
        EXPECT_EQ(GetContext::kFound, state) << e;
        EXPECT_EQ(e.value, value);
      } else if (e.type == kTypeDeletion || e.type == kTypeSingleDeletion) {
        EXPECT_EQ(GetContext::kDeleted, state) << e;
      }
      std::string absent;
      EXPECT_EQ(GetContext::kNotFound,
                Lookup(r.get(), e.user_key + "\xff-absent", &absent));
    }
  }
}

TEST_F(SamplesTest, BloomFilterRulesOutAbsentKeys) {
  // samples/07 and 20 carry full filters (bloom, 10 bits per key).
  for (const char* rel : {"07_sst_bloom_nocomp_compacted/000010.sst",
                          "20_bloom_key_lengths_1_to_1100/000009.sst"}) {
    SCOPED_TRACE(rel);
    stats_->Reset();
    std::unique_ptr<TableReader> r = Open(rel);
    ASSERT_NE(nullptr, r);
    std::string value;
    for (int i = 0; i < 200; i++) {
      Lookup(r.get(), "absent-" + std::to_string(i), &value);
    }
    // 10 bits per key: about 1% false positives.
    EXPECT_GE(stats_->getTickerCount(BLOOM_FILTER_USEFUL), 190u);
    const uint64_t useful = stats_->getTickerCount(BLOOM_FILTER_USEFUL);
    EXPECT_EQ(200u,
              useful + stats_->getTickerCount(BLOOM_FILTER_FULL_POSITIVE));
    EXPECT_EQ(0u, stats_->getTickerCount(BLOOM_FILTER_FULL_TRUE_POSITIVE));
  }
  // The empty key is in samples/14's filter.
  std::unique_ptr<TableReader> r = Open("14_empty_key_bloom/000009.sst");
  ASSERT_NE(nullptr, r);
  EXPECT_TRUE(r->KeyMayMatch(ReadOptions(), ""));
  stats_->Reset();
  std::string value;
  EXPECT_EQ(GetContext::kFound, Lookup(r.get(), "", &value));
  EXPECT_EQ(1u, stats_->getTickerCount(BLOOM_FILTER_FULL_TRUE_POSITIVE));
}

TEST_F(SamplesTest, RangeTombstonesOfCompressedSamples) {
  // 08: DeleteRange [key000010, key000020) at seq 302, kept at L0.
  for (const char* name : {"snappy", "lz4", "zstd", "zlib"}) {
    SCOPED_TRACE(name);
    std::unique_ptr<TableReader> r =
        Open(std::string("08_sst_compression/") + name + ".sst");
    ASSERT_NE(nullptr, r);
    std::unique_ptr<InternalIterator> del(
        r->NewRangeTombstoneIterator(ReadOptions()));
    ASSERT_NE(nullptr, del);
    del->SeekToFirst();
    ASSERT_TRUE(del->Valid());
    ParsedInternalKey p;
    ASSERT_TRUE(ParseInternalKey(del->key(), &p, true).ok());
    EXPECT_EQ("key000010", p.user_key.ToString());
    EXPECT_EQ(302u, p.sequence);
    EXPECT_EQ(kTypeRangeDeletion, p.type);
    EXPECT_EQ("key000020", del->value().ToString());
    del->Next();
    EXPECT_FALSE(del->Valid());

    // A Get inside the range learns about the tombstone.
    PinnableSlice v;
    std::vector<std::string> operands;
    SequenceNumber covering = 0;
    GetContext ctx(BytewiseComparator(), nullptr, nullptr, nullptr,
                   GetContext::kNotFound, "key000015", &v, nullptr, &operands,
                   &covering, nullptr);
    LookupKey lk("key000015", kMaxSequenceNumber);
    ASSERT_TRUE(r->Get(ReadOptions(), lk.internal_key(), &ctx, nullptr).ok());
    EXPECT_EQ(302u, covering);
    EXPECT_EQ(GetContext::kDeleted, ctx.State());
  }
}

TEST_F(SamplesTest, IngestedFileUsesGlobalSeqno) {
  const std::string rel = "12_external_sst/external.sst";
  topts_.largest_seqno = 77;
  std::unique_ptr<TableReader> r = Open(rel);
  ASSERT_NE(nullptr, r);
  std::unique_ptr<InternalIterator> it(
      r->NewIterator(ReadOptions(), nullptr, nullptr, false,
                     TableReaderCaller::kUncategorized));
  Status s;
  std::vector<Entry> entries = test::ScanForward(it.get(), &s);
  ASSERT_EQ(2u, entries.size());
  for (const Entry& e : entries) EXPECT_EQ(77u, e.seq);
  // Invisible to a read at an older sequence number.
  PinnableSlice v;
  std::vector<std::string> operands;
  SequenceNumber covering = 0;
  GetContext old_read(BytewiseComparator(), nullptr, nullptr, nullptr,
                      GetContext::kNotFound, "ext1", &v, nullptr, &operands,
                      &covering, nullptr);
  LookupKey lk("ext1", 76);
  ASSERT_TRUE(
      r->Get(ReadOptions(), lk.internal_key(), &old_read, nullptr).ok());
  EXPECT_EQ(GetContext::kNotFound, old_read.State());
  std::string value;
  EXPECT_EQ(GetContext::kFound, Lookup(r.get(), "ext2", &value));
  EXPECT_EQ("e2", value);

  // Without a MANIFEST sequence number the keys stay at 0.
  topts_.largest_seqno = 0;
  r = Open(rel);
  it.reset(r->NewIterator(ReadOptions(), nullptr, nullptr, false,
                          TableReaderCaller::kUncategorized));
  entries = test::ScanForward(it.get(), &s);
  ASSERT_EQ(2u, entries.size());
  EXPECT_EQ(0u, entries[0].seq);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
