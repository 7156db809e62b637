// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableInserter: one memtable Add per counted WriteBatch record.

#include "db/memtable_inserter.h"

#include <memory>
#include <vector>

#include "db/write_batch_internal.h"
#include "memtable/memtable.h"
#include "memtable/merge_helper.h"
#include "rocksdb/merge_operator.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {

namespace {

Status PreparedTransactions() {
  return Status::NotSupported(
      "WAL contains prepared transactions. Open with TransactionDB::Open().");
}

// Check(): the record-level errors of MemTableInserter, without a memtable.
class BatchChecker : public WriteBatch::Handler {
 public:
  BatchChecker(bool has_merge_operator, bool ignore_missing_column_families)
      : has_merge_operator_(has_merge_operator),
        ignore_missing_(ignore_missing_column_families) {}

  Status PutCF(uint32_t cf, const Slice&, const Slice&) override {
    return Family(cf);
  }
  Status PutEntityCF(uint32_t cf, const Slice&, const Slice&) override {
    return Family(cf);
  }
  Status DeleteCF(uint32_t cf, const Slice&) override { return Family(cf); }
  Status SingleDeleteCF(uint32_t cf, const Slice&) override {
    return Family(cf);
  }
  Status DeleteRangeCF(uint32_t cf, const Slice&, const Slice&) override {
    return Family(cf);
  }
  Status MergeCF(uint32_t cf, const Slice&, const Slice&) override {
    Status s = Family(cf);
    if (s.ok() && cf == 0 && !has_merge_operator_) {
      return Status::InvalidArgument(
          "Merge requires `ColumnFamilyOptions::merge_operator != nullptr`");
    }
    return s;
  }
  Status PutBlobIndexCF(uint32_t cf, const Slice&, const Slice&) override {
    return Family(cf);
  }
  Status MarkBeginPrepare(bool) override { return PreparedTransactions(); }
  Status MarkEndPrepare(const Slice&) override {
    return PreparedTransactions();
  }
  Status MarkCommit(const Slice&) override { return PreparedTransactions(); }
  Status MarkCommitWithTimestamp(const Slice&, const Slice&) override {
    return PreparedTransactions();
  }
  Status MarkRollback(const Slice&) override { return PreparedTransactions(); }
  Status MarkNoop(bool) override { return Status::OK(); }

 private:
  Status Family(uint32_t cf) const {
    if (cf == 0 || ignore_missing_) return Status::OK();
    return Status::InvalidArgument(
        "Invalid column family specified in write batch");
  }

  const bool has_merge_operator_;
  const bool ignore_missing_;
};

}  // namespace

Status MemTableInserter::Check(const WriteBatch* batch, bool has_merge_operator,
                               bool ignore_missing_column_families) {
  BatchChecker checker(has_merge_operator, ignore_missing_column_families);
  return batch->Iterate(&checker);
}

MemTableInserter::MemTableInserter(MemTable* mem, SequenceNumber first_sequence,
                                   bool concurrent,
                                   bool ignore_missing_column_families)
    : mem_(mem),
      sequence_(first_sequence),
      concurrent_(concurrent),
      ignore_missing_column_families_(ignore_missing_column_families) {}

Status MemTableInserter::Insert(WriteBatch* batch, MemTable* mem,
                                SequenceNumber first_sequence, bool concurrent,
                                bool ignore_missing_column_families,
                                SequenceNumber* next_sequence) {
  MemTableInserter inserter(mem, first_sequence, concurrent,
                            ignore_missing_column_families);
  Status s = batch->Iterate(&inserter);
  if (next_sequence != nullptr) *next_sequence = inserter.sequence();
  return s;
}

Status MemTableInserter::Insert(WriteBatch* batch, MemTable* mem,
                                SequenceNumber first_sequence, bool concurrent,
                                bool ignore_missing_column_families,
                                const MemTableMergeOptions& merge_options) {
  MemTableInserter inserter(mem, first_sequence, concurrent,
                            ignore_missing_column_families);
  inserter.SetMergeOptions(merge_options);
  return batch->Iterate(&inserter);
}

Status MemTableInserter::Add(uint32_t cf, ValueType type, const Slice& key,
                             const Slice& value) {
  const SequenceNumber seq = sequence_++;
  if (cf != 0) {
    // Only the default column family exists until column families land.
    if (ignore_missing_column_families_) {
      return Status::OK();
    }
    return Status::InvalidArgument(
        "Invalid column family specified in write batch");
  }
  return mem_->Add(seq, type, key, value, concurrent_);
}

Status MemTableInserter::PutCF(uint32_t cf, const Slice& key,
                               const Slice& value) {
  return Add(cf, kTypeValue, key, value);
}

Status MemTableInserter::PutEntityCF(uint32_t cf, const Slice& key,
                                     const Slice& entity) {
  return Add(cf, kTypeWideColumnEntity, key, entity);
}

Status MemTableInserter::DeleteCF(uint32_t cf, const Slice& key) {
  return Add(cf, kTypeDeletion, key, Slice());
}

Status MemTableInserter::SingleDeleteCF(uint32_t cf, const Slice& key) {
  return Add(cf, kTypeSingleDeletion, key, Slice());
}

Status MemTableInserter::DeleteRangeCF(uint32_t cf, const Slice& begin,
                                       const Slice& end) {
  if (cf == 0) {
    // Observed in RocksDB 7.8.3: an empty range is not stored and takes no
    // sequence number (later records of the batch move down one); a
    // reversed one fails the batch.
    const int c =
        mem_->GetInternalKeyComparator().user_comparator()->Compare(begin, end);
    if (c == 0) return Status::OK();
    if (c > 0) {
      return Status::InvalidArgument("end key comes before start key");
    }
  }
  return Add(cf, kTypeRangeDeletion, begin, end);
}

Status MemTableInserter::MergeCF(uint32_t cf, const Slice& key,
                                 const Slice& value) {
  if (cf == 0 && merge_options_.max_successive_merges > 0 && !concurrent_ &&
      merge_options_.merge_operator != nullptr) {
    std::string merged;
    if (ResolveMerge(key, value, sequence_, &merged)) {
      return Add(cf, kTypeValue, key, merged);
    }
  }
  return Add(cf, kTypeMerge, key, value);
}

size_t MemTableInserter::CountSuccessiveMerges(const Slice& key,
                                               size_t limit) const {
  std::unique_ptr<InternalIterator> iter(mem_->NewIterator());
  LookupKey lookup(key, kMaxSequenceNumber);
  const Comparator* ucmp = mem_->GetInternalKeyComparator().user_comparator();
  size_t count = 0;
  for (iter->Seek(lookup.internal_key()); iter->Valid() && count < limit;
       iter->Next()) {
    const Slice ikey = iter->key();
    if (ucmp->Compare(ExtractUserKey(ikey), key) != 0 ||
        ExtractValueType(ikey) != kTypeMerge) {
      break;
    }
    ++count;
  }
  return count;
}

bool MemTableInserter::ResolveMerge(const Slice& key, const Slice& operand,
                                    SequenceNumber seq,
                                    std::string* merged) const {
  const MemTableMergeOptions& opts = merge_options_;
  if (seq == 0) return false;  // nothing can be below it
  if (CountSuccessiveMerges(key, opts.max_successive_merges) <
      opts.max_successive_merges) {
    return false;
  }
  // The value as of every record inserted before this one.
  const SequenceNumber read_seq = seq - 1;
  std::string current;
  Status s;
  if (opts.get) {
    s = opts.get(key, read_seq, &current);
  } else {
    LookupKey lookup(key, read_seq);
    std::vector<std::string> operands;
    SequenceNumber covering = 0;
    if (!mem_->Get(lookup, &current, &s, &covering, nullptr, &operands)) {
      return false;  // older data decides: keep the operand
    }
  }
  if (!s.ok()) return false;
  const Slice base(current);
  s = FullMergeOperands(opts.merge_operator, key, &base,
                        std::vector<std::string>{operand.ToString()}, merged,
                        opts.info_log);
  return s.ok();
}

Status MemTableInserter::PutBlobIndexCF(uint32_t cf, const Slice& key,
                                        const Slice& value) {
  return Add(cf, kTypeBlobIndex, key, value);
}

Status MemTableInserter::MarkBeginPrepare(bool /*unprepared*/) {
  return PreparedTransactions();
}

Status MemTableInserter::MarkEndPrepare(const Slice& /*xid*/) {
  return PreparedTransactions();
}

Status MemTableInserter::MarkCommit(const Slice& /*xid*/) {
  return PreparedTransactions();
}

Status MemTableInserter::MarkCommitWithTimestamp(const Slice& /*xid*/,
                                                 const Slice& /*ts*/) {
  return PreparedTransactions();
}

Status MemTableInserter::MarkRollback(const Slice& /*xid*/) {
  return PreparedTransactions();
}

Status MemTableInserter::MarkNoop(bool /*empty_batch*/) { return Status::OK(); }

}  // namespace ROCKSDB_NAMESPACE
