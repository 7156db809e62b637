// Copyright (c) the rocksdb-cleanroom authors.
//
// Version::Get: the table-file half of a point lookup.
//
//   level 0   files may overlap; they are kept newest first, so every file
//             whose [smallest, largest] user-key range holds the key is
//             asked in that order.
//   level n   files are disjoint and sorted: a binary search on the largest
//             keys finds the only file that can hold the lookup key (its
//             right neighbour too when a user key straddles the boundary).
//
// Each file is asked through the TableCache with the GetContext the
// memtables started, so pending merge operands and the newest covering
// range tombstone carry over from source to source. A file whose entries
// are all older than a covering tombstone met so far is skipped unread.
// With ReadOptions::ignore_range_deletions the table readers leave the
// covering sequence alone (it stays 0), so no entry is hidden by one.

#include <vector>

#include "db/table_cache.h"
#include "db/version_builder.h"
#include "rocksdb/options.h"
#include "rocksdb/statistics.h"
#include "table/get_context.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Index of the first file whose largest key is >= ikey; files.size() when
// none. REQUIRES: files sorted and disjoint (levels >= 1).
size_t FindFile(const InternalKeyComparator& icmp,
                const std::vector<FileMetaData*>& files, const Slice& ikey) {
  size_t lo = 0;
  size_t hi = files.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (icmp.Compare(files[mid]->largest.Encode(), ikey) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

Tickers HitTicker(int level) {
  return level == 0 ? GET_HIT_L0 : level == 1 ? GET_HIT_L1 : GET_HIT_L2_AND_UP;
}

}  // namespace

Status Version::Get(const ReadOptions& ro, const LookupKey& key,
                    GetContext* get_context, TableCache* table_cache,
                    const ColumnFamilyOptions& cf) const {
  if (icmp_ == nullptr) {
    return Status::NotSupported(
        "Version::Get: column family comparator unknown");
  }
  const Comparator* ucmp = icmp_->user_comparator();
  const Slice user_key = key.user_key();
  const Slice ikey = key.internal_key();

  // Asks one file; true when the lookup is decided (or failed: *s).
  auto search = [&](const FileMetaData* f, int level, Status* s) {
    if (f->largest_seqno < *get_context->max_covering_tombstone_seq()) {
      return false;  // every entry of the key here is range-deleted
    }
    *s = table_cache->Get(ro, cf, *icmp_, *f, ikey, get_context, level);
    if (!s->ok()) return true;
    switch (get_context->State()) {
      case GetContext::kNotFound:
      case GetContext::kMerge:
        return false;
      case GetContext::kFound:
        if (get_context->statistics() != nullptr) {
          get_context->statistics()->recordTick(HitTicker(level), 1);
        }
        return true;
      default:
        return true;
    }
  };

  Status s;
  for (int level = 0; level < num_levels(); ++level) {
    const std::vector<FileMetaData*>& files = files_[level];
    if (files.empty()) continue;
    if (level == 0) {
      for (const FileMetaData* f : files) {
        if (ucmp->Compare(user_key, f->smallest.user_key()) < 0 ||
            ucmp->Compare(user_key, f->largest.user_key()) > 0) {
          continue;
        }
        if (search(f, level, &s)) return s;
      }
      continue;
    }
    for (size_t i = FindFile(*icmp_, files, ikey); i < files.size(); ++i) {
      const FileMetaData* f = files[i];
      if (ucmp->Compare(user_key, f->smallest.user_key()) < 0) break;
      if (search(f, level, &s)) return s;
      // Older entries of the key continue in the next file only when this
      // one ends with the key.
      if (ucmp->Compare(f->largest.user_key(), user_key) != 0) break;
    }
  }
  // Operands with no base value below them: merge over nothing. (A key
  // left kNotFound is absent, or deleted by a covering tombstone.)
  get_context->FinishMerge();
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
