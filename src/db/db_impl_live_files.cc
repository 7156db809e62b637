// Copyright (c) the rocksdb-cleanroom authors.
//
// What the DB tells about its files: the live file list and metadata
// (for backups and checkpoints), WAL listings, table properties and
// checksums. Table files are read through the table cache; the file lists
// come from the current Version, taken under the mutex.

#include <algorithm>
#include <limits>

#include "db/db_impl.h"
#include "db/filename.h"
#include "db/table_cache.h"
#include "db/version_set.h"
#include "db/write_batch_internal.h"
#include "env/file_reader.h"
#include "rocksdb/transaction_log.h"
#include "table/table_reader.h"
#include "util/not_implemented.h"
#include "wal/log_reader.h"
#include "wal/log_writer.h"

namespace ROCKSDB_NAMESPACE {

namespace {

class WalFileImpl : public LogFile {
 public:
  WalFileImpl(uint64_t number, WalFileType type, SequenceNumber start,
              uint64_t size)
      : number_(number), type_(type), start_(start), size_(size) {}

  std::string PathName() const override {
    return type_ == kArchivedLogFile ? "/archive" + LogFileName("", number_)
                                     : LogFileName("", number_);
  }
  uint64_t LogNumber() const override { return number_; }
  WalFileType Type() const override { return type_; }
  SequenceNumber StartSequence() const override { return start_; }
  uint64_t SizeFileBytes() const override { return size_; }

 private:
  const uint64_t number_;
  const WalFileType type_;
  const SequenceNumber start_;
  const uint64_t size_;
};

// The sequence number of the first record of a WAL (0 when it has none).
Status ReadStartSequence(FileSystem* fs, const std::string& fname,
                         uint64_t number, SequenceNumber* seq) {
  *seq = 0;
  std::unique_ptr<FSSequentialFile> file;
  IOStatus io = fs->NewSequentialFile(fname, FileOptions(), &file, nullptr);
  if (!io.ok()) return io;
  log::Reader reader(nullptr,
                     std::unique_ptr<SequentialFileReader>(
                         new SequentialFileReader(std::move(file), fname)),
                     nullptr, /*checksum=*/true, number);
  Slice record;
  std::string scratch;
  if (reader.ReadRecord(&record, &scratch) &&
      record.size() >= WriteBatchInternal::kHeader) {
    WriteBatch batch;
    if (WriteBatchInternal::SetContents(&batch, record).ok()) {
      *seq = WriteBatchInternal::Sequence(&batch);
    }
  }
  return Status::OK();
}

// Appends the WALs of dir (type as given) that hold at least one record.
void ListWalFiles(Env* env, FileSystem* fs, const std::string& dir,
                  WalFileType type, VectorLogPtr* out) {
  std::vector<std::string> children;
  if (!env->GetChildren(dir, &children).ok()) return;
  for (const std::string& name : children) {
    uint64_t number = 0;
    FileType file_type;
    if (!ParseFileName(name, &number, &file_type) || file_type != kWalFile) {
      continue;
    }
    const std::string path = dir + "/" + name;
    SequenceNumber start = 0;
    uint64_t size = 0;
    // A WAL deleted since the listing is simply not reported.
    if (!ReadStartSequence(fs, path, number, &start).ok() || start == 0 ||
        !env->GetFileSize(path, &size).ok()) {
      continue;
    }
    out->emplace_back(new WalFileImpl(number, type, start, size));
  }
}

}  // namespace

Status DBImpl::GetLiveFiles(std::vector<std::string>& files,
                            uint64_t* manifest_file_size, bool flush_memtable) {
  if (flush_memtable && !read_only_) {
    Status s = FlushMemTable(FlushReason::kGetLiveFiles, /*wait=*/true,
                             /*allow_write_stall=*/true);
    if (!s.ok()) return s;
  }
  files.clear();
  port::MutexLock l(&mutex_);
  Version* current = versions_->current();
  for (int level = 0; level < current->num_levels(); ++level) {
    for (const FileMetaData* f : current->files(level)) {
      files.push_back(MakeTableFileName("", f->number));
    }
  }
  files.push_back("/CURRENT");
  files.push_back("/" + DescriptorFileName(versions_->manifest_file_number()));
  if (options_file_number_ != 0) {
    files.push_back("/" + OptionsFileName(options_file_number_));
  }
  if (manifest_file_size != nullptr) {
    *manifest_file_size = versions_->manifest_file_size();
  }
  return Status::OK();
}

void DBImpl::GetLiveFilesMetaData(std::vector<LiveFileMetaData>* metadata) {
  metadata->clear();
  ColumnFamilyMetaData cf;
  GetColumnFamilyMetaData(DefaultColumnFamily(), &cf);
  for (const LevelMetaData& level : cf.levels) {
    for (const SstFileMetaData& file : level.files) {
      LiveFileMetaData live;
      static_cast<SstFileMetaData&>(live) = file;
      live.column_family_name = cf.name;
      live.level = level.level;
      metadata->push_back(std::move(live));
    }
  }
}

void DBImpl::GetColumnFamilyMetaData(ColumnFamilyHandle* /*column_family*/,
                                     ColumnFamilyMetaData* metadata) {
  *metadata = ColumnFamilyMetaData();
  metadata->name = kDefaultColumnFamilyName;
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
  AcquireReadView(&mems, &current);
  const std::string& dir = db_options_.db_paths.front().path;
  for (int level = 0; level < current->num_levels(); ++level) {
    std::vector<SstFileMetaData> files;
    uint64_t level_size = 0;
    for (const FileMetaData* f : current->files(level)) {
      std::string checksum = f->file_checksum;
      std::string func = f->file_checksum_func_name;
      files.emplace_back(
          MakeTableFileName("", f->number), f->number, dir, f->file_size,
          f->smallest_seqno, f->largest_seqno,
          f->smallest.user_key().ToString(), f->largest.user_key().ToString(),
          0, f->being_compacted, f->temperature, f->oldest_blob_file_number,
          f->oldest_ancester_time, f->file_creation_time, checksum, func);
      std::shared_ptr<const TableProperties> props;
      if (table_cache_
              ->GetTableProperties(cf_options_, icmp_, *f, &props, level)
              .ok() &&
          props != nullptr) {
        files.back().num_entries = props->num_entries;
        files.back().num_deletions = props->num_deletions;
      }
      level_size += f->file_size;
    }
    metadata->size += level_size;
    metadata->file_count += files.size();
    metadata->levels.emplace_back(level, level_size, std::move(files));
  }
  ReleaseReadView(current);
}

Status DBImpl::GetSortedWalFiles(VectorLogPtr& files) {
  files.clear();
  ListWalFiles(env_, fs_.get(), ArchivalDirectory(db_options_.wal_dir),
               kArchivedLogFile, &files);
  ListWalFiles(env_, fs_.get(), db_options_.wal_dir, kAliveLogFile, &files);
  std::sort(
      files.begin(), files.end(),
      [](const std::unique_ptr<LogFile>& a, const std::unique_ptr<LogFile>& b) {
        return a->LogNumber() < b->LogNumber();
      });
  // A WAL archived while listing may appear twice: keep the live entry.
  files.erase(std::unique(files.begin(), files.end(),
                          [](const std::unique_ptr<LogFile>& a,
                             const std::unique_ptr<LogFile>& b) {
                            return a->LogNumber() == b->LogNumber();
                          }),
              files.end());
  return Status::OK();
}

Status DBImpl::GetCurrentWalFile(std::unique_ptr<LogFile>* current_log_file) {
  if (read_only_) {
    return Status::NotSupported("Not supported operation in read only mode.");
  }
  uint64_t number = 0;
  {
    // The current WAL belongs to the write path.
    WriteThread::Writer w;
    write_thread_.EnterUnbatched(&w);
    number = log_number_;
    Status s = log_ != nullptr ? log_->WriteBuffer() : Status::OK();
    write_thread_.ExitUnbatched(&w);
    if (!s.ok()) return s;
  }
  // RocksDB reports no start sequence for the current WAL (observed).
  uint64_t size = 0;
  Status s = env_->GetFileSize(LogFileName(db_options_.wal_dir, number), &size);
  if (!s.ok()) return s;
  current_log_file->reset(new WalFileImpl(number, kAliveLogFile, 0, size));
  return Status::OK();
}

Status DBImpl::GetLiveFilesChecksumInfo(FileChecksumList* checksum_list) {
  if (checksum_list == nullptr) {
    return Status::InvalidArgument("checksum_list is nullptr");
  }
  checksum_list->reset();
  port::MutexLock l(&mutex_);
  Version* current = versions_->current();
  for (int level = 0; level < current->num_levels(); ++level) {
    for (const FileMetaData* f : current->files(level)) {
      Status s = checksum_list->InsertOneFileChecksum(
          f->number, f->file_checksum, f->file_checksum_func_name);
      if (!s.ok()) return s;
    }
  }
  return Status::OK();
}

Status DBImpl::GetLiveFilesStorageInfo(
    const LiveFilesStorageInfoOptions& /*opts*/,
    std::vector<LiveFileStorageInfo>* /*files*/) {
  return NotImplemented("DB::GetLiveFilesStorageInfo");
}

Status DBImpl::GetCreationTimeOfOldestFile(uint64_t* creation_time) {
  if (db_options_.max_open_files != -1) {
    return Status::NotSupported("This API only works if max_open_files = -1");
  }
  uint64_t oldest = std::numeric_limits<uint64_t>::max();
  port::MutexLock l(&mutex_);
  Version* current = versions_->current();
  for (int level = 0; level < current->num_levels(); ++level) {
    for (const FileMetaData* f : current->files(level)) {
      // An unknown time (0) makes the answer unknown.
      oldest = std::min(oldest, f->file_creation_time);
    }
  }
  *creation_time = oldest;
  return Status::OK();
}

Status DBImpl::VerifyChecksum(const ReadOptions& read_options) {
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
  AcquireReadView(&mems, &current);
  Status s;
  for (int level = 0; s.ok() && level < current->num_levels(); ++level) {
    for (const FileMetaData* f : current->files(level)) {
      Cache::Handle* handle = nullptr;
      s = table_cache_->FindTable(read_options, cf_options_, icmp_, *f, &handle,
                                  level);
      if (!s.ok()) break;
      s = table_cache_->GetTableReader(handle)->VerifyChecksum(
          read_options, TableReaderCaller::kUserVerifyChecksum);
      table_cache_->ReleaseHandle(handle);
      if (!s.ok()) break;
    }
  }
  ReleaseReadView(current);
  return s;
}

Status DBImpl::GetPropertiesOfAllTables(ColumnFamilyHandle* column_family,
                                        TablePropertiesCollection* props) {
  return GetPropertiesOfTablesInRange(column_family, nullptr, 0, props);
}

Status DBImpl::GetPropertiesOfTablesInRange(ColumnFamilyHandle* column_family,
                                            const Range* range, std::size_t n,
                                            TablePropertiesCollection* props) {
  Status s = CheckColumnFamily(column_family);
  if (!s.ok()) return s;
  props->clear();
  std::shared_ptr<MemTableSet> mems;
  Version* current = nullptr;
  AcquireReadView(&mems, &current);
  const Comparator* ucmp = icmp_.user_comparator();
  for (int level = 0; s.ok() && level < current->num_levels(); ++level) {
    for (const FileMetaData* f : current->files(level)) {
      bool wanted = range == nullptr;
      for (std::size_t i = 0; !wanted && i < n; ++i) {
        // Keeps files overlapping [start, limit].
        wanted = ucmp->Compare(f->largest.user_key(), range[i].start) >= 0 &&
                 ucmp->Compare(f->smallest.user_key(), range[i].limit) <= 0;
      }
      if (!wanted) continue;
      std::shared_ptr<const TableProperties> table_props;
      s = table_cache_->GetTableProperties(cf_options_, icmp_, *f, &table_props,
                                           level);
      if (!s.ok()) break;
      (*props)[TableFileName(db_options_.db_paths.front().path, f->number)] =
          table_props;
    }
  }
  ReleaseReadView(current);
  return s;
}

}  // namespace ROCKSDB_NAMESPACE
