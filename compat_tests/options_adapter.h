// Copyright (c) the rocksdb-cleanroom authors.
//
// Neutral interface of the options differential test
// (options_compat_test.cc): each engine parses/prints option strings and
// reads OPTIONS files, and reports one line of text per request. Only std
// types cross this boundary (see README.md).
#pragma once

#include <memory>
#include <string>

namespace compat {

class OptionsEngine {
 public:
  virtual ~OptionsEngine() = default;

  // Runs one request and returns what the engine reports: the Status text
  // and the printed result. kind: MAP (StringToMap), DB, CF, OPT
  // (GetOptionsFromString), BBT, PT (table options), MEM (memtable factory),
  // TF (ConfigureFromString on a table factory: "<factory id>|<options>"),
  // LOAD (LoadOptionsFromFile of the path in input), LATEST
  // (LoadLatestOptions of the directory in input). flags: 1 =
  // ignore_unknown_options, 2 = input_strings_escaped.
  virtual std::string Run(const std::string& kind, const std::string& input,
                          int flags) = 0;

  // Creates a DB in dir (removed first) with options from the strings,
  // plus a column family "cf1" when extra_family, and closes it; returns
  // the Status text.
  virtual std::string CreateDb(const std::string& dir,
                               const std::string& db_options,
                               const std::string& cf_options,
                               bool extra_family) = 0;

  // CheckOptionsCompatibility(dir, ...) at kSanityLevelLooselyCompatible
  // with options from the strings ("default", and "cf1" when extra_family,
  // both get cf_options).
  virtual std::string Check(const std::string& dir,
                            const std::string& db_options,
                            const std::string& cf_options,
                            bool extra_family) = 0;
};

std::unique_ptr<OptionsEngine> NewRealOptionsEngine();
std::unique_ptr<OptionsEngine> NewOurOptionsEngine();

}  // namespace compat
