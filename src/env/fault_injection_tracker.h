// Copyright (c) the rocksdb-cleanroom authors.
//
// FaultInjectionTracker: the durability bookkeeping behind FaultInjectionFS.
// It knows, per file, how much has been synced, and the ordered list of
// directory changes not yet made durable by a directory Fsync; on a
// simulated power loss it rewrites the underlying files and directories to
// one of the states a real crash could leave.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/file_system.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {

// What a power loss does to bytes written but not synced.
enum class UnsyncedDataLoss : uint8_t {
  kNone = 0,          // they survive (what a process crash does)
  kDropUnsynced,      // files go back to their last synced size
  kKeepRandomPrefix,  // a random prefix of them survives
  kZeroFillTail,      // they read back as zeros; the size is kept
  kGarbleTail,        // a random prefix survives, the rest of the old size
                      // holds random bytes
  kReorderBlocks,     // a random length survives; inside it each unsynced
                      // 4 KiB block keeps its data or reads as zeros
};

// What a power loss does to directory changes not made durable.
enum class UnsyncedDirLoss : uint8_t {
  kNone = 0,          // they all survive
  kDropUnsynced,      // they are all undone
  kDropRandomSuffix,  // the changes after a random point are undone
  kDropRandomSubset,  // each is undone with probability 1/2
};

// "drop_unsynced", ... for messages and test names.
const char* UnsyncedDataLossName(UnsyncedDataLoss loss);
const char* UnsyncedDirLossName(UnsyncedDirLoss loss);

// Collapses repeated slashes and drops "./" prefixes and trailing slashes.
std::string NormalizeFaultPath(const std::string& path);
// The directory part of a normalized path ("." when there is none).
std::string FaultPathDir(const std::string& path);

// Not thread-safe (FaultInjectionFS guards it with its mutex). Paths passed
// in are normalized here. The FileSystem passed to the I/O methods is the
// one being wrapped, never the FaultInjectionFS.
class FaultInjectionTracker {
 public:
  // The write state of one file. Shared with the open file objects, which
  // update it (under the FS mutex) as they write and sync.
  struct FileState {
    uint64_t size = 0;         // bytes written (end of the last write)
    uint64_t synced_size = 0;  // durable prefix
    // Files written at arbitrary offsets (random read-write files, reused
    // WAL files) keep a copy of their durable content instead.
    bool image = false;
    std::string synced_image;
  };
  using FileStatePtr = std::shared_ptr<FileState>;

  enum class DirOpKind : uint8_t {
    kCreateFile,
    kCreateDir,
    kDeleteFile,
    kDeleteDir,
    kRename,
  };
  struct DirOp {
    DirOpKind kind;
    uint64_t seq;       // order of recording, from 1
    std::string dir;    // the directory whose Fsync makes it durable
    std::string path;   // created/deleted path; rename target
    std::string src;    // rename source
    std::string trash;  // hidden copy of a deleted or replaced file
  };

  // --- File data --------------------------------------------------------

  // Starts tracking `path` afresh with durable_size bytes counted as synced.
  FileStatePtr Track(const std::string& path, uint64_t durable_size);
  // Starts tracking `path` by content copy.
  FileStatePtr TrackImage(const std::string& path, std::string durable);
  // Null when untracked.
  FileStatePtr Find(const std::string& path) const;
  uint64_t UnsyncedBytes(const std::string& path) const;
  // Every tracked file counts as synced; image files are re-read from fs.
  IOStatus MarkAllSynced(FileSystem* fs);

  // --- Directory changes ------------------------------------------------

  void RecordCreate(const std::string& path, bool is_dir);
  // `trash`: the hidden name the file was renamed to.
  void RecordDelete(const std::string& path, const std::string& trash);
  void RecordDeleteDir(const std::string& path);
  // `replaced_trash`: hidden copy of the file `dst` replaced ("" if none).
  void RecordRename(const std::string& src, const std::string& dst,
                    const std::string& replaced_trash);
  // Sequence number of the last recorded change (0 if none yet).
  uint64_t Watermark() const { return next_seq_ - 1; }
  size_t PendingDirOps() const { return ops_.size(); }
  const std::vector<DirOp>& pending_ops() const { return ops_; }

  // Makes durable the changes of `dir` recorded up to `watermark`.
  IOStatus CommitDir(FileSystem* fs, const std::string& dir,
                     uint64_t watermark);
  // Makes durable the deletions whose hidden copies lie in `dir` (before
  // that directory is removed).
  IOStatus CommitTrashIn(FileSystem* fs, const std::string& dir);
  // Makes every change durable.
  IOStatus CommitAll(FileSystem* fs);

  // --- Power loss -------------------------------------------------------

  // Undoes unsynced directory changes per `loss` (in reverse order) and
  // commits the rest. File states follow their files' names.
  IOStatus LoseDirOps(FileSystem* fs, UnsyncedDirLoss loss, Random64* rnd);
  // Rewrites each tracked file per `loss`, then forgets all file states.
  IOStatus LoseData(FileSystem* fs, UnsyncedDataLoss loss, Random64* rnd);

 private:
  void Move(const std::string& from, const std::string& to);
  void AddOp(DirOp op);
  // Removes the hidden copies an op keeps.
  IOStatus Finalize(FileSystem* fs, const DirOp& op);
  IOStatus Undo(FileSystem* fs, const DirOp& op);
  IOStatus LoseFileData(FileSystem* fs, const std::string& path,
                        const FileState& state, UnsyncedDataLoss loss,
                        Random64* rnd);

  std::map<std::string, FileStatePtr> files_;
  std::vector<DirOp> ops_;  // in recording order
  uint64_t next_seq_ = 1;
};

}  // namespace ROCKSDB_NAMESPACE
