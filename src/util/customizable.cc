// Copyright (c) the rocksdb-cleanroom authors.
//
// Customizable base behaviour: identity (GetId, IsInstanceOf, unique ids),
// the "id" pseudo-option, and splitting "X" / "id=X;a=b" values for
// factories.
#include "rocksdb/customizable.h"

#include <unistd.h>

#include <cstdio>

#include "rocksdb/convenience.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {
constexpr const char* kIdPropName = "id";
}  // namespace

bool Customizable::IsInstanceOf(const std::string& name) const {
  if (name.empty()) return false;
  if (name == Name()) return true;
  const char* nickname = NickName();
  return nickname != nullptr && nickname[0] != '\0' && name == nickname;
}

const void* Customizable::GetOptionsPtr(const std::string& name) const {
  const void* ptr = Configurable::GetOptionsPtr(name);
  if (ptr != nullptr) return ptr;
  const Customizable* inner = Inner();
  return inner == nullptr ? nullptr : inner->GetOptionsPtr(name);
}

std::string Customizable::GenerateIndividualId() const {
  char buf[64];
  snprintf(buf, sizeof(buf), "@%p#%d", static_cast<const void*>(this),
           static_cast<int>(getpid()));
  return std::string(Name()) + buf;
}

std::string Customizable::GetOptionName(const std::string& long_name) const {
  const std::string prefix = std::string(Name()) + ".";
  if (StartsWith(long_name, prefix)) return long_name.substr(prefix.size());
  return Configurable::GetOptionName(long_name);
}

Status Customizable::GetOption(const ConfigOptions& config_options,
                               const std::string& name,
                               std::string* value) const {
  if (name == kIdPropName) {
    *value = GetId();
    return Status::OK();
  }
  return Configurable::GetOption(config_options, name, value);
}

// With no options of its own the object prints as its bare id; otherwise
// "id=<id>;<options>".
std::string Customizable::SerializeOptions(const ConfigOptions& config_options,
                                           const std::string& prefix) const {
  const std::string parent =
      Configurable::SerializeOptions(config_options, prefix);
  if (parent.empty()) return GetId();
  return prefix + kIdPropName + "=" + GetId() + config_options.delimiter +
         parent;
}

bool Customizable::AreEquivalent(const ConfigOptions& config_options,
                                 const Configurable* other,
                                 std::string* mismatch) const {
  if (config_options.sanity_level > ConfigOptions::kSanityLevelNone &&
      this != other) {
    const Customizable* custom = dynamic_cast<const Customizable*>(other);
    if (custom == nullptr || GetId() != custom->GetId()) {
      *mismatch = kIdPropName;
      return false;
    }
  }
  return Configurable::AreEquivalent(config_options, other, mismatch);
}

// Observed RocksDB 7.8.3 rules: "" gives an empty id (meaning "no object");
// otherwise the id comes from Configurable::GetOptionsMap with custom's id as
// the default. When the id names custom itself, custom's current option
// values fill in the names the string does not set.
Status Customizable::GetOptionsMap(
    const ConfigOptions& config_options, const Customizable* custom,
    const std::string& opt_value, std::string* id,
    std::unordered_map<std::string, std::string>* options) {
  options->clear();
  if (opt_value.empty()) {
    id->clear();
    return Status::OK();
  }
  const std::string default_id = custom == nullptr ? "" : custom->GetId();
  Status s = Configurable::GetOptionsMap(opt_value, default_id, id, options);
  if (!s.ok() || custom == nullptr || *id != custom->GetId()) return s;

  std::unordered_set<std::string> names;
  s = custom->GetOptionNames(config_options, &names);
  if (!s.ok()) return s;
  for (const auto& name : names) {
    if (options->count(name) != 0) continue;
    std::string value;
    s = custom->GetOption(config_options, name, &value);
    if (!s.ok()) return s;
    (*options)[name] = value;
  }
  return Status::OK();
}

Status Customizable::ConfigureNewObject(
    const ConfigOptions& config_options, Customizable* object,
    const std::unordered_map<std::string, std::string>& options) {
  if (object == nullptr) {
    if (options.empty()) return Status::OK();
    return Status::InvalidArgument("Cannot configure null object ");
  }
  if (!options.empty()) {
    // ConfigureFromMap also runs PrepareOptions when asked to.
    return object->ConfigureFromMap(config_options, options);
  }
  if (config_options.invoke_prepare_options) {
    return object->PrepareOptions(config_options);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
