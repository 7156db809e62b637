// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl: the DB engine behind DB::Open. One class, its code split by
// responsibility:
//   db_impl.cc             construction, Close, accessors, column family
//                          handle, the methods of features still to come
//   db_impl_open.cc        Open: option checks, directory, LOCK, IDENTITY,
//                          new-DB bootstrap, MANIFEST recovery, new WAL,
//                          OPTIONS file
//   db_impl_recovery.cc    WAL replay at open (the four WALRecoveryModes)
//   db_impl_write.cc       write path (group commit), WAL switch, SyncWAL,
//                          FlushWAL
//   db_impl_read.cc        Get, MultiGet, snapshots, iterators
//   db_impl_properties.cc  GetProperty and friends
//   db_impl_files.cc       obsolete-file deletion, OPTIONS file, DestroyDB
//   db_impl_persist.cc     memtables written to a WAL (open and Close)
//
// Data lives in memtables until table files exist: a full memtable is
// switched to the immutable list and a new WAL is started; immutable
// memtables and their WALs stay live. At open every WAL is replayed, the
// memtables are written into the new WAL as RocksDB would flush them, the
// MANIFEST is pointed at the new WAL and the old WALs are deleted.
//
// Locking: mutex_ guards the fields marked GUARDED_BY. The write path
// (WAL, sequence allocation, memtable switch) is serialized by the write
// thread: only the current group leader (or an unbatched writer) touches
// the fields marked "write leader only". No file I/O happens under mutex_.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "db/write_thread.h"
#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class DBImpl;
class MemTable;
class VersionSet;
class WriteBufferManager;
namespace log {
class Writer;
}  // namespace log

// The handle of a column family of a DBImpl. DefaultColumnFamily() returns
// one owned by the DB; Open hands out separate ones the caller destroys.
class ColumnFamilyHandleImpl : public ColumnFamilyHandle {
 public:
  ColumnFamilyHandleImpl(DBImpl* db, uint32_t id, std::string name,
                         const ColumnFamilyOptions& options)
      : db_(db), id_(id), name_(std::move(name)), options_(options) {}

  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  Status GetDescriptor(ColumnFamilyDescriptor* desc) override;
  const Comparator* GetComparator() const override {
    return options_.comparator;
  }
  DBImpl* db() const { return db_; }

 private:
  DBImpl* const db_;
  const uint32_t id_;
  const std::string name_;
  const ColumnFamilyOptions options_;
};

// A snapshot: the sequence number reads through it see.
class SnapshotImpl : public Snapshot {
 public:
  SnapshotImpl(SequenceNumber seq, int64_t unix_time)
      : seq_(seq), unix_time_(unix_time) {}
  SequenceNumber GetSequenceNumber() const override { return seq_; }
  int64_t GetUnixTime() const override { return unix_time_; }
  uint64_t GetTimestamp() const override { return 0; }

 private:
  friend class DBImpl;
  ~SnapshotImpl() override {}
  const SequenceNumber seq_;
  const int64_t unix_time_;
};

// The memtables a read consults, newest first. Holds a reference on each;
// shared by readers, replaced (never changed) when a memtable is switched.
struct MemTableSet {
  MemTableSet() = default;
  MemTableSet(const MemTableSet&) = delete;
  MemTableSet& operator=(const MemTableSet&) = delete;
  ~MemTableSet();

  MemTable* mem = nullptr;     // the active memtable
  std::vector<MemTable*> imm;  // immutable ones, newest first
};

class DBImpl : public DB {
 public:
  // The entry point behind every DB::Open overload. read_only: see
  // OpenForReadOnly; error_if_wal_file_exists only applies then.
  static Status Open(const DBOptions& db_options, const std::string& dbname,
                     const std::vector<ColumnFamilyDescriptor>& column_families,
                     std::vector<ColumnFamilyHandle*>* handles, DB** dbptr,
                     bool read_only, bool error_if_wal_file_exists);

  ~DBImpl() override;
  DBImpl(const DBImpl&) = delete;
  DBImpl& operator=(const DBImpl&) = delete;

  // ---- Writes (db_impl_write.cc)
  using DB::Delete;
  using DB::Merge;
  using DB::Put;
  using DB::SingleDelete;
  Status Put(const WriteOptions& options, ColumnFamilyHandle* column_family,
             const Slice& key, const Slice& value) override;
  Status Put(const WriteOptions& options, ColumnFamilyHandle* column_family,
             const Slice& key, const Slice& ts, const Slice& value) override;
  Status Delete(const WriteOptions& options, ColumnFamilyHandle* column_family,
                const Slice& key) override;
  Status Delete(const WriteOptions& options, ColumnFamilyHandle* column_family,
                const Slice& key, const Slice& ts) override;
  Status SingleDelete(const WriteOptions& options,
                      ColumnFamilyHandle* column_family,
                      const Slice& key) override;
  Status SingleDelete(const WriteOptions& options,
                      ColumnFamilyHandle* column_family, const Slice& key,
                      const Slice& ts) override;
  Status Merge(const WriteOptions& options, ColumnFamilyHandle* column_family,
               const Slice& key, const Slice& value) override;
  Status Write(const WriteOptions& options, WriteBatch* updates) override;
  Status FlushWAL(bool sync) override;
  Status SyncWAL() override;

  // ---- Reads (db_impl_read.cc)
  using DB::Get;
  using DB::MultiGet;
  using DB::NewIterator;
  Status Get(const ReadOptions& options, ColumnFamilyHandle* column_family,
             const Slice& key, PinnableSlice* value) override;
  Status Get(const ReadOptions& options, ColumnFamilyHandle* column_family,
             const Slice& key, PinnableSlice* value,
             std::string* timestamp) override;
  Status GetMergeOperands(const ReadOptions& options,
                          ColumnFamilyHandle* column_family, const Slice& key,
                          PinnableSlice* merge_operands,
                          GetMergeOperandsOptions* get_merge_operands_options,
                          int* number_of_operands) override;
  std::vector<Status> MultiGet(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_family,
      const std::vector<Slice>& keys,
      std::vector<std::string>* values) override;
  std::vector<Status> MultiGet(
      const ReadOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_family,
      const std::vector<Slice>& keys, std::vector<std::string>* values,
      std::vector<std::string>* timestamps) override;
  Iterator* NewIterator(const ReadOptions& options,
                        ColumnFamilyHandle* column_family) override;
  Status NewIterators(const ReadOptions& options,
                      const std::vector<ColumnFamilyHandle*>& column_families,
                      std::vector<Iterator*>* iterators) override;
  const Snapshot* GetSnapshot() override;
  void ReleaseSnapshot(const Snapshot* snapshot) override;

  // ---- Properties (db_impl_properties.cc)
  using DB::GetIntProperty;
  using DB::GetMapProperty;
  using DB::GetProperty;
  bool GetProperty(ColumnFamilyHandle* column_family, const Slice& property,
                   std::string* value) override;
  bool GetMapProperty(ColumnFamilyHandle* column_family, const Slice& property,
                      std::map<std::string, std::string>* value) override;
  bool GetIntProperty(ColumnFamilyHandle* column_family, const Slice& property,
                      uint64_t* value) override;
  bool GetAggregatedIntProperty(const Slice& property,
                                uint64_t* value) override;
  using DB::GetApproximateSizes;
  Status GetApproximateSizes(const SizeApproximationOptions& options,
                             ColumnFamilyHandle* column_family,
                             const Range* ranges, int n,
                             uint64_t* sizes) override;
  using DB::GetApproximateMemTableStats;
  void GetApproximateMemTableStats(ColumnFamilyHandle* column_family,
                                   const Range& range, uint64_t* const count,
                                   uint64_t* const size) override;

  // ---- Lifecycle and accessors (db_impl.cc)
  Status Close() override;
  Status Resume() override;
  const std::string& GetName() const override { return dbname_; }
  Env* GetEnv() const override { return env_; }
  using DB::GetOptions;
  Options GetOptions(ColumnFamilyHandle* column_family) const override;
  DBOptions GetDBOptions() const override { return db_options_; }
  SequenceNumber GetLatestSequenceNumber() const override {
    return last_sequence_.load(std::memory_order_acquire);
  }
  ColumnFamilyHandle* DefaultColumnFamily() const override {
    return default_cf_handle_.get();
  }
  Status DestroyColumnFamilyHandle(ColumnFamilyHandle* column_family) override;
  Status GetDbIdentity(std::string& identity) const override;
  Status GetDbSessionId(std::string& session_id) const override;

  // ---- Features of later issues (db_impl.cc: NotImplemented)
  using DB::CreateColumnFamilies;
  using DB::CreateColumnFamily;
  using DB::DropColumnFamily;
  Status CreateColumnFamily(const ColumnFamilyOptions& options,
                            const std::string& column_family_name,
                            ColumnFamilyHandle** handle) override;
  Status CreateColumnFamilies(
      const ColumnFamilyOptions& options,
      const std::vector<std::string>& column_family_names,
      std::vector<ColumnFamilyHandle*>* handles) override;
  Status CreateColumnFamilies(
      const std::vector<ColumnFamilyDescriptor>& column_families,
      std::vector<ColumnFamilyHandle*>* handles) override;
  Status DropColumnFamily(ColumnFamilyHandle* column_family) override;
  Status DropColumnFamilies(
      const std::vector<ColumnFamilyHandle*>& column_families) override;
  using DB::CompactRange;
  Status CompactRange(const CompactRangeOptions& options,
                      ColumnFamilyHandle* column_family, const Slice* begin,
                      const Slice* end) override;
  using DB::SetOptions;
  Status SetDBOptions(
      const std::unordered_map<std::string, std::string>& options) override;
  using DB::CompactFiles;
  Status CompactFiles(const CompactionOptions& compact_options,
                      ColumnFamilyHandle* column_family,
                      const std::vector<std::string>& input_file_names,
                      const int output_level, const int output_path_id,
                      std::vector<std::string>* const output_file_names,
                      CompactionJobInfo* compaction_job_info) override;
  Status PauseBackgroundWork() override;
  Status ContinueBackgroundWork() override;
  Status EnableAutoCompaction(
      const std::vector<ColumnFamilyHandle*>& column_family_handles) override;
  void DisableManualCompaction() override {}
  void EnableManualCompaction() override {}
  using DB::Level0StopWriteTrigger;
  using DB::MaxMemCompactionLevel;
  using DB::NumberLevels;
  int NumberLevels(ColumnFamilyHandle* column_family) override;
  int MaxMemCompactionLevel(ColumnFamilyHandle* column_family) override;
  int Level0StopWriteTrigger(ColumnFamilyHandle* column_family) override;
  using DB::Flush;
  Status Flush(const FlushOptions& options,
               ColumnFamilyHandle* column_family) override;
  Status Flush(
      const FlushOptions& options,
      const std::vector<ColumnFamilyHandle*>& column_families) override;
  Status DisableFileDeletions() override;
  Status EnableFileDeletions(bool force) override;
  Status IncreaseFullHistoryTsLow(ColumnFamilyHandle* column_family,
                                  std::string ts_low) override;
  Status GetFullHistoryTsLow(ColumnFamilyHandle* column_family,
                             std::string* ts_low) override;
  Status GetCreationTimeOfOldestFile(uint64_t* creation_time) override;
  Status GetUpdatesSince(
      SequenceNumber seq_number, std::unique_ptr<TransactionLogIterator>* iter,
      const TransactionLogIterator::ReadOptions& read_options) override;
  Status DeleteFile(std::string name) override;
  void GetLiveFilesMetaData(std::vector<LiveFileMetaData>* metadata) override;
  Status GetLiveFilesChecksumInfo(FileChecksumList* checksum_list) override;
  Status GetLiveFilesStorageInfo(
      const LiveFilesStorageInfoOptions& opts,
      std::vector<LiveFileStorageInfo>* files) override;
  void GetColumnFamilyMetaData(ColumnFamilyHandle* column_family,
                               ColumnFamilyMetaData* metadata) override;
  Status GetLiveFiles(std::vector<std::string>& files,
                      uint64_t* manifest_file_size,
                      bool flush_memtable) override;
  Status GetSortedWalFiles(VectorLogPtr& files) override;
  Status GetCurrentWalFile(std::unique_ptr<LogFile>* current_log_file) override;
  using DB::IngestExternalFile;
  Status IngestExternalFile(
      ColumnFamilyHandle* column_family,
      const std::vector<std::string>& external_files,
      const IngestExternalFileOptions& ingestion_options) override;
  Status IngestExternalFiles(
      const std::vector<IngestExternalFileArg>& args) override;
  Status CreateColumnFamilyWithImport(
      const ColumnFamilyOptions& options, const std::string& column_family_name,
      const ImportColumnFamilyOptions& import_options,
      const ExportImportFilesMetaData& metadata,
      ColumnFamilyHandle** handle) override;
  using DB::VerifyChecksum;
  Status VerifyChecksum(const ReadOptions& read_options) override;
  using DB::GetPropertiesOfAllTables;
  Status GetPropertiesOfAllTables(ColumnFamilyHandle* column_family,
                                  TablePropertiesCollection* props) override;
  Status GetPropertiesOfTablesInRange(
      ColumnFamilyHandle* column_family, const Range* range, std::size_t n,
      TablePropertiesCollection* props) override;

 protected:
  DBImpl(const DBOptions& options, const std::string& dbname,
         const ColumnFamilyOptions& cf_options, bool read_only);

  // Checks a column family handle passed to a read or write: only the
  // default column family exists until column families land.
  Status CheckColumnFamily(ColumnFamilyHandle* column_family) const;

  bool read_only() const { return read_only_; }

 private:
  friend class DBOpenHelper;

  // ---- Open (db_impl_open.cc)
  Status OpenImpl(const std::vector<ColumnFamilyDescriptor>& column_families,
                  bool error_if_wal_file_exists);
  Status CreateDirectories();
  Status NewDB();
  Status RecoverIdentity();
  // Closes and deletes the WAL a failed open created.
  void DropNewWal();
  Status WriteOptionsFile(uint64_t number);
  void LogOptions();

  // ---- WAL replay (db_impl_recovery.cc)
  // Replays the WALs in `wal_numbers` (ascending) into the memtables.
  // *max_sequence: raised to the newest sequence number replayed.
  Status ReplayWals(const std::vector<uint64_t>& wal_numbers,
                    SequenceNumber* max_sequence);
  Status ListWals(std::vector<uint64_t>* numbers);
  Status ApplyRecoveredBatch(WriteBatch* batch);

  // ---- Write path (db_impl_write.cc)
  Status WriteImpl(const WriteOptions& options, WriteBatch* batch);
  // Write leader only: switches the memtable when full and handles the
  // sticky background error.
  Status PreprocessWrite(const WriteThread::WriteGroup& group);
  // Write leader only: writes the group's batches as one WAL record.
  Status WriteGroupToWal(const WriteThread::WriteGroup& group);
  // Write leader only: syncs every WAL that holds unsynced data.
  Status SyncAllWals();
  // Write leader only: a new memtable and a new WAL.
  Status SwitchMemTable();
  // Creates WAL `number` and makes it current. Write leader only.
  Status CreateWal(uint64_t number, std::unique_ptr<log::Writer>* writer);
  // Inserts w's batch into `mem` starting at w->sequence.
  Status InsertIntoMemTable(MemTable* mem, WriteThread::Writer* w,
                            bool concurrent);
  MemTable* NewMemTable(SequenceNumber earliest_seq);
  std::shared_ptr<MemTableSet> CurrentMemTables() const;
  // Installs a new memtable set made of `mem` + `imm` (newest first).
  void InstallMemTables(MemTable* mem, const std::vector<MemTable*>& imm);
  void SetBackgroundError(const Status& s);
  Status GetBackgroundError() const;

  // ---- Reads (db_impl_read.cc)
  // The value of key as of seq in *value (may be null: existence only).
  Status GetImpl(const Slice& key, SequenceNumber seq, std::string* value);

  // ---- Files (db_impl_files.cc)
  void DeleteObsoleteFiles(const std::vector<uint64_t>& obsolete_wals);
  void DeleteOldOptionsFiles();
  void DeleteOldInfoLogs();

  // ---- Close (db_impl.cc, db_impl_persist.cc)
  Status CloseImpl();
  // Writes the memtables into `wal` as RocksDB would flush them (entries
  // newer than flushed_up_to as a flush keeps them, older ones as they
  // are; db_impl_persist.cc). *newest_kept: the newest of the former.
  Status WriteMemTablesToWal(log::Writer* wal, SequenceNumber flushed_up_to,
                             SequenceNumber* newest_kept);
  // At Close: the memtables into a new WAL, made the MANIFEST's log number;
  // older WALs deleted. Write path held exclusively; the current WAL must
  // already be closed.
  Status PersistMemTablesToNewWal();

  // Constant after construction / open.
  const std::string dbname_;
  DBOptions db_options_;                  // sanitized
  const ColumnFamilyOptions cf_options_;  // default CF, sanitized
  const bool read_only_;
  Env* const env_;
  std::shared_ptr<FileSystem> fs_;
  InternalKeyComparator icmp_;
  std::unique_ptr<ColumnFamilyHandleImpl> default_cf_handle_;
  std::string db_id_;
  std::string db_session_id_;
  FileLock* db_lock_ = nullptr;
  std::unique_ptr<FSDirectory> db_dir_;
  std::unique_ptr<FSDirectory> wal_dir_;
  std::unique_ptr<VersionSet> versions_;
  WriteBufferManager* write_buffer_manager_ = nullptr;
  // Sequence number of the newest write visible to reads.
  std::atomic<SequenceNumber> last_sequence_{0};

  // Write leader only.
  struct LiveWal {
    uint64_t number = 0;
    // Kept open while it may hold unsynced data; null once synced+closed.
    std::unique_ptr<log::Writer> writer;
  };
  std::unique_ptr<log::Writer> log_;  // the current WAL (null: read-only)
  uint64_t log_number_ = 0;
  bool log_dirty_ = false;  // unsynced records in log_
  // A disableWAL write put data in a memtable that no WAL holds.
  bool has_unpersisted_data_ = false;
  // Write leader only. The entries RocksDB would have flushed by now
  // (at open, at memtable switches) have sequence numbers up to
  // flushed_up_to_; its MANIFEST would record manifest_last_sequence_.
  SequenceNumber flushed_up_to_ = 0;
  SequenceNumber manifest_last_sequence_ = 0;
  std::deque<LiveWal> old_wals_;  // older live WALs, oldest first
  SequenceNumber last_allocated_sequence_ = 0;
  uint64_t next_memtable_id_ = 1;
  WriteThread write_thread_;

  mutable port::Mutex mutex_;
  std::shared_ptr<MemTableSet> memtables_ GUARDED_BY(mutex_);
  Status bg_error_ GUARDED_BY(mutex_);
  std::list<const SnapshotImpl*> snapshots_ GUARDED_BY(mutex_);
  bool closed_ GUARDED_BY(mutex_) = false;
};

}  // namespace ROCKSDB_NAMESPACE
