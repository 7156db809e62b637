// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl: the DB engine behind DB::Open. One class, its code split by
// responsibility:
//   db_impl.cc             construction, Close, accessors, read views,
//                          column family handle, features still to come
//   db_impl_open.cc        Open: option checks, directory, LOCK, IDENTITY,
//                          new-DB bootstrap, MANIFEST recovery, new WAL,
//                          OPTIONS file
//   db_impl_recovery.cc    WAL replay at open (the four WALRecoveryModes)
//                          and the level-0 tables written while replaying
//   db_impl_write.cc       write path (group commit), memtable and WAL
//                          switch, write stalls, SyncWAL, FlushWAL
//   db_impl_flush.cc       Flush, background flush jobs, Resume
//   db_impl_read.cc        Get, MultiGet, snapshots
//   db_impl_iter.cc        iterators
//   db_impl_properties.cc  GetProperty and friends
//   db_impl_files.cc       obsolete WAL and table file deletion, OPTIONS
//                          and info LOG trimming, DestroyDB
//   db_impl_live_files.cc  GetLiveFiles, file metadata, WAL listings
//
// Data flow (RocksDB's): writes go to the WAL and the active memtable; a
// full memtable becomes immutable (a new WAL starts unless the current one
// is empty) and a background job on the HIGH pool flushes the immutable
// memtables, oldest first, into one level-0 table file; the flush's
// VersionEdit adds the file and raises the log number, after which the
// memtables leave the read view and the older WALs are deleted. At open
// the replayed WAL data is flushed the same way (unless
// avoid_flush_during_recovery and no memtable filled up); Close flushes
// only data written with disableWAL (unless avoid_flush_during_shutdown).
//
// Locking: mutex_ guards the fields marked GUARDED_BY. The write path
// (WAL, sequence allocation, memtable switch) is serialized by the write
// thread: only the current group leader (or an unbatched writer) touches
// the fields marked "write leader only". At most one flush job runs at a
// time; it builds its table without the mutex. No file I/O happens under
// mutex_ except inside VersionSet::LogAndApply (which drops it).
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "db/write_thread.h"
#include "port/mutex.h"
#include "port/thread_annotations.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/listener.h"
#include "rocksdb/options.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/status.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class DBImpl;
class MemTable;
class TableCache;
class Version;
class VersionEdit;
class VersionSet;
class WriteBufferManager;
struct FileMetaData;
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
// shared by readers, replaced (never changed) when a memtable is switched
// or flushed.
struct MemTableSet {
  MemTableSet() = default;
  MemTableSet(const MemTableSet&) = delete;
  MemTableSet& operator=(const MemTableSet&) = delete;
  ~MemTableSet();

  MemTable* mem = nullptr;     // the active memtable
  std::vector<MemTable*> imm;  // immutable ones, newest first
};

// One consistent read view: the memtables and the table files that hold
// everything written up to the moment it was taken. current is Ref'd.
struct SuperVersionLite {
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
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
  void MultiGet(const ReadOptions& options, ColumnFamilyHandle* column_family,
                const size_t num_keys, const Slice* keys, PinnableSlice* values,
                Status* statuses, const bool sorted_input = false) override;
  void MultiGet(const ReadOptions& options, const size_t num_keys,
                ColumnFamilyHandle** column_families, const Slice* keys,
                PinnableSlice* values, Status* statuses,
                const bool sorted_input = false) override;
  using DB::KeyMayExist;
  bool KeyMayExist(const ReadOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   std::string* value, std::string* timestamp,
                   bool* value_found = nullptr) override;
  // ---- Iterators (db_impl_iter.cc)
  Iterator* NewIterator(const ReadOptions& options,
                        ColumnFamilyHandle* column_family) override;
  Status NewIterators(const ReadOptions& options,
                      const std::vector<ColumnFamilyHandle*>& column_families,
                      std::vector<Iterator*>* iterators) override;
  // ---- Snapshots (db_impl_read.cc)
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

  // ---- Read views (db_impl.cc), for the read and iterator code
  // Takes the memtables and the current Version together, so that no
  // flush can move data between them unseen. *current is referenced: give
  // it back with ReleaseReadView (from any thread, once).
  void AcquireReadView(std::shared_ptr<MemTableSet>* mems, Version** current);
  void ReleaseReadView(Version* current);
  // The open table files; null only before Open created it.
  TableCache* table_cache() const { return table_cache_.get(); }
  // The default column family's (sanitized) options and comparator.
  const ColumnFamilyOptions& default_cf_options() const { return cf_options_; }
  const InternalKeyComparator& internal_comparator() const { return icmp_; }
  // The sanitized DB options.
  const DBOptions& db_options() const { return db_options_; }

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
  // Starts the HIGH and LOW pool threads the options ask for.
  void StartBackgroundThreads();
  // Replays the WALs, flushes what they held (unless avoided), starts the
  // new WAL and records it all in the MANIFEST.
  Status RecoverWals(const std::vector<uint64_t>& wals);
  // Closes and deletes the WAL a failed open created.
  void DropNewWal();
  Status WriteOptionsFile(uint64_t number);
  void LogOptions();

  // ---- WAL replay (db_impl_recovery.cc)
  // Replays the WALs in `wal_numbers` (ascending) into the memtables.
  // *max_sequence: raised to the newest sequence number replayed. Unless
  // read-only, a memtable that fills up is written to a level-0 table
  // recorded in *edit.
  Status ReplayWals(const std::vector<uint64_t>& wal_numbers,
                    SequenceNumber* max_sequence, VersionEdit* edit);
  Status ListWals(std::vector<uint64_t>* numbers);
  // Applies one replayed batch; *flush_failed tells a failed flush of a
  // full memtable (fatal) from a batch that cannot be applied.
  // *next_sequence: the sequence number after the batch's last record
  // that took one.
  Status ApplyRecoveredBatch(WriteBatch* batch, VersionEdit* edit,
                             bool* flush_failed, SequenceNumber* next_sequence);
  // Writes mem to a new level-0 table (if it yields any entry) added to
  // *edit: RocksDB's WriteLevel0TableForRecovery. Open only.
  Status WriteLevel0TableForRecovery(MemTable* mem, VersionEdit* edit);

  // ---- Write path (db_impl_write.cc)
  Status WriteImpl(const WriteOptions& options, WriteBatch* batch);
  // Write leader only: fails fast on a background error, switches the
  // memtable when full and waits out (or refuses, no_slowdown) write
  // stalls. Members refused a stall get their own status.
  Status PreprocessWrite(WriteThread::WriteGroup* group);
  // Write leader only: writes the group's batches as one WAL record.
  Status WriteGroupToWal(const WriteThread::WriteGroup& group);
  // Write leader only: syncs every WAL that holds unsynced data.
  Status SyncAllWals();
  // Write leader only: the active memtable becomes immutable (a new WAL
  // starts unless the current one is empty) and a flush is scheduled.
  Status SwitchMemTable(FlushReason reason);
  // Creates WAL `number`. Write leader only (or open).
  Status CreateWal(uint64_t number, std::unique_ptr<log::Writer>* writer);
  // Inserts w's batch into `mem` starting at w->sequence.
  Status InsertIntoMemTable(MemTable* mem, WriteThread::Writer* w,
                            bool concurrent);
  MemTable* NewMemTable(SequenceNumber earliest_seq);
  std::shared_ptr<MemTableSet> CurrentMemTables() const;
  // Installs a new memtable set made of `mem` + `imm` (newest first).
  void InstallMemTables(MemTable* mem, const std::vector<MemTable*>& imm);
  void InstallMemTablesLocked(MemTable* mem, const std::vector<MemTable*>& imm)
      REQUIRES(mutex_);
  // Makes s the sticky background error (the first one stays). Resume()
  // can clear a recoverable one (I/O errors of WALs and flushes), not a
  // failed memtable insertion.
  void SetBackgroundError(const Status& s, bool recoverable = true);
  void SetBackgroundErrorLocked(const Status& s, bool recoverable = true)
      REQUIRES(mutex_);
  Status GetBackgroundError() const;
  // RocksDB's write stall conditions from the unflushed memtables (table
  // file triggers come with compaction). Listeners hear of changes.
  WriteStallCondition GetWriteStallCondition() const REQUIRES(mutex_);
  void RecalculateWriteStall() REQUIRES(mutex_);
  // Tells the listeners of the stall changes RecalculateWriteStall saw.
  // Call without mutex_.
  void NotifyStallChanges();
  // Sleeps for a delayed write of `bytes` at delayed_write_rate.
  void DelayWrite(uint64_t bytes);
  // Sets the status of no_slowdown members to Incomplete("Write stall").
  // Returns true when every member is refused.
  static bool RefuseNoSlowdownWriters(WriteThread::WriteGroup* group);

  // ---- Properties (db_impl_properties.cc)
  // rocksdb.compression-ratio-at-level<N> as RocksDB prints it.
  std::string CompressionRatioAtLevel(int level);

  // ---- Reads (db_impl_read.cc)
  // The sequence number a read with these options sees.
  SequenceNumber ReadSequence(const ReadOptions& options) const;
  // Looks key up as of seq in the view (mems, then current's tables;
  // current may be null: memtables only). value may be null.
  Status GetFromView(const ReadOptions& options, const Slice& key,
                     SequenceNumber seq, const MemTableSet& mems,
                     Version* current, PinnableSlice* value);
  // The batched MultiGet: one read view and sequence for all keys.
  void MultiGetImpl(const ReadOptions& options, size_t num_keys,
                    ColumnFamilyHandle* const* column_families,
                    const Slice* keys, PinnableSlice* values, Status* statuses);

  // ---- Flush (db_impl_flush.cc)
  // Switches the active memtable (if it holds data) and, if wait, waits
  // until it and every older memtable are flushed.
  Status FlushMemTable(FlushReason reason, bool wait, bool allow_write_stall);
  // Waits until no unflushed memtable with id <= memtable_id is left, a
  // background error appears (returned) or the DB shuts down.
  Status WaitForFlushMemTables(uint64_t memtable_id) REQUIRES(mutex_);
  // Schedules a flush job when one is due and none is queued or running.
  void MaybeScheduleFlush() REQUIRES(mutex_);
  bool FlushDue() const REQUIRES(mutex_);
  static void BGWorkFlush(void* db);
  static void UnscheduleFlushCallback(void* db);
  void BackgroundCallFlush();
  // One flush job: picks the unflushed memtables, writes them to a level-0
  // table without the mutex, installs the result.
  Status BackgroundFlush(FlushReason reason) REQUIRES(mutex_);
  // Applies the flush's edits and drops the flushed memtables from the
  // read view in the same critical section.
  Status InstallFlushResult(const std::vector<MemTable*>& mems,
                            const FileMetaData* meta) REQUIRES(mutex_);
  // The sequence numbers of the live snapshots, ascending.
  std::vector<SequenceNumber> SnapshotSequences() const REQUIRES(mutex_);
  int NextJobId() { return next_job_id_.fetch_add(1); }

  // ---- Files (db_impl_files.cc)
  // Deletes the WALs below the MANIFEST's log number and the table files
  // no live Version lists (nothing while deletions are disabled). Takes
  // and releases mutex_ itself; I/O happens without it.
  void DeleteObsoleteFiles(int job_id);
  // Under mutex_: what DeleteObsoleteFiles needs to know. WALs below
  // *min_log are obsolete except `busy_wals` (being synced); the writers
  // of obsolete WALs are handed over to be closed; table files not in
  // *live_tables and below *min_pending_output are obsolete.
  void FindObsoleteFiles(uint64_t* min_log, std::set<uint64_t>* busy_wals,
                         std::vector<std::unique_ptr<log::Writer>>* writers,
                         std::set<uint64_t>* live_tables,
                         uint64_t* min_pending_output) REQUIRES(mutex_);
  // Deletes (or archives, with WAL_ttl_seconds / WAL_size_limit_MB) WAL
  // `number`.
  void RemoveWal(uint64_t number, int job_id);
  // Archived WALs past their TTL or over the size limit.
  void PurgeArchivedWals();
  void DeleteOldOptionsFiles();
  void DeleteOldInfoLogs();

  // ---- Close (db_impl.cc)
  Status CloseImpl();
  // Tells the background jobs to stop and waits for the running ones.
  void ShutdownBackgroundWork();

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
  std::unique_ptr<TableCache> table_cache_;
  WriteBufferManager* write_buffer_manager_ = nullptr;
  uint64_t options_file_number_ = 0;
  // Sequence number of the newest write visible to reads. (The
  // VersionSet's LastSequence is what the MANIFEST records: like RocksDB,
  // the newest sequence number written to a table file.)
  std::atomic<SequenceNumber> last_sequence_{0};
  std::atomic<int> next_job_id_{1};

  // Write leader only.
  std::unique_ptr<log::Writer> log_;  // the current WAL (null: read-only)
  uint64_t log_number_ = 0;
  bool log_dirty_ = false;  // unsynced records in log_
  bool log_empty_ = true;   // no record written to log_ yet
  SequenceNumber last_allocated_sequence_ = 0;
  uint64_t next_memtable_id_ = 1;
  double delay_debt_micros_ = 0;  // delayed writes not slept for yet
  // Open only: a memtable filled up during WAL replay and was flushed.
  bool recovery_flushed_ = false;
  WriteThread write_thread_;

  mutable port::Mutex mutex_;
  // Signalled when a flush job ends, a background error is set or the
  // write stall condition changes.
  port::CondVar bg_cv_{&mutex_};
  std::shared_ptr<MemTableSet> memtables_ GUARDED_BY(mutex_);
  // A disableWAL write put data in a memtable that no WAL holds.
  bool has_unpersisted_data_ GUARDED_BY(mutex_) = false;
  // WALs older than the current one that may still be needed, oldest
  // first. A writer is kept while its WAL may hold unsynced data.
  struct LiveWal {
    uint64_t number = 0;
    std::unique_ptr<log::Writer> writer;
    bool getting_synced = false;  // SyncAllWals works on it unlocked
  };
  std::deque<LiveWal> old_wals_ GUARDED_BY(mutex_);
  Status bg_error_ GUARDED_BY(mutex_);
  bool bg_error_recoverable_ GUARDED_BY(mutex_) = true;
  std::list<const SnapshotImpl*> snapshots_ GUARDED_BY(mutex_);
  bool closed_ GUARDED_BY(mutex_) = false;
  std::atomic<bool> shutting_down_{false};
  // Flush jobs queued in the HIGH pool, and the one running.
  int bg_flush_scheduled_ GUARDED_BY(mutex_) = 0;
  int num_running_flushes_ GUARDED_BY(mutex_) = 0;
  // Memtables with an id up to this are flushed even when fewer than
  // min_write_buffer_number_to_merge wait (manual, shutdown, recovery).
  uint64_t force_flush_up_to_id_ GUARDED_BY(mutex_) = 0;
  // Every memtable with an id up to this is flushed (and the files that
  // flush made obsolete are deleted).
  uint64_t completed_flush_up_to_id_ GUARDED_BY(mutex_) = 0;
  FlushReason pending_flush_reason_ GUARDED_BY(mutex_) =
      FlushReason::kWriteBufferFull;
  WriteStallCondition write_stall_ GUARDED_BY(mutex_) =
      WriteStallCondition::kNormal;
  // Versions held by read views, with their hold counts: their files stay.
  std::map<Version*, int> held_versions_ GUARDED_BY(mutex_);
  // Table files being written: numbers from the smallest up are kept.
  std::multiset<uint64_t> pending_outputs_ GUARDED_BY(mutex_);
  // PauseBackgroundWork calls not yet matched by ContinueBackgroundWork.
  int bg_work_paused_ GUARDED_BY(mutex_) = 0;
  // DisableFileDeletions calls not yet matched by EnableFileDeletions.
  int disable_delete_obsolete_files_ GUARDED_BY(mutex_) = 0;
  // A read view on an old Version was released: its files may be obsolete.
  bool obsolete_check_needed_ GUARDED_BY(mutex_) = false;
  // Stall changes the listeners have not heard of yet.
  std::vector<WriteStallInfo> pending_stall_notifications_ GUARDED_BY(mutex_);
  // Bumped at every change of the read view (rocksdb.current-super-
  // version-number).
  uint64_t super_version_number_ GUARDED_BY(mutex_) = 0;
};

}  // namespace ROCKSDB_NAMESPACE
