// Copyright (c) the rocksdb-cleanroom authors.
//
// The vocabulary of FaultInjectionFS error injection: operation kinds, file
// kinds, fault rules and the set that matches operations against them, and
// the read faults (short or corrupted reads) applied to returned data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/io_status.h"
#include "rocksdb/slice.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {

// The kinds of operation counted and targeted by fault rules.
enum class FaultOp : uint8_t {
  kOpen = 0,   // opening or creating a file, opening a directory
  kRead,       // Read, PositionedRead, Skip, MultiRead, ReadAsync
  kWrite,      // Append, PositionedAppend, FSRandomRWFile::Write, Truncate
               // of an open file
  kFlush,      // FSWritableFile/FSRandomRWFile::Flush
  kSync,       // Sync, Fsync, RangeSync of files; Fsync of directories
  kClose,      // Close of files and directories
  kRename,     // RenameFile (and the rename inside ReuseWritableFile)
  kLink,       // LinkFile
  kDelete,     // DeleteFile, DeleteDir
  kCreateDir,  // CreateDir, CreateDirIfMissing
  kTruncate,   // FileSystem::Truncate
  kMetadata,   // FileExists, GetChildren*, GetFileSize, IsDirectory, ...
  kLock,       // LockFile, UnlockFile
  kAny,        // rules only: every kind above
};
constexpr size_t kNumFaultOps = static_cast<size_t>(FaultOp::kAny);

// "open", "read", ..., "any".
const char* FaultOpName(FaultOp op);

// The kinds of file a rule can target, inferred from the base name.
enum class FaultFileKind : uint8_t {
  kWal = 0,    // *.log (not the info LOG)
  kSst,        // *.sst, *.ldb
  kManifest,   // MANIFEST-*
  kCurrent,    // CURRENT
  kOptions,    // OPTIONS-* (including its .dbtmp temp file)
  kTemp,       // other *.dbtmp (temp files renamed to CURRENT or IDENTITY)
  kDirectory,  // directory operations (NewDirectory, dir Fsync, mkdir, ...)
  kOther,      // anything else (LOCK, LOG, IDENTITY, ...)
  kAny,        // rules only: every kind above
};

// The kind of the file at `path` (never kDirectory or kAny).
FaultFileKind FaultFileKindOf(const std::string& path);
const char* FaultFileKindName(FaultFileKind kind);

// What an injected fault does.
enum class FaultError : uint8_t {
  kIOError = 0,  // IOStatus::IOError
  kNoSpace,      // IOStatus::NoSpace (IOError, subcode kNoSpace)
  // Read operations only (others get kIOError): the read succeeds but
  // returns fewer bytes than the file holds, or one byte of the data flipped.
  // A read with no data to shorten or corrupt fails with IOError instead.
  kShortRead,
  kCorruptRead,
};

// Fail matching operations. Each rule counts the operations matching op and
// file_kind from the moment it is added; it fires on the nth of them (once),
// or on the nth and every later one (persistent). With one_in > 0, an
// operation at or past the nth fires only with probability 1/one_in (a once
// rule then fires on the first such hit).
struct FaultRule {
  FaultOp op = FaultOp::kAny;
  FaultFileKind file_kind = FaultFileKind::kAny;
  uint64_t nth = 1;  // 1-based
  bool persistent = false;
  uint32_t one_in = 0;
  FaultError error = FaultError::kIOError;
  // Marks injected errors with IOStatus::SetRetryable(true).
  bool retryable = false;
};

// A read fault decided before a read and applied to its result.
struct ReadFault {
  FaultError error = FaultError::kIOError;  // kShortRead or kCorruptRead
  bool armed = false;
  uint64_t random = 0;  // picks the length kept / the byte flipped
};

// Applies an armed read fault to a successful read result: keeps fewer
// bytes, or copies the data into scratch (which holds at least
// result->size() bytes) and flips one bit of one byte. An empty result
// cannot be shortened or corrupted: IOError instead.
IOStatus ApplyReadFault(const ReadFault& fault, const std::string& path,
                        Slice* result, char* scratch);

// The status an injected fault returns ("injected <op> error (faultfs)",
// path), IOError or NoSpace, retryable as the rule says.
IOStatus InjectedError(const FaultRule& rule, FaultOp op,
                       const std::string& path);

// Ordered fault rules with their match counts. Not thread-safe.
class FaultRuleSet {
 public:
  // Returns an id for Remove.
  int Add(const FaultRule& rule);
  void Remove(int id);
  void Clear() { rules_.clear(); }
  bool empty() const { return rules_.empty(); }

  // Offers the operation to the rules in insertion order. Each matching
  // rule (a file-kind rule matches when kind or kind2 is that kind) counts
  // it; the first that fires stops the walk (later rules do not see the
  // operation), sets *fired and returns true. A once rule that fires is
  // removed. rnd decides one_in rules.
  bool Match(FaultOp op, FaultFileKind kind, FaultFileKind kind2, Random64* rnd,
             FaultRule* fired);

 private:
  struct Entry {
    int id;
    FaultRule rule;
    uint64_t seen;
  };
  std::vector<Entry> rules_;
  int next_id_ = 1;
};

}  // namespace ROCKSDB_NAMESPACE
