// Copyright (c) the rocksdb-cleanroom authors.
//
// TableCache and Version::Get over a tiny fake table format (so that these
// tests depend on neither the block-based reader nor the flush path):
//   file = (varint32 ikey_len, ikey, varint32 value_len, value)*
// in internal key order; range tombstones (kTypeRangeDeletion, value = end
// user key) live in the same list. The fake factory counts opens and live
// readers, and can be told to fail.

#include "db/table_cache.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "db/filename.h"
#include "db/version_builder.h"
#include "db/version_edit.h"
#include "env/random_access_file_reader.h"
#include "rocksdb/env.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/table.h"
#include "table/get_context.h"
#include "table/table_reader.h"
#include "util/arena.h"
#include "util/coding.h"
#include "util/dbformat.h"

#define ASSERT_OK(expr)                            \
  do {                                             \
    const ::ROCKSDB_NAMESPACE::Status _s = (expr); \
    ASSERT_TRUE(_s.ok()) << _s.ToString();         \
  } while (0)

namespace ROCKSDB_NAMESPACE {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A sorted vector of (internal key, value) as an InternalIterator.
class VectorIterator : public InternalIterator {
 public:
  VectorIterator(Entries entries, const InternalKeyComparator* icmp)
      : entries_(std::move(entries)), icmp_(icmp), pos_(entries_.size()) {}
  bool Valid() const override { return pos_ < entries_.size(); }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override {
    pos_ = entries_.empty() ? entries_.size() : entries_.size() - 1;
  }
  void Seek(const Slice& target) override {
    pos_ = 0;
    while (pos_ < entries_.size() &&
           icmp_->Compare(entries_[pos_].first, target) < 0) {
      ++pos_;
    }
  }
  void SeekForPrev(const Slice& target) override {
    Seek(target);
    if (!Valid() || icmp_->Compare(entries_[pos_].first, target) > 0) Prev();
  }
  void Next() override { ++pos_; }
  void Prev() override { pos_ = pos_ == 0 ? entries_.size() : pos_ - 1; }
  Slice key() const override { return entries_[pos_].first; }
  Slice value() const override { return entries_[pos_].second; }
  Status status() const override { return Status::OK(); }

 private:
  Entries entries_;
  const InternalKeyComparator* icmp_;
  size_t pos_;
};

std::atomic<int> live_readers{0};

class FakeTableReader : public TableReader {
 public:
  FakeTableReader(Entries points, Entries tombstones,
                  const InternalKeyComparator* icmp, size_t file_size)
      : points_(std::move(points)),
        tombstones_(std::move(tombstones)),
        icmp_(icmp),
        file_size_(file_size) {
    ++live_readers;
  }
  ~FakeTableReader() override { --live_readers; }

  InternalIterator* NewIterator(const ReadOptions&, const SliceTransform*,
                                Arena* arena, bool,
                                TableReaderCaller) override {
    if (arena == nullptr) return new VectorIterator(points_, icmp_);
    return new (arena->AllocateAligned(sizeof(VectorIterator)))
        VectorIterator(points_, icmp_);
  }
  InternalIterator* NewRangeTombstoneIterator(const ReadOptions&) override {
    if (tombstones_.empty()) return nullptr;
    return new VectorIterator(tombstones_, icmp_);
  }
  Status Get(const ReadOptions&, const Slice& key, GetContext* context,
             const SliceTransform*, bool) override {
    ++gets;
    const Slice user_key = ExtractUserKey(key);
    const SequenceNumber read_seq = ExtractSequenceNumber(key);
    const Comparator* ucmp = icmp_->user_comparator();
    SequenceNumber* covering = context->max_covering_tombstone_seq();
    for (const auto& t : tombstones_) {
      const SequenceNumber seq = ExtractSequenceNumber(t.first);
      if (seq <= read_seq && seq > *covering &&
          ucmp->Compare(ExtractUserKey(t.first), user_key) <= 0 &&
          ucmp->Compare(user_key, t.second) < 0) {
        *covering = seq;
      }
    }
    for (const auto& e : points_) {
      if (icmp_->Compare(e.first, key) < 0) continue;
      ParsedInternalKey parsed;
      if (!ParseInternalKey(e.first, &parsed, false).ok()) {
        return Status::Corruption("bad key");
      }
      bool matched = false;
      if (!context->SaveValue(parsed, e.second, &matched)) break;
    }
    return Status::OK();
  }
  uint64_t ApproximateOffsetOf(const Slice&, TableReaderCaller) override {
    return 0;
  }
  uint64_t ApproximateSize(const Slice&, const Slice&,
                           TableReaderCaller) override {
    return 0;
  }
  std::shared_ptr<const TableProperties> GetTableProperties() const override {
    auto props = std::make_shared<TableProperties>();
    props->num_entries = points_.size();
    props->num_range_deletions = tombstones_.size();
    return props;
  }
  size_t ApproximateMemoryUsage() const override { return file_size_; }
  Status VerifyChecksum(const ReadOptions&, TableReaderCaller) override {
    return Status::OK();
  }

  int gets = 0;

 private:
  const Entries points_;
  const Entries tombstones_;
  const InternalKeyComparator* icmp_;
  const size_t file_size_;
};

class FakeTableFactory : public TableFactory {
 public:
  const char* Name() const override { return "FakeTable"; }
  using TableFactory::NewTableReader;
  Status NewTableReader(const ReadOptions&, const TableReaderOptions& tro,
                        std::unique_ptr<RandomAccessFileReader>&& file,
                        uint64_t file_size,
                        std::unique_ptr<TableReader>* table_reader,
                        bool) const override {
    ++opens;
    if (fail) return Status::Corruption("fake open failure");
    std::string scratch(file_size, '\0');
    Slice contents;
    IOStatus io = file->Read(IOOptions(), 0, file_size, &contents, &scratch[0]);
    if (!io.ok()) return std::move(io);
    Entries points, tombstones;
    while (!contents.empty()) {
      Slice k, v;
      if (!GetLengthPrefixedSlice(&contents, &k) ||
          !GetLengthPrefixedSlice(&contents, &v)) {
        return Status::Corruption("bad fake table");
      }
      Entries& to =
          ExtractValueType(k) == kTypeRangeDeletion ? tombstones : points;
      to.emplace_back(k.ToString(), v.ToString());
    }
    last_level = tro.level;
    table_reader->reset(
        new FakeTableReader(std::move(points), std::move(tombstones),
                            tro.internal_comparator, file_size));
    return Status::OK();
  }
  TableBuilder* NewTableBuilder(const TableBuilderOptions&,
                                WritableFileWriter*) const override {
    return nullptr;
  }

  mutable std::atomic<int> opens{0};
  mutable int last_level = -2;
  bool fail = false;
};

class AppendOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing != nullptr ? existing->ToString() + "," : "";
    new_value->append(value.data(), value.size());
    return true;
  }
  const char* Name() const override { return "AppendOperator"; }
};

// One entry of a fake table: user key, seq, type, value.
struct E {
  std::string key;
  SequenceNumber seq;
  ValueType type;
  std::string value;
};

class TableCacheTest : public ::testing::Test {
 protected:
  TableCacheTest() : icmp_(BytewiseComparator()) {
    char tmpl[] = "/tmp/rocksdb_cleanroom_table_cache_XXXXXX";
    EXPECT_NE(nullptr, mkdtemp(tmpl));
    dir_ = tmpl;
    factory_ = std::make_shared<FakeTableFactory>();
    cf_.table_factory = factory_;
    cf_.merge_operator = std::make_shared<AppendOperator>();
    db_options_.env = Env::Default();
    fs_ = FileSystem::Default();
  }
  ~TableCacheTest() override {
    if (version_ != nullptr) version_->Unref();
    cache_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  void NewCache(int max_open_files) {
    cache_.reset(new TableCache(dir_, &db_options_, FileOptions(), fs_.get(),
                                max_open_files));
  }

  // Writes file `number` holding entries (sorted here) and returns its
  // metadata.
  FileMetaData WriteTable(uint64_t number, std::vector<E> entries) {
    std::vector<std::pair<InternalKey, std::string>> sorted;
    for (const E& e : entries) {
      sorted.emplace_back(InternalKey(e.key, e.seq, e.type), e.value);
    }
    std::sort(sorted.begin(), sorted.end(),
              [this](const auto& a, const auto& b) {
                return icmp_.Compare(a.first, b.first) < 0;
              });
    std::string contents;
    FileMetaData meta;
    meta.number = number;
    for (const auto& kv : sorted) {
      PutLengthPrefixedSlice(&contents, kv.first.Encode());
      PutLengthPrefixedSlice(&contents, kv.second);
      meta.UpdateBoundaries(kv.first.Encode(),
                            ExtractSequenceNumber(kv.first.Encode()));
    }
    for (const auto& kv : sorted) {
      if (ExtractValueType(kv.first.Encode()) == kTypeRangeDeletion) {
        // A tombstone's end widens the file's range too.
        InternalKey end(kv.second, kMaxSequenceNumber, kTypeRangeDeletion);
        if (icmp_.Compare(end, meta.largest) > 0) meta.largest = end;
      }
    }
    meta.file_size = contents.size();
    EXPECT_TRUE(WriteStringToFile(Env::Default(), contents,
                                  TableFileName(dir_, number), false)
                    .ok());
    return meta;
  }

  // Builds the Version holding files[level] (level 0: give newest first is
  // not required, the builder sorts).
  void MakeVersion(const std::vector<std::pair<int, FileMetaData>>& files) {
    VersionEdit edit;
    for (const auto& f : files) edit.AddFile(f.first, f.second);
    VersionBuilder builder(&icmp_, nullptr);
    ASSERT_OK(builder.Apply(edit));
    if (version_ != nullptr) version_->Unref();
    version_ = new Version(&icmp_, 7, 1);
    version_->Ref();
    ASSERT_OK(builder.SaveTo(version_));
  }

  // Version::Get of key at seq: "NotFound", "Corruption...", or the value
  // ("" for kDeleted is reported as NotFound).
  std::string Get(const std::string& key,
                  SequenceNumber seq = kMaxSequenceNumber - 1,
                  std::vector<std::string> operands = {}) {
    PinnableSlice value;
    SequenceNumber covering = 0;
    GetContext context(
        BytewiseComparator(), cf_.merge_operator.get(), nullptr, nullptr,
        operands.empty() ? GetContext::kNotFound : GetContext::kMerge, key,
        &value, nullptr, &operands, &covering, nullptr);
    LookupKey lookup(key, seq);
    Status s =
        version_->Get(ReadOptions(), lookup, &context, cache_.get(), cf_);
    if (!s.ok()) return s.ToString();
    switch (context.State()) {
      case GetContext::kFound:
        return value.ToString();
      case GetContext::kCorrupt:
        return context.status().ToString();
      default:
        return "NotFound";
    }
  }

  InternalKeyComparator icmp_;
  std::string dir_;
  std::shared_ptr<FakeTableFactory> factory_;
  ColumnFamilyOptions cf_;
  DBOptions db_options_;
  std::shared_ptr<FileSystem> fs_;
  std::unique_ptr<TableCache> cache_;
  Version* version_ = nullptr;
};

TEST_F(TableCacheTest, FindTableOpensOnceAndCaches) {
  NewCache(-1);
  FileMetaData f = WriteTable(7, {{"a", 1, kTypeValue, "x"}});
  for (int i = 0; i < 3; ++i) {
    Cache::Handle* h = nullptr;
    ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 3));
    ASSERT_NE(nullptr, h);
    EXPECT_EQ(1u, cache_->GetTableReader(h)->GetTableProperties()->num_entries);
    cache_->ReleaseHandle(h);
  }
  EXPECT_EQ(1, factory_->opens.load());
  EXPECT_EQ(3, factory_->last_level);
  EXPECT_EQ(1u, cache_->NumOpenTables());
  EXPECT_EQ(f.file_size, cache_->GetMemoryUsageByTableReaders());
}

TEST_F(TableCacheTest, NoIoDoesNotOpen) {
  NewCache(-1);
  FileMetaData f = WriteTable(7, {{"a", 1, kTypeValue, "x"}});
  Cache::Handle* h = nullptr;
  Status s = cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0, true);
  EXPECT_TRUE(s.IsIncomplete()) << s.ToString();
  EXPECT_EQ(0, factory_->opens.load());
  std::shared_ptr<const TableProperties> props;
  EXPECT_TRUE(cache_->GetTableProperties(cf_, icmp_, f, &props, 0, true)
                  .IsIncomplete());
  ASSERT_OK(cache_->GetTableProperties(cf_, icmp_, f, &props));
  EXPECT_EQ(1u, props->num_entries);
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0, true));
  cache_->ReleaseHandle(h);
}

TEST_F(TableCacheTest, MissingFileAndOpenErrorsAreNotCached) {
  NewCache(-1);
  FileMetaData missing;
  missing.number = 99;
  missing.file_size = 10;
  Cache::Handle* h = nullptr;
  Status s = cache_->FindTable(ReadOptions(), cf_, icmp_, missing, &h, 0);
  EXPECT_TRUE(s.IsIOError() || s.IsPathNotFound()) << s.ToString();
  EXPECT_NE(std::string::npos, s.ToString().find("000099.sst"));

  FileMetaData f = WriteTable(8, {{"a", 1, kTypeValue, "x"}});
  factory_->fail = true;
  EXPECT_TRUE(
      cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0).IsCorruption());
  factory_->fail = false;
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0));
  cache_->ReleaseHandle(h);
  EXPECT_EQ(2, factory_->opens.load());
}

TEST_F(TableCacheTest, LevelDbSuffixIsFound) {
  NewCache(-1);
  FileMetaData f = WriteTable(9, {{"a", 1, kTypeValue, "x"}});
  std::filesystem::rename(TableFileName(dir_, 9),
                          MakeFileName(dir_, 9, kLevelDbTableFileSuffix));
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0));
  cache_->ReleaseHandle(h);
}

TEST_F(TableCacheTest, CapacityBoundsOpenFiles) {
  db_options_.table_cache_numshardbits = 0;  // one shard: exact LRU
  NewCache(20);                              // 10 open tables at most
  std::vector<FileMetaData> files;
  for (uint64_t n = 1; n <= 30; ++n) {
    files.push_back(WriteTable(n, {{"k", n, kTypeValue, "v"}}));
  }
  for (const FileMetaData& f : files) {
    Cache::Handle* h = nullptr;
    ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0));
    cache_->ReleaseHandle(h);
  }
  EXPECT_EQ(10u, cache_->NumOpenTables());
  EXPECT_EQ(10, live_readers.load());
  // The oldest were evicted: opening them again is a new open.
  const int opens = factory_->opens.load();
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, files[0], &h, 0));
  cache_->ReleaseHandle(h);
  EXPECT_EQ(opens + 1, factory_->opens.load());
  // The newest are still open.
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, files[29], &h, 0));
  cache_->ReleaseHandle(h);
  EXPECT_EQ(opens + 1, factory_->opens.load());
  cache_.reset();
  EXPECT_EQ(0, live_readers.load());
}

TEST_F(TableCacheTest, EvictKeepsHeldReadersAlive) {
  NewCache(-1);
  FileMetaData f = WriteTable(5, {{"a", 1, kTypeValue, "x"}});
  Cache::Handle* h = nullptr;
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0));
  cache_->Evict(5);
  EXPECT_EQ(1, live_readers.load());  // still held
  EXPECT_EQ(1u, cache_->GetTableReader(h)->GetTableProperties()->num_entries);
  cache_->ReleaseHandle(h);
  EXPECT_EQ(0, live_readers.load());
  ASSERT_OK(cache_->FindTable(ReadOptions(), cf_, icmp_, f, &h, 0));
  cache_->ReleaseHandle(h);
  EXPECT_EQ(2, factory_->opens.load());
}

TEST_F(TableCacheTest, IteratorsHoldTheTable) {
  NewCache(-1);
  FileMetaData f = WriteTable(4, {{"a", 3, kTypeValue, "1"},
                                  {"b", 2, kTypeValue, "2"},
                                  {"a", 5, kTypeRangeDeletion, "c"}});
  InternalIterator* tombstones = nullptr;
  InternalIterator* it =
      cache_->NewIterator(ReadOptions(), cf_, icmp_, f, nullptr, 0,
                          TableReaderCaller::kUserIterator, &tombstones);
  ASSERT_NE(nullptr, tombstones);
  cache_->Evict(4);
  it->SeekToFirst();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ("a", it->user_key().ToString());
  it->Next();
  EXPECT_EQ("b", it->user_key().ToString());
  delete it;
  EXPECT_EQ(1, live_readers.load());  // the tombstone iterator holds it
  tombstones->SeekToFirst();
  ASSERT_TRUE(tombstones->Valid());
  EXPECT_EQ("c", tombstones->value().ToString());
  delete tombstones;
  EXPECT_EQ(0, live_readers.load());

  // In an arena; and an error iterator for a file that cannot be opened.
  Arena arena;
  it = cache_->NewIterator(ReadOptions(), cf_, icmp_, f, &arena, 0,
                           TableReaderCaller::kUserIterator);
  it->SeekToLast();
  EXPECT_EQ("b", it->user_key().ToString());
  DestroyInternalIterator(it, true);
  FileMetaData missing;
  missing.number = 77;
  it = cache_->NewIterator(ReadOptions(), cf_, icmp_, missing, nullptr, 0,
                           TableReaderCaller::kUserIterator);
  EXPECT_FALSE(it->status().ok());
  delete it;
}

TEST_F(TableCacheTest, GetWithBlockCacheTierDoesNotOpen) {
  NewCache(-1);
  FileMetaData f = WriteTable(5, {{"a", 1, kTypeValue, "x"}});
  MakeVersion({{0, f}});
  ReadOptions ro;
  ro.read_tier = kBlockCacheTier;
  PinnableSlice value;
  GetContext context(BytewiseComparator(), nullptr, nullptr, nullptr,
                     GetContext::kNotFound, "a", &value, nullptr, nullptr,
                     nullptr, nullptr);
  LookupKey lookup("a", 10);
  Status s = version_->Get(ro, lookup, &context, cache_.get(), cf_);
  EXPECT_TRUE(s.IsIncomplete()) << s.ToString();
  EXPECT_EQ(0, factory_->opens.load());
  EXPECT_EQ("x", Get("a"));
  EXPECT_EQ(1, factory_->opens.load());
}

// ---- Version::Get

TEST_F(TableCacheTest, LevelZeroNewestFirstAndRanges) {
  NewCache(-1);
  FileMetaData old_f = WriteTable(1, {{"a", 1, kTypeValue, "a1"},
                                      {"m", 2, kTypeValue, "m2"},
                                      {"z", 3, kTypeValue, "z3"}});
  FileMetaData new_f =
      WriteTable(2, {{"m", 5, kTypeValue, "m5"}, {"n", 6, kTypeDeletion, ""}});
  FileMetaData newest = WriteTable(3, {{"z", 9, kTypeDeletion, ""}});
  MakeVersion({{0, old_f}, {0, new_f}, {0, newest}});
  EXPECT_EQ("a1", Get("a"));
  EXPECT_EQ("m5", Get("m"));
  EXPECT_EQ("m2", Get("m", 4));
  EXPECT_EQ("NotFound", Get("n"));
  EXPECT_EQ("NotFound", Get("z"));
  EXPECT_EQ("z3", Get("z", 8));
  EXPECT_EQ("NotFound", Get("b"));
  EXPECT_EQ("NotFound", Get("0"));
  EXPECT_EQ("NotFound", Get("a", 0));
}

TEST_F(TableCacheTest, DeeperLevelsUseBinarySearch) {
  NewCache(-1);
  std::vector<std::pair<int, FileMetaData>> files;
  // Level 2: ten disjoint files [k<i>0, k<i>9]; level 1: one newer file.
  for (int i = 0; i < 10; ++i) {
    std::vector<E> entries;
    for (int j = 0; j < 10; ++j) {
      const std::string k = "k" + std::to_string(i) + std::to_string(j);
      entries.push_back({k, static_cast<SequenceNumber>(1 + i * 10 + j),
                         kTypeValue, "old" + k});
    }
    files.emplace_back(2, WriteTable(100 + i, entries));
  }
  files.emplace_back(1, WriteTable(50, {{"k35", 500, kTypeValue, "new"},
                                        {"k36", 501, kTypeDeletion, ""}}));
  MakeVersion(files);
  EXPECT_EQ("oldk00", Get("k00"));
  EXPECT_EQ("oldk99", Get("k99"));
  EXPECT_EQ("new", Get("k35"));
  EXPECT_EQ("oldk35", Get("k35", 499));
  EXPECT_EQ("NotFound", Get("k36"));
  EXPECT_EQ("oldk37", Get("k37"));
  EXPECT_EQ("NotFound", Get("k0"));    // between files
  EXPECT_EQ("NotFound", Get("k995"));  // past the last file
  // Only the one candidate file of each level was opened per lookup.
  EXPECT_LE(factory_->opens.load(), 11);
}

TEST_F(TableCacheTest, UserKeySpanningTwoFilesOfALevel) {
  NewCache(-1);
  // The versions of "k" are split over two adjacent files of level 1.
  FileMetaData left =
      WriteTable(1, {{"a", 1, kTypeValue, "a"}, {"k", 9, kTypeMerge, "m9"}});
  FileMetaData right =
      WriteTable(2, {{"k", 4, kTypeValue, "base"}, {"z", 2, kTypeValue, "z"}});
  MakeVersion({{1, left}, {1, right}});
  EXPECT_EQ("base,m9", Get("k"));
  EXPECT_EQ("base", Get("k", 8));
}

TEST_F(TableCacheTest, MergeOperandsContinueAcrossFiles) {
  NewCache(-1);
  FileMetaData l0 = WriteTable(3, {{"k", 7, kTypeMerge, "c"}});
  FileMetaData l1 = WriteTable(2, {{"k", 5, kTypeMerge, "b"}});
  FileMetaData l2 = WriteTable(1, {{"k", 2, kTypeValue, "a"}});
  MakeVersion({{0, l0}, {1, l1}, {2, l2}});
  EXPECT_EQ("a,b,c", Get("k"));
  // Operands the memtables met first (newest first).
  EXPECT_EQ("a,b,c,d", Get("k", kMaxSequenceNumber - 1, {"d"}));
  // No base anywhere: merge over nothing.
  FileMetaData only = WriteTable(4, {{"j", 7, kTypeMerge, "x"}});
  FileMetaData del =
      WriteTable(5, {{"i", 1, kTypeDeletion, ""}, {"j", 3, kTypeDeletion, ""}});
  MakeVersion({{0, only}, {3, del}});
  EXPECT_EQ("x", Get("j"));
  EXPECT_EQ("NotFound", Get("j", 2));
}

TEST_F(TableCacheTest, RangeTombstonesCoverOlderFiles) {
  NewCache(-1);
  FileMetaData newer = WriteTable(
      2, {{"c", 10, kTypeRangeDeletion, "f"}, {"d", 12, kTypeValue, "d12"}});
  FileMetaData older = WriteTable(1, {{"c", 3, kTypeValue, "c3"},
                                      {"e", 4, kTypeValue, "e4"},
                                      {"f", 5, kTypeValue, "f5"}});
  MakeVersion({{0, newer}, {1, older}});
  EXPECT_EQ("NotFound", Get("c"));
  EXPECT_EQ("d12", Get("d"));
  EXPECT_EQ("NotFound", Get("e"));
  EXPECT_EQ("f5", Get("f"));     // end is exclusive
  EXPECT_EQ("e4", Get("e", 9));  // tombstone not visible yet
  EXPECT_EQ("NotFound", Get("d", 11));
  // The older file was not even read for a covered key.
  const int opens_before = factory_->opens.load();
  cache_->Evict(1);
  EXPECT_EQ("NotFound", Get("e"));
  EXPECT_EQ(opens_before, factory_->opens.load());
}

TEST_F(TableCacheTest, MergeFailureIsCorruption) {
  NewCache(-1);
  cf_.merge_operator.reset();
  FileMetaData f = WriteTable(1, {{"k", 2, kTypeMerge, "x"}});
  MakeVersion({{0, f}});
  const std::string r = Get("k");
  EXPECT_NE("NotFound", r);
  EXPECT_NE("x", r);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
