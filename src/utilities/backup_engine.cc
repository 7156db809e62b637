// Copyright (c) the rocksdb-cleanroom authors.
//
// BackupEngine: the option dump and statistics are real; opening an engine
// is a placeholder until backups land.

#include "rocksdb/utilities/backup_engine.h"

#include <cinttypes>

#include "util/not_implemented.h"

namespace ROCKSDB_NAMESPACE {

// Same lines as RocksDB 7.8.3 logs (observed), names right-aligned.
void BackupEngineOptions::Dump(Logger* logger) const {
  Log(InfoLogLevel::INFO_LEVEL, logger, "               Options.backup_dir: %s",
      backup_dir.c_str());
  Log(InfoLogLevel::INFO_LEVEL, logger, "               Options.backup_env: %p",
      static_cast<void*>(backup_env));
  Log(InfoLogLevel::INFO_LEVEL, logger, "        Options.share_table_files: %d",
      static_cast<int>(share_table_files));
  Log(InfoLogLevel::INFO_LEVEL, logger, "                 Options.info_log: %p",
      static_cast<void*>(info_log));
  Log(InfoLogLevel::INFO_LEVEL, logger, "                     Options.sync: %d",
      static_cast<int>(sync));
  Log(InfoLogLevel::INFO_LEVEL, logger, "         Options.destroy_old_data: %d",
      static_cast<int>(destroy_old_data));
  Log(InfoLogLevel::INFO_LEVEL, logger, "         Options.backup_log_files: %d",
      static_cast<int>(backup_log_files));
  Log(InfoLogLevel::INFO_LEVEL, logger,
      "        Options.backup_rate_limit: %" PRIu64, backup_rate_limit);
  Log(InfoLogLevel::INFO_LEVEL, logger,
      "       Options.restore_rate_limit: %" PRIu64, restore_rate_limit);
  Log(InfoLogLevel::INFO_LEVEL, logger, "Options.max_background_operations: %d",
      max_background_operations);
}

void BackupStatistics::IncrementNumberSuccessBackup() {
  number_success_backup++;
}

void BackupStatistics::IncrementNumberFailBackup() { number_fail_backup++; }

uint32_t BackupStatistics::GetNumberSuccessBackup() const {
  return number_success_backup;
}

uint32_t BackupStatistics::GetNumberFailBackup() const {
  return number_fail_backup;
}

std::string BackupStatistics::ToString() const {
  return "# success backup: " + std::to_string(number_success_backup) +
         ", # fail backup: " + std::to_string(number_fail_backup);
}

IOStatus BackupEngine::Open(const BackupEngineOptions& /*options*/,
                            Env* /*db_env*/, BackupEngine** backup_engine_ptr) {
  *backup_engine_ptr = nullptr;
  return status_to_io_status(NotImplemented("BackupEngine::Open"));
}

IOStatus BackupEngineReadOnly::Open(const BackupEngineOptions& /*options*/,
                                    Env* /*db_env*/,
                                    BackupEngineReadOnly** backup_engine_ptr) {
  *backup_engine_ptr = nullptr;
  return status_to_io_status(NotImplemented("BackupEngineReadOnly::Open"));
}

}  // namespace ROCKSDB_NAMESPACE
