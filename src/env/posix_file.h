// Copyright (c) the rocksdb-cleanroom authors.
//
// The POSIX file classes behind PosixFileSystem. Each owns one file
// descriptor and closes it on destruction. I/O is unbuffered (buffering is
// the job of the engine's file writers); direct I/O and mmap reads are not
// used, so use_direct_io() is always false.
#pragma once

#include <string>

#include "rocksdb/file_system.h"

namespace ROCKSDB_NAMESPACE {

// Calls read() until n bytes arrive, end of file, or an error. Returns the
// number of bytes read, or -1 with errno set.
ssize_t ReadFully(int fd, char* buf, size_t n);
// Same with pread() from `offset`.
ssize_t PreadFully(int fd, char* buf, size_t n, uint64_t offset);
// Writes all of data (at `offset` if offset >= 0). Returns false with errno
// set on failure.
bool WriteFully(int fd, const char* data, size_t n, int64_t offset);

class PosixSequentialFile : public FSSequentialFile {
 public:
  PosixSequentialFile(std::string fname, int fd);
  ~PosixSequentialFile() override;

  IOStatus Read(size_t n, const IOOptions& options, Slice* result,
                char* scratch, IODebugContext* dbg) override;
  IOStatus Skip(uint64_t n) override;
  IOStatus PositionedRead(uint64_t offset, size_t n, const IOOptions& options,
                          Slice* result, char* scratch,
                          IODebugContext* dbg) override;
  IOStatus InvalidateCache(size_t offset, size_t length) override;

 private:
  const std::string fname_;
  const int fd_;
};

class PosixRandomAccessFile : public FSRandomAccessFile {
 public:
  PosixRandomAccessFile(std::string fname, int fd);
  ~PosixRandomAccessFile() override;

  IOStatus Read(uint64_t offset, size_t n, const IOOptions& options,
                Slice* result, char* scratch,
                IODebugContext* dbg) const override;
  IOStatus Prefetch(uint64_t offset, size_t n, const IOOptions& options,
                    IODebugContext* dbg) override;
  void Hint(AccessPattern pattern) override;
  IOStatus InvalidateCache(size_t offset, size_t length) override;

 private:
  const std::string fname_;
  const int fd_;
};

class PosixWritableFile : public FSWritableFile {
 public:
  // GetFileSize() counts the bytes written through this object only.
  PosixWritableFile(std::string fname, int fd, const FileOptions& options);
  ~PosixWritableFile() override;

  IOStatus Append(const Slice& data, const IOOptions& options,
                  IODebugContext* dbg) override;
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions& options,
                            IODebugContext* dbg) override;
  IOStatus Truncate(uint64_t size, const IOOptions& options,
                    IODebugContext* dbg) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Flush(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  bool IsSyncThreadSafe() const override { return true; }
  uint64_t GetFileSize(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus InvalidateCache(size_t offset, size_t length) override;
  IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const IOOptions& options,
                     IODebugContext* dbg) override;
  IOStatus Allocate(uint64_t offset, uint64_t len, const IOOptions& options,
                    IODebugContext* dbg) override;

 private:
  const std::string fname_;
  int fd_;  // -1 once closed
  uint64_t filesize_ = 0;
  const bool allow_fallocate_;
  const bool fallocate_with_keep_size_;
  bool allocated_ = false;  // space was reserved past filesize_
};

class PosixRandomRWFile : public FSRandomRWFile {
 public:
  PosixRandomRWFile(std::string fname, int fd);
  ~PosixRandomRWFile() override;

  IOStatus Write(uint64_t offset, const Slice& data, const IOOptions& options,
                 IODebugContext* dbg) override;
  IOStatus Read(uint64_t offset, size_t n, const IOOptions& options,
                Slice* result, char* scratch,
                IODebugContext* dbg) const override;
  IOStatus Flush(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;

 private:
  const std::string fname_;
  int fd_;  // -1 once closed
};

class PosixDirectory : public FSDirectory {
 public:
  PosixDirectory(std::string name, int fd);
  ~PosixDirectory() override;

  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;

 private:
  const std::string name_;
  int fd_;  // -1 once closed
};

// A shared read-write mapping of a whole file.
class PosixMmapFileBuffer : public MemoryMappedFileBuffer {
 public:
  PosixMmapFileBuffer(void* base, size_t length)
      : MemoryMappedFileBuffer(base, length) {}
  ~PosixMmapFileBuffer() override;
};

}  // namespace ROCKSDB_NAMESPACE
