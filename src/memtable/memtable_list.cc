// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableList and its versions: copy-on-write lists of memtable pointers,
// each version holding one reference per memtable.
#include "memtable/memtable_list.h"

#include <algorithm>

namespace ROCKSDB_NAMESPACE {

MemTableListVersion* MemTableListVersion::WithReferences(
    const std::vector<MemTable*>& list) {
  MemTableListVersion* v = new MemTableListVersion();
  v->memlist_ = list;
  for (MemTable* m : list) {
    m->Ref();
  }
  return v;
}

void MemTableListVersion::Unref() {
  if (refs_.fetch_sub(1, std::memory_order_acq_rel) != 1) {
    return;
  }
  for (MemTable* m : memlist_) {
    if (m->Unref()) {
      delete m;
    }
  }
  delete this;
}

bool MemTableListVersion::Get(const LookupKey& key, std::string* value,
                              Status* s,
                              SequenceNumber* max_covering_tombstone_seq,
                              SequenceNumber* seq,
                              std::vector<std::string>* merge_operands) const {
  for (MemTable* m : memlist_) {
    if (m->Get(key, value, s, max_covering_tombstone_seq, seq,
               merge_operands)) {
      return true;
    }
  }
  return false;
}

void MemTableListVersion::AddIterators(
    Arena* arena, std::vector<InternalIterator*>* iterators) const {
  for (MemTable* m : memlist_) {
    iterators->push_back(m->NewIterator(arena));
  }
}

void MemTableListVersion::AddRangeTombstoneIterators(
    Arena* arena, std::vector<InternalIterator*>* iterators) const {
  for (MemTable* m : memlist_) {
    iterators->push_back(m->NewRangeTombstoneIterator(arena));
  }
}

uint64_t MemTableListVersion::GetTotalNumEntries() const {
  uint64_t total = 0;
  for (MemTable* m : memlist_) total += m->num_entries();
  return total;
}

uint64_t MemTableListVersion::GetTotalNumDeletes() const {
  uint64_t total = 0;
  for (MemTable* m : memlist_) total += m->num_deletes();
  return total;
}

size_t MemTableListVersion::ApproximateMemoryUsage() const {
  size_t total = 0;
  for (MemTable* m : memlist_) total += m->ApproximateMemoryUsage();
  return total;
}

SequenceNumber MemTableListVersion::GetEarliestSequenceNumber() const {
  SequenceNumber earliest = kMaxSequenceNumber;
  for (MemTable* m : memlist_) {
    earliest = std::min(earliest, m->GetEarliestSequenceNumber());
  }
  return earliest;
}

MemTableList::MemTableList(int min_write_buffer_number_to_merge)
    : min_write_buffer_number_to_merge_(
          std::max(1, min_write_buffer_number_to_merge)),
      current_(new MemTableListVersion()) {
  current_->Ref();
}

MemTableList::~MemTableList() { current_->Unref(); }

void MemTableList::InstallVersion(MemTableListVersion* v) {
  v->Ref();
  MemTableListVersion* old = current_;
  current_ = v;
  old->Unref();
}

void MemTableList::Add(MemTable* m) {
  m->MarkImmutable();
  MemTableListVersion* v =
      MemTableListVersion::WithReferences(current_->memlist_);
  // The caller's reference moves into the new version.
  v->memlist_.insert(v->memlist_.begin(), m);
  InstallVersion(v);
  ++num_not_flushed_;
}

bool MemTableList::IsFlushPending() const {
  int waiting = 0;
  for (MemTable* m : current_->memlist_) {
    if (!m->IsFlushInProgress() && !m->IsFlushCompleted()) {
      ++waiting;
    }
  }
  return waiting > 0 && waiting >= min_write_buffer_number_to_merge_;
}

size_t MemTableList::ApproximateMemoryUsage() const {
  return current_->ApproximateMemoryUsage();
}

size_t MemTableList::ApproximateUnflushedMemoryUsage() const {
  size_t total = 0;
  for (MemTable* m : current_->memlist_) {
    if (!m->IsFlushCompleted()) total += m->ApproximateMemoryUsage();
  }
  return total;
}

void MemTableList::PickMemtablesToFlush(std::vector<MemTable*>* mems) {
  const std::vector<MemTable*>& list = current_->memlist_;
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    MemTable* m = *it;
    if (!m->IsFlushInProgress() && !m->IsFlushCompleted()) {
      m->SetFlushInProgress(true);
      mems->push_back(m);
    }
  }
}

void MemTableList::RollbackMemtableFlush(const std::vector<MemTable*>& mems) {
  for (MemTable* m : mems) {
    m->SetFlushInProgress(false);
  }
}

void MemTableList::RemoveFlushed(const std::vector<MemTable*>& mems) {
  MemTableListVersion* v = new MemTableListVersion();
  for (MemTable* m : current_->memlist_) {
    if (std::find(mems.begin(), mems.end(), m) == mems.end()) {
      m->Ref();
      v->memlist_.push_back(m);
    } else {
      m->SetFlushInProgress(false);
      m->SetFlushCompleted(true);
      m->MarkFlushed();
      --num_not_flushed_;
    }
  }
  InstallVersion(v);
}

}  // namespace ROCKSDB_NAMESPACE
