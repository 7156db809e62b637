// Copyright (c) the rocksdb-cleanroom authors.
//
// Every operation first asks FaultInjectionFS::CheckOp (which may fail it),
// then calls the target, then reports what became written or durable:
//
//   Append/PositionedAppend/Truncate -> RecordAppend/RecordWriteAt/...
//   Sync/Fsync                       -> RecordSync(size before the call)
//   random read-write Sync/Fsync     -> RecordImageSync (re-reads the file)
//   directory Fsync                  -> RecordDirSync(watermark before it)
//
// Sizes and watermarks are sampled before the target call, so writes racing
// with a sync are never counted as durable by it.

#include "env/fault_injection_files.h"

#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

using OpClass = FaultInjectionFS::OpClass;

IOStatus DroppedFile(const std::string& path) {
  return IOStatus::IOError("file object lost in a simulated power loss", path);
}

}  // namespace

// --- FaultSequentialFile -------------------------------------------------

FaultSequentialFile::FaultSequentialFile(
    std::unique_ptr<FSSequentialFile>&& target, FaultInjectionFS* fs,
    std::string path, uint64_t generation)
    : target_(std::move(target)),
      fs_(fs),
      path_(std::move(path)),
      kind_(FaultFileKindOf(path_)),
      generation_(generation) {}

IOStatus FaultSequentialFile::Read(size_t n, const IOOptions& options,
                                   Slice* result, char* scratch,
                                   IODebugContext* dbg) {
  ReadFault fault;
  IOStatus s = fs_->CheckOp(FaultOp::kRead, kind_, kind_, path_,
                            OpClass::kQuery, generation_, &fault, dbg);
  if (!s.ok()) return s;
  s = target_->Read(n, options, result, scratch, dbg);
  if (!s.ok()) return s;
  return ApplyReadFault(fault, path_, result, scratch);
}

IOStatus FaultSequentialFile::Skip(uint64_t n) {
  IOStatus s = fs_->CheckOp(FaultOp::kRead, kind_, kind_, path_,
                            OpClass::kQuery, generation_, nullptr, nullptr);
  if (!s.ok()) return s;
  return target_->Skip(n);
}

IOStatus FaultSequentialFile::PositionedRead(uint64_t offset, size_t n,
                                             const IOOptions& options,
                                             Slice* result, char* scratch,
                                             IODebugContext* dbg) {
  ReadFault fault;
  IOStatus s = fs_->CheckOp(FaultOp::kRead, kind_, kind_, path_,
                            OpClass::kQuery, generation_, &fault, dbg);
  if (!s.ok()) return s;
  s = target_->PositionedRead(offset, n, options, result, scratch, dbg);
  if (!s.ok()) return s;
  return ApplyReadFault(fault, path_, result, scratch);
}

// --- FaultRandomAccessFile -----------------------------------------------

FaultRandomAccessFile::FaultRandomAccessFile(
    std::unique_ptr<FSRandomAccessFile>&& target, FaultInjectionFS* fs,
    std::string path, uint64_t generation)
    : target_(std::move(target)),
      fs_(fs),
      path_(std::move(path)),
      kind_(FaultFileKindOf(path_)),
      generation_(generation) {}

IOStatus FaultRandomAccessFile::Read(uint64_t offset, size_t n,
                                     const IOOptions& options, Slice* result,
                                     char* scratch, IODebugContext* dbg) const {
  ReadFault fault;
  IOStatus s = fs_->CheckOp(FaultOp::kRead, kind_, kind_, path_,
                            OpClass::kQuery, generation_, &fault, dbg);
  if (!s.ok()) return s;
  s = target_->Read(offset, n, options, result, scratch, dbg);
  if (!s.ok()) return s;
  return ApplyReadFault(fault, path_, result, scratch);
}

IOStatus FaultRandomAccessFile::MultiRead(FSReadRequest* reqs, size_t num_reqs,
                                          const IOOptions& options,
                                          IODebugContext* dbg) {
  for (size_t i = 0; i < num_reqs; ++i) {
    reqs[i].status = Read(reqs[i].offset, reqs[i].len, options, &reqs[i].result,
                          reqs[i].scratch, dbg);
  }
  return IOStatus::OK();
}

IOStatus FaultRandomAccessFile::ReadAsync(
    FSReadRequest& req, const IOOptions& opts,
    std::function<void(const FSReadRequest&, void*)> cb, void* cb_arg,
    void** io_handle, IOHandleDeleter* del_fn, IODebugContext* dbg) {
  return FSRandomAccessFile::ReadAsync(req, opts, std::move(cb), cb_arg,
                                       io_handle, del_fn, dbg);
}

// --- FaultWritableFile ---------------------------------------------------

FaultWritableFile::FaultWritableFile(std::unique_ptr<FSWritableFile>&& target,
                                     const FileOptions& options,
                                     FaultInjectionFS* fs, std::string path,
                                     FaultInjectionTracker::FileStatePtr state,
                                     uint64_t generation)
    : FSWritableFile(options),
      target_(std::move(target)),
      fs_(fs),
      path_(std::move(path)),
      kind_(FaultFileKindOf(path_)),
      state_(std::move(state)),
      generation_(generation) {
  fs_->Register(this);
}

FaultWritableFile::~FaultWritableFile() { fs_->Unregister(this); }

void FaultWritableFile::DropTarget() {
  if (target_ == nullptr) return;
  // The machine is gone: whatever Close reports does not matter.
  target_->Close(IOOptions(), nullptr).PermitUncheckedError();
  target_.reset();
}

IOStatus FaultWritableFile::Append(const Slice& data, const IOOptions& options,
                                   IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->Append(data, options, dbg);
  if (s.ok()) fs_->RecordAppend(state_, data.size());
  return s;
}

IOStatus FaultWritableFile::Append(
    const Slice& data, const IOOptions& options,
    const DataVerificationInfo& verification_info, IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->Append(data, options, verification_info, dbg);
  if (s.ok()) fs_->RecordAppend(state_, data.size());
  return s;
}

IOStatus FaultWritableFile::PositionedAppend(const Slice& data, uint64_t offset,
                                             const IOOptions& options,
                                             IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->PositionedAppend(data, offset, options, dbg);
  if (s.ok()) fs_->RecordWriteAt(state_, offset + data.size());
  return s;
}

IOStatus FaultWritableFile::PositionedAppend(
    const Slice& data, uint64_t offset, const IOOptions& options,
    const DataVerificationInfo& verification_info, IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->PositionedAppend(data, offset, options, verification_info, dbg);
  if (s.ok()) fs_->RecordWriteAt(state_, offset + data.size());
  return s;
}

IOStatus FaultWritableFile::Truncate(uint64_t size, const IOOptions& options,
                                     IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->Truncate(size, options, dbg);
  if (s.ok()) fs_->RecordTruncate(state_, size);
  return s;
}

IOStatus FaultWritableFile::Close(const IOOptions& options,
                                  IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kClose, kind_, kind_, path_,
                            OpClass::kWriteSide, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->Close(options, dbg);
}

IOStatus FaultWritableFile::Flush(const IOOptions& options,
                                  IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kFlush, kind_, kind_, path_,
                            OpClass::kWriteSide, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->Flush(options, dbg);
}

IOStatus FaultWritableFile::DoSync(bool fsync, const IOOptions& options,
                                   IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kSync, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  const uint64_t size = fs_->TrackedSize(state_);
  s = fsync ? target_->Fsync(options, dbg) : target_->Sync(options, dbg);
  if (!s.ok()) return s;
  if (state_->image) return fs_->RecordImageSync(state_, path_);
  fs_->RecordSync(state_, size);
  return s;
}

IOStatus FaultWritableFile::Sync(const IOOptions& options,
                                 IODebugContext* dbg) {
  return DoSync(false, options, dbg);
}

IOStatus FaultWritableFile::Fsync(const IOOptions& options,
                                  IODebugContext* dbg) {
  return DoSync(true, options, dbg);
}

IOStatus FaultWritableFile::RangeSync(uint64_t offset, uint64_t nbytes,
                                      const IOOptions& options,
                                      IODebugContext* dbg) {
  // Starts write-back only: nothing becomes durable.
  IOStatus s = fs_->CheckOp(FaultOp::kSync, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->RangeSync(offset, nbytes, options, dbg);
}

bool FaultWritableFile::IsSyncThreadSafe() const {
  return target_ != nullptr && target_->IsSyncThreadSafe();
}

bool FaultWritableFile::use_direct_io() const {
  return target_ != nullptr && target_->use_direct_io();
}

size_t FaultWritableFile::GetRequiredBufferAlignment() const {
  return target_ != nullptr ? target_->GetRequiredBufferAlignment()
                            : kDefaultPageSize;
}

void FaultWritableFile::SetWriteLifeTimeHint(Env::WriteLifeTimeHint hint) {
  FSWritableFile::SetWriteLifeTimeHint(hint);
  if (target_ != nullptr) target_->SetWriteLifeTimeHint(hint);
}

uint64_t FaultWritableFile::GetFileSize(const IOOptions& options,
                                        IODebugContext* dbg) {
  return target_ != nullptr ? target_->GetFileSize(options, dbg) : 0;
}

void FaultWritableFile::SetPreallocationBlockSize(size_t size) {
  if (target_ != nullptr) target_->SetPreallocationBlockSize(size);
}

void FaultWritableFile::GetPreallocationStatus(size_t* block_size,
                                               size_t* last_allocated_block) {
  if (target_ != nullptr) {
    target_->GetPreallocationStatus(block_size, last_allocated_block);
  } else {
    *block_size = 0;
    *last_allocated_block = 0;
  }
}

size_t FaultWritableFile::GetUniqueId(char* id, size_t max_size) const {
  return target_ != nullptr ? target_->GetUniqueId(id, max_size) : 0;
}

IOStatus FaultWritableFile::InvalidateCache(size_t offset, size_t length) {
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->InvalidateCache(offset, length);
}

void FaultWritableFile::PrepareWrite(size_t offset, size_t len,
                                     const IOOptions& options,
                                     IODebugContext* dbg) {
  if (target_ != nullptr) target_->PrepareWrite(offset, len, options, dbg);
}

IOStatus FaultWritableFile::Allocate(uint64_t offset, uint64_t len,
                                     const IOOptions& options,
                                     IODebugContext* dbg) {
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->Allocate(offset, len, options, dbg);
}

// --- FaultRandomRWFile ---------------------------------------------------

FaultRandomRWFile::FaultRandomRWFile(std::unique_ptr<FSRandomRWFile>&& target,
                                     FaultInjectionFS* fs, std::string path,
                                     FaultInjectionTracker::FileStatePtr state,
                                     uint64_t generation)
    : target_(std::move(target)),
      fs_(fs),
      path_(std::move(path)),
      kind_(FaultFileKindOf(path_)),
      state_(std::move(state)),
      generation_(generation) {
  fs_->Register(this);
}

FaultRandomRWFile::~FaultRandomRWFile() { fs_->Unregister(this); }

void FaultRandomRWFile::DropTarget() {
  if (target_ == nullptr) return;
  // The machine is gone: whatever Close reports does not matter.
  target_->Close(IOOptions(), nullptr).PermitUncheckedError();
  target_.reset();
}

bool FaultRandomRWFile::use_direct_io() const {
  return target_ != nullptr && target_->use_direct_io();
}

size_t FaultRandomRWFile::GetRequiredBufferAlignment() const {
  return target_ != nullptr ? target_->GetRequiredBufferAlignment()
                            : kDefaultPageSize;
}

IOStatus FaultRandomRWFile::Write(uint64_t offset, const Slice& data,
                                  const IOOptions& options,
                                  IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kWrite, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->Write(offset, data, options, dbg);
  if (s.ok()) fs_->RecordWriteAt(state_, offset + data.size());
  return s;
}

IOStatus FaultRandomRWFile::Read(uint64_t offset, size_t n,
                                 const IOOptions& options, Slice* result,
                                 char* scratch, IODebugContext* dbg) const {
  ReadFault fault;
  IOStatus s = fs_->CheckOp(FaultOp::kRead, kind_, kind_, path_,
                            OpClass::kQuery, generation_, &fault, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = target_->Read(offset, n, options, result, scratch, dbg);
  if (!s.ok()) return s;
  return ApplyReadFault(fault, path_, result, scratch);
}

IOStatus FaultRandomRWFile::Flush(const IOOptions& options,
                                  IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kFlush, kind_, kind_, path_,
                            OpClass::kWriteSide, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->Flush(options, dbg);
}

IOStatus FaultRandomRWFile::DoSync(bool fsync, const IOOptions& options,
                                   IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kSync, kind_, kind_, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  s = fsync ? target_->Fsync(options, dbg) : target_->Sync(options, dbg);
  if (!s.ok()) return s;
  return fs_->RecordImageSync(state_, path_);
}

IOStatus FaultRandomRWFile::Sync(const IOOptions& options,
                                 IODebugContext* dbg) {
  return DoSync(false, options, dbg);
}

IOStatus FaultRandomRWFile::Fsync(const IOOptions& options,
                                  IODebugContext* dbg) {
  return DoSync(true, options, dbg);
}

IOStatus FaultRandomRWFile::Close(const IOOptions& options,
                                  IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kClose, kind_, kind_, path_,
                            OpClass::kWriteSide, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  if (target_ == nullptr) return DroppedFile(path_);
  return target_->Close(options, dbg);
}

// --- FaultDirectory ------------------------------------------------------

FaultDirectory::FaultDirectory(std::unique_ptr<FSDirectory>&& target,
                               FaultInjectionFS* fs, std::string path,
                               uint64_t generation)
    : target_(std::move(target)),
      fs_(fs),
      path_(std::move(path)),
      generation_(generation) {}

IOStatus FaultDirectory::Fsync(const IOOptions& options, IODebugContext* dbg) {
  return FsyncWithDirOptions(options, dbg, DirFsyncOptions());
}

IOStatus FaultDirectory::FsyncWithDirOptions(
    const IOOptions& options, IODebugContext* dbg,
    const DirFsyncOptions& dir_fsync_options) {
  IOStatus s = fs_->CheckOp(FaultOp::kSync, FaultFileKind::kDirectory,
                            FaultFileKind::kDirectory, path_,
                            OpClass::kMutation, generation_, nullptr, dbg);
  if (!s.ok()) return s;
  const uint64_t watermark = fs_->DirOpsWatermark();
  s = target_->FsyncWithDirOptions(options, dbg, dir_fsync_options);
  if (!s.ok()) return s;
  return fs_->RecordDirSync(path_, watermark);
}

IOStatus FaultDirectory::Close(const IOOptions& options, IODebugContext* dbg) {
  IOStatus s = fs_->CheckOp(FaultOp::kClose, FaultFileKind::kDirectory,
                            FaultFileKind::kDirectory, path_, OpClass::kQuery,
                            generation_, nullptr, dbg);
  if (!s.ok()) return s;
  return target_->Close(options, dbg);
}

}  // namespace ROCKSDB_NAMESPACE
