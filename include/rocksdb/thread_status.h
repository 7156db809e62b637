// Copyright (c) the rocksdb-cleanroom authors.
//
// ThreadStatus: a snapshot of what one engine thread is doing (its pool,
// database, column family, operation and stage), as returned by
// Env::GetThreadList(). The enum values are part of the API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"

#if !defined(ROCKSDB_LITE) && !defined(NROCKSDB_THREAD_STATUS)
#define ROCKSDB_USING_THREAD_STATUS
#endif

namespace ROCKSDB_NAMESPACE {

// Compile-time maximum of two ints (kept for API compatibility).
template <int A, int B>
struct constexpr_max {
  static const int result = (A > B) ? A : B;
};

// What one thread is doing at the moment the snapshot was taken.
struct ThreadStatus {
  // Which pool the thread belongs to.
  enum ThreadType : int {
    HIGH_PRIORITY = 0,  // background thread of the HIGH pool
    LOW_PRIORITY,       // background thread of the LOW pool
    USER,               // an application thread
    BOTTOM_PRIORITY,    // background thread of the BOTTOM pool
    NUM_THREAD_TYPES
  };

  // The high-level job the thread is running.
  enum OperationType : int {
    OP_UNKNOWN = 0,
    OP_COMPACTION,
    OP_FLUSH,
    NUM_OP_TYPES
  };

  // The step of the job the thread is in.
  enum OperationStage : int {
    STAGE_UNKNOWN = 0,
    STAGE_FLUSH_RUN,
    STAGE_FLUSH_WRITE_L0,
    STAGE_COMPACTION_PREPARE,
    STAGE_COMPACTION_RUN,
    STAGE_COMPACTION_PROCESS_KV,
    STAGE_COMPACTION_INSTALL,
    STAGE_COMPACTION_SYNC_FILE,
    STAGE_PICK_MEMTABLES_TO_FLUSH,
    STAGE_MEMTABLE_ROLLBACK,
    STAGE_MEMTABLE_INSTALL_FLUSH_RESULTS,
    NUM_OP_STAGES
  };

  // Slots of op_properties[] while running a compaction.
  enum CompactionPropertyType : int {
    COMPACTION_JOB_ID = 0,
    COMPACTION_INPUT_OUTPUT_LEVEL,
    COMPACTION_PROP_FLAGS,
    COMPACTION_TOTAL_INPUT_BYTES,
    COMPACTION_BYTES_READ,
    COMPACTION_BYTES_WRITTEN,
    NUM_COMPACTION_PROPERTIES
  };

  // Slots of op_properties[] while running a flush.
  enum FlushPropertyType : int {
    FLUSH_JOB_ID = 0,
    FLUSH_BYTES_MEMTABLES,
    FLUSH_BYTES_WRITTEN,
    NUM_FLUSH_PROPERTIES
  };

  // Size of op_properties[]: the largest NUM_*_PROPERTIES.
  static const int kNumOperationProperties =
      constexpr_max<NUM_COMPACTION_PROPERTIES, NUM_FLUSH_PROPERTIES>::result;

  // The low-level thing the thread is doing (e.g. waiting for a mutex).
  enum StateType : int {
    STATE_UNKNOWN = 0,
    STATE_MUTEX_WAIT = 1,
    NUM_STATE_TYPES
  };

  // Copies kNumOperationProperties values from _op_props.
  ThreadStatus(const uint64_t _id, const ThreadType _thread_type,
               const std::string& _db_name, const std::string& _cf_name,
               const OperationType _operation_type,
               const uint64_t _op_elapsed_micros,
               const OperationStage _operation_stage,
               const uint64_t _op_props[], const StateType _state_type)
      : thread_id(_id),
        thread_type(_thread_type),
        db_name(_db_name),
        cf_name(_cf_name),
        operation_type(_operation_type),
        op_elapsed_micros(_op_elapsed_micros),
        operation_stage(_operation_stage),
        state_type(_state_type) {
    for (int i = 0; i < kNumOperationProperties; ++i) {
      op_properties[i] = _op_props[i];
    }
  }

  // Unique id of the thread.
  const uint64_t thread_id;
  const ThreadType thread_type;
  // Database and column family being worked on; empty if none.
  const std::string db_name;
  const std::string cf_name;
  const OperationType operation_type;
  // Time spent so far in the current operation.
  const uint64_t op_elapsed_micros;
  const OperationStage operation_stage;
  // Operation-specific values; see CompactionPropertyType/FlushPropertyType.
  uint64_t op_properties[kNumOperationProperties];
  const StateType state_type;

  // Human-readable names of the values above.
  static std::string GetThreadTypeName(ThreadType thread_type);
  static const std::string& GetOperationName(OperationType op_type);
  static const std::string MicrosToString(uint64_t op_elapsed_time);
  static const std::string& GetOperationStageName(OperationStage stage);
  // Name of property slot i of the given operation.
  static const std::string& GetOperationPropertyName(OperationType op_type,
                                                     int i);
  // Decodes op_properties of the given operation into name -> value.
  static std::map<std::string, uint64_t> InterpretOperationProperties(
      OperationType op_type, const uint64_t* op_properties);
  static const std::string& GetStateName(StateType state_type);
};

}  // namespace ROCKSDB_NAMESPACE
