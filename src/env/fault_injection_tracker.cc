// Copyright (c) the rocksdb-cleanroom authors.
//
// How a simulated power loss is applied to the wrapped file system:
//
//   directory changes  undone newest first: a created file is deleted, a
//                      deleted file is renamed back from its hidden copy,
//                      a rename is reversed (and the file it replaced is
//                      renamed back from its hidden copy), a removed
//                      directory is re-created, and a created directory is
//                      removed when it is empty by then.
//   file data          each tracked file with bytes past its synced size is
//                      reopened, truncated at the point where its surviving
//                      bytes end, and given the tail the loss style asks
//                      for; image-tracked files get their durable copy back.
//
// Every step checks that what it moves still exists, so partial (random
// subset) undo sequences that no longer line up are skipped, not failed.

#include "env/fault_injection_tracker.h"

#include <algorithm>
#include <utility>

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr uint64_t kReorderBlockSize = 4096;

bool Exists(FileSystem* fs, const std::string& path) {
  return fs->FileExists(path, IOOptions(), nullptr).ok();
}

// Keeps the first `offset` bytes of the file and appends `tail`.
IOStatus ReplaceTail(FileSystem* fs, const std::string& path, uint64_t offset,
                     const std::string& tail) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = fs->ReopenWritableFile(path, FileOptions(), &file, nullptr);
  if (!s.ok()) return s;
  const IOOptions io;
  s = file->Truncate(offset, io, nullptr);
  if (s.ok() && !tail.empty()) s = file->Append(tail, io, nullptr);
  if (s.ok()) s = file->Sync(io, nullptr);
  IOStatus close = file->Close(io, nullptr);
  return s.ok() ? close : s;
}

// Reads [offset, offset + n) of the file into *out.
IOStatus ReadRange(FileSystem* fs, const std::string& path, uint64_t offset,
                   size_t n, std::string* out) {
  std::unique_ptr<FSRandomAccessFile> file;
  IOStatus s = fs->NewRandomAccessFile(path, FileOptions(), &file, nullptr);
  if (!s.ok()) return s;
  out->assign(n, '\0');
  size_t done = 0;
  while (done < n) {
    Slice got;
    s = file->Read(offset + done, n - done, IOOptions(), &got, &(*out)[done],
                   nullptr);
    if (!s.ok()) return s;
    if (got.empty()) break;
    if (got.data() != &(*out)[done]) {
      std::copy_n(got.data(), got.size(), &(*out)[done]);
    }
    done += got.size();
  }
  out->resize(done);
  return IOStatus::OK();
}

std::string RandomBytes(Random64* rnd, size_t n) {
  std::string bytes(n, '\0');
  for (char& c : bytes) c = static_cast<char>(rnd->Next() & 0xff);
  return bytes;
}

}  // namespace

const char* UnsyncedDataLossName(UnsyncedDataLoss loss) {
  switch (loss) {
    case UnsyncedDataLoss::kNone:
      return "keep_unsynced";
    case UnsyncedDataLoss::kDropUnsynced:
      return "drop_unsynced";
    case UnsyncedDataLoss::kKeepRandomPrefix:
      return "keep_random_prefix";
    case UnsyncedDataLoss::kZeroFillTail:
      return "zero_fill_tail";
    case UnsyncedDataLoss::kGarbleTail:
      return "garble_tail";
    case UnsyncedDataLoss::kReorderBlocks:
      return "reorder_blocks";
  }
  return "unknown";
}

const char* UnsyncedDirLossName(UnsyncedDirLoss loss) {
  switch (loss) {
    case UnsyncedDirLoss::kNone:
      return "keep_dir_ops";
    case UnsyncedDirLoss::kDropUnsynced:
      return "drop_dir_ops";
    case UnsyncedDirLoss::kDropRandomSuffix:
      return "drop_random_suffix";
    case UnsyncedDirLoss::kDropRandomSubset:
      return "drop_random_subset";
  }
  return "unknown";
}

std::string NormalizeFaultPath(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out.push_back(c);
  }
  while (out.size() >= 2 && out[0] == '.' && out[1] == '/') out.erase(0, 2);
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string FaultPathDir(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// --- File data ----------------------------------------------------------

FaultInjectionTracker::FileStatePtr FaultInjectionTracker::Track(
    const std::string& path, uint64_t durable_size) {
  auto state = std::make_shared<FileState>();
  state->size = durable_size;
  state->synced_size = durable_size;
  files_[NormalizeFaultPath(path)] = state;
  return state;
}

FaultInjectionTracker::FileStatePtr FaultInjectionTracker::TrackImage(
    const std::string& path, std::string durable) {
  auto state = std::make_shared<FileState>();
  state->image = true;
  state->size = durable.size();
  state->synced_size = durable.size();
  state->synced_image = std::move(durable);
  files_[NormalizeFaultPath(path)] = state;
  return state;
}

FaultInjectionTracker::FileStatePtr FaultInjectionTracker::Find(
    const std::string& path) const {
  auto it = files_.find(NormalizeFaultPath(path));
  return it == files_.end() ? nullptr : it->second;
}

uint64_t FaultInjectionTracker::UnsyncedBytes(const std::string& path) const {
  FileStatePtr state = Find(path);
  if (state == nullptr || state->size <= state->synced_size) return 0;
  return state->size - state->synced_size;
}

IOStatus FaultInjectionTracker::MarkAllSynced(FileSystem* fs) {
  IOStatus result;
  for (auto& entry : files_) {
    FileState& state = *entry.second;
    state.synced_size = state.size;
    if (state.image && Exists(fs, entry.first)) {
      IOStatus s = ReadFileToString(fs, entry.first, &state.synced_image);
      if (!s.ok() && result.ok()) result = s;
    }
  }
  return result;
}

void FaultInjectionTracker::Move(const std::string& from,
                                 const std::string& to) {
  auto it = files_.find(from);
  if (it == files_.end()) {
    files_.erase(to);
    return;
  }
  FileStatePtr state = std::move(it->second);
  files_.erase(it);
  files_[to] = std::move(state);
}

// --- Directory changes --------------------------------------------------

void FaultInjectionTracker::AddOp(DirOp op) {
  op.seq = next_seq_++;
  ops_.push_back(std::move(op));
}

void FaultInjectionTracker::RecordCreate(const std::string& path, bool is_dir) {
  DirOp op;
  op.kind = is_dir ? DirOpKind::kCreateDir : DirOpKind::kCreateFile;
  op.path = NormalizeFaultPath(path);
  op.dir = FaultPathDir(op.path);
  AddOp(std::move(op));
}

void FaultInjectionTracker::RecordDelete(const std::string& path,
                                         const std::string& trash) {
  DirOp op;
  op.kind = DirOpKind::kDeleteFile;
  op.path = NormalizeFaultPath(path);
  op.dir = FaultPathDir(op.path);
  op.trash = NormalizeFaultPath(trash);
  Move(op.path, op.trash);
  AddOp(std::move(op));
}

void FaultInjectionTracker::RecordDeleteDir(const std::string& path) {
  DirOp op;
  op.kind = DirOpKind::kDeleteDir;
  op.path = NormalizeFaultPath(path);
  op.dir = FaultPathDir(op.path);
  AddOp(std::move(op));
}

void FaultInjectionTracker::RecordRename(const std::string& src,
                                         const std::string& dst,
                                         const std::string& replaced_trash) {
  DirOp op;
  op.kind = DirOpKind::kRename;
  op.src = NormalizeFaultPath(src);
  op.path = NormalizeFaultPath(dst);
  op.dir = FaultPathDir(op.path);
  if (!replaced_trash.empty()) {
    op.trash = NormalizeFaultPath(replaced_trash);
    Move(op.path, op.trash);
  }
  Move(op.src, op.path);
  AddOp(std::move(op));
}

IOStatus FaultInjectionTracker::Finalize(FileSystem* fs, const DirOp& op) {
  if (op.trash.empty()) return IOStatus::OK();
  files_.erase(op.trash);
  if (!Exists(fs, op.trash)) return IOStatus::OK();
  return fs->DeleteFile(op.trash, IOOptions(), nullptr);
}

IOStatus FaultInjectionTracker::CommitDir(FileSystem* fs,
                                          const std::string& dir,
                                          uint64_t watermark) {
  const std::string d = NormalizeFaultPath(dir);
  IOStatus result;
  std::vector<DirOp> rest;
  for (DirOp& op : ops_) {
    if (op.dir == d && op.seq <= watermark) {
      IOStatus s = Finalize(fs, op);
      if (!s.ok() && result.ok()) result = s;
    } else {
      rest.push_back(std::move(op));
    }
  }
  ops_ = std::move(rest);
  return result;
}

IOStatus FaultInjectionTracker::CommitTrashIn(FileSystem* fs,
                                              const std::string& dir) {
  const std::string d = NormalizeFaultPath(dir);
  IOStatus result;
  std::vector<DirOp> rest;
  for (DirOp& op : ops_) {
    if (!op.trash.empty() && FaultPathDir(op.trash) == d) {
      IOStatus s = Finalize(fs, op);
      if (!s.ok() && result.ok()) result = s;
      op.trash.clear();
      // A committed deletion has nothing left to undo; a rename still does.
      if (op.kind == DirOpKind::kDeleteFile) continue;
    }
    rest.push_back(std::move(op));
  }
  ops_ = std::move(rest);
  return result;
}

IOStatus FaultInjectionTracker::CommitAll(FileSystem* fs) {
  IOStatus result;
  for (const DirOp& op : ops_) {
    IOStatus s = Finalize(fs, op);
    if (!s.ok() && result.ok()) result = s;
  }
  ops_.clear();
  return result;
}

// --- Power loss ---------------------------------------------------------

IOStatus FaultInjectionTracker::Undo(FileSystem* fs, const DirOp& op) {
  const IOOptions io;
  switch (op.kind) {
    case DirOpKind::kCreateFile:
      files_.erase(op.path);
      if (!Exists(fs, op.path)) return IOStatus::OK();
      return fs->DeleteFile(op.path, io, nullptr);
    case DirOpKind::kCreateDir: {
      bool is_dir = false;
      if (!fs->IsDirectory(op.path, io, &is_dir, nullptr).ok() || !is_dir) {
        return IOStatus::OK();
      }
      // A directory that still holds durable entries stays (deliberately
      // ignored error: rmdir of a non-empty directory).
      fs->DeleteDir(op.path, io, nullptr).PermitUncheckedError();
      return IOStatus::OK();
    }
    case DirOpKind::kDeleteFile:
      if (!Exists(fs, op.trash) || Exists(fs, op.path)) return IOStatus::OK();
      Move(op.trash, op.path);
      return fs->RenameFile(op.trash, op.path, io, nullptr);
    case DirOpKind::kDeleteDir:
      return fs->CreateDirIfMissing(op.path, io, nullptr);
    case DirOpKind::kRename: {
      if (Exists(fs, op.path) && !Exists(fs, op.src)) {
        Move(op.path, op.src);
        IOStatus s = fs->RenameFile(op.path, op.src, io, nullptr);
        if (!s.ok()) return s;
      }
      if (!op.trash.empty() && Exists(fs, op.trash) && !Exists(fs, op.path)) {
        Move(op.trash, op.path);
        return fs->RenameFile(op.trash, op.path, io, nullptr);
      }
      return IOStatus::OK();
    }
  }
  return IOStatus::OK();
}

IOStatus FaultInjectionTracker::LoseDirOps(FileSystem* fs, UnsyncedDirLoss loss,
                                           Random64* rnd) {
  std::vector<bool> undo(ops_.size(), false);
  switch (loss) {
    case UnsyncedDirLoss::kNone:
      break;
    case UnsyncedDirLoss::kDropUnsynced:
      std::fill(undo.begin(), undo.end(), true);
      break;
    case UnsyncedDirLoss::kDropRandomSuffix: {
      const size_t keep = static_cast<size_t>(rnd->Uniform(ops_.size() + 1));
      for (size_t i = keep; i < undo.size(); ++i) undo[i] = true;
      break;
    }
    case UnsyncedDirLoss::kDropRandomSubset:
      for (size_t i = 0; i < undo.size(); ++i) undo[i] = rnd->OneIn(2);
      break;
  }
  IOStatus result;
  for (size_t i = ops_.size(); i-- > 0;) {
    if (!undo[i]) continue;
    IOStatus s = Undo(fs, ops_[i]);
    if (!s.ok() && result.ok()) result = s;
  }
  // Kept changes become final. Undone ones normally have no hidden copy
  // left; one that could not be put back (its name was taken again) goes.
  for (size_t i = 0; i < ops_.size(); ++i) {
    IOStatus s = Finalize(fs, ops_[i]);
    if (!s.ok() && result.ok()) result = s;
  }
  ops_.clear();
  return result;
}

IOStatus FaultInjectionTracker::LoseFileData(FileSystem* fs,
                                             const std::string& path,
                                             const FileState& state,
                                             UnsyncedDataLoss loss,
                                             Random64* rnd) {
  if (loss == UnsyncedDataLoss::kNone || !Exists(fs, path)) {
    return IOStatus::OK();
  }
  if (state.image) return ReplaceTail(fs, path, 0, state.synced_image);
  uint64_t actual = 0;
  IOStatus s = fs->GetFileSize(path, IOOptions(), &actual, nullptr);
  if (!s.ok()) return s;
  const uint64_t synced = state.synced_size;
  if (actual <= synced) return IOStatus::OK();
  const uint64_t unsynced = actual - synced;
  switch (loss) {
    case UnsyncedDataLoss::kNone:
      return IOStatus::OK();
    case UnsyncedDataLoss::kDropUnsynced:
      return ReplaceTail(fs, path, synced, "");
    case UnsyncedDataLoss::kKeepRandomPrefix:
      return ReplaceTail(fs, path, synced + rnd->Uniform(unsynced + 1), "");
    case UnsyncedDataLoss::kZeroFillTail:
      return ReplaceTail(fs, path, synced,
                         std::string(static_cast<size_t>(unsynced), '\0'));
    case UnsyncedDataLoss::kGarbleTail: {
      const uint64_t keep = rnd->Uniform(unsynced + 1);
      return ReplaceTail(
          fs, path, synced + keep,
          RandomBytes(rnd, static_cast<size_t>(unsynced - keep)));
    }
    case UnsyncedDataLoss::kReorderBlocks: {
      const uint64_t len = rnd->Uniform(unsynced + 1);
      std::string tail;
      s = ReadRange(fs, path, synced, static_cast<size_t>(len), &tail);
      if (!s.ok()) return s;
      // Walk the 4 KiB blocks of the file that overlap the tail.
      uint64_t pos = synced;
      while (pos < synced + tail.size()) {
        const uint64_t block_end =
            std::min((pos / kReorderBlockSize + 1) * kReorderBlockSize,
                     synced + tail.size());
        if (rnd->OneIn(2)) {
          std::fill(tail.begin() + static_cast<ptrdiff_t>(pos - synced),
                    tail.begin() + static_cast<ptrdiff_t>(block_end - synced),
                    '\0');
        }
        pos = block_end;
      }
      return ReplaceTail(fs, path, synced, tail);
    }
  }
  return IOStatus::OK();
}

IOStatus FaultInjectionTracker::LoseData(FileSystem* fs, UnsyncedDataLoss loss,
                                         Random64* rnd) {
  IOStatus result;
  for (const auto& entry : files_) {
    IOStatus s = LoseFileData(fs, entry.first, *entry.second, loss, rnd);
    if (!s.ok() && result.ok()) result = s;
  }
  files_.clear();
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
