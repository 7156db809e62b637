// Copyright (c) the rocksdb-cleanroom authors.
//
// The smallest RocksDB application: open a database, write, read, iterate.
// It compiles unchanged against real RocksDB. While a feature has not landed
// in our engine the call returns NotSupported, and the example says so.
#include <cstdio>
#include <memory>
#include <string>

#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "rocksdb/version.h"
#include "rocksdb/write_batch.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "/tmp/rocksdb_simple_example";
  std::printf("RocksDB API %s\n", rocksdb::GetRocksVersionAsString().c_str());

  rocksdb::WriteBatch batch;
  batch.Put("apple", "red");
  batch.Put("banana", "yellow");
  batch.Delete("cherry");
  std::printf("built a WriteBatch of %u entries, %zu bytes\n", batch.Count(),
              batch.GetDataSize());

  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw_db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, path, &raw_db);
  if (!s.ok()) {
    std::printf("DB::Open(%s): %s\n", path.c_str(), s.ToString().c_str());
    return 0;
  }
  std::unique_ptr<rocksdb::DB> db(raw_db);
  s = db->Write(rocksdb::WriteOptions(), &batch);
  std::printf("Write: %s\n", s.ToString().c_str());
  std::string value;
  s = db->Get(rocksdb::ReadOptions(), "apple", &value);
  std::printf("Get(apple): %s %s\n", s.ToString().c_str(), value.c_str());
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::printf("  %s => %s\n", it->key().ToString().c_str(),
                it->value().ToString().c_str());
  }
  std::printf("iterator: %s\n", it->status().ToString().c_str());
  it.reset();
  s = db->Close();
  std::printf("Close: %s\n", s.ToString().c_str());
  return 0;
}
