// Copyright (c) the rocksdb-cleanroom authors.
//
// The write path. A write joins the write thread (db/write_thread.h); the
// group leader then, holding the write path alone:
//   1. PreprocessWrite: fails fast on a sticky background error and
//      switches to a new memtable + WAL when the current one is full;
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
    // A parallel member: insert our own batch, then wait for the leader
    // to publish the group.
    std::shared_ptr<MemTableSet> tables = CurrentMemTables();
    w.status = InsertIntoMemTable(tables->mem, &w, true);
    if (!w.status.ok()) SetBackgroundError(w.status);
    write_thread_.CompleteParallelMemTableWriter(&w);
    return w.status;
  }

  // Leader.
  WriteThread::WriteGroup group;
  write_thread_.EnterAsBatchGroupLeader(&w, &group);
  Status s = PreprocessWrite(group);
  SequenceNumber last = last_allocated_sequence_;
  if (s.ok()) {
    SequenceNumber next = last + 1;
    for (WriteThread::Writer* member : group.writers) {
      member->sequence = next;
      next += WriteBatchInternal::Count(member->batch);
    }
    last = next - 1;
    if (!group.disable_wal) {
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
      w.status = InsertIntoMemTable(tables->mem, &w, true);
      if (!w.status.ok()) SetBackgroundError(w.status);
      write_thread_.WaitForMemTableWriters(&group);
    } else {
      for (WriteThread::Writer* member : group.writers) {
        member->status = InsertIntoMemTable(tables->mem, member, false);
        if (!member->status.ok()) SetBackgroundError(member->status);
      }
    }
    versions_->SetLastSequence(last);
    versions_->SetLastAllocatedSequence(last);
    versions_->SetLastPublishedSequence(last);
    last_sequence_.store(last, std::memory_order_release);
  }
  write_thread_.ExitAsBatchGroupLeader(&group, s);
  return w.status;
}

Status DBImpl::PreprocessWrite(const WriteThread::WriteGroup& /*group*/) {
  Status s = GetBackgroundError();
  if (!s.ok()) return s;
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  bool switch_needed = !tables->mem->IsEmpty() && tables->mem->ShouldFlush();
  if (!switch_needed && write_buffer_manager_ != nullptr &&
      write_buffer_manager_->ShouldFlush() && !tables->mem->IsEmpty()) {
    switch_needed = true;
  }
  if (switch_needed) {
    s = SwitchMemTable();
    if (!s.ok()) SetBackgroundError(s);
  }
  return s;
}

Status DBImpl::InsertIntoMemTable(MemTable* mem, WriteThread::Writer* w,
                                  bool concurrent) {
  return MemTableInserter::Insert(w->batch, mem, w->sequence, concurrent,
                                  w->ignore_missing_column_families);
}

Status DBImpl::WriteGroupToWal(const WriteThread::WriteGroup& group) {
  WriteBatch* leader_batch = group.writers.front()->batch;
  Status s;
  if (group.writers.size() == 1 &&
      leader_batch->GetWalTerminationPoint().is_cleared()) {
    WriteBatchInternal::SetSequence(leader_batch, group.writers[0]->sequence);
    s = log_->AddRecord(WriteBatchInternal::Contents(leader_batch));
  } else {
    // One record for the whole group: the batches concatenated, with the
    // group's first sequence number and total count in the header.
    WriteBatch merged(group.total_bytes, 0, 0, 0);
    for (WriteThread::Writer* member : group.writers) {
      s = WriteBatchInternal::Append(&merged, member->batch, true);
      if (!s.ok()) return s;
    }
    WriteBatchInternal::SetSequence(&merged, group.writers[0]->sequence);
    s = log_->AddRecord(WriteBatchInternal::Contents(&merged));
  }
  if (s.ok()) {
    log_dirty_ = true;
  }
  return s;
}

Status DBImpl::SyncAllWals() {
  for (LiveWal& wal : old_wals_) {
    if (wal.writer == nullptr) continue;
    Status s = wal.writer->WriteBuffer();
    if (s.ok()) s = wal.writer->Sync(db_options_.use_fsync);
    if (s.ok()) s = wal.writer->Close();
    if (!s.ok()) return s;
    wal.writer.reset();
  }
  if (log_ == nullptr || !log_dirty_) {
    return Status::OK();
  }
  Status s = log_->WriteBuffer();
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

Status DBImpl::SwitchMemTable() {
  const uint64_t new_number = versions_->NewFileNumber();
  std::unique_ptr<log::Writer> new_log;
  Status s = log_->WriteBuffer();
  if (s.ok()) {
    s = CreateWal(new_number, &new_log);
  }
  if (!s.ok()) return s;
  LiveWal old;
  old.number = log_number_;
  if (log_dirty_) {
    old.writer = std::move(log_);
  } else {
    log_->Close().PermitUncheckedError();  // nothing unsynced in it
  }
  old_wals_.push_back(std::move(old));
  log_ = std::move(new_log);
  log_number_ = new_number;
  log_dirty_ = false;
  // RocksDB would flush the full memtable now, recording this sequence.
  flushed_up_to_ = last_allocated_sequence_;
  manifest_last_sequence_ = last_allocated_sequence_;

  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  MemTable* full = tables->mem;
  full->SetNextLogNumber(new_number);
  full->MarkImmutable();
  std::vector<MemTable*> imm;
  imm.push_back(full);
  imm.insert(imm.end(), tables->imm.begin(), tables->imm.end());
  InstallMemTables(NewMemTable(last_allocated_sequence_ + 1), imm);
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
  std::shared_ptr<MemTableSet> tables = std::make_shared<MemTableSet>();
  tables->mem = mem;
  mem->Ref();
  tables->imm = imm;
  for (MemTable* m : imm) m->Ref();
  port::MutexLock l(&mutex_);
  memtables_ = std::move(tables);
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
