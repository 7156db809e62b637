// Copyright (c) the rocksdb-cleanroom authors.
//
// CuckooTableFactory: holds CuckooTableOptions under the name
// "CuckooTable". The cuckoo table format itself is not implemented:
// opening or building a table reports NotImplemented / nullptr.

#include <memory>
#include <string>

#include "rocksdb/table.h"
#include "table/options_only_table_factory.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class CuckooTableFactory : public OptionsOnlyTableFactory<CuckooTableOptions> {
 public:
  explicit CuckooTableFactory(const CuckooTableOptions& options)
      : OptionsOnlyTableFactory(options, "CuckooTableFactory::NewTableReader") {
  }

  const char* Name() const override { return kCuckooTableName(); }

  // use_module_hash is not part of RocksDB's dump.
  std::string GetPrintableOptions() const override {
    std::string out;
    StringAppendF(&out, "  hash_table_ratio: %lf\n", options_.hash_table_ratio);
    StringAppendF(&out, "  max_search_depth: %u\n", options_.max_search_depth);
    StringAppendF(&out, "  cuckoo_block_size: %u\n",
                  options_.cuckoo_block_size);
    StringAppendF(&out, "  identity_as_first_hash: %d\n",
                  options_.identity_as_first_hash);
    return out;
  }
};

}  // namespace

TableFactory* NewCuckooTableFactory(const CuckooTableOptions& table_options) {
  return new CuckooTableFactory(table_options);
}

const std::string CuckooTablePropertyNames::kEmptyKey =
    "rocksdb.cuckoo.bucket.empty.key";
const std::string CuckooTablePropertyNames::kValueLength =
    "rocksdb.cuckoo.value.length";
const std::string CuckooTablePropertyNames::kNumHashFunc =
    "rocksdb.cuckoo.hash.num";
const std::string CuckooTablePropertyNames::kCuckooBlockSize =
    "rocksdb.cuckoo.hash.cuckooblocksize";
const std::string CuckooTablePropertyNames::kHashTableSize =
    "rocksdb.cuckoo.hash.size";
const std::string CuckooTablePropertyNames::kIsLastLevel =
    "rocksdb.cuckoo.file.islastlevel";
const std::string CuckooTablePropertyNames::kIdentityAsFirstHash =
    "rocksdb.cuckoo.hash.identityfirst";
const std::string CuckooTablePropertyNames::kUseModuleHash =
    "rocksdb.cuckoo.hash.usemodule";
const std::string CuckooTablePropertyNames::kUserKeyLength =
    "rocksdb.cuckoo.hash.userkeylength";

}  // namespace ROCKSDB_NAMESPACE
