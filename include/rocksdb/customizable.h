// Copyright (c) the rocksdb-cleanroom authors.
//
// Customizable: a Configurable that also has a name, so it can be created
// from a string through a factory or the ObjectRegistry (e.g. a TableFactory
// from "BlockBasedTable"). Each base class provides static Type() and
// CreateFromString(); each implementation provides static kClassName() and
// Name(). Options for such an object are written "prop={id=X;a=1}" or
// "prop.id=X; prop.a=1".
#pragma once

#include <string>
#include <unordered_map>

#include "rocksdb/configurable.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

class Customizable : public Configurable {
 public:
  ~Customizable() override {}

  // The name of this implementation (e.g. "LRUCache").
  virtual const char* Name() const = 0;

  // An identifier used to recreate or print this object; Name() by default.
  virtual std::string GetId() const {
    std::string id = Name();
    return id;
  }

  // True if this object "is a" name: name equals Name() or the (non-empty)
  // NickName(). Wrapped inner objects are not considered.
  virtual bool IsInstanceOf(const std::string& name) const;

  // Registered options of this object, falling back to Inner()'s.
  const void* GetOptionsPtr(const std::string& name) const override;

  // This object (or the first Inner() one) as a T if it IsInstanceOf
  // T::kClassName(); nullptr otherwise.
  template <typename T>
  const T* CheckedCast() const {
    if (IsInstanceOf(T::kClassName())) {
      return static_cast<const T*>(this);
    }
    const Customizable* inner = Inner();
    return inner == nullptr ? nullptr : inner->CheckedCast<T>();
  }

  template <typename T>
  T* CheckedCast() {
    if (IsInstanceOf(T::kClassName())) {
      return static_cast<T*>(this);
    }
    Customizable* inner = const_cast<Customizable*>(Inner());
    return inner == nullptr ? nullptr : inner->CheckedCast<T>();
  }

  // Like Configurable::AreEquivalent, and the two must have the same id.
  bool AreEquivalent(const ConfigOptions& config_options,
                     const Configurable* other,
                     std::string* mismatch) const override;

  // Also answers "id" with GetId().
  Status GetOption(const ConfigOptions& config_options, const std::string& name,
                   std::string* value) const override;

  // Splits opt_value ("X" or "id=X;a=1;...") into *id and the other pairs,
  // as Configurable::GetOptionsMap does with custom's GetId() as the default
  // id. An empty opt_value gives an empty id (no object). If the id equals
  // custom's, custom's current option values are added for the names the
  // string does not set.
  static Status GetOptionsMap(
      const ConfigOptions& config_options, const Customizable* custom,
      const std::string& opt_value, std::string* id,
      std::unordered_map<std::string, std::string>* options);

  // Configures a newly created object with options (and prepares it when
  // config_options asks to). InvalidArgument if object is null and options
  // is non-empty.
  static Status ConfigureNewObject(
      const ConfigOptions& config_options, Customizable* object,
      const std::unordered_map<std::string, std::string>& options);

  // The wrapped object of a wrapper ("has-a"), or nullptr. Wrappers must
  // override it for CheckedCast to see through them.
  virtual const Customizable* Inner() const { return nullptr; }

 protected:
  // "<Name()>@<address>#<pid>": unique among live objects of this process.
  std::string GenerateIndividualId() const;

  // An alternative name accepted by IsInstanceOf; "" means none.
  virtual const char* NickName() const { return ""; }

  std::string GetOptionName(const std::string& long_name) const override;

  std::string SerializeOptions(const ConfigOptions& options,
                               const std::string& prefix) const override;
};

}  // namespace ROCKSDB_NAMESPACE
