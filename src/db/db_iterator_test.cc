// Copyright (c) the rocksdb-cleanroom authors.
//
// Iterators through the DB: memtables, level-0 tables and deeper levels
// (RocksDB-written sample DBs), read views pinned while files change,
// snapshots, Refresh, properties and the option checks of NewIterator.
// Expected values were observed on RocksDB 7.8.3.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/db_test_util.h"
#include "rocksdb/iterator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/statistics.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class ConcatOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice* existing, const Slice& value,
             std::string* new_value, Logger*) const override {
    *new_value = existing != nullptr
                     ? existing->ToString() + "," + value.ToString()
                     : "[" + value.ToString();
    return true;
  }
  const char* Name() const override { return "Concat"; }
};

std::string SamplesDir() {
  const char* env = getenv("ROCKSDB_SPECS_DIR");
  if (env != nullptr) return std::string(env) + "/samples";
  std::filesystem::path here(__FILE__);
  return (here.parent_path() / "../../../shared/specs/samples")
      .lexically_normal()
      .string();
}

uint64_t Fnv(uint64_t h, const Slice& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    h ^= static_cast<unsigned char>(s[i]);
    h *= 1099511628211ull;
  }
  return h;
}

class DBIteratorTest : public test::DBTestBase {
 protected:
  DBIteratorTest() {
    options_.merge_operator = std::make_shared<ConcatOperator>();
  }

  Status Flush() { return db_->Flush(FlushOptions()); }

  std::string Scan(const ReadOptions& ro = ReadOptions()) {
    std::unique_ptr<Iterator> it(db_->NewIterator(ro));
    std::string out;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out += it->key().ToString() + "=" + it->value().ToString() + " ";
    }
    return out + (it->status().ok() ? "END" : it->status().ToString());
  }
  std::string ScanBack(const ReadOptions& ro = ReadOptions()) {
    std::unique_ptr<Iterator> it(db_->NewIterator(ro));
    std::string out;
    for (it->SeekToLast(); it->Valid(); it->Prev()) {
      out += it->key().ToString() + "=" + it->value().ToString() + " ";
    }
    return out + (it->status().ok() ? "END" : it->status().ToString());
  }

  // Copies a RocksDB-written sample DB into dbname_ (writable).
  bool UseSample(const std::string& name) {
    const std::filesystem::path src =
        std::filesystem::path(SamplesDir()) / name;
    if (!std::filesystem::exists(src / "CURRENT")) return false;
    std::filesystem::create_directories(dbname_);
    for (const auto& e : std::filesystem::directory_iterator(src)) {
      const std::filesystem::path to =
          std::filesystem::path(dbname_) / e.path().filename();
      std::filesystem::copy_file(e.path(), to);
      std::filesystem::permissions(to, std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::add);
    }
    return true;
  }

  // Walks the whole DB both ways; returns the entry count and checks that
  // both directions agree.
  void CheckSample(int expected_count, uint64_t expected_hash) {
    std::unique_ptr<Iterator> it(db_->NewIterator(ReadOptions()));
    uint64_t h = 14695981039346656037ull;
    std::vector<std::string> keys;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      h = Fnv(Fnv(h, it->key()), it->value());
      keys.push_back(it->key().ToString());
    }
    ASSERT_OK(it->status());
    EXPECT_EQ(static_cast<int>(keys.size()), expected_count);
    EXPECT_EQ(h, expected_hash);
    size_t i = keys.size();
    for (it->SeekToLast(); it->Valid(); it->Prev()) {
      ASSERT_GT(i, 0u);
      ASSERT_EQ(it->key().ToString(), keys[--i]);
    }
    ASSERT_OK(it->status());
    EXPECT_EQ(i, 0u);
    // Seeks land on every key, and between files.
    for (size_t j = 0; j < keys.size(); j += 37) {
      it->Seek(keys[j]);
      ASSERT_TRUE(it->Valid());
      EXPECT_EQ(it->key().ToString(), keys[j]);
      it->SeekForPrev(keys[j] + '\xff');
      ASSERT_TRUE(it->Valid());
      EXPECT_EQ(it->key().ToString(), keys[j]);
      if (j + 1 < keys.size()) {
        it->Next();
        ASSERT_TRUE(it->Valid());
        EXPECT_EQ(it->key().ToString(), keys[j + 1]);
      }
    }
  }
};

TEST_F(DBIteratorTest, MemtableOnly) {
  Open();
  ASSERT_OK(Put("b", "2"));
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("c", "3"));
  ASSERT_OK(Delete("b"));
  ASSERT_OK(db_->Merge(WriteOptions(), "d", "x"));
  ASSERT_OK(db_->Merge(WriteOptions(), "d", "y"));
  EXPECT_EQ(Scan(), "a=1 c=3 d=[x,y END");
  EXPECT_EQ(ScanBack(), "d=[x,y c=3 a=1 END");
}

TEST_F(DBIteratorTest, MemtablesAndLevelZeroMerge) {
  Open();
  ASSERT_OK(Put("a", "old"));
  ASSERT_OK(Put("b", "1"));
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "1"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("a", "new"));
  ASSERT_OK(Delete("b"));
  ASSERT_OK(Put("c", "3"));
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "2"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(WriteOptions(), "m", "3"));
  ASSERT_OK(Put("d", "4"));
  EXPECT_EQ(Scan(), "a=new c=3 d=4 m=[1,2,3 END");
  EXPECT_EQ(ScanBack(), "m=[1,2,3 d=4 c=3 a=new END");
}

TEST_F(DBIteratorTest, RangeDeletionsInMemtableAndTables) {
  Open();
  for (const char* k : {"a", "b", "c", "d", "e"}) ASSERT_OK(Put(k, k));
  ASSERT_OK(Flush());
  ASSERT_OK(
      db_->DeleteRange(WriteOptions(), db_->DefaultColumnFamily(), "b", "d"));
  EXPECT_EQ(Scan(), "a=a d=d e=e END");
  ASSERT_OK(Flush());
  ASSERT_OK(Put("c", "again"));
  EXPECT_EQ(Scan(), "a=a c=again d=d e=e END");
  EXPECT_EQ(ScanBack(), "e=e d=d c=again a=a END");
  ReadOptions ignore;
  ignore.ignore_range_deletions = true;
  EXPECT_EQ(Scan(ignore), "a=a b=b c=again d=d e=e END");
}

TEST_F(DBIteratorTest, SnapshotsAndPinnedView) {
  Open();
  ASSERT_OK(Put("a", "1"));
  ASSERT_OK(Put("b", "1"));
  const Snapshot* snapshot = db_->GetSnapshot();
  ASSERT_OK(Put("a", "2"));
  ASSERT_OK(Delete("b"));
  ReadOptions at_snapshot;
  at_snapshot.snapshot = snapshot;
  std::unique_ptr<Iterator> old_view(db_->NewIterator(at_snapshot));
  std::unique_ptr<Iterator> latest(db_->NewIterator(ReadOptions()));
  // Data moves to table files while the iterators live.
  ASSERT_OK(Flush());
  ASSERT_OK(Put("c", "3"));
  ASSERT_OK(Flush());
  old_view->SeekToFirst();
  ASSERT_TRUE(old_view->Valid());
  EXPECT_EQ(old_view->key().ToString() + old_view->value().ToString(), "a1");
  old_view->Next();
  EXPECT_EQ(old_view->key().ToString() + old_view->value().ToString(), "b1");
  latest->SeekToFirst();
  EXPECT_EQ(latest->key().ToString() + latest->value().ToString(), "a2");
  latest->Next();
  EXPECT_FALSE(latest->Valid());  // c came later
  EXPECT_OK(latest->status());
  EXPECT_TRUE(old_view->Refresh().IsNotSupported());
  EXPECT_EQ(old_view->Refresh().ToString(),
            "Not implemented: Creating renew iterator is not allowed.");
  ASSERT_OK(latest->Refresh());
  EXPECT_FALSE(latest->Valid());
  latest->SeekToLast();
  EXPECT_EQ(latest->key().ToString(), "c");
  old_view.reset();
  db_->ReleaseSnapshot(snapshot);
  EXPECT_EQ(Scan(at_snapshot = ReadOptions()), "a=2 c=3 END");
}

TEST_F(DBIteratorTest, Properties) {
  Open();
  ASSERT_OK(Put("a", "1"));
  uint64_t sv = 0;
  ASSERT_TRUE(db_->GetIntProperty("rocksdb.current-super-version-number", &sv));
  ReadOptions ro;
  ro.pin_data = true;
  std::unique_ptr<Iterator> it(db_->NewIterator(ro));
  std::string v;
  ASSERT_OK(it->GetProperty("rocksdb.iterator.super-version-number", &v));
  EXPECT_EQ(v, std::to_string(sv));
  it->SeekToFirst();
  ASSERT_OK(it->GetProperty("rocksdb.iterator.is-key-pinned", &v));
  EXPECT_EQ(v, "1");
  ASSERT_OK(it->GetProperty("rocksdb.iterator.internal-key", &v));
  EXPECT_EQ(v, "a");
  EXPECT_TRUE(it->GetProperty("rocksdb.iterator.nope", &v).IsInvalidArgument());
}

TEST_F(DBIteratorTest, UnsupportedReadOptions) {
  Open();
  ASSERT_OK(Put("a", "1"));
  auto status_of = [this](const ReadOptions& ro) {
    std::unique_ptr<Iterator> it(db_->NewIterator(ro));
    it->SeekToFirst();
    EXPECT_FALSE(it->Valid());
    return it->status().ToString();
  };
  ReadOptions ro;
  ro.read_tier = kPersistedTier;
  EXPECT_EQ(status_of(ro),
            "Not implemented: ReadTier::kPersistedData is not yet supported "
            "in iterators.");
  ro = ReadOptions();
  ro.managed = true;
  EXPECT_EQ(status_of(ro),
            "Not implemented: Managed iterator is not supported anymore.");
  ro = ReadOptions();
  std::string ts = "12345678";
  Slice ts_slice(ts);
  ro.timestamp = &ts_slice;
  EXPECT_EQ(status_of(ro),
            "Invalid argument: cannot call this method on column family "
            "default that does not enable timestamp");
  ro = ReadOptions();
  ro.tailing = true;  // not there yet: docs/compat.md "Iterators"
  EXPECT_EQ(status_of(ro),
            "Not implemented: DB::NewIterator(tailing): not implemented yet");
}

TEST_F(DBIteratorTest, NewIteratorsAndStatistics) {
  options_.statistics = CreateDBStatistics();
  Open();
  ASSERT_OK(Put("a", "1"));
  std::vector<Iterator*> iterators;
  ASSERT_OK(db_->NewIterators(ReadOptions(), {db_->DefaultColumnFamily()},
                              &iterators));
  ASSERT_EQ(iterators.size(), 1u);
  iterators[0]->SeekToFirst();
  EXPECT_TRUE(iterators[0]->Valid());
  delete iterators[0];
  ASSERT_OK(db_->NewIterators(ReadOptions(), {}, &iterators));
  EXPECT_TRUE(iterators.empty());
  EXPECT_TRUE(db_->NewIterators(ReadOptions(), {nullptr}, &iterators)
                  .IsInvalidArgument());
  EXPECT_EQ(options_.statistics->getTickerCount(NO_ITERATOR_CREATED), 1u);
  EXPECT_EQ(options_.statistics->getTickerCount(NO_ITERATOR_DELETED), 1u);
  EXPECT_EQ(options_.statistics->getTickerCount(NUMBER_DB_SEEK), 1u);
}

TEST_F(DBIteratorTest, BoundsSkipTableFiles) {
  Open();
  for (int f = 0; f < 4; ++f) {
    for (int i = 0; i < 5; ++i) {
      ASSERT_OK(Put("k" + std::to_string(f) + std::to_string(i), "v"));
    }
    ASSERT_OK(Flush());
  }
  Slice lo("k15"), hi("k31");
  ReadOptions ro;
  ro.iterate_lower_bound = &lo;
  ro.iterate_upper_bound = &hi;
  EXPECT_EQ(Scan(ro), "k20=v k21=v k22=v k23=v k24=v k30=v END");
  EXPECT_EQ(ScanBack(ro), "k30=v k24=v k23=v k22=v k21=v k20=v END");
}

// Observed (a differential run): table iterators stop at the upper bound,
// so SeekToFirst examines the memtable's b4 first, not the table's a3.
TEST_F(DBIteratorTest, TableIteratorsStopAtTheUpperBound) {
  options_.disable_auto_compactions = true;
  Open();
  WriteOptions wo;
  ColumnFamilyHandle* cf = db_->DefaultColumnFamily();
  ASSERT_OK(db_->DeleteRange(wo, cf, "a6", "c11"));
  ASSERT_OK(Put("a3", "x"));
  ASSERT_OK(Put("a0", "x"));
  ASSERT_OK(db_->Merge(wo, "b7", "1"));
  ASSERT_OK(Put("a6", "x"));
  ASSERT_OK(Flush());
  ASSERT_OK(db_->Merge(wo, "c2", "2"));
  ASSERT_OK(db_->Merge(wo, "b7", "3"));
  ASSERT_OK(db_->DeleteRange(wo, cf, "a0", "a3"));
  ASSERT_OK(db_->Merge(wo, "c2", "4"));
  ASSERT_OK(Flush());
  ASSERT_OK(Put("b4", "x"));
  ASSERT_OK(Delete("b4"));
  ASSERT_OK(Put("c8", "x"));
  Slice hi("a3");
  ReadOptions ro;
  ro.iterate_upper_bound = &hi;
  std::unique_ptr<Iterator> it(db_->NewIterator(ro));
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  std::string ik;
  ASSERT_OK(it->GetProperty("rocksdb.iterator.internal-key", &ik));
  EXPECT_EQ(ik, "b4");
}

// Two level-1 files written by RocksDB's db_bench (fillrandom + compact).
TEST_F(DBIteratorTest, SampleWithLevelOneFiles) {
  if (!UseSample("13_db_bench_fillrandom_compact")) {
    GTEST_SKIP() << "samples not found under " << SamplesDir();
  }
  Open();
  CheckSample(1880, 2513158401499567595ull);
}

// One level-1 file (after a point and a range deletion were compacted).
TEST_F(DBIteratorTest, SampleCompactedWithDeletions) {
  if (!UseSample("07_sst_bloom_nocomp_compacted")) {
    GTEST_SKIP() << "samples not found under " << SamplesDir();
  }
  Open();
  CheckSample(289, 1450897666846873060ull);
  std::unique_ptr<Iterator> it(db_->NewIterator(ReadOptions()));
  it->Seek("key000005");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key().ToString(), "key000006");
  it->Seek("key000010");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key().ToString(), "key000020");
  it->Prev();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->key().ToString(), "key000009");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
