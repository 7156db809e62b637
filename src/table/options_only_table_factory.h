// Copyright (c) the rocksdb-cleanroom authors.
// Base for table factories whose format is not implemented yet: they hold
// and register their options struct, opening a table reports
// NotImplemented and building one gives nullptr.
#pragma once

#include <memory>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/table.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

// TOptions must have a static kName() (used to register the options).
template <typename TOptions>
class OptionsOnlyTableFactory : public TableFactory {
 public:
  // `reader_method` names NewTableReader in its NotImplemented status; it
  // must outlive the factory (a string literal).
  OptionsOnlyTableFactory(const TOptions& options, const char* reader_method)
      : options_(options), reader_method_(reader_method) {
    RegisterOptions(&options_, nullptr);
  }

  using TableFactory::NewTableReader;
  Status NewTableReader(const ReadOptions& /*ro*/,
                        const TableReaderOptions& /*table_reader_options*/,
                        std::unique_ptr<RandomAccessFileReader>&& /*file*/,
                        uint64_t /*file_size*/,
                        std::unique_ptr<TableReader>* /*table_reader*/,
                        bool /*prefetch*/) const override {
    return NotImplemented(reader_method_);
  }

  TableBuilder* NewTableBuilder(const TableBuilderOptions& /*options*/,
                                WritableFileWriter* /*file*/) const override {
    return nullptr;  // not implemented yet
  }

 protected:
  TOptions options_;

 private:
  const char* reader_method_;
};

}  // namespace ROCKSDB_NAMESPACE
