// Copyright (c) the rocksdb-cleanroom authors.
//
// LevelIterator over real block-based table files of one level, opened
// through a TableCache: scans and seeks across file boundaries, files
// left unopened outside the bounds, table_filter, and range tombstones
// handed to the aggregator as files open.

#include "db/level_iterator.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/filename.h"
#include "db/range_del_aggregator.h"
#include "db/table_cache.h"
#include "db/version_edit.h"
#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/table.h"
#include "table/table_builder_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::IKey;
using test::KVList;

class LevelIteratorTest : public ::testing::Test {
 protected:
  LevelIteratorTest() : icmp_(BytewiseComparator()) {
    dir_ = testing::TempDir() + "/level_iter_" + std::to_string(getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    cf_.table_factory.reset(NewBlockBasedTableFactory());
    cache_ = std::make_unique<TableCache>(dir_, &db_options_, FileOptions(),
                                          FileSystem::Default().get(), -1);
  }
  ~LevelIteratorTest() override {
    for (FileMetaData* f : files_) delete f;
    cache_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Writes a table of entries (internal key order) as the next file.
  void AddFile(const KVList& entries) {
    auto* meta = new FileMetaData;
    meta->number = 10 + files_.size();
    TableBuilderOptions tbo;
    tbo.internal_comparator = &icmp_;
    tbo.cf_options = &cf_;
    tbo.compression_type = kNoCompression;
    tbo.column_family_name = "default";
    std::string bytes;
    ASSERT_TRUE(test::BuildSstFile(BlockBasedTableOptions(), tbo, entries,
                                   TableFileName(dir_, meta->number), &bytes)
                    .ok());
    meta->file_size = bytes.size();
    for (const auto& kv : entries) {
      ParsedInternalKey p;
      ASSERT_TRUE(ParseInternalKey(kv.first, &p, true).ok());
      meta->UpdateBoundaries(kv.first, p.sequence);
      if (p.type == kTypeRangeDeletion) {
        // The tombstone's end bounds the file too.
        InternalKey end(kv.second, kMaxSequenceNumber, kTypeRangeDeletion);
        if (icmp_.Compare(end, meta->largest) > 0) meta->largest = end;
      }
    }
    files_.push_back(meta);
  }

  // Three files: k00..k09, k10..k19, k20..k29 (values "v<n>").
  void AddThreeFiles() {
    for (int f = 0; f < 3; ++f) {
      KVList entries;
      for (int i = 0; i < 10; ++i) {
        const std::string k = "k" + std::to_string(f) + std::to_string(i);
        entries.emplace_back(IKey(k, 1, kTypeValue), "v" + k.substr(1));
      }
      AddFile(entries);
    }
  }

  std::unique_ptr<LevelIterator> NewIter(const ReadOptions& ro = ReadOptions(),
                                         RangeDelAggregator* agg = nullptr) {
    return std::make_unique<LevelIterator>(cache_.get(), ro, cf_, icmp_, files_,
                                           1, agg);
  }

  static std::string UserKey(InternalIterator* it) {
    return it->Valid() ? ExtractUserKey(it->key()).ToString() : "END";
  }

  InternalKeyComparator icmp_;
  DBOptions db_options_;
  ColumnFamilyOptions cf_;
  std::string dir_;
  std::unique_ptr<TableCache> cache_;
  std::vector<FileMetaData*> files_;
};

TEST_F(LevelIteratorTest, EmptyLevel) {
  auto it = NewIter();
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  it->Seek(IKey("a", kMaxSequenceNumber, kValueTypeForSeek));
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().ok());
}

TEST_F(LevelIteratorTest, ScansAcrossFiles) {
  AddThreeFiles();
  auto it = NewIter();
  std::vector<std::string> keys;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    keys.push_back(UserKey(it.get()));
  }
  ASSERT_EQ(keys.size(), 30u);
  EXPECT_EQ(keys.front(), "k00");
  EXPECT_EQ(keys.back(), "k29");
  size_t i = keys.size();
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    ASSERT_EQ(UserKey(it.get()), keys[--i]);
  }
  EXPECT_EQ(i, 0u);
  EXPECT_TRUE(it->status().ok());
}

TEST_F(LevelIteratorTest, SeeksBetweenAndBeyondFiles) {
  AddThreeFiles();
  auto it = NewIter();
  auto seek = [&](const std::string& k) {
    it->Seek(IKey(k, kMaxSequenceNumber, kValueTypeForSeek));
    return UserKey(it.get());
  };
  auto seek_for_prev = [&](const std::string& k) {
    it->SeekForPrev(IKey(k, 0, kValueTypeForSeekForPrev));
    return UserKey(it.get());
  };
  EXPECT_EQ(seek("a"), "k00");
  EXPECT_EQ(seek("k095"), "k10");  // after the end of file 0
  EXPECT_EQ(seek("k15"), "k15");
  EXPECT_EQ(seek("k3"), "END");
  EXPECT_EQ(seek_for_prev("k3"), "k29");
  EXPECT_EQ(seek_for_prev("k195"), "k19");
  EXPECT_EQ(seek_for_prev("k20"), "k20");
  EXPECT_EQ(seek_for_prev("a"), "END");
  // Across a boundary and back.
  seek("k19");
  it->Next();
  EXPECT_EQ(UserKey(it.get()), "k20");
  it->Prev();
  EXPECT_EQ(UserKey(it.get()), "k19");
  it->Prev();
  EXPECT_EQ(UserKey(it.get()), "k18");
}

TEST_F(LevelIteratorTest, BoundsKeepFilesClosed) {
  AddThreeFiles();
  Slice hi("k10");
  ReadOptions ro;
  ro.iterate_upper_bound = &hi;
  auto it = NewIter(ro);
  int n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++n;
  EXPECT_EQ(n, 10);  // the whole first file; the next one starts at k10
  EXPECT_EQ(cache_->NumOpenTables(), 1u);

  // Inside a file the level ends at the first key at or past the bound.
  Slice mid("k05");
  ro.iterate_upper_bound = &mid;
  auto it_mid = NewIter(ro);
  n = 0;
  for (it_mid->SeekToFirst(); it_mid->Valid(); it_mid->Next()) ++n;
  EXPECT_EQ(n, 5);
  EXPECT_TRUE(it_mid->status().ok());
  it_mid->SeekForPrev(IKey("k07", 0, kValueTypeForSeekForPrev));
  EXPECT_EQ(UserKey(it_mid.get()), "k07");  // backward is not limited

  Slice lo("k20");
  ReadOptions ro2;
  ro2.iterate_lower_bound = &lo;
  auto it2 = NewIter(ro2);
  it2->SeekForPrev(IKey("k25", 0, kValueTypeForSeekForPrev));
  n = 0;
  for (; it2->Valid(); it2->Prev()) ++n;
  EXPECT_EQ(n, 6);  // k25..k20; file 1 ends below the lower bound
  EXPECT_EQ(cache_->NumOpenTables(), 2u);
}

TEST_F(LevelIteratorTest, TableFilterSkipsFiles) {
  AddThreeFiles();
  ReadOptions ro;
  int calls = 0;
  ro.table_filter = [&calls](const TableProperties& props) {
    ++calls;
    return props.num_entries != 10 || calls != 2;  // reject the second
  };
  auto it = NewIter(ro);
  std::vector<std::string> keys;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    keys.push_back(UserKey(it.get()));
  }
  ASSERT_EQ(keys.size(), 20u);
  EXPECT_EQ(keys[9], "k09");
  EXPECT_EQ(keys[10], "k20");
}

TEST_F(LevelIteratorTest, TombstonesReachTheAggregatorWhenFilesOpen) {
  AddThreeFiles();
  // A fourth file holding only a tombstone [m, p) at sequence 50.
  AddFile({{IKey("m", 50, kTypeRangeDeletion), "p"}});
  RangeDelAggregator agg(&icmp_, kMaxSequenceNumber);
  auto it = NewIter(ReadOptions(), &agg);
  const ParsedInternalKey older("n", 10, kTypeValue);
  it->Seek(IKey("k15", kMaxSequenceNumber, kValueTypeForSeek));
  EXPECT_FALSE(agg.ShouldDelete(older));  // the fourth file is not open yet
  it->Seek(IKey("n", kMaxSequenceNumber, kValueTypeForSeek));
  EXPECT_FALSE(it->Valid());  // no point entry at or after n
  EXPECT_TRUE(agg.ShouldDelete(older));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("n", 60, kTypeValue)));
  EXPECT_FALSE(agg.ShouldDelete(ParsedInternalKey("q", 10, kTypeValue)));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
