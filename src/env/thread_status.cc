// Copyright (c) the rocksdb-cleanroom authors.
//
// Names and decoding of ThreadStatus values; the strings are those RocksDB
// prints, since tools compare against them.

#include "rocksdb/thread_status.h"

#include <cstdio>

namespace ROCKSDB_NAMESPACE {

namespace {

const std::string& Empty() {
  static const std::string* empty = new std::string();
  return *empty;
}

// Returns table[i] if i is in range, else "".
template <size_t N>
const std::string& Lookup(const std::string (&table)[N], int i) {
  if (i < 0 || static_cast<size_t>(i) >= N) return Empty();
  return table[i];
}

const std::string kOperationNames[] = {"", "Compaction", "Flush"};

const std::string kStageNames[] = {
    "",
    "FlushJob::Run",
    "FlushJob::WriteLevel0Table",
    "CompactionJob::Prepare",
    "CompactionJob::Run",
    "CompactionJob::ProcessKeyValueCompaction",
    "CompactionJob::Install",
    "CompactionJob::FinishCompactionOutputFile",
    "MemTableList::PickMemtablesToFlush",
    "MemTableList::RollbackMemtableFlush",
    "MemTableList::TryInstallMemtableFlushResults",
};

const std::string kStateNames[] = {"", "Mutex Wait"};

const std::string kCompactionPropertyNames[] = {
    "JobID",           "InputOutputLevel", "Manual/Deletion/Trivial",
    "TotalInputBytes", "BytesRead",        "BytesWritten"};

const std::string kFlushPropertyNames[] = {"JobID", "BytesMemtables",
                                           "BytesWritten"};

}  // namespace

std::string ThreadStatus::GetThreadTypeName(ThreadType thread_type) {
  switch (thread_type) {
    case HIGH_PRIORITY:
      return "High Pri";
    case LOW_PRIORITY:
      return "Low Pri";
    case USER:
      return "User";
    case BOTTOM_PRIORITY:
      return "Bottom Pri";
    case NUM_THREAD_TYPES:
      break;
  }
  return "Unknown";
}

const std::string& ThreadStatus::GetOperationName(OperationType op_type) {
  return Lookup(kOperationNames, op_type);
}

const std::string& ThreadStatus::GetOperationStageName(OperationStage stage) {
  return Lookup(kStageNames, stage);
}

const std::string& ThreadStatus::GetStateName(StateType state_type) {
  return Lookup(kStateNames, state_type);
}

const std::string ThreadStatus::MicrosToString(uint64_t micros) {
  if (micros == 0) return "";
  char buf[64];
  const uint64_t kSecond = 1000000;
  const uint64_t kMinute = 60 * kSecond;
  const uint64_t kHour = 60 * kMinute;
  if (micros < 10000) {
    snprintf(buf, sizeof(buf), "%llu us",
             static_cast<unsigned long long>(micros));
  } else if (micros < 10 * kSecond) {
    snprintf(buf, sizeof(buf), "%.3lf ms", micros / 1000.0);
  } else if (micros < kMinute) {
    snprintf(buf, sizeof(buf), "%.3lf sec",
             micros / static_cast<double>(kSecond));
  } else if (micros < kHour) {
    snprintf(buf, sizeof(buf), "%02llu:%.3lf M:S",
             static_cast<unsigned long long>(micros / kMinute),
             (micros % kMinute) / static_cast<double>(kSecond));
  } else {
    snprintf(buf, sizeof(buf), "%02llu:%02llu:%.3lf H:M:S",
             static_cast<unsigned long long>(micros / kHour),
             static_cast<unsigned long long>((micros % kHour) / kMinute),
             (micros % kMinute) / static_cast<double>(kSecond));
  }
  return buf;
}

const std::string& ThreadStatus::GetOperationPropertyName(OperationType op_type,
                                                          int i) {
  switch (op_type) {
    case OP_COMPACTION:
      return Lookup(kCompactionPropertyNames, i);
    case OP_FLUSH:
      return Lookup(kFlushPropertyNames, i);
    default:
      return Empty();
  }
}

std::map<std::string, uint64_t> ThreadStatus::InterpretOperationProperties(
    OperationType op_type, const uint64_t* op_properties) {
  std::map<std::string, uint64_t> result;
  if (op_type == OP_COMPACTION) {
    result["JobID"] = op_properties[COMPACTION_JOB_ID];
    // Input level in the high 32 bits, output level in the low 32.
    uint64_t levels = op_properties[COMPACTION_INPUT_OUTPUT_LEVEL];
    result["BaseInputLevel"] = levels >> 32;
    result["OutputLevel"] = levels & 0xFFFFFFFFull;
    uint64_t flags = op_properties[COMPACTION_PROP_FLAGS];
    result["IsManual"] = (flags >> 1) & 1;
    result["IsDeletion"] = (flags >> 2) & 1;
    result["IsTrivialMove"] = (flags >> 3) & 1;
    result["TotalInputBytes"] = op_properties[COMPACTION_TOTAL_INPUT_BYTES];
    result["BytesRead"] = op_properties[COMPACTION_BYTES_READ];
    result["BytesWritten"] = op_properties[COMPACTION_BYTES_WRITTEN];
  } else if (op_type == OP_FLUSH) {
    result["JobID"] = op_properties[FLUSH_JOB_ID];
    result["BytesMemtables"] = op_properties[FLUSH_BYTES_MEMTABLES];
    result["BytesWritten"] = op_properties[FLUSH_BYTES_WRITTEN];
  }
  return result;
}

}  // namespace ROCKSDB_NAMESPACE
