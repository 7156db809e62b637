// Copyright (c) the rocksdb-cleanroom authors.
//
// The file and directory objects FaultInjectionFS hands out. Each wraps the
// target's object, asks the FS before every operation (fault rules, active
// flag, power-loss generation) and reports writes and syncs back to the FS
// for durability tracking. Threading is that of the wrapped interface; the
// FaultInjectionFS that made an object must outlive it.
#pragma once

#include <memory>
#include <string>

#include "env/fault_injection_fs.h"

namespace ROCKSDB_NAMESPACE {

class FaultSequentialFile : public FSSequentialFile {
 public:
  FaultSequentialFile(std::unique_ptr<FSSequentialFile>&& target,
                      FaultInjectionFS* fs, std::string path,
                      uint64_t generation);

  IOStatus Read(size_t n, const IOOptions& options, Slice* result,
                char* scratch, IODebugContext* dbg) override;
  IOStatus Skip(uint64_t n) override;
  IOStatus PositionedRead(uint64_t offset, size_t n, const IOOptions& options,
                          Slice* result, char* scratch,
                          IODebugContext* dbg) override;
  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  IOStatus InvalidateCache(size_t offset, size_t length) override {
    return target_->InvalidateCache(offset, length);
  }
  Temperature GetTemperature() const override {
    return target_->GetTemperature();
  }

 private:
  const std::unique_ptr<FSSequentialFile> target_;
  FaultInjectionFS* const fs_;
  const std::string path_;
  const FaultFileKind kind_;
  const uint64_t generation_;
};

class FaultRandomAccessFile : public FSRandomAccessFile {
 public:
  FaultRandomAccessFile(std::unique_ptr<FSRandomAccessFile>&& target,
                        FaultInjectionFS* fs, std::string path,
                        uint64_t generation);

  IOStatus Read(uint64_t offset, size_t n, const IOOptions& options,
                Slice* result, char* scratch,
                IODebugContext* dbg) const override;
  // Each request goes through Read(), so faults hit requests one by one.
  IOStatus MultiRead(FSReadRequest* reqs, size_t num_reqs,
                     const IOOptions& options, IODebugContext* dbg) override;
  // Served synchronously through Read().
  IOStatus ReadAsync(FSReadRequest& req, const IOOptions& opts,
                     std::function<void(const FSReadRequest&, void*)> cb,
                     void* cb_arg, void** io_handle, IOHandleDeleter* del_fn,
                     IODebugContext* dbg) override;
  IOStatus Prefetch(uint64_t offset, size_t n, const IOOptions& options,
                    IODebugContext* dbg) override {
    return target_->Prefetch(offset, n, options, dbg);
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return target_->GetUniqueId(id, max_size);
  }
  void Hint(AccessPattern pattern) override { target_->Hint(pattern); }
  bool use_direct_io() const override { return target_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return target_->GetRequiredBufferAlignment();
  }
  IOStatus InvalidateCache(size_t offset, size_t length) override {
    return target_->InvalidateCache(offset, length);
  }
  Temperature GetTemperature() const override {
    return target_->GetTemperature();
  }

 private:
  const std::unique_ptr<FSRandomAccessFile> target_;
  FaultInjectionFS* const fs_;
  const std::string path_;
  const FaultFileKind kind_;
  const uint64_t generation_;
};

// Appends are tracked as unsynced until a Sync/Fsync returns OK.
class FaultWritableFile : public FSWritableFile,
                          public FaultInjectionFS::OpenFile {
 public:
  FaultWritableFile(std::unique_ptr<FSWritableFile>&& target,
                    const FileOptions& options, FaultInjectionFS* fs,
                    std::string path, FaultInjectionTracker::FileStatePtr state,
                    uint64_t generation);
  ~FaultWritableFile() override;

  IOStatus Append(const Slice& data, const IOOptions& options,
                  IODebugContext* dbg) override;
  IOStatus Append(const Slice& data, const IOOptions& options,
                  const DataVerificationInfo& verification_info,
                  IODebugContext* dbg) override;
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions& options,
                            IODebugContext* dbg) override;
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions& options,
                            const DataVerificationInfo& verification_info,
                            IODebugContext* dbg) override;
  IOStatus Truncate(uint64_t size, const IOOptions& options,
                    IODebugContext* dbg) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Flush(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const IOOptions& options,
                     IODebugContext* dbg) override;
  bool IsSyncThreadSafe() const override;
  bool use_direct_io() const override;
  size_t GetRequiredBufferAlignment() const override;
  void SetWriteLifeTimeHint(Env::WriteLifeTimeHint hint) override;
  uint64_t GetFileSize(const IOOptions& options, IODebugContext* dbg) override;
  void SetPreallocationBlockSize(size_t size) override;
  void GetPreallocationStatus(size_t* block_size,
                              size_t* last_allocated_block) override;
  size_t GetUniqueId(char* id, size_t max_size) const override;
  IOStatus InvalidateCache(size_t offset, size_t length) override;
  void PrepareWrite(size_t offset, size_t len, const IOOptions& options,
                    IODebugContext* dbg) override;
  IOStatus Allocate(uint64_t offset, uint64_t len, const IOOptions& options,
                    IODebugContext* dbg) override;

  void DropTarget() override;

 private:
  // Sync and Fsync: `fsync` picks the target call.
  IOStatus DoSync(bool fsync, const IOOptions& options, IODebugContext* dbg);

  // Null after a power loss (DropTarget).
  std::unique_ptr<FSWritableFile> target_;
  FaultInjectionFS* const fs_;
  const std::string path_;
  const FaultFileKind kind_;
  const FaultInjectionTracker::FileStatePtr state_;
  const uint64_t generation_;
};

// Writes at any offset; the durable content is kept as a copy taken at
// each successful Sync/Fsync.
class FaultRandomRWFile : public FSRandomRWFile,
                          public FaultInjectionFS::OpenFile {
 public:
  FaultRandomRWFile(std::unique_ptr<FSRandomRWFile>&& target,
                    FaultInjectionFS* fs, std::string path,
                    FaultInjectionTracker::FileStatePtr state,
                    uint64_t generation);
  ~FaultRandomRWFile() override;

  bool use_direct_io() const override;
  size_t GetRequiredBufferAlignment() const override;
  IOStatus Write(uint64_t offset, const Slice& data, const IOOptions& options,
                 IODebugContext* dbg) override;
  IOStatus Read(uint64_t offset, size_t n, const IOOptions& options,
                Slice* result, char* scratch,
                IODebugContext* dbg) const override;
  IOStatus Flush(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;

  void DropTarget() override;

 private:
  IOStatus DoSync(bool fsync, const IOOptions& options, IODebugContext* dbg);

  std::unique_ptr<FSRandomRWFile> target_;  // null after DropTarget
  FaultInjectionFS* const fs_;
  const std::string path_;
  const FaultFileKind kind_;
  const FaultInjectionTracker::FileStatePtr state_;
  const uint64_t generation_;
};

// A successful Fsync makes the directory's recorded changes durable.
class FaultDirectory : public FSDirectory {
 public:
  FaultDirectory(std::unique_ptr<FSDirectory>&& target, FaultInjectionFS* fs,
                 std::string path, uint64_t generation);

  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override;
  IOStatus FsyncWithDirOptions(
      const IOOptions& options, IODebugContext* dbg,
      const DirFsyncOptions& dir_fsync_options) override;
  IOStatus Close(const IOOptions& options, IODebugContext* dbg) override;
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return target_->GetUniqueId(id, max_size);
  }

 private:
  const std::unique_ptr<FSDirectory> target_;
  FaultInjectionFS* const fs_;
  const std::string path_;
  const uint64_t generation_;
};

}  // namespace ROCKSDB_NAMESPACE
