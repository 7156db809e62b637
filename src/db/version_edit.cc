// Copyright (c) the rocksdb-cleanroom authors.
//
// VersionEdit encoding (spec section 4). A record is a sequence of fields,
// each a varint32 tag followed by its payload, in any order:
//
//   1 Comparator lpslice        2 LogNumber varint64     3 NextFile varint64
//   4 LastSequence varint64     5 CompactCursor varint32 level, lpslice ikey
//   6 DeletedFile varint32 level, varint64 number        9 PrevLog varint64
//   10 MinLogNumberToKeep varint64
//   7/100/102/103 new file (below)                       200 ColumnFamily
//   varint32 201 ColumnFamilyAdd lpslice 202 ColumnFamilyDrop     203
//   MaxColumnFamily varint32 300 InAtomicGroup varint32  8193 DbId lpslice 8198
//   FullHistoryTsLow lpslice other tags with bit 13 (0x2000): lpslice, skipped
//   when unknown
//
// NewFile4 (103), the only new-file form written:
//
//   varint32 level, varint64 number, varint64 size, lpslice smallest ikey,
//   lpslice largest ikey, varint64 smallest_seqno, varint64 largest_seqno,
//   (varint32 custom_tag, lpslice field)*, varint32 1 (terminate)
//
// Custom tags: see NewFileCustomTag. Unknown ones are skipped unless bit 6
// (0x40) is set. We write the fields in RocksDB 7.8's order and form so
// that its tools show our MANIFESTs the way they show their own.
#include "db/version_edit.h"

#include <climits>

#include "util/coding.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Reads an lpslice holding an internal key (at least the 8-byte tag).
bool GetInternalKey(Slice* input, InternalKey* dst) {
  Slice str;
  if (!GetLengthPrefixedSlice(input, &str) || str.size() < kNumInternalBytes) {
    return false;
  }
  dst->DecodeFrom(str);
  return true;
}

// Reads a varint32 level that fits in an int.
bool GetLevel(Slice* input, int* level) {
  uint32_t v;
  if (!GetVarint32(input, &v) || v > static_cast<uint32_t>(INT_MAX)) {
    return false;
  }
  *level = static_cast<int>(v);
  return true;
}

void PutCustomVarint64(std::string* dst, uint32_t tag, uint64_t value) {
  std::string field;
  PutVarint64(&field, value);
  PutVarint32(dst, tag);
  PutLengthPrefixedSlice(dst, field);
}

void PutCustomBytes(std::string* dst, uint32_t tag, const Slice& field) {
  PutVarint32(dst, tag);
  PutLengthPrefixedSlice(dst, field);
}

}  // namespace

void FileMetaData::UpdateBoundaries(const Slice& key, SequenceNumber seqno) {
  if (smallest.empty()) {
    smallest.DecodeFrom(key);
  }
  largest.DecodeFrom(key);
  if (seqno < smallest_seqno) smallest_seqno = seqno;
  if (seqno > largest_seqno) largest_seqno = seqno;
}

std::string FileMetaData::DebugString(bool hex_keys) const {
  std::string r;
  AppendNumberTo(&r, number);
  r += ":";
  AppendNumberTo(&r, file_size);
  r += "[";
  AppendNumberTo(&r, smallest_seqno);
  r += " .. ";
  AppendNumberTo(&r, largest_seqno);
  r += "][";
  r += smallest.DebugString(hex_keys);
  r += " .. ";
  r += largest.DebugString(hex_keys);
  r += "]";
  return r;
}

void VersionEdit::Clear() { *this = VersionEdit(); }

bool VersionEdit::EncodeTo(std::string* dst) const {
  if (has_db_id_) {
    PutVarint32(dst, kDbId);
    PutLengthPrefixedSlice(dst, db_id_);
  }
  if (has_comparator_) {
    PutVarint32(dst, kComparator);
    PutLengthPrefixedSlice(dst, comparator_);
  }
  if (has_log_number_) {
    PutVarint32Varint64(dst, kLogNumber, log_number_);
  }
  if (has_prev_log_number_) {
    PutVarint32Varint64(dst, kPrevLogNumber, prev_log_number_);
  }
  if (has_next_file_number_) {
    PutVarint32Varint64(dst, kNextFileNumber, next_file_number_);
  }
  if (has_max_column_family_) {
    PutVarint32Varint32(dst, kMaxColumnFamily, max_column_family_);
  }
  if (has_min_log_number_to_keep_) {
    PutVarint32Varint64(dst, kMinLogNumberToKeep, min_log_number_to_keep_);
  }
  if (has_last_sequence_) {
    PutVarint32Varint64(dst, kLastSequence, last_sequence_);
  }
  for (const auto& cursor : compact_cursors_) {
    if (cursor.second.size() < kNumInternalBytes) return false;
    PutVarint32Varint32(dst, kCompactCursor,
                        static_cast<uint32_t>(cursor.first));
    PutLengthPrefixedSlice(dst, cursor.second.Encode());
  }
  for (const auto& deleted : deleted_files_) {
    PutVarint32Varint32(dst, kDeletedFile,
                        static_cast<uint32_t>(deleted.first));
    PutVarint64(dst, deleted.second);
  }

  bool min_log_hack_written = false;
  for (const auto& entry : new_files_) {
    const FileMetaData& f = entry.second;
    if (f.smallest.size() < kNumInternalBytes ||
        f.largest.size() < kNumInternalBytes) {
      return false;
    }
    PutVarint32Varint32(dst, kNewFile4, static_cast<uint32_t>(entry.first));
    PutVarint64(dst, f.number);
    PutVarint64(dst, f.file_size);
    PutLengthPrefixedSlice(dst, f.smallest.Encode());
    PutLengthPrefixedSlice(dst, f.largest.Encode());
    PutVarint64(dst, f.smallest_seqno);
    PutVarint64(dst, f.largest_seqno);

    if (f.marked_for_compaction) {
      PutCustomBytes(dst, kNeedCompaction, Slice("\x01", 1));
    }
    if (has_min_log_number_to_keep_ && !min_log_hack_written) {
      // Older readers learn MinLogNumberToKeep only from this field.
      char buf[8];
      EncodeFixed64(buf, min_log_number_to_keep_);
      PutCustomBytes(dst, kMinLogNumberToKeepHack, Slice(buf, sizeof(buf)));
      min_log_hack_written = true;
    }
    if (f.oldest_blob_file_number != kInvalidBlobFileNumber) {
      PutCustomVarint64(dst, kOldestBlobFileNumber, f.oldest_blob_file_number);
    }
    PutCustomVarint64(dst, kOldestAncesterTime, f.oldest_ancester_time);
    PutCustomVarint64(dst, kFileCreationTime, f.file_creation_time);
    PutCustomBytes(dst, kFileChecksum, f.file_checksum);
    PutCustomBytes(dst, kFileChecksumFuncName, f.file_checksum_func_name);
    if (f.temperature != Temperature::kUnknown) {
      const char t = static_cast<char>(f.temperature);
      PutCustomBytes(dst, kTemperature, Slice(&t, 1));
    }
    if (!f.min_timestamp.empty()) {
      PutCustomBytes(dst, kMinTimestamp, f.min_timestamp);
    }
    if (!f.max_timestamp.empty()) {
      PutCustomBytes(dst, kMaxTimestamp, f.max_timestamp);
    }
    if (f.unique_id != kNullUniqueId64x2) {
      char buf[16];
      EncodeFixed64(buf, f.unique_id[0]);
      EncodeFixed64(buf + 8, f.unique_id[1]);
      PutCustomBytes(dst, kUniqueId, Slice(buf, sizeof(buf)));
    }
    if (f.path_id != 0) {
      const char p = static_cast<char>(f.path_id);
      PutCustomBytes(dst, kPathId, Slice(&p, 1));
    }
    PutVarint32(dst, kTerminate);
  }

  if (column_family_ != 0) {
    PutVarint32Varint32(dst, kColumnFamily, column_family_);
  }
  if (is_column_family_add_) {
    PutVarint32(dst, kColumnFamilyAdd);
    PutLengthPrefixedSlice(dst, column_family_name_);
  }
  if (is_column_family_drop_) {
    PutVarint32(dst, kColumnFamilyDrop);
  }
  if (is_in_atomic_group_) {
    PutVarint32Varint32(dst, kInAtomicGroup, remaining_entries_);
  }
  if (HasFullHistoryTsLow()) {
    PutVarint32(dst, kFullHistoryTsLow);
    PutLengthPrefixedSlice(dst, full_history_ts_low_);
  }
  return true;
}

const char* VersionEdit::DecodeNewFile4Custom(Slice* input, FileMetaData* f) {
  for (;;) {
    uint32_t custom_tag;
    if (!GetVarint32(input, &custom_tag)) return "new-file4 custom field";
    if (custom_tag == kTerminate) return nullptr;
    Slice field;
    if (!GetLengthPrefixedSlice(input, &field)) {
      return "new-file4 custom field";
    }
    switch (custom_tag) {
      case kPathId:
        if (field.size() != 1) return "path_id field wrong size";
        f->path_id = static_cast<unsigned char>(field[0]);
        if (f->path_id > kMaxPathId) return "path_id wrong vaue";
        break;
      case kNeedCompaction:
        if (field.size() != 1) return "need_compaction field wrong size";
        f->marked_for_compaction = (field[0] == 1);
        break;
      case kMinLogNumberToKeepHack:
        if (field.size() != 8) return "deleted log number malformatted";
        SetMinLogNumberToKeep(DecodeFixed64(field.data()));
        break;
      case kOldestBlobFileNumber:
        if (!GetVarint64(&field, &f->oldest_blob_file_number)) {
          return "invalid oldest blob file number";
        }
        break;
      case kOldestAncesterTime:
        if (!GetVarint64(&field, &f->oldest_ancester_time)) {
          return "invalid oldest ancester time";
        }
        break;
      case kFileCreationTime:
        if (!GetVarint64(&field, &f->file_creation_time)) {
          return "invalid file creation time";
        }
        break;
      case kFileChecksum:
        f->file_checksum = field.ToString();
        break;
      case kFileChecksumFuncName:
        f->file_checksum_func_name = field.ToString();
        break;
      case kTemperature:
        if (field.size() != 1) return "temperature field wrong size";
        f->temperature = static_cast<Temperature>(field[0]);
        break;
      case kMinTimestamp:
        f->min_timestamp = field.ToString();
        break;
      case kMaxTimestamp:
        f->max_timestamp = field.ToString();
        break;
      case kUniqueId:
        if (field.size() != 16) return "invalid unique id";
        f->unique_id[0] = DecodeFixed64(field.data());
        f->unique_id[1] = DecodeFixed64(field.data() + 8);
        break;
      default:
        if ((custom_tag & kCustomTagNonSafeIgnoreMask) != 0) {
          return "new-file4 custom field not supported";
        }
        break;  // a newer writer's optional field
    }
  }
}

const char* VersionEdit::DecodeNewFile(uint32_t tag, Slice* input, int* level,
                                       FileMetaData* f) {
  const char* entry_error = tag == kNewFile    ? "new-file entry"
                            : tag == kNewFile2 ? "new-file2 entry"
                            : tag == kNewFile3 ? "new-file3 entry"
                                               : "new-file4 entry";
  if (!GetLevel(input, level) || !GetVarint64(input, &f->number)) {
    return entry_error;
  }
  if (tag == kNewFile3) {
    uint32_t path_id;
    if (!GetVarint32(input, &path_id) || path_id > kMaxPathId) {
      return entry_error;
    }
    f->path_id = path_id;
  }
  if (!GetVarint64(input, &f->file_size) ||
      !GetInternalKey(input, &f->smallest) ||
      !GetInternalKey(input, &f->largest)) {
    return entry_error;
  }
  if (tag == kNewFile) {
    // LevelDB's form carries no sequence range.
    f->smallest_seqno = 0;
    f->largest_seqno = 0;
    return nullptr;
  }
  if (!GetVarint64(input, &f->smallest_seqno) ||
      !GetVarint64(input, &f->largest_seqno)) {
    return entry_error;
  }
  if (tag == kNewFile4) return DecodeNewFile4Custom(input, f);
  return nullptr;
}

Status VersionEdit::DecodeFrom(const Slice& src) {
  Clear();
  Slice input = src;
  const char* msg = nullptr;
  uint32_t tag = 0;
  Slice str;

  while (msg == nullptr && GetVarint32(&input, &tag)) {
    switch (tag) {
      case kDbId:
        if (!GetLengthPrefixedSlice(&input, &str)) {
          msg = "db id";
        } else {
          SetDBId(str.ToString());
        }
        break;
      case kComparator:
        if (!GetLengthPrefixedSlice(&input, &str)) {
          msg = "comparator name";
        } else {
          SetComparatorName(str);
        }
        break;
      case kLogNumber:
        if (!GetVarint64(&input, &log_number_)) msg = "log number";
        has_log_number_ = true;
        break;
      case kPrevLogNumber:
        if (!GetVarint64(&input, &prev_log_number_)) {
          msg = "previous log number";
        }
        has_prev_log_number_ = true;
        break;
      case kNextFileNumber:
        if (!GetVarint64(&input, &next_file_number_)) {
          msg = "next file number";
        }
        has_next_file_number_ = true;
        break;
      case kMaxColumnFamily:
        if (!GetVarint32(&input, &max_column_family_)) {
          msg = "max column family";
        }
        has_max_column_family_ = true;
        break;
      case kMinLogNumberToKeep:
        // (sic) RocksDB's message loses its last letter.
        if (!GetVarint64(&input, &min_log_number_to_keep_)) {
          msg = "min log number to kee";
        }
        has_min_log_number_to_keep_ = true;
        break;
      case kLastSequence:
        if (!GetVarint64(&input, &last_sequence_)) {
          msg = "last sequence number";
        }
        has_last_sequence_ = true;
        break;
      case kCompactCursor: {
        int level;
        InternalKey key;
        if (!GetLevel(&input, &level) || !GetInternalKey(&input, &key)) {
          msg = "compaction cursor";
        } else {
          AddCompactCursor(level, key);
        }
        break;
      }
      case kDeletedFile: {
        int level;
        uint64_t number;
        if (!GetLevel(&input, &level) || !GetVarint64(&input, &number)) {
          msg = "deleted file";
        } else {
          DeleteFile(level, number);
        }
        break;
      }
      case kNewFile:
      case kNewFile2:
      case kNewFile3:
      case kNewFile4: {
        int level = 0;
        FileMetaData f;
        msg = DecodeNewFile(tag, &input, &level, &f);
        if (msg == nullptr) AddFile(level, f);
        break;
      }
      case kColumnFamily:
        if (!GetVarint32(&input, &column_family_)) {
          msg = "set column family id";
        }
        break;
      case kColumnFamilyAdd:
        if (!GetLengthPrefixedSlice(&input, &str)) {
          msg = "column family add";
        } else {
          AddColumnFamily(str.ToString());
        }
        break;
      case kColumnFamilyDrop:
        DropColumnFamily();
        break;
      case kInAtomicGroup:
        if (!GetVarint32(&input, &remaining_entries_)) {
          msg = "remaining entries";
        }
        is_in_atomic_group_ = true;
        break;
      case kFullHistoryTsLow:
        if (!GetLengthPrefixedSlice(&input, &str)) {
          msg = "full_history_ts_low";
        } else if (str.empty()) {
          msg = "full_history_ts_low: empty";
        } else {
          SetFullHistoryTsLow(str.ToString());
        }
        break;
      case kBlobFileAddition:
      case kBlobFileGarbage:
        return Status::NotSupported(
            "VersionEdit: blob file records (BlobDB) are not supported");
      default:
        if ((tag & kTagSafeIgnoreMask) != 0) {
          // Includes the WAL tracking records, which we do not verify.
          if (!GetLengthPrefixedSlice(&input, &str)) {
            msg = "safely ignoreable tag length error";
          }
        } else {
          msg = "unknown tag";
        }
        break;
    }
  }
  if (msg == nullptr && !input.empty()) msg = "invalid tag";
  if (msg != nullptr) return Status::Corruption("VersionEdit", msg);
  return Status::OK();
}

std::string VersionEdit::DebugString(bool hex_key) const {
  std::string r = "VersionEdit {";
  auto line = [&r](const char* label, const std::string& value) {
    r += "\n  ";
    r += label;
    r += value;
  };
  if (has_db_id_) line("DB ID: ", db_id_);
  if (has_comparator_) line("Comparator: ", comparator_);
  if (has_log_number_) line("LogNumber: ", NumberToString(log_number_));
  if (has_prev_log_number_) {
    line("PrevLogNumber: ", NumberToString(prev_log_number_));
  }
  if (has_next_file_number_) {
    line("NextFileNumber: ", NumberToString(next_file_number_));
  }
  if (has_max_column_family_) {
    line("MaxColumnFamily: ", NumberToString(max_column_family_));
  }
  if (has_min_log_number_to_keep_) {
    line("MinLogNumberToKeep: ", NumberToString(min_log_number_to_keep_));
  }
  if (has_last_sequence_) line("LastSeq: ", NumberToString(last_sequence_));
  for (const auto& cursor : compact_cursors_) {
    line("CompactCursor: ", NumberToString(cursor.first) + " " +
                                cursor.second.DebugString(hex_key));
  }
  for (const auto& deleted : deleted_files_) {
    line("DeleteFile: ",
         NumberToString(deleted.first) + " " + NumberToString(deleted.second));
  }
  for (const auto& entry : new_files_) {
    const FileMetaData& f = entry.second;
    std::string s =
        NumberToString(entry.first) + " " + NumberToString(f.number) + " " +
        NumberToString(f.file_size) + " " + f.smallest.DebugString(hex_key) +
        " .. " + f.largest.DebugString(hex_key);
    if (f.path_id != 0) s += " path_id: " + NumberToString(f.path_id);
    if (f.marked_for_compaction) s += " marked_for_compaction: true";
    if (f.oldest_blob_file_number != kInvalidBlobFileNumber) {
      s += " blob_file:" + NumberToString(f.oldest_blob_file_number);
    }
    s += " oldest_ancester_time:" + NumberToString(f.oldest_ancester_time);
    s += " file_creation_time:" + NumberToString(f.file_creation_time);
    s += " file_checksum:" + Slice(f.file_checksum).ToString(true);
    s += " file_checksum_func_name: " + f.file_checksum_func_name;
    if (f.temperature != Temperature::kUnknown) {
      s += " temperature: " +
           NumberToString(static_cast<unsigned>(f.temperature));
    }
    if (f.unique_id != kNullUniqueId64x2) {
      s += " unique_id(internal): {" + NumberToString(f.unique_id[0]) + "," +
           NumberToString(f.unique_id[1]) + "}";
    }
    line("AddFile: ", s);
  }
  line("ColumnFamily: ", NumberToString(column_family_));
  if (is_column_family_add_) line("ColumnFamilyAdd: ", column_family_name_);
  if (is_column_family_drop_) line("ColumnFamilyDrop", "");
  if (is_in_atomic_group_) {
    line("AtomicGroup: ", NumberToString(remaining_entries_));
  }
  if (HasFullHistoryTsLow()) {
    line("FullHistoryTsLow: ", Slice(full_history_ts_low_).ToString(true));
  }
  r += "\n}\n";
  return r;
}

}  // namespace ROCKSDB_NAMESPACE
