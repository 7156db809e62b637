// Copyright (c) the rocksdb-cleanroom authors.
//
// BuildTable. Steps:
//   1. fragment the range tombstones (all memtables together);
//   2. tell the listeners, create the file, start the TableFactory's
//      builder;
//   3. add the surviving point entries (FlushIterator), then one tombstone
//      per fragment and snapshot stripe (the newest of each stripe);
//   4. Finish, Sync, Close; fill in the FileMetaData;
//   5. on failure or an empty table, delete the file; tell the listeners.

#include "db/builder.h"

#include <algorithm>
#include <memory>

#include "db/filename.h"
#include "db/flush_iterator.h"
#include "env/writable_file_writer.h"
#include "rocksdb/table.h"
#include "table/merging_iterator.h"
#include "table/range_tombstone_fragmenter.h"
#include "table/table_builder.h"

namespace ROCKSDB_NAMESPACE {

namespace {

std::unique_ptr<FragmentedRangeTombstoneList> FragmentTombstones(
    std::vector<std::unique_ptr<InternalIterator>> iters,
    const InternalKeyComparator& icmp) {
  if (iters.empty()) return nullptr;
  std::vector<InternalIterator*> raw;
  for (auto& it : iters) raw.push_back(it.release());
  std::unique_ptr<InternalIterator> merged(
      NewMergingIterator(&icmp, raw.data(), static_cast<int>(raw.size())));
  return std::unique_ptr<FragmentedRangeTombstoneList>(
      new FragmentedRangeTombstoneList(merged.get(), icmp));
}

// Adds the tombstones a flush keeps: per fragment, the newest sequence
// number of each snapshot stripe. Widens meta's boundaries.
void AddTombstones(const FragmentedRangeTombstoneList& list,
                   const std::vector<SequenceNumber>& snapshots,
                   const InternalKeyComparator& icmp, TableBuilder* builder,
                   FileMetaData* meta, uint64_t* count) {
  const std::vector<SequenceNumber>& seqs = list.seqs();
  for (const auto& frag : list.fragments()) {
    size_t last_stripe = static_cast<size_t>(-1);
    for (size_t i = frag.seq_start_idx; i < frag.seq_end_idx; ++i) {
      const SequenceNumber seq = seqs[i];  // largest first
      const size_t stripe = FlushIterator::StripeOf(snapshots, seq);
      if (stripe == last_stripe) continue;
      last_stripe = stripe;
      InternalKey start(frag.start_key, seq, kTypeRangeDeletion);
      builder->Add(start.Encode(), frag.end_key);
      ++*count;
      // The end key is exclusive: the sentinel (end, max seq) bounds it.
      InternalKey end(frag.end_key, kMaxSequenceNumber, kTypeRangeDeletion);
      if (meta->smallest.size() == 0 ||
          icmp.Compare(start, meta->smallest) < 0) {
        meta->smallest = start;
      }
      if (meta->largest.size() == 0 || icmp.Compare(end, meta->largest) > 0) {
        meta->largest = end;
      }
      meta->smallest_seqno = std::min(meta->smallest_seqno, seq);
      meta->largest_seqno = std::max(meta->largest_seqno, seq);
    }
  }
}

void NotifyStarted(const TableBuildOptions& o, const std::string& fname) {
  if (o.db_options->listeners.empty()) return;
  TableFileCreationBriefInfo info;
  info.db_name = o.dbname;
  info.cf_name = o.column_family_name;
  info.file_path = fname;
  info.job_id = o.job_id;
  info.reason = o.reason;
  for (const auto& listener : o.db_options->listeners) {
    listener->OnTableFileCreationStarted(info);
  }
}

void NotifyCreated(const TableBuildOptions& o, const std::string& fname,
                   const FileMetaData& meta, const TableProperties& props,
                   const Status& s) {
  if (o.db_options->listeners.empty()) return;
  TableFileCreationInfo info{TableProperties(props)};
  info.db_name = o.dbname;
  info.cf_name = o.column_family_name;
  info.file_path = fname;
  info.job_id = o.job_id;
  info.reason = o.reason;
  info.file_size = s.ok() ? meta.file_size : 0;
  info.status = s;
  info.file_checksum = meta.file_checksum;
  info.file_checksum_func_name = meta.file_checksum_func_name;
  for (const auto& listener : o.db_options->listeners) {
    listener->OnTableFileCreated(info);
  }
}

}  // namespace

Status BuildTable(const TableBuildOptions& o, InternalIterator* iter,
                  std::vector<std::unique_ptr<InternalIterator>> range_dels,
                  FileMetaData* meta, TableProperties* props,
                  TableBuildStats* stats) {
  TableBuildStats local_stats;
  if (stats == nullptr) stats = &local_stats;
  *stats = TableBuildStats();
  const std::string fname = TableFileName(o.dbname, meta->number);
  meta->file_size = 0;
  meta->smallest.Clear();
  meta->largest.Clear();
  meta->smallest_seqno = kMaxSequenceNumber;
  meta->largest_seqno = 0;

  std::unique_ptr<FragmentedRangeTombstoneList> tombstones =
      FragmentTombstones(std::move(range_dels), *o.icmp);
  Status s = tombstones != nullptr ? tombstones->status() : Status::OK();
  NotifyStarted(o, fname);

  FileOptions file_options(*o.db_options);
  file_options.use_direct_writes =
      o.db_options->use_direct_io_for_flush_and_compaction;
  std::unique_ptr<FSWritableFile> file;
  if (s.ok()) {
    s = o.fs->NewWritableFile(fname, file_options, &file, nullptr);
  }
  TableProperties table_props;
  if (!s.ok()) {
    NotifyCreated(o, fname, *meta, table_props, s);
    return s;
  }
  file->SetIOPriority(o.io_priority);
  file->SetWriteLifeTimeHint(Env::WLTH_SHORT);
  WritableFileWriter writer(std::move(file), fname, file_options,
                            o.db_options->file_checksum_gen_factory.get());

  TableBuilderOptions tbo;
  tbo.internal_comparator = o.icmp;
  tbo.cf_options = o.cf_options;
  tbo.db_options = o.db_options;
  tbo.compression_type = o.compression;
  tbo.compression_opts = o.compression_opts;
  tbo.column_family_id = o.column_family_id;
  tbo.column_family_name = o.column_family_name;
  tbo.level_at_creation = 0;
  tbo.creation_time = o.creation_time;
  tbo.oldest_key_time = o.oldest_key_time;
  tbo.file_creation_time = o.file_creation_time;
  tbo.db_id = o.db_id;
  tbo.db_session_id = o.db_session_id;
  tbo.db_host_id = o.db_options->db_host_id;
  tbo.cur_file_num = meta->number;
  tbo.reason = o.reason;
  std::unique_ptr<TableBuilder> builder(
      o.cf_options->table_factory->NewTableBuilder(tbo, &writer));

  FlushIterator entries(iter, *o.icmp, o.cf_options->merge_operator.get(),
                        o.snapshots, tombstones.get(),
                        o.db_options->info_log.get());
  for (entries.SeekToFirst(); entries.Valid(); entries.Next()) {
    const Slice key = entries.key();
    if (meta->smallest.size() == 0) meta->smallest.DecodeFrom(key);
    meta->largest.DecodeFrom(key);
    const SequenceNumber seq = ExtractSequenceNumber(key);
    meta->smallest_seqno = std::min(meta->smallest_seqno, seq);
    meta->largest_seqno = std::max(meta->largest_seqno, seq);
    builder->Add(key, entries.value());
  }
  s = entries.status();
  stats->num_input_entries = entries.num_input_entries();
  stats->num_output_entries = entries.num_output_entries();
  if (s.ok() && tombstones != nullptr) {
    AddTombstones(*tombstones, o.snapshots, *o.icmp, builder.get(), meta,
                  &stats->num_range_deletions);
  }
  if (s.ok()) s = builder->status();

  const bool empty = builder->IsEmpty();
  if (s.ok() && !empty) {
    s = builder->Finish();
    table_props = builder->GetTableProperties();
    meta->file_size = builder->FileSize();
  } else {
    builder->Abandon();
  }
  builder.reset();
  if (s.ok() && !empty) {
    s = writer.Sync(o.db_options->use_fsync);
  }
  Status close = writer.Close();
  if (s.ok()) s = close;
  if (s.ok() && !empty) {
    meta->file_checksum = writer.GetFileChecksum();
    meta->file_checksum_func_name = writer.GetFileChecksumFuncName();
    meta->file_creation_time = o.file_creation_time;
    meta->oldest_ancester_time = o.oldest_key_time;
  }
  if (!s.ok() || empty) {
    // An empty table is not kept; a failed one is garbage.
    o.fs->DeleteFile(fname, IOOptions(), nullptr).PermitUncheckedError();
    meta->file_size = 0;
  }
  if (!s.ok()) {
    meta->smallest.Clear();
    meta->largest.Clear();
  }
  if (props != nullptr) *props = table_props;
  NotifyCreated(o, fname, *meta, table_props, s);
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
