// Copyright (c) the rocksdb-cleanroom authors.
//
// The std-only interface through which the DB differential tests drive a
// whole DB of either engine (see engine_adapter.h for why the two engines
// never meet in one translation unit). db_adapter_real.cc implements it
// for Debian's RocksDB 7.8.3, db_adapter_ours.cc for ours; both include
// db_adapter_impl.inc. Every call returns Status::ToString() (or "-" when
// there is no status), so tests compare plain strings.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace compat {

// The options a test may set; everything else stays at its default.
struct DbConfig {
  bool create_if_missing = true;
  bool error_if_exists = false;
  size_t write_buffer_size = 0;  // 0: the default
  int wal_recovery_mode = 2;     // WALRecoveryMode value
  bool manual_wal_flush = false;
  bool allow_concurrent_memtable_write = true;
  bool with_merge_operator = false;  // a string-append operator

  // Table files and the read path.
  int compression = -1;         // CompressionType value; -1: the default
  int bloom_bits = 0;           // Bloom filter bits per key; 0: no filter
  size_t block_size = 0;        // 0: the default
  size_t block_cache_size = 0;  // 0: the default block cache
  int max_open_files = -1;
  // Also lifts the level-0 slowdown/stop triggers, so that level-0 files
  // pile up without write stalls.
  bool disable_auto_compactions = false;
};

// ReadOptions a read may set.
struct DbRead {
  int snapshot = 0;  // a TakeSnapshot() id; 0: the latest data
  bool fill_cache = true;
  bool verify_checksums = true;
};

// One entry of a WriteBatch.
struct DbWriteOp {
  enum class Kind { kPut, kDelete, kSingleDelete, kMerge };
  Kind kind = Kind::kPut;
  std::string key;
  std::string value;
};

class DbEngine {
 public:
  virtual ~DbEngine() = default;

  // Opens `dir` (read-only when asked). Closes a DB opened before.
  virtual std::string Open(const std::string& dir, const DbConfig& config,
                           bool read_only = false) = 0;
  // Close() and delete; "-" when no DB is open.
  virtual std::string Close() = 0;
  virtual bool IsOpen() const = 0;

  virtual std::string Put(const std::string& key, const std::string& value,
                          bool sync, bool disable_wal) = 0;
  virtual std::string Delete(const std::string& key) = 0;
  virtual std::string SingleDelete(const std::string& key) = 0;
  virtual std::string Merge(const std::string& key,
                            const std::string& value) = 0;
  virtual std::string Write(const std::vector<DbWriteOp>& ops, bool sync,
                            bool disable_wal) = 0;
  // Status text; *value gets the value when found.
  virtual std::string Get(const std::string& key, std::string* value,
                          const DbRead& read = DbRead()) = 0;
  // One status text per key; values as MultiGet returned them.
  virtual std::vector<std::string> MultiGet(
      const std::vector<std::string>& keys, std::vector<std::string>* values,
      const DbRead& read = DbRead()) = 0;
  // The batched MultiGet (PinnableSlice values): one column family for all
  // keys, or (per_key_families) the array-of-families form.
  virtual std::vector<std::string> MultiGetBatched(
      const std::vector<std::string>& keys, std::vector<std::string>* values,
      bool per_key_families, const DbRead& read = DbRead()) = 0;
  // KeyMayExist's result; *value and *value_found as it left them.
  virtual bool KeyMayExist(const std::string& key, std::string* value,
                           bool* value_found) = 0;
  // Flush(FlushOptions with wait) status text.
  virtual std::string Flush(bool wait) = 0;
  // A new snapshot's id (> 0); released by ReleaseSnapshot or Close.
  virtual int TakeSnapshot() = 0;
  virtual void ReleaseSnapshot(int id) = 0;
  virtual uint64_t LatestSequence() = 0;
  virtual std::string SyncWAL() = 0;
  virtual std::string FlushWAL(bool sync) = 0;
  // Integer property, or -1 when the engine does not know it.
  virtual int64_t IntProperty(const std::string& name) = 0;

  virtual std::string Destroy(const std::string& dir) = 0;
};

std::unique_ptr<DbEngine> NewRealDbEngine();
std::unique_ptr<DbEngine> NewOurDbEngine();

}  // namespace compat
