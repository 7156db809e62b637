// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableBuilder: writes a block-based table (spec 5.1-5.10):
// data blocks cut by size, an optional full filter, the index, the
// range-deletion block, the properties block, the metaindex and the footer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rocksdb/table.h"
#include "rocksdb/table_properties.h"
#include "table/format.h"
#include "table/table_builder.h"

namespace ROCKSDB_NAMESPACE {

class BlockBuilder;
class FilterBitsBuilder;
class WritableFileWriter;

// True when blocks compressed with `type` are stored the same way in every
// format_version (no compression, Snappy): the only codecs this builder
// writes for format_version 0 and 1.
bool FramingIsVersionIndependent(CompressionType type);

class BlockBasedTableBuilder : public TableBuilder {
 public:
  // table_options as sanitized by BlockBasedTableFactory (copied). file is
  // not owned and must outlive the builder. Options this writer cannot
  // honour make status() NotSupported from the start (format_version 0 or
  // 1 with a codec other than Snappy).
  BlockBasedTableBuilder(const BlockBasedTableOptions& table_options,
                         const TableBuilderOptions& options,
                         WritableFileWriter* file);
  ~BlockBasedTableBuilder() override;

  BlockBasedTableBuilder(const BlockBasedTableBuilder&) = delete;
  BlockBasedTableBuilder& operator=(const BlockBasedTableBuilder&) = delete;

  void Add(const Slice& key, const Slice& value) override;
  Status status() const override { return status_; }
  IOStatus io_status() const override { return io_status_; }
  Status Finish() override;
  void Abandon() override;
  uint64_t NumEntries() const override { return props_.num_entries; }
  bool IsEmpty() const override { return props_.num_entries == 0; }
  uint64_t FileSize() const override { return offset_; }
  uint64_t EstimatedFileSize() const override;
  TableProperties GetTableProperties() const override { return props_; }
  std::string GetFileChecksum() const override;
  const char* GetFileChecksumFuncName() const override;
  bool NeedCompact() const override;

 private:
  class FilterAdder;
  class IndexBuilder;

  bool ok() const { return status_.ok(); }
  void SetStatus(const Status& s);
  void SetIOStatus(const IOStatus& s);

  // Size of the current data block (now `current` bytes) once (key,
  // value) is added, as the cut rule estimates it.
  size_t SizeAfterAdding(size_t current, const Slice& key,
                         const Slice& value) const;
  void AddRangeTombstone(const Slice& key, const Slice& value,
                         SequenceNumber seq);
  // Cuts the current data block; next_key is the first key of the next
  // block, or null at the end of the table.
  void FlushDataBlock(const Slice* next_key);
  // Compresses raw when allowed and worthwhile, then writes it with its
  // trailer. *handle receives where it went.
  void WriteMaybeCompressedBlock(const Slice& raw, bool compressible,
                                 BlockHandle* handle);
  // Writes block bytes stored with `type`, followed by the trailer.
  void WriteStoredBlock(const Slice& stored, CompressionType type,
                        BlockHandle* handle);
  void WriteFilterBlock(std::vector<std::pair<std::string, BlockHandle>>* meta);
  void WriteRangeDelBlock(
      std::vector<std::pair<std::string, BlockHandle>>* meta);
  void WritePropertiesBlock(
      std::vector<std::pair<std::string, BlockHandle>>* meta);
  void FillStaticProperties();

  // Constant after construction.
  const BlockBasedTableOptions table_options_;
  const TableBuilderOptions options_;
  const InternalKeyComparator* const icmp_;
  WritableFileWriter* const file_;
  // format_version written to the footer.
  uint32_t format_version_;
  std::vector<std::unique_ptr<TablePropertiesCollector>> collectors_;

  // Progress.
  Status status_;
  IOStatus io_status_;
  bool closed_ = false;
  uint64_t offset_ = 0;
  TableProperties props_;
  std::unique_ptr<BlockBuilder> data_block_;
  std::unique_ptr<BlockBuilder> range_del_block_;
  std::unique_ptr<IndexBuilder> index_;
  std::unique_ptr<FilterAdder> filter_;
  std::string last_key_;    // last point key added (internal key)
  std::string compressed_;  // scratch for block compression
};

}  // namespace ROCKSDB_NAMESPACE
