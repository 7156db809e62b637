// Copyright (c) the rocksdb-cleanroom authors.
//
// File naming and parsing of a DB directory, and the atomic replacement of
// CURRENT and IDENTITY (spec sections 1.1 and 1.2):
//
//   CURRENT:   "MANIFEST-<n>\n" -> <n>.dbtmp, Sync, Rename -> CURRENT, dir
//   fsync IDENTITY:  "<uuid>"         -> 000000.dbtmp, Sync, Rename -> IDENTITY
#include "db/filename.h"

#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

const char* kWalFileSuffix = "log";
const char* kTableFileSuffix = "sst";
const char* kLevelDbTableFileSuffix = "ldb";
const char* kBlobFileSuffix = "blob";
const char* kTempFileSuffix = "dbtmp";
const char* kOptionsFilePrefix = "OPTIONS-";
const char* kManifestFilePrefix = "MANIFEST-";
const char* kCurrentFileName = "CURRENT";
const char* kIdentityFileName = "IDENTITY";
const char* kLockFileName = "LOCK";
const char* kInfoLogFileName = "LOG";
const char* kArchivalDirName = "archive";

namespace {

std::string Padded(uint64_t number) {
  char buf[32];
  snprintf(buf, sizeof(buf), "%06" PRIu64, number);
  return buf;
}

// The absolute DB path as one file-name component: the leading '/' is
// dropped and every character outside [A-Za-z0-9.-_] becomes '_'.
std::string FlattenPath(const std::string& path) {
  std::string out;
  size_t start = (!path.empty() && path[0] == '/') ? 1 : 0;
  for (size_t i = start; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    out.push_back((std::isalnum(c) || c == '-' || c == '.' || c == '_')
                      ? static_cast<char>(c)
                      : '_');
  }
  return out;
}

// Consumes a decimal number that must be followed by exactly `rest`.
bool NumberThen(Slice in, const Slice& rest, uint64_t* number) {
  uint64_t n;
  if (!ConsumeDecimalNumber(&in, &n) || in != rest) return false;
  *number = n;
  return true;
}

}  // namespace

std::string MakeFileName(uint64_t number, const char* suffix) {
  return Padded(number) + "." + suffix;
}

std::string MakeFileName(const std::string& name, uint64_t number,
                         const char* suffix) {
  return name + "/" + MakeFileName(number, suffix);
}

std::string LogFileName(const std::string& dbname, uint64_t number) {
  return MakeFileName(dbname, number, kWalFileSuffix);
}

std::string LogFileName(uint64_t number) {
  return MakeFileName(number, kWalFileSuffix);
}

std::string ArchivalDirectory(const std::string& dir) {
  return dir + "/" + kArchivalDirName;
}

std::string ArchivedLogFileName(const std::string& dir, uint64_t number) {
  return MakeFileName(ArchivalDirectory(dir), number, kWalFileSuffix);
}

std::string MakeTableFileName(uint64_t number) {
  return MakeFileName(number, kTableFileSuffix);
}

std::string MakeTableFileName(const std::string& path, uint64_t number) {
  return MakeFileName(path, number, kTableFileSuffix);
}

std::string TableFileName(const std::string& dbname, uint64_t number) {
  return MakeTableFileName(dbname, number);
}

uint64_t TableFileNameToNumber(const std::string& name) {
  const size_t slash = name.find_last_of('/');
  const std::string base =
      slash == std::string::npos ? name : name.substr(slash + 1);
  uint64_t number = 0;
  if (NumberThen(base, std::string(".") + kTableFileSuffix, &number) ||
      NumberThen(base, std::string(".") + kLevelDbTableFileSuffix, &number)) {
    return number;
  }
  return 0;
}

std::string BlobFileName(const std::string& dbname, uint64_t number) {
  return MakeFileName(dbname, number, kBlobFileSuffix);
}

std::string DescriptorFileName(uint64_t number) {
  return kManifestFilePrefix + Padded(number);
}

std::string DescriptorFileName(const std::string& dbname, uint64_t number) {
  return dbname + "/" + DescriptorFileName(number);
}

std::string CurrentFileName(const std::string& dbname) {
  return dbname + "/" + kCurrentFileName;
}

std::string LockFileName(const std::string& dbname) {
  return dbname + "/" + kLockFileName;
}

std::string TempFileName(const std::string& dbname, uint64_t number) {
  return MakeFileName(dbname, number, kTempFileSuffix);
}

std::string IdentityFileName(const std::string& dbname) {
  return dbname + "/" + kIdentityFileName;
}

std::string MetaDatabaseName(const std::string& dbname, uint64_t number) {
  return dbname + "/METADB-" + NumberToString(number);
}

std::string OptionsFileName(uint64_t number) {
  return kOptionsFilePrefix + Padded(number);
}

std::string OptionsFileName(const std::string& dbname, uint64_t number) {
  return dbname + "/" + OptionsFileName(number);
}

std::string TempOptionsFileName(const std::string& dbname, uint64_t number) {
  return OptionsFileName(dbname, number) + "." + kTempFileSuffix;
}

std::string InfoLogPrefix(bool has_log_dir,
                          const std::string& db_absolute_path) {
  if (!has_log_dir) return kInfoLogFileName;
  return FlattenPath(db_absolute_path) + "_" + kInfoLogFileName;
}

std::string InfoLogFileName(const std::string& dbname,
                            const std::string& db_path,
                            const std::string& log_dir) {
  if (log_dir.empty()) return dbname + "/" + kInfoLogFileName;
  return log_dir + "/" + InfoLogPrefix(true, db_path);
}

std::string OldInfoLogFileName(const std::string& dbname, uint64_t ts,
                               const std::string& db_path,
                               const std::string& log_dir) {
  return InfoLogFileName(dbname, db_path, log_dir) + ".old." +
         NumberToString(ts);
}

bool ParseFileName(const std::string& filename, uint64_t* number,
                   FileType* type, WalFileType* log_type) {
  return ParseFileName(filename, number, kInfoLogFileName, type, log_type);
}

bool ParseFileName(const std::string& filename, uint64_t* number,
                   const Slice& info_log_name_prefix, FileType* type,
                   WalFileType* log_type) {
  Slice rest(filename);
  if (rest.empty()) return false;

  // Fixed names.
  if (rest == kCurrentFileName) {
    *number = 0;
    *type = kCurrentFile;
    return true;
  }
  if (rest == kLockFileName) {
    *number = 0;
    *type = kDBLockFile;
    return true;
  }
  if (rest == kIdentityFileName) {
    *number = 0;
    *type = kIdentityFile;
    return true;
  }

  // The info log and its archived copies.
  if (!info_log_name_prefix.empty() && rest.starts_with(info_log_name_prefix)) {
    Slice tail = rest;
    tail.remove_prefix(info_log_name_prefix.size());
    if (tail.empty()) {
      *number = 0;
      *type = kInfoLogFile;
      return true;
    }
    if (tail.starts_with(".old.")) {
      tail.remove_prefix(5);
      uint64_t ts;
      if (NumberThen(tail, Slice(), &ts)) {
        *number = ts;
        *type = kInfoLogFile;
        return true;
      }
    }
    // Not an info log; may still be another kind below.
  }

  if (rest.starts_with(kManifestFilePrefix)) {
    rest.remove_prefix(strlen(kManifestFilePrefix));
    if (!NumberThen(rest, Slice(), number)) return false;
    *type = kDescriptorFile;
    return true;
  }
  if (rest.starts_with(kOptionsFilePrefix)) {
    rest.remove_prefix(strlen(kOptionsFilePrefix));
    uint64_t n;
    if (NumberThen(rest, Slice(), &n)) {
      *number = n;
      *type = kOptionsFile;
      return true;
    }
    if (NumberThen(rest, std::string(".") + kTempFileSuffix, &n)) {
      *number = n;
      *type = kTempFile;
      return true;
    }
    return false;
  }
  if (rest.starts_with("METADB-")) {
    rest.remove_prefix(7);
    if (!NumberThen(rest, Slice(), number)) return false;
    *type = kMetaDatabase;
    return true;
  }

  // "<number>.<suffix>", a WAL possibly under archive/.
  bool archived = false;
  const std::string archive_prefix = std::string(kArchivalDirName) + "/";
  if (rest.starts_with("/" + archive_prefix)) {
    rest.remove_prefix(archive_prefix.size() + 1);
    archived = true;
  } else if (rest.starts_with(archive_prefix)) {
    rest.remove_prefix(archive_prefix.size());
    archived = true;
  }
  uint64_t n;
  if (!ConsumeDecimalNumber(&rest, &n)) return false;
  if (!rest.starts_with(".")) return false;
  rest.remove_prefix(1);
  FileType t;
  if (rest == kWalFileSuffix) {
    t = kWalFile;
    if (log_type != nullptr) {
      *log_type = archived ? kArchivedLogFile : kAliveLogFile;
    }
  } else if (archived) {
    return false;  // only WALs are archived
  } else if (rest == kTableFileSuffix || rest == kLevelDbTableFileSuffix) {
    t = kTableFile;
  } else if (rest == kBlobFileSuffix) {
    t = kBlobFile;
  } else if (rest == kTempFileSuffix) {
    t = kTempFile;
  } else {
    return false;
  }
  *number = n;
  *type = t;
  return true;
}

IOStatus SetCurrentFile(FileSystem* fs, const std::string& dbname,
                        uint64_t descriptor_number,
                        FSDirectory* dir_contains_current_file) {
  const std::string contents = DescriptorFileName(descriptor_number) + "\n";
  const std::string tmp = TempFileName(dbname, descriptor_number);
  // WriteStringToFile removes the temporary file itself when it fails.
  IOStatus s = WriteStringToFile(fs, contents, tmp, /*should_sync=*/true);
  if (!s.ok()) return s;
  const std::string current = CurrentFileName(dbname);
  s = fs->RenameFile(tmp, current, IOOptions(), nullptr);
  if (!s.ok()) {
    // Cleanup failure changes nothing for the caller: CURRENT is intact.
    fs->DeleteFile(tmp, IOOptions(), nullptr).PermitUncheckedError();
    return s;
  }
  if (dir_contains_current_file != nullptr) {
    s = dir_contains_current_file->FsyncWithDirOptions(
        IOOptions(), nullptr, DirFsyncOptions(current));
  }
  return s;
}

Status SetIdentityFile(Env* env, const std::string& dbname,
                       const std::string& db_id) {
  const std::string id = db_id.empty() ? env->GenerateUniqueId() : db_id;
  const std::string tmp = TempFileName(dbname, 0);
  Status s = WriteStringToFile(env, id, tmp, /*should_sync=*/true);
  if (s.ok()) {
    s = env->RenameFile(tmp, IdentityFileName(dbname));
  }
  if (!s.ok()) {
    // Leave no temporary behind; IDENTITY itself is unchanged.
    env->DeleteFile(tmp).PermitUncheckedError();
  }
  return s;
}

Status GetIdentityFromFile(Env* env, const std::string& dbname,
                           std::string* db_id) {
  const std::string fname = IdentityFileName(dbname);
  Status s = ReadFileToString(env, fname, db_id);
  if (!s.ok()) return s;
  while (!db_id->empty() &&
         std::isspace(static_cast<unsigned char>(db_id->back()))) {
    db_id->pop_back();
  }
  if (db_id->empty()) {
    return Status::Corruption("IDENTITY file is empty", fname);
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
