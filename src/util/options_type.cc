// Copyright (c) the rocksdb-cleanroom authors.
//
// The generic half of the option tables (see options_type.h): scalar
// syntax, escaping, the "a=1;b={...}" splitter, and parsing/printing/
// comparing a field or a whole struct from its OptionStruct.
#include "util/options_type.h"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>

namespace ROCKSDB_NAMESPACE {

namespace {

bool IsBlank(char c) { return std::isspace(static_cast<unsigned char>(c)); }

// The shift a size suffix right after the digits asks for; 0 if none.
// kgmt: which suffixes the type accepts ("kmg" for int, "kmgt" otherwise).
int SuffixShift(const char* end, bool allow_t) {
  switch (*end) {
    case 'k':
    case 'K':
      return 10;
    case 'm':
    case 'M':
      return 20;
    case 'g':
    case 'G':
      return 30;
    case 't':
    case 'T':
      return allow_t ? 40 : 0;
    default:
      return 0;
  }
}

Status ParseError(const std::string& name, const std::string& what) {
  return Status::InvalidArgument("Error parsing " + name + ":" + what);
}

Status EnumError(const OptionEnum& e, const std::string& name) {
  if (e.legacy_error) return Status::InvalidArgument("Error parsing:", name);
  return Status::InvalidArgument("No mapping for enum ", name);
}

// Splits a ':' separated vector the way RocksDB does: a trailing ':' ends
// the list, any other empty element is kept (and then fails to parse).
std::vector<std::string> SplitVector(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < value.size()) {
    const size_t end = value.find(':', start);
    if (end == std::string::npos) {
      out.push_back(value.substr(start));
      break;
    }
    out.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Status ParseStructValue(const ConfigOptions& config_options,
                        const OptionField& opt, const std::string& name,
                        const std::string& value, void* field) {
  const OptionStruct& s = *opt.nested;
  if (s.legacy_parse != nullptr && value.find('=') == std::string::npos) {
    return s.legacy_parse(name, value, field);
  }
  std::unordered_map<std::string, std::string> opts;
  Status st = OptionStringToMap(value, &opts);
  if (!st.ok()) return st;
  for (const auto& kv : opts) {
    void* owner = nullptr;
    const OptionField* inner = FindOptionField(s, kv.first, field, &owner);
    if (inner == nullptr) {
      return Status::InvalidArgument("Unrecognized option: " + name + "." +
                                     kv.first);
    }
    st = ParseOptionField(config_options, *inner, kv.first, kv.second, owner);
    if (!st.ok()) return st;
  }
  return Status::OK();
}

}  // namespace

bool OptionEnum::NameOf(int64_t value, std::string* name) const {
  for (const auto& entry : names) {
    if (entry.second == value) {
      *name = entry.first;
      return true;
    }
  }
  return false;
}

bool OptionEnum::ValueOf(const std::string& name, int64_t* value) const {
  for (const auto& entry : names) {
    if (entry.first == name) {
      *value = entry.second;
      return true;
    }
  }
  return false;
}

OptionField OptField(const char* name, OptionKind kind, void* (*addr)(void*),
                     uint32_t flags, const OptionEnum* enum_names) {
  OptionField f;
  f.name = name;
  f.kind = kind;
  f.addr = addr;
  f.flags = flags;
  f.enum_names = enum_names;
  return f;
}

OptionField OptCustom(const char* name, void* (*addr)(void*),
                      OptionParseFn parse, OptionPrintFn print,
                      uint32_t flags) {
  OptionField f = OptField(name, OptionKind::kCustom, addr, flags);
  f.parse = parse;
  f.print = print;
  return f;
}

OptionField OptIgnored(const char* name, uint32_t flags) {
  return OptField(name, OptionKind::kIgnored, nullptr, flags);
}

const OptionField* OptionStruct::Find(const std::string& field_name) const {
  for (const OptionField& f : fields) {
    if (f.name == field_name) return &f;
  }
  return nullptr;
}

// --- Scalars --------------------------------------------------------------

bool ParseOptionUInt64(const std::string& value, uint64_t* out,
                       std::string* what) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(begin, &end, 10);
  if (end == begin || errno == ERANGE) {
    *what = "stoull";
    return false;
  }
  const int shift = SuffixShift(end, true);
  *out = static_cast<uint64_t>(v) << shift;
  return true;
}

bool ParseOptionUInt32(const std::string& value, uint32_t* out,
                       std::string* what) {
  uint64_t v = 0;
  if (!ParseOptionUInt64(value, &v, what)) return false;
  if (v > UINT32_MAX) {
    *what = value;
    return false;
  }
  *out = static_cast<uint32_t>(v);
  return true;
}

bool ParseOptionInt(const std::string& value, int* out, std::string* what) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(begin, &end, 10);
  if (end == begin || errno == ERANGE || v < INT_MIN || v > INT_MAX) {
    *what = "stoi";
    return false;
  }
  // The shift wraps like RocksDB's (int arithmetic on two's complement).
  const uint32_t bits = static_cast<uint32_t>(static_cast<int>(v))
                        << SuffixShift(end, false);
  *out = static_cast<int>(bits);
  return true;
}

bool ParseOptionInt64(const std::string& value, int64_t* out,
                      std::string* what) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(begin, &end, 10);
  if (end == begin || errno == ERANGE) {
    *what = "stoll";
    return false;
  }
  const uint64_t bits = static_cast<uint64_t>(v) << SuffixShift(end, true);
  *out = static_cast<int64_t>(bits);
  return true;
}

bool ParseOptionDouble(const std::string& value, double* out,
                       std::string* what) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE) {
    *what = "stod";
    return false;
  }
  *out = v;
  return true;
}

bool ParseOptionBool(const std::string& value, bool* out) {
  if (value == "true" || value == "1") {
    *out = true;
    return true;
  }
  if (value == "false" || value == "0") {
    *out = false;
    return true;
  }
  return false;
}

std::string OptionDoubleToString(double value) { return std::to_string(value); }

std::string EscapeOptionString(const std::string& raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\\' || c == ':' || c == '#' || c == '\r' || c == '\n') {
      out.push_back('\\');
      out.push_back(c == '\r' ? 'r' : (c == '\n' ? 'n' : c));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string UnescapeOptionString(const std::string& escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (size_t i = 0; i < escaped.size(); ++i) {
    char c = escaped[i];
    if (c == '\\') {
      if (++i == escaped.size()) break;  // a lone trailing '\' is dropped
      c = escaped[i];
      if (c == 'r') c = '\r';
      if (c == 'n') c = '\n';
    }
    out.push_back(c);
  }
  return out;
}

std::string TrimOptionString(const std::string& s) {
  if (s.empty()) return s;
  size_t start = 0;
  size_t end = s.size() - 1;
  while (start < end && IsBlank(s[start])) ++start;
  while (start < end && IsBlank(s[end])) --end;
  return s.substr(start, end - start + 1);
}

// Layout: pairs "name=value" separated by ';'. A value starting with '{'
// runs to the matching '}' (nested braces counted) and only blanks may
// follow it before the ';'.
Status OptionStringToMap(const std::string& opts_str,
                         std::unordered_map<std::string, std::string>* opts) {
  opts->clear();
  if (opts_str.empty()) return Status::OK();
  std::string text = TrimOptionString(opts_str);
  if (text.size() > 2 && text.front() == '{' && text.back() == '}') {
    text = TrimOptionString(text.substr(1, text.size() - 2));
  }
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const size_t eq = text.find_first_of("={};", pos);
    if (eq == std::string::npos) {
      return Status::InvalidArgument("Mismatched key value pair, '=' expected");
    }
    if (text[eq] != '=') {
      return Status::InvalidArgument("Unexpected char in key");
    }
    const std::string key = TrimOptionString(text.substr(pos, eq - pos));
    if (key.empty()) return Status::InvalidArgument("Empty key found");

    size_t start = eq + 1;
    while (start < n && IsBlank(text[start])) ++start;
    std::string value;
    if (start < n && text[start] == '{') {
      int depth = 1;
      size_t close = start + 1;
      for (; close < n; ++close) {
        if (text[close] == '{') {
          ++depth;
        } else if (text[close] == '}' && --depth == 0) {
          break;
        }
      }
      if (depth != 0) {
        return Status::InvalidArgument(
            "Mismatched curly braces for nested options");
      }
      value = TrimOptionString(text.substr(start + 1, close - start - 1));
      pos = close + 1;
      while (pos < n && IsBlank(text[pos])) ++pos;
      if (pos < n && text[pos] != ';') {
        return Status::InvalidArgument("Unexpected chars after nested options");
      }
      ++pos;
    } else {
      const size_t semi = text.find(';', start);
      const size_t stop = semi == std::string::npos ? n : semi;
      value = TrimOptionString(text.substr(start, stop - start));
      pos = stop + 1;
    }
    (*opts)[key] = value;
  }
  return Status::OK();
}

// --- Fields -----------------------------------------------------------------

Status ParseOptionField(const ConfigOptions& config_options,
                        const OptionField& opt, const std::string& name,
                        const std::string& value, void* object) {
  if (opt.kind == OptionKind::kIgnored) return Status::OK();
  void* field = opt.addr(object);
  std::string what;
  switch (opt.kind) {
    case OptionKind::kBool: {
      if (!ParseOptionBool(value, static_cast<bool*>(field))) {
        return ParseError(name, "");
      }
      return Status::OK();
    }
    case OptionKind::kInt:
      if (!ParseOptionInt(value, static_cast<int*>(field), &what)) {
        return ParseError(name, what);
      }
      return Status::OK();
    case OptionKind::kInt64:
      if (!ParseOptionInt64(value, static_cast<int64_t*>(field), &what)) {
        return ParseError(name, what);
      }
      return Status::OK();
    case OptionKind::kUInt32:
      if (!ParseOptionUInt32(value, static_cast<uint32_t*>(field), &what)) {
        return ParseError(name, what);
      }
      return Status::OK();
    case OptionKind::kUInt64:
      if (!ParseOptionUInt64(value, static_cast<uint64_t*>(field), &what)) {
        return ParseError(name, what);
      }
      return Status::OK();
    case OptionKind::kDouble:
      if (!ParseOptionDouble(value, static_cast<double*>(field), &what)) {
        return ParseError(name, what);
      }
      return Status::OK();
    case OptionKind::kString:
      *static_cast<std::string*>(field) = config_options.input_strings_escaped
                                              ? UnescapeOptionString(value)
                                              : value;
      return Status::OK();
    case OptionKind::kEnum: {
      int64_t v = 0;
      if (!opt.enum_names->ValueOf(value, &v)) {
        return EnumError(*opt.enum_names, name);
      }
      opt.enum_names->set(field, v);
      return Status::OK();
    }
    case OptionKind::kEnumVector: {
      std::vector<int64_t> values;
      for (const std::string& item : SplitVector(value)) {
        int64_t v = 0;
        if (!opt.enum_names->ValueOf(item, &v)) {
          return EnumError(*opt.enum_names, name);
        }
        values.push_back(v);
      }
      opt.enum_names->set_vec(field, values);
      return Status::OK();
    }
    case OptionKind::kIntVector: {
      std::vector<int> values;
      for (const std::string& item : SplitVector(value)) {
        int v = 0;
        if (!ParseOptionInt(item, &v, &what)) return ParseError(name, what);
        values.push_back(v);
      }
      *static_cast<std::vector<int>*>(field) = std::move(values);
      return Status::OK();
    }
    case OptionKind::kStruct:
      return ParseStructValue(config_options, opt, name, value, field);
    case OptionKind::kCustom:
      return opt.parse(config_options, name, value, field);
    case OptionKind::kIgnored:
      break;
  }
  return Status::OK();
}

Status PrintOptionField(const ConfigOptions& config_options,
                        const OptionField& opt, const void* object,
                        std::string* value) {
  value->clear();
  if (opt.kind == OptionKind::kIgnored) return Status::OK();
  const void* field = opt.Get(object);
  switch (opt.kind) {
    case OptionKind::kBool:
      *value = *static_cast<const bool*>(field) ? "true" : "false";
      break;
    case OptionKind::kInt:
      *value = std::to_string(*static_cast<const int*>(field));
      break;
    case OptionKind::kInt64:
      *value = std::to_string(*static_cast<const int64_t*>(field));
      break;
    case OptionKind::kUInt32:
      *value = std::to_string(*static_cast<const uint32_t*>(field));
      break;
    case OptionKind::kUInt64:
      *value = std::to_string(*static_cast<const uint64_t*>(field));
      break;
    case OptionKind::kDouble:
      *value = OptionDoubleToString(*static_cast<const double*>(field));
      break;
    case OptionKind::kString:
      *value = EscapeOptionString(*static_cast<const std::string*>(field));
      break;
    case OptionKind::kEnum:
      if (!opt.enum_names->NameOf(opt.enum_names->get(field), value)) {
        return Status::InvalidArgument("Cannot serialize enum: ", opt.name);
      }
      break;
    case OptionKind::kEnumVector: {
      std::string name;
      for (int64_t v : opt.enum_names->get_vec(field)) {
        if (!opt.enum_names->NameOf(v, &name)) {
          return Status::InvalidArgument("Cannot serialize enum: ", opt.name);
        }
        if (!value->empty()) value->push_back(':');
        value->append(name);
      }
      break;
    }
    case OptionKind::kIntVector: {
      const auto& vec = *static_cast<const std::vector<int>*>(field);
      for (size_t i = 0; i < vec.size(); ++i) {
        if (i > 0) value->push_back(':');
        value->append(std::to_string(vec[i]));
      }
      break;
    }
    case OptionKind::kStruct: {
      ConfigOptions nested = config_options;
      nested.delimiter = ";";
      nested.mutable_options_only = false;
      std::string inner;
      Status s = PrintOptionStruct(nested, *opt.nested, field, "", &inner);
      if (!s.ok()) return s;
      *value = "{" + inner + "}";
      break;
    }
    case OptionKind::kCustom:
      if (opt.print == nullptr) {
        return Status::NotSupported("Cannot serialize option: ", opt.name);
      }
      return opt.print(config_options, field, value);
    case OptionKind::kIgnored:
      break;
  }
  return Status::OK();
}

const OptionField* FindOptionField(const OptionStruct& s,
                                   const std::string& name, void* object,
                                   void** owner) {
  const OptionField* f = s.Find(name);
  if (f != nullptr) {
    *owner = object;
    return f;
  }
  const size_t dot = name.find('.');
  if (dot == std::string::npos) return nullptr;
  const OptionField* head = s.Find(name.substr(0, dot));
  if (head == nullptr || head->kind != OptionKind::kStruct) return nullptr;
  return FindOptionField(*head->nested, name.substr(dot + 1),
                         head->addr(object), owner);
}

Status ConfigureOptionStruct(
    const ConfigOptions& config_options, const OptionStruct& s,
    const std::unordered_map<std::string, std::string>& opts, void* object,
    std::unordered_map<std::string, std::string>* unused) {
  for (const auto& kv : opts) {
    void* owner = nullptr;
    const OptionField* f = FindOptionField(s, kv.first, object, &owner);
    if (f == nullptr) {
      // "<struct>.<unknown>" is a bad value of a known option; a dotted name
      // into an object option ("table_factory.block_size") is accepted and
      // ignored, as RocksDB 7.8.3 does.
      const size_t dot = kv.first.find('.');
      const OptionField* head =
          dot == std::string::npos ? nullptr : s.Find(kv.first.substr(0, dot));
      if (head != nullptr && head->kind == OptionKind::kCustom) continue;
      if (head != nullptr && head->kind == OptionKind::kStruct) {
        if (config_options.ignore_unknown_options) continue;
        return Status::InvalidArgument("Unrecognized option: " + kv.first);
      }
      if (unused != nullptr) {
        (*unused)[kv.first] = kv.second;
        continue;
      }
      if (config_options.ignore_unknown_options) continue;
      return Status::InvalidArgument("Could not find option: ", kv.first);
    }
    if (config_options.mutable_options_only) {
      const OptionField* top = s.Find(kv.first.substr(0, kv.first.find('.')));
      if (top == nullptr || !top->IsMutable()) {
        return Status::InvalidArgument("Option not changeable: " + kv.first);
      }
    }
    const std::string leaf = kv.first.substr(kv.first.rfind('.') + 1);
    Status st = ParseOptionField(config_options, *f, leaf, kv.second, owner);
    // RocksDB also skips values it cannot parse when told to ignore
    // unknown options.
    if (st.IsInvalidArgument() && config_options.ignore_unknown_options) {
      continue;
    }
    if (!st.ok()) return st;
  }
  return Status::OK();
}

Status PrintOptionStruct(const ConfigOptions& config_options,
                         const OptionStruct& s, const void* object,
                         const std::string& prefix, std::string* out) {
  std::string value;
  for (const OptionField& f : s.fields) {
    if (!f.IsPrinted()) continue;
    if (config_options.mutable_options_only && !f.IsMutable()) continue;
    Status st = PrintOptionField(config_options, f, object, &value);
    if (!st.ok()) return st;
    if (value.empty()) continue;
    out->append(prefix);
    out->append(f.name);
    out->push_back('=');
    out->append(value);
    out->append(config_options.delimiter);
  }
  return Status::OK();
}

bool OptionStructsEqual(const ConfigOptions& config_options,
                        const OptionStruct& s, const void* a, const void* b,
                        std::string* mismatch) {
  if (config_options.IsCheckDisabled()) return true;
  const bool loose =
      !config_options.IsCheckEnabled(ConfigOptions::kSanityLevelExactMatch);
  std::string va;
  std::string vb;
  for (const OptionField& f : s.fields) {
    if (!f.IsPrinted() || (f.flags & kOptNoCompare) != 0) continue;
    if (loose && (f.flags & kOptCompareLoose) == 0) continue;
    Status sa = PrintOptionField(config_options, f, a, &va);
    Status sb = PrintOptionField(config_options, f, b, &vb);
    if (!sa.ok() || !sb.ok() || va != vb) {
      *mismatch = f.name;
      return false;
    }
  }
  return true;
}

}  // namespace ROCKSDB_NAMESPACE
