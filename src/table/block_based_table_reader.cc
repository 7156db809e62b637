// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTable: opening a table file and answering reads from it
// (spec 5 of ../shared/specs/ROCKSDB_FORMAT_SPEC.md).
//
// Open:  footer (last 53 bytes) -> metaindex -> properties (optional)
//        -> range-del block (fragmented once) -> full filter -> index.
// Get:   range tombstones raise the covering sequence (unless the read
//        ignores range deletions), the filter may rule the key out, the
//        index names the data block, whose entries of the user key go to
//        the GetContext (and on into the next block when the key's entries
//        straddle a block boundary).

#include "table/block_based_table_reader.h"

#include <algorithm>
#include <map>
#include <new>
#include <utility>

#include "env/random_access_file_reader.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/statistics.h"
#include "table/block_based_table_iterator.h"
#include "table/get_context.h"
#include "table/properties_block.h"
#include "util/arena.h"
#include "util/coding.h"
#include "util/perf_context_imp.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Properties RocksDB's block-based table collector records.
const char* const kIndexTypeProperty = "rocksdb.block.based.table.index.type";
const char* const kWholeKeyFilteringProperty =
    "rocksdb.block.based.table.whole.key.filtering";
const char* const kPrefixFilteringProperty =
    "rocksdb.block.based.table.prefix.filtering";
// Properties of files written by SstFileWriter.
const char* const kExternalVersionProperty =
    "rocksdb.external_sst_file.version";
const char* const kExternalGlobalSeqnoProperty =
    "rocksdb.external_sst_file.global_seqno";
// Older name of the properties block.
const char* const kPropertiesBlockOldName = "rocksdb.stats";

const char* IndexTypeName(uint32_t type) {
  switch (type) {
    case BlockBasedTableOptions::kBinarySearch:
      return "kBinarySearch";
    case BlockBasedTableOptions::kHashSearch:
      return "kHashSearch";
    case BlockBasedTableOptions::kTwoLevelIndexSearch:
      return "kTwoLevelIndexSearch";
    case BlockBasedTableOptions::kBinarySearchWithFirstKey:
      return "kBinarySearchWithFirstKey";
  }
  return "unknown";
}

// The user-collected property name, if present.
const std::string* UserProperty(const TableProperties& props,
                                const char* name) {
  auto it = props.user_collected_properties.find(name);
  return it == props.user_collected_properties.end() ? nullptr : &it->second;
}

// The message of s without its "Corruption: " style prefix.
std::string StatusMessage(const Status& s) {
  return s.getState() != nullptr ? s.getState() : "";
}

}  // namespace

// Handles found in the metaindex (null when the block is absent).
struct BlockBasedTable::MetaHandles {
  BlockHandle properties;
  BlockHandle range_del;
  BlockHandle filter;
};

BlockBasedTable::BlockBasedTable(const TableReaderOptions& topts,
                                 const BlockBasedTableOptions& table_options,
                                 std::unique_ptr<RandomAccessFileReader>&& file)
    : topts_(topts),
      icmp_(*topts.internal_comparator),
      table_options_(table_options),
      file_(std::move(file)),
      prefix_extractor_(topts.prefix_extractor) {
  if (topts.cf_options != nullptr &&
      topts.cf_options->prefix_extractor.get() == topts.prefix_extractor) {
    prefix_extractor_holder_ = topts.cf_options->prefix_extractor;
  }
}

BlockBasedTable::~BlockBasedTable() = default;

Status BlockBasedTable::Open(const ReadOptions& ro,
                             const TableReaderOptions& topts,
                             const BlockBasedTableOptions& table_options,
                             std::unique_ptr<RandomAccessFileReader>&& file,
                             uint64_t file_size,
                             std::unique_ptr<TableReader>* table_reader,
                             bool prefetch_index_and_filter_in_cache) {
  table_reader->reset();
  if (topts.internal_comparator == nullptr || file == nullptr) {
    return Status::InvalidArgument(
        "BlockBasedTable::Open: comparator and file are required");
  }
  std::unique_ptr<BlockBasedTable> table(
      new BlockBasedTable(topts, table_options, std::move(file)));
  Status s =
      table->ReadMetaBlocks(ro, file_size, prefetch_index_and_filter_in_cache);
  if (s.ok()) *table_reader = std::move(table);
  return s;
}

void BlockBasedTable::RecordTick(uint32_t ticker, uint64_t n) const {
  if (topts_.statistics != nullptr) topts_.statistics->recordTick(ticker, n);
}

Status BlockBasedTable::Annotate(const Status& s) const {
  const std::string msg = StatusMessage(s) + " in " + file_->file_name();
  if (s.IsNotSupported()) return Status::NotSupported(msg);
  if (s.IsIOError()) return Status::IOError(msg);
  return Status::Corruption(msg);
}

// ---- Open -----------------------------------------------------------------

Status BlockBasedTable::ReadMetaBlocks(const ReadOptions& ro,
                                       uint64_t file_size, bool prefetch) {
  // Footer.
  if (file_size < Footer::kMinEncodedLength) {
    return Status::Corruption(
        "file is too short (" + std::to_string(file_size) +
        " bytes) to be an sstable: " + file_->file_name());
  }
  const size_t footer_len = static_cast<size_t>(
      std::min<uint64_t>(file_size, Footer::kNewVersionsEncodedLength));
  std::string scratch(footer_len, '\0');
  Slice input;
  IOStatus io = file_->Read(IOOptions(), file_size - footer_len, footer_len,
                            &input, &scratch[0]);
  if (!io.ok()) return io;
  if (input.size() != footer_len) {
    return Status::Corruption(
        "file is too short (" + std::to_string(input.size()) +
        " bytes) to be an sstable: " + file_->file_name());
  }
  Status s = footer_.DecodeFrom(input, file_size - footer_len);
  if (!s.ok()) return Annotate(s);
  index_handle_ = footer_.index_handle();

  Cache* cache = table_options_.no_block_cache
                     ? nullptr
                     : table_options_.block_cache.get();
  source_.reset(new TableBlockSource(
      file_.get(), footer_,
      cache != nullptr ? table_options_.block_cache : nullptr,
      topts_.statistics,
      table_options_.cache_index_and_filter_blocks_with_high_priority));
  meta_in_cache_ =
      cache != nullptr && table_options_.cache_index_and_filter_blocks;

  MetaHandles handles;
  s = ReadMetaIndex(ro, &handles);
  if (!s.ok()) return s;
  if (!handles.properties.IsNull()) {
    s = ReadProperties(ro, handles.properties);
  } else {
    props_ = std::make_shared<const TableProperties>();
  }
  if (s.ok()) s = ApplyProperties();
  if (s.ok() && !handles.range_del.IsNull()) {
    s = ReadRangeDeletions(ro, handles.range_del);
  }
  if (!s.ok()) return s;
  filter_handle_ = handles.filter;

  // Index and filter: owned by the reader, or in the block cache (loaded
  // and maybe pinned now).
  if (!meta_in_cache_) {
    BlockContents contents;
    s = source_->ReadBlock(ro, index_handle_, BlockKind::kIndex, &contents);
    if (!s.ok()) return s;
    index_block_.reset(new Block(std::move(contents)));
    if (!filter_handle_.IsNull()) {
      s = source_->ReadBlock(ro, filter_handle_, BlockKind::kFilter, &contents);
      if (!s.ok()) return s;
      filter_.reset(new ParsedFullFilter(std::move(contents)));
    }
    return Status::OK();
  }
  if (!prefetch) return Status::OK();
  bool pin = false;
  switch (table_options_.metadata_cache_options.unpartitioned_pinning) {
    case PinningTier::kFallback:
      pin = topts_.level == 0 &&
            table_options_.pin_l0_filter_and_index_blocks_in_cache;
      break;
    case PinningTier::kFlushedAndSimilar:
      pin = topts_.level == 0;
      break;
    case PinningTier::kAll:
      pin = true;
      break;
    case PinningTier::kNone:
      break;
  }
  CachableEntry<Block> index;
  s = source_->GetBlock(ro, index_handle_, BlockKind::kIndex, true, &index);
  if (!s.ok()) return s;
  if (pin) pinned_index_ = std::move(index);
  if (!filter_handle_.IsNull()) {
    CachableEntry<ParsedFullFilter> filter;
    s = source_->GetFilter(ro, filter_handle_, true, &filter);
    if (!s.ok()) return s;
    if (pin) pinned_filter_ = std::move(filter);
  }
  return Status::OK();
}

Status BlockBasedTable::ReadMetaIndex(const ReadOptions& ro,
                                      MetaHandles* handles) {
  BlockContents contents;
  Status s = source_->ReadBlock(ro, footer_.metaindex_handle(),
                                BlockKind::kIndex, &contents);
  if (!s.ok()) return s;
  Block metaindex(std::move(contents));
  std::string filter_name;
  if (table_options_.filter_policy != nullptr && !topts_.skip_filters) {
    filter_name = std::string(kFullFilterBlockPrefix) +
                  table_options_.filter_policy->CompatibilityName();
  }
  MetaBlockIter iter;
  metaindex.NewMetaIterator(&iter);
  for (iter.SeekToFirst(); iter.Valid(); iter.Next()) {
    const Slice name = iter.key();
    BlockHandle* target = nullptr;
    if (name == kPropertiesBlockName ||
        (name == kPropertiesBlockOldName && handles->properties.IsNull())) {
      target = &handles->properties;
    } else if (name == kRangeDelBlockName) {
      target = &handles->range_del;
    } else if (!filter_name.empty() && name == filter_name) {
      target = &handles->filter;
    }
    if (target != nullptr) {
      Slice v = iter.value();
      s = target->DecodeFrom(&v);
      if (!s.ok()) return Annotate(s);
    }
  }
  if (!iter.status().ok()) return Annotate(iter.status());
  return Status::OK();
}

Status BlockBasedTable::ReadProperties(const ReadOptions& ro,
                                       const BlockHandle& handle) {
  BlockContents contents;
  Status s = source_->ReadBlock(ro, handle, BlockKind::kIndex, &contents);
  if (!s.ok()) return s;
  auto props = std::make_shared<TableProperties>();
  s = DecodePropertiesBlock(contents.data, props.get(), handle.offset());
  if (!s.ok()) return Annotate(s);
  props_ = std::move(props);
  return Status::OK();
}

Status BlockBasedTable::ApplyProperties() {
  index_key_is_user_key_ = props_->index_key_is_user_key != 0;
  index_value_is_delta_encoded_ = props_->index_value_is_delta_encoded != 0;

  const std::string* type = UserProperty(*props_, kIndexTypeProperty);
  if (type != nullptr && type->size() >= 4) {
    const uint32_t t = DecodeFixed32(type->data());
    // A hash index adds prefix meta blocks to an ordinary binary-search
    // index block, which is all we read.
    if (t != BlockBasedTableOptions::kBinarySearch &&
        t != BlockBasedTableOptions::kHashSearch) {
      return Status::NotSupported(
          "block-based table index type " + std::string(IndexTypeName(t)) +
          " (" + std::to_string(t) +
          ") is not supported yet: " + file_->file_name());
    }
  }

  // Ingested files (external_sst_file.version >= 2) store their keys at
  // sequence 0 and are read at the global sequence number.
  const std::string* version = UserProperty(*props_, kExternalVersionProperty);
  const std::string* seqno =
      UserProperty(*props_, kExternalGlobalSeqnoProperty);
  if (version == nullptr) {
    if (seqno != nullptr) {
      return Status::Corruption(
          "A non-external sst file have global seqno property: " +
          file_->file_name());
    }
    return Status::OK();
  }
  if (version->size() < 4 || DecodeFixed32(version->data()) < 2) {
    return Status::OK();
  }
  SequenceNumber global = 0;
  if (seqno != nullptr && seqno->size() >= 8) {
    global = DecodeFixed64(seqno->data());
  }
  if (global != 0 && topts_.largest_seqno != 0 &&
      global != topts_.largest_seqno) {
    return Status::Corruption(
        "An external sst file with version " +
        std::to_string(DecodeFixed32(version->data())) +
        " have global seqno property with value " + std::to_string(global) +
        ", while largest seqno in the file is " +
        std::to_string(topts_.largest_seqno) + ": " + file_->file_name());
  }
  if (global == 0) global = topts_.largest_seqno;
  if (global != 0) global_seqno_ = global;
  return Status::OK();
}

Status BlockBasedTable::ReadRangeDeletions(const ReadOptions& ro,
                                           const BlockHandle& handle) {
  BlockContents contents;
  Status s = source_->ReadBlock(ro, handle, BlockKind::kData, &contents);
  if (!s.ok()) return s;
  range_del_block_.reset(new Block(std::move(contents)));
  std::unique_ptr<InternalIterator> iter(
      range_del_block_->NewDataIterator(&icmp_, nullptr, global_seqno_));
  auto list =
      std::make_shared<FragmentedRangeTombstoneList>(std::move(iter), icmp_);
  if (!list->status().ok()) return Annotate(list->status());
  if (!list->empty()) range_tombstones_ = std::move(list);
  return Status::OK();
}

// ---- Index and filter access ---------------------------------------------

Status BlockBasedTable::GetIndexBlock(const ReadOptions& ro, Block** block,
                                      CachableEntry<Block>* holder,
                                      GetContextStats* cs) const {
  if (index_block_ != nullptr) {
    *block = index_block_.get();
    return Status::OK();
  }
  if (!pinned_index_.IsEmpty()) {
    *block = pinned_index_.get();
    return Status::OK();
  }
  Status s =
      source_->GetBlock(ro, index_handle_, BlockKind::kIndex, true, holder, cs);
  *block = s.ok() ? holder->get() : nullptr;
  return s;
}

Status BlockBasedTable::GetFilter(const ReadOptions& ro,
                                  ParsedFullFilter** filter,
                                  CachableEntry<ParsedFullFilter>* holder,
                                  GetContextStats* cs) const {
  *filter = nullptr;
  if (filter_handle_.IsNull()) return Status::OK();
  if (filter_ != nullptr) {
    *filter = filter_.get();
    return Status::OK();
  }
  if (!pinned_filter_.IsEmpty()) {
    *filter = pinned_filter_.get();
    return Status::OK();
  }
  Status s = source_->GetFilter(ro, filter_handle_, true, holder, cs);
  if (s.ok()) *filter = holder->get();
  return s;
}

bool BlockBasedTable::FilterHasWholeKeys() const {
  const std::string* p = UserProperty(*props_, kWholeKeyFilteringProperty);
  return p != nullptr ? *p == "1" : table_options_.whole_key_filtering;
}

bool BlockBasedTable::FilterHasPrefixes(
    const SliceTransform* prefix_extractor) const {
  if (prefix_extractor == nullptr) return false;
  const std::string* p = UserProperty(*props_, kPrefixFilteringProperty);
  if (p != nullptr && *p != "1") return false;
  return props_->prefix_extractor_name == prefix_extractor->AsString();
}

bool BlockBasedTable::FilterMayMatch(const ReadOptions& ro,
                                     const Slice& user_key,
                                     const SliceTransform* prefix_extractor,
                                     GetContext* get_context,
                                     bool* checked_whole_key) const {
  *checked_whole_key = false;
  if (filter_handle_.IsNull()) return true;
  const bool whole = FilterHasWholeKeys();
  const bool prefix = !whole && FilterHasPrefixes(prefix_extractor) &&
                      prefix_extractor->InDomain(user_key);
  if (!whole && !prefix) return true;
  ParsedFullFilter* filter = nullptr;
  CachableEntry<ParsedFullFilter> holder;
  Status s = GetFilter(
      ro, &filter, &holder,
      get_context != nullptr ? &get_context->get_context_stats() : nullptr);
  if (!s.ok() || filter == nullptr) {
    return true;  // no filter at hand (e.g. not cached under no-I/O)
  }
  if (whole) {
    *checked_whole_key = true;
    const bool may = filter->reader->MayMatch(user_key);
    if (may) {
      RecordTick(BLOOM_FILTER_FULL_POSITIVE);
      PERF_COUNTER_ADD(bloom_sst_hit_count, 1);
    } else {
      RecordTick(BLOOM_FILTER_USEFUL);
      PERF_COUNTER_ADD(bloom_sst_miss_count, 1);
    }
    return may;
  }
  RecordTick(BLOOM_FILTER_PREFIX_CHECKED);
  const bool may =
      filter->reader->MayMatch(prefix_extractor->Transform(user_key));
  if (may) {
    PERF_COUNTER_ADD(bloom_sst_hit_count, 1);
  } else {
    RecordTick(BLOOM_FILTER_PREFIX_USEFUL);
    PERF_COUNTER_ADD(bloom_sst_miss_count, 1);
  }
  return may;
}

bool BlockBasedTable::KeyMayMatch(const ReadOptions& ro,
                                  const Slice& user_key) {
  if (filter_handle_.IsNull() || !FilterHasWholeKeys()) return true;
  bool checked = false;
  return FilterMayMatch(ro, user_key, nullptr, nullptr, &checked);
}

bool BlockBasedTable::PrefixMayMatch(const ReadOptions& ro,
                                     const Slice& user_key) {
  const SliceTransform* pe = prefix_extractor_;
  if (filter_handle_.IsNull() || !FilterHasPrefixes(pe) ||
      !pe->InDomain(user_key)) {
    return true;
  }
  ParsedFullFilter* filter = nullptr;
  CachableEntry<ParsedFullFilter> holder;
  if (!GetFilter(ro, &filter, &holder).ok() || filter == nullptr) return true;
  RecordTick(BLOOM_FILTER_PREFIX_CHECKED);
  const bool may = filter->reader->MayMatch(pe->Transform(user_key));
  if (!may) RecordTick(BLOOM_FILTER_PREFIX_USEFUL);
  return may;
}

// ---- Reads ----------------------------------------------------------------

Status BlockBasedTable::GetFromBlock(const ReadOptions& ro,
                                     const BlockHandle& handle,
                                     const Slice& key, bool seek,
                                     GetContext* get_context, bool* done,
                                     bool* matched) const {
  CachableEntry<Block> block;
  Status s = source_->GetBlock(ro, handle, BlockKind::kData, true, &block,
                               &get_context->get_context_stats());
  if (!s.ok()) return s;
  DataBlockIter iter;
  block->NewDataIterator(&icmp_, &iter, global_seqno_);
  if (seek) {
    iter.Seek(key);
  } else {
    iter.SeekToFirst();
  }
  for (; iter.Valid(); iter.Next()) {
    ParsedInternalKey parsed;
    s = ParseInternalKey(iter.key(), &parsed, false);
    if (!s.ok()) {
      return Status::Corruption(StatusMessage(s) + " in " + file_->file_name() +
                                " block at offset " +
                                std::to_string(handle.offset()));
    }
    bool entry_matched = false;
    bool more;
    // Values may be pinned in the cache instead of copied.
    const bool pinnable =
        parsed.type == kTypeValue || parsed.type == kTypeWideColumnEntity;
    if (pinnable && block.IsCached()) {
      Cleanable pinner;
      block.PinOn(&pinner);
      more =
          get_context->SaveValue(parsed, iter.value(), &entry_matched, &pinner);
    } else {
      more = get_context->SaveValue(parsed, iter.value(), &entry_matched);
    }
    if (entry_matched) *matched = true;
    if (!more) {
      *done = true;
      return Status::OK();
    }
  }
  s = iter.status();
  if (!s.ok()) {
    return Status::Corruption(StatusMessage(s) + " in " + file_->file_name() +
                              " block at offset " +
                              std::to_string(handle.offset()));
  }
  return Status::OK();
}

Status BlockBasedTable::Get(const ReadOptions& ro, const Slice& key,
                            GetContext* get_context,
                            const SliceTransform* prefix_extractor,
                            bool skip_filters) {
  const Slice user_key = ExtractUserKey(key);
  if (range_tombstones_ != nullptr && !ro.ignore_range_deletions) {
    const SequenceNumber covering =
        range_tombstones_->MaxCoveringTombstoneSeqnum(
            user_key, ExtractSequenceNumber(key));
    SequenceNumber* max_covering = get_context->max_covering_tombstone_seq();
    if (covering > *max_covering) *max_covering = covering;
  }
  bool checked_whole_key = false;
  bool matched = false;
  Status s;
  if (skip_filters || topts_.skip_filters ||
      FilterMayMatch(
          ro, user_key,
          prefix_extractor != nullptr ? prefix_extractor : prefix_extractor_,
          get_context, &checked_whole_key)) {
    s = GetFromDataBlocks(ro, key, get_context, &matched);
    if (!s.ok()) return s;
  }
  if (checked_whole_key && matched) {
    RecordTick(BLOOM_FILTER_FULL_TRUE_POSITIVE);
  }
  // A covering tombstone with no newer entry of the key here: every older
  // entry, in this file or older ones, is deleted (as in MemTable::Get).
  const SequenceNumber covering = *get_context->max_covering_tombstone_seq();
  if (covering > 0 && (get_context->State() == GetContext::kNotFound ||
                       get_context->State() == GetContext::kMerge)) {
    bool ignored = false;
    get_context->SaveValue(
        ParsedInternalKey(user_key, covering, kTypeRangeDeletion), Slice(),
        &ignored);
  }
  return Status::OK();
}

Status BlockBasedTable::GetFromDataBlocks(const ReadOptions& ro,
                                          const Slice& key,
                                          GetContext* get_context,
                                          bool* matched) const {
  Block* index = nullptr;
  CachableEntry<Block> index_holder;
  Status s = GetIndexBlock(ro, &index, &index_holder,
                           &get_context->get_context_stats());
  if (!s.ok()) return s;
  IndexBlockIter index_iter;
  index->NewIndexIterator(&icmp_, index_key_is_user_key_,
                          index_value_is_delta_encoded_, &index_iter);
  bool done = false;
  bool first = true;
  // The entries of the key may go on into the following blocks.
  for (index_iter.Seek(key); index_iter.Valid() && !done; index_iter.Next()) {
    s = GetFromBlock(ro, index_iter.value_handle(), key, first, get_context,
                     &done, matched);
    if (!s.ok()) return s;
    first = false;
  }
  if (!index_iter.status().ok()) return Annotate(index_iter.status());
  return Status::OK();
}

InternalIterator* BlockBasedTable::NewIterator(
    const ReadOptions& ro, const SliceTransform* /*prefix_extractor*/,
    Arena* arena, bool /*skip_filters*/, TableReaderCaller /*caller*/) {
  Block* index = nullptr;
  CachableEntry<Block> holder;
  Status s = GetIndexBlock(ro, &index, &holder);
  if (!s.ok()) return NewErrorInternalIterator(s, arena);
  if (arena == nullptr) {
    return new BlockBasedTableIterator(
        source_.get(), &icmp_, ro, index, std::move(holder),
        index_key_is_user_key_, index_value_is_delta_encoded_, global_seqno_,
        true);
  }
  void* mem = arena->AllocateAligned(sizeof(BlockBasedTableIterator));
  return new (mem) BlockBasedTableIterator(
      source_.get(), &icmp_, ro, index, std::move(holder),
      index_key_is_user_key_, index_value_is_delta_encoded_, global_seqno_,
      true);
}

InternalIterator* BlockBasedTable::NewRangeTombstoneIterator(
    const ReadOptions& /*ro*/) {
  if (range_del_block_ == nullptr) return nullptr;
  return range_del_block_->NewDataIterator(&icmp_, nullptr, global_seqno_);
}

// ---- Sizes, properties, checksums ----------------------------------------

uint64_t BlockBasedTable::ApproximateOffsetOf(const Slice& key,
                                              TableReaderCaller /*caller*/) {
  ReadOptions ro;
  ro.fill_cache = false;
  Block* index = nullptr;
  CachableEntry<Block> holder;
  if (!GetIndexBlock(ro, &index, &holder).ok()) return 0;
  IndexBlockIter iter;
  index->NewIndexIterator(&icmp_, index_key_is_user_key_,
                          index_value_is_delta_encoded_, &iter);
  iter.Seek(key);
  if (iter.Valid()) return iter.value_handle().offset();
  if (!iter.status().ok()) return 0;
  // Past the last key: the end of the data blocks.
  if (props_->data_size > 0) return props_->data_size;
  iter.SeekToLast();
  if (iter.Valid()) {
    const BlockHandle h = iter.value_handle();
    return h.offset() + h.size() + kBlockTrailerSize;
  }
  return 0;
}

uint64_t BlockBasedTable::ApproximateSize(const Slice& start, const Slice& end,
                                          TableReaderCaller caller) {
  const uint64_t a = ApproximateOffsetOf(start, caller);
  const uint64_t b = ApproximateOffsetOf(end, caller);
  return b > a ? b - a : 0;
}

std::shared_ptr<const TableProperties> BlockBasedTable::GetTableProperties()
    const {
  return props_;
}

size_t BlockBasedTable::ApproximateMemoryUsage() const {
  size_t usage = sizeof(*this);
  if (index_block_ != nullptr) usage += index_block_->ApproximateMemoryUsage();
  if (filter_ != nullptr) usage += filter_->ApproximateMemoryUsage();
  if (range_del_block_ != nullptr) {
    usage += range_del_block_->ApproximateMemoryUsage();
  }
  return usage;
}

Status BlockBasedTable::VerifyChecksum(const ReadOptions& ro,
                                       TableReaderCaller /*caller*/) {
  ReadOptions vro = ro;
  vro.verify_checksums = true;
  BlockContents contents;
  // The metaindex and every meta block it lists.
  Status s = source_->ReadBlock(vro, footer_.metaindex_handle(),
                                BlockKind::kIndex, &contents);
  if (!s.ok()) return s;
  Block metaindex(std::move(contents));
  MetaBlockIter meta_iter;
  metaindex.NewMetaIterator(&meta_iter);
  for (meta_iter.SeekToFirst(); meta_iter.Valid(); meta_iter.Next()) {
    BlockHandle handle;
    Slice v = meta_iter.value();
    s = handle.DecodeFrom(&v);
    if (!s.ok()) return Annotate(s);
    BlockContents meta;
    s = ReadBlockContents(file_.get(), footer_, vro, handle, &meta, false);
    if (!s.ok()) return s;
  }
  if (!meta_iter.status().ok()) return Annotate(meta_iter.status());
  // The index block and every data block.
  s = source_->ReadBlock(vro, index_handle_, BlockKind::kIndex, &contents);
  if (!s.ok()) return s;
  Block index(std::move(contents));
  IndexBlockIter iter;
  index.NewIndexIterator(&icmp_, index_key_is_user_key_,
                         index_value_is_delta_encoded_, &iter);
  for (iter.SeekToFirst(); iter.Valid(); iter.Next()) {
    BlockContents data;
    s = ReadBlockContents(file_.get(), footer_, vro, iter.value_handle(), &data,
                          false);
    if (!s.ok()) return s;
  }
  if (!iter.status().ok()) return Annotate(iter.status());
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
