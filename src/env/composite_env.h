// Copyright (c) the rocksdb-cleanroom authors.
//
// CompositeEnv: an Env assembled from a FileSystem (all file methods) and a
// SystemClock (all time methods). Thread-pool methods are left to
// subclasses: PosixEnv owns pools, CompositeEnvWrapper borrows those of
// another Env.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/system_clock.h"

namespace ROCKSDB_NAMESPACE {

class CompositeEnv : public Env {
 public:
  CompositeEnv(const std::shared_ptr<FileSystem>& fs,
               const std::shared_ptr<SystemClock>& clock)
      : Env(fs, clock) {}

  Status RegisterDbPaths(const std::vector<std::string>& paths) override;
  Status UnregisterDbPaths(const std::vector<std::string>& paths) override;

  Status NewSequentialFile(const std::string& f,
                           std::unique_ptr<SequentialFile>* r,
                           const EnvOptions& options) override;
  Status NewRandomAccessFile(const std::string& f,
                             std::unique_ptr<RandomAccessFile>* r,
                             const EnvOptions& options) override;
  Status NewWritableFile(const std::string& f, std::unique_ptr<WritableFile>* r,
                         const EnvOptions& options) override;
  Status ReopenWritableFile(const std::string& f,
                            std::unique_ptr<WritableFile>* r,
                            const EnvOptions& options) override;
  Status ReuseWritableFile(const std::string& f, const std::string& old_f,
                           std::unique_ptr<WritableFile>* r,
                           const EnvOptions& options) override;
  Status NewRandomRWFile(const std::string& f, std::unique_ptr<RandomRWFile>* r,
                         const EnvOptions& options) override;
  Status NewMemoryMappedFileBuffer(
      const std::string& f,
      std::unique_ptr<MemoryMappedFileBuffer>* r) override;
  Status NewDirectory(const std::string& name,
                      std::unique_ptr<Directory>* r) override;
  Status FileExists(const std::string& f) override;
  Status GetChildren(const std::string& dir,
                     std::vector<std::string>* r) override;
  Status GetChildrenFileAttributes(const std::string& dir,
                                   std::vector<FileAttributes>* r) override;
  Status DeleteFile(const std::string& f) override;
  Status Truncate(const std::string& f, size_t size) override;
  Status CreateDir(const std::string& d) override;
  Status CreateDirIfMissing(const std::string& d) override;
  Status DeleteDir(const std::string& d) override;
  Status GetFileSize(const std::string& f, uint64_t* size) override;
  Status GetFileModificationTime(const std::string& f,
                                 uint64_t* mtime) override;
  Status RenameFile(const std::string& src, const std::string& dst) override;
  Status LinkFile(const std::string& src, const std::string& dst) override;
  Status NumFileLinks(const std::string& f, uint64_t* count) override;
  Status AreFilesSame(const std::string& a, const std::string& b,
                      bool* res) override;
  Status LockFile(const std::string& f, FileLock** lock) override;
  Status UnlockFile(FileLock* lock) override;
  Status GetTestDirectory(std::string* path) override;
  Status NewLogger(const std::string& f,
                   std::shared_ptr<Logger>* result) override;
  Status GetAbsolutePath(const std::string& db_path,
                         std::string* output_path) override;
  Status GetFreeSpace(const std::string& path, uint64_t* diskfree) override;
  Status IsDirectory(const std::string& path, bool* is_dir) override;
  void SanitizeEnvOptions(EnvOptions* env_opts) const override;

  EnvOptions OptimizeForLogRead(const EnvOptions& opts) const override;
  EnvOptions OptimizeForManifestRead(const EnvOptions& opts) const override;
  EnvOptions OptimizeForLogWrite(const EnvOptions& opts,
                                 const DBOptions& db_options) const override;
  EnvOptions OptimizeForManifestWrite(const EnvOptions& opts) const override;
  EnvOptions OptimizeForCompactionTableWrite(
      const EnvOptions& opts, const ImmutableDBOptions& db) const override;
  EnvOptions OptimizeForCompactionTableRead(
      const EnvOptions& opts, const ImmutableDBOptions& db) const override;
  EnvOptions OptimizeForBlobFileRead(
      const EnvOptions& opts, const ImmutableDBOptions& db) const override;

  uint64_t NowMicros() override { return system_clock_->NowMicros(); }
  uint64_t NowNanos() override { return system_clock_->NowNanos(); }
  uint64_t NowCPUNanos() override { return system_clock_->CPUNanos(); }
  void SleepForMicroseconds(int micros) override {
    system_clock_->SleepForMicroseconds(micros);
  }
  Status GetCurrentTime(int64_t* unix_time) override {
    return system_clock_->GetCurrentTime(unix_time);
  }
  std::string TimeToString(uint64_t time) override {
    return system_clock_->TimeToString(time);
  }
};

// A CompositeEnv whose threads, host name and thread ids come from another
// Env (by default Env::Default()). This is what NewCompositeEnv() returns.
class CompositeEnvWrapper : public CompositeEnv {
 public:
  // `env` is borrowed and must outlive this object.
  CompositeEnvWrapper(Env* env, const std::shared_ptr<FileSystem>& fs,
                      const std::shared_ptr<SystemClock>& clock)
      : CompositeEnv(fs, clock), env_(env) {}

  static const char* kClassName() { return "CompositeEnv"; }
  const char* Name() const override { return kClassName(); }
  const Customizable* Inner() const override { return env_; }

  void Schedule(void (*f)(void*), void* a, Priority pri, void* tag,
                void (*u)(void*)) override {
    env_->Schedule(f, a, pri, tag, u);
  }
  int UnSchedule(void* tag, Priority pri) override {
    return env_->UnSchedule(tag, pri);
  }
  void StartThread(void (*f)(void*), void* a) override {
    env_->StartThread(f, a);
  }
  void WaitForJoin() override { env_->WaitForJoin(); }
  unsigned int GetThreadPoolQueueLen(Priority pri) const override {
    return env_->GetThreadPoolQueueLen(pri);
  }
  int ReserveThreads(int n, Priority pri) override {
    return env_->ReserveThreads(n, pri);
  }
  int ReleaseThreads(int n, Priority pri) override {
    return env_->ReleaseThreads(n, pri);
  }
  Status GetHostName(char* name, uint64_t len) override {
    return env_->GetHostName(name, len);
  }
  void SetBackgroundThreads(int num, Priority pri) override {
    env_->SetBackgroundThreads(num, pri);
  }
  int GetBackgroundThreads(Priority pri) override {
    return env_->GetBackgroundThreads(pri);
  }
  Status SetAllowNonOwnerAccess(bool allow) override {
    return env_->SetAllowNonOwnerAccess(allow);
  }
  void IncBackgroundThreadsIfNeeded(int num, Priority pri) override {
    env_->IncBackgroundThreadsIfNeeded(num, pri);
  }
  void LowerThreadPoolIOPriority(Priority pool) override {
    env_->LowerThreadPoolIOPriority(pool);
  }
  void LowerThreadPoolCPUPriority(Priority pool) override {
    env_->LowerThreadPoolCPUPriority(pool);
  }
  Status LowerThreadPoolCPUPriority(Priority pool, CpuPriority pri) override {
    return env_->LowerThreadPoolCPUPriority(pool, pri);
  }
  Status GetThreadList(std::vector<ThreadStatus>* list) override {
    return env_->GetThreadList(list);
  }
  ThreadStatusUpdater* GetThreadStatusUpdater() const override {
    return env_->GetThreadStatusUpdater();
  }
  uint64_t GetThreadID() const override { return env_->GetThreadID(); }
  std::string GenerateUniqueId() override { return env_->GenerateUniqueId(); }

 private:
  Env* const env_;
};

}  // namespace ROCKSDB_NAMESPACE
