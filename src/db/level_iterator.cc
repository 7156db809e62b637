// Copyright (c) the rocksdb-cleanroom authors.
//
// LevelIterator: a binary search over the files' largest keys picks the
// file for a seek; the file's own iterator does the rest. Moving off either
// end of a file opens its neighbour (the previous file iterator is
// destroyed, which releases its table).
//
// UpperBoundedIterator: RocksDB's block-based table iterator stops moving
// forward at iterate_upper_bound (it reports !Valid() there); the merging
// iterator, and so the DB iterator, then never meets those entries, which
// shows in max_skippable_internal_keys and the internal-key property. Our
// table iterators do not know the bound, so level-0 tables are wrapped and
// LevelIterator checks it itself.
#include "db/level_iterator.h"

#include <memory>
#include <new>

#include "db/range_del_aggregator.h"
#include "db/table_cache.h"
#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {

LevelIterator::LevelIterator(TableCache* table_cache, const ReadOptions& ro,
                             const ColumnFamilyOptions& cf,
                             const InternalKeyComparator& icmp,
                             const std::vector<FileMetaData*>& files, int level,
                             RangeDelAggregator* range_del,
                             TableReaderCaller caller)
    : table_cache_(table_cache),
      ro_(ro),
      cf_(cf),
      icmp_(icmp),
      files_(files),
      level_(level),
      range_del_(range_del),
      caller_(caller),
      file_index_(files.size()),
      tombstones_added_(files.size(), false) {}

LevelIterator::~LevelIterator() { delete file_iter_; }

Status LevelIterator::status() const {
  if (!status_.ok()) return status_;
  return file_iter_ != nullptr ? file_iter_->status() : Status::OK();
}

size_t LevelIterator::FindFile(const Slice& target) const {
  size_t lo = 0;
  size_t hi = files_.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (icmp_.Compare(files_[mid]->largest.Encode(), target) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

bool LevelIterator::FileSelected(size_t i) {
  if (!ro_.table_filter) return true;
  std::shared_ptr<const TableProperties> props;
  Status s =
      table_cache_->GetTableProperties(cf_, icmp_, *files_[i], &props, level_);
  if (!s.ok()) {
    status_ = s;
    return false;
  }
  return props == nullptr || ro_.table_filter(*props);
}

void LevelIterator::CloseFileAt(size_t i) {
  delete file_iter_;
  file_iter_ = nullptr;
  file_index_ = i;
}

bool LevelIterator::PositionAt(size_t i) {
  if (!FileSelected(i)) {
    CloseFileAt(i);
    return false;
  }
  OpenFile(i);
  return true;
}

void LevelIterator::OpenFile(size_t i) {
  if (i == file_index_ && file_iter_ != nullptr) return;
  CloseFileAt(i);
  const FileMetaData& meta = *files_[i];
  InternalIterator* tombstones = nullptr;
  const bool want_tombstones = range_del_ != nullptr && !tombstones_added_[i];
  file_iter_ = table_cache_->NewIterator(
      ro_, cf_, icmp_, meta, /*arena=*/nullptr, level_, caller_,
      want_tombstones ? &tombstones : nullptr);
  if (want_tombstones && file_iter_->status().ok()) {
    tombstones_added_[i] = true;
    if (tombstones != nullptr) {
      Status s = range_del_->AddTombstones(
          std::unique_ptr<InternalIterator>(tombstones), &meta.smallest,
          &meta.largest);
      if (!s.ok()) status_ = s;
    }
  } else {
    delete tombstones;
  }
}

void LevelIterator::SeekToFirst() {
  status_ = Status::OK();
  if (files_.empty()) return;
  if (PositionAt(0)) file_iter_->SeekToFirst();
  SkipEmptyFilesForward();
}

void LevelIterator::SeekToLast() {
  status_ = Status::OK();
  if (files_.empty()) return;
  const size_t last = files_.size() - 1;
  if (PositionAt(last)) file_iter_->SeekToLast();
  SkipEmptyFilesBackward();
}

void LevelIterator::Seek(const Slice& target) {
  status_ = Status::OK();
  out_of_bound_ = false;
  const size_t i = FindFile(target);
  if (i >= files_.size()) {
    CloseFileAt(files_.size());
    return;
  }
  if (PositionAt(i)) file_iter_->Seek(target);
  SkipEmptyFilesForward();
}

void LevelIterator::SeekForPrev(const Slice& target) {
  status_ = Status::OK();
  out_of_bound_ = false;
  size_t i = FindFile(target);
  // The last file starting at or before target.
  if (i >= files_.size() ||
      icmp_.Compare(files_[i]->smallest.Encode(), target) > 0) {
    if (i == 0) {
      CloseFileAt(files_.size());
      return;
    }
    --i;
  }
  if (PositionAt(i)) file_iter_->SeekForPrev(target);
  SkipEmptyFilesBackward();
}

void LevelIterator::Next() {
  file_iter_->Next();
  SkipEmptyFilesForward();
}

void LevelIterator::Prev() {
  file_iter_->Prev();
  SkipEmptyFilesBackward();
}

// file_index_ names the file just left (its iterator may be closed when it
// was filtered out).
void LevelIterator::SkipEmptyFilesForward() {
  out_of_bound_ = false;
  while (status_.ok() && (file_iter_ == nullptr || !file_iter_->Valid())) {
    if (file_iter_ != nullptr && !file_iter_->status().ok()) return;
    const size_t next = file_index_ + 1;
    if (next >= files_.size()) return;
    const FileMetaData& meta = *files_[next];
    if (ro_.iterate_upper_bound != nullptr &&
        icmp_.user_comparator()->Compare(meta.smallest.user_key(),
                                         *ro_.iterate_upper_bound) >= 0) {
      return;
    }
    if (!PositionAt(next)) continue;
    file_iter_->SeekToFirst();
  }
  // Like a block-based table iterator: forward, stop at the upper bound.
  out_of_bound_ = file_iter_ != nullptr && file_iter_->Valid() &&
                  ro_.iterate_upper_bound != nullptr &&
                  icmp_.user_comparator()->Compare(
                      file_iter_->user_key(), *ro_.iterate_upper_bound) >= 0;
}

void LevelIterator::SkipEmptyFilesBackward() {
  out_of_bound_ = false;
  while (status_.ok() && (file_iter_ == nullptr || !file_iter_->Valid())) {
    if (file_iter_ != nullptr && !file_iter_->status().ok()) return;
    if (file_index_ == 0 || file_index_ >= files_.size()) return;
    const size_t prev = file_index_ - 1;
    const FileMetaData& meta = *files_[prev];
    if (ro_.iterate_lower_bound != nullptr &&
        icmp_.user_comparator()->Compare(meta.largest.user_key(),
                                         *ro_.iterate_lower_bound) < 0) {
      return;
    }
    if (!PositionAt(prev)) continue;
    file_iter_->SeekToLast();
  }
}

namespace {

class UpperBoundedIterator : public InternalIterator {
 public:
  UpperBoundedIterator(InternalIterator* iter, bool iter_in_arena,
                       const Slice* upper_bound, const Comparator* ucmp)
      : iter_(iter),
        iter_in_arena_(iter_in_arena),
        upper_bound_(upper_bound),
        ucmp_(ucmp) {}
  ~UpperBoundedIterator() override {
    DestroyInternalIterator(iter_, iter_in_arena_);
  }

  bool Valid() const override { return !out_of_bound_ && iter_->Valid(); }
  void SeekToFirst() override {
    iter_->SeekToFirst();
    CheckBound();
  }
  void SeekToLast() override {
    iter_->SeekToLast();
    out_of_bound_ = false;
  }
  void Seek(const Slice& target) override {
    iter_->Seek(target);
    CheckBound();
  }
  void SeekForPrev(const Slice& target) override {
    iter_->SeekForPrev(target);
    out_of_bound_ = false;
  }
  void Next() override {
    iter_->Next();
    CheckBound();
  }
  void Prev() override {
    iter_->Prev();
    out_of_bound_ = false;
  }
  Slice key() const override { return iter_->key(); }
  Slice value() const override { return iter_->value(); }
  Slice user_key() const override { return iter_->user_key(); }
  Status status() const override { return iter_->status(); }

 private:
  void CheckBound() {
    out_of_bound_ =
        iter_->Valid() && ucmp_->Compare(iter_->user_key(), *upper_bound_) >= 0;
  }

  InternalIterator* const iter_;
  const bool iter_in_arena_;
  const Slice* const upper_bound_;
  const Comparator* const ucmp_;
  bool out_of_bound_ = false;
};

}  // namespace

InternalIterator* NewUpperBoundedIterator(InternalIterator* iter,
                                          bool iter_in_arena,
                                          const Slice* upper_bound,
                                          const Comparator* ucmp,
                                          Arena* arena) {
  if (upper_bound == nullptr) return iter;
  if (arena == nullptr) {
    return new UpperBoundedIterator(iter, iter_in_arena, upper_bound, ucmp);
  }
  void* mem = arena->AllocateAligned(sizeof(UpperBoundedIterator));
  return new (mem) UpperBoundedIterator(iter, iter_in_arena, upper_bound, ucmp);
}

}  // namespace ROCKSDB_NAMESPACE
