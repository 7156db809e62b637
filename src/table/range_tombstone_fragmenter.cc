// Copyright (c) the rocksdb-cleanroom authors.
//
// Fragmenting range tombstones: a sweep over the sorted begin/end points.
// Between two consecutive points the set of covering tombstones is
// constant; each such interval with a non-empty set becomes a fragment
// whose sequence numbers are that set, largest first (duplicates dropped).
#include "table/range_tombstone_fragmenter.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <set>
#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

struct RawTombstone {
  std::string begin;
  std::string end;
  SequenceNumber seq;
};

}  // namespace

FragmentedRangeTombstoneList::FragmentedRangeTombstoneList(
    InternalIterator* unfragmented, const InternalKeyComparator& icmp)
    : ucmp_(icmp.user_comparator()) {
  if (unfragmented == nullptr) return;
  std::vector<RawTombstone> raw;
  for (unfragmented->SeekToFirst(); unfragmented->Valid();
       unfragmented->Next()) {
    ParsedInternalKey parsed;
    Status s = ParseInternalKey(unfragmented->key(), &parsed, false);
    if (!s.ok()) {
      if (status_.ok()) status_ = s;
      continue;
    }
    ++num_unfragmented_;
    const Slice end = unfragmented->value();
    if (ucmp_->Compare(parsed.user_key, end) >= 0) continue;  // empty range
    raw.push_back(
        {parsed.user_key.ToString(), end.ToString(), parsed.sequence});
  }
  if (status_.ok()) status_ = unfragmented->status();
  if (raw.empty()) return;

  const Comparator* ucmp = ucmp_;
  auto less = [ucmp](const std::string& a, const std::string& b) {
    return ucmp->Compare(a, b) < 0;
  };
  std::sort(raw.begin(), raw.end(),
            [&](const RawTombstone& a, const RawTombstone& b) {
              return less(a.begin, b.begin);
            });
  // Boundary points, sorted and distinct (they point into raw, which
  // does not move from here on).
  std::vector<const std::string*> points;
  points.reserve(raw.size() * 2);
  for (const RawTombstone& t : raw) {
    points.push_back(&t.begin);
    points.push_back(&t.end);
  }
  std::sort(
      points.begin(), points.end(),
      [&](const std::string* a, const std::string* b) { return less(*a, *b); });
  points.erase(std::unique(points.begin(), points.end(),
                           [ucmp](const std::string* a, const std::string* b) {
                             return ucmp->Compare(*a, *b) == 0;
                           }),
               points.end());

  // Active tombstones: their seqs (a multiset) and, to retire them, a
  // min-heap by end key.
  std::multiset<SequenceNumber, std::greater<SequenceNumber>> active;
  auto end_after = [&](const RawTombstone* a, const RawTombstone* b) {
    return less(b->end, a->end);
  };
  std::priority_queue<const RawTombstone*, std::vector<const RawTombstone*>,
                      decltype(end_after)>
      by_end(end_after);
  size_t next = 0;
  max_seq_ = 0;
  min_seq_ = kMaxSequenceNumber;
  for (size_t p = 0; p + 1 < points.size(); ++p) {
    const std::string& point = *points[p];
    while (!by_end.empty() && ucmp_->Compare(by_end.top()->end, point) <= 0) {
      active.erase(active.find(by_end.top()->seq));
      by_end.pop();
    }
    while (next < raw.size() && ucmp_->Compare(raw[next].begin, point) <= 0) {
      active.insert(raw[next].seq);
      by_end.push(&raw[next]);
      max_seq_ = std::max(max_seq_, raw[next].seq);
      min_seq_ = std::min(min_seq_, raw[next].seq);
      ++next;
    }
    if (active.empty()) continue;
    Fragment f;
    if (keys_.empty() || ucmp_->Compare(keys_.back(), point) != 0) {
      keys_.push_back(point);
    }
    f.start_key = keys_.back();
    keys_.push_back(*points[p + 1]);
    f.end_key = keys_.back();
    f.seq_start_idx = seqs_.size();
    for (SequenceNumber s : active) {
      if (seqs_.size() == f.seq_start_idx || seqs_.back() != s) {
        seqs_.push_back(s);
      }
    }
    f.seq_end_idx = seqs_.size();
    fragments_.push_back(f);
  }
}

size_t FragmentedRangeTombstoneList::FindFragment(const Slice& user_key) const {
  const Comparator* ucmp = ucmp_;
  auto it = std::upper_bound(fragments_.begin(), fragments_.end(), user_key,
                             [ucmp](const Slice& key, const Fragment& f) {
                               return ucmp->Compare(key, f.end_key) < 0;
                             });
  return static_cast<size_t>(it - fragments_.begin());
}

bool FragmentedRangeTombstoneList::Contains(size_t i,
                                            const Slice& user_key) const {
  const Fragment& f = fragments_[i];
  return ucmp_->Compare(f.start_key, user_key) <= 0 &&
         ucmp_->Compare(user_key, f.end_key) < 0;
}

SequenceNumber FragmentedRangeTombstoneList::MaxVisibleSeq(
    size_t i, SequenceNumber read_seq) const {
  const Fragment& f = fragments_[i];
  auto first = seqs_.begin() + f.seq_start_idx;
  auto last = seqs_.begin() + f.seq_end_idx;
  // Largest first: the first element <= read_seq is the answer.
  auto it =
      std::lower_bound(first, last, read_seq, std::greater<SequenceNumber>());
  return it == last ? 0 : *it;
}

SequenceNumber FragmentedRangeTombstoneList::MaxCoveringTombstoneSeqnum(
    const Slice& user_key, SequenceNumber read_seq) const {
  if (fragments_.empty() || read_seq < min_seq_) return 0;
  const size_t i = FindFragment(user_key);
  if (i == fragments_.size() ||
      ucmp_->Compare(fragments_[i].start_key, user_key) > 0) {
    return 0;
  }
  return MaxVisibleSeq(i, read_seq);
}

FragmentedRangeTombstoneIterator::FragmentedRangeTombstoneIterator(
    std::shared_ptr<const FragmentedRangeTombstoneList> list,
    const InternalKeyComparator& icmp, SequenceNumber upper_bound,
    SequenceNumber lower_bound)
    : list_(std::move(list)),
      icmp_(&icmp),
      upper_bound_(upper_bound),
      lower_bound_(lower_bound),
      frag_(list_->fragments().size()),
      seq_idx_(0) {}

bool FragmentedRangeTombstoneIterator::InBounds(SequenceNumber s) const {
  return s >= lower_bound_ && s <= upper_bound_;
}

bool FragmentedRangeTombstoneIterator::Valid() const {
  return frag_ < list_->fragments().size();
}

void FragmentedRangeTombstoneIterator::SkipInvisibleForward() {
  const auto& frags = list_->fragments();
  const auto& seqs = list_->seqs();
  while (frag_ < frags.size()) {
    if (seq_idx_ >= frags[frag_].seq_end_idx) {
      if (++frag_ < frags.size()) seq_idx_ = frags[frag_].seq_start_idx;
    } else if (InBounds(seqs[seq_idx_])) {
      break;
    } else {
      ++seq_idx_;
    }
  }
  SetKey();
}

void FragmentedRangeTombstoneIterator::SkipInvisibleBackward() {
  const auto& frags = list_->fragments();
  const auto& seqs = list_->seqs();
  while (frag_ < frags.size() && !InBounds(seqs[seq_idx_])) {
    if (seq_idx_ > frags[frag_].seq_start_idx) {
      --seq_idx_;
    } else if (frag_ == 0) {
      frag_ = frags.size();
    } else {
      --frag_;
      seq_idx_ = frags[frag_].seq_end_idx - 1;
    }
  }
  SetKey();
}

void FragmentedRangeTombstoneIterator::SetKey() {
  key_.clear();
  if (!Valid()) return;
  AppendInternalKey(&key_,
                    ParsedInternalKey(start_key(), seq(), kTypeRangeDeletion));
}

void FragmentedRangeTombstoneIterator::SeekToFirst() {
  frag_ = 0;
  if (!list_->empty()) seq_idx_ = list_->fragments()[0].seq_start_idx;
  SkipInvisibleForward();
}

void FragmentedRangeTombstoneIterator::SeekToLast() {
  const auto& frags = list_->fragments();
  frag_ = frags.empty() ? 0 : frags.size() - 1;
  if (!frags.empty()) seq_idx_ = frags.back().seq_end_idx - 1;
  SkipInvisibleBackward();
}

// Entries of one fragment share the user key; among them, entry e is
// >= target iff its tag is <= the target's tag (tags sort descending).
void FragmentedRangeTombstoneIterator::Seek(const Slice& target) {
  const auto& frags = list_->fragments();
  const Comparator* ucmp = list_->user_comparator();
  const Slice target_user = ExtractUserKey(target);
  const uint64_t target_tag = ExtractInternalKeyFooter(target);
  auto it = std::lower_bound(
      frags.begin(), frags.end(), target_user,
      [ucmp](const FragmentedRangeTombstoneList::Fragment& f,
             const Slice& key) { return ucmp->Compare(f.start_key, key) < 0; });
  frag_ = static_cast<size_t>(it - frags.begin());
  if (frag_ < frags.size()) {
    seq_idx_ = it->seq_start_idx;
    if (ucmp->Compare(it->start_key, target_user) == 0) {
      const auto& seqs = list_->seqs();
      while (seq_idx_ < it->seq_end_idx &&
             PackSequenceAndType(seqs[seq_idx_], kTypeRangeDeletion) >
                 target_tag) {
        ++seq_idx_;
      }
    }
  }
  SkipInvisibleForward();
}

void FragmentedRangeTombstoneIterator::SeekForPrev(const Slice& target) {
  const auto& frags = list_->fragments();
  const Comparator* ucmp = list_->user_comparator();
  const Slice target_user = ExtractUserKey(target);
  const uint64_t target_tag = ExtractInternalKeyFooter(target);
  auto it =
      std::upper_bound(frags.begin(), frags.end(), target_user,
                       [ucmp](const Slice& key,
                              const FragmentedRangeTombstoneList::Fragment& f) {
                         return ucmp->Compare(key, f.start_key) < 0;
                       });
  if (it == frags.begin()) {
    frag_ = frags.size();
    SetKey();
    return;
  }
  --it;
  frag_ = static_cast<size_t>(it - frags.begin());
  seq_idx_ = it->seq_end_idx - 1;
  if (ucmp->Compare(it->start_key, target_user) == 0) {
    // Keep only entries whose tag is >= the target's.
    const auto& seqs = list_->seqs();
    size_t n = it->seq_start_idx;
    while (n < it->seq_end_idx &&
           PackSequenceAndType(seqs[n], kTypeRangeDeletion) >= target_tag) {
      ++n;
    }
    if (n == it->seq_start_idx) {
      // Nothing of this fragment is <= target: go to the previous one.
      if (frag_ == 0) {
        frag_ = frags.size();
        SetKey();
        return;
      }
      --frag_;
      seq_idx_ = frags[frag_].seq_end_idx - 1;
    } else {
      seq_idx_ = n - 1;
    }
  }
  SkipInvisibleBackward();
}

void FragmentedRangeTombstoneIterator::Next() {
  ++seq_idx_;
  SkipInvisibleForward();
}

void FragmentedRangeTombstoneIterator::Prev() {
  const auto& frags = list_->fragments();
  if (seq_idx_ > frags[frag_].seq_start_idx) {
    --seq_idx_;
  } else if (frag_ == 0) {
    frag_ = frags.size();
  } else {
    --frag_;
    seq_idx_ = frags[frag_].seq_end_idx - 1;
  }
  SkipInvisibleBackward();
}

Slice FragmentedRangeTombstoneIterator::key() const { return key_; }

Slice FragmentedRangeTombstoneIterator::value() const { return end_key(); }

Slice FragmentedRangeTombstoneIterator::user_key() const { return start_key(); }

Slice FragmentedRangeTombstoneIterator::start_key() const {
  return list_->fragments()[frag_].start_key;
}

Slice FragmentedRangeTombstoneIterator::end_key() const {
  return list_->fragments()[frag_].end_key;
}

SequenceNumber FragmentedRangeTombstoneIterator::seq() const {
  return list_->seqs()[seq_idx_];
}

SequenceNumber FragmentedRangeTombstoneIterator::MaxCoveringTombstoneSeqnum(
    const Slice& user_key) const {
  const size_t i = list_->FindFragment(user_key);
  if (i == list_->fragments().size() || !list_->Contains(i, user_key)) {
    return 0;
  }
  const auto& f = list_->fragments()[i];
  for (size_t j = f.seq_start_idx; j < f.seq_end_idx; ++j) {
    if (InBounds(list_->seqs()[j])) return list_->seqs()[j];
  }
  return 0;
}

SequenceNumber MaxCoveringTombstoneSeqnum(InternalIterator* tombstones,
                                          const InternalKeyComparator& icmp,
                                          const Slice& user_key,
                                          SequenceNumber read_seq) {
  if (tombstones == nullptr) return 0;
  const Comparator* ucmp = icmp.user_comparator();
  SequenceNumber result = 0;
  // The stored order is not relied upon: every tombstone is looked at.
  for (tombstones->SeekToFirst(); tombstones->Valid(); tombstones->Next()) {
    const Slice key = tombstones->key();
    if (key.size() < kNumInternalBytes) continue;
    const SequenceNumber seq = ExtractSequenceNumber(key);
    if (seq > read_seq || seq <= result) continue;
    if (ucmp->Compare(ExtractUserKey(key), user_key) <= 0 &&
        ucmp->Compare(user_key, tombstones->value()) < 0) {
      result = seq;
    }
  }
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
