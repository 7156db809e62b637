// Copyright (c) the rocksdb-cleanroom authors.
//
// Block handles, footers, trailer checksums and block reads, checked
// against files written by RocksDB 7.8.3: the worked example of spec 5.12
// (samples/02 decoded byte for byte and rebuilt with our BlockBuilder),
// every block of samples/08 (four compressions) and the hash-index blocks
// of samples/09, plus checksum vectors of one data block under each
// checksum type (captured from Debian's librocksdb with SstFileWriter).

#include "table/format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "env/random_access_file_reader.h"
#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "table/block.h"
#include "table/block_builder.h"
#include "table/compression.h"
#include "util/coding.h"
#include "util/crc32c.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// The samples live in shared/specs beside the checkout.
std::string SamplesDir() {
#ifdef ROCKSDB_SPEC_SAMPLES_DIR
  return ROCKSDB_SPEC_SAMPLES_DIR;
#else
  std::string f = __FILE__;  // .../src/table/format_test.cc
  return f.substr(0, f.rfind("/src/table/")) + "/../shared/specs/samples";
#endif
}

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

std::string Hex(const Slice& s) { return s.ToString(true); }

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

// An SST held in memory, with its footer decoded.
struct SstImage {
  std::string name;
  std::string bytes;
  Footer footer;

  Status Load(const std::string& path) {
    name = path;
    if (!ReadWholeFile(path, &bytes)) return Status::NotFound(path);
    const size_t n = std::min(bytes.size(), Footer::kNewVersionsEncodedLength);
    return footer.DecodeFrom(Slice(bytes.data() + bytes.size() - n, n),
                             bytes.size() - n);
  }
  // Verified, decompressed contents of the block at h.
  Status Block(const BlockHandle& h, BlockContents* c,
               CompressionType* type = nullptr) const {
    if (h.offset() + h.size() + kBlockTrailerSize > bytes.size()) {
      return Status::Corruption("handle past the end");
    }
    Slice stored(bytes.data() + h.offset(), h.size() + kBlockTrailerSize);
    return BlockContentsFromStored(stored, footer, true, name, h.offset(), c,
                                   true, type);
  }
  // name -> handle of the metaindex.
  std::map<std::string, BlockHandle> MetaIndex() const {
    std::map<std::string, BlockHandle> m;
    BlockContents c;
    EXPECT_TRUE(Block(footer.metaindex_handle(), &c).ok());
    ROCKSDB_NAMESPACE::Block b(std::move(c));
    std::unique_ptr<MetaBlockIter> it(b.NewMetaIterator());
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      Slice v = it->value();
      BlockHandle h;
      EXPECT_TRUE(h.DecodeFrom(&v).ok());
      m[it->key().ToString()] = h;
    }
    EXPECT_TRUE(it->status().ok());
    return m;
  }
  // Properties as raw strings.
  std::map<std::string, std::string> Properties() const {
    std::map<std::string, std::string> props;
    auto meta = MetaIndex();
    BlockContents c;
    EXPECT_TRUE(Block(meta["rocksdb.properties"], &c).ok());
    ROCKSDB_NAMESPACE::Block b(std::move(c));
    std::unique_ptr<MetaBlockIter> it(b.NewMetaIterator());
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      props[it->key().ToString()] = it->value().ToString();
    }
    return props;
  }
  uint64_t IntProperty(const std::string& name) const {
    auto props = Properties();
    Slice v(props[name]);
    uint64_t x = 0;
    GetVarint64(&v, &x);
    return x;
  }
};

class FormatSamplesTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string probe;
    if (!ReadWholeFile(Path("02_tiny_flush_default_opts/000009.sst"), &probe)) {
      GTEST_SKIP() << "spec samples not found at " << SamplesDir();
    }
  }
  static std::string Path(const std::string& rel) {
    return SamplesDir() + "/" + rel;
  }
};

// ---- BlockHandle and Footer -----------------------------------------------

TEST(BlockHandleTest, RoundTripAndErrors) {
  const uint64_t values[] = {0, 1, 127, 128, 16383, 1ull << 32, UINT64_MAX};
  for (uint64_t off : values) {
    for (uint64_t size : values) {
      std::string enc;
      BlockHandle(off, size).EncodeTo(&enc);
      EXPECT_LE(enc.size(), BlockHandle::kMaxEncodedLength);
      enc.append("tail");
      Slice in(enc);
      BlockHandle h;
      ASSERT_TRUE(h.DecodeFrom(&in).ok());
      EXPECT_EQ(h.offset(), off);
      EXPECT_EQ(h.size(), size);
      EXPECT_EQ(in.ToString(), "tail");
    }
  }
  std::string enc;
  BlockHandle(300, 70000).EncodeTo(&enc);
  for (size_t cut = 0; cut < enc.size(); ++cut) {
    Slice in(enc.data(), cut);
    BlockHandle h(1, 2);
    EXPECT_TRUE(h.DecodeFrom(&in).IsCorruption()) << cut;
    EXPECT_EQ(h, BlockHandle(1, 2));  // unchanged on failure
  }
  EXPECT_TRUE(BlockHandle::NullBlockHandle().IsNull());
  EXPECT_FALSE(BlockHandle(0, 1).IsNull());
  EXPECT_EQ(BlockHandle(916, 32).ToString(false), "916 32");
  EXPECT_EQ(BlockHandle(916, 32).ToString(), "940720");
}

TEST(FooterTest, EncodesSpecExample) {
  Footer f;
  f.Build(kXXH3, BlockHandle(916, 32), BlockHandle(34, 17), 5);
  std::string enc;
  f.EncodeTo(&enc);
  ASSERT_EQ(enc.size(), Footer::kNewVersionsEncodedLength);
  // 04 | 9407 20 | 22 11 | zero padding to byte 41 | 5 | magic
  EXPECT_EQ(Hex(enc), "049407202211" + std::string(2 * 35, '0') +
                          "05000000F7CFF485B741E288");
}

TEST(FooterTest, RoundTripAllVersionsAndChecksums) {
  for (uint32_t fv = 0; fv <= kLatestFormatVersion; ++fv) {
    for (int t = kNoChecksum; t <= kXXH3; ++t) {
      const ChecksumType type = static_cast<ChecksumType>(t);
      Footer f;
      f.Build(type, BlockHandle(123456789, 4096), BlockHandle(7, 1ull << 40),
              fv);
      std::string enc = "file contents before the footer";
      f.EncodeTo(&enc);
      Footer g;
      ASSERT_TRUE(g.DecodeFrom(enc, 0).ok()) << fv << " " << t;
      EXPECT_EQ(g.format_version(), fv);
      EXPECT_EQ(g.checksum_type(), fv == 0 ? kCRC32c : type);
      EXPECT_EQ(g.metaindex_handle(), BlockHandle(123456789, 4096));
      EXPECT_EQ(g.index_handle(), BlockHandle(7, 1ull << 40));
      EXPECT_EQ(g.table_magic_number(), kBlockBasedTableMagicNumber);
      EXPECT_EQ(g.encoded_length(), fv == 0 ? 48u : 53u);
    }
  }
}

TEST(FooterTest, LegacyFooterIs48Bytes) {
  Footer f;
  f.Build(kCRC32c, BlockHandle(1, 2), BlockHandle(3, 4), 0);
  std::string enc;
  f.EncodeTo(&enc);
  ASSERT_EQ(enc.size(), 48u);
  EXPECT_EQ(DecodeFixed64(enc.data() + 40), kLegacyBlockBasedTableMagicNumber);
  Footer g;
  ASSERT_TRUE(g.DecodeFrom(enc, 0).ok());  // exactly 48 bytes is enough
  EXPECT_EQ(g.format_version(), 0u);
  EXPECT_EQ(g.index_handle(), BlockHandle(3, 4));
}

TEST(FooterTest, RejectsBadFooters) {
  Footer f;
  f.Build(kXXH3, BlockHandle(916, 32), BlockHandle(34, 17), 5);
  std::string good;
  f.EncodeTo(&good);
  Footer g;
  Status s = g.DecodeFrom(Slice(good.data(), 47), 0);
  EXPECT_TRUE(s.IsCorruption());
  // 48 bytes with the new magic: too short for a 53-byte footer.
  EXPECT_TRUE(g.DecodeFrom(Slice(good.data() + 5, 48), 0).IsCorruption());

  std::string bad = good;
  bad[52] = 0;
  s = g.DecodeFrom(bad, 0);
  EXPECT_TRUE(s.IsCorruption());
  EXPECT_EQ(s.ToString(),
            "Corruption: Bad table magic number: expected "
            "9863518390377041911, found 63685601218842615");

  bad = good;
  bad[0] = 7;
  EXPECT_EQ(g.DecodeFrom(bad, 0).ToString(),
            "Corruption: Corrupt or unsupported checksum type: 7");
  bad = good;
  bad[41] = 6;
  EXPECT_EQ(g.DecodeFrom(bad, 0).ToString(),
            "Corruption: Corrupt or unsupported format_version: 6");
  bad = good;
  bad[41] = 0;  // version 0 needs the legacy magic
  EXPECT_TRUE(g.DecodeFrom(bad, 0).IsCorruption());
  bad = good;
  for (int i = 1; i < 41; ++i) bad[i] = '\xff';  // endless varints
  EXPECT_TRUE(g.DecodeFrom(bad, 0).IsCorruption());
}

// ---- Checksums --------------------------------------------------------------

// The 47-byte data block of an SstFileWriter file with Put(key1, value1),
// Put(key2, value2), no compression, and its stored checksum under each
// checksum type, as written by Debian's RocksDB 7.8.3.
const char* const kTwoKeyBlock =
    "000c066b657931010000000000000076616c756531030906320100000000"
    "00000076616c7565320000000001000000";

TEST(ChecksumTest, MatchesRocksDBForEveryType) {
  const std::string block = Unhex(kTwoKeyBlock);
  ASSERT_EQ(block.size(), 47u);
  const struct {
    ChecksumType type;
    uint32_t stored;
  } cases[] = {{kNoChecksum, 0},
               {kCRC32c, 0x97aa5328u},
               {kxxHash, 0x5b00a3beu},
               {kxxHash64, 0x5a1a62cau},
               {kXXH3, 0x384fdd70u}};
  for (const auto& c : cases) {
    EXPECT_EQ(ComputeBlockChecksum(c.type, block.data(), block.size(), 0),
              c.stored)
        << static_cast<int>(c.type);
    std::string stored = block;
    stored.push_back(0);
    PutFixed32(&stored, c.stored);
    EXPECT_TRUE(
        VerifyBlockChecksum(c.type, stored.data(), 47, "f.sst", 0).ok());
  }
}

TEST(ChecksumTest, TypeByteIsCovered) {
  const std::string data = "some block bytes";
  // kCRC32c: the masked CRC of data followed by the type byte.
  const std::string with_type = data + '\x01';
  EXPECT_EQ(ComputeBlockChecksum(kCRC32c, data.data(), data.size(), 1),
            crc32c::Mask(crc32c::Value(with_type.data(), with_type.size())));
  for (int t = kCRC32c; t <= kXXH3; ++t) {
    const ChecksumType type = static_cast<ChecksumType>(t);
    EXPECT_NE(ComputeBlockChecksum(type, data.data(), data.size(), 0),
              ComputeBlockChecksum(type, data.data(), data.size(), 1));
  }
  // kXXH3 folds the type in with a multiplier.
  EXPECT_EQ(ComputeBlockChecksum(kXXH3, data.data(), data.size(), 1) ^
                ComputeBlockChecksum(kXXH3, data.data(), data.size(), 0),
            0x6B9083D9u);
}

TEST(ChecksumTest, MismatchMessage) {
  std::string stored = Unhex(kTwoKeyBlock);
  stored.push_back(0);
  PutFixed32(&stored, 0x384fdd70u);
  stored[5] ^= 1;
  Status s = VerifyBlockChecksum(kXXH3, stored.data(), 47, "b.sst", 0);
  ASSERT_TRUE(s.IsCorruption());
  EXPECT_EQ(s.ToString().rfind(
                "Corruption: block checksum mismatch: stored = 944758128, "
                "computed = ",
                0),
            0u)
      << s.ToString();
  EXPECT_NE(s.ToString().find(", type = 4  in b.sst offset 0 size 47"),
            std::string::npos)
      << s.ToString();
  // Every single-bit flip of block or trailer is caught by every type.
  for (int t = kCRC32c; t <= kXXH3; ++t) {
    const ChecksumType type = static_cast<ChecksumType>(t);
    std::string good = Unhex(kTwoKeyBlock);
    good.push_back(0);
    PutFixed32(&good, ComputeBlockChecksum(type, good.data(), 47, 0));
    ASSERT_TRUE(VerifyBlockChecksum(type, good.data(), 47, "x", 0).ok());
    for (size_t i = 0; i < good.size(); ++i) {
      std::string bad = good;
      bad[i] ^= 0x10;
      EXPECT_TRUE(
          VerifyBlockChecksum(type, bad.data(), 47, "x", 0).IsCorruption())
          << t << " " << i;
    }
    EXPECT_TRUE(VerifyBlockChecksum(kNoChecksum, good.data(), 3, "x", 0).ok());
  }
}

// ---- Spec 5.12: samples/02 byte for byte ----------------------------------

TEST_F(FormatSamplesTest, WorkedExampleTinyFlush) {
  SstImage sst;
  ASSERT_TRUE(sst.Load(Path("02_tiny_flush_default_opts/000009.sst")).ok());
  ASSERT_EQ(sst.bytes.size(), 1006u);
  EXPECT_EQ(sst.footer.checksum_type(), kXXH3);
  EXPECT_EQ(sst.footer.format_version(), 5u);
  EXPECT_EQ(sst.footer.metaindex_handle(), BlockHandle(916, 32));
  EXPECT_EQ(sst.footer.index_handle(), BlockHandle(34, 17));
  std::string footer_bytes;
  sst.footer.EncodeTo(&footer_bytes);
  EXPECT_EQ(footer_bytes, sst.bytes.substr(953));

  // Data block (spec 5.5 example).
  const std::string data = sst.bytes.substr(0, 29);
  EXPECT_EQ(Hex(data),
            "000D0568656C6C6F0101000000000000776F726C640000000001000000");
  EXPECT_EQ(Hex(sst.bytes.substr(29, 5)), "001CD1F121");
  EXPECT_EQ(ComputeBlockChecksum(kXXH3, data.data(), 29, 0), 0x21F1D11Cu);
  BlockContents c;
  CompressionType type = kSnappyCompression;
  ASSERT_TRUE(sst.Block(BlockHandle(0, 29), &c, &type).ok());
  EXPECT_EQ(type, kNoCompression);
  InternalKeyComparator icmp(BytewiseComparator());
  {
    Block b(std::move(c));
    std::unique_ptr<DataBlockIter> it(b.NewDataIterator(&icmp));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    EXPECT_EQ(it->key().ToString(),
              std::string("hello\x01\x01\0\0\0\0\0\0", 13));
    EXPECT_EQ(it->user_key().ToString(), "hello");
    EXPECT_EQ(it->value().ToString(), "world");
    it->Next();
    EXPECT_FALSE(it->Valid());
    EXPECT_TRUE(it->status().ok());
  }
  BlockBuilder data_builder(16);
  data_builder.Add(InternalKey("hello", 1, kTypeValue).Encode(), "world");
  EXPECT_EQ(data_builder.Finish().ToString(), data);

  // Index block: user key "hello" -> (0, 29), delta-encoded form.
  EXPECT_EQ(Hex(sst.bytes.substr(34, 17)),
            "000568656C6C6F001D0000000001000000");
  ASSERT_TRUE(sst.Block(sst.footer.index_handle(), &c).ok());
  {
    Block b(std::move(c));
    std::unique_ptr<IndexBlockIter> it(b.NewIndexIterator(&icmp, true, true));
    it->Seek(InternalKey("a", kMaxSequenceNumber, kValueTypeForSeek).Encode());
    ASSERT_TRUE(it->Valid());
    EXPECT_EQ(it->key().ToString(), "hello");
    EXPECT_EQ(it->value_handle(), BlockHandle(0, 29));
    it->Seek(InternalKey("hello", 0, kTypeValue).Encode());
    ASSERT_TRUE(it->Valid());
    it->Seek(InternalKey("hellp", 5, kTypeValue).Encode());
    EXPECT_FALSE(it->Valid());
  }
  BlockBuilder index_builder(1, true, true);
  std::string handle;
  BlockHandle(0, 29).EncodeTo(&handle);
  index_builder.Add("hello", handle);
  EXPECT_EQ(index_builder.Finish().ToString(), sst.bytes.substr(34, 17));

  // Metaindex: "rocksdb.properties" -> (56, 855).
  EXPECT_EQ(Hex(sst.bytes.substr(916, 32)),
            "001203726F636B7364622E70726F70657274696573"
            "38D7060000000001000000");
  auto meta = sst.MetaIndex();
  ASSERT_EQ(meta.size(), 1u);
  EXPECT_EQ(meta["rocksdb.properties"], BlockHandle(56, 855));
  BlockBuilder meta_builder(1);
  handle.clear();
  BlockHandle(56, 855).EncodeTo(&handle);
  meta_builder.Add("rocksdb.properties", handle);
  EXPECT_EQ(meta_builder.Finish().ToString(), sst.bytes.substr(916, 32));

  // Properties: 33 entries in one restart interval; rebuilding them with
  // the same interval reproduces the 855 bytes.
  EXPECT_EQ(Hex(sst.bytes.substr(56, 3 + 36 + 4)),
            "002404726F636B7364622E626C6F636B2E62617365642E7461626C652E696E"
            "6465782E7479706500000000");
  ASSERT_TRUE(sst.Block(BlockHandle(56, 855), &c).ok());
  Block props(std::move(c));
  EXPECT_EQ(props.NumRestarts(), 1u);
  std::unique_ptr<MetaBlockIter> it(props.NewMetaIterator());
  BlockBuilder props_builder(1 << 30);
  int entries = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    props_builder.Add(it->key(), it->value());
    ++entries;
  }
  EXPECT_EQ(entries, 33);
  EXPECT_EQ(props_builder.Finish().ToString(), sst.bytes.substr(56, 855));
  EXPECT_EQ(sst.IntProperty("rocksdb.raw.key.size"), 13u);
  EXPECT_EQ(sst.IntProperty("rocksdb.index.key.is.user.key"), 1u);
  it->Seek("rocksdb.compression");
  ASSERT_TRUE(it->Valid());
  EXPECT_EQ(it->value().ToString(), "Snappy");
}

// ---- Every block of the compression samples --------------------------------

// Walks index -> data blocks of sst, checking each block; returns the
// point entries seen.
void CheckAllBlocks(const SstImage& sst, uint64_t* entries,
                    std::map<CompressionType, int>* types) {
  InternalKeyComparator icmp(BytewiseComparator());
  const bool user_key = sst.IntProperty("rocksdb.index.key.is.user.key") == 1;
  const bool delta =
      sst.IntProperty("rocksdb.index.value.is.delta.encoded") == 1;
  BlockContents c;
  CompressionType type;
  ASSERT_TRUE(sst.Block(sst.footer.index_handle(), &c, &type).ok());
  (*types)[type]++;
  Block index(std::move(c));
  std::unique_ptr<IndexBlockIter> ii(
      index.NewIndexIterator(&icmp, user_key, delta));
  std::string last_key;
  DataBlockIter di;
  for (ii->SeekToFirst(); ii->Valid(); ii->Next()) {
    const BlockHandle h = ii->value_handle();
    Status s = sst.Block(h, &c, &type);
    ASSERT_TRUE(s.ok()) << s.ToString();
    (*types)[type]++;
    Block data(std::move(c));
    ASSERT_TRUE(data.ok());
    data.NewDataIterator(&icmp, &di);
    for (di.SeekToFirst(); di.Valid(); di.Next()) {
      if (!last_key.empty()) {
        EXPECT_LT(icmp.Compare(last_key, di.key()), 0);
      }
      last_key = di.key().ToString();
      ++*entries;
    }
    ASSERT_TRUE(di.status().ok()) << di.status().ToString();
    // The separator bounds the block's last key.
    EXPECT_GE(icmp.user_comparator()->Compare(
                  user_key ? ii->key() : ExtractUserKey(ii->key()),
                  ExtractUserKey(last_key)),
              0);
  }
  EXPECT_TRUE(ii->status().ok());
}

TEST_F(FormatSamplesTest, CompressionSamplesDecompressAndVerify) {
  const struct {
    const char* file;
    CompressionType type;
    const char* name;
  } cases[] = {{"snappy.sst", kSnappyCompression, "Snappy"},
               {"lz4.sst", kLZ4Compression, "LZ4"},
               {"zstd.sst", kZSTD, "ZSTD"},
               {"zlib.sst", kZlibCompression, "Zlib"}};
  for (const auto& k : cases) {
    SCOPED_TRACE(k.file);
    SstImage sst;
    ASSERT_TRUE(
        sst.Load(Path(std::string("08_sst_compression/") + k.file)).ok());
    EXPECT_EQ(sst.Properties()["rocksdb.compression"], k.name);
    uint64_t entries = 0;
    std::map<CompressionType, int> types;
    CheckAllBlocks(sst, &entries, &types);
    EXPECT_EQ(entries, sst.IntProperty("rocksdb.num.entries") -
                           sst.IntProperty("rocksdb.num.range-deletions"));
    EXPECT_EQ(entries, 290u);
    EXPECT_GT(types[k.type], 0) << "no block used the codec";
    // Every block listed in the metaindex verifies too; the range-del
    // block holds the one tombstone of spec 5.10.
    for (const auto& m : sst.MetaIndex()) {
      BlockContents c;
      EXPECT_TRUE(sst.Block(m.second, &c).ok()) << m.first;
    }
    BlockContents c;
    ASSERT_TRUE(sst.Block(sst.MetaIndex()["rocksdb.range_del"], &c).ok());
    Block rd(std::move(c));
    InternalKeyComparator icmp(BytewiseComparator());
    std::unique_ptr<DataBlockIter> it(rd.NewDataIterator(&icmp));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    ParsedInternalKey pk;
    ASSERT_TRUE(ParseInternalKey(it->key(), &pk, true).ok());
    EXPECT_EQ(pk.user_key.ToString(), "key000010");
    EXPECT_EQ(pk.sequence, 302u);
    EXPECT_EQ(pk.type, kTypeRangeDeletion);
    EXPECT_EQ(it->value().ToString(), "key000020");
  }
}

TEST_F(FormatSamplesTest, SnappyBlockChecksumFoldsType) {
  SstImage sst;
  ASSERT_TRUE(sst.Load(Path("08_sst_compression/snappy.sst")).ok());
  // The first data block is Snappy-compressed (spec 5.3 example).
  InternalKeyComparator icmp(BytewiseComparator());
  BlockContents c;
  ASSERT_TRUE(sst.Block(sst.footer.index_handle(), &c).ok());
  Block index(std::move(c));
  std::unique_ptr<IndexBlockIter> ii(index.NewIndexIterator(&icmp, true, true));
  ii->SeekToFirst();
  ASSERT_TRUE(ii->Valid());
  const BlockHandle h = ii->value_handle();
  const char* stored = sst.bytes.data() + h.offset();
  EXPECT_EQ(stored[h.size()], kSnappyCompression);
  EXPECT_EQ(DecodeFixed32(stored + h.size() + 1),
            ComputeBlockChecksum(kXXH3, stored, h.size(), 0) ^ 0x6B9083D9u);
}

TEST_F(FormatSamplesTest, HashIndexDataBlocksIterate) {
  SstImage sst;
  ASSERT_TRUE(sst.Load(Path("09_sst_data_block_hash_index/000009.sst")).ok());
  uint64_t entries = 0;
  std::map<CompressionType, int> types;
  CheckAllBlocks(sst, &entries, &types);
  EXPECT_EQ(entries, sst.IntProperty("rocksdb.num.entries") -
                         sst.IntProperty("rocksdb.num.range-deletions"));
  EXPECT_EQ(entries, 90u);
  // Each data block carries the hash index flag and seeks by restarts.
  InternalKeyComparator icmp(BytewiseComparator());
  BlockContents c;
  ASSERT_TRUE(sst.Block(sst.footer.index_handle(), &c).ok());
  Block index(std::move(c));
  std::unique_ptr<IndexBlockIter> ii(index.NewIndexIterator(&icmp, true, true));
  int blocks = 0;
  for (ii->SeekToFirst(); ii->Valid(); ii->Next(), ++blocks) {
    ASSERT_TRUE(sst.Block(ii->value_handle(), &c).ok());
    Block data(std::move(c));
    EXPECT_TRUE(data.HasHashIndex());
    std::unique_ptr<DataBlockIter> di(data.NewDataIterator(&icmp));
    std::vector<std::string> keys;
    for (di->SeekToLast(); di->Valid(); di->Prev()) {
      keys.push_back(di->key().ToString());
    }
    ASSERT_FALSE(keys.empty());
    for (const std::string& k : keys) {
      di->Seek(k);
      ASSERT_TRUE(di->Valid());
      EXPECT_EQ(di->key().ToString(), k);
      di->SeekForPrev(k);
      ASSERT_TRUE(di->Valid());
      EXPECT_EQ(di->key().ToString(), k);
    }
  }
  EXPECT_GT(blocks, 1);
}

// ---- ReadBlockContents through a real file ---------------------------------

TEST_F(FormatSamplesTest, ReadBlockContentsFromFile) {
  const std::string path = Path("08_sst_compression/zstd.sst");
  SstImage sst;
  ASSERT_TRUE(sst.Load(path).ok());
  std::unique_ptr<RandomAccessFileReader> reader;
  ASSERT_TRUE(RandomAccessFileReader::Create(FileSystem::Default(), path,
                                             FileOptions(), &reader, nullptr)
                  .ok());
  ReadOptions ro;
  BlockContents c;
  CompressionType type = kNoCompression;
  Status s = ReadBlockContents(reader.get(), sst.footer, ro,
                               sst.footer.index_handle(), &c, true, &type);
  ASSERT_TRUE(s.ok()) << s.ToString();
  InternalKeyComparator icmp(BytewiseComparator());
  Block index(std::move(c));
  std::unique_ptr<IndexBlockIter> ii(index.NewIndexIterator(&icmp, true, true));
  ii->SeekToFirst();
  ASSERT_TRUE(ii->Valid());
  const BlockHandle h = ii->value_handle();
  ASSERT_TRUE(
      ReadBlockContents(reader.get(), sst.footer, ro, h, &c, false, &type)
          .ok());
  EXPECT_EQ(type, kZSTD);
  EXPECT_EQ(c.data.size(), h.size());
  EXPECT_TRUE(c.own_bytes());
  ASSERT_TRUE(
      ReadBlockContents(reader.get(), sst.footer, ro, h, &c, true, &type).ok());
  EXPECT_GT(c.data.size(), h.size());
  // A handle running past the end of the file.
  s = ReadBlockContents(reader.get(), sst.footer, ro,
                        BlockHandle(sst.bytes.size() - 10, 100), &c);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("zstd.sst"), std::string::npos);
  // Checksum mismatch: read a wrong (shifted) range.
  s = ReadBlockContents(reader.get(), sst.footer, ro,
                        BlockHandle(h.offset() + 1, h.size()), &c);
  EXPECT_TRUE(s.IsCorruption()) << s.ToString();
  EXPECT_NE(s.ToString().find("block checksum mismatch"), std::string::npos);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
