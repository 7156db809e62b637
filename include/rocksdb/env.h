// Copyright (c) the rocksdb-cleanroom authors.
//
// Env: the engine's door to the operating system (files, threads, time).
// File operations are served by a FileSystem and time by a SystemClock; an
// Env bundles them with background thread pools. Also declares the legacy
// file classes, the info Logger and the Log()/Info()/... helpers, and
// EnvWrapper plus file wrappers for partial overrides.
//
// Every Env must be safe to use from many threads at once. Overrides must
// never let a C++ exception escape into the engine.
#pragma once

#include <stdint.h>

#include <cstdarg>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/customizable.h"
#include "rocksdb/functor_wrapper.h"
#include "rocksdb/status.h"
#include "rocksdb/thread_status.h"

#ifdef _WIN32
#undef DeleteFile
#undef GetCurrentTime
#undef LoadLibrary
#endif

#if defined(__GNUC__) || defined(__clang__)
#define ROCKSDB_PRINTF_FORMAT_ATTR(format_param, dots_param) \
  __attribute__((__format__(__printf__, format_param, dots_param)))
#else
#define ROCKSDB_PRINTF_FORMAT_ATTR(format_param, dots_param)
#endif

namespace ROCKSDB_NAMESPACE {

class DynamicLibrary;
class FileLock;
class Logger;
class RandomAccessFile;
class SequentialFile;
class Slice;
struct DataVerificationInfo;
class WritableFile;
class RandomRWFile;
class MemoryMappedFileBuffer;
class Directory;
struct DBOptions;
struct ImmutableDBOptions;
struct MutableDBOptions;
class RateLimiter;
class ThreadStatusUpdater;
struct ThreadStatus;
class FileSystem;
class SystemClock;
struct ConfigOptions;

const size_t kDefaultPageSize = 4 * 1024;

// CPU scheduling priority that a thread pool may lower its threads to.
enum class CpuPriority {
  kIdle = 0,
  kLow = 1,
  kNormal = 2,
  kHigh = 3,
};

// How a file is to be opened for reading or writing.
struct EnvOptions {
  EnvOptions();
  // Copies the file-related fields of a DBOptions.
  explicit EnvOptions(const DBOptions& options);

  // Read through mmap.
  bool use_mmap_reads = false;
  // Write through mmap.
  bool use_mmap_writes = true;
  // Open with O_DIRECT for reads / writes.
  bool use_direct_reads = false;
  bool use_direct_writes = false;
  // When false, fallocate() is never called.
  bool allow_fallocate = true;
  // Mark opened descriptors close-on-exec.
  bool set_fd_cloexec = true;
  // Ask the OS to start write-back every this many written bytes; 0 = off.
  uint64_t bytes_per_sync = 0;
  // Bound the not-yet-written-back bytes of a file to bytes_per_sync by
  // waiting for earlier range syncs (adds no durability guarantee).
  bool strict_bytes_per_sync = false;
  // Preallocate with FALLOC_FL_KEEP_SIZE (file size unchanged).
  bool fallocate_with_keep_size = true;
  // Same meaning as the DBOptions fields of the same name.
  size_t compaction_readahead_size = 0;
  size_t random_access_max_buffer_size = 0;
  size_t writable_file_max_buffer_size = 1024 * 1024;
  // Rate limiter for flush/compaction writes; not owned; may be null.
  RateLimiter* rate_limiter = nullptr;
};

// The operating-system services used by the engine.
class Env : public Customizable {
 public:
  static const char* kDefaultName() { return "DefaultEnv"; }
  // One entry of GetChildrenFileAttributes().
  struct FileAttributes {
    std::string name;  // relative to the listed directory
    uint64_t size_bytes;
  };

  // Uses the default FileSystem and SystemClock.
  Env();
  // Uses `fs` for files (and the default clock, unless `clock` is given).
  explicit Env(const std::shared_ptr<FileSystem>& fs);
  Env(const std::shared_ptr<FileSystem>& fs,
      const std::shared_ptr<SystemClock>& clock);
  Env(const Env&) = delete;
  void operator=(const Env&) = delete;

  ~Env() override;

  static const char* Type() { return "Environment"; }

  // Subclasses should override; the base returns "".
  const char* Name() const override { return ""; }

  // Looks up an Env by name (prefer CreateFromString).
  static Status LoadEnv(const std::string& value, Env** result);
  static Status LoadEnv(const std::string& value, Env** result,
                        std::shared_ptr<Env>* guard);

  // Builds or finds the Env named by `value`. A non-static result is owned
  // by *guard (when given); *result stays valid while *guard lives.
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& value, Env** result);
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& value, Env** result,
                                 std::shared_ptr<Env>* guard);

  // Builds an Env from an Env uri or a FileSystem uri; giving both is an
  // error, giving neither yields Env::Default().
  static Status CreateFromUri(const ConfigOptions& options,
                              const std::string& env_uri,
                              const std::string& fs_uri, Env** result,
                              std::shared_ptr<Env>* guard);

  // The process-wide POSIX Env. Owned by the library; never delete it.
  static Env* Default();

  // Tell the Env which paths a DB uses (see FileSystem::RegisterDbPaths).
  virtual Status RegisterDbPaths(const std::vector<std::string>& /*paths*/) {
    return Status::OK();
  }
  virtual Status UnregisterDbPaths(const std::vector<std::string>& /*paths*/) {
    return Status::OK();
  }

  // Opens an existing file for sequential reads. On failure *result is
  // null. The file object is used by one thread at a time.
  virtual Status NewSequentialFile(const std::string& fname,
                                   std::unique_ptr<SequentialFile>* result,
                                   const EnvOptions& options) = 0;

  // Opens an existing file for positional reads; the object may be shared
  // by threads. On failure *result is null.
  virtual Status NewRandomAccessFile(const std::string& fname,
                                     std::unique_ptr<RandomAccessFile>* result,
                                     const EnvOptions& options) = 0;

  // Expected lifetime of written data; values equal Linux's RWH_WRITE_LIFE_*.
  enum WriteLifeTimeHint {
    WLTH_NOT_SET = 0,
    WLTH_NONE,
    WLTH_SHORT,
    WLTH_MEDIUM,
    WLTH_LONG,
    WLTH_EXTREME,
  };

  // Creates (or truncates) a file for appending. On failure *result is null.
  // The file object is used by one thread at a time.
  virtual Status NewWritableFile(const std::string& fname,
                                 std::unique_ptr<WritableFile>* result,
                                 const EnvOptions& options) = 0;

  // Opens a file for appending after its current content, creating it if
  // missing.
  virtual Status ReopenWritableFile(const std::string& /*fname*/,
                                    std::unique_ptr<WritableFile>* /*result*/,
                                    const EnvOptions& /*options*/) {
    return Status::NotSupported("Env::ReopenWritableFile() not supported.");
  }

  // Renames old_fname to fname, then opens fname as a new writable file.
  virtual Status ReuseWritableFile(const std::string& fname,
                                   const std::string& old_fname,
                                   std::unique_ptr<WritableFile>* result,
                                   const EnvOptions& options);

  // Opens (creating if missing) a file for positional reads and writes.
  virtual Status NewRandomRWFile(const std::string& /*fname*/,
                                 std::unique_ptr<RandomRWFile>* /*result*/,
                                 const EnvOptions& /*options*/) {
    return Status::NotSupported("RandomRWFile is not implemented in this Env");
  }

  // Maps an existing file read-write for in-place updates (no growth).
  virtual Status NewMemoryMappedFileBuffer(
      const std::string& /*fname*/,
      std::unique_ptr<MemoryMappedFileBuffer>* /*result*/) {
    return Status::NotSupported(
        "MemoryMappedFileBuffer is not implemented in this Env");
  }

  // Opens an existing directory (to fsync it). On failure *result is null.
  virtual Status NewDirectory(const std::string& name,
                              std::unique_ptr<Directory>* result) = 0;

  // OK if `fname` exists; NotFound if it does not or cannot be checked;
  // IOError on other I/O failures.
  virtual Status FileExists(const std::string& fname) = 0;

  // Replaces *result with the entry names of `dir`, excluding "." and "..".
  // NotFound if `dir` is missing or unreadable.
  virtual Status GetChildren(const std::string& dir,
                             std::vector<std::string>* result) = 0;

  // Like GetChildren, with sizes. Entries deleted while listing are skipped.
  virtual Status GetChildrenFileAttributes(const std::string& dir,
                                           std::vector<FileAttributes>* result);

  virtual Status DeleteFile(const std::string& fname) = 0;

  // Cuts or extends the named file to `size` bytes.
  virtual Status Truncate(const std::string& /*fname*/, size_t /*size*/) {
    return Status::NotSupported("Truncate is not supported for this Env");
  }

  // Fails if the directory already exists.
  virtual Status CreateDir(const std::string& dirname) = 0;
  // OK if the directory exists afterwards.
  virtual Status CreateDirIfMissing(const std::string& dirname) = 0;
  // Removes a directory, usually only an empty one.
  virtual Status DeleteDir(const std::string& dirname) = 0;

  virtual Status GetFileSize(const std::string& fname, uint64_t* file_size) = 0;
  // Last modification time, seconds since the epoch.
  virtual Status GetFileModificationTime(const std::string& fname,
                                         uint64_t* file_mtime) = 0;
  // Atomically replaces `target` with `src`.
  virtual Status RenameFile(const std::string& src,
                            const std::string& target) = 0;

  // Creates `target` as a hard link to `src`.
  virtual Status LinkFile(const std::string& /*src*/,
                          const std::string& /*target*/) {
    return Status::NotSupported("LinkFile is not supported for this Env");
  }

  virtual Status NumFileLinks(const std::string& /*fname*/,
                              uint64_t* /*count*/) {
    return Status::NotSupported(
        "Getting number of file links is not supported for this Env");
  }

  // *res = whether both names refer to the same file.
  virtual Status AreFilesSame(const std::string& /*first*/,
                              const std::string& /*second*/, bool* /*res*/) {
    return Status::NotSupported("AreFilesSame is not supported for this Env");
  }

  // Takes an exclusive lock on `fname` (creating it if needed) without
  // waiting: fails at once if any holder, in this process or another, has
  // it. On success *lock must later go to UnlockFile(); on failure it is
  // null. Locks die with the process.
  virtual Status LockFile(const std::string& fname, FileLock** lock) = 0;

  // REQUIRES: `lock` came from a successful LockFile() and is not yet
  // unlocked. Frees `lock`.
  virtual Status UnlockFile(FileLock* lock) = 0;

  // Loads a shared library, searching `search_path` (separator-delimited)
  // or the system default path when it is empty.
  virtual Status LoadLibrary(const std::string& /*lib_name*/,
                             const std::string& /*search_path */,
                             std::shared_ptr<DynamicLibrary>* /*result*/) {
    return Status::NotSupported("LoadLibrary is not implemented in this Env");
  }

  // Background thread pools.
  enum Priority { BOTTOM, LOW, HIGH, USER, TOTAL };

  static std::string PriorityToString(Priority priority);

  // Priorities of the rate limiter.
  enum IOPriority {
    IO_LOW = 0,
    IO_MID = 1,
    IO_HIGH = 2,
    IO_USER = 3,
    IO_TOTAL = 4
  };

  // Queues function(arg) to run once on a thread of pool `pri`. Jobs may run
  // concurrently and in any thread. `tag` groups jobs for UnSchedule(), which
  // calls unschedFunction(arg) for each job it removes.
  virtual void Schedule(void (*function)(void* arg), void* arg,
                        Priority pri = LOW, void* tag = nullptr,
                        void (*unschedFunction)(void* arg) = nullptr) = 0;

  // Removes the still-queued jobs of pool `pri` whose tag is `arg`; returns
  // how many were removed. The caller must own `arg` exclusively.
  virtual int UnSchedule(void* /*arg*/, Priority /*pri*/) { return 0; }

  // Runs function(arg) on a new thread that ends when it returns.
  virtual void StartThread(void (*function)(void* arg), void* arg) = 0;

  // StartThread() for any callable and arguments.
  template <typename FunctionT, typename... Args>
  void StartThreadTyped(FunctionT function, Args&&... args) {
    using Wrapped = FunctorWrapper<Args...>;
    auto* call = new Wrapped(std::function<void(Args...)>(function),
                             std::forward<Args>(args)...);
    StartThread(
        [](void* p) {
          std::unique_ptr<Wrapped> owned(static_cast<Wrapped*>(p));
          owned->invoke();
        },
        call);
  }

  // Blocks until every StartThread() thread has finished.
  virtual void WaitForJoin() {}

  // Reserves / releases idle threads of a pool; return how many were.
  virtual int ReserveThreads(int /*threads_to_be_reserved*/, Priority /*pri*/) {
    return 0;
  }
  virtual int ReleaseThreads(int /*threads_to_be_released*/, Priority /*pri*/) {
    return 0;
  }

  // Number of jobs waiting in the pool's queue.
  virtual unsigned int GetThreadPoolQueueLen(Priority /*pri*/ = LOW) const {
    return 0;
  }

  // A scratch directory for tests; stable across calls within a process.
  virtual Status GetTestDirectory(std::string* path) = 0;

  // Creates the default file logger writing to `fname`.
  virtual Status NewLogger(const std::string& fname,
                           std::shared_ptr<Logger>* result);

  // Wall-clock microseconds since the epoch.
  virtual uint64_t NowMicros() = 0;
  // Monotonic nanoseconds; only differences are meaningful.
  virtual uint64_t NowNanos() { return NowMicros() * 1000; }
  // CPU nanoseconds of the calling thread; 0 if unsupported.
  virtual uint64_t NowCPUNanos() { return 0; }

  virtual void SleepForMicroseconds(int micros) = 0;

  // Writes the host name into name[0..len), NUL-terminated; truncates (and
  // may fail) when it does not fit.
  virtual Status GetHostName(char* name, uint64_t len) = 0;
  // The host name as a string (possibly truncated).
  virtual Status GetHostNameString(std::string* result);

  // Seconds since the epoch (UTC); *unix_time is untouched on failure.
  virtual Status GetCurrentTime(int64_t* unix_time) = 0;

  // Makes `db_path` absolute.
  virtual Status GetAbsolutePath(const std::string& db_path,
                                 std::string* output_path) = 0;

  // Size of a background pool (LOW by default; each pool starts with 1).
  virtual void SetBackgroundThreads(int number, Priority pri = LOW) = 0;
  virtual int GetBackgroundThreads(Priority pri = LOW) = 0;

  virtual Status SetAllowNonOwnerAccess(bool /*allow_non_owner_access*/) {
    return Status::NotSupported("Env::SetAllowNonOwnerAccess() not supported.");
  }

  // Grows pool `pri` to at least `number` threads.
  virtual void IncBackgroundThreadsIfNeeded(int number, Priority pri) = 0;

  // Lowers the I/O or CPU priority of a pool's threads.
  virtual void LowerThreadPoolIOPriority(Priority /*pool*/ = LOW) {}
  virtual Status LowerThreadPoolCPUPriority(Priority /*pool*/,
                                            CpuPriority /*pri*/) {
    return Status::NotSupported(
        "Env::LowerThreadPoolCPUPriority(Priority, CpuPriority) not supported");
  }
  virtual void LowerThreadPoolCPUPriority(Priority /*pool*/ = LOW) {}

  // Formats seconds-since-epoch for humans.
  virtual std::string TimeToString(uint64_t time) = 0;

  // A fresh random RFC-4122 UUID string (not for cryptographic use).
  virtual std::string GenerateUniqueId();

  // Return copies of `env_options` tuned for a kind of file access.
  virtual EnvOptions OptimizeForLogRead(const EnvOptions& env_options) const;
  virtual EnvOptions OptimizeForManifestRead(
      const EnvOptions& env_options) const;
  virtual EnvOptions OptimizeForLogWrite(const EnvOptions& env_options,
                                         const DBOptions& db_options) const;
  virtual EnvOptions OptimizeForManifestWrite(
      const EnvOptions& env_options) const;
  virtual EnvOptions OptimizeForCompactionTableWrite(
      const EnvOptions& env_options,
      const ImmutableDBOptions& immutable_ops) const;
  virtual EnvOptions OptimizeForCompactionTableRead(
      const EnvOptions& env_options,
      const ImmutableDBOptions& db_options) const;
  virtual EnvOptions OptimizeForBlobFileRead(
      const EnvOptions& env_options,
      const ImmutableDBOptions& db_options) const;

  // Status of the threads belonging to this Env.
  virtual Status GetThreadList(std::vector<ThreadStatus>* /*thread_list*/) {
    return Status::NotSupported("Env::GetThreadList() not supported.");
  }

  // Internal hook used to publish thread status; may be null.
  virtual ThreadStatusUpdater* GetThreadStatusUpdater() const {
    return thread_status_updater_;
  }

  // An id of the calling thread.
  virtual uint64_t GetThreadID() const;

#undef GetFreeSpace

  // Free bytes available on the file system holding `path`.
  virtual Status GetFreeSpace(const std::string& /*path*/,
                              uint64_t* /*diskfree*/) {
    return Status::NotSupported("Env::GetFreeSpace() not supported.");
  }

  virtual Status IsDirectory(const std::string& /*path*/, bool* /*is_dir*/) {
    return Status::NotSupported("Env::IsDirectory() not supported.");
  }

  // Adjusts options this Env cannot honour.
  virtual void SanitizeEnvOptions(EnvOptions* /*env_opts*/) const {}

  // The FileSystem / SystemClock this Env was built with (never null).
  const std::shared_ptr<FileSystem>& GetFileSystem() const;
  const std::shared_ptr<SystemClock>& GetSystemClock() const;

 protected:
  // Publishes per-thread status; may be null.
  ThreadStatusUpdater* thread_status_updater_;
  std::shared_ptr<FileSystem> file_system_;
  std::shared_ptr<SystemClock> system_clock_;

 private:
  static const size_t kMaxHostNameLen = 256;
};

// Creates the internal thread-status publisher an Env may install.
ThreadStatusUpdater* CreateThreadStatusUpdater();

// Sequential reads of a file. Not thread-safe.
class SequentialFile {
 public:
  SequentialFile() {}
  virtual ~SequentialFile();

  // Reads up to n bytes. *result may point into scratch[0..n), which must
  // then outlive it. A short result means end of file.
  virtual Status Read(size_t n, Slice* result, char* scratch) = 0;

  // Moves forward n bytes, stopping (with OK) at end of file.
  virtual Status Skip(uint64_t n) = 0;

  virtual bool use_direct_io() const { return false; }
  // Alignment required of buffers, offsets and sizes under direct I/O.
  virtual size_t GetRequiredBufferAlignment() const { return kDefaultPageSize; }

  // Drops cached pages of [offset, offset+length); length 0 means to EOF.
  virtual Status InvalidateCache(size_t /*offset*/, size_t /*length*/) {
    return Status::NotSupported(
        "SequentialFile::InvalidateCache not supported.");
  }

  // Read at an explicit offset (used with direct I/O; aligned arguments).
  virtual Status PositionedRead(uint64_t /*offset*/, size_t /*n*/,
                                Slice* /*result*/, char* /*scratch*/) {
    return Status::NotSupported(
        "SequentialFile::PositionedRead() not supported.");
  }
};

// One request of RandomAccessFile::MultiRead().
struct ReadRequest {
  uint64_t offset;
  // Bytes wanted; fewer come back only at end of file or on error.
  size_t len;
  // Buffer of at least len bytes the read may use.
  char* scratch;
  // Out: the bytes read.
  Slice result;
  // Out: the outcome of this request.
  Status status;
};

// Positional reads of a file. Thread-safe.
class RandomAccessFile {
 public:
  RandomAccessFile() {}
  virtual ~RandomAccessFile();

  // Reads up to n bytes at `offset`. *result may point into scratch[0..n).
  // A short result means end of file.
  virtual Status Read(uint64_t offset, size_t n, Slice* result,
                      char* scratch) const = 0;

  // Hints that [offset, offset+n) will be read soon.
  virtual Status Prefetch(uint64_t /*offset*/, size_t /*n*/) {
    return Status::OK();
  }

  // Performs num_reqs non-overlapping reads, filling each request's result
  // and status. A non-OK return applies to every request.
  virtual Status MultiRead(ReadRequest* reqs, size_t num_reqs);

  // Writes a stable per-file id of at most max_size bytes into `id` and
  // returns its length, or returns 0 when none is available. No id is a
  // prefix of another.
  virtual size_t GetUniqueId(char* /*id*/, size_t /*max_size*/) const {
    return 0;
  }

  enum AccessPattern { NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTNEED };

  virtual void Hint(AccessPattern /*pattern*/) {}

  virtual bool use_direct_io() const { return false; }
  virtual size_t GetRequiredBufferAlignment() const { return kDefaultPageSize; }

  // Drops cached pages of [offset, offset+length); length 0 means to EOF.
  virtual Status InvalidateCache(size_t /*offset*/, size_t /*length*/) {
    return Status::NotSupported(
        "RandomAccessFile::InvalidateCache not supported.");
  }
};

// Appends to a file. Implementations buffer small appends. Not thread-safe.
class WritableFile {
 public:
  WritableFile()
      : last_preallocated_block_(0),
        preallocation_block_size_(0),
        io_priority_(Env::IO_TOTAL),
        write_hint_(Env::WLTH_NOT_SET),
        strict_bytes_per_sync_(false) {}

  explicit WritableFile(const EnvOptions& options)
      : last_preallocated_block_(0),
        preallocation_block_size_(0),
        io_priority_(Env::IO_TOTAL),
        write_hint_(Env::WLTH_NOT_SET),
        strict_bytes_per_sync_(options.strict_bytes_per_sync) {}
  WritableFile(const WritableFile&) = delete;
  void operator=(const WritableFile&) = delete;

  virtual ~WritableFile();

  // Appends at the end. A file uses either Append or PositionedAppend,
  // never both.
  virtual Status Append(const Slice& data) = 0;

  // Append with a checksum the implementation may verify (or ignore).
  virtual Status Append(const Slice& data,
                        const DataVerificationInfo& /* verification_info */) {
    return Append(data);
  }

  // Writes `data` at `offset`, which must be at or before the current end
  // and sector aligned (for unbuffered writes); the data must be aligned to
  // GetRequiredBufferAlignment().
  virtual Status PositionedAppend(const Slice& /* data */,
                                  uint64_t /* offset */) {
    return Status::NotSupported(
        "WritableFile::PositionedAppend() not supported.");
  }
  virtual Status PositionedAppend(
      const Slice& /* data */, uint64_t /* offset */,
      const DataVerificationInfo& /* verification_info */) {
    return Status::NotSupported("PositionedAppend");
  }

  // Sets the file length, e.g. to trim padding before Close(). No writes may
  // follow.
  virtual Status Truncate(uint64_t /*size*/) { return Status::OK(); }
  virtual Status Close() = 0;
  // Hands buffered data to the OS.
  virtual Status Flush() = 0;
  // Makes written data durable.
  virtual Status Sync() = 0;
  // Makes data and metadata durable.
  virtual Status Fsync() { return Sync(); }

  // Whether Sync()/Fsync() may run concurrently with Append()/Flush().
  virtual bool IsSyncThreadSafe() const { return false; }

  virtual bool use_direct_io() const { return false; }
  virtual size_t GetRequiredBufferAlignment() const { return kDefaultPageSize; }

  // Rate-limiter priority for this file's writes (IO_TOTAL: unset).
  virtual void SetIOPriority(Env::IOPriority pri) { io_priority_ = pri; }
  virtual Env::IOPriority GetIOPriority() { return io_priority_; }

  virtual void SetWriteLifeTimeHint(Env::WriteLifeTimeHint hint) {
    write_hint_ = hint;
  }
  virtual Env::WriteLifeTimeHint GetWriteLifeTimeHint() { return write_hint_; }

  // Bytes written so far (0 if unknown).
  virtual uint64_t GetFileSize() { return 0; }

  // Block size used by PrepareWrite() to preallocate ahead; 0 disables.
  virtual void SetPreallocationBlockSize(size_t size) {
    preallocation_block_size_ = size;
  }
  virtual void GetPreallocationStatus(size_t* block_size,
                                      size_t* last_allocated_block) {
    *last_allocated_block = last_preallocated_block_;
    *block_size = preallocation_block_size_;
  }

  // See RandomAccessFile::GetUniqueId().
  virtual size_t GetUniqueId(char* /*id*/, size_t /*max_size*/) const {
    return 0;
  }

  // Drops clean cached pages of [offset, offset+length); 0 means to EOF.
  virtual Status InvalidateCache(size_t /*offset*/, size_t /*length*/) {
    return Status::NotSupported("WritableFile::InvalidateCache not supported.");
  }

  // Starts write-back of [offset, offset+nbytes) without waiting. The base
  // version calls Sync() when strict_bytes_per_sync is set, else does
  // nothing.
  virtual Status RangeSync(uint64_t /*offset*/, uint64_t /*nbytes*/) {
    if (strict_bytes_per_sync_) {
      return Sync();
    }
    return Status::OK();
  }

  // Called before writing [offset, offset+len): preallocates whole blocks
  // of the preallocation block size up to the end of the write.
  virtual void PrepareWrite(size_t offset, size_t len);

  // Reserves disk space for [offset, offset+len).
  virtual Status Allocate(uint64_t /*offset*/, uint64_t /*len*/) {
    return Status::OK();
  }

 protected:
  size_t preallocation_block_size() { return preallocation_block_size_; }

 private:
  size_t last_preallocated_block_;
  size_t preallocation_block_size_;

 protected:
  Env::IOPriority io_priority_;
  Env::WriteLifeTimeHint write_hint_;
  const bool strict_bytes_per_sync_;
};

// Positional reads and writes of one file. Not thread-safe.
class RandomRWFile {
 public:
  RandomRWFile() {}
  RandomRWFile(const RandomRWFile&) = delete;
  RandomRWFile& operator=(const RandomRWFile&) = delete;

  virtual ~RandomRWFile() {}

  virtual bool use_direct_io() const { return false; }
  virtual size_t GetRequiredBufferAlignment() const { return kDefaultPageSize; }

  // Writes `data` at `offset` (aligned buffer under direct I/O).
  virtual Status Write(uint64_t offset, const Slice& data) = 0;

  // Reads up to n bytes at `offset` into scratch; short only at EOF.
  virtual Status Read(uint64_t offset, size_t n, Slice* result,
                      char* scratch) const = 0;

  virtual Status Flush() = 0;
  virtual Status Sync() = 0;
  virtual Status Fsync() { return Sync(); }
  virtual Status Close() = 0;
};

// A whole file mapped into memory; the subclass unmaps it on destruction.
class MemoryMappedFileBuffer {
 public:
  MemoryMappedFileBuffer(void* _base, size_t _length)
      : base_(_base), length_(_length) {}

  virtual ~MemoryMappedFileBuffer() = 0;

  MemoryMappedFileBuffer(const MemoryMappedFileBuffer&) = delete;
  MemoryMappedFileBuffer& operator=(const MemoryMappedFileBuffer&) = delete;

  void* GetBase() const { return base_; }
  size_t GetLen() const { return length_; }

 protected:
  void* base_;
  const size_t length_;
};

// An open directory, used to make changes to its entries durable.
class Directory {
 public:
  virtual ~Directory() {}
  // Thread-safe.
  virtual Status Fsync() = 0;
  virtual Status Close() { return Status::NotSupported("Close"); }
  virtual size_t GetUniqueId(char* /*id*/, size_t /*max_size*/) const {
    return 0;
  }
};

// Severity of an info-log message.
enum InfoLogLevel : unsigned char {
  DEBUG_LEVEL = 0,
  INFO_LEVEL,
  WARN_LEVEL,
  ERROR_LEVEL,
  FATAL_LEVEL,
  HEADER_LEVEL,
  NUM_INFO_LOG_LEVELS,
};

// Destination of human-readable log messages. Overrides must not throw.
class Logger {
 public:
  size_t kDoNotSupportGetLogFileSize = (std::numeric_limits<size_t>::max)();

  explicit Logger(const InfoLogLevel log_level = InfoLogLevel::INFO_LEVEL)
      : closed_(false), log_level_(log_level) {}
  Logger(const Logger&) = delete;
  void operator=(const Logger&) = delete;

  virtual ~Logger();

  // Closes the log (once; later calls return OK). NotSupported means the
  // implementation cleans up in its destructor instead.
  virtual Status Close();

  // Writes a header line; the base logs it at INFO level.
  virtual void LogHeader(const char* format, va_list ap) {
    Logv(InfoLogLevel::INFO_LEVEL, format, ap);
  }

  // Level-less write; only needed by loggers whose leveled Logv() calls it.
  // The base ignores the message.
  virtual void Logv(const char* /* format */, va_list /* ap */) {}

  // Writes a message unless `log_level` is below GetInfoLogLevel(). The
  // base forwards to the level-less Logv(), prefixing WARN and above with
  // the level name; HEADER_LEVEL goes to LogHeader().
  virtual void Logv(const InfoLogLevel log_level, const char* format,
                    va_list ap);

  virtual size_t GetLogFileSize() const { return kDoNotSupportGetLogFileSize; }
  // Pushes buffered messages to the OS.
  virtual void Flush() {}
  virtual InfoLogLevel GetInfoLogLevel() const { return log_level_; }
  virtual void SetInfoLogLevel(const InfoLogLevel log_level) {
    log_level_ = log_level;
  }

 protected:
  // The actual closing work of Close(); base returns NotSupported.
  virtual Status CloseImpl();
  bool closed_;

 private:
  InfoLogLevel log_level_;
};

// A lock obtained from LockFile(); freed by UnlockFile().
class FileLock {
 public:
  FileLock() {}
  virtual ~FileLock();

 private:
  FileLock(const FileLock&) = delete;
  void operator=(const FileLock&) = delete;
};

// A loaded shared library.
class DynamicLibrary {
 public:
  virtual ~DynamicLibrary() {}

  virtual const char* Name() const = 0;

  // Resolves `sym_name` and stores it in *function as a T*.
  template <typename T>
  Status LoadFunction(const std::string& sym_name, std::function<T>* function) {
    void* symbol = nullptr;
    Status s = LoadSymbol(sym_name, &symbol);
    *function = reinterpret_cast<T*>(symbol);
    return s;
  }
  // Resolves `sym_name` into *func.
  virtual Status LoadSymbol(const std::string& sym_name, void** func) = 0;
};

// Logging helpers; all do nothing when the logger is null.
extern void LogFlush(const std::shared_ptr<Logger>& info_log);

extern void Log(const InfoLogLevel log_level,
                const std::shared_ptr<Logger>& info_log, const char* format,
                ...) ROCKSDB_PRINTF_FORMAT_ATTR(3, 4);

extern void Header(const std::shared_ptr<Logger>& info_log, const char* format,
                   ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Debug(const std::shared_ptr<Logger>& info_log, const char* format,
                  ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Info(const std::shared_ptr<Logger>& info_log, const char* format,
                 ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Warn(const std::shared_ptr<Logger>& info_log, const char* format,
                 ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Error(const std::shared_ptr<Logger>& info_log, const char* format,
                  ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Fatal(const std::shared_ptr<Logger>& info_log, const char* format,
                  ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);

// Logs at INFO level.
extern void Log(const std::shared_ptr<Logger>& info_log, const char* format,
                ...) ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);

extern void LogFlush(Logger* info_log);

extern void Log(const InfoLogLevel log_level, Logger* info_log,
                const char* format, ...) ROCKSDB_PRINTF_FORMAT_ATTR(3, 4);

// Logs at INFO level.
extern void Log(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);

extern void Header(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Debug(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Info(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Warn(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Error(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);
extern void Fatal(Logger* info_log, const char* format, ...)
    ROCKSDB_PRINTF_FORMAT_ATTR(2, 3);

// Replaces the named file with `data`, syncing it when asked.
extern Status WriteStringToFile(Env* env, const Slice& data,
                                const std::string& fname,
                                bool should_sync = false);

// Reads the whole named file into *data.
extern Status ReadFileToString(Env* env, const std::string& fname,
                               std::string* data);

// Wrappers: each forwards every call to a target object, so a subclass
// overrides only what it wants to change.

// An Env that forwards every call to a target Env.
class EnvWrapper : public Env {
 public:
  // The wrapped Env, either borrowed (env only) or owned (guard set, and
  // env == guard.get()).
  struct Target {
    Env* env;
    std::shared_ptr<Env> guard;

    // Borrows `t`.
    explicit Target(Env* t) : env(t) {}
    // Takes ownership of `t`.
    explicit Target(std::unique_ptr<Env>&& t) : guard(t.release()) {
      env = guard.get();
    }
    // Shares ownership of `t`.
    explicit Target(const std::shared_ptr<Env>& t) : guard(t) {
      env = guard.get();
    }

    // Points env at the guard, or at Env::Default() when nothing was given.
    void Prepare() {
      if (guard.get() != nullptr) {
        env = guard.get();
      } else if (env == nullptr) {
        env = Env::Default();
      }
    }
  };

  explicit EnvWrapper(Env* t);
  explicit EnvWrapper(std::unique_ptr<Env>&& t);
  explicit EnvWrapper(const std::shared_ptr<Env>& t);
  ~EnvWrapper() override;

  Env* target() const { return target_.env; }

  const char* Name() const override { return target_.env->Name(); }

  Status RegisterDbPaths(const std::vector<std::string>& paths) override {
    return target_.env->RegisterDbPaths(paths);
  }
  Status UnregisterDbPaths(const std::vector<std::string>& paths) override {
    return target_.env->UnregisterDbPaths(paths);
  }
  Status NewSequentialFile(const std::string& f,
                           std::unique_ptr<SequentialFile>* r,
                           const EnvOptions& options) override {
    return target_.env->NewSequentialFile(f, r, options);
  }
  Status NewRandomAccessFile(const std::string& f,
                             std::unique_ptr<RandomAccessFile>* r,
                             const EnvOptions& options) override {
    return target_.env->NewRandomAccessFile(f, r, options);
  }
  Status NewWritableFile(const std::string& f, std::unique_ptr<WritableFile>* r,
                         const EnvOptions& options) override {
    return target_.env->NewWritableFile(f, r, options);
  }
  Status ReopenWritableFile(const std::string& fname,
                            std::unique_ptr<WritableFile>* result,
                            const EnvOptions& options) override {
    return target_.env->ReopenWritableFile(fname, result, options);
  }
  Status ReuseWritableFile(const std::string& fname,
                           const std::string& old_fname,
                           std::unique_ptr<WritableFile>* r,
                           const EnvOptions& options) override {
    return target_.env->ReuseWritableFile(fname, old_fname, r, options);
  }
  Status NewRandomRWFile(const std::string& fname,
                         std::unique_ptr<RandomRWFile>* result,
                         const EnvOptions& options) override {
    return target_.env->NewRandomRWFile(fname, result, options);
  }
  Status NewMemoryMappedFileBuffer(
      const std::string& fname,
      std::unique_ptr<MemoryMappedFileBuffer>* result) override {
    return target_.env->NewMemoryMappedFileBuffer(fname, result);
  }
  Status NewDirectory(const std::string& name,
                      std::unique_ptr<Directory>* result) override {
    return target_.env->NewDirectory(name, result);
  }
  Status FileExists(const std::string& f) override {
    return target_.env->FileExists(f);
  }
  Status GetChildren(const std::string& dir,
                     std::vector<std::string>* r) override {
    return target_.env->GetChildren(dir, r);
  }
  Status GetChildrenFileAttributes(
      const std::string& dir, std::vector<FileAttributes>* result) override {
    return target_.env->GetChildrenFileAttributes(dir, result);
  }
  Status DeleteFile(const std::string& f) override {
    return target_.env->DeleteFile(f);
  }
  Status Truncate(const std::string& fname, size_t size) override {
    return target_.env->Truncate(fname, size);
  }
  Status CreateDir(const std::string& d) override {
    return target_.env->CreateDir(d);
  }
  Status CreateDirIfMissing(const std::string& d) override {
    return target_.env->CreateDirIfMissing(d);
  }
  Status DeleteDir(const std::string& d) override {
    return target_.env->DeleteDir(d);
  }
  Status GetFileSize(const std::string& f, uint64_t* s) override {
    return target_.env->GetFileSize(f, s);
  }
  Status GetFileModificationTime(const std::string& fname,
                                 uint64_t* file_mtime) override {
    return target_.env->GetFileModificationTime(fname, file_mtime);
  }
  Status RenameFile(const std::string& s, const std::string& t) override {
    return target_.env->RenameFile(s, t);
  }
  Status LinkFile(const std::string& s, const std::string& t) override {
    return target_.env->LinkFile(s, t);
  }
  Status NumFileLinks(const std::string& fname, uint64_t* count) override {
    return target_.env->NumFileLinks(fname, count);
  }
  Status AreFilesSame(const std::string& first, const std::string& second,
                      bool* res) override {
    return target_.env->AreFilesSame(first, second, res);
  }
  Status LockFile(const std::string& f, FileLock** l) override {
    return target_.env->LockFile(f, l);
  }
  Status UnlockFile(FileLock* l) override { return target_.env->UnlockFile(l); }
  Status IsDirectory(const std::string& path, bool* is_dir) override {
    return target_.env->IsDirectory(path, is_dir);
  }
  Status LoadLibrary(const std::string& lib_name,
                     const std::string& search_path,
                     std::shared_ptr<DynamicLibrary>* result) override {
    return target_.env->LoadLibrary(lib_name, search_path, result);
  }
  void Schedule(void (*f)(void* arg), void* a, Priority pri,
                void* tag = nullptr, void (*u)(void* arg) = nullptr) override {
    return target_.env->Schedule(f, a, pri, tag, u);
  }
  int UnSchedule(void* tag, Priority pri) override {
    return target_.env->UnSchedule(tag, pri);
  }
  void StartThread(void (*f)(void*), void* a) override {
    return target_.env->StartThread(f, a);
  }
  void WaitForJoin() override { return target_.env->WaitForJoin(); }
  unsigned int GetThreadPoolQueueLen(Priority pri = LOW) const override {
    return target_.env->GetThreadPoolQueueLen(pri);
  }
  int ReserveThreads(int threads_to_be_reserved, Priority pri) override {
    return target_.env->ReserveThreads(threads_to_be_reserved, pri);
  }
  int ReleaseThreads(int threads_to_be_released, Priority pri) override {
    return target_.env->ReleaseThreads(threads_to_be_released, pri);
  }
  Status GetTestDirectory(std::string* path) override {
    return target_.env->GetTestDirectory(path);
  }
  Status NewLogger(const std::string& fname,
                   std::shared_ptr<Logger>* result) override {
    return target_.env->NewLogger(fname, result);
  }
  uint64_t NowMicros() override { return target_.env->NowMicros(); }
  uint64_t NowNanos() override { return target_.env->NowNanos(); }
  uint64_t NowCPUNanos() override { return target_.env->NowCPUNanos(); }
  void SleepForMicroseconds(int micros) override {
    target_.env->SleepForMicroseconds(micros);
  }
  Status GetHostName(char* name, uint64_t len) override {
    return target_.env->GetHostName(name, len);
  }
  Status GetCurrentTime(int64_t* unix_time) override {
    return target_.env->GetCurrentTime(unix_time);
  }
  Status GetAbsolutePath(const std::string& db_path,
                         std::string* output_path) override {
    return target_.env->GetAbsolutePath(db_path, output_path);
  }
  void SetBackgroundThreads(int num, Priority pri) override {
    return target_.env->SetBackgroundThreads(num, pri);
  }
  int GetBackgroundThreads(Priority pri) override {
    return target_.env->GetBackgroundThreads(pri);
  }
  Status SetAllowNonOwnerAccess(bool allow_non_owner_access) override {
    return target_.env->SetAllowNonOwnerAccess(allow_non_owner_access);
  }
  void IncBackgroundThreadsIfNeeded(int num, Priority pri) override {
    return target_.env->IncBackgroundThreadsIfNeeded(num, pri);
  }
  void LowerThreadPoolIOPriority(Priority pool) override {
    target_.env->LowerThreadPoolIOPriority(pool);
  }
  void LowerThreadPoolCPUPriority(Priority pool) override {
    target_.env->LowerThreadPoolCPUPriority(pool);
  }
  Status LowerThreadPoolCPUPriority(Priority pool, CpuPriority pri) override {
    return target_.env->LowerThreadPoolCPUPriority(pool, pri);
  }
  std::string TimeToString(uint64_t time) override {
    return target_.env->TimeToString(time);
  }
  Status GetThreadList(std::vector<ThreadStatus>* thread_list) override {
    return target_.env->GetThreadList(thread_list);
  }
  ThreadStatusUpdater* GetThreadStatusUpdater() const override {
    return target_.env->GetThreadStatusUpdater();
  }
  uint64_t GetThreadID() const override { return target_.env->GetThreadID(); }
  std::string GenerateUniqueId() override {
    return target_.env->GenerateUniqueId();
  }
  EnvOptions OptimizeForLogRead(const EnvOptions& env_options) const override {
    return target_.env->OptimizeForLogRead(env_options);
  }
  EnvOptions OptimizeForManifestRead(
      const EnvOptions& env_options) const override {
    return target_.env->OptimizeForManifestRead(env_options);
  }
  EnvOptions OptimizeForLogWrite(const EnvOptions& env_options,
                                 const DBOptions& db_options) const override {
    return target_.env->OptimizeForLogWrite(env_options, db_options);
  }
  EnvOptions OptimizeForManifestWrite(
      const EnvOptions& env_options) const override {
    return target_.env->OptimizeForManifestWrite(env_options);
  }
  EnvOptions OptimizeForCompactionTableWrite(
      const EnvOptions& env_options,
      const ImmutableDBOptions& immutable_ops) const override {
    return target_.env->OptimizeForCompactionTableWrite(env_options,
                                                        immutable_ops);
  }
  EnvOptions OptimizeForCompactionTableRead(
      const EnvOptions& env_options,
      const ImmutableDBOptions& db_options) const override {
    return target_.env->OptimizeForCompactionTableRead(env_options, db_options);
  }
  EnvOptions OptimizeForBlobFileRead(
      const EnvOptions& env_options,
      const ImmutableDBOptions& db_options) const override {
    return target_.env->OptimizeForBlobFileRead(env_options, db_options);
  }
  Status GetFreeSpace(const std::string& path, uint64_t* diskfree) override {
    return target_.env->GetFreeSpace(path, diskfree);
  }
  void SanitizeEnvOptions(EnvOptions* env_opts) const override {
    target_.env->SanitizeEnvOptions(env_opts);
  }
  Status PrepareOptions(const ConfigOptions& options) override;
#ifndef ROCKSDB_LITE
  std::string SerializeOptions(const ConfigOptions& config_options,
                               const std::string& header) const override;
#endif  // ROCKSDB_LITE

 private:
  Target target_;
};

// Forwards to a borrowed SequentialFile.
class SequentialFileWrapper : public SequentialFile {
 public:
  explicit SequentialFileWrapper(SequentialFile* target) : target_(target) {}

  Status Read(size_t n, Slice* result, char* scratch) override {
    return target_->Read(n, result, scratch);
  }
  Status Skip(uint64_t n) override { return target_->Skip(n); }
  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  Status InvalidateCache(size_t offset, size_t length) override {
    return target_->InvalidateCache(offset, length);
  }
  Status PositionedRead(uint64_t offset, size_t n, Slice* result,
                        char* scratch) override {
    return target_->PositionedRead(offset, n, result, scratch);
  }

 private:
  SequentialFile* target_;
};

// Forwards to a borrowed RandomAccessFile.
class RandomAccessFileWrapper : public RandomAccessFile {
 public:
  explicit RandomAccessFileWrapper(RandomAccessFile* target)
      : target_(target) {}

  Status Read(uint64_t offset, size_t n, Slice* result,
              char* scratch) const override {
    return target_->Read(offset, n, result, scratch);
  }
  Status MultiRead(ReadRequest* reqs, size_t num_reqs) override {
    return target_->MultiRead(reqs, num_reqs);
  }
  Status Prefetch(uint64_t offset, size_t n) override {
    return target_->Prefetch(offset, n);
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return target_->GetUniqueId(id, max_size);
  }
  void Hint(AccessPattern pattern) override { target_->Hint(pattern); }
  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  Status InvalidateCache(size_t offset, size_t length) override {
    return target_->InvalidateCache(offset, length);
  }

 private:
  RandomAccessFile* target_;
};

// Forwards to a borrowed WritableFile.
class WritableFileWrapper : public WritableFile {
 public:
  explicit WritableFileWrapper(WritableFile* t) : target_(t) {}

  Status Append(const Slice& data) override { return target_->Append(data); }
  Status Append(const Slice& data,
                const DataVerificationInfo& verification_info) override {
    return target_->Append(data, verification_info);
  }
  Status PositionedAppend(const Slice& data, uint64_t offset) override {
    return target_->PositionedAppend(data, offset);
  }
  Status PositionedAppend(
      const Slice& data, uint64_t offset,
      const DataVerificationInfo& verification_info) override {
    return target_->PositionedAppend(data, offset, verification_info);
  }
  Status Truncate(uint64_t size) override { return target_->Truncate(size); }
  Status Close() override { return target_->Close(); }
  Status Flush() override { return target_->Flush(); }
  Status Sync() override { return target_->Sync(); }
  Status Fsync() override { return target_->Fsync(); }
  bool IsSyncThreadSafe() const override { return target_->IsSyncThreadSafe(); }
  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  void SetIOPriority(Env::IOPriority pri) override {
    target_->SetIOPriority(pri);
  }
  Env::IOPriority GetIOPriority() override { return target_->GetIOPriority(); }
  void SetWriteLifeTimeHint(Env::WriteLifeTimeHint hint) override {
    target_->SetWriteLifeTimeHint(hint);
  }
  Env::WriteLifeTimeHint GetWriteLifeTimeHint() override {
    return target_->GetWriteLifeTimeHint();
  }
  uint64_t GetFileSize() override { return target_->GetFileSize(); }
  void SetPreallocationBlockSize(size_t size) override {
    target_->SetPreallocationBlockSize(size);
  }
  void GetPreallocationStatus(size_t* block_size,
                              size_t* last_allocated_block) override {
    target_->GetPreallocationStatus(block_size, last_allocated_block);
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return target_->GetUniqueId(id, max_size);
  }
  Status InvalidateCache(size_t offset, size_t length) override {
    return target_->InvalidateCache(offset, length);
  }
  Status RangeSync(uint64_t offset, uint64_t nbytes) override {
    return target_->RangeSync(offset, nbytes);
  }
  void PrepareWrite(size_t offset, size_t len) override {
    target_->PrepareWrite(offset, len);
  }
  Status Allocate(uint64_t offset, uint64_t len) override {
    return target_->Allocate(offset, len);
  }

 private:
  WritableFile* target_;
};

// Forwards to a borrowed RandomRWFile.
class RandomRWFileWrapper : public RandomRWFile {
 public:
  explicit RandomRWFileWrapper(RandomRWFile* target) : target_(target) {}

  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  Status Write(uint64_t offset, const Slice& data) override {
    return target_->Write(offset, data);
  }
  Status Read(uint64_t offset, size_t n, Slice* result,
              char* scratch) const override {
    return target_->Read(offset, n, result, scratch);
  }
  Status Flush() override { return target_->Flush(); }
  Status Sync() override { return target_->Sync(); }
  Status Fsync() override { return target_->Fsync(); }
  Status Close() override { return target_->Close(); }

 private:
  RandomRWFile* target_;
};

// Forwards to a borrowed Directory.
class DirectoryWrapper : public Directory {
 public:
  explicit DirectoryWrapper(Directory* target) : target_(target) {}

  Status Fsync() override { return target_->Fsync(); }
  Status Close() override { return target_->Close(); }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return target_->GetUniqueId(id, max_size);
  }

 private:
  Directory* target_;
};

// Forwards to a borrowed Logger.
class LoggerWrapper : public Logger {
 public:
  explicit LoggerWrapper(Logger* target) : target_(target) {}

  Status Close() override { return target_->Close(); }
  void LogHeader(const char* format, va_list ap) override {
    return target_->LogHeader(format, ap);
  }
  void Logv(const char* format, va_list ap) override {
    return target_->Logv(format, ap);
  }
  void Logv(const InfoLogLevel log_level, const char* format,
            va_list ap) override {
    return target_->Logv(log_level, format, ap);
  }
  size_t GetLogFileSize() const override { return target_->GetLogFileSize(); }
  void Flush() override { return target_->Flush(); }
  InfoLogLevel GetInfoLogLevel() const override {
    return target_->GetInfoLogLevel();
  }
  void SetInfoLogLevel(const InfoLogLevel log_level) override {
    return target_->SetInfoLogLevel(log_level);
  }

 private:
  Logger* target_;
};

// An Env keeping files in memory and forwarding everything else to
// `base_env`, which must outlive it. The caller deletes the result.
Env* NewMemEnv(Env* base_env);

// An Env that times file system calls into the PerfContext. Caller owns it.
Env* NewTimedEnv(Env* base_env);

// Creates the default file logger writing to `fname` through `env`.
Status NewEnvLogger(const std::string& fname, Env* env,
                    std::shared_ptr<Logger>* result);

// An Env like Env::Default() but whose files come from `fs`.
std::unique_ptr<Env> NewCompositeEnv(const std::shared_ptr<FileSystem>& fs);

}  // namespace ROCKSDB_NAMESPACE
