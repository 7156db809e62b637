// Copyright (c) the rocksdb-cleanroom authors.
//
// GetContext: the state of one point lookup as it moves from the memtables
// into the table files, newest first. Tables feed it the entries of the
// user key; it decides found / deleted / keep looking (merge operands), with
// the semantics of MemTable::Get and FullMergeOperands, so that a lookup
// continues seamlessly from memtables into tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/cleanable.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/types.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {

class Comparator;
class Logger;
class MergeOperator;
class PinnableSlice;
class Statistics;
class SystemClock;

// Block cache counters of one lookup, for callers that want them per
// lookup. Table readers record the Statistics tickers themselves: do not
// add these to Statistics again.
struct GetContextStats {
  uint64_t num_cache_hit = 0;
  uint64_t num_cache_index_hit = 0;
  uint64_t num_cache_data_hit = 0;
  uint64_t num_cache_filter_hit = 0;
  uint64_t num_cache_miss = 0;
  uint64_t num_cache_index_miss = 0;
  uint64_t num_cache_data_miss = 0;
  uint64_t num_cache_filter_miss = 0;
  uint64_t num_cache_add = 0;
  uint64_t num_cache_bytes_read = 0;
  uint64_t num_cache_bytes_write = 0;
};

// Not thread-safe: one lookup, one thread.
class GetContext {
 public:
  enum GetState {
    kNotFound,
    kFound,
    kDeleted,
    kCorrupt,
    kMerge,  // operands collected, no base value met yet
    kUnexpectedBlobIndex,
  };

  // ucmp, user_key, merge_operands and everything else passed must outlive
  // the context. init_state: kNotFound, or kMerge when the memtables left
  // operands in *merge_operands (newest first; the context appends the
  // ones it meets). value (may be null: existence check) receives the
  // result. value_found (may be null) is set false by MarkKeyMayExist.
  // max_covering_tombstone_seq (may be null: then the context keeps its
  // own, starting at 0) is in/out as in MemTable::Get: entries with a
  // smaller sequence are deleted. seq (may be null)
  // receives the sequence of the newest entry met (or of the covering
  // tombstone if newer), as MemTable::Get does.
  GetContext(const Comparator* ucmp, const MergeOperator* merge_operator,
             Logger* logger, Statistics* statistics, GetState init_state,
             const Slice& user_key, PinnableSlice* value, bool* value_found,
             std::vector<std::string>* merge_operands,
             SequenceNumber* max_covering_tombstone_seq, SystemClock* clock,
             SequenceNumber* seq = nullptr);

  GetContext(const GetContext&) = delete;
  GetContext& operator=(const GetContext&) = delete;

  // A table calls this for each entry of the user key in internal key
  // order (newest first), all with a sequence <= the read sequence.
  // *matched is set true when parsed_key's user key is the one looked up.
  // value_pinner (may be null) keeps `value` alive: the context may take
  // over its cleanups (PinnableSlice::PinSlice) instead of copying, so the
  // caller must run whatever cleanups remain on it afterwards (destroying
  // it does). Returns true when the lookup must go on (merge operand seen);
  // false once the key is decided or parsed_key is of another user key.
  bool SaveValue(const ParsedInternalKey& parsed_key, const Slice& value,
                 bool* matched, Cleanable* value_pinner = nullptr);

  // After all sources: a kMerge lookup that met no base value runs the
  // full merge over no value (state becomes kFound, or kCorrupt with the
  // error in status()). Returns status(). No-op for other states.
  Status FinishMerge();

  // The key exists as far as the caller can tell without I/O (KeyMayExist
  // with no_io): state kFound, *value_found = false.
  void MarkKeyMayExist();

  GetState State() const { return state_; }
  // The error behind kCorrupt (a failed merge, a missing merge operator,
  // a malformed entity); OK otherwise.
  const Status& status() const { return status_; }
  const Slice& user_key() const { return user_key_; }
  SequenceNumber* max_covering_tombstone_seq() {
    return max_covering_tombstone_seq_;
  }
  const MergeOperator* merge_operator() const { return merge_operator_; }
  const std::vector<std::string>* merge_operands() const {
    return merge_operands_;
  }
  Statistics* statistics() const { return statistics_; }
  GetContextStats& get_context_stats() { return stats_; }
  const GetContextStats& get_context_stats() const { return stats_; }

 private:
  // The key is decided: base is the value met (null: deleted or covered).
  void Finish(const Slice* base, Cleanable* value_pinner);
  void SetSeq(SequenceNumber entry_seq);

  const Comparator* const ucmp_;
  const MergeOperator* const merge_operator_;
  Logger* const logger_;
  Statistics* const statistics_;
  SystemClock* const clock_;
  const Slice user_key_;
  PinnableSlice* const value_;
  bool* const value_found_;
  std::vector<std::string>* const merge_operands_;
  SequenceNumber own_max_covering_tombstone_seq_ = 0;
  SequenceNumber* const max_covering_tombstone_seq_;
  SequenceNumber* const seq_;
  GetState state_;
  Status status_;
  bool seq_set_ = false;
  GetContextStats stats_;
};

}  // namespace ROCKSDB_NAMESPACE
