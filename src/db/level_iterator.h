// Copyright (c) the rocksdb-cleanroom authors.
//
// LevelIterator: one InternalIterator over the table files of a level >= 1
// (sorted by smallest key, key ranges disjoint). Only the file under the
// cursor is open: moving past a file's last (or first) entry opens the next
// (previous) one through the TableCache. Moving forward the level ends at
// the first entry at or past iterate_upper_bound (as RocksDB's table
// iterators do); a file below iterate_lower_bound is not opened moving
// backward. Files rejected by ReadOptions::
// table_filter are passed over.
//
// Range tombstones: when given an aggregator, each file's tombstones are
// added to it (truncated to the file's boundaries) the first time the file
// is opened. A key a tombstone of this level covers is never returned by a
// merging iterator before the file holding the tombstone is opened, since
// that file's range starts at or before the key.
#pragma once

#include <vector>

#include "db/version_edit.h"
#include "rocksdb/options.h"
#include "table/table_reader_caller.h"
#include "util/dbformat.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

class Arena;
class RangeDelAggregator;
class TableCache;

class LevelIterator : public InternalIterator {
 public:
  // files: the level's files, which must stay alive (their Version
  // referenced) while the iterator lives. table_cache, cf, icmp and
  // range_del (may be null) must outlive it too. ro is copied (its bounds
  // point to the caller's Slices, which must outlive the iterator).
  LevelIterator(TableCache* table_cache, const ReadOptions& ro,
                const ColumnFamilyOptions& cf,
                const InternalKeyComparator& icmp,
                const std::vector<FileMetaData*>& files, int level,
                RangeDelAggregator* range_del,
                TableReaderCaller caller = TableReaderCaller::kUserIterator);
  ~LevelIterator() override;

  bool Valid() const override {
    return status_.ok() && !out_of_bound_ && file_iter_ != nullptr &&
           file_iter_->Valid();
  }
  void SeekToFirst() override;
  void SeekToLast() override;
  void Seek(const Slice& target) override;
  void SeekForPrev(const Slice& target) override;
  void Next() override;
  void Prev() override;
  Slice key() const override { return file_iter_->key(); }
  Slice value() const override { return file_iter_->value(); }
  Slice user_key() const override { return file_iter_->user_key(); }
  Status status() const override;

 private:
  // Index of the first file whose largest key is >= target (files_.size()
  // when none).
  size_t FindFile(const Slice& target) const;
  // Makes file i the current one (opening it unless it already is).
  // REQUIRES: i < files_.size().
  void OpenFile(size_t i);
  // Closes the current file; file i counts as the one just left (so that
  // skipping continues after / before it).
  void CloseFileAt(size_t i);
  // Opens file i when table_filter accepts it (true), else closes the
  // current file as CloseFileAt(i) (false).
  bool PositionAt(size_t i);
  // Whether file i may be read (table_filter).
  bool FileSelected(size_t i);
  // Moves to later (earlier) files until positioned on an entry, out of
  // files, past a bound, or on an error.
  void SkipEmptyFilesForward();
  void SkipEmptyFilesBackward();

  TableCache* const table_cache_;
  const ReadOptions ro_;
  const ColumnFamilyOptions& cf_;
  const InternalKeyComparator& icmp_;
  const std::vector<FileMetaData*>& files_;
  const int level_;
  RangeDelAggregator* const range_del_;
  const TableReaderCaller caller_;

  size_t file_index_;                      // files_.size() when no file is open
  InternalIterator* file_iter_ = nullptr;  // on the heap
  std::vector<bool> tombstones_added_;
  Status status_;  // an error that is not the current file iterator's
  // Moving forward, the current entry is at or past iterate_upper_bound:
  // the level ends there (as RocksDB's table iterators do).
  bool out_of_bound_ = false;
};

// Wraps a table iterator so that forward positioning (SeekToFirst, Seek,
// Next) stops at the first entry whose user key is >= *upper_bound, which
// then reads as !Valid() with an OK status, as RocksDB's block-based table
// iterators do. Backward positioning is not limited. Takes ownership of
// iter (in arena when iter_in_arena). Returns iter itself when upper_bound
// is null; with an arena the wrapper lives there. upper_bound and ucmp must
// outlive the result.
InternalIterator* NewUpperBoundedIterator(InternalIterator* iter,
                                          bool iter_in_arena,
                                          const Slice* upper_bound,
                                          const Comparator* ucmp, Arena* arena);

}  // namespace ROCKSDB_NAMESPACE
