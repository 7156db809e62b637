// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionEdit: encode/decode round trips of every tag and custom field,
// the exact bytes RocksDB 7.8.3 writes (spec 4.2 worked example), the
// legacy new-file forms, the decode error of each malformed field (messages
// observed on RocksDB 7.8.3 with crafted MANIFESTs), and a mutation fuzz.
#include "db/version_edit.h"

#include <gtest/gtest.h>

#include "util/coding.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string V(uint64_t n) {
  std::string s;
  PutVarint64(&s, n);
  return s;
}
std::string LP(const std::string& s) { return V(s.size()) + s; }
std::string IKey(const std::string& user_key, SequenceNumber seq, ValueType t) {
  return InternalKey(user_key, seq, t).Encode().ToString();
}

FileMetaData MakeFile(uint64_t number, const std::string& smallest,
                      const std::string& largest, SequenceNumber sseq,
                      SequenceNumber lseq) {
  FileMetaData f;
  f.number = number;
  f.file_size = 1000 + number;
  f.smallest.Set(smallest, sseq, kTypeValue);
  f.largest.Set(largest, lseq, kTypeDeletion);
  f.smallest_seqno = sseq;
  f.largest_seqno = lseq;
  return f;
}

// Encodes, decodes, and checks that the decoding encodes to the same bytes.
VersionEdit RoundTrip(const VersionEdit& edit) {
  std::string encoded;
  EXPECT_TRUE(edit.EncodeTo(&encoded));
  VersionEdit parsed;
  Status s = parsed.DecodeFrom(encoded);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::string again;
  EXPECT_TRUE(parsed.EncodeTo(&again));
  EXPECT_EQ(encoded, again);
  return parsed;
}

std::string DecodeError(const std::string& bytes) {
  VersionEdit edit;
  Status s = edit.DecodeFrom(bytes);
  return s.ToString();
}

TEST(VersionEditTest, EmptyEdit) {
  VersionEdit edit;
  std::string encoded;
  ASSERT_TRUE(edit.EncodeTo(&encoded));
  EXPECT_TRUE(encoded.empty());
  VersionEdit parsed = RoundTrip(edit);
  EXPECT_FALSE(parsed.HasLogNumber());
  EXPECT_FALSE(parsed.HasComparatorName());
  EXPECT_EQ(0u, parsed.GetColumnFamily());
}

TEST(VersionEditTest, EveryTagRoundTrips) {
  VersionEdit edit;
  edit.SetDBId("8c43fe22-0038-4cc5-b9e5-18f3f01186f6");
  edit.SetComparatorName("leveldb.BytewiseComparator");
  edit.SetLogNumber(1ull << 40);
  edit.SetPrevLogNumber(7);
  edit.SetNextFile(12345);
  edit.SetMaxColumnFamily(9);
  edit.SetMinLogNumberToKeep(11);
  edit.SetLastSequence(kMaxSequenceNumber);
  edit.AddCompactCursor(2, InternalKey("cursor", 5, kTypeValue));
  edit.DeleteFile(1, 40);
  edit.DeleteFile(0, 41);
  edit.AddFile(3, MakeFile(50, "a", "z", 3, 99));
  edit.SetColumnFamily(300);
  edit.AddColumnFamily("cf300");
  edit.MarkAtomicGroup(4);
  edit.SetFullHistoryTsLow(std::string("\x00\x01\x02", 3));

  VersionEdit p = RoundTrip(edit);
  EXPECT_EQ("8c43fe22-0038-4cc5-b9e5-18f3f01186f6", p.GetDbId());
  EXPECT_EQ("leveldb.BytewiseComparator", p.GetComparatorName());
  EXPECT_EQ(1ull << 40, p.GetLogNumber());
  EXPECT_EQ(7u, p.GetPrevLogNumber());
  EXPECT_EQ(12345u, p.GetNextFile());
  EXPECT_EQ(9u, p.GetMaxColumnFamily());
  EXPECT_EQ(11u, p.GetMinLogNumberToKeep());
  EXPECT_EQ(kMaxSequenceNumber, p.GetLastSequence());
  ASSERT_EQ(1u, p.GetCompactCursors().size());
  EXPECT_EQ(2, p.GetCompactCursors()[0].first);
  EXPECT_EQ("cursor", p.GetCompactCursors()[0].second.user_key().ToString());
  EXPECT_EQ((VersionEdit::DeletedFiles{{0, 41}, {1, 40}}), p.GetDeletedFiles());
  ASSERT_EQ(1u, p.GetNewFiles().size());
  EXPECT_EQ(3, p.GetNewFiles()[0].first);
  EXPECT_EQ(50u, p.GetNewFiles()[0].second.number);
  EXPECT_EQ(300u, p.GetColumnFamily());
  EXPECT_TRUE(p.IsColumnFamilyAdd());
  EXPECT_EQ("cf300", p.GetColumnFamilyName());
  EXPECT_FALSE(p.IsColumnFamilyDrop());
  EXPECT_TRUE(p.IsInAtomicGroup());
  EXPECT_EQ(4u, p.GetRemainingEntries());
  EXPECT_EQ(std::string("\x00\x01\x02", 3), p.GetFullHistoryTsLow());
  EXPECT_EQ(3u, p.NumEntries());

  VersionEdit drop;
  drop.SetColumnFamily(4);
  drop.DropColumnFamily();
  VersionEdit d = RoundTrip(drop);
  EXPECT_TRUE(d.IsColumnFamilyDrop());
  EXPECT_TRUE(d.IsColumnFamilyManipulation());
  EXPECT_EQ(4u, d.GetColumnFamily());
}

TEST(VersionEditTest, EveryNewFileFieldRoundTrips) {
  FileMetaData f = MakeFile(77, "small", "large", 10, 20);
  f.path_id = 2;
  f.marked_for_compaction = true;
  f.temperature = Temperature::kCold;
  f.oldest_blob_file_number = 66;
  f.oldest_ancester_time = 1795804495;
  f.file_creation_time = 1795804496;
  f.file_checksum = std::string("\x12\x34\x00\xff", 4);
  f.file_checksum_func_name = "FileChecksumCrc32c";
  f.unique_id = {12109587044871480442ull, 10219250236197796775ull};
  f.min_timestamp = "t1";
  f.max_timestamp = "t9";
  VersionEdit edit;
  edit.AddFile(6, f);
  edit.SetMinLogNumberToKeep(5);

  VersionEdit p = RoundTrip(edit);
  ASSERT_EQ(1u, p.GetNewFiles().size());
  const FileMetaData& g = p.GetNewFiles()[0].second;
  EXPECT_EQ(6, p.GetNewFiles()[0].first);
  EXPECT_EQ(77u, g.number);
  EXPECT_EQ(2u, g.path_id);
  EXPECT_EQ(f.file_size, g.file_size);
  EXPECT_EQ(f.smallest.Encode(), g.smallest.Encode());
  EXPECT_EQ(f.largest.Encode(), g.largest.Encode());
  EXPECT_EQ(10u, g.smallest_seqno);
  EXPECT_EQ(20u, g.largest_seqno);
  EXPECT_TRUE(g.marked_for_compaction);
  EXPECT_EQ(Temperature::kCold, g.temperature);
  EXPECT_EQ(66u, g.oldest_blob_file_number);
  EXPECT_EQ(1795804495u, g.oldest_ancester_time);
  EXPECT_EQ(1795804496u, g.file_creation_time);
  EXPECT_EQ(f.file_checksum, g.file_checksum);
  EXPECT_EQ("FileChecksumCrc32c", g.file_checksum_func_name);
  EXPECT_EQ(f.unique_id, g.unique_id);
  EXPECT_EQ("t1", g.min_timestamp);
  EXPECT_EQ("t9", g.max_timestamp);
  EXPECT_EQ(5u, p.GetMinLogNumberToKeep());
}

// ROCKSDB_FORMAT_SPEC.md 4.2: the flush record of
// samples/02_tiny_flush_default_opts/MANIFEST-000005, byte for byte.
TEST(VersionEditTest, EncodesLikeRocksDB) {
  FileMetaData f;
  f.number = 9;
  f.file_size = 1006;
  f.smallest.Set("hello", 1, kTypeValue);
  f.largest.Set("hello", 1, kTypeValue);
  f.smallest_seqno = 1;
  f.largest_seqno = 1;
  f.oldest_ancester_time = 1795804228;
  f.file_creation_time = 1795804228;
  VersionEdit edit;
  edit.SetLogNumber(8);
  edit.SetPrevLogNumber(0);
  edit.SetNextFile(10);
  edit.SetLastSequence(1);
  edit.AddFile(0, f);
  std::string encoded;
  ASSERT_TRUE(edit.EncodeTo(&encoded));
  const std::string time = V(1795804228);
  const std::string expected =
      std::string("\x02\x08\x09\x00\x03\x0a\x04\x01", 8) +
      std::string("\x67\x00\x09\xee\x07", 5) +
      LP(IKey("hello", 1, kTypeValue)) + LP(IKey("hello", 1, kTypeValue)) +
      "\x01\x01" + "\x05" + LP(time) + "\x06" + LP(time) +
      std::string("\x07\x00", 2) + "\x08" + LP("Unknown") + "\x01";
  EXPECT_EQ(Slice(expected).ToString(true), Slice(encoded).ToString(true));

  // The new-database record: comparator, log 0, next file 2, sequence 0.
  VersionEdit new_db;
  new_db.SetComparatorName("leveldb.BytewiseComparator");
  new_db.SetLogNumber(0);
  new_db.SetNextFile(2);
  new_db.SetLastSequence(0);
  encoded.clear();
  ASSERT_TRUE(new_db.EncodeTo(&encoded));
  EXPECT_EQ("\x01" + LP("leveldb.BytewiseComparator") +
                std::string("\x02\x00\x03\x02\x04\x00", 6),
            encoded);
}

TEST(VersionEditTest, FieldsAreWrittenInRocksDBOrder) {
  VersionEdit edit;
  edit.SetColumnFamily(1);
  edit.AddColumnFamily("cf1");
  edit.SetLastSequence(2);
  edit.SetNextFile(17);
  edit.SetComparatorName("c");
  edit.SetLogNumber(4);
  std::string encoded;
  ASSERT_TRUE(edit.EncodeTo(&encoded));
  EXPECT_EQ("\x01" + LP("c") + "\x02\x04\x03\x11\x04\x02" + V(200) + "\x01" +
                V(201) + LP("cf1"),
            encoded);
}

TEST(VersionEditTest, DecodesLegacyNewFileForms) {
  const std::string a = IKey("a", 5, kTypeValue);
  const std::string z = IKey("z", 9, kTypeValue);
  VersionEdit edit;
  // NewFile (7): level, number, size, smallest, largest.
  ASSERT_TRUE(
      edit.DecodeFrom(V(7) + V(2) + V(30) + V(300) + LP(a) + LP(z)).ok());
  ASSERT_EQ(1u, edit.GetNewFiles().size());
  EXPECT_EQ(2, edit.GetNewFiles()[0].first);
  EXPECT_EQ(30u, edit.GetNewFiles()[0].second.number);
  EXPECT_EQ(300u, edit.GetNewFiles()[0].second.file_size);
  // NewFile2 (100): + smallest and largest seqno.
  ASSERT_TRUE(edit.DecodeFrom(V(100) + V(1) + V(31) + V(301) + LP(a) + LP(z) +
                              V(5) + V(9))
                  .ok());
  EXPECT_EQ(5u, edit.GetNewFiles()[0].second.smallest_seqno);
  EXPECT_EQ(9u, edit.GetNewFiles()[0].second.largest_seqno);
  // NewFile3 (102): path id after the number.
  ASSERT_TRUE(edit.DecodeFrom(V(102) + V(1) + V(32) + V(3) + V(302) + LP(a) +
                              LP(z) + V(5) + V(9))
                  .ok());
  EXPECT_EQ(3u, edit.GetNewFiles()[0].second.path_id);
  EXPECT_EQ(302u, edit.GetNewFiles()[0].second.file_size);
  // Re-encoded as NewFile4, it decodes to the same file.
  VersionEdit p = RoundTrip(edit);
  EXPECT_EQ(3u, p.GetNewFiles()[0].second.path_id);
}

TEST(VersionEditTest, SkipsWhatMayBeIgnored) {
  const std::string base = V(2) + V(4);
  VersionEdit edit;
  // Unknown tags with the safe-to-ignore bit, and WAL tracking records.
  ASSERT_TRUE(edit.DecodeFrom(base + V(0x2000 | 77) + LP("xyz") + V(8199) +
                              LP("\x05\x01") + V(8200) + LP("\x05") + V(8196) +
                              LP(""))
                  .ok());
  EXPECT_EQ(4u, edit.GetLogNumber());
  // Unknown new-file4 custom fields without bit 6.
  const std::string file = V(103) + V(0) + V(9) + V(100) +
                           LP(IKey("a", 1, kTypeValue)) +
                           LP(IKey("a", 1, kTypeValue)) + V(1) + V(1);
  ASSERT_TRUE(
      edit.DecodeFrom(file + V(50) + LP("x") + V(13) + LP("") + V(1)).ok());
  EXPECT_EQ(9u, edit.GetNewFiles()[0].second.number);
}

TEST(VersionEditTest, RefusesBlobRecords) {
  EXPECT_TRUE(VersionEdit().DecodeFrom(V(400) + V(1)).IsNotSupported());
  EXPECT_TRUE(VersionEdit().DecodeFrom(V(401) + V(1)).IsNotSupported());
}

TEST(VersionEditTest, DecodeErrorsNameTheField) {
  const std::string ik = LP(IKey("a", 1, kTypeValue));
  const std::string nf4 = V(103) + V(0) + V(9) + V(100) + ik + ik + V(1) + V(1);
  struct Case {
    std::string bytes;
    const char* message;
  } cases[] = {
      {V(1) + V(5) + "ab", "comparator name"},
      {V(2), "log number"},
      {V(9), "previous log number"},
      {V(3), "next file number"},
      {V(4), "last sequence number"},
      {V(10), "min log number to kee"},
      {V(5) + V(0), "compaction cursor"},
      {V(5) + V(0) + LP("short"), "compaction cursor"},
      {V(6) + V(0), "deleted file"},
      {V(7) + V(0) + V(9), "new-file entry"},
      {V(100) + V(0) + V(9), "new-file2 entry"},
      {V(102) + V(0) + V(9), "new-file3 entry"},
      {V(102) + V(0) + V(9) + V(4), "new-file3 entry"},
      {V(103) + V(0) + V(9), "new-file4 entry"},
      {V(103) + V(0) + V(9) + V(100) + ik + LP("xx") + V(1) + V(1) + V(1),
       "new-file4 entry"},
      {nf4, "new-file4 custom field"},
      {nf4 + V(5), "new-file4 custom field"},
      {nf4 + V(70) + LP("x") + V(1), "new-file4 custom field not supported"},
      {nf4 + V(65) + LP("\x04") + V(1), "path_id wrong vaue"},
      {nf4 + V(65) + LP("\x01\x01") + V(1), "path_id field wrong size"},
      {nf4 + V(2) + LP("\x01\x02") + V(1), "need_compaction field wrong size"},
      {nf4 + V(3) + LP("abc") + V(1), "deleted log number malformatted"},
      {nf4 + V(4) + LP("\xff") + V(1), "invalid oldest blob file number"},
      {nf4 + V(5) + LP("\xff") + V(1), "invalid oldest ancester time"},
      {nf4 + V(6) + LP("") + V(1), "invalid file creation time"},
      {nf4 + V(9) + LP("") + V(1), "temperature field wrong size"},
      {nf4 + V(12) + LP("abc") + V(1), "invalid unique id"},
      {V(200), "set column family id"},
      {V(201), "column family add"},
      {V(203), "max column family"},
      {V(300), "remaining entries"},
      {V(8193), "db id"},
      {V(8198) + LP(""), "full_history_ts_low: empty"},
      {V(8300) + V(10) + "ab", "safely ignoreable tag length error"},
      {V(50) + V(1), "unknown tag"},
      {V(8) + V(1), "unknown tag"},
      {std::string("\x80", 1), "invalid tag"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(std::string("Corruption: VersionEdit: ") + c.message,
              DecodeError(c.bytes))
        << Slice(c.bytes).ToString(true);
  }
}

TEST(VersionEditTest, RefusesToEncodeAFileWithoutKeys) {
  VersionEdit edit;
  FileMetaData f;
  f.number = 3;
  edit.AddFile(0, f);
  std::string encoded;
  EXPECT_FALSE(edit.EncodeTo(&encoded));
}

TEST(VersionEditTest, DebugStringLooksLikeLdb) {
  VersionEdit edit;
  edit.SetComparatorName("leveldb.BytewiseComparator");
  edit.SetLogNumber(10);
  edit.SetLastSequence(2);
  edit.DeleteFile(0, 9);
  FileMetaData f;
  f.number = 11;
  f.file_size = 993;
  f.smallest.Set("c1", 2, kTypeValue);
  f.largest.Set("c1", 2, kTypeValue);
  f.smallest_seqno = f.largest_seqno = 2;
  f.oldest_ancester_time = 1795804495;
  edit.AddFile(0, f);
  edit.SetColumnFamily(1);
  edit.AddColumnFamily("cf1");
  EXPECT_EQ(
      "VersionEdit {\n"
      "  Comparator: leveldb.BytewiseComparator\n"
      "  LogNumber: 10\n"
      "  LastSeq: 2\n"
      "  DeleteFile: 0 9\n"
      "  AddFile: 0 11 993 'c1' seq:2, type:1 .. 'c1' seq:2, type:1 "
      "oldest_ancester_time:1795804495 file_creation_time:0 file_checksum: "
      "file_checksum_func_name: Unknown\n"
      "  ColumnFamily: 1\n"
      "  ColumnFamilyAdd: cf1\n"
      "}\n",
      edit.DebugString());
  EXPECT_EQ("11:993[2 .. 2]['c1' seq:2, type:1 .. 'c1' seq:2, type:1]",
            f.DebugString());
}

TEST(VersionEditTest, UpdateBoundaries) {
  FileMetaData f;
  f.UpdateBoundaries(IKey("a", 7, kTypeValue), 7);
  f.UpdateBoundaries(IKey("b", 3, kTypeValue), 3);
  f.UpdateBoundaries(IKey("c", 9, kTypeDeletion), 9);
  EXPECT_EQ("a", f.smallest.user_key().ToString());
  EXPECT_EQ("c", f.largest.user_key().ToString());
  EXPECT_EQ(3u, f.smallest_seqno);
  EXPECT_EQ(9u, f.largest_seqno);
}

// Random damage to valid records never crashes the decoder, and whatever
// decodes re-encodes.
TEST(VersionEditTest, MutatedRecordsNeverCrash) {
  VersionEdit edit;
  edit.SetComparatorName("leveldb.BytewiseComparator");
  edit.SetLogNumber(8);
  edit.SetNextFile(10);
  edit.SetLastSequence(1);
  edit.DeleteFile(1, 4);
  FileMetaData f = MakeFile(9, "hello", "world", 1, 5);
  f.unique_id = {1, 2};
  edit.AddFile(0, f);
  edit.SetColumnFamily(2);
  std::string good;
  ASSERT_TRUE(edit.EncodeTo(&good));
  Random rnd(301);
  for (int i = 0; i < 20000; ++i) {
    std::string bad = good;
    const int mutations = 1 + rnd.Uniform(4);
    for (int m = 0; m < mutations; ++m) {
      switch (rnd.Uniform(3)) {
        case 0:
          bad[rnd.Uniform(static_cast<int>(bad.size()))] ^=
              static_cast<char>(1 << rnd.Uniform(8));
          break;
        case 1:
          bad.resize(rnd.Uniform(static_cast<int>(bad.size()) + 1));
          break;
        default:
          bad.insert(rnd.Uniform(static_cast<int>(bad.size()) + 1), 1,
                     static_cast<char>(rnd.Uniform(256)));
          break;
      }
      if (bad.empty()) break;
    }
    VersionEdit parsed;
    if (parsed.DecodeFrom(bad).ok()) {
      std::string again;
      // Keys may now be shorter than a tag only if decoding let them
      // through, which it must not.
      EXPECT_TRUE(parsed.EncodeTo(&again));
    }
  }
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
