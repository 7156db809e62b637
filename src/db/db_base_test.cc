// Copyright (c) the rocksdb-cleanroom authors.
//
// The behaviour DB's base class gives every implementation: the forwarding
// overloads, the defaults of non-pure virtual methods (statuses as printed
// by RocksDB 7.8.3's base class), the WriteBatch-based PutEntity and
// DeleteRange, and ManagedSnapshot. Exercised through a small map-backed
// DB that implements only the pure virtual methods.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class FakeHandle : public ColumnFamilyHandle {
 public:
  FakeHandle(uint32_t id, std::string name, bool* destroyed = nullptr)
      : id_(id), name_(std::move(name)), destroyed_(destroyed) {}
  ~FakeHandle() override {
    if (destroyed_ != nullptr) {
      *destroyed_ = true;
    }
  }
  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  Status GetDescriptor(ColumnFamilyDescriptor*) override { return Status(); }
  const Comparator* GetComparator() const override {
    return BytewiseComparator();
  }

 private:
  uint32_t id_;
  std::string name_;
  bool* destroyed_;
};

class FakeSnapshot : public Snapshot {
 public:
  explicit FakeSnapshot(SequenceNumber seq) : seq_(seq) {}
  ~FakeSnapshot() override {}
  SequenceNumber GetSequenceNumber() const override { return seq_; }
  int64_t GetUnixTime() const override { return 0; }
  uint64_t GetTimestamp() const override { return 0; }

 private:
  SequenceNumber seq_;
};

// Reads come from `data`; writes are only recorded.
class FakeDB : public DB {
 public:
  std::map<std::string, std::string> data;
  std::vector<std::string> written;  // WriteBatch::Data() of each Write
  std::vector<std::string> calls;    // "<method>:<cf id>" of forwarded calls
  int live_snapshots = 0;
  SizeApproximationOptions last_size_options;

  // Overriding one overload hides the others; bring the base ones back.
  using DB::CompactFiles;
  using DB::CompactRange;
  using DB::Delete;
  using DB::Flush;
  using DB::Get;
  using DB::GetApproximateSizes;
  using DB::GetPropertiesOfAllTables;
  using DB::GetProperty;
  using DB::IngestExternalFile;
  using DB::Level0StopWriteTrigger;
  using DB::MaxMemCompactionLevel;
  using DB::Merge;
  using DB::MultiGet;
  using DB::NumberLevels;
  using DB::Put;
  using DB::SingleDelete;
  using DB::VerifyChecksum;

  Status Put(const WriteOptions&, ColumnFamilyHandle* cf, const Slice&,
             const Slice&) override {
    return Record("Put", cf);
  }
  Status Put(const WriteOptions&, ColumnFamilyHandle* cf, const Slice&,
             const Slice&, const Slice&) override {
    return Record("PutTs", cf);
  }
  Status Delete(const WriteOptions&, ColumnFamilyHandle* cf,
                const Slice&) override {
    return Record("Delete", cf);
  }
  Status Delete(const WriteOptions&, ColumnFamilyHandle* cf, const Slice&,
                const Slice&) override {
    return Record("DeleteTs", cf);
  }
  Status SingleDelete(const WriteOptions&, ColumnFamilyHandle* cf,
                      const Slice&) override {
    return Record("SingleDelete", cf);
  }
  Status SingleDelete(const WriteOptions&, ColumnFamilyHandle* cf, const Slice&,
                      const Slice&) override {
    return Record("SingleDeleteTs", cf);
  }
  Status Merge(const WriteOptions&, ColumnFamilyHandle* cf, const Slice&,
               const Slice&) override {
    return Record("Merge", cf);
  }
  Status Write(const WriteOptions&, WriteBatch* updates) override {
    written.push_back(updates->Data());
    return Status::OK();
  }
  Status Get(const ReadOptions&, ColumnFamilyHandle*, const Slice& key,
             PinnableSlice* value) override {
    auto it = data.find(key.ToString());
    if (it == data.end()) {
      return Status::NotFound();
    }
    value->PinSelf(it->second);
    return Status::OK();
  }
  Status GetMergeOperands(const ReadOptions&, ColumnFamilyHandle*, const Slice&,
                          PinnableSlice*, GetMergeOperandsOptions*,
                          int*) override {
    return Status::NotSupported();
  }
  std::vector<Status> MultiGet(const ReadOptions& options,
                               const std::vector<ColumnFamilyHandle*>& cfs,
                               const std::vector<Slice>& keys,
                               std::vector<std::string>* values) override {
    std::vector<Status> statuses;
    values->assign(keys.size(), "");
    for (size_t i = 0; i < keys.size(); ++i) {
      statuses.push_back(Get(options, cfs[i], keys[i], &(*values)[i]));
    }
    return statuses;
  }
  Iterator* NewIterator(const ReadOptions&, ColumnFamilyHandle*) override {
    return NewEmptyIterator();
  }
  Status NewIterators(const ReadOptions&,
                      const std::vector<ColumnFamilyHandle*>&,
                      std::vector<Iterator*>*) override {
    return Status::NotSupported();
  }
  const Snapshot* GetSnapshot() override {
    ++live_snapshots;
    return new FakeSnapshot(42);
  }
  void ReleaseSnapshot(const Snapshot* snapshot) override {
    --live_snapshots;
    delete static_cast<const FakeSnapshot*>(snapshot);
  }
  bool GetProperty(ColumnFamilyHandle* cf, const Slice& property,
                   std::string* value) override {
    *value = property.ToString() + "@" + std::to_string(cf->GetID());
    return true;
  }
  bool GetMapProperty(ColumnFamilyHandle*, const Slice&,
                      std::map<std::string, std::string>*) override {
    return false;
  }
  bool GetIntProperty(ColumnFamilyHandle*, const Slice&, uint64_t*) override {
    return false;
  }
  bool GetAggregatedIntProperty(const Slice&, uint64_t*) override {
    return false;
  }
  Status GetApproximateSizes(const SizeApproximationOptions& options,
                             ColumnFamilyHandle*, const Range*, int,
                             uint64_t*) override {
    last_size_options = options;
    return Status::OK();
  }
  void GetApproximateMemTableStats(ColumnFamilyHandle*, const Range&,
                                   uint64_t* const, uint64_t* const) override {}
  Status CompactRange(const CompactRangeOptions&, ColumnFamilyHandle* cf,
                      const Slice*, const Slice*) override {
    return Record("CompactRange", cf);
  }
  Status SetDBOptions(
      const std::unordered_map<std::string, std::string>&) override {
    return Status::NotSupported();
  }
  Status CompactFiles(const CompactionOptions&, ColumnFamilyHandle* cf,
                      const std::vector<std::string>&, const int, const int,
                      std::vector<std::string>* const,
                      CompactionJobInfo*) override {
    return Record("CompactFiles", cf);
  }
  Status PauseBackgroundWork() override { return Status::NotSupported(); }
  Status ContinueBackgroundWork() override { return Status::NotSupported(); }
  Status EnableAutoCompaction(
      const std::vector<ColumnFamilyHandle*>&) override {
    return Status::NotSupported();
  }
  void DisableManualCompaction() override {}
  void EnableManualCompaction() override {}
  int NumberLevels(ColumnFamilyHandle*) override { return 7; }
  int MaxMemCompactionLevel(ColumnFamilyHandle*) override { return 2; }
  int Level0StopWriteTrigger(ColumnFamilyHandle*) override { return 36; }
  const std::string& GetName() const override { return name_; }
  Env* GetEnv() const override { return Env::Default(); }
  Options GetOptions(ColumnFamilyHandle*) const override { return Options(); }
  DBOptions GetDBOptions() const override { return DBOptions(); }
  Status Flush(const FlushOptions&, ColumnFamilyHandle* cf) override {
    return Record("Flush", cf);
  }
  Status Flush(const FlushOptions&,
               const std::vector<ColumnFamilyHandle*>&) override {
    return Status::NotSupported();
  }
  Status SyncWAL() override { return Status::NotSupported(); }
  SequenceNumber GetLatestSequenceNumber() const override { return 0; }
  Status DisableFileDeletions() override { return Status::NotSupported(); }
  Status IncreaseFullHistoryTsLow(ColumnFamilyHandle*, std::string) override {
    return Status::NotSupported();
  }
  Status GetFullHistoryTsLow(ColumnFamilyHandle*, std::string*) override {
    return Status::NotSupported();
  }
  Status EnableFileDeletions(bool) override { return Status::NotSupported(); }
  Status GetCreationTimeOfOldestFile(uint64_t*) override {
    return Status::NotSupported();
  }
  Status GetUpdatesSince(SequenceNumber,
                         std::unique_ptr<TransactionLogIterator>*,
                         const TransactionLogIterator::ReadOptions&) override {
    return Status::NotSupported();
  }
  Status DeleteFile(std::string) override { return Status::NotSupported(); }
  Status GetLiveFilesChecksumInfo(FileChecksumList*) override {
    return Status::NotSupported();
  }
  Status GetLiveFilesStorageInfo(const LiveFilesStorageInfoOptions&,
                                 std::vector<LiveFileStorageInfo>*) override {
    return Status::NotSupported();
  }
  Status GetLiveFiles(std::vector<std::string>&, uint64_t*, bool) override {
    return Status::NotSupported();
  }
  Status GetSortedWalFiles(VectorLogPtr&) override {
    return Status::NotSupported();
  }
  Status GetCurrentWalFile(std::unique_ptr<LogFile>*) override {
    return Status::NotSupported();
  }
  Status IngestExternalFile(ColumnFamilyHandle* cf,
                            const std::vector<std::string>&,
                            const IngestExternalFileOptions&) override {
    return Record("IngestExternalFile", cf);
  }
  Status IngestExternalFiles(
      const std::vector<IngestExternalFileArg>&) override {
    return Status::NotSupported();
  }
  Status CreateColumnFamilyWithImport(const ColumnFamilyOptions&,
                                      const std::string&,
                                      const ImportColumnFamilyOptions&,
                                      const ExportImportFilesMetaData&,
                                      ColumnFamilyHandle**) override {
    return Status::NotSupported();
  }
  Status VerifyChecksum(const ReadOptions&) override {
    return Record("VerifyChecksum", nullptr);
  }
  Status GetDbIdentity(std::string&) const override {
    return Status::NotSupported();
  }
  Status GetDbSessionId(std::string&) const override {
    return Status::NotSupported();
  }
  ColumnFamilyHandle* DefaultColumnFamily() const override {
    return const_cast<FakeHandle*>(&default_cf_);
  }
  Status GetPropertiesOfAllTables(ColumnFamilyHandle* cf,
                                  TablePropertiesCollection*) override {
    return Record("GetPropertiesOfAllTables", cf);
  }
  Status GetPropertiesOfTablesInRange(ColumnFamilyHandle*, const Range*,
                                      std::size_t,
                                      TablePropertiesCollection*) override {
    return Status::NotSupported();
  }

 private:
  Status Record(const std::string& method, ColumnFamilyHandle* cf) {
    calls.push_back(method + ":" +
                    (cf == nullptr ? "-" : std::to_string(cf->GetID())));
    return Status::OK();
  }

  const std::string name_ = "fake";
  FakeHandle default_cf_{0, kDefaultColumnFamilyName};
};

TEST(DBBaseTest, OverloadsUseTheDefaultColumnFamily) {
  FakeDB db;
  WriteOptions wo;
  ASSERT_TRUE(db.Put(wo, "k", "v").ok());
  ASSERT_TRUE(db.Put(wo, "k", "ts", "v").ok());
  ASSERT_TRUE(db.Delete(wo, "k").ok());
  ASSERT_TRUE(db.Delete(wo, "k", "ts").ok());
  ASSERT_TRUE(db.SingleDelete(wo, "k").ok());
  ASSERT_TRUE(db.SingleDelete(wo, "k", "ts").ok());
  ASSERT_TRUE(db.Merge(wo, "k", "v").ok());
  ASSERT_TRUE(db.CompactRange(CompactRangeOptions(), nullptr, nullptr).ok());
  ASSERT_TRUE(db.CompactFiles(CompactionOptions(), {}, 1).ok());
  ASSERT_TRUE(db.Flush(FlushOptions()).ok());
  ASSERT_TRUE(db.IngestExternalFile({}, IngestExternalFileOptions()).ok());
  ASSERT_TRUE(db.VerifyChecksum().ok());
  TablePropertiesCollection props;
  ASSERT_TRUE(db.GetPropertiesOfAllTables(&props).ok());
  EXPECT_EQ(db.calls,
            (std::vector<std::string>{
                "Put:0", "PutTs:0", "Delete:0", "DeleteTs:0", "SingleDelete:0",
                "SingleDeleteTs:0", "Merge:0", "CompactRange:0",
                "CompactFiles:0", "Flush:0", "IngestExternalFile:0",
                "VerifyChecksum:-", "GetPropertiesOfAllTables:0"}));

  std::string value;
  ASSERT_TRUE(db.GetProperty("rocksdb.stats", &value));
  EXPECT_EQ(value, "rocksdb.stats@0");
  EXPECT_EQ(db.NumberLevels(), 7);
  EXPECT_EQ(db.MaxMemCompactionLevel(), 2);
  EXPECT_EQ(db.Level0StopWriteTrigger(), 36);
  EXPECT_EQ(db.GetRootDB(), &db);
}

TEST(DBBaseTest, GetIntoStringCopiesThePinnedValue) {
  FakeDB db;
  db.data["k"] = "value";
  std::string out = "old";
  ASSERT_TRUE(db.Get(ReadOptions(), "k", &out).ok());
  EXPECT_EQ(out, "value");
  EXPECT_TRUE(db.Get(ReadOptions(), "missing", &out).IsNotFound());

  std::string ts;
  Status s = db.Get(ReadOptions(), "k", &out, &ts);
  EXPECT_EQ(s.ToString(),
            "Not implemented: Get() that returns timestamp is not "
            "implemented.");
}

TEST(DBBaseTest, ArrayMultiGetFallsBackToVectorMultiGet) {
  FakeDB db;
  db.data["a"] = "1";
  db.data["c"] = "3";
  const Slice keys[] = {"a", "b", "c"};
  PinnableSlice values[3];
  Status statuses[3];
  db.MultiGet(ReadOptions(), db.DefaultColumnFamily(), 3, keys, values,
              statuses);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_TRUE(statuses[1].IsNotFound());
  EXPECT_TRUE(statuses[2].ok());
  EXPECT_EQ(values[0], "1");
  EXPECT_EQ(values[2], "3");

  ColumnFamilyHandle* cfs[] = {db.DefaultColumnFamily(),
                               db.DefaultColumnFamily()};
  PinnableSlice more[2];
  Status more_statuses[2];
  db.MultiGet(ReadOptions(), 2, cfs, keys + 1, more, more_statuses);
  EXPECT_TRUE(more_statuses[0].IsNotFound());
  EXPECT_EQ(more[1], "3");

  std::vector<std::string> vals;
  std::vector<Status> by_vector = db.MultiGet(ReadOptions(), {"c"}, &vals);
  ASSERT_EQ(vals.size(), 1u);
  EXPECT_EQ(vals[0], "3");
}

TEST(DBBaseTest, TimestampMultiGetIsNotSupportedPerKey) {
  FakeDB db;
  std::vector<std::string> values;
  std::vector<std::string> timestamps;
  std::vector<Status> statuses =
      db.MultiGet(ReadOptions(), {"a", "b"}, &values, &timestamps);
  ASSERT_EQ(statuses.size(), 2u);
  for (const Status& s : statuses) {
    EXPECT_EQ(s.ToString(),
              "Not implemented: MultiGet() returning timestamps not "
              "implemented.");
  }
  const Slice keys[] = {"a"};
  PinnableSlice vals[1];
  std::string ts[1];
  Status arr[1];
  db.MultiGet(ReadOptions(), db.DefaultColumnFamily(), 1, keys, vals, ts, arr);
  EXPECT_TRUE(arr[0].IsNotSupported());
}

TEST(DBBaseTest, KeyMayExistDefaultsToMaybe) {
  FakeDB db;
  std::string value;
  bool found = true;
  EXPECT_TRUE(db.KeyMayExist(ReadOptions(), "k", &value, &found));
  EXPECT_FALSE(found);
  EXPECT_TRUE(db.KeyMayExist(ReadOptions(), "k", &value));
}

TEST(DBBaseTest, PutEntityAndDeleteRangeGoThroughWrite) {
  FakeDB db;
  ASSERT_TRUE(db.PutEntity(WriteOptions(), db.DefaultColumnFamily(), "k",
                           {{"b", "2"}, {"a", "1"}})
                  .ok());
  ASSERT_TRUE(
      db.DeleteRange(WriteOptions(), db.DefaultColumnFamily(), "a", "z").ok());
  ASSERT_EQ(db.written.size(), 2u);

  WriteBatch entity(db.written[0]);
  EXPECT_EQ(entity.Count(), 1u);
  EXPECT_TRUE(entity.HasPutEntity());
  WriteBatch range(db.written[1]);
  EXPECT_EQ(range.Count(), 1u);
  EXPECT_TRUE(range.HasDeleteRange());
}

TEST(DBBaseTest, BatchErrorsStopBeforeWrite) {
  FakeDB db;
  // Duplicate column names cannot be encoded.
  Status s = db.PutEntity(WriteOptions(), db.DefaultColumnFamily(), "k",
                          {{"a", "1"}, {"a", "2"}});
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  // The default column family has no timestamps.
  s = db.DeleteRange(WriteOptions(), db.DefaultColumnFamily(), "a", "z", "ts");
  EXPECT_EQ(s.ToString(), "Invalid argument: timestamp disabled");
  EXPECT_TRUE(db.written.empty());
}

TEST(DBBaseTest, ColumnFamilyManagementDefaults) {
  FakeDB db;
  ColumnFamilyHandle* handle = nullptr;
  EXPECT_EQ(
      db.CreateColumnFamily(ColumnFamilyOptions(), "x", &handle).ToString(),
      "Not implemented: ");
  std::vector<ColumnFamilyHandle*> handles;
  EXPECT_TRUE(db.CreateColumnFamilies(ColumnFamilyOptions(), {"a"}, &handles)
                  .IsNotSupported());
  EXPECT_TRUE(db.CreateColumnFamilies({ColumnFamilyDescriptor()}, &handles)
                  .IsNotSupported());
  EXPECT_TRUE(db.DropColumnFamily(nullptr).IsNotSupported());
  EXPECT_TRUE(db.DropColumnFamilies({}).IsNotSupported());

  bool destroyed = false;
  EXPECT_TRUE(
      db.DestroyColumnFamilyHandle(new FakeHandle(5, "five", &destroyed)).ok());
  EXPECT_TRUE(destroyed);
}

// The default statuses, exactly as RocksDB's base class prints them.
TEST(DBBaseTest, NotSupportedDefaults) {
  FakeDB db;
  PinnableWideColumns columns;
  const std::vector<std::pair<Status, std::string>> cases = {
      {db.Resume(), "Not implemented: "},
      {db.Close(), "Not implemented: "},
      {db.ResetStats(), "Not implemented: Not implemented"},
      {db.SetOptions({}), "Not implemented: Not implemented"},
      {db.FlushWAL(true), "Not implemented: FlushWAL not implemented"},
      {db.LockWAL(), "Not implemented: LockWAL not implemented"},
      {db.UnlockWAL(), "Not implemented: UnlockWAL not implemented"},
      {db.VerifyFileChecksums(ReadOptions()),
       "Not implemented: File verification not supported"},
      {db.SuggestCompactRange(nullptr, nullptr, nullptr),
       "Not implemented: SuggestCompactRange() is not implemented."},
      {db.PromoteL0(nullptr, 1),
       "Not implemented: PromoteL0() is not implemented."},
      {db.StartTrace(TraceOptions(), nullptr),
       "Not implemented: StartTrace() is not implemented."},
      {db.EndTrace(), "Not implemented: EndTrace() is not implemented."},
      {db.StartIOTrace(TraceOptions(), nullptr),
       "Not implemented: StartIOTrace() is not implemented."},
      {db.EndIOTrace(), "Not implemented: EndIOTrace() is not implemented."},
      {db.StartBlockCacheTrace(TraceOptions(), nullptr),
       "Not implemented: StartBlockCacheTrace() is not implemented."},
      {db.StartBlockCacheTrace(BlockCacheTraceOptions(), nullptr),
       "Not implemented: StartBlockCacheTrace() is not implemented."},
      {db.EndBlockCacheTrace(),
       "Not implemented: EndBlockCacheTrace() is not implemented."},
      {db.NewDefaultReplayer({}, nullptr, nullptr),
       "Not implemented: NewDefaultReplayer() is not implemented."},
      {db.GetStatsHistory(0, 1, nullptr),
       "Not implemented: GetStatsHistory() is not implemented."},
      {db.TryCatchUpWithPrimary(),
       "Not implemented: Supported only by secondary instance"},
      {db.GetEntity(ReadOptions(), db.DefaultColumnFamily(), "k", &columns),
       "Not implemented: GetEntity not supported"},
      {db.Merge(WriteOptions(), db.DefaultColumnFamily(), "k", "ts", "v"),
       "Not implemented: Merge does not support user-defined timestamp yet"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.first.ToString(), c.second);
  }
}

TEST(DBBaseTest, ApproximateSizeFlags) {
  FakeDB db;
  Range range("a", "z");
  uint64_t size = 0;
  ASSERT_TRUE(db.GetApproximateSizes(&range, 1, &size).ok());
  EXPECT_FALSE(db.last_size_options.include_memtables);
  EXPECT_TRUE(db.last_size_options.include_files);
  ASSERT_TRUE(
      db.GetApproximateSizes(&range, 1, &size,
                             DB::SizeApproximationFlags::INCLUDE_MEMTABLES |
                                 DB::SizeApproximationFlags::INCLUDE_FILES)
          .ok());
  EXPECT_TRUE(db.last_size_options.include_memtables);
  EXPECT_TRUE(db.last_size_options.include_files);
}

TEST(DBBaseTest, FileSystemComesFromTheEnv) {
  FakeDB db;
  EXPECT_EQ(db.GetFileSystem(), Env::Default()->GetFileSystem().get());
}

TEST(ManagedSnapshotTest, TakesAndReleases) {
  FakeDB db;
  {
    ManagedSnapshot managed(&db);
    EXPECT_EQ(db.live_snapshots, 1);
    ASSERT_NE(managed.snapshot(), nullptr);
    EXPECT_EQ(managed.snapshot()->GetSequenceNumber(), 42u);
  }
  EXPECT_EQ(db.live_snapshots, 0);
  {
    ManagedSnapshot adopted(&db, db.GetSnapshot());
    EXPECT_EQ(db.live_snapshots, 1);
  }
  EXPECT_EQ(db.live_snapshots, 0);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
