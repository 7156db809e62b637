// Copyright (c) the rocksdb-cleanroom authors.
//
// Test doubles for the utilities tests: a column family handle, a sorted
// in-memory Iterator, an in-memory DB built on StackableDB, a string-append
// merge operator and a logger that records lines. Test-only; nothing in the
// library includes this header.
#pragma once

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/env.h"
#include "rocksdb/iterator.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/options.h"
#include "rocksdb/utilities/stackable_db.h"

namespace ROCKSDB_NAMESPACE {
namespace test {

// Joins operands with ',' ("base,op1,op2"). Fails on the operand "fail".
class AppendMergeOperator : public MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& input,
                   MergeOperationOutput* output) const override {
    std::string result;
    if (input.existing_value != nullptr) {
      result = input.existing_value->ToString();
    }
    for (const Slice& operand : input.operand_list) {
      if (operand == Slice("fail")) {
        return false;
      }
      if (!result.empty() || input.existing_value != nullptr) {
        result.push_back(',');
      }
      result.append(operand.data(), operand.size());
    }
    output->new_value = std::move(result);
    return true;
  }
  const char* Name() const override { return "AppendMergeOperator"; }
};

class FakeColumnFamilyHandle : public ColumnFamilyHandle {
 public:
  FakeColumnFamilyHandle(uint32_t id, std::string name, const Comparator* cmp,
                         std::shared_ptr<MergeOperator> merge_operator)
      : id_(id),
        name_(std::move(name)),
        cmp_(cmp),
        merge_operator_(std::move(merge_operator)) {}

  const std::string& GetName() const override { return name_; }
  uint32_t GetID() const override { return id_; }
  Status GetDescriptor(ColumnFamilyDescriptor* desc) override {
    desc->name = name_;
    desc->options.comparator = cmp_;
    desc->options.merge_operator = merge_operator_;
    return Status::OK();
  }
  const Comparator* GetComparator() const override { return cmp_; }

 private:
  const uint32_t id_;
  const std::string name_;
  const Comparator* const cmp_;
  const std::shared_ptr<MergeOperator> merge_operator_;
};

// An Iterator over a copy of sorted (key, value) pairs.
class VectorIterator : public Iterator {
 public:
  using Entries = std::vector<std::pair<std::string, std::string>>;

  // REQUIRES: entries sorted by `cmp` without duplicates.
  VectorIterator(Entries entries, const Comparator* cmp)
      : entries_(std::move(entries)), cmp_(cmp), pos_(entries_.size()) {}

  bool Valid() const override { return pos_ < entries_.size(); }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override {
    pos_ = entries_.empty() ? entries_.size() : entries_.size() - 1;
  }
  void Seek(const Slice& target) override {
    pos_ = 0;
    while (pos_ < entries_.size() &&
           cmp_->Compare(entries_[pos_].first, target) < 0) {
      pos_++;
    }
  }
  void SeekForPrev(const Slice& target) override {
    pos_ = entries_.size();
    for (size_t i = 0; i < entries_.size(); i++) {
      if (cmp_->Compare(entries_[i].first, target) <= 0) {
        pos_ = i;
      }
    }
  }
  void Next() override { pos_++; }
  void Prev() override { pos_ = pos_ == 0 ? entries_.size() : pos_ - 1; }
  Slice key() const override { return entries_[pos_].first; }
  Slice value() const override { return entries_[pos_].second; }
  Status status() const override { return Status::OK(); }

 private:
  const Entries entries_;
  const Comparator* const cmp_;
  size_t pos_;
};

// A DB kept in maps, reached through the StackableDB forwarding layer (it
// has no base DB and overrides what the tests call). Only the default
// column family, bytewise ordered, with an AppendMergeOperator.
class FakeDB : public StackableDB {
 public:
  FakeDB()
      : StackableDB(static_cast<DB*>(nullptr)),
        default_cf_(0, kDefaultColumnFamilyName, BytewiseComparator(),
                    std::make_shared<AppendMergeOperator>()) {}

  DB* GetRootDB() override { return this; }
  const std::string& GetName() const override { return name_; }
  ColumnFamilyHandle* DefaultColumnFamily() const override {
    return const_cast<FakeColumnFamilyHandle*>(&default_cf_);
  }

  using StackableDB::Put;
  Status Put(const WriteOptions&, ColumnFamilyHandle* cf, const Slice& key,
             const Slice& value) override {
    data_[Key(cf, key)] = value.ToString();
    return Status::OK();
  }

  using StackableDB::Delete;
  Status Delete(const WriteOptions&, ColumnFamilyHandle* cf,
                const Slice& key) override {
    data_.erase(Key(cf, key));
    return Status::OK();
  }

  using StackableDB::Get;
  Status Get(const ReadOptions&, ColumnFamilyHandle* cf, const Slice& key,
             PinnableSlice* value) override {
    gets_++;
    auto it = data_.find(Key(cf, key));
    if (it == data_.end()) {
      return Status::NotFound();
    }
    value->PinSelf(it->second);
    return Status::OK();
  }

  using StackableDB::NewIterator;
  Iterator* NewIterator(const ReadOptions&, ColumnFamilyHandle* cf) override {
    VectorIterator::Entries entries;
    uint32_t id = cf == nullptr ? 0 : cf->GetID();
    for (const auto& kv : data_) {
      if (kv.first.first == id) {
        entries.emplace_back(kv.first.second, kv.second);
      }
    }
    return new VectorIterator(std::move(entries), BytewiseComparator());
  }

  int gets() const { return gets_; }

 private:
  static std::pair<uint32_t, std::string> Key(ColumnFamilyHandle* cf,
                                              const Slice& key) {
    return {cf == nullptr ? 0 : cf->GetID(), key.ToString()};
  }

  const std::string name_ = "fakedb";
  FakeColumnFamilyHandle default_cf_;
  std::map<std::pair<uint32_t, std::string>, std::string> data_;
  int gets_ = 0;
};

// Records every formatted line it is given.
class CapturingLogger : public Logger {
 public:
  CapturingLogger() : Logger(InfoLogLevel::INFO_LEVEL) {}

  using Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    char buf[1024];
    vsnprintf(buf, sizeof(buf), format, ap);
    lines.emplace_back(buf);
  }

  std::vector<std::string> lines;
};

}  // namespace test
}  // namespace ROCKSDB_NAMESPACE
