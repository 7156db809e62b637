// Copyright (c) the rocksdb-cleanroom authors.
//
// PlainTableFactory: holds PlainTableOptions under the name "PlainTable".
// The plain table format itself is not implemented: opening or building a
// table reports NotImplemented / nullptr.

#include <cstdio>
#include <memory>
#include <string>

#include "rocksdb/table.h"
#include "table/options_only_table_factory.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class PlainTableFactory : public OptionsOnlyTableFactory<PlainTableOptions> {
 public:
  explicit PlainTableFactory(const PlainTableOptions& options)
      : OptionsOnlyTableFactory(options, "PlainTableFactory::NewTableReader") {}

  const char* Name() const override { return kPlainTableName(); }

  std::string GetPrintableOptions() const override {
    std::string out;
    StringAppendF(&out, "  user_key_len: %u\n", options_.user_key_len);
    StringAppendF(&out, "  bloom_bits_per_key: %d\n",
                  options_.bloom_bits_per_key);
    StringAppendF(&out, "  hash_table_ratio: %lf\n", options_.hash_table_ratio);
    StringAppendF(&out, "  index_sparseness: %zu\n", options_.index_sparseness);
    StringAppendF(&out, "  huge_page_tlb_size: %zu\n",
                  options_.huge_page_tlb_size);
    StringAppendF(&out, "  encoding_type: %d\n",
                  static_cast<int>(options_.encoding_type));
    StringAppendF(&out, "  full_scan_mode: %d\n", options_.full_scan_mode);
    StringAppendF(&out, "  store_index_in_file: %d\n",
                  options_.store_index_in_file);
    return out;
  }
};

}  // namespace

TableFactory* NewPlainTableFactory(const PlainTableOptions& options) {
  return new PlainTableFactory(options);
}

const std::string PlainTablePropertyNames::kEncodingType =
    "rocksdb.plain.table.encoding.type";
const std::string PlainTablePropertyNames::kBloomVersion =
    "rocksdb.plain.table.bloom.version";
const std::string PlainTablePropertyNames::kNumBloomBlocks =
    "rocksdb.plain.table.bloom.numblocks";

}  // namespace ROCKSDB_NAMESPACE
