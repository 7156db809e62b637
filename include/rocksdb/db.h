// Copyright (c) the rocksdb-cleanroom authors.
//
// DB: the main public interface, a persistent ordered key/value map split
// into column families. Also the column family handle and descriptor, the
// key Range structs, the DB::Properties names, and DestroyDB / RepairDB.
//
// A DB object may be used from many threads at once without locking.
#pragma once

#include <stdint.h>
#include <stdio.h>

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/block_cache_trace_writer.h"
#include "rocksdb/iterator.h"
#include "rocksdb/listener.h"
#include "rocksdb/metadata.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/thread_status.h"
#include "rocksdb/transaction_log.h"
#include "rocksdb/types.h"
#include "rocksdb/version.h"
#include "rocksdb/wide_columns.h"

#ifdef _WIN32
// <windows.h> defines DeleteFile as a macro.
#undef DeleteFile
#endif

#ifndef ROCKSDB_DEPRECATED_FUNC
#if defined(__GNUC__) || defined(__clang__)
#define ROCKSDB_DEPRECATED_FUNC __attribute__((__deprecated__))
#elif _WIN32
#define ROCKSDB_DEPRECATED_FUNC __declspec(deprecated)
#endif
#endif

namespace ROCKSDB_NAMESPACE {

struct ColumnFamilyOptions;
struct CompactionOptions;
struct CompactRangeOptions;
struct DBOptions;
struct ExternalSstFileInfo;
struct FlushOptions;
struct Options;
struct ReadOptions;
struct TableProperties;
struct WriteOptions;
class Env;
class EventListener;
class FileSystem;
class Replayer;
class StatsHistoryIterator;
class TraceReader;
class TraceWriter;
class WriteBatch;

// "default": the column family every DB has.
extern const std::string kDefaultColumnFamilyName;
// "___rocksdb_stats_history___": where persisted stats history is kept.
extern const std::string kPersistentStatsColumnFamilyName;

// A column family name with the options to open or create it with.
struct ColumnFamilyDescriptor {
  std::string name;
  ColumnFamilyOptions options;
  ColumnFamilyDescriptor()
      : name(kDefaultColumnFamilyName), options(ColumnFamilyOptions()) {}
  ColumnFamilyDescriptor(const std::string& _name,
                         const ColumnFamilyOptions& _options)
      : name(_name), options(_options) {}
};

// An open column family. Handles returned by DB::Open or
// DB::CreateColumnFamily are owned by the caller and released with
// DB::DestroyColumnFamilyHandle before the DB is deleted (except
// DefaultColumnFamily(), which the DB owns).
class ColumnFamilyHandle {
 public:
  virtual ~ColumnFamilyHandle() {}
  virtual const std::string& GetName() const = 0;
  virtual uint32_t GetID() const = 0;
  // Fills *desc with the name and current options. Pointer-typed options in
  // it live only as long as the column family's own options.
  virtual Status GetDescriptor(ColumnFamilyDescriptor* desc) = 0;
  virtual const Comparator* GetComparator() const = 0;
};

static const int kMajorVersion = __ROCKSDB_MAJOR__;
static const int kMinorVersion = __ROCKSDB_MINOR__;

// Keys in [start, limit). The Slices borrow their bytes.
struct Range {
  Slice start;
  Slice limit;

  Range() {}
  Range(const Slice& s, const Slice& l) : start(s), limit(l) {}
};

// Like Range, but a nullptr end means "unbounded on that side".
struct RangePtr {
  const Slice* start;
  const Slice* limit;

  RangePtr() : start(nullptr), limit(nullptr) {}
  RangePtr(const Slice* s, const Slice* l) : start(s), limit(l) {}
};

// One column family's part of DB::IngestExternalFiles. files_checksums and
// files_checksum_func_names are either both empty or both the size of
// external_files, in the same order. All files share file_temperature.
struct IngestExternalFileArg {
  ColumnFamilyHandle* column_family = nullptr;
  std::vector<std::string> external_files;
  IngestExternalFileOptions options;
  std::vector<std::string> files_checksums;
  std::vector<std::string> files_checksum_func_names;
  Temperature file_temperature = Temperature::kUnknown;
};

struct GetMergeOperandsOptions {
  int expected_max_number_of_operands = 0;
};

// Table properties by SST file name.
using TablePropertiesCollection =
    std::unordered_map<std::string, std::shared_ptr<const TableProperties>>;

// The abstract DB. Static Open* functions create the engine's implementation;
// wrappers (StackableDB and friends) derive from it too.
class DB {
 public:
  // Opens (or with create_if_missing, creates) the DB at `name` with only the
  // default column family. On success *dbptr owns a new DB the caller
  // deletes; on failure *dbptr is nullptr. Fails if another DB object holds
  // the directory's lock.
  static Status Open(const Options& options, const std::string& name,
                     DB** dbptr);

  // Opens the DB with the listed column families, which must include every
  // column family that exists (see ListColumnFamilies). On success handles[i]
  // belongs to column_families[i]; the caller destroys them with
  // DestroyColumnFamilyHandle before deleting the DB.
  static Status Open(const DBOptions& db_options, const std::string& name,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles, DB** dbptr);

  // Read-only opens: writes, flushes and compactions fail. Any number of
  // read-only instances may share a DB; sharing with a read-write instance is
  // unsafe for the read-only side. The column-family form may name a subset
  // of the families but must include the default one.
  static Status OpenForReadOnly(const Options& options, const std::string& name,
                                DB** dbptr,
                                bool error_if_wal_file_exists = false);
  static Status OpenForReadOnly(
      const DBOptions& db_options, const std::string& name,
      const std::vector<ColumnFamilyDescriptor>& column_families,
      std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
      bool error_if_wal_file_exists = false);

  // Secondary instances: read-only views of a primary DB at `name` that
  // follow it through TryCatchUpWithPrimary(). Their info log goes to
  // secondary_path. options.max_open_files should be -1. The column-family
  // form may name a subset of the families but must include the default one.
  static Status OpenAsSecondary(const Options& options, const std::string& name,
                                const std::string& secondary_path, DB** dbptr);
  static Status OpenAsSecondary(
      const DBOptions& db_options, const std::string& name,
      const std::string& secondary_path,
      const std::vector<ColumnFamilyDescriptor>& column_families,
      std::vector<ColumnFamilyHandle*>* handles, DB** dbptr);

  // Runs one remote compaction (described by `input`, produced by a
  // CompactionService) against the DB at `name`, writing the result files to
  // output_directory and a description of them to *output. The DB itself is
  // not modified.
  static Status OpenAndCompact(
      const std::string& name, const std::string& output_directory,
      const std::string& input, std::string* output,
      const CompactionServiceOptionsOverride& override_options);

  static Status OpenAndCompact(
      const OpenAndCompactOptions& options, const std::string& name,
      const std::string& output_directory, const std::string& input,
      std::string* output,
      const CompactionServiceOptionsOverride& override_options);

  // Experimental. Opens the DB and drops every entry with a user-defined
  // timestamp newer than trim_ts (families without timestamps are left as
  // they are).
  static Status OpenAndTrimHistory(
      const DBOptions& db_options, const std::string& dbname,
      const std::vector<ColumnFamilyDescriptor>& column_families,
      std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
      std::string trim_ts);

  // Tries to recover from a background error and resume writes.
  virtual Status Resume() { return Status::NotSupported(); }

  // Releases the DB's resources and reports any error doing so; the object
  // must still be deleted afterwards. Does not sync the WAL. Returns Aborted
  // while snapshots are unreleased (release them and retry); a later call
  // after any other outcome returns the first result. NotSupported means the
  // destructor does the cleanup.
  virtual Status Close() { return Status::NotSupported(); }

  // Lists the column family names of the DB at `name` (in no set order).
  static Status ListColumnFamilies(const DBOptions& db_options,
                                   const std::string& name,
                                   std::vector<std::string>* column_families);

  DB() {}
  DB(const DB&) = delete;
  void operator=(const DB&) = delete;

  virtual ~DB();

  // Creates a column family; *handle is owned by the caller.
  virtual Status CreateColumnFamily(const ColumnFamilyOptions& options,
                                    const std::string& column_family_name,
                                    ColumnFamilyHandle** handle);

  // Creates several column families. On error some may have been created:
  // *handles then holds exactly the ones that were.
  virtual Status CreateColumnFamilies(
      const ColumnFamilyOptions& options,
      const std::vector<std::string>& column_family_names,
      std::vector<ColumnFamilyHandle*>* handles);
  virtual Status CreateColumnFamilies(
      const std::vector<ColumnFamilyDescriptor>& column_families,
      std::vector<ColumnFamilyHandle*>* handles);

  // Marks a column family dropped: it stops flushing and compacting and is
  // removed once all its handles are destroyed.
  virtual Status DropColumnFamily(ColumnFamilyHandle* column_family);

  // Drops several; on error some may have been dropped.
  virtual Status DropColumnFamilies(
      const std::vector<ColumnFamilyHandle*>& column_families);

  // Deletes a handle returned by Open or CreateColumnFamily (never
  // DefaultColumnFamily()). Call for every such handle before deleting the DB.
  virtual Status DestroyColumnFamilyHandle(ColumnFamilyHandle* column_family);

  // Sets key to value, replacing any previous value.
  virtual Status Put(const WriteOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& value) = 0;
  virtual Status Put(const WriteOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& ts, const Slice& value) = 0;
  virtual Status Put(const WriteOptions& options, const Slice& key,
                     const Slice& value) {
    return Put(options, DefaultColumnFamily(), key, value);
  }
  virtual Status Put(const WriteOptions& options, const Slice& key,
                     const Slice& ts, const Slice& value) {
    return Put(options, DefaultColumnFamily(), key, ts, value);
  }

  // Sets key to the wide-column entity `columns`, replacing any previous
  // value.
  virtual Status PutEntity(const WriteOptions& options,
                           ColumnFamilyHandle* column_family, const Slice& key,
                           const WideColumns& columns);

  // Removes key if present (removing a missing key is not an error).
  virtual Status Delete(const WriteOptions& options,
                        ColumnFamilyHandle* column_family,
                        const Slice& key) = 0;
  virtual Status Delete(const WriteOptions& options,
                        ColumnFamilyHandle* column_family, const Slice& key,
                        const Slice& ts) = 0;
  virtual Status Delete(const WriteOptions& options, const Slice& key) {
    return Delete(options, DefaultColumnFamily(), key);
  }
  virtual Status Delete(const WriteOptions& options, const Slice& key,
                        const Slice& ts) {
    return Delete(options, DefaultColumnFamily(), key, ts);
  }

  // Removes key, assuming it was Put exactly once since it was last deleted
  // and never merged; otherwise the result is undefined. Experimental.
  virtual Status SingleDelete(const WriteOptions& options,
                              ColumnFamilyHandle* column_family,
                              const Slice& key) = 0;
  virtual Status SingleDelete(const WriteOptions& options,
                              ColumnFamilyHandle* column_family,
                              const Slice& key, const Slice& ts) = 0;
  virtual Status SingleDelete(const WriteOptions& options, const Slice& key) {
    return SingleDelete(options, DefaultColumnFamily(), key);
  }
  virtual Status SingleDelete(const WriteOptions& options, const Slice& key,
                              const Slice& ts) {
    return SingleDelete(options, DefaultColumnFamily(), key, ts);
  }

  // Removes every key in [begin_key, end_key). InvalidArgument if end_key
  // sorts before begin_key. Many range tombstones slow reads down until
  // flushed.
  virtual Status DeleteRange(const WriteOptions& options,
                             ColumnFamilyHandle* column_family,
                             const Slice& begin_key, const Slice& end_key);
  virtual Status DeleteRange(const WriteOptions& options,
                             ColumnFamilyHandle* column_family,
                             const Slice& begin_key, const Slice& end_key,
                             const Slice& ts);

  // Records a merge operand for key, combined by the column family's
  // merge_operator.
  virtual Status Merge(const WriteOptions& options,
                       ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& value) = 0;
  virtual Status Merge(const WriteOptions& options, const Slice& key,
                       const Slice& value) {
    return Merge(options, DefaultColumnFamily(), key, value);
  }
  virtual Status Merge(const WriteOptions& /*options*/,
                       ColumnFamilyHandle* /*column_family*/,
                       const Slice& /*key*/, const Slice& /*ts*/,
                       const Slice& /*value*/) {
    return Status::NotSupported(
        "Merge does not support user-defined timestamp yet");
  }

  // Applies a batch atomically. An empty batch still syncs the WAL when
  // options.sync is set.
  virtual Status Write(const WriteOptions& options, WriteBatch* updates) = 0;

  // Reads key. A wide-column entity reads as the value of its default
  // column (empty if it has none). NotFound with an empty value if absent.
  // REQUIRES: value != nullptr
  virtual inline Status Get(const ReadOptions& options,
                            ColumnFamilyHandle* column_family, const Slice& key,
                            std::string* value) {
    PinnableSlice pinnable_val(value);
    Status s = Get(options, column_family, key, &pinnable_val);
    // Unless the result was pinned elsewhere it is already in *value.
    if (s.ok() && pinnable_val.IsPinned()) {
      value->assign(pinnable_val.data(), pinnable_val.size());
    }
    return s;
  }
  virtual Status Get(const ReadOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     PinnableSlice* value) = 0;
  virtual Status Get(const ReadOptions& options, const Slice& key,
                     std::string* value) {
    return Get(options, DefaultColumnFamily(), key, value);
  }

  // As above, also returning the entry's timestamp for column families with
  // user-defined timestamps.
  virtual inline Status Get(const ReadOptions& options,
                            ColumnFamilyHandle* column_family, const Slice& key,
                            std::string* value, std::string* timestamp) {
    PinnableSlice pinnable_val(value);
    Status s = Get(options, column_family, key, &pinnable_val, timestamp);
    if (s.ok() && pinnable_val.IsPinned()) {
      value->assign(pinnable_val.data(), pinnable_val.size());
    }
    return s;
  }
  virtual Status Get(const ReadOptions& /*options*/,
                     ColumnFamilyHandle* /*column_family*/,
                     const Slice& /*key*/, PinnableSlice* /*value*/,
                     std::string* /*timestamp*/) {
    return Status::NotSupported(
        "Get() that returns timestamp is not implemented.");
  }
  virtual Status Get(const ReadOptions& options, const Slice& key,
                     std::string* value, std::string* timestamp) {
    return Get(options, DefaultColumnFamily(), key, value, timestamp);
  }

  // Reads key as a wide-column entity; a plain value becomes one column
  // named kDefaultWideColumnName. NotFound with no columns if absent.
  virtual Status GetEntity(const ReadOptions& /* options */,
                           ColumnFamilyHandle* /* column_family */,
                           const Slice& /* key */,
                           PinnableWideColumns* /* columns */) {
    return Status::NotSupported("GetEntity not supported");
  }

  // Fills merge_operands (an array the caller allocates, of at least
  // expected_max_number_of_operands entries) with key's merge operands, in
  // insertion order, and sets *number_of_operands. If there are more than
  // the expected maximum, returns Incomplete with only the count set. The
  // caller must Reset() or destroy the entries before the DB is closed.
  virtual Status GetMergeOperands(
      const ReadOptions& options, ColumnFamilyHandle* column_family,
      const Slice& key, PinnableSlice* merge_operands,
      GetMergeOperandsOptions* get_merge_operands_options,
      int* number_of_operands) = 0;

  // Reads several keys from one consistent view. Returns one status per key
  // (NotFound for a missing key) and resizes *values to keys.size().
  // Duplicate keys give duplicate results.
  virtual std::vector<Status> MultiGet(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_family,
      const std::vector<Slice>& keys, std::vector<std::string>* values) = 0;
  virtual std::vector<Status> MultiGet(const ReadOptions& options,
                                       const std::vector<Slice>& keys,
                                       std::vector<std::string>* values) {
    return MultiGet(
        options,
        std::vector<ColumnFamilyHandle*>(keys.size(), DefaultColumnFamily()),
        keys, values);
  }

  virtual std::vector<Status> MultiGet(
      const ReadOptions& /*options*/,
      const std::vector<ColumnFamilyHandle*>& /*column_family*/,
      const std::vector<Slice>& keys, std::vector<std::string>* /*values*/,
      std::vector<std::string>* /*timestamps*/) {
    return std::vector<Status>(
        keys.size(), Status::NotSupported(
                         "MultiGet() returning timestamps not implemented."));
  }
  virtual std::vector<Status> MultiGet(const ReadOptions& options,
                                       const std::vector<Slice>& keys,
                                       std::vector<std::string>* values,
                                       std::vector<std::string>* timestamps) {
    return MultiGet(
        options,
        std::vector<ColumnFamilyHandle*>(keys.size(), DefaultColumnFamily()),
        keys, values, timestamps);
  }

  // Batched MultiGet over C arrays of num_keys entries, all in one column
  // family. sorted_input promises keys are already in comparator order. The
  // base versions fall back to the vector MultiGet above.
  virtual void MultiGet(const ReadOptions& options,
                        ColumnFamilyHandle* column_family,
                        const size_t num_keys, const Slice* keys,
                        PinnableSlice* values, Status* statuses,
                        const bool /*sorted_input*/ = false) {
    std::vector<ColumnFamilyHandle*> cfs(num_keys, column_family);
    std::vector<Slice> key_list(keys, keys + num_keys);
    std::vector<std::string> found;
    std::vector<Status> results = MultiGet(options, cfs, key_list, &found);
    for (size_t i = 0; i < results.size(); ++i) {
      statuses[i] = results[i];
    }
    for (size_t i = 0; i < found.size(); ++i) {
      values[i].PinSelf(found[i]);
    }
  }

  virtual void MultiGet(const ReadOptions& options,
                        ColumnFamilyHandle* column_family,
                        const size_t num_keys, const Slice* keys,
                        PinnableSlice* values, std::string* timestamps,
                        Status* statuses, const bool /*sorted_input*/ = false) {
    std::vector<ColumnFamilyHandle*> cfs(num_keys, column_family);
    std::vector<Slice> key_list(keys, keys + num_keys);
    std::vector<std::string> found;
    std::vector<std::string> found_ts;
    std::vector<Status> results =
        MultiGet(options, cfs, key_list, &found, &found_ts);
    for (size_t i = 0; i < results.size(); ++i) {
      statuses[i] = results[i];
    }
    for (size_t i = 0; i < found_ts.size(); ++i) {
      timestamps[i] = found_ts[i];
    }
    for (size_t i = 0; i < found.size(); ++i) {
      values[i].PinSelf(found[i]);
    }
  }

  // Batched MultiGet over C arrays where each key has its own column family.
  virtual void MultiGet(const ReadOptions& options, const size_t num_keys,
                        ColumnFamilyHandle** column_families, const Slice* keys,
                        PinnableSlice* values, Status* statuses,
                        const bool /*sorted_input*/ = false) {
    std::vector<ColumnFamilyHandle*> cfs(column_families,
                                         column_families + num_keys);
    std::vector<Slice> key_list(keys, keys + num_keys);
    std::vector<std::string> found;
    std::vector<Status> results = MultiGet(options, cfs, key_list, &found);
    for (size_t i = 0; i < results.size(); ++i) {
      statuses[i] = results[i];
    }
    for (size_t i = 0; i < found.size(); ++i) {
      values[i].PinSelf(found[i]);
    }
  }
  virtual void MultiGet(const ReadOptions& options, const size_t num_keys,
                        ColumnFamilyHandle** column_families, const Slice* keys,
                        PinnableSlice* values, std::string* timestamps,
                        Status* statuses, const bool /*sorted_input*/ = false) {
    std::vector<ColumnFamilyHandle*> cfs(column_families,
                                         column_families + num_keys);
    std::vector<Slice> key_list(keys, keys + num_keys);
    std::vector<std::string> found;
    std::vector<std::string> found_ts;
    std::vector<Status> results =
        MultiGet(options, cfs, key_list, &found, &found_ts);
    for (size_t i = 0; i < results.size(); ++i) {
      statuses[i] = results[i];
    }
    for (size_t i = 0; i < found_ts.size(); ++i) {
      timestamps[i] = found_ts[i];
    }
    for (size_t i = 0; i < found.size(); ++i) {
      values[i].PinSelf(found[i]);
    }
  }

  // Cheap existence test: false means the key is certainly absent; true
  // means it may exist. If the value was found without I/O it is stored in
  // *value and *value_found (when given) is set true. The base version
  // answers true with *value_found = false.
  virtual bool KeyMayExist(const ReadOptions& /*options*/,
                           ColumnFamilyHandle* /*column_family*/,
                           const Slice& /*key*/, std::string* /*value*/,
                           std::string* /*timestamp*/,
                           bool* value_found = nullptr) {
    if (value_found != nullptr) {
      *value_found = false;
    }
    return true;
  }

  virtual bool KeyMayExist(const ReadOptions& options,
                           ColumnFamilyHandle* column_family, const Slice& key,
                           std::string* value, bool* value_found = nullptr) {
    return KeyMayExist(options, column_family, key, value,
                       /*timestamp=*/nullptr, value_found);
  }

  virtual bool KeyMayExist(const ReadOptions& options, const Slice& key,
                           std::string* value, bool* value_found = nullptr) {
    return KeyMayExist(options, DefaultColumnFamily(), key, value, value_found);
  }

  virtual bool KeyMayExist(const ReadOptions& options, const Slice& key,
                           std::string* value, std::string* timestamp,
                           bool* value_found = nullptr) {
    return KeyMayExist(options, DefaultColumnFamily(), key, value, timestamp,
                       value_found);
  }

  // A new iterator over one column family, initially not positioned. The
  // caller owns it and deletes it before the DB.
  virtual Iterator* NewIterator(const ReadOptions& options,
                                ColumnFamilyHandle* column_family) = 0;
  virtual Iterator* NewIterator(const ReadOptions& options) {
    return NewIterator(options, DefaultColumnFamily());
  }
  // One iterator per column family, all over the same consistent state.
  virtual Status NewIterators(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_families,
      std::vector<Iterator*>* iterators) = 0;

  // Pins the current state. Release with ReleaseSnapshot(). nullptr if the
  // DB cannot take snapshots (e.g. inplace_update_support).
  virtual const Snapshot* GetSnapshot() = 0;

  // Gives back a snapshot from GetSnapshot(); it must not be used afterwards.
  virtual void ReleaseSnapshot(const Snapshot* snapshot) = 0;

  // Names accepted by GetProperty / GetMapProperty / GetIntProperty. Names
  // ending in "Prefix" or "AtLevel" take a level number appended.
  struct Properties {
    // "rocksdb.num-files-at-level<N>": file count at level N.
    static const std::string kNumFilesAtLevelPrefix;
    // "rocksdb.compression-ratio-at-level<N>": uncompressed over compressed
    // size at level N, "-1.0" with no files there.
    static const std::string kCompressionRatioAtLevelPrefix;
    // "rocksdb.stats": kCFStats then kDBStats, multi-line.
    static const std::string kStats;
    // "rocksdb.sstables": the current SST files, multi-line.
    static const std::string kSSTables;
    // "rocksdb.cfstats": column family stats (also a map property).
    static const std::string kCFStats;
    // "rocksdb.cfstats-no-file-histogram": per-level, cumulative and
    // interval column family stats.
    static const std::string kCFStatsNoFileHistogram;
    // "rocksdb.cf-file-histogram": file reads per level and latency
    // histogram.
    static const std::string kCFFileHistogram;
    // "rocksdb.dbstats": DB-wide cumulative and interval stats (the map form
    // is cumulative only).
    static const std::string kDBStats;
    // "rocksdb.levelstats": files and size (MB) per level.
    static const std::string kLevelStats;
    // "rocksdb.block-cache-entry-stats": block cache usage by entry kind
    // (string or map).
    static const std::string kBlockCacheEntryStats;
    // "rocksdb.fast-block-cache-entry-stats": same, possibly staler.
    static const std::string kFastBlockCacheEntryStats;
    // "rocksdb.num-immutable-mem-table": unflushed immutable memtables.
    static const std::string kNumImmutableMemTable;
    // "rocksdb.num-immutable-mem-table-flushed": flushed ones still kept.
    static const std::string kNumImmutableMemTableFlushed;
    // "rocksdb.mem-table-flush-pending": 1 if a flush is pending, else 0.
    static const std::string kMemTableFlushPending;
    // "rocksdb.num-running-flushes".
    static const std::string kNumRunningFlushes;
    // "rocksdb.compaction-pending": 1 if a compaction is pending, else 0.
    static const std::string kCompactionPending;
    // "rocksdb.num-running-compactions".
    static const std::string kNumRunningCompactions;
    // "rocksdb.background-errors": count of background errors so far.
    static const std::string kBackgroundErrors;
    // "rocksdb.cur-size-active-mem-table": bytes, approximately.
    static const std::string kCurSizeActiveMemTable;
    // "rocksdb.cur-size-all-mem-tables": active plus unflushed immutable.
    static const std::string kCurSizeAllMemTables;
    // "rocksdb.size-all-mem-tables": also counting pinned immutable ones.
    static const std::string kSizeAllMemTables;
    // "rocksdb.num-entries-active-mem-table".
    static const std::string kNumEntriesActiveMemTable;
    // "rocksdb.num-entries-imm-mem-tables": in unflushed immutable ones.
    static const std::string kNumEntriesImmMemTables;
    // "rocksdb.num-deletes-active-mem-table".
    static const std::string kNumDeletesActiveMemTable;
    // "rocksdb.num-deletes-imm-mem-tables".
    static const std::string kNumDeletesImmMemTables;
    // "rocksdb.estimate-num-keys": estimated keys in memtables and SSTs.
    static const std::string kEstimateNumKeys;
    // "rocksdb.estimate-table-readers-mem": table reader memory outside the
    // block cache.
    static const std::string kEstimateTableReadersMem;
    // "rocksdb.is-file-deletions-enabled": 0 when obsolete-file deletion is
    // enabled, non-zero when disabled (the name is kept for compatibility).
    static const std::string kIsFileDeletionsEnabled;
    // "rocksdb.num-snapshots": unreleased snapshots.
    static const std::string kNumSnapshots;
    // "rocksdb.oldest-snapshot-time": Unix time of the oldest snapshot.
    static const std::string kOldestSnapshotTime;
    // "rocksdb.oldest-snapshot-sequence": its sequence number.
    static const std::string kOldestSnapshotSequence;
    // "rocksdb.num-live-versions": live LSM versions (held by iterators or
    // running compactions).
    static const std::string kNumLiveVersions;
    // "rocksdb.current-super-version-number": bumped on every LSM change;
    // restarts at 0 on reopen.
    static const std::string kCurrentSuperVersionNumber;
    // "rocksdb.estimate-live-data-size": bytes of live data, estimated.
    static const std::string kEstimateLiveDataSize;
    // "rocksdb.min-log-number-to-keep": oldest WAL number still needed.
    static const std::string kMinLogNumberToKeep;
    // "rocksdb.min-obsolete-sst-number-to-keep": smallest obsolete SST number
    // that must be kept; uint64 max when none.
    static const std::string kMinObsoleteSstNumberToKeep;
    // "rocksdb.total-sst-files-size": bytes of all SSTs of all versions.
    static const std::string kTotalSstFilesSize;
    // "rocksdb.live-sst-files-size": bytes of the current version's SSTs.
    static const std::string kLiveSstFilesSize;
    // "rocksdb.live-sst-files-size-at-temperature<T>": same, per
    // temperature.
    static const std::string kLiveSstFilesSizeAtTemperature;
    // "rocksdb.base-level": the level L0 compacts into.
    static const std::string kBaseLevel;
    // "rocksdb.estimate-pending-compaction-bytes": bytes compaction must
    // rewrite to bring every level under target (level style only).
    static const std::string kEstimatePendingCompactionBytes;
    // "rocksdb.aggregated-table-properties": table properties summed over the
    // column family (string or map).
    static const std::string kAggregatedTableProperties;
    // "rocksdb.aggregated-table-properties-at-level<N>": same for level N.
    static const std::string kAggregatedTablePropertiesAtLevel;
    // "rocksdb.actual-delayed-write-rate": current delayed write rate, 0 when
    // writes are not delayed.
    static const std::string kActualDelayedWriteRate;
    // "rocksdb.is-write-stopped": 1 when writes are stopped.
    static const std::string kIsWriteStopped;
    // "rocksdb.estimate-oldest-key-time": estimated time of the oldest key
    // (FIFO compaction without allow_compaction only).
    static const std::string kEstimateOldestKeyTime;
    // "rocksdb.block-cache-capacity".
    static const std::string kBlockCacheCapacity;
    // "rocksdb.block-cache-usage": bytes held by block cache entries.
    static const std::string kBlockCacheUsage;
    // "rocksdb.block-cache-pinned-usage": bytes of pinned entries.
    static const std::string kBlockCachePinnedUsage;
    // "rocksdb.options-statistics": options.statistics, multi-line.
    static const std::string kOptionsStatistics;
    // "rocksdb.num-blob-files": blob files in the current version.
    static const std::string kNumBlobFiles;
    // "rocksdb.blob-stats": count, size and garbage of current blob files.
    static const std::string kBlobStats;
    // "rocksdb.total-blob-file-size": blob file bytes over all versions.
    static const std::string kTotalBlobFileSize;
    // "rocksdb.live-blob-file-size": blob file bytes in the current version.
    static const std::string kLiveBlobFileSize;
    // "rocksdb.live-blob-file-garbage-size": garbage bytes in those files.
    static const std::string kLiveBlobFileGarbageSize;
    // "rocksdb.blob-cache-capacity".
    static const std::string kBlobCacheCapacity;
    // "rocksdb.blob-cache-usage".
    static const std::string kBlobCacheUsage;
    // "rocksdb.blob-cache-pinned-usage".
    static const std::string kBlobCachePinnedUsage;
  };

  // Sets *value to a string property (see Properties) and returns true, or
  // returns false for an unknown or non-string property.
  virtual bool GetProperty(ColumnFamilyHandle* column_family,
                           const Slice& property, std::string* value) = 0;
  virtual bool GetProperty(const Slice& property, std::string* value) {
    return GetProperty(DefaultColumnFamily(), property, value);
  }

  // As GetProperty, for properties that have a map form.
  virtual bool GetMapProperty(ColumnFamilyHandle* column_family,
                              const Slice& property,
                              std::map<std::string, std::string>* value) = 0;
  virtual bool GetMapProperty(const Slice& property,
                              std::map<std::string, std::string>* value) {
    return GetMapProperty(DefaultColumnFamily(), property, value);
  }

  // As GetProperty, for the properties whose value is one integer (the
  // counters and sizes in Properties, blob ones included).
  virtual bool GetIntProperty(ColumnFamilyHandle* column_family,
                              const Slice& property, uint64_t* value) = 0;
  virtual bool GetIntProperty(const Slice& property, uint64_t* value) {
    return GetIntProperty(DefaultColumnFamily(), property, value);
  }

  // Clears the DB's and every column family's internal stats (not
  // options.statistics, which the DB does not own).
  virtual Status ResetStats() {
    return Status::NotSupported("Not implemented");
  }

  // GetIntProperty summed over all column families.
  virtual bool GetAggregatedIntProperty(const Slice& property,
                                        uint64_t* value) = 0;

  // What GetApproximateSizes counts.
  enum class SizeApproximationFlags : uint8_t {
    NONE = 0,
    INCLUDE_MEMTABLES = 1 << 0,
    INCLUDE_FILES = 1 << 1
  };

  // sizes[i] = approximate bytes used by keys in ranges[i] (on-disk,
  // compressed size), for i in [0, n).
  virtual Status GetApproximateSizes(const SizeApproximationOptions& options,
                                     ColumnFamilyHandle* column_family,
                                     const Range* ranges, int n,
                                     uint64_t* sizes) = 0;

  // Shorthands; include_flags must not be NONE.
  virtual Status GetApproximateSizes(ColumnFamilyHandle* column_family,
                                     const Range* ranges, int n,
                                     uint64_t* sizes,
                                     SizeApproximationFlags include_flags =
                                         SizeApproximationFlags::INCLUDE_FILES);

  virtual Status GetApproximateSizes(
      const Range* ranges, int n, uint64_t* sizes,
      SizeApproximationFlags include_flags =
          SizeApproximationFlags::INCLUDE_FILES) {
    return GetApproximateSizes(DefaultColumnFamily(), ranges, n, sizes,
                               include_flags);
  }

  // Approximate entry count and bytes of `range` in the memtables.
  virtual void GetApproximateMemTableStats(ColumnFamilyHandle* column_family,
                                           const Range& range,
                                           uint64_t* const count,
                                           uint64_t* const size) = 0;
  virtual void GetApproximateMemTableStats(const Range& range,
                                           uint64_t* const count,
                                           uint64_t* const size) {
    GetApproximateMemTableStats(DefaultColumnFamily(), range, count, size);
  }

  // Compacts at least the keys in [*begin, *end] (nullptr: unbounded),
  // dropping deleted and overwritten data; blocks until done, failed or
  // aborted (Incomplete, see DisableManualCompaction). A full-range call
  // pushes data to the last non-empty level unless options.change_level
  // moves it back up.
  virtual Status CompactRange(const CompactRangeOptions& options,
                              ColumnFamilyHandle* column_family,
                              const Slice* begin, const Slice* end) = 0;
  virtual Status CompactRange(const CompactRangeOptions& options,
                              const Slice* begin, const Slice* end) {
    return CompactRange(options, DefaultColumnFamily(), begin, end);
  }

  // Changes mutable column family options (or table factory options) of a
  // running DB, e.g. {{"ttl", "36000"}}; unnamed options keep their value.
  // Less sanitized than Open, slow (writes a new OPTIONS file): use rarely.
  virtual Status SetOptions(
      ColumnFamilyHandle* /*column_family*/,
      const std::unordered_map<std::string, std::string>& /*opts_map*/) {
    return Status::NotSupported("Not implemented");
  }
  virtual Status SetOptions(
      const std::unordered_map<std::string, std::string>& new_options) {
    return SetOptions(DefaultColumnFamily(), new_options);
  }

  // SetOptions for mutable DBOptions, e.g. {{"max_subcompactions", "2"}}.
  virtual Status SetDBOptions(
      const std::unordered_map<std::string, std::string>& new_options) = 0;

  // Compacts the named files (see GetColumnFamilyMetaData) into
  // output_level, on the calling thread.
  virtual Status CompactFiles(
      const CompactionOptions& compact_options,
      ColumnFamilyHandle* column_family,
      const std::vector<std::string>& input_file_names, const int output_level,
      const int output_path_id = -1,
      std::vector<std::string>* const output_file_names = nullptr,
      CompactionJobInfo* compaction_job_info = nullptr) = 0;

  virtual Status CompactFiles(
      const CompactionOptions& compact_options,
      const std::vector<std::string>& input_file_names, const int output_level,
      const int output_path_id = -1,
      std::vector<std::string>* const output_file_names = nullptr,
      CompactionJobInfo* compaction_job_info = nullptr) {
    return CompactFiles(compact_options, DefaultColumnFamily(),
                        input_file_names, output_level, output_path_id,
                        output_file_names, compaction_job_info);
  }

  // Pause waits for running background jobs and stops new ones until a
  // matching number of ContinueBackgroundWork calls.
  virtual Status PauseBackgroundWork() = 0;
  virtual Status ContinueBackgroundWork() = 0;

  // Clears disable_auto_compactions on the given families and schedules
  // flushes/compactions (SetOptions alone does not schedule).
  virtual Status EnableAutoCompaction(
      const std::vector<ColumnFamilyHandle*>& column_family_handles) = 0;

  // Makes CompactRange/CompactFiles fail and aborts running manual
  // compactions, waiting for them. Calls nest: each needs one
  // EnableManualCompaction to undo it.
  virtual void DisableManualCompaction() = 0;
  virtual void EnableManualCompaction() = 0;

  virtual int NumberLevels(ColumnFamilyHandle* column_family) = 0;
  virtual int NumberLevels() { return NumberLevels(DefaultColumnFamily()); }

  // Deepest level a flushed memtable may be placed at when nothing overlaps.
  virtual int MaxMemCompactionLevel(ColumnFamilyHandle* column_family) = 0;
  virtual int MaxMemCompactionLevel() {
    return MaxMemCompactionLevel(DefaultColumnFamily());
  }

  // L0 file count at which writes stop.
  virtual int Level0StopWriteTrigger(ColumnFamilyHandle* column_family) = 0;
  virtual int Level0StopWriteTrigger() {
    return Level0StopWriteTrigger(DefaultColumnFamily());
  }

  // The name given to Open.
  virtual const std::string& GetName() const = 0;

  virtual Env* GetEnv() const = 0;

  // GetEnv()->GetFileSystem().get().
  virtual FileSystem* GetFileSystem() const;

  // The options in use, as sanitized by Open / CreateColumnFamily.
  virtual Options GetOptions(ColumnFamilyHandle* column_family) const = 0;
  virtual Options GetOptions() const {
    return GetOptions(DefaultColumnFamily());
  }

  virtual DBOptions GetDBOptions() const = 0;

  // Flushes one column family's memtables (even with atomic_flush).
  virtual Status Flush(const FlushOptions& options,
                       ColumnFamilyHandle* column_family) = 0;
  virtual Status Flush(const FlushOptions& options) {
    return Flush(options, DefaultColumnFamily());
  }
  // Flushes several; with atomic_flush, all up to one common sequence
  // number.
  virtual Status Flush(
      const FlushOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_families) = 0;

  // Writes the WAL buffer to the file, then syncs it if `sync`.
  virtual Status FlushWAL(bool /*sync*/) {
    return Status::NotSupported("FlushWAL not implemented");
  }
  // Syncs the WAL. Unlike a sync write, earlier writes were already visible
  // before this call.
  virtual Status SyncWAL() = 0;

  // Freezes the WAL (after flushing it) until UnlockWAL.
  virtual Status LockWAL() {
    return Status::NotSupported("LockWAL not implemented");
  }
  virtual Status UnlockWAL() {
    return Status::NotSupported("UnlockWAL not implemented");
  }

  // Sequence number of the latest write.
  virtual SequenceNumber GetLatestSequenceNumber() const = 0;

  // Stops deleting obsolete files (compactions go on).
  virtual Status DisableFileDeletions() = 0;

  // Raises the column family's full_history_ts_low to ts_low (which must be
  // newer). TryAgain if another thread raised it further meanwhile.
  virtual Status IncreaseFullHistoryTsLow(ColumnFamilyHandle* column_family,
                                          std::string ts_low) = 0;

  virtual Status GetFullHistoryTsLow(ColumnFamilyHandle* column_family,
                                     std::string* ts_low) = 0;

  // Re-enables obsolete-file deletion: at once with force, else after as
  // many calls as DisableFileDeletions had.
  virtual Status EnableFileDeletions(bool force = true) = 0;

  // Creation time of the oldest SST (0 for files without that property).
  // NotSupported unless max_open_files == -1.
  virtual Status GetCreationTimeOfOldestFile(uint64_t* creation_time) = 0;

  // An iterator over the WAL's write batches, starting at the batch that
  // contains seq_number (or the first one after it). Needs WAL_ttl_seconds
  // or WAL_size_limit_MB large enough that the WAL files are kept.
  virtual Status GetUpdatesSince(
      SequenceNumber seq_number, std::unique_ptr<TransactionLogIterator>* iter,
      const TransactionLogIterator::ReadOptions& read_options =
          TransactionLogIterator::ReadOptions()) = 0;

// <windows.h> defines DeleteFile as a macro.
#undef DeleteFile
  // Deprecated. Deletes one SST or WAL file, named relative to the DB
  // directory (e.g. "000001.sst", "/archive/000003.log").
  virtual Status DeleteFile(std::string name) = 0;

  // Every live SST file with its column family and level.
  virtual void GetLiveFilesMetaData(
      std::vector<LiveFileMetaData>* /*metadata*/) {}

  // Whole-file checksums of all SST and blob files.
  virtual Status GetLiveFilesChecksumInfo(FileChecksumList* checksum_list) = 0;

  // Every file needed to copy the live DB (for checkpoints and backups).
  // Bracket with DisableFileDeletions / EnableFileDeletions.
  virtual Status GetLiveFilesStorageInfo(
      const LiveFilesStorageInfoOptions& opts,
      std::vector<LiveFileStorageInfo>* files) = 0;

  // The LSM shape of one column family.
  virtual void GetColumnFamilyMetaData(ColumnFamilyHandle* /*column_family*/,
                                       ColumnFamilyMetaData* /*metadata*/) {}

  // Same for the default column family.
  void GetColumnFamilyMetaData(ColumnFamilyMetaData* metadata) {
    GetColumnFamilyMetaData(DefaultColumnFamily(), metadata);
  }

  // The LSM shape of every column family.
  virtual void GetAllColumnFamilyMetaData(
      std::vector<ColumnFamilyMetaData>* /*metadata*/) {}

  // Names (relative to the DB directory, starting with "/") of every file
  // except WALs, and the valid length of the MANIFEST. flush_memtable
  // flushes first. Prefer GetLiveFilesStorageInfo.
  virtual Status GetLiveFiles(std::vector<std::string>&,
                              uint64_t* manifest_file_size,
                              bool flush_memtable = true) = 0;

  // All WAL files, oldest first.
  virtual Status GetSortedWalFiles(VectorLogPtr& files) = 0;

  // The WAL being written (may roll right after; its StartSequence is 0).
  virtual Status GetCurrentWalFile(
      std::unique_ptr<LogFile>* current_log_file) = 0;

  // Adds SST files (e.g. from SstFileWriter) to a column family, at the
  // deepest level they fit (or the bottom with ingest_behind). Overlapping
  // memtable data is flushed first.
  virtual Status IngestExternalFile(
      ColumnFamilyHandle* column_family,
      const std::vector<std::string>& external_files,
      const IngestExternalFileOptions& options) = 0;

  virtual Status IngestExternalFile(
      const std::vector<std::string>& external_files,
      const IngestExternalFileOptions& options) {
    return IngestExternalFile(DefaultColumnFamily(), external_files, options);
  }

  // Ingests into several column families as one atomic MANIFEST update.
  // REQUIRES: every arg names a different column family.
  virtual Status IngestExternalFiles(
      const std::vector<IngestExternalFileArg>& args) = 0;

  // Creates a column family from exported SST files (copied or moved per
  // import_options). *handle is nullptr on error.
  virtual Status CreateColumnFamilyWithImport(
      const ColumnFamilyOptions& options, const std::string& column_family_name,
      const ImportColumnFamilyOptions& import_options,
      const ExportImportFilesMetaData& metadata,
      ColumnFamilyHandle** handle) = 0;

  // Checks the whole-file checksums of the table files.
  virtual Status VerifyFileChecksums(const ReadOptions& /*read_options*/) {
    return Status::NotSupported("File verification not supported");
  }

  // Checks the block checksums of the table files.
  virtual Status VerifyChecksum(const ReadOptions& read_options) = 0;

  virtual Status VerifyChecksum() { return VerifyChecksum(ReadOptions()); }

  // The DB id stored in the IDENTITY file.
  virtual Status GetDbIdentity(std::string& identity) const = 0;

  // An id unique to this open DB object.
  virtual Status GetDbSessionId(std::string& session_id) const = 0;

  // The default column family; owned by the DB.
  virtual ColumnFamilyHandle* DefaultColumnFamily() const = 0;

  virtual Status GetPropertiesOfAllTables(ColumnFamilyHandle* column_family,
                                          TablePropertiesCollection* props) = 0;
  virtual Status GetPropertiesOfAllTables(TablePropertiesCollection* props) {
    return GetPropertiesOfAllTables(DefaultColumnFamily(), props);
  }
  virtual Status GetPropertiesOfTablesInRange(
      ColumnFamilyHandle* column_family, const Range* range, std::size_t n,
      TablePropertiesCollection* props) = 0;

  virtual Status SuggestCompactRange(ColumnFamilyHandle* /*column_family*/,
                                     const Slice* /*begin*/,
                                     const Slice* /*end*/) {
    return Status::NotSupported("SuggestCompactRange() is not implemented.");
  }

  virtual Status PromoteL0(ColumnFamilyHandle* /*column_family*/,
                           int /*target_level*/) {
    return Status::NotSupported("PromoteL0() is not implemented.");
  }

  // Records DB operations to trace_writer until EndTrace().
  virtual Status StartTrace(const TraceOptions& /*options*/,
                            std::unique_ptr<TraceWriter>&& /*trace_writer*/) {
    return Status::NotSupported("StartTrace() is not implemented.");
  }

  virtual Status EndTrace() {
    return Status::NotSupported("EndTrace() is not implemented.");
  }

  // Records file I/O until EndIOTrace().
  virtual Status StartIOTrace(const TraceOptions& /*options*/,
                              std::unique_ptr<TraceWriter>&& /*trace_writer*/) {
    return Status::NotSupported("StartIOTrace() is not implemented.");
  }

  virtual Status EndIOTrace() {
    return Status::NotSupported("EndIOTrace() is not implemented.");
  }

  // Records block cache accesses until EndBlockCacheTrace().
  virtual Status StartBlockCacheTrace(
      const TraceOptions& /*trace_options*/,
      std::unique_ptr<TraceWriter>&& /*trace_writer*/) {
    return Status::NotSupported("StartBlockCacheTrace() is not implemented.");
  }

  virtual Status StartBlockCacheTrace(
      const BlockCacheTraceOptions& /*options*/,
      std::unique_ptr<BlockCacheTraceWriter>&& /*trace_writer*/) {
    return Status::NotSupported("StartBlockCacheTrace() is not implemented.");
  }

  virtual Status EndBlockCacheTrace() {
    return Status::NotSupported("EndBlockCacheTrace() is not implemented.");
  }

  // A replayer of a trace read from `reader` against this DB.
  virtual Status NewDefaultReplayer(
      const std::vector<ColumnFamilyHandle*>& /*handles*/,
      std::unique_ptr<TraceReader>&& /*reader*/,
      std::unique_ptr<Replayer>* /*replayer*/) {
    return Status::NotSupported("NewDefaultReplayer() is not implemented.");
  }

  // The innermost DB under any wrappers.
  virtual DB* GetRootDB() { return this; }

  // Stats history in [start_time, end_time) (epoch seconds).
  virtual Status GetStatsHistory(
      uint64_t /*start_time*/, uint64_t /*end_time*/,
      std::unique_ptr<StatsHistoryIterator>* /*stats_iterator*/) {
    return Status::NotSupported("GetStatsHistory() is not implemented.");
  }

  // Secondary instances only: replays the primary's new MANIFEST and WAL
  // records. Families created by the primary since open are ignored;
  // dropped ones stay readable through existing handles.
  virtual Status TryCatchUpWithPrimary() {
    return Status::NotSupported("Supported only by secondary instance");
  }
};

inline DB::SizeApproximationFlags operator&(DB::SizeApproximationFlags lhs,
                                            DB::SizeApproximationFlags rhs) {
  return static_cast<DB::SizeApproximationFlags>(static_cast<uint8_t>(lhs) &
                                                 static_cast<uint8_t>(rhs));
}
inline DB::SizeApproximationFlags operator|(DB::SizeApproximationFlags lhs,
                                            DB::SizeApproximationFlags rhs) {
  return static_cast<DB::SizeApproximationFlags>(static_cast<uint8_t>(lhs) |
                                                 static_cast<uint8_t>(rhs));
}

inline Status DB::GetApproximateSizes(ColumnFamilyHandle* column_family,
                                      const Range* ranges, int n,
                                      uint64_t* sizes,
                                      SizeApproximationFlags include_flags) {
  SizeApproximationOptions options;
  options.include_memtables =
      (include_flags & SizeApproximationFlags::INCLUDE_MEMTABLES) !=
      SizeApproximationFlags::NONE;
  options.include_files =
      (include_flags & SizeApproximationFlags::INCLUDE_FILES) !=
      SizeApproximationFlags::NONE;
  return GetApproximateSizes(options, column_family, ranges, n, sizes);
}

// Deletes the DB at `name` and its files. Destructive: use with care.
Status DestroyDB(const std::string& name, const Options& options,
                 const std::vector<ColumnFamilyDescriptor>& column_families =
                     std::vector<ColumnFamilyDescriptor>());

// Rebuilds a DB that cannot be opened, salvaging what it can (some data may
// be lost). Data of column families not listed is skipped with a warning.
Status RepairDB(const std::string& dbname, const DBOptions& db_options,
                const std::vector<ColumnFamilyDescriptor>& column_families);

// As above; unlisted column families found during repair get
// unknown_cf_opts.
Status RepairDB(const std::string& dbname, const DBOptions& db_options,
                const std::vector<ColumnFamilyDescriptor>& column_families,
                const ColumnFamilyOptions& unknown_cf_opts);

// As above with `options` for the DB and every column family.
Status RepairDB(const std::string& dbname, const Options& options);

}  // namespace ROCKSDB_NAMESPACE
