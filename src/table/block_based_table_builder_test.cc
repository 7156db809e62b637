// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableBuilder: tables rebuilt from the entries of RocksDB-written
// samples come out byte for byte identical; block cutting, index key forms
// per format_version, filters (whole keys, prefixes), range tombstones,
// properties and collectors, checksum types, compression and error cases.

#include "table/block_based_table_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rocksdb/comparator.h"
#include "rocksdb/file_checksum.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "table/compression.h"
#include "table/filter_bits.h"
#include "table/table_builder_test_util.h"
#include "util/coding.h"

namespace ROCKSDB_NAMESPACE {
namespace {

using test::IKey;
using test::KVList;

CompressionType CompressionFromName(const std::string& name) {
  const CompressionType all[] = {kNoCompression,     kSnappyCompression,
                                 kZlibCompression,   kBZip2Compression,
                                 kLZ4Compression,    kLZ4HCCompression,
                                 kXpressCompression, kZSTD};
  for (CompressionType t : all) {
    if (CompressionTypeToString(t) == name) return t;
  }
  return kDisableCompressionOption;
}

// Adds SstFileWriter's two properties, as its internal collector does.
class ExternalFileCollector : public TablePropertiesCollector {
 public:
  Status Finish(UserCollectedProperties* props) override {
    std::string version, seqno;
    PutFixed32(&version, 2);
    PutFixed64(&seqno, 0);
    (*props)["rocksdb.external_sst_file.version"] = version;
    (*props)["rocksdb.external_sst_file.global_seqno"] = seqno;
    return Status::OK();
  }
  UserCollectedProperties GetReadableProperties() const override { return {}; }
  const char* Name() const override { return "ExternalFileCollector"; }
};

class ExternalFileCollectorFactory : public TablePropertiesCollectorFactory {
 public:
  TablePropertiesCollector* CreateTablePropertiesCollector(
      TablePropertiesCollectorFactory::Context) override {
    return new ExternalFileCollector;
  }
  const char* Name() const override { return "ExternalFileCollectorFactory"; }
};

class BlockBasedTableBuilderTest : public testing::Test {
 protected:
  BlockBasedTableBuilderTest() : icmp_(BytewiseComparator()) {
    options_.internal_comparator = &icmp_;
    options_.cf_options = &cf_;
    options_.compression_type = kNoCompression;
    options_.column_family_name = "default";
  }

  // Builds entries into a file; the bytes land in bytes_, the builder's
  // properties in props_, the parsed file in parsed_.
  void Build(const KVList& entries) {
    ASSERT_OK_STATUS(test::BuildSstFile(table_options_, options_, entries,
                                        test::TempSstPath("t"), &bytes_,
                                        &props_));
    parsed_ = test::ParsedSst();
    ASSERT_OK_STATUS(test::ParseSstFile(bytes_, &parsed_));
  }

  static void ASSERT_OK_STATUS(const Status& s) {
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  InternalKeyComparator icmp_;
  ColumnFamilyOptions cf_;
  BlockBasedTableOptions table_options_;
  TableBuilderOptions options_;
  std::string bytes_;
  TableProperties props_;
  test::ParsedSst parsed_;
};

// ---- Byte-for-byte identity with RocksDB 7.8.3's own tables ----

struct SampleCase {
  const char* path;
  uint64_t block_size;
  // db_bench shortens the last index key too (its default mode 2).
  bool shorten_successor = false;
};

class SampleRebuildTest : public BlockBasedTableBuilderTest,
                          public testing::WithParamInterface<SampleCase> {};

TEST_P(SampleRebuildTest, RebuildIsByteForByteIdentical) {
  const std::string dir = test::SpecSamplesDir();
  if (dir.empty()) GTEST_SKIP() << "spec samples not found";
  std::string original;
  ASSERT_TRUE(test::ReadWholeFile(dir + "/" + GetParam().path, &original));
  test::ParsedSst in;
  ASSERT_OK_STATUS(test::ParseSstFile(original, &in));
  ASSERT_TRUE(in.has_props);
  const TableProperties& p = in.props;

  table_options_.block_size = GetParam().block_size;
  if (GetParam().shorten_successor) {
    table_options_.index_shortening = BlockBasedTableOptions::
        IndexShorteningMode::kShortenSeparatorsAndSuccessor;
  }
  if (in.meta.count("fullfilter.rocksdb.BuiltinBloomFilter") > 0) {
    table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  }
  options_.compression_type = CompressionFromName(p.compression_name);
  ASSERT_NE(options_.compression_type, kDisableCompressionOption);
  options_.column_family_id = static_cast<uint32_t>(p.column_family_id);
  options_.column_family_name = p.column_family_name;
  options_.creation_time = p.creation_time;
  options_.oldest_key_time = p.oldest_key_time;
  options_.file_creation_time = p.file_creation_time;
  options_.db_id = p.db_id;
  options_.db_session_id = p.db_session_id;
  options_.db_host_id = p.db_host_id;
  options_.cur_file_num = p.orig_file_number;
  if (p.user_collected_properties.count("rocksdb.external_sst_file.version")) {
    options_.internal_collector_factories.emplace_back(
        new ExternalFileCollectorFactory);
  }
  const std::string note =
      options_.compression_type != kLZ4Compression
          ? ""
          : " (RocksDB compresses LZ4 blocks through a fresh LZ4 stream, "
            "LZ4_compress_fast_continue with acceleration 1; "
            "LZ4_compress_default finds other matches)";
  KVList entries = in.entries;
  entries.insert(entries.end(), in.range_dels.begin(), in.range_dels.end());
  Build(entries);

  ASSERT_EQ(bytes_.size(), original.size()) << note;
  for (size_t i = 0; i < bytes_.size(); ++i) {
    ASSERT_EQ(bytes_[i], original[i])
        << "first difference at offset " << i << note;
  }
  EXPECT_EQ(props_.num_entries, p.num_entries);
  EXPECT_EQ(props_.data_size, p.data_size);
  EXPECT_EQ(props_.index_size, p.index_size);
}

INSTANTIATE_TEST_CASE_P(
    Samples, SampleRebuildTest,
    testing::Values(
        SampleCase{"02_tiny_flush_default_opts/000009.sst", 4096},
        SampleCase{"05_wal_recyclable/000009.sst", 4096},
        SampleCase{"10_cf_reopen_manifest_snapshot/000011.sst", 4096},
        SampleCase{"07_sst_bloom_nocomp_compacted/000010.sst", 1024},
        SampleCase{"08_sst_compression/snappy.sst", 1024},
        SampleCase{"08_sst_compression/lz4.sst", 1024},
        SampleCase{"08_sst_compression/zstd.sst", 1024},
        SampleCase{"08_sst_compression/zlib.sst", 1024},
        SampleCase{"12_external_sst/external.sst", 4096},
        SampleCase{"13_db_bench_fillrandom_compact/000020.sst", 4096, true},
        SampleCase{"13_db_bench_fillrandom_compact/000021.sst", 4096, true},
        SampleCase{"14_empty_key_bloom/000009.sst", 4096},
        SampleCase{"20_bloom_key_lengths_1_to_1100/000009.sst", 4096}),
    [](const testing::TestParamInfo<SampleCase>& info) {
      std::string name;
      for (const char* c = info.param.path; *c != '\0'; ++c) {
        name += isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
      }
      return name;
    });

// ---- Layouts RocksDB 7.8.3 produced for the same entries and options ----

// 300 puts as a RocksDB flush writes them: "key%06d-%d" (7i, i % 13) ->
// (i % 37) x 'v', sequence numbers 1..300.
KVList ThreeHundredPuts() {
  KVList entries;
  for (int i = 0; i < 300; ++i) {
    char key[32];
    snprintf(key, sizeof(key), "key%06d-%d", i * 7, i % 13);
    entries.emplace_back(IKey(key, i + 1, kTypeValue),
                         std::string(i % 37, 'v'));
  }
  return entries;
}

// 40 puts of four user keys "k00".."k03" (ten versions each, newest first),
// values 20 x ('a' + i % 26): user keys straddle block boundaries.
KVList ManyVersions() {
  KVList entries;
  for (int user = 0; user < 4; ++user) {
    for (int i = user * 10 + 9; i >= user * 10; --i) {
      char key[8];
      snprintf(key, sizeof(key), "k%02d", user);
      entries.emplace_back(IKey(key, i + 1, kTypeValue),
                           std::string(20, static_cast<char>('a' + i % 26)));
    }
  }
  return entries;
}

struct LayoutCase {
  const char* name;
  void (*configure)(BlockBasedTableOptions* t, TableBuilderOptions* o);
  bool many_versions;
  // What RocksDB wrote.
  uint64_t num_data_blocks, data_size, index_size;
  bool index_user_keys, index_delta;
  uint32_t format_version;
};

class LayoutTest : public BlockBasedTableBuilderTest,
                   public testing::WithParamInterface<LayoutCase> {};

TEST_P(LayoutTest, MatchesRocksDb) {
  const LayoutCase& c = GetParam();
  c.configure(&table_options_, &options_);
  Build(c.many_versions ? ManyVersions() : ThreeHundredPuts());
  EXPECT_EQ(props_.num_data_blocks, c.num_data_blocks);
  EXPECT_EQ(props_.data_size, c.data_size);
  EXPECT_EQ(props_.index_size, c.index_size);
  EXPECT_EQ(props_.index_key_is_user_key, c.index_user_keys ? 1u : 0u);
  EXPECT_EQ(props_.index_value_is_delta_encoded, c.index_delta ? 1u : 0u);
  EXPECT_EQ(parsed_.footer.format_version(), c.format_version);
  EXPECT_EQ(parsed_.props.num_data_blocks, c.num_data_blocks);
  // Every entry reads back, through whichever index form was chosen.
  KVList expected = c.many_versions ? ManyVersions() : ThreeHundredPuts();
  EXPECT_EQ(parsed_.entries, expected);
  for (size_t i = 0; i + 1 < parsed_.index_keys.size(); ++i) {
    // Separators are strictly ordered (user keys or internal keys).
    if (c.index_user_keys) {
      EXPECT_LT(parsed_.index_keys[i], parsed_.index_keys[i + 1]);
    } else {
      EXPECT_LT(icmp_.Compare(parsed_.index_keys[i], parsed_.index_keys[i + 1]),
                0);
    }
  }
}

INSTANTIATE_TEST_CASE_P(
    Observed, LayoutTest,
    testing::Values(
        LayoutCase{"versions_span_blocks",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 100;
                   },
                   true, 14, 1442, 287, false, true, 5},
        LayoutCase{"restart_intervals",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 300;
                     t->block_restart_interval = 4;
                     t->index_block_restart_interval = 16;
                   },
                   false, 38, 11199, 236, true, true, 5},
        LayoutCase{"zstd_crc32c",
                   [](BlockBasedTableOptions* t, TableBuilderOptions* o) {
                     t->block_size = 500;
                     t->checksum = kCRC32c;
                     o->compression_type = kZSTD;
                   },
                   false, 22, 4219, 412, true, true, 5},
        LayoutCase{"deviation_0",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 333;
                     t->block_size_deviation = 0;
                   },
                   false, 30, 10442, 558, true, true, 5},
        LayoutCase{"deviation_50",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 333;
                     t->block_size_deviation = 50;
                   },
                   false, 35, 10542, 647, true, true, 5},
        LayoutCase{"no_delta_fv4",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 333;
                     t->use_delta_encoding = false;
                     t->format_version = 4;
                   },
                   false, 39, 12510, 721, true, true, 4},
        LayoutCase{"fv3",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 200;
                     t->format_version = 3;
                   },
                   false, 54, 10929, 1051, true, false, 3},
        LayoutCase{"fv2_xxhash",
                   [](BlockBasedTableOptions* t, TableBuilderOptions*) {
                     t->block_size = 200;
                     t->format_version = 2;
                     t->checksum = kxxHash;
                   },
                   false, 54, 10929, 1483, false, false, 2},
        LayoutCase{
            "no_shortening_xxhash64",
            [](BlockBasedTableOptions* t, TableBuilderOptions*) {
              t->block_size = 200;
              t->index_shortening =
                  BlockBasedTableOptions::IndexShorteningMode::kNoShortening;
              t->checksum = kxxHash64;
            },
            false, 54, 10929, 1150, true, true, 5},
        LayoutCase{"zlib_uncompressed_index",
                   [](BlockBasedTableOptions* t, TableBuilderOptions* o) {
                     t->block_size = 200;
                     t->enable_index_compression = false;
                     o->compression_type = kZlibCompression;
                   },
                   false, 54, 4712, 942, true, true, 5}),
    [](const testing::TestParamInfo<LayoutCase>& info) {
      return std::string(info.param.name);
    });

TEST_F(BlockBasedTableBuilderTest, InternalKeySeparatorsWhenVersionsSpan) {
  table_options_.block_size = 100;
  Build(ManyVersions());
  ASSERT_EQ(parsed_.props.index_key_is_user_key, 0u);
  for (const std::string& sep : parsed_.index_keys) {
    ParsedInternalKey parsed;
    ASSERT_TRUE(ParseInternalKey(sep, &parsed, false).ok());
  }
  // The same user keys with one version each fit user-key separators.
  KVList single;
  for (const auto& kv : ManyVersions()) {
    if (single.empty() ||
        ExtractUserKey(single.back().first) != ExtractUserKey(kv.first)) {
      single.push_back(kv);
    }
  }
  Build(single);
  EXPECT_EQ(parsed_.props.index_key_is_user_key, 1u);
}

TEST_F(BlockBasedTableBuilderTest, SeparatorsAreShortened) {
  table_options_.block_size = 1;  // one entry per block
  Build({{IKey("abcdef", 1, kTypeValue), "1"},
         {IKey("abzzzz", 2, kTypeValue), "2"},
         {IKey("b", 3, kTypeValue), "3"}});
  ASSERT_EQ(parsed_.index_keys.size(), 3u);
  EXPECT_EQ(parsed_.index_keys[0], "abd");
  EXPECT_EQ(parsed_.index_keys[1], "ac");
  EXPECT_EQ(parsed_.index_keys[2], "b");  // the last key is kept whole

  table_options_.index_shortening = BlockBasedTableOptions::
      IndexShorteningMode::kShortenSeparatorsAndSuccessor;
  Build({{IKey("abcdef", 1, kTypeValue), "1"},
         {IKey("abzzzz", 2, kTypeValue), "2"},
         {IKey("bcd", 3, kTypeValue), "3"}});
  EXPECT_EQ(parsed_.index_keys[2], "c");
}

// ---- Filters ----

struct FilterCase {
  const char* name;
  std::vector<std::string> keys;  // user keys; repeats become versions
  bool whole_keys;
  bool prefixes;  // FixedPrefix(2)
  uint64_t block_size;
  uint64_t num_filter_entries;  // what RocksDB recorded
};

class FilterTest : public BlockBasedTableBuilderTest,
                   public testing::WithParamInterface<FilterCase> {};

TEST_P(FilterTest, EntriesAsRocksDb) {
  const FilterCase& c = GetParam();
  table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  table_options_.whole_key_filtering = c.whole_keys;
  table_options_.block_size = c.block_size;
  if (c.prefixes) cf_.prefix_extractor.reset(NewFixedPrefixTransform(2));
  // Internal order: user key ascending, newer versions first.
  std::vector<std::pair<std::string, SequenceNumber>> sorted;
  for (size_t i = 0; i < c.keys.size(); ++i) {
    sorted.emplace_back(c.keys[i], i + 1);
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  KVList entries;
  for (const auto& k : sorted) {
    entries.emplace_back(IKey(k.first, k.second, kTypeValue), "v");
  }
  Build(entries);
  EXPECT_EQ(props_.num_filter_entries, c.num_filter_entries);
  EXPECT_EQ(parsed_.props.num_filter_entries, c.num_filter_entries);
  EXPECT_EQ(parsed_.props.filter_policy_name, "bloomfilter");
  auto it = parsed_.meta.find("fullfilter.rocksdb.BuiltinBloomFilter");
  if (c.num_filter_entries == 0) {
    EXPECT_TRUE(it == parsed_.meta.end());
    EXPECT_EQ(parsed_.props.filter_size, 0u);
    return;
  }
  ASSERT_TRUE(it != parsed_.meta.end());
  EXPECT_EQ(parsed_.props.filter_size, it->second.size());
  BlockContents contents;
  ASSERT_TRUE(
      test::ReadSstBlock(bytes_, parsed_.footer, it->second, &contents).ok());
  std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(contents.data);
  for (const std::string& key : c.keys) {
    if (c.whole_keys) {
      EXPECT_TRUE(reader->MayMatch(key)) << key;
    }
    if (c.prefixes && key.size() >= 2) {
      EXPECT_TRUE(reader->MayMatch(key.substr(0, 2))) << key;
    }
  }
}

INSTANTIATE_TEST_CASE_P(
    Observed, FilterTest,
    testing::Values(
        FilterCase{
            "whole_and_prefix", {"abx", "acx", "b"}, true, true, 4096, 5},
        FilterCase{"prefix_equals_key",
                   {"ab", "abc", "abd", "b"},
                   true,
                   true,
                   4096,
                   4},
        FilterCase{"versions", {"ab", "ab", "ab", "b"}, true, false, 4096, 2},
        FilterCase{
            "versions_and_prefix", {"ab", "ab", "abc"}, true, true, 4096, 2},
        FilterCase{"distinct", {"aa", "ab", "ac"}, true, true, 4096, 3},
        FilterCase{"short_keys", {"x", "y"}, true, true, 4096, 2},
        // Prefixes only: RocksDB 7.8.3 also adds the empty key once.
        FilterCase{"prefix_only_one", {"ab"}, false, true, 4096, 1},
        FilterCase{"prefix_only_two", {"ab", "abc"}, false, true, 4096, 3},
        FilterCase{"prefix_only_same",
                   {"abc", "abd", "abe", "abf"},
                   false,
                   true,
                   4096,
                   3},
        FilterCase{"prefix_only_mixed",
                   {"abc", "acd", "ace", "b"},
                   false,
                   true,
                   4096,
                   3},
        FilterCase{"prefix_only_changing",
                   {"abc", "acd", "ade", "aef"},
                   false,
                   true,
                   4096,
                   5},
        FilterCase{
            "prefix_only_out_first", {"b", "abc", "abd"}, false, true, 4096, 3},
        FilterCase{"prefix_only_out_later",
                   {"abc", "b", "c", "d"},
                   false,
                   true,
                   4096,
                   2},
        FilterCase{"prefix_only_blocks",
                   {"abc", "abd", "abe", "acx", "acy"},
                   false,
                   true,
                   1,
                   4},
        FilterCase{"prefix_only_none_in_domain", {"b"}, false, true, 4096, 0}),
    [](const testing::TestParamInfo<FilterCase>& info) {
      return std::string(info.param.name);
    });

TEST_F(BlockBasedTableBuilderTest, NoFilterWithoutPolicyOrWhenSkipped) {
  Build({{IKey("a", 1, kTypeValue), "1"}});
  EXPECT_TRUE(parsed_.props.filter_policy_name.empty());
  EXPECT_EQ(parsed_.meta.size(), 1u);  // properties only
  table_options_.filter_policy.reset(NewBloomFilterPolicy(10));
  options_.skip_filters = true;
  Build({{IKey("a", 1, kTypeValue), "1"}});
  EXPECT_EQ(parsed_.meta.size(), 1u);
  EXPECT_EQ(parsed_.props.num_filter_entries, 0u);
}

// ---- Range tombstones, counters and collectors ----

TEST_F(BlockBasedTableBuilderTest, RangeTombstonesKeptAsWritten) {
  Build({{IKey("a", 5, kTypeValue), "va"},
         {IKey("m", 9, kTypeRangeDeletion), "p"},
         {IKey("b", 4, kTypeDeletion), ""},
         {IKey("c", 3, kTypeSingleDeletion), ""},
         {IKey("d", 2, kTypeMerge), "op"},
         {IKey("c", 8, kTypeRangeDeletion), "e"}});
  EXPECT_EQ(parsed_.entries.size(), 4u);
  ASSERT_EQ(parsed_.range_dels.size(), 2u);
  EXPECT_EQ(parsed_.range_dels[0].first, IKey("m", 9, kTypeRangeDeletion));
  EXPECT_EQ(parsed_.range_dels[0].second, "p");
  EXPECT_EQ(parsed_.range_dels[1].first, IKey("c", 8, kTypeRangeDeletion));
  const TableProperties& p = parsed_.props;
  EXPECT_EQ(p.num_entries, 6u);
  EXPECT_EQ(p.num_range_deletions, 2u);
  EXPECT_EQ(p.num_deletions, 4u);  // range tombstones count, as in RocksDB
  EXPECT_EQ(p.num_merge_operands, 1u);
  EXPECT_EQ(p.raw_key_size, 6u * 9);
  EXPECT_EQ(p.raw_value_size, 2u + 1 + 2 + 1);
  EXPECT_EQ(props_.num_entries, 6u);
  EXPECT_EQ(
      parsed_.stored_types.at(parsed_.meta.at("rocksdb.range_del").offset()),
      kNoCompression);
}

TEST_F(BlockBasedTableBuilderTest, OnlyRangeTombstones) {
  Build({{IKey("a", 1, kTypeRangeDeletion), "z"}});
  EXPECT_EQ(parsed_.props.num_data_blocks, 0u);
  EXPECT_TRUE(parsed_.entries.empty());
  EXPECT_EQ(parsed_.range_dels.size(), 1u);
}

TEST_F(BlockBasedTableBuilderTest, EmptyTable) {
  Build({});
  EXPECT_EQ(parsed_.props.num_entries, 0u);
  EXPECT_EQ(parsed_.props.num_data_blocks, 0u);
  EXPECT_TRUE(parsed_.index_keys.empty());
  EXPECT_EQ(parsed_.footer.format_version(), 5u);
  EXPECT_EQ(parsed_.footer.checksum_type(), kXXH3);
}

struct CollectorLog {
  std::vector<std::string> calls;
};

class RecordingCollector : public TablePropertiesCollector {
 public:
  RecordingCollector(CollectorLog* log, bool need_compact)
      : log_(log), need_compact_(need_compact) {}
  Status AddUserKey(const Slice& key, const Slice& value, EntryType type,
                    SequenceNumber seq, uint64_t file_size) override {
    log_->calls.push_back("add " + key.ToString() + "=" + value.ToString() +
                          " t" + std::to_string(type) + " s" +
                          std::to_string(seq));
    ++count_;
    return Status::OK();
  }
  void BlockAdd(uint64_t raw, uint64_t, uint64_t) override {
    log_->calls.push_back("block " + std::to_string(raw));
  }
  Status Finish(UserCollectedProperties* props) override {
    (*props)["my.count"] = std::to_string(count_);
    return Status::OK();
  }
  UserCollectedProperties GetReadableProperties() const override {
    return {{"my.readable", "yes"}};
  }
  const char* Name() const override { return "RecordingCollector"; }
  bool NeedCompact() const override { return need_compact_; }

 private:
  CollectorLog* log_;
  bool need_compact_;
  int count_ = 0;
};

class RecordingFactory : public TablePropertiesCollectorFactory {
 public:
  RecordingFactory(CollectorLog* log, bool need_compact = false)
      : log_(log), need_compact_(need_compact) {}
  TablePropertiesCollector* CreateTablePropertiesCollector(
      TablePropertiesCollectorFactory::Context context) override {
    log_->calls.push_back("create cf" +
                          std::to_string(context.column_family_id) + " l" +
                          std::to_string(context.level_at_creation));
    return new RecordingCollector(log_, need_compact_);
  }
  const char* Name() const override { return "RecordingFactory"; }

 private:
  CollectorLog* log_;
  bool need_compact_;
};

TEST_F(BlockBasedTableBuilderTest, CollectorsSeeEveryEntryAndBlock) {
  CollectorLog log;
  cf_.table_properties_collector_factories.emplace_back(
      new RecordingFactory(&log));
  options_.column_family_id = 3;
  options_.level_at_creation = 0;
  Build({{IKey("a", 2, kTypeValue), "1"},
         {IKey("b", 3, kTypeMerge), "m"},
         {IKey("c", 4, kTypeRangeDeletion), "d"}});
  const std::vector<std::string> expected = {"create cf3 l0", "add a=1 t0 s2",
                                             "add b=m t3 s3", "add c=d t4 s4",
                                             "block 34",      "block 13"};
  EXPECT_EQ(log.calls, expected);
  EXPECT_EQ(props_.property_collectors_names, "[RecordingFactory]");
  EXPECT_EQ(props_.user_collected_properties.at("my.count"), "3");
  EXPECT_EQ(props_.readable_properties.at("my.readable"), "yes");
  // The builder's view lists its own block-based entries but not the
  // deletion/merge counters, which only the file carries.
  EXPECT_EQ(props_.user_collected_properties.count(
                "rocksdb.block.based.table.whole.key.filtering"),
            1u);
  EXPECT_EQ(props_.user_collected_properties.count("rocksdb.deleted.keys"), 0u);
  EXPECT_EQ(parsed_.props.user_collected_properties.at("my.count"), "3");
  EXPECT_EQ(
      parsed_.props.user_collected_properties.at("rocksdb.merge.operands"),
      std::string(1, '\x01'));
}

TEST_F(BlockBasedTableBuilderTest, NeedCompactAndInternalCollectors) {
  CollectorLog log;
  options_.internal_collector_factories.emplace_back(
      new RecordingFactory(&log, true));
  BlockBasedTableFactory factory(table_options_);
  std::unique_ptr<WritableFileWriter> writer;
  ASSERT_TRUE(WritableFileWriter::Create(FileSystem::Default(),
                                         test::TempSstPath("nc"), FileOptions(),
                                         &writer, nullptr)
                  .ok());
  std::unique_ptr<TableBuilder> builder(
      factory.NewTableBuilder(options_, writer.get()));
  builder->Add(IKey("a", 1, kTypeValue), "1");
  EXPECT_TRUE(builder->NeedCompact());
  ASSERT_TRUE(builder->Finish().ok());
  // Internal collectors are not listed.
  EXPECT_EQ(builder->GetTableProperties().property_collectors_names, "[]");
  EXPECT_EQ(
      builder->GetTableProperties().user_collected_properties.at("my.count"),
      "1");
  EXPECT_TRUE(writer->Close().ok());
}

class TestAppendOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice&, const Slice*, const Slice&, std::string*,
             Logger*) const override {
    return true;
  }
  const char* Name() const override { return "TestAppendOperator"; }
};

TEST_F(BlockBasedTableBuilderTest, DescriptiveProperties) {
  cf_.merge_operator = std::make_shared<TestAppendOperator>();
  cf_.prefix_extractor.reset(NewFixedPrefixTransform(2));
  options_.compression_type = kZSTD;
  options_.compression_opts.level = 3;
  options_.column_family_id = 7;
  options_.column_family_name = "cf7";
  options_.creation_time = 100;
  options_.oldest_key_time = 90;
  options_.file_creation_time = 110;
  options_.db_id = "db-id";
  options_.db_session_id = "SESSION";
  options_.db_host_id = "host";
  options_.cur_file_num = 42;
  Build({{IKey("abc", 1, kTypeValue), "v"}});
  const TableProperties& p = parsed_.props;
  EXPECT_EQ(p.merge_operator_name, "TestAppendOperator");
  EXPECT_EQ(p.prefix_extractor_name, "rocksdb.FixedPrefix.2");
  EXPECT_EQ(p.comparator_name, "leveldb.BytewiseComparator");
  EXPECT_EQ(p.compression_name, "ZSTD");
  EXPECT_EQ(p.compression_options,
            "window_bits=-14; level=3; strategy=0; max_dict_bytes=0; "
            "zstd_max_train_bytes=0; enabled=0; max_dict_buffer_bytes=0; "
            "use_zstd_dict_trainer=1; ");
  EXPECT_EQ(p.column_family_id, 7u);
  EXPECT_EQ(p.column_family_name, "cf7");
  EXPECT_EQ(p.creation_time, 100u);
  EXPECT_EQ(p.oldest_key_time, 90u);
  EXPECT_EQ(p.file_creation_time, 110u);
  EXPECT_EQ(p.db_id, "db-id");
  EXPECT_EQ(p.db_session_id, "SESSION");
  EXPECT_EQ(p.db_host_id, "host");
  EXPECT_EQ(p.orig_file_number, 42u);
  EXPECT_EQ(p.format_version, 0u);
  EXPECT_EQ(p.property_collectors_names, "[]");
  EXPECT_EQ(p.user_collected_properties.at(
                "rocksdb.block.based.table.prefix.filtering"),
            "1");
}

// ---- Checksums, compression, format versions, misuse ----

TEST_F(BlockBasedTableBuilderTest, EveryChecksumTypeVerifies) {
  for (ChecksumType type : {kNoChecksum, kCRC32c, kxxHash, kxxHash64, kXXH3}) {
    SCOPED_TRACE(static_cast<int>(type));
    table_options_.checksum = type;
    table_options_.block_size = 256;
    Build(ThreeHundredPuts());
    EXPECT_EQ(parsed_.footer.checksum_type(), type);
    EXPECT_EQ(parsed_.entries.size(), 300u);
    // Flip one byte of the first data block: only kNoChecksum misses it.
    std::string damaged = bytes_;
    damaged[10] ^= 0x40;
    test::ParsedSst out;
    Status s = test::ParseSstFile(damaged, &out);
    if (type == kNoChecksum) {
      EXPECT_TRUE(s.ok()) << s.ToString();
    } else {
      EXPECT_TRUE(s.IsCorruption()) << s.ToString();
    }
  }
}

TEST_F(BlockBasedTableBuilderTest, CompressionKeptOnlyWhenItPays) {
  if (!CompressionTypeSupported(kSnappyCompression)) GTEST_SKIP();
  options_.compression_type = kSnappyCompression;
  table_options_.verify_compression = true;
  table_options_.block_size = 512;
  KVList entries;
  uint64_t x = 12345;
  for (int i = 0; i < 200; ++i) {
    std::string value;
    if (i < 100) {
      value.assign(50, 'c');  // compressible
    } else {
      for (int j = 0; j < 50; ++j) {  // random bytes
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        value.push_back(static_cast<char>(x >> 56));
      }
    }
    char key[16];
    snprintf(key, sizeof(key), "k%04d", i);
    entries.emplace_back(IKey(key, i + 1, kTypeValue), value);
  }
  Build(entries);
  EXPECT_EQ(parsed_.entries, entries);
  EXPECT_EQ(parsed_.stored_types.at(parsed_.data_handles.front().offset()),
            kSnappyCompression);
  EXPECT_EQ(parsed_.stored_types.at(parsed_.data_handles.back().offset()),
            kNoCompression);
  EXPECT_EQ(parsed_.props.compression_name, "Snappy");
}

TEST_F(BlockBasedTableBuilderTest, IndexCompressionFollowsOption) {
  if (!CompressionTypeSupported(kZlibCompression)) GTEST_SKIP();
  options_.compression_type = kZlibCompression;
  table_options_.block_size = 64;
  Build(ThreeHundredPuts());
  const uint64_t index_offset = parsed_.footer.index_handle().offset();
  EXPECT_EQ(parsed_.stored_types.at(index_offset), kZlibCompression);
  table_options_.enable_index_compression = false;
  Build(ThreeHundredPuts());
  EXPECT_EQ(parsed_.stored_types.at(parsed_.footer.index_handle().offset()),
            kNoCompression);
}

TEST_F(BlockBasedTableBuilderTest, OldFormatVersions) {
  // As RocksDB: version 0 keeps the legacy footer only with kCRC32c.
  options_.compression_type = kSnappyCompression;
  const struct {
    uint32_t fv;
    ChecksumType checksum;
    uint32_t written;
  } cases[] = {{0, kCRC32c, 0}, {0, kXXH3, 1}, {1, kCRC32c, 1}, {1, kXXH3, 1}};
  for (const auto& c : cases) {
    table_options_.format_version = c.fv;
    table_options_.checksum = c.checksum;
    EXPECT_TRUE(BlockBasedTableFactory(table_options_)
                    .ValidateOptions(DBOptions(), ColumnFamilyOptions())
                    .ok());
    Build({{IKey("hello", 1, kTypeValue), "world"}});
    EXPECT_EQ(parsed_.footer.format_version(), c.written);
    EXPECT_EQ(parsed_.footer.encoded_length(), c.written == 0 ? 48u : 53u);
    EXPECT_EQ(parsed_.props.index_key_is_user_key, 0u);
    EXPECT_EQ(parsed_.entries.size(), 1u);
  }
  // Other codecs used another framing before version 2.
  for (uint32_t fv : {0u, 1u}) {
    table_options_.format_version = fv;
    BlockBasedTableFactory factory(table_options_);
    ColumnFamilyOptions cf;
    cf.compression = kZSTD;
    EXPECT_TRUE(factory.ValidateOptions(DBOptions(), cf).IsNotSupported());
    cf.compression = kNoCompression;
    cf.bottommost_compression = kLZ4Compression;
    EXPECT_TRUE(factory.ValidateOptions(DBOptions(), cf).IsNotSupported());
    std::unique_ptr<WritableFileWriter> writer;
    ASSERT_TRUE(WritableFileWriter::Create(FileSystem::Default(),
                                           test::TempSstPath("old"),
                                           FileOptions(), &writer, nullptr)
                    .ok());
    options_.compression_type = kZSTD;
    std::unique_ptr<TableBuilder> builder(
        factory.NewTableBuilder(options_, writer.get()));
    builder->Add(IKey("a", 1, kTypeValue), "1");
    EXPECT_TRUE(builder->status().IsNotSupported());
    EXPECT_TRUE(builder->Finish().IsNotSupported());
    EXPECT_EQ(builder->FileSize(), 0u);
  }
  table_options_.format_version = 6;
  EXPECT_TRUE(BlockBasedTableFactory(table_options_)
                  .ValidateOptions(DBOptions(), ColumnFamilyOptions())
                  .IsInvalidArgument());
}

TEST_F(BlockBasedTableBuilderTest, SizesAbandonAndMisuse) {
  BlockBasedTableFactory factory(table_options_);
  std::unique_ptr<WritableFileWriter> writer;
  ASSERT_TRUE(WritableFileWriter::Create(FileSystem::Default(),
                                         test::TempSstPath("misuse"),
                                         FileOptions(), &writer, nullptr)
                  .ok());
  std::unique_ptr<TableBuilder> builder(
      factory.NewTableBuilder(options_, writer.get()));
  EXPECT_TRUE(builder->IsEmpty());
  builder->Add(IKey("a", 1, kTypeValue), std::string(5000, 'x'));
  builder->Add(IKey("b", 2, kTypeValue), "y");  // cuts the first block
  EXPECT_FALSE(builder->IsEmpty());
  EXPECT_EQ(builder->NumEntries(), 2u);
  EXPECT_GT(builder->FileSize(), 5000u);
  EXPECT_GT(builder->EstimatedFileSize(), builder->FileSize());
  builder->Add(Slice("short"), "bad key");  // not an internal key
  EXPECT_TRUE(builder->status().IsCorruption());
  EXPECT_EQ(builder->NumEntries(), 2u);
  builder->Abandon();
  const uint64_t size = builder->FileSize();
  builder->Add(IKey("c", 3, kTypeValue), "z");
  EXPECT_EQ(builder->FileSize(), size);
  EXPECT_TRUE(writer->Close().ok());
}

TEST_F(BlockBasedTableBuilderTest, FinishTwiceWritesOnce) {
  BlockBasedTableFactory factory(table_options_);
  std::unique_ptr<WritableFileWriter> writer;
  ASSERT_TRUE(WritableFileWriter::Create(FileSystem::Default(),
                                         test::TempSstPath("twice"),
                                         FileOptions(), &writer, nullptr)
                  .ok());
  std::unique_ptr<TableBuilder> builder(
      factory.NewTableBuilder(options_, writer.get()));
  builder->Add(IKey("a", 1, kTypeValue), "1");
  ASSERT_TRUE(builder->Finish().ok());
  const uint64_t size = builder->FileSize();
  EXPECT_TRUE(builder->Finish().ok());
  EXPECT_EQ(builder->FileSize(), size);
  EXPECT_EQ(builder->EstimatedFileSize(), size);
  EXPECT_TRUE(writer->Close().ok());
  EXPECT_EQ(std::string(builder->GetFileChecksumFuncName()),
            kUnknownFileChecksumFuncName);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
