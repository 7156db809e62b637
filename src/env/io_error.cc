// Copyright (c) the rocksdb-cleanroom authors.

#include "env/io_error.h"

#include <errno.h>
#include <string.h>

namespace ROCKSDB_NAMESPACE {

IOStatus IOErrorFromErrno(const std::string& context, const std::string& path,
                          int err) {
  char buf[256];
  // GNU strerror_r may return a static string instead of filling buf.
  const char* text = strerror_r(err, buf, sizeof(buf));
  std::string detail = path + ": " + text;
  switch (err) {
    case ENOENT:
      return IOStatus::PathNotFound(context, detail);
    case ENOSPC:
      return IOStatus::NoSpace(context, detail);
    default:
      return IOStatus::IOError(context, detail);
  }
}

}  // namespace ROCKSDB_NAMESPACE
