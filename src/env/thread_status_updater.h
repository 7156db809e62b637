// Copyright (c) the rocksdb-cleanroom authors.
//
// ThreadStatusUpdater: where engine threads would publish what they are
// doing for Env::GetThreadList(). Per-thread status tracking has not landed;
// the class exists so that Env::GetThreadStatusUpdater() and
// CreateThreadStatusUpdater() return a real object.
#pragma once

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

class ThreadStatusUpdater {
 public:
  ThreadStatusUpdater() = default;
  virtual ~ThreadStatusUpdater() = default;
};

}  // namespace ROCKSDB_NAMESPACE
