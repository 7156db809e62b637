// Copyright (c) the rocksdb-cleanroom authors.
//
// DBOptions and ColumnFamilyOptions from and to option strings/maps, driven
// by one table per struct (options_parser_db.cc, options_parser_cf.cc; the
// machinery is util/options_type.h). Used by the convenience.h functions,
// the OPTIONS file writer/reader and DB::SetOptions/SetDBOptions.
#pragma once

#include <string>
#include <unordered_map>

#include "rocksdb/convenience.h"
#include "rocksdb/customizable.h"
#include "rocksdb/options.h"
#include "rocksdb/status.h"
#include "util/options_type.h"

namespace ROCKSDB_NAMESPACE {

using OptionsMap = std::unordered_map<std::string, std::string>;

// The tables: every option name RocksDB 7.8.3 accepts, in its printing
// order.
const OptionStruct& DBOptionStruct();
const OptionStruct& CFOptionStruct();

// Applies opts to *options. Unknown names go to *unused when it is given;
// otherwise they fail with InvalidArgument("Could not find option: ", name)
// unless config_options.ignore_unknown_options (which also skips values
// that do not parse, as RocksDB does). *options may be partly updated on
// failure.
Status ConfigureDBOptions(const ConfigOptions& config_options,
                          const OptionsMap& opts, DBOptions* options,
                          OptionsMap* unused = nullptr);
Status ConfigureCFOptions(const ConfigOptions& config_options,
                          const OptionsMap& opts, ColumnFamilyOptions* options,
                          OptionsMap* unused = nullptr);

// "name=value<delimiter>" for every printed option, in RocksDB's order.
Status PrintDBOptions(const ConfigOptions& config_options,
                      const DBOptions& options, std::string* out);
Status PrintCFOptions(const ConfigOptions& config_options,
                      const ColumnFamilyOptions& options, std::string* out);

// DB::SetOptions: applies opts to *options, accepting only the options
// RocksDB 7.8.3 can change on an open DB. An immutable name gives
// InvalidArgument("Option not changeable: <name>"), an unknown one
// InvalidArgument("Could not find option: ", name), an empty map
// InvalidArgument("empty input"). *options is unchanged on failure.
Status ApplyMutableCFOptions(const OptionsMap& opts,
                             ColumnFamilyOptions* options);

// DB::SetDBOptions: same for DBOptions; unknown and immutable names both
// give NotFound("Unrecognized option: <name>").
Status ApplyMutableDBOptions(const OptionsMap& opts, DBOptions* options);

// The printed value of option `name` (dotted names reach nested structs)
// of object, a struct described by table; "" if unknown.
std::string PrintedOptionValue(const OptionStruct& table,
                               const std::string& name, const void* object);

// The printed form of a Customizable object option: "nullptr", its id, or
// "{id=...;opt=...;}" when it has options of its own.
std::string CustomizableOptionString(const ConfigOptions& config_options,
                                     const Customizable* object);

}  // namespace ROCKSDB_NAMESPACE
