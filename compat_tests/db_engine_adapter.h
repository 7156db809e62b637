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
  // With with_merge_operator: the engine's own built-in "uint64add"
  // (MergeOperator::CreateFromString) instead of the string append.
  bool uint64add = false;
  int comparator = 0;   // 0: BytewiseComparator, 1: ReverseBytewiseComparator
  int prefix_kind = 0;  // 0: none, 1: NewFixedPrefixTransform,
                        // 2: NewCappedPrefixTransform
  size_t prefix_len = 0;

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

// ReadOptions of a new iterator. The bounds are copied and live as long as
// the iterator.
struct DbIterOptions {
  int snapshot = 0;  // a TakeSnapshot() id; 0: implicit
  bool has_lower = false;
  std::string lower;  // iterate_lower_bound when has_lower
  bool has_upper = false;
  std::string upper;  // iterate_upper_bound when has_upper
  bool total_order_seek = false;
  bool prefix_same_as_start = false;
};

// A positioning call on an iterator.
enum class DbIterMove {
  kSeekToFirst,
  kSeekToLast,
  kSeek,
  kSeekForPrev,
  kNext,  // REQUIRES: the iterator is Valid() (RocksDB asserts it)
  kPrev,  // REQUIRES: the iterator is Valid()
};

// One entry of a WriteBatch.
struct DbWriteOp {
  // kDeleteRange deletes [key, value).
  enum class Kind { kPut, kDelete, kSingleDelete, kMerge, kDeleteRange };
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
  virtual std::string DeleteRange(const std::string& begin,
                                  const std::string& end) = 0;
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

  // A new iterator's id (> 0). Iterators are deleted by DeleteIterator or,
  // before the DB, by Close.
  virtual int NewIterator(const DbIterOptions& options) = 0;
  // Moves iterator `id` (target: the key of Seek/SeekForPrev) and returns
  // what it shows afterwards: "V <key>=<value> <status>" when Valid(),
  // "I <status>" otherwise.
  virtual std::string IterMove(int id, DbIterMove move,
                               const std::string& target) = 0;
  virtual void DeleteIterator(int id) = 0;
  virtual std::string SyncWAL() = 0;
  virtual std::string FlushWAL(bool sync) = 0;
  // Integer property, or -1 when the engine does not know it.
  virtual int64_t IntProperty(const std::string& name) = 0;

  virtual std::string Destroy(const std::string& dir) = 0;
};

std::unique_ptr<DbEngine> NewRealDbEngine();
std::unique_ptr<DbEngine> NewOurDbEngine();

}  // namespace compat
