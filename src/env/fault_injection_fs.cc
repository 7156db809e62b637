// Copyright (c) the rocksdb-cleanroom authors.
//
// FaultInjectionFS: fault rules, counters, the active flag, and the
// FileSystem calls. Each call runs CheckOp (count, maybe fail), then the
// target call without mu_ held, then records the directory change it made:
//
//   create a file      -> tracker RecordCreate (when it did not exist)
//   DeleteFile         -> rename to a hidden trash name + RecordDelete
//   RenameFile         -> hard-link a replaced target to trash first, then
//                         rename + RecordRename
//   CreateDir/DeleteDir -> RecordCreate(dir) / RecordDeleteDir

#include "env/fault_injection_fs.h"

#include <algorithm>
#include <utility>

#include "env/fault_injection_files.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr char kTrashPrefix[] = ".faultfs-trash-";

bool IsTrashName(const std::string& name) {
  return name.compare(0, sizeof(kTrashPrefix) - 1, kTrashPrefix) == 0;
}

}  // namespace

FaultInjectionFS::FaultInjectionFS(const std::shared_ptr<FileSystem>& target,
                                   uint64_t seed)
    : FileSystemWrapper(target),
      inactive_error_(IOStatus::IOError("filesystem is inactive (faultfs)")),
      rnd_(seed) {}

FaultInjectionFS::~FaultInjectionFS() {
  port::MutexLock l(&mu_);
  // Nothing can report an error from here; the hidden copies just go.
  tracker_.CommitAll(target()).PermitUncheckedError();
}

// --- Crash simulation -----------------------------------------------------

void FaultInjectionFS::SetFilesystemActive(bool active) {
  port::MutexLock l(&mu_);
  active_ = active;
  if (active) deactivate_after_ = 0;
}

void FaultInjectionFS::SetFilesystemActive(bool active, const IOStatus& error) {
  port::MutexLock l(&mu_);
  active_ = active;
  if (active) deactivate_after_ = 0;
  if (!error.ok()) inactive_error_ = error;
}

bool FaultInjectionFS::IsFilesystemActive() {
  port::MutexLock l(&mu_);
  return active_;
}

void FaultInjectionFS::DeactivateAfterMutations(uint64_t k) {
  port::MutexLock l(&mu_);
  deactivate_after_ = k;
}

void FaultInjectionFS::KillOpenFiles() {
  ++generation_;
  for (OpenFile* file : open_files_) file->DropTarget();
}

IOStatus FaultInjectionFS::SimulatePowerLoss(const PowerLossMode& mode) {
  port::MutexLock l(&mu_);
  KillOpenFiles();
  IOStatus s = tracker_.LoseDirOps(target(), mode.dir, &rnd_);
  IOStatus d = tracker_.LoseData(target(), mode.data, &rnd_);
  return s.ok() ? d : s;
}

IOStatus FaultInjectionFS::DropUnsyncedData(UnsyncedDataLoss loss) {
  port::MutexLock l(&mu_);
  KillOpenFiles();
  return tracker_.LoseData(target(), loss, &rnd_);
}

IOStatus FaultInjectionFS::DropUnsyncedDirOps(UnsyncedDirLoss loss) {
  port::MutexLock l(&mu_);
  KillOpenFiles();
  return tracker_.LoseDirOps(target(), loss, &rnd_);
}

IOStatus FaultInjectionFS::MarkAllDurable() {
  port::MutexLock l(&mu_);
  IOStatus s = tracker_.CommitAll(target());
  IOStatus d = tracker_.MarkAllSynced(target());
  return s.ok() ? d : s;
}

uint64_t FaultInjectionFS::UnsyncedBytes(const std::string& path) {
  port::MutexLock l(&mu_);
  return tracker_.UnsyncedBytes(path);
}

size_t FaultInjectionFS::PendingDirOps() {
  port::MutexLock l(&mu_);
  return tracker_.PendingDirOps();
}

// --- Error injection ------------------------------------------------------

int FaultInjectionFS::AddFaultRule(const FaultRule& rule) {
  port::MutexLock l(&mu_);
  return rules_.Add(rule);
}

void FaultInjectionFS::RemoveFaultRule(int id) {
  port::MutexLock l(&mu_);
  rules_.Remove(id);
}

void FaultInjectionFS::ClearFaultRules() {
  port::MutexLock l(&mu_);
  rules_.Clear();
}

void FaultInjectionFS::SetSeed(uint64_t seed) {
  port::MutexLock l(&mu_);
  rnd_ = Random64(seed);
}

uint64_t FaultInjectionFS::OpCount(FaultOp op) {
  port::MutexLock l(&mu_);
  const size_t i = static_cast<size_t>(op);
  if (i < kNumFaultOps) return op_counts_[i];
  uint64_t total = 0;
  for (uint64_t c : op_counts_) total += c;
  return total;
}

uint64_t FaultInjectionFS::InjectedCount(FaultOp op) {
  port::MutexLock l(&mu_);
  const size_t i = static_cast<size_t>(op);
  if (i < kNumFaultOps) return injected_counts_[i];
  uint64_t total = 0;
  for (uint64_t c : injected_counts_) total += c;
  return total;
}

uint64_t FaultInjectionFS::MutationCount() {
  port::MutexLock l(&mu_);
  return mutations_;
}

void FaultInjectionFS::ResetCounters() {
  port::MutexLock l(&mu_);
  std::fill(std::begin(op_counts_), std::end(op_counts_), 0);
  std::fill(std::begin(injected_counts_), std::end(injected_counts_), 0);
  mutations_ = 0;
}

IOStatus FaultInjectionFS::CheckOp(FaultOp op, FaultFileKind kind,
                                   FaultFileKind kind2, const std::string& path,
                                   OpClass op_class, uint64_t generation,
                                   ReadFault* read_fault, IODebugContext* dbg) {
  port::MutexLock l(&mu_);
  ++op_counts_[static_cast<size_t>(op)];
  if (generation != kNoGeneration && generation != generation_) {
    return IOStatus::IOError("file object lost in a simulated power loss",
                             path);
  }
  if (op_class != OpClass::kQuery && !active_) return inactive_error_;
  FaultRule fired;
  if (rules_.Match(op, kind, kind2, &rnd_, &fired)) {
    ++injected_counts_[static_cast<size_t>(op)];
    if (dbg != nullptr) dbg->msg = "fault injected by FaultInjectionFS";
    const bool read_style = fired.error == FaultError::kShortRead ||
                            fired.error == FaultError::kCorruptRead;
    if (read_style && read_fault != nullptr) {
      read_fault->armed = true;
      read_fault->error = fired.error;
      read_fault->random = rnd_.Next();
      return IOStatus::OK();
    }
    return InjectedError(fired, op, path);
  }
  if (op_class == OpClass::kMutation) {
    ++mutations_;
    if (deactivate_after_ > 0 && --deactivate_after_ == 0) active_ = false;
  }
  return IOStatus::OK();
}

// --- Tracking hooks for the file objects -----------------------------------

void FaultInjectionFS::RecordAppend(
    const FaultInjectionTracker::FileStatePtr& state, uint64_t n) {
  port::MutexLock l(&mu_);
  state->size += n;
}

void FaultInjectionFS::RecordWriteAt(
    const FaultInjectionTracker::FileStatePtr& state, uint64_t end_offset) {
  port::MutexLock l(&mu_);
  state->size = std::max(state->size, end_offset);
}

void FaultInjectionFS::RecordTruncate(
    const FaultInjectionTracker::FileStatePtr& state, uint64_t size) {
  port::MutexLock l(&mu_);
  state->size = size;
  state->synced_size = std::min(state->synced_size, size);
}

uint64_t FaultInjectionFS::TrackedSize(
    const FaultInjectionTracker::FileStatePtr& state) {
  port::MutexLock l(&mu_);
  return state->size;
}

void FaultInjectionFS::RecordSync(
    const FaultInjectionTracker::FileStatePtr& state, uint64_t synced_size) {
  port::MutexLock l(&mu_);
  state->synced_size =
      std::max(state->synced_size, std::min(synced_size, state->size));
}

IOStatus FaultInjectionFS::RecordImageSync(
    const FaultInjectionTracker::FileStatePtr& state, const std::string& path) {
  std::string content;
  IOStatus s = ReadFileToString(target(), path, &content);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  state->synced_image = std::move(content);
  state->synced_size = state->synced_image.size();
  return IOStatus::OK();
}

uint64_t FaultInjectionFS::DirOpsWatermark() {
  port::MutexLock l(&mu_);
  return tracker_.Watermark();
}

IOStatus FaultInjectionFS::RecordDirSync(const std::string& dir,
                                         uint64_t watermark) {
  port::MutexLock l(&mu_);
  return tracker_.CommitDir(target(), dir, watermark);
}

void FaultInjectionFS::Register(OpenFile* file) {
  port::MutexLock l(&mu_);
  open_files_.insert(file);
}

void FaultInjectionFS::Unregister(OpenFile* file) {
  port::MutexLock l(&mu_);
  open_files_.erase(file);
}

uint64_t FaultInjectionFS::generation() {
  port::MutexLock l(&mu_);
  return generation_;
}

std::string FaultInjectionFS::NewTrashName(const std::string& path) {
  port::MutexLock l(&mu_);
  const std::string dir = FaultPathDir(NormalizeFaultPath(path));
  return (dir == "/" ? "" : dir) + "/" + kTrashPrefix +
         std::to_string(++next_trash_);
}

IOStatus FaultInjectionFS::DurableContent(const std::string& path,
                                          std::string* content) {
  IOStatus s = ReadFileToString(target(), path, content);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  FaultInjectionTracker::FileStatePtr state = tracker_.Find(path);
  if (state != nullptr) {
    if (state->image) {
      *content = state->synced_image;
    } else if (content->size() > state->synced_size) {
      content->resize(static_cast<size_t>(state->synced_size));
    }
  }
  return IOStatus::OK();
}

// --- FileSystem -------------------------------------------------------------

IOStatus FaultInjectionFS::NewSequentialFile(
    const std::string& fname, const FileOptions& file_opts,
    std::unique_ptr<FSSequentialFile>* result, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kOpen, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  const uint64_t gen = generation();
  std::unique_ptr<FSSequentialFile> inner;
  s = target()->NewSequentialFile(fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  result->reset(new FaultSequentialFile(std::move(inner), this, fname, gen));
  return s;
}

IOStatus FaultInjectionFS::NewRandomAccessFile(
    const std::string& fname, const FileOptions& file_opts,
    std::unique_ptr<FSRandomAccessFile>* result, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kOpen, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  const uint64_t gen = generation();
  std::unique_ptr<FSRandomAccessFile> inner;
  s = target()->NewRandomAccessFile(fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  result->reset(new FaultRandomAccessFile(std::move(inner), this, fname, gen));
  return s;
}

IOStatus FaultInjectionFS::NewWritableFile(
    const std::string& fname, const FileOptions& file_opts,
    std::unique_ptr<FSWritableFile>* result, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kOpen, kind, kind, fname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  const bool existed =
      target()->FileExists(fname, file_opts.io_options, nullptr).ok();
  const uint64_t gen = generation();
  std::unique_ptr<FSWritableFile> inner;
  s = target()->NewWritableFile(fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  FaultInjectionTracker::FileStatePtr state;
  {
    port::MutexLock l(&mu_);
    state = tracker_.Track(fname, 0);
    if (!existed) tracker_.RecordCreate(fname, /*is_dir=*/false);
  }
  result->reset(new FaultWritableFile(std::move(inner), file_opts, this, fname,
                                      std::move(state), gen));
  return s;
}

IOStatus FaultInjectionFS::ReopenWritableFile(
    const std::string& fname, const FileOptions& file_opts,
    std::unique_ptr<FSWritableFile>* result, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kOpen, kind, kind, fname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  uint64_t size = 0;
  const bool existed =
      target()->GetFileSize(fname, file_opts.io_options, &size, nullptr).ok();
  const uint64_t gen = generation();
  std::unique_ptr<FSWritableFile> inner;
  s = target()->ReopenWritableFile(fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  FaultInjectionTracker::FileStatePtr state;
  {
    port::MutexLock l(&mu_);
    state = tracker_.Find(fname);
    // An untracked existing file counts as durable as it stands.
    if (state == nullptr) state = tracker_.Track(fname, existed ? size : 0);
    if (!existed) tracker_.RecordCreate(fname, /*is_dir=*/false);
  }
  result->reset(new FaultWritableFile(std::move(inner), file_opts, this, fname,
                                      std::move(state), gen));
  return s;
}

IOStatus FaultInjectionFS::ReuseWritableFile(
    const std::string& fname, const std::string& old_fname,
    const FileOptions& file_opts, std::unique_ptr<FSWritableFile>* result,
    IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kOpen, FaultFileKindOf(old_fname),
                       FaultFileKindOf(fname), fname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = DoRename(old_fname, fname, file_opts.io_options, dbg);
  if (!s.ok()) return s;
  // The reused file is overwritten from its start: track it by content.
  std::string durable;
  s = DurableContent(fname, &durable);
  if (!s.ok()) return s;
  const uint64_t gen = generation();
  std::unique_ptr<FSWritableFile> inner;
  // The rename is done: let the target reopen the file under its new name.
  s = target()->ReuseWritableFile(fname, fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  FaultInjectionTracker::FileStatePtr state;
  {
    port::MutexLock l(&mu_);
    state = tracker_.TrackImage(fname, std::move(durable));
  }
  result->reset(new FaultWritableFile(std::move(inner), file_opts, this, fname,
                                      std::move(state), gen));
  return s;
}

IOStatus FaultInjectionFS::NewRandomRWFile(
    const std::string& fname, const FileOptions& file_opts,
    std::unique_ptr<FSRandomRWFile>* result, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kOpen, kind, kind, fname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  const bool existed =
      target()->FileExists(fname, file_opts.io_options, nullptr).ok();
  std::string durable;
  if (existed) {
    s = DurableContent(fname, &durable);
    if (!s.ok()) return s;
  }
  const uint64_t gen = generation();
  std::unique_ptr<FSRandomRWFile> inner;
  s = target()->NewRandomRWFile(fname, file_opts, &inner, dbg);
  if (!s.ok()) return s;
  FaultInjectionTracker::FileStatePtr state;
  {
    port::MutexLock l(&mu_);
    state = tracker_.TrackImage(fname, std::move(durable));
    if (!existed) tracker_.RecordCreate(fname, /*is_dir=*/false);
  }
  result->reset(new FaultRandomRWFile(std::move(inner), this, fname,
                                      std::move(state), gen));
  return s;
}

IOStatus FaultInjectionFS::NewDirectory(const std::string& name,
                                        const IOOptions& io_opts,
                                        std::unique_ptr<FSDirectory>* result,
                                        IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kOpen, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, name, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  const uint64_t gen = generation();
  std::unique_ptr<FSDirectory> inner;
  s = target()->NewDirectory(name, io_opts, &inner, dbg);
  if (!s.ok()) return s;
  result->reset(new FaultDirectory(std::move(inner), this, name, gen));
  return s;
}

IOStatus FaultInjectionFS::FileExists(const std::string& fname,
                                      const IOOptions& io_opts,
                                      IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kMetadata, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->FileExists(fname, io_opts, dbg);
}

IOStatus FaultInjectionFS::GetChildren(const std::string& dir,
                                       const IOOptions& io_opts,
                                       std::vector<std::string>* result,
                                       IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kMetadata, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, dir, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = target()->GetChildren(dir, io_opts, result, dbg);
  result->erase(std::remove_if(result->begin(), result->end(), IsTrashName),
                result->end());
  return s;
}

IOStatus FaultInjectionFS::GetChildrenFileAttributes(
    const std::string& dir, const IOOptions& options,
    std::vector<FileAttributes>* result, IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kMetadata, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, dir, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = target()->GetChildrenFileAttributes(dir, options, result, dbg);
  result->erase(std::remove_if(result->begin(), result->end(),
                               [](const FileAttributes& a) {
                                 return IsTrashName(a.name);
                               }),
                result->end());
  return s;
}

IOStatus FaultInjectionFS::DeleteFile(const std::string& fname,
                                      const IOOptions& options,
                                      IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kDelete, kind, kind, fname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  bool is_dir = false;
  if (target()->IsDirectory(fname, options, &is_dir, nullptr).ok() && !is_dir) {
    // Keep the file under a hidden name until the deletion is durable.
    const std::string trash = NewTrashName(fname);
    if (target()->RenameFile(fname, trash, options, nullptr).ok()) {
      port::MutexLock l(&mu_);
      tracker_.RecordDelete(fname, trash);
      return IOStatus::OK();
    }
  }
  // Missing, a directory, or not renamable: the target says what is wrong.
  return target()->DeleteFile(fname, options, dbg);
}

IOStatus FaultInjectionFS::Truncate(const std::string& fname, size_t size,
                                    const IOOptions& options,
                                    IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kTruncate, kind, kind, fname,
                       OpClass::kMutation, kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = target()->Truncate(fname, size, options, dbg);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  FaultInjectionTracker::FileStatePtr state = tracker_.Find(fname);
  if (state != nullptr) {
    state->size = size;
    state->synced_size = std::min<uint64_t>(state->synced_size, size);
  }
  return s;
}

IOStatus FaultInjectionFS::CreateDir(const std::string& dirname,
                                     const IOOptions& options,
                                     IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kCreateDir, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, dirname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = target()->CreateDir(dirname, options, dbg);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  tracker_.RecordCreate(dirname, /*is_dir=*/true);
  return s;
}

IOStatus FaultInjectionFS::CreateDirIfMissing(const std::string& dirname,
                                              const IOOptions& options,
                                              IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kCreateDir, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, dirname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  bool is_dir = false;
  const bool existed =
      target()->IsDirectory(dirname, options, &is_dir, nullptr).ok() && is_dir;
  s = target()->CreateDirIfMissing(dirname, options, dbg);
  if (!s.ok() || existed) return s;
  port::MutexLock l(&mu_);
  tracker_.RecordCreate(dirname, /*is_dir=*/true);
  return s;
}

IOStatus FaultInjectionFS::DeleteDir(const std::string& dirname,
                                     const IOOptions& options,
                                     IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kDelete, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, dirname, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  {
    // Hidden copies of deleted files would keep the directory non-empty:
    // their deletions become durable now.
    port::MutexLock l(&mu_);
    s = tracker_.CommitTrashIn(target(), dirname);
  }
  if (!s.ok()) return s;
  s = target()->DeleteDir(dirname, options, dbg);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  tracker_.RecordDeleteDir(dirname);
  return s;
}

IOStatus FaultInjectionFS::GetFileSize(const std::string& fname,
                                       const IOOptions& options,
                                       uint64_t* file_size,
                                       IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kMetadata, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->GetFileSize(fname, options, file_size, dbg);
}

IOStatus FaultInjectionFS::GetFileModificationTime(const std::string& fname,
                                                   const IOOptions& options,
                                                   uint64_t* file_mtime,
                                                   IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kMetadata, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->GetFileModificationTime(fname, options, file_mtime, dbg);
}

IOStatus FaultInjectionFS::RenameFile(const std::string& src,
                                      const std::string& target_name,
                                      const IOOptions& options,
                                      IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kRename, FaultFileKindOf(src),
                       FaultFileKindOf(target_name), src, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return DoRename(src, target_name, options, dbg);
}

IOStatus FaultInjectionFS::DoRename(const std::string& src,
                                    const std::string& dst,
                                    const IOOptions& options,
                                    IODebugContext* dbg) {
  std::string trash;
  if (target()->FileExists(dst, options, nullptr).ok()) {
    // Keep the file about to be replaced so that a power loss can bring it
    // back; without hard links the replacement cannot be undone.
    trash = NewTrashName(dst);
    if (!target()->LinkFile(dst, trash, options, nullptr).ok()) trash.clear();
  }
  IOStatus s = target()->RenameFile(src, dst, options, dbg);
  if (!s.ok()) {
    if (!trash.empty()) {
      // Best effort cleanup; the rename error is what matters.
      target()->DeleteFile(trash, options, nullptr).PermitUncheckedError();
    }
    return s;
  }
  port::MutexLock l(&mu_);
  tracker_.RecordRename(src, dst, trash);
  return s;
}

IOStatus FaultInjectionFS::LinkFile(const std::string& src,
                                    const std::string& target_name,
                                    const IOOptions& options,
                                    IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kLink, FaultFileKindOf(src),
                       FaultFileKindOf(target_name), src, OpClass::kMutation,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  s = target()->LinkFile(src, target_name, options, dbg);
  if (!s.ok()) return s;
  port::MutexLock l(&mu_);
  tracker_.RecordCreate(target_name, /*is_dir=*/false);
  return s;
}

IOStatus FaultInjectionFS::NumFileLinks(const std::string& fname,
                                        const IOOptions& options,
                                        uint64_t* count, IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kMetadata, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->NumFileLinks(fname, options, count, dbg);
}

IOStatus FaultInjectionFS::AreFilesSame(const std::string& first,
                                        const std::string& second,
                                        const IOOptions& options, bool* res,
                                        IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kMetadata, FaultFileKindOf(first),
                       FaultFileKindOf(second), first, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->AreFilesSame(first, second, options, res, dbg);
}

IOStatus FaultInjectionFS::LockFile(const std::string& fname,
                                    const IOOptions& options, FileLock** lock,
                                    IODebugContext* dbg) {
  const FaultFileKind kind = FaultFileKindOf(fname);
  IOStatus s = CheckOp(FaultOp::kLock, kind, kind, fname, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->LockFile(fname, options, lock, dbg);
}

IOStatus FaultInjectionFS::UnlockFile(FileLock* lock, const IOOptions& options,
                                      IODebugContext* dbg) {
  IOStatus s =
      CheckOp(FaultOp::kLock, FaultFileKind::kOther, FaultFileKind::kOther, "",
              OpClass::kQuery, kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->UnlockFile(lock, options, dbg);
}

IOStatus FaultInjectionFS::IsDirectory(const std::string& path,
                                       const IOOptions& options, bool* is_dir,
                                       IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kMetadata, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, path, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->IsDirectory(path, options, is_dir, dbg);
}

IOStatus FaultInjectionFS::GetFreeSpace(const std::string& path,
                                        const IOOptions& options,
                                        uint64_t* diskfree,
                                        IODebugContext* dbg) {
  IOStatus s = CheckOp(FaultOp::kMetadata, FaultFileKind::kDirectory,
                       FaultFileKind::kDirectory, path, OpClass::kQuery,
                       kNoGeneration, nullptr, dbg);
  if (!s.ok()) return s;
  return target()->GetFreeSpace(path, options, diskfree, dbg);
}

}  // namespace ROCKSDB_NAMESPACE
