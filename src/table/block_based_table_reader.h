// Copyright (c) the rocksdb-cleanroom authors.
//
// BlockBasedTable: the TableReader of the block-based table format
// (../shared/specs/ROCKSDB_FORMAT_SPEC.md section 5). Open reads the
// footer, metaindex, properties, range-deletion block, full filter and
// index; data blocks are read on demand through the block cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "rocksdb/table_properties.h"
#include "table/block.h"
#include "table/block_cache_access.h"
#include "table/format.h"
#include "table/range_tombstone_fragmenter.h"
#include "table/table_reader.h"

namespace ROCKSDB_NAMESPACE {

class RandomAccessFileReader;
class SliceTransform;

// Thread-safe after Open: every method may run on many threads at once.
class BlockBasedTable : public TableReader {
 public:
  // Opens the table in file (file_size bytes). topts' pointers and the
  // table options' cache and filter policy must outlive the reader. With
  // table_options.cache_index_and_filter_blocks the index and filter live
  // in the block cache (loaded now when prefetch_index_and_filter_in_cache)
  // and are pinned there for L0 files when the pinning options say so;
  // otherwise the reader holds them. Errors: Corruption naming the file
  // for a bad footer / block; NotSupported for an index type other than
  // binary search.
  static Status Open(const ReadOptions& ro, const TableReaderOptions& topts,
                     const BlockBasedTableOptions& table_options,
                     std::unique_ptr<RandomAccessFileReader>&& file,
                     uint64_t file_size,
                     std::unique_ptr<TableReader>* table_reader,
                     bool prefetch_index_and_filter_in_cache = true);

  ~BlockBasedTable() override;

  InternalIterator* NewIterator(const ReadOptions& ro,
                                const SliceTransform* prefix_extractor,
                                Arena* arena, bool skip_filters,
                                TableReaderCaller caller) override;
  InternalIterator* NewRangeTombstoneIterator(const ReadOptions& ro) override;
  Status Get(const ReadOptions& ro, const Slice& key, GetContext* get_context,
             const SliceTransform* prefix_extractor,
             bool skip_filters = false) override;
  bool KeyMayMatch(const ReadOptions& ro, const Slice& user_key) override;
  bool PrefixMayMatch(const ReadOptions& ro, const Slice& user_key) override;
  uint64_t ApproximateOffsetOf(const Slice& key,
                               TableReaderCaller caller) override;
  uint64_t ApproximateSize(const Slice& start, const Slice& end,
                           TableReaderCaller caller) override;
  std::shared_ptr<const TableProperties> GetTableProperties() const override;
  size_t ApproximateMemoryUsage() const override;
  Status VerifyChecksum(const ReadOptions& ro,
                        TableReaderCaller caller) override;

  // The file's range tombstones, fragmented once at open (keys carry the
  // global sequence number of ingested files); null when it has none.
  std::shared_ptr<const FragmentedRangeTombstoneList> range_tombstone_list()
      const {
    return range_tombstones_;
  }
  // kDisableGlobalSequenceNumber unless the file is an ingested one.
  SequenceNumber global_seqno() const { return global_seqno_; }
  const Footer& footer() const { return footer_; }

 private:
  struct MetaHandles;

  BlockBasedTable(const TableReaderOptions& topts,
                  const BlockBasedTableOptions& table_options,
                  std::unique_ptr<RandomAccessFileReader>&& file);

  Status ReadMetaBlocks(const ReadOptions& ro, uint64_t file_size,
                        bool prefetch_index_and_filter_in_cache);
  Status ReadMetaIndex(const ReadOptions& ro, MetaHandles* handles);
  Status ReadProperties(const ReadOptions& ro, const BlockHandle& handle);
  Status ReadRangeDeletions(const ReadOptions& ro, const BlockHandle& handle);
  // Applies the properties: index encoding, global sequence number.
  Status ApplyProperties();

  // The index block, from the reader or the cache (out then holds the
  // cache reference; it stays empty when the reader owns the block).
  Status GetIndexBlock(const ReadOptions& ro, Block** block,
                       CachableEntry<Block>* holder,
                       GetContextStats* cs = nullptr) const;
  // The filter (null when the table has none we can use).
  Status GetFilter(const ReadOptions& ro, ParsedFullFilter** filter,
                   CachableEntry<ParsedFullFilter>* holder,
                   GetContextStats* cs = nullptr) const;
  // True unless the filter proves user_key (or its prefix) absent.
  // *checked_whole_key: the whole-key filter was consulted.
  bool FilterMayMatch(const ReadOptions& ro, const Slice& user_key,
                      const SliceTransform* prefix_extractor,
                      GetContext* get_context, bool* checked_whole_key) const;
  // Whether the file's filter holds whole keys / prefixes of
  // prefix_extractor (per its properties).
  bool FilterHasWholeKeys() const;
  bool FilterHasPrefixes(const SliceTransform* prefix_extractor) const;

  // Finds the data blocks of key through the index and runs them.
  // *matched: an entry of the user key was met.
  Status GetFromDataBlocks(const ReadOptions& ro, const Slice& key,
                           GetContext* get_context, bool* matched) const;
  // Runs the entries of one data block through get_context; *done once it
  // decided or met another user key.
  Status GetFromBlock(const ReadOptions& ro, const BlockHandle& handle,
                      const Slice& key, bool seek, GetContext* get_context,
                      bool* done, bool* matched) const;

  void RecordTick(uint32_t ticker, uint64_t n = 1) const;
  // "<message> in <file>" as Corruption / the same kind as s.
  Status Annotate(const Status& s) const;

  // Constant after Open.
  const TableReaderOptions topts_;
  const InternalKeyComparator icmp_;
  const BlockBasedTableOptions table_options_;
  const std::unique_ptr<RandomAccessFileReader> file_;
  Footer footer_;
  std::unique_ptr<TableBlockSource> source_;
  std::shared_ptr<const TableProperties> props_;
  bool index_key_is_user_key_ = false;
  bool index_value_is_delta_encoded_ = false;
  SequenceNumber global_seqno_ = kDisableGlobalSequenceNumber;
  // Meta blocks go through the block cache (else the reader owns them).
  bool meta_in_cache_ = false;
  // The column family's prefix extractor when the file was opened (kept
  // alive here when it came from topts.cf_options).
  std::shared_ptr<const SliceTransform> prefix_extractor_holder_;
  const SliceTransform* prefix_extractor_ = nullptr;

  BlockHandle index_handle_;
  std::unique_ptr<Block> index_block_;  // owned index (not in cache)
  CachableEntry<Block> pinned_index_;   // pinned cache entry, or empty

  BlockHandle filter_handle_;                      // null when no usable filter
  std::unique_ptr<ParsedFullFilter> filter_;       // owned filter
  CachableEntry<ParsedFullFilter> pinned_filter_;  // pinned entry

  std::unique_ptr<Block> range_del_block_;
  std::shared_ptr<const FragmentedRangeTombstoneList> range_tombstones_;
};

}  // namespace ROCKSDB_NAMESPACE
