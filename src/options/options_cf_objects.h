// Copyright (c) the rocksdb-cleanroom authors.
//
// Parse/print hooks (OptionParseFn/OptionPrintFn) of the object-valued
// ColumnFamilyOptions fields, for the table in options_parser_cf.cc. Each
// `field` is the member named in the function (e.g. a
// std::shared_ptr<MergeOperator>*).
#pragma once

#include <memory>
#include <string>

#include "options/options_parser.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

// comparator: an empty value (no comparator) is an InvalidArgument.
Status ParseComparatorOption(const ConfigOptions&, const std::string& name,
                             const std::string& value, void* field);
Status PrintComparatorOption(const ConfigOptions&, const void* field,
                             std::string* value);
Status ParseMergeOperatorOption(const ConfigOptions&, const std::string& name,
                                const std::string& value, void* field);
Status PrintMergeOperatorOption(const ConfigOptions&, const void* field,
                                std::string* value);
Status ParseCompactionFilterOption(const ConfigOptions&,
                                   const std::string& name,
                                   const std::string& value, void* field);
Status PrintCompactionFilterOption(const ConfigOptions&, const void* field,
                                   std::string* value);
Status ParseCompactionFilterFactoryOption(const ConfigOptions&,
                                          const std::string& name,
                                          const std::string& value,
                                          void* field);
Status PrintCompactionFilterFactoryOption(const ConfigOptions&,
                                          const void* field,
                                          std::string* value);
Status ParseSstPartitionerOption(const ConfigOptions&, const std::string& name,
                                 const std::string& value, void* field);
Status PrintSstPartitionerOption(const ConfigOptions&, const void* field,
                                 std::string* value);
// memtable_factory, and its alias memtable ("skip_list", "vector:100"...).
Status ParseMemTableFactoryOption(const ConfigOptions&, const std::string& name,
                                  const std::string& value, void* field);
Status PrintMemTableFactoryOption(const ConfigOptions&, const void* field,
                                  std::string* value);
// table_factory: by id; printed as the factory's name only.
Status ParseTableFactoryOption(const ConfigOptions&, const std::string& name,
                               const std::string& value, void* field);
Status PrintTableFactoryOption(const ConfigOptions&, const void* field,
                               std::string* value);
// block_based_table_factory / plain_table_factory: the table options as a
// nested map; `field` is the std::shared_ptr<TableFactory> they replace.
Status ParseBlockBasedTableOption(const ConfigOptions&, const std::string& name,
                                  const std::string& value, void* field);
Status ParsePlainTableOption(const ConfigOptions&, const std::string& name,
                             const std::string& value, void* field);
// prefix_extractor and memtable_insert_with_hint_prefix_extractor.
Status ParseSliceTransformOption(const ConfigOptions&, const std::string& name,
                                 const std::string& value, void* field);
Status PrintSliceTransformOption(const ConfigOptions&, const void* field,
                                 std::string* value);

}  // namespace ROCKSDB_NAMESPACE
