// Copyright (c) the rocksdb-cleanroom authors.
//
// PosixFileSystem. Error wording follows RocksDB's POSIX file system, since
// applications and tests match on it (e.g. "While open a file for random
// read: <path>: No such file or directory").

#include "env/posix_file_system.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "env/io_error.h"
#include "env/posix_file.h"

namespace ROCKSDB_NAMESPACE {

namespace {

int CloexecFlag(const EnvOptions& options) {
  return options.set_fd_cloexec ? O_CLOEXEC : 0;
}

// Opens `fname`, retrying on EINTR. Returns -1 with errno set on failure.
int OpenRetry(const std::string& fname, int flags, mode_t mode = 0644) {
  int fd;
  do {
    fd = ::open(fname.c_str(), flags, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

// The FileLock handed out by PosixFileSystem.
class PosixFileLock : public FileLock {
 public:
  PosixFileLock(int fd, std::string fname) : fd(fd), fname(std::move(fname)) {}
  const int fd;
  const std::string fname;
};

// Sets or clears an advisory write lock on the whole file without waiting.
int LockOrUnlock(int fd, bool lock) {
  struct flock f = {};
  f.l_type = lock ? F_WRLCK : F_UNLCK;
  f.l_whence = SEEK_SET;
  f.l_start = 0;
  f.l_len = 0;  // to end of file
  return ::fcntl(fd, F_SETLK, &f);
}

}  // namespace

IOStatus PosixFileSystem::NewSequentialFile(
    const std::string& fname, const FileOptions& options,
    std::unique_ptr<FSSequentialFile>* result, IODebugContext* /*dbg*/) {
  result->reset();
  int fd = OpenRetry(fname, O_RDONLY | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("While opening a file for sequentially reading",
                            fname, errno);
  }
  result->reset(new PosixSequentialFile(fname, fd));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NewRandomAccessFile(
    const std::string& fname, const FileOptions& options,
    std::unique_ptr<FSRandomAccessFile>* result, IODebugContext* /*dbg*/) {
  result->reset();
  int fd = OpenRetry(fname, O_RDONLY | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("While open a file for random read", fname, errno);
  }
  result->reset(new PosixRandomAccessFile(fname, fd));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NewWritableFile(
    const std::string& fname, const FileOptions& options,
    std::unique_ptr<FSWritableFile>* result, IODebugContext* /*dbg*/) {
  result->reset();
  int fd = OpenRetry(fname, O_CREAT | O_RDWR | O_TRUNC | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("While open a file for appending", fname, errno);
  }
  result->reset(new PosixWritableFile(fname, fd, options));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::ReopenWritableFile(
    const std::string& fname, const FileOptions& options,
    std::unique_ptr<FSWritableFile>* result, IODebugContext* /*dbg*/) {
  result->reset();
  int fd = OpenRetry(fname, O_CREAT | O_RDWR | O_APPEND | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("While open a file for appending", fname, errno);
  }
  result->reset(new PosixWritableFile(fname, fd, options));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::ReuseWritableFile(
    const std::string& fname, const std::string& old_fname,
    const FileOptions& options, std::unique_ptr<FSWritableFile>* result,
    IODebugContext* /*dbg*/) {
  result->reset();
  // Like RocksDB, a failed rename is not reported by itself: the open of
  // the new name below then fails with the error that matters.
  (void)::rename(old_fname.c_str(), fname.c_str());
  int fd = OpenRetry(fname, O_RDWR | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("while reopen file for write", fname, errno);
  }
  result->reset(new PosixWritableFile(fname, fd, options));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NewRandomRWFile(
    const std::string& fname, const FileOptions& options,
    std::unique_ptr<FSRandomRWFile>* result, IODebugContext* /*dbg*/) {
  result->reset();
  // The file must already exist (RocksDB's POSIX version does not create it).
  int fd = OpenRetry(fname, O_RDWR | CloexecFlag(options));
  if (fd < 0) {
    return IOErrorFromErrno("While open file for random read/write", fname,
                            errno);
  }
  result->reset(new PosixRandomRWFile(fname, fd));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NewMemoryMappedFileBuffer(
    const std::string& fname, std::unique_ptr<MemoryMappedFileBuffer>* result) {
  result->reset();
  int fd = OpenRetry(fname, O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    return IOErrorFromErrno("While open file for raw mmap buffer access", fname,
                            errno);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return IOErrorFromErrno("While fstat for raw mmap buffer access", fname,
                            err);
  }
  size_t size = static_cast<size_t>(st.st_size);
  void* base = nullptr;
  if (size > 0) {
    base = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return IOErrorFromErrno("MMap failed on", fname, err);
    }
  }
  ::close(fd);  // the mapping stays valid without the descriptor
  result->reset(new PosixMmapFileBuffer(base, size));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NewDirectory(const std::string& name,
                                       const IOOptions& /*options*/,
                                       std::unique_ptr<FSDirectory>* result,
                                       IODebugContext* /*dbg*/) {
  result->reset();
  int fd = OpenRetry(name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IOErrorFromErrno("While open directory", name, errno);
  }
  result->reset(new PosixDirectory(name, fd));
  return IOStatus::OK();
}

IOStatus PosixFileSystem::FileExists(const std::string& fname,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  if (::access(fname.c_str(), F_OK) == 0) return IOStatus::OK();
  int err = errno;
  switch (err) {
    case EACCES:
    case ELOOP:
    case ENAMETOOLONG:
    case ENOENT:
    case ENOTDIR:
      return IOStatus::NotFound();
    default:
      return IOStatus::IOError("Unexpected error(" + std::to_string(err) +
                               ") accessing file `" + fname + "' ");
  }
}

IOStatus PosixFileSystem::GetChildren(const std::string& dir,
                                      const IOOptions& /*options*/,
                                      std::vector<std::string>* result,
                                      IODebugContext* /*dbg*/) {
  result->clear();
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    int err = errno;
    if (err == EACCES || err == ENOENT || err == ENOTDIR) {
      return IOStatus::NotFound();
    }
    return IOErrorFromErrno("While opendir", dir, err);
  }
  while (struct dirent* entry = ::readdir(d)) {
    const char* name = entry->d_name;
    if (name[0] == '.' &&
        (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) {
      continue;
    }
    result->emplace_back(name);
  }
  ::closedir(d);
  return IOStatus::OK();
}

IOStatus PosixFileSystem::DeleteFile(const std::string& fname,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  if (::unlink(fname.c_str()) != 0) {
    return IOErrorFromErrno("while unlink() file", fname, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixFileSystem::CreateDir(const std::string& name,
                                    const IOOptions& /*options*/,
                                    IODebugContext* /*dbg*/) {
  if (::mkdir(name.c_str(), 0755) != 0) {
    return IOErrorFromErrno("While mkdir", name, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixFileSystem::CreateDirIfMissing(const std::string& name,
                                             const IOOptions& /*options*/,
                                             IODebugContext* /*dbg*/) {
  if (::mkdir(name.c_str(), 0755) == 0) return IOStatus::OK();
  int err = errno;
  if (err != EEXIST) {
    return IOErrorFromErrno("While mkdir if missing", name, err);
  }
  struct stat st;
  if (::stat(name.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return IOStatus::OK();
  }
  return IOStatus::IOError("`" + name + "' exists but is not a directory");
}

IOStatus PosixFileSystem::DeleteDir(const std::string& name,
                                    const IOOptions& /*options*/,
                                    IODebugContext* /*dbg*/) {
  if (::rmdir(name.c_str()) != 0) {
    return IOErrorFromErrno("file rmdir", name, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixFileSystem::GetFileSize(const std::string& fname,
                                      const IOOptions& /*options*/,
                                      uint64_t* size, IODebugContext* /*dbg*/) {
  struct stat st;
  if (::stat(fname.c_str(), &st) != 0) {
    *size = 0;
    return IOErrorFromErrno("while stat a file for size", fname, errno);
  }
  *size = static_cast<uint64_t>(st.st_size);
  return IOStatus::OK();
}

IOStatus PosixFileSystem::GetFileModificationTime(const std::string& fname,
                                                  const IOOptions& /*options*/,
                                                  uint64_t* file_mtime,
                                                  IODebugContext* /*dbg*/) {
  struct stat st;
  if (::stat(fname.c_str(), &st) != 0) {
    return IOErrorFromErrno("while stat a file for modification time", fname,
                            errno);
  }
  *file_mtime = static_cast<uint64_t>(st.st_mtime);
  return IOStatus::OK();
}

IOStatus PosixFileSystem::RenameFile(const std::string& src,
                                     const std::string& target,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  if (::rename(src.c_str(), target.c_str()) != 0) {
    return IOErrorFromErrno("While renaming a file to " + target, src, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixFileSystem::LinkFile(const std::string& src,
                                   const std::string& target,
                                   const IOOptions& /*options*/,
                                   IODebugContext* /*dbg*/) {
  if (::link(src.c_str(), target.c_str()) != 0) {
    if (errno == EXDEV || errno == ENOTSUP) {
      return IOStatus::NotSupported(errno == EXDEV
                                        ? "No cross FS links allowed"
                                        : "Links not supported by FS");
    }
    return IOErrorFromErrno("while link file to " + target, src, errno);
  }
  return IOStatus::OK();
}

IOStatus PosixFileSystem::NumFileLinks(const std::string& fname,
                                       const IOOptions& /*options*/,
                                       uint64_t* count,
                                       IODebugContext* /*dbg*/) {
  struct stat st;
  if (::stat(fname.c_str(), &st) != 0) {
    return IOErrorFromErrno("while stat a file for num file links", fname,
                            errno);
  }
  *count = static_cast<uint64_t>(st.st_nlink);
  return IOStatus::OK();
}

IOStatus PosixFileSystem::AreFilesSame(const std::string& first,
                                       const std::string& second,
                                       const IOOptions& /*options*/, bool* res,
                                       IODebugContext* /*dbg*/) {
  struct stat a, b;
  if (::stat(first.c_str(), &a) != 0) {
    return IOErrorFromErrno("stat file", first, errno);
  }
  if (::stat(second.c_str(), &b) != 0) {
    return IOErrorFromErrno("stat file", second, errno);
  }
  *res = a.st_dev == b.st_dev && a.st_ino == b.st_ino;
  return IOStatus::OK();
}

IOStatus PosixFileSystem::LockFile(const std::string& fname,
                                   const IOOptions& /*options*/,
                                   FileLock** lock, IODebugContext* /*dbg*/) {
  *lock = nullptr;
  port::MutexLock guard(&lock_mu_);
  auto held = locked_files_.find(fname);
  if (held != locked_files_.end()) {
    return IOErrorFromErrno("lock hold by current process, acquire time " +
                                std::to_string(held->second.acquire_time) +
                                " acquiring thread " +
                                std::to_string(held->second.thread_id),
                            fname, ENOLCK);
  }
  int fd = OpenRetry(fname, O_RDWR | O_CREAT | O_CLOEXEC);
  if (fd < 0) {
    return IOErrorFromErrno("while open a file for lock", fname, errno);
  }
  if (LockOrUnlock(fd, true) != 0) {
    int err = errno;
    ::close(fd);
    return IOErrorFromErrno("While lock file", fname, err);
  }
  LockHolder holder;
  holder.acquire_time = static_cast<int64_t>(::time(nullptr));
  holder.thread_id = static_cast<uint64_t>(::syscall(SYS_gettid));
  locked_files_[fname] = holder;
  *lock = new PosixFileLock(fd, fname);
  return IOStatus::OK();
}

IOStatus PosixFileSystem::UnlockFile(FileLock* lock,
                                     const IOOptions& /*options*/,
                                     IODebugContext* /*dbg*/) {
  auto* posix_lock = static_cast<PosixFileLock*>(lock);
  IOStatus s;
  {
    port::MutexLock guard(&lock_mu_);
    if (LockOrUnlock(posix_lock->fd, false) != 0) {
      s = IOErrorFromErrno("unlock", posix_lock->fname, errno);
    }
    locked_files_.erase(posix_lock->fname);
  }
  ::close(posix_lock->fd);
  delete posix_lock;
  return s;
}

IOStatus PosixFileSystem::GetTestDirectory(const IOOptions& options,
                                           std::string* path,
                                           IODebugContext* dbg) {
  const char* env_dir = ::getenv("TEST_TMPDIR");
  if (env_dir != nullptr && env_dir[0] != '\0') {
    *path = env_dir;
  } else {
    *path = "/tmp/rocksdbtest-" + std::to_string(::geteuid());
  }
  // The directory usually exists already; any real problem shows up when
  // the caller uses it.
  CreateDirIfMissing(*path, options, dbg).PermitUncheckedError();
  return IOStatus::OK();
}

IOStatus PosixFileSystem::GetAbsolutePath(const std::string& db_path,
                                          const IOOptions& /*options*/,
                                          std::string* output_path,
                                          IODebugContext* /*dbg*/) {
  if (!db_path.empty() && db_path[0] == '/') {
    *output_path = db_path;
    return IOStatus::OK();
  }
  // As in RocksDB, a relative path yields the working directory itself.
  char buf[4096];
  if (::getcwd(buf, sizeof(buf)) == nullptr) {
    return IOErrorFromErrno("While getcwd", db_path, errno);
  }
  *output_path = buf;
  return IOStatus::OK();
}

IOStatus PosixFileSystem::GetFreeSpace(const std::string& path,
                                       const IOOptions& /*options*/,
                                       uint64_t* diskfree,
                                       IODebugContext* /*dbg*/) {
  struct statvfs sbuf;
  if (::statvfs(path.c_str(), &sbuf) != 0) {
    return IOErrorFromErrno("While doing statvfs", path, errno);
  }
  // Free blocks, reserved ones included, as RocksDB reports.
  *diskfree = static_cast<uint64_t>(sbuf.f_bsize) * sbuf.f_bfree;
  return IOStatus::OK();
}

IOStatus PosixFileSystem::IsDirectory(const std::string& path,
                                      const IOOptions& /*options*/,
                                      bool* is_dir, IODebugContext* /*dbg*/) {
  int fd = OpenRetry(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return IOErrorFromErrno("While open for IsDirectory()", path, errno);
  }
  struct stat st;
  int rc = ::fstat(fd, &st);
  int err = errno;
  ::close(fd);
  if (rc != 0) {
    return IOErrorFromErrno("While doing stat for IsDirectory()", path, err);
  }
  if (is_dir != nullptr) *is_dir = S_ISDIR(st.st_mode);
  return IOStatus::OK();
}

}  // namespace ROCKSDB_NAMESPACE
