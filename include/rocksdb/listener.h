// Copyright (c) the rocksdb-cleanroom authors.
//
// EventListener: callbacks an application registers in
// DBOptions::listeners to hear about flushes, compactions, file creation and
// deletion, write stalls, background errors and file I/O, together with the
// *Info structs describing each event.
//
// Callbacks run on the thread doing the work (often a background thread),
// without the DB mutex held. They must return quickly and must not call back
// into the DB in ways that wait for that same work.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/advanced_options.h"
#include "rocksdb/compaction_job_stats.h"
#include "rocksdb/compression_type.h"
#include "rocksdb/customizable.h"
#include "rocksdb/io_status.h"
#include "rocksdb/status.h"
#include "rocksdb/table_properties.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

// Table file name -> its properties.
using TablePropertiesCollection =
    std::unordered_map<std::string, std::shared_ptr<const TableProperties>>;

class DB;
class ColumnFamilyHandle;
class Status;
struct CompactionJobStats;

// Which file is being created, and by which job.
struct FileCreationBriefInfo {
  FileCreationBriefInfo() = default;
  FileCreationBriefInfo(const std::string& _db_name,
                        const std::string& _cf_name,
                        const std::string& _file_path, int _job_id)
      : db_name(_db_name),
        cf_name(_cf_name),
        file_path(_file_path),
        job_id(_job_id) {}
  std::string db_name;
  std::string cf_name;
  std::string file_path;
  int job_id = 0;
};

struct TableFileCreationBriefInfo : public FileCreationBriefInfo {
  // Why the table file is written (flush, compaction, recovery, ...).
  TableFileCreationReason reason;
};

// A table file was written (or failed to be: see status).
struct TableFileCreationInfo : public TableFileCreationBriefInfo {
  TableFileCreationInfo() = default;
  explicit TableFileCreationInfo(TableProperties&& prop)
      : table_properties(prop) {}
  uint64_t file_size;
  TableProperties table_properties;
  Status status;
  std::string file_checksum;
  std::string file_checksum_func_name;
};

struct BlobFileCreationBriefInfo : public FileCreationBriefInfo {
  BlobFileCreationBriefInfo(const std::string& _db_name,
                            const std::string& _cf_name,
                            const std::string& _file_path, int _job_id,
                            BlobFileCreationReason _reason)
      : FileCreationBriefInfo(_db_name, _cf_name, _file_path, _job_id),
        reason(_reason) {}
  // Why the blob file is written.
  BlobFileCreationReason reason;
};

// A blob file was written (or failed to be: see status).
struct BlobFileCreationInfo : public BlobFileCreationBriefInfo {
  BlobFileCreationInfo(const std::string& _db_name, const std::string& _cf_name,
                       const std::string& _file_path, int _job_id,
                       BlobFileCreationReason _reason,
                       uint64_t _total_blob_count, uint64_t _total_blob_bytes,
                       Status _status, const std::string& _file_checksum,
                       const std::string& _file_checksum_func_name)
      : BlobFileCreationBriefInfo(_db_name, _cf_name, _file_path, _job_id,
                                  _reason),
        total_blob_count(_total_blob_count),
        total_blob_bytes(_total_blob_bytes),
        status(_status),
        file_checksum(_file_checksum),
        file_checksum_func_name(_file_checksum_func_name) {}
  uint64_t total_blob_count;
  uint64_t total_blob_bytes;
  Status status;
  std::string file_checksum;
  std::string file_checksum_func_name;
};

// Why a compaction ran.
enum class CompactionReason : int {
  kUnknown = 0,
  // Leveled: too many L0 files.
  kLevelL0FilesNum,
  // Leveled: a level exceeded its size target.
  kLevelMaxLevelSize,
  // Universal: space amplification limit.
  kUniversalSizeAmplification,
  // Universal: size ratio between sorted runs.
  kUniversalSizeRatio,
  // Universal: too many sorted runs.
  kUniversalSortedRunNum,
  // FIFO: total size limit.
  kFIFOMaxSize,
  // FIFO: intra-L0 compaction to reduce file count.
  kFIFOReduceNumFiles,
  // FIFO: files past their TTL.
  kFIFOTtl,
  // CompactRange() or CompactFiles().
  kManualCompaction,
  // Files marked for compaction (e.g. by a collector).
  kFilesMarkedForCompaction,
  // Bottommost files holding deletions that can now be dropped.
  kBottommostFiles,
  // Files past ttl.
  kTtl,
  // Flush presented as a compaction to listeners.
  kFlush,
  // Ingestion of an external file.
  kExternalSstIngestion,
  // Files past periodic_compaction_seconds.
  kPeriodicCompaction,
  // Files moving to another temperature.
  kChangeTemperature,
  // Forced blob garbage collection.
  kForcedBlobGC,
  // Round-robin compaction priority driven by ttl.
  kRoundRobinTtl,
  // Count of reasons; not a reason.
  kNumOfReasons,
};

// Why a flush ran.
enum class FlushReason : int {
  kOthers = 0x00,
  kGetLiveFiles = 0x01,
  kShutDown = 0x02,
  kExternalFileIngestion = 0x03,
  kManualCompaction = 0x04,
  kWriteBufferManager = 0x05,
  kWriteBufferFull = 0x06,
  kTest = 0x07,
  kDeleteFiles = 0x08,
  kAutoCompaction = 0x09,
  kManualFlush = 0x0a,
  kErrorRecovery = 0xb,
  // Flush retried by automatic error recovery.
  kErrorRecoveryRetryFlush = 0xc,
  // max_total_wal_size reached.
  kWalFull = 0xd,
};

// Which background activity hit an error.
enum class BackgroundErrorReason {
  kFlush,
  kCompaction,
  kWriteCallback,
  kMemTable,
  kManifestWrite,
  kFlushNoWAL,
  kManifestWriteNoWAL,
};

// Write throttling state of a column family.
enum class WriteStallCondition {
  kNormal,
  kDelayed,
  kStopped,
};

// A column family's write stall state changed.
struct WriteStallInfo {
  std::string cf_name;
  struct {
    WriteStallCondition cur;
    WriteStallCondition prev;
  } condition;
};

// A file was deleted (or failed to be: see status).
struct FileDeletionInfo {
  FileDeletionInfo() = default;
  FileDeletionInfo(const std::string& _db_name, const std::string& _file_path,
                   int _job_id, Status _status)
      : db_name(_db_name),
        file_path(_file_path),
        job_id(_job_id),
        status(_status) {}
  std::string db_name;
  std::string file_path;
  int job_id = 0;
  Status status;
};

struct TableFileDeletionInfo : public FileDeletionInfo {};

struct BlobFileDeletionInfo : public FileDeletionInfo {
  BlobFileDeletionInfo(const std::string& _db_name,
                       const std::string& _file_path, int _job_id,
                       Status _status)
      : FileDeletionInfo(_db_name, _file_path, _job_id, _status) {}
};

// Kinds of file operation reported to listeners.
enum class FileOperationType {
  kRead,
  kWrite,
  kTruncate,
  kClose,
  kFlush,
  kSync,
  kFsync,
  kRangeSync,
  kAppend,
  kPositionedAppend,
  kOpen
};

// One finished file operation. path and start_ts are references to the
// caller's objects: valid only during the callback.
struct FileOperationInfo {
  using Duration = std::chrono::nanoseconds;
  using SteadyTimePoint =
      std::chrono::time_point<std::chrono::steady_clock, Duration>;
  using SystemTimePoint =
      std::chrono::time_point<std::chrono::system_clock, Duration>;
  using StartTimePoint = std::pair<SystemTimePoint, SteadyTimePoint>;
  using FinishTimePoint = SteadyTimePoint;

  FileOperationType type;
  const std::string& path;
  Temperature temperature;
  uint64_t offset;
  size_t length;
  const Duration duration;
  const SystemTimePoint& start_ts;
  Status status;

  FileOperationInfo(const FileOperationType _type, const std::string& _path,
                    const StartTimePoint& _start_ts,
                    const FinishTimePoint& _finish_ts, const Status& _status,
                    const Temperature _temperature = Temperature::kUnknown)
      : type(_type),
        path(_path),
        temperature(_temperature),
        duration(std::chrono::duration_cast<std::chrono::nanoseconds>(
            _finish_ts - _start_ts.second)),
        start_ts(_start_ts.first),
        status(_status) {}

  // The current wall-clock and monotonic times.
  static StartTimePoint StartNow() {
    return StartTimePoint(std::chrono::system_clock::now(),
                          std::chrono::steady_clock::now());
  }
  // The current monotonic time.
  static FinishTimePoint FinishNow() {
    return std::chrono::steady_clock::now();
  }
};

// A blob file touched by a job.
struct BlobFileInfo {
  BlobFileInfo(const std::string& _blob_file_path,
               const uint64_t _blob_file_number)
      : blob_file_path(_blob_file_path), blob_file_number(_blob_file_number) {}
  std::string blob_file_path;
  uint64_t blob_file_number;
};

// A blob file written by a job.
struct BlobFileAdditionInfo : public BlobFileInfo {
  BlobFileAdditionInfo(const std::string& _blob_file_path,
                       const uint64_t _blob_file_number,
                       const uint64_t _total_blob_count,
                       const uint64_t _total_blob_bytes)
      : BlobFileInfo(_blob_file_path, _blob_file_number),
        total_blob_count(_total_blob_count),
        total_blob_bytes(_total_blob_bytes) {}
  uint64_t total_blob_count;
  uint64_t total_blob_bytes;
};

// Garbage a job left in a blob file.
struct BlobFileGarbageInfo : public BlobFileInfo {
  BlobFileGarbageInfo(const std::string& _blob_file_path,
                      const uint64_t _blob_file_number,
                      const uint64_t _garbage_blob_count,
                      const uint64_t _garbage_blob_bytes)
      : BlobFileInfo(_blob_file_path, _blob_file_number),
        garbage_blob_count(_garbage_blob_count),
        garbage_blob_bytes(_garbage_blob_bytes) {}
  uint64_t garbage_blob_count;
  uint64_t garbage_blob_bytes;
};

// A flush job, reported when it starts and when it completes.
struct FlushJobInfo {
  uint32_t cf_id;
  std::string cf_name;
  // The table file written.
  std::string file_path;
  uint64_t file_number;
  // Oldest blob file referenced by the new file.
  uint64_t oldest_blob_file_number;
  // Thread running the flush.
  uint64_t thread_id;
  int job_id;
  // Whether the memtables waiting to be flushed slowed or stopped writes.
  bool triggered_writes_slowdown;
  bool triggered_writes_stop;
  // Sequence number range of the flushed data.
  SequenceNumber smallest_seqno;
  SequenceNumber largest_seqno;
  TableProperties table_properties;
  FlushReason flush_reason;
  CompressionType blob_compression_type;
  std::vector<BlobFileAdditionInfo> blob_file_addition_infos;
};

// One input or output file of a compaction.
struct CompactionFileInfo {
  int level;
  uint64_t file_number;
  uint64_t oldest_blob_file_number;
};

// One subcompaction, reported when it starts and completes.
struct SubcompactionJobInfo {
  ~SubcompactionJobInfo() { status.PermitUncheckedError(); }
  uint32_t cf_id;
  std::string cf_name;
  Status status;
  uint64_t thread_id;
  int job_id;
  int subcompaction_job_id;
  int base_input_level;
  int output_level;
  CompactionReason compaction_reason;
  CompressionType compression;
  CompactionJobStats stats;
  CompressionType blob_compression_type;
};

// A compaction job, reported when it starts and completes.
struct CompactionJobInfo {
  ~CompactionJobInfo() { status.PermitUncheckedError(); }
  uint32_t cf_id;
  std::string cf_name;
  Status status;
  uint64_t thread_id;
  int job_id;
  // Smallest input level and the output level.
  int base_input_level;
  int output_level;
  // Input and output table files, by path and in detail.
  std::vector<std::string> input_files;
  std::vector<CompactionFileInfo> input_file_infos;
  std::vector<std::string> output_files;
  std::vector<CompactionFileInfo> output_file_infos;
  // Properties of the input and output files, by path.
  TablePropertiesCollection table_properties;
  CompactionReason compaction_reason;
  CompressionType compression;
  CompactionJobStats stats;
  CompressionType blob_compression_type;
  std::vector<BlobFileAdditionInfo> blob_file_addition_infos;
  std::vector<BlobFileGarbageInfo> blob_file_garbage_infos;
};

// A memtable became immutable.
struct MemTableInfo {
  std::string cf_name;
  // Sequence number of its first entry.
  SequenceNumber first_seqno;
  // Smallest sequence number any of its entries could have.
  SequenceNumber earliest_seqno;
  uint64_t num_entries;
  uint64_t num_deletes;
};

// An external file was ingested.
struct ExternalFileIngestionInfo {
  std::string cf_name;
  // Path given by the application, and the path inside the DB.
  std::string external_file_path;
  std::string internal_file_path;
  // Sequence number assigned to the file's keys.
  SequenceNumber global_seqno;
  TableProperties table_properties;
};

// The background error before and after a recovery attempt.
struct BackgroundErrorRecoveryInfo {
  Status old_bg_error;
  Status new_bg_error;
};

// A file operation failed.
struct IOErrorInfo {
  IOErrorInfo(const IOStatus& _io_status, FileOperationType _operation,
              const std::string& _file_path, size_t _length, uint64_t _offset)
      : io_status(_io_status),
        operation(_operation),
        file_path(_file_path),
        length(_length),
        offset(_offset) {}
  IOStatus io_status;
  FileOperationType operation;
  std::string file_path;
  size_t length;
  uint64_t offset;
};

// Every callback does nothing by default; override those of interest.
// Must be thread-safe: callbacks may run concurrently from several threads.
class EventListener : public Customizable {
 public:
  static const char* Type() { return "EventListener"; }
  static Status CreateFromString(const ConfigOptions& options,
                                 const std::string& id,
                                 std::shared_ptr<EventListener>* result);
  const char* Name() const override { return ""; }

  // A flush finished and its file is part of the DB.
  virtual void OnFlushCompleted(DB* /*db*/,
                                const FlushJobInfo& /*flush_job_info*/) {}

  // A flush is about to start.
  virtual void OnFlushBegin(DB* /*db*/,
                            const FlushJobInfo& /*flush_job_info*/) {}

  // A table file was deleted.
  virtual void OnTableFileDeleted(const TableFileDeletionInfo& /*info*/) {}

  // A compaction is about to start.
  virtual void OnCompactionBegin(DB* /*db*/, const CompactionJobInfo& /*ci*/) {}

  // A compaction finished (see ci.status).
  virtual void OnCompactionCompleted(DB* /*db*/,
                                     const CompactionJobInfo& /*ci*/) {}

  // A subcompaction is about to start / finished.
  virtual void OnSubcompactionBegin(const SubcompactionJobInfo& /*si*/) {}
  virtual void OnSubcompactionCompleted(const SubcompactionJobInfo& /*si*/) {}

  // A table file was written (or its writing failed).
  virtual void OnTableFileCreated(const TableFileCreationInfo& /*info*/) {}

  // A table file is about to be written.
  virtual void OnTableFileCreationStarted(
      const TableFileCreationBriefInfo& /*info*/) {}

  // A memtable became immutable.
  virtual void OnMemTableSealed(const MemTableInfo& /*info*/) {}

  // A column family handle is about to be deleted.
  virtual void OnColumnFamilyHandleDeletionStarted(
      ColumnFamilyHandle* /*handle*/) {}

  // An external file was ingested.
  virtual void OnExternalFileIngested(
      DB* /*db*/, const ExternalFileIngestionInfo& /*info*/) {}

  // A background error is about to stop writes. The listener may replace
  // *bg_error, e.g. with OK to ignore it.
  virtual void OnBackgroundError(BackgroundErrorReason /* reason */,
                                 Status* /* bg_error */) {}

  // A column family's write stall state changed.
  virtual void OnStallConditionsChanged(const WriteStallInfo& /*info*/) {}

  // File operations finished; only called when ShouldBeNotifiedOnFileIO()
  // returns true.
  virtual void OnFileReadFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileWriteFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileFlushFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileSyncFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileRangeSyncFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileTruncateFinish(const FileOperationInfo& /* info */) {}
  virtual void OnFileCloseFinish(const FileOperationInfo& /* info */) {}

  // Whether the OnFile*Finish callbacks are wanted.
  virtual bool ShouldBeNotifiedOnFileIO() { return false; }

  // Automatic recovery from bg_error is about to start; set *auto_recovery
  // to false to prevent it.
  virtual void OnErrorRecoveryBegin(BackgroundErrorReason /* reason */,
                                    Status /* bg_error */,
                                    bool* /* auto_recovery */) {}

  // Deprecated form of OnErrorRecoveryEnd, called on success only.
  virtual void OnErrorRecoveryCompleted(Status old_bg_error) {
    old_bg_error.PermitUncheckedError();
  }

  // A recovery attempt ended; info.new_bg_error is OK on success.
  virtual void OnErrorRecoveryEnd(const BackgroundErrorRecoveryInfo& /*info*/) {
  }

  // A blob file is about to be written / was written / was deleted.
  virtual void OnBlobFileCreationStarted(
      const BlobFileCreationBriefInfo& /*info*/) {}
  virtual void OnBlobFileCreated(const BlobFileCreationInfo& /*info*/) {}
  virtual void OnBlobFileDeleted(const BlobFileDeletionInfo& /*info*/) {}

  // A file operation failed with an I/O error.
  virtual void OnIOError(const IOErrorInfo& /*info*/) {}

  ~EventListener() override {}
};

}  // namespace ROCKSDB_NAMESPACE
