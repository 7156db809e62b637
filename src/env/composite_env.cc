// Copyright (c) the rocksdb-cleanroom authors.
//
// CompositeEnv: Env file methods on top of a FileSystem. Each legacy file
// object wraps the FS file object and passes default IOOptions; IOStatus
// results are returned as Status.

#include "env/composite_env.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class SequentialFileOverFS : public SequentialFile {
 public:
  explicit SequentialFileOverFS(std::unique_ptr<FSSequentialFile>&& f)
      : f_(std::move(f)) {}
  Status Read(size_t n, Slice* result, char* scratch) override {
    return f_->Read(n, IOOptions(), result, scratch, nullptr);
  }
  Status Skip(uint64_t n) override { return f_->Skip(n); }
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  Status InvalidateCache(size_t offset, size_t length) override {
    return f_->InvalidateCache(offset, length);
  }
  Status PositionedRead(uint64_t offset, size_t n, Slice* result,
                        char* scratch) override {
    return f_->PositionedRead(offset, n, IOOptions(), result, scratch, nullptr);
  }

 private:
  std::unique_ptr<FSSequentialFile> f_;
};

class RandomAccessFileOverFS : public RandomAccessFile {
 public:
  explicit RandomAccessFileOverFS(std::unique_ptr<FSRandomAccessFile>&& f)
      : f_(std::move(f)) {}
  Status Read(uint64_t offset, size_t n, Slice* result,
              char* scratch) const override {
    return f_->Read(offset, n, IOOptions(), result, scratch, nullptr);
  }
  Status MultiRead(ReadRequest* reqs, size_t num_reqs) override {
    std::vector<FSReadRequest> fs_reqs(num_reqs);
    for (size_t i = 0; i < num_reqs; ++i) {
      fs_reqs[i].offset = reqs[i].offset;
      fs_reqs[i].len = reqs[i].len;
      fs_reqs[i].scratch = reqs[i].scratch;
    }
    IOStatus s = f_->MultiRead(fs_reqs.data(), num_reqs, IOOptions(), nullptr);
    for (size_t i = 0; i < num_reqs; ++i) {
      reqs[i].result = fs_reqs[i].result;
      reqs[i].status = fs_reqs[i].status;
    }
    return std::move(s);
  }
  Status Prefetch(uint64_t offset, size_t n) override {
    return f_->Prefetch(offset, n, IOOptions(), nullptr);
  }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return f_->GetUniqueId(id, max_size);
  }
  void Hint(AccessPattern pattern) override {
    f_->Hint(static_cast<FSRandomAccessFile::AccessPattern>(pattern));
  }
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  Status InvalidateCache(size_t offset, size_t length) override {
    return f_->InvalidateCache(offset, length);
  }

 private:
  std::unique_ptr<FSRandomAccessFile> f_;
};

class WritableFileOverFS : public WritableFile {
 public:
  explicit WritableFileOverFS(std::unique_ptr<FSWritableFile>&& f)
      : f_(std::move(f)) {}
  Status Append(const Slice& data) override {
    return f_->Append(data, IOOptions(), nullptr);
  }
  Status Append(const Slice& data, const DataVerificationInfo& info) override {
    return f_->Append(data, IOOptions(), info, nullptr);
  }
  Status PositionedAppend(const Slice& data, uint64_t offset) override {
    return f_->PositionedAppend(data, offset, IOOptions(), nullptr);
  }
  Status PositionedAppend(const Slice& data, uint64_t offset,
                          const DataVerificationInfo& info) override {
    return f_->PositionedAppend(data, offset, IOOptions(), info, nullptr);
  }
  Status Truncate(uint64_t size) override {
    return f_->Truncate(size, IOOptions(), nullptr);
  }
  Status Close() override { return f_->Close(IOOptions(), nullptr); }
  Status Flush() override { return f_->Flush(IOOptions(), nullptr); }
  Status Sync() override { return f_->Sync(IOOptions(), nullptr); }
  Status Fsync() override { return f_->Fsync(IOOptions(), nullptr); }
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
  uint64_t GetFileSize() override {
    return f_->GetFileSize(IOOptions(), nullptr);
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
  Status InvalidateCache(size_t offset, size_t length) override {
    return f_->InvalidateCache(offset, length);
  }
  Status RangeSync(uint64_t offset, uint64_t nbytes) override {
    return f_->RangeSync(offset, nbytes, IOOptions(), nullptr);
  }
  void PrepareWrite(size_t offset, size_t len) override {
    f_->PrepareWrite(offset, len, IOOptions(), nullptr);
  }
  Status Allocate(uint64_t offset, uint64_t len) override {
    return f_->Allocate(offset, len, IOOptions(), nullptr);
  }

 private:
  std::unique_ptr<FSWritableFile> f_;
};

class RandomRWFileOverFS : public RandomRWFile {
 public:
  explicit RandomRWFileOverFS(std::unique_ptr<FSRandomRWFile>&& f)
      : f_(std::move(f)) {}
  bool use_direct_io() const override { return f_->use_direct_io(); }
  size_t GetRequiredBufferAlignment() const override {
    return f_->GetRequiredBufferAlignment();
  }
  Status Write(uint64_t offset, const Slice& data) override {
    return f_->Write(offset, data, IOOptions(), nullptr);
  }
  Status Read(uint64_t offset, size_t n, Slice* result,
              char* scratch) const override {
    return f_->Read(offset, n, IOOptions(), result, scratch, nullptr);
  }
  Status Flush() override { return f_->Flush(IOOptions(), nullptr); }
  Status Sync() override { return f_->Sync(IOOptions(), nullptr); }
  Status Fsync() override { return f_->Fsync(IOOptions(), nullptr); }
  Status Close() override { return f_->Close(IOOptions(), nullptr); }

 private:
  std::unique_ptr<FSRandomRWFile> f_;
};

class DirectoryOverFS : public Directory {
 public:
  explicit DirectoryOverFS(std::unique_ptr<FSDirectory>&& d)
      : d_(std::move(d)) {}
  Status Fsync() override { return d_->Fsync(IOOptions(), nullptr); }
  Status Close() override { return d_->Close(IOOptions(), nullptr); }
  size_t GetUniqueId(char* id, size_t max_size) const override {
    return d_->GetUniqueId(id, max_size);
  }

 private:
  std::unique_ptr<FSDirectory> d_;
};

// Wraps an FS file object into its legacy counterpart when `s` is OK.
template <typename Adapter, typename LegacyFile, typename FsFile>
Status Adopt(IOStatus s, std::unique_ptr<FsFile>* fs_file,
             std::unique_ptr<LegacyFile>* result) {
  if (s.ok()) {
    result->reset(new Adapter(std::move(*fs_file)));
  } else {
    result->reset();
  }
  return std::move(s);
}

}  // namespace

Status CompositeEnv::RegisterDbPaths(const std::vector<std::string>& paths) {
  return file_system_->RegisterDbPaths(paths);
}

Status CompositeEnv::UnregisterDbPaths(const std::vector<std::string>& paths) {
  return file_system_->UnregisterDbPaths(paths);
}

Status CompositeEnv::NewSequentialFile(const std::string& f,
                                       std::unique_ptr<SequentialFile>* r,
                                       const EnvOptions& options) {
  std::unique_ptr<FSSequentialFile> file;
  IOStatus s =
      file_system_->NewSequentialFile(f, FileOptions(options), &file, nullptr);
  return Adopt<SequentialFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::NewRandomAccessFile(const std::string& f,
                                         std::unique_ptr<RandomAccessFile>* r,
                                         const EnvOptions& options) {
  std::unique_ptr<FSRandomAccessFile> file;
  IOStatus s = file_system_->NewRandomAccessFile(f, FileOptions(options), &file,
                                                 nullptr);
  return Adopt<RandomAccessFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::NewWritableFile(const std::string& f,
                                     std::unique_ptr<WritableFile>* r,
                                     const EnvOptions& options) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s =
      file_system_->NewWritableFile(f, FileOptions(options), &file, nullptr);
  return Adopt<WritableFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::ReopenWritableFile(const std::string& f,
                                        std::unique_ptr<WritableFile>* r,
                                        const EnvOptions& options) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s =
      file_system_->ReopenWritableFile(f, FileOptions(options), &file, nullptr);
  return Adopt<WritableFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::ReuseWritableFile(const std::string& f,
                                       const std::string& old_f,
                                       std::unique_ptr<WritableFile>* r,
                                       const EnvOptions& options) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = file_system_->ReuseWritableFile(f, old_f, FileOptions(options),
                                               &file, nullptr);
  return Adopt<WritableFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::NewRandomRWFile(const std::string& f,
                                     std::unique_ptr<RandomRWFile>* r,
                                     const EnvOptions& options) {
  std::unique_ptr<FSRandomRWFile> file;
  IOStatus s =
      file_system_->NewRandomRWFile(f, FileOptions(options), &file, nullptr);
  return Adopt<RandomRWFileOverFS>(std::move(s), &file, r);
}

Status CompositeEnv::NewMemoryMappedFileBuffer(
    const std::string& f, std::unique_ptr<MemoryMappedFileBuffer>* r) {
  return file_system_->NewMemoryMappedFileBuffer(f, r);
}

Status CompositeEnv::NewDirectory(const std::string& name,
                                  std::unique_ptr<Directory>* r) {
  std::unique_ptr<FSDirectory> dir;
  IOStatus s = file_system_->NewDirectory(name, IOOptions(), &dir, nullptr);
  return Adopt<DirectoryOverFS>(std::move(s), &dir, r);
}

Status CompositeEnv::FileExists(const std::string& f) {
  return file_system_->FileExists(f, IOOptions(), nullptr);
}

Status CompositeEnv::GetChildren(const std::string& dir,
                                 std::vector<std::string>* r) {
  return file_system_->GetChildren(dir, IOOptions(), r, nullptr);
}

Status CompositeEnv::GetChildrenFileAttributes(const std::string& dir,
                                               std::vector<FileAttributes>* r) {
  return file_system_->GetChildrenFileAttributes(dir, IOOptions(), r, nullptr);
}

Status CompositeEnv::DeleteFile(const std::string& f) {
  return file_system_->DeleteFile(f, IOOptions(), nullptr);
}

Status CompositeEnv::Truncate(const std::string& f, size_t size) {
  return file_system_->Truncate(f, size, IOOptions(), nullptr);
}

Status CompositeEnv::CreateDir(const std::string& d) {
  return file_system_->CreateDir(d, IOOptions(), nullptr);
}

Status CompositeEnv::CreateDirIfMissing(const std::string& d) {
  return file_system_->CreateDirIfMissing(d, IOOptions(), nullptr);
}

Status CompositeEnv::DeleteDir(const std::string& d) {
  return file_system_->DeleteDir(d, IOOptions(), nullptr);
}

Status CompositeEnv::GetFileSize(const std::string& f, uint64_t* size) {
  return file_system_->GetFileSize(f, IOOptions(), size, nullptr);
}

Status CompositeEnv::GetFileModificationTime(const std::string& f,
                                             uint64_t* mtime) {
  return file_system_->GetFileModificationTime(f, IOOptions(), mtime, nullptr);
}

Status CompositeEnv::RenameFile(const std::string& src,
                                const std::string& dst) {
  return file_system_->RenameFile(src, dst, IOOptions(), nullptr);
}

Status CompositeEnv::LinkFile(const std::string& src, const std::string& dst) {
  return file_system_->LinkFile(src, dst, IOOptions(), nullptr);
}

Status CompositeEnv::NumFileLinks(const std::string& f, uint64_t* count) {
  return file_system_->NumFileLinks(f, IOOptions(), count, nullptr);
}

Status CompositeEnv::AreFilesSame(const std::string& a, const std::string& b,
                                  bool* res) {
  return file_system_->AreFilesSame(a, b, IOOptions(), res, nullptr);
}

Status CompositeEnv::LockFile(const std::string& f, FileLock** lock) {
  return file_system_->LockFile(f, IOOptions(), lock, nullptr);
}

Status CompositeEnv::UnlockFile(FileLock* lock) {
  return file_system_->UnlockFile(lock, IOOptions(), nullptr);
}

Status CompositeEnv::GetTestDirectory(std::string* path) {
  return file_system_->GetTestDirectory(IOOptions(), path, nullptr);
}

Status CompositeEnv::NewLogger(const std::string& f,
                               std::shared_ptr<Logger>* result) {
  return file_system_->NewLogger(f, IOOptions(), result, nullptr);
}

Status CompositeEnv::GetAbsolutePath(const std::string& db_path,
                                     std::string* output_path) {
  return file_system_->GetAbsolutePath(db_path, IOOptions(), output_path,
                                       nullptr);
}

Status CompositeEnv::GetFreeSpace(const std::string& path, uint64_t* diskfree) {
  return file_system_->GetFreeSpace(path, IOOptions(), diskfree, nullptr);
}

Status CompositeEnv::IsDirectory(const std::string& path, bool* is_dir) {
  return file_system_->IsDirectory(path, IOOptions(), is_dir, nullptr);
}

void CompositeEnv::SanitizeEnvOptions(EnvOptions* env_opts) const {
  FileOptions fo(*env_opts);
  file_system_->SanitizeFileOptions(&fo);
  *env_opts = fo;
}

EnvOptions CompositeEnv::OptimizeForLogRead(const EnvOptions& opts) const {
  return file_system_->OptimizeForLogRead(FileOptions(opts));
}

EnvOptions CompositeEnv::OptimizeForManifestRead(const EnvOptions& opts) const {
  return file_system_->OptimizeForManifestRead(FileOptions(opts));
}

EnvOptions CompositeEnv::OptimizeForLogWrite(
    const EnvOptions& opts, const DBOptions& db_options) const {
  return file_system_->OptimizeForLogWrite(FileOptions(opts), db_options);
}

EnvOptions CompositeEnv::OptimizeForManifestWrite(
    const EnvOptions& opts) const {
  return file_system_->OptimizeForManifestWrite(FileOptions(opts));
}

EnvOptions CompositeEnv::OptimizeForCompactionTableWrite(
    const EnvOptions& opts, const ImmutableDBOptions& db) const {
  return file_system_->OptimizeForCompactionTableWrite(FileOptions(opts), db);
}

EnvOptions CompositeEnv::OptimizeForCompactionTableRead(
    const EnvOptions& opts, const ImmutableDBOptions& db) const {
  return file_system_->OptimizeForCompactionTableRead(FileOptions(opts), db);
}

EnvOptions CompositeEnv::OptimizeForBlobFileRead(
    const EnvOptions& opts, const ImmutableDBOptions& db) const {
  return file_system_->OptimizeForBlobFileRead(FileOptions(opts), db);
}

std::unique_ptr<Env> NewCompositeEnv(const std::shared_ptr<FileSystem>& fs) {
  return std::unique_ptr<Env>(
      new CompositeEnvWrapper(Env::Default(), fs, SystemClock::Default()));
}

}  // namespace ROCKSDB_NAMESPACE
