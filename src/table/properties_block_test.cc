// Copyright (c) the rocksdb-cleanroom authors.
//
// Properties block (spec 5.9): the encoding of RocksDB 7.8.3's own files
// byte for byte, decoding of samples, round trips, which optional
// properties are left out, the SstFileWriter global-seqno offset, and
// malformed input.

#include "table/properties_block.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "table/block.h"
#include "table/table_builder_test_util.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// The properties block of samples/02_tiny_flush_default_opts/000009.sst.
constexpr uint64_t kSample02PropsOffset = 56;
constexpr uint64_t kSample02PropsSize = 855;

TableProperties Sample02Properties() {
  TableProperties p;
  p.data_size = 34;
  p.index_size = 22;
  p.index_key_is_user_key = 1;
  p.index_value_is_delta_encoded = 1;
  p.filter_size = 0;
  p.raw_key_size = 13;
  p.raw_value_size = 5;
  p.num_data_blocks = 1;
  p.num_entries = 1;
  p.num_filter_entries = 0;
  p.num_deletions = 0;
  p.num_merge_operands = 0;
  p.num_range_deletions = 0;
  p.format_version = 0;
  p.fixed_key_len = 0;
  p.column_family_id = 0;
  p.creation_time = 1795804228;
  p.oldest_key_time = 1795804228;
  p.file_creation_time = 1795804228;
  p.orig_file_number = 9;
  p.db_id = "f1b12209-8fa8-46ef-a6bd-0d200b7660ea";
  p.db_session_id = "47TYG34PB5C8W23DBA85";
  p.db_host_id = "vm";
  p.column_family_name = "default";
  p.comparator_name = "leveldb.BytewiseComparator";
  p.merge_operator_name = "nullptr";
  p.prefix_extractor_name = "nullptr";
  p.property_collectors_names = "[]";
  p.compression_name = "Snappy";
  p.compression_options =
      "window_bits=-14; level=32767; strategy=0; max_dict_bytes=0; "
      "zstd_max_train_bytes=0; enabled=0; max_dict_buffer_bytes=0; "
      "use_zstd_dict_trainer=1; ";
  p.user_collected_properties["rocksdb.block.based.table.index.type"] =
      std::string(4, '\0');
  p.user_collected_properties["rocksdb.block.based.table.prefix.filtering"] =
      "0";
  p.user_collected_properties["rocksdb.block.based.table.whole.key.filtering"] =
      "1";
  return p;
}

std::string LoadSample(const std::string& rel) {
  const std::string dir = test::SpecSamplesDir();
  std::string data;
  if (!dir.empty()) test::ReadWholeFile(dir + "/" + rel, &data);
  return data;
}

// The names stored in a properties block, in order.
std::vector<std::string> Names(const std::string& contents) {
  std::vector<std::string> names;
  Block block{BlockContents(Slice(contents))};
  std::unique_ptr<MetaBlockIter> it(block.NewMetaIterator());
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    names.push_back(it->key().ToString());
  }
  EXPECT_TRUE(it->status().ok());
  return names;
}

bool Contains(const std::vector<std::string>& v, const std::string& name) {
  for (const std::string& n : v) {
    if (n == name) return true;
  }
  return false;
}

TEST(PropertiesBlockTest, NamesOfMetaBlocks) {
  EXPECT_STREQ(kPropertiesBlockName, "rocksdb.properties");
  EXPECT_STREQ(kRangeDelBlockName, "rocksdb.range_del");
  EXPECT_STREQ(kFullFilterBlockPrefix, "fullfilter.");
}

TEST(PropertiesBlockTest, EncodesRocksDbSampleByteForByte) {
  const std::string file = LoadSample("02_tiny_flush_default_opts/000009.sst");
  if (file.empty()) GTEST_SKIP() << "spec samples not found";
  std::string encoded;
  EncodePropertiesBlock(Sample02Properties(), &encoded);
  EXPECT_EQ(encoded, file.substr(kSample02PropsOffset, kSample02PropsSize));
  EXPECT_EQ(Names(encoded).size(), 33u);
}

TEST(PropertiesBlockTest, DecodesRocksDbSample) {
  const std::string file = LoadSample("02_tiny_flush_default_opts/000009.sst");
  if (file.empty()) GTEST_SKIP() << "spec samples not found";
  TableProperties p;
  ASSERT_TRUE(DecodePropertiesBlock(
                  Slice(file.data() + kSample02PropsOffset, kSample02PropsSize),
                  &p, kSample02PropsOffset)
                  .ok());
  const TableProperties want = Sample02Properties();
  EXPECT_EQ(p.ToString(), want.ToString());
  EXPECT_EQ(p.db_session_id, want.db_session_id);
  EXPECT_EQ(p.file_creation_time, want.file_creation_time);
  // RocksDB's reader also lists the two counters among the user properties.
  UserCollectedProperties user = want.user_collected_properties;
  user["rocksdb.deleted.keys"] = std::string(1, '\0');
  user["rocksdb.merge.operands"] = std::string(1, '\0');
  EXPECT_EQ(p.user_collected_properties, user);
  EXPECT_TRUE(p.readable_properties.empty());
  EXPECT_EQ(p.external_sst_file_global_seqno_offset, 0u);
}

TEST(PropertiesBlockTest, RoundTripsEveryField) {
  TableProperties in;
  uint64_t v = 1;
  for (uint64_t* field : {&in.orig_file_number,
                          &in.data_size,
                          &in.index_size,
                          &in.index_partitions,
                          &in.top_level_index_size,
                          &in.index_key_is_user_key,
                          &in.index_value_is_delta_encoded,
                          &in.filter_size,
                          &in.raw_key_size,
                          &in.raw_value_size,
                          &in.num_data_blocks,
                          &in.num_entries,
                          &in.num_filter_entries,
                          &in.num_deletions,
                          &in.num_merge_operands,
                          &in.num_range_deletions,
                          &in.format_version,
                          &in.fixed_key_len,
                          &in.column_family_id,
                          &in.creation_time,
                          &in.oldest_key_time,
                          &in.file_creation_time,
                          &in.slow_compression_estimated_data_size,
                          &in.fast_compression_estimated_data_size}) {
    *field = v;
    v = v * 131 + 7;  // grows into multi-byte varints
  }
  in.num_entries = ~0ull;
  int i = 0;
  for (std::string* field :
       {&in.db_id, &in.db_session_id, &in.db_host_id, &in.column_family_name,
        &in.filter_policy_name, &in.comparator_name, &in.merge_operator_name,
        &in.prefix_extractor_name, &in.property_collectors_names,
        &in.compression_name, &in.compression_options,
        &in.seqno_to_time_mapping}) {
    ++i;
    *field = "value-" + std::to_string(i) + std::string(i, '\xff');
  }
  in.user_collected_properties["a.user.prop"] = std::string("x\0y", 3);
  in.user_collected_properties["zz"] = "";
  // A user property cannot replace a standard one.
  in.user_collected_properties["rocksdb.num.entries"] = "bogus";

  std::string encoded;
  EncodePropertiesBlock(in, &encoded);
  TableProperties out;
  ASSERT_TRUE(DecodePropertiesBlock(encoded, &out).ok());
  EXPECT_EQ(out.ToString(), in.ToString());
  EXPECT_EQ(out.num_entries, ~0ull);
  EXPECT_EQ(out.index_partitions, in.index_partitions);
  EXPECT_EQ(out.top_level_index_size, in.top_level_index_size);
  EXPECT_EQ(out.seqno_to_time_mapping, in.seqno_to_time_mapping);
  EXPECT_EQ(out.user_collected_properties.at("a.user.prop"),
            std::string("x\0y", 3));
  EXPECT_EQ(out.user_collected_properties.at("zz"), "");
  EXPECT_EQ(out.user_collected_properties.count("rocksdb.num.entries"), 0u);
}

TEST(PropertiesBlockTest, OptionalPropertiesLeftOutWhenUnset) {
  std::string encoded;
  EncodePropertiesBlock(TableProperties(), &encoded);
  const std::vector<std::string> names = Names(encoded);
  for (const char* absent :
       {"rocksdb.index.partitions", "rocksdb.top-level.index.size",
        "rocksdb.file.creation.time",
        "rocksdb.sample_for_compression.slow.data.size",
        "rocksdb.sample_for_compression.fast.data.size",
        "rocksdb.filter.policy", "rocksdb.column.family.name",
        "rocksdb.seqno.time.map", "rocksdb.creating.db.identity"}) {
    EXPECT_FALSE(Contains(names, absent)) << absent;
  }
  for (const char* present :
       {"rocksdb.creation.time", "rocksdb.oldest.key.time",
        "rocksdb.filter.size", "rocksdb.num.filter_entries",
        "rocksdb.deleted.keys", "rocksdb.merge.operands",
        "rocksdb.column.family.id", "rocksdb.format.version"}) {
    EXPECT_TRUE(Contains(names, present)) << present;
  }
  // The unknown column family id is stored as is.
  TableProperties decoded;
  ASSERT_TRUE(DecodePropertiesBlock(encoded, &decoded).ok());
  EXPECT_EQ(decoded.column_family_id, 0x7fffffffu);
  // Sorted by name: the block is usable for binary search.
  for (size_t i = 1; i < names.size(); ++i) {
    EXPECT_LT(names[i - 1], names[i]);
  }
}

TEST(PropertiesBlockTest, GlobalSeqnoOffsetOfExternalFile) {
  const std::string file = LoadSample("12_external_sst/external.sst");
  if (file.empty()) GTEST_SKIP() << "spec samples not found";
  test::ParsedSst parsed;
  ASSERT_TRUE(test::ParseSstFile(file, &parsed).ok());
  const TableProperties& p = parsed.props;
  EXPECT_EQ(p.column_family_id, 0x7fffffffu);
  EXPECT_EQ(p.db_id, "SST Writer");
  EXPECT_TRUE(p.column_family_name.empty());
  std::string version;
  PutFixed32(&version, 2);
  EXPECT_EQ(p.user_collected_properties.at("rocksdb.external_sst_file.version"),
            version);
  const uint64_t offset = p.external_sst_file_global_seqno_offset;
  const BlockHandle& h = parsed.meta.at(kPropertiesBlockName);
  ASSERT_GT(offset, h.offset());
  ASSERT_LE(offset + 8, h.offset() + h.size());
  EXPECT_EQ(file.substr(offset, 8), std::string(8, '\0'));
  EXPECT_EQ(
      p.user_collected_properties.at("rocksdb.external_sst_file.global_seqno"),
      std::string(8, '\0'));
}

TEST(PropertiesBlockTest, MalformedInput) {
  TableProperties p;
  EXPECT_TRUE(DecodePropertiesBlock(Slice("xy"), &p).IsCorruption());
  EXPECT_TRUE(DecodePropertiesBlock(Slice(), &p).IsCorruption());
  // A truncated varint is skipped; the other properties still load.
  TableProperties in;
  in.comparator_name = "cmp";
  in.num_entries = 5;
  std::string bad;
  EncodePropertiesBlock(in, &bad);
  // "rocksdb.num.data.blocks" holds the one varint byte 0x00; make it a
  // truncated varint (continuation bit set, nothing follows).
  const size_t pos = bad.find("data.blocks");
  ASSERT_NE(pos, std::string::npos);
  ASSERT_EQ(bad[pos + 11], '\0');
  bad[pos + 11] = '\x80';
  TableProperties out;
  ASSERT_TRUE(DecodePropertiesBlock(bad, &out).ok());
  EXPECT_EQ(out.num_data_blocks, 0u);
  EXPECT_EQ(out.num_entries, 5u);
  EXPECT_EQ(out.comparator_name, "cmp");
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
