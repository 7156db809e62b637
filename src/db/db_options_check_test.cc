// Copyright (c) the rocksdb-cleanroom authors.
//
// Every option check DB::Open makes, with the status RocksDB 7.8.3 printed
// for the same options, and the values it sanitizes.

#include <functional>

#include "db/db_impl_options.h"
#include "db/db_test_util.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {
namespace {

struct OptionCase {
  const char* name;
  std::function<void(Options*)> set;
  const char* expected;  // Status::ToString()
};

class DBOptionsCheckTest : public test::DBTestBase {};

TEST_F(DBOptionsCheckTest, IncompatibleOptionsAreRefusedAsRocksDBDoes) {
  const OptionCase cases[] = {
      {"unordered_write without concurrent memtable writes",
       [](Options* o) {
         o->unordered_write = true;
         o->allow_concurrent_memtable_write = false;
       },
       "Invalid argument: unordered_write is incompatible with "
       "!allow_concurrent_memtable_write"},
      {"unordered_write with pipelined writes",
       [](Options* o) {
         o->unordered_write = true;
         o->enable_pipelined_write = true;
       },
       "Invalid argument: unordered_write is incompatible with "
       "enable_pipelined_write"},
      {"atomic_flush with pipelined writes",
       [](Options* o) {
         o->atomic_flush = true;
         o->enable_pipelined_write = true;
       },
       "Invalid argument: atomic_flush is incompatible with "
       "enable_pipelined_write"},
      {"mmap reads with direct reads",
       [](Options* o) {
         o->allow_mmap_reads = true;
         o->use_direct_reads = true;
       },
       "Not implemented: If memory mapped reads (allow_mmap_reads) are "
       "enabled then direct I/O reads (use_direct_reads) must be disabled. "},
      {"mmap writes with direct flush/compaction I/O",
       [](Options* o) {
         o->allow_mmap_writes = true;
         o->use_direct_io_for_flush_and_compaction = true;
       },
       "Not implemented: If memory mapped writes (allow_mmap_writes) are "
       "enabled then direct I/O writes (use_direct_io_for_flush_and_compaction)"
       " must be disabled. "},
      {"keep_log_file_num = 0", [](Options* o) { o->keep_log_file_num = 0; },
       "Invalid argument: keep_log_file_num must be greater than 0"},
      {"five db_paths",
       [](Options* o) {
         for (int i = 0; i < 5; ++i) {
           o->db_paths.emplace_back("/tmp/p" + std::to_string(i), 1 << 20);
         }
       },
       "Not implemented: More than four DB paths are not supported yet. "},
      {"in-place updates with concurrent writes",
       [](Options* o) { o->inplace_update_support = true; },
       "Invalid argument: In-place memtable updates (inplace_update_support) "
       "is not compatible with concurrent writes "
       "(allow_concurrent_memtable_write)"},
      {"direct writes without a write buffer",
       [](Options* o) {
         o->use_direct_io_for_flush_and_compaction = true;
         o->writable_file_max_buffer_size = 0;
       },
       "Invalid argument: writes in direct IO require "
       "writable_file_max_buffer_size > 0"},
      {"compression not linked",
       [](Options* o) { o->compression = kXpressCompression; },
       "Invalid argument: Compression type Xpress is not linked with the "
       "binary."},
      {"per-level compression not linked",
       [](Options* o) {
         o->compression_per_level = {kNoCompression, kXpressCompression};
       },
       "Invalid argument: Compression type Xpress is not linked with the "
       "binary."},
      {"blob compression not linked",
       [](Options* o) { o->blob_compression_type = kXpressCompression; },
       "Invalid argument: The specified blob compression type Xpress is not "
       "available."},
      {"memtable without concurrent inserts",
       [](Options* o) { o->memtable_factory.reset(new VectorRepFactory()); },
       "Invalid argument: Memtable doesn't concurrent writes "
       "(allow_concurrent_memtable_write)"},
      {"FIFO with limited open files",
       [](Options* o) {
         o->compaction_style = kCompactionStyleFIFO;
         o->max_open_files = 100;
       },
       "Not implemented: FIFO compaction only supported with max_open_files "
       "= -1."},
      {"no comparator", [](Options* o) { o->comparator = nullptr; },
       "NotFound: Missing configurable object: comparator"},
      {"no table factory", [](Options* o) { o->table_factory = nullptr; },
       "NotFound: Missing configurable object: table_factory"},
      {"no memtable factory", [](Options* o) { o->memtable_factory = nullptr; },
       "NotFound: Missing configurable object: memtable_factory"},
      {"table format version too new",
       [](Options* o) {
         BlockBasedTableOptions t;
         t.format_version = 99;
         o->table_factory.reset(NewBlockBasedTableFactory(t));
       },
       "Invalid argument: Unsupported BlockBasedTable format_version. Please "
       "check include/rocksdb/table.h for more info"},
  };
  for (const OptionCase& c : cases) {
    Options options = options_;
    c.set(&options);
    DB* db = reinterpret_cast<DB*>(8);
    Status s = DB::Open(options, dbname_, &db);
    EXPECT_EQ(c.expected, s.ToString()) << c.name;
    EXPECT_EQ(nullptr, db) << c.name;
  }
}

TEST_F(DBOptionsCheckTest, AcceptedCombinations) {
  const OptionCase cases[] = {
      {"in-place updates without concurrent writes",
       [](Options* o) {
         o->inplace_update_support = true;
         o->allow_concurrent_memtable_write = false;
       },
       "OK"},
      {"vector memtable without concurrent writes",
       [](Options* o) {
         o->memtable_factory.reset(new VectorRepFactory());
         o->allow_concurrent_memtable_write = false;
       },
       "OK"},
      {"bottommost compression is not checked",
       [](Options* o) { o->bottommost_compression = kXpressCompression; },
       "OK"},
      {"no env", [](Options* o) { o->env = nullptr; }, "OK"},
      {"pipelined writes", [](Options* o) { o->enable_pipelined_write = true; },
       "OK"},
  };
  for (const OptionCase& c : cases) {
    Options options = options_;
    c.set(&options);
    EXPECT_EQ(c.expected, TryOpen(options).ToString()) << c.name;
    Close();
  }
}

TEST_F(DBOptionsCheckTest, Sanitization) {
  Options o;
  o.write_buffer_size = 0;
  ColumnFamilyOptions cf = SanitizeCFOptions(DBOptions(o), o);
  EXPECT_EQ(65536u, cf.write_buffer_size);
  EXPECT_EQ(8192u, cf.arena_block_size);

  o.write_buffer_size = size_t{1} << 40;
  cf = SanitizeCFOptions(DBOptions(o), o);
  EXPECT_EQ(size_t{64} << 30, cf.write_buffer_size);
  EXPECT_EQ(1u << 20, cf.arena_block_size);

  o = Options();
  o.arena_block_size = 1;
  o.max_write_buffer_number = 0;
  o.num_levels = 1;
  o.level0_slowdown_writes_trigger = 50;
  o.level0_stop_writes_trigger = 10;
  cf = SanitizeCFOptions(DBOptions(o), o);
  EXPECT_EQ(1u, cf.arena_block_size);
  EXPECT_EQ(2, cf.max_write_buffer_number);
  EXPECT_EQ(2, cf.num_levels);
  EXPECT_EQ(50, cf.level0_slowdown_writes_trigger);
  EXPECT_EQ(50, cf.level0_stop_writes_trigger);
  EXPECT_EQ(2592000u, cf.ttl);
  EXPECT_EQ(0u, cf.periodic_compaction_seconds);

  o = Options();
  o.compaction_style = kCompactionStyleUniversal;
  o.num_levels = 1;
  cf = SanitizeCFOptions(DBOptions(o), o);
  EXPECT_EQ(1, cf.num_levels);
  EXPECT_EQ(0u, cf.ttl);

  DBOptions db;
  db.max_open_files = 0;
  db.recycle_log_file_num = 2;
  db.db_write_buffer_size = 1 << 20;
  DBOptions s = SanitizeDBOptions("/some/db", db);
  EXPECT_EQ(20, s.max_open_files);
  EXPECT_EQ(0u, s.recycle_log_file_num);  // only with kSkipAnyCorruptedRecords
  EXPECT_EQ("/some/db", s.wal_dir);
  ASSERT_EQ(1u, s.db_paths.size());
  EXPECT_NE(nullptr, s.write_buffer_manager);
  EXPECT_NE(nullptr, s.env);

  db.wal_recovery_mode = WALRecoveryMode::kSkipAnyCorruptedRecords;
  db.max_open_files = -1;
  s = SanitizeDBOptions("/some/db", db);
  EXPECT_EQ(2u, s.recycle_log_file_num);
  EXPECT_EQ(-1, s.max_open_files);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
