// Copyright (c) the rocksdb-cleanroom authors.
//
// EventListener defaults and CreateFromString, the *Info helpers, and
// CompactionJobStats::Reset/Add (expected sums observed on RocksDB 7.8.3).
#include "rocksdb/listener.h"

#include <gtest/gtest.h>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(ListenerTest, DefaultCallbacksDoNothing) {
  EventListener listener;
  EXPECT_STREQ(listener.Name(), "");
  EXPECT_STREQ(EventListener::Type(), "EventListener");
  EXPECT_FALSE(listener.ShouldBeNotifiedOnFileIO());

  Status bg = Status::IOError("disk");
  listener.OnBackgroundError(BackgroundErrorReason::kFlush, &bg);
  EXPECT_TRUE(bg.IsIOError());  // left alone
  bool auto_recovery = true;
  listener.OnErrorRecoveryBegin(BackgroundErrorReason::kCompaction, bg,
                                &auto_recovery);
  EXPECT_TRUE(auto_recovery);
  listener.OnErrorRecoveryCompleted(Status::OK());
  listener.OnFlushCompleted(nullptr, FlushJobInfo());
  listener.OnCompactionCompleted(nullptr, CompactionJobInfo());
  listener.OnTableFileDeleted(TableFileDeletionInfo());
  listener.OnStallConditionsChanged(WriteStallInfo());
}

TEST(ListenerTest, CreateFromString) {
  ConfigOptions config;
  std::shared_ptr<EventListener> result = std::make_shared<EventListener>();
  Status s = EventListener::CreateFromString(config, "", &result);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(result, nullptr);

  // Unknown names are ignored by default...
  s = EventListener::CreateFromString(config, "NoSuchListener", &result);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(result, nullptr);
  // ...and refused when unsupported options must not be ignored.
  config.ignore_unsupported_options = false;
  s = EventListener::CreateFromString(config, "NoSuchListener", &result);
  EXPECT_TRUE(s.IsNotSupported());
  EXPECT_EQ(s.ToString(),
            "Not implemented: Could not load EventListener: NoSuchListener");
}

TEST(ListenerTest, FileOperationInfoMeasuresDuration) {
  const std::string path = "/db/000001.sst";
  auto start = FileOperationInfo::StartNow();
  auto finish = start.second + std::chrono::nanoseconds(1500);
  FileOperationInfo info(FileOperationType::kRead, path, start, finish,
                         Status::OK());
  EXPECT_EQ(info.duration.count(), 1500);
  EXPECT_EQ(&info.path, &path);
  EXPECT_EQ(info.temperature, Temperature::kUnknown);
  EXPECT_EQ(info.start_ts, start.first);
}

TEST(ListenerTest, InfoConstructors) {
  BlobFileCreationInfo blob("db", "cf", "/db/000010.blob", 3,
                            BlobFileCreationReason::kCompaction, 4, 100,
                            Status::OK(), "sum", "func");
  EXPECT_EQ(blob.db_name, "db");
  EXPECT_EQ(blob.job_id, 3);
  EXPECT_EQ(blob.total_blob_bytes, 100u);
  EXPECT_EQ(blob.file_checksum_func_name, "func");

  FileDeletionInfo deletion;
  EXPECT_EQ(deletion.job_id, 0);
  IOErrorInfo io(IOStatus::IOError("x"), FileOperationType::kAppend, "f", 7, 9);
  EXPECT_EQ(io.length, 7u);
  EXPECT_EQ(io.offset, 9u);
}

TEST(CompactionJobStatsTest, ResetAndAdd) {
  CompactionJobStats total;
  EXPECT_EQ(total.elapsed_micros, 0u);
  EXPECT_EQ(total.num_output_files, 0u);
  EXPECT_FALSE(total.is_full_compaction);

  CompactionJobStats one;
  one.elapsed_micros = 1;
  one.num_input_records = 3;
  one.num_input_files = 100;
  one.num_output_files_blob = 103;
  one.total_output_bytes = 8;
  one.file_prepare_write_nanos = 19;
  one.num_single_del_mismatch = 21;
  one.is_full_compaction = true;
  one.is_manual_compaction = true;
  one.smallest_output_key_prefix = "aa";
  one.largest_output_key_prefix = "zz";

  total.Add(one);
  total.Add(one);
  EXPECT_EQ(total.elapsed_micros, 2u);
  EXPECT_EQ(total.num_input_records, 6u);
  EXPECT_EQ(total.num_input_files, 200u);
  EXPECT_EQ(total.num_output_files_blob, 206u);
  EXPECT_EQ(total.total_output_bytes, 16u);
  EXPECT_EQ(total.file_prepare_write_nanos, 38u);
  EXPECT_EQ(total.num_single_del_mismatch, 42u);
  // Flags and key prefixes are not aggregated.
  EXPECT_FALSE(total.is_full_compaction);
  EXPECT_FALSE(total.is_manual_compaction);
  EXPECT_EQ(total.smallest_output_key_prefix, "");

  one.Reset();
  EXPECT_EQ(one.elapsed_micros, 0u);
  EXPECT_FALSE(one.is_full_compaction);
  EXPECT_EQ(one.largest_output_key_prefix, "");
  EXPECT_EQ(CompactionJobStats::kMaxPrefixLength, 8u);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
