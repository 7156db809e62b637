// Copyright (c) the rocksdb-cleanroom authors.
//
// Configurable base behaviour. A registered option struct is described by
// the option table registered under the same name (util/options_type.h:
// the table-factory option structs); the base class parses, prints and
// compares its fields through that table. Objects with no registered
// options get RocksDB 7.8.3's behaviour: every name is unknown, printing
// gives "", and any two are equivalent. ParseOption/OptionsAreEqual take an
// OptionTypeInfo, which this build does not provide: they report
// NotImplemented / false.
#include "rocksdb/configurable.h"

#include "rocksdb/convenience.h"
#include "util/not_implemented.h"
#include "util/options_map.h"
#include "util/options_type.h"

namespace ROCKSDB_NAMESPACE {

namespace {

Status UnknownOption(const std::string& name) {
  return Status::NotFound("Could not find option: ", name);
}

}  // namespace

// Sets name in the first registered struct whose table knows it.
// Declared a friend by Configurable: reaches its registered structs.
class ConfigurableHelper {
 public:
  // Sets name in the first registered struct whose table knows it; *found
  // tells whether one did.
  static Status ConfigureOne(Configurable& c,
                             const ConfigOptions& config_options,
                             const std::string& name, const std::string& value,
                             bool* found);
};

Status ConfigurableHelper::ConfigureOne(Configurable& c,
                                        const ConfigOptions& config_options,
                                        const std::string& name,
                                        const std::string& value, bool* found) {
  *found = false;
  const std::string short_name = c.GetOptionName(name);
  for (const auto& o : c.options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    void* owner = nullptr;
    const OptionField* f =
        FindOptionField(*table, short_name, o.opt_ptr, &owner);
    if (f == nullptr) continue;
    *found = true;
    if (config_options.mutable_options_only) {
      const OptionField* top =
          table->Find(short_name.substr(0, short_name.find('.')));
      if (top == nullptr || !top->IsMutable()) {
        return Status::InvalidArgument("Option not changeable: " + name);
      }
    }
    const size_t dot = short_name.rfind('.');
    const std::string leaf =
        dot == std::string::npos ? short_name : short_name.substr(dot + 1);
    return ParseOptionField(config_options, *f, leaf, value, owner);
  }
  return Status::OK();
}

void Configurable::RegisterOptions(
    const std::string& name, void* opt_ptr,
    const std::unordered_map<std::string, OptionTypeInfo>* opt_map) {
  RegisteredOptions opts;
  opts.name = name;
  opts.opt_ptr = opt_ptr;
  opts.type_map = opt_map;
  options_.push_back(opts);
}

const void* Configurable::GetOptionsPtr(const std::string& name) const {
  for (const auto& o : options_) {
    if (o.name == name) return o.opt_ptr;
  }
  return nullptr;
}

std::string Configurable::GetOptionName(const std::string& long_name) const {
  return long_name;
}

Status Configurable::PrepareOptions(const ConfigOptions& /*config_options*/) {
  return Status::OK();
}

Status Configurable::ValidateOptions(
    const DBOptions& /*db_opts*/,
    const ColumnFamilyOptions& /*cf_opts*/) const {
  return Status::OK();
}

Status Configurable::ParseStringOptions(const ConfigOptions& /*config_options*/,
                                        const std::string& /*opts_str*/) {
  return Status::OK();
}

Status Configurable::ConfigureFromMap(
    const ConfigOptions& config_options,
    const std::unordered_map<std::string, std::string>& opt_map) {
  return ConfigureFromMap(config_options, opt_map, nullptr);
}

// Unknown names go to *unused when it is given (and the call succeeds);
// without it they fail the call unless ignore_unknown_options is set.
Status Configurable::ConfigureFromMap(
    const ConfigOptions& config_options,
    const std::unordered_map<std::string, std::string>& opt_map,
    std::unordered_map<std::string, std::string>* unused) {
  std::unordered_map<std::string, std::string> leftover;
  Status s = ConfigureOptions(config_options, opt_map, &leftover);
  if (s.ok() && !leftover.empty()) {
    if (unused != nullptr) {
      unused->insert(leftover.begin(), leftover.end());
    } else if (!config_options.ignore_unknown_options) {
      s = UnknownOption(leftover.begin()->first);
    }
  }
  if (s.ok() && config_options.invoke_prepare_options) {
    s = PrepareOptions(config_options);
  }
  return s;
}

// Each name is looked up in the registered structs' tables (dotted names
// reach nested structs); names no table knows go to *unused.
Status Configurable::ConfigureOptions(
    const ConfigOptions& config_options,
    const std::unordered_map<std::string, std::string>& opts_map,
    std::unordered_map<std::string, std::string>* unused) {
  for (const auto& kv : opts_map) {
    bool found = false;
    Status s = ConfigurableHelper::ConfigureOne(*this, config_options, kv.first,
                                                kv.second, &found);
    if (!s.ok()) return s;
    if (!found) unused->insert(kv);
  }
  return Status::OK();
}

Status Configurable::ConfigureOption(const ConfigOptions& config_options,
                                     const std::string& name,
                                     const std::string& value) {
  bool found = false;
  Status s = ConfigurableHelper::ConfigureOne(*this, config_options, name,
                                              value, &found);
  if (s.ok() && !found) return UnknownOption(name);
  return s;
}

// "a=b;..." goes through ConfigureFromMap; a string without '=' is handed
// to ParseStringOptions.
Status Configurable::ConfigureFromString(const ConfigOptions& config_options,
                                         const std::string& opts) {
  if (opts.empty()) return Status::OK();
  if (opts.find('=') == std::string::npos) {
    Status s = ParseStringOptions(config_options, opts);
    if (s.ok() && config_options.invoke_prepare_options) {
      s = PrepareOptions(config_options);
    }
    return s;
  }
  std::unordered_map<std::string, std::string> opt_map;
  Status s = OptionStringToMap(opts, &opt_map);
  if (!s.ok()) return s;
  return ConfigureFromMap(config_options, opt_map, nullptr);
}

Status Configurable::ParseOption(const ConfigOptions& /*config_options*/,
                                 const OptionTypeInfo& /*opt_info*/,
                                 const std::string& /*opt_name*/,
                                 const std::string& /*opt_value*/,
                                 void* /*opt_ptr*/) {
  return NotImplemented("Configurable::ParseOption");
}

bool Configurable::OptionsAreEqual(const ConfigOptions& /*config_options*/,
                                   const OptionTypeInfo& /*opt_info*/,
                                   const std::string& name,
                                   const void* const /*this_ptr*/,
                                   const void* const /*that_ptr*/,
                                   std::string* bad_name) const {
  *bad_name = name;
  return false;
}

Status Configurable::GetOptionString(const ConfigOptions& config_options,
                                     std::string* result) const {
  // Only registered option fields are printed (a Customizable's id is not,
  // unlike in ToString).
  result->clear();
  for (const auto& o : options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    Status s = PrintOptionStruct(config_options, *table, o.opt_ptr, "", result);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

std::string Configurable::ToString(const ConfigOptions& config_options,
                                   const std::string& prefix) const {
  return SerializeOptions(config_options, prefix);
}

std::string Configurable::SerializeOptions(const ConfigOptions& config_options,
                                           const std::string& header) const {
  std::string result;
  for (const auto& o : options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    // A field that cannot be printed ends the output (a partial result).
    if (!PrintOptionStruct(config_options, *table, o.opt_ptr, header, &result)
             .ok()) {
      break;
    }
  }
  return result;
}

Status Configurable::GetOptionNames(
    const ConfigOptions& /*config_options*/,
    std::unordered_set<std::string>* result) const {
  for (const auto& o : options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    for (const OptionField& f : table->fields) {
      if (f.kind != OptionKind::kIgnored && (f.flags & kOptAlias) == 0) {
        result->insert(f.name);
      }
    }
  }
  return Status::OK();
}

Status Configurable::GetOption(const ConfigOptions& config_options,
                               const std::string& name,
                               std::string* value) const {
  value->clear();
  const std::string short_name = GetOptionName(name);
  for (const auto& o : options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    void* owner = nullptr;
    const OptionField* f =
        FindOptionField(*table, short_name, o.opt_ptr, &owner);
    if (f != nullptr) {
      return PrintOptionField(config_options, *f, owner, value);
    }
  }
  return Status::NotFound("Cannot find option: ", name);
}

bool Configurable::AreEquivalent(const ConfigOptions& config_options,
                                 const Configurable* other,
                                 std::string* name) const {
  name->clear();
  if (this == other || config_options.IsCheckDisabled()) return true;
  if (other == nullptr) return false;
  for (const auto& o : options_) {
    const OptionStruct* table = FindRegisteredOptionStruct(o.name);
    if (table == nullptr) continue;
    const void* that = other->GetOptionsPtr(o.name);
    if (that == nullptr) {
      *name = o.name;
      return false;
    }
    if (!OptionStructsEqual(config_options, *table, o.opt_ptr, that, name)) {
      return false;
    }
  }
  return true;
}

// RocksDB 7.8.3 rules, observed: a value that is not a valid "a=b;..." map
// (including a plain name) is the id itself. For a map, the id is its "id"
// entry, else default_id; with neither, the whole value is the id and no
// options are returned.
Status Configurable::GetOptionsMap(
    const std::string& opt_value, const std::string& default_id,
    std::string* id, std::unordered_map<std::string, std::string>* options) {
  options->clear();
  if (opt_value.find('=') == std::string::npos) {
    *id = opt_value.empty() ? default_id : opt_value;
    return Status::OK();
  }
  if (!ParseOptionsMap(opt_value, options).ok()) {
    options->clear();
    *id = opt_value;
    return Status::OK();
  }
  auto it = options->find("id");
  if (it != options->end()) {
    *id = it->second;
    options->erase(it);
  } else if (!default_id.empty()) {
    *id = default_id;
  } else {
    options->clear();
    *id = opt_value;
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
