// Copyright (c) the rocksdb-cleanroom authors.
//
// DBOptions / ColumnFamilyOptions <-> option maps and strings, and the
// SetOptions/SetDBOptions appliers, on top of the two tables.
#include "options/options_parser.h"

namespace ROCKSDB_NAMESPACE {

Status ConfigureDBOptions(const ConfigOptions& config_options,
                          const OptionsMap& opts, DBOptions* options,
                          OptionsMap* unused) {
  return ConfigureOptionStruct(config_options, DBOptionStruct(), opts, options,
                               unused);
}

Status ConfigureCFOptions(const ConfigOptions& config_options,
                          const OptionsMap& opts, ColumnFamilyOptions* options,
                          OptionsMap* unused) {
  return ConfigureOptionStruct(config_options, CFOptionStruct(), opts, options,
                               unused);
}

Status PrintDBOptions(const ConfigOptions& config_options,
                      const DBOptions& options, std::string* out) {
  return PrintOptionStruct(config_options, DBOptionStruct(), &options, "", out);
}

Status PrintCFOptions(const ConfigOptions& config_options,
                      const ColumnFamilyOptions& options, std::string* out) {
  return PrintOptionStruct(config_options, CFOptionStruct(), &options, "", out);
}

std::string PrintedOptionValue(const OptionStruct& table,
                               const std::string& name, const void* object) {
  void* owner = nullptr;
  const OptionField* f =
      FindOptionField(table, name, const_cast<void*>(object), &owner);
  std::string value;
  if (f == nullptr ||
      !PrintOptionField(ConfigOptions(), *f, owner, &value).ok()) {
    value.clear();
  }
  return value;
}

Status ApplyMutableCFOptions(const OptionsMap& opts,
                             ColumnFamilyOptions* options) {
  if (opts.empty()) return Status::InvalidArgument("empty input");
  ConfigOptions config_options;
  config_options.mutable_options_only = true;
  ColumnFamilyOptions copy = *options;
  Status s = ConfigureCFOptions(config_options, opts, &copy);
  if (s.ok()) *options = std::move(copy);
  return s;
}

Status ApplyMutableDBOptions(const OptionsMap& opts, DBOptions* options) {
  if (opts.empty()) return Status::InvalidArgument("empty input");
  const OptionStruct& table = DBOptionStruct();
  for (const auto& kv : opts) {
    const OptionField* f = table.Find(kv.first);
    if (f == nullptr || !f->IsMutable()) {
      return Status::NotFound("Unrecognized option: " + kv.first);
    }
  }
  ConfigOptions config_options;
  config_options.mutable_options_only = true;
  DBOptions copy = *options;
  Status s = ConfigureDBOptions(config_options, opts, &copy);
  if (s.ok()) *options = std::move(copy);
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
