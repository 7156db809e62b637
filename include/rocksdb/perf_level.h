// Copyright (c) the rocksdb-cleanroom authors.
//
// PerfLevel: how much the thread-local PerfContext and IOStatsContext
// collect on the calling thread.
#pragma once

#include <stdint.h>

#include <string>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

// Each level collects everything the previous one does, plus more.
enum PerfLevel : unsigned char {
  kUninitialized = 0,  // not set
  kDisable = 1,        // collect nothing
  kEnableCount = 2,    // counters only
  // Counters and wall-clock timers, except timers around mutexes.
  kEnableTimeExceptForMutex = 3,
  // As above, plus CPU-time counters (still no mutex timers).
  kEnableTimeAndCPUTimeExceptForMutex = 4,
  kEnableTime = 5,   // counters and all timers
  kOutOfBounds = 6,  // one past the last valid level; keep last
};

// Sets the level for the calling thread only.
void SetPerfLevel(PerfLevel level);

// Returns the calling thread's level (kEnableCount until set).
PerfLevel GetPerfLevel();

}  // namespace ROCKSDB_NAMESPACE
