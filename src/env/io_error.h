// Copyright (c) the rocksdb-cleanroom authors.
//
// Turning a failed POSIX call into an IOStatus with RocksDB's wording.
#pragma once

#include <string>

#include "rocksdb/io_status.h"

namespace ROCKSDB_NAMESPACE {

// The IOStatus for a call that failed with errno `err`, worded
// "<context>: <path>: <strerror(err)>". ENOENT gives an IOError with subcode
// PathNotFound, ENOSPC one with subcode NoSpace, anything else a plain
// IOError.
IOStatus IOErrorFromErrno(const std::string& context, const std::string& path,
                          int err);

}  // namespace ROCKSDB_NAMESPACE
