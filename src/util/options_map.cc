// Copyright (c) the rocksdb-cleanroom authors.
//
// Option-string parsing (see options_map.h). One left-to-right scan: each
// piece runs up to the next ';' outside braces; inside a piece the first
// '=' separates name and value.
#include "util/options_map.h"

#include "util/string_util.h"

namespace ROCKSDB_NAMESPACE {

namespace {

// Strips one pair of enclosing braces if they match each other.
bool StripBraces(std::string* s) {
  if (s->size() < 2 || s->front() != '{' || s->back() != '}') return false;
  int depth = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    if ((*s)[i] == '{') ++depth;
    if ((*s)[i] == '}') --depth;
    // The opening brace closes before the end: "{a}x{b}".
    if (depth == 0 && i + 1 < s->size()) return false;
  }
  *s = s->substr(1, s->size() - 2);
  return true;
}

}  // namespace

Status ParseOptionsMap(const std::string& opts,
                       std::unordered_map<std::string, std::string>* result) {
  result->clear();
  std::string text = TrimString(opts);
  if (StripBraces(&text)) text = TrimString(text);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = pos;
    int depth = 0;
    for (; end < text.size(); ++end) {
      const char c = text[end];
      if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (--depth < 0) {
          return Status::InvalidArgument("Mismatched brace in options: ", opts);
        }
      } else if (c == ';' && depth == 0) {
        break;
      }
    }
    if (depth != 0) {
      return Status::InvalidArgument("Mismatched brace in options: ", opts);
    }
    const std::string piece = TrimString(text.substr(pos, end - pos));
    pos = end + 1;
    if (piece.empty()) {
      if (end >= text.size() - 1) break;  // a trailing ';'
      return Status::InvalidArgument("Empty option in: ", opts);
    }
    const size_t eq = piece.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument("Mismatched key value pair: ", piece);
    }
    const std::string name = TrimString(piece.substr(0, eq));
    if (name.empty()) {
      return Status::InvalidArgument("Empty key in: ", piece);
    }
    std::string value = TrimString(piece.substr(eq + 1));
    StripBraces(&value);
    (*result)[name] = value;
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
