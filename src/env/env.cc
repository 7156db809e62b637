// Copyright (c) the rocksdb-cleanroom authors.
//
// Env base-class methods, EnvOptions, the legacy file classes' out-of-line
// members, EnvWrapper, and the Env-level helpers (WriteStringToFile,
// NewEnvLogger, ...).

#include "rocksdb/env.h"

#include <functional>
#include <random>
#include <thread>

#include "env/composite_env.h"
#include "env/env_logger.h"
#include "env/legacy_file_system.h"
#include "env/options_tuning.h"
#include "env/thread_status_updater.h"
#include "rocksdb/convenience.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/system_clock.h"

namespace ROCKSDB_NAMESPACE {

// ---- EnvOptions ----

// The defaults are those of a default-constructed DBOptions.
EnvOptions::EnvOptions() {
  use_mmap_reads = false;
  use_mmap_writes = false;
  use_direct_reads = false;
  use_direct_writes = false;
  allow_fallocate = true;
  set_fd_cloexec = true;
  bytes_per_sync = 0;
  strict_bytes_per_sync = false;
  compaction_readahead_size = 0;
  random_access_max_buffer_size = 1024 * 1024;
  writable_file_max_buffer_size = 1024 * 1024;
  rate_limiter = nullptr;
}

EnvOptions::EnvOptions(const DBOptions& options) {
  use_mmap_reads = options.allow_mmap_reads;
  use_mmap_writes = options.allow_mmap_writes;
  use_direct_reads = options.use_direct_reads;
  use_direct_writes = options.use_direct_io_for_flush_and_compaction;
  allow_fallocate = options.allow_fallocate;
  set_fd_cloexec = options.is_fd_close_on_exec;
  bytes_per_sync = options.bytes_per_sync;
  strict_bytes_per_sync = options.strict_bytes_per_sync;
  compaction_readahead_size = options.compaction_readahead_size;
  random_access_max_buffer_size = options.random_access_max_buffer_size;
  writable_file_max_buffer_size = options.writable_file_max_buffer_size;
  rate_limiter = options.rate_limiter.get();
}

// ---- Env ----

// A bare Env reaches its own (overridden) methods through these adapters.
Env::Env() : thread_status_updater_(nullptr) {
  file_system_ = NewLegacyFileSystemWrapper(this);
  system_clock_ = NewLegacySystemClock(this);
}

Env::Env(const std::shared_ptr<FileSystem>& fs)
    : thread_status_updater_(nullptr), file_system_(fs) {
  system_clock_ = NewLegacySystemClock(this);
}

Env::Env(const std::shared_ptr<FileSystem>& fs,
         const std::shared_ptr<SystemClock>& clock)
    : thread_status_updater_(nullptr), file_system_(fs), system_clock_(clock) {}

Env::~Env() {}

Status Env::LoadEnv(const std::string& value, Env** result) {
  return CreateFromString(ConfigOptions(), value, result);
}

Status Env::LoadEnv(const std::string& value, Env** result,
                    std::shared_ptr<Env>* guard) {
  return CreateFromString(ConfigOptions(), value, result, guard);
}

Status Env::CreateFromString(const ConfigOptions& config_options,
                             const std::string& value, Env** result) {
  std::shared_ptr<Env> guard;
  Env* env = *result;
  Status s = CreateFromString(config_options, value, &env, &guard);
  if (!s.ok()) return s;
  if (guard != nullptr) {
    return Status::InvalidArgument(
        "Cannot make a static Environment from a guarded one ", value);
  }
  *result = env;
  return s;
}

Status Env::CreateFromString(const ConfigOptions& config_options,
                             const std::string& value, Env** result,
                             std::shared_ptr<Env>* guard) {
  std::string id = value;
  if (id.compare(0, 3, "id=") == 0) id = id.substr(3);
  if (id.empty() || id == kDefaultName() || id == "PosixEnv") {
    *result = Env::Default();
    guard->reset();
    return Status::OK();
  }
  if (id == "MockEnv" || id == "MemEnv") {
    guard->reset(NewMemEnv(Env::Default()));
    *result = guard->get();
    return Status::OK();
  }
  if (config_options.ignore_unsupported_options) return Status::OK();
  return Status::NotSupported("Could not load Environment", id);
}

Status Env::CreateFromUri(const ConfigOptions& config_options,
                          const std::string& env_uri, const std::string& fs_uri,
                          Env** result, std::shared_ptr<Env>* guard) {
  *result = Env::Default();
  if (!env_uri.empty() && !fs_uri.empty()) {
    return Status::InvalidArgument("cannot specify both fs_uri and env_uri");
  }
  if (!env_uri.empty()) {
    return CreateFromString(config_options, env_uri, result, guard);
  }
  if (!fs_uri.empty()) {
    std::shared_ptr<FileSystem> fs;
    Status s = FileSystem::CreateFromString(config_options, fs_uri, &fs);
    if (!s.ok() || fs == nullptr) return s;
    guard->reset(NewCompositeEnv(fs).release());
    *result = guard->get();
  }
  return Status::OK();
}

std::string Env::PriorityToString(Priority priority) {
  switch (priority) {
    case BOTTOM:
      return "Bottom";
    case LOW:
      return "Low";
    case HIGH:
      return "High";
    case USER:
      return "User";
    case TOTAL:
      break;
  }
  return "Invalid";
}

Status Env::ReuseWritableFile(const std::string& fname,
                              const std::string& old_fname,
                              std::unique_ptr<WritableFile>* result,
                              const EnvOptions& options) {
  Status s = RenameFile(old_fname, fname);
  if (!s.ok()) return s;
  return NewWritableFile(fname, result, options);
}

Status Env::GetChildrenFileAttributes(const std::string& dir,
                                      std::vector<FileAttributes>* result) {
  result->clear();
  std::vector<std::string> names;
  Status s = GetChildren(dir, &names);
  if (!s.ok()) return s;
  for (std::string& name : names) {
    FileAttributes attr;
    s = GetFileSize(dir + "/" + name, &attr.size_bytes);
    if (!s.ok()) {
      // Deleted between listing and stat: leave it out.
      if (FileExists(dir + "/" + name).IsNotFound()) continue;
      return s;
    }
    attr.name = std::move(name);
    result->push_back(std::move(attr));
  }
  return Status::OK();
}

Status Env::NewLogger(const std::string& fname,
                      std::shared_ptr<Logger>* result) {
  return NewEnvLogger(fname, this, result);
}

Status Env::GetHostNameString(std::string* result) {
  char name[kMaxHostNameLen];
  Status s = GetHostName(name, kMaxHostNameLen);
  if (s.ok()) result->assign(name);
  return s;
}

std::string Env::GenerateUniqueId() {
  // A version-4 (random) UUID.
  std::random_device rd;
  std::mt19937_64 gen((static_cast<uint64_t>(rd()) << 32) ^ rd() ^ NowNanos());
  uint64_t hi = gen();
  uint64_t lo = gen();
  hi = (hi & ~0xF000ull) | 0x4000ull;        // version 4
  lo = (lo & ~(3ull << 62)) | (2ull << 62);  // RFC 4122 variant
  char buf[40];
  snprintf(buf, sizeof(buf), "%08x-%04x-%04x-%04x-%012llx",
           static_cast<unsigned>(hi >> 32),
           static_cast<unsigned>((hi >> 16) & 0xFFFF),
           static_cast<unsigned>(hi & 0xFFFF), static_cast<unsigned>(lo >> 48),
           static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return buf;
}

EnvOptions Env::OptimizeForLogRead(const EnvOptions& env_options) const {
  return TuneForLogOrManifestRead(env_options);
}

EnvOptions Env::OptimizeForManifestRead(const EnvOptions& env_options) const {
  return TuneForLogOrManifestRead(env_options);
}

EnvOptions Env::OptimizeForLogWrite(const EnvOptions& env_options,
                                    const DBOptions& db_options) const {
  return TuneForLogWrite(env_options, db_options);
}

EnvOptions Env::OptimizeForManifestWrite(const EnvOptions& env_options) const {
  return TuneForManifestWrite(env_options);
}

// ImmutableDBOptions is not visible to this layer; see file_system.cc.
EnvOptions Env::OptimizeForCompactionTableWrite(
    const EnvOptions& env_options, const ImmutableDBOptions&) const {
  return env_options;
}

EnvOptions Env::OptimizeForCompactionTableRead(
    const EnvOptions& env_options, const ImmutableDBOptions&) const {
  return env_options;
}

EnvOptions Env::OptimizeForBlobFileRead(const EnvOptions& env_options,
                                        const ImmutableDBOptions&) const {
  return env_options;
}

uint64_t Env::GetThreadID() const {
  return std::hash<std::thread::id>()(std::this_thread::get_id());
}

const std::shared_ptr<FileSystem>& Env::GetFileSystem() const {
  return file_system_;
}

const std::shared_ptr<SystemClock>& Env::GetSystemClock() const {
  return system_clock_;
}

ThreadStatusUpdater* CreateThreadStatusUpdater() {
  return new ThreadStatusUpdater();
}

// ---- Legacy file classes ----

SequentialFile::~SequentialFile() {}

RandomAccessFile::~RandomAccessFile() {}

Status RandomAccessFile::MultiRead(ReadRequest* reqs, size_t num_reqs) {
  for (size_t i = 0; i < num_reqs; ++i) {
    ReadRequest& r = reqs[i];
    r.status = Read(r.offset, r.len, &r.result, r.scratch);
  }
  return Status::OK();
}

WritableFile::~WritableFile() {}

void WritableFile::PrepareWrite(size_t offset, size_t len) {
  const size_t block = preallocation_block_size_;
  if (block == 0) return;
  size_t needed = (offset + len + block - 1) / block;
  if (needed <= last_preallocated_block_) return;
  // Preallocation is an optimisation; a failure is deliberately ignored.
  Allocate(block * last_preallocated_block_,
           block * (needed - last_preallocated_block_))
      .PermitUncheckedError();
  last_preallocated_block_ = needed;
}

MemoryMappedFileBuffer::~MemoryMappedFileBuffer() {}

FileLock::~FileLock() {}

// ---- EnvWrapper ----

EnvWrapper::EnvWrapper(Env* t) : target_(t) {}

EnvWrapper::EnvWrapper(std::unique_ptr<Env>&& t) : target_(std::move(t)) {}

EnvWrapper::EnvWrapper(const std::shared_ptr<Env>& t) : target_(t) {}

EnvWrapper::~EnvWrapper() {}

Status EnvWrapper::PrepareOptions(const ConfigOptions& options) {
  target_.Prepare();
  return Env::PrepareOptions(options);
}

#ifndef ROCKSDB_LITE
std::string EnvWrapper::SerializeOptions(const ConfigOptions& config_options,
                                         const std::string& header) const {
  return Env::SerializeOptions(config_options, header);
}
#endif  // ROCKSDB_LITE

// ---- Helpers ----

Status WriteStringToFile(Env* env, const Slice& data, const std::string& fname,
                         bool should_sync) {
  return WriteStringToFile(env->GetFileSystem().get(), data, fname,
                           should_sync);
}

Status ReadFileToString(Env* env, const std::string& fname, std::string* data) {
  return ReadFileToString(env->GetFileSystem().get(), fname, data);
}

Status NewEnvLogger(const std::string& fname, Env* env,
                    std::shared_ptr<Logger>* result) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = env->GetFileSystem()->NewWritableFile(fname, FileOptions(),
                                                     &file, nullptr);
  if (!s.ok()) {
    result->reset();
    return std::move(s);
  }
  *result = std::make_shared<EnvLogger>(std::move(file), fname,
                                        env->GetSystemClock());
  return Status::OK();
}

Env* NewTimedEnv(Env* base_env) {
  // Timing into PerfContext has not landed; the result forwards untimed.
  return new CompositeEnvWrapper(base_env, base_env->GetFileSystem(),
                                 base_env->GetSystemClock());
}

}  // namespace ROCKSDB_NAMESPACE
