// Copyright (c) the rocksdb-cleanroom authors.
//
// Version strings for rocksdb/version.h.
#include "rocksdb/version.h"

#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// __DATE__ ("Jan  7 2023") and __TIME__ as "2023-01-07 12:33:41".
std::string BuildDate() {
  static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const std::string date = __DATE__;
  const std::string month = date.substr(0, 3);
  const int month_index =
      static_cast<int>(std::string(kMonths).find(month) / 3) + 1;
  const int day = std::stoi(date.substr(4, 2));
  return StringPrintf("%s-%02d-%02d %s", date.substr(7, 4).c_str(), month_index,
                      day, __TIME__);
}

}  // namespace

const std::unordered_map<std::string, std::string>& GetRocksBuildProperties() {
  static const std::unordered_map<std::string, std::string>* const kProps =
      new std::unordered_map<std::string, std::string>{
          {"rocksdb_build_date", BuildDate()},
          {"rocksdb_build_git_sha", "rocksdb-cleanroom"},
      };
  return *kProps;
}

std::string GetRocksVersionAsString(bool with_patch) {
  std::string version =
      NumberToString(ROCKSDB_MAJOR) + "." + NumberToString(ROCKSDB_MINOR);
  if (with_patch) version += "." + NumberToString(ROCKSDB_PATCH);
  return version;
}

std::string GetRocksBuildInfoAsString(const std::string& program,
                                      bool verbose) {
  std::string info = program + " (RocksDB) " + GetRocksVersionAsString(true);
  if (verbose) {
    for (const auto& kv : GetRocksBuildProperties()) {
      info += "\n    " + kv.first + ": " + kv.second;
    }
  }
  return info;
}

}  // namespace ROCKSDB_NAMESPACE
