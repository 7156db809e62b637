// Copyright (c) the rocksdb-cleanroom authors.
//
// SstFileManagerImpl and NewSstFileManager(). Every method takes mu_; file
// system calls are made outside it.

#include <vector>

#include "env/sst_file_manager_impl.h"

namespace ROCKSDB_NAMESPACE {

SstFileManagerImpl::SstFileManagerImpl(Env* env, std::shared_ptr<FileSystem> fs,
                                       std::shared_ptr<Logger> logger,
                                       int64_t rate_bytes_per_sec,
                                       double max_trash_db_ratio,
                                       uint64_t bytes_max_delete_chunk)
    : env_(env),
      fs_(std::move(fs)),
      logger_(std::move(logger)),
      bytes_max_delete_chunk_(bytes_max_delete_chunk),
      delete_rate_bytes_per_sec_(rate_bytes_per_sec),
      max_trash_db_ratio_(max_trash_db_ratio) {}

SstFileManagerImpl::~SstFileManagerImpl() = default;

void SstFileManagerImpl::SetMaxAllowedSpaceUsage(uint64_t max_allowed_space) {
  port::MutexLock l(&mu_);
  max_allowed_space_ = max_allowed_space;
}

void SstFileManagerImpl::SetCompactionBufferSize(
    uint64_t compaction_buffer_size) {
  port::MutexLock l(&mu_);
  compaction_buffer_size_ = compaction_buffer_size;
}

bool SstFileManagerImpl::IsMaxAllowedSpaceReached() {
  port::MutexLock l(&mu_);
  return max_allowed_space_ > 0 && total_size_ >= max_allowed_space_;
}

bool SstFileManagerImpl::IsMaxAllowedSpaceReachedIncludingCompactions() {
  port::MutexLock l(&mu_);
  return max_allowed_space_ > 0 &&
         total_size_ + reserved_compaction_bytes_ >= max_allowed_space_;
}

uint64_t SstFileManagerImpl::GetTotalSize() {
  port::MutexLock l(&mu_);
  return total_size_;
}

std::unordered_map<std::string, uint64_t>
SstFileManagerImpl::GetTrackedFiles() {
  port::MutexLock l(&mu_);
  return tracked_files_;
}

int64_t SstFileManagerImpl::GetDeleteRateBytesPerSecond() {
  port::MutexLock l(&mu_);
  return delete_rate_bytes_per_sec_;
}

void SstFileManagerImpl::SetDeleteRateBytesPerSecond(int64_t delete_rate) {
  port::MutexLock l(&mu_);
  delete_rate_bytes_per_sec_ = delete_rate;
}

double SstFileManagerImpl::GetMaxTrashDBRatio() {
  port::MutexLock l(&mu_);
  return max_trash_db_ratio_;
}

void SstFileManagerImpl::SetMaxTrashDBRatio(double ratio) {
  port::MutexLock l(&mu_);
  max_trash_db_ratio_ = ratio;
}

uint64_t SstFileManagerImpl::GetTotalTrashSize() {
  // Files are deleted at once, so nothing ever waits in the trash.
  return 0;
}

void SstFileManagerImpl::SetStatisticsPtr(
    const std::shared_ptr<Statistics>& stats) {
  port::MutexLock l(&mu_);
  stats_ = stats;
}

Status SstFileManagerImpl::OnAddFile(const std::string& path) {
  uint64_t size = 0;
  IOStatus s = fs_->GetFileSize(path, IOOptions(), &size, nullptr);
  if (!s.ok()) return std::move(s);
  OnAddFile(path, size);
  return Status::OK();
}

void SstFileManagerImpl::OnAddFile(const std::string& path,
                                   uint64_t file_size) {
  port::MutexLock l(&mu_);
  auto it = tracked_files_.find(path);
  if (it != tracked_files_.end()) {
    total_size_ -= it->second;
    it->second = file_size;
  } else {
    tracked_files_.emplace(path, file_size);
  }
  total_size_ += file_size;
}

void SstFileManagerImpl::OnDeleteFile(const std::string& path) {
  port::MutexLock l(&mu_);
  auto it = tracked_files_.find(path);
  if (it == tracked_files_.end()) return;
  total_size_ -= it->second;
  tracked_files_.erase(it);
}

void SstFileManagerImpl::OnMoveFile(const std::string& old_path,
                                    const std::string& new_path) {
  port::MutexLock l(&mu_);
  auto it = tracked_files_.find(old_path);
  if (it == tracked_files_.end()) return;
  const uint64_t size = it->second;
  tracked_files_.erase(it);
  auto existing = tracked_files_.find(new_path);
  if (existing != tracked_files_.end()) {
    total_size_ -= existing->second;
    existing->second = size;
  } else {
    tracked_files_.emplace(new_path, size);
  }
}

Status SstFileManagerImpl::ScheduleFileDeletion(
    const std::string& path, const std::string& /*dir_to_sync*/) {
  IOStatus s = fs_->DeleteFile(path, IOOptions(), nullptr);
  if (!s.ok()) return std::move(s);
  OnDeleteFile(path);
  std::shared_ptr<Statistics> stats;
  {
    port::MutexLock l(&mu_);
    stats = stats_;
  }
  if (stats != nullptr) stats->recordTick(FILES_DELETED_IMMEDIATELY, 1);
  return Status::OK();
}

void SstFileManagerImpl::ReserveCompactionSpace(uint64_t bytes) {
  port::MutexLock l(&mu_);
  reserved_compaction_bytes_ += bytes;
}

void SstFileManagerImpl::ReleaseCompactionSpace(uint64_t bytes) {
  port::MutexLock l(&mu_);
  reserved_compaction_bytes_ -= std::min(bytes, reserved_compaction_bytes_);
}

uint64_t SstFileManagerImpl::GetCompactionBufferSize() {
  port::MutexLock l(&mu_);
  return compaction_buffer_size_;
}

Status SstFileManagerImpl::DeleteTrashIn(const std::string& trash_dir) {
  std::vector<std::string> children;
  IOStatus s = fs_->GetChildren(trash_dir, IOOptions(), &children, nullptr);
  if (!s.ok()) return std::move(s);
  static const std::string kSuffix = ".trash";
  for (const std::string& name : children) {
    if (name.size() <= kSuffix.size() ||
        name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) !=
            0) {
      continue;
    }
    s = fs_->DeleteFile(trash_dir + "/" + name, IOOptions(), nullptr);
    if (!s.ok()) return std::move(s);
  }
  return Status::OK();
}

SstFileManager* NewSstFileManager(Env* env, std::shared_ptr<FileSystem> fs,
                                  std::shared_ptr<Logger> info_log,
                                  const std::string& trash_dir,
                                  int64_t rate_bytes_per_sec,
                                  bool delete_existing_trash, Status* status,
                                  double max_trash_db_ratio,
                                  uint64_t bytes_max_delete_chunk) {
  if (fs == nullptr) fs = FileSystem::Default();
  auto* manager =
      new SstFileManagerImpl(env, fs, std::move(info_log), rate_bytes_per_sec,
                             max_trash_db_ratio, bytes_max_delete_chunk);
  Status s;
  // trash_dir is deprecated; a given one only gets its old trash removed.
  if (!trash_dir.empty() && delete_existing_trash) {
    s = manager->DeleteTrashIn(trash_dir);
  }
  if (status != nullptr) *status = s;
  return manager;
}

SstFileManager* NewSstFileManager(Env* env, std::shared_ptr<Logger> info_log,
                                  std::string trash_dir,
                                  int64_t rate_bytes_per_sec,
                                  bool delete_existing_trash, Status* status,
                                  double max_trash_db_ratio,
                                  uint64_t bytes_max_delete_chunk) {
  std::shared_ptr<FileSystem> fs =
      env != nullptr ? env->GetFileSystem() : FileSystem::Default();
  return NewSstFileManager(env, fs, std::move(info_log), trash_dir,
                           rate_bytes_per_sec, delete_existing_trash, status,
                           max_trash_db_ratio, bytes_max_delete_chunk);
}

}  // namespace ROCKSDB_NAMESPACE
