// Copyright (c) the rocksdb-cleanroom authors.
//
// Helpers shared by the WriteBatch tests: a column family handle with a
// fixed id and comparator, a handler that records every callback as text,
// hex conversion and a header builder.
#pragma once

#include <string>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace ROCKSDB_NAMESPACE {
namespace test {

// Bytewise comparator whose keys end in a timestamp of ts_size bytes.
class TimestampComparator : public Comparator {
 public:
  explicit TimestampComparator(size_t ts_size) : Comparator(ts_size) {}
  const char* Name() const override { return "test.TimestampComparator"; }
  int Compare(const Slice& a, const Slice& b) const override {
    return a.compare(b);
  }
  void FindShortestSeparator(std::string*, const Slice&) const override {}
  void FindShortSuccessor(std::string*) const override {}
};

// A handle naming column family `id`; no DB behind it.
class FakeColumnFamily : public ColumnFamilyHandle {
 public:
  explicit FakeColumnFamily(uint32_t id,
                            const Comparator* cmp = BytewiseComparator())
      : id_(id), cmp_(cmp), name_("cf" + std::to_string(id)) {}
  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  Status GetDescriptor(ColumnFamilyDescriptor*) override {
    return Status::NotSupported("fake column family");
  }
  const Comparator* GetComparator() const override { return cmp_; }

 private:
  uint32_t id_;
  const Comparator* cmp_;
  std::string name_;
};

// Lower-case hex of every byte.
inline std::string ToHex(const std::string& s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// Inverse of ToHex. REQUIRES: hex has even length and only hex digits.
inline std::string FromHex(const std::string& hex) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1])));
  }
  return out;
}

// 12-byte batch header.
inline std::string Header(uint64_t seq, uint32_t count) {
  std::string s(12, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(seq >> (8 * i));
  for (int i = 0; i < 4; ++i) s[8 + i] = static_cast<char>(count >> (8 * i));
  return s;
}

// Records every callback as "Name(args)" with hex-encoded slices.
class TraceHandler : public WriteBatch::Handler {
 public:
  std::string trace;

  Status PutCF(uint32_t cf, const Slice& k, const Slice& v) override {
    return Add("Put", cf, k, &v);
  }
  Status PutEntityCF(uint32_t cf, const Slice& k, const Slice& v) override {
    return Add("PutEntity", cf, k, &v);
  }
  Status DeleteCF(uint32_t cf, const Slice& k) override {
    return Add("Delete", cf, k, nullptr);
  }
  Status SingleDeleteCF(uint32_t cf, const Slice& k) override {
    return Add("SingleDelete", cf, k, nullptr);
  }
  Status DeleteRangeCF(uint32_t cf, const Slice& b, const Slice& e) override {
    return Add("DeleteRange", cf, b, &e);
  }
  Status MergeCF(uint32_t cf, const Slice& k, const Slice& v) override {
    return Add("Merge", cf, k, &v);
  }
  Status PutBlobIndexCF(uint32_t cf, const Slice& k, const Slice& v) override {
    return Add("BlobIndex", cf, k, &v);
  }
  void LogData(const Slice& blob) override {
    trace += "LogData(" + blob.ToString(true) + ")";
  }
  Status MarkBeginPrepare(bool unprepare) override {
    trace += std::string("BeginPrepare(") + (unprepare ? "1" : "0") + ")";
    return Status::OK();
  }
  Status MarkEndPrepare(const Slice& xid) override {
    trace += "EndPrepare(" + xid.ToString(true) + ")";
    return Status::OK();
  }
  Status MarkNoop(bool empty_batch) override {
    trace += std::string("Noop(") + (empty_batch ? "1" : "0") + ")";
    return Status::OK();
  }
  Status MarkRollback(const Slice& xid) override {
    trace += "Rollback(" + xid.ToString(true) + ")";
    return Status::OK();
  }
  Status MarkCommit(const Slice& xid) override {
    trace += "Commit(" + xid.ToString(true) + ")";
    return Status::OK();
  }
  Status MarkCommitWithTimestamp(const Slice& xid, const Slice& ts) override {
    trace += "CommitTs(" + xid.ToString(true) + "," + ts.ToString(true) + ")";
    return Status::OK();
  }

 private:
  Status Add(const char* name, uint32_t cf, const Slice& a, const Slice* b) {
    trace +=
        std::string(name) + "(" + std::to_string(cf) + "," + a.ToString(true);
    if (b != nullptr) trace += "," + b->ToString(true);
    trace += ")";
    return Status::OK();
  }
};

// Iterates `batch` with a TraceHandler; returns "<status>|<trace>".
inline std::string Replay(const WriteBatch& batch) {
  TraceHandler handler;
  Status s = batch.Iterate(&handler);
  return s.ToString() + "|" + handler.trace;
}

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
