// Copyright (c) the rocksdb-cleanroom authors.
//
// Fault rules: name tables, file-kind inference from base names, rule
// matching and the faults applied to read results.

#include "env/fault_injection_rules.h"

#include <algorithm>
#include <cstring>

namespace ROCKSDB_NAMESPACE {

namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool StartsWith(const std::string& s, const char* prefix) {
  return s.compare(0, std::strlen(prefix), prefix) == 0;
}

bool KindMatches(FaultFileKind want, FaultFileKind a, FaultFileKind b) {
  return want == FaultFileKind::kAny || want == a || want == b;
}

}  // namespace

const char* FaultOpName(FaultOp op) {
  static const char* const kNames[] = {
      "open", "read",   "write",      "flush",    "sync",     "close", "rename",
      "link", "delete", "create_dir", "truncate", "metadata", "lock",  "any"};
  const size_t i = static_cast<size_t>(op);
  return i < sizeof(kNames) / sizeof(kNames[0]) ? kNames[i] : "unknown";
}

FaultFileKind FaultFileKindOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string base =
      slash == std::string::npos ? path : path.substr(slash + 1);
  if (StartsWith(base, "OPTIONS-")) return FaultFileKind::kOptions;
  if (StartsWith(base, "MANIFEST-")) return FaultFileKind::kManifest;
  if (base == "CURRENT") return FaultFileKind::kCurrent;
  if (EndsWith(base, ".dbtmp")) return FaultFileKind::kTemp;
  if (EndsWith(base, ".log")) return FaultFileKind::kWal;
  if (EndsWith(base, ".sst") || EndsWith(base, ".ldb")) {
    return FaultFileKind::kSst;
  }
  return FaultFileKind::kOther;
}

const char* FaultFileKindName(FaultFileKind kind) {
  static const char* const kNames[] = {"wal",       "sst",     "manifest",
                                       "current",   "options", "temp",
                                       "directory", "other",   "any"};
  const size_t i = static_cast<size_t>(kind);
  return i < sizeof(kNames) / sizeof(kNames[0]) ? kNames[i] : "unknown";
}

int FaultRuleSet::Add(const FaultRule& rule) {
  const int id = next_id_++;
  rules_.push_back(Entry{id, rule, 0});
  return id;
}

void FaultRuleSet::Remove(int id) {
  rules_.erase(std::remove_if(rules_.begin(), rules_.end(),
                              [id](const Entry& e) { return e.id == id; }),
               rules_.end());
}

bool FaultRuleSet::Match(FaultOp op, FaultFileKind kind, FaultFileKind kind2,
                         Random64* rnd, FaultRule* fired) {
  for (auto it = rules_.begin(); it != rules_.end(); ++it) {
    const FaultRule& rule = it->rule;
    if (rule.op != FaultOp::kAny && rule.op != op) continue;
    if (!KindMatches(rule.file_kind, kind, kind2)) continue;
    ++it->seen;
    if (it->seen < rule.nth) continue;
    // Without one_in, a once rule fires exactly on the nth operation.
    if (!rule.persistent && rule.one_in == 0 && it->seen > rule.nth) continue;
    if (rule.one_in > 0 && !rnd->OneIn(rule.one_in)) continue;
    *fired = rule;
    if (!rule.persistent) rules_.erase(it);
    return true;
  }
  return false;
}

IOStatus InjectedError(const FaultRule& rule, FaultOp op,
                       const std::string& path) {
  const std::string msg =
      std::string("injected ") + FaultOpName(op) + " error (faultfs)";
  IOStatus s = rule.error == FaultError::kNoSpace
                   ? IOStatus::NoSpace(msg, path)
                   : IOStatus::IOError(msg, path);
  s.SetRetryable(rule.retryable);
  return s;
}

IOStatus ApplyReadFault(const ReadFault& fault, const std::string& path,
                        Slice* result, char* scratch) {
  if (!fault.armed) return IOStatus::OK();
  const size_t n = result->size();
  const bool shorten = fault.error == FaultError::kShortRead;
  if (n == 0) {
    return IOStatus::IOError(
        std::string("injected read error (faultfs): nothing to ") +
            (shorten ? "shorten" : "corrupt"),
        path);
  }
  if (shorten) {
    *result = Slice(result->data(), static_cast<size_t>(fault.random % n));
    return IOStatus::OK();
  }
  if (result->data() != scratch) {
    std::memmove(scratch, result->data(), n);
    *result = Slice(scratch, n);
  }
  const size_t pos = static_cast<size_t>(fault.random % n);
  const int bit = static_cast<int>((fault.random >> 40) & 7);
  scratch[pos] = static_cast<char>(scratch[pos] ^ (1 << bit));
  return IOStatus::OK();
}

}  // namespace ROCKSDB_NAMESPACE
