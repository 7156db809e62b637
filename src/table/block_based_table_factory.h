// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTableFactory: the default table format's factory. It owns the
// sanitized BlockBasedTableOptions (reachable through
// GetOptions<BlockBasedTableOptions>()) and validates them against the
// column family. NewTableReader() opens a BlockBasedTable and
// NewTableBuilder() gives a BlockBasedTableBuilder.
#pragma once

#include <memory>
#include <string>

#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

class BlockBasedTableFactory : public TableFactory {
 public:
  // Copies and sanitizes `table_options` (see the .cc for the rules).
  explicit BlockBasedTableFactory(
      const BlockBasedTableOptions& table_options = BlockBasedTableOptions());
  ~BlockBasedTableFactory() override = default;

  static const char* kClassName() { return kBlockBasedTableName(); }
  const char* Name() const override { return kBlockBasedTableName(); }

  using TableFactory::NewTableReader;
  Status NewTableReader(const ReadOptions& ro,
                        const TableReaderOptions& table_reader_options,
                        std::unique_ptr<RandomAccessFileReader>&& file,
                        uint64_t file_size,
                        std::unique_ptr<TableReader>* table_reader,
                        bool prefetch_index_and_filter_in_cache) const override;

  TableBuilder* NewTableBuilder(
      const TableBuilderOptions& table_builder_options,
      WritableFileWriter* file) const override;

  bool IsDeleteRangeSupported() const override { return true; }

  // The option dump RocksDB writes to the LOG, one "  name: value" per line.
  std::string GetPrintableOptions() const override;

  // The checks RocksDB makes when a DB is opened with this factory.
  Status ValidateOptions(const DBOptions& db_opts,
                         const ColumnFamilyOptions& cf_opts) const override;

  const BlockBasedTableOptions& table_options() const { return table_options_; }

 private:
  BlockBasedTableOptions table_options_;
};

}  // namespace ROCKSDB_NAMESPACE
