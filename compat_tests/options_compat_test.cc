// Copyright (c) the rocksdb-cleanroom authors.
//
// Differential test of the option strings API and OPTIONS files: a corpus
// of valid and invalid option strings goes through Debian's RocksDB 7.8.3
// and through ours; statuses and everything printed back must be
// identical. OPTIONS files written by each engine are read by both.
// OPTIONS_COMPAT_VERBOSE=1 prints every observation.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "options_adapter.h"

#ifndef ROCKSDB_SPEC_SAMPLES_DIR
#define ROCKSDB_SPEC_SAMPLES_DIR "../shared/specs/samples"
#endif

namespace compat {
namespace {

struct Probe {
  const char* kind;
  const char* input;
  int flags;
};

// Inputs Debian's library cannot take (assertions abort it) are left out:
// rate_limiter_bytes_per_sec <= 0.
const Probe kCorpus[] = {
    // StringToMap syntax.
    {"MAP", "a=1;b=2", 0},
    {"MAP", "a=1;b=2;", 0},
    {"MAP", "  a = 1 ; b = 2 ;  ", 0},
    {"MAP", "a=1;;b=2", 0},
    {"MAP", ";a=1", 0},
    {"MAP", "a", 0},
    {"MAP", "a=", 0},
    {"MAP", "=1", 0},
    {"MAP", "a=1;b", 0},
    {"MAP", "a={x=1;y=2};b=2", 0},
    {"MAP", "a={x=1;y={z=3}} ;b=2", 0},
    {"MAP", "a={x=1", 0},
    {"MAP", "a=x}", 0},
    {"MAP", "a={x=1}y;b=2", 0},
    {"MAP", "a=  {x=1}  ;b=2", 0},
    {"MAP", "{a=1;b=2}", 0},
    {"MAP", "a=1;a=2", 0},
    {"MAP", "", 0},
    {"MAP", "   ", 0},
    {"MAP", "a=b=c", 0},
    {"MAP", "a=1;b=2;;", 0},
    {"MAP", "a={};b=2", 0},
    {"MAP", "a={{x}};b=2", 0},
    {"MAP", " a b = c d ;", 0},
    {"MAP", "a=1;}", 0},
    {"MAP", "a}b=1", 0},
    {"MAP", "a={x}}", 0},
    {"MAP", "{a=1;b=2};c=3", 0},
    {"MAP", "{}", 0},
    {"MAP", "{ }", 0},
    {"MAP", "{a}", 0},
    {"MAP", "a=x{y;z};b=2", 0},
    {"MAP", "a=1;b=2}", 0},
    {"MAP", "a=1;  ", 0},
    // DBOptions: numbers, suffixes, bools, enums, strings.
    {"DB", "max_open_files=7;use_fsync=true;wal_dir=/tmp/w", 0},
    {"DB", "foo=1", 0},
    {"DB", "foo=1", 1},
    {"DB", "max_open_files=x", 0},
    {"DB", "max_open_files=x", 1},
    {"DB", "max_open_files=7;foo=1", 1},
    {"DB", "max_open_files=1K", 0},
    {"DB", "max_open_files=2G", 0},
    {"DB", "max_open_files=3G", 0},
    {"DB", "max_open_files=1T", 0},
    {"DB", "max_open_files=-5", 0},
    {"DB", "max_open_files=2147483648", 0},
    {"DB", "max_open_files=", 0},
    {"DB", "max_open_files= 7 ", 0},
    {"DB", "max_open_files=0x10", 0},
    {"DB", "max_open_files=1.5", 0},
    {"DB", "max_total_wal_size=1T", 0},
    {"DB", "max_total_wal_size=-1", 0},
    {"DB", "max_total_wal_size=18446744073709551616", 0},
    {"DB", "max_total_wal_size=5x", 0},
    {"DB", "max_total_wal_size=1KB", 0},
    {"DB", "max_total_wal_size=1P", 0},
    {"DB", "stats_dump_period_sec=4294967296", 0},
    {"DB", "stats_dump_period_sec=-1", 0},
    {"DB", "stats_dump_period_sec=abc", 0},
    {"DB", "use_fsync=1", 0},
    {"DB", "use_fsync=TRUE", 0},
    {"DB", "use_fsync=yes", 0},
    {"DB", "use_fsync=", 0},
    {"DB", "info_log_level=WARN_LEVEL", 0},
    {"DB", "info_log_level=HEADER_LEVEL", 0},
    {"DB", "info_log_level=3", 0},
    {"DB", "wal_recovery_mode=kSkipAnyCorruptedRecords", 0},
    {"DB", "wal_recovery_mode=kAbsoluteConsistency", 0},
    {"DB", "wal_recovery_mode=bad", 0},
    {"DB", "access_hint_on_compaction_start=WILLNEED", 0},
    {"DB", "access_hint_on_compaction_start=NONE", 0},
    {"DB", "lowest_used_cache_tier=kVolatileTier", 0},
    {"DB", "lowest_used_cache_tier=kVolatileCompressedTier", 0},
    {"DB", "wal_compression=kZSTD", 0},
    {"DB", "wal_compression=bad", 0},
    {"DB", "wal_dir=/tmp/x;db_log_dir=/tmp/y;db_host_id=host 1", 0},
    {"DB", "db_host_id=", 0},
    {"DB", "wal_dir=a\\:b\\\\c\\nd\\#e", 0},
    {"DB", "wal_dir=a\\:b\\\\c\\nd\\#e\\x\\", 2},
    {"DB", "wal_dir=a#b:c", 2},
    {"DB", "db_log_dir={a;b}", 0},
    {"DB", "allow_os_buffer=x;base_background_compactions=7;disableDataSync=1",
     0},
    {"DB", "preserve_deletes=true;seq_per_batch=x;skip_log_error_on_recovery=1",
     0},
    {"DB", "file_checksum_gen_factory=nullptr;wal_filter=nullptr", 0},
    {"DB", "env=x;statistics=", 0},
    {"DB", "rate_limiter_bytes_per_sec=1M", 0},
    {"DB", "rate_limiter_bytes_per_sec=x", 0},
    {"DB",
     "create_if_missing=true;error_if_exists=1;paranoid_checks=false;"
     "max_background_jobs=4;bytes_per_sync=1M;delayed_write_rate=16M;"
     "max_subcompactions=3;stats_persist_period_sec=7;atomic_flush=true;"
     "enable_pipelined_write=true;two_write_queues=true;manual_wal_flush=1;"
     "keep_log_file_num=5;recycle_log_file_num=2;WAL_ttl_seconds=9;"
     "WAL_size_limit_MB=8;max_manifest_file_size=1G;table_cache_numshardbits=4",
     0},
    // ColumnFamilyOptions.
    {"CF", "write_buffer_size=1K;max_write_buffer_number=3", 0},
    {"CF", "write_buffer_size=x", 0},
    {"CF", "write_buffer_size=", 0},
    {"CF", "max_write_buffer_number=3G", 0},
    {"CF", "max_write_buffer_size_to_maintain=-1", 0},
    {"CF", "max_write_buffer_size_to_maintain=9223372036854775808", 0},
    {"CF", "max_write_buffer_size_to_maintain=1T", 0},
    {"CF", "bloom_locality=4294967296", 0},
    {"CF", "bloom_locality=abc", 0},
    {"CF", "max_bytes_for_level_multiplier=1.5", 0},
    {"CF", "max_bytes_for_level_multiplier=1e3", 0},
    {"CF", "max_bytes_for_level_multiplier=abc", 0},
    {"CF", "max_bytes_for_level_multiplier=1.5x", 0},
    {"CF", "max_bytes_for_level_multiplier=-3", 0},
    {"CF", "max_bytes_for_level_multiplier=1e999", 0},
    {"CF", "compression=kLZ4Compression;bottommost_compression=kZSTD", 0},
    {"CF", "compression=snappy", 0},
    {"CF", "blob_compression_type=kZlibCompression", 0},
    {"CF", "compaction_style=kCompactionStyleUniversal", 0},
    {"CF", "compaction_style=1", 0},
    {"CF", "compaction_pri=kRoundRobin", 0},
    {"CF", "compaction_pri=x", 0},
    {"CF", "last_level_temperature=kHot", 0},
    {"CF", "last_level_temperature=kLastTemperature", 0},
    {"CF", "prepopulate_blob_cache=kFlushOnly", 0},
    {"CF", "prepopulate_blob_cache=x", 0},
    {"CF", "compression_per_level=kNoCompression:kSnappyCompression:kZSTD", 0},
    {"CF", "compression_per_level=kNoCompression:bad", 0},
    {"CF", "compression_per_level=", 0},
    {"CF", "compression_per_level=kNoCompression:", 0},
    {"CF", "compression_per_level=:kNoCompression", 0},
    {"CF", "compression_per_level={kNoCompression:kLZ4Compression}", 0},
    {"CF", "max_bytes_for_level_multiplier_additional=1:2:3", 0},
    {"CF", "max_bytes_for_level_multiplier_additional=", 0},
    {"CF", "max_bytes_for_level_multiplier_additional=1:x", 0},
    {"CF", "max_bytes_for_level_multiplier_additional=1K:2", 0},
    {"CF", "max_bytes_for_level_multiplier_additional=1::2", 0},
    {"CF", "compression_opts={level=3;window_bits=5}", 0},
    {"CF", "compression_opts=1:2:3", 0},
    {"CF", "compression_opts=1:2:3:4", 0},
    {"CF", "compression_opts=1:2:3:4:5", 0},
    {"CF", "compression_opts=1:2:3:4:5:true", 0},
    {"CF", "compression_opts=1:2:3:4:5:6:true", 0},
    {"CF", "compression_opts=1:2:3:4:5:true:7", 0},
    {"CF", "compression_opts=1:2:3:4:5:6:true:8", 0},
    {"CF", "compression_opts=1:2", 0},
    {"CF", "compression_opts=1:x:3", 0},
    {"CF", "compression_opts=1:2:", 0},
    {"CF", "compression_opts={level=x}", 0},
    {"CF", "compression_opts={foo=1}", 0},
    {"CF", "compression_opts={}", 0},
    {"CF", "compression_opts.level=3", 0},
    {"CF", "compression_opts.level=x", 0},
    {"CF", "compression_opts.foo=1", 0},
    {"CF", "compression_opts={level=3;enabled=true;max_dict_bytes=1K}", 0},
    {"CF", "bottommost_compression_opts=4:5:6:7", 0},
    {"CF",
     "compaction_options_fifo={max_table_files_size=5;allow_compaction=true;"
     "age_for_warm=7}",
     0},
    {"CF", "compaction_options_fifo=12345", 0},
    {"CF", "compaction_options_fifo=true", 0},
    {"CF", "compaction_options_fifo={ttl=5}", 0},
    {"CF", "compaction_options_fifo={foo=5}", 0},
    {"CF", "compaction_options_fifo.max_table_files_size=5", 0},
    {"CF",
     "compaction_options_universal={size_ratio=5;stop_style="
     "kCompactionStopStyleSimilarSize}",
     0},
    {"CF", "compaction_options_universal={stop_style=bad}", 0},
    {"CF", "compaction_options_universal={max_merge_width=-1}", 0},
    {"CF", "compaction_options_universal={}", 0},
    {"CF", "compaction_options_universal=", 0},
    {"CF", "compaction_options_universal=0", 0},
    {"CF", "compaction_options_universal.size_ratio=9", 0},
    {"CF", "comparator=rocksdb.ReverseBytewiseComparator", 0},
    {"CF", "comparator=leveldb.BytewiseComparator", 0},
    {"CF", "comparator=bad", 0},
    {"CF", "comparator=", 0},
    {"CF", "merge_operator=put", 0},
    {"CF", "merge_operator=uint64add", 0},
    {"CF", "merge_operator=max", 0},
    {"CF", "merge_operator=bad", 0},
    {"CF", "merge_operator=", 0},
    {"CF", "merge_operator=nullptr", 0},
    {"CF", "table_factory=PlainTable", 0},
    {"CF", "table_factory=CuckooTable", 0},
    {"CF", "table_factory=bad", 0},
    {"CF", "table_factory=", 0},
    {"CF", "table_factory={id=BlockBasedTable;block_size=8192}", 0},
    {"CF",
     "block_based_table_factory={block_size=8192;filter_policy="
     "bloomfilter:10:false}",
     0},
    {"CF", "block_based_table_factory=block_size=8192", 0},
    {"CF", "block_based_table_factory={block_size=x}", 0},
    {"CF", "block_based_table_factory={foo=1}", 0},
    {"CF", "block_based_table_factory={foo=1}", 1},
    {"CF", "plain_table_factory={user_key_len=5}", 0},
    {"CF", "table_factory.block_size=8192", 0},
    {"CF", "table_factory.block_size=x", 0},
    {"CF", "table_factory.foo=1", 0},
    {"CF", "prefix_extractor=fixed:3", 0},
    {"CF", "prefix_extractor=capped:3", 0},
    {"CF", "prefix_extractor=rocksdb.FixedPrefix.3", 0},
    {"CF", "prefix_extractor=rocksdb.CappedPrefix.5", 0},
    {"CF", "prefix_extractor=rocksdb.Noop", 0},
    {"CF", "prefix_extractor=bad", 0},
    {"CF", "prefix_extractor=", 0},
    {"CF", "memtable_insert_with_hint_prefix_extractor=fixed:4", 0},
    {"CF", "memtable=skip_list", 0},
    {"CF", "memtable=skip_list:5", 0},
    {"CF", "memtable=cuckoo", 0},
    {"CF", "memtable=bad", 0},
    {"CF", "memtable_factory=SkipListFactory", 0},
    {"CF", "memtable_factory={id=SkipListFactory;lookahead=3}", 0},
    {"CF", "memtable_factory=bad", 0},
    {"CF", "memtable_factory=", 0},
    {"CF", "compaction_filter=bad;compaction_filter_factory=bad", 0},
    {"CF", "sst_partitioner_factory=nullptr", 0},
    {"CF", "blob_cache=1M;table_properties_collectors=x", 0},
    {"CF", "blob_cache=bad", 0},
    {"CF",
     "filter_deletes=1;max_mem_compaction_level=x;soft_rate_limit=2;"
     "bottommost_temperature=kHot;snap_refresh_nanos=1",
     0},
    {"CF",
     "num_levels=4;level0_file_num_compaction_trigger=8;"
     "target_file_size_base=32M;target_file_size_multiplier=2;ttl=100;"
     "periodic_compaction_seconds=0;disable_auto_compactions=true;"
     "enable_blob_files=true;min_blob_size=1K;blob_file_size=1G;"
     "blob_garbage_collection_age_cutoff=0.5;inplace_update_support=true;"
     "optimize_filters_for_hits=1;memtable_prefix_bloom_size_ratio=0.1;"
     "experimental_mempurge_threshold=2.5;"
     "memtable_protection_bytes_per_key=8;arena_block_size=1M",
     0},
    {"CF", "max_open_files=7", 0},
    {"CF", "comparator.foo=1;memtable_factory.x=2", 0},
    {"CF", "memtable_factory=nullptr;table_factory=nullptr", 0},
    {"CF", "comparator=nullptr", 0},
    {"CF", "prefix_extractor=nullptr", 0},
    {"CF", "prefix_extractor=fixed:x", 0},
    {"CF", "compaction_options_fifo.foo=1", 1},
    {"CF", "merge_operator={id=put}", 0},
    // Options (DB and column family names in one string).
    {"OPT", "foo=1", 0},
    {"OPT",
     "write_buffer_size=1K;max_open_files=7;block_based_table_factory={block_"
     "size=8k}",
     0},
    {"OPT", "write_buffer_size=x", 0},
    {"OPT", "max_open_files=x", 0},
    {"OPT", "max_open_files=7;foo=1", 0},
    {"OPT", "max_open_files=7;foo=1", 1},
    {"OPT", "", 0},
    {"OPT", "a", 0},
    {"OPT", "write_buffer_size=1K;block_size=5", 0},
    // Block-based and plain table options.
    {"BBT", "block_size=8k;block_restart_interval=4;format_version=4", 0},
    {"BBT", "format_version=4294967296", 0},
    {"BBT", "format_version=-1", 0},
    {"BBT", "foo=1", 0},
    {"BBT", "foo=1", 1},
    {"BBT", "filter_policy=bloomfilter:10:false", 0},
    {"BBT", "filter_policy=bloomfilter:10", 0},
    {"BBT", "filter_policy=bloomfilter:7.5:true", 0},
    {"BBT", "filter_policy=ribbonfilter:10:1", 0},
    {"BBT", "filter_policy=ribbonfilter:10", 0},
    {"BBT", "filter_policy=rocksdb.BloomFilter:10:false", 0},
    {"BBT", "filter_policy=bad", 0},
    {"BBT", "filter_policy=", 0},
    {"BBT", "filter_policy=nullptr", 0},
    {"BBT", "filter_policy={id=bloomfilter:10:false}", 0},
    {"BBT", "block_cache=1M;block_cache_compressed=2M", 0},
    {"BBT", "block_cache={capacity=1M;num_shard_bits=2}", 0},
    {"BBT", "block_cache=bad", 0},
    {"BBT", "block_cache=", 0},
    {"BBT",
     "checksum=kxxHash64;index_type=kTwoLevelIndexSearch;index_shortening="
     "kNoShortening;data_block_index_type=kDataBlockBinaryAndHash;"
     "prepopulate_block_cache=kFlushOnly",
     0},
    {"BBT", "checksum=bad", 0},
    {"BBT", "index_type=kHashSearch", 0},
    {"BBT", "index_type=bad", 0},
    {"BBT", "metadata_cache_options={partition_pinning=kAll}", 0},
    {"BBT", "metadata_cache_options={partition_pinning=kBad}", 0},
    {"BBT", "metadata_cache_options.partition_pinning=kAll", 0},
    {"BBT", "metadata_cache_options=0", 0},
    {"BBT", "flush_block_policy_factory=FlushBlockBySizePolicyFactory", 0},
    {"BBT",
     "hash_index_allow_collision=1;index_per_partition=x;"
     "reserve_table_builder_memory=1;skip_table_builder_flush=1",
     0},
    {"BBT",
     "cache_index_and_filter_blocks=true;pin_l0_filter_and_index_blocks_in_"
     "cache=1;no_block_cache=false;whole_key_filtering=false;"
     "partition_filters=true;metadata_block_size=8k;"
     "data_block_hash_table_util_ratio=0.5;read_amp_bytes_per_bit=8;"
     "enable_index_compression=false;block_align=true;"
     "initial_auto_readahead_size=16k;max_auto_readahead_size=1M;"
     "num_file_reads_for_auto_readahead=5;detect_filter_construct_corruption="
     "true;optimize_filters_for_memory=true;verify_compression=true;"
     "block_size_deviation=5;index_block_restart_interval=3;"
     "cache_index_and_filter_blocks_with_high_priority=false;"
     "pin_top_level_index_and_filter=false",
     0},
    {"PT",
     "user_key_len=5;bloom_bits_per_key=3;hash_table_ratio=0.5;index_"
     "sparseness=7;huge_page_tlb_size=9;encoding_type=kPrefix;full_scan_mode="
     "true;store_index_in_file=true",
     0},
    {"PT", "encoding_type=bad", 0},
    {"PT", "foo=1", 0},
    // Memtable factories.
    {"MEM", "skip_list", 0},
    {"MEM", "skip_list:5", 0},
    {"MEM", "prefix_hash:1000", 0},
    {"MEM", "hash_linkedlist", 0},
    {"MEM", "cuckoo", 0},
    {"MEM", "bad", 0},
    {"MEM", "", 0},
    {"MEM", "SkipListFactory", 0},
    // Configurable on table factories.
    {"TF", "BlockBasedTable|block_size=8k;block_cache=1M", 0},
    {"TF", "BlockBasedTable|foo=1", 0},
    {"TF", "BlockBasedTable|block_size=x", 0},
    {"TF", "BlockBasedTable|metadata_cache_options.partition_pinning=kAll", 0},
    {"TF", "PlainTable|user_key_len=8", 0},
    {"TF",
     "CuckooTable|hash_table_ratio=0.5;max_search_depth=7;cuckoo_block_size=3;"
     "identity_as_first_hash=true;use_module_hash=false",
     0},
    {"TF", "CuckooTable|max_search_depth=x", 0},
    {"TF", "id=BlockBasedTable;block_size=16k", 0},
};

bool Verbose() {
  const char* v = std::getenv("OPTIONS_COMPAT_VERBOSE");
  return v != nullptr && v[0] == '1';
}

std::string TestDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return std::string(tmp != nullptr ? tmp : "/tmp") + "/options_compat_" +
         name + "_" + std::to_string(::getpid());
}

class OptionsCompatTest : public ::testing::Test {
 protected:
  std::unique_ptr<OptionsEngine> real_ = NewRealOptionsEngine();
  std::unique_ptr<OptionsEngine> ours_ = NewOurOptionsEngine();

  // Records a mismatch; returns true when the two agree.
  bool Same(const std::string& what, const std::string& real,
            const std::string& ours) {
    if (Verbose()) std::cout << what << "\n  " << real << "\n";
    if (real == ours) return true;
    ADD_FAILURE() << what << "\n  real: " << real << "\n  ours: " << ours;
    return false;
  }
};

TEST_F(OptionsCompatTest, Corpus) {
  int mismatches = 0;
  for (const Probe& p : kCorpus) {
    const std::string what = std::string(p.kind) + " [" + p.input +
                             "] flags=" + std::to_string(p.flags);
    if (!Same(what, real_->Run(p.kind, p.input, p.flags),
              ours_->Run(p.kind, p.input, p.flags))) {
      ++mismatches;
    }
  }
  std::cout << "options corpus: " << sizeof(kCorpus) / sizeof(kCorpus[0])
            << " inputs, " << mismatches << " mismatches\n";
}

// Each engine writes OPTIONS files; both must read each file the same way.
TEST_F(OptionsCompatTest, OptionsFilesFromBothEngines) {
  const std::vector<std::pair<std::string, std::string>> configs = {
      {"", ""},
      {"max_open_files=100;wal_dir=;bytes_per_sync=1M;max_background_jobs=4",
       "write_buffer_size=1M;compression=kNoCompression;num_levels=5;"
       "compression_per_level=kNoCompression:kSnappyCompression;"
       "max_bytes_for_level_multiplier_additional=2:3;"
       "block_based_table_factory={block_size=8k;filter_policy="
       "bloomfilter:10:false;format_version=4};prefix_extractor=fixed:4"},
      {"db_host_id=a:b#c",
       "comparator=rocksdb.ReverseBytewiseComparator;"
       "merge_operator=uint64add;compaction_options_"
       "universal={size_ratio=3}"},
  };
  // Our DB cannot create column families yet: files written by real
  // RocksDB carry a second family, ours only the default one.
  int n = 0;
  for (const auto& config : configs) {
    for (int writer = 0; writer < 2; ++writer) {
      OptionsEngine* engine = writer == 0 ? real_.get() : ours_.get();
      const bool extra_family = writer == 0;
      const std::string dir =
          TestDir((writer == 0 ? "real" : "ours") + std::to_string(n++));
      const std::string created =
          engine->CreateDb(dir, config.first, config.second, extra_family);
      ASSERT_EQ("OK", created) << dir;
      const std::string what = std::string("LATEST written by ") +
                               (writer == 0 ? "real" : "ours") + " with " +
                               config.first + " / " + config.second;
      Same(what, real_->Run("LATEST", dir, 0), ours_->Run("LATEST", dir, 0));
      // The same options pass the compatibility check, others may not.
      Same("CHECK same " + what,
           real_->Check(dir, config.first, config.second, extra_family),
           ours_->Check(dir, config.first, config.second, extra_family));
      for (const char* other :
           {"comparator=rocksdb.ReverseBytewiseComparator",
            "comparator=leveldb.BytewiseComparator", "merge_operator=put",
            "merge_operator=uint64add", "table_factory=PlainTable",
            "prefix_extractor=capped:2", "write_buffer_size=5M", "num_levels=3",
            "compaction_style=kCompactionStyleFIFO",
            "block_based_table_factory={block_size=1M}"}) {
        Same(std::string("CHECK ") + other + " " + what,
             real_->Check(dir, config.first, other, extra_family),
             ours_->Check(dir, config.first, other, extra_family));
      }
      Same("CHECK other families " + what,
           real_->Check(dir, config.first, config.second, !extra_family),
           ours_->Check(dir, config.first, config.second, !extra_family));
      std::filesystem::remove_all(dir);
    }
  }
}

// OPTIONS files in the format spec's samples (written by RocksDB 7.8.3).
TEST_F(OptionsCompatTest, SampleOptionsFiles) {
  const std::string samples = ROCKSDB_SPEC_SAMPLES_DIR;
  for (const char* file : {"01_ldb_put_wal_only/OPTIONS-000007",
                           "07_sst_bloom_nocomp_compacted/OPTIONS-000007",
                           "09_sst_data_block_hash_index/OPTIONS-000007",
                           "10_cf_reopen_manifest_snapshot/OPTIONS-000019",
                           "13_db_bench_fillrandom_compact/OPTIONS-000007"}) {
    const std::string path = samples + "/" + file;
    Same("LOAD " + path, real_->Run("LOAD", path, 0),
         ours_->Run("LOAD", path, 0));
  }
}

// Variants of a RocksDB-written OPTIONS file, valid and broken: both
// engines must accept or reject each with the same status.
TEST_F(OptionsCompatTest, LoadErrors) {
  for (const char* path : {"/nonexistent/OPTIONS-000001", "/nonexistent"}) {
    Same(std::string("LOAD ") + path, real_->Run("LOAD", path, 0),
         ours_->Run("LOAD", path, 0));
    Same(std::string("LATEST ") + path, real_->Run("LATEST", path, 0),
         ours_->Run("LATEST", path, 0));
  }
  const std::string dir = TestDir("files");
  ASSERT_EQ("OK", real_->CreateDb(dir, "", "", true));
  const std::string good = dir + "/OPTIONS-000007";
  std::ifstream in(good);
  ASSERT_TRUE(in.good()) << good;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  struct Variant {
    const char* from;
    const char* to;
  };
  const Variant variants[] = {
      {"", ""},
      {"max_open_files=-1", "foo_option=1"},
      {"max_open_files=-1", "max_open_files=x"},
      {"max_open_files=-1", "max_open_files"},
      {"max_open_files=-1", "max_open_files=5 # comment"},
      {"max_open_files=-1", "  max_open_files =  5  "},
      {"write_buffer_size=67108864", "foo_cf=1"},
      {"block_size=4096", "foo_table=1"},
      {"[DBOptions]", "[DBOptionsX]"},
      {"[DBOptions]", "[DBOptions \"x\"]"},
      {"[DBOptions]", "[DBOptions]\n  max_open_files=3\n[DBOptions]"},
      {"[Version]", "[Version]\n  x=1\n[Version]"},
      {"[CFOptions \"default\"]", "[CFOptions \"other\"]"},
      {"[CFOptions \"default\"]", "[CFOptions default]"},
      {"[CFOptions \"cf1\"]", "[CFOptions \"default\"]"},
      {"[TableOptions/BlockBasedTable \"default\"]",
       "[TableOptions/BlockBasedTable \"cf1\"]"},
      {"[TableOptions/BlockBasedTable \"default\"]",
       "[TableOptions/Foo \"default\"]"},
      {"[TableOptions/BlockBasedTable \"default\"]",
       "[TableOptions/PlainTable \"default\"]"},
      {"rocksdb_version=7.8.3", "rocksdb_version=7.x"},
      {"rocksdb_version=7.8.3", "rocksdb_version=7.8"},
      {"rocksdb_version=7.8.3", "rocksdb_version=9.0.0\n  foo=1"},
      {"options_file_version=1.1", "options_file_version=0.9"},
      {"options_file_version=1.1", "options_file_version=x"},
      {"options_file_version=1.1", "options_file_version=2.0"},
      {"merge_operator=nullptr", "merge_operator=nosuchop"},
      {"comparator=leveldb.BytewiseComparator", "comparator=nosuchcmp"},
      {"# This is a RocksDB option file.", "  orphan=1"},
  };
  int n = 0;
  for (const Variant& v : variants) {
    std::string changed = text;
    const size_t at = changed.find(v.from);
    ASSERT_NE(std::string::npos, at) << v.from;
    changed.replace(at, std::string(v.from).size(), v.to);
    const std::string path = dir + "/variant-" + std::to_string(n++);
    std::ofstream(path) << changed;
    for (int flags : {0, 1}) {
      Same(std::string("LOAD ") + v.from + " -> " + v.to +
               " flags=" + std::to_string(flags),
           real_->Run("LOAD", path, flags), ours_->Run("LOAD", path, flags));
    }
  }
  std::ofstream(dir + "/empty").flush();
  Same("LOAD empty", real_->Run("LOAD", dir + "/empty", 0),
       ours_->Run("LOAD", dir + "/empty", 0));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace compat
