// Copyright (c) the rocksdb-cleanroom authors.
//
// The write path. A write joins the write thread (db/write_thread.h); the
// group leader then, holding the write path alone:
//   1. PreprocessWrite: fails fast on a sticky background error, switches
//      to a new memtable (and WAL) when the current one is full, and
//      waits out a write stall (too many unflushed memtables) or, for
//      no_slowdown members, refuses the write with Incomplete;
//   2. assigns sequence numbers: batch i of the group starts right after
//      the last entry of batch i-1 (one number per counted entry);
//   3. writes the group's batches as one WAL record (unless disableWAL),
//      then syncs every WAL with unsynced data if a member asked for sync;
//   4. inserts the batches into the memtable: itself, or each member its
//      own batch in parallel when allow_concurrent_memtable_write;
//   5. publishes the group's last sequence number, then completes the
//      group.
// A WAL failure or a failed memtable insertion becomes a sticky
// background error: every later write returns it (RocksDB does the same).

#include <algorithm>

#include "db/db_impl.h"
#include "db/filename.h"
#include "db/memtable_inserter.h"
#include "db/version_set.h"
#include "db/write_batch_internal.h"
#include "env/writable_file_writer.h"
#include "memtable/memtable.h"
#include "rocksdb/rate_limiter.h"
#include "rocksdb/statistics.h"
#include "rocksdb/write_buffer_manager.h"
#include "util/not_implemented.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

Status ReadOnlyError() {
  return Status::NotSupported("Not supported operation in read only mode.");
}

Status TimestampDisabled(ColumnFamilyHandle* column_family) {
  return Status::InvalidArgument("cannot call this method on column family " +
                                 column_family->GetName() +
                                 " that does not enable timestamp");
}

}  // namespace

// ---- Single-key writes: one-entry batches.

Status DBImpl::Put(const WriteOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   const Slice& value) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  WriteBatch batch(key.size() + value.size() + 24, 0,
                   options.protection_bytes_per_key, 0);
  s = batch.Put(key, value);
  if (!s.ok()) return s;
  return Write(options, &batch);
}

Status DBImpl::Put(const WriteOptions& /*options*/,
                   ColumnFamilyHandle* column_family, const Slice& /*key*/,
                   const Slice& /*ts*/, const Slice& /*value*/) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (column_family->GetComparator()->timestamp_size() == 0) {
    return TimestampDisabled(column_family);
  }
  return NotImplemented("DB::Put with user-defined timestamp");
}

Status DBImpl::Delete(const WriteOptions& options,
                      ColumnFamilyHandle* column_family, const Slice& key) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  WriteBatch batch(key.size() + 24, 0, options.protection_bytes_per_key, 0);
  s = batch.Delete(key);
  if (!s.ok()) return s;
  return Write(options, &batch);
}

Status DBImpl::Delete(const WriteOptions& /*options*/,
                      ColumnFamilyHandle* column_family, const Slice& /*key*/,
                      const Slice& /*ts*/) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (column_family->GetComparator()->timestamp_size() == 0) {
    return TimestampDisabled(column_family);
  }
  return NotImplemented("DB::Delete with user-defined timestamp");
}

Status DBImpl::SingleDelete(const WriteOptions& options,
                            ColumnFamilyHandle* column_family,
                            const Slice& key) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  WriteBatch batch(key.size() + 24, 0, options.protection_bytes_per_key, 0);
  s = batch.SingleDelete(key);
  if (!s.ok()) return s;
  return Write(options, &batch);
}

Status DBImpl::SingleDelete(const WriteOptions& /*options*/,
                            ColumnFamilyHandle* column_family,
                            const Slice& /*key*/, const Slice& /*ts*/) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (column_family->GetComparator()->timestamp_size() == 0) {
    return TimestampDisabled(column_family);
  }
  return NotImplemented("DB::SingleDelete with user-defined timestamp");
}

Status DBImpl::Merge(const WriteOptions& options,
                     ColumnFamilyHandle* column_family, const Slice& key,
                     const Slice& value) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (read_only_) return ReadOnlyError();
  if (cf_options_.merge_operator == nullptr) {
    return Status::NotSupported("Provide a merge_operator when opening DB");
  }
  WriteBatch batch(key.size() + value.size() + 24, 0,
                   options.protection_bytes_per_key, 0);
  s = batch.Merge(key, value);
  if (!s.ok()) return s;
  return Write(options, &batch);
}

Status DBImpl::Write(const WriteOptions& options, WriteBatch* updates) {
  return WriteImpl(options, updates);
}

// ---- The group commit.

Status DBImpl::WriteImpl(const WriteOptions& options, WriteBatch* batch) {
  if (batch == nullptr) {
    return Status::InvalidArgument("Batch is nullptr!");
  }
  if (read_only_) {
    return ReadOnlyError();
  }
  if (options.sync && options.disableWAL) {
    return Status::InvalidArgument("Sync writes has to enable WAL.");
  }
  if (options.protection_bytes_per_key != 0 &&
      options.protection_bytes_per_key != 8) {
    return Status::InvalidArgument(
        "`WriteOptions::protection_bytes_per_key` must be zero or eight");
  }

  WriteThread::Writer w(options, batch);
  const WriteThread::State state = write_thread_.JoinBatchGroup(&w);
  if (state == WriteThread::State::kCompleted) {
    return w.status;
  }
  if (state == WriteThread::State::kMemTableWriter) {
    // A parallel member: insert our own batch (unless the leader refused
    // it), then wait for the leader to publish the group.
    if (w.status.ok()) {
      std::shared_ptr<MemTableSet> tables = CurrentMemTables();
      w.status = InsertIntoMemTable(tables->mem, &w, true);
      if (!w.status.ok()) SetBackgroundError(w.status, false);
    }
    write_thread_.CompleteParallelMemTableWriter(&w);
    return w.status;
  }

  // Leader. Members refused by a write stall carry their own status and
  // take no further part.
  WriteThread::WriteGroup group;
  write_thread_.EnterAsBatchGroupLeader(&w, &group);
  Status s = PreprocessWrite(&group);
  SequenceNumber last = last_allocated_sequence_;
  size_t active = 0;
  if (s.ok()) {
    SequenceNumber next = last + 1;
    for (WriteThread::Writer* member : group.writers) {
      if (!member->status.ok()) continue;
      member->sequence = next;
      next += WriteBatchInternal::Count(member->batch);
      ++active;
    }
    last = next - 1;
    if (active == 0) {
      s = Status::Incomplete("Write stall");
    } else if (!group.disable_wal) {
      s = WriteGroupToWal(group);
      if (s.ok() && group.need_sync) {
        s = SyncAllWals();
      }
      if (!s.ok()) {
        SetBackgroundError(s);
      }
    }
  }
  if (s.ok() && group.disable_wal) {
    port::MutexLock l(&mutex_);
    has_unpersisted_data_ = true;
  }
  if (s.ok()) {
    // The numbers are used even if an insertion fails below (RocksDB too).
    last_allocated_sequence_ = last;
    std::shared_ptr<MemTableSet> tables = CurrentMemTables();
    const bool parallel =
        db_options_.allow_concurrent_memtable_write && group.writers.size() > 1;
    if (parallel) {
      write_thread_.LaunchParallelMemTableWriters(&group);
      if (w.status.ok()) {
        w.status = InsertIntoMemTable(tables->mem, &w, true);
        if (!w.status.ok()) SetBackgroundError(w.status, false);
      }
      write_thread_.WaitForMemTableWriters(&group);
    } else {
      for (WriteThread::Writer* member : group.writers) {
        if (!member->status.ok()) continue;
        member->status = InsertIntoMemTable(tables->mem, member, false);
        if (!member->status.ok()) SetBackgroundError(member->status, false);
      }
    }
    versions_->SetLastAllocatedSequence(last);
    versions_->SetLastPublishedSequence(last);
    last_sequence_.store(last, std::memory_order_release);
  }
  write_thread_.ExitAsBatchGroupLeader(&group, s);
  return w.status;
}

bool DBImpl::RefuseNoSlowdownWriters(WriteThread::WriteGroup* group) {
  bool all = true;
  for (WriteThread::Writer* member : group->writers) {
    if (member->no_slowdown) {
      member->status = Status::Incomplete("Write stall");
    } else {
      all = false;
    }
  }
  return all;
}

Status DBImpl::PreprocessWrite(WriteThread::WriteGroup* group) {
  Status s = GetBackgroundError();
  if (!s.ok()) return s;
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  if (!tables->mem->IsEmpty()) {
    FlushReason reason = FlushReason::kOthers;
    if (tables->mem->ShouldFlush()) {
      reason = FlushReason::kWriteBufferFull;
    } else if (write_buffer_manager_ != nullptr &&
               write_buffer_manager_->ShouldFlush()) {
      reason = FlushReason::kWriteBufferManager;
    }
    if (reason != FlushReason::kOthers) {
      s = SwitchMemTable(reason);
      if (!s.ok()) {
        SetBackgroundError(s);
        return s;
      }
    }
  }

  // Write stalls (RocksDB's): too many unflushed memtables stop writes;
  // one fewer (with more than three allowed) delays them. no_slowdown
  // writers are refused instead.
  WriteStallCondition stall;
  {
    port::MutexLock l(&mutex_);
    stall = write_stall_;
    if (stall != WriteStallCondition::kNormal &&
        RefuseNoSlowdownWriters(group)) {
      return Status::Incomplete("Write stall");
    }
    if (stall == WriteStallCondition::kStopped) {
      const uint64_t start = env_->NowMicros();
      while (write_stall_ == WriteStallCondition::kStopped && bg_error_.ok() &&
             !shutting_down_.load(std::memory_order_acquire)) {
        bg_cv_.Wait();
      }
      if (Statistics* stats = db_options_.statistics.get()) {
        stats->recordTick(STALL_MICROS, env_->NowMicros() - start);
      }
      if (!bg_error_.ok()) return bg_error_;
      if (shutting_down_.load(std::memory_order_acquire)) {
        return Status::ShutdownInProgress();
      }
      stall = write_stall_;
    }
  }
  if (stall == WriteStallCondition::kDelayed) {
    DelayWrite(group->total_bytes);
  }
  return Status::OK();
}

void DBImpl::DelayWrite(uint64_t bytes) {
  uint64_t rate = db_options_.delayed_write_rate;
  if (rate == 0) {
    rate = db_options_.rate_limiter != nullptr
               ? db_options_.rate_limiter->GetBytesPerSecond()
               : 16 << 20;
  }
  // Sleep in slices of at least a millisecond, owing what is left over.
  delay_debt_micros_ += static_cast<double>(bytes) * 1e6 / rate;
  if (delay_debt_micros_ >= 1000) {
    const uint64_t micros = static_cast<uint64_t>(delay_debt_micros_);
    delay_debt_micros_ = 0;
    env_->SleepForMicroseconds(
        static_cast<int>(std::min<uint64_t>(micros, 1000000)));
    if (Statistics* stats = db_options_.statistics.get()) {
      stats->recordTick(STALL_MICROS, micros);
    }
  }
}

WriteStallCondition DBImpl::GetWriteStallCondition() const {
  const int unflushed = static_cast<int>(memtables_->imm.size());
  const int limit = cf_options_.max_write_buffer_number;
  if (unflushed >= limit) return WriteStallCondition::kStopped;
  if (limit > 3 && unflushed >= limit - 1) return WriteStallCondition::kDelayed;
  return WriteStallCondition::kNormal;
}

void DBImpl::RecalculateWriteStall() {
  const WriteStallCondition now = GetWriteStallCondition();
  if (now == write_stall_) return;
  Logger* log = db_options_.info_log.get();
  const size_t imm = memtables_->imm.size();
  if (now == WriteStallCondition::kStopped) {
    Warn(log,
         "[%s] Stopping writes because we have %zu immutable memtables "
         "(waiting for flush), max_write_buffer_number is set to %d",
         kDefaultColumnFamilyName.c_str(), imm,
         cf_options_.max_write_buffer_number);
  } else if (now == WriteStallCondition::kDelayed) {
    Warn(log,
         "[%s] Stalling writes because we have %zu immutable memtables "
         "(waiting for flush), max_write_buffer_number is set to %d",
         kDefaultColumnFamilyName.c_str(), imm,
         cf_options_.max_write_buffer_number);
  }
  if (!db_options_.listeners.empty()) {
    WriteStallInfo info;
    info.cf_name = kDefaultColumnFamilyName;
    info.condition.cur = now;
    info.condition.prev = write_stall_;
    pending_stall_notifications_.push_back(info);
  }
  write_stall_ = now;
  bg_cv_.SignalAll();
}

void DBImpl::NotifyStallChanges() {
  std::vector<WriteStallInfo> infos;
  {
    port::MutexLock l(&mutex_);
    infos.swap(pending_stall_notifications_);
  }
  for (const WriteStallInfo& info : infos) {
    for (const auto& listener : db_options_.listeners) {
      listener->OnStallConditionsChanged(info);
    }
  }
}

Status DBImpl::InsertIntoMemTable(MemTable* mem, WriteThread::Writer* w,
                                  bool concurrent) {
  if (cf_options_.max_successive_merges == 0 || concurrent) {
    return MemTableInserter::Insert(w->batch, mem, w->sequence, concurrent,
                                    w->ignore_missing_column_families);
  }
  // max_successive_merges: a long run of operands is replaced by the value
  // a read sees at that point (through memtables and tables).
  MemTableMergeOptions merge_options;
  merge_options.max_successive_merges = cf_options_.max_successive_merges;
  merge_options.merge_operator = cf_options_.merge_operator.get();
  merge_options.info_log = db_options_.info_log.get();
  merge_options.get = [this](const Slice& key, SequenceNumber read_seq,
                             std::string* value) {
    std::shared_ptr<MemTableSet> mems;
    Version* current = nullptr;
    AcquireReadView(&mems, &current);
    PinnableSlice pinned;
    Status s =
        GetFromView(ReadOptions(), key, read_seq, *mems, current, &pinned);
    if (s.ok()) value->assign(pinned.data(), pinned.size());
    pinned.Reset();
    ReleaseReadView(current);
    return s;
  };
  return MemTableInserter::Insert(w->batch, mem, w->sequence, concurrent,
                                  w->ignore_missing_column_families,
                                  merge_options);
}

Status DBImpl::WriteGroupToWal(const WriteThread::WriteGroup& group) {
  std::vector<WriteThread::Writer*> members;
  for (WriteThread::Writer* member : group.writers) {
    if (member->status.ok()) members.push_back(member);
  }
  WriteBatch* leader_batch = members.front()->batch;
  Status s;
  if (members.size() == 1 &&
      leader_batch->GetWalTerminationPoint().is_cleared()) {
    WriteBatchInternal::SetSequence(leader_batch, members[0]->sequence);
    s = log_->AddRecord(WriteBatchInternal::Contents(leader_batch));
  } else {
    // One record for the whole group: the batches concatenated, with the
    // group's first sequence number and total count in the header.
    WriteBatch merged(group.total_bytes, 0, 0, 0);
    for (WriteThread::Writer* member : members) {
      s = WriteBatchInternal::Append(&merged, member->batch, true);
      if (!s.ok()) return s;
    }
    WriteBatchInternal::SetSequence(&merged, members[0]->sequence);
    s = log_->AddRecord(WriteBatchInternal::Contents(&merged));
  }
  if (s.ok()) {
    log_dirty_ = true;
    log_empty_ = false;
  }
  return s;
}

Status DBImpl::SyncAllWals() {
  // Older WALs: marked while synced without the mutex so that a flush
  // deleting obsolete WALs leaves them alone meanwhile.
  std::vector<log::Writer*> old;
  {
    port::MutexLock l(&mutex_);
    for (LiveWal& wal : old_wals_) {
      if (wal.writer != nullptr && !wal.getting_synced) {
        wal.getting_synced = true;
        old.push_back(wal.writer.get());
      }
    }
  }
  Status s;
  for (log::Writer* writer : old) {
    if (s.ok()) s = writer->WriteBuffer();
    if (s.ok()) s = writer->Sync(db_options_.use_fsync);
    if (s.ok()) s = writer->Close();
  }
  {
    port::MutexLock l(&mutex_);
    for (LiveWal& wal : old_wals_) {
      if (!wal.getting_synced) continue;
      wal.getting_synced = false;
      if (s.ok()) wal.writer.reset();
    }
  }
  if (!s.ok() || log_ == nullptr || !log_dirty_) {
    return s;
  }
  s = log_->WriteBuffer();
  if (s.ok()) s = log_->Sync(db_options_.use_fsync);
  if (s.ok()) log_dirty_ = false;
  return s;
}

Status DBImpl::CreateWal(uint64_t number, std::unique_ptr<log::Writer>* out) {
  const std::string fname = LogFileName(db_options_.wal_dir, number);
  FileOptions file_options(db_options_);
  // WALs are written through the buffered writer, never mmap or direct.
  file_options.use_mmap_writes = false;
  file_options.use_direct_writes = false;
  std::unique_ptr<FSWritableFile> file;
  IOStatus io = fs_->NewWritableFile(fname, file_options, &file, nullptr);
  if (!io.ok()) return io;
  // Like RocksDB, reserve the space the WAL of one memtable needs (1.1 x
  // write_buffer_size, within the DB-wide limits): a sync that does not
  // have to allocate blocks is much cheaper.
  uint64_t prealloc =
      cf_options_.write_buffer_size / 10 + cf_options_.write_buffer_size;
  if (db_options_.db_write_buffer_size > 0) {
    prealloc = std::min<uint64_t>(prealloc, db_options_.db_write_buffer_size);
  }
  if (db_options_.max_total_wal_size > 0) {
    prealloc = std::min<uint64_t>(prealloc, db_options_.max_total_wal_size);
  }
  file->SetPreallocationBlockSize(static_cast<size_t>(prealloc));
  file->PrepareWrite(0, 1, IOOptions(), nullptr);
  std::unique_ptr<WritableFileWriter> writer(
      new WritableFileWriter(std::move(file), fname, file_options));
  // RocksDB compresses WAL records with ZSTD only; other types mean none.
  const CompressionType compression =
      db_options_.wal_compression == kZSTD ? kZSTD : kNoCompression;
  out->reset(new log::Writer(std::move(writer), number,
                             db_options_.recycle_log_file_num > 0,
                             db_options_.manual_wal_flush, compression));
  // Make the new file's directory entry durable.
  FSDirectory* dir = wal_dir_ != nullptr ? wal_dir_.get() : db_dir_.get();
  if (dir != nullptr) {
    io = dir->Fsync(IOOptions(), nullptr);
  }
  return io;
}

Status DBImpl::SwitchMemTable(FlushReason reason) {
  // RocksDB keeps writing to the current WAL when nothing was written to
  // it yet; otherwise the next memtable starts a new one.
  std::unique_ptr<log::Writer> new_log;
  uint64_t new_number = log_number_;
  if (!log_empty_) {
    Status s = log_->WriteBuffer();
    if (!s.ok() && reason != FlushReason::kErrorRecovery) return s;
    // (After an error the old WAL may be broken: its memtable is about to
    // be flushed, so it is not needed any more.)
    new_number = versions_->NewFileNumber();
    s = CreateWal(new_number, &new_log);
    if (!s.ok()) return s;
  }
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  MemTable* full = tables->mem;
  if (!db_options_.listeners.empty()) {
    MemTableInfo info;
    info.cf_name = kDefaultColumnFamilyName;
    info.first_seqno = full->GetFirstSequenceNumber();
    info.earliest_seqno = full->GetEarliestSequenceNumber();
    info.num_entries = full->num_entries();
    info.num_deletes = full->num_deletes();
    for (const auto& listener : db_options_.listeners) {
      listener->OnMemTableSealed(info);
    }
  }
  MemTable* fresh = NewMemTable(last_allocated_sequence_);
  std::unique_ptr<log::Writer> closed_log;
  {
    port::MutexLock l(&mutex_);
    if (new_log != nullptr) {
      LiveWal old;
      old.number = log_number_;
      if (log_dirty_) {
        old.writer = std::move(log_);  // synced (and closed) later
      } else {
        closed_log = std::move(log_);  // nothing unsynced in it
      }
      old_wals_.push_back(std::move(old));
    }
    full->SetNextLogNumber(new_number);
    full->MarkImmutable();
    std::vector<MemTable*> imm;
    imm.push_back(full);
    imm.insert(imm.end(), memtables_->imm.begin(), memtables_->imm.end());
    InstallMemTablesLocked(fresh, imm);
    if (reason != FlushReason::kWriteBufferFull &&
        reason != FlushReason::kWriteBufferManager) {
      // A requested flush: record its reason and mark the memtable forced
      // in the same step, so the job MaybeScheduleFlush starts below
      // already reports this reason.
      pending_flush_reason_ = reason;
      force_flush_up_to_id_ = std::max(force_flush_up_to_id_, full->GetID());
    }
    RecalculateWriteStall();
    MaybeScheduleFlush();
  }
  if (closed_log != nullptr) {
    closed_log->Close().PermitUncheckedError();
  }
  if (new_log != nullptr) {
    log_ = std::move(new_log);
    log_number_ = new_number;
    log_dirty_ = false;
    log_empty_ = true;
  }
  NotifyStallChanges();
  return Status::OK();
}

MemTable* DBImpl::NewMemTable(SequenceNumber earliest_seq) {
  MemTableOptions options(cf_options_);
  options.info_log = db_options_.info_log.get();
  MemTable* mem =
      new MemTable(icmp_, options, write_buffer_manager_, earliest_seq);
  mem->SetID(next_memtable_id_++);
  return mem;
}

std::shared_ptr<MemTableSet> DBImpl::CurrentMemTables() const {
  port::MutexLock l(&mutex_);
  return memtables_;
}

void DBImpl::InstallMemTables(MemTable* mem,
                              const std::vector<MemTable*>& imm) {
  port::MutexLock l(&mutex_);
  InstallMemTablesLocked(mem, imm);
}

void DBImpl::InstallMemTablesLocked(MemTable* mem,
                                    const std::vector<MemTable*>& imm) {
  std::shared_ptr<MemTableSet> tables = std::make_shared<MemTableSet>();
  tables->mem = mem;
  mem->Ref();
  tables->imm = imm;
  for (MemTable* m : imm) m->Ref();
  memtables_ = std::move(tables);
  ++super_version_number_;
}

// ---- WAL control.

Status DBImpl::FlushWAL(bool sync) {
  if (read_only_) return ReadOnlyError();
  WriteThread::Writer w;
  write_thread_.EnterUnbatched(&w);
  Status s = log_ != nullptr ? log_->WriteBuffer() : Status::OK();
  if (s.ok() && sync) {
    s = SyncAllWals();
  }
  write_thread_.ExitUnbatched(&w);
  return s;
}

Status DBImpl::SyncWAL() {
  if (read_only_) return ReadOnlyError();
  // Syncing also hands buffered records (manual_wal_flush) to the file
  // first: syncing more than asked is harmless.
  return FlushWAL(true);
}

}  // namespace ROCKSDB_NAMESPACE
