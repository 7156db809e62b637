// Copyright (c) the rocksdb-cleanroom authors.
//
// Point reads: Get, MultiGet (vector and batched forms), KeyMayExist,
// snapshots. A read takes a read view (the memtable set and the current
// Version, one atomic step), then the sequence number it reads at (the
// snapshot's, or the latest published one), and asks
//   1. the active memtable, then the immutable ones, newest first;
//   2. if they leave the key undecided, the table files (Version::Get:
//      level 0 newest first, then one file per deeper level).
// Merge operands and the newest covering range tombstone carry over from
// one source to the next (GetContext continues where MemTable::Get
// stopped). Values found in a table may stay pinned in the block cache
// instead of being copied (PinnableSlice). See docs/db_read_path.md.
//
// Taking the view before the sequence number makes every read consistent:
// data newer than the view's memtables can only be missed if it was
// written after the view was taken, and then the read equals a read at
// that earlier moment.

#include "db/db_impl.h"
#include "db/table_cache.h"
#include "db/version_builder.h"
#include "memtable/memtable.h"
#include "memtable/merge_helper.h"
#include "rocksdb/statistics.h"
#include "rocksdb/system_clock.h"
#include "table/get_context.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

Status TimestampDisabled(ColumnFamilyHandle* column_family) {
  return Status::InvalidArgument("cannot call this method on column family " +
                                 column_family->GetName() +
                                 " that does not enable timestamp");
}

void Tick(Statistics* stats, Tickers ticker, uint64_t count = 1) {
  if (stats != nullptr && count > 0) stats->recordTick(ticker, count);
}

// Times one call into a histogram when statistics collect timers.
class HistogramTimer {
 public:
  HistogramTimer(Statistics* stats, SystemClock* clock, Histograms histogram)
      : stats_(stats != nullptr && clock != nullptr &&
                       stats->get_stats_level() > kExceptTimers
                   ? stats
                   : nullptr),
        clock_(clock),
        histogram_(histogram),
        start_(stats_ != nullptr ? clock->NowMicros() : 0) {}
  ~HistogramTimer() {
    if (stats_ != nullptr) {
      stats_->reportTimeToHistogram(histogram_, clock_->NowMicros() - start_);
    }
  }

 private:
  Statistics* const stats_;
  SystemClock* const clock_;
  const Histograms histogram_;
  const uint64_t start_;
};

}  // namespace

SequenceNumber DBImpl::ReadSequence(const ReadOptions& options) const {
  return options.snapshot != nullptr ? options.snapshot->GetSequenceNumber()
                                     : GetLatestSequenceNumber();
}

Status DBImpl::GetFromView(const ReadOptions& options, const Slice& key,
                           SequenceNumber seq, const MemTableSet& mems,
                           Version* current, PinnableSlice* value) {
  Statistics* stats = db_options_.statistics.get();
  if (value != nullptr) value->Reset();
  LookupKey lookup(key, seq);
  Status s;
  SequenceNumber max_covering_tombstone_seq = 0;
  std::vector<std::string> operands;
  std::string* mem_value = value != nullptr ? value->GetSelf() : nullptr;
  // ignore_range_deletions: no source raises the covering sequence, so it
  // stays 0 through the memtables and the tables (Version::Get passes ro on).
  const bool ignore_tombstones = options.ignore_range_deletions;
  bool done = mems.mem->Get(lookup, mem_value, &s, &max_covering_tombstone_seq,
                            nullptr, &operands, ignore_tombstones);
  for (size_t i = 0; !done && i < mems.imm.size(); ++i) {
    done = mems.imm[i]->Get(lookup, mem_value, &s, &max_covering_tombstone_seq,
                            nullptr, &operands, ignore_tombstones);
  }
  if (done) {
    Tick(stats, MEMTABLE_HIT);
    if (s.ok() && value != nullptr) value->PinSelf();
    return s;
  }
  Tick(stats, MEMTABLE_MISS);
  s = Status::OK();  // drop MergeInProgress: the tables continue the lookup
  if (current == nullptr) {
    if (operands.empty()) return Status::NotFound();
    s = FullMergeOperands(cf_options_.merge_operator.get(), key, nullptr,
                          operands, mem_value, db_options_.info_log.get());
    if (s.ok() && value != nullptr) value->PinSelf();
    return s;
  }
  GetContext context(
      cf_options_.comparator, cf_options_.merge_operator.get(),
      db_options_.info_log.get(), stats,
      operands.empty() ? GetContext::kNotFound : GetContext::kMerge, key, value,
      /*value_found=*/nullptr, &operands, &max_covering_tombstone_seq,
      env_->GetSystemClock().get());
  s = current->Get(options, lookup, &context, table_cache_.get(), cf_options_);
  if (!s.ok()) {
    if (value != nullptr) value->Reset();
    return s;
  }
  switch (context.State()) {
    case GetContext::kFound:
      return Status::OK();
    case GetContext::kNotFound:
    case GetContext::kDeleted:
      return Status::NotFound();
    case GetContext::kUnexpectedBlobIndex:
      return Status::NotSupported(
          "Encounter unexpected blob index. Please open DB with "
          "ROCKSDB_NAMESPACE::blob_db::BlobDB instead.");
    case GetContext::kCorrupt:
    case GetContext::kMerge:
    default:
      if (value != nullptr) value->Reset();
      return context.status().ok()
                 ? Status::Corruption("corrupted key for ", key.ToString(true))
                 : context.status();
  }
}

Status DBImpl::Get(const ReadOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   PinnableSlice* value) {
  return Get(options, column_family, key, value, nullptr);
}

Status DBImpl::Get(const ReadOptions& options,
                   ColumnFamilyHandle* column_family, const Slice& key,
                   PinnableSlice* value, std::string* timestamp) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  if (options.timestamp != nullptr &&
      column_family->GetComparator()->timestamp_size() == 0) {
    return TimestampDisabled(column_family);
  }
  if (timestamp != nullptr) timestamp->clear();
  Statistics* stats = db_options_.statistics.get();
  HistogramTimer timer(stats, env_->GetSystemClock().get(), DB_GET);
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
  AcquireReadView(&mems, &current);
  s = GetFromView(options, key, ReadSequence(options), *mems, current, value);
  ReleaseReadView(current);
  Tick(stats, NUMBER_KEYS_READ);
  if (s.ok() && value != nullptr) Tick(stats, BYTES_READ, value->size());
  return s;
}

Status DBImpl::GetMergeOperands(
    const ReadOptions& /*options*/, ColumnFamilyHandle* /*column_family*/,
    const Slice& /*key*/, PinnableSlice* /*merge_operands*/,
    GetMergeOperandsOptions* /*get_merge_operands_options*/,
    int* number_of_operands) {
  if (number_of_operands != nullptr) *number_of_operands = 0;
  return NotImplemented("DB::GetMergeOperands");
}

bool DBImpl::KeyMayExist(const ReadOptions& options,
                         ColumnFamilyHandle* column_family, const Slice& key,
                         std::string* value, std::string* timestamp,
                         bool* value_found) {
  // Answers from memory only: a table block that is not cached makes the
  // key "may exist" without a value.
  std::string scratch;
  std::string* out = value != nullptr ? value : &scratch;
  out->clear();
  if (value_found != nullptr) *value_found = true;
  ReadOptions memory_only = options;
  memory_only.read_tier = kBlockCacheTier;
  PinnableSlice pinnable(out);
  const Status s = Get(memory_only, column_family, key, &pinnable, timestamp);
  if (s.ok() && pinnable.IsPinned())
    out->assign(pinnable.data(), pinnable.size());
  if (s.IsIncomplete() && value_found != nullptr) *value_found = false;
  return s.ok() || s.IsIncomplete();
}

std::vector<Status> DBImpl::MultiGet(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_family,
    const std::vector<Slice>& keys, std::vector<std::string>* values) {
  return MultiGet(options, column_family, keys, values, nullptr);
}

std::vector<Status> DBImpl::MultiGet(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_family,
    const std::vector<Slice>& keys, std::vector<std::string>* values,
    std::vector<std::string>* timestamps) {
  const size_t n = keys.size();
  std::vector<Status> statuses(n);
  values->assign(n, std::string());
  if (timestamps != nullptr) timestamps->assign(n, std::string());
  std::vector<ColumnFamilyHandle*> cfs(n, nullptr);
  for (size_t i = 0; i < n && i < column_family.size(); ++i) {
    cfs[i] = column_family[i];
  }
  std::vector<PinnableSlice> pinnables;
  pinnables.reserve(n);
  for (size_t i = 0; i < n; ++i) pinnables.emplace_back(&(*values)[i]);
  MultiGetImpl(options, n, cfs.data(), keys.data(), pinnables.data(),
               statuses.data());
  for (size_t i = 0; i < n; ++i) {
    if (statuses[i].ok() && pinnables[i].IsPinned()) {
      (*values)[i].assign(pinnables[i].data(), pinnables[i].size());
    } else if (!statuses[i].ok()) {
      (*values)[i].clear();
    }
  }
  return statuses;
}

void DBImpl::MultiGet(const ReadOptions& options,
                      ColumnFamilyHandle* column_family, const size_t num_keys,
                      const Slice* keys, PinnableSlice* values,
                      Status* statuses, const bool /*sorted_input*/) {
  std::vector<ColumnFamilyHandle*> cfs(num_keys, column_family);
  MultiGetImpl(options, num_keys, cfs.data(), keys, values, statuses);
}

void DBImpl::MultiGet(const ReadOptions& options, const size_t num_keys,
                      ColumnFamilyHandle** column_families, const Slice* keys,
                      PinnableSlice* values, Status* statuses,
                      const bool /*sorted_input*/) {
  MultiGetImpl(options, num_keys, column_families, keys, values, statuses);
}

void DBImpl::MultiGetImpl(const ReadOptions& options, size_t num_keys,
                          ColumnFamilyHandle* const* column_families,
                          const Slice* keys, PinnableSlice* values,
                          Status* statuses) {
  Statistics* stats = db_options_.statistics.get();
  HistogramTimer timer(stats, env_->GetSystemClock().get(), DB_MULTIGET);
  // One view and one sequence number for every key.
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
  AcquireReadView(&mems, &current);
  const SequenceNumber seq = ReadSequence(options);
  uint64_t bytes_read = 0;
  uint64_t found = 0;
  for (size_t i = 0; i < num_keys; ++i) {
    ColumnFamilyHandle* cf = column_families[i];
    Status s = CheckColumnFamily(cf);
    if (s.ok() && options.timestamp != nullptr &&
        cf->GetComparator()->timestamp_size() == 0) {
      s = TimestampDisabled(cf);
    }
    if (s.ok()) {
      s = GetFromView(options, keys[i], seq, *mems, current, &values[i]);
    } else {
      values[i].Reset();
    }
    if (s.ok()) {
      bytes_read += values[i].size();
      ++found;
    }
    statuses[i] = s;
  }
  ReleaseReadView(current);
  Tick(stats, NUMBER_MULTIGET_CALLS);
  Tick(stats, NUMBER_MULTIGET_KEYS_READ, num_keys);
  Tick(stats, NUMBER_MULTIGET_BYTES_READ, bytes_read);
  Tick(stats, NUMBER_MULTIGET_KEYS_FOUND, found);
}

const Snapshot* DBImpl::GetSnapshot() {
  int64_t now = 0;
  env_->GetCurrentTime(&now).PermitUncheckedError();
  port::MutexLock l(&mutex_);
  const SnapshotImpl* snapshot =
      new SnapshotImpl(GetLatestSequenceNumber(), now);
  snapshots_.push_back(snapshot);
  return snapshot;
}

void DBImpl::ReleaseSnapshot(const Snapshot* snapshot) {
  if (snapshot == nullptr) return;
  port::MutexLock l(&mutex_);
  for (auto it = snapshots_.begin(); it != snapshots_.end(); ++it) {
    if (*it == snapshot) {
      snapshots_.erase(it);
      delete static_cast<const SnapshotImpl*>(snapshot);
      return;
    }
  }
}

}  // namespace ROCKSDB_NAMESPACE
