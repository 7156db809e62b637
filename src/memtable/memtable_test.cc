// Copyright (c) the rocksdb-cleanroom authors.
//
// MemTable: point lookups for every entry kind, snapshots, merges, range
// tombstones, iteration, the flush rule (checked against the numbers
// RocksDB 7.8.3 reports), write buffer manager accounting and concurrent
// inserts; MemTableList versions.
#include "memtable/memtable.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "memtable/memtable_list.h"
#include "rocksdb/comparator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/write_buffer_manager.h"
#include "util/arena.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Joins operands with ','; keys named "fail*" make the merge fail.
class JoinOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice& key, const Slice* existing, const Slice& value,
             std::string* new_value, Logger* /*logger*/) const override {
    if (key.starts_with("fail")) return false;
    *new_value = existing == nullptr
                     ? value.ToString()
                     : existing->ToString() + "," + value.ToString();
    return true;
  }
  const char* Name() const override { return "Join"; }
};

// The outcome of one MemTable::Get, as text.
struct Result {
  bool decided;
  std::string status;
  std::string value;
  std::vector<std::string> operands;
};

class MemTableTest : public testing::Test {
 protected:
  MemTableTest() : icmp_(BytewiseComparator()) {
    options_.merge_operator = std::make_shared<JoinOperator>();
  }

  std::unique_ptr<MemTable> NewMem(WriteBufferManager* wbm = nullptr) {
    return std::unique_ptr<MemTable>(
        new MemTable(icmp_, options_, wbm, kMaxSequenceNumber));
  }

  static void Add(MemTable* mem, SequenceNumber seq, ValueType type,
                  const std::string& key, const std::string& value = "") {
    Status s = mem->Add(seq, type, key, value);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  static Result Get(MemTable* mem, const std::string& key, SequenceNumber seq,
                    SequenceNumber* covering = nullptr) {
    Result r;
    Status s;
    LookupKey lkey(key, seq);
    r.decided = mem->Get(lkey, &r.value, &s, covering, nullptr, &r.operands);
    r.status = s.ToString();
    return r;
  }

  // "value", "NotFound", "pending:<operands>" or "absent" (not decided,
  // nothing pending), or the error text.
  static std::string Lookup(MemTable* mem, const std::string& key,
                            SequenceNumber seq) {
    Result r = Get(mem, key, seq);
    if (!r.decided) {
      if (r.operands.empty()) return "absent";
      std::string out = "pending:";
      for (const std::string& op : r.operands) out += op + ";";
      return out;
    }
    if (r.status == "OK") return r.value;
    if (r.status == "NotFound: ") return "NotFound";
    return r.status;
  }

  InternalKeyComparator icmp_;
  MemTableOptions options_;
};

TEST_F(MemTableTest, PutDeleteAndSnapshots) {
  auto mem = NewMem();
  Add(mem.get(), 1, kTypeValue, "a", "a1");
  Add(mem.get(), 2, kTypeValue, "b", "b2");
  Add(mem.get(), 3, kTypeDeletion, "a");
  Add(mem.get(), 4, kTypeValue, "a", "a4");
  Add(mem.get(), 5, kTypeSingleDeletion, "b");
  Add(mem.get(), 6, kTypeValue, "", "empty-key");
  Add(mem.get(), 7, kTypeValue, "v", "");

  EXPECT_EQ(Lookup(mem.get(), "a", 0), "absent");
  EXPECT_EQ(Lookup(mem.get(), "a", 1), "a1");
  EXPECT_EQ(Lookup(mem.get(), "a", 2), "a1");
  EXPECT_EQ(Lookup(mem.get(), "a", 3), "NotFound");
  EXPECT_EQ(Lookup(mem.get(), "a", kMaxSequenceNumber), "a4");
  EXPECT_EQ(Lookup(mem.get(), "b", 4), "b2");
  EXPECT_EQ(Lookup(mem.get(), "b", 5), "NotFound");
  EXPECT_EQ(Lookup(mem.get(), "", 100), "empty-key");
  EXPECT_EQ(Lookup(mem.get(), "v", 100), "");
  EXPECT_EQ(Lookup(mem.get(), "c", 100), "absent");
  EXPECT_EQ(Lookup(mem.get(), std::string("a\0", 2), 100), "absent");

  EXPECT_EQ(mem->num_entries(), 7u);
  EXPECT_EQ(mem->num_deletes(), 2u);
  EXPECT_EQ(mem->GetFirstSequenceNumber(), 1u);
  EXPECT_EQ(mem->GetEarliestSequenceNumber(), 1u);
  EXPECT_GT(mem->get_data_size(), 0u);
  EXPECT_FALSE(mem->IsEmpty());
}

TEST_F(MemTableTest, SeqOutput) {
  auto mem = NewMem();
  Add(mem.get(), 10, kTypeValue, "k", "v");
  Add(mem.get(), 12, kTypeMerge, "k", "m");
  Status s;
  std::string value;
  std::vector<std::string> operands;
  SequenceNumber seq = kMaxSequenceNumber;
  LookupKey lkey("k", 100);
  ASSERT_TRUE(mem->Get(lkey, &value, &s, nullptr, &seq, &operands));
  EXPECT_EQ(value, "v,m");
  EXPECT_EQ(seq, 12u);
  seq = kMaxSequenceNumber;
  LookupKey other("x", 100);
  EXPECT_FALSE(mem->Get(other, &value, &s, nullptr, &seq, &operands));
  EXPECT_EQ(seq, kMaxSequenceNumber);
}

TEST_F(MemTableTest, Merges) {
  auto mem = NewMem();
  Add(mem.get(), 1, kTypeValue, "k", "base");
  Add(mem.get(), 2, kTypeMerge, "k", "x");
  Add(mem.get(), 3, kTypeMerge, "k", "y");
  Add(mem.get(), 4, kTypeMerge, "m", "only1");
  Add(mem.get(), 5, kTypeMerge, "m", "only2");
  Add(mem.get(), 6, kTypeDeletion, "d");
  Add(mem.get(), 7, kTypeMerge, "d", "z");
  Add(mem.get(), 8, kTypeMerge, "fail", "q");
  Add(mem.get(), 9, kTypeValue, "fail2", "base");
  Add(mem.get(), 10, kTypeMerge, "fail2", "q");

  EXPECT_EQ(Lookup(mem.get(), "k", 3), "base,x,y");
  EXPECT_EQ(Lookup(mem.get(), "k", 2), "base,x");
  // Operands without a base: the lookup must go on, newest first.
  EXPECT_EQ(Lookup(mem.get(), "m", 5), "pending:only2;only1;");
  Result r = Get(mem.get(), "m", 5);
  EXPECT_EQ(r.status, "Merge in progress: ");
  EXPECT_EQ(Lookup(mem.get(), "d", 7), "z");  // a deletion ends the chain
  EXPECT_EQ(Lookup(mem.get(), "fail", 8), "pending:q;");
  EXPECT_EQ(Lookup(mem.get(), "fail2", 10),
            "Corruption: Error: Could not perform merge.");
}

TEST_F(MemTableTest, MergeNeedsAnOperator) {
  options_.merge_operator.reset();
  auto mem = NewMem();
  Status s = mem->Add(1, kTypeMerge, "k", "v");
  EXPECT_EQ(s.ToString(),
            "Invalid argument: Merge requires "
            "`ColumnFamilyOptions::merge_operator != nullptr`");
  EXPECT_TRUE(mem->IsEmpty());
}

TEST_F(MemTableTest, RejectedAdds) {
  auto mem = NewMem();
  Add(mem.get(), 5, kTypeValue, "k", "v");
  EXPECT_TRUE(mem->Add(5, kTypeValue, "k", "other").IsTryAgain());
  EXPECT_TRUE(mem->Add(5, kTypeDeletion, "k", "").ok());  // other type
  EXPECT_TRUE(mem->Add(6, kTypeLogData, "k", "v").IsInvalidArgument());
  EXPECT_TRUE(
      mem->Add(6, kTypeColumnFamilyValue, "k", "v").IsInvalidArgument());
  EXPECT_EQ(mem->num_entries(), 2u);
  EXPECT_EQ(Lookup(mem.get(), "k", 5), "v");  // Put sorts before Delete
}

TEST_F(MemTableTest, UnsupportedEntryKindsInGet) {
  auto mem = NewMem();
  Add(mem.get(), 1, kTypeWideColumnEntity, "w", "columns");
  Result r = Get(mem.get(), "w", 1);
  EXPECT_TRUE(r.decided);
  EXPECT_EQ(r.status.rfind("Not implemented: ", 0), 0u) << r.status;
}

TEST_F(MemTableTest, RangeDeletions) {
  auto mem = NewMem();
  Add(mem.get(), 1, kTypeValue, "a", "a1");
  Add(mem.get(), 2, kTypeValue, "b", "b2");
  Add(mem.get(), 3, kTypeValue, "c", "c3");
  Add(mem.get(), 4, kTypeRangeDeletion, "a", "c");  // [a, c)
  Add(mem.get(), 5, kTypeValue, "b", "b5");
  Add(mem.get(), 6, kTypeMerge, "a", "m6");
  Add(mem.get(), 7, kTypeRangeDeletion, "x", "z");

  EXPECT_EQ(Lookup(mem.get(), "a", 3), "a1");
  EXPECT_EQ(Lookup(mem.get(), "a", 4), "NotFound");
  EXPECT_EQ(Lookup(mem.get(), "a", 6), "m6");  // merge over nothing
  EXPECT_EQ(Lookup(mem.get(), "b", 4), "NotFound");
  EXPECT_EQ(Lookup(mem.get(), "b", 5), "b5");
  EXPECT_EQ(Lookup(mem.get(), "c", 10), "c3");        // end is exclusive
  EXPECT_EQ(Lookup(mem.get(), "aa", 4), "NotFound");  // no entry, covered
  EXPECT_EQ(Lookup(mem.get(), "aa", 3), "absent");
  EXPECT_EQ(Lookup(mem.get(), "y", 10), "NotFound");
  EXPECT_EQ(Lookup(mem.get(), "z", 10), "absent");

  SequenceNumber covering = 0;
  Result r = Get(mem.get(), "bb", 10, &covering);
  EXPECT_TRUE(r.decided);
  EXPECT_EQ(covering, 4u);
  // A tombstone found in a newer memtable deletes older entries here.
  covering = 2;
  r = Get(mem.get(), "a", 10, &covering);
  EXPECT_EQ(r.value, "m6");
  covering = 4;  // a newer tombstone must be newer than the entry
  r = Get(mem.get(), "c", 10, &covering);
  EXPECT_EQ(r.status, "NotFound: ");

  EXPECT_EQ(mem->num_entries(), 7u);
  EXPECT_EQ(mem->num_range_deletes(), 2u);
  std::unique_ptr<InternalIterator> it(mem->NewRangeTombstoneIterator());
  std::vector<std::string> tombstones;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ParsedInternalKey parsed;
    ASSERT_TRUE(ParseInternalKey(it->key(), &parsed, true).ok());
    EXPECT_EQ(parsed.type, kTypeRangeDeletion);
    tombstones.push_back(parsed.user_key.ToString() + "-" +
                         it->value().ToString() + "@" +
                         std::to_string(parsed.sequence));
  }
  EXPECT_EQ(tombstones, (std::vector<std::string>{"a-c@4", "x-z@7"}));
  // Point iteration does not show tombstones.
  std::unique_ptr<InternalIterator> points(mem->NewIterator());
  int count = 0;
  for (points->SeekToFirst(); points->Valid(); points->Next()) ++count;
  EXPECT_EQ(count, 5);
}

TEST_F(MemTableTest, Iterator) {
  auto mem = NewMem();
  std::map<std::string, std::string> model;  // internal key -> value
  for (int i = 0; i < 200; ++i) {
    const std::string key = "key" + std::to_string(i % 50);
    const SequenceNumber seq = 1000 - i;  // out-of-order sequences too
    const ValueType type = i % 7 == 0 ? kTypeDeletion : kTypeValue;
    const std::string value = type == kTypeValue ? "v" + std::to_string(i) : "";
    Add(mem.get(), seq, type, key, value);
    InternalKey ikey(key, seq, type);
    model[ikey.Encode().ToString()] = value;
  }
  std::vector<std::string> expected;
  for (const auto& kv : model) expected.push_back(kv.first);
  std::sort(expected.begin(), expected.end(),
            [&](const std::string& a, const std::string& b) {
              return icmp_.Compare(a, b) < 0;
            });

  Arena arena;
  InternalIterator* it = mem->NewIterator(&arena);
  std::vector<std::string> seen;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    seen.push_back(it->key().ToString());
    EXPECT_EQ(it->value().ToString(), model[it->key().ToString()]);
  }
  EXPECT_EQ(seen, expected);
  EXPECT_TRUE(it->status().ok());
  seen.clear();
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    seen.insert(seen.begin(), it->key().ToString());
  }
  EXPECT_EQ(seen, expected);

  // Seek with a lookup key lands on the newest visible entry of the key.
  LookupKey lkey("key7", 990);
  it->Seek(lkey.internal_key());
  ASSERT_TRUE(it->Valid());
  ParsedInternalKey parsed;
  ASSERT_TRUE(ParseInternalKey(it->key(), &parsed, true).ok());
  EXPECT_EQ(parsed.user_key.ToString(), "key7");
  EXPECT_LE(parsed.sequence, 990u);
  it->SeekForPrev(InternalKey("key7", 0, kTypeDeletion).Encode());
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->user_key().ToString(), "key7");
  it->Seek(InternalKey("zzz", kMaxSequenceNumber, kValueTypeForSeek).Encode());
  EXPECT_FALSE(it->Valid());
  DestroyInternalIterator(it, /*in_arena=*/true);
}

// Adds 16-byte keys with 100-byte values until the memtable asks for a
// flush; returns how many entries it took.
int FillUntilFlush(MemTable* mem) {
  int n = 0;
  char key[17];
  const std::string value(100, 'v');
  while (!mem->ShouldScheduleFlush() && n < 10000000) {
    snprintf(key, sizeof(key), "%016d", n);
    Status s =
        mem->Add(static_cast<SequenceNumber>(n + 1), kTypeValue, key, value);
    EXPECT_TRUE(s.ok());
    ++n;
  }
  return n;
}

TEST_F(MemTableTest, FlushRuleMatchesRocksDB) {
  // RocksDB 7.8.3 reports 2048 bytes for an empty memtable, and (16-byte
  // keys, 100-byte values) switches memtables at these sizes.
  EXPECT_EQ(NewMem()->ApproximateMemoryUsage(), 2048u);
  struct Case {
    size_t write_buffer_size;
    size_t arena_block_size;
    size_t expected_usage;  // rocksdb.cur-size-active-mem-table at the switch
    int rocksdb_entries;    // entries RocksDB held then (+-2)
  } cases[] = {
      {1 << 20, 0, 1050688, 7010},
      {64 << 10, 0, 67648, 444},
      {1 << 20, 4096, 1048568, 7133},
      {4 << 20, 0, 4196416, 28016},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.write_buffer_size);
    options_.write_buffer_size = c.write_buffer_size;
    options_.arena_block_size = c.arena_block_size;
    auto mem = NewMem();
    EXPECT_FALSE(mem->ShouldFlush());
    const int n = FillUntilFlush(mem.get());
    EXPECT_TRUE(mem->ShouldFlush());
    EXPECT_EQ(mem->ApproximateMemoryUsage(), c.expected_usage);
    // Node layout differs from RocksDB's; the entry count is close.
    EXPECT_NEAR(n, c.rocksdb_entries, c.rocksdb_entries / 20 + 2);
    EXPECT_TRUE(mem->MarkFlushScheduled());
    EXPECT_FALSE(mem->MarkFlushScheduled());
    EXPECT_FALSE(mem->ShouldScheduleFlush());
  }
}

TEST_F(MemTableTest, ArenaBlockSize) {
  MemTableOptions o;
  o.write_buffer_size = 64 << 20;
  EXPECT_EQ(MemTableArenaBlockSize(o), 1u << 20);
  o.write_buffer_size = 1 << 20;
  EXPECT_EQ(MemTableArenaBlockSize(o), 128u << 10);
  o.write_buffer_size = 100000;
  EXPECT_EQ(MemTableArenaBlockSize(o), 16384u);  // 12500 rounded to 4 KiB
  o.write_buffer_size = 1000;
  EXPECT_EQ(MemTableArenaBlockSize(o), 4096u);
  o.arena_block_size = 65536;
  EXPECT_EQ(MemTableArenaBlockSize(o), 65536u);

  ColumnFamilyOptions cf;
  cf.write_buffer_size = 12345;
  cf.arena_block_size = 8192;
  MemTableOptions from(cf);
  EXPECT_EQ(from.write_buffer_size, 12345u);
  EXPECT_EQ(from.arena_block_size, 8192u);
  EXPECT_EQ(from.memtable_factory, cf.memtable_factory);
}

TEST_F(MemTableTest, WriteBufferManagerAccounting) {
  WriteBufferManager wbm(100 << 20);
  options_.write_buffer_size = 1 << 20;
  {
    auto mem = NewMem(&wbm);
    EXPECT_EQ(wbm.memory_usage(), 0u);  // the inline block is not charged
    FillUntilFlush(mem.get());
    const size_t charged = mem->ApproximateMemoryUsage() - 2048;
    EXPECT_EQ(wbm.memory_usage(), charged);
    EXPECT_EQ(wbm.mutable_memtable_memory_usage(), charged);
    mem->MarkImmutable();
    mem->MarkImmutable();
    EXPECT_EQ(wbm.memory_usage(), charged);
    EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 0u);
  }
  EXPECT_EQ(wbm.memory_usage(), 0u);
  {
    auto mem = NewMem(&wbm);  // destroyed while still mutable
    FillUntilFlush(mem.get());
  }
  EXPECT_EQ(wbm.memory_usage(), 0u);
  EXPECT_EQ(wbm.mutable_memtable_memory_usage(), 0u);
}

TEST_F(MemTableTest, ConcurrentAdds) {
  auto mem = NewMem();
  constexpr int kThreads = 4;
  constexpr int kPerThread = 3000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const SequenceNumber seq =
            static_cast<SequenceNumber>(i * kThreads + t + 1);
        const std::string key = "k" + std::to_string(seq);
        Status s = mem->Add(seq, i % 5 == 0 ? kTypeDeletion : kTypeValue, key,
                            "v" + std::to_string(seq),
                            /*allow_concurrent=*/true);
        EXPECT_TRUE(s.ok());
      }
    });
  }
  // A reader runs alongside.
  std::thread reader([&] {
    for (int i = 0; i < 2000; ++i) {
      Lookup(mem.get(), "k" + std::to_string(i + 1), kMaxSequenceNumber);
    }
  });
  for (auto& th : threads) th.join();
  reader.join();
  EXPECT_EQ(mem->num_entries(), uint64_t{kThreads * kPerThread});
  EXPECT_EQ(mem->num_deletes(), uint64_t{kThreads * kPerThread / 5});
  EXPECT_EQ(mem->GetFirstSequenceNumber(), 1u);
  for (int seq = 1; seq <= kThreads * kPerThread; ++seq) {
    const int i = (seq - 1) / kThreads;
    EXPECT_EQ(Lookup(mem.get(), "k" + std::to_string(seq), kMaxSequenceNumber),
              i % 5 == 0 ? "NotFound" : "v" + std::to_string(seq));
  }
}

TEST_F(MemTableTest, OtherRepFactories) {
  for (auto factory :
       {std::shared_ptr<MemTableRepFactory>(new VectorRepFactory()),
        std::shared_ptr<MemTableRepFactory>(NewHashSkipListRepFactory())}) {
    SCOPED_TRACE(factory->Name());
    options_.memtable_factory = factory;
    auto mem = NewMem();
    Add(mem.get(), 1, kTypeValue, "a", "1");
    Add(mem.get(), 2, kTypeMerge, "a", "2");
    Add(mem.get(), 3, kTypeDeletion, "b");
    Add(mem.get(), 4, kTypeRangeDeletion, "c", "d");
    Add(mem.get(), 1, kTypeValue, "c", "old");
    EXPECT_EQ(Lookup(mem.get(), "a", 10), "1,2");
    EXPECT_EQ(Lookup(mem.get(), "b", 10), "NotFound");
    EXPECT_EQ(Lookup(mem.get(), "c", 10), "NotFound");
    EXPECT_EQ(Lookup(mem.get(), "c", 3), "old");
    std::unique_ptr<InternalIterator> it(mem->NewIterator());
    int count = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
    EXPECT_EQ(count, 4);
  }
}

TEST_F(MemTableTest, RefCounting) {
  MemTable* mem = new MemTable(icmp_, options_, nullptr, 5);
  EXPECT_EQ(mem->GetEarliestSequenceNumber(), 5u);
  mem->Ref();
  mem->Ref();
  EXPECT_FALSE(mem->Unref());
  EXPECT_TRUE(mem->Unref());
  delete mem;
}

class MemTableListTest : public MemTableTest {
 protected:
  MemTable* NewRefdMem() {
    MemTable* m = new MemTable(icmp_, options_, nullptr, kMaxSequenceNumber);
    m->Ref();
    return m;
  }
};

TEST_F(MemTableListTest, VersionsAndLookups) {
  MemTableList list;
  EXPECT_EQ(list.NumNotFlushed(), 0);
  EXPECT_FALSE(list.IsFlushPending());
  EXPECT_EQ(list.ApproximateMemoryUsage(), 0u);

  MemTable* oldest = NewRefdMem();
  Add(oldest, 1, kTypeValue, "k", "base");
  Add(oldest, 2, kTypeValue, "gone", "x");
  Add(oldest, 3, kTypeValue, "keep", "old");
  list.Add(oldest);
  EXPECT_TRUE(oldest->IsImmutable());

  MemTableListVersion* v1 = list.current();
  v1->Ref();  // a reader holds the one-memtable version

  MemTable* newer = NewRefdMem();
  Add(newer, 4, kTypeMerge, "k", "m1");
  Add(newer, 5, kTypeRangeDeletion, "g", "h");
  Add(newer, 6, kTypeValue, "keep", "new");
  list.Add(newer);
  EXPECT_EQ(list.NumNotFlushed(), 2);
  EXPECT_TRUE(list.IsFlushPending());
  EXPECT_EQ(list.ApproximateMemoryUsage(),
            oldest->ApproximateMemoryUsage() + newer->ApproximateMemoryUsage());

  MemTableListVersion* v2 = list.current();
  ASSERT_EQ(v2->memlist().size(), 2u);
  EXPECT_EQ(v2->memlist()[0], newer);
  EXPECT_EQ(v2->GetTotalNumEntries(), 6u);
  EXPECT_EQ(v2->GetEarliestSequenceNumber(), 1u);

  // The active memtable gathers operands; the list finishes the lookup.
  MemTable* active = NewRefdMem();
  Add(active, 7, kTypeMerge, "k", "m2");
  Status s;
  std::string value;
  std::vector<std::string> operands;
  SequenceNumber covering = 0;
  LookupKey lkey("k", 10);
  EXPECT_FALSE(active->Get(lkey, &value, &s, &covering, nullptr, &operands));
  EXPECT_TRUE(s.IsMergeInProgress());
  EXPECT_TRUE(v2->Get(lkey, &value, &s, &covering, nullptr, &operands));
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(value, "base,m1,m2");

  operands.clear();
  covering = 0;
  s = Status::OK();
  LookupKey gone("gone", 10);
  EXPECT_TRUE(v2->Get(gone, &value, &s, &covering, nullptr, &operands));
  EXPECT_TRUE(s.IsNotFound());
  // The old version still shows the old state.
  covering = 0;
  s = Status::OK();
  EXPECT_TRUE(v1->Get(gone, &value, &s, &covering, nullptr, &operands));
  EXPECT_EQ(value, "x");
  LookupKey keep("keep", 10);
  EXPECT_TRUE(v2->Get(keep, &value, &s, &covering, nullptr, &operands));
  EXPECT_EQ(value, "new");

  std::vector<InternalIterator*> iters;
  v2->AddIterators(nullptr, &iters);
  v2->AddRangeTombstoneIterators(nullptr, &iters);
  EXPECT_EQ(iters.size(), 4u);
  for (InternalIterator* it : iters) delete it;

  // Flush bookkeeping.
  std::vector<MemTable*> picked;
  list.PickMemtablesToFlush(&picked);
  ASSERT_EQ(picked.size(), 2u);
  EXPECT_EQ(picked[0], oldest);  // oldest first
  EXPECT_FALSE(list.IsFlushPending());
  list.RollbackMemtableFlush(picked);
  EXPECT_TRUE(list.IsFlushPending());
  picked.clear();
  list.PickMemtablesToFlush(&picked);
  list.RemoveFlushed({oldest});
  EXPECT_EQ(list.NumNotFlushed(), 1);
  EXPECT_EQ(list.current()->memlist().size(), 1u);
  EXPECT_TRUE(oldest->IsFlushCompleted());

  v1->Unref();  // the last holder of `oldest`: deletes it (ASan checks)
  if (active->Unref()) delete active;
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
