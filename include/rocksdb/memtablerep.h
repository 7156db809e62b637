// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableRep: the pluggable in-memory ordered collection behind a memtable,
// and MemTableRepFactory, which builds one per memtable. Built-in
// factories: SkipListFactory (the default; sorted, concurrent inserts),
// VectorRepFactory (unsorted until read, for bulk loads), and the hashed
// prefix reps from NewHashSkipListRepFactory / NewHashLinkListRepFactory
// (need a prefix_extractor).
//
// Entries are opaque byte strings built by the memtable: a varint32 length
// followed by the internal key, then the value. The rep only stores and
// orders them through the KeyComparator it was given.
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include <memory>
#include <stdexcept>
#include <unordered_set>

#include "rocksdb/customizable.h"
#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

class Arena;
class Allocator;
class LookupKey;
class SliceTransform;
class Logger;
struct DBOptions;

// An entry of a MemTableRep, allocated by MemTableRep::Allocate.
using KeyHandle = void*;

// Decodes the varint32 length prefix at data and returns the bytes after it.
// REQUIRES: data holds a well-formed length-prefixed string.
extern Slice GetLengthPrefixedSlice(const char* data);

class MemTableRep {
 public:
  // Orders entries. Entries start with a varint32-length-prefixed internal
  // key; this layout is part of the API.
  class KeyComparator {
   public:
    using DecodedType = ROCKSDB_NAMESPACE::Slice;

    // The internal key of an entry.
    virtual DecodedType decode_key(const char* key) const {
      return GetLengthPrefixedSlice(key);
    }

    // <0, 0 or >0 as the first entry sorts before, with or after the second.
    virtual int operator()(const char* prefix_len_key1,
                           const char* prefix_len_key2) const = 0;

    // Compares an entry with a bare internal key.
    virtual int operator()(const char* prefix_len_key,
                           const Slice& key) const = 0;

    virtual ~KeyComparator() {}
  };

  // allocator must outlive the rep.
  explicit MemTableRep(Allocator* allocator) : allocator_(allocator) {}

  // Allocates len bytes for an entry from the allocator; *buf receives the
  // memory, which the caller fills before Insert(). Returns the handle.
  virtual KeyHandle Allocate(const size_t len, char** buf);

  // Inserts an entry built in memory from Allocate().
  // REQUIRES: no entry comparing equal is present (unless the factory says
  // CanHandleDuplicatedKey); external synchronization of writers.
  virtual void Insert(KeyHandle handle) = 0;

  // Like Insert, but returns false (and inserts nothing) when an equal
  // entry exists, for reps that can detect it.
  virtual bool InsertKey(KeyHandle handle) {
    Insert(handle);
    return true;
  }

  // Insert using *hint, a position remembered from a previous insert of the
  // same prefix; the rep updates *hint. By default the hint is ignored.
  virtual void InsertWithHint(KeyHandle handle, void** /*hint*/) {
    Insert(handle);
  }

  // InsertKey with a hint.
  virtual bool InsertKeyWithHint(KeyHandle handle, void** hint) {
    InsertWithHint(handle, hint);
    return true;
  }

  // InsertWithHint that may run concurrently with other inserts.
  virtual void InsertWithHintConcurrently(KeyHandle handle, void** /*hint*/) {
    InsertConcurrently(handle);
  }

  // InsertKeyWithHint that may run concurrently with other inserts.
  virtual bool InsertKeyWithHintConcurrently(KeyHandle handle, void** hint) {
    InsertWithHintConcurrently(handle, hint);
    return true;
  }

  // Insert that may run concurrently with other inserts, for reps whose
  // factory says IsInsertConcurrentlySupported.
  virtual void InsertConcurrently(KeyHandle handle);

  // InsertKey that may run concurrently with other inserts.
  virtual bool InsertKeyConcurrently(KeyHandle handle) {
    InsertConcurrently(handle);
    return true;
  }

  // True when an entry comparing equal to key is present.
  virtual bool Contains(const char* key) const = 0;

  // No more inserts will come: the memtable became immutable.
  virtual void MarkReadOnly() {}

  // The memtable was flushed to a table file.
  virtual void MarkFlushed() {}

  // Calls callback_func(callback_args, entry) on the entries starting at
  // the first one >= k, in order, until it returns false or entries run out.
  virtual void Get(const LookupKey& k, void* callback_args,
                   bool (*callback_func)(void* arg, const char* entry));

  // Rough number of entries between the two internal keys (0 if unknown).
  virtual uint64_t ApproximateNumEntries(const Slice& /*start_ikey*/,
                                         const Slice& /*end_key*/) {
    return 0;
  }

  // Adds about target_sample_size distinct random entries to *entries.
  // Reps that cannot sample leave *entries unchanged.
  virtual void UniqueRandomSample(const uint64_t num_entries,
                                  const uint64_t target_sample_size,
                                  std::unordered_set<const char*>* entries) {
    (void)num_entries;
    (void)target_sample_size;
    (void)entries;
  }

  // Memory held by the rep beyond what it took from the allocator.
  virtual size_t ApproximateMemoryUsage() = 0;

  virtual ~MemTableRep() {}

  // Walks the entries of a rep in comparator order. Not thread-safe.
  class Iterator {
   public:
    virtual ~Iterator() {}

    // True when positioned on an entry.
    virtual bool Valid() const = 0;

    // The current entry. REQUIRES: Valid().
    virtual const char* key() const = 0;

    // Steps forward. REQUIRES: Valid().
    virtual void Next() = 0;

    // Steps back. REQUIRES: Valid().
    virtual void Prev() = 0;

    // Positions at the first entry >= the target, given either as an
    // internal key or, when memtable_key is not null, as an encoded entry.
    virtual void Seek(const Slice& internal_key, const char* memtable_key) = 0;

    // Positions at the last entry <= the target.
    virtual void SeekForPrev(const Slice& internal_key,
                             const char* memtable_key) = 0;

    // Positions at a random entry, where supported.
    virtual void RandomSeek() {}

    // Positions at the first entry, if any.
    virtual void SeekToFirst() = 0;

    // Positions at the last entry, if any.
    virtual void SeekToLast() = 0;
  };

  // A new iterator over the rep. When arena is not null the iterator is
  // placed in it and the caller destroys it in place; otherwise the caller
  // deletes it.
  virtual Iterator* GetIterator(Arena* arena = nullptr) = 0;

  // An iterator that may only be valid within the current prefix; hashed
  // reps return a cheaper one. Ownership as GetIterator.
  virtual Iterator* GetDynamicPrefixIterator(Arena* arena = nullptr) {
    return GetIterator(arena);
  }

  // Whether the rep can hold merge operands / serve snapshots.
  virtual bool IsMergeOperatorSupported() const { return true; }
  virtual bool IsSnapshotSupported() const { return true; }

 protected:
  // The user key of an entry (its internal key minus the 8-byte trailer).
  virtual Slice UserKey(const char* key) const;

  Allocator* allocator_;
};

// Builds MemTableReps. One factory serves every memtable of a column family.
class MemTableRepFactory : public Customizable {
 public:
  ~MemTableRepFactory() override {}

  static const char* Type() { return "MemTableRepFactory"; }
  // Creates a factory from its name or nickname, optionally followed by
  // ":<arg>" (e.g. "skip_list:16", "vector:1024", "prefix_hash:1000").
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& id,
                                 std::unique_ptr<MemTableRepFactory>* factory);
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& id,
                                 std::shared_ptr<MemTableRepFactory>* factory);

  // A new rep ordering entries with the comparator, taking memory from
  // allocator. The caller owns the result.
  virtual MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator&,
                                         Allocator*, const SliceTransform*,
                                         Logger* logger) = 0;
  // Same, told which column family the memtable belongs to.
  virtual MemTableRep* CreateMemTableRep(
      const MemTableRep::KeyComparator& key_cmp, Allocator* allocator,
      const SliceTransform* slice_transform, Logger* logger,
      uint32_t /* column_family_id */) {
    return CreateMemTableRep(key_cmp, allocator, slice_transform, logger);
  }

  const char* Name() const override = 0;

  // Whether reps allow InsertConcurrently.
  virtual bool IsInsertConcurrentlySupported() const { return false; }

  // Whether reps accept an entry equal to one already present (InsertKey
  // then returns false).
  virtual bool CanHandleDuplicatedKey() const { return false; }
};

// Sorted skip list: the default. lookahead > 0 makes iterators scan up to
// that many entries forward before falling back to a seek.
class SkipListFactory : public MemTableRepFactory {
 public:
  explicit SkipListFactory(size_t lookahead = 0);

  static const char* kClassName() { return "SkipListFactory"; }
  static const char* kNickName() { return "skip_list"; }
  virtual const char* Name() const override { return kClassName(); }
  virtual const char* NickName() const override { return kNickName(); }
  std::string GetId() const override;

  using MemTableRepFactory::CreateMemTableRep;
  virtual MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator&,
                                         Allocator*, const SliceTransform*,
                                         Logger* logger) override;
  bool IsInsertConcurrentlySupported() const override { return true; }
  bool CanHandleDuplicatedKey() const override { return true; }

 private:
  size_t lookahead_;
};

// Unsorted vector, sorted when first iterated: fast bulk inserts, slow
// point reads. count reserves that many entries up front.
class VectorRepFactory : public MemTableRepFactory {
  size_t count_;

 public:
  explicit VectorRepFactory(size_t count = 0);

  static const char* kClassName() { return "VectorRepFactory"; }
  static const char* kNickName() { return "vector"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kNickName(); }

  using MemTableRepFactory::CreateMemTableRep;
  virtual MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator&,
                                         Allocator*, const SliceTransform*,
                                         Logger* logger) override;
};

// A hash table of skip lists keyed by the prefix_extractor's prefix.
// The caller owns the result.
extern MemTableRepFactory* NewHashSkipListRepFactory(
    size_t bucket_count = 1000000, int32_t skiplist_height = 4,
    int32_t skiplist_branching_factor = 4);

// A hash table of linked lists keyed by prefix; a bucket turns into a skip
// list past threshold_use_skiplist entries. The caller owns the result.
extern MemTableRepFactory* NewHashLinkListRepFactory(
    size_t bucket_count = 50000, size_t huge_page_tlb_size = 0,
    int bucket_entries_logging_threshold = 4096,
    bool if_log_bucket_dist_when_flash = true,
    uint32_t threshold_use_skiplist = 256);

}  // namespace ROCKSDB_NAMESPACE
