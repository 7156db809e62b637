// Copyright (c) the rocksdb-cleanroom authors.
//
// Option strings, maps and OPTIONS files: round trips of every option with a
// non-default value, and test vectors observed with RocksDB 7.8.3 (syntax,
// numbers, error texts). compat_tests/options_compat_test.cc compares the
// same API with Debian's library directly.

#include "options/options_parser.h"

#include <unistd.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "options/options_file_format.h"
#include "rocksdb/comparator.h"
#include "rocksdb/convenience.h"
#include "rocksdb/env.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/table.h"
#include "rocksdb/utilities/options_util.h"
#include "util/merge_operators.h"
#include "util/options_type.h"

#ifndef ROCKSDB_SPEC_SAMPLES_DIR
#define ROCKSDB_SPEC_SAMPLES_DIR "../shared/specs/samples"
#endif

namespace ROCKSDB_NAMESPACE {
namespace {

std::string MapText(const std::string& opts) {
  std::unordered_map<std::string, std::string> m;
  Status s = StringToMap(opts, &m);
  std::string out = s.ToString();
  for (const auto& kv :
       std::map<std::string, std::string>(m.begin(), m.end())) {
    out += " [" + kv.first + "]=[" + kv.second + "]";
  }
  return out;
}

// A value different from the printed default `current` for field f, in the
// form the option is printed ("" when there is no generic choice).
std::string OtherValue(const OptionField& f, const std::string& current) {
  switch (f.kind) {
    case OptionKind::kBool:
      return current == "true" ? "false" : "true";
    case OptionKind::kInt:
    case OptionKind::kInt64:
    case OptionKind::kUInt32:
    case OptionKind::kUInt64:
      return current == "3" ? "4" : "3";
    case OptionKind::kDouble:
      return current == "0.500000" ? "0.250000" : "0.500000";
    case OptionKind::kString:
      return "a\\:b\\#c\\\\d";
    case OptionKind::kEnum:
      for (auto it = f.enum_names->names.rbegin();
           it != f.enum_names->names.rend(); ++it) {
        if (it->first != current) return it->first;
      }
      return "";
    case OptionKind::kEnumVector:
      return "kZSTD:kNoCompression:kLZ4Compression";
    case OptionKind::kIntVector:
      return "5:0:-2";
    case OptionKind::kStruct: {
      // Change every nested field.
      std::string out = "{";
      ConfigOptions co;
      for (const OptionField& n : f.nested->fields) {
        if (!n.IsPrinted()) continue;
        out += n.name + "=" + OtherValue(n, "") + ";";
      }
      return out + "}";
    }
    default:
      return "";
  }
}

// Sets each printed option of `table` to another value, one at a time,
// and checks that it prints back as set; then everything at once must
// survive print -> parse -> print. `custom` gives the values of object
// options; "=" marks one whose only value this build can create is its
// default.
template <typename T>
void RoundTripEveryOption(const OptionStruct& table,
                          const std::map<std::string, std::string>& custom) {
  ConfigOptions co;
  const T defaults;
  std::string all;
  for (const OptionField& f : table.fields) {
    if (!f.IsPrinted()) continue;
    std::string current;
    ASSERT_TRUE(PrintOptionField(co, f, &defaults, &current).ok()) << f.name;
    auto it = custom.find(f.name);
    std::string value =
        it != custom.end() ? it->second : OtherValue(f, current);
    const bool default_only = value == "=";
    if (default_only) value = current;
    ASSERT_FALSE(value.empty()) << "no test value for " << f.name;
    T options;
    Status s =
        ConfigureOptionStruct(co, table, {{f.name, value}}, &options, nullptr);
    ASSERT_TRUE(s.ok()) << f.name << "=" << value << ": " << s.ToString();
    std::string printed;
    ASSERT_TRUE(PrintOptionField(co, f, &options, &printed).ok());
    if (!default_only) {
      EXPECT_NE(current, printed) << f.name << " kept its default";
    }
    if (f.kind != OptionKind::kStruct) {
      EXPECT_EQ(value, printed) << f.name;
    }
    all += f.name + "=" +
           (f.kind == OptionKind::kStruct ? value : "{" + value + "}") + ";";
  }
  T first;
  std::unordered_map<std::string, std::string> opts;
  ASSERT_TRUE(StringToMap(all, &opts).ok());
  ASSERT_TRUE(ConfigureOptionStruct(co, table, opts, &first, nullptr).ok());
  std::string printed_first;
  ASSERT_TRUE(PrintOptionStruct(co, table, &first, "", &printed_first).ok());
  T second;
  ASSERT_TRUE(StringToMap(printed_first, &opts).ok());
  ASSERT_TRUE(ConfigureOptionStruct(co, table, opts, &second, nullptr).ok());
  std::string printed_second;
  ASSERT_TRUE(PrintOptionStruct(co, table, &second, "", &printed_second).ok());
  EXPECT_EQ(printed_first, printed_second);
  std::string mismatch;
  EXPECT_TRUE(OptionStructsEqual(co, table, &first, &second, &mismatch))
      << mismatch;
  EXPECT_FALSE(OptionStructsEqual(co, table, &first, &defaults, &mismatch));
}

TEST(OptionsParserTest, StringToMapVectors) {
  // Observed with RocksDB 7.8.3.
  EXPECT_EQ("OK [a]=[1] [b]=[2]", MapText("  a = 1 ; b = 2 ;  "));
  EXPECT_EQ("OK [a]=[x=1;y={z=3}] [b]=[2]", MapText("a={x=1;y={z=3}} ;b=2"));
  EXPECT_EQ("OK [a]=[1] [b]=[2]", MapText("{a=1;b=2}"));
  EXPECT_EQ("OK [a]=[2]", MapText("a=1;a=2"));
  EXPECT_EQ("OK [a]=[b=c]", MapText("a=b=c"));
  EXPECT_EQ("OK [a]=[]", MapText("a="));
  EXPECT_EQ("OK [a b]=[c d]", MapText(" a b = c d ;"));
  EXPECT_EQ("OK [a]=[x}]", MapText("a=x}"));
  EXPECT_EQ("OK", MapText(""));
  EXPECT_EQ("Invalid argument: Unexpected char in key [a]=[1]",
            MapText("a=1;;b=2"));
  EXPECT_EQ("Invalid argument: Mismatched key value pair, '=' expected",
            MapText("   "));
  EXPECT_EQ("Invalid argument: Empty key found", MapText("=1"));
  EXPECT_EQ("Invalid argument: Mismatched curly braces for nested options",
            MapText("a={x=1"));
  EXPECT_EQ("Invalid argument: Unexpected chars after nested options",
            MapText("a={x=1}y;b=2"));
  EXPECT_EQ("Invalid argument: Unexpected char in key", MapText("{}"));
}

TEST(OptionsParserTest, Numbers) {
  uint64_t u = 0;
  int i = 0;
  int64_t l = 0;
  double d = 0;
  std::string what;
  ASSERT_TRUE(ParseOptionUInt64("1KB", &u, &what));
  EXPECT_EQ(1024u, u);
  ASSERT_TRUE(ParseOptionUInt64("3g", &u, &what));
  EXPECT_EQ(3ull << 30, u);
  ASSERT_TRUE(ParseOptionUInt64("1T", &u, &what));
  EXPECT_EQ(1ull << 40, u);
  ASSERT_TRUE(ParseOptionUInt64("1P", &u, &what));  // no P suffix
  EXPECT_EQ(1u, u);
  ASSERT_TRUE(ParseOptionUInt64("-1", &u, &what));
  EXPECT_EQ(UINT64_MAX, u);
  ASSERT_TRUE(ParseOptionUInt64("0x10", &u, &what));
  EXPECT_EQ(0u, u);
  EXPECT_FALSE(ParseOptionUInt64("18446744073709551616", &u, &what));
  EXPECT_EQ("stoull", what);
  EXPECT_FALSE(ParseOptionUInt64("", &u, &what));
  ASSERT_TRUE(ParseOptionInt("3G", &i, &what));  // wraps like RocksDB
  EXPECT_EQ(-1073741824, i);
  ASSERT_TRUE(ParseOptionInt("1T", &i, &what));  // no T for int
  EXPECT_EQ(1, i);
  EXPECT_FALSE(ParseOptionInt("2147483648", &i, &what));
  EXPECT_EQ("stoi", what);
  ASSERT_TRUE(ParseOptionInt64("1T", &l, &what));
  EXPECT_EQ(1ll << 40, l);
  EXPECT_FALSE(ParseOptionInt64("9223372036854775808", &l, &what));
  EXPECT_EQ("stoll", what);
  uint32_t u32 = 0;
  EXPECT_FALSE(ParseOptionUInt32("4294967296", &u32, &what));
  EXPECT_EQ("4294967296", what);
  ASSERT_TRUE(ParseOptionDouble("1.5x", &d, &what));
  EXPECT_EQ(1.5, d);
  EXPECT_FALSE(ParseOptionDouble("abc", &d, &what));
  EXPECT_EQ("stod", what);
  EXPECT_EQ("1.500000", OptionDoubleToString(1.5));
  bool b = false;
  EXPECT_TRUE(ParseOptionBool("1", &b) && b);
  EXPECT_FALSE(ParseOptionBool("TRUE", &b));
}

TEST(OptionsParserTest, Escapes) {
  EXPECT_EQ("a\\:b\\\\c\\#d\\re\\nf", EscapeOptionString("a:b\\c#d\re\nf"));
  EXPECT_EQ("a:b\\c#d\re\nf", UnescapeOptionString("a\\:b\\\\c\\#d\\re\\nf"));
  EXPECT_EQ("axb", UnescapeOptionString("a\\xb\\"));
  EXPECT_EQ(" ", TrimOptionString("   "));
}

TEST(OptionsParserTest, DBOptionsRoundTrip) {
  RoundTripEveryOption<DBOptions>(
      DBOptionStruct(),
      {{"file_checksum_gen_factory", "FileChecksumGenCrc32cFactory"},
       {"wal_filter", "="}});
}

TEST(OptionsParserTest, CFOptionsRoundTrip) {
  RoundTripEveryOption<ColumnFamilyOptions>(
      CFOptionStruct(),
      {{"prefix_extractor", "rocksdb.FixedPrefix.3"},
       {"memtable_insert_with_hint_prefix_extractor", "rocksdb.CappedPrefix.2"},
       {"memtable_factory", "SkipListFactory:4"},
       {"comparator", "rocksdb.ReverseBytewiseComparator"},
       {"merge_operator", "UInt64AddOperator"},
       {"table_factory", "PlainTable"},
       {"sst_partitioner_factory", "SstPartitionerFixedPrefixFactory"},
       {"compaction_filter", "="},
       {"compaction_filter_factory", "="}});
}

TEST(OptionsParserTest, TableOptionsRoundTrip) {
  RoundTripEveryOption<BlockBasedTableOptions>(
      BlockBasedTableOptionStruct(), {{"filter_policy", "bloomfilter:10:false"},
                                      {"flush_block_policy_factory", "="}});
  RoundTripEveryOption<PlainTableOptions>(PlainTableOptionStruct(), {});
  RoundTripEveryOption<CuckooTableOptions>(CuckooTableOptionStruct(), {});
}

TEST(OptionsParserTest, ErrorTexts) {
  ConfigOptions co;
  ColumnFamilyOptions base;
  base.write_buffer_size = 77;
  ColumnFamilyOptions cf;
  auto cf_error = [&](const std::string& opts) {
    cf.write_buffer_size = 99;
    Status s = GetColumnFamilyOptionsFromString(co, base, opts, &cf);
    if (!s.ok()) {
      EXPECT_EQ(77u, cf.write_buffer_size) << opts;  // the base is kept
    }
    return s.ToString();
  };
  EXPECT_EQ("Invalid argument: Could not find option: : foo",
            cf_error("foo=1"));
  EXPECT_EQ("Invalid argument: Error parsing write_buffer_size:stoull",
            cf_error("write_buffer_size=x"));
  EXPECT_EQ("Invalid argument: Error parsing:: compression",
            cf_error("compression=snappy"));
  EXPECT_EQ("Invalid argument: No mapping for enum : prepopulate_blob_cache",
            cf_error("prepopulate_blob_cache=x"));
  EXPECT_EQ("Invalid argument: Error parsing bloom_locality:4294967296",
            cf_error("bloom_locality=4294967296"));
  EXPECT_EQ("Invalid argument: Error parsing level:stoi",
            cf_error("compression_opts={level=x}"));
  EXPECT_EQ("Invalid argument: Unrecognized option: compression_opts.foo",
            cf_error("compression_opts.foo=1"));
  EXPECT_EQ(
      "Invalid argument: unable to parse the specified CF option "
      "compression_opts",
      cf_error("compression_opts=1:2"));
  EXPECT_EQ("Invalid argument: Missing configurable object: comparator",
            cf_error("comparator="));
  EXPECT_EQ(
      "Invalid argument: Could not find option: : block_based_table_factory",
      cf_error("block_based_table_factory={foo=1}"));
  EXPECT_EQ("OK", cf_error("table_factory.foo=1;filter_deletes=x"));

  co.ignore_unknown_options = true;  // also skips values that do not parse
  EXPECT_EQ("OK", cf_error("foo=1;write_buffer_size=x"));
  EXPECT_EQ(77u, cf.write_buffer_size);
}

TEST(OptionsParserTest, LegacyForms) {
  ConfigOptions co;
  ColumnFamilyOptions cf;
  ASSERT_TRUE(GetColumnFamilyOptionsFromString(
                  co, ColumnFamilyOptions(),
                  "compression_opts=1:2:3:4:5:6:true:8;"
                  "compaction_options_fifo=12345;memtable=skip_list:5",
                  &cf)
                  .ok());
  EXPECT_EQ(1, cf.compression_opts.window_bits);
  EXPECT_EQ(2, cf.compression_opts.level);
  EXPECT_EQ(3, cf.compression_opts.strategy);
  EXPECT_EQ(4u, cf.compression_opts.max_dict_bytes);
  EXPECT_EQ(5u, cf.compression_opts.zstd_max_train_bytes);
  EXPECT_EQ(6u, cf.compression_opts.parallel_threads);
  EXPECT_TRUE(cf.compression_opts.enabled);
  EXPECT_EQ(8u, cf.compression_opts.max_dict_buffer_bytes);
  EXPECT_EQ(12345u, cf.compaction_options_fifo.max_table_files_size);
  EXPECT_EQ("SkipListFactory:5", cf.memtable_factory->GetId());

  BlockBasedTableOptions bbto;
  ASSERT_TRUE(GetBlockBasedTableOptionsFromString(
                  co, BlockBasedTableOptions(),
                  "block_cache=1M;filter_policy=bloomfilter:10;block_size=8k",
                  &bbto)
                  .ok());
  ASSERT_NE(nullptr, bbto.block_cache);
  EXPECT_EQ(1u << 20, bbto.block_cache->GetCapacity());
  EXPECT_EQ(8192u, bbto.block_size);
  ASSERT_NE(nullptr, bbto.filter_policy);
}

TEST(OptionsParserTest, PrintFormat) {
  DBOptions db;
  db.wal_dir = "a;b";
  std::string s;
  ASSERT_TRUE(GetStringFromDBOptions(&s, db, "\n").ok());
  EXPECT_EQ(0u, s.find("compaction_readahead_size=0\nstrict_bytes_per_sync="));
  EXPECT_NE(std::string::npos, s.find("\nwal_dir=a;b\nWAL_ttl_seconds=0\n"));
  EXPECT_EQ(std::string::npos, s.find("db_log_dir"));  // empty: not printed
  ColumnFamilyOptions cf;
  ASSERT_TRUE(GetStringFromColumnFamilyOptions(&s, cf, "\n").ok());
  EXPECT_EQ(0u, s.find("compression_opts={max_dict_buffer_bytes=0;enabled="));
  EXPECT_NE(std::string::npos,
            s.find("\ntable_factory=BlockBasedTable\nbloom_locality=0\n"));
}

TEST(OptionsParserTest, OptionsFromString) {
  Options base;
  base.max_open_files = 33;
  Options out;
  ASSERT_TRUE(GetOptionsFromString(base,
                                   "write_buffer_size=1K;max_open_files=7;"
                                   "block_based_table_factory={block_size=8k}",
                                   &out)
                  .ok());
  EXPECT_EQ(7, out.max_open_files);
  EXPECT_EQ(1024u, out.write_buffer_size);
  EXPECT_EQ(
      8192u,
      out.table_factory->GetOptions<BlockBasedTableOptions>()->block_size);
  EXPECT_EQ(
      "Invalid argument: Could not find option: : foo",
      GetOptionsFromString(base, "max_open_files=7;foo=1", &out).ToString());
  EXPECT_EQ(33, out.max_open_files);
}

TEST(OptionsParserTest, Memtable) {
  std::unique_ptr<MemTableRepFactory> f;
  EXPECT_EQ("Not implemented: Could not load MemTableRepFactory: bad",
            GetMemTableRepFactoryFromString("bad", &f).ToString());
  ASSERT_TRUE(GetMemTableRepFactoryFromString("skip_list:5", &f).ok());
  EXPECT_EQ("SkipListFactory:5", f->GetId());
}

TEST(OptionsParserTest, MutableOptions) {
  ColumnFamilyOptions cf;
  ASSERT_TRUE(ApplyMutableCFOptions(
                  {{"write_buffer_size", "1M"},
                   {"block_based_table_factory", "{block_size=8192}"},
                   {"compaction_options_fifo.allow_compaction", "true"}},
                  &cf)
                  .ok());
  EXPECT_EQ(1u << 20, cf.write_buffer_size);
  EXPECT_TRUE(cf.compaction_options_fifo.allow_compaction);
  EXPECT_EQ(8192u,
            cf.table_factory->GetOptions<BlockBasedTableOptions>()->block_size);
  EXPECT_EQ("Invalid argument: Option not changeable: num_levels",
            ApplyMutableCFOptions({{"num_levels", "3"}}, &cf).ToString());
  EXPECT_EQ("Invalid argument: Option not changeable: block_cache",
            ApplyMutableCFOptions(
                {{"block_based_table_factory", "{block_cache=1M}"}}, &cf)
                .ToString());
  EXPECT_EQ("Invalid argument: Could not find option: : foo",
            ApplyMutableCFOptions({{"foo", "1"}}, &cf).ToString());
  EXPECT_EQ("Invalid argument: empty input",
            ApplyMutableCFOptions({}, &cf).ToString());
  EXPECT_EQ(1u << 20, cf.write_buffer_size);

  DBOptions db;
  ASSERT_TRUE(ApplyMutableDBOptions(
                  {{"max_open_files", "7"}, {"bytes_per_sync", "1M"}}, &db)
                  .ok());
  EXPECT_EQ(7, db.max_open_files);
  EXPECT_EQ("NotFound: Unrecognized option: allow_2pc",
            ApplyMutableDBOptions({{"allow_2pc", "true"}}, &db).ToString());
  EXPECT_EQ("Invalid argument: Error parsing max_open_files:stoi",
            ApplyMutableDBOptions({{"max_open_files", "x"}}, &db).ToString());
  EXPECT_EQ(7, db.max_open_files);
}

TEST(OptionsParserTest, ConfigurableTableFactory) {
  ConfigOptions co;
  std::shared_ptr<TableFactory> f(NewBlockBasedTableFactory());
  ASSERT_TRUE(f->ConfigureFromString(co, "block_size=8k;block_cache=1M").ok());
  std::string v;
  ASSERT_TRUE(f->GetOption(co, "block_size", &v).ok());
  EXPECT_EQ("8192", v);
  ASSERT_TRUE(
      f->GetOption(co, "metadata_cache_options.partition_pinning", &v).ok());
  EXPECT_EQ("kFallback", v);
  EXPECT_EQ("Not implemented: Cannot serialize option: : block_cache",
            f->GetOption(co, "block_cache", &v).ToString());
  EXPECT_EQ("NotFound: Cannot find option: : foo",
            f->GetOption(co, "foo", &v).ToString());
  EXPECT_EQ("NotFound: Could not find option: : foo",
            f->ConfigureFromString(co, "foo=1").ToString());
  EXPECT_EQ("Invalid argument: Error parsing block_size:stoull",
            f->ConfigureOption(co, "block_size", "x").ToString());
  std::unordered_set<std::string> names;
  ASSERT_TRUE(f->GetOptionNames(co, &names).ok());
  EXPECT_EQ(33u, names.size());  // as RocksDB 7.8.3 lists them
  ASSERT_TRUE(f->GetOptionString(co, &v).ok());
  EXPECT_EQ(0u, v.find("initial_auto_readahead_size=8192;"));
  EXPECT_NE(std::string::npos, v.find(";block_size=8192;"));

  std::shared_ptr<TableFactory> g(NewBlockBasedTableFactory());
  std::string mismatch;
  EXPECT_FALSE(f->AreEquivalent(co, g.get(), &mismatch));
  EXPECT_EQ("block_size", mismatch);
  ASSERT_TRUE(g->ConfigureOption(co, "block_size", "8192").ok());
  EXPECT_TRUE(f->AreEquivalent(co, g.get(), &mismatch));
}

class OptionsFileTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir() + "options_file_test_" + std::to_string(getpid());
    env_->CreateDirIfMissing(dir_).PermitUncheckedError();
  }
  void TearDown() override {
    std::vector<std::string> children;
    env_->GetChildren(dir_, &children).PermitUncheckedError();
    for (const auto& c : children) {
      env_->DeleteFile(dir_ + "/" + c).PermitUncheckedError();
    }
    env_->DeleteDir(dir_).PermitUncheckedError();
  }
  void Write(const std::string& name, const std::string& text) {
    ASSERT_TRUE(WriteStringToFile(env_, text, dir_ + "/" + name).ok());
  }

  Env* env_ = Env::Default();
  std::string dir_;
};

TEST_F(OptionsFileTest, RenderThenLoad) {
  DBOptions db;
  db.max_open_files = 77;
  db.db_host_id = "h:o#st";
  ColumnFamilyOptions cf;
  cf.write_buffer_size = 12345;
  cf.merge_operator = MergeOperators::CreateFromStringId("uint64add");
  BlockBasedTableOptions bbto;
  bbto.block_size = 8192;
  ColumnFamilyOptions cf1;
  cf1.table_factory.reset(NewBlockBasedTableFactory(bbto));
  cf1.comparator = ReverseBytewiseComparator();
  const std::string text =
      RenderOptionsFileText(db, {"default", "cf1"}, {cf, cf1});
  EXPECT_EQ(0u, text.find("# This is a RocksDB option file.\n"));
  EXPECT_NE(std::string::npos,
            text.find("  options_file_version=1.1\n\n[DBOptions]\n"));
  EXPECT_NE(std::string::npos,
            text.find("  \n[TableOptions/BlockBasedTable \"default\"]\n"));
  EXPECT_NE(std::string::npos, text.find("  \n\n[CFOptions \"cf1\"]\n"));
  Write("OPTIONS-000005", text);
  Write("OPTIONS-000004", "garbage");

  ConfigOptions co;
  DBOptions loaded_db;
  std::vector<ColumnFamilyDescriptor> cfs;
  std::shared_ptr<Cache> cache = NewLRUCache(1 << 20);
  ASSERT_TRUE(LoadLatestOptions(co, dir_, &loaded_db, &cfs, &cache).ok());
  EXPECT_EQ(77, loaded_db.max_open_files);
  EXPECT_EQ("h:o#st", loaded_db.db_host_id);
  ASSERT_EQ(2u, cfs.size());
  EXPECT_EQ("cf1", cfs[1].name);
  EXPECT_EQ(12345u, cfs[0].options.write_buffer_size);
  EXPECT_EQ(std::string(cf.merge_operator->Name()),
            cfs[0].options.merge_operator->Name());
  EXPECT_EQ(ReverseBytewiseComparator(), cfs[1].options.comparator);
  const auto* loaded_bbto =
      cfs[1].options.table_factory->GetOptions<BlockBasedTableOptions>();
  EXPECT_EQ(8192u, loaded_bbto->block_size);
  EXPECT_EQ(cache, loaded_bbto->block_cache);
  // Rendering what was loaded gives the same file.
  std::vector<ColumnFamilyOptions> loaded_cfs = {cfs[0].options,
                                                 cfs[1].options};
  EXPECT_EQ(text,
            RenderOptionsFileText(loaded_db, {"default", "cf1"}, loaded_cfs));

  // Compatibility: same options pass; comparator and merge operator count.
  std::vector<ColumnFamilyDescriptor> spec = {{"default", cf}, {"cf1", cf1}};
  ConfigOptions loose;
  loose.sanity_level = ConfigOptions::kSanityLevelLooselyCompatible;
  EXPECT_TRUE(CheckOptionsCompatibility(loose, dir_, db, spec).ok());
  spec[1].options.comparator = BytewiseComparator();
  EXPECT_EQ(
      "Invalid argument: [RocksDBOptionsParser]: failed the verification on "
      "ColumnFamilyOptions::comparator.id--- The specified one is "
      "leveldb.BytewiseComparator while the persisted one is "
      "rocksdb.ReverseBytewiseComparator.\n",
      CheckOptionsCompatibility(loose, dir_, db, spec).ToString());
  spec[0].options.merge_operator.reset();
  EXPECT_EQ(
      "Invalid argument: [RocksDBOptionsParser]: failed the verification on "
      "ColumnFamilyOptions::merge_operator--- The specified one is nullptr "
      "while the persisted one is UInt64AddOperator.\n",
      CheckOptionsCompatibility(loose, dir_, db, spec).ToString());
  spec.pop_back();
  EXPECT_EQ(
      "Invalid argument: [RocksDBOptionParser Error] The persisted options "
      "does not have the same number of column family names as the db "
      "instance.",
      CheckOptionsCompatibility(loose, dir_, db, spec).ToString());
}

TEST_F(OptionsFileTest, ParseErrors) {
  ConfigOptions co;
  DBOptions db;
  std::vector<ColumnFamilyDescriptor> cfs;
  const std::string head =
      "[Version]\n  rocksdb_version=7.8.3\n  options_file_version=1.1\n"
      "[DBOptions]\n  max_open_files=5\n";
  auto parse = [&](const std::string& text) {
    return ParseOptionsFileText(co, text, &db, &cfs).ToString();
  };
  EXPECT_EQ("OK", parse(head + "[CFOptions \"default\"]\n  # c\n"));
  EXPECT_EQ(5, db.max_open_files);
  EXPECT_EQ(
      "Corruption: A RocksDB Option file must have a single DBOptions section",
      parse(""));
  EXPECT_EQ(
      "Corruption: A RocksDB Option file must have a single CFOptions:default "
      "section",
      parse(head));
  EXPECT_EQ(
      "Invalid argument: [RocksDBOptionsParser Error] : A valid statement "
      "must have a '='. (at line 6)",
      parse(head + "  oops\n"));
  EXPECT_EQ(
      "Invalid argument: [RocksDBOptionsParser Error] : Default column family "
      "must be the first CFOptions section in the option config file (at "
      "line 6)",
      parse(head + "[CFOptions \"x\"]\n"));
  EXPECT_EQ("Invalid argument: Unknown section [CFOptions x]",
            parse(head + "[CFOptions x]\n"));
  EXPECT_EQ("Invalid argument: Could not find option: : foo",
            parse(head + "  foo=1\n[CFOptions \"default\"]\n"));
  // Unknown names are skipped only in files of a newer RocksDB.
  co.ignore_unknown_options = true;
  EXPECT_EQ("Invalid argument: Could not find option: : foo",
            parse(head + "  foo=1\n[CFOptions \"default\"]\n"));
  std::string newer = head + "  foo=1\n[CFOptions \"default\"]\n";
  newer.replace(newer.find("7.8.3"), 5, "9.0.0");
  EXPECT_EQ("OK", parse(newer));
}

TEST_F(OptionsFileTest, SamplesWrittenByRocksDB) {
  const std::string dir =
      std::string(ROCKSDB_SPEC_SAMPLES_DIR) + "/10_cf_reopen_manifest_snapshot";
  ConfigOptions co;
  DBOptions db;
  std::vector<ColumnFamilyDescriptor> cfs;
  Status s = LoadLatestOptions(co, dir, &db, &cfs);
  if (s.IsNotFound()) GTEST_SKIP() << "spec samples not found at " << dir;
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(2u, cfs.size());
  EXPECT_EQ("cf1", cfs[1].name);
  EXPECT_EQ(DEBUG_LEVEL, db.info_log_level);  // Debian's debug build wrote it
  // Our rendering of what was read is the same file, byte for byte.
  std::string original;
  std::string latest;
  ASSERT_TRUE(GetLatestOptionsFileName(dir, env_, &latest).ok());
  ASSERT_TRUE(ReadFileToString(env_, dir + "/" + latest, &original).ok());
  EXPECT_EQ(original, RenderOptionsFileText(db, {cfs[0].name, cfs[1].name},
                                            {cfs[0].options, cfs[1].options}));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
