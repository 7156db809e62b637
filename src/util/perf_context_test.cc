// Copyright (c) the rocksdb-cleanroom authors.
//
// PerfContext, IOStatsContext and PerfLevel: thread-locality, Reset, copy,
// per-level counters and the ToString formats (expected strings produced
// by RocksDB 7.8.3 for the same calls).

#include "rocksdb/perf_context.h"

#include <gtest/gtest.h>

#include <thread>

#include "rocksdb/iostats_context.h"
#include "util/iostats_context_imp.h"
#include "util/perf_context_imp.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(PerfLevelTest, ThreadLocalWithCountDefault) {
  SetPerfLevel(kEnableTime);
  EXPECT_EQ(kEnableTime, GetPerfLevel());
  std::thread([] {
    EXPECT_EQ(kEnableCount, GetPerfLevel());
    SetPerfLevel(kDisable);
    EXPECT_EQ(kDisable, GetPerfLevel());
  }).join();
  EXPECT_EQ(kEnableTime, GetPerfLevel());
  SetPerfLevel(kEnableCount);
}

TEST(PerfContextTest, FreshThreadIsZeroAndPrivate) {
  get_perf_context()->user_key_comparison_count = 9;
  std::thread([] {
    EXPECT_EQ("", get_perf_context()->ToString(true));
    EXPECT_EQ(0u, get_perf_context()->user_key_comparison_count);
    EXPECT_EQ(nullptr, get_perf_context()->level_to_perf_context);
  }).join();
  EXPECT_EQ(9u, get_perf_context()->user_key_comparison_count);
  get_perf_context()->Reset();
}

TEST(PerfContextTest, ToStringFormat) {
  PerfContext* pc = get_perf_context();
  pc->Reset();
  pc->user_key_comparison_count = 3;
  pc->block_read_byte = 10;
  EXPECT_EQ("user_key_comparison_count = 3, block_read_byte = 10",
            pc->ToString(true));
  const std::string all = pc->ToString();
  EXPECT_EQ(0u, all.find("user_key_comparison_count = 3, "
                         "block_cache_hit_count = 0, block_read_count = 0, "
                         "block_read_byte = 10, "));
  // RocksDB's order: write_wal_time right after the internal_* counters.
  EXPECT_NE(std::string::npos,
            all.find("internal_range_del_reseek_count = 0, write_wal_time = 0, "
                     "get_snapshot_time = 0, "));
  EXPECT_EQ(all.size() - std::string("number_async_seek = 0").size(),
            all.rfind("number_async_seek = 0"));
  EXPECT_EQ(std::string::npos, all.find("seek_max_heap_time"));
  EXPECT_EQ(std::string::npos, all.find("encrypt_data_nanos"));
  pc->Reset();
  EXPECT_EQ("", pc->ToString(true));
}

TEST(PerfContextTest, PerLevel) {
  PerfContext* pc = get_perf_context();
  pc->Reset();
  pc->user_key_comparison_count = 3;
  pc->block_read_byte = 10;
  pc->EnablePerLevelPerfContext();
  (*pc->level_to_perf_context)[0].bloom_filter_useful = 2;
  (*pc->level_to_perf_context)[2].block_cache_hit_count = 4;
  EXPECT_EQ(
      "user_key_comparison_count = 3, block_read_byte = 10, "
      "bloom_filter_useful = 2@level0, bloom_filter_full_positive = "
      "bloom_filter_full_true_positive = block_cache_hit_count = 4@level2, "
      "block_cache_miss_count =",
      pc->ToString(true));
  const std::string all = pc->ToString();
  EXPECT_NE(std::string::npos,
            all.find("number_async_seek = 0, bloom_filter_useful = 2@level0, "
                     "0@level2, bloom_filter_full_positive = 0@level0, "
                     "0@level2, "));
  const std::string tail = "block_cache_miss_count = 0@level0, 0@level2";
  EXPECT_EQ(all.size() - tail.size(), all.rfind(tail));

  // Copies are deep.
  PerfContext copy(*pc);
  ASSERT_NE(nullptr, copy.level_to_perf_context);
  EXPECT_NE(pc->level_to_perf_context, copy.level_to_perf_context);
  EXPECT_EQ(2u, (*copy.level_to_perf_context)[0].bloom_filter_useful);
  EXPECT_TRUE(copy.per_level_perf_context_enabled);
  EXPECT_EQ(3u, copy.user_key_comparison_count);
  PerfContext assigned;
  assigned = copy;
  EXPECT_EQ(4u, (*assigned.level_to_perf_context)[2].block_cache_hit_count);
  PerfContext moved(std::move(assigned));
  EXPECT_EQ(nullptr, assigned.level_to_perf_context);
  EXPECT_EQ(2u, (*moved.level_to_perf_context)[0].bloom_filter_useful);

  // Disabled: hidden from ToString and left alone by Reset.
  pc->DisablePerLevelPerfContext();
  EXPECT_EQ("user_key_comparison_count = 3, block_read_byte = 10",
            pc->ToString(true));
  pc->Reset();
  EXPECT_EQ(2u, (*pc->level_to_perf_context)[0].bloom_filter_useful);
  pc->EnablePerLevelPerfContext();
  pc->Reset();
  EXPECT_EQ(0u, (*pc->level_to_perf_context)[0].bloom_filter_useful);
  EXPECT_EQ(2u, pc->level_to_perf_context->size());
  pc->ClearPerLevelPerfContext();
  EXPECT_EQ(nullptr, pc->level_to_perf_context);
  EXPECT_FALSE(pc->per_level_perf_context_enabled);
}

TEST(PerfContextTest, Macros) {
  PerfContext* pc = get_perf_context();
  pc->Reset();
  SetPerfLevel(kDisable);
  PERF_COUNTER_ADD(block_read_count, 1);
  EXPECT_EQ(0u, pc->block_read_count);
  SetPerfLevel(kEnableCount);
  PERF_COUNTER_ADD(block_read_count, 2);
  EXPECT_EQ(2u, pc->block_read_count);
  {
    PERF_TIMER_GUARD(block_read_time);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(0u, pc->block_read_time);  // timers are off at kEnableCount
  SetPerfLevel(kEnableTime);
  {
    PERF_TIMER_GUARD(block_read_time);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_GE(pc->block_read_time, 1000000u);
  SetPerfLevel(kEnableCount);
  pc->Reset();
}

TEST(IOStatsContextTest, ResetAndToString) {
  std::thread([] {
    IOStatsContext* io = get_iostats_context();
    EXPECT_EQ("", io->ToString(true));
    io->Reset();
    io->bytes_read = 5;
    EXPECT_EQ("thread_pool_id = 4, bytes_read = 5", io->ToString(true));
    EXPECT_EQ(
        "thread_pool_id = 4, bytes_read = 5, bytes_written = 0, "
        "open_nanos = 0, allocate_nanos = 0, write_nanos = 0, read_nanos = 0, "
        "range_sync_nanos = 0, fsync_nanos = 0, prepare_write_nanos = 0, "
        "logger_nanos = 0, cpu_write_nanos = 0, cpu_read_nanos = 0, "
        "file_io_stats_by_temperature.hot_file_bytes_read = 0, "
        "file_io_stats_by_temperature.warm_file_bytes_read = 0, "
        "file_io_stats_by_temperature.cold_file_bytes_read = 0, "
        "file_io_stats_by_temperature.hot_file_read_count = 0, "
        "file_io_stats_by_temperature.warm_file_read_count = 0, "
        "file_io_stats_by_temperature.cold_file_read_count = 0",
        io->ToString());
    IOSTATS_ADD(bytes_written, 7);
    EXPECT_EQ(7u, io->bytes_written);
    io->disable_iostats = true;
    IOSTATS_ADD(bytes_written, 7);
    EXPECT_EQ(7u, io->bytes_written);
    io->Reset();
    EXPECT_TRUE(io->disable_iostats);  // Reset keeps the switch
    EXPECT_EQ(0u, io->bytes_written);
  }).join();
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
