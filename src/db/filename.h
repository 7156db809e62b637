// Copyright (c) the rocksdb-cleanroom authors.
//
// Names of the files in a DB directory and their parsing, plus the two
// small files whose replacement must be atomic: CURRENT and IDENTITY.
// Naming: ../shared/specs/ROCKSDB_FORMAT_SPEC.md section 1.1; CURRENT
// protocol: section 1.2. Numbers are printed "%06llu" (at least six
// digits; larger numbers get more).
#pragma once

#include <cstdint>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/io_status.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/transaction_log.h"
#include "rocksdb/types.h"

namespace ROCKSDB_NAMESPACE {

// Extensions and prefixes of numbered files.
extern const char* kWalFileSuffix;           // "log"
extern const char* kTableFileSuffix;         // "sst"
extern const char* kLevelDbTableFileSuffix;  // "ldb", read only
extern const char* kBlobFileSuffix;          // "blob"
extern const char* kTempFileSuffix;          // "dbtmp"
extern const char* kOptionsFilePrefix;       // "OPTIONS-"
extern const char* kManifestFilePrefix;      // "MANIFEST-"
extern const char* kCurrentFileName;         // "CURRENT"
extern const char* kIdentityFileName;        // "IDENTITY"
extern const char* kLockFileName;            // "LOCK"
extern const char* kInfoLogFileName;         // "LOG"
extern const char* kArchivalDirName;         // "archive"

// "<number %06>.<suffix>" without a directory.
std::string MakeFileName(uint64_t number, const char* suffix);
// "<name>/<number %06>.<suffix>".
std::string MakeFileName(const std::string& name, uint64_t number,
                         const char* suffix);

// "<dbname>/<number>.log": a write-ahead log (in wal_dir when set).
std::string LogFileName(const std::string& dbname, uint64_t number);
// "<number>.log" (no directory).
std::string LogFileName(uint64_t number);

// "<dir>/archive".
std::string ArchivalDirectory(const std::string& dir);
// "<dir>/archive/<number>.log".
std::string ArchivedLogFileName(const std::string& dir, uint64_t number);

// "<number>.sst" and "<path>/<number>.sst".
std::string MakeTableFileName(uint64_t number);
std::string MakeTableFileName(const std::string& path, uint64_t number);
std::string TableFileName(const std::string& dbname, uint64_t number);
// The number of "<number>.sst" (or ".ldb"), with or without a directory;
// 0 when name is not a table file name.
uint64_t TableFileNameToNumber(const std::string& name);

// "<dbname>/<number>.blob".
std::string BlobFileName(const std::string& dbname, uint64_t number);

// "<dbname>/MANIFEST-<number>".
std::string DescriptorFileName(const std::string& dbname, uint64_t number);
// "MANIFEST-<number>" (no directory).
std::string DescriptorFileName(uint64_t number);

// "<dbname>/CURRENT".
std::string CurrentFileName(const std::string& dbname);
// "<dbname>/LOCK".
std::string LockFileName(const std::string& dbname);
// "<dbname>/<number>.dbtmp".
std::string TempFileName(const std::string& dbname, uint64_t number);
// "<dbname>/IDENTITY".
std::string IdentityFileName(const std::string& dbname);
// "<dbname>/METADB-<number>".
std::string MetaDatabaseName(const std::string& dbname, uint64_t number);

// "<dbname>/OPTIONS-<number>" and its temporary "<...>.dbtmp".
std::string OptionsFileName(const std::string& dbname, uint64_t number);
std::string OptionsFileName(uint64_t number);
std::string TempOptionsFileName(const std::string& dbname, uint64_t number);

// The info log's name prefix: "LOG" when it lives in the DB directory,
// otherwise "<flattened absolute db path>_LOG" (see InfoLogFileName).
std::string InfoLogPrefix(bool has_log_dir,
                          const std::string& db_absolute_path);
// "<dbname>/LOG", or "<log_dir>/<flattened db_path>_LOG" when log_dir is
// not empty. db_path is the DB's absolute path; flattening drops a leading
// '/' and turns every character other than [A-Za-z0-9.-_] into '_'.
std::string InfoLogFileName(const std::string& dbname,
                            const std::string& db_path = "",
                            const std::string& log_dir = "");
// The same name with ".old.<ts>" appended (ts: microseconds).
std::string OldInfoLogFileName(const std::string& dbname, uint64_t ts,
                               const std::string& db_path = "",
                               const std::string& log_dir = "");

// Parses the name of a file of a DB directory (without the directory;
// a leading "/archive/" or "archive/" marks an archived WAL). On success
// sets *type and *number (0 for CURRENT, LOCK, IDENTITY and "LOG"; the
// timestamp for "LOG.old.<ts>") and, for WALs, *log_type when given.
// info_log_name_prefix is the info log's name prefix (InfoLogPrefix).
// Returns false for any other name, e.g. "000006.log.bak".
bool ParseFileName(const std::string& filename, uint64_t* number,
                   const Slice& info_log_name_prefix, FileType* type,
                   WalFileType* log_type = nullptr);
// Same, with the info log prefix "LOG".
bool ParseFileName(const std::string& filename, uint64_t* number,
                   FileType* type, WalFileType* log_type = nullptr);

// Points CURRENT at MANIFEST-<descriptor_number>: writes
// "MANIFEST-<n>\n" to <dbname>/<n>.dbtmp, syncs it, renames it over
// CURRENT, then fsyncs dir_contains_current_file when it is not null. On
// failure the temporary file is removed and CURRENT is left as it was (or
// already replaced, if only the directory sync failed).
IOStatus SetCurrentFile(FileSystem* fs, const std::string& dbname,
                        uint64_t descriptor_number,
                        FSDirectory* dir_contains_current_file);

// Writes the DB id to <dbname>/IDENTITY (36-byte text, no newline) through
// a synced temporary file and a rename. An empty db_id makes a new one with
// env->GenerateUniqueId().
Status SetIdentityFile(Env* env, const std::string& dbname,
                       const std::string& db_id = {});

// Reads <dbname>/IDENTITY into *db_id, dropping trailing whitespace.
// IOError when it is missing or unreadable; Corruption when it is empty.
Status GetIdentityFromFile(Env* env, const std::string& dbname,
                           std::string* db_id);

}  // namespace ROCKSDB_NAMESPACE
