// Copyright (c) the rocksdb-cleanroom authors.
//
// Adapters that present an Env as a FileSystem and as a SystemClock. A plain
// Env() or an EnvWrapper gets these as its GetFileSystem() and
// GetSystemClock(), so the engine, which talks to FileSystem, still reaches
// every file method an application overrode on its Env.
#pragma once

#include <memory>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/system_clock.h"

namespace ROCKSDB_NAMESPACE {

// Creates a FileSystem forwarding to `env`'s file methods. `env` is
// borrowed and must outlive the result.
std::shared_ptr<FileSystem> NewLegacyFileSystemWrapper(Env* env);

// Creates a SystemClock forwarding to `env`'s time methods. `env` is
// borrowed and must outlive the result.
std::shared_ptr<SystemClock> NewLegacySystemClock(Env* env);

}  // namespace ROCKSDB_NAMESPACE
