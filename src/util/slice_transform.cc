// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in prefix extractors (fixed, capped, noop) and
// SliceTransform::CreateFromString(). Names, ids and the answers of the
// optional predicates follow RocksDB 7.8.3 as observed through its API.

#include "rocksdb/slice_transform.h"

#include <cerrno>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/slice.h"
#include "util/customizable_util.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Keeps exactly the first `len` bytes; shorter keys are outside the domain.
class FixedPrefixTransform : public SliceTransform {
 public:
  explicit FixedPrefixTransform(size_t len) : len_(len) {}

  static const char* kClassName() { return "rocksdb.FixedPrefix"; }
  static const char* kNickName() { return "fixed"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kNickName(); }
  std::string GetId() const override {
    return std::string(Name()) + "." + std::to_string(len_);
  }
  bool IsInstanceOf(const std::string& name) const override {
    return name == GetId() || SliceTransform::IsInstanceOf(name);
  }

  Slice Transform(const Slice& key) const override {
    return Slice(key.data(), len_);
  }
  bool InDomain(const Slice& key) const override { return key.size() >= len_; }
  bool InRange(const Slice& dst) const override { return dst.size() == len_; }
  bool FullLengthEnabled(size_t* len) const override {
    *len = len_;
    return true;
  }
  bool SameResultWhenAppended(const Slice& prefix) const override {
    return InDomain(prefix);
  }

 private:
  const size_t len_;
};

// Keeps at most the first `cap` bytes; every key is in the domain.
class CappedPrefixTransform : public SliceTransform {
 public:
  explicit CappedPrefixTransform(size_t cap) : cap_(cap) {}

  static const char* kClassName() { return "rocksdb.CappedPrefix"; }
  static const char* kNickName() { return "capped"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return kNickName(); }
  std::string GetId() const override {
    return std::string(Name()) + "." + std::to_string(cap_);
  }
  bool IsInstanceOf(const std::string& name) const override {
    return name == GetId() || SliceTransform::IsInstanceOf(name);
  }

  Slice Transform(const Slice& key) const override {
    return Slice(key.data(), key.size() < cap_ ? key.size() : cap_);
  }
  bool InDomain(const Slice& /*key*/) const override { return true; }
  bool InRange(const Slice& dst) const override { return dst.size() <= cap_; }
  bool FullLengthEnabled(size_t* len) const override {
    *len = cap_;
    return true;
  }
  bool SameResultWhenAppended(const Slice& prefix) const override {
    return prefix.size() >= cap_;
  }

 private:
  const size_t cap_;
};

// The identity.
class NoopTransform : public SliceTransform {
 public:
  static const char* kClassName() { return "rocksdb.Noop"; }
  const char* Name() const override { return kClassName(); }

  Slice Transform(const Slice& key) const override { return key; }
  bool InDomain(const Slice& /*key*/) const override { return true; }
  bool InRange(const Slice& /*dst*/) const override { return true; }
  bool SameResultWhenAppended(const Slice& /*prefix*/) const override {
    return false;
  }
};

// Parses the length after `prefix` in `id`, e.g. "fixed:" in "fixed:3".
// Like RocksDB, a leading '-' wraps around (strtoull).
bool ParseLength(const std::string& id, const std::string& prefix,
                 size_t* len) {
  if (!StartsWith(id, prefix) || id.size() == prefix.size()) return false;
  const std::string digits = id.substr(prefix.size());
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(digits.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return false;
  *len = static_cast<size_t>(v);
  return true;
}

}  // namespace

std::string SliceTransform::AsString() const {
  // No built-in transform registers configurable options, so the id says
  // everything.
  return GetId();
}

const SliceTransform* NewFixedPrefixTransform(size_t prefix_len) {
  return new FixedPrefixTransform(prefix_len);
}

const SliceTransform* NewCappedPrefixTransform(size_t cap_len) {
  return new CappedPrefixTransform(cap_len);
}

const SliceTransform* NewNoopTransform() { return new NoopTransform(); }

// Observed RocksDB 7.8.3 behaviour: "" and "nullptr" give OK and no
// transform; unknown or malformed ids (including "noop" and a bare
// "rocksdb.FixedPrefix") give OK and no transform when
// ignore_unsupported_options is set, NotSupported otherwise.
Status SliceTransform::CreateFromString(
    const ConfigOptions& config_options, const std::string& value,
    std::shared_ptr<const SliceTransform>* result) {
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  Status s;
  if (!ParseCustomizableValue(config_options, value, nullptr, result, &id,
                              &opts, &s)) {
    return s;
  }
  std::unique_ptr<SliceTransform> transform;
  size_t len = 0;
  if (ParseLength(id, "fixed:", &len) ||
      ParseLength(id, std::string(FixedPrefixTransform::kClassName()) + ".",
                  &len)) {
    transform.reset(new FixedPrefixTransform(len));
  } else if (ParseLength(id, "capped:", &len) ||
             ParseLength(id,
                         std::string(CappedPrefixTransform::kClassName()) + ".",
                         &len)) {
    transform.reset(new CappedPrefixTransform(len));
  } else if (id == NoopTransform::kClassName()) {
    transform.reset(new NoopTransform());
  } else {
    return UnsupportedCustomizable(config_options, "SliceTransform", value);
  }
  s = Customizable::ConfigureNewObject(config_options, transform.get(), opts);
  if (!s.ok()) return s;
  result->reset(transform.release());
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
