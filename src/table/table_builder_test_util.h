// Copyright (c) the rocksdb-cleanroom authors.
//
// Test helpers for the table builder tests: build a table into a file and
// get its bytes back, and take a table file apart (footer, metaindex,
// properties, index, data and range-deletion entries) with the block-level
// readers, independently of the table reader.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "env/writable_file_writer.h"
#include "gtest/gtest.h"
#include "rocksdb/file_system.h"
#include "rocksdb/table.h"
#include "table/block.h"
#include "table/block_based_table_factory.h"
#include "table/format.h"
#include "table/properties_block.h"
#include "table/table_builder.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {
namespace test {

using KVList = std::vector<std::pair<std::string, std::string>>;

inline std::string IKey(const std::string& user_key, SequenceNumber seq,
                        ValueType type) {
  return InternalKey(user_key, seq, type).Encode().ToString();
}

inline bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

// The RocksDB-written samples of the format spec, found beside the
// checkout (shared/specs/samples); empty when absent.
inline std::string SpecSamplesDir() {
  std::string here = __FILE__;  // .../src/table/this.h
  for (int i = 0; i < 3; ++i) here = here.substr(0, here.rfind('/'));
  const std::string candidates[] = {here + "/../shared/specs/samples",
                                    "/work/shared/specs/samples"};
  for (const std::string& dir : candidates) {
    std::string probe;
    if (ReadWholeFile(dir + "/02_tiny_flush_default_opts/000009.sst", &probe)) {
      return dir;
    }
  }
  return "";
}

// A fresh path under the test temp dir.
inline std::string TempSstPath(const std::string& name) {
  return testing::TempDir() + "/tbuilder_" + std::to_string(getpid()) + "_" +
         name + ".sst";
}

// Builds a table from entries (internal keys; range tombstones included,
// in the order given) with the factory's builder into path, and returns
// the file bytes in *bytes and the builder's properties in *props.
inline Status BuildSstFile(const BlockBasedTableOptions& table_options,
                           const TableBuilderOptions& options,
                           const KVList& entries, const std::string& path,
                           std::string* bytes,
                           TableProperties* props = nullptr) {
  std::unique_ptr<WritableFileWriter> writer;
  IOStatus io = WritableFileWriter::Create(FileSystem::Default(), path,
                                           FileOptions(), &writer, nullptr);
  if (!io.ok()) return io;
  BlockBasedTableFactory factory(table_options);
  std::unique_ptr<TableBuilder> builder(
      factory.NewTableBuilder(options, writer.get()));
  for (const auto& kv : entries) builder->Add(kv.first, kv.second);
  Status s = builder->Finish();
  if (props != nullptr) *props = builder->GetTableProperties();
  if (s.ok() && builder->FileSize() == 0) {
    s = Status::Corruption("builder reports an empty file");
  }
  uint64_t size = builder->FileSize();
  builder.reset();
  io = writer->Close();
  if (s.ok()) s = io;
  if (!s.ok()) return s;
  if (!ReadWholeFile(path, bytes)) return Status::IOError("cannot read back");
  if (bytes->size() != size) {
    return Status::Corruption("FileSize() disagrees with the file");
  }
  return Status::OK();
}

// A table file taken apart.
struct ParsedSst {
  Footer footer;
  std::map<std::string, BlockHandle> meta;  // metaindex
  TableProperties props;
  bool has_props = false;
  std::vector<std::string> index_keys;  // separators as stored
  std::vector<BlockHandle> data_handles;
  std::map<uint64_t, CompressionType> stored_types;  // block offset -> type
  KVList entries;     // point entries, in file order
  KVList range_dels;  // range-deletion block, in file order
};

// Reads the block at h (checksum verified), decompressed.
inline Status ReadSstBlock(const std::string& file, const Footer& footer,
                           const BlockHandle& h, BlockContents* contents,
                           CompressionType* type = nullptr) {
  if (h.offset() + h.size() + kBlockTrailerSize > file.size()) {
    return Status::Corruption("block handle past the end of the file");
  }
  Status s = BlockContentsFromStored(
      Slice(file.data() + h.offset(), h.size() + kBlockTrailerSize), footer,
      true, "test.sst", h.offset(), contents, true, type);
  if (!s.ok()) return s;
  // Own the bytes so that the caller may drop `file`.
  if (!contents->own_bytes()) {
    std::unique_ptr<char[]> buf(new char[contents->data.size()]);
    memcpy(buf.get(), contents->data.data(), contents->data.size());
    *contents = BlockContents(std::move(buf), contents->data.size());
  }
  return Status::OK();
}

inline Status ParseSstFile(const std::string& file, ParsedSst* out) {
  const InternalKeyComparator icmp(BytewiseComparator());
  size_t footer_len = std::min(file.size(), Footer::kNewVersionsEncodedLength);
  Status s = out->footer.DecodeFrom(
      Slice(file.data() + file.size() - footer_len, footer_len),
      file.size() - footer_len);
  if (!s.ok()) return s;
  BlockContents meta_contents;
  s = ReadSstBlock(file, out->footer, out->footer.metaindex_handle(),
                   &meta_contents);
  if (!s.ok()) return s;
  Block meta_block(std::move(meta_contents));
  std::unique_ptr<MetaBlockIter> mit(meta_block.NewMetaIterator());
  for (mit->SeekToFirst(); mit->Valid(); mit->Next()) {
    Slice v = mit->value();
    BlockHandle h;
    s = h.DecodeFrom(&v);
    if (!s.ok()) return s;
    out->meta[mit->key().ToString()] = h;
  }
  if (!mit->status().ok()) return mit->status();

  auto pit = out->meta.find(kPropertiesBlockName);
  if (pit != out->meta.end()) {
    BlockContents c;
    s = ReadSstBlock(file, out->footer, pit->second, &c);
    if (!s.ok()) return s;
    s = DecodePropertiesBlock(c.data, &out->props, pit->second.offset());
    if (!s.ok()) return s;
    out->has_props = true;
  }
  BlockContents index_contents;
  CompressionType type = kNoCompression;
  s = ReadSstBlock(file, out->footer, out->footer.index_handle(),
                   &index_contents, &type);
  if (!s.ok()) return s;
  out->stored_types[out->footer.index_handle().offset()] = type;
  Block index_block(std::move(index_contents));
  std::unique_ptr<IndexBlockIter> iit(index_block.NewIndexIterator(
      &icmp, out->props.index_key_is_user_key != 0,
      out->props.index_value_is_delta_encoded != 0));
  for (iit->SeekToFirst(); iit->Valid(); iit->Next()) {
    out->index_keys.push_back(iit->key().ToString());
    out->data_handles.push_back(iit->value_handle());
  }
  if (!iit->status().ok()) return iit->status();
  for (const BlockHandle& h : out->data_handles) {
    BlockContents c;
    s = ReadSstBlock(file, out->footer, h, &c, &type);
    if (!s.ok()) return s;
    out->stored_types[h.offset()] = type;
    Block block(std::move(c));
    std::unique_ptr<DataBlockIter> dit(block.NewDataIterator(&icmp));
    for (dit->SeekToFirst(); dit->Valid(); dit->Next()) {
      out->entries.emplace_back(dit->key().ToString(), dit->value().ToString());
    }
    if (!dit->status().ok()) return dit->status();
  }
  auto rit = out->meta.find(kRangeDelBlockName);
  if (rit != out->meta.end()) {
    BlockContents c;
    s = ReadSstBlock(file, out->footer, rit->second, &c, &type);
    if (!s.ok()) return s;
    out->stored_types[rit->second.offset()] = type;
    Block block(std::move(c));
    std::unique_ptr<DataBlockIter> dit(block.NewDataIterator(&icmp));
    for (dit->SeekToFirst(); dit->Valid(); dit->Next()) {
      out->range_dels.emplace_back(dit->key().ToString(),
                                   dit->value().ToString());
    }
    if (!dit->status().ok()) return dit->status();
  }
  return Status::OK();
}

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
