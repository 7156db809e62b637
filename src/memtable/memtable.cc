// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTable: entry encoding (drawn in memtable.h), the point lookup that
// walks the entries of one user key newest first, range tombstone
// coverage, counters and the flush rule.
#include "memtable/memtable.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "memtable/skiplist_rep.h"
#include "rocksdb/merge_operator.h"
#include "util/arena.h"
#include "util/coding.h"
#include "util/merge_helper.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The internal key of an entry; *after receives the byte following it.
inline Slice EntryKey(const char* entry, const char** after) {
  uint32_t size = 0;
  const char* p = GetVarint32Ptr(entry, entry + kMaxVarint32Length, &size);
  *after = p + size;
  return Slice(p, size);
}

inline Slice EntryKey(const char* entry) {
  const char* unused;
  return EntryKey(entry, &unused);
}

inline Slice EntryValue(const char* entry) {
  const char* after;
  EntryKey(entry, &after);
  return GetLengthPrefixedSlice(after);
}

inline bool IsPointDeletion(ValueType type) {
  return type == kTypeDeletion || type == kTypeSingleDeletion ||
         type == kTypeDeletionWithTimestamp;
}

// Lowers an atomic to value if value is smaller (0 counts as unset).
void AtomicMinNonZero(std::atomic<SequenceNumber>* target,
                      SequenceNumber value) {
  SequenceNumber current = target->load(std::memory_order_relaxed);
  while ((current == 0 || value < current) &&
         !target->compare_exchange_weak(current, value,
                                        std::memory_order_relaxed)) {
  }
}

// Adapts a rep iterator to InternalIterator; owns the rep iterator.
class MemTableIterator : public InternalIterator {
 public:
  MemTableIterator(MemTableRep* rep, Arena* arena)
      : iter_(rep->GetIterator(arena)), in_arena_(arena != nullptr) {}
  ~MemTableIterator() override {
    if (in_arena_) {
      iter_->~Iterator();
    } else {
      delete iter_;
    }
  }

  bool Valid() const override { return iter_->Valid(); }
  void SeekToFirst() override { iter_->SeekToFirst(); }
  void SeekToLast() override { iter_->SeekToLast(); }
  void Seek(const Slice& target) override { iter_->Seek(target, nullptr); }
  void SeekForPrev(const Slice& target) override {
    iter_->SeekForPrev(target, nullptr);
  }
  void Next() override { iter_->Next(); }
  void Prev() override { iter_->Prev(); }
  Slice key() const override { return EntryKey(iter_->key()); }
  Slice value() const override { return EntryValue(iter_->key()); }
  Status status() const override { return Status::OK(); }

 private:
  MemTableRep::Iterator* const iter_;
  const bool in_arena_;
};

InternalIterator* NewMemTableIterator(MemTableRep* rep, Arena* arena) {
  if (arena == nullptr) {
    return new MemTableIterator(rep, nullptr);
  }
  void* mem = arena->AllocateAligned(sizeof(MemTableIterator));
  return new (mem) MemTableIterator(rep, arena);
}

}  // namespace

MemTableOptions::MemTableOptions(const ColumnFamilyOptions& cf_options)
    : write_buffer_size(cf_options.write_buffer_size),
      arena_block_size(cf_options.arena_block_size),
      memtable_factory(cf_options.memtable_factory),
      merge_operator(cf_options.merge_operator),
      prefix_extractor(cf_options.prefix_extractor) {}

size_t MemTableArenaBlockSize(const MemTableOptions& options) {
  if (options.arena_block_size > 0) {
    return options.arena_block_size;
  }
  constexpr size_t kPage = 4096;
  const size_t size = std::min<size_t>(options.write_buffer_size / 8, 1 << 20);
  return std::max(kPage, (size + kPage - 1) / kPage * kPage);
}

int MemTable::KeyComparator::operator()(const char* prefix_len_key1,
                                        const char* prefix_len_key2) const {
  return comparator.Compare(EntryKey(prefix_len_key1),
                            EntryKey(prefix_len_key2));
}

int MemTable::KeyComparator::operator()(const char* prefix_len_key,
                                        const Slice& internal_key) const {
  return comparator.Compare(EntryKey(prefix_len_key), internal_key);
}

MemTable::MemTable(const InternalKeyComparator& cmp,
                   const MemTableOptions& options,
                   WriteBufferManager* write_buffer_manager,
                   SequenceNumber earliest_seq)
    : comparator_(cmp),
      options_(options),
      arena_block_size_(MemTableArenaBlockSize(options)),
      allocator_(arena_block_size_, write_buffer_manager),
      earliest_seqno_(earliest_seq) {
  if (options_.memtable_factory != nullptr) {
    table_.reset(options_.memtable_factory->CreateMemTableRep(
        comparator_, &allocator_, options_.prefix_extractor.get(),
        options_.info_log, options_.column_family_id));
  }
  if (table_ == nullptr) {
    table_.reset(NewSkipListRep(comparator_, &allocator_, 0));
  }
  range_del_table_.reset(NewSkipListRep(comparator_, &allocator_, 0));
}

// The reps go first (member order): they point into the allocator.
MemTable::~MemTable() = default;

Status MemTable::Add(SequenceNumber seq, ValueType type, const Slice& key,
                     const Slice& value, bool allow_concurrent) {
  switch (type) {
    case kTypeValue:
    case kTypeDeletion:
    case kTypeSingleDeletion:
    case kTypeRangeDeletion:
    case kTypeBlobIndex:
    case kTypeWideColumnEntity:
    case kTypeDeletionWithTimestamp:
      break;
    case kTypeMerge:
      if (options_.merge_operator == nullptr) {
        return Status::InvalidArgument(
            "Merge requires `ColumnFamilyOptions::merge_operator != "
            "nullptr`");
      }
      break;
    default:
      return Status::InvalidArgument(
          "MemTable::Add: entry type cannot be stored in a memtable",
          std::to_string(static_cast<int>(type)));
  }
  if (key.size() > UINT32_MAX - kNumInternalBytes ||
      value.size() > UINT32_MAX) {
    return Status::InvalidArgument("MemTable::Add: key or value too large");
  }
  const uint32_t ikey_size = static_cast<uint32_t>(key.size() + 8);
  const uint32_t value_size = static_cast<uint32_t>(value.size());
  const size_t encoded_len = VarintLength(ikey_size) + ikey_size +
                             VarintLength(value_size) + value_size;
  MemTableRep* table =
      type == kTypeRangeDeletion ? range_del_table_.get() : table_.get();
  char* buf = nullptr;
  KeyHandle handle = table->Allocate(encoded_len, &buf);
  char* p = EncodeVarint32(buf, ikey_size);
  if (!key.empty()) {
    memcpy(p, key.data(), key.size());
  }
  p += key.size();
  EncodeFixed64(p, PackSequenceAndType(seq, type));
  p = EncodeVarint32(p + 8, value_size);
  if (value_size > 0) {
    memcpy(p, value.data(), value_size);
  }
  const bool inserted = allow_concurrent ? table->InsertKeyConcurrently(handle)
                                         : table->InsertKey(handle);
  if (!inserted) {
    return Status::TryAgain("key+seq exists");
  }
  UpdateCounters(seq, type, encoded_len, allow_concurrent);
  UpdateFlushState();
  return Status::OK();
}

void MemTable::UpdateCounters(SequenceNumber seq, ValueType type,
                              size_t encoded_len, bool allow_concurrent) {
  const bool is_delete = IsPointDeletion(type);
  const bool is_range = type == kTypeRangeDeletion;
  if (allow_concurrent) {
    num_entries_.fetch_add(1, std::memory_order_relaxed);
    data_size_.fetch_add(encoded_len, std::memory_order_relaxed);
    if (is_delete) num_deletes_.fetch_add(1, std::memory_order_relaxed);
    if (is_range) num_range_deletes_.fetch_add(1, std::memory_order_relaxed);
  } else {
    // The only writer: plain read-modify-write is enough.
    auto bump = [](std::atomic<uint64_t>* counter, uint64_t by) {
      counter->store(counter->load(std::memory_order_relaxed) + by,
                     std::memory_order_relaxed);
    };
    bump(&num_entries_, 1);
    bump(&data_size_, encoded_len);
    if (is_delete) bump(&num_deletes_, 1);
    if (is_range) bump(&num_range_deletes_, 1);
  }
  AtomicMinNonZero(&first_seqno_, seq);
  SequenceNumber earliest = earliest_seqno_.load(std::memory_order_relaxed);
  while (seq < earliest && !earliest_seqno_.compare_exchange_weak(
                               earliest, seq, std::memory_order_relaxed)) {
  }
}

size_t MemTable::ApproximateMemoryUsage() const {
  return allocator_.MemoryUsage() + table_->ApproximateMemoryUsage() +
         range_del_table_->ApproximateMemoryUsage();
}

bool MemTable::ShouldFlush() const {
  const size_t limit = options_.write_buffer_size;
  const size_t slack = arena_block_size_ * 6 / 10;
  const size_t usage = ApproximateMemoryUsage();
  if (usage + slack < limit) {
    return false;
  }
  if (usage > limit + slack) {
    return true;
  }
  return allocator_.AllocatedAndUnused() < arena_block_size_ / 4;
}

void MemTable::UpdateFlushState() {
  if (flush_state_.load(std::memory_order_relaxed) == kFlushNotRequested &&
      ShouldFlush()) {
    int expected = kFlushNotRequested;
    flush_state_.compare_exchange_strong(expected, kFlushRequested,
                                         std::memory_order_relaxed);
  }
}

void MemTable::MarkImmutable() {
  if (immutable_) {
    return;
  }
  immutable_ = true;
  table_->MarkReadOnly();
  range_del_table_->MarkReadOnly();
  allocator_.DoneAllocating();
}

void MemTable::MarkFlushed() { table_->MarkFlushed(); }

InternalIterator* MemTable::NewIterator(Arena* arena) {
  return NewMemTableIterator(table_.get(), arena);
}

InternalIterator* MemTable::NewRangeTombstoneIterator(Arena* arena) {
  return NewMemTableIterator(range_del_table_.get(), arena);
}

SequenceNumber MemTable::MaxCoveringTombstoneSeq(
    const Slice& user_key, SequenceNumber read_seq) const {
  const Comparator* ucmp = comparator_.comparator.user_comparator();
  SequenceNumber result = 0;
  std::unique_ptr<MemTableRep::Iterator> iter(
      range_del_table_->GetIterator(nullptr));
  // Tombstones sort by begin key: stop at the first one beginning after
  // user_key.
  for (iter->SeekToFirst(); iter->Valid(); iter->Next()) {
    const char* after;
    const Slice ikey = EntryKey(iter->key(), &after);
    if (ucmp->Compare(ExtractUserKey(ikey), user_key) > 0) {
      break;
    }
    const SequenceNumber seq = ExtractSequenceNumber(ikey);
    if (seq <= read_seq && seq > result &&
        ucmp->Compare(user_key, GetLengthPrefixedSlice(after)) < 0) {
      result = seq;
    }
  }
  return result;
}

// State of one Get while the rep walks the entries of the key.
struct MemTable::Lookup {
  const MemTable* mem;
  const Comparator* ucmp;
  Slice user_key;
  std::string* value;
  Status* s;
  SequenceNumber covering;  // entries older than this are deleted
  SequenceNumber* seq;
  std::vector<std::string>* operands;
  bool seq_set = false;
  bool done = false;

  void SetSeq(SequenceNumber entry_seq) {
    if (seq != nullptr && !seq_set) {
      *seq = std::max(entry_seq, covering);
    }
    seq_set = true;
  }

  // Decides the result: base is the value found, or null for a deletion.
  void Finish(const Slice* base) {
    if (operands->empty()) {
      if (base == nullptr) {
        *s = Status::NotFound();
      } else {
        if (value != nullptr) value->assign(base->data(), base->size());
        *s = Status::OK();
      }
    } else {
      *s = FullMergeOperands(mem->options_.merge_operator.get(), user_key, base,
                             *operands, value, mem->options_.info_log);
    }
    done = true;
  }
};

bool MemTable::LookupCallback(void* arg, const char* entry) {
  Lookup* l = static_cast<Lookup*>(arg);
  const char* after;
  const Slice ikey = EntryKey(entry, &after);
  if (ikey.size() < kNumInternalBytes ||
      l->ucmp->Compare(ExtractUserKey(ikey), l->user_key) != 0) {
    return false;  // past the entries of the key
  }
  SequenceNumber seq;
  ValueType type;
  UnPackSequenceAndType(ExtractInternalKeyFooter(ikey), &seq, &type);
  l->SetSeq(seq);
  if (seq < l->covering) {
    l->Finish(nullptr);  // deleted by a newer range tombstone
    return false;
  }
  const Slice value = GetLengthPrefixedSlice(after);
  switch (type) {
    case kTypeValue:
      l->Finish(&value);
      return false;
    case kTypeDeletion:
    case kTypeSingleDeletion:
    case kTypeDeletionWithTimestamp:
      l->Finish(nullptr);
      return false;
    case kTypeMerge:
      if (l->mem->options_.merge_operator == nullptr) {
        *l->s = Status::InvalidArgument(
            "merge_operator is not properly initialized.");
        l->done = true;
        return false;
      }
      l->operands->push_back(value.ToString());
      return true;  // keep collecting older operands
    default:
      *l->s =
          Status::NotSupported("MemTable::Get: entry type not supported yet",
                               std::to_string(static_cast<int>(type)));
      l->done = true;
      return false;
  }
}

bool MemTable::Get(const LookupKey& key, std::string* value, Status* s,
                   SequenceNumber* max_covering_tombstone_seq,
                   SequenceNumber* seq,
                   std::vector<std::string>* merge_operands,
                   bool ignore_range_deletions) {
  const SequenceNumber read_seq = ExtractSequenceNumber(key.internal_key());
  Lookup l;
  l.mem = this;
  l.ucmp = comparator_.comparator.user_comparator();
  l.user_key = key.user_key();
  l.value = value;
  l.s = s;
  l.covering =
      max_covering_tombstone_seq != nullptr ? *max_covering_tombstone_seq : 0;
  l.seq = seq;
  l.operands = merge_operands;
  if (!ignore_range_deletions && num_range_deletes() > 0) {
    l.covering =
        std::max(l.covering, MaxCoveringTombstoneSeq(l.user_key, read_seq));
    if (max_covering_tombstone_seq != nullptr) {
      *max_covering_tombstone_seq = l.covering;
    }
  }
  table_->Get(key, &l, &MemTable::LookupCallback);
  if (l.done) {
    return true;
  }
  if (l.covering > 0) {
    // Every older entry of the key is deleted by the tombstone.
    l.SetSeq(l.covering);
    l.Finish(nullptr);
    return true;
  }
  if (!merge_operands->empty()) {
    *s = Status::MergeInProgress();
  }
  return false;
}

}  // namespace ROCKSDB_NAMESPACE
