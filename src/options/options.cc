// Copyright (c) the rocksdb-cleanroom authors.
//
// Constructors of the option structs whose defaults are not all expressible
// as member initializers (the default table factory and compression), and
// CreateLoggerFromOptions.
#include "rocksdb/options.h"

#include <cctype>
#include <memory>
#include <utility>

#include "env/auto_roll_logger.h"
#include "rocksdb/env.h"
#include "rocksdb/memtablerep.h"
#include "rocksdb/table.h"

namespace ROCKSDB_NAMESPACE {

// Storage for in-class constants, for code that takes their address.
const int CompressionOptions::kDefaultCompressionLevel;

// Recognized by the table builder, which then records the hostname.
const char* kHostnameForDbHostId = "__hostname__";

AdvancedColumnFamilyOptions::AdvancedColumnFamilyOptions() = default;

AdvancedColumnFamilyOptions::AdvancedColumnFamilyOptions(const Options& options)
    : AdvancedColumnFamilyOptions(
          static_cast<const AdvancedColumnFamilyOptions&>(options)) {}

// We always link snappy, so it is the default compression as in RocksDB
// builds that have it.
ColumnFamilyOptions::ColumnFamilyOptions()
    : compression(kSnappyCompression),
      table_factory(NewBlockBasedTableFactory()) {}

ColumnFamilyOptions::ColumnFamilyOptions(const Options& options)
    : ColumnFamilyOptions(static_cast<const ColumnFamilyOptions&>(options)) {}

DBOptions::DBOptions() = default;

DBOptions::DBOptions(const Options& options)
    : DBOptions(static_cast<const DBOptions&>(options)) {}

ReadOptions::ReadOptions() = default;

ReadOptions::ReadOptions(bool cksum, bool cache)
    : verify_checksums(cksum), fill_cache(cache) {}

namespace {

// The file-name prefix of a LOG kept in db_log_dir: the absolute DB path
// with the leading '/' dropped and every character other than [A-Za-z0-9.-_]
// replaced by '_' (so "/data/my db" gives "data_my_db").
std::string FlattenedDbPath(const std::string& absolute_path) {
  std::string out;
  size_t start = (!absolute_path.empty() && absolute_path[0] == '/') ? 1 : 0;
  for (size_t i = start; i < absolute_path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(absolute_path[i]);
    out.push_back((std::isalnum(c) || c == '-' || c == '.' || c == '_')
                      ? static_cast<char>(c)
                      : '_');
  }
  return out;
}

}  // namespace

Status CreateLoggerFromOptions(const std::string& dbname,
                               const DBOptions& options,
                               std::shared_ptr<Logger>* logger) {
  // info_log takes precedence: Open uses it as is.
  if (options.info_log) {
    *logger = options.info_log;
    return Status::OK();
  }
  Env* env = options.env != nullptr ? options.env : Env::Default();

  // The DB directory may not exist yet (create_if_missing); a failure here
  // surfaces later when the DB itself is created.
  env->CreateDirIfMissing(dbname).PermitUncheckedError();

  std::string log_dir;
  std::string name;
  if (options.db_log_dir.empty()) {
    log_dir = dbname;
    name = "LOG";
  } else {
    log_dir = options.db_log_dir;
    Status s = env->CreateDirIfMissing(log_dir);
    if (!s.ok()) {
      return s;
    }
    std::string absolute;
    s = env->GetAbsolutePath(dbname, &absolute);
    if (!s.ok()) {
      return s;
    }
    name = FlattenedDbPath(absolute) + "_LOG";
  }
  const std::string fname = log_dir + "/" + name;

  // Keep the previous LOG as LOG.old.<now in micros>. Best effort: a failed
  // rename only means the old log gets overwritten.
  if (env->FileExists(fname).ok()) {
    env->RenameFile(fname, fname + ".old." + std::to_string(env->NowMicros()))
        .PermitUncheckedError();
  }

  // With a size or age limit the LOG rolls while the DB runs (and trims
  // old files then and now); otherwise it is one plain file, and old ones
  // are left alone here.
  if (options.max_log_file_size > 0 || options.log_file_time_to_roll > 0) {
    auto roller = std::make_shared<AutoRollLogger>(
        env, env->GetSystemClock(), log_dir, name, options.max_log_file_size,
        options.log_file_time_to_roll, options.keep_log_file_num,
        options.info_log_level);
    Status s = roller->GetStatus();
    if (s.ok()) *logger = std::move(roller);
    return s;
  }

  Status s = env->NewLogger(fname, logger);
  if (s.ok() && *logger) {
    (*logger)->SetInfoLogLevel(options.info_log_level);
  }
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
