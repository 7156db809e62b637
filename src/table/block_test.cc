// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBuilder + Block iterators against a sorted-vector model: random keys
// with shared prefixes, several restart intervals, random walks of Seek /
// SeekForPrev / SeekToFirst / SeekToLast / Next / Prev; index blocks in
// every encoding; the hash-index flag; global sequence numbers; and
// damaged or random blocks, which must give Corruption (run under ASan:
// blocks are copied into exact-size heap buffers so an overread shows).

#include "table/block.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "table/block_builder.h"
#include "table/format.h"
#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A Block owning an exact-size copy of bytes.
std::unique_ptr<Block> MakeBlock(const Slice& bytes) {
  std::unique_ptr<char[]> buf(new char[bytes.size() > 0 ? bytes.size() : 1]);
  if (!bytes.empty()) memcpy(buf.get(), bytes.data(), bytes.size());
  return std::unique_ptr<Block>(
      new Block(BlockContents(std::move(buf), bytes.size())));
}

std::string BuildBlock(const Entries& entries, int interval) {
  BlockBuilder b(interval);
  for (const auto& e : entries) b.Add(e.first, e.second);
  return b.Finish().ToString();
}

// Random user keys drawn from a few prefixes so that entries share bytes.
std::string RandomUserKey(Random* rnd) {
  static const char* const kPrefixes[] = {
      "", "a", "app", "apple", "b/x/", "zzzzzzzzzzzzzzzzzzzzzz"};
  std::string k = kPrefixes[rnd->Uniform(6)];
  const int extra = static_cast<int>(rnd->Uniform(6));
  for (int i = 0; i < extra; ++i) {
    k.push_back(static_cast<char>('a' + rnd->Uniform(4)));
  }
  return k;
}

// Sorted, distinct internal keys with random values.
Entries RandomEntries(Random* rnd, const InternalKeyComparator& icmp, int n) {
  Entries v;
  for (int i = 0; i < n; ++i) {
    const std::string uk = RandomUserKey(rnd);
    const SequenceNumber seq = rnd->Uniform(50);
    const ValueType t = rnd->Uniform(3) == 0 ? kTypeDeletion : kTypeValue;
    std::string value(rnd->Uniform(3) == 0 ? 0 : rnd->Uniform(200),
                      static_cast<char>('A' + i % 26));
    if (rnd->Uniform(10) == 0) value.assign(300, 'L');  // 2-byte varint
    v.emplace_back(InternalKey(uk, seq, t).Encode().ToString(), value);
  }
  std::sort(v.begin(), v.end(), [&](const auto& a, const auto& b) {
    return icmp.Compare(a.first, b.first) < 0;
  });
  v.erase(std::unique(v.begin(), v.end(),
                      [&](const auto& a, const auto& b) {
                        return icmp.Compare(a.first, b.first) == 0;
                      }),
          v.end());
  return v;
}

// Positions of a sorted-vector model; -1 or size() means not Valid.
class Model {
 public:
  Model(const Entries* e, const CompareInterface* cmp) : e_(e), cmp_(cmp) {}
  bool Valid() const { return pos_ >= 0 && pos_ < Size(); }
  void SeekToFirst() { pos_ = 0; }
  void SeekToLast() { pos_ = Size() - 1; }
  void Seek(const Slice& t) {
    pos_ = 0;
    while (pos_ < Size() && cmp_->Compare((*e_)[pos_].first, t) < 0) ++pos_;
  }
  void SeekForPrev(const Slice& t) {
    pos_ = Size() - 1;
    while (pos_ >= 0 && cmp_->Compare((*e_)[pos_].first, t) > 0) --pos_;
  }
  void Next() { ++pos_; }
  void Prev() { --pos_; }
  const std::string& key() const { return (*e_)[pos_].first; }
  const std::string& value() const { return (*e_)[pos_].second; }

 private:
  int Size() const { return static_cast<int>(e_->size()); }
  const Entries* e_;
  const CompareInterface* cmp_;
  int pos_ = -1;
};

// Runs `steps` random operations on iter and the model, comparing after
// each. make_target builds a seek target.
template <typename MakeTarget>
void RandomWalk(InternalIterator* iter, Model* model, Random* rnd, int steps,
                MakeTarget make_target) {
  iter->SeekToFirst();
  model->SeekToFirst();
  for (int step = 0; step < steps; ++step) {
    const uint32_t op = rnd->Uniform(10);
    if (op == 0) {
      iter->SeekToFirst();
      model->SeekToFirst();
    } else if (op == 1) {
      iter->SeekToLast();
      model->SeekToLast();
    } else if (op < 4) {
      const std::string t = make_target(rnd);
      iter->Seek(t);
      model->Seek(t);
    } else if (op < 6) {
      const std::string t = make_target(rnd);
      iter->SeekForPrev(t);
      model->SeekForPrev(t);
    } else if (model->Valid() && op < 8) {
      iter->Next();
      model->Next();
    } else if (model->Valid()) {
      iter->Prev();
      model->Prev();
    }
    ASSERT_TRUE(iter->status().ok()) << iter->status().ToString();
    ASSERT_EQ(iter->Valid(), model->Valid()) << "step " << step;
    if (model->Valid()) {
      ASSERT_EQ(iter->key().ToString(), model->key()) << "step " << step;
      ASSERT_EQ(iter->value().ToString(), model->value()) << "step " << step;
    }
  }
}

class BlockModelTest : public testing::TestWithParam<int> {};

TEST_P(BlockModelTest, DataBlockMatchesModel) {
  const int interval = GetParam();
  InternalKeyComparator icmp(BytewiseComparator());
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    Random rnd(seed * 7919 + static_cast<uint32_t>(interval));
    const Entries entries =
        RandomEntries(&rnd, icmp, 1 + static_cast<int>(rnd.Uniform(300)));
    auto block = MakeBlock(BuildBlock(entries, interval));
    ASSERT_TRUE(block->ok());
    EXPECT_EQ(block->NumRestarts(), (entries.size() + interval - 1) / interval);
    std::unique_ptr<DataBlockIter> iter(block->NewDataIterator(&icmp));
    // Full scans both ways.
    size_t i = 0;
    for (iter->SeekToFirst(); iter->Valid(); iter->Next(), ++i) {
      ASSERT_EQ(iter->key().ToString(), entries[i].first);
      ASSERT_EQ(iter->value().ToString(), entries[i].second);
      ASSERT_EQ(iter->user_key().ToString(),
                ExtractUserKey(entries[i].first).ToString());
    }
    ASSERT_EQ(i, entries.size());
    for (iter->SeekToLast(); iter->Valid(); iter->Prev()) {
      ASSERT_EQ(iter->key().ToString(), entries[--i].first);
    }
    ASSERT_EQ(i, 0u);
    ASSERT_TRUE(iter->status().ok());
    // Every key seeks to itself, both ways.
    for (const auto& e : entries) {
      iter->Seek(e.first);
      ASSERT_TRUE(iter->Valid());
      ASSERT_EQ(iter->key().ToString(), e.first);
      iter->SeekForPrev(e.first);
      ASSERT_TRUE(iter->Valid());
      ASSERT_EQ(iter->key().ToString(), e.first);
    }
    Model model(&entries, &icmp);
    RandomWalk(iter.get(), &model, &rnd, 2000, [](Random* r) {
      return InternalKey(RandomUserKey(r), r->Uniform(60),
                         r->Uniform(2) ? kTypeValue : kValueTypeForSeek)
          .Encode()
          .ToString();
    });
  }
}

TEST_P(BlockModelTest, MetaBlockMatchesModel) {
  const int interval = GetParam();
  Random rnd(99 + static_cast<uint32_t>(interval));
  Entries entries;
  for (int i = 0; i < 200; ++i) {
    entries.emplace_back(RandomUserKey(&rnd) + std::to_string(i % 7),
                         std::to_string(i));
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const auto& a, const auto& b) {
                              return a.first == b.first;
                            }),
                entries.end());
  auto block = MakeBlock(BuildBlock(entries, interval));
  std::unique_ptr<MetaBlockIter> iter(block->NewMetaIterator());
  Model model(&entries, BytewiseComparator());
  RandomWalk(iter.get(), &model, &rnd, 3000, [](Random* r) {
    return RandomUserKey(r) + std::to_string(r->Uniform(8));
  });
}

// Index blocks: user-key separators -> handles of consecutive blocks, in
// the delta-encoded and the plain form; internal-key separators too.
TEST_P(BlockModelTest, IndexBlockMatchesModel) {
  const int interval = GetParam();
  InternalKeyComparator icmp(BytewiseComparator());
  for (int form = 0; form < 3; ++form) {
    const bool user_keys = form != 2;
    const bool delta = form == 0;
    Random rnd(7 + static_cast<uint32_t>(form * 100 + interval));
    std::vector<std::string> seps;
    for (int i = 0; i < 150; ++i) seps.push_back(RandomUserKey(&rnd));
    std::sort(seps.begin(), seps.end());
    seps.erase(std::unique(seps.begin(), seps.end()), seps.end());
    BlockBuilder builder(interval, true, delta);
    Entries entries;  // stored key -> full encoded handle
    std::vector<BlockHandle> handles;
    BlockHandle prev;
    for (size_t i = 0; i < seps.size(); ++i) {
      const BlockHandle h(
          i == 0 ? 0 : prev.offset() + prev.size() + kBlockTrailerSize,
          1000 + rnd.Uniform(5000));
      std::string full;
      h.EncodeTo(&full);
      std::string d;
      PutVarsignedint64(&d, static_cast<int64_t>(h.size()) -
                                static_cast<int64_t>(prev.size()));
      const Slice ds(d);
      const std::string key =
          user_keys ? seps[i]
                    : InternalKey(seps[i], 5, kTypeValue).Encode().ToString();
      builder.Add(key, full, delta ? &ds : nullptr);
      entries.emplace_back(key, full);
      handles.push_back(h);
      prev = h;
    }
    auto block = MakeBlock(builder.Finish());
    std::unique_ptr<IndexBlockIter> iter(
        block->NewIndexIterator(&icmp, user_keys, delta));
    size_t i = 0;
    for (iter->SeekToFirst(); iter->Valid(); iter->Next(), ++i) {
      ASSERT_EQ(iter->key().ToString(), entries[i].first);
      ASSERT_EQ(iter->value_handle(), handles[i]) << form << " " << i;
      ASSERT_EQ(iter->value().ToString(), entries[i].second);
      ASSERT_EQ(iter->user_key().ToString(), seps[i]);
    }
    ASSERT_EQ(i, seps.size());
    for (iter->SeekToLast(); iter->Valid(); iter->Prev()) {
      ASSERT_EQ(iter->value_handle(), handles[--i]) << form << " " << i;
    }
    // Seek targets are internal keys; user-key separators compare by the
    // target's user key.
    Model model(&entries, user_keys ? static_cast<const CompareInterface*>(
                                          BytewiseComparator())
                                    : &icmp);
    for (int step = 0; step < 2000; ++step) {
      const std::string uk = RandomUserKey(&rnd);
      const std::string target =
          InternalKey(uk, rnd.Uniform(10), kValueTypeForSeek)
              .Encode()
              .ToString();
      const std::string model_target = user_keys ? uk : target;
      if (step % 2 == 0) {
        iter->Seek(target);
        model.Seek(model_target);
      } else {
        iter->SeekForPrev(target);
        model.SeekForPrev(model_target);
      }
      ASSERT_EQ(iter->Valid(), model.Valid());
      if (model.Valid()) {
        ASSERT_EQ(iter->key().ToString(), model.key());
        ASSERT_EQ(iter->value().ToString(), model.value());
        if (rnd.Uniform(2) == 0) {
          iter->Prev();
          model.Prev();
        } else {
          iter->Next();
          model.Next();
        }
        ASSERT_EQ(iter->Valid(), model.Valid());
        if (model.Valid()) ASSERT_EQ(iter->value().ToString(), model.value());
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Intervals, BlockModelTest,
                         testing::Values(1, 2, 3, 16, 1000));

// ---- Exact bytes and special blocks ---------------------------------------

TEST(BlockBuilderTest, EncodesEntriesAsSpecified) {
  BlockBuilder empty(16);
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.CurrentSizeEstimate(), 8u);
  EXPECT_EQ(empty.Finish().ToString(true), "0000000001000000");

  // Two keys sharing "key" in one interval, as SstFileWriter writes them.
  BlockBuilder b(16);
  b.Add(InternalKey("key1", 0, kTypeValue).Encode(), "value1");
  EXPECT_EQ(b.CurrentSizeEstimate(), 21u + 8u);
  b.Add(InternalKey("key2", 0, kTypeValue).Encode(), "value2");
  EXPECT_EQ(b.NumEntries(), 2u);
  EXPECT_EQ(b.Finish().ToString(true),
            "000C066B657931010000000000000076616C756531030906320100000000"
            "00000076616C7565320000000001000000");
  b.Reset();
  EXPECT_TRUE(b.empty());

  // Interval 1 restarts at every entry; no delta encoding shares nothing.
  BlockBuilder one(1);
  one.Add("abc", "1");
  one.Add("abd", "2");
  EXPECT_EQ(one.Finish().ToString(true),
            "0003016162633100030161626432"
            "00000000"
            "07000000"
            "02000000");
  BlockBuilder plain(16, false);
  plain.Add("abc", "1");
  plain.Add("abd", "2");
  EXPECT_EQ(plain.Finish().ToString(true),
            "0003016162633100030161626432"
            "00000000"
            "01000000");
  BlockBuilder shared(16);
  shared.Add("abc", "1");
  shared.Add("abd", "2");
  EXPECT_EQ(shared.Finish().ToString(true),
            "000301616263310201016432"
            "00000000"
            "01000000");

  // Value delta encoding: no value length; the delta only when the key
  // shares a prefix.
  BlockBuilder idx(16, true, true);
  const Slice d1("D1"), d2("D2");
  idx.Add("abc", "FULL1", &d1);
  idx.Add("abd", "FULL2", &d2);
  idx.Add("x", "FULL3", &d1);
  EXPECT_EQ(idx.Finish().ToString(true),
            "0003616263"
            "46554C4C31"
            "020164"
            "4432"
            "000178"
            "46554C4C33"
            "00000000"
            "01000000");
  EXPECT_GT(idx.EstimateSizeAfterKV("k", "v"), 0u);
}

TEST(BlockTest, EmptyAndTinyBlocks) {
  InternalKeyComparator icmp(BytewiseComparator());
  for (const std::string& bytes :
       {std::string("\0\0\0\0\1\0\0\0", 8), std::string(4, '\0')}) {
    auto block = MakeBlock(bytes);
    ASSERT_TRUE(block->ok());
    std::unique_ptr<DataBlockIter> it(block->NewDataIterator(&icmp));
    it->SeekToFirst();
    EXPECT_FALSE(it->Valid());
    it->SeekToLast();
    EXPECT_FALSE(it->Valid());
    it->Seek(InternalKey("a", 1, kTypeValue).Encode());
    EXPECT_FALSE(it->Valid());
    it->SeekForPrev(InternalKey("a", 1, kTypeValue).Encode());
    EXPECT_FALSE(it->Valid());
    EXPECT_TRUE(it->status().ok());
  }
  for (const std::string& bytes :
       {std::string(), std::string("\1\0\0", 3), std::string("\2\0\0\0", 4),
        std::string("xx\0\0\0\0", 6), std::string("\xff\xff\xff\x7f", 4),
        std::string("\0\0\0\x80", 4)}) {
    auto block = MakeBlock(bytes);
    EXPECT_FALSE(block->ok()) << Slice(bytes).ToString(true);
    std::unique_ptr<DataBlockIter> it(block->NewDataIterator(&icmp));
    it->SeekToFirst();
    EXPECT_FALSE(it->Valid());
    EXPECT_TRUE(it->status().IsCorruption());
    std::unique_ptr<MetaBlockIter> m(block->NewMetaIterator());
    EXPECT_TRUE(m->status().IsCorruption());
    std::unique_ptr<IndexBlockIter> x(
        block->NewIndexIterator(&icmp, true, true));
    EXPECT_TRUE(x->status().IsCorruption());
  }
}

TEST(BlockTest, HashIndexIsSkipped) {
  InternalKeyComparator icmp(BytewiseComparator());
  Random rnd(5);
  const Entries entries = RandomEntries(&rnd, icmp, 100);
  std::string bytes = BuildBlock(entries, 4);
  const uint32_t num_restarts = DecodeFixed32(bytes.data() + bytes.size() - 4);
  bytes.resize(bytes.size() - 4);
  const int kBuckets = 29;
  for (int i = 0; i < kBuckets; ++i) bytes.push_back('\xfe');
  PutFixed16(&bytes, kBuckets);
  PutFixed32(&bytes, num_restarts | 0x80000000u);
  auto block = MakeBlock(bytes);
  ASSERT_TRUE(block->ok());
  EXPECT_TRUE(block->HasHashIndex());
  EXPECT_EQ(block->NumRestarts(), num_restarts);
  std::unique_ptr<DataBlockIter> it(block->NewDataIterator(&icmp));
  Model model(&entries, &icmp);
  RandomWalk(it.get(), &model, &rnd, 1000, [](Random* r) {
    return InternalKey(RandomUserKey(r), r->Uniform(60), kTypeValue)
        .Encode()
        .ToString();
  });
}

TEST(BlockTest, GlobalSequenceNumberReplacesStoredOne) {
  InternalKeyComparator icmp(BytewiseComparator());
  Entries stored;
  for (const char* k : {"a", "b", "c", "d"}) {
    stored.emplace_back(InternalKey(k, 0, kTypeValue).Encode().ToString(),
                        std::string("v") + k);
  }
  stored[2].first = InternalKey("c", 0, kTypeMerge).Encode().ToString();
  auto block = MakeBlock(BuildBlock(stored, 2));
  std::unique_ptr<DataBlockIter> it(block->NewDataIterator(&icmp, nullptr, 42));
  int n = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++n) {
    EXPECT_EQ(ExtractSequenceNumber(it->key()), 42u);
    EXPECT_EQ(it->user_key().ToString(), ExtractUserKey(stored[n].first));
    EXPECT_EQ(ExtractValueType(it->key()), ExtractValueType(stored[n].first));
  }
  EXPECT_EQ(n, 4);
  // Reads at sequence 41 do not see the entries; at 42 they do.
  it->Seek(InternalKey("c", 41, kValueTypeForSeek).Encode());
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->user_key().ToString(), "d");
  it->Seek(InternalKey("c", 42, kValueTypeForSeek).Encode());
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->user_key().ToString(), "c");
  it->Prev();
  EXPECT_EQ(it->user_key().ToString(), "b");
  EXPECT_EQ(ExtractSequenceNumber(it->key()), 42u);
}

TEST(BlockTest, IteratorsAreReusedAcrossBlocks) {
  InternalKeyComparator icmp(BytewiseComparator());
  Random rnd(17);
  DataBlockIter iter;
  for (int round = 0; round < 10; ++round) {
    const Entries entries = RandomEntries(&rnd, icmp, 50);
    auto block = MakeBlock(BuildBlock(entries, 1 + round));
    ASSERT_EQ(block->NewDataIterator(&icmp, &iter), &iter);
    iter.SeekToLast();
    iter.Prev();
    Model model(&entries, &icmp);
    model.SeekToLast();
    model.Prev();
    ASSERT_EQ(iter.key().ToString(), model.key());
    RandomWalk(&iter, &model, &rnd, 200, [](Random* r) {
      return InternalKey(RandomUserKey(r), r->Uniform(60), kTypeValue)
          .Encode()
          .ToString();
    });
  }
  // A malformed block leaves the reused iterator in error, and a good one
  // after it clears the error.
  auto bad = MakeBlock(std::string("\7\0\0\0", 4));
  bad->NewDataIterator(&icmp, &iter);
  EXPECT_TRUE(iter.status().IsCorruption());
  auto good = MakeBlock(BuildBlock(
      {{InternalKey("k", 1, kTypeValue).Encode().ToString(), "v"}}, 16));
  good->NewDataIterator(&icmp, &iter);
  iter.SeekToFirst();
  EXPECT_TRUE(iter.Valid());
  EXPECT_TRUE(iter.status().ok());
}

// ---- Damaged blocks ---------------------------------------------------------

// Runs every operation on a block that may be malformed: it must neither
// crash nor read outside the buffer, and an error must leave it !Valid().
void Exercise(Block* block, const InternalKeyComparator& icmp, Random* rnd) {
  std::unique_ptr<DataBlockIter> d(block->NewDataIterator(&icmp));
  std::unique_ptr<IndexBlockIter> x(
      block->NewIndexIterator(&icmp, rnd->Uniform(2), rnd->Uniform(2)));
  std::unique_ptr<MetaBlockIter> m(block->NewMetaIterator());
  InternalIterator* iters[] = {d.get(), x.get(), m.get()};
  for (InternalIterator* it : iters) {
    int steps = 0;
    for (it->SeekToFirst(); it->Valid() && steps < 500; it->Next(), ++steps) {
      it->key();
      it->value();
    }
    steps = 0;
    for (it->SeekToLast(); it->Valid() && steps < 500; it->Prev(), ++steps) {
    }
    const std::string t =
        InternalKey(RandomUserKey(rnd), 3, kTypeValue).Encode().ToString();
    it->Seek(t);
    if (it->Valid()) it->Prev();
    it->SeekForPrev(t);
    if (it->Valid()) it->Next();
    if (!it->status().ok()) {
      EXPECT_TRUE(it->status().IsCorruption());
      EXPECT_FALSE(it->Valid());
    }
  }
}

TEST(BlockTest, DamagedBlocksGiveCorruption) {
  InternalKeyComparator icmp(BytewiseComparator());
  Random rnd(31337);
  const Entries entries = RandomEntries(&rnd, icmp, 120);
  for (int interval : {1, 4, 16}) {
    const std::string good = BuildBlock(entries, interval);
    for (int round = 0; round < 400; ++round) {
      std::string bad = good;
      const int kind = round % 3;
      if (kind == 0) {
        bad.resize(rnd.Uniform(static_cast<int>(good.size())));
      } else {
        const int flips = 1 + static_cast<int>(rnd.Uniform(4));
        for (int f = 0; f < flips; ++f) {
          bad[rnd.Uniform(static_cast<int>(bad.size()))] =
              static_cast<char>(rnd.Uniform(256));
        }
        if (kind == 2) {  // aim at the restart array and footer
          const size_t tail = bad.size() - 1 - rnd.Uniform(12);
          bad[tail] = static_cast<char>(rnd.Uniform(256));
        }
      }
      auto block = MakeBlock(bad);
      Exercise(block.get(), icmp, &rnd);
    }
  }
  // A corrupted entry surfaces as Corruption to a scan.
  std::string bad = BuildBlock(entries, 16);
  bad[0] = 5;  // the first entry claims to share 5 bytes
  auto block = MakeBlock(bad);
  std::unique_ptr<DataBlockIter> it(block->NewDataIterator(&icmp));
  it->SeekToFirst();
  EXPECT_FALSE(it->Valid());
  EXPECT_TRUE(it->status().IsCorruption());
  it->Seek(entries[0].first);  // the error is sticky
  EXPECT_FALSE(it->Valid());
}

TEST(BlockTest, RandomGarbageBlocks) {
  InternalKeyComparator icmp(BytewiseComparator());
  Random rnd(4242);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes(rnd.Uniform(120), '\0');
    for (char& c : bytes) c = static_cast<char>(rnd.Uniform(256));
    if (bytes.size() >= 4 && rnd.Uniform(2) == 0) {
      // A plausible restart count makes the parser go further.
      EncodeFixed32(&bytes[bytes.size() - 4], rnd.Uniform(4));
      if (bytes.size() >= 8) EncodeFixed32(&bytes[bytes.size() - 8], 0);
    }
    auto block = MakeBlock(bytes);
    Exercise(block.get(), icmp, &rnd);
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
