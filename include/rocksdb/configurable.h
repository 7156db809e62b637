// Copyright (c) the rocksdb-cleanroom authors.
//
// Configurable: base class of objects whose settings can be set from
// name=value strings or maps, serialized back, compared and validated. A
// derived class registers its option structs (RegisterOptions) together with
// a table describing each field (OptionTypeInfo, see
// rocksdb/utilities/options_type.h); the base class then does the parsing,
// printing and comparing.
#pragma once

#include <atomic>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {
class Logger;
class ObjectRegistry;
class OptionTypeInfo;
struct ColumnFamilyOptions;
struct ConfigOptions;
struct DBOptions;

class Configurable {
 protected:
  friend class ConfigurableHelper;
  // One registered option struct: its name, the struct itself (not owned)
  // and the table describing its fields (not owned, usually static).
  struct RegisteredOptions {
    std::string name;
    void* opt_ptr;
    const std::unordered_map<std::string, OptionTypeInfo>* type_map;
  };

 public:
  virtual ~Configurable() {}

  // The option struct registered under T::kName() (or name), or nullptr.
  // The object keeps ownership. Modifying options of an object in use by an
  // open DB is undefined; use DB::SetOptions instead.
  template <typename T>
  const T* GetOptions() const {
    return GetOptions<T>(T::kName());
  }
  template <typename T>
  T* GetOptions() {
    return GetOptions<T>(T::kName());
  }
  template <typename T>
  const T* GetOptions(const std::string& name) const {
    return reinterpret_cast<const T*>(GetOptionsPtr(name));
  }
  template <typename T>
  T* GetOptions(const std::string& name) {
    return reinterpret_cast<T*>(const_cast<void*>(GetOptionsPtr(name)));
  }

  // Applies every name/value in opt_map, then PrepareOptions if
  // config_options.invoke_prepare_options. On failure the object is restored
  // to an equivalent of its earlier state. Unknown names are collected in
  // *unused when it is given (the call still succeeds); otherwise they give
  // NotFound unless config_options.ignore_unknown_options. NotSupported: a
  // known name whose value cannot be converted; InvalidArgument: an
  // unparsable value or a failed PrepareOptions.
  Status ConfigureFromMap(
      const ConfigOptions& config_options,
      const std::unordered_map<std::string, std::string>& opt_map);
  Status ConfigureFromMap(
      const ConfigOptions& config_options,
      const std::unordered_map<std::string, std::string>& opt_map,
      std::unordered_map<std::string, std::string>* unused);

  // Sets one option (does not run PrepareOptions). Same error codes as
  // ConfigureFromMap.
  Status ConfigureOption(const ConfigOptions& config_options,
                         const std::string& name, const std::string& value);

  // Like ConfigureFromMap, from a "name=value;name=value" string.
  Status ConfigureFromString(const ConfigOptions& config_options,
                             const std::string& opts);

  // Serializes the options into *result (the inverse of
  // ConfigureFromString). InvalidArgument if some option cannot be printed.
  Status GetOptionString(const ConfigOptions& config_options,
                         std::string* result) const;

  // The serialized options, each name prefixed by prefix; errors give a
  // partial result.
  std::string ToString(const ConfigOptions& config_options) const {
    return ToString(config_options, "");
  }
  std::string ToString(const ConfigOptions& config_options,
                       const std::string& prefix) const;

  // Names of the options of this object (aliases and deprecated ones left
  // out).
  Status GetOptionNames(const ConfigOptions& config_options,
                        std::unordered_set<std::string>* result) const;

  // The serialized value of option name. NotFound if unknown,
  // InvalidArgument if it cannot be printed.
  virtual Status GetOption(const ConfigOptions& config_options,
                           const std::string& name, std::string* value) const;

  // True if other (REQUIRES: same class) has equivalent option values; on a
  // mismatch *name receives the name of the first differing option.
  virtual bool AreEquivalent(const ConfigOptions& config_options,
                             const Configurable* other,
                             std::string* name) const;

  // Options pretty-printed for the info log; empty by default.
  virtual std::string GetPrintableOptions() const { return ""; }

  // Checks the settings and initializes the object; after this, immutable
  // options can no longer change. Must be idempotent. The default prepares
  // nested configurables and returns OK.
  virtual Status PrepareOptions(const ConfigOptions& config_options);

  // Checks this object's settings against the given DB and column family
  // options. The default validates nested configurables and returns OK.
  virtual Status ValidateOptions(const DBOptions& db_opts,
                                 const ColumnFamilyOptions& cf_opts) const;

  // Splits "id" or "id=X;name=value;..." into the id and the other pairs.
  // A map without an id field uses default_id; "" gives default_id. A value
  // that is not a well-formed map, or a map with neither an id field nor a
  // default_id, is taken whole as the id (with no options). Returns OK in
  // all these cases.
  static Status GetOptionsMap(
      const std::string& opt_value, const std::string& default_id,
      std::string* id, std::unordered_map<std::string, std::string>* options);

 protected:
  // The struct registered under name, or nullptr. Overridable to expose
  // nested structs.
  virtual const void* GetOptionsPtr(const std::string& name) const;

  // Hook for options outside the registered tables (e.g. a bare
  // "a:b:c" string). The default ignores opts_str and returns OK.
  virtual Status ParseStringOptions(const ConfigOptions& config_options,
                                    const std::string& opts_str);

  // Applies opts_map, moving names that match no registered option into
  // *unused. Overridable.
  virtual Status ConfigureOptions(
      const ConfigOptions& config_options,
      const std::unordered_map<std::string, std::string>& opts_map,
      std::unordered_map<std::string, std::string>* unused);

  // Parses opt_value into the field described by opt_info at opt_ptr.
  virtual Status ParseOption(const ConfigOptions& config_options,
                             const OptionTypeInfo& opt_info,
                             const std::string& opt_name,
                             const std::string& opt_value, void* opt_ptr);

  // Compares one field of this_ptr and that_ptr; on a mismatch *bad_name
  // receives the offending name.
  virtual bool OptionsAreEqual(const ConfigOptions& config_options,
                               const OptionTypeInfo& opt_info,
                               const std::string& name,
                               const void* const this_ptr,
                               const void* const that_ptr,
                               std::string* bad_name) const;

  // Serializes all registered options, each name prefixed by header.
  virtual std::string SerializeOptions(const ConfigOptions& config_options,
                                       const std::string& header) const;

  // The short option name of long_name ("rocksdb.x.opt" -> "opt").
  virtual std::string GetOptionName(const std::string& long_name) const;

  // Registers an option struct. Call from the derived constructor. Neither
  // opt_ptr nor opt_map is owned; both must outlive this object.
  template <typename T>
  void RegisterOptions(
      T* opt_ptr,
      const std::unordered_map<std::string, OptionTypeInfo>* opt_map) {
    RegisterOptions(T::kName(), opt_ptr, opt_map);
  }
  void RegisterOptions(
      const std::string& name, void* opt_ptr,
      const std::unordered_map<std::string, OptionTypeInfo>* opt_map);

  inline bool HasRegisteredOptions() const { return !options_.empty(); }

 private:
  // Registered option structs, in registration order.
  std::vector<RegisteredOptions> options_;
};

}  // namespace ROCKSDB_NAMESPACE
