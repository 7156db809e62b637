// Copyright (c) the rocksdb-cleanroom authors.
//
// Same-source check: this program uses only the public RocksDB API. It is
// compiled once against Debian's RocksDB and once against ours, and the
// test (run_same_source.cmake) requires both to print exactly the same.
// Keep it to features that work in our engine today.

#include <cinttypes>
#include <cstdio>
#include <string>

#include "rocksdb/db.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "rocksdb/version.h"
#include "rocksdb/write_batch.h"

using ROCKSDB_NAMESPACE::ColumnFamilyHandle;
using ROCKSDB_NAMESPACE::Slice;
using ROCKSDB_NAMESPACE::SliceParts;
using ROCKSDB_NAMESPACE::Status;
using ROCKSDB_NAMESPACE::WriteBatch;

namespace {

// Prints every callback it receives.
class Printer : public WriteBatch::Handler {
 public:
  Status PutCF(uint32_t cf, const Slice& key, const Slice& value) override {
    std::printf("  PutCF(%u, %s, %s)\n", cf, key.ToString(true).c_str(),
                value.ToString(true).c_str());
    return Status::OK();
  }
  Status DeleteCF(uint32_t cf, const Slice& key) override {
    std::printf("  DeleteCF(%u, %s)\n", cf, key.ToString(true).c_str());
    return Status::OK();
  }
  Status SingleDeleteCF(uint32_t cf, const Slice& key) override {
    std::printf("  SingleDeleteCF(%u, %s)\n", cf, key.ToString(true).c_str());
    return Status::OK();
  }
  Status DeleteRangeCF(uint32_t cf, const Slice& begin,
                       const Slice& end) override {
    std::printf("  DeleteRangeCF(%u, %s, %s)\n", cf,
                begin.ToString(true).c_str(), end.ToString(true).c_str());
    return Status::OK();
  }
  Status MergeCF(uint32_t cf, const Slice& key, const Slice& value) override {
    std::printf("  MergeCF(%u, %s, %s)\n", cf, key.ToString(true).c_str(),
                value.ToString(true).c_str());
    return Status::OK();
  }
  void LogData(const Slice& blob) override {
    std::printf("  LogData(%s)\n", blob.ToString().c_str());
  }
};

// Enough of a handle for WriteBatch: a column family id.
class Family : public ColumnFamilyHandle {
 public:
  explicit Family(uint32_t id) : id_(id), name_("cf") {}
  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  Status GetDescriptor(ROCKSDB_NAMESPACE::ColumnFamilyDescriptor*) override {
    return Status::NotSupported();
  }
  const ROCKSDB_NAMESPACE::Comparator* GetComparator() const override {
    return ROCKSDB_NAMESPACE::BytewiseComparator();
  }

 private:
  uint32_t id_;
  std::string name_;
};

void PrintBatch(const char* title, const WriteBatch& batch) {
  std::printf("%s: count=%u size=%zu data=%s\n", title, batch.Count(),
              batch.GetDataSize(), Slice(batch.Data()).ToString(true).c_str());
  std::printf("  has put=%d delete=%d single=%d range=%d merge=%d\n",
              batch.HasPut(), batch.HasDelete(), batch.HasSingleDelete(),
              batch.HasDeleteRange(), batch.HasMerge());
  Printer printer;
  Status s = batch.Iterate(&printer);
  std::printf("  iterate: %s\n", s.ToString().c_str());
}

}  // namespace

int main() {
  std::printf("version %d.%d.%d\n", ROCKSDB_MAJOR, ROCKSDB_MINOR,
              ROCKSDB_PATCH);
  std::printf("default column family: %s\n",
              ROCKSDB_NAMESPACE::kDefaultColumnFamilyName.c_str());

  Slice hello("hello");
  std::printf("slice: %s hex=%s size=%zu starts_with_he=%d compare=%d\n",
              hello.ToString().c_str(), hello.ToString(true).c_str(),
              hello.size(), hello.starts_with("he"),
              hello.compare(Slice("help")));

  Family cf7(7);
  WriteBatch batch;
  batch.Put("key1", "value1");
  batch.Put(&cf7, "key2", "value2");
  batch.Delete("gone");
  batch.SingleDelete(&cf7, "once");
  batch.DeleteRange("a", "m");
  batch.Merge("counter", "+1");
  batch.PutLogData("replication marker");
  Slice key_parts[2] = {Slice("gat"), Slice("her")};
  Slice value_parts[3] = {Slice("a"), Slice("b"), Slice("c")};
  batch.Put(SliceParts(key_parts, 2), SliceParts(value_parts, 3));
  PrintBatch("batch", batch);

  batch.SetSavePoint();
  batch.Put("temporary", "x");
  std::printf("rollback: %s\n", batch.RollbackToSavePoint().ToString().c_str());
  std::printf("rollback again: %s\n",
              batch.RollbackToSavePoint().ToString().c_str());
  PrintBatch("after rollback", batch);

  WriteBatch copy(batch.Data());
  PrintBatch("copy from rep", copy);

  WriteBatch limited(0, 20);
  std::printf("limited: %s, %s\n", limited.Put("k", "v").ToString().c_str(),
              limited.Put("key", "value").ToString().c_str());

  WriteBatch::Handler base;
  std::printf("base handler on cf7: %s\n",
              batch.Iterate(&base).ToString().c_str());

  WriteBatch broken(std::string("\0\0\0\0\0\0\0\0\x01\0\0\0\x01\x05k", 15));
  Printer printer;
  std::printf("broken: %s\n", broken.Iterate(&printer).ToString().c_str());

  const Status statuses[] = {
      Status::OK(),
      Status::NotFound(),
      Status::NotFound("no such key"),
      Status::Corruption("bad block", "file 12"),
      Status::NotSupported(),
      Status::InvalidArgument("bad option"),
      Status::IOError("disk", "full"),
      Status::Incomplete(),
      Status::Aborted(),
      Status::Busy(),
      Status::TimedOut(),
      Status::TryAgain("later"),
      Status::MemoryLimit(),
      Status::NoSpace(),
      Status::PathNotFound("/nowhere"),
      Status::ColumnFamilyDropped(),
      Status::TxnNotPrepared(),
  };
  for (const Status& s : statuses) {
    std::printf("status: %s ok=%d code=%d subcode=%d\n", s.ToString().c_str(),
                s.ok(), static_cast<int>(s.code()),
                static_cast<int>(s.subcode()));
  }
  return 0;
}
