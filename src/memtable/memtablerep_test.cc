// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in MemTableRepFactory names, ids and CreateFromString (observed
// on RocksDB 7.8.3), and the behaviour of the reps they create.
#include "rocksdb/memtablerep.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "memtable/allocator.h"
#include "memtable/memtable_allocator.h"
#include "rocksdb/convenience.h"
#include "util/arena.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Allocator over util/Arena (malloc-backed, single-threaded use here).
class TestAllocator : public Allocator {
 public:
  char* Allocate(size_t bytes) override { return arena_.Allocate(bytes); }
  char* AllocateAligned(size_t bytes, size_t, Logger*) override {
    return arena_.AllocateAligned(bytes);
  }
  size_t BlockSize() const override { return arena_.BlockSize(); }

 private:
  Arena arena_;
};

// Orders entries by their length-prefixed key, bytewise.
class TestComparator : public MemTableRep::KeyComparator {
 public:
  int operator()(const char* a, const char* b) const override {
    return GetLengthPrefixedSlice(a).compare(GetLengthPrefixedSlice(b));
  }
  int operator()(const char* a, const Slice& key) const override {
    return GetLengthPrefixedSlice(a).compare(key);
  }
};

// Builds "varint32 length + key" in rep memory and inserts it.
bool Insert(MemTableRep* rep, const std::string& key) {
  char* buf = nullptr;
  const size_t len = VarintLength(key.size()) + key.size();
  KeyHandle handle = rep->Allocate(len, &buf);
  char* p = EncodeVarint32(buf, static_cast<uint32_t>(key.size()));
  memcpy(p, key.data(), key.size());
  return rep->InsertKey(handle);
}

std::string Key(const char* entry) {
  return GetLengthPrefixedSlice(entry).ToString();
}

std::string Entry(const std::string& key) {
  std::string out;
  PutLengthPrefixedSlice(&out, key);
  return out;
}

class MemTableRepTest : public testing::TestWithParam<int> {
 protected:
  std::unique_ptr<MemTableRepFactory> Factory() {
    switch (GetParam()) {
      case 0:
        return std::unique_ptr<MemTableRepFactory>(new SkipListFactory());
      case 1:
        return std::unique_ptr<MemTableRepFactory>(new VectorRepFactory());
      case 2:
        return std::unique_ptr<MemTableRepFactory>(NewHashSkipListRepFactory());
      case 4:  // skip list whose iterators step before searching
        return std::unique_ptr<MemTableRepFactory>(new SkipListFactory(2));
      default:
        return std::unique_ptr<MemTableRepFactory>(NewHashLinkListRepFactory());
    }
  }
  TestAllocator allocator_;
  TestComparator cmp_;
};

TEST_P(MemTableRepTest, InsertSeekIterate) {
  std::unique_ptr<MemTableRep> rep(
      Factory()->CreateMemTableRep(cmp_, &allocator_, nullptr, nullptr));
  ASSERT_NE(rep, nullptr);
  for (const char* k : {"d", "b", "a", "c", "f"}) {
    EXPECT_TRUE(Insert(rep.get(), k));
  }
  EXPECT_FALSE(Insert(rep.get(), "b"));  // duplicate refused by InsertKey
  EXPECT_TRUE(rep->Contains(Entry("c").c_str()));
  EXPECT_FALSE(rep->Contains(Entry("e").c_str()));
  if (GetParam() == 0 || GetParam() == 4) {
    // The skip list keeps everything in the allocator.
    EXPECT_EQ(rep->ApproximateMemoryUsage(), 0u);
  } else {
    EXPECT_GT(rep->ApproximateMemoryUsage(), 0u);
  }

  std::unique_ptr<MemTableRep::Iterator> it(rep->GetIterator());
  std::string all;
  for (it->SeekToFirst(); it->Valid(); it->Next()) all += Key(it->key());
  EXPECT_EQ(all, "abcdf");
  all.clear();
  for (it->SeekToLast(); it->Valid(); it->Prev()) all += Key(it->key());
  EXPECT_EQ(all, "fdcba");

  // Forward seeks from a position (the lookahead path of case 4).
  it->SeekToFirst();
  for (const char* target : {"b", "c", "c", "e", "a"}) {
    it->Seek(target, nullptr);
    ASSERT_TRUE(it->Valid());
    EXPECT_EQ(Key(it->key()), std::string(target) == "e" ? "f" : target);
  }
  it->Seek("e", nullptr);
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(Key(it->key()), "f");
  const std::string entry = Entry("c");
  it->Seek(Slice(), entry.c_str());
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(Key(it->key()), "c");
  it->SeekForPrev("e", nullptr);
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(Key(it->key()), "d");
  it->SeekForPrev("d", nullptr);
  EXPECT_EQ(Key(it->key()), "d");
  it->SeekForPrev("0", nullptr);
  EXPECT_FALSE(it->Valid());
  it->Seek("g", nullptr);
  EXPECT_FALSE(it->Valid());

  // An arena-placed iterator is destroyed in place by its owner.
  Arena arena;
  MemTableRep::Iterator* in_arena = rep->GetIterator(&arena);
  in_arena->SeekToFirst();
  EXPECT_EQ(Key(in_arena->key()), "a");
  in_arena->~Iterator();
}

TEST_P(MemTableRepTest, IteratorSeesLaterInserts) {
  std::unique_ptr<MemTableRep> rep(
      Factory()->CreateMemTableRep(cmp_, &allocator_, nullptr, nullptr));
  Insert(rep.get(), "a");
  std::unique_ptr<MemTableRep::Iterator> it(rep->GetIterator());
  it->SeekToFirst();
  Insert(rep.get(), "b");
  it->Next();
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(Key(it->key()), "b");
}

INSTANTIATE_TEST_SUITE_P(AllFactories, MemTableRepTest,
                        testing::Values(0, 1, 2, 3, 4));

TEST(MemTableRepFactoryTest, NamesAndIds) {
  SkipListFactory skip;
  EXPECT_STREQ(skip.Name(), "SkipListFactory");
  EXPECT_EQ(skip.GetId(), "SkipListFactory");
  EXPECT_TRUE(skip.IsInsertConcurrentlySupported());
  EXPECT_TRUE(skip.CanHandleDuplicatedKey());
  EXPECT_TRUE(skip.IsInstanceOf("skip_list"));
  EXPECT_EQ(SkipListFactory(5).GetId(), "SkipListFactory:5");

  VectorRepFactory vec(5);
  EXPECT_STREQ(vec.Name(), "VectorRepFactory");
  EXPECT_EQ(vec.GetId(), "VectorRepFactory");
  EXPECT_FALSE(vec.IsInsertConcurrentlySupported());
  EXPECT_FALSE(vec.CanHandleDuplicatedKey());

  std::unique_ptr<MemTableRepFactory> hash(NewHashSkipListRepFactory());
  EXPECT_STREQ(hash->Name(), "HashSkipListRepFactory");
  EXPECT_TRUE(hash->IsInstanceOf("prefix_hash"));
  std::unique_ptr<MemTableRepFactory> list(NewHashLinkListRepFactory());
  EXPECT_STREQ(list->Name(), "HashLinkListRepFactory");
  EXPECT_TRUE(list->IsInstanceOf("hash_linkedlist"));
}

TEST(MemTableRepFactoryTest, CreateFromString) {
  ConfigOptions config;
  struct Case {
    const char* value;
    const char* name;  // nullptr: no factory
    const char* id;
  } cases[] = {
      {"", nullptr, nullptr},
      {"skip_list", "SkipListFactory", "SkipListFactory"},
      {"skip_list:16", "SkipListFactory", "SkipListFactory:16"},
      {"SkipListFactory", "SkipListFactory", "SkipListFactory"},
      {"id=skip_list;lookahead=3", "SkipListFactory", "SkipListFactory:3"},
      {"vector", "VectorRepFactory", "VectorRepFactory"},
      {"vector:1024", "VectorRepFactory", "VectorRepFactory"},
      {"prefix_hash:1000", "HashSkipListRepFactory", "HashSkipListRepFactory"},
      {"hash_linkedlist", "HashLinkListRepFactory", "HashLinkListRepFactory"},
      {"bogus", nullptr, nullptr},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    std::shared_ptr<MemTableRepFactory> factory;
    Status s = MemTableRepFactory::CreateFromString(config, c.value, &factory);
    ASSERT_TRUE(s.ok()) << s.ToString();
    if (c.name == nullptr) {
      EXPECT_EQ(factory, nullptr);
    } else {
      ASSERT_NE(factory, nullptr);
      EXPECT_STREQ(factory->Name(), c.name);
      EXPECT_EQ(factory->GetId(), c.id);
    }
  }

  std::unique_ptr<MemTableRepFactory> unique;
  Status s = MemTableRepFactory::CreateFromString(config, "cuckoo", &unique);
  EXPECT_EQ(s.ToString(),
            "Invalid argument: cuckoo hash memtable is not supported "
            "anymore.: cuckoo");
  config.ignore_unsupported_options = false;
  s = MemTableRepFactory::CreateFromString(config, "bogus", &unique);
  EXPECT_EQ(s.ToString(),
            "Not implemented: Could not load MemTableRepFactory: bogus");
}

TEST(MemTableRepFactoryTest, ConcurrentInserts) {
  // Entries come from the rep's Allocate on each thread; the memtable
  // allocator is safe for that.
  MemTableAllocator allocator(4096, nullptr);
  TestComparator cmp;
  SkipListFactory factory;
  std::unique_ptr<MemTableRep> rep(
      factory.CreateMemTableRep(cmp, &allocator, nullptr, nullptr));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 4000; i += 4) {
        const std::string key = std::to_string(i);
        char* buf = nullptr;
        KeyHandle handle =
            rep->Allocate(VarintLength(key.size()) + key.size(), &buf);
        char* p = EncodeVarint32(buf, static_cast<uint32_t>(key.size()));
        memcpy(p, key.data(), key.size());
        EXPECT_TRUE(rep->InsertKeyConcurrently(handle));
      }
    });
  }
  for (auto& th : threads) th.join();
  std::unique_ptr<MemTableRep::Iterator> it(rep->GetIterator());
  int count = 0;
  std::string prev;
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++count) {
    if (count > 0) {
      EXPECT_LT(prev, Key(it->key()));
    }
    prev = Key(it->key());
  }
  EXPECT_EQ(count, 4000);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
