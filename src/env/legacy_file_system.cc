// Copyright (c) the rocksdb-cleanroom authors.
//
// FileSystem (and SystemClock) over an Env: every call drops its
// IOOptions/IODebugContext and forwards to the Env or to the legacy file
// object; Status results become IOStatus.

#include "env/legacy_file_system.h"

namespace ROCKSDB_NAMESPACE {

namespace {

IOStatus ToIO(Status s) { return status_to_io_status(std::move(s)); }

class LegacySequentialFile : public FSSequentialFile {
 public:
  explicit LegacySequentialFile(std::unique_ptr<SequentialFile>&& f)
      : f_(std::move(f)) {}
  IOStatus Read(size_t n, const IOOptions&, Slice* result, char* scratch,
                IODebugContext*) override {
    return ToIO(f_->Read(n, result, scratch));
  }
  IOStatus Skip(uint64_t n) override { return ToIO(f_->Skip(n)); }
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  IOStatus InvalidateCache(size_t offset, size_t length) override {
    return ToIO(f_->InvalidateCache(offset, length));
  }
  IOStatus PositionedRead(uint64_t offset, size_t n, const IOOptions&,
                          Slice* result, char* scratch,
                          IODebugContext*) override {
    return ToIO(f_->PositionedRead(offset, n, result, scratch));
  }

 private:
  std::unique_ptr<SequentialFile> f_;
};

class LegacyRandomAccessFile : public FSRandomAccessFile {
 public:
  explicit LegacyRandomAccessFile(std::unique_ptr<RandomAccessFile>&& f)
      : f_(std::move(f)) {}
  IOStatus Read(uint64_t offset, size_t n, const IOOptions&, Slice* result,
                char* scratch, IODebugContext*) const override {
    return ToIO(f_->Read(offset, n, result, scratch));
  }
  IOStatus MultiRead(FSReadRequest* reqs, size_t num_reqs, const IOOptions&,
                     IODebugContext*) override {
    std::vector<ReadRequest> legacy(num_reqs);
    for (size_t i = 0; i < num_reqs; ++i) {
      legacy[i].offset = reqs[i].offset;
      legacy[i].len = reqs[i].len;
      legacy[i].scratch = reqs[i].scratch;
    }
    IOStatus s = ToIO(f_->MultiRead(legacy.data(), num_reqs));
    for (size_t i = 0; i < num_reqs; ++i) {
      reqs[i].result = legacy[i].result;
      reqs[i].status = ToIO(std::move(legacy[i].status));
    }
    return s;
  }
  IOStatus Prefetch(uint64_t offset, size_t n, const IOOptions&,
                    IODebugContext*) override {
    return ToIO(f_->Prefetch(offset, n));
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return f_->GetUniqueId(id, max_size);
  }
  void Hint(AccessPattern pattern) override {
    f_->Hint(static_cast<RandomAccessFile::AccessPattern>(pattern));
  }
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  IOStatus InvalidateCache(size_t offset, size_t length) override {
    return ToIO(f_->InvalidateCache(offset, length));
  }

 private:
  std::unique_ptr<RandomAccessFile> f_;
};

class LegacyWritableFile : public FSWritableFile {
 public:
  explicit LegacyWritableFile(std::unique_ptr<WritableFile>&& f)
      : f_(std::move(f)) {}
  IOStatus Append(const Slice& data, const IOOptions&,
                  IODebugContext*) override {
    return ToIO(f_->Append(data));
  }
  IOStatus Append(const Slice& data, const IOOptions&,
                  const DataVerificationInfo& info, IODebugContext*) override {
    return ToIO(f_->Append(data, info));
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions&, IODebugContext*) override {
    return ToIO(f_->PositionedAppend(data, offset));
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions&, const DataVerificationInfo& info,
                            IODebugContext*) override {
    return ToIO(f_->PositionedAppend(data, offset, info));
  }
  IOStatus Truncate(uint64_t size, const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Truncate(size));
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Close());
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Flush());
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Sync());
  }
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Fsync());
  }
  bool IsSyncThreadSafe() const override { return f_->IsSyncThreadSafe(); }
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  void SetWriteLifeTimeHint(Env::WriteLifeTimeHint hint) override {
    f_->SetWriteLifeTimeHint(hint);
  }
  Env::WriteLifeTimeHint GetWriteLifeTimeHint() override {
    return f_->GetWriteLifeTimeHint();
  }
  void SetIOPriority(Env::IOPriority pri) override { f_->SetIOPriority(pri); }
  Env::IOPriority GetIOPriority() override { return f_->GetIOPriority(); }
  uint64_t GetFileSize(const IOOptions&, IODebugContext*) override {
    return f_->GetFileSize();
  }
  void SetPreallocationBlockSize(size_t size) override {
    f_->SetPreallocationBlockSize(size);
  }
  void GetPreallocationStatus(size_t* block_size,
                              size_t* last_allocated_block) override {
    f_->GetPreallocationStatus(block_size, last_allocated_block);
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return f_->GetUniqueId(id, max_size);
  }
  IOStatus InvalidateCache(size_t offset, size_t length) override {
    return ToIO(f_->InvalidateCache(offset, length));
  }
  IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const IOOptions&,
                     IODebugContext*) override {
    return ToIO(f_->RangeSync(offset, nbytes));
  }
  void PrepareWrite(size_t offset, size_t len, const IOOptions&,
                    IODebugContext*) override {
    f_->PrepareWrite(offset, len);
  }
  IOStatus Allocate(uint64_t offset, uint64_t len, const IOOptions&,
                    IODebugContext*) override {
    return ToIO(f_->Allocate(offset, len));
  }

 private:
  std::unique_ptr<WritableFile> f_;
};

class LegacyRandomRWFile : public FSRandomRWFile {
 public:
  explicit LegacyRandomRWFile(std::unique_ptr<RandomRWFile>&& f)
      : f_(std::move(f)) {}
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  IOStatus Write(uint64_t offset, const Slice& data, const IOOptions&,
                 IODebugContext*) override {
    return ToIO(f_->Write(offset, data));
  }
  IOStatus Read(uint64_t offset, size_t n, const IOOptions&, Slice* result,
                char* scratch, IODebugContext*) const override {
    return ToIO(f_->Read(offset, n, result, scratch));
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Flush());
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Sync());
  }
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Fsync());
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return ToIO(f_->Close());
  }

 private:
  std::unique_ptr<RandomRWFile> f_;
};

class LegacyDirectory : public FSDirectory {
 public:
  explicit LegacyDirectory(std::unique_ptr<Directory>&& d) : d_(std::move(d)) {}
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    return ToIO(d_->Fsync());
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return ToIO(d_->Close());
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return d_->GetUniqueId(id, max_size);
  }

 private:
  std::unique_ptr<Directory> d_;
};

// Wraps a legacy file object into its FS counterpart when `s` is OK.
template <typename FsFile, typename Adapter, typename LegacyFile>
IOStatus Adopt(Status s, std::unique_ptr<LegacyFile>* legacy,
               std::unique_ptr<FsFile>* result) {
  if (s.ok()) {
    result->reset(new Adapter(std::move(*legacy)));
  } else {
    result->reset();
  }
  return ToIO(std::move(s));
}

class LegacyFileSystemWrapper : public FileSystem {
 public:
  explicit LegacyFileSystemWrapper(Env* env) : env_(env) {}

  static const char* kClassName() { return "LegacyFileSystem"; }
  const char* Name() const override { return kClassName(); }

  Status RegisterDbPaths(const std::vector<std::string>& paths) override {
    return env_->RegisterDbPaths(paths);
  }
  Status UnregisterDbPaths(const std::vector<std::string>& paths) override {
    return env_->UnregisterDbPaths(paths);
  }
  IOStatus NewSequentialFile(const std::string& f, const FileOptions& o,
                             std::unique_ptr<FSSequentialFile>* r,
                             IODebugContext*) override {
    std::unique_ptr<SequentialFile> file;
    Status s = env_->NewSequentialFile(f, &file, o);
    return Adopt<FSSequentialFile, LegacySequentialFile>(std::move(s), &file,
                                                         r);
  }
  IOStatus NewRandomAccessFile(const std::string& f, const FileOptions& o,
                               std::unique_ptr<FSRandomAccessFile>* r,
                               IODebugContext*) override {
    std::unique_ptr<RandomAccessFile> file;
    Status s = env_->NewRandomAccessFile(f, &file, o);
    return Adopt<FSRandomAccessFile, LegacyRandomAccessFile>(std::move(s),
                                                             &file, r);
  }
  IOStatus NewWritableFile(const std::string& f, const FileOptions& o,
                           std::unique_ptr<FSWritableFile>* r,
                           IODebugContext*) override {
    std::unique_ptr<WritableFile> file;
    Status s = env_->NewWritableFile(f, &file, o);
    return Adopt<FSWritableFile, LegacyWritableFile>(std::move(s), &file, r);
  }
  IOStatus ReopenWritableFile(const std::string& f, const FileOptions& o,
                              std::unique_ptr<FSWritableFile>* r,
                              IODebugContext*) override {
    std::unique_ptr<WritableFile> file;
    Status s = env_->ReopenWritableFile(f, &file, o);
    return Adopt<FSWritableFile, LegacyWritableFile>(std::move(s), &file, r);
  }
  IOStatus ReuseWritableFile(const std::string& f, const std::string& old,
                             const FileOptions& o,
                             std::unique_ptr<FSWritableFile>* r,
                             IODebugContext*) override {
    std::unique_ptr<WritableFile> file;
    Status s = env_->ReuseWritableFile(f, old, &file, o);
    return Adopt<FSWritableFile, LegacyWritableFile>(std::move(s), &file, r);
  }
  IOStatus NewRandomRWFile(const std::string& f, const FileOptions& o,
                           std::unique_ptr<FSRandomRWFile>* r,
                           IODebugContext*) override {
    std::unique_ptr<RandomRWFile> file;
    Status s = env_->NewRandomRWFile(f, &file, o);
    return Adopt<FSRandomRWFile, LegacyRandomRWFile>(std::move(s), &file, r);
  }
  IOStatus NewMemoryMappedFileBuffer(
      const std::string& f,
      std::unique_ptr<MemoryMappedFileBuffer>* r) override {
    return ToIO(env_->NewMemoryMappedFileBuffer(f, r));
  }
  IOStatus NewDirectory(const std::string& name, const IOOptions&,
                        std::unique_ptr<FSDirectory>* r,
                        IODebugContext*) override {
    std::unique_ptr<Directory> dir;
    Status s = env_->NewDirectory(name, &dir);
    return Adopt<FSDirectory, LegacyDirectory>(std::move(s), &dir, r);
  }
  IOStatus FileExists(const std::string& f, const IOOptions&,
                      IODebugContext*) override {
    return ToIO(env_->FileExists(f));
  }
  IOStatus GetChildren(const std::string& dir, const IOOptions&,
                       std::vector<std::string>* r, IODebugContext*) override {
    return ToIO(env_->GetChildren(dir, r));
  }
  IOStatus GetChildrenFileAttributes(const std::string& dir, const IOOptions&,
                                     std::vector<FileAttributes>* r,
                                     IODebugContext*) override {
    return ToIO(env_->GetChildrenFileAttributes(dir, r));
  }
  IOStatus DeleteFile(const std::string& f, const IOOptions&,
                      IODebugContext*) override {
    return ToIO(env_->DeleteFile(f));
  }
  IOStatus Truncate(const std::string& f, size_t size, const IOOptions&,
                    IODebugContext*) override {
    return ToIO(env_->Truncate(f, size));
  }
  IOStatus CreateDir(const std::string& d, const IOOptions&,
                     IODebugContext*) override {
    return ToIO(env_->CreateDir(d));
  }
  IOStatus CreateDirIfMissing(const std::string& d, const IOOptions&,
                              IODebugContext*) override {
    return ToIO(env_->CreateDirIfMissing(d));
  }
  IOStatus DeleteDir(const std::string& d, const IOOptions&,
                     IODebugContext*) override {
    return ToIO(env_->DeleteDir(d));
  }
  IOStatus GetFileSize(const std::string& f, const IOOptions&, uint64_t* s,
                       IODebugContext*) override {
    return ToIO(env_->GetFileSize(f, s));
  }
  IOStatus GetFileModificationTime(const std::string& f, const IOOptions&,
                                   uint64_t* t, IODebugContext*) override {
    return ToIO(env_->GetFileModificationTime(f, t));
  }
  IOStatus GetAbsolutePath(const std::string& p, const IOOptions&,
                           std::string* out, IODebugContext*) override {
    return ToIO(env_->GetAbsolutePath(p, out));
  }
  IOStatus RenameFile(const std::string& s, const std::string& t,
                      const IOOptions&, IODebugContext*) override {
    return ToIO(env_->RenameFile(s, t));
  }
  IOStatus LinkFile(const std::string& s, const std::string& t,
                    const IOOptions&, IODebugContext*) override {
    return ToIO(env_->LinkFile(s, t));
  }
  IOStatus NumFileLinks(const std::string& f, const IOOptions&, uint64_t* c,
                        IODebugContext*) override {
    return ToIO(env_->NumFileLinks(f, c));
  }
  IOStatus AreFilesSame(const std::string& a, const std::string& b,
                        const IOOptions&, bool* res, IODebugContext*) override {
    return ToIO(env_->AreFilesSame(a, b, res));
  }
  IOStatus LockFile(const std::string& f, const IOOptions&, FileLock** l,
                    IODebugContext*) override {
    return ToIO(env_->LockFile(f, l));
  }
  IOStatus UnlockFile(FileLock* l, const IOOptions&, IODebugContext*) override {
    return ToIO(env_->UnlockFile(l));
  }
  IOStatus GetTestDirectory(const IOOptions&, std::string* path,
                            IODebugContext*) override {
    return ToIO(env_->GetTestDirectory(path));
  }
  IOStatus NewLogger(const std::string& f, const IOOptions&,
                     std::shared_ptr<Logger>* r, IODebugContext*) override {
    return ToIO(env_->NewLogger(f, r));
  }
  IOStatus GetFreeSpace(const std::string& p, const IOOptions&, uint64_t* free,
                        IODebugContext*) override {
    return ToIO(env_->GetFreeSpace(p, free));
  }
  IOStatus IsDirectory(const std::string& p, const IOOptions&, bool* is_dir,
                       IODebugContext*) override {
    return ToIO(env_->IsDirectory(p, is_dir));
  }
  void SanitizeFileOptions(FileOptions* opts) const override {
    env_->SanitizeEnvOptions(opts);
  }
  FileOptions OptimizeForLogRead(const FileOptions& o) const override {
    return FileOptions(env_->OptimizeForLogRead(o));
  }
  FileOptions OptimizeForManifestRead(const FileOptions& o) const override {
    return FileOptions(env_->OptimizeForManifestRead(o));
  }
  FileOptions OptimizeForLogWrite(const FileOptions& o,
                                  const DBOptions& db) const override {
    return FileOptions(env_->OptimizeForLogWrite(o, db));
  }
  FileOptions OptimizeForManifestWrite(const FileOptions& o) const override {
    return FileOptions(env_->OptimizeForManifestWrite(o));
  }
  FileOptions OptimizeForCompactionTableWrite(
      const FileOptions& o, const ImmutableDBOptions& db) const override {
    return FileOptions(env_->OptimizeForCompactionTableWrite(o, db));
  }
  FileOptions OptimizeForCompactionTableRead(
      const FileOptions& o, const ImmutableDBOptions& db) const override {
    return FileOptions(env_->OptimizeForCompactionTableRead(o, db));
  }
  FileOptions OptimizeForBlobFileRead(
      const FileOptions& o, const ImmutableDBOptions& db) const override {
    return FileOptions(env_->OptimizeForBlobFileRead(o, db));
  }

 private:
  Env* const env_;
};

class LegacySystemClock : public SystemClock {
 public:
  explicit LegacySystemClock(Env* env) : env_(env) {}

  static const char* kClassName() { return "LegacySystemClock"; }
  const char* Name() const override { return kClassName(); }

  uint64_t NowMicros() override { return env_->NowMicros(); }
  uint64_t NowNanos() override { return env_->NowNanos(); }
  uint64_t CPUMicros() override { return env_->NowCPUNanos() / 1000; }
  uint64_t CPUNanos() override { return env_->NowCPUNanos(); }
  void SleepForMicroseconds(int micros) override {
    env_->SleepForMicroseconds(micros);
  }
  Status GetCurrentTime(int64_t* unix_time) override {
    return env_->GetCurrentTime(unix_time);
  }
  std::string TimeToString(uint64_t time) override {
    return env_->TimeToString(time);
  }

 private:
  Env* const env_;
};

}  // namespace

std::shared_ptr<FileSystem> NewLegacyFileSystemWrapper(Env* env) {
  return std::make_shared<LegacyFileSystemWrapper>(env);
}

std::shared_ptr<SystemClock> NewLegacySystemClock(Env* env) {
  return std::make_shared<LegacySystemClock>(env);
}

}  // namespace ROCKSDB_NAMESPACE
