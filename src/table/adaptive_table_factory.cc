// Copyright (c) the rocksdb-cleanroom authors.
//
// AdaptiveTableFactory: writes with one factory and would read any
// built-in format by looking at the file's magic number. Reading is not
// implemented yet (NotImplemented); building delegates to the write
// factory.

#include <memory>
#include <string>

#include "rocksdb/table.h"
#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class AdaptiveTableFactory : public TableFactory {
 public:
  AdaptiveTableFactory(std::shared_ptr<TableFactory> write,
                       std::shared_ptr<TableFactory> block_based,
                       std::shared_ptr<TableFactory> plain,
                       std::shared_ptr<TableFactory> cuckoo)
      : block_based_(block_based != nullptr ? std::move(block_based)
                                            : std::shared_ptr<TableFactory>(
                                                  NewBlockBasedTableFactory())),
        plain_(plain != nullptr
                   ? std::move(plain)
                   : std::shared_ptr<TableFactory>(NewPlainTableFactory())),
        cuckoo_(cuckoo != nullptr
                    ? std::move(cuckoo)
                    : std::shared_ptr<TableFactory>(NewCuckooTableFactory())),
        write_(write != nullptr ? std::move(write) : block_based_) {}

  const char* Name() const override { return "AdaptiveTableFactory"; }

  using TableFactory::NewTableReader;
  Status NewTableReader(const ReadOptions& /*ro*/,
                        const TableReaderOptions& /*table_reader_options*/,
                        std::unique_ptr<RandomAccessFileReader>&& /*file*/,
                        uint64_t /*file_size*/,
                        std::unique_ptr<TableReader>* /*table_reader*/,
                        bool /*prefetch*/) const override {
    return NotImplemented("AdaptiveTableFactory::NewTableReader");
  }

  TableBuilder* NewTableBuilder(const TableBuilderOptions& options,
                                WritableFileWriter* file) const override {
    return write_->NewTableBuilder(options, file);
  }

  std::string GetPrintableOptions() const override {
    std::string out;
    out += "  write factory (" + std::string(write_->Name()) + ") options:\n";
    out += write_->GetPrintableOptions() + "\n";
    for (const TableFactory* f :
         {block_based_.get(), plain_.get(), cuckoo_.get()}) {
      out += "  " + std::string(f->Name()) + " options:\n";
      out += f->GetPrintableOptions() + "\n";
    }
    return out;
  }

 private:
  std::shared_ptr<TableFactory> block_based_;
  std::shared_ptr<TableFactory> plain_;
  std::shared_ptr<TableFactory> cuckoo_;
  std::shared_ptr<TableFactory> write_;
};

}  // namespace

TableFactory* NewAdaptiveTableFactory(
    std::shared_ptr<TableFactory> table_factory_to_write,
    std::shared_ptr<TableFactory> block_based_table_factory,
    std::shared_ptr<TableFactory> plain_table_factory,
    std::shared_ptr<TableFactory> cuckoo_table_factory) {
  return new AdaptiveTableFactory(
      std::move(table_factory_to_write), std::move(block_based_table_factory),
      std::move(plain_table_factory), std::move(cuckoo_table_factory));
}

}  // namespace ROCKSDB_NAMESPACE
