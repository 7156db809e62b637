// Copyright (c) the rocksdb-cleanroom authors.
//
// FileSystem base-class methods, FileSystem::Default(), FileSystemWrapper
// and the FileSystem-level WriteStringToFile/ReadFileToString.

#include "rocksdb/file_system.h"

#include "env/env_logger.h"
#include "env/options_tuning.h"
#include "env/posix_file_system.h"
#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {

FileSystem::FileSystem() {}

FileSystem::~FileSystem() {}

std::shared_ptr<FileSystem> FileSystem::Default() {
  // Never destroyed: it may be used by background threads during exit.
  static auto* fs =
      new std::shared_ptr<FileSystem>(std::make_shared<PosixFileSystem>());
  return *fs;
}

Status FileSystem::Load(const std::string& value,
                        std::shared_ptr<FileSystem>* result) {
  return CreateFromString(ConfigOptions(), value, result);
}

Status FileSystem::CreateFromString(const ConfigOptions& config_options,
                                    const std::string& value,
                                    std::shared_ptr<FileSystem>* result) {
  std::string id = value;
  if (id.compare(0, 3, "id=") == 0) id = id.substr(3);
  if (id.empty()) {
    result->reset();
    return Status::OK();
  }
  if (id == kDefaultName() || id == PosixFileSystem::kClassName()) {
    *result = Default();
    return Status::OK();
  }
  if (config_options.ignore_unsupported_options) {
    result->reset();
    return Status::OK();
  }
  return Status::NotSupported("Could not load FileSystem", id);
}

IOStatus FileSystem::ReuseWritableFile(const std::string& fname,
                                       const std::string& old_fname,
                                       const FileOptions& opts,
                                       std::unique_ptr<FSWritableFile>* result,
                                       IODebugContext* dbg) {
  IOStatus s = RenameFile(old_fname, fname, opts.io_options, dbg);
  if (!s.ok()) return s;
  return NewWritableFile(fname, opts, result, dbg);
}

IOStatus FileSystem::GetChildrenFileAttributes(
    const std::string& dir, const IOOptions& options,
    std::vector<FileAttributes>* result, IODebugContext* dbg) {
  result->clear();
  std::vector<std::string> names;
  IOStatus s = GetChildren(dir, options, &names, dbg);
  if (!s.ok()) return s;
  for (std::string& name : names) {
    FileAttributes attr;
    s = GetFileSize(dir + "/" + name, options, &attr.size_bytes, dbg);
    if (!s.ok()) {
      // Deleted between listing and stat: leave it out.
      if (FileExists(dir + "/" + name, options, dbg).IsNotFound()) continue;
      return s;
    }
    attr.name = std::move(name);
    result->push_back(std::move(attr));
  }
  return IOStatus::OK();
}

IOStatus FileSystem::NewLogger(const std::string& fname,
                               const IOOptions& io_opts,
                               std::shared_ptr<Logger>* result,
                               IODebugContext* dbg) {
  FileOptions options;
  options.io_options = io_opts;
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = NewWritableFile(fname, options, &file, dbg);
  if (!s.ok()) {
    result->reset();
    return s;
  }
  *result = std::make_shared<EnvLogger>(std::move(file), fname,
                                        SystemClock::Default());
  return IOStatus::OK();
}

FileOptions FileSystem::OptimizeForLogRead(
    const FileOptions& file_options) const {
  return TuneForLogOrManifestRead(file_options);
}

FileOptions FileSystem::OptimizeForManifestRead(
    const FileOptions& file_options) const {
  return TuneForLogOrManifestRead(file_options);
}

FileOptions FileSystem::OptimizeForLogWrite(const FileOptions& file_options,
                                            const DBOptions& db_options) const {
  return TuneForLogWrite(file_options, db_options);
}

FileOptions FileSystem::OptimizeForManifestWrite(
    const FileOptions& file_options) const {
  return TuneForManifestWrite(file_options);
}

// The next three would copy direct-I/O settings from ImmutableDBOptions,
// which this layer cannot see; callers apply those settings themselves.
FileOptions FileSystem::OptimizeForCompactionTableWrite(
    const FileOptions& file_options,
    const ImmutableDBOptions& /*immutable_ops*/) const {
  return file_options;
}

FileOptions FileSystem::OptimizeForCompactionTableRead(
    const FileOptions& file_options,
    const ImmutableDBOptions& /*db_options*/) const {
  return file_options;
}

FileOptions FileSystem::OptimizeForBlobFileRead(
    const FileOptions& file_options,
    const ImmutableDBOptions& /*db_options*/) const {
  return file_options;
}

DirFsyncOptions::DirFsyncOptions() : reason(kDefault) {}

DirFsyncOptions::DirFsyncOptions(std::string file_renamed_new_name)
    : reason(kFileRenamed),
      renamed_new_name(std::move(file_renamed_new_name)) {}

DirFsyncOptions::DirFsyncOptions(FsyncReason fsync_reason)
    : reason(fsync_reason) {}

IOStatus FSRandomAccessFile::MultiRead(FSReadRequest* reqs, size_t num_reqs,
                                       const IOOptions& options,
                                       IODebugContext* dbg) {
  for (size_t i = 0; i < num_reqs; ++i) {
    FSReadRequest& r = reqs[i];
    r.status = Read(r.offset, r.len, options, &r.result, r.scratch, dbg);
  }
  return IOStatus::OK();
}

IOStatus FSRandomAccessFile::ReadAsync(
    FSReadRequest& req, const IOOptions& opts,
    std::function<void(const FSReadRequest&, void*)> cb, void* cb_arg,
    void** /*io_handle*/, IOHandleDeleter* /*del_fn*/, IODebugContext* dbg) {
  req.status = Read(req.offset, req.len, opts, &req.result, req.scratch, dbg);
  cb(req, cb_arg);
  return IOStatus::OK();
}

void FSWritableFile::PrepareWrite(size_t offset, size_t len,
                                  const IOOptions& options,
                                  IODebugContext* dbg) {
  const size_t block = preallocation_block_size_;
  if (block == 0) return;
  // Blocks needed to cover the end of this write, rounded up.
  size_t needed = (offset + len + block - 1) / block;
  if (needed <= last_preallocated_block_) return;
  // Preallocation is an optimisation; a failure is deliberately ignored.
  Allocate(block * last_preallocated_block_,
           block * (needed - last_preallocated_block_), options, dbg)
      .PermitUncheckedError();
  last_preallocated_block_ = needed;
}

FSMemoryMappedFileBuffer::~FSMemoryMappedFileBuffer() {}

FileSystemWrapper::FileSystemWrapper(const std::shared_ptr<FileSystem>& t)
    : target_(t) {}

Status FileSystemWrapper::PrepareOptions(const ConfigOptions& options) {
  if (target_ == nullptr) target_ = FileSystem::Default();
  return FileSystem::PrepareOptions(options);
}

#ifndef ROCKSDB_LITE
std::string FileSystemWrapper::SerializeOptions(
    const ConfigOptions& config_options, const std::string& header) const {
  return FileSystem::SerializeOptions(config_options, header);
}
#endif  // ROCKSDB_LITE

IOStatus WriteStringToFile(FileSystem* fs, const Slice& data,
                           const std::string& fname, bool should_sync) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = fs->NewWritableFile(fname, FileOptions(), &file, nullptr);
  if (!s.ok()) return s;
  s = file->Append(data, IOOptions(), nullptr);
  if (s.ok() && should_sync) s = file->Sync(IOOptions(), nullptr);
  if (s.ok()) {
    s = file->Close(IOOptions(), nullptr);
  } else {
    file->Close(IOOptions(), nullptr).PermitUncheckedError();
  }
  if (!s.ok()) {
    // Do not leave a partial file behind.
    fs->DeleteFile(fname, IOOptions(), nullptr).PermitUncheckedError();
  }
  return s;
}

IOStatus ReadFileToString(FileSystem* fs, const std::string& fname,
                          std::string* data) {
  data->clear();
  std::unique_ptr<FSSequentialFile> file;
  IOStatus s = fs->NewSequentialFile(fname, FileOptions(), &file, nullptr);
  if (!s.ok()) return s;
  static const size_t kChunk = 8192;
  std::string buf(kChunk, '\0');
  for (;;) {
    Slice fragment;
    s = file->Read(kChunk, IOOptions(), &fragment, &buf[0], nullptr);
    if (!s.ok()) break;
    data->append(fragment.data(), fragment.size());
    if (fragment.empty()) break;
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
