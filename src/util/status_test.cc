// Copyright (c) the rocksdb-cleanroom authors.
//
// Status and IOStatus. Every expected string below was printed by Debian's
// RocksDB 7.8.3 (librocksdb) for the same calls.
#include "rocksdb/status.h"

#include <gtest/gtest.h>

#include <string>

#include "rocksdb/io_status.h"

namespace ROCKSDB_NAMESPACE {
namespace {

// Reaches the protected (code, subcode) constructor.
struct RawStatus : public Status {
  RawStatus(Code c, SubCode sc) : Status(c, sc) {}
};

// What 7.8.3 printed for each code with no subcode and no message.
const char* const kCodeText[] = {
    "OK",
    "NotFound: ",
    "Corruption: ",
    "Not implemented: ",
    "Invalid argument: ",
    "IO error: ",
    "Merge in progress: ",
    "Result incomplete: ",
    "Shutdown in progress: ",
    "Operation timed out: ",
    "Operation aborted: ",
    "Resource busy: ",
    "Operation expired: ",
    "Operation failed. Try again.: ",
    "Compaction too large: ",
    "Column family dropped: ",
};

// What 7.8.3 appended for each subcode.
const char* const kSubCodeText[] = {
    "",
    "Timeout Acquiring Mutex",
    "Timeout waiting to lock key",
    "Failed to acquire lock due to max_num_locks limit",
    "No space left on device",
    "Deadlock",
    "Stale file handle",
    "Memory limit reached",
    "Space limit reached",
    "No such file or directory",
    "Insufficient capacity for merge operands",
    "Manual compaction paused",
    " (overwritten)",
    "Txn not prepared",
    "IO fenced off",
};

static_assert(sizeof(kCodeText) / sizeof(kCodeText[0]) == Status::kMaxCode,
              "one text per code");
static_assert(sizeof(kSubCodeText) / sizeof(kSubCodeText[0]) ==
                  Status::kMaxSubCode,
              "one text per subcode");

TEST(StatusTest, EnumValuesMatchRocksDB) {
  EXPECT_EQ(0, Status::kOk);
  EXPECT_EQ(15, Status::kColumnFamilyDropped);
  EXPECT_EQ(16, Status::kMaxCode);
  EXPECT_EQ(10, Status::KMergeOperandsInsufficientCapacity);
  EXPECT_EQ(14, Status::kIOFenced);
  EXPECT_EQ(15, Status::kMaxSubCode);
  EXPECT_EQ(4, Status::kUnrecoverableError);
  EXPECT_EQ(5, Status::kMaxSeverity);
}

// The full code x subcode table, with and without a message.
TEST(StatusTest, ToStringEveryCodeAndSubcode) {
  for (int c = 0; c < Status::kMaxCode; ++c) {
    for (int sc = 0; sc < Status::kMaxSubCode; ++sc) {
      const auto code = static_cast<Status::Code>(c);
      const auto subcode = static_cast<Status::SubCode>(sc);
      const std::string bare = RawStatus(code, subcode).ToString();
      if (c == 0) {
        EXPECT_EQ("OK", bare);
        continue;
      }
      EXPECT_EQ(std::string(kCodeText[c]) + kSubCodeText[sc], bare);
      const std::string with_msg =
          Status(code, subcode, Status::kNoError, "msg").ToString();
      EXPECT_EQ(std::string(kCodeText[c]) + kSubCodeText[sc] +
                    (sc == 0 ? "" : ": ") + "msg",
                with_msg);
    }
  }
}

TEST(StatusTest, ToStringObservedSamples) {
  EXPECT_EQ("OK", Status::OK().ToString());
  EXPECT_EQ("OK", Status::OkOverwritten().ToString());
  EXPECT_EQ("NotFound: ", Status::NotFound().ToString());
  EXPECT_EQ("IO error: a: b", Status::IOError("a", "b").ToString());
  EXPECT_EQ("IO error: : b", Status::IOError("", "b").ToString());
  EXPECT_EQ("IO error: a", Status::IOError("a", "").ToString());
  EXPECT_EQ("IO error: ", Status::IOError("").ToString());
  EXPECT_EQ("IO error: No space left on device", Status::NoSpace().ToString());
  EXPECT_EQ("IO error: No space left on device: ",
            Status::NoSpace("").ToString());
  EXPECT_EQ("Resource busy: Deadlock: ",
            Status(Status::kBusy, Status::kDeadlock, Status::kSoftError, "")
                .ToString());
  EXPECT_EQ("Invalid argument: Txn not prepared",
            Status::TxnNotPrepared().ToString());
  EXPECT_EQ("Operation aborted: Memory limit reached: m",
            Status::MemoryLimit("m").ToString());
  EXPECT_EQ("NotFound: No such file or directory: p: q",
            Status::NotFound(Status::kPathNotFound, "p", "q").ToString());
}

TEST(StatusTest, MessageStopsAtNul) {
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ("Corruption: a", Status::Corruption(with_nul, "c").ToString());
}

TEST(StatusTest, GetStateIsNullWithoutMessage) {
  EXPECT_EQ(nullptr, Status::OK().getState());
  EXPECT_EQ(nullptr, Status::NotFound().getState());
  EXPECT_EQ(nullptr, Status::NoSpace().getState());
  EXPECT_STREQ("", Status::IOError("").getState());
  EXPECT_STREQ(": x", Status::IOError("", "x").getState());
  EXPECT_STREQ("m: n", Status::Busy("m", "n").getState());
}

TEST(StatusTest, FactoriesSetCodeAndSubcode) {
  EXPECT_TRUE(Status::NoSpace().IsNoSpace());
  EXPECT_TRUE(Status::NoSpace().IsIOError());
  EXPECT_TRUE(Status::MemoryLimit().IsMemoryLimit());
  EXPECT_TRUE(Status::MemoryLimit().IsAborted());
  EXPECT_TRUE(Status::SpaceLimit().IsIOError());
  EXPECT_EQ(Status::kSpaceLimit, Status::SpaceLimit().subcode());
  EXPECT_TRUE(Status::PathNotFound().IsPathNotFound());
  EXPECT_TRUE(Status::NotFound(Status::kPathNotFound).IsPathNotFound());
  EXPECT_FALSE(Status::Corruption(Status::kPathNotFound).IsPathNotFound());
  EXPECT_TRUE(Status::TxnNotPrepared().IsTxnNotPrepared());
  EXPECT_TRUE(Status::TxnNotPrepared().IsInvalidArgument());
  EXPECT_TRUE(Status::Aborted(Status::kLockLimit).IsLockLimit());
  EXPECT_TRUE(Status::Busy(Status::kDeadlock).IsDeadlock());
  EXPECT_TRUE(Status::Incomplete(Status::kManualCompactionPaused)
                  .IsManualCompactionPaused());
  EXPECT_TRUE(Status::IOError(Status::kIOFenced).IsIOFenced());
  EXPECT_TRUE(Status::OkOverwritten().ok());
  EXPECT_TRUE(Status::OkOverwritten().IsOkOverwritten());
  EXPECT_FALSE(Status::OK().IsOkOverwritten());
  EXPECT_TRUE(Status::MergeInProgress().IsMergeInProgress());
  EXPECT_TRUE(Status::ShutdownInProgress("x").IsShutdownInProgress());
  EXPECT_TRUE(Status::TimedOut().IsTimedOut());
  EXPECT_TRUE(Status::Expired().IsExpired());
  EXPECT_TRUE(Status::TryAgain().IsTryAgain());
  EXPECT_TRUE(Status::CompactionTooLarge().IsCompactionTooLarge());
  EXPECT_TRUE(Status::ColumnFamilyDropped().IsColumnFamilyDropped());
  EXPECT_TRUE(Status::NotSupported().IsNotSupported());
  EXPECT_TRUE(Status::Incomplete("x").IsIncomplete());
}

TEST(StatusTest, SeverityConstructorCopiesEverythingElse) {
  Status s(Status::Corruption("x"), Status::kHardError);
  EXPECT_EQ(Status::kHardError, s.severity());
  EXPECT_EQ("Corruption: x", s.ToString());
  EXPECT_EQ(Status::kNoError, Status::Corruption("x").severity());
}

TEST(StatusTest, CopyAndMove) {
  Status a = Status::IOError("m");
  Status b = a;
  EXPECT_EQ("IO error: m", b.ToString());
  EXPECT_NE(a.getState(), b.getState());  // deep copy
  Status c = std::move(a);
  EXPECT_EQ("IO error: m", c.ToString());
  EXPECT_TRUE(a.ok());  // NOLINT(bugprone-use-after-move): moved-from is OK
  EXPECT_EQ("OK", a.ToString());
  b = Status::OK();
  EXPECT_TRUE(b.ok());
  EXPECT_EQ(nullptr, b.getState());
  b = c;
  b = b;  // self-assignment keeps the value
  EXPECT_EQ("IO error: m", b.ToString());
}

TEST(StatusTest, EqualityComparesCodeOnly) {
  EXPECT_TRUE(Status::IOError("a") == Status::IOError("b"));
  EXPECT_TRUE(Status::IOError() == Status::NoSpace());
  EXPECT_TRUE(Status::IOError() != Status::NotFound());
  EXPECT_FALSE(Status::OK() != Status::OkOverwritten());
}

TEST(IOStatusTest, FlagsAndCopies) {
  IOStatus io = IOStatus::IOError("disk");
  EXPECT_EQ(IOStatus::kIOErrorScopeFileSystem, io.GetScope());
  io.SetRetryable(true);
  io.SetDataLoss(true);
  io.SetScope(IOStatus::kIOErrorScopeFile);
  IOStatus copy = io;
  EXPECT_EQ("IO error: disk", copy.ToString());
  EXPECT_TRUE(copy.GetRetryable());
  EXPECT_TRUE(copy.GetDataLoss());
  EXPECT_EQ(IOStatus::kIOErrorScopeFile, copy.GetScope());

  IOStatus moved = std::move(copy);
  EXPECT_EQ("IO error: disk", moved.ToString());
  EXPECT_TRUE(moved.GetRetryable());
  // 7.8.3 clears code and scope of the source but keeps its flags.
  EXPECT_TRUE(copy.ok());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(copy.GetRetryable());
  EXPECT_TRUE(copy.GetDataLoss());
  EXPECT_EQ(IOStatus::kIOErrorScopeFileSystem, copy.GetScope());
}

TEST(IOStatusTest, ConversionFromStatus) {
  Status base(Status::IOError("x"), Status::kFatalError);
  IOStatus io = status_to_io_status(std::move(base));
  EXPECT_EQ("IO error: x", io.ToString());
  EXPECT_EQ(Status::kFatalError, io.severity());
  // Copying an IOStatus drops the severity (as 7.8.3 does).
  IOStatus copy = io;
  EXPECT_EQ(Status::kNoError, copy.severity());
}

TEST(IOStatusTest, Factories) {
  EXPECT_TRUE(IOStatus::NoSpace().IsNoSpace());
  EXPECT_TRUE(IOStatus::PathNotFound("p").IsPathNotFound());
  EXPECT_TRUE(IOStatus::IOFenced().IsIOFenced());
  EXPECT_EQ("IO error: IO fenced off: f", IOStatus::IOFenced("f").ToString());
  EXPECT_EQ("NotFound: ", IOStatus::NotFound().ToString());
  EXPECT_TRUE(IOStatus::Busy("b").IsBusy());
  EXPECT_TRUE(IOStatus::TimedOut().IsTimedOut());
  EXPECT_TRUE(IOStatus::Aborted().IsAborted());
  EXPECT_TRUE(IOStatus::Corruption("c").IsCorruption());
  EXPECT_TRUE(IOStatus::InvalidArgument().IsInvalidArgument());
  EXPECT_TRUE(IOStatus::NotSupported("n").IsNotSupported());
  EXPECT_TRUE(IOStatus::OK().ok());
  EXPECT_TRUE(IOStatus::IOError("a") == IOStatus::IOError("b"));
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
