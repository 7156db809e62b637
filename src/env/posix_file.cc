// Copyright (c) the rocksdb-cleanroom authors.
//
// POSIX file classes. Every failing system call becomes an IOStatus through
// IOErrorFromErrno(), worded like RocksDB's ("While pread offset 0 len 10:
// <file>: Is a directory").

#include "env/posix_file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "env/io_error.h"

namespace ROCKSDB_NAMESPACE {

ssize_t ReadFully(int fd, char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = ::read(fd, buf + done, n - done);
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;  // end of file
    done += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(done);
}

ssize_t PreadFully(int fd, char* buf, size_t n, uint64_t offset) {
  size_t done = 0;
  while (done < n) {
    ssize_t r =
        ::pread(fd, buf + done, n - done, static_cast<off_t>(offset + done));
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    done += static_cast<size_t>(r);
  }
  return static_cast<ssize_t>(done);
}

bool WriteFully(int fd, const char* data, size_t n, int64_t offset) {
  while (n > 0) {
    ssize_t w =
        offset >= 0 ? ::pwrite(fd, data, n, offset) : ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
    if (offset >= 0) offset += w;
  }
  return true;
}

namespace {

std::string OffsetLen(uint64_t offset, size_t n) {
  return "offset " + std::to_string(offset) + " len " + std::to_string(n);
}

IOStatus Fadvise(int fd, size_t offset, size_t length, int advice) {
  // Advice is only a hint; failures are deliberately ignored.
  (void)::posix_fadvise(fd, static_cast<off_t>(offset),
                        static_cast<off_t>(length), advice);
  return IOStatus::OK();
}

}  // namespace

// ---- PosixSequentialFile ----

PosixSequentialFile::PosixSequentialFile(std::string fname, int fd)
    : fname_(std::move(fname)), fd_(fd) {}

PosixSequentialFile::~PosixSequentialFile() { ::close(fd_); }

IOStatus PosixSequentialFile::Read(size_t n, const IOOptions& /*options*/,
                                   Slice* result, char* scratch,
                                   IODebugContext* /*dbg*/) {
  ssize_t r = ReadFully(fd_, scratch, n);
  if (r < 0) {
    *result = Slice();
    return IOErrorFromErrno("While reading file sequentially", fname_, errno);
  }
  *result = Slice(scratch, static_cast<size_t>(r));
  return IOStatus::OK();
}

IOStatus PosixSequentialFile::Skip(uint64_t n) {
  if (::lseek(fd_, static_cast<off_t>(n), SEEK_CUR) < 0) {
    return IOErrorFromErrno(
        "While lseek to skip " + std::to_string(n) + " bytes", fname_, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixSequentialFile::PositionedRead(uint64_t offset, size_t n,
                                             const IOOptions& /*options*/,
                                             Slice* result, char* scratch,
                                             IODebugContext* /*dbg*/) {
  ssize_t r = PreadFully(fd_, scratch, n, offset);
  if (r < 0) {
    *result = Slice();
    return IOErrorFromErrno("While pread " + OffsetLen(offset, n), fname_,
                            errno);
  }
  *result = Slice(scratch, static_cast<size_t>(r));
  return IOStatus::OK();
}

IOStatus PosixSequentialFile::InvalidateCache(size_t offset, size_t length) {
  return Fadvise(fd_, offset, length, POSIX_FADV_DONTNEED);
}

// ---- PosixRandomAccessFile ----

PosixRandomAccessFile::PosixRandomAccessFile(std::string fname, int fd)
    : fname_(std::move(fname)), fd_(fd) {}

PosixRandomAccessFile::~PosixRandomAccessFile() { ::close(fd_); }

IOStatus PosixRandomAccessFile::Read(uint64_t offset, size_t n,
                                     const IOOptions& /*options*/,
                                     Slice* result, char* scratch,
                                     IODebugContext* /*dbg*/) const {
  ssize_t r = PreadFully(fd_, scratch, n, offset);
  if (r < 0) {
    *result = Slice();
    return IOErrorFromErrno("While pread " + OffsetLen(offset, n), fname_,
                            errno);
  }
  *result = Slice(scratch, static_cast<size_t>(r));
  return IOStatus::OK();
}

IOStatus PosixRandomAccessFile::Prefetch(uint64_t offset, size_t n,
                                         const IOOptions& /*options*/,
                                         IODebugContext* /*dbg*/) {
  return Fadvise(fd_, static_cast<size_t>(offset), n, POSIX_FADV_WILLNEED);
}

void PosixRandomAccessFile::Hint(AccessPattern pattern) {
  int advice = POSIX_FADV_NORMAL;
  switch (pattern) {
    case kNormal:
      advice = POSIX_FADV_NORMAL;
      break;
    case kRandom:
      advice = POSIX_FADV_RANDOM;
      break;
    case kSequential:
      advice = POSIX_FADV_SEQUENTIAL;
      break;
    case kWillNeed:
      advice = POSIX_FADV_WILLNEED;
      break;
    case kWontNeed:
      advice = POSIX_FADV_DONTNEED;
      break;
  }
  Fadvise(fd_, 0, 0, advice).PermitUncheckedError();
}

IOStatus PosixRandomAccessFile::InvalidateCache(size_t offset, size_t length) {
  return Fadvise(fd_, offset, length, POSIX_FADV_DONTNEED);
}

// ---- PosixWritableFile ----

PosixWritableFile::PosixWritableFile(std::string fname, int fd,
                                     const FileOptions& options)
    : FSWritableFile(options),
      fname_(std::move(fname)),
      fd_(fd),
      allow_fallocate_(options.allow_fallocate),
      fallocate_with_keep_size_(options.fallocate_with_keep_size) {}

PosixWritableFile::~PosixWritableFile() {
  if (fd_ >= 0) {
    // Errors cannot be reported from a destructor.
    Close(IOOptions(), nullptr).PermitUncheckedError();
  }
}

IOStatus PosixWritableFile::Append(const Slice& data,
                                   const IOOptions& /*options*/,
                                   IODebugContext* /*dbg*/) {
  if (!WriteFully(fd_, data.data(), data.size(), -1)) {
    return IOErrorFromErrno("While appending to file", fname_, errno);
  }
  filesize_ += data.size();
  return IOStatus::OK();
}

IOStatus PosixWritableFile::PositionedAppend(const Slice& data, uint64_t offset,
                                             const IOOptions& /*options*/,
                                             IODebugContext* /*dbg*/) {
  if (!WriteFully(fd_, data.data(), data.size(),
                  static_cast<int64_t>(offset))) {
    return IOErrorFromErrno(
        "While pwrite to file at offset " + std::to_string(offset), fname_,
        errno);
  }
  filesize_ = offset + data.size();
  return IOStatus::OK();
}

IOStatus PosixWritableFile::Truncate(uint64_t size,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) {
    return IOErrorFromErrno(
        "While ftruncate file to size " + std::to_string(size), fname_, errno);
  }
  filesize_ = size;
  return IOStatus::OK();
}

IOStatus PosixWritableFile::Close(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  IOStatus s;
  if (allocated_ && fd_ >= 0) {
    // Give back space reserved beyond what was written. Best effort: the
    // data itself is intact either way.
    if (::ftruncate(fd_, static_cast<off_t>(filesize_)) != 0) {
      s = IOErrorFromErrno(
          "While ftruncate file to size " + std::to_string(filesize_), fname_,
          errno);
    }
  }
  if (::close(fd_) < 0 && s.ok()) {
    s = IOErrorFromErrno("While closing file after writing", fname_, errno);
  }
  fd_ = -1;
  return s;
}

IOStatus PosixWritableFile::Flush(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  return IOStatus::OK();  // nothing is buffered here
}

IOStatus PosixWritableFile::Sync(const IOOptions& /*options*/,
                                 IODebugContext* /*dbg*/) {
  if (::fdatasync(fd_) < 0) {
    return IOErrorFromErrno("While fdatasync", fname_, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixWritableFile::Fsync(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  if (::fsync(fd_) < 0) {
    return IOErrorFromErrno("While fsync", fname_, errno);
  }
  return IOStatus::OK();
}

uint64_t PosixWritableFile::GetFileSize(const IOOptions& /*options*/,
                                        IODebugContext* /*dbg*/) {
  return filesize_;
}

IOStatus PosixWritableFile::InvalidateCache(size_t offset, size_t length) {
  return Fadvise(fd_, offset, length, POSIX_FADV_DONTNEED);
}

IOStatus PosixWritableFile::RangeSync(uint64_t offset, uint64_t nbytes,
                                      const IOOptions& options,
                                      IODebugContext* dbg) {
  unsigned int flags = SYNC_FILE_RANGE_WRITE;
  if (strict_bytes_per_sync_) {
    // Bound the amount of data in flight: wait for earlier ranges first.
    flags |= SYNC_FILE_RANGE_WAIT_BEFORE;
  }
  if (::sync_file_range(fd_, static_cast<off64_t>(offset),
                        static_cast<off64_t>(nbytes), flags) != 0) {
    if (errno == ENOSYS || errno == EINVAL) {
      return FSWritableFile::RangeSync(offset, nbytes, options, dbg);
    }
    return IOErrorFromErrno("While sync_file_range returned -1", fname_, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixWritableFile::Allocate(uint64_t offset, uint64_t len,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  if (!allow_fallocate_) return IOStatus::OK();
  int mode = fallocate_with_keep_size_ ? FALLOC_FL_KEEP_SIZE : 0;
  if (::fallocate(fd_, mode, static_cast<off_t>(offset),
                  static_cast<off_t>(len)) != 0) {
    if (errno == EOPNOTSUPP || errno == ENOSYS) {
      return IOStatus::OK();  // the file system cannot preallocate
    }
    return IOErrorFromErrno("While fallocate " + OffsetLen(offset, len), fname_,
                            errno);
  }
  allocated_ = true;
  return IOStatus::OK();
}

// ---- PosixRandomRWFile ----

PosixRandomRWFile::PosixRandomRWFile(std::string fname, int fd)
    : fname_(std::move(fname)), fd_(fd) {}

PosixRandomRWFile::~PosixRandomRWFile() {
  if (fd_ >= 0) ::close(fd_);
}

IOStatus PosixRandomRWFile::Write(uint64_t offset, const Slice& data,
                                  const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  if (!WriteFully(fd_, data.data(), data.size(),
                  static_cast<int64_t>(offset))) {
    return IOErrorFromErrno("While write random read/write file at offset " +
                                std::to_string(offset),
                            fname_, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixRandomRWFile::Read(uint64_t offset, size_t n,
                                 const IOOptions& /*options*/, Slice* result,
                                 char* scratch, IODebugContext* /*dbg*/) const {
  ssize_t r = PreadFully(fd_, scratch, n, offset);
  if (r < 0) {
    *result = Slice();
    return IOErrorFromErrno(
        "While reading random read/write file " + OffsetLen(offset, n), fname_,
        errno);
  }
  *result = Slice(scratch, static_cast<size_t>(r));
  return IOStatus::OK();
}

IOStatus PosixRandomRWFile::Flush(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  return IOStatus::OK();
}

IOStatus PosixRandomRWFile::Sync(const IOOptions& /*options*/,
                                 IODebugContext* /*dbg*/) {
  if (::fdatasync(fd_) < 0) {
    return IOErrorFromErrno("While fdatasync random read/write file", fname_,
                            errno);
  }
  return IOStatus::OK();
}

IOStatus PosixRandomRWFile::Fsync(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  if (::fsync(fd_) < 0) {
    return IOErrorFromErrno("While fsync random read/write file", fname_,
                            errno);
  }
  return IOStatus::OK();
}

IOStatus PosixRandomRWFile::Close(const IOOptions& /*options*/,
                                  IODebugContext* /*dbg*/) {
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc < 0) {
    return IOErrorFromErrno("While close random read/write file", fname_,
                            errno);
  }
  return IOStatus::OK();
}

// ---- PosixDirectory ----

PosixDirectory::PosixDirectory(std::string name, int fd)
    : name_(std::move(name)), fd_(fd) {}

PosixDirectory::~PosixDirectory() {
  if (fd_ >= 0) ::close(fd_);
}

IOStatus PosixDirectory::Fsync(const IOOptions& /*options*/,
                               IODebugContext* /*dbg*/) {
  if (::fsync(fd_) < 0 && errno != EINVAL) {
    // EINVAL: the file system cannot sync directories; nothing to do.
    return IOErrorFromErrno("While fsync a directory", name_, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixDirectory::Close(const IOOptions& /*options*/,
                               IODebugContext* /*dbg*/) {
  int rc = ::close(fd_);
  fd_ = -1;
  if (rc < 0) {
    return IOErrorFromErrno("While closing directory ", name_, errno);
  }
  return IOStatus::OK();
}

PosixMmapFileBuffer::~PosixMmapFileBuffer() { ::munmap(base_, length_); }

}  // namespace ROCKSDB_NAMESPACE
