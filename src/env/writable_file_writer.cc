// Copyright (c) the rocksdb-cleanroom authors.
//
// WritableFileWriter. Bytes flow:
//
//   Append --copy--> buf_ [0, buf_len_) --WriteBuffered--> FSWritableFile
//
// file_size_ counts everything appended, flushed_size_ what the file has
// received. Appends larger than the whole buffer bypass it once the buffer
// has been emptied, so large SST blocks are not copied twice.

#include "env/writable_file_writer.h"

#include <algorithm>
#include <cstring>

#include "rocksdb/rate_limiter.h"

namespace ROCKSDB_NAMESPACE {

namespace {
constexpr size_t kInitialBufferSize = 64 * 1024;
constexpr uint64_t kPageSize = 4096;
}  // namespace

WritableFileWriter::WritableFileWriter(std::unique_ptr<FSWritableFile>&& file,
                                       const std::string& file_name,
                                       const FileOptions& options,
                                       FileChecksumGenFactory* checksum_factory)
    : file_name_(file_name),
      file_(std::move(file)),
      io_options_(options.io_options),
      max_buffer_size_(options.writable_file_max_buffer_size),
      bytes_per_sync_(options.bytes_per_sync),
      rate_limiter_(options.rate_limiter) {
  buf_cap_ = std::min(kInitialBufferSize, max_buffer_size_);
  if (buf_cap_ > 0) buf_.reset(new char[buf_cap_]);
  if (checksum_factory != nullptr) {
    FileChecksumGenContext context;
    context.file_name = file_name_;
    checksum_gen_ = checksum_factory->CreateFileChecksumGenerator(context);
  }
}

WritableFileWriter::~WritableFileWriter() {
  // A destructor cannot report failure; callers that care call Close().
  Close().PermitUncheckedError();
}

IOStatus WritableFileWriter::Create(const std::shared_ptr<FileSystem>& fs,
                                    const std::string& fname,
                                    const FileOptions& options,
                                    std::unique_ptr<WritableFileWriter>* writer,
                                    IODebugContext* dbg) {
  std::unique_ptr<FSWritableFile> file;
  IOStatus s = fs->NewWritableFile(fname, options, &file, dbg);
  if (!s.ok()) return s;
  writer->reset(new WritableFileWriter(std::move(file), fname, options));
  return IOStatus::OK();
}

IOStatus WritableFileWriter::CheckWritable() const {
  if (file_ == nullptr) {
    return IOStatus::IOError("Writer is closed: " + file_name_);
  }
  if (seen_error()) return IOStatus::IOError("Writer has previous error.");
  return IOStatus::OK();
}

IOStatus WritableFileWriter::Remember(IOStatus s) {
  if (!s.ok()) seen_error_.store(true, std::memory_order_release);
  return s;
}

void WritableFileWriter::MaybeGrowBuffer(size_t want) {
  if (buf_len_ + want <= buf_cap_ || buf_cap_ >= max_buffer_size_) return;
  size_t cap = std::max(buf_cap_ * 2, buf_len_ + want);
  cap = std::min(cap, max_buffer_size_);
  std::unique_ptr<char[]> bigger(new char[cap]);
  if (buf_len_ > 0) memcpy(bigger.get(), buf_.get(), buf_len_);
  buf_ = std::move(bigger);
  buf_cap_ = cap;
}

IOStatus WritableFileWriter::Append(const Slice& data) {
  IOStatus s = CheckWritable();
  if (!s.ok()) return s;
  const char* src = data.data();
  size_t left = data.size();
  if (checksum_gen_ != nullptr && left > 0) checksum_gen_->Update(src, left);

  MaybeGrowBuffer(left);
  if (buf_len_ + left > buf_cap_) {
    // Does not fit: empty the buffer, then either buffer the data or, when
    // it is at least a whole buffer, write it through.
    s = WriteBuffered();
    if (!s.ok()) return s;
    if (left >= buf_cap_) {
      s = WriteToFile(src, left);
      if (!s.ok()) return s;
      file_size_.fetch_add(left, std::memory_order_acq_rel);
      return IOStatus::OK();
    }
  }
  if (left > 0) {
    memcpy(buf_.get() + buf_len_, src, left);
    buf_len_ += left;
  }
  file_size_.fetch_add(left, std::memory_order_acq_rel);
  return IOStatus::OK();
}

IOStatus WritableFileWriter::Pad(size_t pad_bytes) {
  static const char kZeros[4096] = {};
  while (pad_bytes > 0) {
    size_t n = std::min(pad_bytes, sizeof(kZeros));
    IOStatus s = Append(Slice(kZeros, n));
    if (!s.ok()) return s;
    pad_bytes -= n;
  }
  return IOStatus::OK();
}

IOStatus WritableFileWriter::WriteToFile(const char* data, size_t n) {
  const Env::IOPriority pri = file_->GetIOPriority();
  const bool limited = rate_limiter_ != nullptr && pri != Env::IO_TOTAL;
  while (n > 0) {
    size_t chunk = n;
    if (limited) {
      chunk = rate_limiter_->RequestToken(n, 0, pri, nullptr,
                                          RateLimiter::OpType::kWrite);
    }
    IOStatus s =
        Remember(file_->Append(Slice(data, chunk), io_options_, nullptr));
    if (!s.ok()) return s;
    flushed_size_.fetch_add(chunk, std::memory_order_acq_rel);
    data += chunk;
    n -= chunk;
  }
  return IOStatus::OK();
}

IOStatus WritableFileWriter::WriteBuffered() {
  if (buf_len_ == 0) return IOStatus::OK();
  IOStatus s = WriteToFile(buf_.get(), buf_len_);
  // On failure the data is dropped with the writer poisoned: nothing
  // buffered may reach the file out of order later.
  buf_len_ = 0;
  return s;
}

IOStatus WritableFileWriter::MaybeRangeSync() {
  if (bytes_per_sync_ == 0) return IOStatus::OK();
  const uint64_t flushed = GetFlushedSize();
  if (flushed - last_range_sync_ < bytes_per_sync_) return IOStatus::OK();
  const uint64_t sync_to = flushed - flushed % kPageSize;
  if (sync_to <= last_range_sync_) return IOStatus::OK();
  IOStatus s = file_->RangeSync(last_range_sync_, sync_to - last_range_sync_,
                                io_options_, nullptr);
  if (s.IsNotSupported()) s = IOStatus::OK();  // only a hint
  last_range_sync_ = sync_to;
  return Remember(s);
}

IOStatus WritableFileWriter::Flush() {
  IOStatus s = CheckWritable();
  if (!s.ok()) return s;
  s = WriteBuffered();
  if (!s.ok()) return s;
  s = Remember(file_->Flush(io_options_, nullptr));
  if (!s.ok()) return s;
  return MaybeRangeSync();
}

IOStatus WritableFileWriter::Sync(bool use_fsync) {
  IOStatus s = Flush();
  if (!s.ok()) return s;
  return SyncWithoutFlush(use_fsync);
}

IOStatus WritableFileWriter::SyncWithoutFlush(bool use_fsync) {
  IOStatus s = CheckWritable();
  if (!s.ok()) return s;
  if (use_fsync) {
    return Remember(file_->Fsync(io_options_, nullptr));
  }
  return Remember(file_->Sync(io_options_, nullptr));
}

IOStatus WritableFileWriter::Close() {
  if (file_ == nullptr) return IOStatus::OK();
  IOStatus s;
  if (seen_error()) {
    // Buffered data was dropped with the failed write: say so again.
    s = IOStatus::IOError("Writer has previous error.");
  } else {
    s = WriteBuffered();
    if (s.ok()) s = Remember(file_->Flush(io_options_, nullptr));
  }
  // The file is closed even after an error so its descriptor is released.
  IOStatus close_status = file_->Close(io_options_, nullptr);
  if (s.ok()) s = Remember(close_status);
  file_.reset();
  buf_len_ = 0;
  if (checksum_gen_ != nullptr && s.ok()) {
    checksum_gen_->Finalize();
    checksum_finalized_ = true;
  }
  return s;
}

std::string WritableFileWriter::GetFileChecksum() const {
  if (checksum_gen_ == nullptr || !checksum_finalized_) {
    return kUnknownFileChecksum;
  }
  return checksum_gen_->GetChecksum();
}

const char* WritableFileWriter::GetFileChecksumFuncName() const {
  if (checksum_gen_ == nullptr) return kUnknownFileChecksumFuncName;
  return checksum_gen_->Name();
}

}  // namespace ROCKSDB_NAMESPACE
