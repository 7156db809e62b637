// Copyright (c) the rocksdb-cleanroom authors.
//
// DBImpl::NewIterator / NewIterators. An iterator reads one read view
// (memtables + Version, taken atomically) at one sequence number (the
// snapshot's, or the latest). Its internal iterator, built in the DBIter's
// arena, is
//
//   MergingIterator( active memtable, immutable memtables (newest first),
//                    one table iterator per level-0 file (newest first),
//                    one LevelIterator per non-empty level >= 1 )
//
// (table iterators stop at iterate_upper_bound, as RocksDB's do) and the
// range tombstones of the memtables and level-0 files go to a
// RangeDelAggregator up front; those of deeper levels are added as their
// LevelIterators open files. The view stays referenced until the internal
// iterator is destroyed (a cleanup registered on it gives it back).
// Refresh() builds a new source the same way at the latest sequence.

#include <memory>
#include <new>

#include "db/db_impl.h"
#include "db/db_iter.h"
#include "db/level_iterator.h"
#include "db/range_del_aggregator.h"
#include "db/table_cache.h"
#include "db/version_builder.h"
#include "memtable/memtable.h"
#include "rocksdb/iterator.h"
#include "rocksdb/statistics.h"
#include "table/merging_iterator.h"
#include "util/arena.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The read view an iterator holds; lives in the iterator's arena.
struct PinnedReadView {
  DBImpl* db;
  std::shared_ptr<MemTableSet> mems;
  Version* current;

  static void Release(void* arg, void* /*unused*/) {
    auto* view = static_cast<PinnedReadView*>(arg);
    view->db->ReleaseReadView(view->current);
    view->~PinnedReadView();  // drops the memtable references
  }
};

template <typename T, typename... Args>
T* NewInArena(Arena* arena, Args&&... args) {
  void* mem = arena->AllocateAligned(sizeof(T));
  return new (mem) T(std::forward<Args>(args)...);
}

// Whether table_filter lets the iterator read file f.
bool TableSelected(const ReadOptions& ro, TableCache* table_cache,
                   const ColumnFamilyOptions& cf,
                   const InternalKeyComparator& icmp, const FileMetaData& f) {
  if (!ro.table_filter) return true;
  std::shared_ptr<const TableProperties> props;
  Status s = table_cache->GetTableProperties(cf, icmp, f, &props, 0);
  // An unreadable file is read anyway, so that its error surfaces.
  return !s.ok() || props == nullptr || ro.table_filter(*props);
}

}  // namespace

// Builds the internal iterator over the DB's current state into *source.
// `options` must stay alive as long as the source (the DBIter keeps a copy
// for Refresh; level iterators copy it too).
static Status BuildIteratorSource(DBImpl* db, const ReadOptions& options,
                                  const ColumnFamilyOptions& cf,
                                  DBIterSource* source) {
  const InternalKeyComparator& icmp = db->internal_comparator();
  TableCache* table_cache = db->table_cache();

  source->arena.reset(new Arena());
  Arena* arena = source->arena.get();
  auto* view = NewInArena<PinnedReadView>(arena);
  view->db = db;
  db->AcquireReadView(&view->mems, &view->current);
  // After the view: everything in it is at or below this sequence.
  source->sequence = options.snapshot != nullptr
                         ? options.snapshot->GetSequenceNumber()
                         : db->GetLatestSequenceNumber();
  uint64_t version_number = 0;
  if (db->GetIntProperty(DB::Properties::kCurrentSuperVersionNumber,
                         &version_number)) {
    source->version_number = version_number;
  }

  RangeDelAggregator* range_del = nullptr;
  if (!options.ignore_range_deletions) {
    source->range_del.reset(new RangeDelAggregator(&icmp, source->sequence));
    range_del = source->range_del.get();
  }
  Status s;
  MergeIteratorBuilder builder(&icmp, arena);
  std::vector<MemTable*> mems;
  mems.push_back(view->mems->mem);
  mems.insert(mems.end(), view->mems->imm.begin(), view->mems->imm.end());
  for (MemTable* mem : mems) {
    builder.AddIterator(mem->NewIterator(arena));
    if (range_del != nullptr && mem->num_range_deletes() > 0) {
      Status t = range_del->AddTombstones(
          std::unique_ptr<InternalIterator>(mem->NewRangeTombstoneIterator()));
      if (s.ok()) s = t;
    }
  }
  Version* current = view->current;
  if (current != nullptr && table_cache != nullptr) {
    for (FileMetaData* f : current->files(0)) {
      if (!TableSelected(options, table_cache, cf, icmp, *f)) continue;
      InternalIterator* tombstones = nullptr;
      InternalIterator* table_iter = table_cache->NewIterator(
          options, cf, icmp, *f, arena, 0, TableReaderCaller::kUserIterator,
          range_del != nullptr ? &tombstones : nullptr);
      builder.AddIterator(NewUpperBoundedIterator(
          table_iter, /*iter_in_arena=*/true, options.iterate_upper_bound,
          icmp.user_comparator(), arena));
      if (tombstones != nullptr) {
        Status t = range_del->AddTombstones(
            std::unique_ptr<InternalIterator>(tombstones), &f->smallest,
            &f->largest);
        if (s.ok()) s = t;
      }
    }
    for (int level = 1; level < current->num_levels(); ++level) {
      if (current->files(level).empty()) continue;
      builder.AddIterator(
          NewInArena<LevelIterator>(arena, table_cache, options, cf, icmp,
                                    current->files(level), level, range_del));
    }
  }
  source->iter = builder.Finish();
  source->iter_in_arena = true;
  source->iter->RegisterCleanup(&PinnedReadView::Release, view, nullptr);
  return s;
}

Iterator* DBImpl::NewIterator(const ReadOptions& options,
                              ColumnFamilyHandle* column_family) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return NewErrorIterator(s);
  if (options.managed) {
    return NewErrorIterator(
        Status::NotSupported("Managed iterator is not supported anymore."));
  }
  if (options.read_tier == kPersistedTier) {
    return NewErrorIterator(Status::NotSupported(
        "ReadTier::kPersistedData is not yet supported in iterators."));
  }
  if (options.timestamp != nullptr &&
      column_family->GetComparator()->timestamp_size() == 0) {
    return NewErrorIterator(Status::InvalidArgument(
        "cannot call this method on column family " + column_family->GetName() +
        " that does not enable timestamp"));
  }
  if (options.tailing) {
    return NewErrorIterator(NotImplemented("DB::NewIterator(tailing)"));
  }

  const ColumnFamilyOptions& cf = default_cf_options();
  DBIterOptions iter_options;
  iter_options.user_comparator = icmp_.user_comparator();
  iter_options.merge_operator = cf.merge_operator.get();
  iter_options.prefix_extractor = cf.prefix_extractor.get();
  iter_options.info_log = db_options_.info_log.get();
  iter_options.statistics = db_options_.statistics.get();
  iter_options.max_sequential_skip_in_iterations =
      cf.max_sequential_skip_in_iterations;

  // The level iterators and Refresh use this copy; it lives as long as the
  // DBIter (captured by the refresh function).
  auto ro = std::make_shared<ReadOptions>(options);
  DBIterSource source;
  s = BuildIteratorSource(this, *ro, cf, &source);
  if (!s.ok()) return NewErrorIterator(s);
  DBIter::RefreshFunction refresh = [this, ro](DBIterSource* fresh) {
    if (ro->snapshot != nullptr) {
      return Status::NotSupported("Creating renew iterator is not allowed.");
    }
    return BuildIteratorSource(this, *ro, default_cf_options(), fresh);
  };
  if (iter_options.statistics != nullptr) {
    iter_options.statistics->recordTick(NO_ITERATOR_CREATED, 1);
  }
  return new DBIter(*ro, iter_options, std::move(source), std::move(refresh));
}

Status DBImpl::NewIterators(
    const ReadOptions& options,
    const std::vector<ColumnFamilyHandle*>& column_families,
    std::vector<Iterator*>* iterators) {
  iterators->clear();
  for (ColumnFamilyHandle* cf : column_families) {
    Status s = CheckColumnFamily(cf);
    if (!s.ok()) return s;
  }
  for (ColumnFamilyHandle* cf : column_families) {
    Iterator* it = NewIterator(options, cf);
    Status s = it->status();
    if (!s.ok()) {
      delete it;
      for (Iterator* done : *iterators) delete done;
      iterators->clear();
      return s;
    }
    iterators->push_back(it);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
