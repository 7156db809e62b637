// Copyright (c) the rocksdb-cleanroom authors.
//
// Table-driven option structs: one OptionStruct per public options struct
// (DBOptions, ColumnFamilyOptions, BlockBasedTableOptions, ...) lists every
// option name RocksDB 7.8.3 accepts for it, in the order RocksDB prints
// them, with the field's kind, how to reach it, whether SetOptions may change
// it and whether it is printed. Parsing, printing and comparing all go
// through these tables, so the option strings, the OPTIONS file and
// Configurable agree by construction.
//
// Value syntax and error texts follow RocksDB 7.8.3 as observed with
// Debian's librocksdb (see docs/options_strings.md).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

struct OptionStruct;

enum class OptionKind : uint8_t {
  kBool,
  kInt,         // int: decimal with k/m/g suffix
  kInt64,       // int64_t: k/m/g/t suffix
  kUInt32,      // uint32_t / unsigned int: parsed as kUInt64, range checked
  kUInt64,      // uint64_t or size_t: k/m/g/t suffix
  kDouble,      // printed with six decimals
  kString,      // printed escaped; unescaped when input_strings_escaped
  kEnum,        // by name, see OptionEnum
  kEnumVector,  // std::vector<enum>, names separated by ':'
  kIntVector,   // std::vector<int>, separated by ':'
  kStruct,      // nested OptionStruct, printed as {a=1;b=2;}
  kCustom,      // parse/print through the field's functions
  kIgnored,     // a retired name: any value is accepted and dropped
};

enum OptionFlags : uint32_t {
  kOptNone = 0,
  // DB::SetOptions / SetDBOptions may change it.
  kOptMutable = 1u << 0,
  // Not printed by GetString*/OPTIONS files.
  kOptNoSerialize = 1u << 1,
  // Left out of comparisons (CheckOptionsCompatibility, AreEquivalent).
  kOptNoCompare = 1u << 2,
  // Compared even at kSanityLevelLooselyCompatible.
  kOptCompareLoose = 1u << 3,
  // An alternative name of another option: parsed, never listed.
  kOptAlias = 1u << 4,
};

// Names of one enum type. get/set read and write a field of that type;
// get_vec/set_vec a std::vector of it.
struct OptionEnum {
  std::vector<std::pair<std::string, int64_t>> names;
  int64_t (*get)(const void* field);
  void (*set)(void* field, int64_t value);
  std::vector<int64_t> (*get_vec)(const void* field);
  void (*set_vec)(void* field, const std::vector<int64_t>& values);
  // Older RocksDB enum options report "Error parsing:: <name>" instead of
  // "No mapping for enum : <name>".
  bool legacy_error;

  bool NameOf(int64_t value, std::string* name) const;
  bool ValueOf(const std::string& name, int64_t* value) const;
};

template <typename E>
OptionEnum MakeOptionEnum(std::vector<std::pair<std::string, int64_t>> names,
                          bool legacy_error) {
  OptionEnum e;
  e.names = std::move(names);
  e.get = [](const void* f) -> int64_t {
    return static_cast<int64_t>(*static_cast<const E*>(f));
  };
  e.set = [](void* f, int64_t v) { *static_cast<E*>(f) = static_cast<E>(v); };
  e.get_vec = [](const void* f) {
    std::vector<int64_t> out;
    for (E v : *static_cast<const std::vector<E>*>(f)) {
      out.push_back(static_cast<int64_t>(v));
    }
    return out;
  };
  e.set_vec = [](void* f, const std::vector<int64_t>& values) {
    auto* vec = static_cast<std::vector<E>*>(f);
    vec->clear();
    for (int64_t v : values) vec->push_back(static_cast<E>(v));
  };
  e.legacy_error = legacy_error;
  return e;
}

// Parse/print hooks of a kCustom field. `field` is what OptionField::addr
// returned. print may be null (then the option cannot be printed).
using OptionParseFn = Status (*)(const ConfigOptions& config_options,
                                 const std::string& name,
                                 const std::string& value, void* field);
using OptionPrintFn = Status (*)(const ConfigOptions& config_options,
                                 const void* field, std::string* value);

struct OptionField {
  std::string name;
  OptionKind kind;
  // The field inside the struct (nullptr for kIgnored).
  void* (*addr)(void* object);
  uint32_t flags = kOptNone;
  const OptionEnum* enum_names = nullptr;  // kEnum, kEnumVector
  const OptionStruct* nested = nullptr;    // kStruct
  OptionParseFn parse = nullptr;           // kCustom
  OptionPrintFn print = nullptr;           // kCustom

  bool IsMutable() const { return (flags & kOptMutable) != 0; }
  bool IsPrinted() const {
    return kind != OptionKind::kIgnored && (flags & kOptNoSerialize) == 0 &&
           (flags & kOptAlias) == 0 &&
           (kind != OptionKind::kCustom || print != nullptr);
  }
  const void* Get(const void* object) const {
    return addr(const_cast<void*>(object));
  }
};

// Table-building helpers.
OptionField OptField(const char* name, OptionKind kind, void* (*addr)(void*),
                     uint32_t flags = kOptNone,
                     const OptionEnum* enum_names = nullptr);
OptionField OptCustom(const char* name, void* (*addr)(void*),
                      OptionParseFn parse, OptionPrintFn print,
                      uint32_t flags = kOptNone);
OptionField OptIgnored(const char* name, uint32_t flags = kOptNone);

// Handles a value without '=' for a kStruct field (an older positional
// syntax such as "compression_opts=-14:32767:0").
using OptionLegacyParseFn = Status (*)(const std::string& name,
                                       const std::string& value, void* object);

struct OptionStruct {
  std::string name;
  std::vector<OptionField> fields;  // in RocksDB's printing order
  OptionLegacyParseFn legacy_parse = nullptr;

  // The field called name; nullptr if none.
  const OptionField* Find(const std::string& name) const;
};

// --- Scalar syntax -------------------------------------------------------
// Each returns false on a bad value and sets *what to the text RocksDB puts
// after "Error parsing <name>:" ("stoull", "stoi", "" ...).
bool ParseOptionUInt64(const std::string& value, uint64_t* out,
                       std::string* what);
bool ParseOptionUInt32(const std::string& value, uint32_t* out,
                       std::string* what);
bool ParseOptionInt(const std::string& value, int* out, std::string* what);
bool ParseOptionInt64(const std::string& value, int64_t* out,
                      std::string* what);
bool ParseOptionDouble(const std::string& value, double* out,
                       std::string* what);
bool ParseOptionBool(const std::string& value, bool* out);
std::string OptionDoubleToString(double value);

// RocksDB's escaping of string option values: '\\', ':', '#', CR and LF get
// a backslash ("\r" and "\n" for the last two).
std::string EscapeOptionString(const std::string& raw);
std::string UnescapeOptionString(const std::string& escaped);

// RocksDB's whitespace trim; note that an all-blank string keeps one blank.
std::string TrimOptionString(const std::string& s);

// RocksDB 7.8.3 StringToMap: "a=1;b={x=1;y=2};c=3" (optionally wrapped in
// {}) into a map. Names and values are trimmed, a braced value loses its
// outer braces, later names win. On error *opts_map keeps the pairs parsed
// before the bad one.
Status OptionStringToMap(const std::string& opts_str,
                         std::unordered_map<std::string, std::string>* opts);

// --- Fields and structs --------------------------------------------------

// Parses value into field `opt` of object. `name` is the name as given
// (used in messages).
Status ParseOptionField(const ConfigOptions& config_options,
                        const OptionField& opt, const std::string& name,
                        const std::string& value, void* object);

// Prints field `opt` of object (a nested struct as "{a=1;b=2;}").
// NotSupported("Cannot serialize option: ", name) when it has no printed
// form; "" for a retired option.
Status PrintOptionField(const ConfigOptions& config_options,
                        const OptionField& opt, const void* object,
                        std::string* value);

// Finds the field for name in s, descending into kStruct fields for
// dotted names ("compression_opts.level"). Sets *owner to the object the
// returned field belongs to. nullptr if unknown.
const OptionField* FindOptionField(const OptionStruct& s,
                                   const std::string& name, void* object,
                                   void** owner);

// Applies every entry of opts to object. Names s does not know go to
// *unused when unused is not null, else fail with
// InvalidArgument("Could not find option: ", name) unless
// config_options.ignore_unknown_options. With mutable_options_only a known
// but immutable name fails with InvalidArgument("Option not changeable: ").
Status ConfigureOptionStruct(
    const ConfigOptions& config_options, const OptionStruct& s,
    const std::unordered_map<std::string, std::string>& opts, void* object,
    std::unordered_map<std::string, std::string>* unused);

// Appends "<prefix><name>=<value><delimiter>" for every printed field whose
// value is not empty (only mutable ones with mutable_options_only).
Status PrintOptionStruct(const ConfigOptions& config_options,
                         const OptionStruct& s, const void* object,
                         const std::string& prefix, std::string* out);

// Compares the fields of a and b that count at config_options.sanity_level
// (by their printed form). On a mismatch returns false and sets *mismatch.
bool OptionStructsEqual(const ConfigOptions& config_options,
                        const OptionStruct& s, const void* a, const void* b,
                        std::string* mismatch);

// The tables of the table-factory option structs, by the name they are
// registered under (BlockBasedTableOptions::kName() etc.); nullptr if none.
const OptionStruct* FindRegisteredOptionStruct(const std::string& name);
const OptionStruct& BlockBasedTableOptionStruct();
const OptionStruct& PlainTableOptionStruct();
const OptionStruct& CuckooTableOptionStruct();

// Enum tables shared by several structs.
const OptionEnum& CompressionTypeEnum();

// block_cache-style options: a capacity ("8M", an LRU cache of that size)
// or a cache option map. `field` is a std::shared_ptr<Cache>.
Status ParseCacheOption(const ConfigOptions& config_options,
                        const std::string& name, const std::string& value,
                        void* field);

}  // namespace ROCKSDB_NAMESPACE
