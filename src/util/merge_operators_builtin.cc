// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in merge operators (see util/merge_operators.h). Their results,
// names and option strings follow what RocksDB 7.8.3 was observed to do,
// including its quirks (sortlist ignores the existing value and its
// PartialMergeMulti succeeds without output; put and max hand back an input
// through existing_operand instead of copying).
#include <cerrno>
#include <climits>
#include <cstdarg>
#include <cstdlib>
#include <deque>
#include <unordered_map>
#include <vector>

#include "rocksdb/convenience.h"
#include "rocksdb/env.h"
#include "util/coding.h"
#include "util/merge_operators.h"

namespace ROCKSDB_NAMESPACE {

namespace {

void LogError(Logger* logger, const char* format, ...) {
  if (logger == nullptr ||
      logger->GetInfoLogLevel() > InfoLogLevel::ERROR_LEVEL)
    return;
  va_list ap;
  va_start(ap, format);
  logger->Logv(InfoLogLevel::ERROR_LEVEL, format, ap);
  va_end(ap);
}

// What put and put_v1 share: partial merges keep the newest operand, and
// both call themselves "PutOperator" (as RocksDB's do).
class PutOperatorBase : public MergeOperator {
 public:
  bool PartialMerge(const Slice& /*key*/, const Slice& /*left*/,
                    const Slice& right, std::string* new_value,
                    Logger* /*logger*/) const override {
    new_value->assign(right.data(), right.size());
    return true;
  }
  bool PartialMergeMulti(const Slice& /*key*/,
                         const std::deque<Slice>& operands,
                         std::string* new_value,
                         Logger* /*logger*/) const override {
    if (operands.empty()) return false;
    new_value->assign(operands.back().data(), operands.back().size());
    return true;
  }
  const char* Name() const override { return "PutOperator"; }
};

// PutOperator: the newest operand wins.
class PutOperator : public PutOperatorBase {
 public:
  bool FullMergeV2(const MergeOperationInput& in,
                   MergeOperationOutput* out) const override {
    if (in.operand_list.empty()) {
      out->new_value.clear();
      if (in.existing_value != nullptr) {
        out->new_value.assign(in.existing_value->data(),
                              in.existing_value->size());
      }
      return true;
    }
    out->existing_operand = in.operand_list.back();
    return true;
  }
};

// put_v1: the same through the deprecated FullMerge interface.
class DeprecatedPutOperator : public PutOperatorBase {
 public:
  bool FullMerge(const Slice& /*key*/, const Slice* existing_value,
                 const std::deque<std::string>& operands,
                 std::string* new_value, Logger* /*logger*/) const override {
    if (!operands.empty()) {
      *new_value = operands.back();
    } else if (existing_value != nullptr) {
      new_value->assign(existing_value->data(), existing_value->size());
    }
    return true;
  }
};

class UInt64AddOperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice& /*key*/, const Slice* existing_value,
             const Slice& value, std::string* new_value,
             Logger* logger) const override {
    uint64_t sum =
        existing_value == nullptr ? 0 : Decode(*existing_value, logger);
    sum += Decode(value, logger);  // wraps around, as RocksDB's does
    new_value->clear();
    PutFixed64(new_value, sum);
    return true;
  }
  const char* Name() const override { return "UInt64AddOperator"; }

 private:
  static uint64_t Decode(const Slice& s, Logger* logger) {
    if (s.size() == sizeof(uint64_t)) return DecodeFixed64(s.data());
    LogError(logger, "UInt64AddOperator: %zu-byte operand is not a fixed64",
             s.size());
    return 0;
  }
};

class MaxOperator : public MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in,
                   MergeOperationOutput* out) const override {
    const Slice* max = in.existing_value;
    for (const Slice& op : in.operand_list) {
      if (max == nullptr || max->compare(op) < 0) max = &op;
    }
    if (max == nullptr) {
      out->new_value.clear();
    } else {
      out->existing_operand = *max;
    }
    return true;
  }
  bool PartialMerge(const Slice& /*key*/, const Slice& left, const Slice& right,
                    std::string* new_value, Logger* /*logger*/) const override {
    const Slice& max = left.compare(right) >= 0 ? left : right;
    new_value->assign(max.data(), max.size());
    return true;
  }
  bool PartialMergeMulti(const Slice& /*key*/,
                         const std::deque<Slice>& operands,
                         std::string* new_value,
                         Logger* /*logger*/) const override {
    if (operands.empty()) return false;
    Slice max = operands.front();
    for (const Slice& op : operands) {
      if (max.compare(op) < 0) max = op;
    }
    new_value->assign(max.data(), max.size());
    return true;
  }
  const char* Name() const override { return "MaxOperator"; }
};

class BytesXOROperator : public AssociativeMergeOperator {
 public:
  bool Merge(const Slice& /*key*/, const Slice* existing_value,
             const Slice& value, std::string* new_value,
             Logger* /*logger*/) const override {
    if (existing_value == nullptr) {
      new_value->assign(value.data(), value.size());
      return true;
    }
    const Slice& longer =
        existing_value->size() >= value.size() ? *existing_value : value;
    const Slice& shorter =
        existing_value->size() >= value.size() ? value : *existing_value;
    new_value->assign(longer.data(), longer.size());
    for (size_t i = 0; i < shorter.size(); ++i) {
      (*new_value)[i] = static_cast<char>((*new_value)[i] ^ shorter[i]);
    }
    return true;
  }
  const char* Name() const override { return "BytesXOR"; }
};

// Parses "a,b,c" (decimal ints, as std::stoi accepts them: leading blanks,
// a sign, trailing junk ignored). False for an empty item, a non-number or
// an int overflow (where RocksDB's operator throws).
bool ParseIntList(const Slice& s, std::vector<int>* out) {
  const std::string text = s.ToString();
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    const std::string item = text.substr(
        start, comma == std::string::npos ? std::string::npos : comma - start);
    errno = 0;
    char* end = nullptr;
    const long v = std::strtol(item.c_str(), &end, 10);
    if (end == item.c_str() || errno == ERANGE || v < INT_MIN || v > INT_MAX) {
      return false;
    }
    out->push_back(static_cast<int>(v));
    if (comma == std::string::npos) return true;
    start = comma + 1;
  }
}

// sortlist: a merge step of merge sort over the operands' lists.
class SortOperator : public MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& in,
                   MergeOperationOutput* out) const override {
    return MergeLists(in.operand_list, &out->new_value);
  }
  bool PartialMerge(const Slice& /*key*/, const Slice& left, const Slice& right,
                    std::string* new_value, Logger* /*logger*/) const override {
    return MergeLists({left, right}, new_value);
  }
  bool PartialMergeMulti(const Slice& /*key*/,
                         const std::deque<Slice>& /*operands*/,
                         std::string* /*new_value*/,
                         Logger* /*logger*/) const override {
    return true;  // RocksDB 7.8.3's operator reports success, writes nothing
  }
  const char* Name() const override { return "MergeSortOperator"; }

 private:
  // Repeatedly takes the smallest head among the lists (ties: the earlier
  // list), which merges sorted lists and mimics RocksDB on unsorted ones.
  static bool MergeLists(const std::vector<Slice>& lists, std::string* out) {
    std::vector<std::vector<int>> parsed(lists.size());
    for (size_t i = 0; i < lists.size(); ++i) {
      if (!ParseIntList(lists[i], &parsed[i])) return false;
    }
    std::vector<size_t> pos(lists.size(), 0);
    out->clear();
    while (true) {
      size_t best = lists.size();
      for (size_t i = 0; i < lists.size(); ++i) {
        if (pos[i] < parsed[i].size() &&
            (best == lists.size() ||
             parsed[i][pos[i]] < parsed[best][pos[best]])) {
          best = i;
        }
      }
      if (best == lists.size()) return true;
      if (!out->empty()) out->push_back(',');
      out->append(std::to_string(parsed[best][pos[best]++]));
    }
  }
};

// Shared by the two string-append operators: the "delimiter" option.
template <typename Base>
class WithDelimiter : public Base {
 public:
  explicit WithDelimiter(std::string delim) : delim_(std::move(delim)) {}

  Status GetOption(const ConfigOptions& config_options, const std::string& name,
                   std::string* value) const override {
    if (name == "delimiter") {
      *value = delim_;
      return Status::OK();
    }
    return Base::GetOption(config_options, name, value);
  }
  bool AreEquivalent(const ConfigOptions& config_options,
                     const Configurable* other,
                     std::string* mismatch) const override {
    if (!Base::AreEquivalent(config_options, other, mismatch)) return false;
    const auto* that = dynamic_cast<const WithDelimiter*>(other);
    if (that != nullptr && that != this && that->delim_ != delim_ &&
        !config_options.IsCheckDisabled()) {
      *mismatch = "delimiter";
      return false;
    }
    return true;
  }

 protected:
  Status ConfigureOptions(
      const ConfigOptions& /*config_options*/,
      const std::unordered_map<std::string, std::string>& opts_map,
      std::unordered_map<std::string, std::string>* unused) override {
    for (const auto& kv : opts_map) {
      if (kv.first == "delimiter") {
        delim_ = kv.second;
      } else {
        unused->insert(kv);
      }
    }
    return Status::OK();
  }
  // "{id=<name>;delimiter=<d>;}" as RocksDB prints it; the bare name when
  // the delimiter is empty.
  std::string SerializeOptions(const ConfigOptions& /*config_options*/,
                               const std::string& prefix) const override {
    if (delim_.empty()) return this->GetId();
    return "{" + prefix + "id=" + this->GetId() + ";" + prefix +
           "delimiter=" + delim_ + ";}";
  }

  std::string delim_;
};

class StringAppendOperator : public WithDelimiter<AssociativeMergeOperator> {
 public:
  explicit StringAppendOperator(std::string delim)
      : WithDelimiter(std::move(delim)) {}
  bool Merge(const Slice& /*key*/, const Slice* existing_value,
             const Slice& value, std::string* new_value,
             Logger* /*logger*/) const override {
    new_value->clear();
    if (existing_value != nullptr) {
      new_value->reserve(existing_value->size() + delim_.size() + value.size());
      new_value->assign(existing_value->data(), existing_value->size());
      new_value->append(delim_);
    }
    new_value->append(value.data(), value.size());
    return true;
  }
  const char* Name() const override { return "StringAppendOperator"; }
};

class StringAppendTESTOperator : public WithDelimiter<MergeOperator> {
 public:
  explicit StringAppendTESTOperator(std::string delim)
      : WithDelimiter(std::move(delim)) {}
  bool FullMergeV2(const MergeOperationInput& in,
                   MergeOperationOutput* out) const override {
    if (in.existing_value == nullptr && in.operand_list.size() == 1) {
      out->existing_operand = in.operand_list.front();
      return true;
    }
    std::string& result = out->new_value;
    result.clear();
    bool first = true;
    if (in.existing_value != nullptr) {
      result.assign(in.existing_value->data(), in.existing_value->size());
      first = false;
    }
    for (const Slice& op : in.operand_list) {
      if (!first) result.append(delim_);
      result.append(op.data(), op.size());
      first = false;
    }
    return true;
  }
  bool PartialMerge(const Slice& /*key*/, const Slice& /*left*/,
                    const Slice& /*right*/, std::string* /*new_value*/,
                    Logger* /*logger*/) const override {
    return false;
  }
  bool PartialMergeMulti(const Slice& /*key*/,
                         const std::deque<Slice>& /*operands*/,
                         std::string* /*new_value*/,
                         Logger* /*logger*/) const override {
    return false;
  }
  const char* Name() const override { return "StringAppendTESTOperator"; }
};

}  // namespace

std::shared_ptr<MergeOperator> MergeOperators::CreatePutOperator() {
  return std::make_shared<PutOperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateDeprecatedPutOperator() {
  return std::make_shared<DeprecatedPutOperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateUInt64AddOperator() {
  return std::make_shared<UInt64AddOperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateStringAppendOperator() {
  return CreateStringAppendOperator(',');
}

std::shared_ptr<MergeOperator> MergeOperators::CreateStringAppendOperator(
    char delim_char) {
  return CreateStringAppendOperator(std::string(1, delim_char));
}

std::shared_ptr<MergeOperator> MergeOperators::CreateStringAppendOperator(
    const std::string& delim) {
  return std::make_shared<StringAppendOperator>(delim);
}

std::shared_ptr<MergeOperator>
MergeOperators::CreateStringAppendTESTOperator() {
  return std::make_shared<StringAppendTESTOperator>(",");
}

std::shared_ptr<MergeOperator> MergeOperators::CreateMaxOperator() {
  return std::make_shared<MaxOperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateBytesXOROperator() {
  return std::make_shared<BytesXOROperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateSortOperator() {
  return std::make_shared<SortOperator>();
}

std::shared_ptr<MergeOperator> MergeOperators::CreateFromStringId(
    const std::string& id) {
  using Factory = std::shared_ptr<MergeOperator> (*)();
  static const std::unordered_map<std::string, Factory> kFactories = {
      {"put", &CreatePutOperator},
      {"PutOperator", &CreatePutOperator},
      {"put_v1", &CreateDeprecatedPutOperator},
      {"uint64add", &CreateUInt64AddOperator},
      {"UInt64AddOperator", &CreateUInt64AddOperator},
      {"max", &CreateMaxOperator},
      {"MaxOperator", &CreateMaxOperator},
      {"stringappend", [] { return CreateStringAppendOperator(); }},
      {"StringAppendOperator", [] { return CreateStringAppendOperator(); }},
      {"stringappendtest", &CreateStringAppendTESTOperator},
      {"StringAppendTESTOperator", &CreateStringAppendTESTOperator},
      {"bytesxor", &CreateBytesXOROperator},
      {"BytesXOR", &CreateBytesXOROperator},
      {"sortlist", &CreateSortOperator},
      {"MergeSortOperator", &CreateSortOperator},
  };
  auto it = kFactories.find(id);
  return it == kFactories.end() ? nullptr : it->second();
}

}  // namespace ROCKSDB_NAMESPACE
