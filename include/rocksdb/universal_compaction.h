// Copyright (c) the rocksdb-cleanroom authors.
//
// Tuning knobs of universal (tiered) compaction, carried by
// AdvancedColumnFamilyOptions::compaction_options_universal.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// How universal compaction decides when a candidate run of files stops
// growing.
enum CompactionStopStyle {
  // Keep adding the next sorted run while it is about as large as the
  // previous one (within size_ratio percent).
  kCompactionStopStyleSimilarSize,
  // Keep adding while the total picked so far, enlarged by size_ratio
  // percent, is not smaller than the next sorted run.
  kCompactionStopStyleTotalSize
};

class CompactionOptionsUniversal {
 public:
  // Slack, in percent, allowed when comparing sizes of sorted runs.
  unsigned int size_ratio;

  // Fewest sorted runs merged by one size-ratio compaction.
  unsigned int min_merge_width;

  // Most sorted runs merged by one size-ratio compaction.
  unsigned int max_merge_width;

  // Extra space allowed, in percent of the last sorted run, before a full
  // compaction is forced to reduce space amplification. 200 means a value
  // may take up to three times its size on disk.
  unsigned int max_size_amplification_percent;

  // When >= 0, only the oldest data that makes up this percentage of the
  // total is compressed; newer data stays uncompressed. -1 compresses all
  // output as compression says.
  int compression_size_percent;

  // See CompactionStopStyle.
  CompactionStopStyle stop_style;

  // Move files that do not overlap anything instead of rewriting them.
  bool allow_trivial_move;

  // Prefer smaller, incremental compactions to limit space amplification
  // (may increase write amplification).
  bool incremental;

  CompactionOptionsUniversal()
      : size_ratio(1),
        min_merge_width(2),
        max_merge_width(UINT_MAX),
        max_size_amplification_percent(200),
        compression_size_percent(-1),
        stop_style(kCompactionStopStyleTotalSize),
        allow_trivial_move(false),
        incremental(false) {}
};

}  // namespace ROCKSDB_NAMESPACE
