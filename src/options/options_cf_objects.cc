// Copyright (c) the rocksdb-cleanroom authors.
//
// Parse/print hooks of the ColumnFamilyOptions fields that hold objects
// (comparator, merge operator, table factory, memtable factory, prefix
// extractors, ...). Each value goes through the object's CreateFromString,
// so "an id", "id=X;opt=1" and "{id=X;opt=1}" all work; an id this build
// cannot create is skipped (ConfigOptions::ignore_unsupported_options,
// true by default) or reported NotSupported.
#include "options/options_cf_objects.h"

#include <memory>

#include "rocksdb/cache.h"
#include "rocksdb/compaction_filter.h"
#include "rocksdb/comparator.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/sst_partitioner.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

std::string CustomizableOptionString(const ConfigOptions& config_options,
                                     const Customizable* object) {
  if (object == nullptr) return "nullptr";
  ConfigOptions nested = config_options;
  nested.delimiter = ";";
  std::string s = object->ToString(nested);
  if (s.find('=') != std::string::npos && s.front() != '{') {
    s = "{" + s + "}";
  }
  return s;
}

namespace {

template <typename T>
Status PrintShared(const ConfigOptions& config_options, const void* field,
                   std::string* value) {
  *value = CustomizableOptionString(
      config_options, static_cast<const std::shared_ptr<T>*>(field)->get());
  return Status::OK();
}

// Fills *options from base's options of type T (T's defaults when base is
// null or another kind of factory), then applies opts. An unknown name is
// reported against `name`, the option that holds the table options.
template <typename T>
Status ConfigureTableOptions(const ConfigOptions& config_options,
                             const std::string& name, const OptionStruct& table,
                             const TableFactory* base, const OptionsMap& opts,
                             T* options) {
  const T* current = base == nullptr ? nullptr : base->GetOptions<T>();
  if (current != nullptr) *options = *current;
  OptionsMap unused;
  Status s =
      ConfigureOptionStruct(config_options, table, opts, options, &unused);
  if (s.ok() && !unused.empty() && !config_options.ignore_unknown_options) {
    s = Status::InvalidArgument("Could not find option: ", name);
  }
  return s;
}

// block_based_table_factory / plain_table_factory / dotted table_factory.X:
// a new factory of kind T from the current one's options plus opts.
template <typename T>
Status ReplaceTableFactory(const ConfigOptions& config_options,
                           const std::string& name, const OptionStruct& table,
                           const OptionsMap& opts,
                           TableFactory* (*make)(const T&),
                           std::shared_ptr<TableFactory>* factory) {
  T options;
  Status s = ConfigureTableOptions(config_options, name, table, factory->get(),
                                   opts, &options);
  if (s.ok()) factory->reset(make(options));
  return s;
}

TableFactory* MakeBlockBased(const BlockBasedTableOptions& o) {
  return NewBlockBasedTableFactory(o);
}
TableFactory* MakePlain(const PlainTableOptions& o) {
  return NewPlainTableFactory(o);
}

}  // namespace

Status ParseComparatorOption(const ConfigOptions& config_options,
                             const std::string& name, const std::string& value,
                             void* field) {
  auto* comparator = static_cast<const Comparator**>(field);
  const Comparator* result = *comparator;
  Status s = Comparator::CreateFromString(config_options, value, &result);
  if (!s.ok()) return s;
  if (result == nullptr) {
    return Status::InvalidArgument("Missing configurable object: " + name);
  }
  *comparator = result;
  return Status::OK();
}

Status PrintComparatorOption(const ConfigOptions& config_options,
                             const void* field, std::string* value) {
  *value = CustomizableOptionString(
      config_options, *static_cast<const Comparator* const*>(field));
  return Status::OK();
}

Status ParseMergeOperatorOption(const ConfigOptions& config_options,
                                const std::string& /*name*/,
                                const std::string& value, void* field) {
  return MergeOperator::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<MergeOperator>*>(field));
}

Status PrintMergeOperatorOption(const ConfigOptions& config_options,
                                const void* field, std::string* value) {
  return PrintShared<MergeOperator>(config_options, field, value);
}

Status ParseCompactionFilterOption(const ConfigOptions& config_options,
                                   const std::string& /*name*/,
                                   const std::string& value, void* field) {
  return CompactionFilter::CreateFromString(
      config_options, value, static_cast<const CompactionFilter**>(field));
}

Status PrintCompactionFilterOption(const ConfigOptions& config_options,
                                   const void* field, std::string* value) {
  *value = CustomizableOptionString(
      config_options, *static_cast<const CompactionFilter* const*>(field));
  return Status::OK();
}

Status ParseCompactionFilterFactoryOption(const ConfigOptions& config_options,
                                          const std::string& /*name*/,
                                          const std::string& value,
                                          void* field) {
  return CompactionFilterFactory::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<CompactionFilterFactory>*>(field));
}

Status PrintCompactionFilterFactoryOption(const ConfigOptions& config_options,
                                          const void* field,
                                          std::string* value) {
  return PrintShared<CompactionFilterFactory>(config_options, field, value);
}

Status ParseSstPartitionerOption(const ConfigOptions& config_options,
                                 const std::string& /*name*/,
                                 const std::string& value, void* field) {
  return SstPartitionerFactory::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<SstPartitionerFactory>*>(field));
}

Status PrintSstPartitionerOption(const ConfigOptions& config_options,
                                 const void* field, std::string* value) {
  return PrintShared<SstPartitionerFactory>(config_options, field, value);
}

Status ParseMemTableFactoryOption(const ConfigOptions& config_options,
                                  const std::string& /*name*/,
                                  const std::string& value, void* field) {
  // No factory ("", nullptr, an id this build does not know) leaves the
  // current one in place.
  auto* factory = static_cast<std::shared_ptr<MemTableRepFactory>*>(field);
  std::shared_ptr<MemTableRepFactory> created;
  Status s =
      MemTableRepFactory::CreateFromString(config_options, value, &created);
  if (s.ok() && created != nullptr) *factory = std::move(created);
  return s;
}

Status PrintMemTableFactoryOption(const ConfigOptions& config_options,
                                  const void* field, std::string* value) {
  return PrintShared<MemTableRepFactory>(config_options, field, value);
}

Status ParseTableFactoryOption(const ConfigOptions& config_options,
                               const std::string& /*name*/,
                               const std::string& value, void* field) {
  return TableFactory::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<TableFactory>*>(field));
}

// Only the factory's name: its options go to their own OPTIONS section.
Status PrintTableFactoryOption(const ConfigOptions& /*config_options*/,
                               const void* field, std::string* value) {
  const auto& factory =
      *static_cast<const std::shared_ptr<TableFactory>*>(field);
  *value = factory == nullptr ? "nullptr" : factory->Name();
  return Status::OK();
}

Status ParseBlockBasedTableOption(const ConfigOptions& config_options,
                                  const std::string& name,
                                  const std::string& value, void* field) {
  OptionsMap opts;
  Status s = OptionStringToMap(value, &opts);
  if (!s.ok()) return s;
  return ReplaceTableFactory<BlockBasedTableOptions>(
      config_options, name, BlockBasedTableOptionStruct(), opts, MakeBlockBased,
      static_cast<std::shared_ptr<TableFactory>*>(field));
}

Status ParsePlainTableOption(const ConfigOptions& config_options,
                             const std::string& name, const std::string& value,
                             void* field) {
  OptionsMap opts;
  Status s = OptionStringToMap(value, &opts);
  if (!s.ok()) return s;
  return ReplaceTableFactory<PlainTableOptions>(
      config_options, name, PlainTableOptionStruct(), opts, MakePlain,
      static_cast<std::shared_ptr<TableFactory>*>(field));
}

Status ParseSliceTransformOption(const ConfigOptions& config_options,
                                 const std::string& /*name*/,
                                 const std::string& value, void* field) {
  return SliceTransform::CreateFromString(
      config_options, value,
      static_cast<std::shared_ptr<const SliceTransform>*>(field));
}

Status PrintSliceTransformOption(const ConfigOptions& /*config_options*/,
                                 const void* field, std::string* value) {
  const auto& transform =
      *static_cast<const std::shared_ptr<const SliceTransform>*>(field);
  *value = transform == nullptr ? "nullptr" : transform->AsString();
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
