// Copyright (c) the rocksdb-cleanroom authors.
//
// The DB-facing API surface: placeholder entry points fail the documented
// way, the base-class defaults behave as in RocksDB 7.8.3, and the public
// constants carry RocksDB's exact values.

#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/iterator.h"
#include "rocksdb/sst_file_writer.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// A placeholder's status: NotSupported with "<method>: not implemented yet".
void ExpectNotImplemented(const Status& s, const std::string& method) {
  EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
  EXPECT_EQ(s.ToString(),
            "Not implemented: " + method + ": not implemented yet");
}

// Something that is not a valid pointer, to see out-params overwritten.
template <typename T>
T* Garbage() {
  return reinterpret_cast<T*>(static_cast<uintptr_t>(0x8));
}

// Open and OpenForReadOnly are real (db_open_test.cc); a failed open
// leaves the out-parameters in RocksDB's failure state.
TEST(DBOpenTest, FailedOpenNullsThePointerAndClearsHandles) {
  Options options;
  options.create_if_missing = false;
  DB* db = Garbage<DB>();
  EXPECT_TRUE(DB::Open(options, "/tmp/rocksdb_cleanroom_no_such_db", &db)
                  .IsInvalidArgument());
  EXPECT_EQ(db, nullptr);

  std::vector<ColumnFamilyDescriptor> cfs{ColumnFamilyDescriptor()};
  std::vector<ColumnFamilyHandle*> handles(2, Garbage<ColumnFamilyHandle>());
  db = Garbage<DB>();
  EXPECT_FALSE(DB::OpenForReadOnly(DBOptions(),
                                   "/tmp/rocksdb_cleanroom_no_such_db", cfs,
                                   &handles, &db)
                   .ok());
  EXPECT_EQ(db, nullptr);
  EXPECT_TRUE(handles.empty());
}

TEST(DBOpenTest, OtherOpenersAreNotImplementedYet) {
  std::vector<ColumnFamilyDescriptor> cfs{ColumnFamilyDescriptor()};
  std::vector<ColumnFamilyHandle*> handles(1, Garbage<ColumnFamilyHandle>());
  DB* db = Garbage<DB>();
  ExpectNotImplemented(
      DB::OpenAsSecondary(Options(), "/tmp/unused", "/tmp/secondary", &db),
      "DB::OpenAsSecondary");
  EXPECT_EQ(db, nullptr);

  db = Garbage<DB>();
  ExpectNotImplemented(
      DB::OpenAsSecondary(DBOptions(), "/tmp/unused", "/tmp/secondary", cfs,
                          &handles, &db),
      "DB::OpenAsSecondary");
  EXPECT_EQ(db, nullptr);
  EXPECT_TRUE(handles.empty());

  db = Garbage<DB>();
  handles.assign(1, Garbage<ColumnFamilyHandle>());
  ExpectNotImplemented(DB::OpenAndTrimHistory(DBOptions(), "/tmp/unused", cfs,
                                              &handles, &db, "ts"),
                       "DB::OpenAndTrimHistory");
  EXPECT_EQ(db, nullptr);
  EXPECT_TRUE(handles.empty());

  std::string output;
  ExpectNotImplemented(
      DB::OpenAndCompact("/tmp/unused", "/tmp/out", "input", &output,
                         CompactionServiceOptionsOverride()),
      "DB::OpenAndCompact");
  ExpectNotImplemented(
      DB::OpenAndCompact(OpenAndCompactOptions(), "/tmp/unused", "/tmp/out",
                         "input", &output, CompactionServiceOptionsOverride()),
      "DB::OpenAndCompact");
}

TEST(DBOpenTest, ListOfAMissingDbAndRepair) {
  std::vector<std::string> names{"kept"};
  EXPECT_FALSE(DB::ListColumnFamilies(
                   DBOptions(), "/tmp/rocksdb_cleanroom_no_such_db", &names)
                   .ok());
  // RocksDB leaves the output alone on failure.
  EXPECT_EQ(names, std::vector<std::string>{"kept"});

  ExpectNotImplemented(RepairDB("/tmp/unused", Options()), "RepairDB");
  ExpectNotImplemented(RepairDB("/tmp/unused", DBOptions(), {}), "RepairDB");
  ExpectNotImplemented(
      RepairDB("/tmp/unused", DBOptions(), {}, ColumnFamilyOptions()),
      "RepairDB");
}

TEST(DBConstantsTest, ColumnFamilyNames) {
  EXPECT_EQ(kDefaultColumnFamilyName, "default");
  EXPECT_EQ(kPersistentStatsColumnFamilyName, "___rocksdb_stats_history___");
  EXPECT_EQ(ColumnFamilyDescriptor().name, "default");
  EXPECT_EQ(kMajorVersion, 7);
  EXPECT_EQ(kMinorVersion, 8);
}

// Every DB::Properties name, as printed by Debian's librocksdb 7.8.3.
TEST(DBConstantsTest, PropertyNamesMatchRocksDB) {
  const std::map<std::string, std::string> expected = {
      {DB::Properties::kNumFilesAtLevelPrefix, "rocksdb.num-files-at-level"},
      {DB::Properties::kCompressionRatioAtLevelPrefix,
       "rocksdb.compression-ratio-at-level"},
      {DB::Properties::kStats, "rocksdb.stats"},
      {DB::Properties::kSSTables, "rocksdb.sstables"},
      {DB::Properties::kCFStats, "rocksdb.cfstats"},
      {DB::Properties::kCFStatsNoFileHistogram,
       "rocksdb.cfstats-no-file-histogram"},
      {DB::Properties::kCFFileHistogram, "rocksdb.cf-file-histogram"},
      {DB::Properties::kDBStats, "rocksdb.dbstats"},
      {DB::Properties::kLevelStats, "rocksdb.levelstats"},
      {DB::Properties::kBlockCacheEntryStats,
       "rocksdb.block-cache-entry-stats"},
      {DB::Properties::kFastBlockCacheEntryStats,
       "rocksdb.fast-block-cache-entry-stats"},
      {DB::Properties::kNumImmutableMemTable,
       "rocksdb.num-immutable-mem-table"},
      {DB::Properties::kNumImmutableMemTableFlushed,
       "rocksdb.num-immutable-mem-table-flushed"},
      {DB::Properties::kMemTableFlushPending,
       "rocksdb.mem-table-flush-pending"},
      {DB::Properties::kNumRunningFlushes, "rocksdb.num-running-flushes"},
      {DB::Properties::kCompactionPending, "rocksdb.compaction-pending"},
      {DB::Properties::kNumRunningCompactions,
       "rocksdb.num-running-compactions"},
      {DB::Properties::kBackgroundErrors, "rocksdb.background-errors"},
      {DB::Properties::kCurSizeActiveMemTable,
       "rocksdb.cur-size-active-mem-table"},
      {DB::Properties::kCurSizeAllMemTables, "rocksdb.cur-size-all-mem-tables"},
      {DB::Properties::kSizeAllMemTables, "rocksdb.size-all-mem-tables"},
      {DB::Properties::kNumEntriesActiveMemTable,
       "rocksdb.num-entries-active-mem-table"},
      {DB::Properties::kNumEntriesImmMemTables,
       "rocksdb.num-entries-imm-mem-tables"},
      {DB::Properties::kNumDeletesActiveMemTable,
       "rocksdb.num-deletes-active-mem-table"},
      {DB::Properties::kNumDeletesImmMemTables,
       "rocksdb.num-deletes-imm-mem-tables"},
      {DB::Properties::kEstimateNumKeys, "rocksdb.estimate-num-keys"},
      {DB::Properties::kEstimateTableReadersMem,
       "rocksdb.estimate-table-readers-mem"},
      {DB::Properties::kIsFileDeletionsEnabled,
       "rocksdb.is-file-deletions-enabled"},
      {DB::Properties::kNumSnapshots, "rocksdb.num-snapshots"},
      {DB::Properties::kOldestSnapshotTime, "rocksdb.oldest-snapshot-time"},
      {DB::Properties::kOldestSnapshotSequence,
       "rocksdb.oldest-snapshot-sequence"},
      {DB::Properties::kNumLiveVersions, "rocksdb.num-live-versions"},
      {DB::Properties::kCurrentSuperVersionNumber,
       "rocksdb.current-super-version-number"},
      {DB::Properties::kEstimateLiveDataSize,
       "rocksdb.estimate-live-data-size"},
      {DB::Properties::kMinLogNumberToKeep, "rocksdb.min-log-number-to-keep"},
      {DB::Properties::kMinObsoleteSstNumberToKeep,
       "rocksdb.min-obsolete-sst-number-to-keep"},
      {DB::Properties::kTotalSstFilesSize, "rocksdb.total-sst-files-size"},
      {DB::Properties::kLiveSstFilesSize, "rocksdb.live-sst-files-size"},
      // Dashes, although RocksDB's header comment spells it with '_'.
      {DB::Properties::kLiveSstFilesSizeAtTemperature,
       "rocksdb.live-sst-files-size-at-temperature"},
      {DB::Properties::kBaseLevel, "rocksdb.base-level"},
      {DB::Properties::kEstimatePendingCompactionBytes,
       "rocksdb.estimate-pending-compaction-bytes"},
      {DB::Properties::kAggregatedTableProperties,
       "rocksdb.aggregated-table-properties"},
      {DB::Properties::kAggregatedTablePropertiesAtLevel,
       "rocksdb.aggregated-table-properties-at-level"},
      {DB::Properties::kActualDelayedWriteRate,
       "rocksdb.actual-delayed-write-rate"},
      {DB::Properties::kIsWriteStopped, "rocksdb.is-write-stopped"},
      {DB::Properties::kEstimateOldestKeyTime,
       "rocksdb.estimate-oldest-key-time"},
      {DB::Properties::kBlockCacheCapacity, "rocksdb.block-cache-capacity"},
      {DB::Properties::kBlockCacheUsage, "rocksdb.block-cache-usage"},
      {DB::Properties::kBlockCachePinnedUsage,
       "rocksdb.block-cache-pinned-usage"},
      {DB::Properties::kOptionsStatistics, "rocksdb.options-statistics"},
      {DB::Properties::kNumBlobFiles, "rocksdb.num-blob-files"},
      {DB::Properties::kBlobStats, "rocksdb.blob-stats"},
      {DB::Properties::kTotalBlobFileSize, "rocksdb.total-blob-file-size"},
      {DB::Properties::kLiveBlobFileSize, "rocksdb.live-blob-file-size"},
      {DB::Properties::kLiveBlobFileGarbageSize,
       "rocksdb.live-blob-file-garbage-size"},
      {DB::Properties::kBlobCacheCapacity, "rocksdb.blob-cache-capacity"},
      {DB::Properties::kBlobCacheUsage, "rocksdb.blob-cache-usage"},
      {DB::Properties::kBlobCachePinnedUsage,
       "rocksdb.blob-cache-pinned-usage"},
  };
  // 58 names, all distinct (a duplicate key would shrink the map).
  EXPECT_EQ(expected.size(), 58u);
  for (const auto& entry : expected) {
    EXPECT_EQ(entry.first, entry.second);
  }
}

TEST(DBConstantsTest, SizeApproximationFlags) {
  using F = DB::SizeApproximationFlags;
  EXPECT_EQ(static_cast<int>(F::NONE), 0);
  EXPECT_EQ(static_cast<int>(F::INCLUDE_MEMTABLES), 1);
  EXPECT_EQ(static_cast<int>(F::INCLUDE_FILES), 2);
  EXPECT_EQ(F::INCLUDE_MEMTABLES | F::INCLUDE_FILES, static_cast<F>(3));
  EXPECT_EQ((F::INCLUDE_MEMTABLES | F::INCLUDE_FILES) & F::INCLUDE_FILES,
            F::INCLUDE_FILES);
  EXPECT_EQ(F::INCLUDE_MEMTABLES & F::INCLUDE_FILES, F::NONE);
}

TEST(IteratorTest, EmptyIterator) {
  std::unique_ptr<Iterator> it(NewEmptyIterator());
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().ok());
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  it->SeekToLast();
  it->Seek("a");
  it->SeekForPrev("a");
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().ok());
  EXPECT_TRUE(it->columns().empty());
  EXPECT_TRUE(it->timestamp().empty());

  Status s = it->Refresh();
  EXPECT_TRUE(s.IsNotSupported());
  EXPECT_EQ(s.ToString(), "Not implemented: Refresh() is not supported");
}

TEST(IteratorTest, ErrorIteratorKeepsItsStatus) {
  std::unique_ptr<Iterator> it(NewErrorIterator(Status::Corruption("bad")));
  EXPECT_FALSE(it->Valid());
  EXPECT_EQ(it->status().ToString(), "Corruption: bad");
  it->Seek("k");
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_EQ(it->status().ToString(), "Corruption: bad");
}

TEST(IteratorTest, BaseGetProperty) {
  std::unique_ptr<Iterator> it(NewErrorIterator(Status::IOError("x")));
  std::string prop = "untouched";
  ASSERT_TRUE(it->GetProperty("rocksdb.iterator.is-key-pinned", &prop).ok());
  EXPECT_EQ(prop, "0");

  prop = "untouched";
  Status s = it->GetProperty("rocksdb.iterator.no-such-thing", &prop);
  EXPECT_TRUE(s.IsInvalidArgument());
  EXPECT_EQ(s.ToString(), "Invalid argument: Unidentified property.");
  EXPECT_EQ(prop, "untouched");
}

TEST(IteratorTest, CleanupsRunOnDelete) {
  int runs = 0;
  Iterator* it = NewEmptyIterator();
  it->RegisterCleanup(
      [](void* arg1, void* /*arg2*/) { ++*static_cast<int*>(arg1); }, &runs,
      nullptr);
  EXPECT_EQ(runs, 0);
  delete it;
  EXPECT_EQ(runs, 1);
}

TEST(SstFileWriterTest, PlaceholderRefusesEverything) {
  Options options;
  SstFileWriter writer(EnvOptions(), options);
  EXPECT_EQ(writer.FileSize(), 0u);
  ExpectNotImplemented(writer.Open("/tmp/unused.sst"), "SstFileWriter::Open");
  ExpectNotImplemented(writer.Put("k", "v"), "SstFileWriter::Put");
  ExpectNotImplemented(writer.Put("k", "ts", "v"), "SstFileWriter::Put");
  ExpectNotImplemented(writer.Merge("k", "v"), "SstFileWriter::Merge");
  ExpectNotImplemented(writer.Delete("k"), "SstFileWriter::Delete");
  ExpectNotImplemented(writer.DeleteRange("a", "b"),
                       "SstFileWriter::DeleteRange");
  ExpectNotImplemented(writer.Finish(), "SstFileWriter::Finish");
}

TEST(ExternalSstFileInfoTest, Constructors) {
  ExternalSstFileInfo empty;
  EXPECT_EQ(empty.file_size, 0u);
  EXPECT_EQ(empty.version, 0);
  ExternalSstFileInfo info("/p", "a", "z", 7, 100, 3, 2);
  EXPECT_EQ(info.file_path, "/p");
  EXPECT_EQ(info.smallest_key, "a");
  EXPECT_EQ(info.largest_key, "z");
  EXPECT_EQ(info.sequence_number, 7u);
  EXPECT_EQ(info.file_size, 100u);
  EXPECT_EQ(info.num_entries, 3u);
  EXPECT_EQ(info.num_range_del_entries, 0u);
  EXPECT_EQ(info.version, 2);
}

TEST(MetadataTest, SstFileMetaDataNames) {
  std::string checksum = "c";
  std::string func = "f";
  SstFileMetaData with_slash("/000012.sst", 12, "/db", 100, 1, 9, "a", "z", 0,
                             false, Temperature::kUnknown, 0, 0, 0, checksum,
                             func);
  EXPECT_EQ(with_slash.relative_filename, "000012.sst");
  EXPECT_EQ(with_slash.name, "/000012.sst");
  EXPECT_EQ(with_slash.directory, "/db");
  EXPECT_EQ(with_slash.db_path, "/db");
  EXPECT_EQ(with_slash.file_type, kTableFile);

  SstFileMetaData without("000013.sst", 13, "/db", 100, 1, 9, "a", "z", 0,
                          false, Temperature::kUnknown, 0, 0, 0, checksum,
                          func);
  EXPECT_EQ(without.relative_filename, "000013.sst");
  EXPECT_EQ(without.name, "/000013.sst");
  EXPECT_EQ(without.file_checksum, "c");
  EXPECT_EQ(SstFileMetaData().file_type, kTableFile);
}

TEST(ConvenienceTest, CompressionTypeNames) {
  const std::map<CompressionType, std::string> names = {
      {kNoCompression, "kNoCompression"},
      {kSnappyCompression, "kSnappyCompression"},
      {kZlibCompression, "kZlibCompression"},
      {kBZip2Compression, "kBZip2Compression"},
      {kLZ4Compression, "kLZ4Compression"},
      {kLZ4HCCompression, "kLZ4HCCompression"},
      {kXpressCompression, "kXpressCompression"},
      {kZSTD, "kZSTD"},
      {kZSTDNotFinalCompression, "kZSTDNotFinalCompression"},
      {kDisableCompressionOption, "kDisableCompressionOption"},
  };
  for (const auto& entry : names) {
    std::string name;
    ASSERT_TRUE(GetStringFromCompressionType(&name, entry.first).ok());
    EXPECT_EQ(name, entry.second);
  }
  std::string name = "unset";
  Status s =
      GetStringFromCompressionType(&name, static_cast<CompressionType>(8));
  EXPECT_EQ(s.ToString(), "Invalid argument: Invalid compression types");
  EXPECT_EQ(name, "unset");
}

TEST(ConvenienceTest, SupportedCompressionsAsDebian) {
  const std::vector<CompressionType> expected = {kNoCompression,
                                                 kSnappyCompression,
                                                 kZlibCompression,
                                                 kBZip2Compression,
                                                 kLZ4Compression,
                                                 kLZ4HCCompression,
                                                 kZSTD,
                                                 kZSTDNotFinalCompression};
  EXPECT_EQ(GetSupportedCompressions(), expected);
}

TEST(ConvenienceTest, ConfigOptionsDefaults) {
  ConfigOptions config;
  EXPECT_FALSE(config.ignore_unknown_options);
  EXPECT_TRUE(config.ignore_unsupported_options);
  EXPECT_TRUE(config.input_strings_escaped);
  EXPECT_TRUE(config.invoke_prepare_options);
  EXPECT_FALSE(config.mutable_options_only);
  EXPECT_EQ(config.delimiter, ";");
  EXPECT_EQ(config.depth, ConfigOptions::kDepthDefault);
  EXPECT_EQ(config.sanity_level, ConfigOptions::kSanityLevelExactMatch);
  EXPECT_EQ(config.file_readahead_size, 512u * 1024);
  EXPECT_TRUE(config.IsCheckEnabled(ConfigOptions::kSanityLevelExactMatch));
  EXPECT_FALSE(config.IsCheckDisabled());
  EXPECT_EQ(static_cast<int>(ConfigOptions::kSanityLevelNone), 0x01);
  EXPECT_EQ(static_cast<int>(ConfigOptions::kSanityLevelLooselyCompatible),
            0x02);
  EXPECT_EQ(static_cast<int>(ConfigOptions::kSanityLevelExactMatch), 0xFF);

  DBOptions db_options;
  db_options.env = nullptr;
  ConfigOptions from_db(db_options);
  EXPECT_EQ(from_db.env, nullptr);
}

TEST(ConvenienceTest, ParsersKeepBaseOnErrorAndHelpersArePlaceholders) {
  // The parsers themselves are tested in src/options/options_parser_test.cc.
  DBOptions base;
  base.max_open_files = 123;
  DBOptions out;
  EXPECT_TRUE(GetDBOptionsFromString(base, "max_open_files=x", &out)
                  .IsInvalidArgument());
  EXPECT_EQ(out.max_open_files, 123);
  ASSERT_TRUE(GetDBOptionsFromString(base, "max_open_files=7", &out).ok());
  EXPECT_EQ(out.max_open_files, 7);

  std::unordered_map<std::string, std::string> map;
  ASSERT_TRUE(StringToMap("a=1", &map).ok());
  EXPECT_EQ(map["a"], "1");
  ExpectNotImplemented(DeleteFilesInRange(nullptr, nullptr, nullptr, nullptr),
                       "DeleteFilesInRange");
  ExpectNotImplemented(
      VerifySstFileChecksum(Options(), EnvOptions(), "/tmp/x.sst"),
      "VerifySstFileChecksum");
  CancelAllBackgroundWork(nullptr, true);  // must not crash
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
