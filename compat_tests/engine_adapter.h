// Copyright (c) the rocksdb-cleanroom authors.
//
// The neutral interface of the differential tests. Two adapters implement
// it: adapter_real.cc (compiled against Debian's RocksDB 7.8.3 headers,
// linked with its librocksdb.so) and adapter_ours.cc (compiled against our
// headers under namespace rocksdb_ours, linked with rocksdb_compat). Only
// std types cross this boundary, so the two APIs never meet in one
// translation unit. A test drives both engines with the same input and
// compares what they report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace compat {

// Column family ids at or above this one get a comparator with 8-byte
// user-defined timestamps; lower ids use the bytewise comparator.
constexpr int kFirstTimestampFamily = 100;
constexpr size_t kFamilyTimestampSize = 8;

// One call on a WriteBatch.
struct BatchOp {
  enum class Kind {
    kPut,
    kDelete,
    kSingleDelete,
    kDeleteRange,
    kMerge,
    kPutEntity,
    kPutLogData,
    kSetSavePoint,
    kRollbackToSavePoint,
    kPopSavePoint,
    kClear,
    kMarkWalTerminationPoint,
    kUpdateTimestamps,  // ts_sz_func: see kFirstTimestampFamily; id 0 gets
                        // the batch's default_cf_ts_sz (0 after a Clear())
    kSetMaxBytes,
  };
  Kind kind = Kind::kPut;
  // -1: the overload without a handle (or a null handle where the method
  // needs one); >= 0: a handle naming this column family id.
  int cf = -1;
  // Use the SliceParts overload; otherwise the parts are joined into one
  // Slice.
  bool gather = false;
  // Use the overload with an explicit timestamp `ts`.
  bool with_ts = false;
  std::vector<std::string> key;    // key (begin key) as parts
  std::vector<std::string> value;  // value / end key / blob as parts
  std::string ts;                  // explicit timestamp, UpdateTimestamps
  std::vector<std::pair<std::string, std::string>> columns;  // PutEntity
  size_t number = 0;                                         // SetMaxBytes
};

// WriteBatch constructor arguments.
struct BatchConfig {
  size_t reserved_bytes = 0;
  size_t max_bytes = 0;
  size_t protection_bytes_per_key = 0;  // 0 or 8
  size_t default_cf_ts_sz = 0;
};

// What the public API reports about a batch.
struct BatchObservation {
  std::vector<std::string> op_results;  // Status::ToString(), "-" if void
  std::string data;                     // Data()
  uint32_t count = 0;                   // Count()
  size_t data_size = 0;                 // GetDataSize()
  std::string flags;                    // Has*(), one letter each
  std::string wal_term_point;           // GetWalTerminationPoint()
  size_t protection_bytes = 0;          // GetProtectionBytesPerKey()
  std::string verify_checksum;          // VerifyChecksum()
  std::string trace;         // Iterate() with a handler overriding all
  std::string legacy_trace;  // Iterate() with only the legacy callbacks
  std::string bare_status;   // Iterate() with the base Handler
};

class BatchEngine {
 public:
  virtual ~BatchEngine() = default;

  // Applies `ops` in order to a WriteBatch(config...) and observes it.
  // REQUIRES (the real engine asserts otherwise): protection 0 or 8; no
  // UpdateTimestamps over keys shorter than their family's timestamp.
  virtual BatchObservation Build(const BatchConfig& config,
                                 const std::vector<BatchOp>& ops) = 0;

  // Wraps `rep` with WriteBatch(const std::string&) and observes it; the
  // Has*() flags only when with_flags (the real engine asserts on flags of
  // a batch with a Noop record). REQUIRES: rep.size() >= 12.
  virtual BatchObservation FromRep(const std::string& rep, bool with_flags) = 0;
};

class StatusEngine {
 public:
  virtual ~StatusEngine() = default;

  // One line per Status built by every factory, subcode, severity and
  // message shape: ToString() plus code, subcode, severity, getState() and
  // every Is*() predicate. Both engines list the same cases in the same
  // order.
  virtual std::vector<std::string> DescribeAll() = 0;
};

// One engine: a name and an adapter per concern.
struct Engine {
  std::string name;
  std::unique_ptr<BatchEngine> batch;
  std::unique_ptr<StatusEngine> status;
};

// Debian's librocksdb (adapter_real.cc).
Engine NewRealEngine();
// Our engine, namespace rocksdb_ours (adapter_ours.cc).
Engine NewOurEngine();

}  // namespace compat
