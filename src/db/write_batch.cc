// Copyright (c) the rocksdb-cleanroom authors.
//
// WriteBatch: construction, copies, the public update methods, save points
// and content flags. The public methods resolve the column family handle
// (id and timestamp size) and then append through WriteBatchInternal
// (write_batch_internal.cc). Format of rep_: write_batch_record.cc and
// docs/formats/write_batch.md.
//
// Timestamps: for a family whose comparator has timestamp size n > 0, the
// plain overloads append n zero bytes to each key (a placeholder that
// UpdateTimestamps() fills later); the *ts overloads append the given
// timestamp. Merge, PutEntity and the SliceParts overloads refuse such
// families.

#include <algorithm>
#include <utility>

#include "db/write_batch_internal.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"

namespace ROCKSDB_NAMESPACE {

namespace {

using WBI = WriteBatchInternal;

constexpr char kTimestampFamilyError[] =
    "Cannot call this method on column family enabling timestamp";

// The family a handle names and its timestamp size; a null handle is the
// default family, whose timestamp size the batch was given.
struct Family {
  uint32_t id;
  size_t ts_size;
};

Family FamilyOf(ColumnFamilyHandle* column_family, size_t default_ts_size) {
  if (column_family == nullptr) {
    return {0, default_ts_size};
  }
  const Comparator* ucmp = column_family->GetComparator();
  return {column_family->GetID(), ucmp != nullptr ? ucmp->timestamp_size() : 0};
}

// Validates an explicit timestamp for the *ts overloads.
Status CheckTimestamp(ColumnFamilyHandle* column_family, const Slice& ts,
                      Family* family) {
  if (column_family == nullptr) {
    return Status::InvalidArgument("column family handle cannot be null");
  }
  *family = FamilyOf(column_family, 0);
  if (family->ts_size == 0) {
    return Status::InvalidArgument("timestamp disabled");
  }
  if (family->ts_size != ts.size()) {
    return Status::InvalidArgument("timestamp size mismatch");
  }
  return Status::OK();
}

// key followed by a suffix (a timestamp), as SliceParts.
struct SuffixedKey {
  SuffixedKey(const Slice& key, const Slice& suffix) : parts{key, suffix} {}
  SliceParts AsParts() const { return SliceParts(parts, 2); }
  Slice parts[2];
};

}  // namespace

// ---- Construction -----------------------------------------------------------

WriteBatch::WriteBatch(size_t reserved_bytes, size_t max_bytes,
                       size_t protection_bytes_per_key, size_t default_cf_ts_sz)
    : content_flags_(0),
      max_bytes_(max_bytes),
      default_cf_ts_sz_(default_cf_ts_sz) {
  rep_.reserve(std::max(reserved_bytes, WBI::kHeader));
  rep_.resize(WBI::kHeader);
  // Only 8 is supported; other values leave protection off (RocksDB
  // asserts on them).
  if (protection_bytes_per_key == 8) {
    prot_info_.reset(new ProtectionInfo());
  }
}

WriteBatch::WriteBatch(const std::string& rep)
    : content_flags_(kContentDeferred), max_bytes_(0), rep_(rep) {}

WriteBatch::WriteBatch(std::string&& rep)
    : content_flags_(kContentDeferred), max_bytes_(0), rep_(std::move(rep)) {}

WriteBatch::WriteBatch(const WriteBatch& src)
    : wal_term_point_(src.wal_term_point_),
      is_latest_persistent_state_(src.is_latest_persistent_state_),
      needs_in_place_update_ts_(src.needs_in_place_update_ts_),
      has_key_with_ts_(src.has_key_with_ts_),
      content_flags_(src.content_flags_.load(std::memory_order_relaxed)),
      max_bytes_(src.max_bytes_),
      default_cf_ts_sz_(src.default_cf_ts_sz_),
      rep_(src.rep_) {
  if (src.save_points_ != nullptr) {
    save_points_.reset(new SavePoints(*src.save_points_));
  }
  if (src.prot_info_ != nullptr) {
    prot_info_.reset(new ProtectionInfo(*src.prot_info_));
  }
}

WriteBatch::WriteBatch(WriteBatch&& src) noexcept
    : save_points_(std::move(src.save_points_)),
      wal_term_point_(src.wal_term_point_),
      is_latest_persistent_state_(src.is_latest_persistent_state_),
      needs_in_place_update_ts_(src.needs_in_place_update_ts_),
      has_key_with_ts_(src.has_key_with_ts_),
      content_flags_(src.content_flags_.load(std::memory_order_relaxed)),
      max_bytes_(src.max_bytes_),
      prot_info_(std::move(src.prot_info_)),
      default_cf_ts_sz_(src.default_cf_ts_sz_),
      rep_(std::move(src.rep_)) {}

WriteBatch& WriteBatch::operator=(const WriteBatch& src) {
  if (&src != this) {
    WriteBatch copy(src);
    *this = std::move(copy);
  }
  return *this;
}

WriteBatch& WriteBatch::operator=(WriteBatch&& src) {
  if (&src != this) {
    save_points_ = std::move(src.save_points_);
    wal_term_point_ = src.wal_term_point_;
    is_latest_persistent_state_ = src.is_latest_persistent_state_;
    needs_in_place_update_ts_ = src.needs_in_place_update_ts_;
    has_key_with_ts_ = src.has_key_with_ts_;
    content_flags_.store(src.content_flags_.load(std::memory_order_relaxed),
                         std::memory_order_relaxed);
    max_bytes_ = src.max_bytes_;
    prot_info_ = std::move(src.prot_info_);
    default_cf_ts_sz_ = src.default_cf_ts_sz_;
    rep_ = std::move(src.rep_);
  }
  return *this;
}

WriteBatch::~WriteBatch() = default;

// ---- Updates
// -------------------------------------------------------------------

Status WriteBatch::Put(ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& value) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size == 0) {
    return WBI::Put(this, f.id, key, value);
  }
  const std::string placeholder(f.ts_size, '\0');
  Status s = WBI::Put(this, f.id, SuffixedKey(key, placeholder).AsParts(),
                      SliceParts(&value, 1));
  if (s.ok()) {
    needs_in_place_update_ts_ = true;
    has_key_with_ts_ = true;
  }
  return s;
}

Status WriteBatch::Put(ColumnFamilyHandle* column_family, const Slice& key,
                       const Slice& ts, const Slice& value) {
  Family f;
  Status s = CheckTimestamp(column_family, ts, &f);
  if (!s.ok()) return s;
  s = WBI::Put(this, f.id, SuffixedKey(key, ts).AsParts(),
               SliceParts(&value, 1));
  if (s.ok()) has_key_with_ts_ = true;
  return s;
}

Status WriteBatch::Put(ColumnFamilyHandle* column_family, const SliceParts& key,
                       const SliceParts& value) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::Put(this, f.id, key, value);
}

Status WriteBatch::PutEntity(ColumnFamilyHandle* column_family,
                             const Slice& key, const WideColumns& columns) {
  if (column_family == nullptr) {
    return Status::InvalidArgument(
        "Cannot call this method without a column family handle");
  }
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::PutEntity(this, f.id, key, columns);
}

Status WriteBatch::Delete(ColumnFamilyHandle* column_family, const Slice& key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size == 0) {
    return WBI::Delete(this, f.id, key);
  }
  const std::string placeholder(f.ts_size, '\0');
  Status s = WBI::Delete(this, f.id, SuffixedKey(key, placeholder).AsParts());
  if (s.ok()) {
    needs_in_place_update_ts_ = true;
    has_key_with_ts_ = true;
  }
  return s;
}

Status WriteBatch::Delete(ColumnFamilyHandle* column_family, const Slice& key,
                          const Slice& ts) {
  Family f;
  Status s = CheckTimestamp(column_family, ts, &f);
  if (!s.ok()) return s;
  s = WBI::Delete(this, f.id, SuffixedKey(key, ts).AsParts());
  if (s.ok()) has_key_with_ts_ = true;
  return s;
}

Status WriteBatch::Delete(ColumnFamilyHandle* column_family,
                          const SliceParts& key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::Delete(this, f.id, key);
}

Status WriteBatch::SingleDelete(ColumnFamilyHandle* column_family,
                                const Slice& key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size == 0) {
    return WBI::SingleDelete(this, f.id, key);
  }
  const std::string placeholder(f.ts_size, '\0');
  Status s =
      WBI::SingleDelete(this, f.id, SuffixedKey(key, placeholder).AsParts());
  if (s.ok()) {
    needs_in_place_update_ts_ = true;
    has_key_with_ts_ = true;
  }
  return s;
}

Status WriteBatch::SingleDelete(ColumnFamilyHandle* column_family,
                                const Slice& key, const Slice& ts) {
  Family f;
  Status s = CheckTimestamp(column_family, ts, &f);
  if (!s.ok()) return s;
  s = WBI::SingleDelete(this, f.id, SuffixedKey(key, ts).AsParts());
  if (s.ok()) has_key_with_ts_ = true;
  return s;
}

Status WriteBatch::SingleDelete(ColumnFamilyHandle* column_family,
                                const SliceParts& key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::SingleDelete(this, f.id, key);
}

Status WriteBatch::DeleteRange(ColumnFamilyHandle* column_family,
                               const Slice& begin_key, const Slice& end_key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size == 0) {
    return WBI::DeleteRange(this, f.id, begin_key, end_key);
  }
  const std::string placeholder(f.ts_size, '\0');
  Status s = WBI::DeleteRange(this, f.id,
                              SuffixedKey(begin_key, placeholder).AsParts(),
                              SuffixedKey(end_key, placeholder).AsParts());
  if (s.ok()) {
    needs_in_place_update_ts_ = true;
    has_key_with_ts_ = true;
  }
  return s;
}

Status WriteBatch::DeleteRange(ColumnFamilyHandle* column_family,
                               const Slice& begin_key, const Slice& end_key,
                               const Slice& ts) {
  Family f;
  Status s = CheckTimestamp(column_family, ts, &f);
  if (!s.ok()) return s;
  s = WBI::DeleteRange(this, f.id, SuffixedKey(begin_key, ts).AsParts(),
                       SuffixedKey(end_key, ts).AsParts());
  if (s.ok()) has_key_with_ts_ = true;
  return s;
}

Status WriteBatch::DeleteRange(ColumnFamilyHandle* column_family,
                               const SliceParts& begin_key,
                               const SliceParts& end_key) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::DeleteRange(this, f.id, begin_key, end_key);
}

Status WriteBatch::Merge(ColumnFamilyHandle* column_family, const Slice& key,
                         const Slice& value) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::Merge(this, f.id, key, value);
}

Status WriteBatch::Merge(ColumnFamilyHandle* column_family,
                         const SliceParts& key, const SliceParts& value) {
  const Family f = FamilyOf(column_family, default_cf_ts_sz_);
  if (f.ts_size != 0) {
    return Status::InvalidArgument(kTimestampFamilyError);
  }
  return WBI::Merge(this, f.id, key, value);
}

Status WriteBatch::PutLogData(const Slice& blob) {
  return WBI::PutLogData(this, blob);
}

void WriteBatch::Clear() {
  rep_.clear();
  rep_.resize(WBI::kHeader);
  content_flags_.store(0, std::memory_order_relaxed);
  if (save_points_ != nullptr) {
    save_points_->stack.clear();
  }
  if (prot_info_ != nullptr) {
    prot_info_->entries.clear();
  }
  wal_term_point_.clear();
  is_latest_persistent_state_ = false;
  needs_in_place_update_ts_ = false;
  has_key_with_ts_ = false;
  // As in RocksDB: the default family's timestamp size is forgotten too,
  // while max_bytes and the protection setting are kept.
  default_cf_ts_sz_ = 0;
}

// ---- Save points
// ---------------------------------------------------------------

void WriteBatch::SetSavePoint() {
  if (save_points_ == nullptr) {
    save_points_.reset(new SavePoints());
  }
  save_points_->stack.emplace_back(
      GetDataSize(), static_cast<int>(Count()),
      content_flags_.load(std::memory_order_relaxed));
}

Status WriteBatch::RollbackToSavePoint() {
  if (save_points_ == nullptr || save_points_->stack.empty()) {
    return Status::NotFound();
  }
  const SavePoint point = save_points_->stack.back();
  save_points_->stack.pop_back();
  if (point.size <= rep_.size()) {
    rep_.resize(point.size);
  }
  WBI::SetCount(this, static_cast<uint32_t>(point.count));
  content_flags_.store(point.content_flags, std::memory_order_relaxed);
  if (prot_info_ != nullptr &&
      prot_info_->entries.size() > static_cast<size_t>(point.count)) {
    prot_info_->entries.resize(static_cast<size_t>(point.count));
  }
  return Status::OK();
}

Status WriteBatch::PopSavePoint() {
  if (save_points_ == nullptr || save_points_->stack.empty()) {
    return Status::NotFound();
  }
  save_points_->stack.pop_back();
  return Status::OK();
}

void WriteBatch::MarkWalTerminationPoint() {
  wal_term_point_ = SavePoint(GetDataSize(), static_cast<int>(Count()),
                              content_flags_.load(std::memory_order_relaxed));
}

// ---- Queries
// ---------------------------------------------------------------------

uint32_t WriteBatch::Count() const { return WBI::Count(this); }

size_t WriteBatch::GetProtectionBytesPerKey() const {
  return prot_info_ != nullptr ? 8 : 0;
}

bool WriteBatch::HasPut() const {
  return (WBI::GetContentFlags(this) & kContentHasPut) != 0;
}
bool WriteBatch::HasPutEntity() const {
  return (WBI::GetContentFlags(this) & kContentHasPutEntity) != 0;
}
bool WriteBatch::HasDelete() const {
  return (WBI::GetContentFlags(this) & kContentHasDelete) != 0;
}
bool WriteBatch::HasSingleDelete() const {
  return (WBI::GetContentFlags(this) & kContentHasSingleDelete) != 0;
}
bool WriteBatch::HasDeleteRange() const {
  return (WBI::GetContentFlags(this) & kContentHasDeleteRange) != 0;
}
bool WriteBatch::HasMerge() const {
  return (WBI::GetContentFlags(this) & kContentHasMerge) != 0;
}
bool WriteBatch::HasBeginPrepare() const {
  return (WBI::GetContentFlags(this) & kContentHasBeginPrepare) != 0;
}
bool WriteBatch::HasEndPrepare() const {
  return (WBI::GetContentFlags(this) & kContentHasEndPrepare) != 0;
}
bool WriteBatch::HasCommit() const {
  return (WBI::GetContentFlags(this) & kContentHasCommit) != 0;
}
bool WriteBatch::HasRollback() const {
  return (WBI::GetContentFlags(this) & kContentHasRollback) != 0;
}

}  // namespace ROCKSDB_NAMESPACE
