// Copyright (c) the rocksdb-cleanroom authors.
//
// CompactionFilter: lets the application drop or rewrite entries while
// table files are written by compaction (and optionally flush), and the
// factory that creates one filter per such job.
#pragma once

#include <cassert>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

class Slice;
class SliceTransform;

// Implementations must not throw.
class CompactionFilter : public Customizable {
 public:
  // Kind of entry passed to FilterV2().
  enum ValueType {
    kValue,
    kMergeOperand,
    kBlobIndex,  // BlobDB internal.
  };

  // Verdict of FilterV2().
  enum class Decision {
    kKeep,
    kRemove,
    kChangeValue,
    kRemoveAndSkipUntil,
    kChangeBlobIndex,  // BlobDB internal.
    kIOError,          // BlobDB internal.
    kPurge,            // for keys written with SingleDelete.
    kUndetermined,
  };

  enum class BlobDecision { kKeep, kChangeValue, kCorruption, kIOError };

  // Describes the table file being written.
  struct Context {
    // The job compacts every table file.
    bool is_full_compaction;
    // The job was requested by the application (CompactRange etc.).
    bool is_manual_compaction;
    uint32_t column_family_id;
    TableFileCreationReason reason;
  };

  virtual ~CompactionFilter() {}
  static const char* Type() { return "CompactionFilter"; }
  static Status CreateFromString(const ConfigOptions& config_options,
                                 const std::string& name,
                                 const CompactionFilter** result);

  // Called for each plain value written to the new file: return true to
  // drop the entry, or false to keep it, optionally replacing the value by
  // *new_value with *value_changed = true. Results of merges are not
  // passed here. Snapshots do not protect entries from the filter. A filter
  // shared through Options::compaction_filter may be called concurrently;
  // one made by a factory is used by a single thread.
  virtual bool Filter(int /*level*/, const Slice& /*key*/,
                      const Slice& /*existing_value*/,
                      std::string* /*new_value*/,
                      bool* /*value_changed*/) const {
    return false;
  }

  // Called for each merge operand; return true to drop it. (Dropping
  // operands can hide write conflicts from TransactionDB.)
  virtual bool FilterMergeOperand(int /*level*/, const Slice& /*key*/,
                                  const Slice& /*operand*/) const {
    return false;
  }

  // Called for values and merge operands alike. kChangeValue replaces the
  // value/operand by *new_value; kRemoveAndSkipUntil drops this entry and
  // every key in [key, *skip_until) (a *skip_until <= key means kKeep),
  // even entries visible to snapshots. Must not return kUndetermined. The
  // default calls Filter() for kValue and FilterMergeOperand() for
  // kMergeOperand, and keeps blob indexes.
  virtual Decision FilterV2(int level, const Slice& key, ValueType value_type,
                            const Slice& existing_value, std::string* new_value,
                            std::string* skip_until) const;

  // BlobDB internal; do not override.
  virtual BlobDecision PrepareBlobOutput(const Slice& /* key */,
                                         const Slice& /* existing_value */,
                                         std::string* /* new_value */) const {
    return BlobDecision::kKeep;
  }

  // DEPRECATED: snapshots are always ignored; returning false fails the
  // table file creation.
  virtual bool IgnoreSnapshots() const { return true; }

  // Identifies the filter in the LOG.
  const char* Name() const override = 0;

  // BlobDB internal; do not override.
  virtual bool IsStackedBlobDbInternalCompactionFilter() const { return false; }

  // For kBlobIndex entries: decide from the key alone, or return
  // kUndetermined to fall back to FilterV2().
  virtual Decision FilterBlobByKey(int /*level*/, const Slice& /*key*/,
                                   std::string* /*new_value*/,
                                   std::string* /*skip_until*/) const {
    return Decision::kUndetermined;
  }
};

// Creates a fresh CompactionFilter for each job that writes table files, so
// that the filters need not be thread-safe. Implementations must not throw.
class CompactionFilterFactory : public Customizable {
 public:
  virtual ~CompactionFilterFactory() {}
  static const char* Type() { return "CompactionFilterFactory"; }
  static Status CreateFromString(
      const ConfigOptions& config_options, const std::string& name,
      std::shared_ptr<CompactionFilterFactory>* result);

  // Whether jobs creating files for `reason` use a filter. By default only
  // compactions do.
  virtual bool ShouldFilterTableFileCreation(
      TableFileCreationReason reason) const {
    return reason == TableFileCreationReason::kCompaction;
  }

  // Returns a new filter for the job described by `context`.
  virtual std::unique_ptr<CompactionFilter> CreateCompactionFilter(
      const CompactionFilter::Context& context) = 0;

  // Identifies the factory.
  virtual const char* Name() const override = 0;
};

}  // namespace ROCKSDB_NAMESPACE
