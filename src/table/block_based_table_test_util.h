// Copyright (c) the rocksdb-cleanroom authors.
//
// Helpers of the block-based table reader tests: open a table file with
// BlockBasedTable and scan it into a vector (building tables and finding
// the spec samples come from table_builder_test_util.h).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "env/random_access_file_reader.h"
#include "rocksdb/comparator.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/table.h"
#include "table/block_based_table_reader.h"
#include "table/table_builder_test_util.h"
#include "table/table_reader.h"
#include "util/dbformat.h"

namespace ROCKSDB_NAMESPACE {
namespace test {

// One point entry of a table, decoded.
struct Entry {
  std::string user_key;
  SequenceNumber seq;
  int type;
  std::string value;
  bool operator==(const Entry& o) const {
    return user_key == o.user_key && seq == o.seq && type == o.type &&
           value == o.value;
  }
};

inline std::ostream& operator<<(std::ostream& os, const Entry& e) {
  return os << "'" << Slice(e.user_key).ToString(true) << "' seq:" << e.seq
            << ", type:" << e.type << " => " << Slice(e.value).ToString(true);
}

// Opens fname with BlockBasedTable::Open.
inline Status OpenTable(const std::string& fname,
                        const BlockBasedTableOptions& table_options,
                        const TableReaderOptions& topts,
                        std::unique_ptr<TableReader>* reader) {
  std::shared_ptr<FileSystem> fs = FileSystem::Default();
  uint64_t size = 0;
  IOStatus io = fs->GetFileSize(fname, IOOptions(), &size, nullptr);
  if (!io.ok()) return io;
  std::unique_ptr<RandomAccessFileReader> file;
  io = RandomAccessFileReader::Create(fs, fname, FileOptions(), &file, nullptr);
  if (!io.ok()) return io;
  return BlockBasedTable::Open(ReadOptions(), topts, table_options,
                               std::move(file), size, reader);
}

// Every entry of it from SeekToFirst on; *status gets it->status().
inline std::vector<Entry> ScanForward(InternalIterator* it, Status* status) {
  std::vector<Entry> out;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ParsedInternalKey p;
    EXPECT_TRUE(ParseInternalKey(it->key(), &p, true).ok());
    out.push_back(Entry{p.user_key.ToString(), p.sequence,
                        static_cast<int>(p.type), it->value().ToString()});
  }
  *status = it->status();
  return out;
}

// The same walking backwards from SeekToLast (result in forward order).
inline std::vector<Entry> ScanBackward(InternalIterator* it, Status* status) {
  std::vector<Entry> out;
  for (it->SeekToLast(); it->Valid(); it->Prev()) {
    ParsedInternalKey p;
    EXPECT_TRUE(ParseInternalKey(it->key(), &p, true).ok());
    out.push_back(Entry{p.user_key.ToString(), p.sequence,
                        static_cast<int>(p.type), it->value().ToString()});
  }
  std::reverse(out.begin(), out.end());
  *status = it->status();
  return out;
}

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
