// Copyright (c) the rocksdb-cleanroom authors.
//
// WBWIIteratorImpl: a cursor (map node, record position) over one column
// family's index.

#include "utilities/wbwi_iterator.h"

#include <iterator>

namespace ROCKSDB_NAMESPACE {

void WBWIIteratorImpl::SetToLastOf(KeyRecordsMap::const_iterator node) {
  node_ = node;
  pos_ = node == family_->keys.end() ? 0 : node->second.size() - 1;
}

void WBWIIteratorImpl::SeekToFirst() {
  node_ = family_->keys.begin();
  pos_ = 0;
}

void WBWIIteratorImpl::SeekToLast() {
  if (family_->keys.empty()) {
    SetToLastOf(family_->keys.end());
  } else {
    SetToLastOf(std::prev(family_->keys.end()));
  }
}

void WBWIIteratorImpl::Seek(const Slice& key) {
  node_ = family_->keys.lower_bound(key);
  pos_ = 0;
}

void WBWIIteratorImpl::SeekForPrev(const Slice& key) {
  auto it = family_->keys.upper_bound(key);
  if (it == family_->keys.begin()) {
    SetToLastOf(family_->keys.end());
  } else {
    SetToLastOf(std::prev(it));
  }
}

void WBWIIteratorImpl::Next() {
  if (!Valid()) {
    return;
  }
  if (++pos_ >= node_->second.size()) {
    ++node_;
    pos_ = 0;
  }
}

void WBWIIteratorImpl::Prev() {
  if (!Valid()) {
    return;
  }
  if (pos_ > 0) {
    pos_--;
  } else if (node_ == family_->keys.begin()) {
    SetToLastOf(family_->keys.end());
  } else {
    SetToLastOf(std::prev(node_));
  }
}

WriteEntry WBWIIteratorImpl::Entry() const {
  WriteEntry entry;
  if (!Valid() ||
      !DecodeIndexedRecord(*batch_, node_->second[pos_].offset, &entry)) {
    return WriteEntry();
  }
  // The index's copy of the key, which stays put when the batch grows.
  entry.key = Slice(node_->first);
  return entry;
}

}  // namespace ROCKSDB_NAMESPACE
