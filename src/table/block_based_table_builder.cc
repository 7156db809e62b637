// Copyright (c) the rocksdb-cleanroom authors.
//
// Writes one block-based table (../shared/specs/ROCKSDB_FORMAT_SPEC.md,
// sections 5.1-5.10), in this order:
//
//   [data block + trailer]*          cut by size (see ShouldCutDataBlock)
//   [filter block + trailer]?        "fullfilter.<policy>", never compressed
//   [index block + trailer]          one entry per data block
//   [range-del block + trailer]?     "rocksdb.range_del", restart interval 1
//   [properties block + trailer]     "rocksdb.properties"
//   [metaindex block + trailer]      meta block name -> handle, by name
//   [footer]
//
// format_version 0 to 5 are written; versions below 3 keep internal-key
// separators, below 4 full index handles, and 0 and 1 take only
// uncompressed or Snappy blocks (the other codecs' framing changed in 2).
// The filter is always FastLocalBloom (RocksDB writes its legacy Bloom
// format below version 5; readers tell them apart by the filter trailer).
//
// Index entries are separators between the last key of a block and the
// first key of the next one. They are built twice, as internal keys and as
// user keys; the user-key form is kept (format_version >= 3) unless one
// user key has entries on both sides of a block boundary, in which case
// only internal keys can tell the two blocks apart.

#include "table/block_based_table_builder.h"

#include <algorithm>
#include <utility>

#include "env/writable_file_writer.h"
#include "rocksdb/comparator.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "table/block_builder.h"
#include "table/compression.h"
#include "table/filter_bits.h"
#include "table/properties_block.h"
#include "util/coding.h"
#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

EntryType EntryTypeOf(ValueType type) {
  switch (type) {
    case kTypeValue:
      return kEntryPut;
    case kTypeDeletion:
      return kEntryDelete;
    case kTypeSingleDeletion:
      return kEntrySingleDelete;
    case kTypeMerge:
      return kEntryMerge;
    case kTypeRangeDeletion:
      return kEntryRangeDeletion;
    case kTypeBlobIndex:
      return kEntryBlobIndex;
    case kTypeDeletionWithTimestamp:
      return kEntryDeleteWithTimestamp;
    case kTypeWideColumnEntity:
      return kEntryWideColumnEntity;
    default:
      return kEntryOther;
  }
}

// "window_bits=-14; level=32767; ...; " as RocksDB records the options.
std::string CompressionOptionsToString(const CompressionOptions& o) {
  std::string out;
  StringAppendF(&out, "window_bits=%d; ", o.window_bits);
  StringAppendF(&out, "level=%d; ", o.level);
  StringAppendF(&out, "strategy=%d; ", o.strategy);
  StringAppendF(&out, "max_dict_bytes=%u; ", o.max_dict_bytes);
  StringAppendF(&out, "zstd_max_train_bytes=%u; ", o.zstd_max_train_bytes);
  StringAppendF(&out, "enabled=%d; ", o.enabled ? 1 : 0);
  StringAppendF(&out, "max_dict_buffer_bytes=%llu; ",
                static_cast<unsigned long long>(o.max_dict_buffer_bytes));
  StringAppendF(&out, "use_zstd_dict_trainer=%d; ",
                o.use_zstd_dict_trainer ? 1 : 0);
  return out;
}

}  // namespace

bool FramingIsVersionIndependent(CompressionType type) {
  return type == kNoCompression || type == kSnappyCompression;
}

// Feeds user keys and/or their prefixes to the filter bits builder, each
// distinct one once in a row. RocksDB 7.8.3 quirk kept for identical
// filters: with prefixes but no whole keys, the empty key is added once,
// when the key after the first in-domain key arrives.
class BlockBasedTableBuilder::FilterAdder {
 public:
  FilterAdder(std::unique_ptr<FilterBitsBuilder>&& bits,
              const SliceTransform* prefix_extractor, bool whole_keys)
      : bits_(std::move(bits)),
        prefix_extractor_(prefix_extractor),
        whole_keys_(whole_keys) {}

  void Add(const Slice& user_key) {
    const bool in_domain =
        prefix_extractor_ != nullptr && prefix_extractor_->InDomain(user_key);
    if (!prefix_recorded_ && last_key_in_domain_) {
      bits_->AddKey(last_prefix_);
      prefix_recorded_ = true;
    }
    if (whole_keys_) {
      if (!in_domain) {
        bits_->AddKey(user_key);
      } else if (!whole_key_recorded_ || Slice(last_whole_key_) != user_key) {
        bits_->AddKey(user_key);
        last_whole_key_.assign(user_key.data(), user_key.size());
        whole_key_recorded_ = true;
      }
    }
    last_key_in_domain_ = in_domain;
    if (!in_domain) return;
    const Slice prefix = prefix_extractor_->Transform(user_key);
    if (!whole_keys_) {
      bits_->AddKey(prefix);
    } else if (!prefix_recorded_ || Slice(last_prefix_) != prefix) {
      bits_->AddKey(prefix);
      last_prefix_.assign(prefix.data(), prefix.size());
      prefix_recorded_ = true;
    }
  }

  size_t NumEntries() { return bits_->EstimateEntriesAdded(); }

  Slice Finish(std::unique_ptr<const char[]>* buf) {
    return bits_->Finish(buf);
  }

 private:
  std::unique_ptr<FilterBitsBuilder> bits_;
  const SliceTransform* const prefix_extractor_;
  const bool whole_keys_;
  bool last_key_in_domain_ = false;
  bool prefix_recorded_ = false;
  std::string last_prefix_;
  bool whole_key_recorded_ = false;
  std::string last_whole_key_;
};

// The index block, kept in both key forms until Finish picks one.
class BlockBasedTableBuilder::IndexBuilder {
 public:
  IndexBuilder(const InternalKeyComparator* icmp,
               const BlockBasedTableOptions& table_options,
               uint32_t format_version)
      : icmp_(icmp),
        shortening_(table_options.index_shortening),
        user_keys_allowed_(format_version >= 3),
        value_delta_(format_version >= 4),
        with_seq_(table_options.index_block_restart_interval, true,
                  value_delta_),
        without_seq_(table_options.index_block_restart_interval, true,
                     value_delta_) {}

  // Adds the entry of the block ending with last_key; next_key is the
  // first key of the following block, null for the last block.
  void AddEntry(const Slice& last_key, const Slice* next_key,
                const BlockHandle& handle) {
    std::string separator = last_key.ToString();
    if (next_key != nullptr) {
      if (icmp_->user_comparator()->Equal(ExtractUserKey(last_key),
                                          ExtractUserKey(*next_key))) {
        needs_seq_ = true;
      }
      if (shortening_ !=
          BlockBasedTableOptions::IndexShorteningMode::kNoShortening) {
        Shorten(last_key, next_key, &separator);
      }
    } else if (shortening_ == BlockBasedTableOptions::IndexShorteningMode::
                                  kShortenSeparatorsAndSuccessor) {
      Shorten(last_key, nullptr, &separator);
    }

    std::string full;
    handle.EncodeTo(&full);
    std::string delta;
    if (value_delta_) {
      PutVarsignedint64(&delta, static_cast<int64_t>(handle.size()) -
                                    static_cast<int64_t>(last_size_));
    }
    const Slice delta_slice(delta);
    const Slice* delta_ptr = value_delta_ ? &delta_slice : nullptr;
    with_seq_.Add(separator, full, delta_ptr);
    without_seq_.Add(ExtractUserKey(separator), full, delta_ptr);
    last_size_ = handle.size();
  }

  // The finished block contents (valid until the builder is destroyed);
  // records the key and value forms in props.
  Slice Finish(TableProperties* props) {
    const bool user_keys = user_keys_allowed_ && !needs_seq_;
    props->index_key_is_user_key = user_keys ? 1 : 0;
    props->index_value_is_delta_encoded = value_delta_ ? 1 : 0;
    return user_keys ? without_seq_.Finish() : with_seq_.Finish();
  }

 private:
  // Replaces *separator (a copy of last_key) with a shorter internal key
  // that still sorts at or after last_key and before next_key (or after
  // every key with last_key's user key prefix, when next_key is null).
  void Shorten(const Slice& last_key, const Slice* next_key,
               std::string* separator) const {
    const Comparator* ucmp = icmp_->user_comparator();
    const Slice user_last = ExtractUserKey(last_key);
    std::string shorter = user_last.ToString();
    if (next_key != nullptr) {
      ucmp->FindShortestSeparator(&shorter, ExtractUserKey(*next_key));
    } else {
      ucmp->FindShortSuccessor(&shorter);
    }
    if (shorter.size() < user_last.size() &&
        ucmp->Compare(user_last, shorter) < 0) {
      // The smallest internal key of the shortened user key.
      PutFixed64(&shorter,
                 PackSequenceAndType(kMaxSequenceNumber, kValueTypeForSeek));
      *separator = std::move(shorter);
    }
  }

  const InternalKeyComparator* const icmp_;
  const BlockBasedTableOptions::IndexShorteningMode shortening_;
  const bool user_keys_allowed_;
  const bool value_delta_;
  BlockBuilder with_seq_;
  BlockBuilder without_seq_;
  bool needs_seq_ = false;
  uint64_t last_size_ = 0;
};

BlockBasedTableBuilder::BlockBasedTableBuilder(
    const BlockBasedTableOptions& table_options,
    const TableBuilderOptions& options, WritableFileWriter* file)
    : table_options_(table_options),
      options_(options),
      icmp_(options.internal_comparator),
      file_(file),
      format_version_(table_options.format_version) {
  data_block_.reset(new BlockBuilder(table_options_.block_restart_interval,
                                     table_options_.use_delta_encoding));
  range_del_block_.reset(new BlockBuilder(1));
  index_.reset(new IndexBuilder(icmp_, table_options_, format_version_));
  if (icmp_ == nullptr || file_ == nullptr) {
    status_ = Status::InvalidArgument(
        "BlockBasedTableBuilder needs a comparator and a file");
    return;
  }
  if (format_version_ > kLatestFormatVersion) {
    status_ =
        Status::InvalidArgument("Unsupported BlockBasedTable format_version " +
                                std::to_string(format_version_));
    return;
  }
  if (format_version_ < 2 &&
      !FramingIsVersionIndependent(options_.compression_type)) {
    status_ = Status::NotSupported(
        "BlockBasedTable format_version " + std::to_string(format_version_) +
        " is written only uncompressed or with Snappy");
    return;
  }
  // Only the new footer can name another checksum type; RocksDB then
  // writes version 1.
  if (format_version_ == 0 && table_options_.checksum != kCRC32c) {
    format_version_ = 1;
  }
  const ColumnFamilyOptions* cf = options_.cf_options;
  if (table_options_.filter_policy != nullptr && !options_.skip_filters) {
    FilterBuildingContext context(table_options_);
    if (cf != nullptr) {
      context.compaction_style = cf->compaction_style;
      context.num_levels = cf->num_levels;
    }
    if (options_.db_options != nullptr) {
      context.info_log = options_.db_options->info_log.get();
    }
    context.column_family_name = options_.column_family_name;
    context.level_at_creation = options_.level_at_creation;
    context.is_bottommost = options_.is_bottommost;
    context.reason = options_.reason;
    std::unique_ptr<FilterBitsBuilder> bits(
        table_options_.filter_policy->GetBuilderWithContext(context));
    if (bits != nullptr) {
      filter_.reset(new FilterAdder(
          std::move(bits), cf != nullptr ? cf->prefix_extractor.get() : nullptr,
          table_options_.whole_key_filtering));
      props_.filter_policy_name = table_options_.filter_policy->Name();
    }
  }
  TablePropertiesCollectorFactory::Context context;
  context.column_family_id = options_.column_family_id;
  context.level_at_creation = options_.level_at_creation;
  auto create_collectors =
      [&](const std::vector<std::shared_ptr<TablePropertiesCollectorFactory>>&
              factories) {
        for (const auto& factory : factories) {
          if (factory == nullptr) continue;
          TablePropertiesCollector* collector =
              factory->CreateTablePropertiesCollector(context);
          if (collector != nullptr) collectors_.emplace_back(collector);
        }
      };
  if (cf != nullptr)
    create_collectors(cf->table_properties_collector_factories);
  create_collectors(options_.internal_collector_factories);
  FillStaticProperties();
}

BlockBasedTableBuilder::~BlockBasedTableBuilder() = default;

void BlockBasedTableBuilder::FillStaticProperties() {
  const ColumnFamilyOptions* cf = options_.cf_options;
  props_.format_version = 0;  // the properties format, not the table's
  props_.fixed_key_len = 0;
  props_.column_family_id = options_.column_family_id;
  props_.column_family_name = options_.column_family_name;
  props_.comparator_name = icmp_->user_comparator()->Name();
  props_.merge_operator_name = cf != nullptr && cf->merge_operator != nullptr
                                   ? cf->merge_operator->Name()
                                   : "nullptr";
  props_.prefix_extractor_name =
      cf != nullptr && cf->prefix_extractor != nullptr
          ? cf->prefix_extractor->AsString()
          : "nullptr";
  std::string collectors = "[";
  if (cf != nullptr) {
    bool first = true;
    for (const auto& factory : cf->table_properties_collector_factories) {
      if (factory == nullptr) continue;
      if (!first) collectors += ",";
      collectors += factory->Name();
      first = false;
    }
  }
  props_.property_collectors_names = collectors + "]";
  props_.compression_name = CompressionTypeToString(options_.compression_type);
  props_.compression_options =
      CompressionOptionsToString(options_.compression_opts);
  props_.creation_time = options_.creation_time;
  props_.oldest_key_time = options_.oldest_key_time;
  props_.file_creation_time = options_.file_creation_time;
  props_.db_id = options_.db_id;
  props_.db_session_id = options_.db_session_id;
  props_.db_host_id = options_.db_host_id;
  props_.orig_file_number = options_.cur_file_num;
}

void BlockBasedTableBuilder::SetStatus(const Status& s) {
  if (status_.ok() && !s.ok()) status_ = s;
}

void BlockBasedTableBuilder::SetIOStatus(const IOStatus& s) {
  if (io_status_.ok() && !s.ok()) io_status_ = s;
  SetStatus(s);
}

void BlockBasedTableBuilder::Add(const Slice& key, const Slice& value) {
  if (!ok() || closed_) return;
  ParsedInternalKey ikey;
  Status s = ParseInternalKey(key, &ikey, false /* log_err_key */);
  if (!s.ok()) {
    SetStatus(s);
    return;
  }
  if (ikey.type == kTypeRangeDeletion) {
    AddRangeTombstone(key, value, ikey.sequence);
    return;
  }
  // Keys are trusted to come in order (as in RocksDB, no check here).
  if (!data_block_->empty()) {
    const uint64_t block_size = table_options_.block_size;
    const size_t current = data_block_->CurrentSizeEstimate();
    bool cut = current >= block_size;
    const int deviation = table_options_.block_size_deviation;
    if (!cut && deviation > 0 && deviation <= 100) {
      // Cut early when the entry would overflow a block already close to
      // full (within block_size_deviation percent).
      const uint64_t close_enough = (block_size * (100 - deviation) + 99) / 100;
      cut = SizeAfterAdding(current, key, value) > block_size &&
            current > close_enough;
    }
    if (cut) {
      FlushDataBlock(&key);
      if (!ok()) return;
    }
  }
  if (filter_ != nullptr) filter_->Add(ikey.user_key);
  data_block_->Add(key, value);
  last_key_.assign(key.data(), key.size());

  props_.num_entries++;
  props_.raw_key_size += key.size();
  props_.raw_value_size += value.size();
  if (ikey.type == kTypeDeletion || ikey.type == kTypeSingleDeletion ||
      ikey.type == kTypeDeletionWithTimestamp) {
    props_.num_deletions++;
  } else if (ikey.type == kTypeMerge) {
    props_.num_merge_operands++;
  }
  for (auto& collector : collectors_) {
    // A collector's error only loses its own properties, as in RocksDB.
    collector
        ->AddUserKey(ikey.user_key, value, EntryTypeOf(ikey.type),
                     ikey.sequence, offset_)
        .PermitUncheckedError();
  }
}

size_t BlockBasedTableBuilder::SizeAfterAdding(size_t current, const Slice& key,
                                               const Slice& value) const {
  // Counted as RocksDB's size-based flush policy does (the exact cut points
  // depend on it): the whole key, four bytes for the shared-length varint,
  // the other two varints, and a restart slot when the entry starts a
  // restart interval.
  size_t after = current + key.size() + value.size() + sizeof(uint32_t) +
                 VarintLength(key.size()) + VarintLength(value.size());
  const size_t interval =
      static_cast<size_t>(std::max(1, table_options_.block_restart_interval));
  if (data_block_->NumEntries() % interval == 0) after += sizeof(uint32_t);
  return after;
}

void BlockBasedTableBuilder::AddRangeTombstone(const Slice& key,
                                               const Slice& value,
                                               SequenceNumber seq) {
  range_del_block_->Add(key, value);
  props_.num_range_deletions++;
  props_.num_entries++;
  props_.num_deletions++;
  props_.raw_key_size += key.size();
  props_.raw_value_size += value.size();
  for (auto& collector : collectors_) {
    collector
        ->AddUserKey(ExtractUserKey(key), value, kEntryRangeDeletion, seq,
                     offset_)
        .PermitUncheckedError();
  }
}

void BlockBasedTableBuilder::FlushDataBlock(const Slice* next_key) {
  if (data_block_->empty()) return;
  const Slice raw = data_block_->Finish();
  BlockHandle handle;
  WriteMaybeCompressedBlock(raw, true, &handle);
  data_block_->Reset();
  if (!ok()) return;
  props_.num_data_blocks++;
  props_.data_size = offset_;
  index_->AddEntry(last_key_, next_key, handle);
}

void BlockBasedTableBuilder::WriteMaybeCompressedBlock(const Slice& raw,
                                                       bool compressible,
                                                       BlockHandle* handle) {
  for (auto& collector : collectors_) {
    collector->BlockAdd(raw.size(), 0, 0);
  }
  const CompressionType type = options_.compression_type;
  if (compressible && type != kNoCompression &&
      CompressBlock(type, options_.compression_opts, raw, &compressed_) &&
      GoodCompressionRatio(compressed_.size(), raw.size())) {
    if (table_options_.verify_compression) {
      BlockContents check;
      Status s =
          UncompressBlock(type, compressed_.data(), compressed_.size(), &check);
      if (!s.ok() || check.data != raw) {
        SetStatus(Status::Corruption(
            "Decompressed block did not match the raw block: " +
            file_->file_name()));
        return;
      }
    }
    WriteStoredBlock(compressed_, type, handle);
    return;
  }
  WriteStoredBlock(raw, kNoCompression, handle);
}

void BlockBasedTableBuilder::WriteStoredBlock(const Slice& stored,
                                              CompressionType type,
                                              BlockHandle* handle) {
  handle->set_offset(offset_);
  handle->set_size(stored.size());
  char trailer[kBlockTrailerSize];
  trailer[0] = static_cast<char>(type);
  EncodeFixed32(trailer + 1,
                ComputeBlockChecksum(table_options_.checksum, stored.data(),
                                     stored.size(), trailer[0]));
  IOStatus s = file_->Append(stored);
  if (s.ok()) s = file_->Append(Slice(trailer, kBlockTrailerSize));
  if (!s.ok()) {
    SetIOStatus(s);
    return;
  }
  offset_ += stored.size() + kBlockTrailerSize;
}

void BlockBasedTableBuilder::WriteFilterBlock(
    std::vector<std::pair<std::string, BlockHandle>>* meta) {
  if (filter_ == nullptr) return;
  props_.num_filter_entries = filter_->NumEntries();
  if (props_.num_filter_entries == 0) return;  // RocksDB writes no block
  std::unique_ptr<const char[]> buf;
  const Slice contents = filter_->Finish(&buf);
  BlockHandle handle;
  WriteStoredBlock(contents, kNoCompression, &handle);
  if (!ok()) return;
  props_.filter_size = contents.size();
  meta->emplace_back(std::string(kFullFilterBlockPrefix) +
                         table_options_.filter_policy->CompatibilityName(),
                     handle);
}

void BlockBasedTableBuilder::WriteRangeDelBlock(
    std::vector<std::pair<std::string, BlockHandle>>* meta) {
  if (range_del_block_->empty()) return;
  BlockHandle handle;
  WriteStoredBlock(range_del_block_->Finish(), kNoCompression, &handle);
  if (ok()) meta->emplace_back(kRangeDelBlockName, handle);
}

void BlockBasedTableBuilder::WritePropertiesBlock(
    std::vector<std::pair<std::string, BlockHandle>>* meta) {
  UserCollectedProperties& user = props_.user_collected_properties;
  for (auto& collector : collectors_) {
    // As in RocksDB, a failing collector is skipped (its output may be
    // partial).
    collector->Finish(&user).PermitUncheckedError();
    for (const auto& kv : collector->GetReadableProperties()) {
      props_.readable_properties.insert(kv);
    }
  }
  // What RocksDB's own block-based collector records. The index written
  // here is always a binary-search index (type 0).
  std::string index_type;
  PutFixed32(&index_type, BlockBasedTableOptions::kBinarySearch);
  user["rocksdb.block.based.table.index.type"] = index_type;
  const ColumnFamilyOptions* cf = options_.cf_options;
  const bool prefix_filtering =
      cf != nullptr && cf->prefix_extractor != nullptr;
  user["rocksdb.block.based.table.prefix.filtering"] =
      prefix_filtering ? "1" : "0";
  user["rocksdb.block.based.table.whole.key.filtering"] =
      table_options_.whole_key_filtering ? "1" : "0";

  std::string contents;
  EncodePropertiesBlock(props_, &contents);
  BlockHandle handle;
  WriteStoredBlock(contents, kNoCompression, &handle);
  if (ok()) meta->emplace_back(kPropertiesBlockName, handle);
}

Status BlockBasedTableBuilder::Finish() {
  if (closed_) return status_;
  closed_ = true;
  if (!ok()) return status_;
  FlushDataBlock(nullptr);

  std::vector<std::pair<std::string, BlockHandle>> meta;
  WriteFilterBlock(&meta);

  const Slice index_contents = index_->Finish(&props_);
  BlockHandle index_handle;
  if (ok()) {
    WriteMaybeCompressedBlock(
        index_contents, table_options_.enable_index_compression, &index_handle);
  }
  // RocksDB records the uncompressed size here (plus the trailer).
  if (ok()) props_.index_size = index_contents.size() + kBlockTrailerSize;

  if (ok()) WriteRangeDelBlock(&meta);
  if (ok()) WritePropertiesBlock(&meta);
  if (!ok()) return status_;

  std::sort(meta.begin(), meta.end(),
            [](const std::pair<std::string, BlockHandle>& a,
               const std::pair<std::string, BlockHandle>& b) {
              return a.first < b.first;
            });
  BlockBuilder metaindex(1);
  for (const auto& entry : meta) {
    std::string encoded;
    entry.second.EncodeTo(&encoded);
    metaindex.Add(entry.first, encoded);
  }
  BlockHandle metaindex_handle;
  WriteStoredBlock(metaindex.Finish(), kNoCompression, &metaindex_handle);
  if (!ok()) return status_;

  Footer footer;
  footer.Build(table_options_.checksum, metaindex_handle, index_handle,
               format_version_);
  std::string encoded;
  footer.EncodeTo(&encoded);
  IOStatus s = file_->Append(encoded);
  if (!s.ok()) {
    SetIOStatus(s);
    return status_;
  }
  offset_ += encoded.size();
  return status_;
}

void BlockBasedTableBuilder::Abandon() { closed_ = true; }

uint64_t BlockBasedTableBuilder::EstimatedFileSize() const {
  return closed_ ? offset_ : offset_ + data_block_->CurrentSizeEstimate();
}

std::string BlockBasedTableBuilder::GetFileChecksum() const {
  return file_ != nullptr ? file_->GetFileChecksum() : std::string();
}

const char* BlockBasedTableBuilder::GetFileChecksumFuncName() const {
  return file_ != nullptr ? file_->GetFileChecksumFuncName() : "Unknown";
}

bool BlockBasedTableBuilder::NeedCompact() const {
  for (const auto& collector : collectors_) {
    if (collector->NeedCompact()) return true;
  }
  return false;
}

}  // namespace ROCKSDB_NAMESPACE
