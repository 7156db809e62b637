// Copyright (c) the rocksdb-cleanroom authors.
//
// RandomBatchGenerator: the op mix below aims at the corners of the
// WriteBatch API (empty and binary keys, multi-byte family ids, gather
// overloads, timestamps, save points, size limits, checksums) while keeping
// to inputs that Debian's debug-assert build accepts:
//  - protection_bytes_per_key is 0 or 8;
//  - when the default family has timestamps, no handle for family 0 is
//    used, so every key UpdateTimestamps() touches carries a timestamp;
//  - UpdateTimestamps() gets a non-empty timestamp and is not used on
//    batches with per-key protection (RocksDB's checksum update there
//    misreads keys of families without timestamps).

#include "random_batch.h"

#include <cstdlib>

namespace compat {

namespace {

const int kFamilies[] = {0,
                         1,
                         2,
                         127,
                         128,
                         300,
                         70000,
                         kFirstTimestampFamily,
                         kFirstTimestampFamily + 1};

std::string HexOf(const std::string& s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string PartsText(const std::vector<std::string>& parts) {
  std::string out = "[";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += "|";
    out += parts[i].size() > 40 ? HexOf(parts[i].substr(0, 16)) + "...(" +
                                      std::to_string(parts[i].size()) + ")"
                                : HexOf(parts[i]);
  }
  return out + "]";
}

const char* KindName(BatchOp::Kind kind) {
  using Kind = BatchOp::Kind;
  switch (kind) {
    case Kind::kPut:
      return "Put";
    case Kind::kDelete:
      return "Delete";
    case Kind::kSingleDelete:
      return "SingleDelete";
    case Kind::kDeleteRange:
      return "DeleteRange";
    case Kind::kMerge:
      return "Merge";
    case Kind::kPutEntity:
      return "PutEntity";
    case Kind::kPutLogData:
      return "PutLogData";
    case Kind::kSetSavePoint:
      return "SetSavePoint";
    case Kind::kRollbackToSavePoint:
      return "RollbackToSavePoint";
    case Kind::kPopSavePoint:
      return "PopSavePoint";
    case Kind::kClear:
      return "Clear";
    case Kind::kMarkWalTerminationPoint:
      return "MarkWalTerminationPoint";
    case Kind::kUpdateTimestamps:
      return "UpdateTimestamps";
    case Kind::kSetMaxBytes:
      return "SetMaxBytes";
  }
  return "?";
}

}  // namespace

size_t RandomBatchGenerator::SkewedLength(size_t max) {
  // Pick a bit width first, then a length below it.
  size_t bits = 0;
  while ((size_t{1} << bits) <= max) ++bits;
  const size_t limit = size_t{1} << Uniform(bits + 1);
  const size_t len = Uniform(limit);
  return len > max ? max : len;
}

std::string RandomBatchGenerator::RandomBytes(size_t max_len) {
  const size_t len = SkewedLength(max_len);
  std::string s(len, '\0');
  const bool binary = OneIn(3);
  for (char& c : s) {
    c = static_cast<char>(binary ? Uniform(256) : 'a' + Uniform(4));
  }
  return s;
}

std::vector<std::string> RandomBatchGenerator::Split(const std::string& s) {
  std::vector<std::string> parts;
  const size_t pieces = Uniform(4);  // 0 pieces: the empty string
  if (pieces == 0) {
    if (!s.empty()) parts.push_back(s);
    return parts;
  }
  size_t pos = 0;
  for (size_t i = 0; i + 1 < pieces; ++i) {
    const size_t len = Uniform(s.size() - pos + 1);
    parts.push_back(s.substr(pos, len));
    pos += len;
  }
  parts.push_back(s.substr(pos));
  return parts;
}

int RandomBatchGenerator::RandomFamily(const BatchConfig& config) {
  if (OneIn(2)) return -1;
  const int cf = kFamilies[Uniform(sizeof(kFamilies) / sizeof(kFamilies[0]))];
  if (cf == 0 && config.default_cf_ts_sz != 0) return -1;
  return cf;
}

BatchOp RandomBatchGenerator::RandomOp(const BatchConfig& config) {
  using Kind = BatchOp::Kind;
  static const Kind kWeighted[] = {Kind::kPut,
                                   Kind::kPut,
                                   Kind::kPut,
                                   Kind::kPut,
                                   Kind::kDelete,
                                   Kind::kDelete,
                                   Kind::kSingleDelete,
                                   Kind::kDeleteRange,
                                   Kind::kDeleteRange,
                                   Kind::kMerge,
                                   Kind::kMerge,
                                   Kind::kPutEntity,
                                   Kind::kPutLogData,
                                   Kind::kSetSavePoint,
                                   Kind::kSetSavePoint,
                                   Kind::kRollbackToSavePoint,
                                   Kind::kPopSavePoint,
                                   Kind::kMarkWalTerminationPoint,
                                   Kind::kUpdateTimestamps};
  BatchOp op;
  op.kind = kWeighted[Uniform(sizeof(kWeighted) / sizeof(kWeighted[0]))];
  if (OneIn(60)) op.kind = Kind::kClear;
  if (OneIn(80)) op.kind = Kind::kSetMaxBytes;
  op.cf = RandomFamily(config);
  op.gather = OneIn(3);
  op.with_ts = OneIn(7) && op.kind != Kind::kPutEntity;
  if (op.kind == Kind::kUpdateTimestamps && config.protection_bytes_per_key) {
    op.kind = Kind::kPut;
  }
  if (op.with_ts || op.kind == Kind::kUpdateTimestamps) {
    // UpdateTimestamps() asserts on an empty timestamp.
    op.ts =
        std::string(OneIn(8) ? 1 + Uniform(10) : kFamilyTimestampSize, '\0');
    for (char& c : op.ts) c = static_cast<char>(Uniform(256));
  }
  op.key = Split(RandomBytes(24));
  const size_t value_max = OneIn(100) ? 100000 : OneIn(10) ? 2000 : 24;
  op.value = Split(RandomBytes(value_max));
  if (op.kind == Kind::kPutEntity) {
    const size_t n = Uniform(6);
    for (size_t i = 0; i < n; ++i) {
      op.columns.emplace_back(RandomBytes(3), RandomBytes(value_max));
    }
  }
  if (op.kind == Kind::kSetMaxBytes) {
    op.number = OneIn(3) ? 0 : 12 + Uniform(600);
  }
  return op;
}

BatchCase RandomBatchGenerator::Next() {
  BatchCase c;
  c.config.reserved_bytes = OneIn(4) ? Uniform(200) : 0;
  c.config.max_bytes = OneIn(8) ? 12 + Uniform(500) : 0;
  c.config.protection_bytes_per_key = OneIn(4) ? 8 : 0;
  c.config.default_cf_ts_sz = OneIn(10) ? kFamilyTimestampSize : 0;
  const size_t n = SkewedLength(40);
  for (size_t i = 0; i < n; ++i) {
    c.ops.push_back(RandomOp(c.config));
  }
  return c;
}

std::string DescribeCase(const BatchCase& c) {
  std::string out =
      "WriteBatch(reserved=" + std::to_string(c.config.reserved_bytes) +
      ", max_bytes=" + std::to_string(c.config.max_bytes) +
      ", protection=" + std::to_string(c.config.protection_bytes_per_key) +
      ", default_cf_ts_sz=" + std::to_string(c.config.default_cf_ts_sz) + ")\n";
  for (const BatchOp& op : c.ops) {
    out +=
        std::string("  ") + KindName(op.kind) + "(cf=" + std::to_string(op.cf);
    if (op.gather) out += ", gather";
    if (!op.ts.empty() || op.with_ts) out += ", ts=" + HexOf(op.ts);
    out += ", key=" + PartsText(op.key) + ", value=" + PartsText(op.value);
    if (!op.columns.empty()) {
      out += ", columns={";
      for (const auto& col : op.columns) {
        out += HexOf(col.first) + ":" + PartsText({col.second}) + " ";
      }
      out += "}";
    }
    if (op.kind == BatchOp::Kind::kSetMaxBytes) {
      out += ", n=" + std::to_string(op.number);
    }
    out += ")\n";
  }
  return out;
}

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::strtoull(value, nullptr, 0);
}

}  // namespace compat
