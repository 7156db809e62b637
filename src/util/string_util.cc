// Copyright (c) the rocksdb-cleanroom authors.
//
// String helpers (see string_util.h).
#include "util/string_util.h"

#include <cctype>
#include <cstdarg>
#include <cstdio>

namespace ROCKSDB_NAMESPACE {

void AppendNumberTo(std::string* str, uint64_t num) {
  char buf[24];
  snprintf(buf, sizeof(buf), "%llu", static_cast<unsigned long long>(num));
  str->append(buf);
}

void AppendEscapedStringTo(std::string* str, const Slice& value) {
  for (size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= ' ' && c <= '~') {
      str->push_back(static_cast<char>(c));
    } else {
      char buf[5];
      snprintf(buf, sizeof(buf), "\\x%02x", c);
      str->append(buf);
    }
  }
}

std::string NumberToString(uint64_t num) {
  std::string r;
  AppendNumberTo(&r, num);
  return r;
}

std::string EscapeString(const Slice& value) {
  std::string r;
  AppendEscapedStringTo(&r, value);
  return r;
}

std::string BytesToHumanString(uint64_t bytes) {
  static const char* const kUnits[] = {"KB", "MB", "GB", "TB", "PB", "EB"};
  if (bytes < 1024) return NumberToString(bytes) + "B";
  double v = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (v >= 1024 && unit + 1 < sizeof(kUnits) / sizeof(kUnits[0])) {
    v /= 1024;
    ++unit;
  }
  return StringPrintf("%.2f%s", v, kUnits[unit]);
}

bool ConsumeDecimalNumber(Slice* in, uint64_t* val) {
  constexpr uint64_t kMax = ~uint64_t{0};
  uint64_t v = 0;
  size_t digits = 0;
  while (digits < in->size()) {
    const char c = (*in)[digits];
    if (c < '0' || c > '9') break;
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (kMax - d) / 10) return false;  // would overflow
    v = v * 10 + d;
    ++digits;
  }
  if (digits == 0) return false;
  in->remove_prefix(digits);
  *val = v;
  return true;
}

std::vector<std::string> StringSplit(const std::string& s, char delim) {
  std::vector<std::string> parts;
  if (s.empty()) return parts;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(delim, start);
    if (pos == std::string::npos) {
      parts.push_back(s.substr(start));
      break;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
  return parts;
}

std::string TrimString(const std::string& s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && isspace(static_cast<unsigned char>(s[begin]))) {
    ++begin;
  }
  while (end > begin && isspace(static_cast<unsigned char>(s[end - 1]))) {
    --end;
  }
  return s.substr(begin, end - begin);
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ToHex(const char* data, size_t n) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string r;
  r.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    r.push_back(kDigits[c >> 4]);
    r.push_back(kDigits[c & 0xf]);
  }
  return r;
}

namespace {

void AppendV(std::string* dst, const char* format, va_list ap) {
  char small[256];
  va_list copy;
  va_copy(copy, ap);
  const int n = vsnprintf(small, sizeof(small), format, copy);
  va_end(copy);
  if (n < 0) return;
  if (static_cast<size_t>(n) < sizeof(small)) {
    dst->append(small, static_cast<size_t>(n));
    return;
  }
  const size_t old = dst->size();
  dst->resize(old + static_cast<size_t>(n) + 1);
  vsnprintf(&(*dst)[old], static_cast<size_t>(n) + 1, format, ap);
  dst->resize(old + static_cast<size_t>(n));
}

}  // namespace

std::string StringPrintf(const char* format, ...) {
  std::string r;
  va_list ap;
  va_start(ap, format);
  AppendV(&r, format, ap);
  va_end(ap);
  return r;
}

void StringAppendF(std::string* dst, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  AppendV(dst, format, ap);
  va_end(ap);
}

}  // namespace ROCKSDB_NAMESPACE
