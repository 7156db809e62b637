// A tiny outside application used by tests/install_test.sh: it only uses
// the public API, exactly as an app built against RocksDB would.
#include <cstdio>

#include "rocksdb/db.h"
#include "rocksdb/version.h"
#include "rocksdb/write_batch.h"

int main() {
  rocksdb::WriteBatch batch;
  batch.Put("key", "value");
  batch.Delete("gone");
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, "/nonexistent/dir/db", &db);
  std::printf("version %d.%d.%d batch %d open %s\n", ROCKSDB_MAJOR,
              ROCKSDB_MINOR, ROCKSDB_PATCH, batch.Count(),
              s.ok() ? "ok" : "failed");
  delete db;
  return batch.Count() == 2 ? 0 : 1;
}
