// Copyright (c) the rocksdb-cleanroom authors.
//
// Writing the memtables into a WAL: what stands in for RocksDB's flushes
// until table files exist. RocksDB flushes the recovered data at open and,
// at Close, the data written with disableWAL (which no WAL holds) unless
// avoid_flush_during_shutdown. Both become here:
//   1. collect the entries of every memtable (point entries and range
//      tombstones). Entries newer than `flushed_up_to` are what RocksDB
//      would flush now: of those, per memtable, keep what a flush without
//      snapshots keeps (FlushSurvivors). Older entries (RocksDB has them in
//      table files already) are kept as they are;
//   2. sort by sequence number and write each run of consecutive numbers
//      as one WriteBatch record (at most ~1 MiB) with its first number;
//   3. (the caller) sync, record the WAL as the MANIFEST's log number, and
//      delete the older WALs.
// A crash before step 3 leaves the old WALs in charge: the new WAL only
// repeats sequence numbers replay has already applied, which it skips.
//
// The last sequence number the MANIFEST records is what RocksDB records
// after such a flush (observed): the larger of the value it had and the
// newest entry kept, so writes whose entries cancelled out do not count.

#include <algorithm>

#include "db/db_impl.h"
#include "db/filename.h"
#include "db/version_set.h"
#include "db/wide_column_serialization.h"
#include "db/write_batch_internal.h"
#include "memtable/memtable.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

struct Entry {
  SequenceNumber seq;
  ValueType type;
  std::string key;
  std::string value;
};

void Collect(InternalIterator* iter, std::vector<Entry>* out) {
  for (iter->SeekToFirst(); iter->Valid(); iter->Next()) {
    ParsedInternalKey parsed;
    if (!ParseInternalKey(iter->key(), &parsed, false).ok()) continue;
    out->push_back(Entry{parsed.sequence, parsed.type,
                         parsed.user_key.ToString(), iter->value().ToString()});
  }
  delete iter;
}

// What a flush with no snapshot keeps of `entries` (range tombstones all;
// point entries per user key, newest first, see the file comment).
std::vector<Entry> FlushSurvivors(const Comparator* ucmp,
                                  std::vector<Entry> entries) {
  std::vector<Entry> kept;
  std::vector<Entry> points;
  for (Entry& e : entries) {
    (e.type == kTypeRangeDeletion ? kept : points).push_back(std::move(e));
  }
  std::sort(points.begin(), points.end(),
            [ucmp](const Entry& a, const Entry& b) {
              const int c = ucmp->Compare(a.key, b.key);
              return c != 0 ? c < 0 : a.seq > b.seq;
            });
  for (size_t i = 0; i < points.size();) {
    size_t end = i;
    while (end < points.size() &&
           ucmp->Compare(points[end].key, points[i].key) == 0) {
      ++end;
    }
    // Newest first. A SingleDelete meeting the Put below it removes both;
    // a SingleDelete meeting nothing (or a deletion) stays, even below a
    // newer version; any other entry stays only if nothing newer did (a
    // merge with its operands down to their base). Observed on RocksDB
    // 7.8.3's flush.
    bool newer_seen = false;
    for (size_t k = i; k < end;) {
      const ValueType type = points[k].type;
      if (type == kTypeSingleDeletion) {
        if (k + 1 < end && points[k + 1].type != kTypeDeletion &&
            points[k + 1].type != kTypeSingleDeletion) {
          k += 2;  // the pair cancels out
        } else {
          kept.push_back(std::move(points[k]));
          ++k;
        }
        newer_seen = true;
        continue;
      }
      if (!newer_seen) {
        size_t last = k;
        if (type == kTypeMerge) {
          while (last + 1 < end && points[last].type == kTypeMerge) ++last;
        }
        for (size_t m = k; m <= last; ++m) kept.push_back(std::move(points[m]));
        k = last + 1;
        newer_seen = true;
        continue;
      }
      ++k;  // hidden by a newer version
    }
    i = end;
  }
  return kept;
}

Status AppendEntry(WriteBatch* batch, const Entry& e) {
  switch (e.type) {
    case kTypeValue:
      return WriteBatchInternal::Put(batch, 0, e.key, e.value);
    case kTypeDeletion:
      return WriteBatchInternal::Delete(batch, 0, e.key);
    case kTypeSingleDeletion:
      return WriteBatchInternal::SingleDelete(batch, 0, e.key);
    case kTypeMerge:
      return WriteBatchInternal::Merge(batch, 0, e.key, e.value);
    case kTypeRangeDeletion:
      return WriteBatchInternal::DeleteRange(batch, 0, e.key, e.value);
    case kTypeBlobIndex:
      return WriteBatchInternal::PutBlobIndex(batch, 0, e.key, e.value);
    case kTypeWideColumnEntity: {
      WideColumns columns;
      Status s = WideColumnSerialization::Deserialize(e.value, &columns);
      if (!s.ok()) return s;
      return WriteBatchInternal::PutEntity(batch, 0, e.key, columns);
    }
    default:
      return Status::Corruption("unexpected memtable entry type");
  }
}

}  // namespace

Status DBImpl::WriteMemTablesToWal(log::Writer* wal,
                                   SequenceNumber flushed_up_to,
                                   SequenceNumber* newest_kept) {
  std::shared_ptr<MemTableSet> tables = CurrentMemTables();
  const Comparator* ucmp = icmp_.user_comparator();
  std::vector<Entry> entries;
  std::vector<MemTable*> all(tables->imm.rbegin(), tables->imm.rend());
  all.push_back(tables->mem);
  *newest_kept = 0;
  for (MemTable* m : all) {
    std::vector<Entry> mine, recent;
    Collect(m->NewIterator(), &mine);
    Collect(m->NewRangeTombstoneIterator(), &mine);
    for (Entry& e : mine) {
      (e.seq > flushed_up_to ? recent : entries).push_back(std::move(e));
    }
    for (Entry& e : FlushSurvivors(ucmp, std::move(recent))) {
      *newest_kept = std::max(*newest_kept, e.seq);
      entries.push_back(std::move(e));
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.seq < b.seq; });

  constexpr size_t kMaxBatchBytes = 1 << 20;
  Status s;
  for (size_t i = 0; s.ok() && i < entries.size();) {
    WriteBatch batch;
    WriteBatchInternal::SetSequence(&batch, entries[i].seq);
    size_t j = i;
    while (s.ok() && j < entries.size() &&
           entries[j].seq == entries[i].seq + (j - i) &&
           (j == i || batch.GetDataSize() < kMaxBatchBytes)) {
      s = AppendEntry(&batch, entries[j]);
      ++j;
    }
    if (s.ok()) s = wal->AddRecord(WriteBatchInternal::Contents(&batch));
    i = j;
  }
  return s;
}

Status DBImpl::PersistMemTablesToNewWal() {
  const uint64_t number = versions_->NewFileNumber();
  std::unique_ptr<log::Writer> wal;
  SequenceNumber newest_kept = 0;
  Status s = CreateWal(number, &wal);
  if (s.ok()) s = WriteMemTablesToWal(wal.get(), flushed_up_to_, &newest_kept);
  if (s.ok()) s = wal->Sync(db_options_.use_fsync);
  if (s.ok()) s = wal->Close();
  wal.reset();
  if (!s.ok()) {
    env_->DeleteFile(LogFileName(db_options_.wal_dir, number))
        .PermitUncheckedError();
    return s;
  }
  VersionEdit edit;
  edit.SetLogNumber(number);
  versions_->SetLastSequence(std::max(manifest_last_sequence_, newest_kept));
  {
    port::MutexLock l(&mutex_);
    s = versions_->LogAndApply(&edit, &mutex_, db_dir_.get());
  }
  if (!s.ok()) return s;
  std::vector<uint64_t> obsolete;
  for (const LiveWal& old : old_wals_) obsolete.push_back(old.number);
  obsolete.push_back(log_number_);
  // DeleteObsoleteFiles only removes WALs older than log_number_.
  log_number_ = number;
  DeleteObsoleteFiles(obsolete);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
