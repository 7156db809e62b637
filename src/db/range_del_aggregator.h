// Copyright (c) the rocksdb-cleanroom authors.
//
// RangeDelAggregator answers, for an iterator reading at one sequence
// number, "is this entry deleted by a range tombstone?". It gathers the
// tombstones of the memtables and of the table files the iterator reads
// (each source kept as a FragmentedRangeTombstoneList) and remembers its
// position in every source, so that a scan in key order costs amortized
// O(sources) per key, not a search.
//
// Usage (DBIter):
//   RangeDelAggregator agg(&icmp, read_seq);
//   agg.AddTombstones(std::unique_ptr<InternalIterator>(
//       mem->NewRangeTombstoneIterator()));           // each memtable
//   agg.AddTombstones(table_range_del_iter_or_list);  // each table file
//   ... if (agg.ShouldDelete(parsed_key, mode)) skip the entry ...
// Not thread-safe (one iterator, one thread).
#pragma once

#include <memory>
#include <vector>

#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "table/range_tombstone_fragmenter.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

// The direction the caller is moving in; a hint that keeps the cost per
// key constant for sequential access. Any order of keys gives correct
// answers.
enum class RangeDelPositioningMode {
  kForwardTraversal,
  kBackwardTraversal,
};

class RangeDelAggregator {
 public:
  // Tombstones with a sequence number above read_seq are ignored. icmp
  // must outlive the aggregator.
  RangeDelAggregator(const InternalKeyComparator* icmp,
                     SequenceNumber read_seq);
  ~RangeDelAggregator();

  RangeDelAggregator(const RangeDelAggregator&) = delete;
  RangeDelAggregator& operator=(const RangeDelAggregator&) = delete;

  // Adds the tombstones of one source in stored form (key: internal key
  // (begin, seq, kTypeRangeDeletion), value: end user key), e.g.
  // MemTable::NewRangeTombstoneIterator() or
  // TableReader::NewRangeTombstoneIterator(). The iterator is read fully
  // here and then destroyed. Null adds nothing. Returns the iterator's
  // error (or Corruption for an unparsable key); the tombstones read are
  // added anyway.
  // smallest/largest (may be null; copied): a table file's boundaries; the
  // tombstones then only delete keys inside [smallest, largest] by
  // internal key order (tombstones truncated to their file).
  // Both AddTombstones may be called between ShouldDelete calls (e.g. when
  // a level iterator opens a file lazily).
  Status AddTombstones(std::unique_ptr<InternalIterator> tombstones,
                       const InternalKey* smallest = nullptr,
                       const InternalKey* largest = nullptr);

  // The same with an already fragmented list (e.g. the one a table reader
  // caches). Null or empty lists add nothing.
  void AddTombstones(std::shared_ptr<const FragmentedRangeTombstoneList> list,
                     const InternalKey* smallest = nullptr,
                     const InternalKey* largest = nullptr);

  // True when a visible tombstone of any source covers key.user_key with a
  // sequence number above key.sequence.
  bool ShouldDelete(const ParsedInternalKey& key,
                    RangeDelPositioningMode mode =
                        RangeDelPositioningMode::kForwardTraversal);

  // True when no visible tombstone was added (ShouldDelete is always false).
  bool IsEmpty() const { return sources_.empty(); }

  SequenceNumber read_seq() const { return read_seq_; }

 private:
  struct Source;

  const InternalKeyComparator* icmp_;
  const SequenceNumber read_seq_;
  std::vector<std::unique_ptr<Source>> sources_;
};

}  // namespace ROCKSDB_NAMESPACE
