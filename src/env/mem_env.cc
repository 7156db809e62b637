// Copyright (c) the rocksdb-cleanroom authors.
//
// NewMemEnv(): an Env whose files live in memory ("MemoryFileSystem") while
// threads and time come from a base Env. Paths are normalised (repeated and
// trailing slashes dropped). Parent directories are not required to exist.
// Sync is a no-op: everything written is immediately "durable" until the
// Env is deleted.

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "env/composite_env.h"
#include "env/io_error.h"
#include "port/mutex.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// The contents of one in-memory file, shared by all names linked to it and
// all open handles.
struct MemFile {
  port::Mutex mu;
  std::string data GUARDED_BY(mu);
  uint64_t mtime GUARDED_BY(mu) = 0;  // seconds since the epoch
  int links GUARDED_BY(mu) = 1;

  // Copies up to n bytes at `offset` into scratch.
  Slice Read(uint64_t offset, size_t n, char* scratch) {
    port::MutexLock l(&mu);
    if (offset >= data.size()) return Slice(scratch, 0);
    size_t len = std::min(n, data.size() - static_cast<size_t>(offset));
    std::copy_n(data.data() + offset, len, scratch);
    return Slice(scratch, len);
  }

  void WriteAt(uint64_t offset, const Slice& bytes) {
    port::MutexLock l(&mu);
    size_t end = static_cast<size_t>(offset) + bytes.size();
    if (data.size() < end) data.resize(end, '\0');
    std::copy_n(bytes.data(), bytes.size(), &data[offset]);
    mtime = static_cast<uint64_t>(::time(nullptr));
  }

  uint64_t Size() {
    port::MutexLock l(&mu);
    return data.size();
  }

  void Resize(uint64_t size) {
    port::MutexLock l(&mu);
    data.resize(static_cast<size_t>(size), '\0');
    mtime = static_cast<uint64_t>(::time(nullptr));
  }
};

using FilePtr = std::shared_ptr<MemFile>;

class MemSequentialFile : public FSSequentialFile {
 public:
  explicit MemSequentialFile(FilePtr f) : f_(std::move(f)) {}
  IOStatus Read(size_t n, const IOOptions&, Slice* result, char* scratch,
                IODebugContext*) override {
    *result = f_->Read(pos_, n, scratch);
    pos_ += result->size();
    return IOStatus::OK();
  }
  IOStatus Skip(uint64_t n) override {
    pos_ = std::min(pos_ + n, f_->Size());
    return IOStatus::OK();
  }
  IOStatus PositionedRead(uint64_t offset, size_t n, const IOOptions&,
                          Slice* result, char* scratch,
                          IODebugContext*) override {
    *result = f_->Read(offset, n, scratch);
    return IOStatus::OK();
  }

 private:
  FilePtr f_;
  uint64_t pos_ = 0;
};

class MemRandomAccessFile : public FSRandomAccessFile {
 public:
  explicit MemRandomAccessFile(FilePtr f) : f_(std::move(f)) {}
  IOStatus Read(uint64_t offset, size_t n, const IOOptions&, Slice* result,
                char* scratch, IODebugContext*) const override {
    *result = f_->Read(offset, n, scratch);
    return IOStatus::OK();
  }
  IOStatus Prefetch(uint64_t, size_t, const IOOptions&,
                    IODebugContext*) override {
    return IOStatus::OK();
  }

 private:
  FilePtr f_;
};

class MemWritableFile : public FSWritableFile {
 public:
  MemWritableFile(FilePtr f, const FileOptions& options)
      : FSWritableFile(options), f_(std::move(f)), size_(f_->Size()) {}
  IOStatus Append(const Slice& data, const IOOptions&,
                  IODebugContext*) override {
    f_->WriteAt(f_->Size(), data);
    size_ += data.size();
    return IOStatus::OK();
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset,
                            const IOOptions&, IODebugContext*) override {
    f_->WriteAt(offset, data);
    size_ = offset + data.size();
    return IOStatus::OK();
  }
  IOStatus Truncate(uint64_t size, const IOOptions&, IODebugContext*) override {
    f_->Resize(size);
    size_ = size;
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  bool IsSyncThreadSafe() const override { return true; }
  uint64_t GetFileSize(const IOOptions&, IODebugContext*) override {
    return size_;
  }

 private:
  FilePtr f_;
  uint64_t size_;
};

class MemRandomRWFile : public FSRandomRWFile {
 public:
  explicit MemRandomRWFile(FilePtr f) : f_(std::move(f)) {}
  IOStatus Write(uint64_t offset, const Slice& data, const IOOptions&,
                 IODebugContext*) override {
    f_->WriteAt(offset, data);
    return IOStatus::OK();
  }
  IOStatus Read(uint64_t offset, size_t n, const IOOptions&, Slice* result,
                char* scratch, IODebugContext*) const override {
    *result = f_->Read(offset, n, scratch);
    return IOStatus::OK();
  }
  IOStatus Flush(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Sync(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }

 private:
  FilePtr f_;
};

class MemDirectory : public FSDirectory {
 public:
  IOStatus Fsync(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
  IOStatus Close(const IOOptions&, IODebugContext*) override {
    return IOStatus::OK();
  }
};

class MemFileLock : public FileLock {
 public:
  explicit MemFileLock(std::string name) : name(std::move(name)) {}
  const std::string name;
};

IOStatus Missing(const std::string& context, const std::string& path) {
  return IOErrorFromErrno(context, path, ENOENT);
}

class MemFileSystem : public FileSystem {
 public:
  MemFileSystem() { dirs_.insert("/"); }

  static const char* kClassName() { return "MemoryFileSystem"; }
  const char* Name() const override { return kClassName(); }

  IOStatus NewSequentialFile(const std::string& fname, const FileOptions&,
                             std::unique_ptr<FSSequentialFile>* result,
                             IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) {
      result->reset();
      return Missing("While opening a file for sequentially reading", fname);
    }
    result->reset(new MemSequentialFile(std::move(f)));
    return IOStatus::OK();
  }

  IOStatus NewRandomAccessFile(const std::string& fname, const FileOptions&,
                               std::unique_ptr<FSRandomAccessFile>* result,
                               IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) {
      result->reset();
      return Missing("While open a file for random read", fname);
    }
    result->reset(new MemRandomAccessFile(std::move(f)));
    return IOStatus::OK();
  }

  IOStatus NewWritableFile(const std::string& fname, const FileOptions& opts,
                           std::unique_ptr<FSWritableFile>* result,
                           IODebugContext*) override {
    port::MutexLock l(&mu_);
    std::string path = Normalize(fname);
    if (dirs_.count(path) != 0) {
      return IOErrorFromErrno("While open a file for appending", fname, EISDIR);
    }
    FilePtr f = std::make_shared<MemFile>();
    files_[path] = f;
    result->reset(new MemWritableFile(std::move(f), opts));
    return IOStatus::OK();
  }

  IOStatus ReopenWritableFile(const std::string& fname, const FileOptions& opts,
                              std::unique_ptr<FSWritableFile>* result,
                              IODebugContext*) override {
    port::MutexLock l(&mu_);
    FilePtr& f = files_[Normalize(fname)];
    if (f == nullptr) f = std::make_shared<MemFile>();
    result->reset(new MemWritableFile(f, opts));
    return IOStatus::OK();
  }

  IOStatus NewRandomRWFile(const std::string& fname, const FileOptions&,
                           std::unique_ptr<FSRandomRWFile>* result,
                           IODebugContext*) override {
    port::MutexLock l(&mu_);
    FilePtr& f = files_[Normalize(fname)];
    if (f == nullptr) f = std::make_shared<MemFile>();
    result->reset(new MemRandomRWFile(f));
    return IOStatus::OK();
  }

  IOStatus NewDirectory(const std::string& name, const IOOptions&,
                        std::unique_ptr<FSDirectory>* result,
                        IODebugContext*) override {
    result->reset(new MemDirectory());
    return IOStatus::OK();
  }

  IOStatus FileExists(const std::string& fname, const IOOptions&,
                      IODebugContext*) override {
    port::MutexLock l(&mu_);
    std::string path = Normalize(fname);
    if (files_.count(path) != 0 || IsDirLocked(path)) return IOStatus::OK();
    return IOStatus::NotFound();
  }

  IOStatus GetChildren(const std::string& dir, const IOOptions&,
                       std::vector<std::string>* result,
                       IODebugContext*) override {
    result->clear();
    port::MutexLock l(&mu_);
    std::string path = Normalize(dir);
    if (!IsDirLocked(path)) return IOStatus::NotFound();
    std::string prefix = path == "/" ? path : path + "/";
    std::set<std::string> names;
    auto collect = [&](const std::string& p) {
      if (p.size() <= prefix.size() || p.compare(0, prefix.size(), prefix)) {
        return;
      }
      std::string rest = p.substr(prefix.size());
      names.insert(rest.substr(0, rest.find('/')));
    };
    for (const auto& kv : files_) collect(kv.first);
    for (const auto& d : dirs_) collect(d);
    result->assign(names.begin(), names.end());
    return IOStatus::OK();
  }

  IOStatus DeleteFile(const std::string& fname, const IOOptions&,
                      IODebugContext*) override {
    port::MutexLock l(&mu_);
    auto it = files_.find(Normalize(fname));
    if (it == files_.end()) return Missing("while unlink() file", fname);
    {
      port::MutexLock fl(&it->second->mu);
      --it->second->links;
    }
    files_.erase(it);
    return IOStatus::OK();
  }

  IOStatus Truncate(const std::string& fname, size_t size, const IOOptions&,
                    IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) return Missing("While truncate file", fname);
    f->Resize(size);
    return IOStatus::OK();
  }

  IOStatus CreateDir(const std::string& name, const IOOptions&,
                     IODebugContext*) override {
    port::MutexLock l(&mu_);
    std::string path = Normalize(name);
    if (files_.count(path) != 0 || dirs_.count(path) != 0) {
      return IOErrorFromErrno("While mkdir", name, EEXIST);
    }
    dirs_.insert(path);
    return IOStatus::OK();
  }

  IOStatus CreateDirIfMissing(const std::string& name, const IOOptions&,
                              IODebugContext*) override {
    port::MutexLock l(&mu_);
    std::string path = Normalize(name);
    if (files_.count(path) != 0) {
      return IOStatus::IOError("`" + name + "' exists but is not a directory");
    }
    dirs_.insert(path);
    return IOStatus::OK();
  }

  IOStatus DeleteDir(const std::string& name, const IOOptions& opts,
                     IODebugContext* dbg) override {
    std::vector<std::string> children;
    IOStatus s = GetChildren(name, opts, &children, dbg);
    if (s.IsNotFound()) return Missing("file rmdir", name);
    if (!children.empty()) {
      return IOErrorFromErrno("file rmdir", name, ENOTEMPTY);
    }
    port::MutexLock l(&mu_);
    dirs_.erase(Normalize(name));
    return IOStatus::OK();
  }

  IOStatus GetFileSize(const std::string& fname, const IOOptions&,
                       uint64_t* size, IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) {
      *size = 0;
      return Missing("while stat a file for size", fname);
    }
    *size = f->Size();
    return IOStatus::OK();
  }

  IOStatus GetFileModificationTime(const std::string& fname, const IOOptions&,
                                   uint64_t* mtime, IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) {
      return Missing("while stat a file for modification time", fname);
    }
    port::MutexLock l(&f->mu);
    *mtime = f->mtime;
    return IOStatus::OK();
  }

  IOStatus RenameFile(const std::string& src, const std::string& target,
                      const IOOptions&, IODebugContext*) override {
    port::MutexLock l(&mu_);
    auto it = files_.find(Normalize(src));
    if (it == files_.end()) {
      return Missing("While renaming a file to " + target, src);
    }
    FilePtr f = it->second;
    files_.erase(it);
    files_[Normalize(target)] = std::move(f);
    return IOStatus::OK();
  }

  IOStatus LinkFile(const std::string& src, const std::string& target,
                    const IOOptions&, IODebugContext*) override {
    port::MutexLock l(&mu_);
    auto it = files_.find(Normalize(src));
    if (it == files_.end()) return Missing("while link file to " + target, src);
    std::string dst = Normalize(target);
    if (files_.count(dst) != 0) {
      return IOErrorFromErrno("while link file to " + target, src, EEXIST);
    }
    {
      port::MutexLock fl(&it->second->mu);
      ++it->second->links;
    }
    files_[dst] = it->second;
    return IOStatus::OK();
  }

  IOStatus NumFileLinks(const std::string& fname, const IOOptions&,
                        uint64_t* count, IODebugContext*) override {
    FilePtr f = Find(fname);
    if (f == nullptr) {
      return Missing("while stat a file for num file links", fname);
    }
    port::MutexLock l(&f->mu);
    *count = static_cast<uint64_t>(f->links);
    return IOStatus::OK();
  }

  IOStatus AreFilesSame(const std::string& first, const std::string& second,
                        const IOOptions&, bool* res, IODebugContext*) override {
    FilePtr a = Find(first);
    if (a == nullptr) return Missing("stat file", first);
    FilePtr b = Find(second);
    if (b == nullptr) return Missing("stat file", second);
    *res = a == b;
    return IOStatus::OK();
  }

  IOStatus LockFile(const std::string& fname, const IOOptions&, FileLock** lock,
                    IODebugContext*) override {
    *lock = nullptr;
    port::MutexLock l(&mu_);
    std::string path = Normalize(fname);
    if (locks_.count(path) != 0) {
      return IOErrorFromErrno("lock hold by current process", fname, ENOLCK);
    }
    locks_.insert(path);
    if (files_.count(path) == 0) files_[path] = std::make_shared<MemFile>();
    *lock = new MemFileLock(path);
    return IOStatus::OK();
  }

  IOStatus UnlockFile(FileLock* lock, const IOOptions&,
                      IODebugContext*) override {
    auto* mem_lock = static_cast<MemFileLock*>(lock);
    {
      port::MutexLock l(&mu_);
      locks_.erase(mem_lock->name);
    }
    delete mem_lock;
    return IOStatus::OK();
  }

  IOStatus GetTestDirectory(const IOOptions& opts, std::string* path,
                            IODebugContext* dbg) override {
    *path = "/test";
    return CreateDirIfMissing(*path, opts, dbg);
  }

  IOStatus GetAbsolutePath(const std::string& db_path, const IOOptions&,
                           std::string* output_path, IODebugContext*) override {
    *output_path =
        db_path.empty() || db_path[0] != '/' ? "/" + db_path : db_path;
    return IOStatus::OK();
  }

  IOStatus IsDirectory(const std::string& path, const IOOptions&, bool* is_dir,
                       IODebugContext*) override {
    port::MutexLock l(&mu_);
    std::string p = Normalize(path);
    bool dir = IsDirLocked(p);
    if (!dir && files_.count(p) == 0) {
      return Missing("While open for IsDirectory()", path);
    }
    if (is_dir != nullptr) *is_dir = dir;
    return IOStatus::OK();
  }

 private:
  static std::string Normalize(const std::string& path) {
    std::string out;
    for (char c : path) {
      if (c == '/' && !out.empty() && out.back() == '/') continue;
      out.push_back(c);
    }
    if (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
  }

  FilePtr Find(const std::string& fname) {
    port::MutexLock l(&mu_);
    auto it = files_.find(Normalize(fname));
    return it == files_.end() ? nullptr : it->second;
  }

  // A directory exists if it was created or if some file lives below it.
  bool IsDirLocked(const std::string& path) REQUIRES(mu_) {
    if (dirs_.count(path) != 0) return true;
    std::string prefix = path == "/" ? path : path + "/";
    auto below = [&](const std::string& p) {
      return p.compare(0, prefix.size(), prefix) == 0;
    };
    auto f = files_.lower_bound(prefix);
    if (f != files_.end() && below(f->first)) return true;
    auto d = dirs_.lower_bound(prefix);
    return d != dirs_.end() && below(*d);
  }

  port::Mutex mu_;
  std::map<std::string, FilePtr> files_ GUARDED_BY(mu_);
  std::set<std::string> dirs_ GUARDED_BY(mu_);
  std::set<std::string> locks_ GUARDED_BY(mu_);
};

class MockEnv : public CompositeEnvWrapper {
 public:
  explicit MockEnv(Env* base)
      : CompositeEnvWrapper(base, std::make_shared<MemFileSystem>(),
                            base->GetSystemClock()) {}
  static const char* kClassName() { return "MockEnv"; }
  const char* Name() const override { return kClassName(); }
};

}  // namespace

Env* NewMemEnv(Env* base_env) { return new MockEnv(base_env); }

}  // namespace ROCKSDB_NAMESPACE
