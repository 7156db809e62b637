// Copyright (c) the rocksdb-cleanroom authors.
//
// The Logger base class and the Log()/Header()/Info()/... helpers.
//
// Level handling, as observed in RocksDB:
//  - The helpers drop a message whose level is below the logger's level,
//    then route HEADER_LEVEL to LogHeader() and the rest to Logv(level).
//    Header() always calls LogHeader().
//  - The base Logv(level) also drops low levels, sends INFO unchanged and
//    HEADER through LogHeader(), and prefixes others with "[DEBUG] ",
//    "[WARN] ", "[ERROR] " or "[FATAL] " before the level-less Logv().
//  - The base LogHeader() logs at INFO_LEVEL.

#include <cstdarg>
#include <string>

#include "rocksdb/env.h"

namespace ROCKSDB_NAMESPACE {

namespace {

const char* LevelName(InfoLogLevel level) {
  switch (level) {
    case InfoLogLevel::DEBUG_LEVEL:
      return "DEBUG";
    case InfoLogLevel::INFO_LEVEL:
      return "INFO";
    case InfoLogLevel::WARN_LEVEL:
      return "WARN";
    case InfoLogLevel::ERROR_LEVEL:
      return "ERROR";
    case InfoLogLevel::FATAL_LEVEL:
      return "FATAL";
    case InfoLogLevel::HEADER_LEVEL:
      return "HEADER";
    default:
      return nullptr;
  }
}

void LogAtLevel(Logger* logger, InfoLogLevel level, const char* format,
                va_list ap) {
  if (logger == nullptr || level < logger->GetInfoLogLevel()) return;
  if (level == InfoLogLevel::HEADER_LEVEL) {
    logger->LogHeader(format, ap);
  } else {
    logger->Logv(level, format, ap);
  }
}

}  // namespace

Logger::~Logger() {}

Status Logger::Close() {
  if (closed_) return Status::OK();
  closed_ = true;
  return CloseImpl();
}

Status Logger::CloseImpl() { return Status::NotSupported(); }

void Logger::Logv(const InfoLogLevel log_level, const char* format,
                  va_list ap) {
  if (log_level < GetInfoLogLevel()) return;
  if (log_level == InfoLogLevel::INFO_LEVEL) {
    Logv(format, ap);
    return;
  }
  if (log_level == InfoLogLevel::HEADER_LEVEL) {
    LogHeader(format, ap);
    return;
  }
  const char* name = LevelName(log_level);
  if (name == nullptr) {
    Logv(format, ap);
    return;
  }
  std::string prefixed = std::string("[") + name + "] " + format;
  Logv(prefixed.c_str(), ap);
}

void LogFlush(Logger* info_log) {
  if (info_log != nullptr) info_log->Flush();
}

void LogFlush(const std::shared_ptr<Logger>& info_log) {
  LogFlush(info_log.get());
}

// The variadic helpers differ only in level and pointer type.
#define CLEANROOM_DEFINE_LOG_HELPER(Fn, Level)                                \
  void Fn(Logger* info_log, const char* format, ...) {                        \
    va_list ap;                                                               \
    va_start(ap, format);                                                     \
    LogAtLevel(info_log, Level, format, ap);                                  \
    va_end(ap);                                                               \
  }                                                                           \
  void Fn(const std::shared_ptr<Logger>& info_log, const char* format, ...) { \
    va_list ap;                                                               \
    va_start(ap, format);                                                     \
    LogAtLevel(info_log.get(), Level, format, ap);                            \
    va_end(ap);                                                               \
  }

CLEANROOM_DEFINE_LOG_HELPER(Debug, InfoLogLevel::DEBUG_LEVEL)
CLEANROOM_DEFINE_LOG_HELPER(Info, InfoLogLevel::INFO_LEVEL)
CLEANROOM_DEFINE_LOG_HELPER(Warn, InfoLogLevel::WARN_LEVEL)
CLEANROOM_DEFINE_LOG_HELPER(Error, InfoLogLevel::ERROR_LEVEL)
CLEANROOM_DEFINE_LOG_HELPER(Fatal, InfoLogLevel::FATAL_LEVEL)
CLEANROOM_DEFINE_LOG_HELPER(Log, InfoLogLevel::INFO_LEVEL)

#undef CLEANROOM_DEFINE_LOG_HELPER

void Log(const InfoLogLevel log_level, Logger* info_log, const char* format,
         ...) {
  va_list ap;
  va_start(ap, format);
  LogAtLevel(info_log, log_level, format, ap);
  va_end(ap);
}

void Log(const InfoLogLevel log_level, const std::shared_ptr<Logger>& info_log,
         const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  LogAtLevel(info_log.get(), log_level, format, ap);
  va_end(ap);
}

void Header(Logger* info_log, const char* format, ...) {
  if (info_log == nullptr) return;
  va_list ap;
  va_start(ap, format);
  info_log->LogHeader(format, ap);
  va_end(ap);
}

void Header(const std::shared_ptr<Logger>& info_log, const char* format, ...) {
  if (info_log == nullptr) return;
  va_list ap;
  va_start(ap, format);
  info_log->LogHeader(format, ap);
  va_end(ap);
}

}  // namespace ROCKSDB_NAMESPACE
