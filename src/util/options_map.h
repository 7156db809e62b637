// Copyright (c) the rocksdb-cleanroom authors.
//
// A small parser for option strings "name=value;name={nested;value};...",
// used by Configurable/Customizable for ids and by anyone who needs a map
// before the full options layer is involved.
#pragma once

#include <string>
#include <unordered_map>

#include "rocksdb/status.h"

namespace ROCKSDB_NAMESPACE {

// Parses opts into *result (cleared first). Names and values are trimmed;
// a value wrapped in {} is stored without the braces; the whole string may
// be wrapped in {} too; a later duplicate name wins; a trailing ';' is
// allowed. InvalidArgument for an empty name, a piece without '=', an empty
// piece in the middle, or unbalanced braces.
Status ParseOptionsMap(const std::string& opts,
                       std::unordered_map<std::string, std::string>* result);

}  // namespace ROCKSDB_NAMESPACE
