// Copyright (c) the rocksdb-cleanroom authors.
//
// FaultInjectionFS: a FileSystemWrapper for tests and the stress tool. It
// remembers what has not been made durable yet (bytes appended since a file's
// last Sync, directory entries changed since the directory's last Fsync),
// simulates a power loss by throwing that away in one of several styles,
// injects I/O errors on chosen operations, can act as a crashed machine
// (every write fails) and counts the operations it sees.
// How a test uses it: docs/fault_injection.md.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "env/fault_injection_rules.h"
#include "env/fault_injection_tracker.h"
#include "port/mutex.h"
#include "rocksdb/file_system.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {

// How a simulated power loss treats each kind of unsynced state.
struct PowerLossMode {
  UnsyncedDataLoss data = UnsyncedDataLoss::kDropUnsynced;
  UnsyncedDirLoss dir = UnsyncedDirLoss::kDropUnsynced;
};

// Thread-safe. Every file object it returns must be destroyed before it.
//
// Durability model: a byte appended to a file is durable once a Sync or
// Fsync of that file (through this FS) returned OK; a created, renamed or
// deleted directory entry is durable once an Fsync of its directory (the
// target's directory for a rename) returned OK. Files that existed before
// they were first opened for writing here count as durable. Deleted files
// are kept under a hidden name (".faultfs-trash-<n>", never listed by
// GetChildren) until the deletion becomes durable, so that a power loss can
// bring them back.
//
// Locking: mu_ guards all mutable state below (rules, counters, the
// generator, the active flag, the tracker and the FileStates it shares with
// open files, the open-file set). It is held while calling the target only
// by SimulatePowerLoss/DropUnsynced*/MarkAllDurable and the destructor
// (which require that no other thread uses this FS at the same time) and by
// DeleteDir while it removes hidden copies of deleted files.
class FaultInjectionFS : public FileSystemWrapper {
 public:
  explicit FaultInjectionFS(const std::shared_ptr<FileSystem>& target,
                            uint64_t seed = 0);
  // Makes every pending deletion final (removes the hidden files).
  ~FaultInjectionFS() override;

  static const char* kClassName() { return "FaultInjectionFS"; }
  const char* Name() const override { return kClassName(); }

  // --- Crash simulation -------------------------------------------------

  // Inactive, every operation that would change storage (open for write,
  // write, flush, sync, close of a written file, rename, link, delete,
  // mkdir, truncate) fails with `error` (default: an IOError saying the FS
  // is inactive); reads, metadata queries and locks still work. Going
  // active cancels DeactivateAfterMutations.
  void SetFilesystemActive(bool active);
  void SetFilesystemActive(bool active, const IOStatus& error);
  bool IsFilesystemActive();

  // Goes inactive as soon as k more storage-changing operations have been
  // issued (the k-th one itself still runs). 0 cancels.
  void DeactivateAfterMutations(uint64_t k);

  // Simulates a power loss: undoes unsynced directory changes and loses
  // unsynced file data as `mode` says, then treats what is left as durable.
  // Files still open stop working (every call fails) and are closed
  // underneath. Does not change the active flag.
  // REQUIRES: no other thread uses this FS during the call.
  IOStatus SimulatePowerLoss(const PowerLossMode& mode = PowerLossMode());
  // Only the file-data half / only the directory half of the above (open
  // files stop working as well); the other kind of unsynced state stays
  // tracked.
  // REQUIRES: no other thread uses this FS during the call.
  IOStatus DropUnsyncedData(UnsyncedDataLoss loss);
  IOStatus DropUnsyncedDirOps(UnsyncedDirLoss loss);
  // Treats everything as durable now (pending deletions become final).
  // REQUIRES: no other thread uses this FS during the call.
  IOStatus MarkAllDurable();

  // Bytes of `path` that a power loss may lose (0 when untracked).
  uint64_t UnsyncedBytes(const std::string& path);
  // Directory changes not yet made durable.
  size_t PendingDirOps();

  // --- Error injection --------------------------------------------------

  // Returns an id for RemoveFaultRule. Rules are checked in the order they
  // were added; the first that fires decides and later ones do not see that
  // operation (see FaultRuleSet::Match). Inactive-FS failures and failures
  // of file objects lost in a power loss come first and count for no rule.
  int AddFaultRule(const FaultRule& rule);
  void RemoveFaultRule(int id);
  void ClearFaultRules();
  // Reseeds the generator behind one_in rules, short/corrupt reads and the
  // random power-loss styles.
  void SetSeed(uint64_t seed);

  // --- Counters ---------------------------------------------------------

  // Operations of a kind seen (including failed and injected ones).
  uint64_t OpCount(FaultOp op);
  // Faults injected into operations of a kind.
  uint64_t InjectedCount(FaultOp op);
  // Storage-changing operations issued to the target.
  uint64_t MutationCount();
  void ResetCounters();

  // --- FileSystem -------------------------------------------------------

  IOStatus NewSequentialFile(const std::string& fname,
                             const FileOptions& file_opts,
                             std::unique_ptr<FSSequentialFile>* result,
                             IODebugContext* dbg) override;
  IOStatus NewRandomAccessFile(const std::string& fname,
                               const FileOptions& file_opts,
                               std::unique_ptr<FSRandomAccessFile>* result,
                               IODebugContext* dbg) override;
  IOStatus NewWritableFile(const std::string& fname,
                           const FileOptions& file_opts,
                           std::unique_ptr<FSWritableFile>* result,
                           IODebugContext* dbg) override;
  IOStatus ReopenWritableFile(const std::string& fname,
                              const FileOptions& file_opts,
                              std::unique_ptr<FSWritableFile>* result,
                              IODebugContext* dbg) override;
  IOStatus ReuseWritableFile(const std::string& fname,
                             const std::string& old_fname,
                             const FileOptions& file_opts,
                             std::unique_ptr<FSWritableFile>* result,
                             IODebugContext* dbg) override;
  IOStatus NewRandomRWFile(const std::string& fname,
                           const FileOptions& file_opts,
                           std::unique_ptr<FSRandomRWFile>* result,
                           IODebugContext* dbg) override;
  IOStatus NewDirectory(const std::string& name, const IOOptions& io_opts,
                        std::unique_ptr<FSDirectory>* result,
                        IODebugContext* dbg) override;
  IOStatus FileExists(const std::string& fname, const IOOptions& io_opts,
                      IODebugContext* dbg) override;
  IOStatus GetChildren(const std::string& dir, const IOOptions& io_opts,
                       std::vector<std::string>* result,
                       IODebugContext* dbg) override;
  IOStatus GetChildrenFileAttributes(const std::string& dir,
                                     const IOOptions& options,
                                     std::vector<FileAttributes>* result,
                                     IODebugContext* dbg) override;
  IOStatus DeleteFile(const std::string& fname, const IOOptions& options,
                      IODebugContext* dbg) override;
  IOStatus Truncate(const std::string& fname, size_t size,
                    const IOOptions& options, IODebugContext* dbg) override;
  IOStatus CreateDir(const std::string& dirname, const IOOptions& options,
                     IODebugContext* dbg) override;
  IOStatus CreateDirIfMissing(const std::string& dirname,
                              const IOOptions& options,
                              IODebugContext* dbg) override;
  IOStatus DeleteDir(const std::string& dirname, const IOOptions& options,
                     IODebugContext* dbg) override;
  IOStatus GetFileSize(const std::string& fname, const IOOptions& options,
                       uint64_t* file_size, IODebugContext* dbg) override;
  IOStatus GetFileModificationTime(const std::string& fname,
                                   const IOOptions& options,
                                   uint64_t* file_mtime,
                                   IODebugContext* dbg) override;
  IOStatus RenameFile(const std::string& src, const std::string& target,
                      const IOOptions& options, IODebugContext* dbg) override;
  IOStatus LinkFile(const std::string& src, const std::string& target,
                    const IOOptions& options, IODebugContext* dbg) override;
  IOStatus NumFileLinks(const std::string& fname, const IOOptions& options,
                        uint64_t* count, IODebugContext* dbg) override;
  IOStatus AreFilesSame(const std::string& first, const std::string& second,
                        const IOOptions& options, bool* res,
                        IODebugContext* dbg) override;
  IOStatus LockFile(const std::string& fname, const IOOptions& options,
                    FileLock** lock, IODebugContext* dbg) override;
  IOStatus UnlockFile(FileLock* lock, const IOOptions& options,
                      IODebugContext* dbg) override;
  IOStatus IsDirectory(const std::string& path, const IOOptions& options,
                       bool* is_dir, IODebugContext* dbg) override;
  IOStatus GetFreeSpace(const std::string& path, const IOOptions& options,
                        uint64_t* diskfree, IODebugContext* dbg) override;

  // --- For the file objects (fault_injection_files.h) --------------------

  // How an operation relates to the active flag and the mutation count.
  enum class OpClass : uint8_t {
    kQuery,      // works while inactive, not counted as a mutation
    kWriteSide,  // fails while inactive, not counted (Flush, Close)
    kMutation,   // fails while inactive, counted (changes storage)
  };
  // Counts the operation and decides its fate: non-OK means fail it with
  // that status without touching the target. For reads pass read_fault:
  // short/corrupt faults then arm it and return OK. A rule targeting a file
  // kind matches when `kind` or `kind2` is that kind. generation: that of
  // the calling file object (kNoGeneration for FS-level calls).
  IOStatus CheckOp(FaultOp op, FaultFileKind kind, FaultFileKind kind2,
                   const std::string& path, OpClass op_class,
                   uint64_t generation, ReadFault* read_fault,
                   IODebugContext* dbg) EXCLUDES(mu_);
  static constexpr uint64_t kNoGeneration = ~uint64_t{0};

  // Tracking updates from open files (see FaultInjectionTracker).
  void RecordAppend(const FaultInjectionTracker::FileStatePtr& state,
                    uint64_t n) EXCLUDES(mu_);
  void RecordWriteAt(const FaultInjectionTracker::FileStatePtr& state,
                     uint64_t end_offset) EXCLUDES(mu_);
  void RecordTruncate(const FaultInjectionTracker::FileStatePtr& state,
                      uint64_t size) EXCLUDES(mu_);
  uint64_t TrackedSize(const FaultInjectionTracker::FileStatePtr& state)
      EXCLUDES(mu_);
  void RecordSync(const FaultInjectionTracker::FileStatePtr& state,
                  uint64_t synced_size) EXCLUDES(mu_);
  // Re-reads the file's content as its durable image (image-tracked files).
  IOStatus RecordImageSync(const FaultInjectionTracker::FileStatePtr& state,
                           const std::string& path) EXCLUDES(mu_);
  uint64_t DirOpsWatermark() EXCLUDES(mu_);
  IOStatus RecordDirSync(const std::string& dir, uint64_t watermark)
      EXCLUDES(mu_);

  // Open writable and read-write files register so that a power loss can
  // close them underneath.
  class OpenFile {
   public:
    virtual ~OpenFile() {}
    // Closes and drops the wrapped target object.
    virtual void DropTarget() = 0;
  };
  void Register(OpenFile* file) EXCLUDES(mu_);
  void Unregister(OpenFile* file) EXCLUDES(mu_);
  uint64_t generation() EXCLUDES(mu_);

 private:
  // Rename with tracking but without counting or fault checks.
  IOStatus DoRename(const std::string& src, const std::string& target,
                    const IOOptions& options, IODebugContext* dbg)
      EXCLUDES(mu_);
  // A fresh hidden name in the directory of `path`.
  std::string NewTrashName(const std::string& path) EXCLUDES(mu_);
  // Reads the durable content of an existing file for image tracking: the
  // synced prefix if tracked, else all of it.
  IOStatus DurableContent(const std::string& path, std::string* content)
      EXCLUDES(mu_);
  void KillOpenFiles() REQUIRES(mu_);

  port::Mutex mu_;
  bool active_ GUARDED_BY(mu_) = true;
  IOStatus inactive_error_ GUARDED_BY(mu_);
  uint64_t deactivate_after_ GUARDED_BY(mu_) = 0;
  FaultRuleSet rules_ GUARDED_BY(mu_);
  Random64 rnd_ GUARDED_BY(mu_);
  uint64_t op_counts_[kNumFaultOps] GUARDED_BY(mu_) = {};
  uint64_t injected_counts_[kNumFaultOps] GUARDED_BY(mu_) = {};
  uint64_t mutations_ GUARDED_BY(mu_) = 0;
  uint64_t next_trash_ GUARDED_BY(mu_) = 0;
  // Bumped by every power loss; files opened before it stop working.
  uint64_t generation_ GUARDED_BY(mu_) = 0;
  FaultInjectionTracker tracker_ GUARDED_BY(mu_);
  std::set<OpenFile*> open_files_ GUARDED_BY(mu_);
};

}  // namespace ROCKSDB_NAMESPACE
