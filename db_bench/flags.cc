// Copyright (c) the rocksdb-cleanroom authors.
//
// Flag definitions. The defaults are RocksDB 7.8 db_bench's as its
// --helpxml reports them (including the long --benchmarks list, trailing
// comma and all; names we do not implement are skipped with a note). The
// help texts are ours.

#include "flags.h"

#include <cstdint>

DEFINE_string(
    benchmarks,
    "fillseq,fillseqdeterministic,fillsync,fillrandom,"
    "filluniquerandomdeterministic,overwrite,readrandom,newiterator,"
    "newiteratorwhilewriting,seekrandom,seekrandomwhilewriting,"
    "seekrandomwhilemerging,readseq,readreverse,compact,compactall,flush,"
    "compact0,compact1,waitforcompaction,multireadrandom,mixgraph,readseq,"
    "readtorowcache,readtocache,readreverse,readwhilewriting,"
    "readwhilemerging,readwhilescanning,readrandomwriterandom,updaterandom,"
    "xorupdaterandom,approximatesizerandom,randomwithverify,fill100K,crc32c,"
    "xxhash,xxhash64,xxh3,compress,uncompress,acquireload,fillseekseq,"
    "randomtransaction,randomreplacekeys,timeseries,getmergeoperands,",
    "Comma-separated benchmarks to run in order. Implemented: fillseq, "
    "fillrandom, overwrite, fillsync (--writes synced writes over num/1000 "
    "keys), fill100K (100 KB values over num/1000 keys), readrandom, "
    "readseq, readreverse, seekrandom, multireadrandom, readwhilewriting, "
    "readrandomwriterandom, deleteseq, deleterandom, mergerandom, compact, "
    "compactall, flush, waitforcompaction, stats. RocksDB's other benchmark "
    "names are skipped with a note.");
DEFINE_int64(num, 1000000, "Number of keys in the key space");
DEFINE_int64(reads, -1, "Read operations per thread; negative means --num");
DEFINE_int64(writes, -1, "Write operations per thread; negative means --num");
DEFINE_int64(deletes, -1, "Delete operations per thread; negative means --num");
DEFINE_int64(merge_keys, -1, "Key space of mergerandom; negative means --num");
DEFINE_int32(threads, 1, "Number of benchmark threads");
DEFINE_int64(seed, 0,
             "Base seed of the key generators; 0 picks one from the clock");
DEFINE_int32(seek_nexts, 0, "Next() calls after each Seek() in seekrandom");
DEFINE_int64(batch_size, 1,
             "Keys per WriteBatch in writes/deletes and per MultiGet call");
DEFINE_int32(readwritepercent, 90,
             "Percentage of reads in readrandomwriterandom");
DEFINE_uint64(benchmark_write_rate_limit, 0,
              "Cap on the bytes per second the benchmark writes; 0 is none");
DEFINE_bool(histogram, false, "Print a latency histogram per operation type");
DEFINE_bool(statistics, false,
            "Collect DB statistics and print them at the end");
DEFINE_int32(perf_level, 1,
             "PerfLevel of the benchmark threads (1 disables the counters)");

DEFINE_int32(key_size, 16, "Key length in bytes");
DEFINE_int32(value_size, 100, "Value length in bytes");
DEFINE_double(compression_ratio, 0.5,
              "Fraction of each value that is random (values compress to "
              "about this fraction of their size)");

DEFINE_string(db, "", "Database directory (default: a temporary one)");
DEFINE_bool(use_existing_db, false,
            "Keep the existing database instead of destroying it first");
DEFINE_string(compression_type, "snappy",
              "none, snappy, zlib, bzip2, lz4, lz4hc, xpress or zstd");
DEFINE_string(merge_operator, "",
              "Merge operator id (e.g. uint64add, put, max, stringappend)");
DEFINE_bool(sync, false, "Sync every write");
DEFINE_bool(disable_wal, false, "Write without the WAL");
DEFINE_bool(verify_checksum, true, "Verify block checksums on reads");

DEFINE_int64(write_buffer_size, 64 << 20, "Options::write_buffer_size");
DEFINE_int32(max_write_buffer_number, 2, "Options::max_write_buffer_number");
DEFINE_int32(min_write_buffer_number_to_merge, 1,
             "Options::min_write_buffer_number_to_merge");
DEFINE_int64(target_file_size_base, 64 << 20, "Options::target_file_size_base");
DEFINE_int32(target_file_size_multiplier, 1,
             "Options::target_file_size_multiplier");
DEFINE_uint64(max_bytes_for_level_base, 256 << 20,
              "Options::max_bytes_for_level_base");
DEFINE_double(max_bytes_for_level_multiplier, 10,
              "Options::max_bytes_for_level_multiplier");
DEFINE_int32(num_levels, 7, "Options::num_levels");
DEFINE_int32(level0_file_num_compaction_trigger, 4,
             "Options::level0_file_num_compaction_trigger");
DEFINE_int32(level0_slowdown_writes_trigger, 20,
             "Options::level0_slowdown_writes_trigger");
DEFINE_int32(level0_stop_writes_trigger, 36,
             "Options::level0_stop_writes_trigger");
DEFINE_int32(max_background_jobs, 2, "Options::max_background_jobs");
DEFINE_int32(max_background_compactions, -1,
             "Options::max_background_compactions");
DEFINE_int32(max_background_flushes, -1, "Options::max_background_flushes");
DEFINE_uint64(subcompactions, 1, "Options::max_subcompactions");
DEFINE_bool(disable_auto_compactions, false,
            "Options::disable_auto_compactions");
DEFINE_int32(compaction_style, 0,
             "0 level, 1 universal, 2 FIFO (Options::compaction_style)");
DEFINE_bool(level_compaction_dynamic_level_bytes, false,
            "Options::level_compaction_dynamic_level_bytes");
DEFINE_uint64(soft_pending_compaction_bytes_limit, 64ull << 30,
              "Options::soft_pending_compaction_bytes_limit");
DEFINE_uint64(hard_pending_compaction_bytes_limit, 128ull << 30,
              "Options::hard_pending_compaction_bytes_limit");
DEFINE_uint64(delayed_write_rate, 8388608, "Options::delayed_write_rate");
DEFINE_bool(enable_pipelined_write, true, "Options::enable_pipelined_write");
DEFINE_bool(allow_concurrent_memtable_write, true,
            "Options::allow_concurrent_memtable_write");
DEFINE_uint64(max_total_wal_size, 0, "Options::max_total_wal_size");
DEFINE_uint64(bytes_per_sync, 0, "Options::bytes_per_sync");
DEFINE_uint64(wal_bytes_per_sync, 0, "Options::wal_bytes_per_sync");
DEFINE_bool(use_fsync, false, "Options::use_fsync");
DEFINE_int32(open_files, -1, "Options::max_open_files");
DEFINE_int32(table_cache_numshardbits, 4, "Options::table_cache_numshardbits");
DEFINE_bool(dump_malloc_stats, true, "Options::dump_malloc_stats");
DEFINE_uint64(stats_dump_period_sec, 600, "Options::stats_dump_period_sec");
DEFINE_bool(fifo_compaction_allow_compaction, true,
            "CompactionOptionsFIFO::allow_compaction");
DEFINE_uint64(fifo_compaction_max_table_files_size_mb, 0,
              "CompactionOptionsFIFO::max_table_files_size, in MB");

DEFINE_int64(cache_size, 8 << 20, "Block cache capacity in bytes");
DEFINE_int32(cache_numshardbits, -1,
             "Block cache shards = 2^this; negative picks a default");
DEFINE_int32(bloom_bits, -1,
             "Bloom filter bits per key; 0 or negative means no filter");
DEFINE_int32(block_size, 4096, "BlockBasedTableOptions::block_size");
DEFINE_int32(block_restart_interval, 16,
             "BlockBasedTableOptions::block_restart_interval");
DEFINE_bool(cache_index_and_filter_blocks, false,
            "BlockBasedTableOptions::cache_index_and_filter_blocks");
DEFINE_bool(pin_top_level_index_and_filter, false,
            "BlockBasedTableOptions::pin_top_level_index_and_filter");
DEFINE_int64(index_shortening_mode, 2,
             "0 no index key shortening, 1 separators only, 2 separators "
             "and the last key");
