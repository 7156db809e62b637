// Copyright (c) the rocksdb-cleanroom authors.
//
// Engine-side helpers for updating the calling thread's IOStatsContext:
//   IOSTATS_ADD(metric, n)     adds n unless the context has
//                              disable_iostats set (byte counters are kept
//                              whatever the PerfLevel).
//   IOSTATS_TIMER_GUARD(metric) times the rest of the scope into metric
//                              when the PerfLevel times.
#pragma once

#include "rocksdb/iostats_context.h"
#include "util/perf_context_imp.h"

#define IOSTATS_ADD(metric, value)                                       \
  do {                                                                   \
    ROCKSDB_NAMESPACE::IOStatsContext* iostats_ctx_ =                    \
        ROCKSDB_NAMESPACE::get_iostats_context();                        \
    if (!iostats_ctx_->disable_iostats) iostats_ctx_->metric += (value); \
  } while (0)

#define IOSTATS_TIMER_GUARD(metric)                             \
  ROCKSDB_NAMESPACE::PerfStepTimer iostats_step_timer_##metric( \
      &(ROCKSDB_NAMESPACE::get_iostats_context()->metric));     \
  iostats_step_timer_##metric.Start()
