// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTable over tables written by our BlockBasedTableBuilder:
// scans and seeks in both directions against a std::map model, point
// lookups (values, deletions, merges across blocks, range tombstones),
// filter and block cache statistics, corruption and open errors.

#include "table/block_based_table_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/cache.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/statistics.h"
#include "table/block_based_table_test_util.h"
#include "table/get_context.h"
#include "util/arena.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::Entry;
using test::IKey;

// Joins operands with ',' (oldest first) after the base, if any.
class AppendOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing == nullptr
                     ? value.ToString()
                     : existing->ToString() + "," + value.ToString();
    return true;
  }
  const char* Name() const override { return "AppendOperator"; }
};

std::string UserKey(int i) {
  char buf[16];
  snprintf(buf, sizeof(buf), "k%06d", i);
  return buf;
}

// The outcome of one lookup.
struct Result {
  GetContext::GetState state;
  std::string value;
  bool pinned = false;
  SequenceNumber covering = 0;
  Status status;
};

class BlockBasedTableReaderTest : public testing::Test {
 protected:
  BlockBasedTableReaderTest() {
    table_options_.block_size = 256;
    table_options_.block_cache = NewLRUCache(4 << 20);
    options_.internal_comparator = &icmp_;
    options_.compression_type = kNoCompression;
    stats_ = CreateDBStatistics();
    topts_.internal_comparator = &icmp_;
    topts_.statistics = stats_.get();
  }

  ~BlockBasedTableReaderTest() override {
    for (const std::string& p : paths_) std::remove(p.c_str());
  }

  // Writes entries (in icmp order) to a new table and opens it.
  void Build(const test::KVList& entries, const std::string& name = "t") {
    path_ = test::TempSstPath("treader_" + name);
    paths_.push_back(path_);
    std::string bytes;
    ASSERT_TRUE(
        test::BuildSstFile(table_options_, options_, entries, path_, &bytes)
            .ok());
    Reopen();
  }

  void Reopen() {
    reader_.reset();
    Status s = test::OpenTable(path_, table_options_, topts_, &reader_);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  Result Get(const std::string& user_key,
             SequenceNumber read_seq = kMaxSequenceNumber,
             const ReadOptions& ro = ReadOptions(),
             const MergeOperator* op = nullptr) {
    Result r;
    PinnableSlice value;
    std::vector<std::string> operands;
    GetContext ctx(BytewiseComparator(), op, nullptr, nullptr,
                   GetContext::kNotFound, user_key, &value, nullptr, &operands,
                   &r.covering, nullptr);
    LookupKey lk(user_key, read_seq);
    r.status = reader_->Get(ro, lk.internal_key(), &ctx, nullptr);
    if (r.status.ok()) ctx.FinishMerge();
    r.state = ctx.State();
    r.value = value.ToString();
    r.pinned = value.IsPinned();
    return r;
  }

  std::unique_ptr<InternalIterator> NewIter(
      const ReadOptions& ro = ReadOptions()) {
    return std::unique_ptr<InternalIterator>(reader_->NewIterator(
        ro, nullptr, nullptr, false, TableReaderCaller::kUncategorized));
  }

  uint64_t Ticks(Tickers t) { return stats_->getTickerCount(t); }

  InternalKeyComparator icmp_{BytewiseComparator()};
  BlockBasedTableOptions table_options_;
  TableBuilderOptions options_;
  TableReaderOptions topts_;
  std::shared_ptr<Statistics> stats_;
  std::string path_;
  std::vector<std::string> paths_;
  std::unique_ptr<TableReader> reader_;
};

// Orders encoded internal keys like the table does.
struct ICmpLess {
  const InternalKeyComparator* icmp;
  bool operator()(const std::string& a, const std::string& b) const {
    return icmp->Compare(a, b) < 0;
  }
};
using Model = std::map<std::string, std::string, ICmpLess>;

// 400 user keys (every third number) with one to three versions each.
Model MakeModel(const InternalKeyComparator* icmp, uint32_t seed) {
  Model m(ICmpLess{icmp});
  Random rnd(seed);
  SequenceNumber seq = 10000;
  for (int i = 0; i < 1200; i += 3) {
    const int versions = 1 + static_cast<int>(rnd.Uniform(3));
    for (int v = 0; v < versions; v++) {
      const ValueType t = rnd.OneIn(4) ? kTypeDeletion : kTypeValue;
      const std::string value =
          t == kTypeValue
              ? "v" + std::to_string(seq) + std::string(rnd.Uniform(40), 'x')
              : "";
      m[IKey(UserKey(i), seq--, t)] = value;
    }
  }
  return m;
}

test::KVList ToList(const Model& m) { return test::KVList(m.begin(), m.end()); }

std::vector<Entry> ToEntries(const Model& m) {
  std::vector<Entry> out;
  for (const auto& kv : m) {
    ParsedInternalKey p;
    EXPECT_TRUE(ParseInternalKey(kv.first, &p, true).ok());
    out.push_back(Entry{p.user_key.ToString(), p.sequence,
                        static_cast<int>(p.type), kv.second});
  }
  return out;
}

TEST_F(BlockBasedTableReaderTest, ScansMatchModelForEveryCompression) {
  for (CompressionType c : {kNoCompression, kSnappyCompression, kZSTD,
                            kLZ4Compression, kZlibCompression}) {
    SCOPED_TRACE(static_cast<int>(c));
    options_.compression_type = c;
    Model m = MakeModel(&icmp_, 301);
    Build(ToList(m), "scan" + std::to_string(static_cast<int>(c)));
    std::unique_ptr<InternalIterator> it = NewIter();
    Status s;
    EXPECT_EQ(ToEntries(m), test::ScanForward(it.get(), &s));
    EXPECT_TRUE(s.ok());
    EXPECT_EQ(ToEntries(m), test::ScanBackward(it.get(), &s));
    EXPECT_TRUE(s.ok());
    EXPECT_GT(reader_->GetTableProperties()->num_data_blocks, 10u);
    EXPECT_EQ(m.size(), reader_->GetTableProperties()->num_entries);
    EXPECT_TRUE(reader_->VerifyChecksum(ReadOptions(), kUncategorized).ok());
  }
}

TEST_F(BlockBasedTableReaderTest, SeeksMatchModel) {
  Model m = MakeModel(&icmp_, 7);
  Build(ToList(m));
  std::unique_ptr<InternalIterator> it = NewIter();
  Random rnd(42);
  for (int i = 0; i < 2000; i++) {
    const std::string target =
        IKey(UserKey(static_cast<int>(rnd.Uniform(1250))),
             9000 + rnd.Uniform(1200), kValueTypeForSeek);
    auto lb = m.lower_bound(target);
    it->Seek(target);
    if (lb == m.end()) {
      EXPECT_FALSE(it->Valid());
    } else {
      ASSERT_TRUE(it->Valid());
      EXPECT_EQ(lb->first, it->key().ToString());
      EXPECT_EQ(lb->second, it->value().ToString());
      // A few steps both ways from there.
      auto mi = lb;
      for (int step = 0; step < 3 && it->Valid(); step++) {
        if (rnd.OneIn(2)) {
          it->Next();
          ++mi;
          if (mi == m.end()) {
            EXPECT_FALSE(it->Valid());
            break;
          }
        } else {
          it->Prev();
          if (mi == m.begin()) {
            EXPECT_FALSE(it->Valid());
            break;
          }
          --mi;
        }
        ASSERT_TRUE(it->Valid());
        EXPECT_EQ(mi->first, it->key().ToString());
      }
    }
    auto ub = m.upper_bound(target);
    it->SeekForPrev(target);
    if (ub == m.begin()) {
      EXPECT_FALSE(it->Valid());
    } else {
      --ub;
      ASSERT_TRUE(it->Valid());
      EXPECT_EQ(ub->first, it->key().ToString());
    }
  }
  EXPECT_TRUE(it->status().ok());
}

TEST_F(BlockBasedTableReaderTest, GetMatchesModelAtEverySnapshot) {
  Model m = MakeModel(&icmp_, 99);
  Build(ToList(m));
  Random rnd(5);
  for (int i = 0; i < 1250; i++) {
    const std::string uk = UserKey(i);
    const SequenceNumber read_seq =
        rnd.OneIn(2) ? kMaxSequenceNumber : 9000 + rnd.Uniform(1200);
    // Expected: the newest entry of uk with seq <= read_seq.
    auto it = m.lower_bound(IKey(uk, read_seq, kValueTypeForSeek));
    GetContext::GetState want = GetContext::kNotFound;
    std::string want_value;
    if (it != m.end() && ExtractUserKey(it->first) == uk) {
      if (ExtractValueType(it->first) == kTypeValue) {
        want = GetContext::kFound;
        want_value = it->second;
      } else {
        want = GetContext::kDeleted;
      }
    }
    Result r = Get(uk, read_seq);
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(want, r.state) << uk << " @" << read_seq;
    EXPECT_EQ(want_value, r.value);
  }
}

TEST_F(BlockBasedTableReaderTest, MergeOperandsSpanningBlocks) {
  table_options_.block_size = 64;
  AppendOperator op;
  test::KVList entries;
  std::string expected = "base";
  for (int i = 100; i >= 1; i--) {
    entries.emplace_back(IKey("m", 1000 + i, kTypeMerge), std::to_string(i));
  }
  for (int i = 1; i <= 100; i++) expected += "," + std::to_string(i);
  entries.emplace_back(IKey("m", 1000, kTypeValue), "base");
  entries.emplace_back(IKey("n", 5, kTypeMerge), "only");
  Build(entries);
  Result r = Get("m", kMaxSequenceNumber, ReadOptions(), &op);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(GetContext::kFound, r.state);
  EXPECT_EQ(expected, r.value);
  // At an older snapshot only the operands visible then are merged.
  r = Get("m", 1002, ReadOptions(), &op);
  EXPECT_EQ("base,1,2", r.value);
  r = Get("n", kMaxSequenceNumber, ReadOptions(), &op);
  EXPECT_EQ(GetContext::kFound, r.state);
  EXPECT_EQ("only", r.value);
}

TEST_F(BlockBasedTableReaderTest, RangeTombstonesDeleteOlderEntries) {
  test::KVList entries = {
      {IKey("a", 10, kTypeValue), "a10"},
      {IKey("b", 5, kTypeRangeDeletion), "d"},
      {IKey("b", 4, kTypeValue), "b4"},
      {IKey("c", 8, kTypeValue), "c8"},
      {IKey("c", 3, kTypeValue), "c3"},
      {IKey("e", 2, kTypeValue), "e2"},
  };
  Build(entries);
  Result r = Get("b");
  EXPECT_EQ(GetContext::kDeleted, r.state);
  EXPECT_EQ(5u, r.covering);
  r = Get("c");  // newer than the tombstone
  EXPECT_EQ(GetContext::kFound, r.state);
  EXPECT_EQ("c8", r.value);
  r = Get("c", 7);  // the tombstone hides c@3
  EXPECT_EQ(GetContext::kDeleted, r.state);
  r = Get("bb");  // covered, with no entry in the file
  EXPECT_EQ(GetContext::kDeleted, r.state);
  r = Get("c", 4);  // the tombstone is not visible at 4
  EXPECT_EQ(GetContext::kFound, r.state);
  EXPECT_EQ("c3", r.value);
  EXPECT_EQ(GetContext::kFound, Get("e").state);

  std::unique_ptr<InternalIterator> del(
      reader_->NewRangeTombstoneIterator(ReadOptions()));
  ASSERT_NE(nullptr, del);
  del->SeekToFirst();
  ASSERT_TRUE(del->Valid());
  EXPECT_EQ(IKey("b", 5, kTypeRangeDeletion), del->key().ToString());
  EXPECT_EQ("d", del->value().ToString());
  auto* table = static_cast<BlockBasedTable*>(reader_.get());
  ASSERT_NE(nullptr, table->range_tombstone_list());
  // Point entries only in the iterator.
  Status s;
  std::unique_ptr<InternalIterator> it = NewIter();
  EXPECT_EQ(5u, test::ScanForward(it.get(), &s).size());
}

TEST_F(BlockBasedTableReaderTest, FilterTickers) {
  table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  Model m = MakeModel(&icmp_, 11);
  Build(ToList(m));
  stats_->Reset();
  for (int i = 1; i < 1200; i += 3) {  // never written
    EXPECT_EQ(GetContext::kNotFound, Get(UserKey(i)).state);
  }
  EXPECT_GE(Ticks(BLOOM_FILTER_USEFUL), 380u);
  EXPECT_EQ(400u,
            Ticks(BLOOM_FILTER_USEFUL) + Ticks(BLOOM_FILTER_FULL_POSITIVE));
  EXPECT_EQ(0u, Ticks(BLOOM_FILTER_FULL_TRUE_POSITIVE));
  EXPECT_FALSE(reader_->KeyMayMatch(ReadOptions(), UserKey(1)) &&
               reader_->KeyMayMatch(ReadOptions(), UserKey(4)) &&
               reader_->KeyMayMatch(ReadOptions(), UserKey(7)));
  stats_->Reset();
  for (int i = 0; i < 1200; i += 3) Get(UserKey(i));
  EXPECT_EQ(0u, Ticks(BLOOM_FILTER_USEFUL));
  EXPECT_EQ(400u, Ticks(BLOOM_FILTER_FULL_POSITIVE));
  EXPECT_EQ(400u, Ticks(BLOOM_FILTER_FULL_TRUE_POSITIVE));

  // A reader configured with another policy name ignores the filter.
  class OtherPolicy : public FilterPolicy {
   public:
    const char* Name() const override { return "Other"; }
    const char* CompatibilityName() const override { return "Other"; }
    FilterBitsBuilder* GetBuilderWithContext(
        const FilterBuildingContext&) const override {
      return nullptr;
    }
    FilterBitsReader* GetFilterBitsReader(const Slice&) const override {
      return nullptr;
    }
  };
  table_options_.filter_policy = std::make_shared<OtherPolicy>();
  Reopen();
  stats_->Reset();
  EXPECT_EQ(GetContext::kNotFound, Get(UserKey(1)).state);
  EXPECT_EQ(0u, Ticks(BLOOM_FILTER_USEFUL) + Ticks(BLOOM_FILTER_FULL_POSITIVE));
}

TEST_F(BlockBasedTableReaderTest, BlockCacheHitsAndPinning) {
  Model m = MakeModel(&icmp_, 3);
  Build(ToList(m));
  // Find a key with a live value.
  std::string live;
  for (int i = 0; i < 1200 && live.empty(); i += 3) {
    Result r = Get(UserKey(i));
    if (r.state == GetContext::kFound) live = UserKey(i);
  }
  ASSERT_FALSE(live.empty());
  Reopen();  // fresh cache key prefix: nothing of this reader cached
  stats_->Reset();
  Result r1 = Get(live);
  EXPECT_EQ(GetContext::kFound, r1.state);
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_DATA_MISS));
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_DATA_ADD));
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_DATA_HIT));
  EXPECT_GT(Ticks(BLOCK_CACHE_BYTES_WRITE), 0u);
  Result r2 = Get(live);
  EXPECT_EQ(r1.value, r2.value);
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_DATA_HIT));
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_HIT));
  EXPECT_GT(Ticks(BLOCK_CACHE_BYTES_READ), 0u);
  EXPECT_TRUE(r2.pinned);  // served from the cached block, not copied
  // The index is owned by the reader: no index tickers.
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_INDEX_MISS) + Ticks(BLOCK_CACHE_INDEX_HIT));

  // fill_cache = false: a miss is read but not inserted.
  ReadOptions no_fill;
  no_fill.fill_cache = false;
  Reopen();
  stats_->Reset();
  EXPECT_EQ(GetContext::kFound, Get(live, kMaxSequenceNumber, no_fill).state);
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_DATA_MISS));
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_DATA_ADD));
  // Not in the cache, so a no-I/O read cannot answer.
  ReadOptions cache_only;
  cache_only.read_tier = kBlockCacheTier;
  EXPECT_TRUE(Get(live, kMaxSequenceNumber, cache_only).status.IsIncomplete());
  Get(live);
  EXPECT_TRUE(Get(live, kMaxSequenceNumber, cache_only).status.ok());
}

TEST_F(BlockBasedTableReaderTest, IndexAndFilterInCache) {
  table_options_.cache_index_and_filter_blocks = true;
  table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  Model m = MakeModel(&icmp_, 5);
  Build(ToList(m));
  // Open prefetched both into the cache.
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_INDEX_ADD));
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_FILTER_ADD));
  stats_->Reset();
  Get(UserKey(0));
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_INDEX_HIT));
  EXPECT_EQ(1u, Ticks(BLOCK_CACHE_FILTER_HIT));
  std::unique_ptr<InternalIterator> it = NewIter();
  Status s;
  EXPECT_EQ(m.size(), test::ScanForward(it.get(), &s).size());
  EXPECT_EQ(2u, Ticks(BLOCK_CACHE_INDEX_HIT));

  // Pinned for an L0 file: no more cache lookups for them.
  table_options_.pin_l0_filter_and_index_blocks_in_cache = true;
  topts_.level = 0;
  Reopen();
  stats_->Reset();
  Get(UserKey(0));
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_INDEX_HIT) + Ticks(BLOCK_CACHE_FILTER_HIT));
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_INDEX_MISS) + Ticks(BLOCK_CACHE_FILTER_MISS));
}

TEST_F(BlockBasedTableReaderTest, NoBlockCache) {
  table_options_.no_block_cache = true;
  table_options_.block_cache.reset();
  Model m = MakeModel(&icmp_, 8);
  Build(ToList(m));
  for (int i = 0; i < 1200; i += 30) Get(UserKey(i));
  EXPECT_EQ(0u, Ticks(BLOCK_CACHE_MISS) + Ticks(BLOCK_CACHE_HIT));
  std::unique_ptr<InternalIterator> it = NewIter();
  Status s;
  EXPECT_EQ(ToEntries(m), test::ScanBackward(it.get(), &s));
}

TEST_F(BlockBasedTableReaderTest, CorruptedByteGivesCorruptionWithFileName) {
  Model m = MakeModel(&icmp_, 1);
  Build(ToList(m));
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(10);
    f.put('\x5a');
  }
  table_options_.block_cache = NewLRUCache(1 << 20);
  Reopen();  // the first data block is only read on demand
  Result r = Get(UserKey(0));
  EXPECT_TRUE(r.status.IsCorruption()) << r.status.ToString();
  EXPECT_NE(std::string::npos, r.status.ToString().find(path_));
  EXPECT_NE(std::string::npos, r.status.ToString().find("offset 0"));
  std::unique_ptr<InternalIterator> it = NewIter();
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().IsCorruption());
  Status v = reader_->VerifyChecksum(ReadOptions(), kUncategorized);
  EXPECT_TRUE(v.IsCorruption());
  EXPECT_NE(std::string::npos, v.ToString().find("checksum mismatch"));
  // Keys in other blocks still read fine.
  EXPECT_TRUE(Get(UserKey(1197)).status.ok());
}

TEST_F(BlockBasedTableReaderTest, OpenErrors) {
  path_ = test::TempSstPath("treader_short");
  paths_.push_back(path_);
  {
    std::ofstream f(path_, std::ios::binary);
    f << "0123456789";
  }
  std::unique_ptr<TableReader> r;
  Status s = test::OpenTable(path_, table_options_, topts_, &r);
  EXPECT_EQ(
      "Corruption: file is too short (10 bytes) to be an sstable: " + path_,
      s.ToString());
  {
    std::ofstream f(path_, std::ios::binary);
    f << std::string(100, '\0');
  }
  s = test::OpenTable(path_, table_options_, topts_, &r);
  EXPECT_EQ(
      "Corruption: Bad table magic number: expected "
      "9863518390377041911, found 0 in " +
          path_,
      s.ToString());
  EXPECT_EQ(nullptr, r);
}

TEST_F(BlockBasedTableReaderTest, ApproximateOffsets) {
  Model m = MakeModel(&icmp_, 2);
  Build(ToList(m));
  uint64_t prev = 0;
  for (int i = 0; i < 1250; i += 50) {
    const uint64_t off = reader_->ApproximateOffsetOf(
        IKey(UserKey(i), kMaxSequenceNumber, kValueTypeForSeek),
        kUncategorized);
    EXPECT_GE(off, prev);
    prev = off;
  }
  const uint64_t data = reader_->GetTableProperties()->data_size;
  EXPECT_EQ(0u, reader_->ApproximateOffsetOf(IKey("", 0, kTypeValue),
                                             kUncategorized));
  EXPECT_EQ(data, reader_->ApproximateOffsetOf(IKey("z", 0, kTypeValue),
                                               kUncategorized));
  EXPECT_EQ(data,
            reader_->ApproximateSize(IKey("", 0, kTypeValue),
                                     IKey("z", 0, kTypeValue), kUncategorized));
  EXPECT_GT(reader_->ApproximateMemoryUsage(), 0u);
}

TEST_F(BlockBasedTableReaderTest, IteratorInArena) {
  Model m = MakeModel(&icmp_, 4);
  Build(ToList(m));
  Arena arena;
  InternalIterator* it = reader_->NewIterator(
      ReadOptions(), nullptr, &arena, false, TableReaderCaller::kUserIterator);
  Status s;
  EXPECT_EQ(ToEntries(m), test::ScanForward(it, &s));
  DestroyInternalIterator(it, true);
}

TEST_F(BlockBasedTableReaderTest, PrefixOnlyFilter) {
  ColumnFamilyOptions cf;
  cf.prefix_extractor.reset(NewFixedPrefixTransform(4));  // "k000"
  options_.cf_options = &cf;
  table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  table_options_.whole_key_filtering = false;
  Model m = MakeModel(&icmp_, 12);
  Build(ToList(m));
  topts_.cf_options = &cf;
  topts_.prefix_extractor = cf.prefix_extractor.get();
  Reopen();
  stats_->Reset();
  EXPECT_EQ(GetContext::kNotFound, Get("x999").state);  // prefix "x999"
  EXPECT_EQ(1u, Ticks(BLOOM_FILTER_PREFIX_CHECKED));
  EXPECT_EQ(1u, Ticks(BLOOM_FILTER_PREFIX_USEFUL));
  EXPECT_FALSE(reader_->PrefixMayMatch(ReadOptions(), "x999"));
  EXPECT_TRUE(reader_->PrefixMayMatch(ReadOptions(), UserKey(1)));
  // Whole keys were not added: absent keys of a present prefix are read.
  EXPECT_TRUE(reader_->KeyMayMatch(ReadOptions(), UserKey(1)));
  EXPECT_EQ(0u, Ticks(BLOOM_FILTER_USEFUL));
  for (int i = 0; i < 1200; i += 3) {
    EXPECT_NE(GetContext::kNotFound, Get(UserKey(i)).state) << i;
  }
}

TEST_F(BlockBasedTableReaderTest, FactoryOpensTables) {
  Model m = MakeModel(&icmp_, 13);
  Build(ToList(m));
  std::shared_ptr<FileSystem> fs = FileSystem::Default();
  uint64_t size = 0;
  ASSERT_TRUE(fs->GetFileSize(path_, IOOptions(), &size, nullptr).ok());
  std::unique_ptr<RandomAccessFileReader> file;
  ASSERT_TRUE(
      RandomAccessFileReader::Create(fs, path_, FileOptions(), &file, nullptr)
          .ok());
  std::unique_ptr<TableFactory> factory(
      NewBlockBasedTableFactory(table_options_));
  std::unique_ptr<TableReader> reader;
  ASSERT_TRUE(
      factory->NewTableReader(topts_, std::move(file), size, &reader).ok());
  std::unique_ptr<InternalIterator> it(reader->NewIterator(
      ReadOptions(), nullptr, nullptr, false, kUncategorized));
  Status s;
  EXPECT_EQ(ToEntries(m), test::ScanForward(it.get(), &s));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
