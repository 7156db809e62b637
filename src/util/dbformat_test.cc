// Copyright (c) the rocksdb-cleanroom authors.
//
// Internal key encoding, parsing, ordering and LookupKey layout
// (ROCKSDB_FORMAT_SPEC.md 3.1/3.2).
#include "util/dbformat.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rocksdb/comparator.h"
#include "util/internal_iterator.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string IKey(const std::string& user_key, SequenceNumber seq, ValueType t) {
  std::string encoded;
  AppendInternalKey(&encoded, ParsedInternalKey(user_key, seq, t));
  return encoded;
}

TEST(DBFormatTest, ValueTypesAreOnDiskValues) {
  EXPECT_EQ(kTypeDeletion, 0x0);
  EXPECT_EQ(kTypeValue, 0x1);
  EXPECT_EQ(kTypeMerge, 0x2);
  EXPECT_EQ(kTypeLogData, 0x3);
  EXPECT_EQ(kTypeSingleDeletion, 0x7);
  EXPECT_EQ(kTypeNoop, 0xD);
  EXPECT_EQ(kTypeRangeDeletion, 0xF);
  EXPECT_EQ(kTypeBlobIndex, 0x11);
  EXPECT_EQ(kTypeDeletionWithTimestamp, 0x14);
  EXPECT_EQ(kTypeWideColumnEntity, 0x16);
  EXPECT_EQ(kTypeColumnFamilyWideColumnEntity, 0x17);
  EXPECT_EQ(kValueTypeForSeek, kTypeWideColumnEntity);
  EXPECT_EQ(kMaxSequenceNumber, 0x00FFFFFFFFFFFFFFull);
}

TEST(DBFormatTest, EncodingMatchesSpec) {
  // "a" at sequence 1, Put: user key then fixed64(1 << 8 | 1).
  EXPECT_EQ(IKey("a", 1, kTypeValue),
            std::string("a\x01\x01\x00\x00\x00\x00\x00\x00", 9));
  const std::string k = IKey("key", kMaxSequenceNumber, kTypeMerge);
  EXPECT_EQ(k.size(), 11u);
  EXPECT_EQ(ExtractUserKey(k).ToString(), "key");
  EXPECT_EQ(ExtractInternalKeyFooter(k),
            PackSequenceAndType(kMaxSequenceNumber, kTypeMerge));
  EXPECT_EQ(ExtractValueType(k), kTypeMerge);
  EXPECT_EQ(ExtractSequenceNumber(k), kMaxSequenceNumber);

  SequenceNumber seq;
  ValueType t;
  UnPackSequenceAndType(PackSequenceAndType(12345, kTypeSingleDeletion), &seq,
                        &t);
  EXPECT_EQ(seq, 12345u);
  EXPECT_EQ(t, kTypeSingleDeletion);

  std::string footer = "u";
  AppendInternalKeyFooter(&footer, 7, kTypeDeletion);
  EXPECT_EQ(footer, IKey("u", 7, kTypeDeletion));
}

TEST(DBFormatTest, ParseRoundTripAndErrors) {
  const ValueType types[] = {kTypeValue,
                             kTypeDeletion,
                             kTypeSingleDeletion,
                             kTypeMerge,
                             kTypeRangeDeletion,
                             kTypeBlobIndex,
                             kTypeWideColumnEntity,
                             kTypeDeletionWithTimestamp};
  const SequenceNumber seqs[] = {0,   1,          255,
                                 256, 1ull << 40, kMaxSequenceNumber};
  for (ValueType t : types) {
    for (SequenceNumber s : seqs) {
      for (const std::string& u :
           {std::string(), std::string("x"), std::string("\xff\x00z", 3)}) {
        ParsedInternalKey parsed;
        const std::string k = IKey(u, s, t);
        ASSERT_TRUE(ParseInternalKey(k, &parsed, true).ok());
        EXPECT_EQ(parsed.user_key.ToString(), u);
        EXPECT_EQ(parsed.sequence, s);
        EXPECT_EQ(parsed.type, t);
      }
    }
  }
  ParsedInternalKey parsed;
  Status s = ParseInternalKey(Slice("short", 5), &parsed, true);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  // WAL-only types cannot appear in a stored key.
  s = ParseInternalKey(IKey("k", 3, kTypeLogData), &parsed, false);
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_EQ(s.ToString().find("'k'"), std::string::npos);  // redacted
  s = ParseInternalKey(IKey("k", 3, kTypeColumnFamilyValue), &parsed, true);
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_NE(s.ToString().find("'6B' seq:3, type:5"), std::string::npos)
      << s.ToString();
}

TEST(DBFormatTest, ComparatorOrder) {
  InternalKeyComparator icmp(BytewiseComparator());
  EXPECT_STREQ(icmp.Name(),
               "rocksdb.InternalKeyComparator:leveldb.BytewiseComparator");
  EXPECT_EQ(icmp.user_comparator(), BytewiseComparator());
  // Sorted: user key ascending, then sequence descending, then type
  // descending.
  const std::vector<std::string> sorted = {
      IKey("a", 100, kTypeValue),
      IKey("a", 5, kTypeValue),
      IKey("a", 5, kTypeDeletion),
      IKey("a", 0, kTypeValue),
      IKey("ab", kMaxSequenceNumber, kTypeValue),
      IKey("b", 1, kTypeMerge),
  };
  for (size_t i = 0; i < sorted.size(); ++i) {
    for (size_t j = 0; j < sorted.size(); ++j) {
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      const int got = icmp.Compare(sorted[i], sorted[j]);
      EXPECT_EQ((got > 0) - (got < 0), expected) << i << " vs " << j;
    }
  }
  std::vector<std::string> shuffled = {sorted[3], sorted[5], sorted[0],
                                       sorted[4], sorted[2], sorted[1]};
  std::sort(shuffled.begin(), shuffled.end(),
            [&](const std::string& a, const std::string& b) {
              return icmp.Compare(a, b) < 0;
            });
  EXPECT_EQ(shuffled, sorted);

  EXPECT_EQ(
      icmp.CompareKeySeq(IKey("a", 5, kTypeValue), IKey("a", 5, kTypeDeletion)),
      0);
  EXPECT_LT(icmp.Compare(ParsedInternalKey("a", 5, kTypeValue),
                         ParsedInternalKey("a", 5, kTypeDeletion)),
            0);
  EXPECT_GT(icmp.Compare(InternalKey("b", 1, kTypeValue),
                         InternalKey("a", 1, kTypeValue)),
            0);

  InternalKeyComparator reverse(ReverseBytewiseComparator());
  EXPECT_STREQ(
      reverse.Name(),
      "rocksdb.InternalKeyComparator:rocksdb.ReverseBytewiseComparator");
  EXPECT_GT(reverse.Compare(IKey("a", 1, kTypeValue), IKey("b", 1, kTypeValue)),
            0);
}

TEST(DBFormatTest, InternalKeyClass) {
  InternalKey key("user", 42, kTypeValue);
  EXPECT_EQ(key.user_key().ToString(), "user");
  EXPECT_EQ(key.Encode().ToString(), IKey("user", 42, kTypeValue));
  EXPECT_TRUE(key.Valid());
  EXPECT_EQ(key.DebugString(false), "'user' seq:42, type:1");

  InternalKey copy;
  EXPECT_TRUE(copy.empty());
  EXPECT_TRUE(copy.DecodeFrom(key.Encode()));
  EXPECT_EQ(copy.Encode(), key.Encode());
  copy.Set("other", 1, kTypeDeletion);
  EXPECT_EQ(copy.Encode().ToString(), IKey("other", 1, kTypeDeletion));
  copy.Clear();
  EXPECT_TRUE(copy.empty());
  EXPECT_FALSE(copy.DecodeFrom(Slice()));

  InternalKeyComparator icmp(BytewiseComparator());
  InternalKey lo, hi;
  lo.SetMinPossibleForUserKey("k");
  hi.SetMaxPossibleForUserKey("k");
  EXPECT_LT(
      icmp.Compare(lo.Encode(), IKey("k", kMaxSequenceNumber, kTypeValue)), 0);
  EXPECT_GT(icmp.Compare(hi.Encode(), IKey("k", 0, kTypeValue)), 0);
}

TEST(DBFormatTest, LookupKeyLayout) {
  for (size_t len : {0, 1, 150, 191, 192, 500, 100000}) {
    const std::string user_key(len, 'q');
    LookupKey lkey(user_key, 77);
    EXPECT_EQ(lkey.user_key().ToString(), user_key);
    EXPECT_EQ(lkey.internal_key().ToString(),
              IKey(user_key, 77, kValueTypeForSeek));
    std::string expected_memtable_key;
    PutLengthPrefixedSlice(&expected_memtable_key, lkey.internal_key());
    EXPECT_EQ(lkey.memtable_key().ToString(), expected_memtable_key);
  }
  // The lookup key sorts before every entry of its user key visible at its
  // sequence and after the newer ones.
  InternalKeyComparator icmp(BytewiseComparator());
  LookupKey lkey("k", 10);
  EXPECT_LT(icmp.Compare(lkey.internal_key(), IKey("k", 10, kTypeValue)), 0);
  EXPECT_LE(
      icmp.Compare(lkey.internal_key(), IKey("k", 10, kTypeWideColumnEntity)),
      0);
  EXPECT_GT(icmp.Compare(lkey.internal_key(), IKey("k", 11, kTypeDeletion)), 0);
}

TEST(InternalIteratorTest, EmptyAndError) {
  std::unique_ptr<InternalIterator> empty(NewEmptyInternalIterator());
  empty->SeekToFirst();
  EXPECT_FALSE(empty->Valid());
  empty->Seek(IKey("a", 1, kTypeValue));
  EXPECT_FALSE(empty->Valid());
  EXPECT_TRUE(empty->status().ok());

  std::unique_ptr<InternalIterator> error(
      NewErrorInternalIterator(Status::Corruption("bad block")));
  error->SeekToLast();
  EXPECT_FALSE(error->Valid());
  EXPECT_EQ(error->status().ToString(), "Corruption: bad block");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
