// Copyright (c) the rocksdb-cleanroom authors.
//
// The utilities' public surface: placeholder Open functions, option
// defaults and enum values (observed from RocksDB 7.8.3), the small real
// pieces (PrepareWrap, BackupEngineOptions::Dump, BackupStatistics, the
// range lock manager handle) and StackableDB forwarding.

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"
#include "rocksdb/utilities/db_ttl.h"
#include "rocksdb/utilities/optimistic_transaction_db.h"
#include "rocksdb/utilities/stackable_db.h"
#include "rocksdb/utilities/transaction_db.h"
#include "utilities/utilities_test_util.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// A non-null pointer value the Open functions must overwrite.
template <typename T>
T* Garbage() {
  return reinterpret_cast<T*>(uintptr_t{0x1});
}

void ExpectPlaceholder(const Status& s, const std::string& method) {
  EXPECT_TRUE(s.IsNotSupported()) << s.ToString();
  EXPECT_EQ(s.ToString(),
            "Not implemented: " + method + ": not implemented yet");
}

TEST(UtilitiesApiTest, TransactionDBOpenIsPlaceholder) {
  TransactionDB* db = Garbage<TransactionDB>();
  ExpectPlaceholder(
      TransactionDB::Open(Options(), TransactionDBOptions(), "/tmp/x", &db),
      "TransactionDB::Open");
  EXPECT_EQ(db, nullptr);

  db = Garbage<TransactionDB>();
  std::vector<ColumnFamilyDescriptor> cfs = {ColumnFamilyDescriptor()};
  std::vector<ColumnFamilyHandle*> handles;
  ExpectPlaceholder(TransactionDB::Open(DBOptions(), TransactionDBOptions(),
                                        "/tmp/x", cfs, &handles, &db),
                    "TransactionDB::Open");
  EXPECT_EQ(db, nullptr);
  EXPECT_TRUE(handles.empty());

  db = Garbage<TransactionDB>();
  test::FakeDB* base = new test::FakeDB();
  ExpectPlaceholder(
      TransactionDB::WrapDB(base, TransactionDBOptions(), {}, {}, &db),
      "TransactionDB::WrapDB");
  EXPECT_EQ(db, nullptr);
  db = Garbage<TransactionDB>();
  ExpectPlaceholder(
      TransactionDB::WrapStackableDB(base, TransactionDBOptions(), {}, {}, &db),
      "TransactionDB::WrapStackableDB");
  EXPECT_EQ(db, nullptr);
  delete base;  // ownership stays with the caller on failure
}

TEST(UtilitiesApiTest, OptimisticTransactionDBOpenIsPlaceholder) {
  std::vector<ColumnFamilyDescriptor> cfs = {ColumnFamilyDescriptor()};
  std::vector<ColumnFamilyHandle*> handles;
  OptimisticTransactionDB* db = Garbage<OptimisticTransactionDB>();
  ExpectPlaceholder(OptimisticTransactionDB::Open(Options(), "/tmp/x", &db),
                    "OptimisticTransactionDB::Open");
  EXPECT_EQ(db, nullptr);
  db = Garbage<OptimisticTransactionDB>();
  ExpectPlaceholder(
      OptimisticTransactionDB::Open(DBOptions(), "/tmp/x", cfs, &handles, &db),
      "OptimisticTransactionDB::Open");
  EXPECT_EQ(db, nullptr);
  db = Garbage<OptimisticTransactionDB>();
  ExpectPlaceholder(OptimisticTransactionDB::Open(
                        DBOptions(), OptimisticTransactionDBOptions(), "/tmp/x",
                        cfs, &handles, &db),
                    "OptimisticTransactionDB::Open");
  EXPECT_EQ(db, nullptr);
}

TEST(UtilitiesApiTest, DBWithTTLOpenIsPlaceholder) {
  DBWithTTL* db = Garbage<DBWithTTL>();
  ExpectPlaceholder(DBWithTTL::Open(Options(), "/tmp/x", &db, 10),
                    "DBWithTTL::Open");
  EXPECT_EQ(db, nullptr);
  db = Garbage<DBWithTTL>();
  std::vector<ColumnFamilyDescriptor> cfs = {ColumnFamilyDescriptor()};
  std::vector<ColumnFamilyHandle*> handles;
  ExpectPlaceholder(
      DBWithTTL::Open(DBOptions(), "/tmp/x", cfs, &handles, &db, {5}, true),
      "DBWithTTL::Open");
  EXPECT_EQ(db, nullptr);
}

TEST(UtilitiesApiTest, BackupEngineOpenIsPlaceholder) {
  BackupEngineOptions options("/tmp/backups");
  BackupEngine* engine = Garbage<BackupEngine>();
  ExpectPlaceholder(BackupEngine::Open(options, Env::Default(), &engine),
                    "BackupEngine::Open");
  EXPECT_EQ(engine, nullptr);
  engine = Garbage<BackupEngine>();
  ExpectPlaceholder(BackupEngine::Open(Env::Default(), options, &engine),
                    "BackupEngine::Open");
  EXPECT_EQ(engine, nullptr);

  BackupEngineReadOnly* reader = Garbage<BackupEngineReadOnly>();
  ExpectPlaceholder(
      BackupEngineReadOnly::Open(options, Env::Default(), &reader),
      "BackupEngineReadOnly::Open");
  EXPECT_EQ(reader, nullptr);
  reader = Garbage<BackupEngineReadOnly>();
  ExpectPlaceholder(
      BackupEngineReadOnly::Open(Env::Default(), options, &reader),
      "BackupEngineReadOnly::Open");
  EXPECT_EQ(reader, nullptr);
}

TEST(UtilitiesApiTest, TransactionDBOptionsDefaults) {
  TransactionDBOptions o;
  EXPECT_EQ(o.max_num_locks, -1);
  EXPECT_EQ(o.max_num_deadlocks, 5u);
  EXPECT_EQ(kInitialMaxDeadlocks, 5u);
  EXPECT_EQ(o.num_stripes, 16u);
  EXPECT_EQ(o.transaction_lock_timeout, 1000);
  EXPECT_EQ(o.default_lock_timeout, 1000);
  EXPECT_EQ(o.custom_mutex_factory, nullptr);
  EXPECT_EQ(o.write_policy, WRITE_COMMITTED);
  EXPECT_FALSE(o.rollback_merge_operands);
  EXPECT_EQ(o.lock_mgr_handle, nullptr);
  EXPECT_FALSE(o.skip_concurrency_control);
  EXPECT_EQ(o.default_write_batch_flush_threshold, 0);
  EXPECT_FALSE(static_cast<bool>(o.rollback_deletion_type_callback));
  EXPECT_EQ(WRITE_COMMITTED, 0);
  EXPECT_EQ(WRITE_PREPARED, 1);
  EXPECT_EQ(WRITE_UNPREPARED, 2);
}

TEST(UtilitiesApiTest, TransactionOptionsDefaults) {
  TransactionOptions o;
  EXPECT_FALSE(o.set_snapshot);
  EXPECT_FALSE(o.deadlock_detect);
  EXPECT_FALSE(o.use_only_the_last_commit_time_batch_for_recovery);
  EXPECT_EQ(o.lock_timeout, -1);
  EXPECT_EQ(o.expiration, -1);
  EXPECT_EQ(o.deadlock_detect_depth, 50);
  EXPECT_EQ(o.max_write_batch_size, 0u);
  EXPECT_FALSE(o.skip_concurrency_control);
  EXPECT_TRUE(o.skip_prepare);
  EXPECT_EQ(o.write_batch_flush_threshold, -1);

  TransactionDBWriteOptimizations w;
  EXPECT_FALSE(w.skip_concurrency_control);
  EXPECT_FALSE(w.skip_duplicate_key_check);

  DeadlockPath empty_path;
  EXPECT_TRUE(empty_path.empty());
  EXPECT_EQ(empty_path.deadlock_time, 0);
  DeadlockPath limited(7, true);
  EXPECT_FALSE(limited.empty());
  RangeDeadlockPath range_path;
  EXPECT_TRUE(range_path.empty());
}

TEST(UtilitiesApiTest, OptimisticOptionsDefaults) {
  OptimisticTransactionOptions o;
  EXPECT_FALSE(o.set_snapshot);
  EXPECT_STREQ(o.cmp->Name(), "leveldb.BytewiseComparator");
  OptimisticTransactionDBOptions d;
  EXPECT_EQ(d.validate_policy, OccValidationPolicy::kValidateParallel);
  EXPECT_EQ(d.occ_lock_buckets, 1048576u);
  EXPECT_EQ(static_cast<int>(OccValidationPolicy::kValidateSerial), 0);
  EXPECT_EQ(static_cast<int>(OccValidationPolicy::kValidateParallel), 1);
}

TEST(UtilitiesApiTest, BackupOptionsDefaults) {
  BackupEngineOptions o("/backups");
  EXPECT_EQ(o.backup_dir, "/backups");
  EXPECT_EQ(o.backup_env, nullptr);
  EXPECT_TRUE(o.share_table_files);
  EXPECT_EQ(o.info_log, nullptr);
  EXPECT_TRUE(o.sync);
  EXPECT_FALSE(o.destroy_old_data);
  EXPECT_TRUE(o.backup_log_files);
  EXPECT_EQ(o.backup_rate_limit, 0u);
  EXPECT_EQ(o.backup_rate_limiter, nullptr);
  EXPECT_EQ(o.restore_rate_limit, 0u);
  EXPECT_EQ(o.restore_rate_limiter, nullptr);
  EXPECT_TRUE(o.share_files_with_checksum);
  EXPECT_EQ(o.max_background_operations, 1);
  EXPECT_EQ(o.callback_trigger_interval_size, 4194304u);
  EXPECT_EQ(o.max_valid_backups_to_open, INT_MAX);
  EXPECT_EQ(static_cast<uint32_t>(o.share_files_with_checksum_naming),
            2147483650u);
  EXPECT_EQ(o.schema_version, 1);
  EXPECT_FALSE(o.current_temperatures_override_manifest);

  EXPECT_EQ(BackupEngineOptions::kLegacyCrc32cAndFileSize, 1u);
  EXPECT_EQ(BackupEngineOptions::kUseDbSessionId, 2u);
  EXPECT_EQ(BackupEngineOptions::kMaskNoNamingFlags, 0xffffu);
  EXPECT_EQ(BackupEngineOptions::kFlagIncludeFileSize, 0x80000000u);
  EXPECT_EQ(BackupEngineOptions::kMaskNamingFlags, 0xffff0000u);
  EXPECT_EQ(o.share_files_with_checksum_naming &
                BackupEngineOptions::kMaskNoNamingFlags,
            BackupEngineOptions::kUseDbSessionId);
  EXPECT_EQ(BackupEngineOptions::kLegacyCrc32cAndFileSize |
                BackupEngineOptions::kFlagIncludeFileSize,
            0x80000001u);
  EXPECT_STREQ(kDbFileChecksumFuncName, "FileChecksumCrc32c");
  EXPECT_STREQ(kBackupFileChecksumFuncName, "crc32c");

  CreateBackupOptions c;
  EXPECT_FALSE(c.flush_before_backup);
  EXPECT_FALSE(c.decrease_background_thread_cpu_priority);
  EXPECT_EQ(c.background_thread_cpu_priority, CpuPriority::kNormal);
  c.progress_callback();  // the default is callable

  EXPECT_FALSE(RestoreOptions().keep_log_files);
  BackupInfo info;
  EXPECT_EQ(info.backup_id, 0u);
  EXPECT_EQ(info.timestamp, 0);
  EXPECT_EQ(info.size, 0u);
  EXPECT_EQ(info.number_files, 0u);
  EXPECT_EQ(info.env_for_open, nullptr);
}

TEST(UtilitiesApiTest, BackupOptionsDumpMatchesRocksDB) {
  test::CapturingLogger logger;
  BackupEngineOptions o("/tmp/h7obs/bk");
  o.backup_rate_limit = 77;
  o.Dump(&logger);
  const std::vector<std::string> expected = {
      "               Options.backup_dir: /tmp/h7obs/bk",
      "               Options.backup_env: (nil)",
      "        Options.share_table_files: 1",
      "                 Options.info_log: (nil)",
      "                     Options.sync: 1",
      "         Options.destroy_old_data: 0",
      "         Options.backup_log_files: 1",
      "        Options.backup_rate_limit: 77",
      "       Options.restore_rate_limit: 0",
      "Options.max_background_operations: 1",
  };
  EXPECT_EQ(logger.lines, expected);
}

TEST(UtilitiesApiTest, BackupStatistics) {
  BackupStatistics stats;
  EXPECT_EQ(stats.ToString(), "# success backup: 0, # fail backup: 0");
  stats.IncrementNumberSuccessBackup();
  stats.IncrementNumberFailBackup();
  stats.IncrementNumberFailBackup();
  EXPECT_EQ(stats.GetNumberSuccessBackup(), 1u);
  EXPECT_EQ(stats.GetNumberFailBackup(), 2u);
  EXPECT_EQ(stats.ToString(), "# success backup: 1, # fail backup: 2");
  EXPECT_EQ(BackupStatistics(4, 5).ToString(),
            "# success backup: 4, # fail backup: 5");
}

// Expected values observed with RocksDB 7.8.3.
TEST(UtilitiesApiTest, PrepareWrap) {
  DBOptions db_options;
  std::vector<ColumnFamilyDescriptor> cfs;
  cfs.emplace_back(kDefaultColumnFamilyName, ColumnFamilyOptions());
  ColumnFamilyOptions no_compaction;
  no_compaction.disable_auto_compactions = true;
  cfs.emplace_back("b", no_compaction);
  ColumnFamilyOptions history;
  history.max_write_buffer_size_to_maintain = 5;
  cfs.emplace_back("c", history);
  ColumnFamilyOptions history_by_number;
  history_by_number.max_write_buffer_number_to_maintain = 3;
  cfs.emplace_back("d", history_by_number);
  std::vector<size_t> indexes = {42};

  TransactionDB::PrepareWrap(&db_options, &cfs, &indexes);
  EXPECT_TRUE(db_options.allow_2pc);
  EXPECT_EQ(indexes, (std::vector<size_t>{0, 2, 3}));
  for (const ColumnFamilyDescriptor& cf : cfs) {
    EXPECT_TRUE(cf.options.disable_auto_compactions) << cf.name;
  }
  EXPECT_EQ(cfs[0].options.max_write_buffer_size_to_maintain, -1);
  EXPECT_EQ(cfs[1].options.max_write_buffer_size_to_maintain, -1);
  EXPECT_EQ(cfs[2].options.max_write_buffer_size_to_maintain, 5);
  EXPECT_EQ(cfs[3].options.max_write_buffer_size_to_maintain, 0);
  EXPECT_EQ(cfs[3].options.max_write_buffer_number_to_maintain, 3);
}

TEST(UtilitiesApiTest, RangeLockManagerHandle) {
  std::unique_ptr<RangeLockManagerHandle> handle(NewRangeLockManager(nullptr));
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(handle->GetMaxLockMemory(), size_t{64} << 20);
  EXPECT_EQ(handle->SetMaxLockMemory(1000), 0);
  EXPECT_EQ(handle->GetMaxLockMemory(), 1000u);
  RangeLockManagerHandle::Counters counters = handle->GetStatus();
  EXPECT_EQ(counters.escalation_count, 0u);
  EXPECT_EQ(counters.lock_wait_count, 0u);
  EXPECT_EQ(counters.current_lock_memory, 0u);
  EXPECT_TRUE(handle->GetRangeLockStatusData().empty());
  EXPECT_TRUE(handle->GetRangeDeadlockInfoBuffer().empty());
  handle->SetRangeDeadlockInfoBufferSize(3);
  handle->SetEscalationBarrierFunc(
      [](const Endpoint&, const Endpoint&) { return false; });
}

// A wrapper that adds nothing: every call goes through StackableDB.
class PassThroughDB : public StackableDB {
 public:
  using StackableDB::StackableDB;
};

TEST(UtilitiesApiTest, StackableDBForwards) {
  test::FakeDB* fake = new test::FakeDB();
  PassThroughDB db(fake);  // owns fake
  EXPECT_EQ(db.GetBaseDB(), fake);
  EXPECT_EQ(db.GetRootDB(), fake);
  EXPECT_EQ(db.GetName(), "fakedb");
  EXPECT_EQ(db.DefaultColumnFamily(), fake->DefaultColumnFamily());

  ASSERT_TRUE(db.Put(WriteOptions(), "k", "v").ok());
  std::string value;
  ASSERT_TRUE(db.Get(ReadOptions(), "k", &value).ok());
  EXPECT_EQ(value, "v");
  EXPECT_EQ(fake->gets(), 1);
  ASSERT_TRUE(db.Delete(WriteOptions(), "k").ok());
  EXPECT_TRUE(db.Get(ReadOptions(), "k", &value).IsNotFound());

  std::unique_ptr<Iterator> it(db.NewIterator(ReadOptions()));
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
}

TEST(UtilitiesApiTest, StackableDBSharedOwnership) {
  auto fake = std::make_shared<test::FakeDB>();
  {
    PassThroughDB db(std::static_pointer_cast<DB>(fake));
    EXPECT_EQ(db.GetBaseDB(), fake.get());
    ASSERT_TRUE(db.Put(WriteOptions(), "k", "v").ok());
  }
  // The wrapper is gone; the shared DB is intact.
  std::string value;
  ASSERT_TRUE(fake->Get(ReadOptions(), "k", &value).ok());
  EXPECT_EQ(value, "v");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
