// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTableRep's default methods and the built-in MemTableRepFactory
// classes: names, ids, option strings ("skip_list:16", "vector:1024",
// "prefix_hash:1000", "hash_linkedlist:1000") and CreateFromString.
// SkipListFactory builds the skip-list rep (memtable/skiplist_rep.h); the
// vector and hashed factories build a SetRep (memtable/set_rep.h) until
// their dedicated reps land.
#include "rocksdb/memtablerep.h"

#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "memtable/allocator.h"
#include "memtable/set_rep.h"
#include "memtable/skiplist_rep.h"
#include "rocksdb/convenience.h"
#include "util/coding.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

KeyHandle MemTableRep::Allocate(const size_t len, char** buf) {
  *buf = allocator_->Allocate(len);
  return static_cast<KeyHandle>(*buf);
}

// Reps that cannot insert concurrently are only given serialized inserts
// (the factory says so), so a plain Insert is correct.
void MemTableRep::InsertConcurrently(KeyHandle handle) { Insert(handle); }

// Generic lookup through an iterator; reps with a cheaper path override it.
void MemTableRep::Get(const LookupKey& k, void* callback_args,
                      bool (*callback_func)(void* arg, const char* entry)) {
  std::unique_ptr<Iterator> iter(GetIterator(nullptr));
  for (iter->Seek(k.internal_key(), k.memtable_key().data());
       iter->Valid() && callback_func(callback_args, iter->key());
       iter->Next()) {
  }
}

Slice MemTableRep::UserKey(const char* key) const {
  Slice internal_key = GetLengthPrefixedSlice(key);
  // Drop the 8-byte (sequence, type) trailer.
  return Slice(internal_key.data(),
               internal_key.size() >= 8 ? internal_key.size() - 8 : 0);
}

namespace {

// Parses a non-negative decimal; false on anything else.
bool ParseSize(const std::string& text, uint64_t* value) {
  if (text.empty()) {
    return false;
  }
  char* end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (end == nullptr || *end != '\0' || text[0] == '-') {
    return false;
  }
  *value = v;
  return true;
}

bool ParseBool(const std::string& text, bool* value) {
  if (text == "true" || text == "1") {
    *value = true;
  } else if (text == "false" || text == "0") {
    *value = false;
  } else {
    return false;
  }
  return true;
}

// Reads option `name` of the map into *value if present (and erases it).
Status TakeSize(std::unordered_map<std::string, std::string>* opts,
                const std::string& name, uint64_t* value) {
  auto it = opts->find(name);
  if (it == opts->end()) {
    return Status::OK();
  }
  if (!ParseSize(it->second, value)) {
    return Status::InvalidArgument("Invalid value for " + name, it->second);
  }
  opts->erase(it);
  return Status::OK();
}

Status TakeBool(std::unordered_map<std::string, std::string>* opts,
                const std::string& name, bool* value) {
  auto it = opts->find(name);
  if (it == opts->end()) {
    return Status::OK();
  }
  if (!ParseBool(it->second, value)) {
    return Status::InvalidArgument("Invalid value for " + name, it->second);
  }
  opts->erase(it);
  return Status::OK();
}

class HashSkipListRepFactory : public MemTableRepFactory {
 public:
  HashSkipListRepFactory(size_t bucket_count, int32_t skiplist_height,
                         int32_t skiplist_branching_factor)
      : bucket_count_(bucket_count),
        skiplist_height_(skiplist_height),
        skiplist_branching_factor_(skiplist_branching_factor) {}

  static const char* kClassName() { return "HashSkipListRepFactory"; }
  static const char* kNickName() { return "prefix_hash"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kNickName(); }

  using MemTableRepFactory::CreateMemTableRep;
  MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator& cmp,
                                 Allocator* allocator,
                                 const SliceTransform* /*transform*/,
                                 Logger* /*logger*/) override {
    // Layout knobs of the hashed rep; the SetRep stand-in has no use for
    // them.
    (void)bucket_count_;
    (void)skiplist_height_;
    (void)skiplist_branching_factor_;
    return NewSetRep(cmp, allocator);
  }

 private:
  size_t bucket_count_;
  int32_t skiplist_height_;
  int32_t skiplist_branching_factor_;
};

class HashLinkListRepFactory : public MemTableRepFactory {
 public:
  HashLinkListRepFactory(size_t bucket_count, size_t huge_page_tlb_size,
                         int bucket_entries_logging_threshold,
                         bool if_log_bucket_dist_when_flash,
                         uint32_t threshold_use_skiplist)
      : bucket_count_(bucket_count),
        huge_page_tlb_size_(huge_page_tlb_size),
        bucket_entries_logging_threshold_(bucket_entries_logging_threshold),
        if_log_bucket_dist_when_flash_(if_log_bucket_dist_when_flash),
        threshold_use_skiplist_(threshold_use_skiplist) {}

  static const char* kClassName() { return "HashLinkListRepFactory"; }
  static const char* kNickName() { return "hash_linkedlist"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kNickName(); }

  using MemTableRepFactory::CreateMemTableRep;
  MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator& cmp,
                                 Allocator* allocator,
                                 const SliceTransform* /*transform*/,
                                 Logger* /*logger*/) override {
    // Layout knobs of the hashed rep; the SetRep stand-in has no use for
    // them.
    (void)bucket_count_;
    (void)huge_page_tlb_size_;
    (void)bucket_entries_logging_threshold_;
    (void)if_log_bucket_dist_when_flash_;
    (void)threshold_use_skiplist_;
    return NewSetRep(cmp, allocator);
  }

 private:
  size_t bucket_count_;
  size_t huge_page_tlb_size_;
  int bucket_entries_logging_threshold_;
  bool if_log_bucket_dist_when_flash_;
  uint32_t threshold_use_skiplist_;
};

// Builds the factory named by id ("Name" or "nickname", optionally
// ":<arg>"), applying the remaining options. *factory stays null for an
// unknown id.
Status NewFactoryFromId(const std::string& id,
                        std::unordered_map<std::string, std::string> opts,
                        std::unique_ptr<MemTableRepFactory>* factory) {
  std::string name = id;
  std::string arg;
  const size_t colon = id.find(':');
  if (colon != std::string::npos) {
    name = id.substr(0, colon);
    arg = id.substr(colon + 1);
  }
  uint64_t number = 0;
  const bool has_number = !arg.empty();
  if (has_number && !ParseSize(arg, &number)) {
    return Status::InvalidArgument("Invalid MemTableRepFactory argument", id);
  }
  Status s;
  if (name == SkipListFactory::kNickName() ||
      name == SkipListFactory::kClassName()) {
    uint64_t lookahead = has_number ? number : 0;
    s = TakeSize(&opts, "lookahead", &lookahead);
    if (s.ok()) factory->reset(new SkipListFactory(lookahead));
  } else if (name == VectorRepFactory::kNickName() ||
             name == VectorRepFactory::kClassName()) {
    uint64_t count = has_number ? number : 0;
    s = TakeSize(&opts, "count", &count);
    if (s.ok()) factory->reset(new VectorRepFactory(count));
  } else if (name == HashSkipListRepFactory::kNickName() ||
             name == HashSkipListRepFactory::kClassName()) {
    uint64_t buckets = has_number ? number : 1000000;
    uint64_t height = 4;
    uint64_t branching = 4;
    s = TakeSize(&opts, "bucket_count", &buckets);
    if (s.ok()) s = TakeSize(&opts, "skiplist_height", &height);
    if (s.ok()) s = TakeSize(&opts, "branching_factor", &branching);
    if (s.ok()) {
      factory->reset(
          NewHashSkipListRepFactory(buckets, static_cast<int32_t>(height),
                                    static_cast<int32_t>(branching)));
    }
  } else if (name == HashLinkListRepFactory::kNickName() ||
             name == HashLinkListRepFactory::kClassName()) {
    uint64_t buckets = has_number ? number : 50000;
    uint64_t huge_page = 0;
    uint64_t logging_threshold = 4096;
    bool log_when_flash = true;
    uint64_t threshold = 256;
    s = TakeSize(&opts, "bucket_count", &buckets);
    if (s.ok()) s = TakeSize(&opts, "huge_page_size", &huge_page);
    if (s.ok()) s = TakeSize(&opts, "logging_threshold", &logging_threshold);
    if (s.ok()) s = TakeBool(&opts, "log_when_flash", &log_when_flash);
    if (s.ok()) s = TakeSize(&opts, "threshold", &threshold);
    if (s.ok()) {
      factory->reset(NewHashLinkListRepFactory(
          buckets, huge_page, static_cast<int>(logging_threshold),
          log_when_flash, static_cast<uint32_t>(threshold)));
    }
  } else if (name == "cuckoo") {
    return Status::InvalidArgument(
        "cuckoo hash memtable is not supported anymore.", name);
  } else {
    return Status::OK();
  }
  if (s.ok() && !opts.empty()) {
    s = Status::InvalidArgument("Unrecognized option for " + name,
                                opts.begin()->first);
    factory->reset();
  }
  return s;
}

}  // namespace

Status MemTableRepFactory::CreateFromString(
    const ConfigOptions& config_options, const std::string& value,
    std::unique_ptr<MemTableRepFactory>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s = Customizable::GetOptionsMap(config_options, result->get(), value,
                                         &id, &opts);
  if (!s.ok()) {
    return s;
  }
  if (id.empty() || id == "nullptr") {
    result->reset();
    return Status::OK();
  }
  std::unique_ptr<MemTableRepFactory> factory;
  s = NewFactoryFromId(id, opts, &factory);
  if (!s.ok()) {
    return s;
  }
  if (factory == nullptr) {
    if (config_options.ignore_unsupported_options) {
      result->reset();
      return Status::OK();
    }
    return Status::NotSupported("Could not load MemTableRepFactory", id);
  }
  *result = std::move(factory);
  return Status::OK();
}

Status MemTableRepFactory::CreateFromString(
    const ConfigOptions& config_options, const std::string& value,
    std::shared_ptr<MemTableRepFactory>* result) {
  std::unique_ptr<MemTableRepFactory> factory;
  Status s = CreateFromString(config_options, value, &factory);
  if (s.ok()) {
    result->reset(factory.release());
  }
  return s;
}

SkipListFactory::SkipListFactory(size_t lookahead) : lookahead_(lookahead) {}

std::string SkipListFactory::GetId() const {
  std::string id = Name();
  if (lookahead_ > 0) {
    id += ":" + std::to_string(lookahead_);
  }
  return id;
}

MemTableRep* SkipListFactory::CreateMemTableRep(
    const MemTableRep::KeyComparator& cmp, Allocator* allocator,
    const SliceTransform* /*transform*/, Logger* /*logger*/) {
  return NewSkipListRep(cmp, allocator, lookahead_);
}

VectorRepFactory::VectorRepFactory(size_t count) : count_(count) {}

MemTableRep* VectorRepFactory::CreateMemTableRep(
    const MemTableRep::KeyComparator& cmp, Allocator* allocator,
    const SliceTransform* /*transform*/, Logger* /*logger*/) {
  (void)count_;  // a capacity hint; the SetRep stand-in does not reserve
  return NewSetRep(cmp, allocator);
}

MemTableRepFactory* NewHashSkipListRepFactory(
    size_t bucket_count, int32_t skiplist_height,
    int32_t skiplist_branching_factor) {
  return new HashSkipListRepFactory(bucket_count, skiplist_height,
                                    skiplist_branching_factor);
}

MemTableRepFactory* NewHashLinkListRepFactory(
    size_t bucket_count, size_t huge_page_tlb_size,
    int bucket_entries_logging_threshold, bool if_log_bucket_dist_when_flash,
    uint32_t threshold_use_skiplist) {
  return new HashLinkListRepFactory(
      bucket_count, huge_page_tlb_size, bucket_entries_logging_threshold,
      if_log_bucket_dist_when_flash, threshold_use_skiplist);
}

}  // namespace ROCKSDB_NAMESPACE
