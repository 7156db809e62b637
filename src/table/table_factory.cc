// Copyright (c) the rocksdb-cleanroom authors.
//
// TableFactory::CreateFromString(): the built-in factories by name.

#include <memory>
#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

// Observed RocksDB 7.8.3 behaviour: "" and "nullptr" give OK and no
// factory; an unknown id gives OK and no factory when
// ignore_unsupported_options is set, NotSupported otherwise. Options after
// the id ("id=BlockBasedTable;block_size=8192") configure the new factory.
Status TableFactory::CreateFromString(const ConfigOptions& config_options,
                                      const std::string& value,
                                      std::shared_ptr<TableFactory>* factory) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s = Configurable::GetOptionsMap(value, "", &id, &opts);
  if (!s.ok()) return s;
  if (id.empty() || id == "nullptr") {
    factory->reset();
    return Status::OK();
  }
  std::shared_ptr<TableFactory> created;
  if (id == kBlockBasedTableName()) {
    created.reset(NewBlockBasedTableFactory());
  } else if (id == kPlainTableName()) {
    created.reset(NewPlainTableFactory());
  } else if (id == kCuckooTableName()) {
    created.reset(NewCuckooTableFactory());
  } else {
    if (config_options.ignore_unsupported_options) return Status::OK();
    return Status::NotSupported("Could not load TableFactory", value);
  }
  s = Customizable::ConfigureNewObject(config_options, created.get(), opts);
  if (!s.ok()) return s;
  *factory = std::move(created);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
