// Copyright (c) the rocksdb-cleanroom authors.
//
// Each source keeps a cursor: the index of the first fragment whose end is
// after the last key asked about (so the fragment covering that key, if
// any). A new key first tries a few steps from the cursor, in the
// direction the caller moves, and falls back to a binary search; so scans
// cost O(1) per source and key, and seeks O(log fragments).
#include "db/range_del_aggregator.h"

#include <cstdint>
#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

// Steps tried from the cursor before a binary search.
constexpr int kMaxLinearSteps = 4;

}  // namespace

struct RangeDelAggregator::Source {
  std::shared_ptr<const FragmentedRangeTombstoneList> list;
  const Comparator* ucmp;
  // Optional file boundaries (owned copies, parsed forms point into them).
  bool bounded = false;
  InternalKey smallest;
  InternalKey largest;
  ParsedInternalKey smallest_parsed;
  ParsedInternalKey largest_parsed;
  bool has_smallest = false;
  bool has_largest = false;
  // Cursor (see the top of the file) and the visible seq of its fragment.
  size_t pos = 0;
  size_t cached_pos = SIZE_MAX;
  SequenceNumber cached_seq = 0;

  // end(i) > key: fragment i ends after key.
  bool EndsAfter(size_t i, const Slice& key) const {
    return ucmp->Compare(list->fragments()[i].end_key, key) > 0;
  }

  // True when pos is the first fragment ending after key.
  bool CursorFits(size_t p, const Slice& key) const {
    const size_t n = list->fragments().size();
    return (p == n || EndsAfter(p, key)) && (p == 0 || !EndsAfter(p - 1, key));
  }

  void Locate(const Slice& key, RangeDelPositioningMode mode) {
    const size_t n = list->fragments().size();
    size_t p = pos;
    if (mode == RangeDelPositioningMode::kForwardTraversal) {
      for (int i = 0; i < kMaxLinearSteps && p < n && !EndsAfter(p, key); ++i) {
        ++p;
      }
    } else {
      for (int i = 0; i < kMaxLinearSteps && p > 0 && EndsAfter(p - 1, key);
           ++i) {
        --p;
      }
    }
    pos = CursorFits(p, key) ? p : list->FindFragment(key);
  }

  bool InFile(const InternalKeyComparator& icmp,
              const ParsedInternalKey& key) const {
    if (has_smallest && icmp.Compare(smallest_parsed, key) > 0) return false;
    if (has_largest && icmp.Compare(key, largest_parsed) > 0) return false;
    return true;
  }
};

RangeDelAggregator::RangeDelAggregator(const InternalKeyComparator* icmp,
                                       SequenceNumber read_seq)
    : icmp_(icmp), read_seq_(read_seq) {}

RangeDelAggregator::~RangeDelAggregator() = default;

Status RangeDelAggregator::AddTombstones(
    std::unique_ptr<InternalIterator> tombstones, const InternalKey* smallest,
    const InternalKey* largest) {
  if (tombstones == nullptr) return Status::OK();
  auto list = std::make_shared<const FragmentedRangeTombstoneList>(
      tombstones.get(), *icmp_);
  tombstones.reset();
  Status s = list->status();
  AddTombstones(std::move(list), smallest, largest);
  return s;
}

void RangeDelAggregator::AddTombstones(
    std::shared_ptr<const FragmentedRangeTombstoneList> list,
    const InternalKey* smallest, const InternalKey* largest) {
  // A list whose every tombstone is newer than the read can delete nothing.
  if (list == nullptr || list->empty() || list->min_seq() > read_seq_) return;
  std::unique_ptr<Source> src(new Source);
  src->list = std::move(list);
  src->ucmp = icmp_->user_comparator();
  if (smallest != nullptr && !smallest->empty()) {
    src->smallest = *smallest;
    src->has_smallest =
        ParseInternalKey(src->smallest.Encode(), &src->smallest_parsed, false)
            .ok();
  }
  if (largest != nullptr && !largest->empty()) {
    src->largest = *largest;
    src->has_largest =
        ParseInternalKey(src->largest.Encode(), &src->largest_parsed, false)
            .ok();
  }
  src->bounded = src->has_smallest || src->has_largest;
  sources_.push_back(std::move(src));
}

bool RangeDelAggregator::ShouldDelete(const ParsedInternalKey& key,
                                      RangeDelPositioningMode mode) {
  for (const std::unique_ptr<Source>& src : sources_) {
    // Only a tombstone newer than the key can delete it.
    if (src->list->max_seq() <= key.sequence) continue;
    src->Locate(key.user_key, mode);
    const size_t p = src->pos;
    if (p == src->list->fragments().size() ||
        src->ucmp->Compare(src->list->fragments()[p].start_key, key.user_key) >
            0) {
      continue;  // key lies in a gap
    }
    if (src->cached_pos != p) {
      src->cached_pos = p;
      src->cached_seq = src->list->MaxVisibleSeq(p, read_seq_);
    }
    if (src->cached_seq > key.sequence &&
        (!src->bounded || src->InFile(*icmp_, key))) {
      return true;
    }
  }
  return false;
}

}  // namespace ROCKSDB_NAMESPACE
