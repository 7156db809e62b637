// Copyright (c) the rocksdb-cleanroom authors.
//
// The Optimize*() rules shared by Env (EnvOptions) and FileSystem
// (FileOptions): each returns a copy adjusted for one kind of file.
#pragma once

#include "rocksdb/env.h"
#include "rocksdb/options.h"

namespace ROCKSDB_NAMESPACE {

// WAL and MANIFEST are read once, sequentially: no direct reads.
template <typename Opts>
Opts TuneForLogOrManifestRead(const Opts& in) {
  Opts out(in);
  out.use_direct_reads = false;
  return out;
}

// WAL writes: buffered, synced by wal_bytes_per_sync, size kept on
// preallocation.
template <typename Opts>
Opts TuneForLogWrite(const Opts& in, const DBOptions& db_options) {
  Opts out(in);
  out.bytes_per_sync = db_options.wal_bytes_per_sync;
  out.use_mmap_writes = false;
  out.use_direct_writes = false;
  out.fallocate_with_keep_size = true;
  return out;
}

// MANIFEST writes: buffered, size kept on preallocation.
template <typename Opts>
Opts TuneForManifestWrite(const Opts& in) {
  Opts out(in);
  out.use_mmap_writes = false;
  out.use_direct_writes = false;
  out.fallocate_with_keep_size = true;
  return out;
}

}  // namespace ROCKSDB_NAMESPACE
